/* FcRecorder: state, pipeline and events of the video recorder.
 *
 * One pipeline runs from fc_recorder_prepare() on:
 *
 *   camera ! caps ! videorate(30) ! crop to aspect ! scale ! I420 ! tee
 *     tee ! queue (leaky) ! preview sink
 *     tee ! [video gate] fcburnin ! queue ! x264enc ! h264parse ! mp4mux
 *       ! filesink
 *   microphone ! caps ! 48 kHz mono ! [audio gate] queue ! fcpromptmix
 *     ! avenc_aac ! mp4mux
 *   [appsrc (the prompt timeline, fed by the video gate) ! mp4mux]
 *
 * The gates are pad probes. fcburnin (the prompts burnt into the frames)
 * and fcpromptmix (their clips added into the sound) are the recorder's
 * own elements (fc-recorder-elements.c); they pass everything untouched
 * until a recording gives them its prompts. They drop everything until a recording is
 * armed; the first video frame after that opens the window, and both
 * branches are cut at exactly start + record-time of running time (the
 * buffers' timestamps), audio to the sample. Then end-of-stream is sent to
 * the sources and mp4mux finalises the file. mp4mux writes fragments with
 * the moov first, and the file sink writes each fragment as it comes
 * (unbuffered), so a killed process leaves a playable file.
 *
 * Offline (the offline property), the test sources are not live and the
 * pipeline has no clock: everything runs as fast as it can, on the
 * buffers' timestamps. The sources are held (blocking pad probes) while
 * nothing is being recorded, so they do not spin for the gates to drop.
 *
 * Streaming threads never touch the object's state beyond the window under
 * self->lock: they post application messages that the bus watch (on the
 * main context the recorder was made in) turns into signals. */

#include "fc-recorder-private.h"

#include "fc-burn-in.h"
#include "fc-recorder-elements.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/audio/audio.h>
#include <gst/video/video.h>
#include <string.h>

#ifdef FC_HAVE_LIBPORTAL
#include <gio/gunixfdlist.h>
#include <libportal/portal.h>
#endif

GST_DEBUG_CATEGORY (fc_recorder_debug);
#define GST_CAT_DEFAULT fc_recorder_debug

#define FRAME_NS (GST_SECOND / 30)
/* Short fragments: "start" waits for the first one to be written. */
#define FRAGMENT_MS 100
/* No frame for this long while recording: the camera has gone. */
#define LOST_AFTER_US (500 * 1000)
/* No sound for this long while recording: the microphone is gone. Longer
 * than a camera's: a microphone delivers in bursts, and the video branch
 * only backs up (waiting in the muxer) after its queue's 3 s. */
#define MIC_LOST_AFTER_US (1000 * 1000)
#define WATCHDOG_MS 50
#define FINISH_NUDGE_US (1500 * 1000)
#define FINISH_GIVE_UP_US (4 * G_USEC_PER_SEC)
/* Offline, a test source cannot be lost; a pipeline that makes no
 * progress for this long is stuck. */
#define OFFLINE_STALL_US (10 * G_USEC_PER_SEC)

struct _FcRecorder
{
  GObject parent_instance;

  /* properties */
  char *resolution;
  guint record_time;
  char *camera;
  char *microphone;
  gboolean allow_test_source;
  char *temp_dir;
  GstClock *clock;
  GstElement *preview_sink;
  guint ready_timeout;
  gboolean offline;

  FcRecorderState state;
  GMainContext *context;
  FcPrompts *prompts; /* stepList, resources: part 2 */
  gboolean flowing;   /* frames and samples flow; ready once prompts are in */
  char *own_temp_dir; /* made on first use when temp-dir is unset */
  GCancellable *starting; /* a start step under way (the warm-up awaited,
                             a camera portal request), cancelled by close */
#ifdef FC_HAVE_LIBPORTAL
  XdpPortal *portal;
  GDBusConnection *bus;        /* the session bus, once the portal is asked */
#endif

  GstElement *pipeline, *vsrc, *asrc;
  GstClock *time_clock;  /* the host's clock, or the system clock */
  GstPad *vgate, *agate; /* sink pads of the recording branches' queues */
  GSource *bus_source, *watchdog;
  FcSource cam, mic;
  int width, height;
  char *video_path;
  gboolean pending_record, start_emitted, nudged;
  FcStamp prepare_at, finishing_at;
  gint64 record_us;
  guint64 dropped_at_arm, duplicated_at_arm; /* videorate's counters */
  GError *pending_error; /* reported once the partial file is finalised */
  gboolean run_offline; /* this pipeline's mode (offline when it started) */
  /* camera frames' timestamps, smoothed (camera streaming thread only) */
  GstClockTime cam_interval, cam_last_pts;
  gulong vhold, ahold;  /* offline: the sources' blocking probes */

  /* The recording window, shared with the streaming threads. */
  GMutex lock;
  gboolean armed, video_done, audio_done, saw_video, saw_audio, file_started;
  gboolean video_eos, audio_eos;
  GstClockTime record_ns, start, end, last_video_pts;
  gint64 audio_samples; /* recorded so far */
  guint64 frames;
  FcStamp last_video_at, last_audio_at, last_write_at;
  GstSample *first_frame;
  FcSubtitleFeed *subs; /* the prompt timeline's subtitle track */
  FcPromptPlayer *player; /* prompt audio to the speaker, while recording */
};

enum
{
  PROP_0,
  PROP_RESOLUTION,
  PROP_RECORD_TIME,
  PROP_CAMERA,
  PROP_MICROPHONE,
  PROP_ALLOW_TEST_SOURCE,
  PROP_TEMP_DIR,
  PROP_CLOCK,
  PROP_PREVIEW_SINK,
  PROP_READY_TIMEOUT,
  PROP_OFFLINE,
  PROP_STATE,
  N_PROPS
  /* then the part-2 properties of fc-recorder-prompts.c */
};

enum
{
  SIGNAL_READY,
  SIGNAL_START,
  SIGNAL_END,
  SIGNAL_ERROR,
  SIGNAL_WARNING,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

/* clang-format off: the domain's name is its text */
G_DEFINE_QUARK (fc-recorder-error, fc_recorder_error)
/* clang-format on */

G_DEFINE_ENUM_TYPE (
    FcRecorderError, fc_recorder_error,
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_NO_CAMERA, "no-camera"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_CAMERA_BUSY, "camera-busy"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_CAMERA_DENIED, "camera-denied"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_CAMERA_LOST, "camera-lost"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_NO_MICROPHONE, "no-microphone"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_WRITE_FAILED, "write-failed"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_FAILED, "failed"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_INVALID_STEPS, "invalid-steps"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_RESOURCE, "resource"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_NOT_SUPPORTED, "not-supported"))

G_DEFINE_ENUM_TYPE (
    FcRecorderState, fc_recorder_state,
    G_DEFINE_ENUM_VALUE (FC_RECORDER_STATE_IDLE, "idle"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_STATE_PREPARING, "preparing"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_STATE_READY, "ready"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_STATE_RECORDING, "recording"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_STATE_FINISHING, "finishing"))

G_DEFINE_FINAL_TYPE (FcRecorder, fc_recorder, G_TYPE_OBJECT)

/* ---- events ---------------------------------------------------------- */

static const char *
error_code_nick (FcRecorderError code)
{
  GEnumClass *klass = g_type_class_ref (FC_TYPE_RECORDER_ERROR);
  GEnumValue *value = g_enum_get_value (klass, code);
  const char *nick = value ? value->value_nick : "failed";

  g_type_class_unref (klass);
  return nick;
}

/* Emits SIGNAL with DETAIL (floating or not; consumed). */
static void
emit (FcRecorder *self, guint signal, GVariant *detail)
{
  g_variant_ref_sink (detail);
  g_object_ref (self);
  g_signal_emit (self, signals[signal], 0, detail);
  g_object_unref (self);
  g_variant_unref (detail);
}

void
fc_recorder_emit_warning (FcRecorder *self, const char *message)
{
  GVariantDict dict;

  GST_INFO_OBJECT (self->pipeline, "warning: %s", message);
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "errMsg", "s", message);
  emit (self, SIGNAL_WARNING, g_variant_dict_end (&dict));
}

static gboolean
file_has_data (const char *path)
{
  GStatBuf st;

  return path != NULL && g_stat (path, &st) == 0 && st.st_size > 0;
}

/* PATH, when given and holding something, is the partial recording. */
static void
emit_error (FcRecorder *self, const GError *error, const char *path)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "errMsg", "s", error->message);
  g_variant_dict_insert (&dict, "errCode", "s",
                         error->domain == FC_RECORDER_ERROR
                             ? error_code_nick (error->code)
                             : "failed");
  if (file_has_data (path))
    g_variant_dict_insert (&dict, "tempVideoPath", "s", path);
  emit (self, SIGNAL_ERROR, g_variant_dict_end (&dict));
}

FcPrompts *
fc_recorder_get_prompts (FcRecorder *self)
{
  return self->prompts;
}

static void
set_state (FcRecorder *self, FcRecorderState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STATE]);
}

/* A timeout runs out when it has passed both on the host's clock and in
 * real time: under a virtual clock that stands still, or races ahead of
 * what the machine can do, a camera giving no frame is not a fault. */
static FcStamp
stamp_now (FcRecorder *self)
{
  FcStamp now = { g_get_monotonic_time (), 0 };

  now.clock
      = self->time_clock
            ? (gint64)(gst_clock_get_time (self->time_clock) / GST_USECOND)
            : now.wall;
  return now;
}

static gint64
elapsed_us (FcRecorder *self, FcStamp then)
{
  FcStamp now = stamp_now (self);

  return MIN (now.wall - then.wall, now.clock - then.clock);
}

/* ---- streaming-thread side ------------------------------------------- */

static void
post (GstPad *pad, const char *name)
{
  g_autoptr (GstObject) parent = gst_pad_get_parent (pad);

  if (parent != NULL)
    gst_element_post_message (
        GST_ELEMENT (parent),
        gst_message_new_application (parent, gst_structure_new_empty (name)));
}

/* Ends one recording branch (once): the muxer finalises the file when both
 * have ended. The sources and the preview go on until the teardown. */
static void
end_branch (FcRecorder *self, gboolean video)
{
  FcSubtitleFeed *subs;
  GstClockTime end;
  GstPad *pad;
  gboolean send;

  g_mutex_lock (&self->lock);
  pad = video ? self->vgate : self->agate;
  send = video ? !self->video_eos : !self->audio_eos;
  if (video)
    self->video_eos = TRUE;
  else
    self->audio_eos = TRUE;
  pad = send && pad ? gst_object_ref (pad) : NULL;
  subs = video && send && self->subs ? fc_subtitle_feed_ref (self->subs) : NULL;
  end = GST_CLOCK_TIME_IS_VALID (self->start) ? self->end - self->start : 0;
  g_mutex_unlock (&self->lock);
  /* the subtitle track ends with the picture */
  if (subs != NULL)
    {
      fc_subtitle_feed_end (subs, end);
      fc_subtitle_feed_unref (subs);
    }
  if (pad != NULL)
    {
      GST_DEBUG ("ending the %s branch", video ? "video" : "audio");
      gst_pad_send_event (pad, gst_event_new_eos ());
      gst_object_unref (pad);
    }
}

/* Recorded buffers are stamped from 0: mp4mux otherwise counts the running
 * time before the recording as part of the file's duration. */
static void
rebase (GstPadProbeInfo *info, GstClockTime start)
{
  GstBuffer *buf = gst_buffer_make_writable (GST_PAD_PROBE_INFO_BUFFER (info));

  GST_BUFFER_PTS (buf) -= start;
  if (GST_BUFFER_DTS_IS_VALID (buf))
    GST_BUFFER_DTS (buf)
        = GST_BUFFER_DTS (buf) > start ? GST_BUFFER_DTS (buf) - start : 0;
  GST_PAD_PROBE_INFO_DATA (info) = buf;
}

