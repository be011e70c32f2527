/* fc-corpus-resolve.c: a corpus repository's components found in its own
 * folders (fc-corpus-resolve.h). A `usingComponents` path is relative to
 * the file naming it, or from the mini-program's root (the folder holding
 * app.json) with a leading `/`, or an npm package's name; it names a
 * component when P.wxml (or .fxml) and P.json are there, or P/index.*.
 * What the repositories' own build steps do is written down here: the
 * only knowledge of them this report has. */
#include "fc-corpus-resolve.h"

#include <string.h>

/* Folders a repository's build copies elsewhere: a path under @from
 * (repository-relative) is one under each of @to, tried in order. */
static const struct {
  const char *repo;
  const char *from;
  const char *to[3];
} layouts[] = {
  /* vant-weapp: the example's ./dist/X is packages/X built (its gulp
   * build compiles packages/ into example/dist/) */
  { "vant-weapp", "example/dist/", { "packages/", NULL } },
  /* tdesign-miniprogram: the npm package tdesign-miniprogram/X is
   * packages/components/X, or a chat component of pro-components */
  { "tdesign-miniprogram", "tdesign-miniprogram/", { "packages/components/", "packages/pro-components/chat/", NULL } },
};

/* @path with `.` and `..` resolved, from the repository's root; NULL when
 * it leaves the repository */
static char *
normalize (const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();

  for (guint i = 0; parts[i]; i++)
    {
      if (!parts[i][0] || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (!stack->len)
            return NULL;
          g_ptr_array_set_size (stack, stack->len - 1);
          continue;
        }
      g_ptr_array_add (stack, parts[i]);
    }
  g_ptr_array_add (stack, NULL);
  return g_strjoinv ("/", (char **) stack->pdata);
}

static gboolean
has_file (const char *repo, const char *rel, const char *ext)
{
  g_autofree char *f = g_strconcat (repo, "/", rel, ext, NULL);
  return g_file_test (f, G_FILE_TEST_IS_REGULAR);
}

/* @rel (repository-relative, no extension) if a component is there, or
 * @rel/index; NULL otherwise */
static char *
component_at (const char *repo, const char *rel)
{
  g_autofree char *index = NULL;

  if ((has_file (repo, rel, ".wxml") || has_file (repo, rel, ".fxml")) && has_file (repo, rel, ".json"))
    return g_strdup (rel);
  index = g_strconcat (rel, "/index", NULL);
  if ((has_file (repo, index, ".wxml") || has_file (repo, index, ".fxml")) && has_file (repo, index, ".json"))
    return g_steal_pointer (&index);
  return NULL;
}

static char *
through_layouts (const char *repo, const char *rel)
{
  g_autofree char *name = g_path_get_basename (repo);
  char *found = component_at (repo, rel);

  for (guint i = 0; !found && i < G_N_ELEMENTS (layouts); i++)
    if (strcmp (name, layouts[i].repo) == 0 && g_str_has_prefix (rel, layouts[i].from))
      for (guint j = 0; !found && layouts[i].to[j]; j++)
        {
          g_autofree char *moved = g_strconcat (layouts[i].to[j], rel + strlen (layouts[i].from), NULL);
          found = component_at (repo, moved);
        }
  return found;
}

/* Demo pages a repository's build copies into its example mini-program:
 * a file under @under with @part in its path belongs to the mini-program
 * at @root. */
static const struct {
  const char *repo;
  const char *under;
  const char *part;
  const char *root;
} demo_pages[] = {
  /* packages/X/demo/ becomes example/dist/X/demo/ */
  { "vant-weapp", "packages/", "/demo/", "example" },
  /* packages/components/X/_example/ becomes example/pages/X/ */
  { "tdesign-miniprogram", "packages/", "/_example/", "packages/tdesign-miniprogram/example" },
};

char *
fc_corpus_mini_root (const char *repo, const char *rel_file)
{
  g_autofree char *dir = g_path_get_dirname (rel_file);
  g_autofree char *name = g_path_get_basename (repo);

  for (guint i = 0; i < G_N_ELEMENTS (demo_pages); i++)
    if (strcmp (name, demo_pages[i].repo) == 0 && g_str_has_prefix (rel_file, demo_pages[i].under)
        && strstr (rel_file, demo_pages[i].part))
      return g_strdup (demo_pages[i].root);

  while (TRUE)
    {
      g_autofree char *app = g_strconcat (repo, "/", dir, "/app.json", NULL);
      char *up;
      if (g_file_test (app, G_FILE_TEST_IS_REGULAR))
        return strcmp (dir, ".") == 0 ? g_strdup ("") : g_steal_pointer (&dir);
      if (strcmp (dir, ".") == 0 || strcmp (dir, "/") == 0)
        return NULL;
      up = g_path_get_dirname (dir);
      g_free (dir);
      dir = up;
    }
}

