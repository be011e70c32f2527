/* Prompt layout and drawing: the Quick Start's first step in a 375x667
 * component, checked by geometry and by the colours of the drawn pixels. */

#include <string.h>

#include "fc-prompt-render.h"

#define W 375
#define H 667

static FcStepList *
quick_start (void)
{
  static const char text[]
      = "[<{'showTime': <0.0>,"
        "  'textList': <[<{'text': <'First line of text'>,"
        "                  'margin': <'0 0 6rpx 0'>}>,"
        "                <{'text': <[<{'text': <'Second line'>}>,"
        "                            <{'text': <'Highlight Highlight'>,"
        "                              'color': <'#ee6f2d'>,"
        "                              'fontWeight': <'bold'>,"
        "                              'margin': <'0 6rpx'>}>,"
        "                            <{'text': <'Text text text'>}>]>}>,"
        "                <{'text': <'Third line text text text text text'>,"
        "                  'color': <'#ee6f2d'>, 'margin': <'6rpx'>}>]>}>]";
  g_autoptr (GVariant) v = g_variant_parse (NULL, text, NULL, NULL, NULL);
  g_autoptr (GError) error = NULL;
  FcStepList *list = fc_step_list_new (v, NULL, NULL, &error);

  g_assert_no_error (error);
  return list;
}

static FcPromptSpanBox *
box_of (GArray *boxes, guint line, guint span)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      FcPromptSpanBox *b = &g_array_index (boxes, FcPromptSpanBox, i);

      if (b->line == line && b->span == span)
        return b;
    }
  g_assert_not_reached ();
}

static void
test_layout (void)
{
  g_autoptr (FcStepList) list = quick_start ();
  const FcStep *step = fc_step_list_get_step (list, 0);
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (FcPromptSpanBox));
  FcViewport vp = { W, H };
  double bottom = fc_prompt_layout (step, &vp, 20, boxes);
  FcPromptSpanBox *a, *b, *c, *d, *e;

  g_assert_cmpuint (boxes->len, ==, 5);
  a = box_of (boxes, 0, 0);
  b = box_of (boxes, 1, 0);
  c = box_of (boxes, 1, 1);
  d = box_of (boxes, 1, 2);
  e = box_of (boxes, 2, 0);

  /* top: 20 rpx = 10 px; no wrapping: each line one line high (32 rpx =
   * 16 px font) */
  g_assert_cmpfloat_with_epsilon (a->text.y, 10, 1e-6);
  g_assert_cmpfloat (a->text.height, <, 16 * 1.6);
  g_assert_cmpfloat (e->text.height, <, 16 * 1.6);
  /* centred */
  g_assert_cmpfloat_with_epsilon (a->text.x + a->text.width / 2, W / 2.0, 0.5);
  /* line 1 comes after line 0 and its bottom margin (6 rpx = 3 px) */
  g_assert_cmpfloat_with_epsilon (b->text.y, a->text.y + a->text.height + 3,
                                  0.5);
  /* spans side by side; the highlight has 6 rpx = 3 px each side */
  g_assert_cmpfloat_with_epsilon (c->text.x, b->text.x + b->text.width + 3,
                                  1e-6);
  g_assert_cmpfloat_with_epsilon (d->text.x, c->text.x + c->text.width + 3,
                                  1e-6);
  /* same font size: same top */
  g_assert_cmpfloat_with_epsilon (c->text.y, b->text.y, 1e-6);
  /* the third line's margin is 3 px all round */
  g_assert_cmpfloat_with_epsilon (e->text.y, b->text.y + b->text.height + 3,
                                  0.5);
  g_assert_cmpfloat_with_epsilon (bottom, e->text.y + e->text.height + 3, 0.5);
}

/* The share of pixels in R (clipped) that are close to (r, g, b). */
static double
share_of (cairo_surface_t *s, const FcRect *rect, guint r, guint g, guint b)
{
  int stride = cairo_image_surface_get_stride (s);
  const guint8 *data = cairo_image_surface_get_data (s);
  int x0 = MAX (0, (int) rect->x), y0 = MAX (0, (int) rect->y);
  int x1 = MIN (W, (int) (rect->x + rect->width));
  int y1 = MIN (H, (int) (rect->y + rect->height));
  int n = 0, hit = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + x * 4);
        int pr = (px >> 16) & 0xff, pg = (px >> 8) & 0xff, pb = px & 0xff;

        n++;
        if (ABS (pr - (int) r) < 40 && ABS (pg - (int) g) < 40
            && ABS (pb - (int) b) < 40)
          hit++;
      }
  return n ? (double) hit / n : 0;
}

static void
test_draw (void)
{
  g_autoptr (FcStepList) list = quick_start ();
  const FcStep *step = fc_step_list_get_step (list, 0);
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (FcPromptSpanBox));
  FcViewport vp = { W, H };
  cairo_surface_t *mask
      = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 30, 30);
  cairo_surface_t *overlay, *frame;
  cairo_t *cr;
  g_autofree char *png = NULL;
  FcRect below = { 0, 200, W, 100 };

  /* a mask: translucent black, scaled to the whole component */
  cr = cairo_create (mask);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.5);
  cairo_paint (cr);
  cairo_destroy (cr);

  fc_prompt_layout (step, &vp, 20, boxes);
  overlay = fc_prompt_render_overlay (step, mask, W, H, 20);
  frame = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cr = cairo_create (frame);
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.6); /* the "camera" */
  cairo_paint (cr);
  cairo_set_source_surface (cr, overlay, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (frame);

  png = g_test_build_filename (G_TEST_BUILT, "recorder-prompt.png", NULL);
  g_assert_cmpint (cairo_surface_write_to_png (frame, png), ==,
                   CAIRO_STATUS_SUCCESS);
  g_test_message ("drawn: %s", png);

  /* the white spans have white ink, the highlight orange, and the mask
   * darkened what lies below the text to half (0.1, 0.2, 0.3) */
  g_assert_cmpfloat (share_of (frame, &box_of (boxes, 0, 0)->text, 255, 255,
                               255),
                     >, 0.05);
  g_assert_cmpfloat (share_of (frame, &box_of (boxes, 1, 1)->text, 0xee, 0x6f,
                               0x2d),
                     >, 0.05);
  g_assert_cmpfloat (share_of (frame, &box_of (boxes, 1, 1)->text, 255, 255,
                               255),
                     <, 0.01);
  g_assert_cmpfloat (share_of (frame, &box_of (boxes, 2, 0)->text, 0xee, 0x6f,
                               0x2d),
                     >, 0.05);
  g_assert_cmpfloat (share_of (frame, &below, 26, 51, 77), >, 0.99);

  cairo_surface_destroy (frame);
  cairo_surface_destroy (overlay);
  cairo_surface_destroy (mask);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Recorder/Prompt/layout", test_layout);
  g_test_add_func ("/Recorder/Prompt/draw", test_draw);
  return g_test_run ();
}
