/* A recording session's start: from idle to a pipeline playing
 * (fc-session-prepare.c). Private to the library. */
#pragma once

#include "fc-session-state.h"

G_BEGIN_DECLS

/* Starts what prepare() promises: "ready" or "error" follows. FALSE when
 * an error has been emitted already. */
gboolean fc_session_start_pipeline (FcRecordSession *self);

G_END_DECLS
