/* FcPrompts, the recorder's prompt set: the part-2 values (stepList, top,
 * mask, buttonStyle, burnIn, the prompt audio's sink, the download
 * settings of the resource loader it owns), the properties that expose
 * them on their owner (FcRecorder), and the stepList with the resources
 * the steps and the mask need, loaded together; the recorder is ready only
 * when all are in (see fc-recorder-private.h). Problems with values go to
 * the warning function it was made with. */

#include <string.h>

#include "fc-recorder-private.h"
#include "fc-prompt-render.h"

#include "fc-burn-in.h"
#include "fc-debug-private.h"

#include <gst/gst.h>

GST_DEBUG_CATEGORY_STATIC (fc_prompts_debug);
#define GST_CAT_DEFAULT fc_prompts_debug

/* The category, made on the first call into this file. */
static void
debug_init (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_prompts_debug, "fc-prompts", "the recorder's prompt set and its resources");
}

struct _FcPrompts
{
  GObject parent_instance;

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
  GObject *owner; /* whose properties these are (not a reference) */

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

enum
{
  SIGNAL_WARNING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FcPrompts, fc_prompts, G_TYPE_OBJECT)

/* Bad values (a stepList's style, a buttonStyle too late) as the set's
 * "warning". */
static void
warn (const char *message, gpointer data)
{
  g_signal_emit (data, signals[SIGNAL_WARNING], 0, message);
}

FcPrompts *
fc_prompts_new (GObject *owner)
{
  FcPrompts *prompts;

  debug_init ();
  prompts = g_object_new (FC_TYPE_PROMPTS, NULL);
  prompts->owner = owner;
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

static void
fc_prompts_finalize (GObject *object)
{
  FcPrompts *prompts = FC_PROMPTS (object);

  fc_prompts_stop (prompts);
  clear (prompts);
  g_object_unref (prompts->loader);
  g_clear_pointer (&prompts->step_list_value, g_variant_unref);
  g_clear_pointer (&prompts->button_value, g_variant_unref);
  g_clear_pointer (&prompts->context, g_main_context_unref);
  g_free (prompts->mask_src);
  g_free (prompts->audio_sink);
  G_OBJECT_CLASS (fc_prompts_parent_class)->finalize (object);
}

static void
fc_prompts_class_init (FcPromptsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fc_prompts_finalize;

  /* FcPrompts::warning: @message (s): a value that was not usable and was
   * replaced or ignored; nothing failed. */
  signals[SIGNAL_WARNING] = g_signal_new (
      "warning", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
      NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
fc_prompts_init (FcPrompts *prompts)
{
  prompts->loader = fc_resource_loader_new ();
  prompts->top = 20;
  prompts->start_time = -1;
  fc_button_style_init (&prompts->button);
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
fc_prompts_start (FcPrompts *prompts, FcPromptsDone done, gpointer done_data,
                  GError **error)
{
  FcStepList *steps;

  prompts->button_locked = TRUE;
  fc_prompts_stop (prompts);
  clear (prompts);
  steps = fc_step_list_new (prompts->step_list_value, warn, prompts, error);
  if (!steps)
    return FALSE;
  prompts->steps = steps;
  /* Text no font can draw is never silent: a warning per line, here,
   * once per start (the view and burn-in draw the same layouts). */
  {
    guint n = fc_step_list_get_n_steps (steps);
    g_autofree const FcStep **all = g_new (const FcStep *, MAX (n, 1));
    for (guint i = 0; i < n; i++)
      all[i] = fc_step_list_get_step (steps, i);
    fc_prompt_check_all_glyphs (all, n, warn, prompts);
  }
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

/* ---- FcRecorder's part-2 properties: this set's values ---------------- */

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
fc_prompts_install_properties (GObjectClass *klass, guint first_id)
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
fc_prompts_get_property (FcPrompts *prompts, guint prop_id, GValue *value)
{
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
fc_prompts_set_property (FcPrompts *prompts, guint prop_id,
                         const GValue *value)
{
  switch (prop_id - first_prop_id)
    {
    case PROP_STEP_LIST:
      fc_prompts_set_step_list (prompts, g_value_get_variant (value));
      break;
    case PROP_TOP:
      fc_prompts_set_top (prompts, g_value_get_double (value));
      break;
    case PROP_MASK:
      fc_prompts_set_mask (prompts, g_value_get_string (value));
      break;
    case PROP_BUTTON_STYLE:
      fc_prompts_set_button_style (prompts, g_value_get_variant (value));
      break;
    case PROP_DOWNLOAD_DOMAINS:
      fc_prompts_set_download_domains (prompts, g_value_get_boxed (value));
      break;
    case PROP_ROOT_DIR:
      fc_prompts_set_root_dir (prompts, g_value_get_string (value));
      break;
    case PROP_ALLOW_INSECURE_HTTP:
      fc_prompts_set_allow_insecure_http (prompts, g_value_get_boolean (value));
      break;
    case PROP_BURN_IN:
      fc_prompts_set_burn_in (prompts, g_value_get_boolean (value));
      break;
    case PROP_PROMPT_AUDIO_SINK:
      fc_prompts_set_prompt_audio_sink (prompts, g_value_get_string (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
notify (FcPrompts *prompts, guint prop)
{
  g_object_notify_by_pspec (prompts->owner, props[prop]);
}

static gboolean
variant_equal (GVariant *a, GVariant *b)
{
  if (!a || !b)
    return a == b;
  return g_variant_equal (a, b);
}

GVariant *
fc_prompts_get_step_list (FcPrompts *prompts)
{
  return prompts->step_list_value;
}

void
fc_prompts_set_step_list (FcPrompts *prompts, GVariant *step_list)
{
  if (variant_equal (prompts->step_list_value, step_list))
    return;
  g_clear_pointer (&prompts->step_list_value, g_variant_unref);
  prompts->step_list_value = step_list ? g_variant_ref_sink (step_list) : NULL;
  notify (prompts, PROP_STEP_LIST);
}

double
fc_prompts_get_top (FcPrompts *prompts)
{
  return prompts->top;
}

void
fc_prompts_set_top (FcPrompts *prompts, double top_rpx)
{
  if (prompts->top == top_rpx)
    return;
  prompts->top = top_rpx;
  notify (prompts, PROP_TOP);
}

const char *
fc_prompts_get_mask_src (FcPrompts *prompts)
{
  return prompts->mask_src;
}

void
fc_prompts_set_mask (FcPrompts *prompts, const char *mask)
{
  if (g_strcmp0 (prompts->mask_src, mask) == 0)
    return;
  g_free (prompts->mask_src);
  prompts->mask_src = g_strdup (mask);
  notify (prompts, PROP_MASK);
}

GVariant *
fc_prompts_get_button_style (FcPrompts *prompts)
{
  return prompts->button_value;
}

void
fc_prompts_set_button_style (FcPrompts *prompts, GVariant *style)
{
  if (variant_equal (prompts->button_value, style))
    return;
  if (prompts->button_locked)
    {
      if (style)
        g_variant_unref (g_variant_ref_sink (style));
      warn ("buttonStyle is only effective during initialization; ignored",
            prompts);
      return;
    }
  g_clear_pointer (&prompts->button_value, g_variant_unref);
  prompts->button_value = style ? g_variant_ref_sink (style) : NULL;
  fc_button_style_init (&prompts->button);
  if (style)
    fc_button_style_apply (&prompts->button, style, warn, prompts);
  notify (prompts, PROP_BUTTON_STYLE);
}

const FcButtonStyle *
fc_prompts_get_button (FcPrompts *prompts)
{
  return &prompts->button;
}

void
fc_prompts_set_download_domains (FcPrompts *prompts,
                                 const char *const *domains)
{
  const char *const *old
      = fc_resource_loader_get_download_domains (prompts->loader);

  if ((!old && !domains) || (old && domains && g_strv_equal (old, domains)))
    return;
  fc_resource_loader_set_download_domains (prompts->loader, domains);
  notify (prompts, PROP_DOWNLOAD_DOMAINS);
}

void
fc_prompts_set_root_dir (FcPrompts *prompts, const char *root_dir)
{
  if (g_strcmp0 (fc_resource_loader_get_root_dir (prompts->loader), root_dir)
      == 0)
    return;
  fc_resource_loader_set_root_dir (prompts->loader, root_dir);
  notify (prompts, PROP_ROOT_DIR);
}

void
fc_prompts_set_allow_insecure_http (FcPrompts *prompts, gboolean allow)
{
  allow = !!allow;
  if (fc_resource_loader_get_allow_insecure_http (prompts->loader) == allow)
    return;
  fc_resource_loader_set_allow_insecure_http (prompts->loader, allow);
  notify (prompts, PROP_ALLOW_INSECURE_HTTP);
}

gboolean
fc_prompts_get_burn_in (FcPrompts *prompts)
{
  return prompts->burn_in;
}

void
fc_prompts_set_burn_in (FcPrompts *prompts, gboolean burn_in)
{
  burn_in = !!burn_in;
  if (prompts->burn_in == burn_in)
    return;
  prompts->burn_in = burn_in;
  notify (prompts, PROP_BURN_IN);
}

const char *
fc_prompts_get_prompt_audio_sink (FcPrompts *prompts)
{
  return prompts->audio_sink;
}

void
fc_prompts_set_prompt_audio_sink (FcPrompts *prompts, const char *sink)
{
  if (g_strcmp0 (prompts->audio_sink, sink) == 0)
    return;
  g_free (prompts->audio_sink);
  prompts->audio_sink = g_strdup (sink);
  notify (prompts, PROP_PROMPT_AUDIO_SINK);
}

void
fc_prompts_set_start_time (FcPrompts *prompts, gint64 start_time)
{
  if (prompts->start_time == start_time)
    return;
  prompts->start_time = start_time;
  notify (prompts, PROP_START_TIME);
}

/* ---- what a recording takes from the set ------------------------------ */

FcBurnIn *
fc_prompts_make_pictures (FcPrompts *prompts, int width, int height,
                          GError **error)
{
  gint64 t0 = g_get_monotonic_time ();
  FcBurnIn *pictures
      = fc_burn_in_new (prompts->steps, prompts->mask, width, height,
                        prompts->top, error);

  GST_INFO ("burn-in pictures made in %.1f ms",
            (g_get_monotonic_time () - t0) / 1000.0);
  return pictures;
}

FcPromptMix *
fc_prompts_make_clips (FcPrompts *prompts)
{
  FcStepList *steps = prompts->steps;
  FcPromptMix *mix = fc_prompt_mix_new ();

  for (guint i = 0; steps && i < fc_step_list_get_n_steps (steps); i++)
    /* at showTime in the file: the encoder's priming comes first */
    if (prompts->pcm[i] != NULL)
      fc_prompt_mix_add (
          mix,
          (gint64) gst_util_uint64_scale (
              fc_step_list_get_step (steps, i)->show_time, FC_PCM_RATE, 1000)
              - FC_AAC_PRIMING,
          prompts->pcm[i]);
  if (fc_prompt_mix_is_empty (mix))
    g_clear_pointer (&mix, fc_prompt_mix_unref);
  return mix;
}

FcPromptPlayer *
fc_prompts_make_player (FcPrompts *prompts)
{
  return fc_prompt_player_new (prompts->steps, prompts->pcm,
                               prompts->audio_sink);
}
