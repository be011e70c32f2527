/* The camera through the camera portal, one step after another: its
 * IsCameraPresent property, AccessCamera (the user's permission; libportal
 * does the Request and its Response), then OpenPipeWireRemote, a PipeWire
 * connection that shows the cameras. The property and the remote are
 * asked for here, asynchronously: libportal's calls for them block the
 * host's main loop and turn a failure into a g_warning, where the host
 * needs an errMsg saying why.
 *
 * Cancelled (a recorder closed while the user makes up their mind),
 * libportal closes the request (the dialog goes away). */

#include "fc-camera-portal.h"

#include "fc-recorder.h"
#include "fc-debug-private.h"

#include <gio/gunixfdlist.h>
#include <gst/gst.h>
#include <libportal/portal.h>
#include <unistd.h>

GST_DEBUG_CATEGORY_STATIC (fc_camera_portal_debug);
#define GST_CAT_DEFAULT fc_camera_portal_debug

/* The category, made on the first call into this file. */
static void
debug_init (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_camera_portal_debug, "fc-camera-portal", "the camera portal");
}

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_CAMERA "org.freedesktop.portal.Camera"

struct _FcCameraPortal
{
  GDBusConnection *bus;
  XdpPortal *portal;
};

FcCameraPortal *
fc_camera_portal_new (void)
{
  debug_init ();
  return g_new0 (FcCameraPortal, 1);
}

void
fc_camera_portal_free (FcCameraPortal *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->portal);
  g_clear_object (&self->bus);
  g_free (self);
}

gboolean
fc_camera_portal_wanted (const char *camera, gboolean *asked)
{
  *asked = g_strcmp0 (camera, "portal") == 0;
  return *asked
         || ((camera == NULL || *camera == '\0'
              || g_strcmp0 (camera, "auto") == 0)
             && xdp_portal_running_under_sandbox ());
}

gboolean
fc_camera_portal_connect (FcCameraPortal *self, GError **error)
{
  if (self->bus == NULL)
    self->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  return self->bus != NULL;
}

void
fc_camera_portal_flush (FcCameraPortal *self)
{
  if (self->bus != NULL)
    g_dbus_connection_flush_sync (self->bus, NULL, NULL);
}

/* Cancelled: the owner of the portal may be gone; nothing more is done. */
static gboolean
return_if_cancelled (GTask *task)
{
  if (!g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return FALSE;
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           "cancelled");
  return TRUE;
}

static void
remote_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) task = data;
  g_autoptr (GUnixFDList) fds = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = g_dbus_connection_call_with_unix_fd_list_finish (
      G_DBUS_CONNECTION (source), &fds, result, &error);
  gint32 handle = -1;
  int fd = -1;

  if (reply != NULL)
    {
      g_variant_get (reply, "(h)", &handle);
      if (fds != NULL)
        fd = g_unix_fd_list_get (fds, handle, &error); /* a dup: ours */
      else
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             "the reply carries no file descriptor");
    }
  if (fd >= 0 && g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    close (fd);
  if (return_if_cancelled (task))
    return;
  if (fd >= 0)
    {
      g_task_return_int (task, fd);
      return;
    }
  g_dbus_error_strip_remote_error (error);
  g_task_return_new_error (
      task, FC_RECORDER_ERROR, FC_RECORDER_ERROR_CAMERA_DENIED,
      "camera permission refused: no PipeWire remote for the camera: %s",
      error->message);
}

static void
access_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) task = data;
  g_autoptr (GError) error = NULL;
  FcCameraPortal *self = g_task_get_task_data (task);
  gboolean allowed
      = xdp_portal_access_camera_finish (XDP_PORTAL (source), result, &error);

  /* libportal gives the user's "no" (response 1) as G_IO_ERROR_CANCELLED,
   * as it does our own cancellation */
  if (return_if_cancelled (task))
    return;
  if (!allowed)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_new_error (task, FC_RECORDER_ERROR,
                                 FC_RECORDER_ERROR_CAMERA_DENIED,
                                 "camera permission refused");
      else
        {
          g_dbus_error_strip_remote_error (error);
          g_task_return_new_error (task, FC_RECORDER_ERROR,
                                   FC_RECORDER_ERROR_CAMERA_DENIED,
                                   "camera permission refused: %s",
                                   error->message);
        }
      return;
    }
  g_main_context_push_thread_default (g_task_get_context (task));
  g_dbus_connection_call_with_unix_fd_list (
      self->bus, PORTAL_BUS_NAME, PORTAL_PATH, PORTAL_CAMERA,
      "OpenPipeWireRemote",
      g_variant_new ("(@a{sv})",
                     g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
      G_VARIANT_TYPE ("(h)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
      g_task_get_cancellable (task), remote_cb, g_object_ref (task));
  g_main_context_pop_thread_default (g_task_get_context (task));
}

static void
present_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) task = data;
  g_autoptr (GError) error = NULL;
  FcCameraPortal *self = g_task_get_task_data (task);
  g_autoptr (GVariant) reply = g_dbus_connection_call_finish (
      G_DBUS_CONNECTION (source), result, &error);
  g_autoptr (GVariant) present = NULL;

  if (reply != NULL)
    {
      g_variant_get (reply, "(v)", &present);
      if (!g_variant_is_of_type (present, G_VARIANT_TYPE_BOOLEAN))
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             "IsCameraPresent is not a boolean");
    }
  if (return_if_cancelled (task))
    return;
  if (error != NULL)
    {
      g_dbus_error_strip_remote_error (error);
      GST_INFO ("no camera portal: %s", error->message);
      g_task_return_new_error (task, FC_RECORDER_ERROR,
                               FC_RECORDER_ERROR_NO_CAMERA,
                               "no camera: no camera portal: %s",
                               error->message);
      return;
    }
  if (!g_variant_get_boolean (present))
    {
      GST_INFO ("the camera portal has no camera");
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "no camera");
      return;
    }
  if (self->portal == NULL)
    self->portal = xdp_portal_new ();
  g_main_context_push_thread_default (g_task_get_context (task));
  xdp_portal_access_camera (self->portal, NULL, XDP_CAMERA_FLAG_NONE,
                            g_task_get_cancellable (task), access_cb,
                            g_object_ref (task));
  g_main_context_pop_thread_default (g_task_get_context (task));
}

void
fc_camera_portal_open_async (FcCameraPortal *self, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (self->bus != NULL);
  g_task_set_source_tag (task, fc_camera_portal_open_async);
  /* an fd returned is the caller's even if it has cancelled since */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, self, NULL);
  g_dbus_connection_call (
      self->bus, PORTAL_BUS_NAME, PORTAL_PATH,
      "org.freedesktop.DBus.Properties", "Get",
      g_variant_new ("(ss)", PORTAL_CAMERA, "IsCameraPresent"),
      G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1, cancellable,
      present_cb, task);
}

int
fc_camera_portal_open_finish (GAsyncResult *result, GError **error)
{
  GError *local = NULL;
  gssize fd;

  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);
  fd = g_task_propagate_int (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return -1;
    }
  return (int) fd;
}
