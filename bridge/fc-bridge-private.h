/* fc-bridge-private.h: shared inside the library only. */
#pragma once

#include "fc-bridge.h"

G_BEGIN_DECLS

gboolean fc_value_is_exclusive (const FcValue *value);

G_END_DECLS
