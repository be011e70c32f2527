/* Burn-in: the prompts and the mask composited into the recorded frames
 * (FcRecorder:burn-in). Each step's picture (mask + text, drawn by the
 * same code as the view's overlay) is made once, when the recording is
 * armed, in the frames' I420 planes; a pad probe in front of the encoder
 * blends the one whose showTime the frame's timestamp (recording time,
 * from 0) has reached. */

#include "fc-recorder-private.h"

#include "fc-mask.h"
#include "fc-prompt-render.h"

#include <gst/video/video.h>

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

typedef struct
{
  Plane plane[3];
} Picture;

struct _FcBurnIn
{
  gatomicrefcount ref;
  GstVideoInfo info;
  guint n;
  GstClockTime show[FC_STEP_LIST_MAX];
  Picture *step[FC_STEP_LIST_MAX];
  Picture *none; /* before the first step: the mask */
};

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

static guint8
clamp8 (double v)
{
  return (guint8) CLAMP (v + 0.5, 0, 255);
}

/* SURFACE (cairo ARGB32, premultiplied) in the frames' colour matrix,
 * limited range. */
static Picture *
picture_new (cairo_surface_t *surface, const GstVideoInfo *info)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  Picture *pic = g_new0 (Picture, 1);
  gdouble kr = 0.299, kb = 0.114, kg;
  Plane *py = &pic->plane[0];

  gst_video_color_matrix_get_Kr_Kb (info->colorimetry.matrix, &kr, &kb);
  kg = 1 - kr - kb;
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);

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
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < w; x++)
        {
          guint32 px = row[x];
          double a = px >> 24, r = (px >> 16) & 0xff, g = (px >> 8) & 0xff,
                 b = px & 0xff;
          double luma = kr * r + kg * g + kb * b; /* premultiplied */

          py->value[(gsize) y * w + x] = clamp8 (16 * a / 255 + luma * 219 / 255);
          py->alpha[(gsize) y * w + x] = (guint8) a;
        }
    }
  /* chroma: each sample from the 2x2 block it covers */
  for (int y = 0; y < pic->plane[1].height; y++)
    for (int x = 0; x < pic->plane[1].width; x++)
      {
        double a = 0, cb = 0, cr = 0;
        int n = 0;

        for (int dy = 0; dy < 2; dy++)
          for (int dx = 0; dx < 2; dx++)
            {
              int sx = MIN (2 * x + dx, w - 1), sy = MIN (2 * y + dy, h - 1);
              guint32 px = ((const guint32 *) (data + (gsize) sy * stride))[sx];
              double pa = px >> 24, r = (px >> 16) & 0xff,
                     g = (px >> 8) & 0xff, b = px & 0xff;
              double luma = kr * r + kg * g + kb * b;

              a += pa;
              cb += 128 * pa / 255 + (b - luma) / (2 * (1 - kb)) * 224 / 255;
              cr += 128 * pa / 255 + (r - luma) / (2 * (1 - kr)) * 224 / 255;
              n++;
            }
        pic->plane[1].value[(gsize) y * pic->plane[1].width + x] = clamp8 (cb / n);
        pic->plane[2].value[(gsize) y * pic->plane[2].width + x] = clamp8 (cr / n);
        pic->plane[1].alpha[(gsize) y * pic->plane[1].width + x] = clamp8 (a / n);
        pic->plane[2].alpha[(gsize) y * pic->plane[2].width + x] = clamp8 (a / n);
      }
  for (int c = 0; c < 3; c++)
    plane_spans (&pic->plane[c]);
  return pic;
}

static void
picture_blend (const Picture *pic, GstVideoFrame *frame)
{
  for (int c = 0; c < 3; c++)
    {
      const Plane *p = &pic->plane[c];
      guint8 *base = GST_VIDEO_FRAME_COMP_DATA (frame, c);
      int stride = GST_VIDEO_FRAME_COMP_STRIDE (frame, c);
      int h = MIN (p->height, GST_VIDEO_FRAME_COMP_HEIGHT (frame, c));
      int w = MIN (p->width, GST_VIDEO_FRAME_COMP_WIDTH (frame, c));

      for (int y = 0; y < h; y++)
        {
          guint8 *d = base + (gsize) y * stride;
          const guint8 *v = p->value + (gsize) y * p->width;
          const guint8 *a = p->alpha + (gsize) y * p->width;
          int x1 = MIN (p->x1[y], w);

          /* d * (255 - a) / 255 + v, rounded: (t + 1 + (t >> 8)) >> 8 */
          for (int x = p->x0[y]; x < x1; x++)
            {
              guint t = (guint) d[x] * (255u - a[x]) + 128u;
              guint out = ((t + (t >> 8)) >> 8) + v[x];

              d[x] = (guint8) MIN (out, 255u);
            }
        }
    }
}

FcBurnIn *
fc_burn_in_new (FcPrompts *prompts, int width, int height, double top_rpx,
                GError **error)
{
  FcStepList *steps = fc_prompts_get_steps (prompts);
  GBytes *mask_bytes = fc_prompts_get_mask (prompts);
  cairo_surface_t *mask = NULL;
  FcBurnIn *self;

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
  for (guint i = 0; i < self->n; i++)
    {
      const FcStep *step = fc_step_list_get_step (steps, i);
      cairo_surface_t *s
          = fc_prompt_render_overlay (step, mask, width, height, top_rpx);

      self->show[i] = step->show_time * GST_MSECOND;
      self->step[i] = picture_new (s, &self->info);
      cairo_surface_destroy (s);
    }
  if (mask)
    {
      cairo_surface_t *s
          = fc_prompt_render_overlay (NULL, mask, width, height, top_rpx);

      self->none = picture_new (s, &self->info);
      cairo_surface_destroy (s);
      cairo_surface_destroy (mask);
    }
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

GstBuffer *
fc_burn_in_apply (FcBurnIn *self, GstBuffer *buffer)
{
  const Picture *pic = self->none;
  GstClockTime pts = GST_BUFFER_PTS (buffer);
  GstVideoFrame frame;

  /* steps are in showTime order: the last one reached wins */
  for (guint i = 0; i < self->n && GST_CLOCK_TIME_IS_VALID (pts); i++)
    if (self->show[i] <= pts)
      pic = self->step[i];
  if (!pic)
    return buffer;
  buffer = gst_buffer_make_writable (buffer);
  if (!gst_video_frame_map (&frame, &self->info, buffer, GST_MAP_READWRITE))
    return buffer;
  picture_blend (pic, &frame);
  gst_video_frame_unmap (&frame);
  return buffer;
}
