/* fc-page-files.c: the files of a page's mini-program, as its markup,
 * WXS modules and components read them: those given in memory
 * (fc_page_add_file()) first, then the root folder, never outside it
 * (fc_page_files_locate(), for a plugin's package too), through the app's
 * files when the page has them (fc-file-cache.c). */
#include <stdlib.h>
#include <string.h>

#include "fc-bridge-private.h"
#include "fc-page-files-private.h"
#include "fc-path-walk-private.h"
#include "fc-wxs.h"

/**
 * fc_page_files_locate: (skip)
 * @root: a folder
 * @path: a file's path under it, normalised
 * @root_name: what @root is, in messages ("the mini-program's root")
 * @error: return location for a %FC_WXS_ERROR error:
 *   %FC_WXS_ERROR_NOT_FOUND, %FC_WXS_ERROR_BAD_PATH for a path that leaves
 *   @root (by a symlink)
 *
 * Returns: (transfer full) (nullable): the real path of @path, inside
 *   @root (fc-path-walk.c)
 */
char *
fc_page_files_locate (const char *root, const char *path, const char *root_name, GError **error)
{
  char *real_root = realpath (root, NULL);
  g_autofree char *real = NULL;
  FcPathWalk where = real_root ? fc_path_walk (real_root, path, &real) : FC_PATH_WALK_MISSING;
  gsize n = real_root ? strlen (real_root) : 0;

  /* the root itself is not a file inside it; nor is anything under a
   * root of / (as realpath() and a prefix always answered) */
  if (where == FC_PATH_WALK_INSIDE && !(strncmp (real, real_root, n) == 0 && real[n] == '/'))
    where = FC_PATH_WALK_OUTSIDE;
  free (real_root);
  if (where == FC_PATH_WALK_MISSING)
    g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND, "no file %s", path);
  else if (where == FC_PATH_WALK_OUTSIDE)
    g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_BAD_PATH, "%s leaves %s", path, root_name);
  return where == FC_PATH_WALK_INSIDE ? g_steal_pointer (&real) : NULL;
}

/* @path under @root, never outside it; the error FC_WXS_ERROR_NOT_FOUND,
 * FC_WXS_ERROR_BAD_PATH for a symlink out, FC_WXS_ERROR_SYNTAX for text
 * that is not UTF-8 */
static char *
read_in_root (const char *root, const char *path, gpointer data, GError **error)
{
  g_autofree char *real = fc_page_files_locate (root, path, "the mini-program's root", error);
  char *text = NULL;

  if (!real)
    return NULL;
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

/**
 * fc_page_read_file:
 * @self: a page
 * @path: a file's path from the mini-program's root, normalised
 * @error: return location for a %FC_WXS_ERROR error (%FC_WXS_ERROR_NOT_FOUND,
 *   %FC_WXS_ERROR_BAD_PATH for a symlink out, %FC_WXS_ERROR_SYNTAX for text
 *   that is not UTF-8)
 *
 * Returns: (transfer full) (nullable): the text (with its NUL: a C string)
 *   of the file given in memory, else the root folder's (the app's, shared
 *   by its pages: fc-file-cache.c)
 */
GBytes *
fc_page_read_file (FcPage *self, const char *path, GError **error)
{
  const char *mem
      = self->wxs_files ? g_hash_table_lookup (self->wxs_files, path) : NULL;

  if (mem)
    return g_bytes_new (mem, strlen (mem) + 1);
  if (!self->root_dir)
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND,
                   "no file %s (the page has no folder)", path);
      return NULL;
    }
  return fc_file_cache_read (self->file_cache, self->root_dir, path, read_in_root, NULL, error);
}
