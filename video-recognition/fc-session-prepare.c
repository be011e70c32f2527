/* A recording session's start (fc-session-prepare.h): from idle to a
 * pipeline playing. The settings are checked (offline, resolution), the
 * prompts started (a bad stepList starts nothing; their resources load
 * meanwhile), the camera awaited (after the warm-up, fc-recorder-preload.c;
 * through the portal or among the devices, fc-camera-choice.c), the
 * microphone found and the file made; then the pipeline is built
 * (fc-recorder-pipeline.c), gated by the window, held offline, watched
 * (its bus, the watchdog) and set playing. */

#include "fc-session-prepare.h"

#include "fc-recorder-pipeline.h"
#include "fc-recorder-start.h"
#include "fc-session-bus.h"
#include "fc-session-fault.h"
#include "fc-session-record.h"
#include "fc-session-watchdog.h"

#define GST_CAT_DEFAULT fc_session_debug

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
          fc_session_fail (self, FC_RECORDER_ERROR_NO_MICROPHONE, NULL,
                           "no microphone");
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
      fc_session_fail (self, FC_RECORDER_ERROR_WRITE_FAILED, NULL,
                       "write failed: %s", error->message);
      return FALSE;
    }

  {
    FcPipelineSpec spec
        = { &self->cam,         &self->mic,           self->width,
            self->height,       self->run_offline,    self->video_path,
            self->preview_sink, self->settings->clock };

    self->pipeline = fc_pipeline_build (&spec, &error);
  }
  if (self->pipeline == NULL)
    {
      fc_session_fail (self,
                       error->domain == FC_RECORDER_ERROR
                           ? (FcRecorderError)error->code
                           : FC_RECORDER_ERROR_FAILED,
                       NULL, "%s", error->message);
      return FALSE;
    }
  self->vsrc = self->cam.kind == FC_SOURCE_ELEMENT
                   ? gst_object_ref (self->cam.element)
                   : gst_bin_get_by_name (GST_BIN (self->pipeline), "vsrc");
  self->asrc = gst_bin_get_by_name (GST_BIN (self->pipeline), "asrc");
  self->time_clock = self->settings->clock
                         ? gst_object_ref (self->settings->clock)
                         : gst_system_clock_obtain ();

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
      fc_session_fail (self, (FcRecorderError)error->code, NULL, "%s",
                       error->message);
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
gboolean
fc_session_start_pipeline (FcRecordSession *self)
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
  switch (fc_recorder_start_camera (
      self->choice, self->settings, self->run_offline, self->context,
      self->owner, self->starting, camera_chosen, self, &self->cam, &error))
    {
    case FC_CAMERA_ASKING:
      self->prepare_at = fc_session_stamp_now (self);
      fc_session_set_state (self, FC_RECORDER_STATE_PREPARING);
      return TRUE;
    case FC_CAMERA_FAILED:
      g_clear_object (&self->starting);
      fc_session_fail (self, (FcRecorderError)error->code, NULL, "%s",
                       error->message);
      return FALSE;
    case FC_CAMERA_CHOSEN:
    default:
      g_clear_object (&self->starting);
      return build_pipeline (self);
    }
}
