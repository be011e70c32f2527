/* A recording session's end (fc-session-finish.h): the file complete
 * (end of stream reached the file sink, or the watchdog gave up on it),
 * the pipeline stopped and dropped, and the summary (thumbnail, size,
 * digest, the prompts' WebVTT) made in a thread (fc-recorder-files.c)
 * before "end", or "error" with the partial file. */

#include "fc-session-finish.h"

#include "fc-recorder-events.h"
#include "fc-recorder-pipeline.h"
#include "fc-session-record.h"

static void
summary_done (GObject *object, GAsyncResult *result, gpointer data)
{
  FcRecordSession *self = data; /* the task holds the owner, so the session */
  g_autoptr (GError) error = NULL;
  FcRecordingSummary *summary = fc_recorder_summarise_finish (result, &error);

  if (error != NULL)
    {
      fc_session_set_state (self, FC_RECORDER_STATE_IDLE);
      fc_session_emit_error (self, error, summary->video_path);
      return;
    }
  fc_session_set_state (self, FC_RECORDER_STATE_IDLE);
  fc_session_emit (self, FC_SESSION_END, fc_event_end_detail (summary));
}

/* The file is complete (EOS, or given up on): close it and report. */
void
fc_session_complete (FcRecordSession *self)
{
  g_autoptr (GError) error = g_steal_pointer (&self->pending_error);
  g_autofree char *path = g_strdup (self->video_path);
  FcRecordingSummary *summary;
  const char *dir;

  summary = g_new0 (FcRecordingSummary, 1);
  /* before the pipeline stops: videorate resets its counters then */
  fc_pipeline_frame_counts (self->pipeline, &summary->dropped_frames,
                            &summary->duplicated_frames);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  if (!self->start_emitted && fc_file_has_data (path))
    fc_session_emit_start (self);

  summary->video_path = g_strdup (path);
  summary->dropped_frames
      -= MIN (summary->dropped_frames, self->dropped_at_arm);
  summary->duplicated_frames
      -= MIN (summary->duplicated_frames, self->duplicated_at_arm);
  fc_session_start_thumbnail (self); /* if the window's opening was not seen */
  summary->thumbnail = g_steal_pointer (&self->thumbnail);
  summary->duration_ms
      = (gint64)((fc_record_window_get_frames (self->window) * FC_FRAME_NS
                  + GST_MSECOND / 2)
                 / GST_MSECOND);

  fc_session_drop_pipeline (self);
  if (error != NULL)
    {
      fc_recording_summary_free (summary);
      fc_session_set_state (self, FC_RECORDER_STATE_IDLE);
      fc_session_emit_error (self, error, path);
      return;
    }
  dir = fc_recorder_settings_ensure_temp_dir (self->settings, &error);
  if (dir != NULL)
    summary->thumb_path = fc_recorder_create_file (dir, ".jpg", &error);
  if (summary->thumb_path == NULL)
    {
      fc_recording_summary_free (summary);
      g_prefix_error (&error, "write failed: ");
      error->domain = FC_RECORDER_ERROR,
      error->code = FC_RECORDER_ERROR_WRITE_FAILED;
      fc_session_set_state (self, FC_RECORDER_STATE_IDLE);
      fc_session_emit_error (self, error, path);
      return;
    }
  /* The prompt timeline, as shown during this recording. */
  if (fc_prompts_get_steps (self->prompts) != NULL
      && fc_step_list_get_n_steps (fc_prompts_get_steps (self->prompts)) > 0)
    summary->subtitle_text = fc_step_list_to_webvtt (
        fc_prompts_get_steps (self->prompts), summary->duration_ms);
  /* Stays "finishing" until the summary is there. */
  fc_recorder_summarise_async (summary, self->owner, summary_done, self);
}
