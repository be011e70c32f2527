/* Prompt text with Pango (see fc-prompt-render.h). */

#include "fc-prompt-render.h"

#include <pango/pangocairo.h>

#define FONT_FAMILY "Sans"

static PangoLayout *
span_layout (PangoContext *context, const FcPromptSpan *span,
             const FcViewport *vp)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();
  double size = fc_css_length_to_px (&span->style.font_size, vp, 0);

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font,
                                            MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font,
                                     (PangoWeight) span->style.font_weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, -1); /* one line: never wrap */
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, span->text, -1);
  return layout;
}

/* The characters of LAYOUT no font on the system has, each once, as
 * "'X' U+XXXX" words; NULL when every glyph was found. Pango puts a box
 * with the code in hex where a glyph is missing and marks the glyph id
 * with PANGO_GLYPH_UNKNOWN_FLAG, the character's code in the low bits. */
static char *
missing_characters (PangoLayout *layout)
{
  PangoLayoutIter *iter;
  g_autoptr (GString) words = NULL;
  g_autoptr (GArray) seen = NULL;

  if (pango_layout_get_unknown_glyphs_count (layout) == 0)
    return NULL;
  words = g_string_new (NULL);
  seen = g_array_new (FALSE, FALSE, sizeof (gunichar));
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      for (int i = 0; run != NULL && i < run->glyphs->num_glyphs; i++)
        {
          PangoGlyph glyph = run->glyphs->glyphs[i].glyph;
          gunichar c = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
          gboolean again = FALSE;
          char utf8[8] = { 0 };

          if (!(glyph & PANGO_GLYPH_UNKNOWN_FLAG)
              || glyph == PANGO_GLYPH_INVALID_INPUT)
            continue;
          for (guint k = 0; k < seen->len && !again; k++)
            again = g_array_index (seen, gunichar, k) == c;
          if (again)
            continue;
          g_array_append_val (seen, c);
          if (g_unichar_isprint (c))
            g_unichar_to_utf8 (c, utf8);
          g_string_append_printf (words, "%s'%s' U+%04X",
                                  words->len ? ", " : "", utf8, c);
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  return words->len ? g_string_free (g_steal_pointer (&words), FALSE) : NULL;
}

static double
side (const FcCssLength *box, int i, const FcViewport *vp, double percent_of)
{
  return fc_css_length_to_px (&box[i], vp, percent_of);
}

typedef struct
{
  PangoLayout *layout;
  double outer_w, ascent, descent; /* above/below the baseline, outer */
  double text_w, text_h, baseline;
} Placed;

/* Lays out (and with CR, draws) the step. */
static double
walk (const FcStep *step, const FcViewport *vp, double top_rpx, cairo_t *cr,
      GArray *boxes)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();
  FcCssLength top = { top_rpx, FC_UNIT_RPX };
  double y = fc_css_length_to_px (&top, vp, 0);

  /* Unhinted metrics: the layout does not depend on the target. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  for (guint li = 0; step && li < step->lines->len; li++)
    {
      const FcPromptLine *line = step->lines->pdata[li];
      const FcTextStyle *ls = &line->style;
      double ml = side (ls->margin, 3, vp, vp->width);
      double mr = side (ls->margin, 1, vp, vp->width);
      double mt = side (ls->margin, 0, vp, vp->width);
      double mb = side (ls->margin, 2, vp, vp->width);
      double pl = side (ls->padding, 3, vp, vp->width);
      double pr = side (ls->padding, 1, vp, vp->width);
      double pt = side (ls->padding, 0, vp, vp->width);
      double pb = side (ls->padding, 2, vp, vp->width);
      double box_w = (ls->set & FC_STYLE_WIDTH)
                         ? fc_css_length_to_px (&ls->width, vp, vp->width)
                         : vp->width - ml - mr;
      double avail = box_w - pl - pr;
      double content_w = 0, ascent = 0, descent = 0, line_h, x;
      g_autofree Placed *placed = g_new0 (Placed, line->spans->len + 1);

      y += mt;
      for (guint si = 0; si < line->spans->len; si++)
        {
          const FcPromptSpan *span = line->spans->pdata[si];
          const FcTextStyle *ss = &span->style;
          Placed *p = &placed[si];
          PangoRectangle logical;
          double sw, sh, extra_top, extra_bottom;

          p->layout = span_layout (context, span, vp);
          pango_layout_get_extents (p->layout, NULL, &logical);
          p->text_w = (double) logical.width / PANGO_SCALE;
          p->text_h = (double) logical.height / PANGO_SCALE;
          p->baseline
              = (double) pango_layout_get_baseline (p->layout) / PANGO_SCALE;
          sw = (ss->set & FC_STYLE_WIDTH)
                   ? fc_css_length_to_px (&ss->width, vp, avail)
                   : p->text_w + side (ss->padding, 1, vp, avail)
                         + side (ss->padding, 3, vp, avail);
          sh = (ss->set & FC_STYLE_HEIGHT)
                   ? fc_css_length_to_px (&ss->height, vp, vp->height)
                   : p->text_h + side (ss->padding, 0, vp, avail)
                         + side (ss->padding, 2, vp, avail);
          p->outer_w = sw + side (ss->margin, 1, vp, avail)
                       + side (ss->margin, 3, vp, avail);
          /* the text's baseline, measured from the outer box's top */
          extra_top = side (ss->margin, 0, vp, avail)
                      + side (ss->padding, 0, vp, avail);
          extra_bottom = sh - side (ss->padding, 0, vp, avail) - p->baseline
                         + side (ss->margin, 2, vp, avail);
          p->ascent = extra_top + p->baseline;
          p->descent = MAX (extra_bottom, p->text_h - p->baseline);
          content_w += p->outer_w;
          ascent = MAX (ascent, p->ascent);
          descent = MAX (descent, p->descent);
        }

      line_h = (ls->set & FC_STYLE_HEIGHT)
                   ? fc_css_length_to_px (&ls->height, vp, vp->height)
                   : ascent + descent + pt + pb;
      switch (ls->text_align)
        {
        case FC_TEXT_ALIGN_LEFT:
          x = ml + pl;
          break;
        case FC_TEXT_ALIGN_RIGHT:
          x = ml + pl + avail - content_w;
          break;
        case FC_TEXT_ALIGN_CENTER:
        default:
          x = ml + pl + (avail - content_w) / 2;
          break;
        }

      for (guint si = 0; si < line->spans->len; si++)
        {
          const FcPromptSpan *span = line->spans->pdata[si];
          const FcTextStyle *ss = &span->style;
          Placed *p = &placed[si];
          double tx = x + side (ss->margin, 3, vp, avail)
                      + side (ss->padding, 3, vp, avail);
          double ty = y + pt + ascent - p->baseline;

          if (boxes)
            {
              FcPromptSpanBox box
                  = { li, si, { tx, ty, p->text_w, p->text_h } };

              g_array_append_val (boxes, box);
            }
          if (cr)
            {
              cairo_save (cr);
              cairo_set_source_rgba (cr, ss->color.r, ss->color.g,
                                     ss->color.b, ss->color.a);
              cairo_move_to (cr, tx, ty);
              pango_cairo_show_layout (cr, p->layout);
              cairo_restore (cr);
            }
          x += p->outer_w;
          g_object_unref (p->layout);
        }
      y += line_h + mb;
    }
  g_object_unref (context);
  return y;
}

