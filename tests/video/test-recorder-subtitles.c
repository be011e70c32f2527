/* The prompt timeline in the MP4: a recording (test sources) with three
 * steps holds a subtitle track whose samples, read back through qtdemux,
 * are each step's text from its showTime to the next step's; the file
 * still plays (video and audio, its duration). Offline and live; and a
 * process killed mid-recording leaves a playable file holding the steps
 * shown so far. The WebVTT beside the file stays. */

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "fc-recorder.h"
#include "common/fc-test-files.h"
#include "common/fc-test-recording.h"

#define FRAME_NS (GST_SECOND / 30)
/* The last step lasts 3 s: longer than the queues in front of the muxer
 * hold (a step's text held back that long stalled the file). */
#define RECORD_MS 4000

/* The second step has two lines, the second of two spans; the third step
 * starts between two frames (30 fps: frames at 900 and 933.3 ms). */
static const char steps_text[]
    = "[<{'showTime': <0.0>, 'textList': <[<{'text': <'Look at the camera'>}>]>}>,"
      " <{'showTime': <400.0>, 'textList': <[<{'text': <'Turn left'>}>,"
      "   <{'text': <[<{'text': <'then'>}>, <{'text': <'right'>,"
      "     'color': <'#ff0000'>}>]>}>]>}>,"
      " <{'showTime': <910.0>, 'textList': <[<{'text': <'Say \"yes\" ✓'>}>]>}>]";

static const struct
{
  guint show_ms;
  const char *text;
} want[] = {
  { 0, "Look at the camera" },
  { 400, "Turn left\nthen right" },
  { 910, "Say \"yes\" ✓" },
};

static FcRecorder *
recorder_new (const char *dir, gboolean offline, guint record_ms,
              FcTestEvents *ev)
{
  g_autoptr (GVariant) steps
      = g_variant_parse (NULL, steps_text, NULL, NULL, NULL);
  FcRecorder *rec = fc_recorder_new ();

  g_assert_nonnull (steps);
  fc_test_events_connect (ev, rec);
  g_object_set (rec, "camera", "test", "microphone", "test", "resolution",
                "low", "allow-test-source", TRUE, "record-time", record_ms,
                "temp-dir", dir, "step-list", steps, "offline", offline, NULL);
  return rec;
}

/* A test's recorder (recorder_new) and its temporary directory. */
typedef struct
{
  char *dir;
  FcTestEvents ev;
  FcRecorder *rec;
} Fixture;

static void
fixture_init (Fixture *f, gboolean offline, guint record_ms)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("fc-subtitles-XXXXXX", &error);
  g_assert_no_error (error);
  f->rec = recorder_new (f->dir, offline, record_ms, &f->ev);
}

static void
fixture_clear (Fixture *f)
{
  fc_recorder_close (f->rec);
  g_assert_finalize_object (f->rec);
  fc_test_events_clear (&f->ev);
  fc_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Waits for "end" and returns the file recorded. */
static const char *
wait_for_video (Fixture *f)
{
  const char *video = NULL;

  fc_test_wait_for (&f->ev, &f->ev.end, 20000);
  g_assert_true (g_variant_lookup (f->ev.end, "tempVideoPath", "&s", &video));
  return video;
}

/* Streams and duration, as a player's discovery sees them. */
static void
discover (const char *path, guint *n_video, guint *n_audio, guint *n_sub,
          GstClockTime *duration)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = gst_filename_to_uri (path, &error);
  g_autoptr (GstDiscoverer) disc = gst_discoverer_new (10 * GST_SECOND, &error);
  g_autoptr (GstDiscovererInfo) info = NULL;
  GList *list;

  g_assert_no_error (error);
  info = gst_discoverer_discover_uri (disc, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_discoverer_info_get_result (info), ==,
                   GST_DISCOVERER_OK);
  list = gst_discoverer_info_get_video_streams (info);
  *n_video = g_list_length (list);
  gst_discoverer_stream_info_list_free (list);
  list = gst_discoverer_info_get_audio_streams (info);
  *n_audio = g_list_length (list);
  gst_discoverer_stream_info_list_free (list);
  list = gst_discoverer_info_get_subtitle_streams (info);
  *n_sub = g_list_length (list);
  gst_discoverer_stream_info_list_free (list);
  *duration = gst_discoverer_info_get_duration (info);
}

