/* fc-file-cache-private.h: the text of a mini-program's files, read once
 * for an app's life (fc-file-cache.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FcFileCache FcFileCache;

FcFileCache *fc_file_cache_new (void);
FcFileCache *fc_file_cache_ref (FcFileCache *cache);
void fc_file_cache_unref (FcFileCache *cache);
gboolean fc_file_cache_get (FcFileCache *cache, const char *root, const char *path, char **text, char **not_found);
void fc_file_cache_put (FcFileCache *cache, const char *root, const char *path, const char *text,
                        const char *not_found);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcFileCache, fc_file_cache_unref)

G_END_DECLS
