/* fc-path-walk.c: where a path under a root leads, walked down from the
 * root one segment at a time: the one walk behind every confinement of the
 * bridge, of a plugin's or an app's paths (fc_path_confine()) as of the
 * files a page reads (fc-page-files.c). The prefix walked so far is kept
 * resolved, so a segment that is not a symlink is inside as its parent
 * is (an lstat() per segment) and only a symlink needs realpath(); the
 * first one that resolves outside is the one to blame, whatever lies
 * beyond it. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fc-path-walk-private.h"

/* @real (resolved) is @real_root or below it */
static gboolean
inside (const char *real, const char *real_root)
{
  gsize n = strlen (real_root);
  return strncmp (real, real_root, n) == 0 && (real[n] == '\0' || real[n] == '/');
}

/**
 * fc_path_walk: (skip)
 * @real_root: the root, resolved (realpath())
 * @path: a path under it, `/`-separated (`.`, `..` and empty segments
 *   are taken as realpath() takes them)
 * @real: (out) (optional) (transfer full): for %FC_PATH_WALK_INSIDE the
 *   real path @path leads to (@real_root itself, or below it); for
 *   %FC_PATH_WALK_OUTSIDE where the segment that leaves leads; else %NULL
 *
 * Returns: where @path leads
 */
FcPathWalk
fc_path_walk (const char *real_root, const char *path, char **real)
{
  g_auto (GStrv) segs = g_strsplit (path, "/", -1);
  g_autofree char *at = g_strdup (real_root);

  if (real)
    *real = NULL;
  for (char **s = segs; *s; s++)
    {
      struct stat st;
      char *next;
      if (!**s || strcmp (*s, ".") == 0)
        continue;
      if (strcmp (*s, "..") == 0)
        next = g_path_get_dirname (at);
      else
        next = g_build_filename (at, *s, NULL);
      g_free (at);
      at = next;
      if (strcmp (*s, "..") != 0)
        {
          char *resolved;
          if (lstat (at, &st) != 0)
            return FC_PATH_WALK_MISSING;
          if (!S_ISLNK (st.st_mode))
            continue; /* inside, as its parent is */
          if (!(resolved = realpath (at, NULL))) /* dangling, or a loop */
            return FC_PATH_WALK_MISSING;
          g_free (at);
          at = g_strdup (resolved);
          free (resolved);
        }
      if (!inside (at, real_root))
        {
          if (real)
            *real = g_steal_pointer (&at);
          return FC_PATH_WALK_OUTSIDE;
        }
    }
  if (real)
    *real = g_steal_pointer (&at);
  return FC_PATH_WALK_INSIDE;
}
