/* fc-demo-headless.c: see fc-demo-headless.h. Output, one JSON object per
 * line (the replay format's "t" in ms since the page opened):
 *   {"t":0,"notice":"..."}                   what the run uses
 *   {"t":0,"loading":"Preparing the camera"} showLoading / {"hideLoading":true}
 *   {"t":812,"handler":"onRecordReady","detail":{...}}   every event
 *   {"t":812,"record":"video-recognition"}   the demo presses record
 *   {"t":1003,"toast":"Recording started"}   showToast
 *   {"t":4040,"navigateTo":"pages/playback/playback","data":{"url":"..."}}
 *   {"t":4040,"recorded":{"path":...,"duration":...,"size":...,"sha256":...}}
 * Exit status 0 when a file was recorded. */
#include "fc-demo-headless.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "fc-demo-host.h"
#include "fc-demo-pages.h"

typedef struct {
  FcDemoHost host;
  GMainLoop *loop;
  FcPage *page;
  char *page_path;
  FcValue *end_detail;
  gboolean failed;
  gint64 opened;
} Headless;

static void
emit (Headless *h, const char *key, FcValue *value, const char *key2, FcValue *value2)
{
  g_autoptr (GString) out = g_string_new ("{\"t\":");
  g_autoptr (FcValue) t = fc_value_new_number (h->page ? fc_page_get_time (h->page) : 0);
  g_autoptr (FcValue) k = fc_value_new_string (key);

  fc_value_append_json (t, out);
  g_string_append_c (out, ',');
  fc_value_append_json (k, out);
  g_string_append_c (out, ':');
  fc_value_append_json (value, out);
  if (key2)
    {
      g_autoptr (FcValue) k2 = fc_value_new_string (key2);
      g_string_append_c (out, ',');
      fc_value_append_json (k2, out);
      g_string_append_c (out, ':');
      fc_value_append_json (value2, out);
    }
  g_string_append (out, "}\n");
  fputs (out->str, stdout);
  fflush (stdout);
}

static void
emit_string (Headless *h, const char *key, const char *text)
{
  g_autoptr (FcValue) v = fc_value_new_string (text);
  emit (h, key, v, NULL, NULL);
}

static void
show_toast (FcDemoHost *host, const char *title, guint duration_ms)
{
  emit_string ((Headless *) host, "toast", title);
}

static void
show_loading (FcDemoHost *host, const char *title)
{
  emit_string ((Headless *) host, "loading", title);
}

static void
hide_loading (FcDemoHost *host)
{
  g_autoptr (FcValue) v = fc_value_new_boolean (TRUE);
  emit ((Headless *) host, "hideLoading", v, NULL, NULL);
}

static gboolean
navigate_to (FcDemoHost *host, const char *page_path, FcValue *data, GError **error)
{
  Headless *h = (Headless *) host;
  g_autoptr (FcValue) p = fc_value_new_string (page_path);

  /* no window to show the playback page in: say where the host would go */
  emit (h, "navigateTo", p, "data", data);
  if (h->end_detail)
    g_main_loop_quit (h->loop);
  return TRUE;
}

static gboolean
press_record (gpointer data)
{
  Headless *h = data;
  FcElement *el = fc_page_select (h->page, "video-recognition");
  g_autoptr (GError) error = NULL;

  emit_string (h, "record", "video-recognition");
  if (!el || !fc_element_call_method (el, "record", NULL, &error))
    {
      emit_string (h, "failure", error ? error->message : "no video-recognition element");
      h->failed = TRUE;
      g_main_loop_quit (h->loop);
    }
  return G_SOURCE_REMOVE;
}

static gboolean mount (Headless *h);

/* The Quick Start's prompt audio lives on a remote server; offline (or
 * with the domain not whitelisted) the recorder refuses to start. The
 * demo then says so and records the page again without prompt audio, so
 * that a fresh machine without network still shows a recording. */
static gboolean
remount_without_audio (gpointer data)
{
  Headless *h = data;
  emit_string (h, "notice", "prompt audio could not be loaded: recording again without it "
                            "(the prompts' text still shows)");
  g_clear_object (&h->page);
  if (!mount (h))
    g_main_loop_quit (h->loop);
  return G_SOURCE_REMOVE;
}

static void
on_event (FcDemoHost *host, const FcEvent *event)
{
  Headless *h = (Headless *) host;
  g_autoptr (FcValue) handler = fc_value_new_string (event->handler ? event->handler : event->type);
  g_autoptr (FcValue) undefined = fc_value_new_null ();

  emit (h, "handler", handler, "detail", event->detail ? event->detail : undefined);
  if (g_strcmp0 (event->type, "onRecordReady") == 0)
    g_idle_add (press_record, h);
  else if (g_strcmp0 (event->type, "onRecordEnd") == 0)
    {
      g_clear_pointer (&h->end_detail, fc_value_unref);
      h->end_detail = event->detail ? fc_value_ref (event->detail) : fc_value_new_object ();
    }
  else if (g_strcmp0 (event->type, "onRecordError") == 0)
    {
      if (fc_demo_host_should_retry_without_audio (host, event))
        {
          host->no_prompt_audio = TRUE;
          g_idle_add (remount_without_audio, h);
        }
      else
        {
          h->failed = TRUE;
          g_main_loop_quit (h->loop);
        }
    }
}

