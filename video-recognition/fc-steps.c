/* The recorder's stepList model (see fc-steps.h). */

#include "fc-steps.h"

#include <math.h>
#include <string.h>

struct _FcStepList
{
  gatomicrefcount ref;
  GPtrArray *steps; /* FcStep, sorted by showTime */
};

/* clang-format off: the domain's name is its text */
G_DEFINE_QUARK (fc-step-list-error, fc_step_list_error)
/* clang-format on */

G_DEFINE_BOXED_TYPE (FcStepList, fc_step_list, fc_step_list_ref,
                     fc_step_list_unref)

static void
span_free (gpointer data)
{
  FcPromptSpan *span = data;

  g_free (span->text);
  g_free (span);
}

static void
line_free (gpointer data)
{
  FcPromptLine *line = data;

  g_ptr_array_unref (line->spans);
  g_free (line);
}

static void
step_free (gpointer data)
{
  FcStep *step = data;

  g_free (step->audio_src);
  g_ptr_array_unref (step->lines);
  g_free (step);
}

/* V without its variant boxes, as a new reference (children of a
 * serialised GVariant are made on demand, so they must be held). */
static GVariant *
unbox (GVariant *v)
{
  if (!v)
    return NULL;
  v = g_variant_ref (v);
  while (g_variant_is_of_type (v, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *inner = g_variant_get_variant (v);

      g_variant_unref (v);
      v = inner;
    }
  return v;
}

static gboolean
is_array (GVariant *v)
{
  return v && g_variant_is_container (v)
         && g_variant_type_is_array (g_variant_get_type (v))
         && !g_variant_is_of_type (v, G_VARIANT_TYPE_VARDICT)
         && !g_variant_is_of_type (v, G_VARIANT_TYPE_STRING);
}

/* A string, or a number as text (the bridge may give "text": 3). */
static char *
text_of (GVariant *v)
{
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (v, NULL);
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (
          g_ascii_dtostr (buf, sizeof buf, g_variant_get_double (v)));
    }
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (v));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT32))
    return g_strdup_printf ("%d", g_variant_get_int32 (v));
  return NULL;
}

static void
warnf (FcStyleWarnFunc warn, gpointer data, const char *format, ...)
    G_GNUC_PRINTF (3, 4);

static void
warnf (FcStyleWarnFunc warn, gpointer data, const char *format, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  if (!warn)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  warn (msg, data);
}

static FcPromptSpan *
span_new (const char *text, const FcTextStyle *parent)
{
  FcPromptSpan *span = g_new0 (FcPromptSpan, 1);

  span->text = g_strdup (text ? text : "");
  fc_text_style_inherit (&span->style, parent);
  return span;
}

