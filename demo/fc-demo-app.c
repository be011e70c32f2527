/* fc-demo-app.c: the GTK host window (see fc-demo-app.h). Pages are
 * mounted with fc-bridge and shown with fc-bridge-gtk's FcPageView; the
 * keyboard plugin brings its own view, the recorder's (FcRecorderView,
 * library fc-video-recognition-gtk) is attached here, as the plugin
 * module itself needs no GTK. */
#include "fc-demo-app.h"

#include <fc-bridge-gtk.h>
#include <fc-recorder-view.h>
#include <gst/gst.h>
#include <glib-unix.h>
#include <signal.h>
#include <glib/gi18n-lib.h>

#include "fc-demo-host.h"
#include "fc-demo-pages.h"

struct _FcDemoWindow {
  GtkApplicationWindow parent_instance;
  FcDemoHost host;
  FcPluginStore *store;
  GtkWidget *stack;
  GtkWidget *back;
  GtkWidget *title;
  GtkWidget *toast;
  GtkWidget *loading;
  GtkWidget *loading_label;
  GPtrArray *pages;          /* Entry*, bottom to top */
  guint toast_id;
  guint tick_id;
};

G_DEFINE_FINAL_TYPE (FcDemoWindow, fc_demo_window, GTK_TYPE_APPLICATION_WINDOW)

typedef struct {
  FcPage *page;
  GtkWidget *box;            /* in the stack */
  GtkWidget *view;           /* the FcPageView */
  char *title;
  char *path;
  gint64 opened;
} Entry;

static void
entry_free (gpointer p)
{
  Entry *e = p;
  g_clear_object (&e->page);
  g_free (e->title);
  g_free (e->path);
  g_free (e);
}

static FcDemoWindow *
window_of (FcDemoHost *host)
{
  return host->backend_data;
}

/* ---- the host API, GTK backend ---- */

static gboolean
toast_timeout (gpointer data)
{
  FcDemoWindow *self = data;
  self->toast_id = 0;
  gtk_widget_set_visible (self->toast, FALSE);
  gtk_label_set_text (GTK_LABEL (self->toast), "");
  return G_SOURCE_REMOVE;
}

static void
show_toast (FcDemoHost *host, const char *title, guint duration_ms)
{
  FcDemoWindow *self = window_of (host);

  g_printerr ("fc-demo: toast: %s\n", title);
  gtk_label_set_text (GTK_LABEL (self->toast), title);
  gtk_widget_set_visible (self->toast, TRUE);
  g_clear_handle_id (&self->toast_id, g_source_remove);
  self->toast_id = g_timeout_add (duration_ms, toast_timeout, self);
}

static void
show_loading (FcDemoHost *host, const char *title)
{
  FcDemoWindow *self = window_of (host);
  gtk_label_set_text (GTK_LABEL (self->loading_label), *title ? title : _("Loading"));
  gtk_widget_set_visible (self->loading, TRUE);
}

static void
hide_loading (FcDemoHost *host)
{
  gtk_widget_set_visible (window_of (host)->loading, FALSE);
}

/* GtkVideo (libgtk-4-media-gstreamer) lets playbin pick sinks by rank;
 * DirectFB's dfbvideosink then opens its own display and crashes in its
 * dispatch thread under X11/Wayland. Keep it out of autoplugging. */
static void
demote_directfb (void)
{
  GstPluginFeature *f;

  if (!gst_init_check (NULL, NULL, NULL))
    return;
  if ((f = gst_registry_lookup_feature (gst_registry_get (), "dfbvideosink")))
    {
      gst_plugin_feature_set_rank (f, GST_RANK_NONE);
      gst_object_unref (f);
    }
}

static GtkWidget *
recorder_view (GObject *instance, FcElement *element, gpointer user_data)
{
  FcRecorder *recorder = FC_RECORDER (instance);
  GtkWidget *w = fc_recorder_view_new (recorder);

  /* the recorder may be previewing already (the plugin prepares it at
   * mount): the view joins the running pipeline */
  gtk_widget_set_vexpand (w, TRUE);
  gtk_widget_set_hexpand (w, TRUE);
  return w;
}

