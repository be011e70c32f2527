/* FcRecorder: the object, its state and its events.
 *
 * One pipeline runs from fc_recorder_prepare() on, built by
 * fc-recorder-pipeline.c (the camera to a tee, the preview, fcburnin and
 * the encoder to mp4mux; the microphone through fcpromptmix to the same
 * muxer; the prompt timeline as a subtitle track, fc-recorder-subtitles.c).
 * The recording window (fc-recorder-window.c) gates both branches: a
 * recording is armed, the first frame opens it, and it is cut at exactly
 * record-time of running time; then mp4mux finalises the file.
 *
 * Offline (the offline property), the test sources are not live and the
 * pipeline has no clock: everything runs as fast as it can, on the
 * buffers' timestamps. The sources are held (blocking pad probes) while
 * nothing is being recorded, so they do not spin for the gates to drop.
 *
 * Streaming threads never touch the object: they share the window (its own
 * lock) and post one structured message (fc-stream-message.h) that the bus
 * watch (on the main context the recorder was made in) turns into signals.
 * The camera portal (fc-camera-portal.c), the watchdog's verdicts
 * (fc-recorder-watchdog.c) and the preview hot-swap (fc-recorder-preview.c)
 * are parts of their own; the part-2 values are the prompt set's
 * (fc-prompts.c). */

#include "fc-recorder-private.h"

#include "fc-burn-in.h"
#include "fc-camera-choice.h"
#include "fc-recorder-elements.h"
#include "fc-recorder-events.h"
#include "fc-recorder-faults.h"
#include "fc-recorder-pipeline.h"
#include "fc-recorder-settings.h"
#include "fc-recorder-watchdog.h"
#include "fc-recorder-window.h"
#include "fc-stream-message.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/audio/audio.h>
#include <gst/video/video.h>
#include <string.h>


GST_DEBUG_CATEGORY (fc_recorder_debug);
#define GST_CAT_DEFAULT fc_recorder_debug

struct _FcRecorder
{
  GObject parent_instance;

  /* properties: the part-1 values (and the part-2 ones in prompts) */
  FcRecorderSettings settings;
  GstElement *preview_sink;

  FcRecorderState state;
  GMainContext *context;
  FcPrompts *prompts; /* stepList, resources: part 2 */
  gboolean flowing;   /* frames and samples flow; ready once prompts are in */
  GCancellable *starting; /* a start step under way (the warm-up awaited,
                             a camera portal request), cancelled by close */
  FcCameraChoice *choice; /* keeps the camera portal's connection */

  GstElement *pipeline, *vsrc, *asrc;
  GstClock *time_clock;  /* the host's clock, or the system clock */
  GstPad *vgate, *agate; /* sink pads of the recording branches' queues */
  GSource *bus_source, *watchdog;
  FcSource cam, mic;
  int width, height;
  char *video_path;
  gboolean pending_record, start_emitted, nudged;
  FcStamp prepare_at, finishing_at;
  gint64 record_us;
  guint64 dropped_at_arm, duplicated_at_arm; /* videorate's counters */
  GError *pending_error; /* reported once the partial file is finalised */
  gboolean run_offline; /* this pipeline's mode (offline when it started) */
  gulong vhold, ahold;  /* offline: the sources' blocking probes */

  /* The recording window, shared with the streaming threads. */
  FcRecordWindow *window;
  FcPromptPlayer *player; /* prompt audio to the speaker, while recording */
};

enum
{
  PROP_0,
  /* the part-1 values' (fc-recorder-settings.c) from 1 on, then: */
  PROP_PREVIEW_SINK = 1 + FC_RECORDER_SETTINGS_N_PROPS,
  PROP_STATE,
  N_PROPS
  /* then the part-2 properties of fc-prompts.c */
};

enum
{
  SIGNAL_READY,
  SIGNAL_START,
  SIGNAL_END,
  SIGNAL_ERROR,
  SIGNAL_WARNING,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

/* clang-format off: the domain's name is its text */
G_DEFINE_QUARK (fc-recorder-error, fc_recorder_error)
/* clang-format on */

G_DEFINE_ENUM_TYPE (
    FcRecorderError, fc_recorder_error,
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_NO_CAMERA, "no-camera"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_CAMERA_BUSY, "camera-busy"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_CAMERA_DENIED, "camera-denied"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_CAMERA_LOST, "camera-lost"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_NO_MICROPHONE, "no-microphone"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_WRITE_FAILED, "write-failed"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_FAILED, "failed"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_INVALID_STEPS, "invalid-steps"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_RESOURCE, "resource"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_ERROR_NOT_SUPPORTED, "not-supported"))

G_DEFINE_ENUM_TYPE (
    FcRecorderState, fc_recorder_state,
    G_DEFINE_ENUM_VALUE (FC_RECORDER_STATE_IDLE, "idle"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_STATE_PREPARING, "preparing"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_STATE_READY, "ready"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_STATE_RECORDING, "recording"),
    G_DEFINE_ENUM_VALUE (FC_RECORDER_STATE_FINISHING, "finishing"))

G_DEFINE_FINAL_TYPE (FcRecorder, fc_recorder, G_TYPE_OBJECT)

/* ---- events ---------------------------------------------------------- */

/* Emits SIGNAL with DETAIL (floating or not; consumed). */
static void
emit (FcRecorder *self, guint signal, GVariant *detail)
{
  g_variant_ref_sink (detail);
  g_object_ref (self);
  g_signal_emit (self, signals[signal], 0, detail);
  g_object_unref (self);
  g_variant_unref (detail);
}

void
fc_recorder_emit_warning (FcRecorder *self, const char *message)
{
  GST_INFO_OBJECT (self->pipeline, "warning: %s", message);
  emit (self, SIGNAL_WARNING, fc_event_warning_detail (message));
}

/* PATH, when given and holding something, is the partial recording. */
static void
emit_error (FcRecorder *self, const GError *error, const char *path)
{
  emit (self, SIGNAL_ERROR, fc_event_error_detail (error, path));
}

FcPrompts *
fc_recorder_get_prompts (FcRecorder *self)
{
  return self->prompts;
}

FcRecorderSettings *
fc_recorder_get_settings (FcRecorder *self)
{
  return &self->settings;
}

