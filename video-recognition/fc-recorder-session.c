/* FcRecordSession: one recording pipeline's life, from prepare to the
 * summary of the file (fc-recorder-session.h).
 *
 * The camera is chosen (after the warm-up, fc-recorder-preload.c; through
 * the portal or among the devices, fc-camera-choice.c) and the pipeline
 * built around it (fc-recorder-pipeline.c: the camera to a tee, the
 * preview, fcburnin and the encoder to mp4mux; the microphone through
 * fcpromptmix to the same muxer; the prompt timeline as a subtitle track,
 * fc-recorder-subtitles.c). The recording window (fc-recorder-window.c)
 * gates both branches: a recording is armed, the first frame opens it, and
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

#include "fc-session-fault.h"
#include "fc-session-finish.h"
#include "fc-session-record.h"
#include "fc-session-bus.h"
#include "fc-session-state.h"
#include "fc-session-watchdog.h"
#include "fc-camera-choice.h"
#include "fc-recorder-events.h"
#include "fc-recorder-faults.h"
#include "fc-recorder-pipeline.h"
#include "fc-recorder-start.h"
#include "fc-recorder-watchdog.h"
#include "fc-camera-watch.h"
#include "fc-recorder-window.h"
#include "fc-recording-parts.h"
#include "fc-stream-message.h"

#include <glib/gstdio.h>

#define GST_CAT_DEFAULT fc_session_debug

/* ---- pipeline -------------------------------------------------------- */

/* Finds the microphone, builds the pipeline around the camera chosen and
 * starts it. FALSE when an error has been emitted. */
static gboolean
build_pipeline (FcRecordSession *self)
{
  g_autoptr (GError) error = NULL;
  const char *dir;

  if (self->run_offline)
    self->mic.kind = FC_SOURCE_TEST;
  else if (!fc_source_find (self->settings->microphone, FALSE, &self->mic))
    {
      if (!self->settings->allow_test_source)
        {
          fc_session_fail (self, FC_RECORDER_ERROR_NO_MICROPHONE, NULL, "no microphone");
          return FALSE;
        }
      self->mic.kind = FC_SOURCE_TEST;
    }
  GST_INFO ("camera %s:%s, microphone %s:%s",
            fc_source_kind_name (self->cam.kind),
            self->cam.target ? self->cam.target : "",
            fc_source_kind_name (self->mic.kind),
            self->mic.target ? self->mic.target : "");

  dir = fc_recorder_settings_ensure_temp_dir (self->settings, &error);
  if (dir != NULL)
    self->video_path = fc_recorder_create_file (dir, ".mp4", &error);
  if (self->video_path == NULL)
    {
      fc_session_fail (self, FC_RECORDER_ERROR_WRITE_FAILED, NULL, "write failed: %s",
            error->message);
      return FALSE;
    }

  {
    FcPipelineSpec spec = { &self->cam, &self->mic, self->width, self->height,
                            self->run_offline, self->video_path,
                            self->preview_sink, self->settings->clock };

    self->pipeline = fc_pipeline_build (&spec, &error);
  }
  if (self->pipeline == NULL)
    {
      fc_session_fail (self, error->domain == FC_RECORDER_ERROR
                      ? (FcRecorderError)error->code
                      : FC_RECORDER_ERROR_FAILED,
            NULL, "%s", error->message);
      return FALSE;
    }
  self->vsrc = self->cam.kind == FC_SOURCE_ELEMENT
                   ? gst_object_ref (self->cam.element)
                   : gst_bin_get_by_name (GST_BIN (self->pipeline), "vsrc");
  self->asrc = gst_bin_get_by_name (GST_BIN (self->pipeline), "asrc");
  self->time_clock
      = self->settings->clock ? gst_object_ref (self->settings->clock) : gst_system_clock_obtain ();

  fc_record_window_attach (self->window, self->pipeline, self->time_clock);
  if (self->run_offline)
    {
      fc_session_hold_source (self, TRUE, TRUE);
      fc_session_hold_source (self, FALSE, TRUE);
    }

  fc_session_watch_bus (self);
  fc_session_start_watchdog (self);

  fc_record_window_reset (self->window);
  self->prepare_at = fc_session_stamp_now (self);
  fc_session_set_state (self, FC_RECORDER_STATE_PREPARING);
  /* A refusal to start is also posted as an error on the bus, where it is
   * classified with the element that raised it. */
  gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
  return TRUE;
}

