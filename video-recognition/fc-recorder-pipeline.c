/* The recording pipeline, built from a description of what to record
 * (fc-recorder-pipeline.h):
 *
 *   camera ! caps ! crop to aspect ! scale ! I420 ! tee
 *     tee ! queue (leaky) ! preview sink
 *     tee ! videorate(30) ! fcburnin ! queue ! x264enc ! h264parse
 *       ! mp4mux ! filesink
 *   microphone ! caps ! 48 kHz mono ! queue ! fcpromptmix ! avenc_aac
 *     ! mp4mux
 *
 * videorate, which holds each frame until the next has come, is on the
 * recording branch only: the camera's buffers go back to it once
 * converted, and the preview is not a frame late. The recorder puts its
 * gates on the sink pads of fcburnin ("burn") and of the audio queue
 * ("aq"), and sees the camera deliver on videorate's ("vrate"); mp4mux writes fragments with the moov first, and
 * the file sink writes each fragment as it comes (unbuffered), so a killed
 * process leaves a playable file. The builder never touches the recorder:
 * it gives the pipeline, or an error. */

#include "fc-recorder-pipeline.h"

#include "fc-recorder-elements.h"
#include "fc-debug-private.h"

#include <gst/video/video.h>
#include <string.h>

GST_DEBUG_CATEGORY_STATIC (fc_pipeline_debug);
#define GST_CAT_DEFAULT fc_pipeline_debug

/* The category, made on the first call into this file. */
static void
debug_init (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_pipeline_debug, "fc-recorder-pipeline", "the recording pipeline builder");
}

/* Short fragments: "start" waits for the first one to be written. */
#define FRAGMENT_MS 100
/* PipeWire buffers negotiated with a camera (see describe()), each mapped
 * into this process (4 MB a 1080p YUY2 frame): pipewiresrc's own minimum.
 * Frames are converted straight out of them (no always-copy), and a
 * buffer goes back to the camera once converted: videorate, which holds a
 * frame, is behind the conversion (before 2026-12-08 it was in front and
 * held a camera buffer all the time). Fewer buffers would save 4 MB each,
 * but a camera short of free buffers stalls. Measured 2026-12-08, 20 s live
 * runs at high beside one busy loop on the 2 cores (load 2-5, the machine
 * 1.4-2.0 cores busy), a fresh camera per run, variants interleaved
 * (bench/video's fc-bench-recorder live):
 *   videorate in front, 4 buffers: dropped frames in 6 of 8 runs (19);
 *   behind, 4 buffers: 1 of 8 (4); 8 buffers: 2 of 8 (4);
 *   behind, videorate's slots from the first frame (skip-to-first, as now):
 *   4 buffers: 0 dropped in 12 of 14 runs, but the camera stalled for 3 s
 *   ("camera lost") in the other 2; 6 buffers: 0 stalls in 6, 2 frames
 *   lost before the recorder in one; 8 buffers: 0 stalls and 0 dropped in
 *   14 of 14. Peak RSS 113-119 MB (4), 121-128 (6), 129-144 (8).
 * A lost recording costs more than 16 MB: 8 stays. */
#define FC_CAMERA_BUFFERS 8

/* Whether every camera frame becomes a new buffer (decoded, or converted
 * to I420) before the tee: then PipeWire's buffers never reach the queues,
 * the encoder or the preview sink, which would hold them and starve the
 * camera. A camera giving I420 already may pass through unconverted: its
 * frames are copied out as they come (always-copy). */
static gboolean
frames_converted (GstCaps *vcaps, gboolean decode)
{
  const GstStructure *s;
  const char *format;

  if (decode)
    return TRUE;
  if (vcaps == NULL || gst_caps_get_size (vcaps) != 1)
    return FALSE;
  s = gst_caps_get_structure (vcaps, 0);
  format = gst_structure_get_string (s, "format");
  return gst_structure_has_name (s, "video/x-raw") && format != NULL
         && strcmp (format, "I420") != 0;
}

