/* fc-shadow-private.h: the shadow trees of components defined by their own
 * markup (fc-shadow.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

/* Nesting limits: a component that contains itself without a wx:if that
 * ends it would never finish building. */
#define FC_SHADOW_MAX_DEPTH 64
#define FC_SHADOW_MAX_SELF_DEPTH 12

gboolean fc_shadow_build (FcPage *self, FcElement *host, const FcComponentDef *def, ScopeRef *scope,
                          GError **error);
const FcElementKind *fc_shadow_get_slot_kind (void);

G_END_DECLS
