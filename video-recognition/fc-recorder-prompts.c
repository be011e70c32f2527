/* The recorder's prompts: its stepList and the resources the steps and
 * the mask need, loaded together; the recorder is ready only when all are
 * in (see fc-recorder-private.h). */

#include <string.h>

#include "fc-recorder-private.h"
#include "fc-prompt-render.h"

#include <gst/gst.h>

GST_DEBUG_CATEGORY_EXTERN (fc_recorder_debug);
#define GST_CAT_DEFAULT fc_recorder_debug

struct _FcPrompts
{
  FcResourceLoader *loader;
  FcStepList *steps;
  GBytes *audio[FC_STEP_LIST_MAX];
  GBytes *pcm[FC_STEP_LIST_MAX]; /* decoded for mixing and playing */
  GBytes *mask;
  GCancellable *cancel;
  GSource *idle; /* "done" when there is nothing to load */
  GMainContext *context; /* where "done" is called */
  guint pending;
  gboolean failed, loaded;
  /* Each load in declaration order (the steps' audio, then the mask): the
   * failure reported is the first declared one, whichever came back first,
   * so the same page always gives the same error. */
  guint n_loads;
  enum { LOAD_NONE, LOAD_PENDING, LOAD_OK, LOAD_FAILED } state[FC_STEP_LIST_MAX + 1];
  GError *errors[FC_STEP_LIST_MAX + 1];
  FcPromptsDone done;
  gpointer done_data;

  /* FcRecorder's part-2 properties */
  GVariant *step_list_value;
  double top; /* rpx */
  char *mask_src;
  GVariant *button_value;
  FcButtonStyle button;
  gboolean button_locked; /* prepared once: buttonStyle is init-only */
  gboolean burn_in;
  char *audio_sink;
  gint64 start_time; /* µs, monotonic; -1 */
};

/* One resource being loaded. */
typedef struct
{
  FcPrompts *prompts;
  GCancellable *cancel; /* the start it belongs to */
  char *name;           /* stepList[1].audioSrc, mask */
  guint order;          /* in the declaration order */
  char *src;
  GBytes **slot;
  GBytes **pcm_slot; /* audio: where the decoded clip goes */
  GBytes *bytes;     /* audio: downloaded, being decoded */
} Load;

FcPrompts *
fc_prompts_new (void)
{
  FcPrompts *prompts = g_new0 (FcPrompts, 1);

  prompts->loader = fc_resource_loader_new ();
  prompts->top = 20;
  prompts->start_time = -1;
  fc_button_style_init (&prompts->button);
  return prompts;
}

static void
clear (FcPrompts *prompts)
{
  g_clear_pointer (&prompts->steps, fc_step_list_unref);
  for (guint i = 0; i < FC_STEP_LIST_MAX; i++)
    {
      g_clear_pointer (&prompts->audio[i], g_bytes_unref);
      g_clear_pointer (&prompts->pcm[i], g_bytes_unref);
    }
  g_clear_pointer (&prompts->mask, g_bytes_unref);
  for (guint i = 0; i < G_N_ELEMENTS (prompts->errors); i++)
    g_clear_error (&prompts->errors[i]);
  memset (prompts->state, 0, sizeof prompts->state);
  prompts->n_loads = 0;
  prompts->loaded = prompts->failed = FALSE;
  prompts->pending = 0;
}

void
fc_prompts_stop (FcPrompts *prompts)
{
  if (prompts->cancel)
    {
      g_cancellable_cancel (prompts->cancel);
      g_clear_object (&prompts->cancel);
    }
  if (prompts->idle)
    {
      g_source_destroy (prompts->idle);
      g_clear_pointer (&prompts->idle, g_source_unref);
    }
  prompts->pending = 0;
}

void
fc_prompts_free (FcPrompts *prompts)
{
  if (!prompts)
    return;
  fc_prompts_stop (prompts);
  clear (prompts);
  g_object_unref (prompts->loader);
  g_clear_pointer (&prompts->step_list_value, g_variant_unref);
  g_clear_pointer (&prompts->button_value, g_variant_unref);
  g_clear_pointer (&prompts->context, g_main_context_unref);
  g_free (prompts->mask_src);
  g_free (prompts->audio_sink);
  g_free (prompts);
}

FcResourceLoader *
fc_prompts_get_loader (FcPrompts *prompts)
{
  return prompts->loader;
}