static const FcDemoHostBackend backend = {
  show_toast, show_loading, hide_loading, navigate_to, on_event,
};

static gboolean
tick (gpointer data)
{
  Headless *h = data;
  double now = (g_get_monotonic_time () - h->opened) / 1000.0;

  if (h->page && now > fc_page_get_time (h->page))
    fc_page_advance (h->page, (double) (gint64) (now - fc_page_get_time (h->page)));
  return G_SOURCE_CONTINUE;
}

static gboolean
timed_out (gpointer data)
{
  Headless *h = data;
  emit_string (h, "failure", "timed out waiting for the recording");
  h->failed = TRUE;
  g_main_loop_quit (h->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
mount (Headless *h)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcValue) data = NULL;
  g_autofree char *path = fc_demo_host_page_data (&h->host, h->page_path, &data, &error);

  h->opened = g_get_monotonic_time ();
  if (path)
    h->page = fc_demo_pages_mount (&h->host, path, data, &error);
  if (!h->page)
    {
      emit_string (h, "failure", error->message);
      h->failed = TRUE;
      return FALSE;
    }
  return TRUE;
}

int
fc_demo_headless_run (const char *app_dir, const char *page_path, double record_time,
                      FcHostSettings *settings)
{
  Headless h = { 0 };
  g_autoptr (FcPluginStore) store = fc_plugin_store_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *described = NULL, *notice = NULL;
  FcValue *v;
  guint tick_id, timeout_id;
  double limit_ms;

  g_return_val_if_fail (FC_IS_HOST_SETTINGS (settings), 1);
  described = fc_demo_host_describe_settings (settings);
  h.host.backend = &backend;
  h.host.record_time = record_time;
  h.host.navigate_delay_ms = 0;
  if (!(h.host.app = fc_app_new_from_dir (store, app_dir, &error)))
    {
      g_printerr ("fc-demo: %s\n", error->message);
      return 1;
    }
  fc_app_set_host_settings (h.host.app, settings);
  h.host.registry = fc_registry_new ();
  h.host.scope = fc_demo_pages_new_scope (&h.host);
  h.loop = g_main_loop_new (NULL, FALSE);
  h.page_path = g_strdup (page_path);

  notice = g_strdup_printf ("no display: running %s headlessly; %s", page_path, described);
  emit_string (&h, "notice", notice);
  if (mount (&h))
    {
      v = fc_value_object_get (fc_page_get_data (h.page), "recordTime");
      limit_ms = (v ? fc_value_to_number (v) : 30000) + 90000;
      tick_id = g_timeout_add (10, tick, &h);
      timeout_id = g_timeout_add ((guint) limit_ms, timed_out, &h);
      g_main_loop_run (h.loop);
      g_source_remove (tick_id);
      if (!h.failed)
        g_source_remove (timeout_id);
    }

  if (!h.failed && h.end_detail)
    {
      FcValue *path = fc_value_object_get (h.end_detail, "tempVideoPath");
      g_autoptr (FcValue) figures = fc_value_new_object ();
      static const char *const keys[] = { "duration", "size", "sha256", "tempThumbPath", "tempSubtitlePath" };
      GStatBuf st;

      fc_value_object_set (figures, "path", path ? fc_value_ref (path) : fc_value_new_null ());
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        if ((v = fc_value_object_get (h.end_detail, keys[i])))
          fc_value_object_set (figures, keys[i], fc_value_ref (v));
      if (!path || fc_value_get_kind (path) != FC_VALUE_STRING || g_stat (fc_value_get_string (path), &st) != 0)
        {
          emit_string (&h, "failure", "onRecordEnd named no file that exists");
          h.failed = TRUE;
        }
      else
        {
          emit (&h, "recorded", figures, NULL, NULL);
          g_printerr ("fc-demo: recorded %s (%.3f s, %" G_GINT64_FORMAT " bytes)\n",
                      fc_value_get_string (path),
                      (v = fc_value_object_get (h.end_detail, "duration")) ? fc_value_to_number (v) / 1000.0 : 0,
                      (gint64) st.st_size);
        }
    }
  else if (!h.failed)
    h.failed = TRUE;

  g_clear_object (&h.page);
  g_clear_pointer (&h.end_detail, fc_value_unref);
  g_clear_pointer (&h.loop, g_main_loop_unref);
  g_clear_object (&h.host.scope);
  g_clear_object (&h.host.registry);
  g_clear_object (&h.host.app);
  g_free (h.page_path);
  return h.failed ? 1 : 0;
}
