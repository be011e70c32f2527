/* fc-plugin-files.c: reading a package's or an app's files: JSON with the
 * position of a key in messages, and path confinement (a path in a
 * package may not leave it, by `..`, an absolute path or a symlink). */
#include <stdlib.h>
#include <string.h>

#include "fc-path-walk-private.h"
#include "fc-plugin-private.h"
#include "fc-source-private.h"

FcValue *
fc_json_load (const char *text, const char *name, GError **error)
{
  g_autoptr (GError) local = NULL;
  FcValue *v = fc_value_from_json (text, &local);
  if (!v)
    {
      /* fc_value_from_json says "LINE:COL: malformed JSON" */
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_JSON,
                   "%s:%s; expected a JSON object", name, local->message);
      return NULL;
    }
  if (fc_value_get_kind (v) != FC_VALUE_OBJECT)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG,
                   "%s:1:1: expected a JSON object, got %s", name,
                   fc_value_type_name (v));
      fc_value_unref (v);
      return NULL;
    }
  return v;
}

char *
fc_json_where (const char *text, const char *name, const char *needle)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", needle);
  const char *at = text ? strstr (text, quoted) : NULL;
  int line = 1, col = 1;
  if (!at)
    return g_strdup (name);
  fc_advance_position (text, at - text, &line, &col);
  return g_strdup_printf ("%s:%d:%d", name, line, col);
}

char *
fc_path_normalize (const char *root, const char *base_dir, const char *rel,
                   gboolean allow_dotdot, const char *where, const char *what,
                   GError **error)
{
  g_autoptr (GPtrArray) segs = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) parts = NULL;
  g_autofree char *joined = NULL;

  if (!rel || !*rel)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG,
                   "%s: %s is empty; expected a relative path", where, what);
      return NULL;
    }
  if (rel[0] == '/' || g_path_is_absolute (rel) || strchr (rel, '\\'))
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_ESCAPING_PATH,
                   "%s: %s \"%s\" is absolute; expected a path relative to %s",
                   where, what, rel, root);
      return NULL;
    }
  joined = base_dir && *base_dir ? g_strconcat (base_dir, "/", rel, NULL)
                                 : g_strdup (rel);
  parts = g_strsplit (joined, "/", -1);
  for (char **p = parts; *p; p++)
    {
      if (!**p || strcmp (*p, ".") == 0)
        continue;
      if (strcmp (*p, "..") == 0)
        {
          if (!allow_dotdot || segs->len == 0)
            {
              g_set_error (error, FC_PLUGIN_ERROR,
                           FC_PLUGIN_ERROR_ESCAPING_PATH,
                           "%s: %s \"%s\" leaves %s through \"..\"; expected a "
                           "path inside it",
                           where, what, rel, root);
              return NULL;
            }
          g_ptr_array_remove_index (segs, segs->len - 1);
          continue;
        }
      g_ptr_array_add (segs, g_strdup (*p));
    }
  g_ptr_array_add (segs, NULL);
  return g_strjoinv ("/", (char **)segs->pdata);
}

char *
fc_path_confine (const char *root, const char *base_dir, const char *rel,
                 gboolean allow_dotdot, const char *where, const char *what,
                 GError **error)
{
  g_autofree char *joined = NULL, *real = NULL;
  char *real_root;

  if (!(joined = fc_path_normalize (root, base_dir, rel, allow_dotdot, where, what, error)))
    return NULL;
  /* symlinks: no existing prefix may resolve outside the root; the error
   * names the first that does (the link to blame, fc-path-walk.c) */
  real_root = realpath (root, NULL);
  if (real_root && fc_path_walk (real_root, joined, &real) == FC_PATH_WALK_OUTSIDE)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_ESCAPING_PATH,
                   "%s: %s \"%s\" goes through a symlink to %s, outside %s; "
                   "expected a path inside it",
                   where, what, rel, real, root);
      free (real_root);
      return NULL;
    }
  free (real_root);
  return g_steal_pointer (&joined);
}