typedef struct
{
  char *text;
  GstClockTime pts, duration;
} Sample;

static void
sample_clear (gpointer data)
{
  g_free (((Sample *) data)->text);
}

/* The subtitle track as cues, through qtdemux: the recorder cuts a step
 * into samples of at most 250 ms, so consecutive samples with the same
 * text, end to end, are one cue; empty samples (no prompt showing) are
 * left out. Also checks the samples follow each other without a hole or
 * an overlap. */
static GArray *
read_subtitles (const char *path)
{
  g_autofree char *desc = g_strdup_printf (
      "filesrc location=\"%s\" ! qtdemux name=d d.subtitle_0 ! "
      "appsink name=out sync=false",
      path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) p = gst_parse_launch (desc, &error);
  g_autoptr (GstElement) sink = NULL;
  GArray *out = g_array_new (FALSE, TRUE, sizeof (Sample));
  g_autofree char *last_text = NULL;
  GstClockTime end = GST_CLOCK_TIME_NONE;
  guint n_samples = 0;

  g_array_set_clear_func (out, sample_clear);
  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (p), "out");
  gst_element_set_state (p, GST_STATE_PLAYING);
  for (;;)
    {
      g_autoptr (GstSample) s = NULL;
      GstBuffer *buf;
      GstMapInfo map;
      Sample sample;

      g_signal_emit_by_name (sink, "pull-sample", &s);
      if (s == NULL)
        break;
      buf = gst_sample_get_buffer (s);
      gst_buffer_map (buf, &map, GST_MAP_READ);
      sample.text = g_strndup ((const char *) map.data, map.size);
      gst_buffer_unmap (buf, &map);
      sample.pts = GST_BUFFER_PTS (buf);
      sample.duration = GST_BUFFER_DURATION (buf);
      if (GST_CLOCK_TIME_IS_VALID (end))
        g_assert_cmpuint (sample.pts, ==, end);
      end = sample.pts + sample.duration;
      n_samples++;
      if (out->len > 0 && g_str_equal (sample.text, last_text)
          && *sample.text != '\0')
        {
          Sample *cue = &g_array_index (out, Sample, out->len - 1);

          cue->duration = end - cue->pts;
          g_free (sample.text);
          continue;
        }
      g_free (last_text);
      last_text = g_strdup (sample.text);
      if (*sample.text == '\0')
        g_free (sample.text);
      else
        g_array_append_val (out, sample);
    }
  gst_element_set_state (p, GST_STATE_NULL);
  g_test_message ("%u samples, %u cues", n_samples, out->len);
  return out;
}

/* The first N steps are in the track, each from its showTime (to within a
 * frame) to the next one's, the last to END (or, END being NONE, it may
 * have been cut short). */
static void
check_samples (GArray *samples, guint n, GstClockTime end)
{
  g_assert_cmpuint (samples->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      Sample *s = &g_array_index (samples, Sample, i);
      GstClockTime show = want[i].show_ms * GST_MSECOND;
      GstClockTime until = i + 1 < G_N_ELEMENTS (want)
                               ? want[i + 1].show_ms * GST_MSECOND
                               : end;

      if (i + 1 == n && end == GST_CLOCK_TIME_NONE)
        until = GST_CLOCK_TIME_NONE;

      g_test_message ("subtitle %u at %" GST_TIME_FORMAT " for %"
                      GST_TIME_FORMAT ": %s", i, GST_TIME_ARGS (s->pts),
                      GST_TIME_ARGS (s->duration), s->text);
      g_assert_cmpstr (s->text, ==, want[i].text);
      g_assert_cmpuint (s->pts + FRAME_NS, >, show);
      g_assert_cmpuint (s->pts, <, show + FRAME_NS);
      g_assert_cmpuint (s->duration, >, 0);
      if (i + 1 == n && end == GST_CLOCK_TIME_NONE)
        break;
      g_assert_cmpuint (s->pts + s->duration + FRAME_NS, >, until);
      g_assert_cmpuint (s->pts + s->duration, <, until + FRAME_NS);
    }
}