static void
set_state (FcRecorder *self, FcRecorderState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STATE]);
}

/* A timeout runs out when it has passed both on the host's clock and in
 * real time: under a virtual clock that stands still, or races ahead of
 * what the machine can do, a camera giving no frame is not a fault. */
static FcStamp
stamp_now (FcRecorder *self)
{
  return fc_stamp_now (self->time_clock);
}

static gint64
elapsed_us (FcRecorder *self, FcStamp then)
{
  return fc_stamp_elapsed (self->time_clock, then);
}

/* ---- pipeline -------------------------------------------------------- */

static gboolean bus_cb (GstBus *bus, GstMessage *msg, gpointer data);
static gboolean watchdog_cb (gpointer data);

/* Drops the pipeline. A file that never received anything is removed.
 * The state is left to the caller. */
static void
drop_pipeline (FcRecorder *self)
{
  if (self->starting != NULL)
    {
      g_cancellable_cancel (self->starting);
      g_clear_object (&self->starting);
      /* libportal closes a pending request (the dialog goes away); that
       * Close must leave before the session bus may go with us */
      fc_camera_choice_flush (self->choice);
    }
  if (self->watchdog != NULL)
    {
      g_source_destroy (self->watchdog);
      g_clear_pointer (&self->watchdog, g_source_unref);
    }
  if (self->bus_source != NULL)
    {
      g_source_destroy (self->bus_source);
      g_clear_pointer (&self->bus_source, g_source_unref);
    }
  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      if (self->preview_sink != NULL
          && GST_OBJECT_PARENT (self->preview_sink)
                 == GST_OBJECT (self->pipeline))
        gst_bin_remove (GST_BIN (self->pipeline), self->preview_sink);
      /* the host's camera element goes back to the host */
      if (self->cam.element != NULL
          && GST_OBJECT_PARENT (self->cam.element)
                 == GST_OBJECT (self->pipeline))
        gst_bin_remove (GST_BIN (self->pipeline), self->cam.element);
    }
  g_clear_object (&self->vsrc);
  g_clear_object (&self->asrc);
  g_clear_object (&self->time_clock);
  fc_record_window_detach (self->window);
  g_clear_object (&self->pipeline);
  self->vhold = self->ahold = 0;
  fc_source_clear (&self->cam);
  fc_source_clear (&self->mic);
  if (self->video_path != NULL && !fc_file_has_data (self->video_path))
    g_unlink (self->video_path);
  g_clear_pointer (&self->video_path, g_free);
  g_clear_error (&self->pending_error);
  fc_prompts_stop (self->prompts);
  g_clear_pointer (&self->player, fc_prompt_player_free);
  self->flowing = FALSE;
  self->pending_record = self->start_emitted = self->nudged = FALSE;
}

static void
teardown (FcRecorder *self)
{
  drop_pipeline (self);
  set_state (self, FC_RECORDER_STATE_IDLE);
}

/* With GST_DEBUG_DUMP_DOT_DIR set, the recording pipeline's graph as
 * TIMESTAMP-fc-recorder-WHEN.dot there (ready, record, error). */
static void
dump_graph (FcRecorder *self, const char *when)
{
  g_autofree char *name = NULL;

  if (self->pipeline == NULL)
    return;
  name = g_strdup_printf ("fc-recorder-%s", when);
  GST_DEBUG_BIN_TO_DOT_FILE_WITH_TS (GST_BIN (self->pipeline),
                                     GST_DEBUG_GRAPH_SHOW_ALL, name);
}

static void fail (FcRecorder *self, FcRecorderError code, const char *path,
                  const char *format, ...) G_GNUC_PRINTF (4, 5);

/* Tears everything down and emits "error". */
static void
fail (FcRecorder *self, FcRecorderError code, const char *path,
      const char *format, ...)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *keep = g_strdup (path);
  va_list args;

  va_start (args, format);
  error = g_error_new_valist (FC_RECORDER_ERROR, code, format, args);
  va_end (args);
  GST_WARNING ("recorder error: %s", error->message);
  dump_graph (self, "error");
  teardown (self);
  emit_error (self, error, keep);
}

static void
hold_source (FcRecorder *self, gboolean video, gboolean let_one)
{
  fc_pipeline_hold (self->pipeline, video, let_one,
                    video ? &self->vhold : &self->ahold);
}

static void
release_source (FcRecorder *self, gboolean video)
{
  fc_pipeline_release (self->pipeline, video,
                       video ? &self->vhold : &self->ahold);
}

/* Finds the microphone, builds the pipeline around the camera chosen and
 * starts it. FALSE when an error has been emitted. */
static gboolean
build_pipeline (FcRecorder *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GstBus) bus = NULL;
  const char *dir;

  if (self->run_offline)
    self->mic.kind = FC_SOURCE_TEST;
  else if (!fc_source_find (self->settings.microphone, FALSE, &self->mic))
    {
      if (!self->settings.allow_test_source)
        {
          fail (self, FC_RECORDER_ERROR_NO_MICROPHONE, NULL, "no microphone");
          return FALSE;
        }
      self->mic.kind = FC_SOURCE_TEST;
    }
  GST_INFO ("camera %s:%s, microphone %s:%s",
            fc_source_kind_name (self->cam.kind),
            self->cam.target ? self->cam.target : "",
            fc_source_kind_name (self->mic.kind),
            self->mic.target ? self->mic.target : "");

  dir = fc_recorder_settings_ensure_temp_dir (&self->settings, &error);
  if (dir != NULL)
    self->video_path = fc_recorder_create_file (dir, ".mp4", &error);
  if (self->video_path == NULL)
    {
      fail (self, FC_RECORDER_ERROR_WRITE_FAILED, NULL, "write failed: %s",
            error->message);
      return FALSE;
    }

  {
    FcPipelineSpec spec = { &self->cam, &self->mic, self->width, self->height,
                            self->run_offline, self->video_path,
                            self->preview_sink, self->settings.clock };

    self->pipeline = fc_pipeline_build (&spec, &error);
  }
  if (self->pipeline == NULL)
    {
      fail (self, error->domain == FC_RECORDER_ERROR
                      ? (FcRecorderError)error->code
                      : FC_RECORDER_ERROR_FAILED,
            NULL, "%s", error->message);
      return FALSE;
    }
  self->vsrc = self->cam.kind == FC_SOURCE_ELEMENT
                   ? gst_object_ref (self->cam.element)
                   : gst_bin_get_by_name (GST_BIN (self->pipeline), "vsrc");
  self->asrc = gst_bin_get_by_name (GST_BIN (self->pipeline), "asrc");
  self->time_clock
      = self->settings.clock ? gst_object_ref (self->settings.clock) : gst_system_clock_obtain ();

  fc_record_window_attach (self->window, self->pipeline, self->time_clock);
  if (self->run_offline)
    {
      hold_source (self, TRUE, TRUE);
      hold_source (self, FALSE, TRUE);
    }

  bus = gst_element_get_bus (self->pipeline);
  self->bus_source = gst_bus_create_watch (bus);
  g_source_set_callback (self->bus_source, (GSourceFunc)(void (*) (void))bus_cb,
                         self, NULL);
  g_source_attach (self->bus_source, self->context);
  self->watchdog = g_timeout_source_new (FC_WATCHDOG_MS);
  g_source_set_callback (self->watchdog, watchdog_cb, self, NULL);
  g_source_attach (self->watchdog, self->context);

  fc_record_window_reset (self->window);
  self->prepare_at = stamp_now (self);
  set_state (self, FC_RECORDER_STATE_PREPARING);
  /* A refusal to start is also posted as an error on the bus, where it is
   * classified with the element that raised it. */
  gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
  return TRUE;
}

