/* fc-bench-offline: the recorder's figures of issue 7 (Benchmark).
 *
 *   material DIR  writes what the three programs of the offline comparison
 *                 share into DIR: mask.png (1920x1080, a dark veil with a
 *                 clear oval and a white ring, as a face mask), steps.srt
 *                 (the three steps' text and times, for gst-launch's
 *                 subparse ! textoverlay), and for ffmpeg's drawtext
 *                 steps.txt ("START END" in seconds, a row a step) and
 *                 line-STEP-LINE.txt (each line's text), and bars.yuv:
 *                 the recorder's offline picture (one frame of
 *                 videotestsrc's smpte pattern, I420), for ffmpeg
 *   offline DIR   one offline recording (FcRecorder:offline, the test
 *                 pattern and tone) of --seconds (30) at high with the
 *                 three steps, DIR/mask.png as the mask and burn-in on;
 *                 the file goes to DIR/recorder.mp4. Prints a JSON line:
 *                 record -> "end" wall time, this process's CPU, the
 *                 file's duration and size. The run script times the
 *                 whole process as well, as it does gst-launch and ffmpeg
 *   attach        prepare -> "ready" with a stepList of three prompt
 *                 audios served by a SoupServer on loopback (MP3s encoded
 *                 here), test camera and microphone (live, as in the demo
 *                 and replay): --runs (5) attaches in this process, each
 *                 with its own URLs (the loader caches by URL), the first
 *                 one cold (GStreamer's plugins not yet loaded). JSON line
 *                 with every latency
 *
 * The steps are the same in the three programs: 0 s, 10 s and 20 s (scaled
 * to --seconds), two lines each, white, bold, 32rpx (82 px at 1920 wide),
 * centred, the block 120rpx from the top. No prompt audio in the offline
 * recording: the peers would need a mixer of their own for it.
 */

#include "video-recognition/fc-recorder.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/pbutils/pbutils.h>
#include <libsoup/soup.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#define WIDTH 1920
#define HEIGHT 1080
#define TARGET_ATTACH_MS 150.0

static int opt_seconds = 30;
static int opt_runs = 5;
static int opt_prompts = 3;
static char *opt_preload = NULL;

static const char *const step_lines[3][2] = {
  { "Please face the camera", "and keep your face inside the frame" },
  { "Read these digits aloud:", "4 7 1 9 3 6" },
  { "Say: I agree to the terms", "and nod your head" },
};

static gint64
step_ms (guint i)
{
  return (gint64) i * opt_seconds * 1000 / 3;
}

static double
cpu_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec
         + ru.ru_stime.tv_usec / 1e6;
}

static char *
srt_time (gint64 ms)
{
  return g_strdup_printf ("%02d:%02d:%02d,%03d", (int) (ms / 3600000),
                          (int) (ms / 60000 % 60), (int) (ms / 1000 % 60),
                          (int) (ms % 1000));
}

/* ---- material ----------------------------------------------------------- */

/* The offline recorder's picture: one frame of videotestsrc's smpte
 * pattern, I420, for ffmpeg (which has the bars but not the noise patch). */
