/* fc_recorder_preload(): the warm-up of a fresh process.
 *
 * The first pipeline a process builds loads each of its elements' plugins
 * (dlopen of x264, libav, ...) and initialises their classes; that is most
 * of the first attach's time. Here the same happens ahead, in a thread of
 * its own: gst_plugin_feature_load() loads a factory's plugin, and taking
 * a reference on the element class runs its class initialisation (classes
 * of GStreamer's element types stay once made). The registry's and
 * GType's own locks make it safe next to a pipeline being built.
 *
 * The thread never outlives the process's teardown: a process that exits
 * while it is inside dlopen() races glibc's _dl_fini(), which marks each
 * library's constructors as not run while it calls the destructors; a
 * library dlopen() then brings in runs them again (GObject's: "cannot
 * register existing fundamental type 'gchar'", SIGABRT after a case's
 * output), and what the thread had open leaks. So the thread checks a
 * stop flag between two loads, and fc_recorder_preload_stop() sets the
 * flag and joins it: an atexit() handler, registered when the thread
 * starts (after glibc's own, so it runs before _dl_fini()), calls it, and
 * a host may call it sooner. */

#include "fc-recorder-private.h"
#include "fc-debug-private.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <unistd.h>

GST_DEBUG_CATEGORY_STATIC (fc_preload_debug);
#define GST_CAT_DEFAULT fc_preload_debug

static void
init_debug (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_preload_debug, "fc-recorder-preload", "the warm-up");
}

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

/* The warm-up's state, under lock; the thread is started once a process. */
static GMutex lock;
static GThread *thread;    /* until joined */
static gboolean started;   /* fc_recorder_preload_async() ran once */
static gboolean finished;  /* the thread has reported */
static int loaded = -1;    /* factories loaded, once finished */
static GError *init_error; /* GStreamer could not be initialised */
static GList *waiters;     /* of GTask: reported when the thread finishes */
static int stopping; /* atomic: stop at the next load */

static gboolean
stop_asked (void)
{
  return g_atomic_int_get (&stopping) != 0;
}

/* Loads element NAME's plugin and initialises its class: 1, or 0 when
 * it is missing (the pipeline reports that). */
static int
load_element (const char *name)
{
  g_autoptr (GstElementFactory) factory = gst_element_factory_find (name);
  g_autoptr (GstPluginFeature) feature = NULL;
  gpointer klass;

  if (factory == NULL)
    return 0;
  feature = gst_plugin_feature_load (GST_PLUGIN_FEATURE (factory));
  if (feature == NULL)
    return 0;
  klass = g_type_class_ref (
      gst_element_factory_get_element_type (GST_ELEMENT_FACTORY (feature)));
  g_type_class_unref (klass);
  return 1;
}

/* Loads what the recorder uses; returns the number of element factories
 * loaded, or -1 with ERROR set. Returns early once stopping. */
static int
load_all (GError **error)
{
  GList *finders;
  int n = 0;

  if (!gst_init_check (NULL, NULL, error))
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (elements) && !stop_asked (); i++)
    n += load_element (elements[i]);
  /* typefinding of downloads (fc-resource-loader.c): base's finders,
   * which know the prompts' and masks' formats with certainty (MP3, WAV,
   * Ogg, PNG, JPEG, SVG); not every plugin's (a finder loads its plugin:
   * the warm-up would load plugins that the recorder never uses) */
  finders = gst_type_find_factory_get_list ();
  for (GList *l = finders; l != NULL && !stop_asked (); l = l->next)
    {
      GstPluginFeature *feature;

      if (g_strcmp0 (gst_plugin_feature_get_plugin_name (l->data),
                     "typefindfunctions")
          != 0)
        continue;
      feature = gst_plugin_feature_load (l->data);
      if (feature != NULL)
        gst_object_unref (feature);
    }
  gst_plugin_feature_list_free (finders);
  /* downloads (libsoup): GIO's proxy resolver (which loads GIO's
   * modules), made on the first connection otherwise */
  if (!stop_asked ())
    g_proxy_resolver_get_default ();
  return n;
}