static FcPromptLine *
parse_line (GVariant *boxed, const char *where, FcStyleWarnFunc warn,
            gpointer data)
{
  FcPromptLine *line = g_new0 (FcPromptLine, 1);
  g_autoptr (GVariant) text = NULL;
  g_autoptr (GVariant) item = unbox (boxed);

  line->spans = g_ptr_array_new_with_free_func (span_free);
  fc_text_style_init (&line->style);
  if (!item || !g_variant_is_of_type (item, G_VARIANT_TYPE_VARDICT))
    {
      g_autofree char *s = item ? text_of (item) : NULL;

      /* a bare string is a line of its own */
      if (s)
        g_ptr_array_add (line->spans, span_new (s, &line->style));
      else
        warnf (warn, data, "%s: expects an object with text; ignored", where);
      return line;
    }
  fc_text_style_apply (&line->style, item, where, warn, data);
  text = g_variant_lookup_value (item, "text", NULL);
  if (text)
    {
      g_autoptr (GVariant) t = unbox (text);
      g_autofree char *s = text_of (t);

      if (s)
        g_ptr_array_add (line->spans, span_new (s, &line->style));
      else if (is_array (t))
        {
          gsize n = g_variant_n_children (t);

          for (gsize i = 0; i < n; i++)
            {
              g_autoptr (GVariant) child = g_variant_get_child_value (t, i);
              g_autoptr (GVariant) c = unbox (child);
              g_autofree char *sw = g_strdup_printf ("%s.text[%zu]", where, i);
              g_autoptr (GVariant) ct = NULL;
              g_autofree char *cs = NULL;
              FcPromptSpan *span;

              if (!g_variant_is_of_type (c, G_VARIANT_TYPE_VARDICT))
                {
                  cs = text_of (c);
                  if (cs)
                    g_ptr_array_add (line->spans,
                                     span_new (cs, &line->style));
                  else
                    warnf (warn, data,
                           "%s: expects an object with text; ignored", sw);
                  continue;
                }
              ct = g_variant_lookup_value (c, "text", NULL);
              if (ct)
                {
                  g_autoptr (GVariant) cu = unbox (ct);

                  cs = text_of (cu);
                }
              if (!cs)
                warnf (warn, data, "%s.text: expects a string; using \"\"",
                       sw);
              span = span_new (cs, &line->style);
              fc_text_style_apply (&span->style, c, sw, warn, data);
              g_ptr_array_add (line->spans, span);
            }
        }
      else
        warnf (warn, data,
               "%s.text: expects a string or an array of spans; ignored",
               where);
    }
  else
    warnf (warn, data, "%s.text: missing; the line is empty", where);
  return line;
}

static gboolean
read_show_time (GVariant *v, guint *out)
{
  double d;

  if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
    d = g_variant_get_double (v);
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    d = (double) g_variant_get_int64 (v);
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT32))
    d = g_variant_get_int32 (v);
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_UINT32))
    d = g_variant_get_uint32 (v);
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
    {
      const char *s = g_variant_get_string (v, NULL);
      char *end = NULL;

      d = g_ascii_strtod (s, &end);
      if (end == s || *end)
        return FALSE;
    }
  else
    return FALSE;
  if (!isfinite (d) || d < 0 || d > G_MAXUINT32)
    return FALSE;
  *out = (guint) llround (d);
  return TRUE;
}