static GstPadProbeReturn
video_gate (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  FcRecorder *self = data;
  GstBuffer *buf = GST_PAD_PROBE_INFO_BUFFER (info);
  GstClockTime pts = GST_BUFFER_PTS (buf);
  gboolean pass = FALSE, done = FALSE, flowing = FALSE, opened = FALSE;
  GstClockTime start;
  FcSubtitleFeed *subs = NULL;

  GST_LOG ("frame %" GST_TIME_FORMAT, GST_TIME_ARGS (pts));
  g_mutex_lock (&self->lock);
  self->last_video_at = stamp_now (self);
  if (!self->saw_video)
    {
      self->saw_video = TRUE;
      flowing = self->saw_audio;
    }
  if (self->armed && !self->video_done && GST_CLOCK_TIME_IS_VALID (pts))
    {
      if (!GST_CLOCK_TIME_IS_VALID (self->start))
        {
          g_autoptr (GstCaps) caps = gst_pad_get_current_caps (pad);

          self->start = pts;
          self->end = pts + self->record_ns;
          self->first_frame = gst_sample_new (buf, caps, NULL, NULL);
          opened = TRUE;
        }
      if (pts >= self->end)
        done = self->video_done = TRUE;
      else
        {
          pass = TRUE;
          self->frames++;
          self->last_video_pts = pts;
          if (self->subs != NULL)
            subs = fc_subtitle_feed_ref (self->subs);
        }
    }
  start = self->start;
  g_mutex_unlock (&self->lock);

  if (flowing)
    post (pad, "fc-flowing");
  if (opened)
    post (pad, "fc-window-open");
  if (done)
    {
      end_branch (self, TRUE);
      post (pad, "fc-video-done");
    }
  if (!pass)
    return GST_PAD_PROBE_DROP;
  rebase (info, start);
  /* The subtitle track follows the frames into the muxer: its samples
   * that have ended by the end of this frame, and a gap up to there. */
  if (subs != NULL)
    {
      GstBuffer *frame = GST_PAD_PROBE_INFO_BUFFER (info);
      GstClockTime dur = GST_BUFFER_DURATION_IS_VALID (frame)
                             ? GST_BUFFER_DURATION (frame)
                             : FRAME_NS;

      fc_subtitle_feed_advance (subs, GST_BUFFER_PTS (frame) + dur);
      fc_subtitle_feed_unref (subs);
    }
  /* fcburnin, next, works on the frames stamped from 0 in the source's
   * thread: the queue behind it lets the encoder work on the frame before
   * at the same time. */
  return GST_PAD_PROBE_OK;
}

/* The AAC encoder puts one frame of priming before the first sample, and
 * mp4mux (fragmented, so no edit list) counts it in the track's length. */
#define AAC_PRIMING_SAMPLES 1024

static GstPadProbeReturn
audio_gate (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  FcRecorder *self = data;
  GstBuffer *buf = GST_PAD_PROBE_INFO_BUFFER (info);
  g_autoptr (GstCaps) caps = gst_pad_get_current_caps (pad);
  GstAudioInfo ainfo;
  GstClockTime pts = GST_BUFFER_PTS (buf), start, end;
  gboolean flowing = FALSE, stop, skip_all, was_done;
  gint64 frames, skip, keep, limit, done_samples;

  if (caps == NULL || !gst_audio_info_from_caps (&ainfo, caps)
      || !GST_CLOCK_TIME_IS_VALID (pts))
    return GST_PAD_PROBE_DROP;

  g_mutex_lock (&self->lock);
  self->last_audio_at = stamp_now (self);
  if (!self->saw_audio)
    {
      self->saw_audio = TRUE;
      flowing = self->saw_video;
    }
  start = self->start, end = self->end;
  done_samples = self->audio_samples;
  skip_all
      = !self->armed || self->audio_done || !GST_CLOCK_TIME_IS_VALID (start);
  stop = self->armed && self->audio_done;
  g_mutex_unlock (&self->lock);

  if (flowing)
    post (pad, "fc-flowing");
  /* The buffer after the last one ends the branch: from inside this probe,
   * end-of-stream would overtake the last buffer. */
  if (stop)
    end_branch (self, FALSE);
  if (skip_all)
    return GST_PAD_PROBE_DROP;

  /* The first buffer is cut at the window's start, to the sample; the rest
   * are taken whole and stamped by their sample count, so the track has no
   * jitter (these sources stamp buffers on arrival). The track's length,
   * priming included, is the video's: [start, end). */
  frames = gst_buffer_get_size (buf) / GST_AUDIO_INFO_BPF (&ainfo);
  skip = 0;
  if (done_samples == 0 && pts < start)
    skip = MIN (frames, (gint64)gst_util_uint64_scale (start - pts, ainfo.rate,
                                                       GST_SECOND));
  limit = (gint64)gst_util_uint64_scale (end - start, ainfo.rate, GST_SECOND)
          - AAC_PRIMING_SAMPLES;
  keep = MIN (frames - skip, limit - done_samples);
  GST_LOG ("audio %" GST_TIME_FORMAT " %" G_GINT64_FORMAT
           " samples, %" G_GINT64_FORMAT " recorded of %" G_GINT64_FORMAT,
           GST_TIME_ARGS (pts), frames, done_samples, limit);
  stop = done_samples + MAX (keep, 0) >= limit;
  g_mutex_lock (&self->lock);
  if (keep > 0)
    self->audio_samples += keep;
  was_done = self->audio_done;
  self->audio_done = stop;
  g_mutex_unlock (&self->lock);
  if (stop && !was_done)
    post (pad, "fc-audio-done");

  if (keep <= 0)
    {
      if (stop)
        end_branch (self, FALSE);
      return GST_PAD_PROBE_DROP;
    }
  buf = gst_audio_buffer_truncate (buf, GST_AUDIO_INFO_BPF (&ainfo), skip,
                                   keep);
  buf = gst_buffer_make_writable (buf);
  GST_BUFFER_PTS (buf)
      = gst_util_uint64_scale (done_samples, GST_SECOND, ainfo.rate);
  GST_BUFFER_DTS (buf) = GST_CLOCK_TIME_NONE;
  GST_BUFFER_DURATION (buf)
      = gst_util_uint64_scale (done_samples + keep, GST_SECOND, ainfo.rate)
        - GST_BUFFER_PTS (buf);
  GST_BUFFER_OFFSET (buf) = done_samples;
  GST_BUFFER_OFFSET_END (buf) = done_samples + keep;
  if (done_samples == 0)
    GST_BUFFER_FLAG_SET (buf, GST_BUFFER_FLAG_DISCONT);
  else
    GST_BUFFER_FLAG_UNSET (buf, GST_BUFFER_FLAG_DISCONT);
  GST_PAD_PROBE_INFO_DATA (info) = buf;
  return GST_PAD_PROBE_OK;
}

/* "start" means a frame is in the file: the first fragment (moof) has
 * reached the file sink. */
static GstPadProbeReturn
file_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  FcRecorder *self = data;
  GstBuffer *buf;
  char tag[4];
  gboolean first = FALSE;

  if (GST_PAD_PROBE_INFO_TYPE (info) & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM)
    {
      /* mp4mux has rewritten the header and sent everything: the file is
       * complete (the sink writes unbuffered). */
      if (GST_EVENT_TYPE (GST_PAD_PROBE_INFO_EVENT (info)) == GST_EVENT_EOS)
        post (pad, "fc-file-done");
      return GST_PAD_PROBE_OK;
    }
  buf = GST_PAD_PROBE_INFO_BUFFER (info);
  g_mutex_lock (&self->lock);
  self->last_write_at = stamp_now (self);
  if (gst_buffer_extract (buf, 4, tag, 4) == 4 && memcmp (tag, "moof", 4) == 0)
    {
      first = !self->file_started;
      self->file_started = TRUE;
    }
  g_mutex_unlock (&self->lock);
  if (first)
    post (pad, "fc-file-started");
  return GST_PAD_PROBE_OK;
}

/* ---- pipeline -------------------------------------------------------- */

static gboolean bus_cb (GstBus *bus, GstMessage *msg, gpointer data);
static gboolean watchdog_cb (gpointer data);

static void
reset_window (FcRecorder *self)
{
  g_mutex_lock (&self->lock);
  self->armed = self->video_done = self->audio_done = FALSE;
  self->video_eos = self->audio_eos = FALSE;
  self->file_started = FALSE;
  self->start = self->end = self->last_video_pts = GST_CLOCK_TIME_NONE;
  self->frames = 0;
  self->audio_samples = 0;
  g_clear_pointer (&self->first_frame, gst_sample_unref);
  g_mutex_unlock (&self->lock);
}

/* Drops the pipeline. A file that never received anything is removed.
 * The state is left to the caller. */
static void
drop_pipeline (FcRecorder *self)
{
  if (self->starting != NULL)
    {
      g_cancellable_cancel (self->starting);
      g_clear_object (&self->starting);
#ifdef FC_HAVE_LIBPORTAL
      /* libportal closes a pending request (the dialog goes away); that
       * Close must leave before the session bus may go with us */
      if (self->bus != NULL)
        g_dbus_connection_flush_sync (self->bus, NULL, NULL);
#endif
    }
  if (self->watchdog != NULL)
    {
      g_source_destroy (self->watchdog);
      g_clear_pointer (&self->watchdog, g_source_unref);
    }
  if (self->bus_source != NULL)
    {
      g_source_destroy (self->bus_source);
      g_clear_pointer (&self->bus_source, g_source_unref);
    }
  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      if (self->preview_sink != NULL
          && GST_OBJECT_PARENT (self->preview_sink)
                 == GST_OBJECT (self->pipeline))
        gst_bin_remove (GST_BIN (self->pipeline), self->preview_sink);
    }
  g_clear_object (&self->vsrc);
  g_clear_object (&self->asrc);
  g_clear_object (&self->time_clock);
  g_mutex_lock (&self->lock);
  g_clear_object (&self->vgate);
  g_clear_object (&self->agate);
  g_clear_pointer (&self->subs, fc_subtitle_feed_unref);
  g_mutex_unlock (&self->lock);
  g_clear_object (&self->pipeline);
  self->vhold = self->ahold = 0;
  fc_source_clear (&self->cam);
  fc_source_clear (&self->mic);
  if (self->video_path != NULL && !file_has_data (self->video_path))
    g_unlink (self->video_path);
  g_clear_pointer (&self->video_path, g_free);
  g_clear_error (&self->pending_error);
  fc_prompts_stop (self->prompts);
  g_clear_pointer (&self->player, fc_prompt_player_free);
  self->flowing = FALSE;
  self->pending_record = self->start_emitted = self->nudged = FALSE;
  self->saw_video = self->saw_audio = FALSE;
  reset_window (self);
}

static void
teardown (FcRecorder *self)
{
  drop_pipeline (self);
  set_state (self, FC_RECORDER_STATE_IDLE);
}

static void fail (FcRecorder *self, FcRecorderError code, const char *path,
                  const char *format, ...) G_GNUC_PRINTF (4, 5);

/* Tears everything down and emits "error". */
static void
fail (FcRecorder *self, FcRecorderError code, const char *path,
      const char *format, ...)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *keep = g_strdup (path);
  va_list args;

  va_start (args, format);
  error = g_error_new_valist (FC_RECORDER_ERROR, code, format, args);
  va_end (args);
  GST_WARNING ("recorder error: %s", error->message);
  teardown (self);
  emit_error (self, error, keep);
}

static void
resolution_size (const char *resolution, int *width, int *height)
{
  if (g_strcmp0 (resolution, "low") == 0)
    *width = 640, *height = 480;
  else if (g_strcmp0 (resolution, "high") == 0)
    *width = 1920, *height = 1080;
  else
    *width = 1280, *height = 720;
}

static const char *
temp_dir (FcRecorder *self, GError **error)
{
  if (self->temp_dir != NULL)
    return fc_recorder_ensure_dir (self->temp_dir, error) ? self->temp_dir
                                                          : NULL;
  if (self->own_temp_dir == NULL)
    {
      g_autofree char *name = g_strdup_printf (
          "fc-recorder-%s-XXXXXX", g_get_prgname () ? g_get_prgname () : "app");

      g_strdelimit (name, "/", '_');
      self->own_temp_dir = g_dir_make_tmp (name, error);
    }
  return self->own_temp_dir;
}

