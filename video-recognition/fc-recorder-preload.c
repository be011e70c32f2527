/* fc_recorder_preload(): the warm-up of a fresh process.
 *
 * The first pipeline a process builds loads each of its elements' plugins
 * (dlopen of x264, libav, ...) and initialises their classes; that is most
 * of the first attach's time. Here the same happens ahead, in a worker
 * thread: gst_plugin_feature_load() loads a factory's plugin, and taking
 * a reference on the element class runs its class initialisation (classes
 * of GStreamer's element types stay once made). The registry's and
 * GType's own locks make it safe next to a pipeline being built. */

#include "fc-recorder-private.h"

#include <gio/gio.h>

GST_DEBUG_CATEGORY_EXTERN (fc_recorder_debug);
#define GST_CAT_DEFAULT fc_recorder_debug

/* Every element the recorder's pipelines are made of (fc-recorder.c, the
 * prompt audio, the subtitle track, the view's sink), and what decodebin
 * and typefinding use for prompt audio (MP3, AAC, WAV, Ogg). */
static const char *const elements[] = {
  /* camera and microphone */
  "pipewiresrc", "v4l2src", "videotestsrc", "imagefreeze", "audiotestsrc",
  "jpegdec",
  /* picture and sound */
  "capsfilter", "videorate", "videoconvert", "aspectratiocrop", "videoscale",
  "tee", "queue", "fakesink", "audioconvert", "audioresample", "audiorate",
  /* the file */
  "x264enc", "h264parse", "avenc_aac", "aacparse", "mp4mux", "filesink",
  "appsrc",
  /* prompt audio: decoding, playing; the view's sink */
  "appsink", "decodebin", "typefind", "mpegaudioparse", "mpg123audiodec",
  "avdec_aac", "wavparse", "oggdemux", "vorbisdec", "autoaudiosink",
  "pulsesink",
};

static int loaded = -1; /* factories loaded, once done */
static int started; /* a warm-up has been asked for */

static gpointer
preload (gpointer data)
{
  GError **error = data;
  GList *finders;
  int n = 0;

  if (!gst_init_check (NULL, NULL, error))
    return GINT_TO_POINTER (-1);
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      g_autoptr (GstElementFactory) factory
          = gst_element_factory_find (elements[i]);
      g_autoptr (GstPluginFeature) feature = NULL;
      gpointer klass;

      if (factory == NULL)
        continue;
      feature = gst_plugin_feature_load (GST_PLUGIN_FEATURE (factory));
      if (feature == NULL)
        continue;
      klass = g_type_class_ref (
          gst_element_factory_get_element_type (GST_ELEMENT_FACTORY (feature)));
      g_type_class_unref (klass);
      n++;
    }
  /* typefinding of downloads (fc-resource-loader.c) runs every finder */
  finders = gst_type_find_factory_get_list ();
  for (GList *l = finders; l != NULL; l = l->next)
    {
      GstPluginFeature *feature = gst_plugin_feature_load (l->data);

      if (feature != NULL)
        gst_object_unref (feature);
    }
  gst_plugin_feature_list_free (finders);
  /* downloads (libsoup): GIO's proxy resolver (which loads GIO's
   * modules), made on the first connection otherwise */
  g_proxy_resolver_get_default ();
  return GINT_TO_POINTER (n);
}

static void
preload_thread (GTask *task, gpointer source, gpointer data,
                GCancellable *cancellable)
{
  static GOnce once = G_ONCE_INIT;
  static GError *once_error;
  int n = GPOINTER_TO_INT (g_once (&once, preload, &once_error));

  if (n < 0)
    g_task_return_error (task, g_error_copy (once_error));
  else
    {
      if (g_atomic_int_get (&loaded) < 0)
        {
          GST_INFO ("preloaded %d element factories", n);
          g_atomic_int_set (&loaded, n);
        }
      g_task_return_int (task, n);
    }
}

/**
 * fc_recorder_preload_async:
 * @cancellable: (nullable): does not stop the loading under way, only the
 *   report
 * @callback: (nullable): called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Starts the warm-up (see fc_recorder_preload()) and reports when it is
 * done.
 */
void
fc_recorder_preload_async (GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_atomic_int_set (&started, 1);
  g_task_set_source_tag (task, fc_recorder_preload_async);
  g_task_set_name (task, "fc-recorder-preload");
  g_task_run_in_thread (task, preload_thread);
}

/**
 * fc_recorder_preload_finish:
 * @result: the result given to the callback
 * @error: (nullable): where to put an error
 *
 * Returns: the number of element factories loaded, or -1 with @error set.
 */
int
fc_recorder_preload_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);

  return (int) g_task_propagate_int (G_TASK (result), error);
}

gboolean
fc_recorder_preload_running (void)
{
  /* a second task waits in g_once() for the first to finish */
  return g_atomic_int_get (&started) && g_atomic_int_get (&loaded) < 0;
}

/**
 * fc_recorder_preload:
 *
 * Loads the recorder's GStreamer plugins in a worker thread and returns at
 * once; nothing is reported. Idempotent.
 */
void
fc_recorder_preload (void)
{
  if (g_atomic_int_get (&loaded) >= 0)
    return;
  fc_recorder_preload_async (NULL, NULL, NULL);
}
