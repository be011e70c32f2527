/* FcRecordSession's shared steps (fc-session-state.h): the state and the
 * reports to the owner, the clock stamps, the graph dumps, the offline
 * holds, the window closed for finishing and the pipeline dropped. Every
 * part of the session calls these; they call no part. */

#include "fc-session-state.h"

#include "fc-recorder-events.h"
#include "fc-recorder-pipeline.h"
#include "fc-debug-private.h"

#include <glib/gstdio.h>

GST_DEBUG_CATEGORY (fc_session_debug);
#define GST_CAT_DEFAULT fc_session_debug

void
fc_session_init_debug (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_session_debug, "fc-recorder-session", "a recording pipeline's life");
}

/* ---- reports --------------------------------------------------------- */

void
fc_session_emit (FcRecordSession *self, FcSessionSignal signal,
                 GVariant *detail)
{
  self->events->emit (self->owner, signal, detail);
}

void
fc_session_warn (FcRecordSession *self, const char *message)
{
  GST_INFO_OBJECT (self->pipeline, "warning: %s", message);
  fc_session_emit (self, FC_SESSION_WARNING, fc_event_warning_detail (message));
}

void
fc_session_emit_error (FcRecordSession *self, const GError *error,
                       const char *path)
{
  fc_session_emit (self, FC_SESSION_ERROR, fc_event_error_detail (error, path));
}

void
fc_session_set_state (FcRecordSession *self, FcRecorderState state)
{
  if (self->state == state)
    return;
  self->state = state;
  self->events->state_changed (self->owner);
}

/* A timeout runs out when it has passed both on the host's clock and in
 * real time: under a virtual clock that stands still, or races ahead of
 * what the machine can do, a camera giving no frame is not a fault. */
FcStamp
fc_session_stamp_now (FcRecordSession *self)
{
  return fc_stamp_now (self->time_clock);
}

gint64
fc_session_elapsed_us (FcRecordSession *self, FcStamp then)
{
  return fc_stamp_elapsed (self->time_clock, then);
}

void
fc_session_dump_graph (FcRecordSession *self, const char *when)
{
  g_autofree char *name = NULL;

  if (self->pipeline == NULL)
    return;
  name = g_strdup_printf ("fc-recorder-%s", when);
  GST_DEBUG_BIN_TO_DOT_FILE_WITH_TS (GST_BIN (self->pipeline),
                                     GST_DEBUG_GRAPH_SHOW_ALL, name);
}

/* ---- the pipeline ---------------------------------------------------- */

void
fc_session_hold_source (FcRecordSession *self, gboolean video, gboolean let_one)
{
  fc_pipeline_hold (self->pipeline, video, let_one,
                    video ? &self->vhold : &self->ahold);
}

void
fc_session_release_source (FcRecordSession *self, gboolean video)
{
  fc_pipeline_release (self->pipeline, video,
                       video ? &self->vhold : &self->ahold);
}

void
fc_session_finish_now (FcRecordSession *self)
{
  fc_record_window_close (self->window);
  self->finishing_at = fc_session_stamp_now (self);
  fc_session_set_state (self, FC_RECORDER_STATE_FINISHING);
}

void
fc_session_drop_pipeline (FcRecordSession *self)
{
  if (self->starting != NULL)
    {
      g_cancellable_cancel (self->starting);
      g_clear_object (&self->starting);
      /* libportal closes a pending request (the dialog goes away); that
       * Close must leave before the session bus may go with us */
      fc_camera_choice_flush (self->choice);
    }
  if (self->watchdog != NULL)
    {
      g_source_destroy (self->watchdog);
      g_clear_pointer (&self->watchdog, g_source_unref);
    }
  g_clear_pointer (&self->camera_watch, fc_camera_watch_free);
  g_clear_pointer (&self->thumbnail, fc_thumbnail_free);
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
      /* the host's camera element goes back to the host */
      if (self->cam.element != NULL
          && GST_OBJECT_PARENT (self->cam.element)
                 == GST_OBJECT (self->pipeline))
        gst_bin_remove (GST_BIN (self->pipeline), self->cam.element);
    }
  g_clear_object (&self->vsrc);
  g_clear_object (&self->asrc);
  g_clear_object (&self->time_clock);
  fc_record_window_detach (self->window);
  g_clear_object (&self->pipeline);
  self->vhold = self->ahold = 0;
  fc_source_clear (&self->cam);
  fc_source_clear (&self->mic);
  if (self->video_path != NULL && !fc_file_has_data (self->video_path))
    g_unlink (self->video_path);
  g_clear_pointer (&self->video_path, g_free);
  g_clear_error (&self->pending_error);
  fc_prompts_stop (self->prompts);
  g_clear_pointer (&self->player, fc_prompt_player_free);
  self->flowing = FALSE;
  self->pending_record = self->start_emitted = self->nudged = FALSE;
}

void
fc_session_teardown (FcRecordSession *self)
{
  fc_session_drop_pipeline (self);
  fc_session_set_state (self, FC_RECORDER_STATE_IDLE);
}
