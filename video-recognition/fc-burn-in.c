/* FcBurnIn: the pictures burnt into the recorded frames
 * (FcRecorder:burn-in). Each step's picture (mask + text, drawn by the
 * same code as the view's overlay) is made once, when the recording is
 * armed, in the frames' I420 planes; the fcburnin element
 * (fc-burn-in-filter.c) blends the one whose showTime the frame's
 * timestamp (recording time, from 0) has reached into each frame. */

#include "fc-burn-in.h"

#include "fc-mask.h"
#include "fc-prompt-render.h"

#include <gst/video/video.h>
#include <math.h>
#include <string.h>

/* One step's picture, premultiplied, in the frames' I420 planes: for each
 * plane a value to add and an alpha to keep (1 - alpha) of the frame, and
 * per row the span that is not transparent. Blending is then a few
 * integer operations per pixel on the spans only (GStreamer's generic
 * overlay blend converts and blends the whole ARGB rectangle every frame:
 * 31 ms a 1080p frame here, too slow for 30 fps next to the encoder). */
typedef struct
{
  int width, height;
  guint8 *value, *alpha;
  int *x0, *x1; /* per row: [x0, x1) is not transparent */
} Plane;

struct _FcBurnInPicture
{
  Plane plane[3];
};

typedef FcBurnInPicture Picture;

struct _FcBurnIn
{
  gatomicrefcount ref;
  GstVideoInfo info;
  guint n;
  GstClockTime show[FC_STEP_LIST_MAX];
  Picture *step[FC_STEP_LIST_MAX];
  Picture *none; /* before the first step: the mask */
};

G_DEFINE_BOXED_TYPE (FcBurnIn, fc_burn_in, fc_burn_in_ref, fc_burn_in_unref)

static void
plane_clear (Plane *p)
{
  g_free (p->value);
  g_free (p->alpha);
  g_free (p->x0);
  g_free (p->x1);
}

static void
picture_free (Picture *pic)
{
  if (pic == NULL)
    return;
  for (int i = 0; i < 3; i++)
    plane_clear (&pic->plane[i]);
  g_free (pic);
}

static void
plane_spans (Plane *p)
{
  p->x0 = g_new (int, p->height);
  p->x1 = g_new (int, p->height);
  for (int y = 0; y < p->height; y++)
    {
      const guint8 *a = p->alpha + (gsize) y * p->width;
      int x0 = 0, x1 = p->width;

      while (x0 < x1 && a[x0] == 0)
        x0++;
      while (x1 > x0 && a[x1 - 1] == 0)
        x1--;
      p->x0[y] = x0;
      p->x1[y] = x1;
    }
}

/* 16.16 fixed point */
#define FIX(v) ((gint32) lround ((v) * 65536.0))

static guint8
clamp_fix (gint64 v)
{
  return (guint8) CLAMP ((v + 32768) >> 16, 0, 255);
}

/* SURFACE (cairo ARGB32, premultiplied) in the frames' colour matrix,
 * limited range. A frame-sized picture is made per step when a recording
 * is armed, so in fixed point, once per run of equal pixels (a mask is
 * mostly runs), and only where SURFACE differs from LIKE_SURFACE, whose
 * picture LIKE is (a step's text over the mask changes a few rows of the
 * mask's picture); LIKE may be NULL. */