/* A page's JSON: navigationBarTitleText as the window title; our own
 * "hostVideo": the data key naming a file the host plays with GtkVideo
 * below the page (the bridge has no <video> element). */
static FcValue *
page_json (FcDemoWindow *self, const char *page_path)
{
  g_autofree char *file = g_strdup_printf ("%s/%s.json", fc_app_get_dir (self->host.app), page_path);
  g_autofree char *text = NULL;
  FcValue *v;

  if (!g_file_get_contents (file, &text, NULL, NULL) || !(v = fc_value_from_json (text, NULL)))
    return fc_value_new_object ();
  if (fc_value_get_kind (v) != FC_VALUE_OBJECT)
    {
      fc_value_unref (v);
      return fc_value_new_object ();
    }
  return v;
}

/* GtkVideo plays through GTK's GStreamer media module
 * (libgtk-4-media-gstreamer), which on a GL renderer needs glsinkbin
 * (gstreamer1.0-gl). Without them playbin autoplugs any video sink it
 * finds, GTK 3 ones included, which abort a GTK 4 process: say what is
 * missing instead. */
static GtkWidget *
make_player (const char *file)
{
  g_autoptr (GstElementFactory) gl = gst_element_factory_find ("glsinkbin");
  GtkWidget *player, *note;

  if (gl)
    {
      player = gtk_video_new_for_filename (file);
      if (g_strcmp0 (G_OBJECT_TYPE_NAME (gtk_video_get_media_stream (GTK_VIDEO (player))), "GtkNoMediaFile") != 0)
        {
          gtk_widget_set_name (player, "host-video");
          gtk_widget_set_vexpand (player, TRUE);
          gtk_video_set_autoplay (GTK_VIDEO (player), TRUE);
          return player;
        }
      g_object_ref_sink (player);
      g_object_unref (player);
    }
  note = gtk_label_new ("To play the recording here, install libgtk-4-media-gstreamer "
                        "and gstreamer1.0-gl.");
  gtk_widget_set_name (note, "no-media-backend");
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_set_vexpand (note, TRUE);
  return note;
}

static void
update_chrome (FcDemoWindow *self)
{
  Entry *top = self->pages->len ? g_ptr_array_index (self->pages, self->pages->len - 1) : NULL;

  gtk_widget_set_visible (self->back, self->pages->len > 1);
  gtk_label_set_text (GTK_LABEL (self->title), top ? top->title : "fc-demo");
  if (top)
    gtk_stack_set_visible_child (GTK_STACK (self->stack), top->box);
}

static gboolean
navigate_to (FcDemoHost *host, const char *page_path, FcValue *data, GError **error)
{
  FcDemoWindow *self = window_of (host);
  g_autoptr (FcPage) page = NULL;
  g_autoptr (FcValue) json = NULL;
  FcValue *title, *video;
  Entry *e;

  if (!(page = fc_demo_pages_mount (host, page_path, data, error)))
    return FALSE;
  json = page_json (self, page_path);
  e = g_new0 (Entry, 1);
  e->page = g_steal_pointer (&page);
  e->opened = g_get_monotonic_time ();
  e->path = g_strdup (page_path);
  title = fc_value_object_get (json, "navigationBarTitleText");
  e->title = g_strdup (title && fc_value_get_kind (title) == FC_VALUE_STRING ? fc_value_get_string (title) : page_path);
  e->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  e->view = fc_page_view_new (e->page);
  /* app.ftss and the page's .ftss (what does not map to GTK CSS is a
   * page warning); a sheet that cannot be read leaves the page unstyled */
  {
    g_autoptr (GError) style_error = NULL;
    if (!fc_page_view_load_stylesheets (FC_PAGE_VIEW (e->view), page_path, &style_error))
      g_printerr ("fc-demo: %s\n", style_error->message);
  }
  gtk_widget_set_vexpand (e->view, TRUE);
  gtk_box_append (GTK_BOX (e->box), e->view);
  video = fc_value_object_get (json, "hostVideo");
  if (video && fc_value_get_kind (video) == FC_VALUE_STRING)
    {
      FcValue *file = fc_value_object_get (fc_page_get_data (e->page), fc_value_get_string (video));
      if (file && fc_value_get_kind (file) == FC_VALUE_STRING && *fc_value_get_string (file))
        gtk_box_append (GTK_BOX (e->box), make_player (fc_value_get_string (file)));
    }
  gtk_stack_add_child (GTK_STACK (self->stack), e->box);
  g_ptr_array_add (self->pages, e);
  update_chrome (self);
  return TRUE;
}

