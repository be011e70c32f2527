/* fc-bench-bridge: the bridge's half of issue 3's benchmark (not a test).
 *   BUILD/bench/bridge/fc-bench-bridge [SOURCE_ROOT]
 * Mounts the seed's Quick Start video page, runs 10,000 setData calls on
 * one key with one dependent attribute, delivers 10,000 events to a C
 * callback, and measures bridge memory per component instance on a page
 * of 10,000 instances. bench/bridge/run runs it next to glass-easel.
 *
 * Each measured loop is a function of its own (bench_mount, bench_set_data,
 * bench_event), so an instruction count can be taken per operation:
 *   valgrind --tool=callgrind --toggle-collect=bench_set_data \
 *     BUILD/bench/bridge/fc-bench-bridge
 * and divide by FC_BENCH_N (default 10,000; mounts are a fifth of it). */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <fc-bridge.h>

#include "fc-bench-list.h"

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

typedef struct
{
  FcRegistry *registry;
  FcCallbackScope *scope;
  const char *json;
  const char *fxml;
  FcValue *data;
} Bench;

/* n mounts of the page (build + coerce + bind); cold: a distinct file
 * name each time defeats the parsed-markup cache, so the markup is parsed
 * every time too */
static double
mount_loop (const Bench *b, int n, gboolean cold)
{
  gint64 t0 = g_get_monotonic_time ();

  for (int i = 0; i < n; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *name = cold ? g_strdup_printf ("pages/video/video%d.fxml", i) : NULL;
      FcPage *page = fc_page_new (b->registry, b->scope);

      if (!fc_page_load (page, NULL, b->json, b->fxml, name ? name : "pages/video/video.fxml", b->data, &error))
        g_error ("%s", error->message);
      g_object_unref (page);
    }
  return (g_get_monotonic_time () - t0) / (double) n;
}

static G_GNUC_NO_INLINE double
bench_mount (const Bench *b, int n)
{
  return mount_loop (b, n, FALSE);
}

static G_GNUC_NO_INLINE double
bench_mount_cold (const Bench *b, int n)
{
  return mount_loop (b, n, TRUE);
}

/* n calls of setData ({top: base + i}), the changes object built each time
 * as a page script builds it */
static G_GNUC_NO_INLINE double
bench_set_data (FcPage *page, int n, int base)
{
  gint64 t0 = g_get_monotonic_time ();

  for (int i = 0; i < n; i++)
    {
      g_autoptr (FcValue) set = fc_value_new_object ();
      fc_value_object_set (set, "top", fc_value_new_number (base + i));
      fc_page_set_data (page, set, NULL);
    }
  return (g_get_monotonic_time () - t0) / (double) n;
}

/* n calls of setData ({cents: i}) on a page whose one binding calls a WXS
 * module's function (bench/quickstart/wxs-price.fxml): the call, the
 * values in and out of the sandbox, the coercion */
static G_GNUC_NO_INLINE double
bench_set_data_wxs (FcPage *page, int n)
{
  gint64 t0 = g_get_monotonic_time ();

  for (int i = 0; i < n; i++)
    {
      g_autoptr (FcValue) set = fc_value_new_object ();
      fc_value_object_set (set, "cents", fc_value_new_number (i));
      fc_page_set_data (page, set, NULL);
    }
  return (g_get_monotonic_time () - t0) / (double) n;
}

/* n calls of fc_page_set_data_path ("top", base + i): the same update
 * without a changes object */
static G_GNUC_NO_INLINE double
bench_set_data_path (FcPage *page, int n, int base)
{
  gint64 t0 = g_get_monotonic_time ();

  for (int i = 0; i < n; i++)
    {
      g_autoptr (FcValue) v = fc_value_new_number (base + i);
      fc_page_set_data_path (page, "top", v, NULL);
    }
  return (g_get_monotonic_time () - t0) / (double) n;
}

/* n events from the component to the host's C callback */
static G_GNUC_NO_INLINE double
bench_event (FcElement *el, int n)
{
  gint64 t0 = g_get_monotonic_time ();

  for (int i = 0; i < n; i++)
    fc_element_trigger_event (el, "onRecordEnd", NULL, FC_EVENT_NONE);
  return (g_get_monotonic_time () - t0) / (double) n;
}