static Picture *
picture_new (cairo_surface_t *surface, const GstVideoInfo *info,
             cairo_surface_t *like_surface, const Picture *like)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  Picture *pic = g_new0 (Picture, 1);
  gdouble kr = 0.299, kb = 0.114, kg, sb, sr;
  Plane *py = &pic->plane[0];
  /* Y = 16 a / 255 + (kr r + kg g + kb b) 219 / 255;
   * Cb = 128 a / 255 + (b - luma) / (2 (1 - kb)) 224 / 255, Cr alike:
   * linear in a, r, g, b (premultiplied) */
  gint32 ya, yr, yg, yb, ca, cbr, cbg, cbb, crr, crg, crb;

  gst_video_color_matrix_get_Kr_Kb (info->colorimetry.matrix, &kr, &kb);
  kg = 1 - kr - kb;
  sb = 224.0 / 255 / (2 * (1 - kb));
  sr = 224.0 / 255 / (2 * (1 - kr));
  ya = FIX (16.0 / 255), yr = FIX (kr * 219 / 255), yg = FIX (kg * 219 / 255);
  yb = FIX (kb * 219 / 255);
  ca = FIX (128.0 / 255);
  cbr = FIX (-kr * sb), cbg = FIX (-kg * sb), cbb = FIX ((1 - kb) * sb);
  crr = FIX ((1 - kr) * sr), crg = FIX (-kg * sr), crb = FIX (-kb * sr);
  g_autofree gboolean *same = g_new0 (gboolean, h);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  if (like != NULL && cairo_image_surface_get_stride (like_surface) == stride
      && cairo_image_surface_get_height (like_surface) == h)
    {
      const guint8 *like_data = cairo_image_surface_get_data (like_surface);

      for (int y = 0; y < h; y++)
        same[y] = memcmp (data + (gsize) y * stride,
                          like_data + (gsize) y * stride, (gsize) w * 4)
                  == 0;
    }

  py->width = w, py->height = h;
  py->value = g_malloc ((gsize) w * h);
  py->alpha = g_malloc ((gsize) w * h);
  for (int c = 1; c < 3; c++)
    {
      Plane *pc = &pic->plane[c];

      pc->width = GST_VIDEO_INFO_COMP_WIDTH (info, c);
      pc->height = GST_VIDEO_INFO_COMP_HEIGHT (info, c);
      pc->value = g_malloc0 ((gsize) pc->width * pc->height);
      pc->alpha = g_malloc0 ((gsize) pc->width * pc->height);
    }
  for (int y = 0; y < h; y++)
    {
      const guint32 *px_row = (const guint32 *) (data + (gsize) y * stride);
      guint32 last = 0;
      guint8 value = 0;

      if (same[y])
        {
          gsize row = (gsize) y * w;

          memcpy (py->value + row, like->plane[0].value + row, w);
          memcpy (py->alpha + row, like->plane[0].alpha + row, w);
          continue;
        }
      for (int x = 0; x < w; x++)
        {
          guint32 px = px_row[x];
          gint64 a = px >> 24, r = (px >> 16) & 0xff, g = (px >> 8) & 0xff,
                 b = px & 0xff;

          if (px != last)
            {
              value = clamp_fix (ya * a + yr * r + yg * g + yb * b);
              last = px;
            }
          py->value[(gsize) y * w + x] = value;
          py->alpha[(gsize) y * w + x] = (guint8) a;
        }
    }
  /* chroma: each sample from the 2x2 block it covers */
  for (int y = 0; y < pic->plane[1].height; y++)
    {
      if (same[MIN (2 * y, h - 1)] && same[MIN (2 * y + 1, h - 1)])
        {
          for (int c = 1; c < 3; c++)
            {
              gsize row = (gsize) y * pic->plane[c].width;

              memcpy (pic->plane[c].value + row, like->plane[c].value + row,
                      pic->plane[c].width);
              memcpy (pic->plane[c].alpha + row, like->plane[c].alpha + row,
                      pic->plane[c].width);
            }
          continue;
        }
      for (int x = 0; x < pic->plane[1].width; x++)
        {
          gint64 a = 0, cb = 0, cr = 0;
          int n = 0;
          gsize at = (gsize) y * pic->plane[1].width + x;

          for (int dy = 0; dy < 2; dy++)
            for (int dx = 0; dx < 2; dx++)
              {
                int sx = MIN (2 * x + dx, w - 1), sy = MIN (2 * y + dy, h - 1);
                guint32 px
                    = ((const guint32 *) (data + (gsize) sy * stride))[sx];
                gint64 pa = px >> 24, r = (px >> 16) & 0xff,
                       g = (px >> 8) & 0xff, b = px & 0xff;

                a += pa;
                cb += ca * pa + cbr * r + cbg * g + cbb * b;
                cr += ca * pa + crr * r + crg * g + crb * b;
                n++;
              }
          if (a == 0)
            continue; /* transparent: 0 and 0 already */
          pic->plane[1].value[at] = clamp_fix (cb / n);
          pic->plane[2].value[at] = clamp_fix (cr / n);
          pic->plane[1].alpha[at] = pic->plane[2].alpha[at]
              = (guint8) ((a + n / 2) / n);
        }
    }
  for (int c = 0; c < 3; c++)
    plane_spans (&pic->plane[c]);
  return pic;
}

/* d = s * (255 - a) / 255 + v over N pixels, rounded: (t + 1 + (t >> 8))
 * >> 8. Every step fits 16 bits and the rows do not alias. */
static inline void
blend_pixels (guint8 *restrict d, const guint8 *restrict s,
              const guint8 *restrict v, const guint8 *restrict a, int n)
{
  for (int x = 0; x < n; x++)
    {
      guint16 t = (guint16) (s[x] * (255 - a[x]) + 128);
      guint16 out = (guint16) (((t + (t >> 8)) >> 8) + v[x]);

      /* saturated without a branch (or a min, which SSE2 lacks for 16
       * bits): above 255, out >> 8 is 1 and the OR sets every bit */
      out |= (guint16) - (out >> 8);
      d[x] = (guint8) out;
    }
}

/* The mask can cover most of a frame (3 million samples a 1080p frame):
 * in blocks of a fixed size, which the compiler turns into a few vector
 * instructions each even at -O2, then the rest one by one. */
#define BLEND_BLOCK 32

