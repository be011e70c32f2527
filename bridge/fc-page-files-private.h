/* fc-page-files-private.h: reading a page's files (fc-page-files.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

char *fc_page_read_file (FcPage *self, const char *path, GError **error);

G_END_DECLS
