/* fc-directive-for-private.h: the wx:for element kind (fc-directive-for.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

const FcElementKind *fc_directive_for_get_kind (void);
gboolean fc_directive_for_update_item (FcPage *self, Binding *b, const FcDataPath *changed);

G_END_DECLS
