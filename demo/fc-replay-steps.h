/* fc-replay-steps.h: replay's trigger and dumpData steps (fc-replay-steps.c). */
#pragma once

#include <fc-bridge.h>

G_BEGIN_DECLS

gboolean fc_replay_step_trigger (FcPage *page, FcValue *step, GError **error);
FcValue *fc_replay_step_dump_data (FcPage *page, FcValue *step, GError **error);

G_END_DECLS
