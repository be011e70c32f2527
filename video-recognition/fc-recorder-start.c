/* What a recording pipeline waits for before it is built: the warm-up
 * over, then the camera chosen (fc-recorder-start.h).
 *
 * The warm-up (fc_recorder_preload(), which the plugin starts when it is
 * loaded) holds GStreamer's plugin-loading lock while it loads each
 * plugin: looking for devices or building now would wait for that lock on
 * the caller's thread, the host's main loop stalled behind it (seconds
 * under valgrind). So the warm-up is awaited without blocking, and only
 * then is the camera chosen. */

#include "fc-recorder-start.h"
#include "fc-debug-private.h"

GST_DEBUG_CATEGORY_STATIC (fc_start_debug);
#define GST_CAT_DEFAULT fc_start_debug

static void
init_debug (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_start_debug, "fc-recorder-start", "the warm-up awaited, the camera chosen");
}

/* A start under way: waiting for the warm-up, or for the portal. Shared
 * by the warm-up's callback and the choice (each holds a reference). */
typedef struct
{
  FcCameraChoice *choice;
  FcRecorderSettings *settings;
  gboolean offline;
  GMainContext *context;
  GWeakRef owner;
  GCancellable *cancel;
  FcCameraChosen done;
  gpointer data;
} Waiting;

static void
waiting_clear (gpointer data)
{
  Waiting *waiting = data;

  g_main_context_unref (waiting->context);
  g_weak_ref_clear (&waiting->owner);
  g_object_unref (waiting->cancel);
}

static void
waiting_release (gpointer waiting)
{
  g_rc_box_release_full (waiting, waiting_clear);
}

typedef Waiting WaitingRef;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaitingRef, waiting_release)

/* The answer, passed on while the owner is there and wants it (holding
 * the owner meanwhile). */
static void
relay (FcSource *camera, const GError *error, gpointer data)
{
  Waiting *waiting = data;
  g_autoptr (GObject) owner = NULL;

  if (g_cancellable_is_cancelled (waiting->cancel)
      || (owner = g_weak_ref_get (&waiting->owner)) == NULL)
    return;
  waiting->done (camera, error, waiting->data);
}

/* The camera, now that nothing holds the plugin-loading lock. */
static FcCameraChoiceResult
choose (Waiting *waiting, FcSource *out, GError **error)
{
  FcRecorderSettings *settings = waiting->settings;
  FcCameraChoiceResult chosen;

  fc_source_clear (out);
  if (waiting->offline)
    return FC_CAMERA_CHOSEN; /* the test pattern and tone, no devices */
  if (settings->camera_source != NULL)
    {
      /* the host's own element: no portal, no devices */
      out->kind = FC_SOURCE_ELEMENT;
      out->element = gst_object_ref (settings->camera_source);
      out->target = g_strdup (GST_OBJECT_NAME (out->element));
      return FC_CAMERA_CHOSEN;
    }
  g_main_context_push_thread_default (waiting->context);
  chosen = fc_camera_choose (waiting->choice, settings->camera,
                             settings->allow_test_source, waiting->cancel,
                             relay, g_rc_box_acquire (waiting),
                             waiting_release, out, error);
  g_main_context_pop_thread_default (waiting->context);
  return chosen;
}

static void
preload_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (WaitingRef) waiting = data;
  g_autoptr (GError) error = NULL;
  FcSource camera = FC_SOURCE_INIT;

  /* a failed warm-up only loses time: the pipeline loads what it needs */
  if (fc_recorder_preload_finish (result, &error) < 0
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    GST_INFO ("warm-up: %s", error->message);
  g_clear_error (&error);
  if (g_cancellable_is_cancelled (waiting->cancel))
    return;
  switch (choose (waiting, &camera, &error))
    {
    case FC_CAMERA_FAILED:
      relay (NULL, error, waiting);
      break;
    case FC_CAMERA_CHOSEN:
      relay (&camera, NULL, waiting);
      break;
    case FC_CAMERA_ASKING:
    default:
      break;
    }
  fc_source_clear (&camera);
}

FcCameraChoiceResult
fc_recorder_start_camera (FcCameraChoice *choice,
                          FcRecorderSettings *settings, gboolean offline,
                          GMainContext *context, GObject *owner,
                          GCancellable *cancellable, FcCameraChosen done,
                          gpointer data, FcSource *out, GError **error)
{
  g_autoptr (WaitingRef) waiting = g_rc_box_new0 (Waiting);

  init_debug ();
  waiting->choice = choice;
  waiting->settings = settings;
  waiting->offline = offline;
  waiting->context = g_main_context_ref (context);
  g_weak_ref_init (&waiting->owner, owner);
  waiting->cancel = g_object_ref (cancellable);
  waiting->done = done;
  waiting->data = data;
  if (!fc_recorder_preload_running ())
    return choose (waiting, out, error);
  g_main_context_push_thread_default (context);
  fc_recorder_preload_async (cancellable, preload_done,
                             g_rc_box_acquire (waiting));
  g_main_context_pop_thread_default (context);
  return FC_CAMERA_ASKING;
}