/* See fc_demo_host_should_retry_without_audio(): the page on top opens
 * again, its prompts without audio. */
static gboolean
reopen_without_audio (gpointer data)
{
  FcDemoWindow *self = data;
  Entry *top = self->pages->len ? g_ptr_array_index (self->pages, self->pages->len - 1) : NULL;
  g_autofree char *path = top ? g_strdup (top->path) : NULL;
  g_autoptr (GError) error = NULL;

  if (!path)
    return G_SOURCE_REMOVE;
  if (self->pages->len > 1)
    fc_demo_window_go_back (self);
  else
    {
      Entry *only = g_ptr_array_steal_index (self->pages, 0);
      gtk_stack_remove (GTK_STACK (self->stack), only->box);
      entry_free (only);
    }
  if (!fc_demo_host_navigate_to (&self->host, path, &error))
    show_toast (&self->host, error->message, 3000);
  else
    show_toast (&self->host, _("Prompt audio could not be loaded: the prompts show without audio"), 3000);
  return G_SOURCE_REMOVE;
}

static void
on_event (FcDemoHost *host, const FcEvent *event)
{
  g_autoptr (FcValue) v = fc_value_new_object ();
  g_autofree char *json = NULL;

  fc_value_object_set (v, "handler", fc_value_new_string (event->handler ? event->handler : ""));
  /* a key's text never reaches a log: the keyboard's own rule, which a host
   * printing its events must keep too (PIN digits would be in the journal) */
  if (g_strcmp0 (event->type, "input") == 0)
    fc_value_object_set (v, "detail", fc_value_new_string ("(key hidden)"));
  else
    fc_value_object_set (v, "detail", event->detail ? fc_value_ref (event->detail) : fc_value_new_null ());
  json = fc_value_to_json (v);
  g_printerr ("fc-demo: %s\n", json);
  if (fc_demo_host_should_retry_without_audio (host, event))
    {
      host->no_prompt_audio = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, reopen_without_audio, g_object_ref (window_of (host)), g_object_unref);
    }
}

static const FcDemoHostBackend backend = {
  show_toast, show_loading, hide_loading, navigate_to, on_event,
};

/* ---- the window ---- */

gboolean
fc_demo_window_go_back (FcDemoWindow *self)
{
  Entry *top;

  g_return_val_if_fail (FC_IS_DEMO_WINDOW (self), FALSE);
  if (self->pages->len < 2)
    return FALSE;
  top = g_ptr_array_steal_index (self->pages, self->pages->len - 1);
  update_chrome (self);
  gtk_stack_remove (GTK_STACK (self->stack), top->box);
  /* the page goes last: a recorder still recording finalises its file */
  entry_free (top);
  hide_loading (&self->host);
  return TRUE;
}

static void
on_back (GtkButton *button, FcDemoWindow *self)
{
  fc_demo_window_go_back (self);
}

static gboolean
tick (gpointer data)
{
  FcDemoWindow *self = data;
  gint64 now = g_get_monotonic_time ();

  /* page time follows the real clock (replay alone makes it virtual) */
  for (guint i = 0; i < self->pages->len; i++)
    {
      Entry *e = g_ptr_array_index (self->pages, i);
      double t = (now - e->opened) / 1000.0;
      if (t > fc_page_get_time (e->page))
        fc_page_advance (e->page, t - fc_page_get_time (e->page));
    }
  return G_SOURCE_CONTINUE;
}

