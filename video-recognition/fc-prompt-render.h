/* Drawing a step's prompt text with Pango: the same code draws the view's
 * overlay and the burned-in frames, so both look the same.
 *
 * Each textList line is one line (no wrapping; what does not fit runs
 * off the edge). Lines stack from `top` (rpx) down; a line's box is the
 * component's width less its margins unless it has a width; its spans
 * sit side by side on a common baseline, aligned by the line's textAlign. */
#pragma once

#include "fc-steps.h"

#include <cairo.h>

G_BEGIN_DECLS

/**
 * FcPromptSpanBox:
 * @line: the line's index in the step
 * @span: the span's index in the line
 * @text: where its text went (its ink is inside, padding excluded)
 *
 * Where one span of a prompt was laid out (fc_prompt_layout()).
 */
typedef struct
{
  guint line, span;
  FcRect text;
} FcPromptSpanBox;

/* Lays STEP out in VIEWPORT with its block TOP_RPX from the top; fills
 * BOXES (FcPromptSpanBox) when not NULL. Returns the block's bottom. */
FC_RECORDER_EXPORT double fc_prompt_layout (const FcStep *step,
                                            const FcViewport *viewport,
                                            double top_rpx, GArray *boxes);

/* Lays out each of STEP's lines as it is drawn and, for every line with
 * characters that no font on the system has (Pango's unknown glyphs, drawn
 * as boxes with the code in hex), calls WARN (if not NULL) once with a
 * message naming the step, the line and the characters. Returns the
 * number of such lines. A recording does not fail for it. */
FC_RECORDER_EXPORT guint fc_prompt_check_glyphs (const FcStep *step,
                                                 FcStyleWarnFunc warn,
                                                 gpointer user_data);
/* The same for N_STEPS steps, with one font map for all of them. */
FC_RECORDER_EXPORT guint fc_prompt_check_all_glyphs (const FcStep *const *steps, guint n_steps,
                                                       FcStyleWarnFunc warn, gpointer user_data);

/* Draws STEP onto CR (whose user space is the component, VIEWPORT in
 * pixels). */
FC_RECORDER_EXPORT void fc_prompt_draw (const FcStep *step, cairo_t *cr,
                                        const FcViewport *viewport,
                                        double top_rpx);

/* A new WIDTHxHEIGHT ARGB32 surface holding MASK (scaled to 100% x 100%;
 * may be NULL) and STEP's prompt (may be NULL): what the view lays over
 * the preview and what burn-in composites into frames. */
FC_RECORDER_EXPORT cairo_surface_t *
fc_prompt_render_overlay (const FcStep *step, cairo_surface_t *mask,
                          int width, int height, double top_rpx);

G_END_DECLS