/* The check of one step with @context's fonts. */
static guint
check_glyphs (PangoContext *context, const FcStep *step, FcStyleWarnFunc warn, gpointer user_data)
{
  FcViewport vp = { 375, 667 };
  guint n_lines = 0;

  for (guint li = 0; li < step->lines->len; li++)
    {
      const FcPromptLine *line = step->lines->pdata[li];
      g_autoptr (GString) missing = g_string_new (NULL);

      for (guint si = 0; si < line->spans->len; si++)
        {
          PangoLayout *layout
              = span_layout (context, line->spans->pdata[si], &vp);
          g_autofree char *chars = missing_characters (layout);

          if (chars)
            g_string_append_printf (missing, "%s%s",
                                    missing->len ? ", " : "", chars);
          g_object_unref (layout);
        }
      if (missing->len == 0)
        continue;
      n_lines++;
      if (warn)
        {
          g_autofree char *message = g_strdup_printf (
              "stepList[%u].textList[%u]: no font on this system has %s; "
              "they are drawn as boxes (install a font for them, e.g. "
              "fonts-noto-cjk for Chinese)",
              step->index, li, missing->str);

          warn (message, user_data);
        }
    }
  return n_lines;
}

/**
 * fc_prompt_check_glyphs:
 * @step: a step
 * @warn: (scope call) (nullable): called once for each line with missing glyphs
 * @user_data: (closure warn): data for @warn
 *
 * Lays out each of @step's lines as it is drawn and, for every line with
 * characters that no font on the system has (drawn as boxes), calls @warn
 * with a message naming the step, the line and the characters. A recording
 * does not fail for it. fc_prompt_check_all_glyphs() checks several steps
 * with one font map.
 *
 * Returns: the number of such lines
 */
