/* A host's FcRecorderView attached to a recorder that is already running:
 * the recorder plugin prepares its recorder when the page mounts, before
 * any view exists (a headless host never makes one). Here a page is
 * mounted headlessly, its recorder becomes ready, and only then is a
 * view made for it and shown: frames must reach the view from the same
 * pipeline (no second prepare, onRecordReady exactly once), and a
 * recording made afterwards must still come out whole. Needs a display
 * (the view counts the frames it turns into textures on its frame
 * clock). */
#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <fc-bridge.h>
#include <fc-recorder-view.h>

#include "common/fc-test-devices.h"
#include "common/fc-test-files.h"

typedef struct
{
  GPtrArray *events; /* the event types in order */
  FcValue *end_detail;
  guint preparing; /* transitions into PREPARING */
} Seen;

static void
on_event (const FcEvent *event, gpointer data)
{
  Seen *seen = data;

  g_ptr_array_add (seen->events, g_strdup (event->type));
  if (strcmp (event->type, "onRecordEnd") == 0)
    seen->end_detail = fc_value_ref (event->detail);
  if (strcmp (event->type, "onRecordError") == 0)
    {
      g_autofree char *json = fc_value_to_json (event->detail);
      g_test_message ("onRecordError: %s", json);
    }
}

static void
on_state (FcRecorder *recorder, GParamSpec *pspec, gpointer data)
{
  Seen *seen = data;

  if (fc_recorder_get_state (recorder) == FC_RECORDER_STATE_PREPARING)
    seen->preparing++;
}

static guint
count (Seen *seen, const char *type)
{
  guint n = 0;

  for (guint i = 0; i < seen->events->len; i++)
    n += strcmp (g_ptr_array_index (seen->events, i), type) == 0;
  return n;
}

static gboolean
wake (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until @type has been seen @n times, or
 * @timeout_ms passed (a broken pipeline then fails the assertion, not
 * the test's time limit). */
static gboolean
wait_event (Seen *seen, const char *type, guint n, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, wake, &timed_out);

  while (count (seen, type) < n && count (seen, "onRecordError") == 0
         && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return count (seen, type) >= n;
}

static gboolean
wait_frames (FcRecorderView *view, guint64 n, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, wake, &timed_out);

  while (fc_recorder_view_get_n_frames (view) < n && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return fc_recorder_view_get_n_frames (view) >= n;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wake, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static FcPluginStore *
shipped_store (void)
{
  g_autofree char *plugins
      = g_build_filename (g_getenv ("FC_BUILD_ROOT"), "plugins", NULL);
  const char *dirs[] = { plugins, NULL };

  return fc_plugin_store_new_for_path (dirs);
}

static void
test_attach_after_ready (void)
{
  g_autoptr (FcTestCamera) cam = NULL;
  g_autofree char *camera = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fc-preview-attach-XXXXXX", &error);
  g_autofree char *temp = NULL;
  g_autoptr (FcPluginStore) store = shipped_store ();
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcApp) app = NULL;
  g_autoptr (FcPage) page = NULL;
  Seen seen = { g_ptr_array_new_with_free_func (g_free), NULL, 0 };
  FcHostSettings *settings;
  FcRecorder *recorder;
  FcElement *rec;
  GtkWidget *window, *view;
  guint64 before_record;
  const char *path;

  g_assert_no_error (error);
  /* inside the test environment a PipeWire camera of our own (a shared
   * one stalls once consumers have come and gone), else the test source */
  if (g_getenv ("FC_TEST_CAMERA_NODE"))
    {
      if (!(cam = fc_test_camera_new (1280, 720)))
        {
          g_rmdir (dir);
          return;
        }
      camera = g_strconcat ("pipewire:", fc_test_camera_get_node (cam), NULL);
    }
  else
    camera = g_strdup ("test");
  temp = g_build_filename (dir, "recordings", NULL);
  app = fc_app_new (store, dir,
                    "{\"plugins\": {\"video\": {\"version\": \"1.0.0\", "
                    "\"provider\": \"fc-video-recognition\"}}}",
                    &error);
  g_assert_no_error (error);
  settings = fc_app_get_host_settings (app);
  g_assert_true (fc_host_settings_set_camera (settings, camera, &error));
  g_assert_true (fc_host_settings_set_microphone (settings, "test", &error));
  g_assert_true (fc_host_settings_set_temp_dir (settings, temp, &error));
  g_assert_no_error (error);

  /* mounted headlessly: no page view, no recorder view */
  fc_callback_scope_set_fallback (scope, on_event, &seen, NULL);
  page = fc_page_new (registry, scope);
  fc_app_load_page_text (
      app, page, "pages/rec/rec",
      "{\"usingComponents\": {\"video-recognition\": "
      "\"plugin://video/video-recognition\"}}",
      "<video-recognition id=\"rec\" recordTime=\"1000\" "
      "bind:onRecordReady=\"ready\" bind:onRecordStart=\"start\" "
      "bind:onRecordEnd=\"end\" bind:onRecordError=\"failed\"/>",
      NULL, &error);
  g_assert_no_error (error);
  rec = fc_page_select (page, "#rec");
  recorder = FC_RECORDER (fc_element_get_instance (rec));
  g_assert_true (wait_event (&seen, "onRecordReady", 1, 30000));
  g_assert_cmpint (fc_recorder_get_state (recorder), ==,
                   FC_RECORDER_STATE_READY);

  /* then the host makes a view for it and shows it */
  g_signal_connect (recorder, "notify::state", G_CALLBACK (on_state), &seen);
  window = gtk_window_new ();
  view = fc_recorder_view_new (recorder);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 240, 320);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_frames (FC_RECORDER_VIEW (view), 10, 20000));
  g_test_message ("%" G_GUINT64_FORMAT " frames in the view",
                  fc_recorder_view_get_n_frames (FC_RECORDER_VIEW (view)));
  /* the same pipeline: not started again, ready once */
  g_assert_cmpuint (seen.preparing, ==, 0);
  g_assert_cmpint (fc_recorder_get_state (recorder), ==,
                   FC_RECORDER_STATE_READY);
  g_assert_cmpuint (count (&seen, "onRecordReady"), ==, 1);
  g_assert_cmpuint (count (&seen, "onRecordError"), ==, 0);

  /* a recording after the swap: whole, and the view keeps showing */
  before_record = fc_recorder_view_get_n_frames (FC_RECORDER_VIEW (view));
  g_assert_true (fc_element_call_method (rec, "record", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (wait_event (&seen, "onRecordEnd", 1, 30000));
  g_assert_cmpuint (count (&seen, "onRecordStart"), ==, 1);
  g_assert_cmpuint (count (&seen, "onRecordReady"), ==, 1);
  g_assert_cmpuint (seen.preparing, ==, 0);
  g_assert_cmpfloat (
      fc_value_get_number (fc_value_object_get (seen.end_detail, "duration")),
      ==, 1000);
  path = fc_value_get_string (
      fc_value_object_get (seen.end_detail, "tempVideoPath"));
  g_assert_true (g_str_has_prefix (path, temp));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  spin (300);
  g_assert_cmpuint (fc_recorder_view_get_n_frames (FC_RECORDER_VIEW (view)),
                    >, before_record);

  g_signal_handlers_disconnect_by_func (recorder, on_state, &seen);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&page);
  g_clear_pointer (&seen.end_detail, fc_value_unref);
  g_ptr_array_unref (seen.events);
  fc_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return g_test_run ();
    }
  g_test_add_func ("/demo/preview/attach-after-ready",
                   test_attach_after_ready);
  return g_test_run ();
}
