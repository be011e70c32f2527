/* An app reads each file of its mini-program once (bridge/fc-file-cache.c):
 * a second page of the same app shows what the files held when the first
 * one read them, a new app reads them again, and what was refused (a
 * symlink out of the root) is refused every time, not remembered as
 * read. What a person sees is the text the pages show. */
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <fc-bridge.h>

#include "common/fc-test-files.h"

static const char *const files[] = {
  "app.json", "{\"pages\": [\"pages/index/index\"]}",
  "pages/index/index.json", "{\"usingComponents\": {\"card\": \"/components/card/card\"}}",
  "pages/index/index.fxml", "<import src=\"row.fxml\"/><card title=\"one\"/><template is=\"row\"/>",
  "pages/index/row.fxml", "<template name=\"row\"><text>row one</text></template>",
  "components/card/card.json", "{\"component\": true, \"properties\": {\"title\": {\"type\": \"String\"}}}",
  "components/card/card.fxml", "<text>card {{title}}</text>",
  NULL,
};

static void
append_text (FcElement *el, GString *out)
{
  const char *text = fc_element_get_text (el);
  if (text)
    g_string_append_printf (out, "%s%s", out->len ? "|" : "", text);
  for (guint i = 0; i < fc_element_get_n_children (el); i++)
    append_text (fc_element_get_child (el, i), out);
}

/* What a page of @app shows, in document order (a component's template
 * included), or the error's message */
static char *
page_text (FcApp *app)
{
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  GString *out = g_string_new (NULL);

  if (!fc_app_load_page (app, page, "pages/index/index", NULL, &error))
    {
      g_string_append (out, error->message);
      return g_string_free (out, FALSE);
    }
  append_text (fc_page_get_root (page), out);
  return g_string_free (out, FALSE);
}

static void
write_file (const char *dir, const char *path, const char *text)
{
  g_autofree char *full = g_build_filename (dir, path, NULL);
  g_assert_true (g_file_set_contents (full, text, -1, NULL));
}

static void
test_read_once (void)
{
  g_autofree char *dir = fc_test_make_tree ("fc-app-files-XXXXXX", files);
  g_autoptr (FcPluginStore) store = fc_plugin_store_new ();
  g_autoptr (FcApp) app = NULL, again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL, *fresh = NULL;

  app = fc_app_new_from_dir (store, dir, &error);
  g_assert_no_error (error);
  first = page_text (app);
  g_assert_cmpstr (first, ==, "card one|row one");

  /* every file the page read changes under the running app */
  write_file (dir, "pages/index/index.fxml", "<import src=\"row.fxml\"/><card title=\"two\"/><template is=\"row\"/>");
  write_file (dir, "pages/index/row.fxml", "<template name=\"row\"><text>row two</text></template>");
  write_file (dir, "components/card/card.fxml", "<text>card two {{title}}</text>");
  second = page_text (app);
  g_assert_cmpstr (second, ==, first);

  again = fc_app_new_from_dir (store, dir, &error);
  g_assert_no_error (error);
  fresh = page_text (again);
  g_assert_cmpstr (fresh, ==, "card two two|row two");
  fc_test_remove_tree (dir);
}

/* A component folder that becomes a symlink out of the root: refused on
 * every page, the same way, as the first time */
static void
test_refusal_not_kept (void)
{
  g_autofree char *dir = fc_test_make_tree ("fc-app-files-XXXXXX", files);
  g_autofree char *outside = fc_test_make_tree ("fc-app-outside-XXXXXX", (const char *const[]) {
    "card.json", "{\"component\": true}", "card.fxml", "<text>outside</text>", NULL });
  g_autofree char *card_dir = g_build_filename (dir, "components", "card", NULL);
  g_autofree char *json = g_build_filename (card_dir, "card.json", NULL);
  g_autofree char *fxml = g_build_filename (card_dir, "card.fxml", NULL);
  g_autoptr (FcPluginStore) store = fc_plugin_store_new ();
  g_autoptr (FcApp) app = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_no_errno (g_unlink (json));
  g_assert_no_errno (g_unlink (fxml));
  g_assert_no_errno (g_rmdir (card_dir));
  g_assert_no_errno (symlink (outside, card_dir));
  app = fc_app_new_from_dir (store, dir, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *text = page_text (app);
      g_assert_nonnull (strstr (text, "leaves the mini-program's root"));
    }
  fc_test_remove_tree (dir);
  fc_test_remove_tree (outside);
}