static char *
describe_pipeline (FcRecorder *self, gboolean decode)
{
  GString *d = g_string_new (NULL);
  /* Offline, the source runs ahead of the encoder: a few frames queued in
   * front of it keep both busy (3 s of 1080p would be 280 MB). */
  const char *vq_limit
      = self->run_offline
            ? "max-size-buffers=4 max-size-bytes=0 max-size-time=0"
            : "max-size-buffers=0 max-size-bytes=0 max-size-time=3000000000";

  switch (self->cam.kind)
    {
    case FC_SOURCE_PIPEWIRE:
      g_string_append (d, "pipewiresrc name=vsrc always-copy=true "
                          "do-timestamp=true client-name=fc-recorder");
      break;
    case FC_SOURCE_V4L2:
      g_string_append (d, "v4l2src name=vsrc");
      break;
    case FC_SOURCE_TEST:
    default:
      /* Offline, a still frame of the pattern, painted once: a replay
       * needs no moving picture, and painting 1080p costs as much as a
       * fifth of an offline recording. */
      g_string_append (d, self->run_offline
                              ? "videotestsrc num-buffers=1 pattern=smpte"
                                " ! imagefreeze name=vsrc"
                              : "videotestsrc name=vsrc is-live=true "
                                "pattern=smpte");
      break;
    }

  g_string_append_printf (
      d,
      " ! capsfilter name=vcaps ! %s videorate name=vrate ! "
      "video/x-raw,framerate=30/1 ! videoconvert"
      " ! aspectratiocrop aspect-ratio=%d/%d ! videoscale ! videoconvert"
      " ! video/x-raw,format=I420,width=%d,height=%d,pixel-aspect-ratio=1/1 ! "
      "tee name=vt"
      " vt. ! queue name=pq leaky=downstream max-size-buffers=2 "
      "max-size-bytes=0 max-size-time=0 %s"
      " vt. ! fcburnin name=burn ! queue name=vq %s"
      /* I420 in, ultrafast: x264 writes constrained-baseline, which
       * every player decodes (the tests check the profile). */
      " ! x264enc name=venc speed-preset=ultrafast tune=zerolatency key-int-max=30"
      " ! h264parse ! queue name=vfq ! mux."
      " mp4mux name=mux fragment-duration=%d ! filesink name=fsink async=false "
      "buffer-mode=unbuffered ",
      decode ? "jpegdec !" : "", self->width, self->height, self->width,
      self->height,
      self->preview_sink ? ""
                         : "! fakesink name=preview sync=false async=false",
      vq_limit, FRAGMENT_MS);
  if (self->mic.kind == FC_SOURCE_PIPEWIRE)
    g_string_append (d, " pipewiresrc name=asrc always-copy=true "
                        "do-timestamp=true client-name=fc-recorder"
                        " ! audio/x-raw,format=S16LE");
  else
    g_string_append_printf (
        d,
        " audiotestsrc name=asrc is-live=%s wave=sine freq=440 volume=0.3"
        " ! audio/x-raw,format=S16LE,rate=48000,channels=1",
        self->run_offline ? "false" : "true");
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
 * from a late one, but pipewiresrc 0.3.65 does not pass them on.) */
static GstPadProbeReturn
cadence_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  FcRecorder *self = data;
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
      self->cam_interval = GST_CLOCK_TIME_NONE;
      self->cam_last_pts = GST_CLOCK_TIME_NONE;
      if (gst_structure_get_fraction (gst_caps_get_structure (caps, 0),
                                      "framerate", &num, &den)
          && num > 0 && den > 0)
        self->cam_interval = gst_util_uint64_scale (GST_SECOND, den, num);
      return GST_PAD_PROBE_OK;
    }
  buf = GST_PAD_PROBE_INFO_BUFFER (info);
  pts = GST_BUFFER_PTS (buf);
  if (!GST_CLOCK_TIME_IS_VALID (self->cam_interval)
      || !GST_CLOCK_TIME_IS_VALID (pts))
    return GST_PAD_PROBE_OK;
  out = pts;
  if (GST_CLOCK_TIME_IS_VALID (self->cam_last_pts))
    {
      GstClockTimeDiff step = (GstClockTimeDiff)self->cam_interval / 4;

      expected = self->cam_last_pts + self->cam_interval;
      diff = GST_CLOCK_DIFF (expected, pts);
      if (ABS (diff) <= 4 * (GstClockTimeDiff)self->cam_interval)
        out = expected + CLAMP (diff / 8, -step, step);
    }
  GST_LOG ("camera frame at %" GST_TIME_FORMAT ", stamped %" GST_TIME_FORMAT,
           GST_TIME_ARGS (pts), GST_TIME_ARGS (out));
  self->cam_last_pts = out;
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

/* Holds (offline) the video or the audio source's output after the rate
 * elements (videorate keeps its first frame until the second comes). */
static void
hold_source (FcRecorder *self, gboolean video, gboolean let_one)
{
  g_autoptr (GstElement) e = gst_bin_get_by_name (
      GST_BIN (self->pipeline), video ? "vrate" : "arate");
  g_autoptr (GstPad) pad = gst_element_get_static_pad (e, "src");
  gulong *id = video ? &self->vhold : &self->ahold;
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

static void
release_source (FcRecorder *self, gboolean video)
{
  g_autoptr (GstElement) e = NULL;
  g_autoptr (GstPad) pad = NULL;
  gulong *id = video ? &self->vhold : &self->ahold;

  if (*id == 0 || self->pipeline == NULL)
    return;
  e = gst_bin_get_by_name (GST_BIN (self->pipeline), video ? "vrate" : "arate");
  pad = gst_element_get_static_pad (e, "src");
  gst_pad_remove_probe (pad, *id);
  *id = 0;
}

/* Returns the pad, with a reference. */
static GstPad *
add_probe (GstElement *pipeline, const char *element, GstPadProbeType type,
           GstPadProbeCallback cb, gpointer data)
{
  g_autoptr (GstElement) e = gst_bin_get_by_name (GST_BIN (pipeline), element);
  GstPad *pad = gst_element_get_static_pad (e, "sink");

  gst_pad_add_probe (pad, type, cb, data, NULL);
  return pad;
}

/* Finds the microphone, builds the pipeline around the camera chosen and
 * starts it. FALSE when an error has been emitted. */
static gboolean
build_pipeline (FcRecorder *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *desc = NULL;
  g_autoptr (GstCaps) vcaps = NULL;
  g_autoptr (GstBus) bus = NULL;
  gboolean decode = FALSE;
  const char *dir;

  if (self->run_offline)
    self->mic.kind = FC_SOURCE_TEST;
  else if (!fc_source_find (self->microphone, FALSE, &self->mic))
    {
      if (!self->allow_test_source)
        {
          fail (self, FC_RECORDER_ERROR_NO_MICROPHONE, NULL, "no microphone");
          return FALSE;
        }
      self->mic.kind = FC_SOURCE_TEST;
    }
  GST_INFO ("camera %s:%s, microphone %s:%s",
            fc_source_kind_name (self->cam.kind),
            self->cam.target ? self->cam.target : "",
            fc_source_kind_name (self->mic.kind),
            self->mic.target ? self->mic.target : "");

  dir = temp_dir (self, &error);
  if (dir != NULL)
    self->video_path = fc_recorder_create_file (dir, ".mp4", &error);
  if (self->video_path == NULL)
    {
      fail (self, FC_RECORDER_ERROR_WRITE_FAILED, NULL, "write failed: %s",
            error->message);
      return FALSE;
    }

  if (self->cam.kind == FC_SOURCE_TEST)
    vcaps = gst_caps_new_simple (
        "video/x-raw", "format", G_TYPE_STRING, "I420", "width", G_TYPE_INT,
        self->width, "height", G_TYPE_INT, self->height, "framerate",
        GST_TYPE_FRACTION, 30, 1, NULL);
  else
    vcaps = fc_source_choose_video_caps (&self->cam, self->width, self->height,
                                         &decode);
  GST_INFO ("camera caps %" GST_PTR_FORMAT, vcaps);

  desc = describe_pipeline (self, decode);
  GST_DEBUG ("pipeline: %s", desc);
  self->pipeline
      = gst_parse_launch_full (desc, NULL, GST_PARSE_FLAG_FATAL_ERRORS, &error);
  if (self->pipeline == NULL)
    {
      fail (self, FC_RECORDER_ERROR_FAILED, NULL,
            "cannot build the pipeline: %s", error->message);
      return FALSE;
    }
  gst_object_ref_sink (self->pipeline);
  self->vsrc = gst_bin_get_by_name (GST_BIN (self->pipeline), "vsrc");
  self->asrc = gst_bin_get_by_name (GST_BIN (self->pipeline), "asrc");
  {
    g_autoptr (GstElement) capsfilter
        = gst_bin_get_by_name (GST_BIN (self->pipeline), "vcaps");
    g_autoptr (GstElement) fsink
        = gst_bin_get_by_name (GST_BIN (self->pipeline), "fsink");
    g_autoptr (GstElement) tee
        = gst_bin_get_by_name (GST_BIN (self->pipeline), "vt");
    g_autoptr (GstPad) tee_sink = gst_element_get_static_pad (tee, "sink");

    g_object_set (capsfilter, "caps", vcaps, NULL);
    g_object_set (fsink, "location", self->video_path, NULL);
    /* what memory needs over many recordings: fc-recorder-memory.c */
    fc_recorder_map_frames (tee_sink);
    fc_recorder_keep_threads (self->pipeline);
  }
  if (self->cam.kind == FC_SOURCE_PIPEWIRE
      || self->mic.kind == FC_SOURCE_PIPEWIRE)
    {
      /* A device that goes away must not be swapped silently for another
       * one (the session manager's default): the recording would go on with
       * someone else's camera. */
      g_autoptr (GstStructure) stream_props = gst_structure_new (
          "props", "node.dont-reconnect", G_TYPE_STRING, "true", NULL);

      if (self->cam.kind == FC_SOURCE_PIPEWIRE)
        g_object_set (self->vsrc, "target-object", self->cam.target,
                      "stream-properties", stream_props, NULL);
      if (self->cam.kind == FC_SOURCE_PIPEWIRE && self->cam.fd >= 0)
        g_object_set (self->vsrc, "fd", self->cam.fd, NULL);
      if (self->mic.kind == FC_SOURCE_PIPEWIRE)
        g_object_set (self->asrc, "stream-properties", stream_props, NULL);
    }
  else if (self->cam.kind == FC_SOURCE_V4L2)
    g_object_set (self->vsrc, "device", self->cam.target, NULL);
  if (self->mic.kind == FC_SOURCE_PIPEWIRE)
    g_object_set (self->asrc, "target-object", self->mic.target, NULL);
  if (self->preview_sink != NULL)
    {
      g_autoptr (GstElement) pq
          = gst_bin_get_by_name (GST_BIN (self->pipeline), "pq");

      gst_bin_add (GST_BIN (self->pipeline), self->preview_sink);
      if (!gst_element_link (pq, self->preview_sink))
        {
          fail (self, FC_RECORDER_ERROR_FAILED, NULL,
                "cannot link the preview sink");
          return FALSE;
        }
    }
  if (self->run_offline)
    /* no clock at all: every element runs as fast as it can */
    gst_pipeline_use_clock (GST_PIPELINE (self->pipeline), NULL);
  else if (self->clock != NULL)
    gst_pipeline_use_clock (GST_PIPELINE (self->pipeline), self->clock);
  self->time_clock
      = self->clock ? gst_object_ref (self->clock) : gst_system_clock_obtain ();

  g_mutex_lock (&self->lock);
  self->vgate = add_probe (self->pipeline, "burn", GST_PAD_PROBE_TYPE_BUFFER,
                           video_gate, self);
  self->agate = add_probe (self->pipeline, "aq", GST_PAD_PROBE_TYPE_BUFFER,
                           audio_gate, self);
  g_mutex_unlock (&self->lock);
  gst_object_unref (add_probe (self->pipeline, "fsink",
                               GST_PAD_PROBE_TYPE_BUFFER
                                   | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
                               file_probe, self));
  if (self->run_offline)
    {
      hold_source (self, TRUE, TRUE);
      hold_source (self, FALSE, TRUE);
    }
  if (self->cam.kind != FC_SOURCE_TEST)
    {
      self->cam_interval = self->cam_last_pts = GST_CLOCK_TIME_NONE;
      gst_object_unref (add_probe (self->pipeline, "vrate",
                                   GST_PAD_PROBE_TYPE_BUFFER
                                       | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
                                   cadence_probe, self));
    }

  bus = gst_element_get_bus (self->pipeline);
  self->bus_source = gst_bus_create_watch (bus);
  g_source_set_callback (self->bus_source, (GSourceFunc)(void (*) (void))bus_cb,
                         self, NULL);
  g_source_attach (self->bus_source, self->context);
  self->watchdog = g_timeout_source_new (WATCHDOG_MS);
  g_source_set_callback (self->watchdog, watchdog_cb, self, NULL);
  g_source_attach (self->watchdog, self->context);

  reset_window (self);
  self->prepare_at = stamp_now (self);
  set_state (self, FC_RECORDER_STATE_PREPARING);
  /* A refusal to start is also posted as an error on the bus, where it is
   * classified with the element that raised it. */
  gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
  return TRUE;
}

static void
videorate_counts (FcRecorder *self, guint64 *dropped, guint64 *duplicated)
{
  g_autoptr (GstElement) vrate
      = self->pipeline ? gst_bin_get_by_name (GST_BIN (self->pipeline), "vrate")
                       : NULL;

  *dropped = *duplicated = 0;
  if (vrate != NULL)
    g_object_get (vrate, "drop", dropped, "duplicate", duplicated, NULL);
}

/* The camera is settled: the test pattern when none was found and that
 * is allowed. FALSE when an error has been emitted. */
static gboolean
use_camera (FcRecorder *self, gboolean found)
{
  if (!found)
    {
      fc_source_clear (&self->cam);
      if (!self->allow_test_source)
        {
          fail (self, FC_RECORDER_ERROR_NO_CAMERA, NULL, "no camera");
          return FALSE;
        }
      self->cam.kind = FC_SOURCE_TEST;
    }
  return build_pipeline (self);
}

/* One asynchronous step of starting (waiting for the warm-up, a camera
 * portal call): it holds the recorder weakly and the cancellable
 * drop_pipeline() cancels (self->starting), so a recorder closed or
 * destroyed meanwhile is never touched. */
typedef struct
{
  GWeakRef self;
  GCancellable *cancel;
  gboolean asked; /* camera "portal": no falling back to other cameras */
} StartStep;

static StartStep *
start_step_new (FcRecorder *self, gboolean asked)
{
  StartStep *step = g_new0 (StartStep, 1);

  g_weak_ref_init (&step->self, self);
  step->cancel = g_cancellable_new ();
  step->asked = asked;
  g_set_object (&self->starting, step->cancel);
  return step;
}

static void
start_step_free (StartStep *step)
{
  g_weak_ref_clear (&step->self);
  g_object_unref (step->cancel);
  g_free (step);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StartStep, start_step_free)

/* The recorder, or NULL when it no longer wants what the step gives. */
static FcRecorder *
start_step_get_self (StartStep *step)
{
  if (g_cancellable_is_cancelled (step->cancel))
    return NULL;
  return g_weak_ref_get (&step->self);
}

/* The step is over: what follows may tear down without cancelling. */
static void
start_step_done (FcRecorder *self)
{
  g_clear_object (&self->starting);
}

#ifdef FC_HAVE_LIBPORTAL
#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_CAMERA "org.freedesktop.portal.Camera"

/* The camera through the camera portal, one step after another: its
 * IsCameraPresent property, AccessCamera (the user's permission; libportal
 * does the Request and its Response), then OpenPipeWireRemote, a PipeWire
 * connection that shows the cameras. The property and the remote are
 * asked for here, asynchronously: libportal's calls for them block the
 * host's main loop and turn a failure into a g_warning, where the host
 * needs an errMsg saying why.
 *
 * Each step is a StartStep, so a recorder closed or destroyed while the
 * user makes up their mind is never touched; libportal then closes the
 * request (the dialog goes away). */

static void
portal_remote_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (StartStep) call = data;
  g_autoptr (GUnixFDList) fds = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = g_dbus_connection_call_with_unix_fd_list_finish (
      G_DBUS_CONNECTION (source), &fds, result, &error);
  g_autoptr (FcRecorder) self = start_step_get_self (call);
  gint32 handle = -1;
  int fd = -1;

  if (self == NULL)
    return;
  start_step_done (self);
  if (reply != NULL)
    {
      g_variant_get (reply, "(h)", &handle);
      if (fds != NULL)
        fd = g_unix_fd_list_get (fds, handle, &error); /* a dup: ours */
      else
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             "the reply carries no file descriptor");
    }
  if (fd < 0)
    {
      g_dbus_error_strip_remote_error (error);
      fail (self, FC_RECORDER_ERROR_CAMERA_DENIED, NULL,
            "camera permission refused: no PipeWire remote for the camera: "
            "%s",
            error->message);
      return;
    }
  fc_source_clear (&self->cam);
  self->cam.kind = FC_SOURCE_PIPEWIRE;
  self->cam.fd = fd;
  /* No target: real portals name no node, and on their remote the
   * session manager links the stream to the user's default camera. */
  build_pipeline (self); /* "ready" or "error" follows */
}