static char *
describe (const FcPipelineSpec *spec, gboolean decode, gboolean copy)
{
  GString *d = g_string_new (NULL);
  /* Offline, the source runs ahead of the encoder: a few frames queued in
   * front of it keep both busy (3 s of 1080p would be 280 MB). */
  const char *vq_limit
      = spec->offline
            ? "max-size-buffers=4 max-size-bytes=0 max-size-time=0"
            : "max-size-buffers=0 max-size-bytes=0 max-size-time=3000000000";

  switch (spec->camera->kind)
    {
    case FC_SOURCE_PIPEWIRE:
      /* Frames are converted straight out of PipeWire's buffers, which
       * go back to the camera once converted (a copy, always-copy, cost
       * 4 MB a 1080p frame), unless they may pass through unconverted
       * (frames_converted()). pipewiresrc asks for at least 8 buffers
       * and at most any number, and the camera may give many more, each
       * mapped into this process: FC_CAMERA_BUFFERS instead. */
      g_string_append_printf (d,
                              "pipewiresrc name=vsrc always-copy=%s "
                              "min-buffers=%d max-buffers=%d "
                              "do-timestamp=true client-name=fc-recorder",
                              copy ? "true" : "false", FC_CAMERA_BUFFERS,
                              FC_CAMERA_BUFFERS);
      break;
    case FC_SOURCE_V4L2:
      g_string_append (d, "v4l2src name=vsrc");
      break;
    case FC_SOURCE_ELEMENT:
      /* the host's element is linked to the caps filter once parsed */
      break;
    case FC_SOURCE_TEST:
    default:
      /* Offline, a still frame of the pattern, painted once: a replay
       * needs no moving picture, and painting 1080p costs as much as a
       * fifth of an offline recording. */
      g_string_append (d, spec->offline
                              ? "videotestsrc num-buffers=1 pattern=smpte"
                                " ! imagefreeze name=vsrc"
                              : "videotestsrc name=vsrc is-live=true "
                                "pattern=smpte");
      break;
    }

  g_string_append_printf (
      d,
      "%scapsfilter name=vcaps ! %s videoconvert"
      " ! aspectratiocrop aspect-ratio=%d/%d ! videoscale ! videoconvert"
      " ! video/x-raw,format=I420,width=%d,height=%d,pixel-aspect-ratio=1/1 ! "
      "tee name=vt"
      " vt. ! queue name=pq leaky=downstream max-size-buffers=2 "
      "max-size-bytes=0 max-size-time=0 %s"
      " vt. ! videorate name=vrate skip-to-first=true ! video/x-raw,framerate=30/1"
      " ! fcburnin name=burn ! queue name=vq %s"
      /* I420 in, ultrafast: x264 writes constrained-baseline, which
       * every player decodes (the tests check the profile). */
      " ! x264enc name=venc speed-preset=ultrafast tune=zerolatency key-int-max=30"
      " ! h264parse ! queue name=vfq ! mux."
      " mp4mux name=mux fragment-duration=%d ! filesink name=fsink async=false "
      "buffer-mode=unbuffered ",
      spec->camera->kind == FC_SOURCE_ELEMENT ? "" : " ! ",
      decode ? "jpegdec !" : "", spec->width, spec->height, spec->width,
      spec->height,
      spec->preview_sink ? ""
                         : "! fakesink name=preview sync=false async=false",
      vq_limit, FRAGMENT_MS);
  if (spec->microphone->kind == FC_SOURCE_PIPEWIRE)
    g_string_append (d, " pipewiresrc name=asrc always-copy=true "
                        "do-timestamp=true client-name=fc-recorder"
                        " ! audio/x-raw,format=S16LE");
  else
    g_string_append_printf (
        d,
        " audiotestsrc name=asrc is-live=%s wave=sine freq=440 volume=0.3"
        " ! audio/x-raw,format=S16LE,rate=48000,channels=1",
        spec->offline ? "false" : "true");
  /* audiorate: a microphone may deliver fewer samples than its clock says
   * (the test environment's does); the gate counts samples, so gaps must
   * be filled with silence for the sound to keep pace with the picture. */
  g_string_append (d, " ! audioconvert ! audioresample ! "
                      "audio/x-raw,format=S16LE,rate=48000,channels=1"
                      " ! audiorate name=arate ! queue name=aq max-size-buffers=0 "
                      "max-size-bytes=0 max-size-time=3000000000"
                      " ! fcpromptmix name=pmix ! audioconvert ! avenc_aac perfect-timestamp=true ! "
                      "aacparse ! queue name=afq ! mux.");
  return g_string_free (d, FALSE);
}

