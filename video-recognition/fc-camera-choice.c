/* Which camera a recording uses (fc-camera-choice.h).
 *
 * "portal", or sandboxed (Flatpak, Snap) with the camera unset or "auto":
 * the camera portal first (fc-camera-portal.c). Auto, a portal that is
 * missing or has no camera leaves the choice to device discovery; asked
 * for, a missing portal is "no camera", and a portal without a camera is
 * "no camera" unless the test pattern is allowed. */

#include "fc-camera-choice.h"

#ifdef FC_HAVE_LIBPORTAL
#include "fc-camera-portal.h"
#include "fc-debug-private.h"
#include <unistd.h>
#endif

GST_DEBUG_CATEGORY_STATIC (fc_camera_choice_debug);
#define GST_CAT_DEFAULT fc_camera_choice_debug

/* The category, made on the first call into this file. */
static void
debug_init (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_camera_choice_debug, "fc-camera-choice", "which camera a recording uses");
}

struct _FcCameraChoice
{
#ifdef FC_HAVE_LIBPORTAL
  FcCameraPortal *portal;
#endif
  int unused;
};

FcCameraChoice *
fc_camera_choice_new (void)
{
  FcCameraChoice *self = g_new0 (FcCameraChoice, 1);

  debug_init ();
#ifdef FC_HAVE_LIBPORTAL
  self->portal = fc_camera_portal_new ();
#endif
  return self;
}

void
fc_camera_choice_free (FcCameraChoice *self)
{
  if (self == NULL)
    return;
#ifdef FC_HAVE_LIBPORTAL
  fc_camera_portal_free (self->portal);
#endif
  g_free (self);
}

void
fc_camera_choice_flush (FcCameraChoice *self)
{
#ifdef FC_HAVE_LIBPORTAL
  fc_camera_portal_flush (self->portal);
#endif
}

/* The camera found for SETTING (FOUND), or the test pattern when allowed. */
static gboolean
settle (gboolean found, gboolean allow_test, FcSource *out, GError **error)
{
  if (found)
    return TRUE;
  fc_source_clear (out);
  if (!allow_test)
    {
      g_set_error_literal (error, FC_RECORDER_ERROR,
                           FC_RECORDER_ERROR_NO_CAMERA, "no camera");
      return FALSE;
    }
  out->kind = FC_SOURCE_TEST;
  return TRUE;
}

#ifdef FC_HAVE_LIBPORTAL
typedef struct
{
  char *setting;
  gboolean asked, allow_test;
  GCancellable *cancel;
  FcCameraChosen done;
  gpointer data;
  GDestroyNotify destroy;
} Asking;

static void
asking_free (Asking *asking)
{
  g_free (asking->setting);
  g_clear_object (&asking->cancel);
  if (asking->destroy != NULL)
    asking->destroy (asking->data);
  g_free (asking);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Asking, asking_free)

/* The camera portal's answer. */
static void
portal_opened (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (Asking) asking = data;
  g_autoptr (GError) error = NULL;
  int fd = fc_camera_portal_open_finish (result, &error);
  FcSource camera = FC_SOURCE_INIT;

  if (g_cancellable_is_cancelled (asking->cancel))
    {
      if (fd >= 0)
        close (fd);
      return;
    }
  if (fd >= 0)
    {
      camera.kind = FC_SOURCE_PIPEWIRE;
      camera.fd = fd;
      /* No target: real portals name no node, and on their remote the
       * session manager links the stream to the user's default camera. */
    }
  /* no camera there: asked for, that is "no camera"; else the devices
   * may have one */
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      settle (!asking->asked && fc_source_find (asking->setting, TRUE, &camera),
              asking->allow_test, &camera, &error);
    }
  /* no portal: unless asked for, the devices may have a camera */
  else if (g_error_matches (error, FC_RECORDER_ERROR,
                            FC_RECORDER_ERROR_NO_CAMERA)
           && !asking->asked)
    {
      g_clear_error (&error);
      settle (fc_source_find (asking->setting, TRUE, &camera),
              asking->allow_test, &camera, &error);
    }
  else if (error->domain != FC_RECORDER_ERROR)
    {
      error->domain = FC_RECORDER_ERROR;
      error->code = FC_RECORDER_ERROR_FAILED;
    }
  asking->done (error ? NULL : &camera, error, asking->data);
  fc_source_clear (&camera);
}
#endif

FcCameraChoiceResult
fc_camera_choose (FcCameraChoice *self, const char *setting,
                  gboolean allow_test, GCancellable *cancellable,
                  FcCameraChosen done, gpointer data, GDestroyNotify destroy,
                  FcSource *out, GError **error)
{
#ifdef FC_HAVE_LIBPORTAL
  g_autoptr (GError) local = NULL;
  gboolean asked;

  if (fc_camera_portal_wanted (setting, &asked))
    {
      if (fc_camera_portal_connect (self->portal, &local))
        {
          Asking *asking = g_new0 (Asking, 1);

          asking->setting = g_strdup (setting);
          asking->asked = asked;
          asking->allow_test = allow_test;
          asking->cancel = g_object_ref (cancellable);
          asking->done = done;
          asking->data = data;
          asking->destroy = destroy;
          fc_camera_portal_open_async (self->portal, cancellable,
                                       portal_opened, asking);
          return FC_CAMERA_ASKING;
        }
      GST_INFO ("no camera portal: %s", local->message);
      if (asked)
        {
          g_set_error (error, FC_RECORDER_ERROR, FC_RECORDER_ERROR_NO_CAMERA,
                       "no camera: no camera portal: %s", local->message);
          goto failed;
        }
    }
#else
  if (g_strcmp0 (setting, "portal") == 0)
    {
      g_set_error_literal (error, FC_RECORDER_ERROR,
                           FC_RECORDER_ERROR_NOT_SUPPORTED,
                           "camera \"portal\": built without libportal");
      goto failed;
    }
#endif
  if (settle (fc_source_find (setting, TRUE, out), allow_test, out, error))
    {
      if (destroy != NULL)
        destroy (data);
      return FC_CAMERA_CHOSEN;
    }
failed:
  if (destroy != NULL)
    destroy (data);
  return FC_CAMERA_FAILED;
}
