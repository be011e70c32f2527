/* fc-corpus-check FILE.wxml...: for each markup file of a mini-program,
 * whether the bridge parses it (fc_fxml_parse) and mounts it as a page
 * (fc_page_load, with the page JSON beside it: FILE.json, if any), one
 * JSON line a file: {"file", "parse", "parseError", "mount", "mountError",
 * "warnings", "uses", "blockers"}. bench/corpus/run compares these with
 * glass-easel's template compiler. A page mounts with no data and no
 * registered classes; its custom components are the repository's own
 * (fc-corpus-resolve.c: the JSON the bridge gets names them from the
 * repository's root, and their JSON is rewritten the same way), so a
 * component with JS properties mounts with none and its attributes show
 * among the warnings. "uses" are the markup files of the components the
 * file uses; "blockers" everything in it that stands in the way today
 * (find_blockers()), not only the first error.
 * A file with `<wxs>` modules also says whether they load ("wxs": a page
 * of the file's modules alone, its root the repository's: the folder
 * holding .git), apart from its components. */
#include "fc-corpus-resolve.h"
#include <stdio.h>
#include <string.h>

static void
print_string (GString *out, const char *s)
{
  g_autoptr (FcValue) v = fc_value_new_string (s);
  g_autofree char *json = fc_value_to_json (v);

  g_string_append (out, json);
}

/* The repository @file is in: the folder right under $FC_CORPUS_DIR, or
 * the nearest folder above it holding .git. */
static char *
repository_of (const char *file)
{
  const char *corpus = g_getenv ("FC_CORPUS_DIR");
  g_autofree char *dir = g_path_get_dirname (file);

  if (corpus && g_str_has_prefix (file, corpus) && file[strlen (corpus)] == '/')
    {
      const char *repo = file + strlen (corpus) + 1;
      const char *slash = strchr (repo, '/');
      if (slash)
        return g_strndup (file, slash - file);
    }
  while (strcmp (dir, "/") != 0 && strcmp (dir, ".") != 0)
    {
      g_autofree char *git = g_build_filename (dir, ".git", NULL);
      char *up;
      if (g_file_test (git, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&dir);
      up = g_path_get_dirname (dir);
      g_free (dir);
      dir = up;
    }
  return NULL;
}

/* Whether @doc has `<wxs>` elements; if so, loads them as a page of
 * their own in the file's repository and says how it went. */
static gboolean
has_wxs (const FcFxmlNode *node)
{
  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      const FcFxmlNode *c = g_ptr_array_index (node->children, i);
      if (fc_fxml_node_is_wxs (c) || (c->type == FC_FXML_ELEMENT && has_wxs (c)))
        return TRUE;
    }
  return FALSE;
}

static void
append_wxs (GString *out, const FcFxmlNode *node, GString *modules)
{
  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      const FcFxmlNode *c = g_ptr_array_index (node->children, i);
      if (fc_fxml_node_is_wxs (c))
        {
          const FcFxmlAttribute *m = fc_fxml_node_get_attribute (c, "module");
          const FcFxmlAttribute *src = fc_fxml_node_get_attribute (c, "src");
          const FcFxmlNode *script = c->children->len ? g_ptr_array_index (c->children, 0) : NULL;
          g_autofree char *line = NULL;
          /* on the module's own line, so that errors keep theirs */
          for (int l = 1; l < c->line; l++)
            g_string_append_c (modules, '\n');
          g_string_append_printf (modules, "<wxs module=\"%s\"", m && m->value ? m->value : "");
          if (src && src->value)
            g_string_append_printf (modules, " src=\"%s\"/>", src->value);
          else
            g_string_append_printf (modules, ">%s</wxs>", script && script->text ? script->text : "");
        }
      else if (c->type == FC_FXML_ELEMENT)
        append_wxs (out, c, modules);
    }
}

static void
check_wxs (GString *out, const char *file, const FcFxmlNode *doc)
{
  g_autofree char *repo = repository_of (file);
  g_autoptr (GString) modules = g_string_new (NULL);
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  const char *rel = file;

  if (repo && g_str_has_prefix (file, repo) && file[strlen (repo)] == '/')
    rel = file + strlen (repo) + 1;
  append_wxs (out, doc, modules);
  fc_page_set_root (page, repo, NULL);
  if (fc_page_load (page, NULL, NULL, modules->str, rel, NULL, &error))
    g_string_append (out, ",\"wxs\":true");
  else
    {
      g_string_append (out, ",\"wxs\":false,\"wxsError\":");
      print_string (out, error->message);
    }
}

