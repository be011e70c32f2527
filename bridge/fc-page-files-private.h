/* fc-page-files-private.h: reading a page's files (fc-page-files.c). */
#pragma once

#include "fc-file-cache-private.h"
#include "fc-page-private.h"

G_BEGIN_DECLS

GBytes *fc_page_read_file (FcPage *self, const char *path, GError **error);
void fc_page_set_file_cache (FcPage *self, FcFileCache *cache);
char *fc_page_files_locate (const char *root, const char *path, const char *root_name, GError **error);

G_END_DECLS
