/* fc-registry-private.h: FcRegistry inside the library (fc-registry.c). */
#pragma once

#include "fc-component-private.h"

G_BEGIN_DECLS

FcComponentClass *fc_registry_lookup_builtin (FcRegistry *self, const char *tag);

G_END_DECLS