/* Whether the bridge knows @tag with no usingComponents: a built-in
 * (asked of the bridge itself: a page of that one element loads). */
static gboolean
known_tag (const char *tag)
{
  static GHashTable *cache;
  gpointer known;

  if (!cache)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_lookup_extended (cache, tag, NULL, &known))
    {
      g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
      g_autofree char *fxml = g_strdup_printf ("<%s/>", tag);
      known = GINT_TO_POINTER (fc_page_load (page, NULL, "{}", fxml, "probe.fxml", NULL, NULL));
      g_hash_table_insert (cache, g_strdup (tag), known);
    }
  return GPOINTER_TO_INT (known);
}

/* What in @node keeps its page from mounting today, each once: "slot",
 * "template" (<template>, <import>, <include>), "component" (a custom
 * component of the repository: its own markup), "unresolved:PATH" (a
 * usingComponents path the repository has no component at),
 * "unknown:TAG" (neither built in nor in usingComponents). @used gets
 * the custom components' tags (borrowed from @node). */
static void
find_blockers (const FcFxmlNode *node, const FcCorpusJson *json, GHashTable *blockers, GHashTable *used)
{
  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      const FcFxmlNode *c = g_ptr_array_index (node->children, i);
      const char *path;
      if (c->type != FC_FXML_ELEMENT || fc_fxml_node_is_wxs (c))
        continue;
      if (strcmp (c->name, "slot") == 0)
        g_hash_table_add (blockers, g_strdup ("slot"));
      else if (strcmp (c->name, "template") == 0 || strcmp (c->name, "import") == 0
               || strcmp (c->name, "include") == 0)
        g_hash_table_add (blockers, g_strdup ("template"));
      else if (g_hash_table_contains (json->resolved, c->name) || g_hash_table_contains (json->generics, c->name))
        {
          g_hash_table_add (blockers, g_strdup ("component"));
          g_hash_table_add (used, c->name);
        }
      else if ((path = g_hash_table_lookup (json->unresolved, c->name)))
        g_hash_table_add (blockers, g_strdup_printf ("unresolved:%s", path));
      else if (!known_tag (c->name))
        g_hash_table_add (blockers, g_strdup_printf ("unknown:%s", c->name));
      find_blockers (c, json, blockers, used);
    }
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
print_strings (GString *out, const char *key, GPtrArray *strings)
{
  g_string_append_printf (out, ",\"%s\":[", key);
  for (guint i = 0; i < strings->len; i++)
    {
      if (i)
        g_string_append_c (out, ',');
      print_string (out, g_ptr_array_index (strings, i));
    }
  g_string_append_c (out, ']');
}

/* The rewritten JSON of every component @json uses, and of theirs, as
 * files of @page (the bridge reads a component's JSON from the page's
 * files before its root folder). */
static void
add_component_files (FcPage *page, const char *repo, const FcCorpusJson *json, GHashTable *done)
{
  GHashTableIter it;
  gpointer path;

  g_hash_table_iter_init (&it, json->resolved);
  while (g_hash_table_iter_next (&it, NULL, &path))
    {
      g_autofree char *file = g_strconcat (repo, "/", path, ".json", NULL);
      g_autofree char *markup = g_strconcat (path, ".wxml", NULL);
      g_autofree char *name = g_strconcat (path, ".json", NULL);
      g_autofree char *text = NULL;
      FcCorpusJson sub = { 0 };

      if (g_hash_table_contains (done, path))
        continue;
      g_hash_table_add (done, g_strdup (path));
      if (!g_file_get_contents (file, &text, NULL, NULL))
        continue;
      fc_corpus_rewrite_json (repo, markup, text, &sub);
      fc_page_add_file (page, name, sub.text);
      add_component_files (page, repo, &sub, done);
      fc_corpus_json_clear (&sub);
    }
}

/* The JSON of a file beside @file that imports or includes it (a
 * fragment has no JSON of its own: its tags are its includer's), or NULL.
 * A sibling whose text names "BASENAME" in a src is taken. */
