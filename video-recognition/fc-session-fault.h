/* What goes wrong in a recording session (fc-session-fault.c): a fault
 * that tears the pipeline down, and a pipeline's error message, which
 * either finishes the file first or fails. Private to the library. */
#pragma once

#include "fc-session-state.h"

G_BEGIN_DECLS

/* Tears everything down and emits "error" (FC_RECORDER_ERROR, CODE, the
 * message FORMAT makes); PATH, when given and holding something, is the
 * partial recording. */
void fc_session_fail (FcRecordSession *self, FcRecorderError code,
                      const char *path, const char *format, ...)
    G_GNUC_PRINTF (4, 5);
/* An error MSG from the pipeline's bus, classified by the element that
 * raised it (fc-recorder-faults.c): the camera or the microphone lost
 * while recording finishes the file and reports after; anything else
 * fails. */
void fc_session_handle_error (FcRecordSession *self, GstMessage *msg);

G_END_DECLS
