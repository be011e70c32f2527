/* The seed's Quick Start page (finclip-plugin-guide.md 3.1.1), unchanged:
 * its video.fxml, video.json and page data from demo/miniprogram, with the
 * three prompt audio URLs pointing at an HTTP server on loopback, recorded
 * end to end through `fc-demo replay` with the real plugins. The recording
 * must come out whole: exact duration, video and audio, and the prompt
 * timeline beside it. */

#include <gio/gio.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <libsoup/soup.h>
#include <glib/gstdio.h>

#include "common/fc-test-files.h"
#include "common/fc-test-recording.h"

#define N_PROMPTS 3

static GBytes *prompts[N_PROMPTS];

/* An MP3 of a short tone: what the platform's prompt audio is. */
static GBytes *
encode_mp3 (int freq)
{
  g_autofree char *desc = g_strdup_printf (
      "audiotestsrc num-buffers=40 freq=%d ! audio/x-raw,rate=44100,channels=1 ! lamemp3enc", freq);
  return fc_test_encode (desc, 1000);
}

static void
serve (SoupServer *server, SoupServerMessage *msg, const char *path,
       GHashTable *query, gpointer data)
{
  for (int i = 0; i < N_PROMPTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("/%d.mp3", i + 1);
      if (g_strcmp0 (path, name) == 0)
        {
          gsize size;
          const char *bytes = g_bytes_get_data (prompts[i], &size);

          soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
          soup_server_message_set_response (msg, "audio/mpeg", SOUP_MEMORY_COPY, bytes, size);
          return;
        }
    }
  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}


/* The page data of the seed, with each audioSrc moved to loopback. */
static char *
quickstart_data (const char *source_root, guint port)
{
  g_autofree char *path = g_build_filename (source_root, "demo", "miniprogram", "pages",
                                            "video", "video.data.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) data = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  data = g_string_new (text);
  for (int i = 0; i < N_PROMPTS; i++)
    {
      g_autofree char *from = g_strdup_printf (
          "https://devtest-1252553964.cos.ap-guangzhou.myqcloud.com/%d.mp3", i + 1);
      g_autofree char *to = g_strdup_printf ("http://127.0.0.1:%u/%d.mp3", port, i + 1);
      g_assert_cmpuint (g_string_replace (data, from, to, 0), ==, 1);
    }
  return g_string_free (g_steal_pointer (&data), FALSE);
}

typedef struct {
  gboolean done;
  char *out;
  char *err;
  int status;
} Child;

static void
child_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Child *child = user_data;
  g_autoptr (GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &child->out, &child->err, &error);
  g_assert_no_error (error);
  child->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  child->done = TRUE;
}

/* The value of "KEY":"..." in the onRecordEnd line of the replay output. */
static char *
end_detail_string (const char *out, const char *key)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *needle = g_strdup_printf ("\"%s\":\"", key);

  for (guint i = 0; lines[i]; i++)
    if (strstr (lines[i], "\"handler\":\"onRecordEnd\""))
      {
        const char *at = strstr (lines[i], needle);
        const char *end;

        if (at == NULL)
          return NULL;
        at += strlen (needle);
        end = strchr (at, '"');
        return g_strndup (at, end - at);
      }
  return NULL;
}

