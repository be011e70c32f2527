#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include "fc-bridge-macros.h"
#include "fc-page.h"

G_BEGIN_DECLS

FC_BRIDGE_EXPORT FcElement *fc_page_query (FcPage *page, const char *selector, GError **error);

G_END_DECLS