char *
fc_corpus_resolve (const char *repo, const char *rel_file, const char *path)
{
  g_autofree char *joined = NULL, *norm = NULL;

  if (!path[0] || strstr (path, "://"))
    return NULL;
  if (path[0] == '/')
    {
      g_autofree char *root = fc_corpus_mini_root (repo, rel_file);
      joined = g_strconcat (root ? root : "", path, NULL);
    }
  else if (path[0] == '.')
    {
      g_autofree char *dir = g_path_get_dirname (rel_file);
      joined = g_strconcat (dir, "/", path, NULL);
    }
  else
    joined = g_strdup (path); /* an npm package's name */
  if (!(norm = normalize (joined)))
    return NULL;
  return through_layouts (repo, norm);
}

/* app.json's `usingComponents` (global ones) for a file under a
 * mini-program's root, resolved from that root; NULL for none */
static FcValue *
app_components (const char *repo, const char *rel_file)
{
  g_autofree char *root = fc_corpus_mini_root (repo, rel_file);
  g_autofree char *app = NULL, *text = NULL;
  g_autoptr (FcValue) json = NULL;
  FcValue *using;

  if (!root)
    return NULL;
  app = g_strconcat (repo, "/", root, root[0] ? "/" : "", "app.json", NULL);
  if (!g_file_get_contents (app, &text, NULL, NULL) || !(json = fc_value_from_json (text, NULL)))
    return NULL;
  using = fc_value_get_kind (json) == FC_VALUE_OBJECT ? fc_value_object_get (json, "usingComponents") : NULL;
  return using && fc_value_get_kind (using) == FC_VALUE_OBJECT ? fc_value_ref (using) : NULL;
}

static void
add_entry (FcCorpusJson *out, FcValue *using, const char *repo, const char *from_file, const char *tag,
           FcValue *path)
{
  g_autofree char *found = NULL;

  if (fc_value_get_kind (path) != FC_VALUE_STRING)
    return;
  found = fc_corpus_resolve (repo, from_file, fc_value_get_string (path));
  if (found)
    {
      fc_value_object_set (using, tag, fc_value_new_string_take (g_strconcat ("/", found, NULL)));
      g_hash_table_replace (out->resolved, g_strdup (tag), g_steal_pointer (&found));
    }
  else
    {
      fc_value_object_set (using, tag, fc_value_ref (path));
      g_hash_table_replace (out->unresolved, g_strdup (tag), g_strdup (fc_value_get_string (path)));
    }
}

void
fc_corpus_json_clear (FcCorpusJson *j)
{
  g_free (j->text);
  g_clear_pointer (&j->resolved, g_hash_table_unref);
  g_clear_pointer (&j->unresolved, g_hash_table_unref);
  g_clear_pointer (&j->generics, g_hash_table_unref);
}

gboolean
fc_corpus_rewrite_json (const char *repo, const char *rel_file, const char *json_text, FcCorpusJson *out)
{
  g_autoptr (FcValue) json = json_text ? fc_value_from_json (json_text, NULL) : fc_value_new_object ();
  g_autoptr (FcValue) globals = app_components (repo, rel_file);
  g_autofree char *root = fc_corpus_mini_root (repo, rel_file);
  g_autofree char *app_file = NULL;
  FcValue *own, *using = fc_value_new_object ();

  out->resolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  out->unresolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  out->generics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!json || fc_value_get_kind (json) != FC_VALUE_OBJECT)
    {
      fc_value_unref (using);
      out->text = g_strdup (json_text ? json_text : "{}");
      return FALSE;
    }
  own = fc_value_object_get (json, "usingComponents");
  {
    FcValue *generics = fc_value_object_get (json, "componentGenerics");
    for (guint i = 0; generics && fc_value_get_kind (generics) == FC_VALUE_OBJECT
                      && i < fc_value_object_get_size (generics); i++)
      g_hash_table_add (out->generics, g_strdup (fc_value_object_get_key (generics, i)));
  }
  /* the page's own entries win over the app's of the same tag */
  app_file = g_strconcat (root ? root : "", root && root[0] ? "/" : "", "app.json", NULL);
  for (guint i = 0; globals && i < fc_value_object_get_size (globals); i++)
    {
      const char *tag = fc_value_object_get_key (globals, i);
      if (own && fc_value_get_kind (own) == FC_VALUE_OBJECT && fc_value_object_get (own, tag))
        continue;
      add_entry (out, using, repo, app_file, tag, fc_value_object_get_nth (globals, i));
    }
  for (guint i = 0; own && fc_value_get_kind (own) == FC_VALUE_OBJECT && i < fc_value_object_get_size (own); i++)
    add_entry (out, using, repo, rel_file, fc_value_object_get_key (own, i), fc_value_object_get_nth (own, i));
  fc_value_object_set (json, "usingComponents", using);
  out->text = fc_value_to_json (json);
  return TRUE;
}
