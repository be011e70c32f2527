/* fc-page-markup-private.h: the files a page's markup imports and
 * includes, and its templates (fc-page-markup.c). */
#pragma once

#include "fc-page-private.h"
#include "fc-element-tree-private.h"

G_BEGIN_DECLS

typedef struct _FcMarkupLib FcMarkupLib;

gboolean fc_page_markup_load (FcPage *self, GError **error);
const GPtrArray *fc_page_markup_get_loaded (FcPage *self);
void fc_markup_lib_free (FcMarkupLib *lib);
const GPtrArray *fc_page_markup_get_wxs (FcPage *self, const GPtrArray *own);
const char *fc_page_markup_file_of (FcPage *self, const FcFxmlNode *node);
const FcFxmlNode *fc_page_markup_lookup_template (FcPage *self, const FcFxmlNode *at, const char *name);
const FcFxmlNode *fc_page_markup_lookup_include (FcPage *self, const FcFxmlNode *at);

G_END_DECLS
