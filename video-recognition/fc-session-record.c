/* A recording session from ready to recording (fc-session-record.h):
 * ready when frames and samples flow and the prompts' resources are in
 * (a record asked for meanwhile is armed then); a recording armed (the
 * prompts' parts put in, the window armed, the offline sources let go);
 * the window open at the first frame (the speaker's prompts timed from
 * its capture, the thumbnail begun); the file started. */

#include "fc-session-record.h"

#include "fc-recorder-events.h"
#include "fc-recorder-pipeline.h"
#include "fc-recording-parts.h"
#include "fc-session-fault.h"

#define GST_CAT_DEFAULT fc_session_debug

static void
emit_ready (FcRecordSession *self)
{
  fc_session_emit (self, FC_SESSION_READY,
                   fc_event_ready_detail (&self->cam, &self->mic, self->width,
                                          self->height));
}

/* Ready when frames and samples flow and the prompts' resources are in. */
void
fc_session_maybe_ready (FcRecordSession *self)
{
  if (self->state != FC_RECORDER_STATE_PREPARING || !self->flowing
      || !fc_prompts_is_loaded (self->prompts))
    return;
  GST_INFO ("ready %.1f ms after prepare",
            (g_get_monotonic_time () - self->prepare_at.wall) / 1000.0);
  fc_session_set_state (self, FC_RECORDER_STATE_READY);
  g_object_ref (self->owner);
  fc_session_dump_graph (self, "ready");
  emit_ready (self);
  if (self->state == FC_RECORDER_STATE_READY && self->pending_record)
    {
      self->pending_record = FALSE;
      fc_session_arm (self);
    }
  g_object_unref (self->owner);
}

void
fc_session_prompts_done (const GError *error, gpointer data)
{
  FcRecordSession *self = data;

  if (error)
    fc_session_fail (self, FC_RECORDER_ERROR_RESOURCE, NULL, "%s",
                     error->message);
  else
    fc_session_maybe_ready (self);
}

gboolean
fc_session_arm (FcRecordSession *self)
{
  g_autoptr (GError) error = NULL;
  gboolean clips;

  /* The file is made at prepare and the sink holds it open: removed since
   * (a host or a cleaner emptying the temporary directory), the recording
   * would go to a file nobody can open, lost when it ends. */
  if (self->video_path != NULL
      && !g_file_test (self->video_path, G_FILE_TEST_EXISTS))
    {
      fc_session_fail (self, FC_RECORDER_ERROR_WRITE_FAILED, NULL,
                       "write failed: %s was removed before recording",
                       self->video_path);
      return FALSE;
    }

  if (!fc_recording_parts_put (
          self->pipeline, self->prompts, self->width, self->height,
          MAX ((GstClockTime)self->settings->record_time * GST_MSECOND,
               FC_FRAME_NS),
          self->window, &clips, &error))
    {
      fc_session_fail (self, error->code, NULL, "%s", error->message);
      return FALSE;
    }
  /* the speaker gets ready while the first frame is awaited */
  g_clear_pointer (&self->player, fc_prompt_player_free);
  if (clips && !self->run_offline)
    self->player = fc_prompts_make_player (self->prompts);
  fc_record_window_reset (self->window);
  fc_pipeline_frame_counts (self->pipeline, &self->dropped_at_arm,
                            &self->duplicated_at_arm);
  fc_record_window_arm (self->window, (GstClockTime)self->settings->record_time
                                          * GST_MSECOND);
  self->start_emitted = self->nudged = FALSE;
  self->record_us = g_get_monotonic_time ();
  fc_session_set_state (self, FC_RECORDER_STATE_RECORDING);
  fc_session_dump_graph (self, "record");
  fc_session_release_source (self, TRUE);
  fc_session_release_source (self, FALSE);
  return TRUE;
}

/* The first frame is in: the prompts' timeline starts at its capture,
 * which the player and FcRecorder:start-time take on the monotonic clock
 * (the player's own pipeline may outlive this one and its clock). */
void
fc_session_start_player (FcRecordSession *self)
{
  GstClockTime start;
  gint64 origin;
  g_autoptr (GstClock) clock
      = gst_pipeline_get_clock (GST_PIPELINE (self->pipeline));

  start = fc_record_window_get_start (self->window);
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

/* The first frame out of the window and into a JPEG, in a thread: held
 * until the end, it kept a frame of the camera branch's pool out of it
 * (fc-recorder-thumbnail.c). */
void
fc_session_start_thumbnail (FcRecordSession *self)
{
  GstSample *frame;

  if (self->thumbnail == NULL
      && (frame = fc_record_window_take_first_frame (self->window)) != NULL)
    self->thumbnail = fc_thumbnail_new (frame);
}

void
fc_session_emit_start (FcRecordSession *self)
{
  if (self->start_emitted)
    return;
  self->start_emitted = TRUE;
  GST_INFO ("recording started %.1f ms after record",
            (g_get_monotonic_time () - self->record_us) / 1000.0);
  fc_session_emit (self, FC_SESSION_START,
                   fc_event_start_detail (self->video_path, &self->cam));
}
