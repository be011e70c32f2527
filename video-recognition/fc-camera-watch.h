/* Watching the device a recording reads for its removal
 * (fc-camera-watch.c): a camera that is unplugged, or a PipeWire node
 * that goes away, is told by its device provider, at once; only a camera
 * whose removal nobody announces is left to the watchdog's silence rule.
 * Private to the library. */
#pragma once

#include "fc-recorder-private.h"

G_BEGIN_DECLS

typedef struct _FcCameraWatch FcCameraWatch;

/* Starts watching the device CAMERA was found as. Returns NULL when its
 * removal cannot be seen (a test source, the host's element, the camera
 * portal's own PipeWire remote, a device not enumerated). */
FcCameraWatch *fc_camera_watch_new (const FcSource *camera);

/* Whether the device has been removed since fc_camera_watch_new(); any
 * thread. FALSE for a NULL watch. */
gboolean fc_camera_watch_is_gone (FcCameraWatch *watch);

void fc_camera_watch_free (FcCameraWatch *watch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcCameraWatch, fc_camera_watch_free)

G_END_DECLS
