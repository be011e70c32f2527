/* burn-in: a recording (test sources) with three steps in three colours
 * and an opaque black mask; every decoded frame must show exactly the
 * step whose showTime its timestamp has reached, so each step's text is
 * in the first frame at or after its showTime and not in the one before.
 * Live and offline (not live, no clock). */

#include <gst/gst.h>
#include <gst/video/video.h>
#include <string.h>

#include "common/fc-test-files.h"
#include "common/fc-test-recording.h"
#include "fc-prompt-render.h"
#include "fc-recorder.h"

#define W 640
#define H 480
#define TOP 40.0

static const char steps_text[]
    = "[<{'showTime': <0.0>, 'textList': <[<{'text': <'MMMM'>,"
      "   'color': <'#ff0000'>, 'fontSize': <'80px'>, 'fontWeight': <'bold'>}>]>}>,"
      " <{'showTime': <500.0>, 'textList': <[<{'text': <'MMMM'>,"
      "   'color': <'#00ff00'>, 'fontSize': <'80px'>, 'fontWeight': <'bold'>}>]>}>,"
      " <{'showTime': <1000.0>, 'textList': <[<{'text': <'MMMM'>,"
      "   'color': <'#0000ff'>, 'fontSize': <'80px'>, 'fontWeight': <'bold'>}>]>}>]";

static GBytes *
black_png (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) p = gst_parse_launch (
      "videotestsrc num-buffers=1 pattern=black ! video/x-raw,width=16,"
      "height=16 ! videoconvert ! pngenc ! appsink name=out sync=false",
      &error);
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GstSample) sample = NULL;
  GstMapInfo map;
  GBytes *bytes;

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (p), "out");
  gst_element_set_state (p, GST_STATE_PLAYING);
  g_signal_emit_by_name (sink, "pull-sample", &sample);
  g_assert_nonnull (sample);
  gst_buffer_map (gst_sample_get_buffer (sample), &map, GST_MAP_READ);
  bytes = g_bytes_new (map.data, map.size);
  gst_buffer_unmap (gst_sample_get_buffer (sample), &map);
  gst_element_set_state (p, GST_STATE_NULL);
  return bytes;
}

/* 0 red, 1 green, 2 blue, -1 none of them */
static int
classify (const guint8 *px)
{
  int r = px[0], g = px[1], b = px[2];

  if (r > 150 && g < 90 && b < 90)
    return 0;
  if (g > 150 && r < 90 && b < 90)
    return 1;
  if (b > 150 && r < 90 && g < 90)
    return 2;
  return -1;
}

typedef struct
{
  guint frames;
  guint first_of[3]; /* frame index where each colour first shows */
  GstClockTime first_pts[3];
} Seen;

static void
check_frame (GstSample *sample, const FcRect *box, guint index, Seen *seen)
{
  GstVideoInfo info;
  GstVideoFrame frame;
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  GstClockTime pts = GST_BUFFER_PTS (buffer);
  guint count[3] = { 0 }, n = 0, dark = 0, total = 0;
  int expect = pts >= 1000 * GST_MSECOND ? 2 : pts >= 500 * GST_MSECOND ? 1 : 0;

  g_assert_true (gst_video_info_from_caps (&info, gst_sample_get_caps (sample)));
  g_assert_true (gst_video_frame_map (&frame, &info, buffer, GST_MAP_READ));
  for (int y = (int) box->y; y < (int) (box->y + box->height); y++)
    for (int x = (int) box->x; x < (int) (box->x + box->width); x++)
      {
        const guint8 *px = (const guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&frame, 0)
                           + y * GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 0) + x * 3;
        int c = classify (px);

        n++;
        if (c >= 0)
          count[c]++;
      }
  /* below the text: the opaque black mask hides the test pattern */
  for (int y = H / 2; y < H; y += 7)
    for (int x = 0; x < W; x += 7)
      {
        const guint8 *px = (const guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&frame, 0)
                           + y * GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 0) + x * 3;

        total++;
        if (px[0] < 40 && px[1] < 40 && px[2] < 40)
          dark++;
      }
  gst_video_frame_unmap (&frame);

  if (g_test_verbose ())
    g_test_message ("frame %u at %" GST_TIME_FORMAT ": r %u g %u b %u of %u",
                    index, GST_TIME_ARGS (pts), count[0], count[1], count[2],
                    n);
  g_assert_cmpfloat ((double) dark / total, >, 0.98);
  for (int c = 0; c < 3; c++)
    {
      if (c == expect)
        g_assert_cmpfloat ((double) count[c] / n, >, 0.10);
      else
        g_assert_cmpfloat ((double) count[c] / n, <, 0.01);
    }
  if (seen->first_pts[expect] == GST_CLOCK_TIME_NONE)
    {
      seen->first_pts[expect] = pts;
      seen->first_of[expect] = index;
    }
  seen->frames++;
}

