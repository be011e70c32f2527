/* fc-corpus-check FILE.wxml...: for each markup file of a mini-program,
 * whether the bridge parses it (fc_fxml_parse) and mounts it as a page
 * (fc_page_load, with the page JSON beside it: FILE.json, if any), one
 * JSON line a file: {"file", "parse", "parseError", "mount", "mountError"}.
 * bench/corpus/run compares these with glass-easel's template compiler.
 * A page mounts with no data and no registered components: a component
 * its JSON names that the bridge cannot resolve is a mount failure. */
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
  fc_fxml_node_free (doc);
  g_clear_error (&error);

  json_file = g_strconcat (file, NULL);
  if (g_str_has_suffix (json_file, ".wxml") || g_str_has_suffix (json_file, ".fxml"))
    strcpy (json_file + strlen (json_file) - 4, "json");
  if (!g_file_get_contents (json_file, &page_json, NULL, NULL))
    page_json = g_strdup ("{}");
  {
    g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
    gboolean ok = fc_page_load (page, NULL, page_json, text, file, NULL, &error);

    g_string_append_printf (out, ",\"mount\":%s", ok ? "true" : "false");
    if (!ok)
      {
        g_string_append (out, ",\"mountError\":");
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