static void
portal_access_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (StartStep) call = data;
  g_autoptr (GError) error = NULL;
  gboolean allowed
      = xdp_portal_access_camera_finish (XDP_PORTAL (source), result, &error);
  g_autoptr (FcRecorder) self = start_step_get_self (call);

  if (self == NULL)
    return;
  if (!allowed)
    {
      start_step_done (self);
      /* libportal gives the user's "no" (response 1) as G_IO_ERROR_CANCELLED,
       * as it does our own cancellation (call->cancel tells them apart) */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (self, FC_RECORDER_ERROR_CAMERA_DENIED, NULL,
              "camera permission refused");
      else
        {
          g_dbus_error_strip_remote_error (error);
          fail (self, FC_RECORDER_ERROR_CAMERA_DENIED, NULL,
                "camera permission refused: %s", error->message);
        }
      return;
    }
  g_main_context_push_thread_default (self->context);
  g_dbus_connection_call_with_unix_fd_list (
      self->bus, PORTAL_BUS_NAME, PORTAL_PATH, PORTAL_CAMERA,
      "OpenPipeWireRemote",
      g_variant_new ("(@a{sv})",
                     g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
      G_VARIANT_TYPE ("(h)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, call->cancel,
      portal_remote_cb, call);
  g_main_context_pop_thread_default (self->context);
  call = NULL; /* portal_remote_cb's now */
}

static void
portal_present_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (StartStep) call = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = g_dbus_connection_call_finish (
      G_DBUS_CONNECTION (source), result, &error);
  g_autoptr (GVariant) present = NULL;
  g_autoptr (FcRecorder) self = start_step_get_self (call);

  if (self == NULL)
    return;
  if (reply != NULL)
    {
      g_variant_get (reply, "(v)", &present);
      if (!g_variant_is_of_type (present, G_VARIANT_TYPE_BOOLEAN))
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             "IsCameraPresent is not a boolean");
    }
  if (error != NULL)
    {
      g_dbus_error_strip_remote_error (error);
      GST_INFO ("no camera portal: %s", error->message);
      start_step_done (self);
      if (call->asked)
        fail (self, FC_RECORDER_ERROR_NO_CAMERA, NULL,
              "no camera: no camera portal: %s", error->message);
      else
        use_camera (self, fc_source_find (self->camera, TRUE, &self->cam));
      return;
    }
  if (!g_variant_get_boolean (present))
    {
      /* asked for, that is "no camera"; else the devices may have one */
      GST_INFO ("the camera portal has no camera");
      start_step_done (self);
      use_camera (self, !call->asked
                            && fc_source_find (self->camera, TRUE, &self->cam));
      return;
    }
  if (self->portal == NULL)
    self->portal = xdp_portal_new ();
  g_main_context_push_thread_default (self->context);
  xdp_portal_access_camera (self->portal, NULL, XDP_CAMERA_FLAG_NONE,
                            call->cancel, portal_access_cb, call);
  g_main_context_pop_thread_default (self->context);
  call = NULL; /* portal_access_cb's now */
}

typedef enum
{
  PORTAL_UNUSED,
  PORTAL_ASKING, /* "ready" or "error" follows */
  PORTAL_FAILED, /* "error" has been emitted */
} PortalStart;

/* The camera "portal", or sandboxed (Flatpak, Snap) with the camera unset
 * or "auto": the camera portal first. Auto, a portal that is missing or
 * has no camera leaves the choice to device discovery. */
static PortalStart
start_portal (FcRecorder *self)
{
  gboolean asked = g_strcmp0 (self->camera, "portal") == 0;
  g_autoptr (GError) error = NULL;
  StartStep *call;

  if (!asked
      && !((self->camera == NULL || *self->camera == '\0'
            || g_strcmp0 (self->camera, "auto") == 0)
           && xdp_portal_running_under_sandbox ()))
    return PORTAL_UNUSED;
  if (self->bus == NULL)
    self->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (self->bus == NULL)
    {
      GST_INFO ("no camera portal: %s", error->message);
      if (!asked)
        return PORTAL_UNUSED;
      fail (self, FC_RECORDER_ERROR_NO_CAMERA, NULL,
            "no camera: no camera portal: %s", error->message);
      return PORTAL_FAILED;
    }
  call = start_step_new (self, asked);
  self->prepare_at = stamp_now (self);
  set_state (self, FC_RECORDER_STATE_PREPARING);
  g_main_context_push_thread_default (self->context);
  g_dbus_connection_call (
      self->bus, PORTAL_BUS_NAME, PORTAL_PATH,
      "org.freedesktop.DBus.Properties", "Get",
      g_variant_new ("(ss)", PORTAL_CAMERA, "IsCameraPresent"),
      G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1, call->cancel,
      portal_present_cb, call);
  g_main_context_pop_thread_default (self->context);
  return PORTAL_ASKING;
}
#endif

static gboolean
is_test_setting (const char *setting)
{
  return setting == NULL || *setting == '\0'
         || g_strcmp0 (setting, "auto") == 0
         || g_strcmp0 (setting, "test") == 0;
}

/* Offline recording is for the test sources only: a device gives frames
 * in real time. FALSE when an error has been emitted. */
static gboolean
offline_sources_ok (FcRecorder *self)
{
  g_autoptr (GError) error = NULL;
  const char *what = NULL, *setting = NULL;

  if (!is_test_setting (self->camera))
    what = "camera", setting = self->camera;
  else if (!is_test_setting (self->microphone))
    what = "microphone", setting = self->microphone;
  if (what == NULL)
    return TRUE;
  error = g_error_new (FC_RECORDER_ERROR, FC_RECORDER_ERROR_NOT_SUPPORTED,
                       "offline recording needs the test camera and "
                       "microphone, not %s \"%s\"",
                       what, setting);
  GST_WARNING ("%s", error->message);
  emit_error (self, error, NULL);
  return FALSE;
}

/* Starts what prepare() promises: "ready" or "error" follows. FALSE when
 * an error has been emitted already. */
static void prompts_done (const GError *error, gpointer data);
static void prompts_warn (const char *message, gpointer data);

static gboolean start_sources (FcRecorder *self);

static void
preload_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (StartStep) step = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (FcRecorder) self = NULL;

  /* a failed warm-up only loses time: the pipeline loads what it needs */
  if (fc_recorder_preload_finish (result, &error) < 0
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    GST_INFO ("warm-up: %s", error->message);
  if ((self = start_step_get_self (step)) == NULL)
    return;
  start_step_done (self);
  start_sources (self);
}

static gboolean
start_pipeline (FcRecorder *self)
{
  g_autoptr (GError) steps_error = NULL;
  gboolean steps_ok;

  self->run_offline = self->offline;
  if (self->run_offline && !offline_sources_ok (self))
    return FALSE;
  /* the stepList first: a bad one starts nothing; its resources load
   * while the camera starts */
  g_main_context_push_thread_default (self->context);
  steps_ok = fc_prompts_start (self->prompts, prompts_done, self,
                               &steps_error);
  g_main_context_pop_thread_default (self->context);
  if (!steps_ok)
    {
      g_autoptr (GError) error
          = g_error_new_literal (FC_RECORDER_ERROR,
                                 FC_RECORDER_ERROR_INVALID_STEPS,
                                 steps_error->message);

      emit_error (self, error, NULL);
      return FALSE;
    }
  if (self->resolution != NULL && g_strcmp0 (self->resolution, "low") != 0
      && g_strcmp0 (self->resolution, "medium") != 0
      && g_strcmp0 (self->resolution, "high") != 0)
    {
      g_autofree char *msg = g_strdup_printf (
          "unknown resolution \"%s\"; using \"medium\"", self->resolution);
      fc_recorder_emit_warning (self, msg);
    }
  resolution_size (self->resolution, &self->width, &self->height);

  /* The warm-up (fc_recorder_preload(), which the plugin starts when it is
   * loaded) holds GStreamer's plugin-loading lock while it loads each
   * plugin: looking for devices or building now would wait for that lock
   * on this thread, the host's main loop stalled behind it (seconds under
   * valgrind). Wait for the warm-up without blocking; the prompts'
   * resources load meanwhile. */
  if (fc_recorder_preload_running ())
    {
      StartStep *step = start_step_new (self, FALSE);

      g_main_context_push_thread_default (self->context);
      fc_recorder_preload_async (step->cancel, preload_done, step);
      g_main_context_pop_thread_default (self->context);
      self->prepare_at = stamp_now (self);
      set_state (self, FC_RECORDER_STATE_PREPARING);
      return TRUE;
    }
  return start_sources (self);
}