static void
on_warning (FcPage *page, const char *message, GString *out)
{
  g_string_append_printf (out, "%s\n", message);
}

/* A page without JSON whose markup includes that JSON by name: the app
 * found it absent when it opened the page, and the include says which
 * file is not there, on the first page as on the next */
static void
test_absent_json_message (void)
{
  g_autofree char *dir = fc_test_make_tree ("fc-app-files-XXXXXX", (const char *const[]) {
    "app.json", "{\"pages\": [\"pages/index/index\"]}",
    "pages/index/index.fxml", "<include src=\"index.json\"/><text>page</text>", NULL });
  g_autoptr (FcPluginStore) store = fc_plugin_store_new ();
  g_autoptr (FcApp) app = NULL;
  g_autoptr (GError) error = NULL;

  app = fc_app_new_from_dir (store, dir, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
      g_autoptr (GString) warnings = g_string_new (NULL);
      g_signal_connect (page, "warning", G_CALLBACK (on_warning), warnings);
      g_assert_true (fc_app_load_page (app, page, "pages/index/index", NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (warnings->str, ==,
                       "pages/index/index.fxml:1:10: <include src=\"index.json\">: no file pages/index/index.json: "
                       "nothing is included\n");
    }
  fc_test_remove_tree (dir);
}

/* What a page of @app at @path shows, or the error's message */
static char *
page_text_at (FcApp *app, const char *path)
{
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  GString *out = g_string_new (NULL);

  if (!fc_app_load_page (app, page, path, NULL, &error))
    g_string_append (out, error->message);
  else
    append_text (fc_page_get_root (page), out);
  return g_string_free (out, FALSE);
}

/* A page is its files: each is confined once, with its folders, whoever
 * reads it first (the page, or an <include> of its JSON on another
 * page). A name beside them that leads out of the root (here the page's
 * path itself, pages/p/p, a symlink out) is no file the page reads: the
 * page opens the same either way (it was refused when opened first, and
 * opened after the include) */
static void
test_page_files_whoever_first (void)
{
  static const char *const tree[] = {
    "app.json", "{}", /* app.json's pages are confined with the app (and pages/p/p would be refused) */
    "pages/a/a.fxml", "<include src=\"/pages/p/p.json\"/><text>a</text>",
    "pages/p/p.json", "{}",
    "pages/p/p.fxml", "<text>p</text>",
    NULL,
  };
  g_autofree char *dir = fc_test_make_tree ("fc-app-files-XXXXXX", tree);
  g_autofree char *outside = fc_test_make_tree ("fc-app-outside-XXXXXX", (const char *const[]) { "x", "x", NULL });
  g_autofree char *link = g_build_filename (dir, "pages", "p", "p", NULL);
  g_autoptr (FcPluginStore) store = fc_plugin_store_new ();
  g_autoptr (GError) error = NULL;

  g_assert_no_errno (symlink (outside, link));
  for (int include_first = 0; include_first < 2; include_first++)
    {
      g_autoptr (FcApp) app = fc_app_new_from_dir (store, dir, &error);
      g_autofree char *text = NULL;
      g_assert_no_error (error);
      if (include_first)
        {
          g_autofree char *a = page_text_at (app, "pages/a/a");
          g_assert_cmpstr (a, ==, "{}|a");
        }
      text = page_text_at (app, "pages/p/p");
      g_assert_cmpstr (text, ==, "p");
    }
  fc_test_remove_tree (dir);
  fc_test_remove_tree (outside);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/app-files/read-once", test_read_once);
  g_test_add_func ("/app-files/refusal-not-kept", test_refusal_not_kept);
  g_test_add_func ("/app-files/absent-json-message", test_absent_json_message);
  g_test_add_func ("/app-files/page-files-whoever-first", test_page_files_whoever_first);
  return g_test_run ();
}
