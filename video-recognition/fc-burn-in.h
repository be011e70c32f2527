/* FcBurnIn: the prompts' pictures for burn-in, one per step (and the mask
 * alone before the first), in the I420 planes of the recorded frames.
 * Private to the library: the fcburnin element (fc-burn-in-filter.c)
 * takes them as its "pictures" property. */
#pragma once

#include <gst/video/video.h>

#include "fc-steps.h"

G_BEGIN_DECLS

typedef struct _FcBurnIn FcBurnIn;
typedef struct _FcBurnInPicture FcBurnInPicture;

#define FC_TYPE_BURN_IN (fc_burn_in_get_type ())
GType fc_burn_in_get_type (void);

/* The pictures of STEPS (NULL: none) over MASK (an encoded image, NULL:
 * none) for WIDTHxHEIGHT I420 frames, the text TOP_RPX from the top. NULL
 * with ERROR (GdkPixbuf's) when the mask cannot be decoded. */
FcBurnIn *fc_burn_in_new (FcStepList *steps, GBytes *mask, int width,
                          int height, double top_rpx, GError **error);
FcBurnIn *fc_burn_in_ref (FcBurnIn *burn_in);
void fc_burn_in_unref (FcBurnIn *burn_in);
/* Whether the pictures were made for frames described by INFO. */
gboolean fc_burn_in_fits (FcBurnIn *burn_in, const GstVideoInfo *info);
/* The picture for a frame at PTS (recording time from 0): the last step
 * whose showTime PTS has reached, the mask before the first, or NULL when
 * there is nothing to draw. Owned by BURN_IN. */
const FcBurnInPicture *fc_burn_in_pick (FcBurnIn *burn_in, GstClockTime pts);
/* OUT = IN with PICTURE over it, in one pass (the frames fitting). */
void fc_burn_in_blend (const FcBurnInPicture *picture, GstVideoFrame *out,
                       const GstVideoFrame *in);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcBurnIn, fc_burn_in_unref)

G_END_DECLS