static void
test_quickstart_records (void)
{
  const char *source_root = g_getenv ("FC_SOURCE_ROOT");
  const char *build_root = g_getenv ("FC_BUILD_ROOT");
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autofree char *dir = NULL, *data = NULL, *replay = NULL, *case_path = NULL;
  g_autofree char *fc_demo = NULL, *video = NULL, *vtt = NULL, *uri = NULL, *vtt_text = NULL;
  g_autoptr (GstDiscoverer) discoverer = NULL;
  g_autoptr (GstDiscovererInfo) info = NULL;
  GSList *uris;
  guint port;
  Child child = { 0 };
  GstClockTime duration;

  if (g_getenv ("FC_TEST_MIC_NODE") == NULL || source_root == NULL || build_root == NULL)
    {
      g_test_skip ("run the suite through ./run test");
      return;
    }
  for (int i = 0; i < N_PROMPTS; i++)
    prompts[i] = encode_mp3 (440 + 220 * i);

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, serve, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  dir = g_dir_make_tmp ("fc-quickstart-XXXXXX", &error);
  g_assert_no_error (error);
  data = quickstart_data (source_root, port);
  replay = g_strdup_printf (
      "{\n"
      "  \"app\": \"%s/demo/miniprogram\",\n"
      "  \"page\": \"pages/video/video\",\n"
      "  \"data\": %s,\n"
      "  \"host\": { \"downloadDomains\": [\"127.0.0.1:%u\"], \"allowInsecureHttp\": true,\n"
      "            \"tempDir\": \"%s\" },\n"
      "  \"steps\": [\n"
      "    { \"expect\": { \"handler\": \"onRecordReady\" } },\n"
      "    { \"input\": \"video-recognition\", \"action\": \"record\" },\n"
      "    { \"expect\": { \"handler\": \"onRecordStart\" } },\n"
      "    { \"expect\": { \"handler\": \"onRecordEnd\", \"detail\": { \"duration\": 30000 } } }\n"
      "  ]\n"
      "}\n",
      source_root, data, port, dir);
  case_path = g_build_filename (dir, "quickstart.json", NULL);
  g_assert_true (g_file_set_contents (case_path, replay, -1, &error));

  fc_demo = g_build_filename (build_root, "demo", "fc-demo", NULL);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           fc_demo, "replay", case_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (proc, NULL, NULL, child_done, &child);
  /* the server answers from this loop while the page records */
  while (!child.done)
    g_main_context_iteration (NULL, TRUE);

  g_test_message ("fc-demo replay printed:\n%s%s", child.out, child.err);
  g_assert_cmpint (child.status, ==, 0);
  g_assert_nonnull (strstr (child.out, "\"handler\":\"onRecordReady\""));
  g_assert_null (strstr (child.out, "\"handler\":\"onRecordError\""));

  /* the file: exactly recordTime, a video, an audio and a subtitle stream */
  video = end_detail_string (child.out, "tempVideoPath");
  g_assert_nonnull (video);
  g_assert_true (g_str_has_prefix (video, dir));
  discoverer = gst_discoverer_new (10 * GST_SECOND, &error);
  uri = gst_filename_to_uri (video, &error);
  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  g_assert_no_error (error);
  duration = gst_discoverer_info_get_duration (info);
  g_assert_cmpuint (duration, >=, 30 * GST_SECOND - GST_SECOND / 30);
  g_assert_cmpuint (duration, <=, 30 * GST_SECOND + GST_SECOND / 30);
  {
    GList *v = gst_discoverer_info_get_video_streams (info);
    GList *a = gst_discoverer_info_get_audio_streams (info);
    /* and the prompt timeline as a subtitle track (its samples are
     * checked by test-recorder-subtitles) */
    GList *t = gst_discoverer_info_get_subtitle_streams (info);
    g_assert_cmpuint (g_list_length (v), ==, 1);
    g_assert_cmpuint (g_list_length (a), ==, 1);
    g_assert_cmpuint (g_list_length (t), ==, 1);
    gst_discoverer_stream_info_list_free (v);
    gst_discoverer_stream_info_list_free (a);
    gst_discoverer_stream_info_list_free (t);
  }

  /* the prompt timeline beside it: the three steps at 0, 8 s and 18 s */
  vtt = end_detail_string (child.out, "tempSubtitlePath");
  g_assert_nonnull (vtt);
  g_assert_true (g_file_get_contents (vtt, &vtt_text, NULL, &error));
  g_assert_nonnull (strstr (vtt_text, "00:00:00.000 --> 00:00:08.000"));
  g_assert_nonnull (strstr (vtt_text, "00:00:08.000 --> 00:00:18.000"));
  g_assert_nonnull (strstr (vtt_text, "First line of text"));
  g_assert_nonnull (strstr (vtt_text, "3 Third text"));

  fc_test_remove_tree (dir);
  g_free (child.out);
  g_free (child.err);
  for (int i = 0; i < N_PROMPTS; i++)
    g_clear_pointer (&prompts[i], g_bytes_unref);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  g_test_add_func ("/video/quickstart/records-with-prompts", test_quickstart_records);
  return g_test_run ();
}
