/* fc-corpus-check FILE.wxml...: for each markup file of a mini-program,
 * whether the bridge parses it (fc_fxml_parse) and mounts it as a page
 * (fc_page_load, with the page JSON beside it: FILE.json, if any), one
 * JSON line a file: {"file", "parse", "parseError", "mount", "mountError"}.
 * bench/corpus/run compares these with glass-easel's template compiler.
 * A page mounts with no data and no registered components: a component
 * its JSON names that the bridge cannot resolve is a mount failure.
 * A file with `<wxs>` modules also says whether they load ("wxs": a page
 * of the file's modules alone, its root the repository's: the folder
 * holding .git), apart from its components. */
#include <fc-bridge.h>
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

/* Every tag that is not built in stands for a plain container: what the
 * page's own markup (templates, imports, includes, directives) does,
 * whatever its components need ("mountStub"). */
static FcComponentClass *
stub_resolver (FcPage *page, const char *tag, const char *path, int line, int col, gpointer user_data,
               GError **error)
{
  static const char *const builtins[] = { "view", "text", "button", "image", "block", "page", NULL };
  static FcComponentClass *stub;

  if (g_strv_contains (builtins, tag))
    return NULL;
  if (!stub)
    stub = fc_component_class_new ("stub");
  return stub;
}

static void
check (const char *file)
{
  g_autofree char *text = NULL, *page_json = NULL, *json_file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new ("{\"file\":");
  gsize len = 0;
  FcFxmlNode *doc;

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
  fc_fxml_node_free (doc);
  g_clear_error (&error);

  json_file = g_strconcat (file, NULL);
  if (g_str_has_suffix (json_file, ".wxml") || g_str_has_suffix (json_file, ".fxml"))
    strcpy (json_file + strlen (json_file) - 4, "json");
  if (!g_file_get_contents (json_file, &page_json, NULL, NULL))
    page_json = g_strdup ("{}");
  {
    g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
    g_autofree char *repo = repository_of (file);
    const char *rel = repo && g_str_has_prefix (file, repo) && file[strlen (repo)] == '/' ? file + strlen (repo) + 1
                                                                                           : file;
    gboolean ok;

    /* <wxs src> files are read in the repository */
    fc_page_set_root (page, repo, NULL);
    ok = fc_page_load (page, NULL, page_json, text, rel, NULL, &error);

    g_string_append_printf (out, ",\"mount\":%s", ok ? "true" : "false");
    if (!ok)
      {
        g_string_append (out, ",\"mountError\":");
        print_string (out, error->message);
      }
  }
  {
    g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
    g_autofree char *repo = repository_of (file);
    const char *rel = repo && g_str_has_prefix (file, repo) && file[strlen (repo)] == '/' ? file + strlen (repo) + 1
                                                                                           : file;
    gboolean ok;

    g_clear_error (&error);
    fc_page_set_root (page, repo, NULL);
    fc_page_set_resolver (page, stub_resolver, NULL, NULL);
    ok = fc_page_load (page, NULL, page_json, text, rel, NULL, &error);
    g_string_append_printf (out, ",\"mountStub\":%s", ok ? "true" : "false");
    if (!ok)
      {
        g_string_append (out, ",\"mountStubError\":");
        print_string (out, error->message);
      }
  }
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