/* A camera's frames are stamped on arrival (pipewiresrc do-timestamp),
 * and arrival jitters: PipeWire hands frames over on its graph's cycles,
 * which are not a multiple of the frame interval (e.g. 21.3 ms cycles for
 * 33.3 ms frames: arrivals 21 or 43 ms apart), and on a busy machine a
 * frame can come late and the next right behind it. videorate, slotting
 * frames into 1/30 s intervals, turns that jitter into dropped-and-
 * repeated pairs whenever the frames' phase sits near a slot boundary. So
 * in front of videorate the stamps follow the camera's own cadence: each
 * frame is expected one interval (from the caps' frame rate) after the
 * previous one, and moves from
 * there an eighth of the way towards its arrival time, by at most a
 * quarter of an interval (which keeps the stamps with the clock over
 * time, and the sound in sync: a frame really lost is caught up with over
 * a few frames, and videorate repeats one then); a frame more than four
 * intervals away from where it was expected (a stall) is stamped on
 * arrival again. (PipeWire's own frame numbers would tell a lost frame
 * from a late one, but pipewiresrc 0.3.65 does not pass them on.)
 * videorate's slots start at the first frame (skip-to-first), so frames on
 * that cadence sit in the middle of their slots, half an interval from
 * either edge; counted from the pipeline's start instead (the default),
 * the slots' phase against the frames was chance, and a phase near an edge
 * turned a few ms of jitter into pairs (23 in one 20 s run, no frame lost). */
typedef struct
{
  GstClockTime interval, last_pts; /* the camera's streaming thread's */
} Cadence;

static GstPadProbeReturn
cadence_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  Cadence *self = data;
  GstBuffer *buf;
  GstClockTime pts, expected, out;
  GstClockTimeDiff diff;

  if (GST_PAD_PROBE_INFO_TYPE (info) & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM)
    {
      GstEvent *event = GST_PAD_PROBE_INFO_EVENT (info);
      GstCaps *caps;
      int num = 0, den = 0;

      if (GST_EVENT_TYPE (event) != GST_EVENT_CAPS)
        return GST_PAD_PROBE_OK;
      gst_event_parse_caps (event, &caps);
      self->interval = GST_CLOCK_TIME_NONE;
      self->last_pts = GST_CLOCK_TIME_NONE;
      if (gst_structure_get_fraction (gst_caps_get_structure (caps, 0),
                                      "framerate", &num, &den)
          && num > 0 && den > 0)
        self->interval = gst_util_uint64_scale (GST_SECOND, den, num);
      return GST_PAD_PROBE_OK;
    }
  buf = GST_PAD_PROBE_INFO_BUFFER (info);
  pts = GST_BUFFER_PTS (buf);
  if (!GST_CLOCK_TIME_IS_VALID (self->interval)
      || !GST_CLOCK_TIME_IS_VALID (pts))
    return GST_PAD_PROBE_OK;
  out = pts;
  if (GST_CLOCK_TIME_IS_VALID (self->last_pts))
    {
      GstClockTimeDiff step = (GstClockTimeDiff)self->interval / 4;

      expected = self->last_pts + self->interval;
      diff = GST_CLOCK_DIFF (expected, pts);
      if (ABS (diff) <= 4 * (GstClockTimeDiff)self->interval)
        out = expected + CLAMP (diff / 8, -step, step);
    }
  GST_LOG ("camera frame at %" GST_TIME_FORMAT ", stamped %" GST_TIME_FORMAT,
           GST_TIME_ARGS (pts), GST_TIME_ARGS (out));
  self->last_pts = out;
  if (out != pts)
    {
      buf = gst_buffer_make_writable (buf);
      GST_BUFFER_PTS (buf) = out;
      GST_BUFFER_DTS (buf) = GST_CLOCK_TIME_NONE;
      GST_PAD_PROBE_INFO_DATA (info) = buf;
    }
  return GST_PAD_PROBE_OK;
}

/* Offline, the sources are held while nothing is being recorded: not
 * live, they would otherwise turn out frames and samples as fast as they
 * can only for the gates to drop them. The probe lets the first buffer
 * through when *DATA is TRUE (frames and samples flow: "ready"), then
 * blocks the stream until it is removed. */
static GstPadProbeReturn
hold_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  gboolean *let_one = data;

  if (*let_one)
    {
      *let_one = FALSE;
      return GST_PAD_PROBE_PASS;
    }
  return GST_PAD_PROBE_OK;
}