static int
by_show_time (gconstpointer a, gconstpointer b)
{
  const FcStep *x = *(FcStep *const *) a, *y = *(FcStep *const *) b;

  if (x->show_time != y->show_time)
    return x->show_time < y->show_time ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/**
 * fc_step_list_new:
 * @value: the stepList attribute, an array of objects (`aa{sv}`)
 * @warn: (scope call) (nullable): called for each ignored member
 * @user_data: (closure warn): data for @warn
 * @error: return location for a %FC_RECORDER_ERROR_INVALID_STEPS error
 *
 * Parses a stepList: its steps sorted by showTime, their text and styles.
 *
 * Returns: (transfer full) (nullable): the steps
 */
FcStepList *
fc_step_list_new (GVariant *boxed, FcStyleWarnFunc warn, gpointer data,
                  GError **error)
{
  g_autoptr (FcStepList) self = g_new0 (FcStepList, 1);
  g_autoptr (GVariant) value = unbox (boxed);
  gsize n;

  g_atomic_ref_count_init (&self->ref);
  self->steps = g_ptr_array_new_with_free_func (step_free);
  if (!value)
    return g_steal_pointer (&self);
  if (!is_array (value))
    {
      g_set_error (error, FC_STEP_LIST_ERROR, FC_STEP_LIST_ERROR_INVALID,
                   "stepList must be an array");
      return NULL;
    }
  n = g_variant_n_children (value);
  if (n > FC_STEP_LIST_MAX)
    {
      g_set_error (error, FC_STEP_LIST_ERROR, FC_STEP_LIST_ERROR_TOO_MANY,
                   "stepList supports at most %d steps, got %zu",
                   FC_STEP_LIST_MAX, n);
      return NULL;
    }
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (GVariant) child = g_variant_get_child_value (value, i);
      g_autoptr (GVariant) item = unbox (child);
      g_autoptr (GVariant) audio = NULL, show = NULL, lines = NULL;
      FcStep *step;

      if (!g_variant_is_of_type (item, G_VARIANT_TYPE_VARDICT))
        {
          g_set_error (error, FC_STEP_LIST_ERROR, FC_STEP_LIST_ERROR_INVALID,
                       "stepList[%zu] must be an object", i);
          return NULL;
        }
      step = g_new0 (FcStep, 1);
      step->index = (guint) i;
      step->lines = g_ptr_array_new_with_free_func (line_free);
      g_ptr_array_add (self->steps, step);

      show = g_variant_lookup_value (item, "showTime", NULL);
      if (show)
        {
          g_autoptr (GVariant) u = unbox (show);

          g_variant_unref (show);
          show = g_steal_pointer (&u);
        }
      if (show && !read_show_time (show, &step->show_time))
        {
          g_autofree char *s = g_variant_print (show, FALSE);

          g_set_error (error, FC_STEP_LIST_ERROR, FC_STEP_LIST_ERROR_INVALID,
                       "stepList[%zu].showTime must be a number of "
                       "milliseconds >= 0, got %s",
                       i, s);
          return NULL;
        }
      audio = g_variant_lookup_value (item, "audioSrc", NULL);
      if (audio)
        {
          g_autoptr (GVariant) a = unbox (audio);

          if (g_variant_is_of_type (a, G_VARIANT_TYPE_STRING))
            {
              const char *s = g_variant_get_string (a, NULL);

              step->audio_src = *s ? g_strdup (s) : NULL;
            }
          else
            warnf (warn, data,
                   "stepList[%zu].audioSrc: expects a string; no audio", i);
        }
      lines = g_variant_lookup_value (item, "textList", NULL);
      if (lines)
        {
          g_autoptr (GVariant) l = unbox (lines);

          if (is_array (l))
            for (gsize j = 0; j < g_variant_n_children (l); j++)
              {
                g_autoptr (GVariant) line = g_variant_get_child_value (l, j);
                g_autofree char *where
                    = g_strdup_printf ("stepList[%zu].textList[%zu]", i, j);

                g_ptr_array_add (step->lines,
                                 parse_line (line, where, warn, data));
              }
          else
            warnf (warn, data,
                   "stepList[%zu].textList: expects an array; no text", i);
        }
    }
  g_ptr_array_sort (self->steps, by_show_time);
  return g_steal_pointer (&self);
}

/**
 * fc_step_list_ref:
 * @self: a step list
 *
 * Takes a reference to a step list.
 *
 * Returns: (transfer full): @self
 */
