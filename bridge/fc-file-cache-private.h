/* fc-file-cache-private.h: the text of a mini-program's files, read once
 * for an app's life (fc-file-cache.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FcFileCache FcFileCache;

/* Reads @path under @root: its text (a C string, transfer full), else
 * %NULL with an error: %FC_WXS_ERROR_NOT_FOUND when the file is not
 * there (kept), any other when it is refused (asked again). */
typedef char *(*FcFileReadFunc) (const char *root, const char *path, gpointer data, GError **error);

FcFileCache *fc_file_cache_new (void);
FcFileCache *fc_file_cache_ref (FcFileCache *cache);
void fc_file_cache_unref (FcFileCache *cache);
GBytes *fc_file_cache_read (FcFileCache *cache, const char *root, const char *path, FcFileReadFunc read,
                            gpointer data, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcFileCache, fc_file_cache_unref)

G_END_DECLS
