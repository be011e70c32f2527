/* The one message the recorder's streaming threads post to its main
 * thread: a GST_MESSAGE_APPLICATION whose structure "fc-stream-event"
 * carries an FcStreamEvent in its "event" field. Private to the library. */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

typedef enum
{
  FC_STREAM_FLOWING,      /* frames and samples have both come */
  FC_STREAM_WINDOW_OPEN,  /* the first recorded frame is in */
  FC_STREAM_FILE_STARTED, /* the first fragment has reached the file */
  FC_STREAM_VIDEO_DONE,   /* the video branch has reached the window's end */
  FC_STREAM_AUDIO_DONE,   /* so has the audio branch */
  FC_STREAM_FILE_DONE,    /* the muxer has sent everything: file complete */
} FcStreamEvent;

#define FC_TYPE_STREAM_EVENT (fc_stream_event_get_type ())
GType fc_stream_event_get_type (void);

/* Posts EVENT on the bus of the element owning PAD (nothing when the pad
 * has no parent). */
void fc_stream_event_post (GstPad *pad, FcStreamEvent event);
/* Whether MSG is one of these; *EVENT is then set. */
gboolean fc_stream_event_parse (GstMessage *msg, FcStreamEvent *event);
/* Waits up to TIMEOUT_US on BUS (not watched meanwhile) for the file to be
 * complete: FC_STREAM_FILE_DONE, end of stream or an error, the message
 * returned (NULL when none came in time). */
GstMessage *fc_stream_wait_file_done (GstBus *bus, gint64 timeout_us);

G_END_DECLS
