/* fcburnin: the prompts composited into I420 frames (a GstVideoFilter).
 * Private to the library; registered by fc-recorder-elements.c. */
#pragma once

#include <gst/video/video.h>

G_BEGIN_DECLS

#define FC_TYPE_BURN_IN_FILTER (fc_burn_in_filter_get_type ())
G_DECLARE_FINAL_TYPE (FcBurnInFilter, fc_burn_in_filter, FC, BURN_IN_FILTER,
                      GstVideoFilter)

G_END_DECLS
