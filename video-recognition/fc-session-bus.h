/* A recording session's bus watch (fc-session-bus.c): what the pipeline
 * and its streaming threads report, acted on in the main thread. Private
 * to the library. */
#pragma once

#include "fc-session-state.h"

G_BEGIN_DECLS

/* Watches the new pipeline's bus on the session's main context until the
 * pipeline is dropped. */
void fc_session_watch_bus (FcRecordSession *self);

G_END_DECLS
