/* fc-file-cache.c: the text of a mini-program's files, read once for an
 * app's life. A mini-program's package does not change under a running
 * app (the platform runs a package it has installed and checked), so an
 * app's pages and components need not read, and confine again, the same
 * files on every page they open: the system calls of that (a realpath and
 * an lstat walk a file, then its read) were ~8 % of mounting a page of a
 * hundred local components (bench/listpage). Keyed by the root a file was
 * confined to and its path inside it; a file found absent is remembered
 * as absent. Only files read and confined without error are kept, up to
 * FILE_CACHE_MAX bytes in all (the platform's packages are far smaller);
 * past that, files are read each time as before. */
#include <string.h>

#include "fc-file-cache-private.h"

#define FILE_CACHE_MAX (32 * 1024 * 1024)

struct _FcFileCache {
  gatomicrefcount ref_count;
  GMutex lock;
  GHashTable *entries; /* "ROOT\nPATH" → Entry */
  gsize bytes;
};

typedef struct {
  char *text;      /* the file's text, or NULL */
  char *not_found; /* else why it is not there */
} Entry;

static void
entry_free (gpointer p)
{
  Entry *e = p;
  g_free (e->text);
  g_free (e->not_found);
  g_free (e);
}

FcFileCache *
fc_file_cache_new (void)
{
  FcFileCache *cache = g_new0 (FcFileCache, 1);

  g_atomic_ref_count_init (&cache->ref_count);
  g_mutex_init (&cache->lock);
  cache->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  return cache;
}

FcFileCache *
fc_file_cache_ref (FcFileCache *cache)
{
  g_atomic_ref_count_inc (&cache->ref_count);
  return cache;
}

void
fc_file_cache_unref (FcFileCache *cache)
{
  if (!g_atomic_ref_count_dec (&cache->ref_count))
    return;
  g_hash_table_unref (cache->entries);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

static char *
key_of (const char *root, const char *path)
{
  return g_strconcat (root, "\n", path, NULL);
}

/* Whether @path under @root is known; then *@text is a copy of its
 * text, or NULL and *@not_found a copy of why it is not there. */
gboolean
fc_file_cache_get (FcFileCache *cache, const char *root, const char *path, char **text, char **not_found)
{
  g_autofree char *key = key_of (root, path);
  const Entry *e;

  g_mutex_lock (&cache->lock);
  e = g_hash_table_lookup (cache->entries, key);
  *text = e ? g_strdup (e->text) : NULL;
  *not_found = e ? g_strdup (e->not_found) : NULL;
  g_mutex_unlock (&cache->lock);
  return e != NULL;
}

/* Remembers @path under @root: its @text, else that it is not there
 * (@not_found says why). */
void
fc_file_cache_put (FcFileCache *cache, const char *root, const char *path, const char *text,
                   const char *not_found)
{
  gsize size = (text ? strlen (text) : 0) + (not_found ? strlen (not_found) : 0) + 2;
  char *key = key_of (root, path);
  Entry *e;

  g_mutex_lock (&cache->lock);
  if (cache->bytes + size > FILE_CACHE_MAX || g_hash_table_contains (cache->entries, key))
    {
      g_mutex_unlock (&cache->lock);
      g_free (key);
      return;
    }
  e = g_new (Entry, 1);
  e->text = g_strdup (text);
  e->not_found = text ? NULL : g_strdup (not_found);
  g_hash_table_insert (cache->entries, key, e);
  cache->bytes += size;
  g_mutex_unlock (&cache->lock);
}