FcStepList *
fc_step_list_ref (FcStepList *self)
{
  g_return_val_if_fail (self, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/**
 * fc_step_list_unref:
 * @self: a step list
 *
 * Releases a reference to a step list; the last one frees it.
 */
void
fc_step_list_unref (FcStepList *self)
{
  g_return_if_fail (self);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_ptr_array_unref (self->steps);
  g_free (self);
}

/**
 * fc_step_list_get_n_steps:
 * @self: a step list
 *
 * The number of steps.
 *
 * Returns: the number of steps
 */
guint
fc_step_list_get_n_steps (FcStepList *self)
{
  g_return_val_if_fail (self, 0);
  return self->steps->len;
}

/**
 * fc_step_list_get_step:
 * @self: a step list
 * @i: an index below fc_step_list_get_n_steps()
 *
 * One step, in showTime order (stable for equal times).
 *
 * Returns: (transfer none): the step
 */
const FcStep *
fc_step_list_get_step (FcStepList *self, guint i)
{
  g_return_val_if_fail (self, NULL);
  g_return_val_if_fail (i < self->steps->len, NULL);
  return self->steps->pdata[i];
}

/**
 * fc_step_list_active_at:
 * @self: a step list
 * @elapsed_ms: ms since the recording started; < 0 for the preview
 *
 * The step showing at a time of the recording: a step shows from its
 * showTime until the next step's. Before recording (@elapsed_ms < 0, the
 * preview) only a step with showTime 0 shows.
 *
 * Returns: the step's position in showTime order, or -1 for none
 */
int
fc_step_list_active_at (FcStepList *self, gint64 elapsed_ms)
{
  int active = -1;

  g_return_val_if_fail (self, -1);
  if (elapsed_ms < 0)
    elapsed_ms = 0; /* the preview shows what showTime 0 shows */
  for (guint i = 0; i < self->steps->len; i++)
    {
      const FcStep *step = self->steps->pdata[i];

      if ((gint64) step->show_time <= elapsed_ms)
        active = (int) i;
    }
  return active;
}

/* ---- WebVTT ------------------------------------------------------------ */

static void
append_time (GString *out, guint64 ms)
{
  g_string_append_printf (out, "%02" G_GUINT64_FORMAT ":%02u:%02u.%03u",
                          ms / 3600000, (guint) (ms / 60000 % 60),
                          (guint) (ms / 1000 % 60), (guint) (ms % 1000));
}

static void
append_escaped (GString *out, const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '\n':
      case '\r':
        g_string_append_c (out, ' '); /* a cue line stays one line */
        break;
      default:
        g_string_append_c (out, *p);
      }
}

/**
 * fc_step_list_to_webvtt:
 * @self: a step list
 * @duration_ms: the recording's duration
 *
 * The prompt timeline as WebVTT: a cue per step with text, from its
 * showTime to the next step's (or @duration_ms), its lines as cue lines;
 * steps at or after @duration_ms are left out.
 *
 * Returns: (transfer full): the WebVTT text
 */
char *
fc_step_list_to_webvtt (FcStepList *self, guint64 duration_ms)
{
  GString *out = g_string_new ("WEBVTT\n");
  guint cue = 0;

  g_return_val_if_fail (self, NULL);
  for (guint i = 0; i < self->steps->len; i++)
    {
      const FcStep *step = self->steps->pdata[i];
      guint64 end = duration_ms;
      gboolean any = FALSE;

      if (step->show_time >= duration_ms)
        break;
      if (i + 1 < self->steps->len)
        end = MIN (end, ((FcStep *) self->steps->pdata[i + 1])->show_time);
      if (end <= step->show_time)
        continue;
      for (guint j = 0; j < step->lines->len; j++)
        {
          const FcPromptLine *line = step->lines->pdata[j];

          for (guint k = 0; k < line->spans->len; k++)
            any = any || *((FcPromptSpan *) line->spans->pdata[k])->text;
        }
      if (!any)
        continue;
      g_string_append_printf (out, "\n%u\n", ++cue);
      append_time (out, step->show_time);
      g_string_append (out, " --> ");
      append_time (out, end);
      g_string_append_c (out, '\n');
      for (guint j = 0; j < step->lines->len; j++)
        {
          const FcPromptLine *line = step->lines->pdata[j];
          gboolean first = TRUE;

          for (guint k = 0; k < line->spans->len; k++)
            {
              const FcPromptSpan *span = line->spans->pdata[k];

              if (!*span->text)
                continue;
              if (!first)
                g_string_append_c (out, ' ');
              append_escaped (out, span->text);
              first = FALSE;
            }
          if (!first)
            g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

/* ---- timer ------------------------------------------------------------ */

struct _FcStepTimer
{
  gatomicrefcount ref;
  GMutex lock;
  gboolean cancelled; /* under lock; read on the context too */
  GMainContext *context;
  FcStepFunc func;
  gpointer user_data;
  GPtrArray *ids; /* GstClockID */
};

typedef struct
{
  FcStepTimer *timer;
  int step;
} Fire;

static FcStepTimer *
timer_ref (FcStepTimer *timer)
{
  g_atomic_ref_count_inc (&timer->ref);
  return timer;
}

static void
timer_unref (FcStepTimer *timer)
{
  if (!g_atomic_ref_count_dec (&timer->ref))
    return;
  g_ptr_array_unref (timer->ids);
  g_main_context_unref (timer->context);
  g_mutex_clear (&timer->lock);
  g_free (timer);
}

static void
fire_free (gpointer data)
{
  Fire *fire = data;

  timer_unref (fire->timer);
  g_free (fire);
}

static gboolean
fire_cb (gpointer data)
{
  Fire *fire = data;
  gboolean cancelled;

  g_mutex_lock (&fire->timer->lock);
  cancelled = fire->timer->cancelled;
  g_mutex_unlock (&fire->timer->lock);
  if (!cancelled)
    fire->timer->func (fire->step, fire->timer->user_data);
  return G_SOURCE_REMOVE;
}

static void
schedule_fire (FcStepTimer *timer, int step)
{
  Fire *fire = g_new0 (Fire, 1);
  GSource *source = g_idle_source_new ();

  fire->timer = timer_ref (timer);
  fire->step = step;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, fire_cb, fire, fire_free);
  g_source_set_static_name (source, "fc-step-timer");
  g_source_attach (source, timer->context);
  g_source_unref (source);
}

static gboolean
clock_cb (GstClock *clock, GstClockTime time, GstClockID id, gpointer data)
{
  Fire *fire = data;

  g_mutex_lock (&fire->timer->lock);
  if (!fire->timer->cancelled)
    schedule_fire (fire->timer, fire->step);
  g_mutex_unlock (&fire->timer->lock);
  return TRUE;
}

/**
 * fc_step_timer_new: (skip)
 * @list: the steps
 * @clock: the clock to follow
 * @start: the clock time the recording started at
 * @context: (nullable): where @func is called
 * @func: (scope notified): called as each step's showTime comes
 * @user_data: data for @func
 *
 * Calls @func for each step of @list at its showTime after @start.
 *
 * Returns: (transfer full): the timer
 */
FcStepTimer *
fc_step_timer_new (FcStepList *list, GstClock *clock, GstClockTime start,
                   GMainContext *context, FcStepFunc func, gpointer user_data)
{
  FcStepTimer *timer;

  g_return_val_if_fail (list, NULL);
  g_return_val_if_fail (GST_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (func, NULL);

  timer = g_new0 (FcStepTimer, 1);
  g_atomic_ref_count_init (&timer->ref);
  g_mutex_init (&timer->lock);
  timer->context = context ? g_main_context_ref (context)
                           : g_main_context_ref_thread_default ();
  timer->func = func;
  timer->user_data = user_data;
  timer->ids = g_ptr_array_new_with_free_func (
      (GDestroyNotify) gst_clock_id_unref);

  g_mutex_lock (&timer->lock);
  for (guint i = 0; i < list->steps->len; i++)
    {
      const FcStep *step = list->steps->pdata[i];
      GstClockID id;
      Fire *fire;

      if (step->show_time == 0)
        {
          schedule_fire (timer, (int) i);
          continue;
        }
      id = gst_clock_new_single_shot_id (
          clock, start + step->show_time * GST_MSECOND);
      fire = g_new0 (Fire, 1);
      fire->timer = timer_ref (timer);
      fire->step = (int) i;
      g_ptr_array_add (timer->ids, id);
      gst_clock_id_wait_async (id, clock_cb, fire, fire_free);
    }
  g_mutex_unlock (&timer->lock);
  return timer;
}

/**
 * fc_step_timer_free:
 * @timer: (nullable): a timer
 *
 * Cancels what has not fired and frees the timer; its function is never
 * called after this returns.
 */
void
fc_step_timer_free (FcStepTimer *timer)
{
  if (!timer)
    return;
  g_mutex_lock (&timer->lock);
  timer->cancelled = TRUE;
  g_mutex_unlock (&timer->lock);
  for (guint i = 0; i < timer->ids->len; i++)
    gst_clock_id_unschedule (timer->ids->pdata[i]);
  timer_unref (timer);
}