/* The camera and the microphone, then the pipeline: "ready" or "error"
 * follows; FALSE when an error has been emitted. */
static gboolean
start_sources (FcRecorder *self)
{
  if (self->run_offline)
    {
      /* the test pattern and tone, without looking for devices */
      fc_source_clear (&self->cam);
      return build_pipeline (self);
    }
#ifdef FC_HAVE_LIBPORTAL
  switch (start_portal (self))
    {
    case PORTAL_ASKING:
      return TRUE;
    case PORTAL_FAILED:
      return FALSE;
    case PORTAL_UNUSED:
    default:
      break;
    }
#else
  if (g_strcmp0 (self->camera, "portal") == 0)
    {
      fail (self, FC_RECORDER_ERROR_NOT_SUPPORTED, NULL,
            "camera \"portal\": built without libportal");
      return FALSE;
    }
#endif
  return use_camera (self, fc_source_find (self->camera, TRUE, &self->cam));
}

static gboolean
arm (FcRecorder *self)
{
  g_autoptr (FcBurnIn) burn = NULL;
  g_autoptr (FcPromptMix) mix = NULL;
  FcSubtitleFeed *subs, *old_subs;
  FcStepList *steps = fc_prompts_get_steps (self->prompts);

  /* The file is made at prepare and the sink holds it open: removed since
   * (a host or a cleaner emptying the temporary directory), the recording
   * would go to a file nobody can open, lost when it ends. */
  if (self->video_path != NULL
      && !g_file_test (self->video_path, G_FILE_TEST_EXISTS))
    {
      fail (self, FC_RECORDER_ERROR_WRITE_FAILED, NULL,
            "write failed: %s was removed before recording",
            self->video_path);
      return FALSE;
    }

  if (fc_prompts_get_burn_in (self->prompts))
    {
      g_autoptr (GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();

      burn = fc_burn_in_new (steps, fc_prompts_get_mask (self->prompts),
                             self->width, self->height,
                             fc_prompts_get_top (self->prompts), &error);
      GST_INFO ("burn-in pictures made in %.1f ms",
                (g_get_monotonic_time () - t0) / 1000.0);
      if (burn == NULL)
        {
          fail (self, FC_RECORDER_ERROR_RESOURCE, NULL,
                "cannot decode mask \"%s\": %s",
                fc_prompts_get_mask_src (self->prompts),
                error->message);
          return FALSE;
        }
    }
  mix = fc_prompt_mix_new ();
  for (guint i = 0; steps && i < fc_step_list_get_n_steps (steps); i++)
    {
      GBytes *pcm = fc_prompts_get_pcm (self->prompts, i);

      /* at showTime in the file: the encoder's priming comes first */
      if (pcm != NULL)
        fc_prompt_mix_add (
            mix,
            (gint64)gst_util_uint64_scale (
                fc_step_list_get_step (steps, i)->show_time, FC_PCM_RATE,
                1000)
                - FC_AAC_PRIMING,
            pcm);
    }
  if (fc_prompt_mix_is_empty (mix))
    g_clear_pointer (&mix, fc_prompt_mix_unref);
  /* the speaker gets ready while the first frame is awaited */
  g_clear_pointer (&self->player, fc_prompt_player_free);
  if (mix != NULL && !self->run_offline)
    {
      GBytes *pcm[FC_STEP_LIST_MAX] = { NULL };

      for (guint i = 0; i < FC_STEP_LIST_MAX; i++)
        pcm[i] = fc_prompts_get_pcm (self->prompts, i);
      self->player = fc_prompt_player_new (
          steps, pcm, fc_prompts_get_prompt_audio_sink (self->prompts));
    }
  /* The muxer has had no buffer yet (the gates drop them all): a subtitle
   * pad can still be added. Without it, the WebVTT beside the file still
   * holds the timeline. */
  subs = fc_subtitle_feed_new (
      fc_prompts_get_steps (self->prompts),
      MAX ((GstClockTime)self->record_time * GST_MSECOND, FRAME_NS));
  if (subs != NULL)
    {
      g_autoptr (GstElement) mux
          = gst_bin_get_by_name (GST_BIN (self->pipeline), "mux");
      g_autoptr (GError) error = NULL;

      if (!fc_subtitle_feed_attach (subs, self->pipeline, mux, &error))
        {
          GST_WARNING ("no subtitle track: %s", error->message);
          g_clear_pointer (&subs, fc_subtitle_feed_unref);
        }
    }
  {
    g_autoptr (GstElement) burn_in
        = gst_bin_get_by_name (GST_BIN (self->pipeline), "burn");
    g_autoptr (GstElement) pmix
        = gst_bin_get_by_name (GST_BIN (self->pipeline), "pmix");

    g_object_set (burn_in, "pictures", burn, NULL);
    g_object_set (pmix, "clips", mix, NULL);
  }
  g_mutex_lock (&self->lock);
  old_subs = self->subs;
  self->subs = subs;
  g_mutex_unlock (&self->lock);
  g_clear_pointer (&old_subs, fc_subtitle_feed_unref);
  reset_window (self);
  videorate_counts (self, &self->dropped_at_arm, &self->duplicated_at_arm);
  g_mutex_lock (&self->lock);
  self->armed = TRUE;
  self->record_ns
      = MAX ((GstClockTime)self->record_time * GST_MSECOND, FRAME_NS);
  self->last_video_at = self->last_audio_at = stamp_now (self);
  g_mutex_unlock (&self->lock);
  self->start_emitted = self->nudged = FALSE;
  self->record_us = g_get_monotonic_time ();
  set_state (self, FC_RECORDER_STATE_RECORDING);
  release_source (self, TRUE);
  release_source (self, FALSE);
  return TRUE;
}

/* Closes the window at the last frame recorded and lets the file finish. */
static void
finish_now (FcRecorder *self)
{
  g_mutex_lock (&self->lock);
  self->video_done = TRUE;
  if (GST_CLOCK_TIME_IS_VALID (self->last_video_pts))
    self->end = MIN (self->end, self->last_video_pts + FRAME_NS);
  g_mutex_unlock (&self->lock);
  end_branch (self, TRUE);
  self->finishing_at = stamp_now (self);
  set_state (self, FC_RECORDER_STATE_FINISHING);
}

static void
emit_start (FcRecorder *self)
{
  GVariantDict dict;

  if (self->start_emitted)
    return;
  self->start_emitted = TRUE;
  GST_INFO ("recording started %.1f ms after record",
            (g_get_monotonic_time () - self->record_us) / 1000.0);
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "tempVideoPath", "s", self->video_path);
  g_variant_dict_insert (&dict, "source", "s",
                         fc_source_kind_name (self->cam.kind));
  emit (self, SIGNAL_START, g_variant_dict_end (&dict));
}

static void
emit_ready (FcRecorder *self)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "source", "s",
                         fc_source_kind_name (self->cam.kind));
  g_variant_dict_insert (&dict, "camera", "s",
                         self->cam.target    ? self->cam.target
                         : self->cam.fd >= 0 ? "portal"
                                             : "test");
  g_variant_dict_insert (&dict, "microphoneSource", "s",
                         fc_source_kind_name (self->mic.kind));
  g_variant_dict_insert (&dict, "microphone", "s",
                         self->mic.target ? self->mic.target : "test");
  g_variant_dict_insert (&dict, "width", "i", self->width);
  g_variant_dict_insert (&dict, "height", "i", self->height);
  emit (self, SIGNAL_READY, g_variant_dict_end (&dict));
}

