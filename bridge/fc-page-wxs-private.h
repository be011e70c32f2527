/* fc-page-wxs-private.h: a page's WXS modules (fc-page-wxs.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

gboolean fc_page_wxs_load (FcPage *self, const GPtrArray *nodes, GError **error);
void fc_page_wxs_clear (FcPage *self);
gboolean fc_page_wxs_load_component (FcPage *self, FcComponentDef *def, const GPtrArray *nodes, GError **error);

/* What the page's bindings evaluate with: the modules, or NULL for a page
 * without any (its bindings then cost nothing more); the binding at
 * @line:@col, named in warnings of the calls it makes. */
static inline const FcExprCalls *
fc_page_wxs_calls_at (FcPage *self, int line, int col)
{
  self->wxs_line = line;
  self->wxs_col = col;
  return &self->wxs_calls;
}

G_END_DECLS
