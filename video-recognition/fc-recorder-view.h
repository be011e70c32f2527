/* FcRecorderView: the GTK 4 view of an FcRecorder.
 *
 * Camera preview (frames from an appsink the view hands the recorder as
 * its preview sink, shown as GdkTextures: GTK 4.8 has no GStreamer sink),
 * the mask at 100% x 100%, the active step's prompt text, the round record
 * button placed by buttonStyle (showing the remaining seconds while
 * recording) and a recording indicator. Clicking the button records.
 *
 * Library fc-video-recognition-gtk; the core needs no display. */
#pragma once

#include <gtk/gtk.h>

#include "fc-recorder.h"

G_BEGIN_DECLS

#ifndef FC_RECORDER_VIEW_EXPORT
#ifdef FC_RECORDER_VIEW_COMPILATION
#define FC_RECORDER_VIEW_EXPORT __attribute__ ((visibility ("default"))) extern
#else
#define FC_RECORDER_VIEW_EXPORT extern
#endif
#endif

/**
 * FcRecorderView:
 *
 * The GTK 4 view of an #FcRecorder: the camera preview, the mask, the
 * prompts of the current step and the record button (sized by the
 * `buttonStyle` attribute).
 */
#define FC_TYPE_RECORDER_VIEW (fc_recorder_view_get_type ())
FC_RECORDER_VIEW_EXPORT
G_DECLARE_FINAL_TYPE (FcRecorderView, fc_recorder_view, FC, RECORDER_VIEW,
                      GtkWidget)

/* Sets itself as RECORDER's preview sink, before or after it is prepared
 * (a running pipeline takes the view's sink in without starting again). */
FC_RECORDER_VIEW_EXPORT GtkWidget *fc_recorder_view_new (FcRecorder *recorder);
FC_RECORDER_VIEW_EXPORT FcRecorder *
fc_recorder_view_get_recorder (FcRecorderView *self);
/* Frames shown so far (tests). */
FC_RECORDER_VIEW_EXPORT guint64
fc_recorder_view_get_n_frames (FcRecorderView *self);

G_END_DECLS
