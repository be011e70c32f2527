/* A recording session's watchdog (fc-session-watchdog.h): every
 * FC_WATCHDOG_MS, the silences of the camera, the microphone and the file
 * (the window's health), the camera's removal and the state go to the
 * pure verdict of fc-recorder-watchdog.c, and the session acts on it. */

#include "fc-session-watchdog.h"

#include "fc-recorder-watchdog.h"
#include "fc-session-fault.h"
#include "fc-session-finish.h"

/* What the verdict says, done; G_SOURCE_REMOVE once the pipeline is gone
 * (failed) or the file given up on. */
static gboolean
watchdog_cb (gpointer data)
{
  FcRecordSession *self = data;
  FcWatchdogInput in = { 0 };
  FcWindowHealth health;
  g_autoptr (GError) error = NULL;

  fc_record_window_get_health (self->window, &health);
  in.silent = health.silent;
  in.mute = health.mute;
  in.unwritten = health.unwritten;
  in.saw_video = health.saw_video;
  in.started = health.started;
  in.state = self->state;
  in.offline = self->run_offline;
  in.flowing = self->flowing;
  in.nudged = self->nudged;
  in.summarising = self->pipeline == NULL;
  in.camera_gone = fc_camera_watch_is_gone (self->camera_watch);
  in.ready_timeout_ms = self->settings->ready_timeout;
  in.since_prepare = fc_session_elapsed_us (self, self->prepare_at);
  in.since_finishing = fc_session_elapsed_us (self, self->finishing_at);

  switch (fc_watchdog_check (&in, &error))
    {
    case FC_WATCHDOG_FAIL:
      fc_session_fail (self, error->code, NULL, "%s", error->message);
      return G_SOURCE_REMOVE;
    case FC_WATCHDOG_FINISH:
      self->pending_error = g_steal_pointer (&error);
      fc_session_finish_now (self);
      break;
    case FC_WATCHDOG_END_SOUND_AND_FINISH:
      self->pending_error = g_steal_pointer (&error);
      fc_record_window_end_branch (self->window, FALSE);
      fc_session_finish_now (self);
      break;
    case FC_WATCHDOG_NUDGE:
      self->nudged = TRUE;
      fc_record_window_end_branch (self->window, FALSE);
      break;
    case FC_WATCHDOG_GIVE_UP:
      fc_session_complete (self);
      return G_SOURCE_REMOVE;
    case FC_WATCHDOG_WAIT:
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

void
fc_session_start_watchdog (FcRecordSession *self)
{
  if (!self->run_offline)
    self->camera_watch = fc_camera_watch_new (&self->cam);
  self->watchdog = g_timeout_source_new (FC_WATCHDOG_MS);
  g_source_set_callback (self->watchdog, watchdog_cb, self, NULL);
  g_source_attach (self->watchdog, self->context);
}
