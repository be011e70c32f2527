/* FcRecorder: the object: its values (the part-1 settings,
 * fc-recorder-settings.c; the part-2 prompt set, fc-prompts.c), its
 * signals and public API. The work of each recording, from prepare to the
 * summary of the file, is the session's (fc-recorder-session.c), which
 * reports back through FcSessionEvents. */

#include "fc-recorder-private.h"

#include "fc-recorder-session.h"
#include "fc-recorder-settings.h"

GST_DEBUG_CATEGORY_STATIC (fc_recorder_debug);
#define GST_CAT_DEFAULT fc_recorder_debug

struct _FcRecorder
{
  GObject parent_instance;

  /* properties: the part-1 values (and the part-2 ones in prompts) */
  FcRecorderSettings settings;
  GstElement *preview_sink;
  FcPrompts *prompts; /* stepList, resources: part 2 */

  FcRecordSession *session; /* the pipeline, from prepare to the summary */
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

/* the session's signals are these, in this order */
G_STATIC_ASSERT ((int)FC_SESSION_READY == SIGNAL_READY
                 && (int)FC_SESSION_START == SIGNAL_START
                 && (int)FC_SESSION_END == SIGNAL_END
                 && (int)FC_SESSION_ERROR == SIGNAL_ERROR
                 && (int)FC_SESSION_WARNING == SIGNAL_WARNING);

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

static void
emit (GObject *owner, FcSessionSignal signal, GVariant *detail)
{
  g_variant_ref_sink (detail);
  g_object_ref (owner);
  g_signal_emit (owner, signals[signal], 0, detail);
  g_object_unref (owner);
  g_variant_unref (detail);
}

static void
state_changed (GObject *owner)
{
  g_object_notify_by_pspec (owner, props[PROP_STATE]);
}

static const FcSessionEvents session_events = { emit, state_changed };

void
fc_recorder_emit_warning (FcRecorder *self, const char *message)
{
  fc_record_session_warn (self->session, message);
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
      g_value_set_enum (value, fc_record_session_get_state (self->session));
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

  fc_record_session_dispose (self->session);
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
  fc_record_session_free (self->session);
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
  self->prompts = fc_prompts_new (G_OBJECT (self));
  self->session = fc_record_session_new (G_OBJECT (self), &session_events,
                                         &self->settings, self->prompts);
  g_signal_connect_swapped (self->prompts, "warning",
                            G_CALLBACK (fc_recorder_emit_warning), self);
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
  return fc_record_session_prepare (self->session);
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
  return fc_record_session_record (self->session);
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
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);
  return fc_record_session_stop (self->session);
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
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_record_session_close (self->session);
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
  return fc_record_session_get_state (self->session);
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
  fc_record_session_set_preview_sink (self->session, sink);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PREVIEW_SINK]);
}
