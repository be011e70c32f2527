/* bench-bridge: the bridge's side of the benchmark (not a test).
 *   build-br/tests/bridge/fc-bridge-bench [SOURCE_ROOT]
 * Mounts the seed's Quick Start video page, runs 10,000 setData calls on
 * one key with one dependent attribute, delivers 10,000 events to a C
 * callback, and measures bridge memory per component instance on a page
 * of 10,000 instances. */
#include <malloc.h>
#include <stdio.h>
#include <fc-bridge.h>

static guint n_calls;

static void
on_event (const FcEvent *event, gpointer user_data)
{
  n_calls++;
}

static FcComponentClass *
recorder (void)
{
  FcComponentClass *k = fc_component_class_new ("plugin://video/video-recognition");
  const char *names[] = { "resolution", "mask", "recordTime", "top", "stepList", "buttonStyle" };
  FcPropertyType types[] = { FC_PROPERTY_STRING, FC_PROPERTY_STRING, FC_PROPERTY_NUMBER, FC_PROPERTY_NUMBER,
                             FC_PROPERTY_ARRAY, FC_PROPERTY_OBJECT };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    fc_component_class_add_property (k, names[i], types[i], 0, NULL, i == 0 || i == 5);
  fc_component_class_add_event (k, "onRecordEnd");
  return k;
}

int
main (int argc, char **argv)
{
  const char *root = argc > 1 ? argv[1] : g_getenv ("FC_SOURCE_ROOT") ? g_getenv ("FC_SOURCE_ROOT") : ".";
  g_autofree char *dir = g_build_filename (root, "demo", "miniprogram", NULL);
  g_autofree char *fxml_path = g_build_filename (dir, "pages/video/video.fxml", NULL);
  g_autofree char *json_path = g_build_filename (dir, "pages/video/video.json", NULL);
  g_autofree char *data_path = g_build_filename (dir, "pages/video/video.data.json", NULL);
  g_autofree char *fxml = NULL, *json = NULL, *data_text = NULL;
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcComponentClass) rec = recorder ();
  g_autoptr (FcValue) data = NULL;
  g_autoptr (GError) error = NULL;
  const int n_mount = 2000, n_ops = 10000;
  gint64 t0;
  FcPage *page;
  FcElement *el;

  if (!g_file_get_contents (fxml_path, &fxml, NULL, &error) || !g_file_get_contents (json_path, &json, NULL, &error)
      || !g_file_get_contents (data_path, &data_text, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  data = fc_value_from_json (data_text, &error);
  fc_registry_add_component (registry, "plugin://video/video-recognition", rec);
  fc_callback_scope_add_callback (scope, "onRecordEnd", on_event, NULL, NULL);

  /* mount (parse + build + coerce), the data already parsed */
  t0 = g_get_monotonic_time ();
  for (int i = 0; i < n_mount; i++)
    {
      page = fc_page_new (registry, scope);
      if (!fc_page_load (page, NULL, json, fxml, "pages/video/video.fxml", data, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      g_object_unref (page);
    }
  printf ("mount quick-start page:    %8.2f us/op (markup parsed once)\n", (g_get_monotonic_time () - t0) / (double) n_mount);

  /* cold: a distinct file name each time defeats the parsed-markup cache */
  t0 = g_get_monotonic_time ();
  for (int i = 0; i < n_mount; i++)
    {
      g_autofree char *name = g_strdup_printf ("pages/video/video%d.fxml", i);
      page = fc_page_new (registry, scope);
      fc_page_load (page, NULL, json, fxml, name, data, NULL);
      g_object_unref (page);
    }
  printf ("mount, markup parsed too:  %8.2f us/op\n", (g_get_monotonic_time () - t0) / (double) n_mount);

  page = fc_page_new (registry, scope);
  fc_page_load (page, NULL, json, fxml, "pages/video/video.fxml", data, &error);
  el = fc_page_select (page, "video-recognition");

  t0 = g_get_monotonic_time ();
  for (int i = 0; i < n_ops; i++)
    {
      g_autoptr (FcValue) set = fc_value_new_object ();
      fc_value_object_set (set, "top", fc_value_new_number (i));
      fc_page_set_data (page, set, NULL);
    }
  printf ("setData({top: i}):         %8.3f us/op\n", (g_get_monotonic_time () - t0) / (double) n_ops);

  t0 = g_get_monotonic_time ();
  for (int i = 0; i < n_ops; i++)
    {
      g_autoptr (FcValue) v = fc_value_new_number (n_ops + i);
      fc_page_set_data_path (page, "top", v, NULL);
    }
  printf ("set_data_path(\"top\", i):   %8.3f us/op\n", (g_get_monotonic_time () - t0) / (double) n_ops);
  g_assert_cmpfloat (fc_value_get_number (fc_element_get_property (el, "top")), ==, 2 * n_ops - 1);

  t0 = g_get_monotonic_time ();
  for (int i = 0; i < n_ops; i++)
    fc_element_trigger_event (el, "onRecordEnd", NULL, FC_EVENT_NONE);
  printf ("event to C callback:       %8.3f us/op\n", (g_get_monotonic_time () - t0) / (double) n_ops);
  g_assert_cmpuint (n_calls, ==, (guint) n_ops);
  g_object_unref (page);

  /* memory per instance: 10,000 components with bound attributes */
  {
    GString *big = g_string_new ("<view>");
    struct mallinfo2 before, after;
    g_autoptr (FcValue) d = fc_value_from_json ("{\"t\":3000,\"top\":20}", NULL);
    for (int i = 0; i < n_ops; i++)
      g_string_append_printf (big, "<video-recognition id=\"r%d\" recordTime=\"{{t}}\" top=\"{{top}}\" "
                                   "mask=\"m.png\" bind:onRecordEnd=\"onRecordEnd\"/>", i);
    g_string_append (big, "</view>");
    before = mallinfo2 ();
    page = fc_page_new (registry, scope);
    if (!fc_page_load (page, NULL, json, big->str, "big.fxml", d, &error))
      return 1;
    after = mallinfo2 ();
    printf ("memory per instance:       %8.0f bytes (incl. parsed markup)\n",
            (double) (after.uordblks - before.uordblks) / n_ops);
    g_object_unref (page);
    g_string_free (big, TRUE);
  }
  return 0;
}