static char *
includer_json (const char *file)
{
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *base = g_path_get_basename (file);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL, *stem = NULL, *json_path = NULL, *json = NULL;
      g_autofree char *quoted = g_strdup_printf ("%s\"", base);
      if (!g_str_has_suffix (name, ".wxml") || strcmp (name, base) == 0)
        continue;
      stem = g_strndup (path, strlen (path) - 4);
      json_path = g_strconcat (stem, "json", NULL);
      if (g_file_get_contents (path, &text, NULL, NULL) && strstr (text, quoted)
          && g_file_get_contents (json_path, &json, NULL, NULL))
        return g_steal_pointer (&json);
    }
  return NULL;
}

static void
on_warning (FcPage *page, const char *message, GPtrArray *warnings)
{
  g_ptr_array_add (warnings, g_strdup (message));
}

static void
check (const char *file)
{
  g_autofree char *text = NULL, *page_json = NULL, *json_file = NULL;
  g_autofree char *repo = repository_of (file);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new ("{\"file\":");
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) uses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) blocker_list = NULL;
  g_autoptr (GHashTable) blockers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  FcCorpusJson json = { 0 };
  const char *rel = repo && g_str_has_prefix (file, repo) && file[strlen (repo)] == '/' ? file + strlen (repo) + 1
                                                                                         : file;
  gsize len = 0;
  FcFxmlNode *doc;
  gboolean ok;
  GHashTableIter it;
  gpointer v;

  print_string (out, file);
  if (!g_file_get_contents (file, &text, &len, &error))
    {
      g_string_append (out, ",\"parse\":false,\"parseError\":");
      print_string (out, error->message);
      g_string_append (out, ",\"mount\":false}");
      puts (out->str);
      return;
    }
  doc = fc_fxml_parse (text, (gssize) len, file, &error);
  g_string_append_printf (out, ",\"parse\":%s", doc ? "true" : "false");
  if (!doc)
    {
      g_string_append (out, ",\"parseError\":");
      print_string (out, error->message);
      g_string_append (out, ",\"mount\":false}");
      puts (out->str);
      return;
    }
  if (has_wxs (doc))
    check_wxs (out, file, doc);
  g_clear_error (&error);

  json_file = g_strconcat (file, NULL);
  if (g_str_has_suffix (json_file, ".wxml") || g_str_has_suffix (json_file, ".fxml"))
    strcpy (json_file + strlen (json_file) - 4, "json");
  if (!g_file_get_contents (json_file, &page_json, NULL, NULL))
    page_json = includer_json (file);
  fc_corpus_rewrite_json (repo ? repo : ".", rel, page_json, &json);
  find_blockers (doc, &json, blockers, used);
  /* the components the file uses (not all it declares: app.json's global
   * ones are many), as their markup files */
  g_hash_table_iter_init (&it, used);
  while (g_hash_table_iter_next (&it, &v, NULL))
    {
      const char *path = g_hash_table_lookup (json.resolved, v);
      g_autofree char *markup = path ? g_strconcat (repo ? repo : ".", "/", path, ".wxml", NULL) : NULL;
      if (markup && !g_ptr_array_find_with_equal_func (uses, markup, g_str_equal, NULL))
        g_ptr_array_add (uses, g_steal_pointer (&markup));
    }
  fc_fxml_node_free (doc);
  {
    g_autoptr (FcPage) page = fc_page_new (NULL, NULL);

    /* the repository is the root: components and <wxs src> files are
     * read in it, and every component path is written from it */
    fc_page_set_root (page, repo, NULL);
    add_component_files (page, repo ? repo : ".", &json, done);
    g_signal_connect (page, "warning", G_CALLBACK (on_warning), warnings);
    ok = fc_page_load (page, NULL, json.text, text, rel, NULL, &error);
  }
  g_string_append_printf (out, ",\"mount\":%s", ok ? "true" : "false");
  if (!ok)
    {
      g_string_append (out, ",\"mountError\":");
      print_string (out, error->message);
    }
  print_strings (out, "warnings", warnings);
  print_strings (out, "uses", uses);
  blocker_list = g_ptr_array_new ();
  g_hash_table_iter_init (&it, blockers);
  while (g_hash_table_iter_next (&it, &v, NULL))
    g_ptr_array_add (blocker_list, v);
  g_ptr_array_sort (blocker_list, compare_strings);
  print_strings (out, "blockers", blocker_list);
  fc_corpus_json_clear (&json);
  g_string_append_c (out, '}');
  puts (out->str);
}

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    check (argv[i]);
  return 0;
}
