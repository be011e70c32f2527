/* A recording session's bus (fc-session-bus.h): on the main context the
 * session was made in, what the pipeline posts: the streaming threads'
 * one structured message (fc-stream-message.h: flowing, the window open,
 * the file started, each branch done, the file done), end of stream,
 * errors and warnings, each turned into the session's next step. */

#include "fc-session-bus.h"

#include "fc-stream-message.h"
#include "fc-session-fault.h"
#include "fc-session-finish.h"
#include "fc-session-record.h"

#define GST_CAT_DEFAULT fc_session_debug

/* What the streaming threads report (fc-stream-message.h). */
static void
stream_event (FcRecordSession *self, FcStreamEvent event)
{
  switch (event)
    {
    case FC_STREAM_FLOWING:
      if (self->state != FC_RECORDER_STATE_PREPARING)
        break;
      self->flowing = TRUE;
      fc_session_maybe_ready (self);
      break;
    case FC_STREAM_WINDOW_OPEN:
      if (self->state == FC_RECORDER_STATE_RECORDING)
        fc_session_start_player (self);
      fc_session_start_thumbnail (self);
      break;
    case FC_STREAM_FILE_STARTED:
      if (self->state >= FC_RECORDER_STATE_RECORDING)
        fc_session_emit_start (self);
      break;
    case FC_STREAM_VIDEO_DONE:
      if (self->state != FC_RECORDER_STATE_RECORDING)
        break;
      self->finishing_at = fc_session_stamp_now (self);
      fc_session_set_state (self, FC_RECORDER_STATE_FINISHING);
      if (self->run_offline)
        fc_session_hold_source (self, TRUE, FALSE);
      break;
    case FC_STREAM_AUDIO_DONE:
      if (self->state < FC_RECORDER_STATE_RECORDING || !self->run_offline)
        break;
      /* the last buffer is in the queue (the gate ran under its stream
       * lock): end the branch now, the source is held */
      fc_session_hold_source (self, FALSE, FALSE);
      fc_record_window_end_branch (self->window, FALSE);
      break;
    case FC_STREAM_FILE_DONE:
      if (self->state >= FC_RECORDER_STATE_RECORDING)
        fc_session_complete (self);
      break;
    default:
      break;
    }
}

static gboolean
bus_cb (GstBus *bus, GstMessage *msg, gpointer data)
{
  FcRecordSession *self = data;
  FcStreamEvent event;

  switch (GST_MESSAGE_TYPE (msg))
    {
    case GST_MESSAGE_APPLICATION:
      if (fc_stream_event_parse (msg, &event))
        stream_event (self, event);
      break;
    case GST_MESSAGE_EOS:
      if (self->state >= FC_RECORDER_STATE_RECORDING)
        fc_session_complete (self);
      else
        fc_session_fail (self, FC_RECORDER_ERROR_CAMERA_LOST, NULL,
                         "camera lost: the stream ended");
      break;
    case GST_MESSAGE_ERROR:
      fc_session_handle_error (self, msg);
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

void
fc_session_watch_bus (FcRecordSession *self)
{
  g_autoptr (GstBus) bus = NULL;

  bus = gst_element_get_bus (self->pipeline);
  self->bus_source = gst_bus_create_watch (bus);
  g_source_set_callback (self->bus_source, (GSourceFunc)(void (*) (void))bus_cb,
                         self, NULL);
  g_source_attach (self->bus_source, self->context);
}