static void
summary_thread (GTask *task, gpointer source, gpointer data,
                GCancellable *cancellable)
{
  FcRecordingSummary *summary = data;
  GError *error = NULL;

  if (fc_recorder_summarise (summary, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
summary_done (GObject *object, GAsyncResult *result, gpointer data)
{
  FcRecorder *self = FC_RECORDER (object);
  FcRecordingSummary *summary = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  GVariantDict dict;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_state (self, FC_RECORDER_STATE_IDLE);
      emit_error (self, error, summary->video_path);
      return;
    }
  set_state (self, FC_RECORDER_STATE_IDLE);
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "tempVideoPath", "s", summary->video_path);
  g_variant_dict_insert (&dict, "tempThumbPath", "s", summary->thumb_path);
  g_variant_dict_insert (&dict, "duration", "x", summary->duration_ms);
  g_variant_dict_insert (&dict, "size", "x", summary->size);
  g_variant_dict_insert (&dict, "sha256", "s", summary->sha256);
  g_variant_dict_insert (&dict, "droppedFrames", "x",
                         (gint64)summary->dropped_frames);
  g_variant_dict_insert (&dict, "duplicatedFrames", "x",
                         (gint64)summary->duplicated_frames);
  if (summary->subtitle_path != NULL)
    g_variant_dict_insert (&dict, "tempSubtitlePath", "s",
                           summary->subtitle_path);
  emit (self, SIGNAL_END, g_variant_dict_end (&dict));
}

/* The file is complete (EOS, or given up on): close it and report. */
static void
complete (FcRecorder *self)
{
  g_autoptr (GError) error = g_steal_pointer (&self->pending_error);
  g_autofree char *path = g_strdup (self->video_path);
  g_autoptr (GTask) task = NULL;
  FcRecordingSummary *summary;
  const char *dir;

  summary = g_new0 (FcRecordingSummary, 1);
  /* before the pipeline stops: videorate resets its counters then */
  videorate_counts (self, &summary->dropped_frames,
                    &summary->duplicated_frames);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  if (!self->start_emitted && file_has_data (path))
    emit_start (self);

  summary->video_path = g_strdup (path);
  summary->dropped_frames
      -= MIN (summary->dropped_frames, self->dropped_at_arm);
  summary->duplicated_frames
      -= MIN (summary->duplicated_frames, self->duplicated_at_arm);
  g_mutex_lock (&self->lock);
  summary->first_frame = g_steal_pointer (&self->first_frame);
  summary->duration_ms
      = (gint64)((self->frames * FRAME_NS + GST_MSECOND / 2) / GST_MSECOND);
  g_mutex_unlock (&self->lock);

  drop_pipeline (self);
  if (error != NULL)
    {
      fc_recording_summary_free (summary);
      set_state (self, FC_RECORDER_STATE_IDLE);
      emit_error (self, error, path);
      return;
    }
  dir = temp_dir (self, &error);
  if (dir != NULL)
    summary->thumb_path = fc_recorder_create_file (dir, ".jpg", &error);
  if (summary->thumb_path == NULL)
    {
      fc_recording_summary_free (summary);
      g_prefix_error (&error, "write failed: ");
      error->domain = FC_RECORDER_ERROR,
      error->code = FC_RECORDER_ERROR_WRITE_FAILED;
      set_state (self, FC_RECORDER_STATE_IDLE);
      emit_error (self, error, path);
      return;
    }
  /* The prompt timeline, as shown during this recording. */
  if (fc_prompts_get_steps (self->prompts) != NULL
      && fc_step_list_get_n_steps (fc_prompts_get_steps (self->prompts)) > 0)
    summary->subtitle_text = fc_step_list_to_webvtt (
        fc_prompts_get_steps (self->prompts), summary->duration_ms);
  /* Stays "finishing" until the summary is there. */
  task = g_task_new (self, NULL, summary_done, NULL);
  g_task_set_task_data (task, summary,
                        (GDestroyNotify)fc_recording_summary_free);
  g_task_run_in_thread (task, summary_thread);
}

/* The file sink's messages are GStreamer's generic ones ("Could not write
 * to resource."); the system's reason ends its debug text ("Error while
 * writing to file descriptor 12: File too large"). */
static char *
write_failure (const char *path, const GError *err, const char *debug)
{
  const char *reason = NULL;

  if (g_error_matches (err, GST_RESOURCE_ERROR,
                       GST_RESOURCE_ERROR_NO_SPACE_LEFT))
    reason = g_strerror (ENOSPC);
  else if (debug != NULL && (reason = strrchr (debug, '\n')) != NULL
           && (reason = g_strrstr (reason, ": ")) != NULL)
    reason += 2;
  return g_strdup_printf ("write failed: cannot write %s: %s", path,
                          reason != NULL && *reason != '\0' ? reason
                                                            : err->message);
}

static void
handle_error (FcRecorder *self, GstMessage *msg)
{
  g_autoptr (GError) err = NULL;
  g_autofree char *debug = NULL;
  GstObject *src = GST_MESSAGE_SRC (msg);
  gboolean from_camera
      = self->vsrc
        && (src == GST_OBJECT (self->vsrc)
            || gst_object_has_as_ancestor (src, GST_OBJECT (self->vsrc)));
  gboolean from_mic = self->asrc && src == GST_OBJECT (self->asrc);
  gboolean from_file = g_strcmp0 (GST_OBJECT_NAME (src), "fsink") == 0;
  gboolean recorded;
  gboolean denied;
  FcRecorderError code;
  const char *what;

  gst_message_parse_error (msg, &err, &debug);
  GST_WARNING ("error from %s: %s (%s)", GST_OBJECT_NAME (src), err->message,
               debug ? debug : "");
  if (self->pending_error != NULL)
    return; /* already finishing because of an earlier one */

  denied = g_error_matches (err, GST_RESOURCE_ERROR,
                            GST_RESOURCE_ERROR_NOT_AUTHORIZED)
           || (debug
               && (strstr (debug, "Permission denied")
                   || strstr (debug, "Operation not permitted")));
  if (from_camera)
    {
      if (denied)
        code = FC_RECORDER_ERROR_CAMERA_DENIED,
        what = "camera permission refused";
      else if (g_error_matches (err, GST_RESOURCE_ERROR,
                                GST_RESOURCE_ERROR_BUSY))
        code = FC_RECORDER_ERROR_CAMERA_BUSY, what = "camera busy";
      else if (self->state == FC_RECORDER_STATE_PREPARING
               && g_error_matches (err, GST_RESOURCE_ERROR,
                                   GST_RESOURCE_ERROR_NOT_FOUND))
        code = FC_RECORDER_ERROR_NO_CAMERA, what = "no camera";
      else if (self->state == FC_RECORDER_STATE_PREPARING)
        code = FC_RECORDER_ERROR_CAMERA_BUSY, what = "camera failed";
      else
        code = FC_RECORDER_ERROR_CAMERA_LOST, what = "camera lost";
    }
  else if (from_mic)
    code = FC_RECORDER_ERROR_NO_MICROPHONE, what = "microphone failed";
  else if (err->domain == GST_RESOURCE_ERROR)
    code = FC_RECORDER_ERROR_WRITE_FAILED, what = "write failed";
  else
    code = FC_RECORDER_ERROR_FAILED, what = "recording failed";

  g_mutex_lock (&self->lock);
  recorded = GST_CLOCK_TIME_IS_VALID (self->start);
  g_mutex_unlock (&self->lock);

  if ((from_camera || from_mic) && recorded
      && self->state >= FC_RECORDER_STATE_RECORDING)
    {
      /* The file itself is fine: finish it, then report. */
      self->pending_error
          = g_error_new (FC_RECORDER_ERROR, code, "%s: %s", what, err->message);
      if (from_mic)
        end_branch (self, FALSE);
      finish_now (self);
      return;
    }
  {
    g_autofree char *path = recorded ? g_strdup (self->video_path) : NULL;

    if (code == FC_RECORDER_ERROR_NO_CAMERA
        || code == FC_RECORDER_ERROR_CAMERA_DENIED
        || code == FC_RECORDER_ERROR_CAMERA_BUSY)
      fail (self, code, path, "%s", what);
    else if (from_file && code == FC_RECORDER_ERROR_WRITE_FAILED)
      {
        g_autofree char *text
            = write_failure (self->video_path, err, debug);

        fail (self, code, path, "%s", text);
      }
    else
      fail (self, code, path, "%s: %s", what, err->message);
  }
}

/* The first frame is in: the prompts' timeline starts at its capture,
 * which the player and FcRecorder:start-time take on the monotonic clock
 * (the player's own pipeline may outlive this one and its clock). */
static void
start_player (FcRecorder *self)
{
  GstClockTime start;
  gint64 origin;
  g_autoptr (GstClock) clock = gst_pipeline_get_clock (
      GST_PIPELINE (self->pipeline));

  g_mutex_lock (&self->lock);
  start = self->start;
  g_mutex_unlock (&self->lock);
  /* offline, nobody listens in real time: the prompts are in the file */
  if (self->run_offline || clock == NULL || !GST_CLOCK_TIME_IS_VALID (start))
    return;
  origin = g_get_monotonic_time ()
           - GST_CLOCK_DIFF (gst_element_get_base_time (self->pipeline) + start,
                             gst_clock_get_time (clock))
                 / 1000;
  fc_prompts_set_start_time (self->prompts, origin);
  fc_prompt_player_start (self->player, origin);
}

/* Ready when frames and samples flow and the prompts' resources are in. */
static void
maybe_ready (FcRecorder *self)
{
  if (self->state != FC_RECORDER_STATE_PREPARING || !self->flowing
      || !fc_prompts_is_loaded (self->prompts))
    return;
  GST_INFO ("ready %.1f ms after prepare",
            (g_get_monotonic_time () - self->prepare_at.wall) / 1000.0);
  set_state (self, FC_RECORDER_STATE_READY);
  g_object_ref (self);
  emit_ready (self);
  if (self->state == FC_RECORDER_STATE_READY && self->pending_record)
    {
      self->pending_record = FALSE;
      arm (self);
    }
  g_object_unref (self);
}

static void
prompts_done (const GError *error, gpointer data)
{
  FcRecorder *self = data;

  if (error)
    fail (self, FC_RECORDER_ERROR_RESOURCE, NULL, "%s", error->message);
  else
    maybe_ready (self);
}

static void
prompts_warn (const char *message, gpointer data)
{
  fc_recorder_emit_warning (data, message);
}

static gboolean
bus_cb (GstBus *bus, GstMessage *msg, gpointer data)
{
  FcRecorder *self = data;

  switch (GST_MESSAGE_TYPE (msg))
    {
    case GST_MESSAGE_APPLICATION:
      {
        const GstStructure *s = gst_message_get_structure (msg);

        if (gst_structure_has_name (s, "fc-flowing")
            && self->state == FC_RECORDER_STATE_PREPARING)
          {
            self->flowing = TRUE;
            maybe_ready (self);
          }
        else if (gst_structure_has_name (s, "fc-window-open")
                 && self->state == FC_RECORDER_STATE_RECORDING)
          start_player (self);
        else if (gst_structure_has_name (s, "fc-file-started")
                 && self->state >= FC_RECORDER_STATE_RECORDING)
          emit_start (self);
        else if (gst_structure_has_name (s, "fc-video-done")
                 && self->state == FC_RECORDER_STATE_RECORDING)
          {
            self->finishing_at = stamp_now (self);
            set_state (self, FC_RECORDER_STATE_FINISHING);
            if (self->run_offline)
              hold_source (self, TRUE, FALSE);
          }
        else if (gst_structure_has_name (s, "fc-audio-done")
                 && self->state >= FC_RECORDER_STATE_RECORDING
                 && self->run_offline)
          {
            /* the last buffer is in the queue (the gate ran under its
             * stream lock): end the branch now, the source is held */
            hold_source (self, FALSE, FALSE);
            end_branch (self, FALSE);
          }
        else if (gst_structure_has_name (s, "fc-file-done")
                 && self->state >= FC_RECORDER_STATE_RECORDING)
          complete (self);
        break;
      }
    case GST_MESSAGE_EOS:
      if (self->state >= FC_RECORDER_STATE_RECORDING)
        complete (self);
      else
        fail (self, FC_RECORDER_ERROR_CAMERA_LOST, NULL,
              "camera lost: the stream ended");
      break;
    case GST_MESSAGE_ERROR:
      handle_error (self, msg);
      break;
    case GST_MESSAGE_WARNING:
      {
        g_autoptr (GError) err = NULL;

        gst_message_parse_warning (msg, &err, NULL);
        GST_WARNING ("pipeline warning from %s: %s", GST_MESSAGE_SRC_NAME (msg),
                     err->message);
        break;
      }
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
watchdog_cb (gpointer data)
{
  FcRecorder *self = data;
  gint64 silent; /* since the last frame */
  gint64 mute; /* since the last sound */
  gint64 unwritten; /* since the last write to the file */
  gboolean saw_video, started;

  g_mutex_lock (&self->lock);
  silent = elapsed_us (self, self->last_video_at);
  mute = elapsed_us (self, self->last_audio_at);
  unwritten = elapsed_us (self, self->last_write_at);
  saw_video = self->saw_video;
  started = GST_CLOCK_TIME_IS_VALID (self->start);
  g_mutex_unlock (&self->lock);

  switch (self->state)
    {
    case FC_RECORDER_STATE_PREPARING:
      /* flowing, waiting for downloads: they have their own time limit */
      if (self->flowing)
        break;
      if (elapsed_us (self, self->prepare_at)
          > (gint64)self->ready_timeout * 1000)
        {
          if (!saw_video)
            fail (self, FC_RECORDER_ERROR_CAMERA_BUSY, NULL,
                  "camera busy: no frame within %u ms", self->ready_timeout);
          else
            fail (self, FC_RECORDER_ERROR_NO_MICROPHONE, NULL,
                  "microphone gives no sound within %u ms",
                  self->ready_timeout);
          return G_SOURCE_REMOVE;
        }
      break;
    case FC_RECORDER_STATE_READY:
      /* offline, the sources are held until record */
      if (!self->run_offline && silent > 2 * LOST_AFTER_US)
        {
          fail (self, FC_RECORDER_ERROR_CAMERA_LOST, NULL,
                "camera lost: no frame for %d ms", (int)(silent / 1000));
          return G_SOURCE_REMOVE;
        }
      break;
    case FC_RECORDER_STATE_RECORDING:
      if (self->run_offline)
        {
          if (silent <= OFFLINE_STALL_US)
            break;
          if (!started)
            {
              fail (self, FC_RECORDER_ERROR_FAILED, NULL,
                    "recording stalled: no frame for %d ms",
                    (int)(silent / 1000));
              return G_SOURCE_REMOVE;
            }
          self->pending_error = g_error_new (
              FC_RECORDER_ERROR, FC_RECORDER_ERROR_FAILED,
              "recording stalled: no frame for %d ms", (int)(silent / 1000));
          finish_now (self);
          break;
        }
      if (silent > LOST_AFTER_US)
        {
          if (!started && silent <= 2 * LOST_AFTER_US)
            break; /* a slow first frame: as lenient as the preview */
          if (!started)
            {
              fail (self, FC_RECORDER_ERROR_CAMERA_LOST, NULL,
                    "camera lost: no frame for %d ms", (int)(silent / 1000));
              return G_SOURCE_REMOVE;
            }
          self->pending_error = g_error_new (
              FC_RECORDER_ERROR, FC_RECORDER_ERROR_CAMERA_LOST,
              "camera lost: no frame for %d ms", (int)(silent / 1000));
          finish_now (self);
        }
      else if (started && mute > MIC_LOST_AFTER_US)
        {
          /* A microphone that went away gives no error, only silence;
           * the muxer would wait for it, the picture backing up behind,
           * for ever. The file ends with the sound. */
          self->pending_error = g_error_new (
              FC_RECORDER_ERROR, FC_RECORDER_ERROR_NO_MICROPHONE,
              "microphone lost: no sound for %d ms", (int)(mute / 1000));
          end_branch (self, FALSE);
          finish_now (self);
        }
      break;
    case FC_RECORDER_STATE_FINISHING:
      if (self->pipeline == NULL)
        break; /* summarising */
      if (self->run_offline)
        {
          /* the encoder may still have frames to do: give up only when
           * nothing has been written for a while (no nudge: the test tone
           * always reaches the end) */
          if (MIN (unwritten, elapsed_us (self, self->finishing_at))
              > FINISH_GIVE_UP_US)
            {
              GST_WARNING ("no end of stream: closing the file as it is");
              complete (self);
              return G_SOURCE_REMOVE;
            }
          break;
        }
      if (!self->nudged
          && elapsed_us (self, self->finishing_at) > FINISH_NUDGE_US)
        {
          /* The microphone has stopped short of the end: end it. */
          self->nudged = TRUE;
          end_branch (self, FALSE);
        }
      else if (elapsed_us (self, self->finishing_at) > FINISH_GIVE_UP_US)
        {
          GST_WARNING ("no end of stream: closing the file as it is");
          complete (self);
          return G_SOURCE_REMOVE;
        }
      break;
    case FC_RECORDER_STATE_IDLE:
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

/* ---- GObject --------------------------------------------------------- */

static void
fc_recorder_get_property (GObject *object, guint prop_id, GValue *value,
                          GParamSpec *pspec)
{
  FcRecorder *self = FC_RECORDER (object);

  switch (prop_id)
    {
    case PROP_RESOLUTION:
      g_value_set_string (value, fc_recorder_get_resolution (self));
      break;
    case PROP_RECORD_TIME:
      g_value_set_uint (value, self->record_time);
      break;
    case PROP_CAMERA:
      g_value_set_string (value, self->camera);
      break;
    case PROP_MICROPHONE:
      g_value_set_string (value, self->microphone);
      break;
    case PROP_ALLOW_TEST_SOURCE:
      g_value_set_boolean (value, self->allow_test_source);
      break;
    case PROP_TEMP_DIR:
      g_value_set_string (value, fc_recorder_get_temp_dir (self));
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_PREVIEW_SINK:
      g_value_set_object (value, self->preview_sink);
      break;
    case PROP_READY_TIMEOUT:
      g_value_set_uint (value, self->ready_timeout);
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      if (prop_id >= N_PROPS)
        fc_prompts_get_property (self->prompts, prop_id, value);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_recorder_set_property (GObject *object, guint prop_id, const GValue *value,
                          GParamSpec *pspec)
{
  FcRecorder *self = FC_RECORDER (object);

  switch (prop_id)
    {
    case PROP_RESOLUTION:
      fc_recorder_set_resolution (self, g_value_get_string (value));
      break;
    case PROP_RECORD_TIME:
      fc_recorder_set_record_time (self, g_value_get_uint (value));
      break;
    case PROP_CAMERA:
      fc_recorder_set_camera (self, g_value_get_string (value));
      break;
    case PROP_MICROPHONE:
      fc_recorder_set_microphone (self, g_value_get_string (value));
      break;
    case PROP_ALLOW_TEST_SOURCE:
      fc_recorder_set_allow_test_source (self, g_value_get_boolean (value));
      break;
    case PROP_TEMP_DIR:
      fc_recorder_set_temp_dir (self, g_value_get_string (value));
      break;
    case PROP_CLOCK:
      fc_recorder_set_clock (self, g_value_get_object (value));
      break;
    case PROP_PREVIEW_SINK:
      fc_recorder_set_preview_sink (self, g_value_get_object (value));
      break;
    case PROP_READY_TIMEOUT:
      fc_recorder_set_ready_timeout (self, g_value_get_uint (value));
      break;
    case PROP_OFFLINE:
      fc_recorder_set_offline (self, g_value_get_boolean (value));
      break;
    default:
      if (prop_id >= N_PROPS)
        fc_prompts_set_property (self->prompts, prop_id, value);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_recorder_dispose (GObject *object)
{
  FcRecorder *self = FC_RECORDER (object);

  fc_recorder_close (self);
#ifdef FC_HAVE_LIBPORTAL
  g_clear_object (&self->portal);
  g_clear_object (&self->bus);
#endif
  g_clear_object (&self->preview_sink);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (fc_recorder_parent_class)->dispose (object);
}

static void
fc_recorder_finalize (GObject *object)
{
  FcRecorder *self = FC_RECORDER (object);

  fc_prompts_free (self->prompts);
  g_free (self->resolution);
  g_free (self->camera);
  g_free (self->microphone);
  g_free (self->temp_dir);
  if (self->own_temp_dir != NULL)
    g_rmdir (self->own_temp_dir); /* only if the application left it empty */
  g_free (self->own_temp_dir);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (fc_recorder_parent_class)->finalize (object);
}

static void
fc_recorder_class_init (FcRecorderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags
      = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = fc_recorder_get_property;
  object_class->set_property = fc_recorder_set_property;
  object_class->dispose = fc_recorder_dispose;
  object_class->finalize = fc_recorder_finalize;

  /**
   * FcRecorder:resolution:
   *
   * "low" (640x480), "medium" (1280x720) or "high" (1920x1080), all at
   * 30 fps; the camera's picture is scaled and cropped to fill. Read when
   * the pipeline starts: a later change waits for the next prepare.
   */
  props[PROP_RESOLUTION]
      = g_param_spec_string ("resolution", NULL, NULL, "medium", flags);
  /**
   * FcRecorder:record-time:
   *
   * Length of a recording in milliseconds of pipeline running time.
   */
  props[PROP_RECORD_TIME] = g_param_spec_uint ("record-time", NULL, NULL, 0,
                                               G_MAXUINT, 30000, flags);
  /**
   * FcRecorder:camera:
   *
   * NULL or "auto" (PipeWire cameras, then V4L2; sandboxed, the camera
   * portal first), "portal" (the camera portal, sandboxed or not: the
   * user's permission, then the session's default camera), "test" (a
   * pattern), "pipewire:NODE_NAME" or "v4l2:/dev/videoN".
   */
  props[PROP_CAMERA] = g_param_spec_string ("camera", NULL, NULL, NULL, flags);
  /**
   * FcRecorder:microphone:
   *
   * NULL or "auto" (the first PipeWire audio source), "test" (a tone) or
   * "pipewire:NODE_NAME".
   */
  props[PROP_MICROPHONE]
      = g_param_spec_string ("microphone", NULL, NULL, NULL, flags);
  /**
   * FcRecorder:allow-test-source:
   *
   * Whether a missing camera or microphone is replaced by a test source;
   * the events' detail then says "source": "test".
   */
  props[PROP_ALLOW_TEST_SOURCE]
      = g_param_spec_boolean ("allow-test-source", NULL, NULL, FALSE, flags);
  /**
   * FcRecorder:temp-dir:
   *
   * The application's private directory for recordings (made 0700; files
   * are 0600). When unset, one is made under the system's temporary
   * directory on first use.
   */
  props[PROP_TEMP_DIR]
      = g_param_spec_string ("temp-dir", NULL, NULL, NULL, flags);
  /**
   * FcRecorder:clock:
   *
   * The clock the pipeline runs on (the host's); NULL for GStreamer's.
   */
  props[PROP_CLOCK]
      = g_param_spec_object ("clock", NULL, NULL, GST_TYPE_CLOCK, flags);
  /**
   * FcRecorder:preview-sink:
   *
   * A video sink for the preview (e.g. the view's gtk4paintablesink); I420
   * at the recording size. A fakesink when NULL. It may be set while the
   * pipeline runs: the new sink joins it (fc_recorder_set_preview_sink()).
   */
  props[PROP_PREVIEW_SINK] = g_param_spec_object ("preview-sink", NULL, NULL,
                                                  GST_TYPE_ELEMENT, flags);
  /**
   * FcRecorder:ready-timeout:
   *
   * How long (ms) the camera and microphone may take to deliver their
   * first frame and samples before "error" (camera busy).
   */
  props[PROP_READY_TIMEOUT] = g_param_spec_uint ("ready-timeout", NULL, NULL,
                                                 100, G_MAXUINT, 5000, flags);
  /**
   * FcRecorder:offline:
   *
   * Record from the test pattern and tone as fast as the machine can
   * encode, not in real time (replay, benchmarks). The test sources are
   * then not live and the pipeline runs without a clock: record-time is
   * media time (the file holds exactly record-time ms, however long the
   * encoding takes), and burn-in, the prompt audio mixed into the file
   * and the subtitles follow the stream's timestamps. No prompt audio is
   * played to the speaker, and the preview shows the first frame until
   * record. Only with the test sources: the camera and microphone must be
   * unset, "auto" or "test" (allow-test-source is not needed); a device
   * gives "error" with errCode "not-supported" at prepare (or record),
   * which then return FALSE. Read when the pipeline starts.
   */
  props[PROP_OFFLINE]
      = g_param_spec_boolean ("offline", NULL, NULL, FALSE, flags);
  props[PROP_STATE] = g_param_spec_enum (
      "state", NULL, NULL, FC_TYPE_RECORDER_STATE, FC_RECORDER_STATE_IDLE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * FcRecorder::ready:
   * @detail: a{sv}: "source" ("pipewire", "v4l2" or "test"), "camera"
   *   (the node or device; "portal" through the camera portal),
   *   "microphoneSource", "microphone" (s), "width", "height" (i)
   *
   * The camera has negotiated and frames and samples flow (onRecordReady).
   */
  signals[SIGNAL_READY]
      = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_VARIANT);
  /**
   * FcRecorder::start:
   * @detail: a{sv}: "tempVideoPath", "source" (s)
   *
   * The first frame is in the file (its first fragment has been written)
   * (onRecordStart).
   */
  signals[SIGNAL_START]
      = g_signal_new ("start", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_VARIANT);
  /**
   * FcRecorder::end:
   * @detail: a{sv}: "tempVideoPath", "tempThumbPath", "sha256" (s),
   *   "duration" (x, ms), "size" (x, bytes), "droppedFrames" and
   *   "duplicatedFrames" (x: camera frames dropped or repeated to keep
   *   30 fps while recording)
   *
   * The recording is finalised (onRecordEnd).
   */
  signals[SIGNAL_END]
      = g_signal_new ("end", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_VARIANT);
  /**
   * FcRecorder::error:
   * @detail: a{sv}: "errMsg" (s), "errCode" (s, a #FcRecorderError nick),
   *   and "tempVideoPath" (s) when a partial, finalised file exists
   *
   * The pipeline is gone (onRecordError).
   */
  signals[SIGNAL_ERROR]
      = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_VARIANT);
  /**
   * FcRecorder::warning:
   * @detail: a{sv}: "errMsg" (s)
   *
   * A request was ignored (e.g. "already recording"); nothing changed.
   */
  signals[SIGNAL_WARNING]
      = g_signal_new ("warning", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_VARIANT);

  fc_prompts_install_properties (object_class, N_PROPS);

  GST_DEBUG_CATEGORY_INIT (fc_recorder_debug, "fc-recorder", 0, "FcRecorder");
  fc_recorder_elements_register ();
}

static void
fc_recorder_init (FcRecorder *self)
{
  self->resolution = g_strdup ("medium");
  self->record_time = 30000;
  self->ready_timeout = 5000;
  self->context = g_main_context_ref_thread_default ();
  self->prompts = fc_prompts_new (G_OBJECT (self), prompts_warn, self);
  self->cam = (FcSource)FC_SOURCE_INIT;
  self->mic = (FcSource)FC_SOURCE_INIT;
  g_mutex_init (&self->lock);
  self->start = self->end = self->last_video_pts = GST_CLOCK_TIME_NONE;
}

/* ---- public API ------------------------------------------------------ */

/**
 * fc_recorder_new:
 *
 * Returns: (transfer full): a recorder, idle. gst_init() must have run.
 * Signals are emitted on the thread-default main context of the caller.
 */
FcRecorder *
fc_recorder_new (void)
{
  return g_object_new (FC_TYPE_RECORDER, NULL);
}

gboolean
fc_recorder_prepare (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);

  if (self->state != FC_RECORDER_STATE_IDLE)
    {
      fc_recorder_emit_warning (self, "already prepared");
      return FALSE;
    }
  return start_pipeline (self);
}

gboolean
fc_recorder_record (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);

  switch (self->state)
    {
    case FC_RECORDER_STATE_IDLE:
      if (!start_pipeline (self))
        return FALSE;
      self->pending_record = TRUE;
      return TRUE;
    case FC_RECORDER_STATE_PREPARING:
      if (self->pending_record)
        {
          fc_recorder_emit_warning (self, "already recording");
          return FALSE;
        }
      self->pending_record = TRUE;
      return TRUE;
    case FC_RECORDER_STATE_READY:
      return arm (self);
    case FC_RECORDER_STATE_RECORDING:
    case FC_RECORDER_STATE_FINISHING:
    default:
      fc_recorder_emit_warning (self, "already recording");
      return FALSE;
    }
}

gboolean
fc_recorder_stop (FcRecorder *self)
{
  GstClockTime now, start;

  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);

  if (self->state == FC_RECORDER_STATE_PREPARING && self->pending_record)
    {
      self->pending_record = FALSE;
      fc_recorder_emit_warning (self, "stopped before the recording started");
      return TRUE;
    }
  if (self->state != FC_RECORDER_STATE_RECORDING)
    {
      fc_recorder_emit_warning (self, "not recording");
      return FALSE;
    }

  now = self->pipeline ? gst_element_get_current_running_time (self->pipeline)
                       : GST_CLOCK_TIME_NONE;
  g_mutex_lock (&self->lock);
  start = self->start;
  if (!GST_CLOCK_TIME_IS_VALID (start))
    {
      /* Nothing has gone into the file: disarm and keep previewing. */
      self->armed = FALSE;
      g_mutex_unlock (&self->lock);
      if (self->run_offline)
        {
          hold_source (self, TRUE, FALSE);
          hold_source (self, FALSE, FALSE);
        }
      set_state (self, FC_RECORDER_STATE_READY);
      fc_recorder_emit_warning (self, "stopped before the recording started");
      return TRUE;
    }
  {
    /* End on the first frame boundary after now and after the sound
     * already recorded (the audio branch runs ahead of the video's), so the
     * file holds all that was seen up to the stop, in whole frames. */
    GstClockTime audio_end
        = start
          + gst_util_uint64_scale (self->audio_samples + AAC_PRIMING_SAMPLES,
                                   GST_SECOND, 48000);
    GstClockTime target
        = GST_CLOCK_TIME_IS_VALID (now) ? MAX (now, audio_end) : audio_end;
    guint64 n = (target - start + FRAME_NS - 1) / FRAME_NS;

    self->end = MIN (self->end, start + MAX (n, 1) * FRAME_NS);
  }
  g_mutex_unlock (&self->lock);
  return TRUE;
}

/* Waits up to TIMEOUT_US for the file to be complete (or an error). */
static GstMessage *
wait_file_done (GstBus *bus, gint64 timeout_us)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;
  gint64 left;

  while ((left = deadline - g_get_monotonic_time ()) > 0)
    {
      GstMessage *msg = gst_bus_timed_pop_filtered (
          bus, left * GST_USECOND,
          GST_MESSAGE_APPLICATION | GST_MESSAGE_ERROR | GST_MESSAGE_EOS);

      if (msg == NULL)
        break;
      if (GST_MESSAGE_TYPE (msg) != GST_MESSAGE_APPLICATION
          || gst_structure_has_name (gst_message_get_structure (msg),
                                     "fc-file-done"))
        return msg;
      gst_message_unref (msg);
    }
  return NULL;
}

void
fc_recorder_close (FcRecorder *self)
{
  g_autoptr (GstBus) bus = NULL;
  gboolean recorded;

  g_return_if_fail (FC_IS_RECORDER (self));

  if (self->pipeline == NULL)
    {
      if (self->state == FC_RECORDER_STATE_PREPARING)
        teardown (self); /* waiting for the camera portal */
      return;
    }
  g_mutex_lock (&self->lock);
  recorded = GST_CLOCK_TIME_IS_VALID (self->start);
  g_mutex_unlock (&self->lock);

  if (recorded && self->state >= FC_RECORDER_STATE_RECORDING)
    {
      /* Finalise what was recorded: end of stream through the muxer. */
      g_autoptr (GstMessage) msg = NULL;

      if (self->bus_source != NULL)
        {
          g_source_destroy (self->bus_source);
          g_clear_pointer (&self->bus_source, g_source_unref);
        }
      bus = gst_element_get_bus (self->pipeline);
      finish_now (self);
      msg = wait_file_done (bus, FINISH_NUDGE_US);
      if (msg == NULL)
        {
          end_branch (self, FALSE);
          msg = wait_file_done (bus, FINISH_NUDGE_US);
        }
      GST_INFO ("closed while recording: %s",
                msg ? GST_MESSAGE_TYPE_NAME (msg) : "the file did not finish");
    }
  teardown (self);
}

FcRecorderState
fc_recorder_get_state (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FC_RECORDER_STATE_IDLE);
  return self->state;
}

static gboolean
set_string (char **field, const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

const char *
fc_recorder_get_resolution (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return self->resolution ? self->resolution : "medium";
}

void
fc_recorder_set_resolution (FcRecorder *self, const char *resolution)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  if (set_string (&self->resolution, resolution))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_RESOLUTION]);
}

guint
fc_recorder_get_record_time (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), 0);
  return self->record_time;
}