/* One asynchronous step of starting (waiting for the warm-up, a camera
 * portal call): it holds the recorder weakly and the cancellable
 * drop_pipeline() cancels (self->starting), so a recorder closed or
 * destroyed meanwhile is never touched. */
typedef struct
{
  GWeakRef self;
  GCancellable *cancel;
  gboolean asked; /* camera "portal": no falling back to other cameras */
} StartStep;

static StartStep *
start_step_new (FcRecorder *self, gboolean asked)
{
  StartStep *step = g_new0 (StartStep, 1);

  g_weak_ref_init (&step->self, self);
  step->cancel = g_cancellable_new ();
  step->asked = asked;
  g_set_object (&self->starting, step->cancel);
  return step;
}

static void
start_step_free (StartStep *step)
{
  g_weak_ref_clear (&step->self);
  g_object_unref (step->cancel);
  g_free (step);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StartStep, start_step_free)

/* The recorder, or NULL when it no longer wants what the step gives. */
static FcRecorder *
start_step_get_self (StartStep *step)
{
  if (g_cancellable_is_cancelled (step->cancel))
    return NULL;
  return g_weak_ref_get (&step->self);
}

/* The step is over: what follows may tear down without cancelling. */
static void
start_step_done (FcRecorder *self)
{
  g_clear_object (&self->starting);
}

/* The camera chosen after asking the portal (fc-camera-choice.c). */
static void
camera_chosen (FcSource *camera, const GError *error, gpointer data)
{
  g_autoptr (FcRecorder) self = start_step_get_self (data);

  if (self == NULL)
    return;
  start_step_done (self);
  if (camera == NULL)
    {
      fail (self, (FcRecorderError)error->code, NULL, "%s", error->message);
      return;
    }
  fc_source_clear (&self->cam);
  self->cam = *camera;
  *camera = (FcSource)FC_SOURCE_INIT;
  build_pipeline (self); /* "ready" or "error" follows */
}

/* Offline recording is for the test sources only: a device gives frames
 * in real time. FALSE when an error has been emitted. */
static gboolean
offline_sources_ok (FcRecorder *self)
{
  g_autoptr (GError) error = NULL;

  if (fc_recorder_settings_check_offline (&self->settings, &error))
    return TRUE;
  GST_WARNING ("%s", error->message);
  emit_error (self, error, NULL);
  return FALSE;
}

/* Starts what prepare() promises: "ready" or "error" follows. FALSE when
 * an error has been emitted already. */
static void prompts_done (const GError *error, gpointer data);

static gboolean start_sources (FcRecorder *self);

static void
preload_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (StartStep) step = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (FcRecorder) self = NULL;

  /* a failed warm-up only loses time: the pipeline loads what it needs */
  if (fc_recorder_preload_finish (result, &error) < 0
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    GST_INFO ("warm-up: %s", error->message);
  if ((self = start_step_get_self (step)) == NULL)
    return;
  start_step_done (self);
  start_sources (self);
}

static gboolean
start_pipeline (FcRecorder *self)
{
  g_autoptr (GError) steps_error = NULL;
  gboolean steps_ok;

  self->run_offline = self->settings.offline;
  if (self->run_offline && !offline_sources_ok (self))
    return FALSE;
  /* the stepList first: a bad one starts nothing; its resources load
   * while the camera starts */
  g_main_context_push_thread_default (self->context);
  steps_ok = fc_prompts_start (self->prompts, prompts_done, self,
                               &steps_error);
  g_main_context_pop_thread_default (self->context);
  if (!steps_ok)
    {
      g_autoptr (GError) error
          = g_error_new_literal (FC_RECORDER_ERROR,
                                 FC_RECORDER_ERROR_INVALID_STEPS,
                                 steps_error->message);

      emit_error (self, error, NULL);
      return FALSE;
    }
  if (self->settings.resolution != NULL && g_strcmp0 (self->settings.resolution, "low") != 0
      && g_strcmp0 (self->settings.resolution, "medium") != 0
      && g_strcmp0 (self->settings.resolution, "high") != 0)
    {
      g_autofree char *msg = g_strdup_printf (
          "unknown resolution \"%s\"; using \"medium\"", self->settings.resolution);
      fc_recorder_emit_warning (self, msg);
    }
  fc_recorder_settings_size (&self->settings, &self->width, &self->height);

  /* The warm-up (fc_recorder_preload(), which the plugin starts when it is
   * loaded) holds GStreamer's plugin-loading lock while it loads each
   * plugin: looking for devices or building now would wait for that lock
   * on this thread, the host's main loop stalled behind it (seconds under
   * valgrind). Wait for the warm-up without blocking; the prompts'
   * resources load meanwhile. */
  if (fc_recorder_preload_running ())
    {
      StartStep *step = start_step_new (self, FALSE);

      g_main_context_push_thread_default (self->context);
      fc_recorder_preload_async (step->cancel, preload_done, step);
      g_main_context_pop_thread_default (self->context);
      self->prepare_at = stamp_now (self);
      set_state (self, FC_RECORDER_STATE_PREPARING);
      return TRUE;
    }
  return start_sources (self);
}

