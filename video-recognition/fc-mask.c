/* Mask decoding with GdkPixbuf (its SVG loader is librsvg's). */

#include "fc-mask.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

static void
size_prepared (GdkPixbufLoader *loader, int width, int height, gpointer data)
{
  const int *size = data;

  /* 100% x 100%: the aspect ratio is the component's, as in CSS */
  gdk_pixbuf_loader_set_size (loader, size[0], size[1]);
}

/**
 * fc_mask_surface_new:
 * @bytes: the image file's bytes
 * @width: the width in pixels
 * @height: the height in pixels
 * @error: return location for GdkPixbuf's error
 *
 * Decodes a mask image at a size (SVG is rendered at it, raster images are
 * scaled) into a new ARGB32 surface.
 *
 * Returns: (transfer full) (nullable): the surface; %NULL with @error set
 */
cairo_surface_t *
fc_mask_surface_new (GBytes *bytes, int width, int height, GError **error)
{
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  int size[2] = { width, height };
  GdkPixbuf *pixbuf;
  g_autoptr (GdkPixbuf) scaled = NULL;
  cairo_surface_t *surface;
  const guint8 *src;
  guint8 *dst;
  int n_channels, src_stride, dst_stride;

  g_return_val_if_fail (bytes && width > 0 && height > 0, NULL);
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared),
                    size);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (!pixbuf)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR,
                           GDK_PIXBUF_ERROR_CORRUPT_IMAGE, "no image");
      return NULL;
    }
  /* loaders that ignore set_size */
  if (gdk_pixbuf_get_width (pixbuf) != width
      || gdk_pixbuf_get_height (pixbuf) != height)
    scaled = gdk_pixbuf_scale_simple (pixbuf, width, height,
                                      GDK_INTERP_BILINEAR);
  else
    scaled = g_object_ref (pixbuf);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_flush (surface);
  n_channels = gdk_pixbuf_get_n_channels (scaled);
  src = gdk_pixbuf_read_pixels (scaled);
  src_stride = gdk_pixbuf_get_rowstride (scaled);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (dst + (gsize) y * dst_stride);

      for (int x = 0; x < width; x++, s += n_channels)
        {
          guint a = n_channels == 4 ? s[3] : 255;
          /* premultiplied, as cairo wants */
          guint r = (s[0] * a + 127) / 255, g = (s[1] * a + 127) / 255,
                b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}