void
fc_recorder_set_record_time (FcRecorder *self, guint record_time_ms)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  if (self->record_time == record_time_ms)
    return;
  self->record_time = record_time_ms;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_RECORD_TIME]);
}

const char *
fc_recorder_get_camera (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return self->camera;
}

void
fc_recorder_set_camera (FcRecorder *self, const char *camera)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  if (set_string (&self->camera, camera))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CAMERA]);
}

const char *
fc_recorder_get_microphone (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return self->microphone;
}

void
fc_recorder_set_microphone (FcRecorder *self, const char *microphone)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  if (set_string (&self->microphone, microphone))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MICROPHONE]);
}

gboolean
fc_recorder_get_allow_test_source (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);
  return self->allow_test_source;
}

void
fc_recorder_set_allow_test_source (FcRecorder *self, gboolean allow)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  allow = !!allow;
  if (self->allow_test_source == allow)
    return;
  self->allow_test_source = allow;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ALLOW_TEST_SOURCE]);
}

/**
 * fc_recorder_get_temp_dir:
 *
 * Returns: (nullable): the directory recordings go to, NULL until one has
 * been made when the temp-dir property is unset.
 */
const char *
fc_recorder_get_temp_dir (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return self->temp_dir ? self->temp_dir : self->own_temp_dir;
}