/* The camera and the microphone, then the pipeline: "ready" or "error"
 * follows; FALSE when an error has been emitted. */
static gboolean
start_sources (FcRecorder *self)
{
  if (self->run_offline)
    {
      /* the test pattern and tone, without looking for devices */
      fc_source_clear (&self->cam);
      return build_pipeline (self);
    }
  if (self->settings.camera_source != NULL)
    {
      /* the host's own element: no portal, no devices */
      fc_source_clear (&self->cam);
      self->cam.kind = FC_SOURCE_ELEMENT;
      self->cam.element = gst_object_ref (self->settings.camera_source);
      self->cam.target = g_strdup (GST_OBJECT_NAME (self->cam.element));
      return build_pipeline (self);
    }
  {
    g_autoptr (GError) error = NULL;
    StartStep *step = start_step_new (self, FALSE);

    fc_source_clear (&self->cam);
    g_main_context_push_thread_default (self->context);
    switch (fc_camera_choose (self->choice, self->settings.camera,
                              self->settings.allow_test_source, step->cancel,
                              camera_chosen, step,
                              (GDestroyNotify)start_step_free, &self->cam,
                              &error))
      {
      case FC_CAMERA_ASKING:
        g_main_context_pop_thread_default (self->context);
        self->prepare_at = stamp_now (self);
        set_state (self, FC_RECORDER_STATE_PREPARING);
        return TRUE;
      case FC_CAMERA_FAILED:
        g_main_context_pop_thread_default (self->context);
        start_step_done (self);
        fail (self, (FcRecorderError)error->code, NULL, "%s", error->message);
        return FALSE;
      case FC_CAMERA_CHOSEN:
      default:
        g_main_context_pop_thread_default (self->context);
        start_step_done (self);
        return build_pipeline (self);
      }
  }
}

static gboolean
arm (FcRecorder *self)
{
  g_autoptr (FcBurnIn) burn = NULL;
  g_autoptr (FcPromptMix) mix = NULL;
  FcSubtitleFeed *subs;

  /* The file is made at prepare and the sink holds it open: removed since
   * (a host or a cleaner emptying the temporary directory), the recording
   * would go to a file nobody can open, lost when it ends. */
  if (self->video_path != NULL
      && !g_file_test (self->video_path, G_FILE_TEST_EXISTS))
    {
      fail (self, FC_RECORDER_ERROR_WRITE_FAILED, NULL,
            "write failed: %s was removed before recording",
            self->video_path);
      return FALSE;
    }

  if (fc_prompts_get_burn_in (self->prompts))
    {
      g_autoptr (GError) error = NULL;

      burn = fc_prompts_make_pictures (self->prompts, self->width,
                                       self->height, &error);
      if (burn == NULL)
        {
          fail (self, FC_RECORDER_ERROR_RESOURCE, NULL,
                "cannot decode mask \"%s\": %s",
                fc_prompts_get_mask_src (self->prompts),
                error->message);
          return FALSE;
        }
    }
  mix = fc_prompts_make_clips (self->prompts);
  /* the speaker gets ready while the first frame is awaited */
  g_clear_pointer (&self->player, fc_prompt_player_free);
  if (mix != NULL && !self->run_offline)
    self->player = fc_prompts_make_player (self->prompts);
  /* The muxer has had no buffer yet (the gates drop them all): a subtitle
   * pad can still be added. Without it, the WebVTT beside the file still
   * holds the timeline. */
  subs = fc_subtitle_feed_new (
      fc_prompts_get_steps (self->prompts),
      MAX ((GstClockTime)self->settings.record_time * GST_MSECOND, FC_FRAME_NS));
  if (subs != NULL)
    {
      g_autoptr (GstElement) mux
          = gst_bin_get_by_name (GST_BIN (self->pipeline), "mux");
      g_autoptr (GError) error = NULL;

      if (!fc_subtitle_feed_attach (subs, self->pipeline, mux, &error))
        {
          GST_WARNING ("no subtitle track: %s", error->message);
          g_clear_pointer (&subs, fc_subtitle_feed_unref);
        }
    }
  {
    g_autoptr (GstElement) burn_in
        = gst_bin_get_by_name (GST_BIN (self->pipeline), "burn");
    g_autoptr (GstElement) pmix
        = gst_bin_get_by_name (GST_BIN (self->pipeline), "pmix");

    g_object_set (burn_in, "pictures", burn, NULL);
    g_object_set (pmix, "clips", mix, NULL);
  }
  fc_record_window_set_subtitles (self->window, subs);
  g_clear_pointer (&subs, fc_subtitle_feed_unref);
  fc_record_window_reset (self->window);
  fc_pipeline_frame_counts (self->pipeline, &self->dropped_at_arm,
                            &self->duplicated_at_arm);
  fc_record_window_arm (self->window,
                        (GstClockTime)self->settings.record_time * GST_MSECOND);
  self->start_emitted = self->nudged = FALSE;
  self->record_us = g_get_monotonic_time ();
  set_state (self, FC_RECORDER_STATE_RECORDING);
  dump_graph (self, "record");
  release_source (self, TRUE);
  release_source (self, FALSE);
  return TRUE;
}

/* Closes the window at the last frame recorded and lets the file finish. */
static void
finish_now (FcRecorder *self)
{
  fc_record_window_close (self->window);
  self->finishing_at = stamp_now (self);
  set_state (self, FC_RECORDER_STATE_FINISHING);
}

static void
emit_start (FcRecorder *self)
{
  if (self->start_emitted)
    return;
  self->start_emitted = TRUE;
  GST_INFO ("recording started %.1f ms after record",
            (g_get_monotonic_time () - self->record_us) / 1000.0);
  emit (self, SIGNAL_START,
        fc_event_start_detail (self->video_path, &self->cam));
}