static int
write_bars (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bars.yuv", NULL);
  g_autofree char *desc = g_strdup_printf (
      "videotestsrc num-buffers=1 pattern=smpte ! video/x-raw,format=I420,"
      "width=%d,height=%d ! filesink location=\"%s\"",
      WIDTH, HEIGHT, path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) p = gst_parse_launch (desc, &error);
  g_autoptr (GstBus) bus = NULL;
  g_autoptr (GstMessage) msg = NULL;

  if (p == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  bus = gst_element_get_bus (p);
  gst_element_set_state (p, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND,
                                    GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_element_set_state (p, GST_STATE_NULL);
  if (msg == NULL || GST_MESSAGE_TYPE (msg) != GST_MESSAGE_EOS)
    {
      fprintf (stderr, "cannot write %s\n", path);
      return 1;
    }
  return 0;
}

static int
write_material (const char *dir)
{
  g_autofree char *mask = g_build_filename (dir, "mask.png", NULL);
  g_autofree char *srt_path = g_build_filename (dir, "steps.srt", NULL);
  g_autofree char *txt_path = g_build_filename (dir, "steps.txt", NULL);
  g_autoptr (GString) srt = g_string_new (NULL);
  g_autoptr (GString) txt = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface
      = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  /* a veil with an oval hole (even-odd), and a ring around the hole */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_rectangle (cr, 0, 0, WIDTH, HEIGHT);
  cairo_save (cr);
  cairo_translate (cr, WIDTH / 2.0, HEIGHT * 0.58);
  cairo_scale (cr, WIDTH * 0.17, HEIGHT * 0.36);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, 1, 0, 2 * M_PI);
  cairo_restore (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 6);
  cairo_stroke (cr);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, mask);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "cannot write %s: %s\n", mask,
               cairo_status_to_string (status));
      return 1;
    }

  for (guint i = 0; i < 3; i++)
    {
      gint64 end = i < 2 ? step_ms (i + 1) : (gint64) opt_seconds * 1000;
      g_autofree char *a = srt_time (step_ms (i));
      g_autofree char *b = srt_time (end);

      g_string_append_printf (srt, "%u\n%s --> %s\n%s\n%s\n\n", i + 1, a, b,
                              step_lines[i][0], step_lines[i][1]);
      g_string_append_printf (txt, "%.3f %.3f\n", step_ms (i) / 1000.0,
                              end / 1000.0);
      for (guint l = 0; l < 2; l++)
        {
          g_autofree char *name = g_strdup_printf ("line-%u-%u.txt", i, l);
          g_autofree char *path = g_build_filename (dir, name, NULL);

          if (!g_file_set_contents (path, step_lines[i][l], -1, &error))
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
        }
    }
  if (!g_file_set_contents (srt_path, srt->str, -1, &error)
      || !g_file_set_contents (txt_path, txt->str, -1, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  return write_bars (dir);
}

/* The stepList: three steps of two lines, with AUDIO[i] as audioSrc when
 * given. */
static GVariant *
step_list (char **audio)
{
  GVariantBuilder steps;

  g_variant_builder_init (&steps, G_VARIANT_TYPE ("av"));
  for (guint i = 0; i < 3; i++)
    {
      GVariantBuilder step, lines;

      g_variant_builder_init (&lines, G_VARIANT_TYPE ("av"));
      for (guint l = 0; l < 2; l++)
        {
          GVariantBuilder line;

          g_variant_builder_init (&line, G_VARIANT_TYPE ("a{sv}"));
          g_variant_builder_add (&line, "{sv}", "text",
                                 g_variant_new_string (step_lines[i][l]));
          g_variant_builder_add (&line, "{sv}", "color",
                                 g_variant_new_string ("#ffffff"));
          g_variant_builder_add (&line, "{sv}", "fontSize",
                                 g_variant_new_string ("32rpx"));
          g_variant_builder_add (&line, "{sv}", "fontWeight",
                                 g_variant_new_string ("bold"));
          g_variant_builder_add (&lines, "v", g_variant_builder_end (&line));
        }
      g_variant_builder_init (&step, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&step, "{sv}", "showTime",
                             g_variant_new_double (step_ms (i)));
      g_variant_builder_add (&step, "{sv}", "textList",
                             g_variant_builder_end (&lines));
      if (audio != NULL && (int) i < opt_prompts)
        g_variant_builder_add (&step, "{sv}", "audioSrc",
                               g_variant_new_string (audio[i]));
      g_variant_builder_add (&steps, "v", g_variant_builder_end (&step));
    }
  return g_variant_ref_sink (g_variant_builder_end (&steps));
}

/* ---- events ----------------------------------------------------------- */

typedef struct
{
  GVariant *ready, *end, *error;
  gint64 ready_us, end_us;
} Events;

static void
on_event (FcRecorder *rec, GVariant *detail, gpointer data)
{
  GVariant **slot = data;
  Events *ev = g_object_get_data (G_OBJECT (rec), "fc-bench-events");

  if (slot == &ev->ready)
    ev->ready_us = g_get_monotonic_time ();
  else if (slot == &ev->end)
    ev->end_us = g_get_monotonic_time ();
  g_clear_pointer (slot, g_variant_unref);
  *slot = g_variant_ref (detail);
}

static void
on_error (FcRecorder *rec, GVariant *detail, gpointer data)
{
  g_autofree char *text = g_variant_print (detail, TRUE);

  fprintf (stderr, "fc-bench-offline: error %s\n", text);
  on_event (rec, detail, data);
}

static void
events_connect (FcRecorder *rec, Events *ev)
{
  memset (ev, 0, sizeof *ev);
  g_object_set_data (G_OBJECT (rec), "fc-bench-events", ev);
  g_signal_connect (rec, "ready", G_CALLBACK (on_event), &ev->ready);
  g_signal_connect (rec, "end", G_CALLBACK (on_event), &ev->end);
  g_signal_connect (rec, "error", G_CALLBACK (on_error), &ev->error);
}

static void
events_clear (Events *ev)
{
  g_clear_pointer (&ev->ready, g_variant_unref);
  g_clear_pointer (&ev->end, g_variant_unref);
  g_clear_pointer (&ev->error, g_variant_unref);
}

static gboolean
wait_for (Events *ev, GVariant **slot, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (*slot == NULL && ev->error == NULL
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return *slot != NULL;
}

/* Keeps the main context turning (wakes at least every 10 ms). */
static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* ---- offline ------------------------------------------------------------ */

static GstClockTime
file_duration (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GstDiscoverer) discoverer
      = gst_discoverer_new (10 * GST_SECOND, &error);
  g_autofree char *uri = gst_filename_to_uri (path, NULL);
  g_autoptr (GstDiscovererInfo) info = NULL;

  if (discoverer == NULL || uri == NULL)
    return GST_CLOCK_TIME_NONE;
  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  return info ? gst_discoverer_info_get_duration (info) : GST_CLOCK_TIME_NONE;
}

static int
run_offline (const char *dir)
{
  g_autoptr (GVariant) steps = step_list (NULL);
  g_autofree char *rec_dir = g_build_filename (dir, "recorder", NULL);
  g_autofree char *out = g_build_filename (dir, "recorder.mp4", NULL);
  FcRecorder *rec = fc_recorder_new ();
  const char *video = NULL;
  gint64 record_us, size = 0, duration_ms = 0;
  double cpu0;
  GstClockTime duration;
  Events ev;
  guint ticker = g_timeout_add (10, tick, NULL);

  events_connect (rec, &ev);
  g_object_set (rec, "offline", TRUE, "resolution", "high", "record-time",
                (guint) opt_seconds * 1000, "temp-dir", rec_dir, "root-dir",
                dir, "mask", "/mask.png", "step-list", steps, "top", 120.0,
                "burn-in", TRUE, NULL);
  cpu0 = cpu_seconds ();
  record_us = g_get_monotonic_time ();
  if (!fc_recorder_record (rec)
      || !wait_for (&ev, &ev.end, (guint) opt_seconds * 20 * 1000))
    {
      printf ("{\"bench\":\"recorder-offline\",\"failed\":\"%s\"}\n",
              ev.error ? "error" : "no end");
      return 1;
    }
  g_variant_lookup (ev.end, "tempVideoPath", "&s", &video);
  g_variant_lookup (ev.end, "size", "x", &size);
  g_variant_lookup (ev.end, "duration", "x", &duration_ms);
  if (g_rename (video, out) != 0)
    {
      fprintf (stderr, "cannot move %s to %s\n", video, out);
      return 1;
    }
  duration = file_duration (out);
  printf ("{\"bench\":\"recorder-offline\",\"seconds\":%d,\"resolution\":"
          "\"high\",\"record_to_end_ms\":%.1f,\"cpu_s\":%.2f,"
          "\"ready_ms\":%.1f,\"duration_ms\":%" G_GINT64_FORMAT
          ",\"file_duration_ms\":%.1f,\"size\":%" G_GINT64_FORMAT "}\n",
          opt_seconds, (ev.end_us - record_us) / 1000.0, cpu_seconds () - cpu0,
          (ev.ready_us - record_us) / 1000.0, duration_ms,
          GST_CLOCK_TIME_IS_VALID (duration) ? duration / 1e6 : -1.0, size);
  fc_recorder_close (rec);
  g_object_unref (rec);
  events_clear (&ev);
  g_source_remove (ticker);
  return 0;
}

/* ---- attach -------------------------------------------------------------- */

static GBytes *mp3;

static GBytes *
encode_mp3 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) p = gst_parse_launch (
      "audiotestsrc num-buffers=47 samplesperbuffer=1024 freq=660 ! "
      "audio/x-raw,rate=48000,channels=1 ! audioconvert ! lamemp3enc ! "
      "appsink name=out sync=false",
      &error);
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GByteArray) bytes = g_byte_array_new ();

  if (p == NULL)
    {
      fprintf (stderr, "cannot encode the prompt: %s\n", error->message);
      return NULL;
    }
  sink = gst_bin_get_by_name (GST_BIN (p), "out");
  gst_element_set_state (p, GST_STATE_PLAYING);
  for (;;)
    {
      g_autoptr (GstSample) sample = NULL;
      GstMapInfo map;

      g_signal_emit_by_name (sink, "pull-sample", &sample);
      if (sample == NULL)
        break;
      gst_buffer_map (gst_sample_get_buffer (sample), &map, GST_MAP_READ);
      g_byte_array_append (bytes, map.data, map.size);
      gst_buffer_unmap (gst_sample_get_buffer (sample), &map);
    }
  gst_element_set_state (p, GST_STATE_NULL);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static void
