/* A recording session's watchdog: what it does on each verdict
 * (fc-session-watchdog.c). Private to the library. */
#pragma once

#include "fc-session-state.h"

G_BEGIN_DECLS

/* Watches the new pipeline: the camera's device for its removal (live
 * only), and every FC_WATCHDOG_MS on the session's main context the
 * verdict of fc_watchdog_check(), acted on: fail, finish the file with an
 * error to report, end the sound, or give up on the file. Stopped when
 * the pipeline is dropped. */
void fc_session_start_watchdog (FcRecordSession *self);

G_END_DECLS
