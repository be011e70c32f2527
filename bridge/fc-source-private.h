/* fc-source-private.h: source text helpers (positions, entity decoding),
 * below both the markup parser (fc-fxml.c) and the expression parser
 * (fc-expr.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void fc_advance_position (const char *s, gsize n, int *line, int *col);
gboolean fc_decode_entities (const char *s, gsize len, GString *out, gsize *bad_at);
const char *fc_entity_lookup (const char *name, gsize len);
const char *fc_find_binding_end (const char *s, const char *end);

G_END_DECLS
