/* Pipeline errors as the host's errors (fc-recorder-faults.h). */

#include "fc-recorder-faults.h"

#include <errno.h>
#include <gst/gst.h>
#include <string.h>

FcRecorderError
fc_fault_classify (FcFaultSource from, const GError *err, const char *debug,
                   gboolean preparing, const char **what)
{
  gboolean denied
      = g_error_matches (err, GST_RESOURCE_ERROR,
                         GST_RESOURCE_ERROR_NOT_AUTHORIZED)
        || (debug
            && (strstr (debug, "Permission denied")
                || strstr (debug, "Operation not permitted")));

  switch (from)
    {
    case FC_FAULT_CAMERA:
      if (denied)
        {
          *what = "camera permission refused";
          return FC_RECORDER_ERROR_CAMERA_DENIED;
        }
      if (g_error_matches (err, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_BUSY))
        {
          *what = "camera busy";
          return FC_RECORDER_ERROR_CAMERA_BUSY;
        }
      if (preparing
          && g_error_matches (err, GST_RESOURCE_ERROR,
                              GST_RESOURCE_ERROR_NOT_FOUND))
        {
          *what = "no camera";
          return FC_RECORDER_ERROR_NO_CAMERA;
        }
      if (preparing)
        {
          *what = "camera failed";
          return FC_RECORDER_ERROR_CAMERA_BUSY;
        }
      *what = "camera lost";
      return FC_RECORDER_ERROR_CAMERA_LOST;
    case FC_FAULT_MICROPHONE:
      *what = "microphone failed";
      return FC_RECORDER_ERROR_NO_MICROPHONE;
    case FC_FAULT_FILE:
    case FC_FAULT_OTHER:
    default:
      if (err->domain == GST_RESOURCE_ERROR)
        {
          *what = "write failed";
          return FC_RECORDER_ERROR_WRITE_FAILED;
        }
      *what = "recording failed";
      return FC_RECORDER_ERROR_FAILED;
    }
}

/* The file sink's messages are GStreamer's generic ones ("Could not write
 * to resource."); the system's reason ends its debug text ("Error while
 * writing to file descriptor 12: File too large"). */
static char *
write_failure (const char *path, const GError *err, const char *debug)
{
  const char *reason = NULL;

  if (g_error_matches (err, GST_RESOURCE_ERROR,
                       GST_RESOURCE_ERROR_NO_SPACE_LEFT))
    reason = g_strerror (ENOSPC);
  else if (debug != NULL && (reason = strrchr (debug, '\n')) != NULL
           && (reason = g_strrstr (reason, ": ")) != NULL)
    reason += 2;
  return g_strdup_printf ("write failed: cannot write %s: %s", path,
                          reason != NULL && *reason != '\0' ? reason
                                                            : err->message);
}

char *
fc_fault_describe (FcRecorderError code, const char *what,
                   FcFaultSource from, const GError *err, const char *debug,
                   const char *video_path)
{
  if (code == FC_RECORDER_ERROR_NO_CAMERA
      || code == FC_RECORDER_ERROR_CAMERA_DENIED
      || code == FC_RECORDER_ERROR_CAMERA_BUSY)
    return g_strdup (what);
  if (from == FC_FAULT_FILE && code == FC_RECORDER_ERROR_WRITE_FAILED)
    return write_failure (video_path, err, debug);
  return g_strdup_printf ("%s: %s", what, err->message);
}

FcFaultSource
fc_fault_source (GstObject *src, GstElement *camera, GstElement *microphone)
{
  if (camera != NULL
      && (src == GST_OBJECT (camera)
          || gst_object_has_as_ancestor (src, GST_OBJECT (camera))))
    return FC_FAULT_CAMERA;
  if (microphone != NULL && src == GST_OBJECT (microphone))
    return FC_FAULT_MICROPHONE;
  if (g_strcmp0 (GST_OBJECT_NAME (src), "fsink") == 0)
    return FC_FAULT_FILE;
  return FC_FAULT_OTHER;
}
