/* fc-file-cache.c: the text of a mini-program's files, read once for an
 * app's life. A mini-program's package does not change under a running
 * app (the platform runs a package it has installed and checked), so an
 * app's pages and components need not read, and confine again, the same
 * files on every page they open: the system calls of that (a realpath and
 * an lstat walk a file, then its read) were ~8 % of mounting a page of a
 * hundred local components (bench/listpage). Every reader of an app's
 * files goes through fc_file_cache_read() with its own read function (a
 * page's JSON and markup: fc-app-page.c; its imports, includes and WXS
 * modules: fc-page-files.c; a component's: fc-component-def.c). Keyed by
 * the root a file was confined to and its path inside it; a file found
 * absent is remembered as absent, with the reader's message. Only files
 * read and confined without error, as UTF-8, are kept, up to
 * FILE_CACHE_MAX bytes in all (the platform's packages are far smaller);
 * past that, files are read each time as before. The text is handed out
 * as a reference (GBytes), never copied. */
#include <string.h>

#include "fc-file-cache-private.h"
#include "fc-wxs.h"

#define FILE_CACHE_MAX (32 * 1024 * 1024)

struct _FcFileCache {
  gatomicrefcount ref_count;
  GMutex lock;
  GHashTable *entries; /* "ROOT\nPATH" → Entry */
  gsize bytes;
};

typedef struct {
  GBytes *text;    /* the file's text (with its NUL), or NULL */
  char *not_found; /* else why it is not there */
} Entry;

static void
entry_free (gpointer p)
{
  Entry *e = p;
  g_clear_pointer (&e->text, g_bytes_unref);
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

/* Whether @key is known: then its text (a reference), or NULL and @error
 * says why it is not there */
static gboolean
lookup (FcFileCache *cache, const char *key, GBytes **text, GError **error)
{
  const Entry *e;

  g_mutex_lock (&cache->lock);
  e = g_hash_table_lookup (cache->entries, key);
  *text = e && e->text ? g_bytes_ref (e->text) : NULL;
  if (e && !e->text)
    g_set_error_literal (error, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND, e->not_found);
  g_mutex_unlock (&cache->lock);
  return e != NULL;
}

/* Keeps @text at @key (taken), else that it is not there (@not_found
 * says why); the first answer stays */
static void
keep (FcFileCache *cache, char *key, GBytes *text, const char *not_found)
{
  gsize size = (text ? g_bytes_get_size (text) : strlen (not_found) + 1) + strlen (key);
  Entry *e;

  g_mutex_lock (&cache->lock);
  if (cache->bytes + size > FILE_CACHE_MAX || g_hash_table_contains (cache->entries, key))
    {
      g_mutex_unlock (&cache->lock);
      g_free (key);
      return;
    }
  e = g_new (Entry, 1);
  e->text = text ? g_bytes_ref (text) : NULL;
  e->not_found = text ? NULL : g_strdup (not_found);
  g_hash_table_insert (cache->entries, key, e);
  cache->bytes += size;
  g_mutex_unlock (&cache->lock);
}

/**
 * fc_file_cache_read: (skip)
 * @cache: (nullable): an app's files, or %NULL: @read's answer as it is
 * @root: the folder @path is confined to
 * @path: a file's path under it
 * @read: how to read it: its confinement, its messages
 * @data: what @read is given
 * @error: return location for @read's error
 *
 * @read's answer for @path under @root, the first time; later, what it
 * was: the same text, or the same %FC_WXS_ERROR_NOT_FOUND error. Text
 * that is not UTF-8 (a reader that hands it out, such as an app's page
 * markup, whose parser says where) and other errors (a symlink out) are
 * not kept: they are asked again.
 *
 * Returns: (transfer full) (nullable): the file's text, with its NUL (a C
 *   string); the cache's own, shared by every reader
 */
GBytes *
fc_file_cache_read (FcFileCache *cache, const char *root, const char *path, FcFileReadFunc read, gpointer data,
                    GError **error)
{
  g_autofree char *key = cache ? g_strconcat (root, "\n", path, NULL) : NULL;
  GError *local = NULL;
  GBytes *text;
  char *got;

  if (cache && lookup (cache, key, &text, error))
    return text;
  got = read (root, path, data, &local);
  text = got ? g_bytes_new_take (got, strlen (got) + 1) : NULL;
  if (cache && (got ? g_utf8_validate (got, -1, NULL) : g_error_matches (local, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND)))
    keep (cache, g_steal_pointer (&key), text, local ? local->message : NULL);
  if (local)
    g_propagate_error (error, local);
  return text;
}
