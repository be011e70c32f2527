/* FcRecordWindow: the recording window (gates, rebase, exact length),
 * one object with its own lock, shared by the pipeline's streaming
 * threads and the recorder's main thread (fc-recorder-window.c). Private
 * to the library. */
#pragma once

#include "fc-recorder-private.h"

G_BEGIN_DECLS

/* One frame at the recording's 30 fps. */
#define FC_FRAME_NS (GST_SECOND / 30)

/* The moment on the wall clock and CLOCK (NULL: the wall clock). */
FcStamp fc_stamp_now (GstClock *clock);
/* µs since THEN: the lesser of the wall clock's and CLOCK's. A timeout
 * runs out when it has passed both on the host's clock and in real time:
 * under a virtual clock that stands still, or races ahead of what the
 * machine can do, a camera giving no frame is not a fault. */
gint64 fc_stamp_elapsed (GstClock *clock, FcStamp then);

typedef struct _FcRecordWindow FcRecordWindow;

FcRecordWindow *fc_record_window_new (void);
void fc_record_window_free (FcRecordWindow *window);
/* Gates PIPELINE (fc_pipeline_build()'s) and takes stamps on CLOCK. */
void fc_record_window_attach (FcRecordWindow *window, GstElement *pipeline,
                              GstClock *clock);
/* Forgets the pipeline (and whether frames and samples came). */
void fc_record_window_detach (FcRecordWindow *window);
/* Closed, unarmed, empty. */
void fc_record_window_reset (FcRecordWindow *window);
/* The subtitle track to feed from the video gate (NULL: none). */
void fc_record_window_set_subtitles (FcRecordWindow *window,
                                     FcSubtitleFeed *subs);
/* The next frame opens a window LENGTH long (at least a frame). */
void fc_record_window_arm (FcRecordWindow *window, GstClockTime length);
/* Stop asked for at running time NOW (or NONE): FALSE when the window had
 * not opened (it is disarmed); else it now ends on the first frame
 * boundary after NOW and after the sound recorded. */
gboolean fc_record_window_stop (FcRecordWindow *window, GstClockTime now);
/* Closes the window at the last frame recorded and ends the video
 * branch. */
void fc_record_window_close (FcRecordWindow *window);
/* Ends one recording branch (once): the muxer finalises the file when both
 * have ended. The sources and the preview go on. */
void fc_record_window_end_branch (FcRecordWindow *window, gboolean video);
/* The first recorded frame's running time; NONE until the window opens. */
GstClockTime fc_record_window_get_start (FcRecordWindow *window);

typedef struct
{
  gint64 silent, mute, unwritten; /* µs since a frame, a sound, a write */
  gboolean saw_video, started;
} FcWindowHealth;

void fc_record_window_get_health (FcRecordWindow *window, FcWindowHealth *out);
/* The first recorded frame (transfer full; NULL if none, or taken). */
GstSample *fc_record_window_take_first_frame (FcRecordWindow *window);
/* The number of frames recorded. */
guint64 fc_record_window_get_frames (FcRecordWindow *window);

G_END_DECLS