serve (SoupServer *server, SoupServerMessage *msg, const char *path,
       GHashTable *query, gpointer data)
{
  if (!g_str_has_suffix (path, ".mp3"))
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "audio/mpeg", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (mp3, NULL),
                                    g_bytes_get_size (mp3));
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
preloaded (GObject *source, GAsyncResult *result, gpointer data)
{
  gint64 *done_us = data;
  g_autoptr (GError) error = NULL;

  if (fc_recorder_preload_finish (result, &error) < 0)
    fprintf (stderr, "preload: %s\n", error->message);
  *done_us = g_get_monotonic_time ();
}

static int
run_attach (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GSList) uris = NULL;
  g_autofree char *domain = NULL;
  g_autoptr (GString) json = g_string_new (NULL);
  g_autofree double *ms = g_new0 (double, opt_runs);
  g_autofree char *tmp = g_dir_make_tmp ("fc-bench-attach-XXXXXX", &error);
  guint port, ok = 0;
  guint ticker = g_timeout_add (10, tick, NULL);
  double warm_median = 0, warm_max = 0;
  /* --preload: "none"; "start": fc_recorder_preload() now, at the process's
   * start, as the plugin module does when it is loaded, and the attach
   * comes when it comes (after the MP3 and the server here); "wait": the
   * same, and the first attach waits for the warm-up to be done (a host
   * that loaded the module well before the page); "race": called right
   * before the first prepare (the worst case) */
  const char *preload = opt_preload ? opt_preload : "none";
  gint64 preload_us = 0, preload_done_us = 0;

  if (!g_str_equal (preload, "none") && !g_str_equal (preload, "start")
      && !g_str_equal (preload, "wait") && !g_str_equal (preload, "race"))
    {
      fprintf (stderr, "--preload: none, start, wait or race\n");
      return 2;
    }
  if (g_str_equal (preload, "start") || g_str_equal (preload, "wait"))
    {
      preload_us = g_get_monotonic_time ();
      fc_recorder_preload_async (NULL, preloaded, &preload_done_us);
    }

  mp3 = encode_mp3 ();
  if (mp3 == NULL || tmp == NULL)
    return 1;
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, serve, NULL, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                 &error))
    {
      fprintf (stderr, "cannot listen: %s\n", error->message);
      return 1;
    }
  uris = soup_server_get_uris (server);
  port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  domain = g_strdup_printf ("127.0.0.1:%u", port);

  for (int run = 0; run < opt_runs; run++)
    {
      const char *domains[] = { domain, NULL };
      char *audio[3];
      g_autoptr (GVariant) steps = NULL;
      FcRecorder *rec = fc_recorder_new ();
      gint64 t0;
      Events ev;

      for (guint i = 0; i < 3; i++)
        audio[i] = g_strdup_printf ("http://127.0.0.1:%u/run%d/prompt%u.mp3",
                                    port, run, i + 1);
      steps = step_list (audio);
      for (guint i = 0; i < 3; i++)
        g_free (audio[i]);
      events_connect (rec, &ev);
      g_object_set (rec, "camera", "test", "microphone", "test",
                    "allow-test-source", TRUE, "resolution", "high",
                    "temp-dir", tmp, "step-list", steps, NULL);
      fc_recorder_set_download_domains (rec, domains);
      fc_recorder_set_allow_insecure_http (rec, TRUE);
      if (run == 0 && g_str_equal (preload, "wait"))
        while (preload_done_us == 0)
          g_main_context_iteration (NULL, TRUE);
      if (run == 0 && g_str_equal (preload, "race"))
        {
          preload_us = g_get_monotonic_time ();
          fc_recorder_preload_async (NULL, preloaded, &preload_done_us);
        }
      t0 = g_get_monotonic_time ();
      if (run == 0 && preload_us != 0)
        fprintf (stderr, "attach 1: %.1f ms after the preload call, %s\n",
                 (t0 - preload_us) / 1000.0,
                 preload_done_us ? "after it was done" : "while it runs");
      if (fc_recorder_prepare (rec) && wait_for (&ev, &ev.ready, 20000))
        {
          ms[run] = (ev.ready_us - t0) / 1000.0;
          ok++;
        }
      else
        ms[run] = -1;
      g_string_append_printf (json, "%s%.1f", run ? "," : "", ms[run]);
      fprintf (stderr, "attach %d: %.1f ms\n", run + 1, ms[run]);
      fc_recorder_close (rec);
      g_object_unref (rec);
      events_clear (&ev);
    }
  if (opt_runs > 1)
    {
      g_autofree double *warm = g_memdup2 (ms + 1, sizeof (double) * (opt_runs - 1));

      qsort (warm, opt_runs - 1, sizeof (double), cmp_double);
      warm_median = warm[(opt_runs - 1) / 2];
      warm_max = warm[opt_runs - 2];
    }
  while (preload_us != 0 && preload_done_us == 0)
    g_main_context_iteration (NULL, TRUE);
  printf ("{\"bench\":\"recorder-attach\",\"prompts\":%d,\"runs\":%d,"
          "\"preload\":\"%s\",\"preload_ms\":%.1f,"
          "\"attach_to_ready_ms\":[%s],\"cold_ms\":%.1f,\"warm_median_ms\":"
          "%.1f,\"warm_max_ms\":%.1f,\"target_ms\":%.0f}\n",
          opt_prompts, opt_runs, preload,
          preload_us ? (preload_done_us - preload_us) / 1000.0 : 0.0,
          json->str, ms[0], warm_median, warm_max, TARGET_ATTACH_MS);
  g_rmdir (tmp);
  g_bytes_unref (mp3);
  g_source_remove (ticker);
  return ok == (guint) opt_runs ? 0 : 1;
}