static void
fc_demo_window_dispose (GObject *object)
{
  FcDemoWindow *self = FC_DEMO_WINDOW (object);

  g_clear_handle_id (&self->toast_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  G_OBJECT_CLASS (fc_demo_window_parent_class)->dispose (object);
}

static void
fc_demo_window_finalize (GObject *object)
{
  FcDemoWindow *self = FC_DEMO_WINDOW (object);

  g_clear_object (&self->host.scope);
  g_clear_object (&self->host.registry);
  g_clear_object (&self->host.app);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (fc_demo_window_parent_class)->finalize (object);
}

static void
fc_demo_window_class_init (FcDemoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *localedir = g_getenv ("FC_LOCALEDIR");

  /* the demo's titles and toasts follow the locale (po/) */
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : FC_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  object_class->dispose = fc_demo_window_dispose;
  object_class->finalize = fc_demo_window_finalize;
}

static void
fc_demo_window_init (FcDemoWindow *self)
{
  GtkWidget *header, *overlay, *spinner;

  self->pages = g_ptr_array_new_with_free_func (entry_free);
  self->host.backend = &backend;
  self->host.backend_data = self;
  self->host.navigate_delay_ms = 3500;   /* the seed's setTimeout */

  gtk_window_set_default_size (GTK_WINDOW (self), 375, 667);
  header = gtk_header_bar_new ();
  self->back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back, _("Back"));
  g_signal_connect (self->back, "clicked", G_CALLBACK (on_back), self);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), self->back);
  self->title = gtk_label_new ("fc-demo");
  gtk_widget_add_css_class (self->title, "title");
  gtk_header_bar_set_title_widget (GTK_HEADER_BAR (header), self->title);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);

  overlay = gtk_overlay_new ();
  self->stack = gtk_stack_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->stack);

  self->toast = gtk_label_new ("");
  gtk_widget_set_name (self->toast, "toast");
  gtk_label_set_wrap (GTK_LABEL (self->toast), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->toast), 30);
  gtk_widget_add_css_class (self->toast, "osd");
  gtk_widget_set_halign (self->toast, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->toast, GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (self->toast, FALSE);
  gtk_widget_set_visible (self->toast, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->toast);

  self->loading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_name (self->loading, "loading");
  gtk_widget_add_css_class (self->loading, "osd");
  gtk_widget_set_halign (self->loading, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->loading, GTK_ALIGN_CENTER);
  spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  self->loading_label = gtk_label_new (_("Loading"));
  gtk_box_append (GTK_BOX (self->loading), spinner);
  gtk_box_append (GTK_BOX (self->loading), self->loading_label);
  gtk_widget_set_visible (self->loading, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->loading);

  gtk_window_set_child (GTK_WINDOW (self), overlay);
  self->tick_id = g_timeout_add (16, tick, self);
}

