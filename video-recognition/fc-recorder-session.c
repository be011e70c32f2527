/* FcRecordSession: one recording pipeline's life, from prepare to the
 * summary of the file (fc-recorder-session.h). This file holds its life
 * (new, dispose, free) and the owner's calls: prepare, record, stop,
 * close, the preview sink. The session's parts, each a file:
 *
 *   fc-session-prepare.c   idle to a pipeline playing: settings checked,
 *                          prompts started, the camera awaited, the
 *                          pipeline built and watched
 *   fc-session-bus.c       the bus: the streaming threads' events, end of
 *                          stream, errors, warnings
 *   fc-session-watchdog.c  the watchdog's verdicts acted on
 *   fc-session-finish.c    the file complete: summary, then "end"
 *   fc-session-record.c    ready, a recording armed, the window's opening,
 *                          the file's start
 *   fc-session-fault.c     failing, and a pipeline error's consequence
 *   fc-session-state.c     the fields and the steps all of them take
 *                          (state, signals, graph dumps, offline holds,
 *                          finishing, teardown)
 *
 * each calling only those below it. The camera is chosen (after the
 * warm-up, fc-recorder-preload.c; through the portal or among the devices,
 * fc-camera-choice.c) and the pipeline built around it
 * (fc-recorder-pipeline.c: the camera to a tee, the preview, fcburnin and
 * the encoder to mp4mux; the microphone through fcpromptmix to the same
 * muxer; the prompt timeline as a subtitle track, fc-recorder-subtitles.c).
 * The recording window (fc-recorder-window.c) gates both branches: a
 * recording is armed, the first frame captured after that opens it, and
 * it is cut at exactly record-time of running time; then mp4mux finalises
 * the file, and the summary (thumbnail, digest) is made in a thread
 * (fc-recorder-files.c).
 *
 * Offline (the offline setting), the test sources are not live and the
 * pipeline has no clock: everything runs as fast as it can, on the
 * buffers' timestamps. The sources are held (blocking pad probes) while
 * nothing is being recorded, so they do not spin for the gates to drop.
 *
 * Streaming threads never touch the session: they share the window (its
 * own lock) and post one structured message (fc-stream-message.h) that
 * the bus watch (on the main context the session was made in) turns into
 * the owner's signals, through FcSessionEvents. The watchdog's verdicts
 * are fc-recorder-watchdog.c's, the pipeline errors' classification
 * fc-recorder-faults.c's. */

#include "fc-recorder-session.h"

#include "fc-recorder-watchdog.h"
#include "fc-session-prepare.h"
#include "fc-session-record.h"
#include "fc-session-state.h"
#include "fc-stream-message.h"

#define GST_CAT_DEFAULT fc_session_debug

gboolean
fc_record_session_prepare (FcRecordSession *self)
{
  if (self->state != FC_RECORDER_STATE_IDLE)
    {
      fc_session_warn (self, "already prepared");
      return FALSE;
    }
  return fc_session_start_pipeline (self);
}

gboolean
fc_record_session_record (FcRecordSession *self)
{
  switch (self->state)
    {
    case FC_RECORDER_STATE_IDLE:
      if (!fc_session_start_pipeline (self))
        return FALSE;
      self->pending_record = TRUE;
      return TRUE;
    case FC_RECORDER_STATE_PREPARING:
      if (self->pending_record)
        {
          fc_session_warn (self, "already recording");
          return FALSE;
        }
      self->pending_record = TRUE;
      return TRUE;
    case FC_RECORDER_STATE_READY:
      return fc_session_arm (self);
    case FC_RECORDER_STATE_RECORDING:
    case FC_RECORDER_STATE_FINISHING:
    default:
      fc_session_warn (self, "already recording");
      return FALSE;
    }
}

gboolean
fc_record_session_stop (FcRecordSession *self)
{
  GstClockTime now;

  if (self->state == FC_RECORDER_STATE_PREPARING && self->pending_record)
    {
      self->pending_record = FALSE;
      fc_session_warn (self, "stopped before the recording started");
      return TRUE;
    }
  if (self->state != FC_RECORDER_STATE_RECORDING)
    {
      fc_session_warn (self, "not recording");
      return FALSE;
    }

  now = self->pipeline ? gst_element_get_current_running_time (self->pipeline)
                       : GST_CLOCK_TIME_NONE;
  if (!fc_record_window_stop (self->window, now))
    {
      /* Nothing has gone into the file: keep previewing. */
      if (self->run_offline)
        {
          fc_session_hold_source (self, TRUE, FALSE);
          fc_session_hold_source (self, FALSE, FALSE);
        }
      fc_session_set_state (self, FC_RECORDER_STATE_READY);
      fc_session_warn (self, "stopped before the recording started");
    }
  return TRUE;
}

void
fc_record_session_close (FcRecordSession *self)
{
  g_autoptr (GstBus) bus = NULL;
  gboolean recorded;

  if (self->pipeline == NULL)
    {
      if (self->state == FC_RECORDER_STATE_PREPARING)
        fc_session_teardown (self); /* waiting for the camera portal */
      return;
    }
  recorded
      = GST_CLOCK_TIME_IS_VALID (fc_record_window_get_start (self->window));

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
      fc_session_finish_now (self);
      msg = fc_stream_wait_file_done (bus, FC_FINISH_NUDGE_US);
      if (msg == NULL)
        {
          fc_record_window_end_branch (self->window, FALSE);
          msg = fc_stream_wait_file_done (bus, FC_FINISH_NUDGE_US);
        }
      GST_INFO ("closed while recording: %s",
                msg ? GST_MESSAGE_TYPE_NAME (msg) : "the file did not finish");
    }
  fc_session_teardown (self);
}

void
fc_record_session_set_preview_sink (FcRecordSession *self, GstElement *sink)
{
  g_set_object (&self->preview_sink, sink);
  fc_preview_swap (self->pipeline, sink);
}

FcRecorderState
fc_record_session_get_state (FcRecordSession *self)
{
  return self->state;
}

void
fc_record_session_warn (FcRecordSession *self, const char *message)
{
  fc_session_warn (self, message);
}

/* ---- life ------------------------------------------------------------ */

FcRecordSession *
fc_record_session_new (GObject *owner, const FcSessionEvents *events,
                       FcRecorderSettings *settings, FcPrompts *prompts)
{
  FcRecordSession *self = g_new0 (FcRecordSession, 1);

  fc_session_init_debug ();
  self->owner = owner;
  self->events = events;
  self->settings = settings;
  self->prompts = prompts;
  self->state = FC_RECORDER_STATE_IDLE;
  self->context = g_main_context_ref_thread_default ();
  self->choice = fc_camera_choice_new ();
  self->cam = (FcSource)FC_SOURCE_INIT;
  self->mic = (FcSource)FC_SOURCE_INIT;
  self->window = fc_record_window_new ();
  return self;
}

void
fc_record_session_dispose (FcRecordSession *self)
{
  fc_record_session_close (self);
  g_clear_pointer (&self->choice, fc_camera_choice_free);
  g_clear_object (&self->preview_sink);
}

void
fc_record_session_free (FcRecordSession *self)
{
  g_main_context_unref (self->context);
  fc_record_window_free (self->window);
  g_free (self);
}
