/* fc-demo without a display, end to end: the recording page on the test
 * camera and microphone (a 1.5 s recordTime override instead of the
 * Quick Start's 30 s), its events and host calls in order, and the file
 * it names checked with GstDiscoverer and its SHA-256, in the directory
 * --temp-dir named. Also --help, and host settings refused on the command
 * line. */
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <fc-bridge.h>
#include "common/fc-test-files.h"

static char *temp_dir;

static char *
fc_demo_path (void)
{
  return g_build_filename (g_getenv ("FC_BUILD_ROOT"), "demo", "fc-demo", NULL);
}

static void
test_help (void)
{
  g_autofree char *exe = fc_demo_path ();
  g_autofree char *out = NULL;
  int status;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { exe, "--help", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (const char *const *o = (const char *const[]){ "--app", "--page", "--record-time", "--headless", "--camera",
                                                     "--microphone", "--temp-dir", "--download-domain", "replay", NULL };
       *o; o++)
    g_assert_nonnull (strstr (out, *o));
}

static const char *
str (FcValue *o, const char *key)
{
  FcValue *v = fc_value_object_get (o, key);
  return v && fc_value_get_kind (v) == FC_VALUE_STRING ? fc_value_get_string (v) : NULL;
}

static void
test_record (void)
{
  g_autofree char *exe = fc_demo_path ();
  g_autofree char *out = NULL, *err = NULL;
  g_auto (GStrv) env = g_get_environ ();
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (FcValue) recorded = NULL;
  g_autoptr (GstDiscoverer) disc = NULL;
  g_autoptr (GstDiscovererInfo) info = NULL;
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *uri = NULL, *contents = NULL, *joined = NULL;
  const char *argv[] = { exe, "--record-time", "1500", "--temp-dir", temp_dir, NULL };
  GList *video, *audio;
  gsize len;
  int status;

  /* no display: fc-demo must notice by itself */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  /* headless: the test camera and microphone without being told */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("fc-demo printed:\n%s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (char **l = lines; *l && **l; l++)
    {
      g_autoptr (FcValue) o = fc_value_from_json (*l, &error);
      g_assert_no_error (error);
      g_assert_cmpint (fc_value_get_kind (o), ==, FC_VALUE_OBJECT);
      g_assert_nonnull (fc_value_object_get (o, "t"));
      if (str (o, "handler"))
        g_ptr_array_add (order, g_strdup (str (o, "handler")));
      else if (str (o, "toast"))
        g_ptr_array_add (order, g_strdup_printf ("toast:%.16s", str (o, "toast")));
      else if (str (o, "loading"))
        g_ptr_array_add (order, g_strdup ("loading"));
      else if (fc_value_object_get (o, "hideLoading"))
        g_ptr_array_add (order, g_strdup ("hideLoading"));
      else if (str (o, "navigateTo"))
        g_ptr_array_add (order, g_strdup_printf ("navigateTo:%s", str (o, "navigateTo")));
      else if (fc_value_object_get (o, "recorded"))
        {
          recorded = fc_value_ref (fc_value_object_get (o, "recorded"));
          g_ptr_array_add (order, g_strdup ("recorded"));
        }
    }
  g_assert_true (g_str_has_prefix (out, "{\"t\":0,\"notice\":\"no display: running pages/video/video headlessly"));
  g_assert_nonnull (strstr (out, "test pattern and tone stand in"));
  g_ptr_array_add (order, NULL);
  joined = g_strjoinv (" ", (char **) order->pdata);
  g_test_message ("order: %s", joined);
  /* offline or not, the run ends the same way: loading until ready, the
   * toasts on start and end, navigation to playback, the figures */
  g_assert_true (g_str_has_prefix (joined, "loading "));
  g_assert_nonnull (strstr (joined, "loading onRecordReady hideLoading toast:No camera found: onRecordStart toast:Recording starte "
                                    "onRecordEnd toast:Recording ended, navigateTo:pages/playback/playback recorded"));
  g_assert_true (g_str_has_suffix (joined, "recorded"));

  g_assert_nonnull (recorded);
  g_assert_true (g_file_test (str (recorded, "path"), G_FILE_TEST_IS_REGULAR));
  /* --temp-dir reached the recorder plugin through the app's settings */
  g_assert_true (g_str_has_prefix (str (recorded, "path"), temp_dir));
  g_assert_cmpint (str (recorded, "path")[strlen (temp_dir)], ==, G_DIR_SEPARATOR);
  g_assert_cmpfloat (fc_value_get_number (fc_value_object_get (recorded, "duration")), ==, 1500);
  g_assert_true (g_file_get_contents (str (recorded, "path"), &contents, &len, &error));
  g_assert_cmpfloat ((double) len, ==, fc_value_get_number (fc_value_object_get (recorded, "size")));
  g_checksum_update (sum, (const guchar *) contents, len);
  g_assert_cmpstr (g_checksum_get_string (sum), ==, str (recorded, "sha256"));

  disc = gst_discoverer_new (30 * GST_SECOND, &error);
  g_assert_no_error (error);
  uri = gst_filename_to_uri (str (recorded, "path"), &error);
  info = gst_discoverer_discover_uri (disc, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_discoverer_info_get_result (info), ==, GST_DISCOVERER_OK);
  video = gst_discoverer_info_get_video_streams (info);
  audio = gst_discoverer_info_get_audio_streams (info);
  g_assert_cmpuint (g_list_length (video), ==, 1);
  g_assert_cmpuint (g_list_length (audio), ==, 1);
  g_assert_cmpuint (gst_discoverer_info_get_duration (info), >=, 1450 * GST_MSECOND);
  g_assert_cmpuint (gst_discoverer_info_get_duration (info), <=, 1550 * GST_MSECOND);
  gst_discoverer_stream_info_list_free (video);
  gst_discoverer_stream_info_list_free (audio);
}

/* a device or domain the platform cannot use: exit status 2 and a
 * message naming the setting and the value, before anything starts */
static void
test_bad_setting (void)
{
  static const char *const cases[][3] = {
    { "--camera", "webcam0", "host setting camera: \"webcam0\": expected" },
    { "--microphone", "v4l2:/dev/video0", "host setting microphone: \"v4l2:/dev/video0\": expected" },
    { "--download-domain", "https://example.com/", "host setting download-domains: \"https://example.com/\": expected" },
    { "--download-domain", "example.com:0", "host setting download-domains: \"example.com:0\": expected" },
  };
  g_autofree char *exe = fc_demo_path ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr (GError) error = NULL;
      const char *argv[] = { exe, "--headless", cases[i][0], cases[i][1], NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("%s %s: %s", cases[i][0], cases[i][1], err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, cases[i][2]));
    }
}

int
main (int argc, char **argv)
{
  int status;

  temp_dir = g_dir_make_tmp ("fc-demo-headless-XXXXXX", NULL);
  g_assert_nonnull (temp_dir);
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/headless/help", test_help);
  g_test_add_func ("/demo/headless/bad-setting", test_bad_setting);
  g_test_add_func ("/demo/headless/record", test_record);
  status = g_test_run ();
  fc_test_remove_tree (temp_dir);
  g_free (temp_dir);
  return status;
}
