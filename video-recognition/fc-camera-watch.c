/* Watching a camera's device for its removal (fc-camera-watch.h).
 *
 * The device providers the recorder found the camera through are never
 * stopped (fc-recorder-devices.c); when the device goes, its provider
 * emits GstDevice::removed on it from the provider's own thread (PipeWire's
 * loop for a node that disappears). The handler only raises a flag the
 * watchdog reads on its next tick. The flag lives in an atomic box shared
 * with the signal handler's closure, so that a removal being told while
 * the watch is freed touches nothing freed. */

#include "fc-camera-watch.h"
#include "fc-debug-private.h"

GST_DEBUG_CATEGORY_STATIC (fc_camera_watch_debug);
#define GST_CAT_DEFAULT fc_camera_watch_debug

static void
init_debug (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_camera_watch_debug, "fc-camera-watch", "a recording's camera device going away");
}

struct _FcCameraWatch
{
  GstDevice *device;
  gulong removed_id;
  gint *gone; /* an atomic box: ours and the handler's */
};

static void
device_removed (GstDevice *device, gpointer data)
{
  gint *gone = data;

  GST_INFO_OBJECT (device, "the camera's device has been removed");
  g_atomic_int_set (gone, 1);
}

static void
release_flag (gpointer data, GClosure *closure)
{
  (void) closure;
  g_atomic_rc_box_release (data);
}

FcCameraWatch *
fc_camera_watch_new (const FcSource *camera)
{
  GstDevice *device;
  FcCameraWatch *watch;

  init_debug ();
  device = fc_source_get_device (camera, TRUE);
  if (device == NULL)
    {
      GST_INFO ("camera %s:%s: no device to watch; only silence tells its loss",
                fc_source_kind_name (camera->kind),
                camera->target ? camera->target : "");
      return NULL;
    }
  watch = g_new0 (FcCameraWatch, 1);
  watch->device = device;
  watch->gone = g_atomic_rc_box_new0 (gint);
  watch->removed_id = g_signal_connect_data (
      device, "removed", G_CALLBACK (device_removed),
      g_atomic_rc_box_acquire (watch->gone), release_flag, 0);
  GST_INFO_OBJECT (device, "watching camera %s for its removal",
                   camera->target);
  return watch;
}

gboolean
fc_camera_watch_is_gone (FcCameraWatch *watch)
{
  return watch != NULL && g_atomic_int_get (watch->gone) != 0;
}

void
fc_camera_watch_free (FcCameraWatch *watch)
{
  if (watch == NULL)
    return;
  g_signal_handler_disconnect (watch->device, watch->removed_id);
  gst_object_unref (watch->device);
  g_atomic_rc_box_release (watch->gone);
  g_free (watch);
}
