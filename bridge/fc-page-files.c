/* fc-page-files.c: the files of a page's mini-program, as its markup,
 * WXS modules and components read them: those given in memory
 * (fc_page_add_file()) first, then the root folder, never outside it. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fc-bridge-private.h"
#include "fc-page-files-private.h"
#include "fc-wxs.h"

/* @path under @real_root (a realpath()) when every segment of it exists
 * and none is a symlink: then it is inside as it stands, resolved without
 * realpath() on every prefix. NULL otherwise (the caller resolves it). */
static char *
plain_inside (const char *real_root, const char *path)
{
  g_autofree char *at = g_strdup (real_root);
  g_auto (GStrv) segs = g_strsplit (path, "/", -1);

  for (char **s = segs; *s; s++)
    {
      struct stat st;
      char *next;
      if (!**s || strcmp (*s, ".") == 0 || strcmp (*s, "..") == 0)
        return NULL;
      next = g_strconcat (at, "/", *s, NULL);
      g_free (at);
      at = next;
      if (lstat (at, &st) != 0 || S_ISLNK (st.st_mode))
        return NULL;
    }
  return g_steal_pointer (&at);
}

/* @path under @root, never outside it; the error FC_WXS_ERROR_NOT_FOUND,
 * FC_WXS_ERROR_BAD_PATH for a symlink out, FC_WXS_ERROR_SYNTAX for text
 * that is not UTF-8 */
static char *
read_in_root (const char *root, const char *path, GError **error)
{
  g_autofree char *full = NULL, *real = NULL, *real_root = NULL;
  char *text = NULL;

  real_root = realpath (root, NULL);
  /* (a root of / keeps the general way and its answer) */
  if (real_root && !(real_root[1] && (real = plain_inside (real_root, path))))
    {
      char *r;
      full = g_build_filename (root, path, NULL);
      if ((r = realpath (full, NULL)))
        {
          real = g_strdup (r);
          free (r);
        }
    }
  if (!real || !real_root)
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND, "no file %s",
                   path);
      return NULL;
    }
  if (!g_str_has_prefix (real, real_root) || real[strlen (real_root)] != '/')
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_BAD_PATH,
                   "%s leaves the mini-program's root", path);
      return NULL;
    }
  if (!g_file_get_contents (real, &text, NULL, NULL))
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND,
                   "cannot read %s", path);
      return NULL;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_free (text);
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_SYNTAX,
                   "%s:1:1: invalid UTF-8", path);
      return NULL;
    }
  return text;
}

/* Gives the page its app's files (#FcApp's pages): what it reads is read
 * once for all of the app's pages (fc-file-cache.c). */
void
fc_page_set_file_cache (FcPage *self, FcFileCache *cache)
{
  if (cache)
    fc_file_cache_ref (cache);
  g_clear_pointer (&self->file_cache, fc_file_cache_unref);
  self->file_cache = cache;
}

/* @read's answer for @path under @root, from the page's app's files when
 * they hold it; a file read, or found not there (FC_WXS_ERROR_NOT_FOUND),
 * is kept there, other errors are not (they are asked again). */
char *
fc_page_read_cached (FcPage *self, const char *root, const char *path,
                     char *(*read) (const char *root, const char *path, GError **error), GError **error)
{
  GError *local = NULL;
  char *text, *not_found;

  if (self->file_cache && fc_file_cache_get (self->file_cache, root, path, &text, &not_found))
    {
      if (!text)
        g_set_error_literal (error, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND, not_found);
      g_free (not_found);
      return text;
    }
  text = read (root, path, &local);
  if (self->file_cache && (text || g_error_matches (local, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND)))
    fc_file_cache_put (self->file_cache, root, path, text, local ? local->message : NULL);
  if (local)
    g_propagate_error (error, local);
  return text;
}

/**
 * fc_page_read_file:
 * @self: a page
 * @path: a file's path from the mini-program's root, normalised
 * @error: return location for a %FC_WXS_ERROR error (%FC_WXS_ERROR_NOT_FOUND,
 *   %FC_WXS_ERROR_BAD_PATH for a symlink out, %FC_WXS_ERROR_SYNTAX for text
 *   that is not UTF-8)
 *
 * Returns: (transfer full) (nullable): the file given in memory, else the
 *   root folder's
 */
char *
fc_page_read_file (FcPage *self, const char *path, GError **error)
{
  const char *mem
      = self->wxs_files ? g_hash_table_lookup (self->wxs_files, path) : NULL;

  if (mem)
    return g_strdup (mem);
  if (!self->root_dir)
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND,
                   "no file %s (the page has no folder)", path);
      return NULL;
    }
  return fc_page_read_cached (self, self->root_dir, path, read_in_root, error);
}