int
main (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "seconds", 0, 0, G_OPTION_ARG_INT, &opt_seconds,
      "offline: seconds recorded (30)", "S" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs,
      "attach: attaches measured (5)", "N" },
    { "prompts", 0, 0, G_OPTION_ARG_INT, &opt_prompts,
      "attach: steps with a prompt audio, 0-3 (3)", "N" },
    { "preload", 0, 0, G_OPTION_ARG_STRING, &opt_preload,
      "attach: fc_recorder_preload() none, at the start, waited for, or "
      "right before the first attach (none)", "none|start|wait|race" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (
      "material DIR | offline DIR | attach - the recorder's offline bench");
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (opt_seconds < 3 || opt_runs < 1 || opt_prompts < 0 || opt_prompts > 3)
    {
      fprintf (stderr,
               "--seconds must be >= 3, --runs >= 1, --prompts 0 to 3\n");
      return 2;
    }
  gst_init (NULL, NULL);
  if (argc == 3 && g_str_equal (argv[1], "material"))
    return write_material (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "offline"))
    return run_offline (argv[2]);
  if (argc == 2 && g_str_equal (argv[1], "attach"))
    return run_attach ();
  fprintf (stderr, "usage: fc-bench-offline material DIR | offline DIR | "
                   "attach [--runs N]\n");
  return 2;
}