FcDemoWindow *
fc_demo_window_new (GtkApplication *app, const char *app_dir, const char *page, double record_time,
                    FcHostSettings *settings, GError **error)
{
  g_autoptr (FcDemoWindow) self = g_object_ref_sink (g_object_new (FC_TYPE_DEMO_WINDOW, NULL));
  FcPlugin *video;

  g_return_val_if_fail (app_dir != NULL && page != NULL, NULL);
  demote_directfb ();
  self->store = fc_plugin_store_new ();
  if (!(self->host.app = fc_app_new_from_dir (self->store, app_dir, error)))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  if (settings)
    fc_app_set_host_settings (self->host.app, settings);
  if ((video = fc_app_get_plugin (self->host.app, "fc-video-recognition")))
    {
      FcComponentClass *k = fc_plugin_lookup_component (video, "components/video-recognition");
      if (k)
        fc_component_class_set_view_factory (k, recorder_view, NULL, NULL);
    }
  self->host.record_time = record_time;
  self->host.registry = fc_registry_new ();
  self->host.scope = fc_demo_pages_new_scope (&self->host);
  if (app)
    gtk_window_set_application (GTK_WINDOW (self), app);
  if (!fc_demo_host_navigate_to (&self->host, page, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return g_steal_pointer (&self);
}

gboolean
fc_demo_window_navigate_to (FcDemoWindow *self, const char *url, GError **error)
{
  g_return_val_if_fail (FC_IS_DEMO_WINDOW (self), FALSE);
  return fc_demo_host_navigate_to (&self->host, url, error);
}

static Entry *
top_entry (FcDemoWindow *self)
{
  return self->pages->len ? g_ptr_array_index (self->pages, self->pages->len - 1) : NULL;
}

FcPage *
fc_demo_window_get_page (FcDemoWindow *self)
{
  g_return_val_if_fail (FC_IS_DEMO_WINDOW (self), NULL);
  return top_entry (self) ? top_entry (self)->page : NULL;
}

GtkWidget *
fc_demo_window_get_page_widget (FcDemoWindow *self)
{
  g_return_val_if_fail (FC_IS_DEMO_WINDOW (self), NULL);
  return top_entry (self) ? top_entry (self)->box : NULL;
}

const char *
fc_demo_window_get_toast (FcDemoWindow *self)
{
  g_return_val_if_fail (FC_IS_DEMO_WINDOW (self), NULL);
  return gtk_widget_get_visible (self->toast) ? gtk_label_get_text (GTK_LABEL (self->toast)) : NULL;
}

gboolean
fc_demo_window_get_loading (FcDemoWindow *self)
{
  g_return_val_if_fail (FC_IS_DEMO_WINDOW (self), FALSE);
  return gtk_widget_get_visible (self->loading);
}

void
fc_demo_window_set_navigate_delay (FcDemoWindow *self, guint ms)
{
  g_return_if_fail (FC_IS_DEMO_WINDOW (self));
  self->host.navigate_delay_ms = ms;
}

guint
fc_demo_window_get_depth (FcDemoWindow *self)
{
  g_return_val_if_fail (FC_IS_DEMO_WINDOW (self), 0);
  return self->pages->len;
}

/* ---- the application ---- */

typedef struct {
  const char *app_dir;
  const char *page;
  double record_time;
  FcHostSettings *settings;
  int status;
} RunArgs;

static void
activate (GtkApplication *app, RunArgs *args)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *settings = NULL;
  FcDemoWindow *window;

  settings = fc_demo_host_describe_settings (args->settings);
  g_printerr ("fc-demo: %s\n", settings);
  if (!(window = fc_demo_window_new (app, args->app_dir, args->page, args->record_time, args->settings, &error)))
    goto fail;
  gtk_window_present (GTK_WINDOW (window));
  g_object_unref (window);   /* the application holds it */
  return;
fail:
  g_printerr ("fc-demo: %s\n", error->message);
  args->status = 1;
}

/* Ctrl-C or a kill: close the windows, so that a recording under way is
 * finalised (the page's recorder closes its file) before the process
 * ends. */
static gboolean
on_quit_signal (gpointer data)
{
  GtkApplication *app = data;
  GList *windows;

  g_printerr ("fc-demo: closing\n");
  while ((windows = gtk_application_get_windows (app)))
    gtk_window_destroy (windows->data);
  return G_SOURCE_CONTINUE;
}

int
fc_demo_app_run (const char *app_dir, const char *page, double record_time, FcHostSettings *settings)
{
  g_autoptr (GtkApplication) app = gtk_application_new (FC_DEMO_APP_ID, G_APPLICATION_NON_UNIQUE);
  char *argv[] = { (char *) "fc-demo", NULL };
  RunArgs args = { app_dir, page, record_time, settings, 0 };
  guint sigint, sigterm;
  int status;

  g_set_application_name ("fc-demo");
  g_signal_connect (app, "activate", G_CALLBACK (activate), &args);
  sigint = g_unix_signal_add (SIGINT, on_quit_signal, app);
  sigterm = g_unix_signal_add (SIGTERM, on_quit_signal, app);
  status = g_application_run (G_APPLICATION (app), 1, argv);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  return status ? status : args.status;
}
