/* fc-directive-if-private.h: the wx:if element kind (fc-directive-if.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

const FcElementKind *fc_directive_if_get_kind (void);

G_END_DECLS
