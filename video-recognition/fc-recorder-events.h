/* The details of the recorder's signals (the component's events), as the
 * host gets them (fc-recorder-events.c). Private to the library. */
#pragma once

#include "fc-recorder-private.h"

G_BEGIN_DECLS

/* Whether PATH (may be NULL) is a file holding something. */
gboolean fc_file_has_data (const char *path);

/* Floating a{sv} dictionaries. */
GVariant *fc_event_warning_detail (const char *message);
/* errMsg, errCode (the FcRecorderError nick; "failed" for other domains)
 * and tempVideoPath when PATH holds a partial recording. */
GVariant *fc_event_error_detail (const GError *error, const char *path);
GVariant *fc_event_ready_detail (const FcSource *camera,
                                 const FcSource *microphone, int width,
                                 int height);
GVariant *fc_event_start_detail (const char *video_path,
                                 const FcSource *camera);
GVariant *fc_event_end_detail (const FcRecordingSummary *summary);

G_END_DECLS