guint
fc_prompt_check_glyphs (const FcStep *step, FcStyleWarnFunc warn, gpointer user_data)
{
  g_return_val_if_fail (step != NULL, 0);
  return fc_prompt_check_all_glyphs (&step, 1, warn, user_data);
}

/**
 * fc_prompt_check_all_glyphs:
 * @steps: (array length=n_steps): the steps
 * @n_steps: how many
 * @warn: (scope call) (nullable): called once for each line with missing glyphs
 * @user_data: (closure warn): data for @warn
 *
 * fc_prompt_check_glyphs() for each of @steps, laid out with one font map:
 * fontconfig's fonts are looked up once for all of them, not once a step.
 *
 * Returns: the number of lines with missing glyphs in all
 */
guint
fc_prompt_check_all_glyphs (const FcStep *const *steps, guint n_steps, FcStyleWarnFunc warn,
                              gpointer user_data)
{
  PangoFontMap *map;
  PangoContext *context;
  guint n_lines = 0;

  /* a font map of its own, gone when the check is: the calling thread's
   * default one (pango_cairo_font_map_get_default()) would live for the
   * process, and Pango's fontconfig patterns behind it show as leaks at
   * exit (tests/valgrind/run) */
  map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (map);
  for (guint i = 0; i < n_steps; i++)
    n_lines += check_glyphs (context, steps[i], warn, user_data);
  g_object_unref (context);
  g_object_unref (map);
  return n_lines;
}

/**
 * fc_prompt_layout:
 * @step: a step
 * @viewport: the component's size and the rpx scale
 * @top_rpx: the prompt block's distance from the top
 * @boxes: (nullable) (element-type FcPromptSpanBox): filled with where each span went
 *
 * Lays @step out in @viewport with its block @top_rpx from the top.
 *
 * Returns: the block's bottom, in pixels
 */
double
fc_prompt_layout (const FcStep *step, const FcViewport *viewport,
                  double top_rpx, GArray *boxes)
{
  g_return_val_if_fail (viewport, 0);
  return walk (step, viewport, top_rpx, NULL, boxes);
}

/**
 * fc_prompt_draw:
 * @step: a step
 * @cr: the cairo context
 * @viewport: the component's size
 * @top_rpx: the prompt block's distance from the top
 *
 * Draws a step's prompt onto a cairo context whose user space is the
 * component, in pixels.
 */
void
fc_prompt_draw (const FcStep *step, cairo_t *cr, const FcViewport *viewport,
                double top_rpx)
{
  g_return_if_fail (cr && viewport);
  walk (step, viewport, top_rpx, cr, NULL);
}

/**
 * fc_prompt_render_overlay:
 * @step: (nullable): the step, or %NULL for none
 * @mask: (nullable): the mask, or %NULL for none
 * @width: the width in pixels
 * @height: the height in pixels
 * @top_rpx: the prompt block's distance from the top
 *
 * Renders the mask (scaled to the whole size) and a step's prompt into a
 * new ARGB32 surface: what the view lays over the preview and what burn-in
 * composites into frames.
 *
 * Returns: (transfer full): the surface
 */
cairo_surface_t *
fc_prompt_render_overlay (const FcStep *step, cairo_surface_t *mask,
                          int width, int height, double top_rpx)
{
  cairo_surface_t *surface
      = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  FcViewport vp = { width, height };

  if (mask)
    {
      double mw = cairo_image_surface_get_width (mask);
      double mh = cairo_image_surface_get_height (mask);

      if (mw > 0 && mh > 0)
        {
          cairo_save (cr);
          cairo_scale (cr, width / mw, height / mh);
          cairo_set_source_surface (cr, mask, 0, 0);
          cairo_pattern_set_filter (cairo_get_source (cr),
                                    CAIRO_FILTER_GOOD);
          /* no fading at the edges when scaling up */
          cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
          cairo_paint (cr);
          cairo_restore (cr);
        }
    }
  if (step)
    fc_prompt_draw (step, cr, &vp, top_rpx);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}
