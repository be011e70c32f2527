/* fc-bridge-private.h: shared inside the library only. */
#pragma once

#include <string.h>

#include "fc-bridge.h"

G_BEGIN_DECLS

/* Whether @a and @b are the same string; most names that differ (tags,
 * attribute and scope names on a mount's hot paths: `text` and
 * `template`, `id` and `is`) differ in their first three bytes, told
 * apart here without a call */
static inline gboolean
fc_str_equal (const char *a, const char *b)
{
  /* no byte past either's end is read */
  if (a[0] != b[0])
    return FALSE;
  if (a[0] == '\0')
    return TRUE;
  if (a[1] != b[1])
    return FALSE;
  if (a[1] == '\0')
    return TRUE;
  return a[2] == b[2] && (a[2] == '\0' || strcmp (a + 3, b + 3) == 0);
}

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