/* bridge heap per instance on a page of n components with bound attributes */
static G_GNUC_NO_INLINE double
bench_memory (const Bench *b, int n)
{
  g_autoptr (GString) big = g_string_new ("<view>");
  g_autoptr (FcValue) d = fc_value_from_json ("{\"t\":3000,\"top\":20}", NULL);
  g_autoptr (GError) error = NULL;
  struct mallinfo2 before, after;
  FcPage *page;

  for (int i = 0; i < n; i++)
    g_string_append_printf (big,
                            "<video-recognition id=\"r%d\" recordTime=\"{{t}}\" top=\"{{top}}\" "
                            "mask=\"m.png\" bind:onRecordEnd=\"onRecordEnd\"/>",
                            i);
  g_string_append (big, "</view>");
  before = mallinfo2 ();
  page = fc_page_new (b->registry, b->scope);
  if (!fc_page_load (page, NULL, b->json, big->str, "big.fxml", d, &error))
    g_error ("%s", error->message);
  after = mallinfo2 ();
  g_object_unref (page);
  return (double) (after.uordblks - before.uordblks) / n;
}

int
main (int argc, char **argv)
{
  const char *root = argc > 1 ? argv[1] : g_getenv ("FC_SOURCE_ROOT") ? g_getenv ("FC_SOURCE_ROOT") : ".";
  const char *n_env = g_getenv ("FC_BENCH_N");
  const int n_ops = n_env ? atoi (n_env) : 10000, n_mount = MAX (n_ops / 5, 1);
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
  g_autoptr (FcPage) page = NULL;
  FcElement *el;
  Bench b;

  if (n_ops < 1)
    {
      fprintf (stderr, "fc-bench-bridge: FC_BENCH_N must be a positive number\n");
      return 2;
    }
  if (!g_file_get_contents (fxml_path, &fxml, NULL, &error) || !g_file_get_contents (json_path, &json, NULL, &error)
      || !g_file_get_contents (data_path, &data_text, NULL, &error)
      || !(data = fc_value_from_json (data_text, &error)))
    {
      fprintf (stderr, "fc-bench-bridge: %s\n", error->message);
      return 1;
    }
  fc_registry_add_component (registry, "plugin://video/video-recognition", rec);
  fc_callback_scope_add_callback (scope, "onRecordEnd", on_event, NULL, NULL);
  b = (Bench) { registry, scope, json, fxml, data };
  if (g_strcmp0 (g_getenv ("FC_BENCH_ONLY"), "list") == 0)
    {
      fc_bench_list (root, registry, scope, MAX (n_mount / 10, 1), n_ops);
      return 0;
    }

  printf ("mount quick-start page:    %8.2f us/op (markup parsed once)\n", bench_mount (&b, n_mount));
  printf ("mount, markup parsed too:  %8.2f us/op\n", bench_mount_cold (&b, n_mount));

  page = fc_page_new (registry, scope);
  if (!fc_page_load (page, NULL, json, fxml, "pages/video/video.fxml", data, &error))
    g_error ("%s", error->message);
  el = fc_page_select (page, "video-recognition");

  printf ("setData({top: i}):         %8.3f us/op\n", bench_set_data (page, n_ops, 0));
  g_assert_cmpfloat (fc_value_get_number (fc_element_get_property (el, "top")), ==, n_ops - 1);
  printf ("set_data_path(\"top\", i):   %8.3f us/op\n", bench_set_data_path (page, n_ops, n_ops));
  g_assert_cmpfloat (fc_value_get_number (fc_element_get_property (el, "top")), ==, 2 * n_ops - 1);

  printf ("event to C callback:       %8.3f us/op\n", bench_event (el, n_ops));
  g_assert_cmpuint (n_calls, ==, (guint) n_ops);
  g_clear_object (&page);

  /* wxs-price.fxml's function runs without the engine (bridge/README.md,
   * "Simple functions without the engine"); wxs-price-engine.fxml's, the
   * same with an `if`, in it */
  for (int k = 0; k < 2; k++)
    {
      g_autofree char *wxs_path = g_build_filename (root, "bench", "quickstart",
                                                    k ? "wxs-price-engine.fxml" : "wxs-price.fxml", NULL);
      g_autofree char *wxs_fxml = NULL;
      g_autofree char *expected = g_strdup_printf ("¥%.2f", (n_ops - 1) / 100.0);
      if (!g_file_get_contents (wxs_path, &wxs_fxml, NULL, &error))
        g_error ("%s", error->message);
      page = fc_page_new (registry, scope);
      if (!fc_page_load (page, NULL, json, wxs_fxml, "pages/video/wxs-price.fxml", NULL, &error))
        g_error ("%s", error->message);
      el = fc_page_select (page, "video-recognition");
      printf (k ? "setData → WXS in engine:   %8.3f us/op\n" : "setData → WXS call:        %8.3f us/op\n",
              bench_set_data_wxs (page, n_ops));
      g_assert_cmpstr (fc_value_get_string (fc_element_get_property (el, "mask")), ==, expected);
      g_clear_object (&page);
    }

  fc_bench_list (root, registry, scope, MAX (n_mount / 10, 1), n_ops);

  printf ("memory per instance:       %8.0f bytes (incl. parsed markup)\n", bench_memory (&b, n_ops));
  return 0;
}
