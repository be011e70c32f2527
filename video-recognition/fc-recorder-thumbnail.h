/* FcThumbnail: a recording's first frame encoded as a JPEG in a thread of
 * its own, started when the frame is recorded, waited for by the summary
 * (fc-recorder-thumbnail.c). Private to the library. */
#pragma once

#include "fc-recorder.h"

G_BEGIN_DECLS

typedef struct _FcThumbnail FcThumbnail;

/* Starts encoding FRAME (transfer full) as a JPEG of its size. */
FcThumbnail *fc_thumbnail_new (GstSample *frame);
/* Waits for the encoding: the JPEG (transfer none), or NULL and ERROR. */
GBytes *fc_thumbnail_get_jpeg (FcThumbnail *thumbnail, GError **error);
/* Waits for the encoding, if under way, and frees THUMBNAIL. */
void fc_thumbnail_free (FcThumbnail *thumbnail);

G_END_DECLS