static void
blend_row (guint8 *restrict d, const guint8 *restrict s,
           const guint8 *restrict v, const guint8 *restrict a, int n)
{
  int x = 0;

  for (; x + BLEND_BLOCK <= n; x += BLEND_BLOCK)
    blend_pixels (d + x, s + x, v + x, a + x, BLEND_BLOCK);
  blend_pixels (d + x, s + x, v + x, a + x, n - x);
}

/* OUT = IN with PIC over it, in one pass (the frame copy the blend needs
 * anyway: IN's memory is shared with the preview, and offline with the
 * still picture). */
void
fc_burn_in_blend (const FcBurnInPicture *pic, GstVideoFrame *out,
                  const GstVideoFrame *in)
{
  for (int c = 0; c < 3; c++)
    {
      const Plane *p = &pic->plane[c];
      guint8 *dst = GST_VIDEO_FRAME_COMP_DATA (out, c);
      const guint8 *src = GST_VIDEO_FRAME_COMP_DATA (in, c);
      int dstride = GST_VIDEO_FRAME_COMP_STRIDE (out, c);
      int sstride = GST_VIDEO_FRAME_COMP_STRIDE (in, c);
      int h = GST_VIDEO_FRAME_COMP_HEIGHT (out, c);
      int w = GST_VIDEO_FRAME_COMP_WIDTH (out, c);

      for (int y = 0; y < h; y++)
        {
          guint8 *d = dst + (gsize) y * dstride;
          const guint8 *s = src + (gsize) y * sstride;
          gsize row = (gsize) y * p->width;
          int x0 = 0, x1 = 0;

          if (y < p->height)
            {
              x0 = MIN (p->x0[y], w);
              x1 = MIN (p->x1[y], w);
            }
          if (x1 <= x0)
            {
              memcpy (d, s, w);
              continue;
            }
          memcpy (d, s, x0);
          blend_row (d + x0, s + x0, p->value + row + x0, p->alpha + row + x0,
                     x1 - x0);
          memcpy (d + x1, s + x1, w - x1);
        }
    }
}

FcBurnIn *
fc_burn_in_new (FcStepList *steps, GBytes *mask_bytes, int width, int height,
                double top_rpx, GError **error)
{
  cairo_surface_t *mask = NULL, *base_surface;
  Picture *base;
  FcBurnIn *self;

  g_return_val_if_fail (width > 0 && height > 0, NULL);
  if (mask_bytes)
    {
      mask = fc_mask_surface_new (mask_bytes, width, height, error);
      if (!mask)
        return NULL;
    }
  self = g_new0 (FcBurnIn, 1);
  g_atomic_ref_count_init (&self->ref);
  gst_video_info_set_format (&self->info, GST_VIDEO_FORMAT_I420, width,
                             height);
  self->n = steps ? MIN (fc_step_list_get_n_steps (steps), FC_STEP_LIST_MAX)
                  : 0;
  /* the mask alone, then each step: its text over the mask */
  base_surface = fc_prompt_render_overlay (NULL, mask, width, height, top_rpx);
  base = picture_new (base_surface, &self->info, NULL, NULL);
  for (guint i = 0; i < self->n; i++)
    {
      const FcStep *step = fc_step_list_get_step (steps, i);
      cairo_surface_t *s
          = fc_prompt_render_overlay (step, mask, width, height, top_rpx);

      self->show[i] = step->show_time * GST_MSECOND;
      self->step[i] = picture_new (s, &self->info, base_surface, base);
      cairo_surface_destroy (s);
    }
  if (mask)
    self->none = g_steal_pointer (&base);
  picture_free (base);
  cairo_surface_destroy (base_surface);
  g_clear_pointer (&mask, cairo_surface_destroy);
  return self;
}

FcBurnIn *
fc_burn_in_ref (FcBurnIn *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
fc_burn_in_unref (FcBurnIn *self)
{
  if (!self || !g_atomic_ref_count_dec (&self->ref))
    return;
  for (guint i = 0; i < self->n; i++)
    picture_free (self->step[i]);
  picture_free (self->none);
  g_free (self);
}

gboolean
fc_burn_in_fits (FcBurnIn *self, const GstVideoInfo *info)
{
  return GST_VIDEO_INFO_FORMAT (info) == GST_VIDEO_INFO_FORMAT (&self->info)
         && GST_VIDEO_INFO_WIDTH (info) == GST_VIDEO_INFO_WIDTH (&self->info)
         && GST_VIDEO_INFO_HEIGHT (info)
                == GST_VIDEO_INFO_HEIGHT (&self->info);
}

const FcBurnInPicture *
fc_burn_in_pick (FcBurnIn *self, GstClockTime pts)
{
  const Picture *pic = self->none;

  /* steps are in showTime order: the last one reached wins */
  for (guint i = 0; i < self->n && GST_CLOCK_TIME_IS_VALID (pts); i++)
    if (self->show[i] <= pts)
      pic = self->step[i];
  return pic;
}