/* EXACT: offline, every frame is in the file, on the 30 fps grid. */
static void
decode_and_check (const char *path, const FcRect *box, gboolean exact)
{
  g_autofree char *desc = g_strdup_printf (
      "filesrc location=\"%s\" ! qtdemux ! h264parse ! avdec_h264 ! "
      "videoconvert ! video/x-raw,format=RGB ! appsink name=out sync=false",
      path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) p = gst_parse_launch (desc, &error);
  g_autoptr (GstElement) sink = NULL;
  Seen seen = { 0, { 0 }, { GST_CLOCK_TIME_NONE, GST_CLOCK_TIME_NONE,
                            GST_CLOCK_TIME_NONE } };

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (p), "out");
  gst_element_set_state (p, GST_STATE_PLAYING);
  for (guint i = 0;; i++)
    {
      g_autoptr (GstSample) sample = NULL;

      g_signal_emit_by_name (sink, "pull-sample", &sample);
      if (!sample)
        break;
      check_frame (sample, box, i, &seen);
    }
  gst_element_set_state (p, GST_STATE_NULL);
  g_test_message ("%u frames; steps first at %" GST_TIME_FORMAT ", %"
                  GST_TIME_FORMAT ", %" GST_TIME_FORMAT,
                  seen.frames, GST_TIME_ARGS (seen.first_pts[0]),
                  GST_TIME_ARGS (seen.first_pts[1]),
                  GST_TIME_ARGS (seen.first_pts[2]));
  g_assert_cmpuint (seen.frames, >=, 40);
  /* each step from the first frame at or after its showTime: 30 fps from
   * 0, so frames 0, 15 and 30 */
  g_assert_cmpuint (seen.first_pts[0], ==, 0);
  g_assert_cmpuint (seen.first_pts[1], >=, 500 * GST_MSECOND);
  g_assert_cmpuint (seen.first_pts[1], <, 500 * GST_MSECOND + GST_SECOND / 30);
  g_assert_cmpuint (seen.first_pts[2], >=, 1000 * GST_MSECOND);
  g_assert_cmpuint (seen.first_pts[2], <, 1000 * GST_MSECOND + GST_SECOND / 30);
  if (exact)
    {
      g_assert_cmpuint (seen.frames, ==, 45);
      g_assert_cmpuint (seen.first_of[1], ==, 15);
      g_assert_cmpuint (seen.first_of[2], ==, 30);
    }
}

/* DATA: offline (FcRecorder:offline) when non-NULL: the same frames,
 * placed on stream time as fast as they encode. */
static void
test_burn_in (gconstpointer data)
{
  gboolean offline = data != NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("fc-burnin-XXXXXX", &error);
  g_autofree char *tmp = g_dir_make_tmp ("fc-burnin-rec-XXXXXX", &error);
  g_autofree char *mask_path = g_build_filename (root, "mask.png", NULL);
  g_autoptr (GBytes) png = black_png ();
  g_autoptr (GVariant) steps = g_variant_ref_sink (
      g_variant_parse (NULL, steps_text, NULL, NULL, NULL));
  g_autoptr (FcStepList) list = fc_step_list_new (steps, NULL, NULL, NULL);
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (FcPromptSpanBox));
  FcViewport vp = { W, H };
  FcRecorder *rec = fc_recorder_new ();
  FcTestEvents ev;
  const char *video = NULL;
  FcRect box;

  g_assert_no_error (error);
  g_file_set_contents (mask_path, g_bytes_get_data (png, NULL),
                       g_bytes_get_size (png), &error);
  g_assert_no_error (error);
  /* where the text goes (the same for the three steps); its middle part,
   * where the ink is */
  fc_prompt_layout (fc_step_list_get_step (list, 0), &vp, TOP, boxes);
  box = g_array_index (boxes, FcPromptSpanBox, 0).text;
  box.y += box.height * 0.25;
  box.height *= 0.5;

  fc_test_events_connect (&ev, rec);
  g_object_set (rec, "camera", "test", "microphone", "test", "resolution",
                "low", "allow-test-source", TRUE, "record-time", 1500,
                "temp-dir", tmp, "root-dir", root, "mask", "/mask.png",
                "step-list", steps, "top", TOP, "burn-in", TRUE, "offline",
                offline, NULL);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.end, 20000);
  g_assert_true (g_variant_lookup (ev.end, "tempVideoPath", "&s", &video));
  decode_and_check (video, &box, offline);

  /* the prompt timeline beside the video */
  {
    const char *vtt = NULL;
    g_autofree char *text = NULL;
    g_autofree char *want = NULL;
    gint64 duration = 0;

    g_assert_true (g_variant_lookup (ev.end, "tempSubtitlePath", "&s", &vtt));
    g_assert_true (g_variant_lookup (ev.end, "duration", "x", &duration));
    g_assert_true (g_str_has_suffix (vtt, ".vtt"));
    g_assert_true (g_file_get_contents (vtt, &text, NULL, NULL));
    want = g_strdup_printf ("WEBVTT\n"
                            "\n1\n00:00:00.000 --> 00:00:00.500\nMMMM\n"
                            "\n2\n00:00:00.500 --> 00:00:01.000\nMMMM\n"
                            "\n3\n00:00:01.000 --> 00:00:01.%03d\nMMMM\n",
                            (int) (duration - 1000));
    g_assert_cmpint (duration, ==, 1500);
    g_assert_cmpstr (text, ==, want);
  }

  fc_recorder_close (rec);
  g_assert_finalize_object (rec);
  fc_test_events_clear (&ev);
  fc_test_remove_tree (tmp);
  fc_test_remove_tree (root);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/Recorder/BurnIn/steps-on-frames", NULL,
                        test_burn_in);
  g_test_add_data_func ("/Recorder/BurnIn/steps-on-frames-offline", "offline",
                        test_burn_in);
  return g_test_run ();
}
