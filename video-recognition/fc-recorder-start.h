/* What a recording pipeline waits for before it is built
 * (fc-recorder-start.c): the warm-up over and the camera chosen. Private
 * to the library. */
#pragma once

#include "fc-camera-choice.h"
#include "fc-recorder-settings.h"

G_BEGIN_DECLS

/* Chooses the camera for SETTINGS once the warm-up (fc_recorder_preload())
 * is over: the test pattern when OFFLINE, the host's element
 * (camera-source), else through CHOICE (fc_camera_choose()). The result
 * is fc_camera_choose()'s: CHOSEN with *OUT the camera, FAILED with ERROR
 * (FC_RECORDER_ERROR), or ASKING: DONE follows with DATA on CONTEXT,
 * unless CANCELLABLE is cancelled or OWNER (held weakly; a reference is
 * held while DONE runs) is gone first. */
FcCameraChoiceResult fc_recorder_start_camera (
    FcCameraChoice *choice, FcRecorderSettings *settings, gboolean offline,
    GMainContext *context, GObject *owner, GCancellable *cancellable,
    FcCameraChosen done, gpointer data, FcSource *out, GError **error);

G_END_DECLS