void
fc_pipeline_hold (GstElement *pipeline, gboolean video, gboolean let_one,
                  gulong *id)
{
  g_autoptr (GstElement) e = gst_bin_get_by_name (
      GST_BIN (pipeline), video ? "vrate" : "arate");
  g_autoptr (GstPad) pad = gst_element_get_static_pad (e, "src");
  gboolean *let = g_new (gboolean, 1);

  if (*id != 0)
    {
      g_free (let);
      return;
    }
  *let = let_one;
  *id = gst_pad_add_probe (pad,
                           GST_PAD_PROBE_TYPE_BLOCK | GST_PAD_PROBE_TYPE_BUFFER,
                           hold_probe, let, g_free);
}

void
fc_pipeline_release (GstElement *pipeline, gboolean video, gulong *id)
{
  g_autoptr (GstElement) e = NULL;
  g_autoptr (GstPad) pad = NULL;

  if (*id == 0 || pipeline == NULL)
    return;
  e = gst_bin_get_by_name (GST_BIN (pipeline), video ? "vrate" : "arate");
  pad = gst_element_get_static_pad (e, "src");
  gst_pad_remove_probe (pad, *id);
  *id = 0;
}

void
fc_pipeline_frame_counts (GstElement *pipeline, guint64 *dropped,
                          guint64 *duplicated)
{
  g_autoptr (GstElement) vrate
      = pipeline ? gst_bin_get_by_name (GST_BIN (pipeline), "vrate") : NULL;

  *dropped = *duplicated = 0;
  if (vrate != NULL)
    g_object_get (vrate, "drop", dropped, "duplicate", duplicated, NULL);
}

