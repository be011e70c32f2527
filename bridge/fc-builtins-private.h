/* fc-builtins-private.h: the built-in elements (fc-builtins.c). */
#pragma once

#include "fc-component-private.h"

G_BEGIN_DECLS

/* tag → FcComponentClass of every built-in element, shared (a new ref) */
GHashTable *fc_builtins_dup_table (void);

G_END_DECLS