void
fc_recorder_set_temp_dir (FcRecorder *self, const char *dir)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  if (set_string (&self->temp_dir, dir))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TEMP_DIR]);
}

GstClock *
fc_recorder_get_clock (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return self->clock;
}

void
fc_recorder_set_clock (FcRecorder *self, GstClock *clock)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_return_if_fail (clock == NULL || GST_IS_CLOCK (clock));
  if (g_set_object (&self->clock, clock))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CLOCK]);
}

GstElement *
fc_recorder_get_preview_sink (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return self->preview_sink;
}

/* ---- a preview sink joining a running pipeline ---- */

typedef struct
{
  GstElement *pipeline;
  GstElement *sink; /* the new preview sink, or a fakesink */
} PreviewSwap;

static void
preview_swap_free (gpointer data)
{
  PreviewSwap *swap = data;

  gst_object_unref (swap->pipeline);
  gst_object_unref (swap->sink);
  g_free (swap);
}

static void preview_no_preroll (GstElement *sink);

static void
no_preroll (const GValue *item, gpointer user_data)
{
  preview_no_preroll (g_value_get_object (item));
}

/* A sink joining a playing live pipeline must not preroll: its
 * ASYNC_START would make the pipeline lose its state (and the recording
 * its running time) until the first frame reaches it. */
static void
preview_no_preroll (GstElement *sink)
{
  if (GST_IS_BIN (sink))
    {
      GstIterator *it = gst_bin_iterate_sinks (GST_BIN (sink));

      while (gst_iterator_foreach (it, no_preroll, NULL) == GST_ITERATOR_RESYNC)
        gst_iterator_resync (it);
      gst_iterator_free (it);
    }
  else if (g_object_class_find_property (G_OBJECT_GET_CLASS (sink), "async"))
    g_object_set (sink, "async", FALSE, NULL);
}

/* On the preview queue's source pad, once no frame is passing: the sink
 * linked there leaves the pipeline, the new one takes its place and its
 * state. The tee and the recording branch go on untouched. */
static GstPadProbeReturn
swap_preview (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  PreviewSwap *swap = data;
  GstPad *peer = gst_pad_get_peer (pad);
  g_autoptr (GstPad) sink_pad = NULL;

  if (peer != NULL)
    {
      GstElement *old = gst_pad_get_parent_element (peer);

      gst_pad_unlink (pad, peer);
      gst_object_unref (peer);
      if (old != NULL)
        {
          gst_element_set_state (old, GST_STATE_NULL);
          gst_bin_remove (GST_BIN (swap->pipeline), old);
          gst_object_unref (old);
        }
    }
  preview_no_preroll (swap->sink);
  if (!gst_bin_add (GST_BIN (swap->pipeline), swap->sink))
    return GST_PAD_PROBE_REMOVE;
  sink_pad = gst_element_get_static_pad (swap->sink, "sink");
  if (sink_pad == NULL || GST_PAD_LINK_FAILED (gst_pad_link (pad, sink_pad)))
    {
      GstElement *fallback
          = gst_element_factory_make_full ("fakesink", "sync", FALSE, "async",
                                           FALSE, NULL);

      GST_WARNING ("cannot link the preview sink %" GST_PTR_FORMAT
                   "; the preview goes nowhere",
                   swap->sink);
      gst_bin_remove (GST_BIN (swap->pipeline), swap->sink);
      gst_bin_add (GST_BIN (swap->pipeline), fallback);
      gst_element_link (GST_PAD_PARENT (pad), fallback);
      gst_element_sync_state_with_parent (fallback);
      return GST_PAD_PROBE_REMOVE;
    }
  gst_element_sync_state_with_parent (swap->sink);
  return GST_PAD_PROBE_REMOVE;
}

/* Linking a pad sends RECONFIGURE upstream: through the tee it would make
 * the camera's branch negotiate and query allocation again, and the
 * allocation query waits in the preview queue behind the frames the new
 * sink has yet to take, holding up the tee and so the recording. The
 * preview's caps are fixed (I420 at the recording size): keep the event in
 * the preview branch. */
static GstPadProbeReturn
keep_reconfigure (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  return GST_EVENT_TYPE (GST_PAD_PROBE_INFO_EVENT (info)) == GST_EVENT_RECONFIGURE
             ? GST_PAD_PROBE_DROP
             : GST_PAD_PROBE_OK;
}

/* Puts @sink (NULL: a fakesink) in the running pipeline in place of the
 * preview sink it was built with. */
static void
attach_preview (FcRecorder *self, GstElement *sink)
{
  g_autoptr (GstElement) pq = NULL;
  g_autoptr (GstPad) src = NULL;
  PreviewSwap *swap;

  if (self->pipeline == NULL
      || !(pq = gst_bin_get_by_name (GST_BIN (self->pipeline), "pq"))
      || !(src = gst_element_get_static_pad (pq, "src")))
    return;
  if (!g_object_get_data (G_OBJECT (pq), "fc-keep-reconfigure"))
    {
      g_autoptr (GstPad) in = gst_element_get_static_pad (pq, "sink");

      gst_pad_add_probe (in, GST_PAD_PROBE_TYPE_EVENT_UPSTREAM,
                         keep_reconfigure, NULL, NULL);
      g_object_set_data (G_OBJECT (pq), "fc-keep-reconfigure",
                         GINT_TO_POINTER (TRUE));
    }
  swap = g_new0 (PreviewSwap, 1);
  swap->pipeline = gst_object_ref (self->pipeline);
  swap->sink = sink ? gst_object_ref (sink)
                    : gst_object_ref_sink (gst_element_factory_make_full (
                        "fakesink", "sync", FALSE, "async", FALSE, NULL));
  /* now, in this thread, when no frame is passing; else right after the
   * one that is */
  gst_pad_add_probe (src, GST_PAD_PROBE_TYPE_IDLE, swap_preview, swap,
                     preview_swap_free);
}

/**
 * fc_recorder_set_preview_sink:
 * @self: the recorder
 * @sink: (nullable): a video sink taking I420 at the recording size
 *
 * Sets where the preview goes. This may happen at any time: on a prepared
 * (or recording) recorder the sink replaces the previous one in the
 * running pipeline, without starting the camera again and without
 * touching the recording; it is set not to preroll.
 */
void
fc_recorder_set_preview_sink (FcRecorder *self, GstElement *sink)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_return_if_fail (sink == NULL || GST_IS_ELEMENT (sink));
  if (self->preview_sink == sink)
    return;
  if (sink != NULL)
    gst_object_ref_sink (sink);
  g_clear_object (&self->preview_sink);
  self->preview_sink = sink;
  attach_preview (self, sink);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PREVIEW_SINK]);
}

guint
fc_recorder_get_ready_timeout (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), 0);
  return self->ready_timeout;
}

void
fc_recorder_set_ready_timeout (FcRecorder *self, guint timeout_ms)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  if (self->ready_timeout == timeout_ms)
    return;
  self->ready_timeout = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_READY_TIMEOUT]);
}

gboolean
fc_recorder_get_offline (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);
  return self->offline;
}

void
fc_recorder_set_offline (FcRecorder *self, gboolean offline)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  offline = !!offline;
  if (self->offline == offline)
    return;
  self->offline = offline;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_OFFLINE]);
}
