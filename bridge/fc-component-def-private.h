/* fc-component-def-private.h: components defined by their own markup
 * (fc-component-def.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

FcComponentDef *fc_component_def_lookup (FcPage *self, const char *root, const char *from_file, const char *path,
                                         int line, int col, GError **error);
FcComponentDef *fc_component_def_of_class (FcPage *self, FcComponentClass *klass, GError **error);
void fc_component_def_free (FcComponentDef *def);
FcComponentClass *fc_component_def_parse_properties (const char *name, FcValue *properties, const char *where,
                                                     GError **error);

G_END_DECLS
