/* The recorder's streaming-thread events as one structured bus message
 * (fc-stream-message.h). */

#include "fc-stream-message.h"

#define STRUCTURE_NAME "fc-stream-event"

G_DEFINE_ENUM_TYPE (
    FcStreamEvent, fc_stream_event,
    G_DEFINE_ENUM_VALUE (FC_STREAM_FLOWING, "flowing"),
    G_DEFINE_ENUM_VALUE (FC_STREAM_WINDOW_OPEN, "window-open"),
    G_DEFINE_ENUM_VALUE (FC_STREAM_FILE_STARTED, "file-started"),
    G_DEFINE_ENUM_VALUE (FC_STREAM_VIDEO_DONE, "video-done"),
    G_DEFINE_ENUM_VALUE (FC_STREAM_AUDIO_DONE, "audio-done"),
    G_DEFINE_ENUM_VALUE (FC_STREAM_FILE_DONE, "file-done"))

void
fc_stream_event_post (GstPad *pad, FcStreamEvent event)
{
  g_autoptr (GstObject) parent = gst_pad_get_parent (pad);

  if (parent == NULL)
    return;
  gst_element_post_message (
      GST_ELEMENT (parent),
      gst_message_new_application (
          parent, gst_structure_new (STRUCTURE_NAME, "event",
                                     FC_TYPE_STREAM_EVENT, event, NULL)));
}

gboolean
fc_stream_event_parse (GstMessage *msg, FcStreamEvent *event)
{
  const GstStructure *s;
  int value;

  if (GST_MESSAGE_TYPE (msg) != GST_MESSAGE_APPLICATION
      || (s = gst_message_get_structure (msg)) == NULL
      || !gst_structure_has_name (s, STRUCTURE_NAME)
      || !gst_structure_get_enum (s, "event", FC_TYPE_STREAM_EVENT, &value))
    return FALSE;
  *event = (FcStreamEvent) value;
  return TRUE;
}

GstMessage *
fc_stream_wait_file_done (GstBus *bus, gint64 timeout_us)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;
  FcStreamEvent event;
  gint64 left;

  while ((left = deadline - g_get_monotonic_time ()) > 0)
    {
      GstMessage *msg = gst_bus_timed_pop_filtered (
          bus, left * GST_USECOND,
          GST_MESSAGE_APPLICATION | GST_MESSAGE_ERROR | GST_MESSAGE_EOS);

      if (msg == NULL)
        break;
      if (GST_MESSAGE_TYPE (msg) != GST_MESSAGE_APPLICATION
          || (fc_stream_event_parse (msg, &event)
              && event == FC_STREAM_FILE_DONE))
        return msg;
      gst_message_unref (msg);
    }
  return NULL;
}