static void
test_record (gconstpointer data)
{
  gboolean offline = data != NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) samples = NULL;
  g_autofree char *vtt_text = NULL;
  Fixture f;
  const char *video, *vtt = NULL;
  guint n_video, n_audio, n_sub;
  GstClockTime duration;

  fixture_init (&f, offline, RECORD_MS);
  g_assert_true (fc_recorder_record (f.rec));
  video = wait_for_video (&f);

  discover (video, &n_video, &n_audio, &n_sub, &duration);
  g_test_message ("%u video, %u audio, %u subtitle streams, %" GST_TIME_FORMAT,
                  n_video, n_audio, n_sub, GST_TIME_ARGS (duration));
  g_assert_cmpuint (n_video, ==, 1);
  g_assert_cmpuint (n_audio, ==, 1);
  g_assert_cmpuint (n_sub, ==, 1);
  g_assert_cmpuint (duration + FRAME_NS, >, RECORD_MS * GST_MSECOND);
  g_assert_cmpuint (duration, <, RECORD_MS * GST_MSECOND + FRAME_NS);

  samples = read_subtitles (video);
  check_samples (samples, G_N_ELEMENTS (want), RECORD_MS * GST_MSECOND);

  /* the WebVTT beside the file too */
  g_assert_true (g_variant_lookup (f.ev.end, "tempSubtitlePath", "&s", &vtt));
  g_assert_true (g_file_get_contents (vtt, &vtt_text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (vtt_text, "00:00:00.400 --> 00:00:00.910\n"
                                      "Turn left\nthen right\n"));

  fixture_clear (&f);
}

/* Live, after 1.5 s of preview (the muxer has been waiting all along):
 * the subtitle pad is still added at record. */
