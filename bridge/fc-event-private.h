/* fc-event-private.h: calling a page's handlers (fc-event.c). */
#pragma once

#include "fc-bridge-private.h"

G_BEGIN_DECLS

gboolean fc_callback_scope_invoke_observed (FcCallbackScope *self, FcCallbackScope *host,
                                            const FcEvent *event);

G_END_DECLS
