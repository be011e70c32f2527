/* fc-page-doc-private.h: the parsed-markup cache (fc-page-doc.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

SharedDoc *fc_shared_doc_lookup (const char *filename, const char *text, const char *json_text, GError **error);
void fc_shared_doc_unref (SharedDoc *d);
const FcFxmlNode *fc_shared_doc_get_markup (SharedDoc *d);
FcValue *fc_shared_doc_get_json (SharedDoc *d);
const GPtrArray *fc_shared_doc_get_wxs (SharedDoc *d);
gboolean fc_shared_doc_uses_templates (SharedDoc *d);
FcValue *fc_page_parse_json (const char *text, const char *name, GError **error);

G_END_DECLS
