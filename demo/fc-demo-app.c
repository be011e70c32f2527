/* fc-demo-app.c: the GTK host window: mounts a page of the sample
 * mini-program (the seed's Quick Start by default) and shows it with
 * fc-bridge-gtk. The plugins come from the installed-plugin store: the
 * real keyboard (with its own view) and, until the real recorder lands,
 * the recorder stand-in of plugin fc-video-recognition. */
#include "fc-demo-app.h"

#include <fc-bridge-gtk.h>


typedef struct {
  FcPage *page;
  GtkLabel *status;
  gint64 started;
} Demo;

static void
demo_free (gpointer p)
{
  Demo *d = p;
  g_clear_object (&d->page);
  g_free (d);
}

static void
on_handler (const FcEvent *event, gpointer user_data)
{
  Demo *d = user_data;
  g_autoptr (FcValue) v = fc_event_to_value (event);
  g_autofree char *json = fc_value_to_json (v);
  g_autofree char *text = g_strdup_printf ("%s(%s)", event->handler, json);
  g_print ("%s\n", text);
  if (d->status)
    gtk_label_set_text (d->status, text);
}

static void
on_warning (FcPage *page, const char *message, Demo *d)
{
  g_printerr ("%s\n", message);
}

static gboolean
tick (gpointer user_data)
{
  Demo *d = user_data;
  double now = (g_get_monotonic_time () - d->started) / 1000.0;
  if (now > fc_page_get_time (d->page))
    fc_page_advance (d->page, now - fc_page_get_time (d->page));
  return G_SOURCE_CONTINUE;
}

static void
on_record_clicked (GtkButton *button, FcElement *element)
{
  g_autoptr (GError) error = NULL;
  if (!fc_element_call_method (element, "record", NULL, &error))
    g_printerr ("%s\n", error->message);
}

static GtkWidget *
recorder_view (GObject *instance, FcElement *element, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *text = NULL;
  GtkWidget *button = gtk_button_new_with_label ("Record");

  text = g_strdup_printf ("video-recognition (stand-in)\nrecordTime %g ms, %u steps",
                          fc_value_get_number (fc_element_get_property (element, "recordTime")),
                          fc_value_array_get_length (fc_element_get_property (element, "stepList")));
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  g_signal_connect (button, "clicked", G_CALLBACK (on_record_clicked), element);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
activate (GtkApplication *app, gpointer user_data)
{
  const char *page_path = user_data;
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *data_path = NULL, *data_text = NULL;
  g_autoptr (FcValue) data = NULL;
  g_autoptr (FcPluginStore) store = fc_plugin_store_new ();
  g_autoptr (FcApp) mp = NULL;
  FcPlugin *video;
  Demo *d = g_new0 (Demo, 1);
  GtkWidget *window, *box, *view, *status;

  if (!(mp = fc_app_new_from_dir (store, FC_DEMO_APP_DIR, &error)))
    {
      g_printerr ("%s\n", error->message);
      g_free (d);
      return;
    }
  /* the recorder stand-in has no view of its own */
  if ((video = fc_app_get_plugin (mp, "fc-video-recognition")))
    fc_component_class_set_view_factory (fc_plugin_lookup_component (video, "components/video-recognition"),
                                         recorder_view, NULL, NULL);
  fc_callback_scope_set_fallback (scope, on_handler, d, NULL);

  data_path = g_strdup_printf ("%s/%s.data.json", FC_DEMO_APP_DIR, page_path);
  if (g_file_get_contents (data_path, &data_text, NULL, NULL))
    data = fc_value_from_json (data_text, NULL);

  d->started = g_get_monotonic_time ();
  d->page = fc_page_new (registry, scope);
  g_signal_connect (d->page, "warning", G_CALLBACK (on_warning), d);
  if (!fc_app_load_page (mp, d->page, page_path, data, &error))
    {
      g_printerr ("%s\n", error->message);
      demo_free (d);
      return;
    }

  window = gtk_application_window_new (app);
  gtk_window_set_title (GTK_WINDOW (window), "fc-demo");
  gtk_window_set_default_size (GTK_WINDOW (window), 375, 667);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  view = fc_page_view_new (d->page);
  gtk_widget_set_vexpand (view, TRUE);
  status = gtk_label_new ("");
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  d->status = GTK_LABEL (status);
  gtk_box_append (GTK_BOX (box), view);
  gtk_box_append (GTK_BOX (box), status);
  gtk_window_set_child (GTK_WINDOW (window), box);
  g_object_set_data_full (G_OBJECT (window), "fc-demo", d, demo_free);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 16, tick, d, NULL);
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (g_source_remove_by_user_data), d);
  gtk_window_present (GTK_WINDOW (window));
}

int
fc_demo_app_run (const char *page_path)
{
  g_autoptr (GtkApplication) app = gtk_application_new ("org.example.FcDemo", G_APPLICATION_NON_UNIQUE);
  char *argv[] = { (char *) "fc-demo", NULL };
  g_signal_connect (app, "activate", G_CALLBACK (activate), (gpointer) page_path);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