static void
load_free (Load *load)
{
  g_object_unref (load->cancel);
  g_free (load->name);
  g_free (load->src);
  g_clear_pointer (&load->bytes, g_bytes_unref);
  g_free (load);
}

/* The first failure is reported; the rest are dropped. */
/* Reports once every load declared before the first failure is back. */
static void
conclude (FcPrompts *prompts)
{
  for (guint i = 0; i < prompts->n_loads; i++)
    {
      if (prompts->state[i] == LOAD_PENDING)
        return;
      if (prompts->state[i] == LOAD_FAILED)
        {
          g_autoptr (GError) error = g_steal_pointer (&prompts->errors[i]);

          prompts->failed = TRUE;
          g_cancellable_cancel (prompts->cancel);
          g_clear_object (&prompts->cancel);
          prompts->done (error, prompts->done_data);
          return;
        }
    }
  prompts->loaded = TRUE;
  g_clear_object (&prompts->cancel);
  prompts->done (NULL, prompts->done_data);
}

static void
load_failed (Load *load, const GError *error)
{
  FcPrompts *prompts = load->prompts;

  prompts->state[load->order] = LOAD_FAILED;
  prompts->errors[load->order]
      = g_error_new (error->domain, error->code, "cannot load %s \"%s\": %s",
                     load->name, load->src, error->message);
  prompts->pending--;
  load_free (load);
  conclude (prompts);
}

static void
load_succeeded (Load *load)
{
  FcPrompts *prompts = load->prompts;

  prompts->state[load->order] = LOAD_OK;
  prompts->pending--;
  load_free (load);
  conclude (prompts);
}

