/* A recording session's end (fc-session-finish.c): the file complete,
 * summarised, and "end" (or "error"). Private to the library. */
#pragma once

#include "fc-session-state.h"

G_BEGIN_DECLS

/* The file is complete (end of stream, or given up on): stops the
 * pipeline, drops it, and reports: "end" once the summary is made in a
 * thread (the state stays finishing until then), or "error" (the error
 * the recording finished with, or the summary's) with the file. */
void fc_session_complete (FcRecordSession *self);

G_END_DECLS
