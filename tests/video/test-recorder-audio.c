/* Prompt audio in the recording: three steps whose clips are 3 kHz tones
 * (WAV made here, from the mini-program root) over the test microphone's
 * 440 Hz; the recording's audio is decoded and each tone's onset must be
 * at its step's showTime (a step at 0: after the AAC priming, 21.3 ms). */

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <math.h>
#include <string.h>

#include "common/fc-test-recording.h"
#include "fc-recorder.h"

#define RATE 48000
#define TONE 3000.0
#define WINDOW 96 /* 2 ms */

static const guint show_ms[] = { 0, 700, 1400 };


static GArray *
decode_audio (const char *path, GstClockTime *first_pts)
{
  g_autofree char *desc = g_strdup_printf (
      "filesrc location=\"%s\" ! qtdemux ! aacparse ! avdec_aac ! "
      "audioconvert ! audioresample ! audio/x-raw,format=S16LE,rate=%d,"
      "channels=1 ! appsink name=out sync=false",
      path, RATE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) p = gst_parse_launch (desc, &error);
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GstBus) bus = NULL;
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (gint16));
  /* decoding 2 s of sound takes well under a second; a file the
   * pipeline cannot read is an error message on the bus, never EOS: a
   * bounded wait fails with that message instead of hanging the test
   * until meson's timeout */
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  *first_pts = GST_CLOCK_TIME_NONE;
  sink = gst_bin_get_by_name (GST_BIN (p), "out");
  bus = gst_element_get_bus (p);
  gst_element_set_state (p, GST_STATE_PLAYING);
  for (;;)
    {
      g_autoptr (GstSample) sample = NULL;
      g_autoptr (GstMessage) msg = NULL;
      GstMapInfo map;
      GstBuffer *buf;
      gboolean eos = FALSE;

      g_signal_emit_by_name (sink, "try-pull-sample", 100 * GST_MSECOND,
                             &sample);
      if ((msg = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR)) != NULL)
        {
          g_autoptr (GError) decode_error = NULL;

          gst_message_parse_error (msg, &decode_error, NULL);
          g_error ("decoding %s: %s", path, decode_error->message);
        }
      if (!sample)
        {
          g_object_get (sink, "eos", &eos, NULL);
          if (eos)
            break;
          if (g_get_monotonic_time () > deadline)
            g_error ("decoding %s: no end after 30 s", path);
          continue;
        }
      buf = gst_sample_get_buffer (sample);
      if (*first_pts == GST_CLOCK_TIME_NONE)
        *first_pts = GST_BUFFER_PTS (buf);
      gst_buffer_map (buf, &map, GST_MAP_READ);
      g_array_append_vals (samples, map.data, map.size / sizeof (gint16));
      gst_buffer_unmap (buf, &map);
    }
  gst_element_set_state (p, GST_STATE_NULL);
  return samples;
}

/* Goertzel power of TONE in N samples, normalised. */
static double
tone_power (const gint16 *x, int n)
{
  double k = 2 * cos (2 * G_PI * TONE / RATE), s1 = 0, s2 = 0;

  for (int i = 0; i < n; i++)
    {
      double s = x[i] / 32768.0 + k * s1 - s2;

      s2 = s1;
      s1 = s;
    }
  return (s1 * s1 + s2 * s2 - k * s1 * s2) / ((double) n * n);
}

static void
keep_detail (FcRecorder *rec, GVariant *detail, gpointer data)
{
  GVariant **slot = data;

  if (*slot == NULL)
    *slot = g_variant_ref (detail);
}

/* DATA non-NULL: offline (FcRecorder:offline), the clips placed by the
 * samples' count as fast as the file is made. */