static void
emit_ready (FcRecorder *self)
{
  emit (self, SIGNAL_READY,
        fc_event_ready_detail (&self->cam, &self->mic, self->width,
                               self->height));
}

static void
summary_thread (GTask *task, gpointer source, gpointer data,
                GCancellable *cancellable)
{
  FcRecordingSummary *summary = data;
  GError *error = NULL;

  if (fc_recorder_summarise (summary, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
summary_done (GObject *object, GAsyncResult *result, gpointer data)
{
  FcRecorder *self = FC_RECORDER (object);
  FcRecordingSummary *summary = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_state (self, FC_RECORDER_STATE_IDLE);
      emit_error (self, error, summary->video_path);
      return;
    }
  set_state (self, FC_RECORDER_STATE_IDLE);
  emit (self, SIGNAL_END, fc_event_end_detail (summary));
}

/* The file is complete (EOS, or given up on): close it and report. */
static void
complete (FcRecorder *self)
{
  g_autoptr (GError) error = g_steal_pointer (&self->pending_error);
  g_autofree char *path = g_strdup (self->video_path);
  g_autoptr (GTask) task = NULL;
  FcRecordingSummary *summary;
  const char *dir;

  summary = g_new0 (FcRecordingSummary, 1);
  /* before the pipeline stops: videorate resets its counters then */
  fc_pipeline_frame_counts (self->pipeline, &summary->dropped_frames,
                    &summary->duplicated_frames);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  if (!self->start_emitted && fc_file_has_data (path))
    emit_start (self);

  summary->video_path = g_strdup (path);
  summary->dropped_frames
      -= MIN (summary->dropped_frames, self->dropped_at_arm);
  summary->duplicated_frames
      -= MIN (summary->duplicated_frames, self->duplicated_at_arm);
  {
    guint64 frames;

    summary->first_frame
        = fc_record_window_take_first_frame (self->window, &frames);
    summary->duration_ms
        = (gint64)((frames * FC_FRAME_NS + GST_MSECOND / 2) / GST_MSECOND);
  }

  drop_pipeline (self);
  if (error != NULL)
    {
      fc_recording_summary_free (summary);
      set_state (self, FC_RECORDER_STATE_IDLE);
      emit_error (self, error, path);
      return;
    }
  dir = fc_recorder_settings_ensure_temp_dir (&self->settings, &error);
  if (dir != NULL)
    summary->thumb_path = fc_recorder_create_file (dir, ".jpg", &error);
  if (summary->thumb_path == NULL)
    {
      fc_recording_summary_free (summary);
      g_prefix_error (&error, "write failed: ");
      error->domain = FC_RECORDER_ERROR,
      error->code = FC_RECORDER_ERROR_WRITE_FAILED;
      set_state (self, FC_RECORDER_STATE_IDLE);
      emit_error (self, error, path);
      return;
    }
  /* The prompt timeline, as shown during this recording. */
  if (fc_prompts_get_steps (self->prompts) != NULL
      && fc_step_list_get_n_steps (fc_prompts_get_steps (self->prompts)) > 0)
    summary->subtitle_text = fc_step_list_to_webvtt (
        fc_prompts_get_steps (self->prompts), summary->duration_ms);
  /* Stays "finishing" until the summary is there. */
  task = g_task_new (self, NULL, summary_done, NULL);
  g_task_set_task_data (task, summary,
                        (GDestroyNotify)fc_recording_summary_free);
  g_task_run_in_thread (task, summary_thread);
}

static void
handle_error (FcRecorder *self, GstMessage *msg)
{
  g_autoptr (GError) err = NULL;
  g_autofree char *debug = NULL;
  GstObject *src = GST_MESSAGE_SRC (msg);
  gboolean from_camera
      = self->vsrc
        && (src == GST_OBJECT (self->vsrc)
            || gst_object_has_as_ancestor (src, GST_OBJECT (self->vsrc)));
  gboolean from_mic = self->asrc && src == GST_OBJECT (self->asrc);
  FcFaultSource from = from_camera ? FC_FAULT_CAMERA
                       : from_mic  ? FC_FAULT_MICROPHONE
                       : g_strcmp0 (GST_OBJECT_NAME (src), "fsink") == 0
                           ? FC_FAULT_FILE
                           : FC_FAULT_OTHER;
  gboolean recorded;
  FcRecorderError code;
  const char *what;

  gst_message_parse_error (msg, &err, &debug);
  GST_WARNING ("error from %s: %s (%s)", GST_OBJECT_NAME (src), err->message,
               debug ? debug : "");
  if (self->pending_error != NULL)
    return; /* already finishing because of an earlier one */

  code = fc_fault_classify (from, err, debug,
                            self->state == FC_RECORDER_STATE_PREPARING, &what);
  recorded = GST_CLOCK_TIME_IS_VALID (fc_record_window_get_start (self->window));

  if ((from_camera || from_mic) && recorded
      && self->state >= FC_RECORDER_STATE_RECORDING)
    {
      /* The file itself is fine: finish it, then report. */
      dump_graph (self, "error");
      self->pending_error
          = g_error_new (FC_RECORDER_ERROR, code, "%s: %s", what, err->message);
      if (from_mic)
        fc_record_window_end_branch (self->window, FALSE);
      finish_now (self);
      return;
    }
  {
    g_autofree char *path = recorded ? g_strdup (self->video_path) : NULL;
    g_autofree char *text = fc_fault_describe (code, what, from, err, debug,
                                               self->video_path);

    fail (self, code, path, "%s", text);
  }
}

/* The first frame is in: the prompts' timeline starts at its capture,
 * which the player and FcRecorder:start-time take on the monotonic clock
 * (the player's own pipeline may outlive this one and its clock). */
static void
start_player (FcRecorder *self)
{
  GstClockTime start;
  gint64 origin;
  g_autoptr (GstClock) clock = gst_pipeline_get_clock (
      GST_PIPELINE (self->pipeline));

  start = fc_record_window_get_start (self->window);
  /* offline, nobody listens in real time: the prompts are in the file */
  if (self->run_offline || clock == NULL || !GST_CLOCK_TIME_IS_VALID (start))
    return;
  origin = g_get_monotonic_time ()
           - GST_CLOCK_DIFF (gst_element_get_base_time (self->pipeline) + start,
                             gst_clock_get_time (clock))
                 / 1000;
  fc_prompts_set_start_time (self->prompts, origin);
  fc_prompt_player_start (self->player, origin);
}

/* Ready when frames and samples flow and the prompts' resources are in. */
static void
maybe_ready (FcRecorder *self)
{
  if (self->state != FC_RECORDER_STATE_PREPARING || !self->flowing
      || !fc_prompts_is_loaded (self->prompts))
    return;
  GST_INFO ("ready %.1f ms after prepare",
            (g_get_monotonic_time () - self->prepare_at.wall) / 1000.0);
  set_state (self, FC_RECORDER_STATE_READY);
  g_object_ref (self);
  dump_graph (self, "ready");
  emit_ready (self);
  if (self->state == FC_RECORDER_STATE_READY && self->pending_record)
    {
      self->pending_record = FALSE;
      arm (self);
    }
  g_object_unref (self);
}

static void
prompts_done (const GError *error, gpointer data)
{
  FcRecorder *self = data;

  if (error)
    fail (self, FC_RECORDER_ERROR_RESOURCE, NULL, "%s", error->message);
  else
    maybe_ready (self);
}

/* What the streaming threads report (fc-stream-message.h). */
static void
stream_event (FcRecorder *self, FcStreamEvent event)
{
  switch (event)
    {
    case FC_STREAM_FLOWING:
      if (self->state != FC_RECORDER_STATE_PREPARING)
        break;
      self->flowing = TRUE;
      maybe_ready (self);
      break;
    case FC_STREAM_WINDOW_OPEN:
      if (self->state == FC_RECORDER_STATE_RECORDING)
        start_player (self);
      break;
    case FC_STREAM_FILE_STARTED:
      if (self->state >= FC_RECORDER_STATE_RECORDING)
        emit_start (self);
      break;
    case FC_STREAM_VIDEO_DONE:
      if (self->state != FC_RECORDER_STATE_RECORDING)
        break;
      self->finishing_at = stamp_now (self);
      set_state (self, FC_RECORDER_STATE_FINISHING);
      if (self->run_offline)
        hold_source (self, TRUE, FALSE);
      break;
    case FC_STREAM_AUDIO_DONE:
      if (self->state < FC_RECORDER_STATE_RECORDING || !self->run_offline)
        break;
      /* the last buffer is in the queue (the gate ran under its stream
       * lock): end the branch now, the source is held */
      hold_source (self, FALSE, FALSE);
      fc_record_window_end_branch (self->window, FALSE);
      break;
    case FC_STREAM_FILE_DONE:
      if (self->state >= FC_RECORDER_STATE_RECORDING)
        complete (self);
      break;
    default:
      break;
    }
}

static gboolean
bus_cb (GstBus *bus, GstMessage *msg, gpointer data)
{
  FcRecorder *self = data;
  FcStreamEvent event;

  switch (GST_MESSAGE_TYPE (msg))
    {
    case GST_MESSAGE_APPLICATION:
      if (fc_stream_event_parse (msg, &event))
        stream_event (self, event);
      break;
    case GST_MESSAGE_EOS:
      if (self->state >= FC_RECORDER_STATE_RECORDING)
        complete (self);
      else
        fail (self, FC_RECORDER_ERROR_CAMERA_LOST, NULL,
              "camera lost: the stream ended");
      break;
    case GST_MESSAGE_ERROR:
      handle_error (self, msg);
      break;
    case GST_MESSAGE_WARNING:
      {
        g_autoptr (GError) err = NULL;

        gst_message_parse_warning (msg, &err, NULL);
        GST_WARNING ("pipeline warning from %s: %s", GST_MESSAGE_SRC_NAME (msg),
                     err->message);
        break;
      }
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
watchdog_cb (gpointer data)
{
  FcRecorder *self = data;
  FcWatchdogInput in = { 0 };
  FcWindowHealth health;
  g_autoptr (GError) error = NULL;

  fc_record_window_get_health (self->window, &health);
  in.silent = health.silent;
  in.mute = health.mute;
  in.unwritten = health.unwritten;
  in.saw_video = health.saw_video;
  in.started = health.started;
  in.state = self->state;
  in.offline = self->run_offline;
  in.flowing = self->flowing;
  in.nudged = self->nudged;
  in.summarising = self->pipeline == NULL;
  in.ready_timeout_ms = self->settings.ready_timeout;
  in.since_prepare = elapsed_us (self, self->prepare_at);
  in.since_finishing = elapsed_us (self, self->finishing_at);

  switch (fc_watchdog_check (&in, &error))
    {
    case FC_WATCHDOG_FAIL:
      fail (self, error->code, NULL, "%s", error->message);
      return G_SOURCE_REMOVE;
    case FC_WATCHDOG_FINISH:
      self->pending_error = g_steal_pointer (&error);
      finish_now (self);
      break;
    case FC_WATCHDOG_END_SOUND_AND_FINISH:
      self->pending_error = g_steal_pointer (&error);
      fc_record_window_end_branch (self->window, FALSE);
      finish_now (self);
      break;
    case FC_WATCHDOG_NUDGE:
      self->nudged = TRUE;
      fc_record_window_end_branch (self->window, FALSE);
      break;
    case FC_WATCHDOG_GIVE_UP:
      complete (self);
      return G_SOURCE_REMOVE;
    case FC_WATCHDOG_WAIT:
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

/* ---- GObject --------------------------------------------------------- */

static void
fc_recorder_get_property (GObject *object, guint prop_id, GValue *value,
                          GParamSpec *pspec)
{
  FcRecorder *self = FC_RECORDER (object);

  switch (prop_id)
    {
    case PROP_PREVIEW_SINK:
      g_value_set_object (value, self->preview_sink);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      if (fc_recorder_settings_get_property (&self->settings, prop_id, value))
        break;
      if (prop_id >= N_PROPS)
        fc_prompts_get_property (self->prompts, prop_id, value);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_recorder_set_property (GObject *object, guint prop_id, const GValue *value,
                          GParamSpec *pspec)
{
  FcRecorder *self = FC_RECORDER (object);

  switch (prop_id)
    {
    case PROP_PREVIEW_SINK:
      fc_recorder_set_preview_sink (self, g_value_get_object (value));
      break;
    default:
      if (fc_recorder_settings_set_property (&self->settings, prop_id, value))
        break;
      if (prop_id >= N_PROPS)
        fc_prompts_set_property (self->prompts, prop_id, value);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_recorder_dispose (GObject *object)
{
  FcRecorder *self = FC_RECORDER (object);

  fc_recorder_close (self);
  g_clear_pointer (&self->choice, fc_camera_choice_free);
  g_clear_object (&self->preview_sink);
  fc_recorder_settings_dispose (&self->settings);
  G_OBJECT_CLASS (fc_recorder_parent_class)->dispose (object);
}

static void
fc_recorder_finalize (GObject *object)
{
  FcRecorder *self = FC_RECORDER (object);

  g_object_unref (self->prompts);
  fc_recorder_settings_clear (&self->settings);
  g_main_context_unref (self->context);
  fc_record_window_free (self->window);
  G_OBJECT_CLASS (fc_recorder_parent_class)->finalize (object);
}

static void
fc_recorder_class_init (FcRecorderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags
      = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = fc_recorder_get_property;
  object_class->set_property = fc_recorder_set_property;
  object_class->dispose = fc_recorder_dispose;
  object_class->finalize = fc_recorder_finalize;

  /**
   * FcRecorder:preview-sink:
   *
   * A video sink for the preview (e.g. the view's gtk4paintablesink); I420
   * at the recording size. A fakesink when NULL. It may be set while the
   * pipeline runs: the new sink joins it (fc_recorder_set_preview_sink()).
   */
  props[PROP_PREVIEW_SINK] = g_param_spec_object ("preview-sink", NULL, NULL,
                                                  GST_TYPE_ELEMENT, flags);
  /**
   * FcRecorder:state:
   *
   * Where the recorder is: idle, preparing, ready, recording or finishing.
   */
  props[PROP_STATE] = g_param_spec_enum (
      "state", NULL, NULL, FC_TYPE_RECORDER_STATE, FC_RECORDER_STATE_IDLE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  fc_recorder_settings_install (object_class, 1);
  g_object_class_install_property (object_class, PROP_PREVIEW_SINK,
                                   props[PROP_PREVIEW_SINK]);
  g_object_class_install_property (object_class, PROP_STATE,
                                   props[PROP_STATE]);

  /**
   * FcRecorder::ready:
   * @recorder: the recorder
   * @detail: a{sv}: "source" ("pipewire", "v4l2" or "test"), "camera"
   *   (the node or device; "portal" through the camera portal),
   *   "microphoneSource", "microphone" (s), "width", "height" (i)
   *
   * The camera has negotiated and frames and samples flow (onRecordReady).
   */
  signals[SIGNAL_READY]
      = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_VARIANT);
  /**
   * FcRecorder::start:
   * @recorder: the recorder
   * @detail: a{sv}: "tempVideoPath", "source" (s)
   *
   * The first frame is in the file (its first fragment has been written)
   * (onRecordStart).
   */
  signals[SIGNAL_START]
      = g_signal_new ("start", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_VARIANT);
  /**
   * FcRecorder::end:
   * @recorder: the recorder
   * @detail: a{sv}: "tempVideoPath", "tempThumbPath", "sha256" (s),
   *   "duration" (x, ms), "size" (x, bytes), "droppedFrames" and
   *   "duplicatedFrames" (x: camera frames dropped or repeated to keep
   *   30 fps while recording)
   *
   * The recording is finalised (onRecordEnd).
   */
  signals[SIGNAL_END]
      = g_signal_new ("end", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_VARIANT);
  /**
   * FcRecorder::error:
   * @recorder: the recorder
   * @detail: a{sv}: "errMsg" (s), "errCode" (s, a #FcRecorderError nick),
   *   and "tempVideoPath" (s) when a partial, finalised file exists
   *
   * The pipeline is gone (onRecordError).
   */
  signals[SIGNAL_ERROR]
      = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_VARIANT);
  /**
   * FcRecorder::warning:
   * @recorder: the recorder
   * @detail: a{sv}: "errMsg" (s)
   *
   * A request was ignored (e.g. "already recording"); nothing changed.
   */
  signals[SIGNAL_WARNING]
      = g_signal_new ("warning", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_VARIANT);

  fc_prompts_install_properties (object_class, N_PROPS);

  GST_DEBUG_CATEGORY_INIT (fc_recorder_debug, "fc-recorder", 0, "FcRecorder");
}

static void
fc_recorder_init (FcRecorder *self)
{
  fc_recorder_settings_init (&self->settings, G_OBJECT (self));
  self->context = g_main_context_ref_thread_default ();
  self->choice = fc_camera_choice_new ();
  self->prompts = fc_prompts_new (G_OBJECT (self));
  g_signal_connect_swapped (self->prompts, "warning",
                            G_CALLBACK (fc_recorder_emit_warning), self);
  self->cam = (FcSource)FC_SOURCE_INIT;
  self->mic = (FcSource)FC_SOURCE_INIT;
  self->window = fc_record_window_new ();
}

/* ---- public API ------------------------------------------------------ */

/**
 * fc_recorder_new:
 *
 * Creates an idle recorder with the component's defaults; nothing starts
 * until fc_recorder_prepare() or fc_recorder_record().
 *
 * Returns: (transfer full): a recorder, idle. gst_init() must have run.
 * Signals are emitted on the thread-default main context of the caller.
 */
FcRecorder *
fc_recorder_new (void)
{
  return g_object_new (FC_TYPE_RECORDER, NULL);
}

/**
 * fc_recorder_prepare:
 * @self: a recorder
 *
 * Starts the camera and microphone (the preview); #FcRecorder::ready or
 * #FcRecorder::error follows.
 *
 * Returns: whether it started; %FALSE (and #FcRecorder::warning) when
 *   already prepared
 */
gboolean
fc_recorder_prepare (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);

  if (self->state != FC_RECORDER_STATE_IDLE)
    {
      fc_recorder_emit_warning (self, "already prepared");
      return FALSE;
    }
  return start_pipeline (self);
}

/**
 * fc_recorder_record:
 * @self: a recorder
 *
 * Starts a recording of #FcRecorder:record-time ms, preparing first if
 * needed; #FcRecorder::start, then #FcRecorder::end (or
 * #FcRecorder::error), follow.
 *
 * Returns: whether it started; %FALSE (and #FcRecorder::warning, "already
 *   recording") when one is under way
 */
gboolean
fc_recorder_record (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);

  switch (self->state)
    {
    case FC_RECORDER_STATE_IDLE:
      if (!start_pipeline (self))
        return FALSE;
      self->pending_record = TRUE;
      return TRUE;
    case FC_RECORDER_STATE_PREPARING:
      if (self->pending_record)
        {
          fc_recorder_emit_warning (self, "already recording");
          return FALSE;
        }
      self->pending_record = TRUE;
      return TRUE;
    case FC_RECORDER_STATE_READY:
      return arm (self);
    case FC_RECORDER_STATE_RECORDING:
    case FC_RECORDER_STATE_FINISHING:
    default:
      fc_recorder_emit_warning (self, "already recording");
      return FALSE;
    }
}

/**
 * fc_recorder_stop:
 * @self: a recorder
 *
 * Ends the recording early; #FcRecorder::end follows with what was
 * recorded.
 *
 * Returns: whether a recording was stopped; %FALSE (and
 *   #FcRecorder::warning, "not recording") otherwise
 */
gboolean
fc_recorder_stop (FcRecorder *self)
{
  GstClockTime now;

  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);

  if (self->state == FC_RECORDER_STATE_PREPARING && self->pending_record)
    {
      self->pending_record = FALSE;
      fc_recorder_emit_warning (self, "stopped before the recording started");
      return TRUE;
    }
  if (self->state != FC_RECORDER_STATE_RECORDING)
    {
      fc_recorder_emit_warning (self, "not recording");
      return FALSE;
    }

  now = self->pipeline ? gst_element_get_current_running_time (self->pipeline)
                       : GST_CLOCK_TIME_NONE;
  if (!fc_record_window_stop (self->window, now))
    {
      /* Nothing has gone into the file: keep previewing. */
      if (self->run_offline)
        {
          hold_source (self, TRUE, FALSE);
          hold_source (self, FALSE, FALSE);
        }
      set_state (self, FC_RECORDER_STATE_READY);
      fc_recorder_emit_warning (self, "stopped before the recording started");
    }
  return TRUE;
}

/* Waits up to TIMEOUT_US for the file to be complete (or an error). */
static GstMessage *
wait_file_done (GstBus *bus, gint64 timeout_us)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;
  FcStreamEvent event;
  gint64 left;

  while ((left = deadline - g_get_monotonic_time ()) > 0)
    {
      GstMessage *msg = gst_bus_timed_pop_filtered (
          bus, left * GST_USECOND,
          GST_MESSAGE_APPLICATION | GST_MESSAGE_ERROR | GST_MESSAGE_EOS);

      if (msg == NULL)
        break;
      if (GST_MESSAGE_TYPE (msg) != GST_MESSAGE_APPLICATION
          || (fc_stream_event_parse (msg, &event)
              && event == FC_STREAM_FILE_DONE))
        return msg;
      gst_message_unref (msg);
    }
  return NULL;
}

/**
 * fc_recorder_close:
 * @self: a recorder
 *
 * Stops everything without emitting more events: the pipeline is torn
 * down, and a recording under way is finalised synchronously, as on
 * destruction.
 */
void
fc_recorder_close (FcRecorder *self)
{
  g_autoptr (GstBus) bus = NULL;
  gboolean recorded;

  g_return_if_fail (FC_IS_RECORDER (self));

  if (self->pipeline == NULL)
    {
      if (self->state == FC_RECORDER_STATE_PREPARING)
        teardown (self); /* waiting for the camera portal */
      return;
    }
  recorded = GST_CLOCK_TIME_IS_VALID (fc_record_window_get_start (self->window));

  if (recorded && self->state >= FC_RECORDER_STATE_RECORDING)
    {
      /* Finalise what was recorded: end of stream through the muxer. */
      g_autoptr (GstMessage) msg = NULL;

      if (self->bus_source != NULL)
        {
          g_source_destroy (self->bus_source);
          g_clear_pointer (&self->bus_source, g_source_unref);
        }
      bus = gst_element_get_bus (self->pipeline);
      finish_now (self);
      msg = wait_file_done (bus, FC_FINISH_NUDGE_US);
      if (msg == NULL)
        {
          fc_record_window_end_branch (self->window, FALSE);
          msg = wait_file_done (bus, FC_FINISH_NUDGE_US);
        }
      GST_INFO ("closed while recording: %s",
                msg ? GST_MESSAGE_TYPE_NAME (msg) : "the file did not finish");
    }
  teardown (self);
}

/**
 * fc_recorder_get_state:
 * @self: a recorder
 *
 * Where the recorder is: idle, preparing, ready, recording or finishing
 * (#FcRecorder:state).
 *
 * Returns: the state
 */
FcRecorderState
fc_recorder_get_state (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FC_RECORDER_STATE_IDLE);
  return self->state;
}

/**
 * fc_recorder_get_preview_sink:
 * @self: a recorder
 *
 * The sink the preview branch ends in (#FcRecorder:preview-sink): a view
 * renders what it receives.
 *
 * Returns: (transfer none) (nullable): the sink
 */
GstElement *
fc_recorder_get_preview_sink (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return self->preview_sink;
}

/**
 * fc_recorder_set_preview_sink:
 * @self: the recorder
 * @sink: (nullable): a video sink taking I420 at the recording size
 *
 * Sets the sink the preview branch ends in; a running pipeline takes it in
 * without starting again.
 *
 * Sets where the preview goes. This may happen at any time: on a prepared
 * (or recording) recorder the sink replaces the previous one in the
 * running pipeline, without starting the camera again and without
 * touching the recording; it is set not to preroll.
 */
void
fc_recorder_set_preview_sink (FcRecorder *self, GstElement *sink)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_return_if_fail (sink == NULL || GST_IS_ELEMENT (sink));
  if (self->preview_sink == sink)
    return;
  if (sink != NULL)
    gst_object_ref_sink (sink);
  g_clear_object (&self->preview_sink);
  self->preview_sink = sink;
  fc_preview_swap (self->pipeline, sink);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PREVIEW_SINK]);
}
