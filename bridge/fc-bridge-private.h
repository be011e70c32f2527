/* fc-bridge-private.h: shared inside the library only. */
#pragma once

#include "fc-bridge.h"

G_BEGIN_DECLS

gboolean fc_value_is_exclusive (const FcValue *value);

/* Whether @expr is nothing but a data path with constant keys (`a.b[0]`). */
gboolean fc_expr_is_static_path (const FcExpr *expr);
/* The data path @tpl is when it is exactly one `{{ }}` holding nothing but
 * a path (`{{list}}`), else NULL. */
const FcDataPath *fc_template_get_path (const FcTemplate *tpl);

/* Frees an FcFxmlAttribute the parser made (fc-fxml.c), as a
 * GDestroyNotify. */
void fc_fxml_attribute_free (gpointer attribute);

G_END_DECLS