static void
report (GTask *task)
{
  if (loaded < 0)
    g_task_return_error (task, g_error_copy (init_error));
  else
    g_task_return_int (task, loaded);
  g_object_unref (task);
}

static gpointer
preload_main (gpointer data)
{
  g_autoptr (GError) error = NULL;
  int n = load_all (&error);
  GList *tasks;

  if (stop_asked ())
    GST_INFO ("warm-up stopped after %d element factories", MAX (n, 0));
  else if (n >= 0)
    GST_INFO ("preloaded %d element factories", n);
  g_mutex_lock (&lock);
  loaded = n;
  init_error = g_steal_pointer (&error);
  finished = TRUE;
  tasks = g_steal_pointer (&waiters);
  g_mutex_unlock (&lock);
  /* each task's callback runs on its own thread-default main context */
  g_list_free_full (tasks, (GDestroyNotify) report);
  return NULL;
}

static pid_t owner; /* the process that started the thread */

static void
stop_at_exit (void)
{
  /* a child forked since has the handler but not the thread */
  if (getpid () == owner)
    fc_recorder_preload_stop ();
}

/**
 * fc_recorder_preload_async:
 * @cancellable: (nullable): does not stop the loading under way, only the
 *   report
 * @callback: (nullable): called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Starts the warm-up (see fc_recorder_preload()) unless it has started
 * already, and reports when it is done.
 */
void
fc_recorder_preload_async (GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  gboolean now;

  init_debug ();
  g_task_set_source_tag (task, fc_recorder_preload_async);
  g_task_set_name (task, "fc-recorder-preload");
  g_mutex_lock (&lock);
  if (!started)
    {
      started = TRUE;
      if (stop_asked ())
        finished = TRUE; /* stopped before it began: nothing loaded */
      else
        {
          /* registered after libc's own teardown, so it runs first */
          owner = getpid ();
          atexit (stop_at_exit);
          thread = g_thread_new ("fc-recorder-preload", preload_main, NULL);
        }
      if (finished)
        loaded = 0;
    }
  now = finished;
  if (!now)
    waiters = g_list_append (waiters, task);
  g_mutex_unlock (&lock);
  if (now)
    report (task);
}

/**
 * fc_recorder_preload_finish:
 * @result: the result given to the callback
 * @error: (nullable): where to put an error
 *
 * Finishes fc_recorder_preload_async(): how the warm-up of the recorder's
 * GStreamer plugins went.
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
  gboolean running;

  g_mutex_lock (&lock);
  running = started && !finished;
  g_mutex_unlock (&lock);
  return running;
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
  gboolean done;

  init_debug ();
  g_mutex_lock (&lock);
  done = started;
  g_mutex_unlock (&lock);
  if (!done)
    fc_recorder_preload_async (NULL, NULL, NULL);
}

/**
 * fc_recorder_preload_stop:
 *
 * Stops the warm-up at its next plugin (one load under way finishes) and
 * waits for its thread to end; a warm-up asked for afterwards loads
 * nothing. Waiting fc_recorder_preload_async() callers get the count
 * loaded so far. A process calls it at exit by itself (an atexit()
 * handler): a host calls it sooner when it tears down GStreamer or the
 * libraries the plugins use first. Idempotent; not from the warm-up's own
 * thread.
 */
void
fc_recorder_preload_stop (void)
{
  GThread *t;

  g_atomic_int_set (&stopping, 1);
  g_mutex_lock (&lock);
  t = thread;
  if (t != g_thread_self ())
    thread = NULL;
  g_mutex_unlock (&lock);
  g_return_if_fail (t == NULL || t != g_thread_self ());
  if (t != NULL)
    g_thread_join (t);
}
