/* fc-bridge-private.h: shared inside the library only. */
#pragma once

#include "fc-bridge.h"

G_BEGIN_DECLS

gboolean fc_decode_entities (const char *s, gsize len, GString *out, gsize *bad_at);
gboolean fc_value_is_exclusive (const FcValue *value);
void fc_advance_position (const char *s, gsize n, int *line, int *col);

G_END_DECLS
