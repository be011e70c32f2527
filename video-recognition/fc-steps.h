/* FcStepList: the recorder's stepList (timed prompts), parsed and checked.
 *
 * Input is the page's stepList as a GVariant (an array of a{sv}, or av
 * holding a{sv}; values as the bridge converts JSON: strings, numbers,
 * arrays, objects). At most FC_STEP_LIST_MAX steps; bad style values warn
 * and fall back; a structural fault (not an array, too many steps, a
 * negative showTime) is a GError in FC_STEP_LIST_ERROR. */
#pragma once

#include "fc-style.h"

#include <glib-object.h>
#include <gst/gst.h>

G_BEGIN_DECLS

/**
 * FC_STEP_LIST_MAX:
 *
 * The most steps a stepList may have, as on the platform.
 */
#define FC_STEP_LIST_MAX 3

#define FC_STEP_LIST_ERROR (fc_step_list_error_quark ())
/**
 * fc_step_list_error_quark:
 *
 * The error domain of parsing a stepList (fc_step_list_new()).
 *
 * Returns: the quark of %FC_STEP_LIST_ERROR
 */
FC_RECORDER_EXPORT GQuark fc_step_list_error_quark (void);

/**
 * FcStepListError:
 * @FC_STEP_LIST_ERROR_TOO_MANY: more than %FC_STEP_LIST_MAX steps
 *   ("stepList supports at most 3 steps, got N")
 * @FC_STEP_LIST_ERROR_INVALID: not an array of objects, or a bad showTime
 *
 * The codes of %FC_STEP_LIST_ERROR.
 */
typedef enum
{
  FC_STEP_LIST_ERROR_TOO_MANY, /* "stepList supports at most 3 steps, got N" */
  FC_STEP_LIST_ERROR_INVALID,  /* not an array of objects, bad showTime */
} FcStepListError;

/**
 * FcPromptSpan:
 * @text: the span's text
 * @style: its style, which inherits the line's colour, font and alignment
 *
 * One run of text of a prompt line, in one style.
 */
typedef struct
{
  char *text;
  FcTextStyle style; /* inherits the line's color/font/alignment */
} FcPromptSpan;

/**
 * FcPromptLine:
 * @style: the line's style (a textList entry's)
 * @spans: (element-type FcPromptSpan): its spans; one when the entry's text
 *   is a string
 *
 * One line of a step's prompt text (an entry of its textList).
 */
typedef struct
{
  FcTextStyle style;
  GPtrArray *spans; /* FcPromptSpan; one span when text is a string */
} FcPromptLine;

/**
 * FcStep:
 * @index: its position in the page's stepList
 * @audio_src: (nullable): its prompt audio's path or URL
 * @show_time: when it shows, in ms after the recording starts
 * @lines: (element-type FcPromptLine): its lines of text
 *
 * One step of a stepList: prompt text shown (and audio played) from its
 * showTime on.
 */
typedef struct
{
  guint index;      /* position in the page's stepList */
  char *audio_src;  /* NULL when none */
  guint show_time;  /* ms after the recording starts */
  GPtrArray *lines; /* FcPromptLine */
} FcStep;

/**
 * FcStepList:
 *
 * A parsed stepList: its steps sorted by showTime, with their text and
 * styles.
 */
typedef struct _FcStepList FcStepList;

#define FC_TYPE_STEP_LIST (fc_step_list_get_type ())
FC_RECORDER_EXPORT GType fc_step_list_get_type (void);

/* NULL (or an empty array) gives an empty list. */
FC_RECORDER_EXPORT FcStepList *fc_step_list_new (GVariant *value,
                                                 FcStyleWarnFunc warn,
                                                 gpointer user_data,
                                                 GError **error);
FC_RECORDER_EXPORT FcStepList *fc_step_list_ref (FcStepList *self);
FC_RECORDER_EXPORT void fc_step_list_unref (FcStepList *self);

FC_RECORDER_EXPORT guint fc_step_list_get_n_steps (FcStepList *self);
/* Steps in showTime order (stable for equal times). */
FC_RECORDER_EXPORT const FcStep *fc_step_list_get_step (FcStepList *self,
                                                        guint i);

/* The step (its position in showTime order) showing at ELAPSED_MS after
 * the recording started, or -1 for none. ELAPSED_MS < 0 means "not
 * recording" (the preview): only a step with showTime 0 shows. A step
 * shows from its showTime until the next step's. */
FC_RECORDER_EXPORT int fc_step_list_active_at (FcStepList *self,
                                               gint64 elapsed_ms);

/* The prompt timeline as WebVTT: a cue per step with text, from its
 * showTime to the next step's (or DURATION_MS), its lines as cue lines
 * (spans joined by spaces). Steps at or after DURATION_MS are left out. */
FC_RECORDER_EXPORT char *fc_step_list_to_webvtt (FcStepList *self,
                                                 guint64 duration_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcStepList, fc_step_list_unref)

/* FcStepTimer: calls back when each step's showTime comes, on a clock (the
 * pipeline's, which is the host's clock when one is given: a virtual clock
 * in replay and tests). START is the clock time at which the recording's
 * running time 0 was (base time + running time of the first frame).
 * FUNC runs on CONTEXT (NULL: the thread-default one), with the step's
 * position in showTime order; a step at showTime 0 is called at once. */
/**
 * FcStepTimer:
 *
 * Calls back when each step's showTime comes, on a clock (the pipeline's:
 * a virtual clock in replay and tests).
 */
typedef struct _FcStepTimer FcStepTimer;
/**
 * FcStepFunc:
 * @step: the step's position in showTime order
 * @user_data: the data given with the function
 *
 * Called by an #FcStepTimer when a step's showTime comes.
 */
typedef void (*FcStepFunc) (int step, gpointer user_data);

FC_RECORDER_EXPORT FcStepTimer *fc_step_timer_new (FcStepList *list,
                                                   GstClock *clock,
                                                   GstClockTime start,
                                                   GMainContext *context,
                                                   FcStepFunc func,
                                                   gpointer user_data);
/* Cancels what has not fired; FUNC is never called after this returns. */
FC_RECORDER_EXPORT void fc_step_timer_free (FcStepTimer *timer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcStepTimer, fc_step_timer_free)

G_END_DECLS