GstElement *
fc_pipeline_build (const FcPipelineSpec *spec, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *desc = NULL;
  g_autoptr (GstCaps) vcaps = NULL;
  g_autoptr (GstElement) vsrc = NULL, asrc = NULL;
  GstElement *pipeline;
  gboolean decode = FALSE;

  debug_init ();
  /* fcburnin and fcpromptmix: registered with GStreamer, once, where the
   * first pipeline is built (GStreamer is initialised by then; a class
   * initialised without it, e.g. for a view, must not register) */
  fc_recorder_elements_register ();
  if (spec->camera->kind == FC_SOURCE_ELEMENT)
    vcaps = gst_caps_new_empty_simple ("video/x-raw"); /* as it comes */
  else if (spec->camera->kind == FC_SOURCE_TEST)
    vcaps = gst_caps_new_simple (
        "video/x-raw", "format", G_TYPE_STRING, "I420", "width", G_TYPE_INT,
        spec->width, "height", G_TYPE_INT, spec->height, "framerate",
        GST_TYPE_FRACTION, 30, 1, NULL);
  else
    vcaps = fc_source_choose_video_caps (spec->camera, spec->width, spec->height,
                                         &decode);
  GST_INFO ("camera caps %" GST_PTR_FORMAT, vcaps);

  desc = describe (spec, decode, !frames_converted (vcaps, decode));
  GST_DEBUG ("pipeline: %s", desc);
  pipeline
      = gst_parse_launch_full (desc, NULL, GST_PARSE_FLAG_FATAL_ERRORS, &local);
  if (pipeline == NULL)
    {
      g_set_error (error, FC_RECORDER_ERROR, FC_RECORDER_ERROR_FAILED,
                   "cannot build the pipeline: %s", local->message);
      return NULL;
    }
  gst_object_ref_sink (pipeline);
  if (spec->camera->kind == FC_SOURCE_ELEMENT)
    {
      GstElement *element = spec->camera->element;
      g_autoptr (GstElement) capsfilter
          = gst_bin_get_by_name (GST_BIN (pipeline), "vcaps");

      if (!gst_bin_add (GST_BIN (pipeline), element))
        {
          g_clear_object (&pipeline);
          g_set_error (error, FC_RECORDER_ERROR, FC_RECORDER_ERROR_FAILED,
                       "cannot use the camera source %s: it is in another "
                       "bin",
                       GST_OBJECT_NAME (element));
          return NULL;
        }
      if (!gst_element_link (element, capsfilter))
        {
          gst_bin_remove (GST_BIN (pipeline), element);
          g_clear_object (&pipeline);
          g_set_error (error, FC_RECORDER_ERROR, FC_RECORDER_ERROR_FAILED,
                       "cannot link the camera source %s (a source element "
                       "with an always src pad is needed)",
                       GST_OBJECT_NAME (element));
          return NULL;
        }
    }
  vsrc = gst_bin_get_by_name (GST_BIN (pipeline), "vsrc");
  asrc = gst_bin_get_by_name (GST_BIN (pipeline), "asrc");
  {
    g_autoptr (GstElement) capsfilter
        = gst_bin_get_by_name (GST_BIN (pipeline), "vcaps");
    g_autoptr (GstElement) fsink
        = gst_bin_get_by_name (GST_BIN (pipeline), "fsink");
    g_autoptr (GstElement) tee
        = gst_bin_get_by_name (GST_BIN (pipeline), "vt");
    g_autoptr (GstPad) tee_sink = gst_element_get_static_pad (tee, "sink");

    g_object_set (capsfilter, "caps", vcaps, NULL);
    g_object_set (fsink, "location", spec->video_path, NULL);
    /* what memory needs over many recordings: fc-recorder-memory.c */
    fc_recorder_map_frames (tee_sink);
    fc_recorder_keep_threads (pipeline);
  }
  if (spec->camera->kind == FC_SOURCE_PIPEWIRE
      || spec->microphone->kind == FC_SOURCE_PIPEWIRE)
    {
      /* A device that goes away must not be swapped silently for another
       * one (the session manager's default): the recording would go on with
       * someone else's camera. */
      g_autoptr (GstStructure) stream_props = gst_structure_new (
          "props", "node.dont-reconnect", G_TYPE_STRING, "true", NULL);

      if (spec->camera->kind == FC_SOURCE_PIPEWIRE)
        g_object_set (vsrc, "target-object", spec->camera->target,
                      "stream-properties", stream_props, NULL);
      if (spec->camera->kind == FC_SOURCE_PIPEWIRE && spec->camera->fd >= 0)
        g_object_set (vsrc, "fd", spec->camera->fd, NULL);
      if (spec->microphone->kind == FC_SOURCE_PIPEWIRE)
        g_object_set (asrc, "stream-properties", stream_props, NULL);
    }
  else if (spec->camera->kind == FC_SOURCE_V4L2)
    g_object_set (vsrc, "device", spec->camera->target, NULL);
  if (spec->microphone->kind == FC_SOURCE_PIPEWIRE)
    g_object_set (asrc, "target-object", spec->microphone->target, NULL);
  if (spec->preview_sink != NULL)
    {
      g_autoptr (GstElement) pq
          = gst_bin_get_by_name (GST_BIN (pipeline), "pq");

      gst_bin_add (GST_BIN (pipeline), spec->preview_sink);
      if (!gst_element_link (pq, spec->preview_sink))
        {
          gst_bin_remove (GST_BIN (pipeline), spec->preview_sink);
          if (spec->camera->kind == FC_SOURCE_ELEMENT)
            gst_bin_remove (GST_BIN (pipeline), spec->camera->element);
          g_clear_object (&pipeline);
          g_set_error_literal (error, FC_RECORDER_ERROR,
                               FC_RECORDER_ERROR_FAILED,
                               "cannot link the preview sink");
          return NULL;
        }
    }
  if (spec->offline)
    /* no clock at all: every element runs as fast as it can */
    gst_pipeline_use_clock (GST_PIPELINE (pipeline), NULL);
  else if (spec->clock != NULL)
    gst_pipeline_use_clock (GST_PIPELINE (pipeline), spec->clock);
  if (spec->camera->kind == FC_SOURCE_PIPEWIRE
      || spec->camera->kind == FC_SOURCE_V4L2)
    {
      Cadence *cadence = g_new (Cadence, 1);
      g_autoptr (GstElement) vrate
          = gst_bin_get_by_name (GST_BIN (pipeline), "vrate");
      g_autoptr (GstPad) pad = gst_element_get_static_pad (vrate, "sink");

      cadence->interval = cadence->last_pts = GST_CLOCK_TIME_NONE;
      gst_pad_add_probe (pad,
                         GST_PAD_PROBE_TYPE_BUFFER
                             | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
                         cadence_probe, cadence, g_free);
    }
  return pipeline;
}