static void
test_onsets (gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("fc-audio-XXXXXX", &error);
  g_autofree char *tmp = g_dir_make_tmp ("fc-audio-rec-XXXXXX", &error);
  g_autofree char *wav = g_build_filename (root, "tone.wav", NULL);
  g_autoptr (GVariant) steps = g_variant_ref_sink (g_variant_parse (
      NULL,
      "[<{'audioSrc': <'/tone.wav'>, 'showTime': <0.0>}>,"
      " <{'audioSrc': <'/tone.wav'>, 'showTime': <700.0>}>,"
      " <{'audioSrc': <'tone.wav'>, 'showTime': <1400.0>}>]",
      NULL, NULL, NULL));
  FcRecorder *rec = fc_recorder_new ();
  g_autoptr (GVariant) end = NULL;
  g_autoptr (GVariant) err = NULL;
  g_autoptr (GArray) samples = NULL;
  const char *video = NULL;
  GstClockTime first_pts;
  gint64 deadline;
  guint found = 0;
  gboolean in_tone = FALSE;
  double peak = 0;

  g_assert_no_error (error);
  fc_test_make_tone (wav, TONE, RATE);
  g_signal_connect (rec, "end", G_CALLBACK (keep_detail), &end);
  g_signal_connect (rec, "error", G_CALLBACK (keep_detail), &err);
  g_object_set (rec, "camera", "test", "microphone", "test", "resolution",
                "low", "allow-test-source", TRUE, "record-time", 2000,
                "temp-dir", tmp, "root-dir", root, "step-list", steps,
                "offline", data != NULL, NULL);
  g_assert_true (fc_recorder_record (rec));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!end && !err && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  if (err)
    {
      g_autofree char *text = g_variant_print (err, TRUE);

      g_error ("unexpected error: %s", text);
    }
  g_assert_nonnull (end);
  g_assert_true (g_variant_lookup (end, "tempVideoPath", "&s", &video));
  samples = decode_audio (video, &first_pts);
  g_test_message ("%u samples decoded, first at %" GST_TIME_FORMAT,
                  samples->len, GST_TIME_ARGS (first_pts));
  g_assert_cmpuint (samples->len, >, RATE * 3 / 2);

  /* the tone's power per 2 ms window; onsets where it first rises */
  for (guint i = 0; i + WINDOW <= samples->len; i += WINDOW)
    peak = MAX (peak, tone_power (&g_array_index (samples, gint16, i), WINDOW));
  for (guint i = 0; i + WINDOW <= samples->len; i += WINDOW)
    {
      double pw = tone_power (&g_array_index (samples, gint16, i), WINDOW);
      gboolean on = pw > peak * 0.1;

      if (on && !in_tone)
        {
          /* position in the file: decoded sample index plus the first
           * buffer's timestamp */
          double ms = i * 1000.0 / RATE
                      + (GST_CLOCK_TIME_IS_VALID (first_pts)
                             ? first_pts / 1e6
                             : 0);

          /* the file's first 1024 samples (21.3 ms) are the AAC
           * encoder's priming, silent whatever is mixed: a step at 0 is
           * heard from there on; the others to the sample (the detector
           * resolves 2 ms windows) */
          double expect = MAX ((double) show_ms[MIN (found, 2)],
                               1024 * 1000.0 / RATE);

          g_test_message ("tone onset at %.1f ms (showTime %u)", ms,
                          show_ms[MIN (found, 2)]);
          g_assert_cmpuint (found, <, G_N_ELEMENTS (show_ms));
          g_assert_cmpfloat (fabs (ms - expect), <=, 3.0);
          if (show_ms[found] > 0)
            g_assert_cmpfloat (fabs (ms - show_ms[found]), <=, 20.0);
          found++;
        }
      in_tone = on;
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (show_ms));

  {
    g_autoptr (GDir) dir = g_dir_open (tmp, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *p = g_build_filename (tmp, name, NULL);

        g_unlink (p);
      }
  }
  fc_recorder_close (rec);
  g_assert_finalize_object (rec);
  g_rmdir (tmp);
  g_unlink (wav);
  g_rmdir (root);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/Recorder/Audio/onsets", NULL, test_onsets);
  g_test_add_data_func ("/Recorder/Audio/onsets-offline", "offline",
                        test_onsets);
  return g_test_run ();
}