static void
test_after_preview (void)
{
  g_autoptr (GArray) samples = NULL;
  Fixture f;
  const char *video;
  guint n_video, n_audio, n_sub;
  GstClockTime duration;
  gint64 until;

  fixture_init (&f, FALSE, 1500);
  g_assert_true (fc_recorder_prepare (f.rec));
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (fc_recorder_get_state (f.rec) != FC_RECORDER_STATE_READY
         && f.ev.error == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (fc_recorder_get_state (f.rec), ==, FC_RECORDER_STATE_READY);
  fc_test_run_for (1500);
  g_assert_true (fc_recorder_record (f.rec));
  video = wait_for_video (&f);
  discover (video, &n_video, &n_audio, &n_sub, &duration);
  g_assert_cmpuint (n_sub, ==, 1);
  samples = read_subtitles (video);
  check_samples (samples, G_N_ELEMENTS (want), 1500 * GST_MSECOND);
  fixture_clear (&f);
}

/* No stepList, no subtitle track. */
static void
test_no_steps (void)
{
  Fixture f;
  const char *video;
  guint n_video, n_audio, n_sub;
  GstClockTime duration;

  fixture_init (&f, TRUE, 500);
  g_object_set (f.rec, "step-list", NULL, NULL);
  g_assert_true (fc_recorder_record (f.rec));
  video = wait_for_video (&f);
  discover (video, &n_video, &n_audio, &n_sub, &duration);
  g_assert_cmpuint (n_video, ==, 1);
  g_assert_cmpuint (n_audio, ==, 1);
  g_assert_cmpuint (n_sub, ==, 0);
  fixture_clear (&f);
}

/* The killed child's directory, named after the test's process. */
static char *
kill_dir (pid_t parent)
{
  g_autofree char *name
      = g_strdup_printf ("fc-subtitles-kill-%ld", (long) parent);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

/* Killed 1.2 s into a live recording (steps at 0, 400 and 910 ms): the
 * file plays, and holds the steps whose time had come. */
static void
test_sigkill (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = kill_dir (getppid ());
      FcTestEvents ev;
      FcRecorder *rec = recorder_new (dir, FALSE, 20000, &ev);

      g_assert_true (fc_recorder_record (rec));
      fc_test_wait_for (&ev, &ev.start, 8000);
      fc_test_run_for (1200);
      raise (SIGKILL);
      g_assert_not_reached ();
    }
  {
    g_autofree char *tmp = kill_dir (getpid ());
    g_autoptr (GDir) d = NULL;
    g_autofree char *path = NULL;
    g_autoptr (GArray) samples = NULL;
    const char *name;
    guint n_video, n_audio, n_sub;
    GstClockTime duration;

    g_assert_cmpint (g_mkdir_with_parents (tmp, 0700), ==, 0);
    g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC,
                            G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_failed ();

    d = g_dir_open (tmp, 0, NULL);
    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      if (g_str_has_suffix (name, ".mp4"))
        path = g_build_filename (tmp, name, NULL);
    g_assert_nonnull (path);
    discover (path, &n_video, &n_audio, &n_sub, &duration);
    g_test_message ("killed: %u video, %u audio, %u subtitle streams",
                    n_video, n_audio, n_sub);
    g_assert_cmpuint (n_video, ==, 1);
    g_assert_cmpuint (n_audio, ==, 1);
    g_assert_cmpuint (n_sub, ==, 1);
    /* the first step whole, the second at least begun, in the fragments
     * written */
    samples = read_subtitles (path);
    g_assert_cmpuint (samples->len, >=, 2);
    g_array_set_size (samples, 2);
    check_samples (samples, 2, GST_CLOCK_TIME_NONE);
    fc_test_remove_tree (tmp);
  }
}

/* Stopped at 600 ms (live), in the second step: the track ends there. */
static void
test_stop_early (void)
{
  g_autoptr (GArray) samples = NULL;
  Fixture f;
  const char *video;
  guint n_video, n_audio, n_sub;
  GstClockTime duration, last_end;
  gint64 recorded = 0;

  fixture_init (&f, FALSE, 20000);
  g_assert_true (fc_recorder_record (f.rec));
  fc_test_wait_for (&f.ev, &f.ev.start, 8000);
  fc_test_run_for (600);
  g_assert_true (fc_recorder_stop (f.rec));
  video = wait_for_video (&f);
  g_assert_true (g_variant_lookup (f.ev.end, "duration", "x", &recorded));
  discover (video, &n_video, &n_audio, &n_sub, &duration);
  samples = read_subtitles (video);
  g_assert_cmpuint (samples->len, >=, 1);
  last_end = g_array_index (samples, Sample, samples->len - 1).pts
             + g_array_index (samples, Sample, samples->len - 1).duration;
  g_test_message ("stopped: %" G_GINT64_FORMAT " ms recorded, file %"
                  GST_TIME_FORMAT ", %u subtitles to %" GST_TIME_FORMAT,
                  recorded, GST_TIME_ARGS (duration), samples->len,
                  GST_TIME_ARGS (last_end));
  g_assert_cmpuint (n_sub, ==, 1);
  g_assert_cmpuint (duration, <, recorded * GST_MSECOND + FRAME_NS);
  g_assert_cmpuint (last_end, <=, recorded * GST_MSECOND + FRAME_NS);
  fixture_clear (&f);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/video/subtitles/record-offline", "offline",
                        test_record);
  g_test_add_data_func ("/video/subtitles/record-live", NULL, test_record);
  g_test_add_func ("/video/subtitles/after-preview", test_after_preview);
  g_test_add_func ("/video/subtitles/no-steps", test_no_steps);
  g_test_add_func ("/video/subtitles/stop-early", test_stop_early);
  g_test_add_func ("/video/subtitles/sigkill", test_sigkill);
  return g_test_run ();
}
