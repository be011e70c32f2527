/* A recording session's faults (fc-session-fault.h). Where a pipeline
 * error comes from and what it means to the host are
 * fc-recorder-faults.c's; here the session acts on them. */

#include "fc-session-fault.h"

#include "fc-recorder-faults.h"

#define GST_CAT_DEFAULT fc_session_debug

/* Tears everything down and emits "error". */
void
fc_session_fail (FcRecordSession *self, FcRecorderError code, const char *path,
                 const char *format, ...)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *keep = g_strdup (path);
  va_list args;

  va_start (args, format);
  error = g_error_new_valist (FC_RECORDER_ERROR, code, format, args);
  va_end (args);
  GST_WARNING ("recorder error: %s", error->message);
  fc_session_dump_graph (self, "error");
  fc_session_teardown (self);
  fc_session_emit_error (self, error, keep);
}

void
fc_session_handle_error (FcRecordSession *self, GstMessage *msg)
{
  g_autoptr (GError) err = NULL;
  g_autofree char *debug = NULL;
  GstObject *src = GST_MESSAGE_SRC (msg);
  FcFaultSource from = fc_fault_source (src, self->vsrc, self->asrc);
  gboolean from_camera = from == FC_FAULT_CAMERA;
  gboolean from_mic = from == FC_FAULT_MICROPHONE;
  gboolean recorded;
  FcRecorderError code;
  const char *what;

  gst_message_parse_error (msg, &err, &debug);
  GST_WARNING ("error from %s: %s (%s)", GST_OBJECT_NAME (src), err->message,
               debug ? debug : "");
  if (self->pending_error != NULL)
    return; /* already finishing because of an earlier one */

  code = fc_fault_classify (from, err, debug,
                            self->state == FC_RECORDER_STATE_PREPARING, &what);
  recorded
      = GST_CLOCK_TIME_IS_VALID (fc_record_window_get_start (self->window));

  if ((from_camera || from_mic) && recorded
      && self->state >= FC_RECORDER_STATE_RECORDING)
    {
      /* The file itself is fine: finish it, then report. */
      fc_session_dump_graph (self, "error");
      self->pending_error
          = g_error_new (FC_RECORDER_ERROR, code, "%s: %s", what, err->message);
      if (from_mic)
        fc_record_window_end_branch (self->window, FALSE);
      fc_session_finish_now (self);
      return;
    }
  {
    g_autofree char *path = recorded ? g_strdup (self->video_path) : NULL;
    g_autofree char *text
        = fc_fault_describe (code, what, from, err, debug, self->video_path);

    fc_session_fail (self, code, path, "%s", text);
  }
}
