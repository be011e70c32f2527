/* fc_recorder_preload(): in a fresh process, the recorder's plugins are
 * not loaded; the warm-up loads them in a worker thread (the main loop
 * keeps turning meanwhile), reports how many factories it loaded, and a
 * second call reports the same at once. Then a recorder attaches and gets
 * "ready" as usual. And loading the video plugin's module starts the
 * warm-up by itself (in a fresh child process). Stopping it
 * (fc_recorder_preload_stop(), which an atexit() handler also calls)
 * returns once its thread has ended, with fewer plugins loaded, and a
 * waiting caller still gets its report. */

#include <glib/gstdio.h>
#include <gst/gst.h>

#include <fc-bridge.h>

#include "fc-recorder.h"

static gboolean
plugin_loaded (const char *name)
{
  g_autoptr (GstPlugin) plugin
      = gst_registry_find_plugin (gst_registry_get (), name);

  return plugin != NULL && gst_plugin_is_loaded (plugin);
}

static void
done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;
  int *n = data;

  *n = fc_recorder_preload_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
count_tick (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static void
on_ready (FcRecorder *rec, GVariant *detail, gboolean *ready)
{
  *ready = TRUE;
}

static void
test_preload (void)
{
  int first = 0, second = 0;
  guint ticks = 0, ticker;
  gboolean ready = FALSE;
  FcRecorder *rec;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fc-preload-XXXXXX", &error);
  gint64 deadline;

  g_assert_no_error (error);
  if (gst_registry_find_plugin (gst_registry_get (), "x264") == NULL)
    {
      g_test_skip ("no x264 plugin");
      return;
    }
  /* nothing has loaded the encoders and the muxer yet */
  g_assert_false (plugin_loaded ("x264"));
  g_assert_false (plugin_loaded ("isomp4"));

  ticker = g_timeout_add (1, count_tick, &ticks);
  fc_recorder_preload_async (NULL, done, &first);
  fc_recorder_preload (); /* a second caller meanwhile: no harm */
  while (first == 0)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("preloaded %d factories; the main loop turned %u times "
                  "meanwhile", first, ticks);
  g_assert_cmpint (first, >, 10);
  g_assert_true (plugin_loaded ("x264"));
  g_assert_true (plugin_loaded ("isomp4"));
  g_assert_true (plugin_loaded ("libav"));

  fc_recorder_preload_async (NULL, done, &second);
  while (second == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (second, ==, first);
  g_source_remove (ticker);

  rec = fc_recorder_new ();
  g_signal_connect (rec, "ready", G_CALLBACK (on_ready), &ready);
  g_object_set (rec, "camera", "test", "microphone", "test", "resolution",
                "low", "allow-test-source", TRUE, "temp-dir", dir, NULL);
  g_assert_true (fc_recorder_prepare (rec));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!ready && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ready);
  fc_recorder_close (rec);
  g_assert_finalize_object (rec);
  g_rmdir (dir);
}

/* Loading the plugin through the bridge, and nothing else: GStreamer's
 * plugins load meanwhile, off the main loop. */
static void
test_plugin_load (void)
{
  if (g_test_subprocess ())
    {
      const char *build = g_getenv ("FC_BUILD_ROOT");
      g_autofree char *plugins
          = g_build_filename (build ? build : ".", "plugins", NULL);
      const char *dirs[] = { plugins, NULL };
      g_autoptr (FcPluginStore) store = fc_plugin_store_new_for_path (dirs);
      g_autoptr (GError) error = NULL;
      gint64 deadline;

      g_assert_false (plugin_loaded ("x264"));
      g_assert_nonnull (
          fc_plugin_store_load (store, "fc-video-recognition", "1.0.0", &error));
      g_assert_no_error (error);
      deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
      while (!(plugin_loaded ("x264") && plugin_loaded ("isomp4"))
             && g_get_monotonic_time () < deadline)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (10000);
      g_assert_true (plugin_loaded ("x264"));
      g_assert_true (plugin_loaded ("isomp4"));
      return;
    }
  if (gst_registry_find_plugin (gst_registry_get (), "x264") == NULL)
    {
      g_test_skip ("no x264 plugin");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* In a fresh child: the warm-up started, then stopped at once. */
static void
test_stop (void)
{
  if (g_test_subprocess ())
    {
      int n = -2, again = -2;

      fc_recorder_preload_async (NULL, done, &n);
      fc_recorder_preload_stop ();
      /* the thread has ended: its report waits on this main context */
      g_assert_true (g_main_context_iteration (NULL, FALSE));
      g_assert_cmpint (n, >=, 0);
      g_test_message ("stopped after %d factories", n);
      g_assert_false (plugin_loaded ("x264") && plugin_loaded ("isomp4")
                      && plugin_loaded ("libav"));
      /* once stopped, nothing more loads; a caller gets the same count */
      fc_recorder_preload_stop ();
      fc_recorder_preload_async (NULL, done, &again);
      while (again == -2)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (again, ==, n);
      return;
    }
  if (gst_registry_find_plugin (gst_registry_get (), "x264") == NULL)
    {
      g_test_skip ("no x264 plugin");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/video/recorder/preload", test_preload);
  g_test_add_func ("/video/recorder/preload/plugin-load", test_plugin_load);
  g_test_add_func ("/video/recorder/preload/stop", test_stop);
  return g_test_run ();
}
