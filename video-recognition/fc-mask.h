/* The recorder's mask: an image (PNG, JPEG or SVG) drawn over the camera
 * picture at 100% x 100% of the component. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#include "fc-recorder-export.h"

/* Decodes BYTES at WIDTHxHEIGHT (SVG is rendered at that size, raster
 * images are scaled) into a new ARGB32 image surface; NULL with ERROR
 * (GdkPixbuf's) when it cannot be decoded. */
FC_RECORDER_EXPORT cairo_surface_t *fc_mask_surface_new (GBytes *bytes,
                                                         int width,
                                                         int height,
                                                         GError **error);

G_END_DECLS
