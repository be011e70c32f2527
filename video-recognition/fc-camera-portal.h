/* The camera portal (org.freedesktop.portal.Camera) as one asynchronous
 * call: open → a PipeWire remote's fd, or a typed error. Private to the
 * library; only built with libportal (FC_HAVE_LIBPORTAL). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The session bus and libportal's handle, kept across opens. */
typedef struct _FcCameraPortal FcCameraPortal;

FcCameraPortal *fc_camera_portal_new (void);
void fc_camera_portal_free (FcCameraPortal *portal);

/* Whether the camera setting CAMERA means the portal: "portal" (*ASKED
 * set: no falling back to other cameras), or unset/"auto" in a sandbox
 * (Flatpak, Snap). */
gboolean fc_camera_portal_wanted (const char *camera, gboolean *asked);
/* Connects to the session bus (once; blocks). FALSE with ERROR. */
gboolean fc_camera_portal_connect (FcCameraPortal *portal, GError **error);
/* Asks the portal whether there is a camera, for the user's permission,
 * then for a PipeWire remote that shows the cameras; on the
 * thread-default main context of the caller, which CALLBACK is called
 * on. fc_camera_portal_connect() must have succeeded. */
void fc_camera_portal_open_async (FcCameraPortal *portal,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
/* The remote's fd (the caller's to close), or -1 with ERROR:
 * G_IO_ERROR_NOT_FOUND (the portal has no camera), FC_RECORDER_ERROR_
 * NO_CAMERA (no portal answers), FC_RECORDER_ERROR_CAMERA_DENIED (the
 * user or the portal refused) or G_IO_ERROR_CANCELLED; the message is the
 * errMsg to give the host. */
int fc_camera_portal_open_finish (GAsyncResult *result, GError **error);
/* Lets a cancelled request's Close leave before the bus may go. */
void fc_camera_portal_flush (FcCameraPortal *portal);

G_END_DECLS