/* The camera chosen after the warm-up or the portal
 * (fc-recorder-start.c, which holds the owner meanwhile). */
static void
camera_chosen (FcSource *camera, const GError *error, gpointer data)
{
  FcRecordSession *self = data;

  g_clear_object (&self->starting);
  if (camera == NULL)
    {
      fc_session_fail (self, (FcRecorderError)error->code, NULL, "%s", error->message);
      return;
    }
  fc_source_clear (&self->cam);
  self->cam = *camera;
  *camera = (FcSource)FC_SOURCE_INIT;
  build_pipeline (self); /* "ready" or "error" follows */
}

/* Offline recording is for the test sources only: a device gives frames
 * in real time. FALSE when an error has been emitted. */
static gboolean
offline_sources_ok (FcRecordSession *self)
{
  g_autoptr (GError) error = NULL;

  if (fc_recorder_settings_check_offline (self->settings, &error))
    return TRUE;
  GST_WARNING ("%s", error->message);
  fc_session_emit_error (self, error, NULL);
  return FALSE;
}

/* Starts what prepare() promises: "ready" or "error" follows. FALSE when
 * an error has been emitted already. */
static gboolean
start_pipeline (FcRecordSession *self)
{
  g_autoptr (GError) error = NULL;

  self->run_offline = self->settings->offline;
  if (self->run_offline && !offline_sources_ok (self))
    return FALSE;
  /* the stepList first: a bad one starts nothing; its resources load
   * while the camera starts */
  g_main_context_push_thread_default (self->context);
  if (!fc_prompts_start (self->prompts, fc_session_prompts_done, self, &error))
    {
      g_main_context_pop_thread_default (self->context);
      error->domain = FC_RECORDER_ERROR;
      error->code = FC_RECORDER_ERROR_INVALID_STEPS;
      fc_session_emit_error (self, error, NULL);
      return FALSE;
    }
  g_main_context_pop_thread_default (self->context);
  if (self->settings->resolution != NULL
      && g_strcmp0 (self->settings->resolution, "low") != 0
      && g_strcmp0 (self->settings->resolution, "medium") != 0
      && g_strcmp0 (self->settings->resolution, "high") != 0)
    {
      g_autofree char *msg
          = g_strdup_printf ("unknown resolution \"%s\"; using \"medium\"",
                             self->settings->resolution);
      fc_session_warn (self, msg);
    }
  fc_recorder_settings_size (self->settings, &self->width, &self->height);

  /* The camera, once the warm-up is over (fc-recorder-start.c): the
   * prompts' resources load meanwhile. */
  /* a start under way: cancelled by fc_session_drop_pipeline() */
  self->starting = g_cancellable_new ();
  switch (fc_recorder_start_camera (self->choice, self->settings,
                                    self->run_offline, self->context,
                                    self->owner, self->starting,
                                    camera_chosen, self, &self->cam, &error))
    {
    case FC_CAMERA_ASKING:
      self->prepare_at = fc_session_stamp_now (self);
      fc_session_set_state (self, FC_RECORDER_STATE_PREPARING);
      return TRUE;
    case FC_CAMERA_FAILED:
      g_clear_object (&self->starting);
      fc_session_fail (self, (FcRecorderError)error->code, NULL, "%s", error->message);
      return FALSE;
    case FC_CAMERA_CHOSEN:
    default:
      g_clear_object (&self->starting);
      return build_pipeline (self);
    }
}

gboolean
fc_record_session_prepare (FcRecordSession *self)
{
  if (self->state != FC_RECORDER_STATE_IDLE)
    {
      fc_session_warn (self, "already prepared");
      return FALSE;
    }
  return start_pipeline (self);
}

gboolean
fc_record_session_record (FcRecordSession *self)
{
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
  recorded = GST_CLOCK_TIME_IS_VALID (fc_record_window_get_start (self->window));

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