static void
decode_thread (GTask *task, gpointer source, gpointer data,
               GCancellable *cancellable)
{
  Load *load = data;
  GError *error = NULL;
  GBytes *pcm = fc_audio_decode_pcm (load->bytes, &error);

  if (pcm)
    g_task_return_pointer (task, pcm, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

static void
decoded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  GBytes *pcm = g_task_propagate_pointer (G_TASK (result), &error);

  g_task_set_task_data (G_TASK (result), NULL, NULL);
  if (g_cancellable_is_cancelled (load->cancel))
    {
      g_clear_pointer (&pcm, g_bytes_unref);
      load_free (load);
      return;
    }
  if (!pcm)
    {
      load_failed (load, error);
      return;
    }
  GST_INFO ("%s decoded: %zu bytes of PCM", load->name,
            g_bytes_get_size (pcm));
  *load->slot = g_steal_pointer (&load->bytes);
  *load->pcm_slot = pcm;
  load_succeeded (load);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Load *load = data;
  g_autoptr (GError) error = NULL;
  GBytes *bytes = fc_resource_loader_load_finish (FC_RESOURCE_LOADER (source),
                                                  result, NULL, &error);

  /* a start that was stopped: PROMPTS may be gone */
  if (g_cancellable_is_cancelled (load->cancel))
    {
      g_clear_pointer (&bytes, g_bytes_unref);
      load_free (load);
      return;
    }
  if (!bytes)
    {
      load_failed (load, error);
      return;
    }
  GST_INFO ("%s \"%s\": %zu bytes in", load->name, load->src,
            g_bytes_get_size (bytes));
  if (load->pcm_slot)
    {
      /* audio: decoded in a thread before it counts as in; the result
       * comes back where this callback runs */
      GMainContext *context = load->prompts->context;
      GTask *task;

      g_main_context_push_thread_default (context);
      task = g_task_new (NULL, load->cancel, decoded_cb, NULL);
      g_main_context_pop_thread_default (context);

      load->bytes = bytes;
      g_task_set_task_data (task, load, NULL);
      g_task_run_in_thread (task, decode_thread);
      g_object_unref (task);
      return;
    }
  *load->slot = bytes;
  load_succeeded (load);
}

static void
start_load (FcPrompts *prompts, const char *name, const char *src,
            FcResourceKind kind, GBytes **slot, GBytes **pcm_slot)
{
  Load *load = g_new0 (Load, 1);

  load->pcm_slot = pcm_slot;
  load->prompts = prompts;
  load->cancel = g_object_ref (prompts->cancel);
  load->name = g_strdup (name);
  load->src = g_strdup (src);
  load->slot = slot;
  load->order = prompts->n_loads++;
  prompts->state[load->order] = LOAD_PENDING;
  prompts->pending++;
  fc_resource_loader_load_async (prompts->loader, src, kind, prompts->cancel,
                                 loaded_cb, load);
}

static gboolean
done_idle (gpointer data)
{
  FcPrompts *prompts = data;

  g_clear_pointer (&prompts->idle, g_source_unref);
  g_clear_object (&prompts->cancel);
  prompts->loaded = TRUE;
  prompts->done (NULL, prompts->done_data);
  return G_SOURCE_REMOVE;
}

gboolean
fc_prompts_start (FcPrompts *prompts, FcStyleWarnFunc warn,
                  gpointer warn_data,
                  FcPromptsDone done, gpointer done_data, GError **error)
{
  FcStepList *steps;

  prompts->button_locked = TRUE;
  fc_prompts_stop (prompts);
  clear (prompts);
  steps = fc_step_list_new (prompts->step_list_value, warn, warn_data, error);
  if (!steps)
    return FALSE;
  prompts->steps = steps;
  /* Text no font can draw is never silent: a warning per line, here,
   * once per start (the view and burn-in draw the same layouts). */
  for (guint i = 0; i < fc_step_list_get_n_steps (steps); i++)
    fc_prompt_check_glyphs (fc_step_list_get_step (steps, i), warn,
                            warn_data);
  prompts->done = done;
  prompts->done_data = done_data;
  g_clear_pointer (&prompts->context, g_main_context_unref);
  prompts->context = g_main_context_ref_thread_default ();
  prompts->cancel = g_cancellable_new ();

  for (guint i = 0; i < fc_step_list_get_n_steps (steps); i++)
    {
      const FcStep *step = fc_step_list_get_step (steps, i);
      g_autofree char *name = NULL;

      if (!step->audio_src)
        continue;
      name = g_strdup_printf ("stepList[%u].audioSrc", step->index);
      start_load (prompts, name, step->audio_src, FC_RESOURCE_AUDIO,
                  &prompts->audio[i], &prompts->pcm[i]);
    }
  if (prompts->mask_src && *prompts->mask_src)
    start_load (prompts, "mask", prompts->mask_src, FC_RESOURCE_IMAGE,
                &prompts->mask, NULL);
  if (prompts->pending == 0)
    {
      /* nothing to load: done, but never from inside start */
      prompts->idle = g_idle_source_new ();
      g_source_set_callback (prompts->idle, done_idle, prompts, NULL);
      g_source_set_static_name (prompts->idle, "fc-prompts-done");
      g_source_attach (prompts->idle, prompts->context);
    }
  return TRUE;
}

gboolean
fc_prompts_is_loaded (FcPrompts *prompts)
{
  return prompts->loaded;
}

FcStepList *
fc_prompts_get_steps (FcPrompts *prompts)
{
  return prompts->steps;
}

GBytes *
fc_prompts_get_audio (FcPrompts *prompts, guint i)
{
  return i < FC_STEP_LIST_MAX ? prompts->audio[i] : NULL;
}

GBytes *
fc_prompts_get_pcm (FcPrompts *prompts, guint i)
{
  return i < FC_STEP_LIST_MAX ? prompts->pcm[i] : NULL;
}

GBytes *
fc_prompts_get_mask (FcPrompts *prompts)
{
  return prompts->mask;
}

/* ---- FcRecorder's part-2 properties ------------------------------------ */

enum
{
  PROP_STEP_LIST,
  PROP_TOP,
  PROP_MASK,
  PROP_BUTTON_STYLE,
  PROP_DOWNLOAD_DOMAINS,
  PROP_ROOT_DIR,
  PROP_ALLOW_INSECURE_HTTP,
  PROP_BURN_IN,
  PROP_PROMPT_AUDIO_SINK,
  PROP_START_TIME,
  N_PROPS
};

static GParamSpec *props[N_PROPS];
static guint first_prop_id;

void
fc_recorder_prompts_install (GObjectClass *klass, guint first_id)
{
  GParamFlags flags
      = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  first_prop_id = first_id;
  /**
   * FcRecorder:step-list:
   *
   * The page's stepList: an array (`av` or `aa{sv}`) of step objects
   * with `audioSrc`, `showTime` and `textList`. Read at each prepare; at
   * most 3 steps (more is an "invalid-steps" error and no preview).
   */
  props[PROP_STEP_LIST] = g_param_spec_variant (
      "step-list", NULL, NULL, G_VARIANT_TYPE_ANY, NULL, flags);
  /**
   * FcRecorder:top:
   *
   * The prompt block's distance from the top, in rpx.
   */
  props[PROP_TOP] = g_param_spec_double ("top", NULL, NULL, -G_MAXDOUBLE,
                                         G_MAXDOUBLE, 20, flags);
  /**
   * FcRecorder:mask:
   *
   * The mask image (PNG, JPEG, SVG): a mini-program path or a whitelisted
   * HTTPS URL; loaded at prepare.
   */
  props[PROP_MASK] = g_param_spec_string ("mask", NULL, NULL, NULL, flags);
  /**
   * FcRecorder:button-style:
   *
   * buttonStyle (a{sv}: width, height, left, top, bottom, right).
   * Init-only: a change after prepare is ignored with a warning.
   */
  props[PROP_BUTTON_STYLE] = g_param_spec_variant (
      "button-style", NULL, NULL, G_VARIANT_TYPE_ANY, NULL, flags);
  /**
   * FcRecorder:download-domains:
   *
   * The host's download whitelist (host or host:port entries).
   */
  props[PROP_DOWNLOAD_DOMAINS] = g_param_spec_boxed (
      "download-domains", NULL, NULL, G_TYPE_STRV, flags);
  /**
   * FcRecorder:root-dir:
   *
   * The mini-program's root directory, for local resource paths.
   */
  props[PROP_ROOT_DIR]
      = g_param_spec_string ("root-dir", NULL, NULL, NULL, flags);
  /**
   * FcRecorder:allow-insecure-http:
   *
   * Plain HTTP downloads from whitelisted domains (loopback tests).
   */
  props[PROP_ALLOW_INSECURE_HTTP] = g_param_spec_boolean (
      "allow-insecure-http", NULL, NULL, FALSE, flags);
  /**
   * FcRecorder:burn-in:
   *
   * Composite the prompts and the mask into the recorded frames.
   */
  props[PROP_BURN_IN]
      = g_param_spec_boolean ("burn-in", NULL, NULL, FALSE, flags);
  /**
   * FcRecorder:prompt-audio-sink:
   *
   * Where prompt audio is played, as a gst-launch description (e.g.
   * "pulsesink", "fakesink"); NULL: autoaudiosink, the default output.
   */
  props[PROP_PROMPT_AUDIO_SINK]
      = g_param_spec_string ("prompt-audio-sink", NULL, NULL, NULL, flags);
  /**
   * FcRecorder:start-time:
   *
   * When the first frame of the last live recording was captured, on the
   * monotonic clock (g_get_monotonic_time(), µs): the moment each step's
   * showTime counts from, on screen, in the file and from the speaker.
   * -1 before a live recording has started (offline ones have no real
   * time). Set before #FcRecorder::start is emitted.
   */
  props[PROP_START_TIME] = g_param_spec_int64 (
      "start-time", NULL, NULL, -1, G_MAXINT64, -1,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  for (guint i = 0; i < N_PROPS; i++)
    g_object_class_install_property (klass, first_id + i, props[i]);
}

void
fc_recorder_prompts_get_property (FcRecorder *self, guint prop_id,
                                  GValue *value)
{
  FcPrompts *prompts = fc_recorder_get_prompts (self);

  switch (prop_id - first_prop_id)
    {
    case PROP_STEP_LIST:
      g_value_set_variant (value, prompts->step_list_value);
      break;
    case PROP_TOP:
      g_value_set_double (value, prompts->top);
      break;
    case PROP_MASK:
      g_value_set_string (value, prompts->mask_src);
      break;
    case PROP_BUTTON_STYLE:
      g_value_set_variant (value, prompts->button_value);
      break;
    case PROP_DOWNLOAD_DOMAINS:
      g_value_set_boxed (value, fc_resource_loader_get_download_domains (
                                    prompts->loader));
      break;
    case PROP_ROOT_DIR:
      g_value_set_string (value,
                          fc_resource_loader_get_root_dir (prompts->loader));
      break;
    case PROP_ALLOW_INSECURE_HTTP:
      g_value_set_boolean (
          value, fc_resource_loader_get_allow_insecure_http (prompts->loader));
      break;
    case PROP_BURN_IN:
      g_value_set_boolean (value, prompts->burn_in);
      break;
    case PROP_PROMPT_AUDIO_SINK:
      g_value_set_string (value, prompts->audio_sink);
      break;
    case PROP_START_TIME:
      g_value_set_int64 (value, prompts->start_time);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
fc_recorder_prompts_set_property (FcRecorder *self, guint prop_id,
                                  const GValue *value)
{
  switch (prop_id - first_prop_id)
    {
    case PROP_STEP_LIST:
      fc_recorder_set_step_list (self, g_value_get_variant (value));
      break;
    case PROP_TOP:
      fc_recorder_set_top (self, g_value_get_double (value));
      break;
    case PROP_MASK:
      fc_recorder_set_mask (self, g_value_get_string (value));
      break;
    case PROP_BUTTON_STYLE:
      fc_recorder_set_button_style (self, g_value_get_variant (value));
      break;
    case PROP_DOWNLOAD_DOMAINS:
      fc_recorder_set_download_domains (self, g_value_get_boxed (value));
      break;
    case PROP_ROOT_DIR:
      fc_recorder_set_root_dir (self, g_value_get_string (value));
      break;
    case PROP_ALLOW_INSECURE_HTTP:
      fc_recorder_set_allow_insecure_http (self, g_value_get_boolean (value));
      break;
    case PROP_BURN_IN:
      fc_recorder_set_burn_in (self, g_value_get_boolean (value));
      break;
    case PROP_PROMPT_AUDIO_SINK:
      fc_recorder_set_prompt_audio_sink (self, g_value_get_string (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
notify (FcRecorder *self, guint prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), props[prop]);
}

static gboolean
variant_equal (GVariant *a, GVariant *b)
{
  if (!a || !b)
    return a == b;
  return g_variant_equal (a, b);
}

/**
 * fc_recorder_get_step_list:
 *
 * Returns: (transfer none) (nullable): the stepList as set
 */
GVariant *
fc_recorder_get_step_list (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_recorder_get_prompts (self)->step_list_value;
}

void
fc_recorder_set_step_list (FcRecorder *self, GVariant *step_list)
{
  FcPrompts *prompts;

  g_return_if_fail (FC_IS_RECORDER (self));
  prompts = fc_recorder_get_prompts (self);
  if (variant_equal (prompts->step_list_value, step_list))
    return;
  g_clear_pointer (&prompts->step_list_value, g_variant_unref);
  prompts->step_list_value = step_list ? g_variant_ref_sink (step_list) : NULL;
  notify (self, PROP_STEP_LIST);
}

/**
 * fc_recorder_get_steps:
 *
 * Returns: (transfer none) (nullable): the stepList as parsed at the last
 * prepare, in showTime order
 */
FcStepList *
fc_recorder_get_steps (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_recorder_get_prompts (self)->steps;
}

double
fc_recorder_get_top (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), 0);
  return fc_recorder_get_prompts (self)->top;
}

void
fc_recorder_set_top (FcRecorder *self, double top_rpx)
{
  FcPrompts *prompts;

  g_return_if_fail (FC_IS_RECORDER (self));
  prompts = fc_recorder_get_prompts (self);
  if (prompts->top == top_rpx)
    return;
  prompts->top = top_rpx;
  notify (self, PROP_TOP);
}

const char *
fc_recorder_get_mask (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_recorder_get_prompts (self)->mask_src;
}

void
fc_recorder_set_mask (FcRecorder *self, const char *mask)
{
  FcPrompts *prompts;

  g_return_if_fail (FC_IS_RECORDER (self));
  prompts = fc_recorder_get_prompts (self);
  if (g_strcmp0 (prompts->mask_src, mask) == 0)
    return;
  g_free (prompts->mask_src);
  prompts->mask_src = g_strdup (mask);
  notify (self, PROP_MASK);
}

/**
 * fc_recorder_get_mask_bytes:
 *
 * Returns: (transfer none) (nullable): the mask image's bytes, once loaded
 */
GBytes *
fc_recorder_get_mask_bytes (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_recorder_get_prompts (self)->mask;
}

GVariant *
fc_recorder_get_button_style (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_recorder_get_prompts (self)->button_value;
}

static void
warn_cb (const char *message, gpointer data)
{
  fc_recorder_emit_warning (data, message);
}

void
fc_recorder_set_button_style (FcRecorder *self, GVariant *style)
{
  FcPrompts *prompts;

  g_return_if_fail (FC_IS_RECORDER (self));
  prompts = fc_recorder_get_prompts (self);
  if (variant_equal (prompts->button_value, style))
    return;
  if (prompts->button_locked)
    {
      if (style)
        g_variant_unref (g_variant_ref_sink (style));
      fc_recorder_emit_warning (self,
                                "buttonStyle is only effective during "
                                "initialization; ignored");
      return;
    }
  g_clear_pointer (&prompts->button_value, g_variant_unref);
  prompts->button_value = style ? g_variant_ref_sink (style) : NULL;
  fc_button_style_init (&prompts->button);
  if (style)
    fc_button_style_apply (&prompts->button, style, warn_cb, self);
  notify (self, PROP_BUTTON_STYLE);
}

/**
 * fc_recorder_get_button_layout:
 * @viewport: the component's size in pixels
 * @out: (out): where the record button goes
 */
void
fc_recorder_get_button_layout (FcRecorder *self, const FcViewport *viewport,
                               FcRect *out)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_button_style_layout (&fc_recorder_get_prompts (self)->button, viewport,
                          out);
}

const char *const *
fc_recorder_get_download_domains (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_resource_loader_get_download_domains (
      fc_recorder_get_prompts (self)->loader);
}

void
fc_recorder_set_download_domains (FcRecorder *self,
                                  const char *const *domains)
{
  FcResourceLoader *loader;
  const char *const *old;

  g_return_if_fail (FC_IS_RECORDER (self));
  loader = fc_recorder_get_prompts (self)->loader;
  old = fc_resource_loader_get_download_domains (loader);
  if ((!old && !domains) || (old && domains && g_strv_equal (old, domains)))
    return;
  fc_resource_loader_set_download_domains (loader, domains);
  notify (self, PROP_DOWNLOAD_DOMAINS);
}

const char *
fc_recorder_get_root_dir (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_resource_loader_get_root_dir (
      fc_recorder_get_prompts (self)->loader);
}

void
fc_recorder_set_root_dir (FcRecorder *self, const char *root_dir)
{
  FcResourceLoader *loader;

  g_return_if_fail (FC_IS_RECORDER (self));
  loader = fc_recorder_get_prompts (self)->loader;
  if (g_strcmp0 (fc_resource_loader_get_root_dir (loader), root_dir) == 0)
    return;
  fc_resource_loader_set_root_dir (loader, root_dir);
  notify (self, PROP_ROOT_DIR);
}

gboolean
fc_recorder_get_allow_insecure_http (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);
  return fc_resource_loader_get_allow_insecure_http (
      fc_recorder_get_prompts (self)->loader);
}

void
fc_recorder_set_allow_insecure_http (FcRecorder *self, gboolean allow)
{
  FcResourceLoader *loader;

  g_return_if_fail (FC_IS_RECORDER (self));
  loader = fc_recorder_get_prompts (self)->loader;
  allow = !!allow;
  if (fc_resource_loader_get_allow_insecure_http (loader) == allow)
    return;
  fc_resource_loader_set_allow_insecure_http (loader, allow);
  notify (self, PROP_ALLOW_INSECURE_HTTP);
}

gboolean
fc_recorder_get_burn_in (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);
  return fc_recorder_get_prompts (self)->burn_in;
}

void
fc_recorder_set_burn_in (FcRecorder *self, gboolean burn_in)
{
  FcPrompts *prompts;

  g_return_if_fail (FC_IS_RECORDER (self));
  prompts = fc_recorder_get_prompts (self);
  burn_in = !!burn_in;
  if (prompts->burn_in == burn_in)
    return;
  prompts->burn_in = burn_in;
  notify (self, PROP_BURN_IN);
}

const char *
fc_recorder_get_prompt_audio_sink (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_recorder_get_prompts (self)->audio_sink;
}

void
fc_recorder_set_prompt_audio_sink (FcRecorder *self, const char *sink)
{
  FcPrompts *prompts;

  g_return_if_fail (FC_IS_RECORDER (self));
  prompts = fc_recorder_get_prompts (self);
  if (g_strcmp0 (prompts->audio_sink, sink) == 0)
    return;
  g_free (prompts->audio_sink);
  prompts->audio_sink = g_strdup (sink);
  notify (self, PROP_PROMPT_AUDIO_SINK);
}

void
fc_recorder_prompts_set_start_time (FcRecorder *self, gint64 start_time)
{
  FcPrompts *prompts = fc_recorder_get_prompts (self);

  if (prompts->start_time == start_time)
    return;
  prompts->start_time = start_time;
  notify (self, PROP_START_TIME);
}
