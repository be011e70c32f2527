/* Plugin packages: app.json / plugin.json loading, the installed-plugin
 * store, plugin:// resolution, versions side by side, subpackages,
 * requirePlugin / requireMiniProgram, abstract nodes, isolation, paths.
 *
 * Uses the hello-plugin test packages (BUILD/tests/bridge/hello-plugin/
 * 1.0.0 and 2.0.0) and the shipped ones (BUILD/plugins/). Each bad
 * configuration is a row: the files of a mini-program, the page to load,
 * and the exact error it must give. */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <fc-bridge.h>
#include "common/fc-test-files.h"

static FcPluginStore *
test_store (void)
{
  const char *build = g_getenv ("FC_BUILD_ROOT");
  g_autofree char *a
      = g_build_filename (build ? build : ".", "tests", "bridge", NULL);
  g_autofree char *b = g_build_filename (build ? build : ".", "plugins", NULL);
  const char *dirs[] = { a, b, NULL };
  return fc_plugin_store_new_for_path (dirs);
}

/* A mini-program in a fresh temporary folder: pairs of path, text; a text
 * starting with "->" makes a symlink to the rest. */
static char *
make_app (const char *const *files)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("fc-plugins-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; files[i]; i += 2)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_autofree char *parent = g_path_get_dirname (path);
      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      if (g_str_has_prefix (files[i + 1], "->"))
        g_assert_cmpint (symlink (files[i + 1] + 2, path), ==, 0);
      else
        {
          g_file_set_contents (path, files[i + 1], -1, &error);
          g_assert_no_error (error);
        }
    }
  return dir;
}

/* ---- the table of bad configurations ---- */

typedef struct
{
  const char *name;
  const char *files[16];
  const char *page; /* NULL: only app.json is loaded */
  const char
      *require; /* requirePlugin(this) from page, instead of loading it */
  int code;     /* FC_PLUGIN_ERROR_* */
  const char *message; /* the error message, after the temp dir prefix is cut */
} BadRow;

#define HELLO1 "{\"version\": \"1.0.0\", \"provider\": \"hello-plugin\"}"
#define PAGE_FXML "<view><hello id=\"h\"/></view>"

static const BadRow bad_rows[] = {
  { "malformed-app-json",
    { "app.json", "{\n  \"plugins\": {\n    \"hello\": " HELLO1 ",\n  }\n}",
      NULL },
    NULL,
    NULL,
    FC_PLUGIN_ERROR_BAD_JSON,
    "app.json:4:4: malformed JSON; expected a JSON object" },
  { "app-json-array",
    { "app.json", "[]", NULL },
    NULL,
    NULL,
    FC_PLUGIN_ERROR_BAD_CONFIG,
    "app.json:1:1: expected a JSON object, got Array" },
  { "plugins-not-object",
    { "app.json", "{\"plugins\": []}", NULL },
    NULL,
    NULL,
    FC_PLUGIN_ERROR_BAD_CONFIG,
    "app.json:1:2: \"plugins\" must be an object of alias → {version, "
    "provider}, got Array" },
  { "no-version",
    { "app.json",
      "{\"plugins\": {\"hello\": {\"provider\": \"hello-plugin\"}}}", NULL },
    NULL,
    NULL,
    FC_PLUGIN_ERROR_BAD_CONFIG,
    "app.json:1:14: its \"version\" must be a version string such as "
    "\"1.0.0\", got nothing" },
  { "unknown-version",
    { "app.json",
      "{\"plugins\": {\"hello\": {\"version\": \"3.0.0\", \"provider\": "
      "\"hello-plugin\"}}}",
      NULL },
    NULL,
    NULL,
    FC_PLUGIN_ERROR_UNKNOWN_VERSION,
    "app.json:1:14: plugin \"hello\": plugin hello-plugin has no version 3.0.0 "
    "installed (installed: 1.0.0, 2.0.0)" },
  { "not-installed",
    { "app.json",
      "{\"plugins\": {\"x\": {\"version\": \"1.0.0\", \"provider\": "
      "\"no-such-plugin\"}}}",
      NULL },
    NULL,
    NULL,
    FC_PLUGIN_ERROR_NOT_INSTALLED,
    "app.json:1:14: plugin \"x\": plugin no-such-plugin is not installed" },
  { "undeclared-alias",
    { "app.json", "{\"plugins\": {\"hello\": " HELLO1 "}}",
      "pages/index/index.json",
      "{\n  \"usingComponents\": {\n    \"hello\": "
      "\"plugin://helo/hello-component\"\n  }\n}",
      "pages/index/index.fxml", PAGE_FXML, NULL },
    "pages/index/index",
    NULL,
    FC_PLUGIN_ERROR_UNDECLARED_ALIAS,
    "pages/index/index.json:3:14: plugin \"helo\" is not declared in app.json "
    "\"plugins\" (declared here: \"hello\")" },
  { "not-public",
    { "app.json", "{\"plugins\": {\"hello\": " HELLO1 "}}",
      "pages/index/index.json",
      "{\"usingComponents\": {\"hello\": \"plugin://hello/private-thing\"}}",
      "pages/index/index.fxml", PAGE_FXML, NULL },
    "pages/index/index",
    NULL,
    FC_PLUGIN_ERROR_NOT_PUBLIC,
    "pages/index/index.json:1:31: \"private-thing\" is not a public component "
    "of plugin hello-plugin 1.0.0 "
    "(publicComponents in its plugin.json)" },
  { "plugin-private-from-host",
    { "app.json", "{\"plugins\": {\"hello\": " HELLO1 "}}",
      "pages/index/index.json",
      "{\"usingComponents\": {\"hello\": "
      "\"plugin-private://hello-plugin/components/private-thing\"}}",
      "pages/index/index.fxml", PAGE_FXML, NULL },
    "pages/index/index",
    NULL,
    FC_PLUGIN_ERROR_PRIVATE,
    "pages/index/index.json:1:31: "
    "\"plugin-private://hello-plugin/components/private-thing\": "
    "plugin-private:// works "
    "only inside the plugin itself; a host page uses plugin://ALIAS/NAME" },
  { "two-subpackages",
    { "app.json",
      "{\"subpackages\": [\n"
      " {\"root\": \"a\", \"pages\": [\"p/x\"], \"plugins\": {\"h1\": " HELLO1
      "}},\n"
      " {\"root\": \"b\", \"pages\": [\"p/y\"], \"plugins\": {\"h2\": " HELLO1
      "}}]}",
      NULL },
    NULL,
    NULL,
    FC_PLUGIN_ERROR_DUPLICATE_SUBPACKAGE,
    "app.json:3:46: plugin hello-plugin is declared by subpackages \"a\" and "
    "\"b\"; a plugin may be declared by one "
    "subpackage only (or by the main package)" },
  { "subpackage-plugin-from-main",
    { "app.json",
      "{\"subpackages\": [{\"root\": \"a\", \"plugins\": {\"hello\": " HELLO1
      "}}]}",
      "pages/index/index.json",
      "{\"usingComponents\": {\"hello\": \"plugin://hello/hello-component\"}}",
      "pages/index/index.fxml", PAGE_FXML, NULL },
    "pages/index/index",
    NULL,
    FC_PLUGIN_ERROR_OUTSIDE_SUBPACKAGE,
    "pages/index/index.json:1:31: plugin \"hello\" is declared by subpackage "
    "\"a\" (app.json:1:44) and is usable only "
    "from its pages" },
  { "subpackage-plugin-required-from-main",
    { "app.json",
      "{\"subpackages\": [{\"root\": \"a\", \"plugins\": {\"hello\": " HELLO1
      "}}]}",
      NULL },
    NULL,
    "hello-plugin",
    FC_PLUGIN_ERROR_OUTSIDE_SUBPACKAGE,
    "requirePlugin(\"hello-plugin\") in pages/index/index: plugin "
    "\"hello-plugin\" is declared by subpackage \"a\" "
    "(app.json:1:44) and is usable only from its pages" },
  { "page-dotdot",
    { "app.json", "{\"pages\": [\"pages/../../x\"]}", NULL },
    NULL,
    NULL,
    FC_PLUGIN_ERROR_ESCAPING_PATH,
    "app.json:1:12: page \"pages/../../x\" leaves " },
  { "page-absolute",
    { "app.json", "{\"pages\": [\"/etc/passwd\"]}", NULL },
    NULL,
    NULL,
    FC_PLUGIN_ERROR_ESCAPING_PATH,
    "app.json:1:12: page \"/etc/passwd\" is absolute; expected a path relative "
    "to " },
  { "export-dotdot",
    { "app.json",
      "{\"plugins\": {\"hello\": {\"version\": \"1.0.0\", \"provider\": "
      "\"hello-plugin\", \"export\": \"../x.json\"}}}",
      NULL },
    NULL,
    NULL,
    FC_PLUGIN_ERROR_ESCAPING_PATH,
    "app.json:1:82: export \"../x.json\" leaves " },
  { "export-symlink-out",
    { "app.json",
      "{\"plugins\": {\"hello\": {\"version\": \"1.0.0\", \"provider\": "
      "\"hello-plugin\", \"export\": \"ex/x.json\"}}}",
      "ex", "->/etc", NULL },
    NULL,
    NULL,
    FC_PLUGIN_ERROR_ESCAPING_PATH,
    "app.json:1:82: export \"ex/x.json\" goes through a symlink to /etc, "
    "outside " },
  { "page-symlink-out",
    { "app.json", "{}", "pages", "->/tmp", NULL },
    "pages/x/y",
    NULL,
    FC_PLUGIN_ERROR_ESCAPING_PATH,
    /* said of the page's first file: each is confined with its folders */
    "pages/x/y.json: page \"pages/x/y.json\" goes through a symlink to /tmp, outside " },
  { "navigate-page-dotdot",
    { "app.json", "{}", NULL },
    "../outside",
    NULL,
    FC_PLUGIN_ERROR_ESCAPING_PATH,
    "../outside: page \"../outside\" leaves " },
  { "malformed-page-json",
    { "app.json", "{\"plugins\": {\"hello\": " HELLO1 "}}",
      "pages/index/index.json", "{\n  \"usingComponents\": {\"hello\": }\n}",
      "pages/index/index.fxml", PAGE_FXML, NULL },
    "pages/index/index",
    NULL,
    FC_PLUGIN_ERROR_BAD_JSON,
    "pages/index/index.json:2:32: malformed JSON; expected a JSON object" },
  { "plugin-page-not-a-page",
    { "app.json", "{\"plugins\": {\"hello\": " HELLO1 "}}", NULL },
    "plugin://hello/hello-component",
    NULL,
    FC_PLUGIN_ERROR_NO_SUCH_PAGE,
    "plugin://hello/hello-component: \"hello-component\" is not one of the "
    "pages of plugin hello-plugin 1.0.0 (pages in "
    "its plugin.json)" },
  { "unknown-function",
    { "app.json", "{\"plugins\": {\"hello\": " HELLO1 "}}", NULL },
    NULL,
    "hello#nothing",
    FC_PLUGIN_ERROR_UNKNOWN_FUNCTION,
    "plugin hello-plugin 1.0.0 has no function \"nothing\" in its main "
    "interface (it has: hello, world)" },
};

static void
test_bad (gconstpointer p)
{
  const BadRow *row = p;
  g_autoptr (FcPluginStore) store = test_store ();
  g_autofree char *dir = make_app (row->files);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = fc_app_new_from_dir (store, dir, &error);
  g_autofree char *msg = NULL;

  if (app && row->require)
    {
      g_auto (GStrv) parts = g_strsplit (row->require, "#", 2);
      FcPluginInterface *iface
          = fc_app_require_plugin (app, "pages/index/index", parts[0], &error);
      if (iface && parts[1])
        g_assert_null (
            fc_plugin_interface_call (iface, parts[1], NULL, &error));
    }
  else if (app && row->page)
    {
      g_autoptr (FcRegistry) reg = fc_registry_new ();
      g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
      g_autoptr (FcPage) page = fc_page_new (reg, scope);
      g_assert_false (fc_app_load_page (app, page, row->page, NULL, &error));
    }
  g_assert_error (error, FC_PLUGIN_ERROR, row->code);
  /* paths to the temporary folder vary: compare up to them */
  msg = g_strdup (error->message);
  if (strstr (msg, dir))
    *strstr (msg, dir) = 0;
  if (!g_str_has_prefix (msg, row->message) && !g_str_equal (msg, row->message))
    {
      g_test_message ("expected \"%s\"\n got     \"%s\"", row->message,
                      error->message);
      g_test_fail ();
    }
  fc_test_remove_tree (dir);
}

/* ---- what works ---- */

typedef struct
{
  GPtrArray *events; /* JSON lines */
} Calls;

static void
on_callback (const FcEvent *event, gpointer user_data)
{
  Calls *c = user_data;
  g_autoptr (FcValue) v = fc_event_to_value (event);
  g_autofree char *json = fc_value_to_json (v);
  g_ptr_array_add (c->events, g_strdup_printf ("%s %s", event->handler, json));
}

static GObject *
plain_new (FcComponentClass *klass, FcElement *element, gpointer user_data)
{
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static FcPage *
new_page (Calls *calls, FcComponentClass **host_comp)
{
  g_autoptr (FcRegistry) reg = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  FcComponentClass *k = fc_component_class_new ("comp-from-miniprogram");
  fc_component_class_set_hooks (k, plain_new, NULL, NULL, NULL, NULL);
  fc_registry_add_component (reg, "components/comp-from-miniprogram", k);
  if (host_comp)
    *host_comp = k;
  fc_component_class_unref (k);
  fc_callback_scope_set_fallback (scope, on_callback, calls, NULL);
  return fc_page_new (reg, scope);
}

static const char *const versions_app[] = {
  "app.json",
  "{\"plugins\": {\"myPlugin\": {\"version\": \"@V@\", \"provider\": "
  "\"hello-plugin\"}}}",
  "pages/index/index.json",
  "{\"usingComponents\": {\"hello-component\": "
  "\"plugin://myPlugin/hello-component\", "
  "\"comp-from-miniprogram\": \"components/comp-from-miniprogram\"}}",
  "pages/index/index.fxml",
  "<view><hello-component id=\"hc\" name=\"{{who}}\" bind:hello=\"onHello\" "
  "generic:mp-view=\"comp-from-miniprogram\"/><comp-from-miniprogram "
  "id=\"mine\"/></view>",
  NULL,
};

static void
test_versions (void)
{
  for (guint i = 0; i < 2; i++)
    {
      const char *version = i ? "2.0.0" : "1.0.0";
      g_autoptr (FcPluginStore) store = test_store ();
      g_autoptr (GString) app_json = g_string_new (versions_app[1]);
      const char *files[G_N_ELEMENTS (versions_app)];
      g_autofree char *dir = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (FcApp) app = NULL;
      g_autoptr (FcPage) page = NULL;
      g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
      Calls calls = { events };
      g_autoptr (FcValue) data
          = fc_value_from_json ("{\"who\": \"host\"}", NULL);
      g_autofree char *want = NULL;

      g_string_replace (app_json, "@V@", version, 0);
      memcpy (files, versions_app, sizeof files);
      files[1] = app_json->str;
      dir = make_app (files);
      app = fc_app_new_from_dir (store, dir, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (
          fc_plugin_get_version (fc_app_get_plugin (app, "myPlugin")), ==,
          version);
      page = new_page (&calls, NULL);
      fc_app_load_page (app, page, "pages/index/index", data, &error);
      g_assert_no_error (error);
      fc_element_call_method (fc_page_select (page, "#hc"), "greet", NULL,
                              &error);
      g_assert_no_error (error);
      g_assert_cmpuint (events->len, ==, 1);
      want = g_strdup_printf (
          "\"detail\":{\"text\":\"hello "
          "host\",\"version\":\"%s\",\"generic\":\"comp-from-miniprogram\"}",
          version);
      g_assert_nonnull (strstr (g_ptr_array_index (events, 0), want));

      /* isolation: selectComponent gives nothing for the plugin's component */
      g_assert_null (fc_page_select_component (page, "#hc"));
      g_assert_nonnull (fc_page_select_component (page, "#mine"));
      g_clear_object (&page);
      fc_test_remove_tree (dir);
    }
}

/* Isolation (issue 4): a plugin's code sees what the page passes it
 * (properties, the element's own data-*) and nothing else of the page:
 * its element is a handle without page, parent or children, whatever
 * route it tries. Its timeouts and holds end with its element. */
static void
test_isolation (void)
{
  const char *files[] = {
    "app.json",
    "{\"pages\": [\"pages/index/index\"], \"plugins\": {\"myPlugin\": "
    HELLO1 "}}",
    "pages/index/index.json",
    "{\"usingComponents\": {\"hello-component\": "
    "\"plugin://myPlugin/hello-component\"}}",
    "pages/index/index.fxml",
    "<view id=\"outer\" data-secret=\"{{secret}}\"><hello-component "
    "wx:if=\"{{on}}\" id=\"hc\" name=\"{{who}}\" data-mine=\"{{who}}\" "
    "bind:peeked=\"onPeeked\" bind:waited=\"onWaited\"/></view>",
    NULL,
  };
  g_autoptr (FcPluginStore) store = test_store ();
  g_autofree char *dir = make_app (files);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = fc_app_new_from_dir (store, dir, &error);
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  Calls calls = { events };
  g_autoptr (FcPage) page = new_page (&calls, NULL);
  g_autoptr (FcValue) data = fc_value_from_json (
      "{\"who\": \"host\", \"secret\": \"s3cr3t\", \"on\": true}", NULL);
  g_autoptr (FcValue) wait_args = fc_value_from_json ("{\"ms\": 500}", NULL);
  g_autoptr (FcValue) off = fc_value_from_json ("{\"on\": false}", NULL);
  FcElement *hc;
  const char *line;

  g_assert_no_error (error);
  fc_app_load_page (app, page, "pages/index/index", data, &error);
  g_assert_no_error (error);
  hc = fc_page_select (page, "#hc");
  /* the host holds the element itself: its page, its parent */
  g_assert_true (fc_element_get_page (hc) == page);
  g_assert_nonnull (fc_element_get_parent (hc));

  fc_element_call_method (hc, "peek", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  line = g_ptr_array_index (events, 0);
  g_test_message ("%s", line);
  g_assert_nonnull (strstr (
      line, "\"detail\":{\"page\":false,\"pageData\":null,"
            "\"parent\":false,\"parentDataset\":null,\"children\":0,"
            "\"settings\":true,\"props\":{\"name\":\"host\"},"
            "\"dataset\":{\"mine\":\"host\"}}"));
  g_assert_null (strstr (line, "s3cr3t"));
  /* the host's handler got the element, not the handle */
  g_assert_nonnull (strstr (line, "\"target\":{\"id\":\"hc\""));

  /* a timeout and a hold made through the handle run on the page's clock */
  fc_element_call_method (hc, "wait", wait_args, &error);
  g_assert_no_error (error);
  g_assert_true (fc_page_is_held (page));
  fc_page_advance (page, 499);
  g_assert_cmpuint (events->len, ==, 1);
  fc_page_advance (page, 1);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (events, 1), "onWaited "));
  g_assert_false (fc_page_is_held (page));

  /* ... and end with the element: wx:if removes it while it waits */
  fc_element_call_method (hc, "wait", wait_args, &error);
  g_assert_no_error (error);
  g_assert_true (fc_page_is_held (page));
  fc_page_set_data (page, off, &error);
  g_assert_no_error (error);
  g_assert_null (fc_page_select (page, "#hc"));
  g_assert_false (fc_page_is_held (page));
  fc_page_advance (page, 1000);
  g_assert_cmpuint (events->len, ==, 2);

  g_clear_object (&page);
  fc_test_remove_tree (dir);
}

static void
test_require (void)
{
  const char *files[] = {
    "app.json",
    "{\"plugins\": {\n"
    "  \"myPlugin\": {\"version\": \"2.0.0\", \"provider\": \"hello-plugin\", "
    "\"export\": \"exports/shared.json\"},\n"
    "  \"kb\": {\"version\": \"1.0.0\", \"provider\": \"fc-virtual-keyboard\", "
    "\"export\": \"exports/shared.json\"}},\n"
    " \"subpackages\": [{\"root\": \"packageA\", \"plugins\": {\"rec\": "
    "{\"version\": \"1.0.0\", "
    "\"provider\": \"fc-video-recognition\", \"export\": "
    "\"exports/plugin.json\"}}}]}",
    "exports/shared.json",
    "{\"whoami\": \"MiniProgram\"}",
    "packageA/exports/plugin.json",
    "{\"whoami\": \"packageA\"}",
    NULL,
  };
  g_autoptr (FcPluginStore) store = test_store ();
  g_autofree char *dir = make_app (files);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = fc_app_new_from_dir (store, dir, &error);
  FcPluginInterface *by_alias, *by_id, *kb, *rec;
  g_autoptr (FcValue) hello = NULL, layouts = NULL;
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  by_alias = fc_app_require_plugin (app, NULL, "myPlugin", &error);
  g_assert_no_error (error);
  by_id = fc_app_require_plugin (app, NULL, "hello-plugin", &error);
  g_assert_no_error (error);
  g_assert_true (by_alias == by_id);
  hello = fc_plugin_interface_call (by_alias, "hello", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fc_value_get_string (hello), ==,
                   "hello from 2.0.0, MiniProgram");
  g_assert_cmpstr (
      fc_value_get_string (fc_plugin_interface_get (by_alias, "world")), ==,
      "world 2.0.0");

  /* two plugins exporting one file share it */
  kb = fc_app_require_plugin (app, NULL, "kb", &error);
  g_assert_no_error (error);
  g_assert_true (fc_plugin_interface_require_mini_program (kb)
                 == fc_plugin_interface_require_mini_program (by_alias));
  layouts = fc_plugin_interface_call (kb, "getLayouts", NULL, &error);
  g_assert_no_error (error);
  json = fc_value_to_json (layouts);
  g_assert_true (g_str_has_prefix (
      json, "[{\"name\":\"number\",\"rows\":[[\"1\",\"2\",\"3\"]"));
  g_assert_nonnull (strstr (json, "{\"name\":\"letter\""));
  g_assert_nonnull (strstr (json, "{\"name\":\"symbol\""));

  /* a subpackage's export is relative to its root; its plugin is its own */
  rec = fc_app_require_plugin (app, "packageA/pages/cat", "rec", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (
      fc_value_get_string (fc_value_object_get (
          fc_plugin_interface_require_mini_program (rec), "whoami")),
      ==, "packageA");
  g_assert_null (
      fc_app_require_plugin (app, "pages/index/index", "rec", &error));
  g_assert_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_OUTSIDE_SUBPACKAGE);
  fc_test_remove_tree (dir);
}

static void
test_plugin_page (void)
{
  const char *files[] = {
    "app.json",
    "{\"plugins\": {\"myPlugin\": {\"version\": \"1.0.0\", \"provider\": "
    "\"hello-plugin\", "
    "\"genericsImplementation\": {\"hello-page\": {\"mp-view\": "
    "\"components/comp-from-miniprogram\"}}}}}",
    NULL,
  };
  g_autoptr (FcPluginStore) store = test_store ();
  g_autofree char *dir = make_app (files);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = fc_app_new_from_dir (store, dir, &error);
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  Calls calls = { events };
  FcComponentClass *host = NULL;
  g_autoptr (FcPage) page = new_page (&calls, &host);

  g_assert_no_error (error);
  /* a navigator url / the host's navigation reaches the plugin's pages */
  fc_app_load_page (app, page, "plugin://myPlugin/hello-page", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fc_component_class_get_name (
                       fc_element_get_class (fc_page_select (page, "#hc"))),
                   ==, "hello-component@1.0.0");
  /* plugin-private:// inside the plugin */
  g_assert_cmpstr (fc_component_class_get_name (
                       fc_element_get_class (fc_page_select (page, "#pt"))),
                   ==, "private-thing@1.0.0");
  /* the abstract node, implemented by the host through genericsImplementation
   */
  g_assert_true (fc_element_get_class (fc_page_select (page, "#g")) == host);
  fc_test_remove_tree (dir);
}

static void
test_plugin_page_default_generic (void)
{
  const char *files[]
      = { "app.json", "{\"plugins\": {\"p\": " HELLO1 "}}", NULL };
  g_autoptr (FcPluginStore) store = test_store ();
  g_autofree char *dir = make_app (files);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = fc_app_new_from_dir (store, dir, &error);
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  Calls calls = { events };
  g_autoptr (FcPage) page = new_page (&calls, NULL);

  g_assert_no_error (error);
  fc_app_load_page (app, page, "plugin://p/hello-page", NULL, &error);
  g_assert_no_error (error);
  /* no genericsImplementation: componentGenerics' default, inside the plugin */
  g_assert_cmpstr (fc_component_class_get_name (
                       fc_element_get_class (fc_page_select (page, "#g"))),
                   ==, "private-thing@1.0.0");
  fc_test_remove_tree (dir);
}

static void
test_resolve_path (void)
{
  const char *files[]
      = { "app.json", "{}", "images/icon.png", "x", "out", "->/etc", NULL };
  g_autoptr (FcPluginStore) store = test_store ();
  g_autofree char *dir = make_app (files);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = fc_app_new_from_dir (store, dir, &error);
  g_autofree char *ok = NULL, *ok2 = NULL;

  g_assert_no_error (error);
  ok = fc_app_resolve_path (app, "pages/kb/kb", "/images/icon.png", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (ok, "/images/icon.png"));
  ok2 = fc_app_resolve_path (app, "pages/kb/kb", "../../images/icon.png",
                             &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ok, ==, ok2);
  g_assert_null (
      fc_app_resolve_path (app, "pages/kb/kb", "../../../etc/passwd", &error));
  g_assert_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_ESCAPING_PATH);
  g_clear_error (&error);
  g_assert_null (fc_app_resolve_path (app, NULL, "out/passwd", &error));
  g_assert_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_ESCAPING_PATH);
  fc_test_remove_tree (dir);
}

/* Host settings: the setters refuse what the platform cannot use, with
 * the setting and the value named, and keep the old value. */
typedef struct
{
  const char *setting;
  const char *value;
} BadSetting;

static const BadSetting bad_settings[] = {
  { "temp-dir", "recordings" },
  { "camera", "webcam0" },
  { "camera", "pipewire:" },
  { "camera", "v4l2:video0" },
  { "microphone", "portal" },
  { "microphone", "v4l2:/dev/video0" },
  { "download-domains", "https://example.com" },
  { "download-domains", "example.com/audio" },
  { "download-domains", "user@example.com" },
  { "download-domains", "example.com:0" },
  { "download-domains", "example.com:65536" },
  { "download-domains", "example.com:" },
  { "download-domains", "" },
};

static gboolean
set_one (FcHostSettings *s, const char *setting, const char *value,
         GError **error)
{
  const char *domains[] = { "ok.example.com", value, NULL };

  if (strcmp (setting, "temp-dir") == 0)
    return fc_host_settings_set_temp_dir (s, value, error);
  if (strcmp (setting, "camera") == 0)
    return fc_host_settings_set_camera (s, value, error);
  if (strcmp (setting, "microphone") == 0)
    return fc_host_settings_set_microphone (s, value, error);
  return fc_host_settings_set_download_domains (s, domains, error);
}

static void
test_host_settings_bad (void)
{
  g_autoptr (FcHostSettings) s = fc_host_settings_new ();
  const char *domains[] = { "cdn.example.com", NULL };

  g_assert_true (fc_host_settings_set_temp_dir (s, "/tmp/rec", NULL));
  g_assert_true (fc_host_settings_set_camera (s, "test", NULL));
  g_assert_true (fc_host_settings_set_microphone (s, "test", NULL));
  g_assert_true (fc_host_settings_set_download_domains (s, domains, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad_settings); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *want = g_strdup_printf (
          "host setting %s: \"%s\": expected ", bad_settings[i].setting,
          bad_settings[i].value);

      g_assert_false (set_one (s, bad_settings[i].setting,
                               bad_settings[i].value, &error));
      g_assert_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_SETTING);
      g_assert_true (g_str_has_prefix (error->message, want));
    }
  /* unchanged */
  g_assert_cmpstr (fc_host_settings_get_temp_dir (s), ==, "/tmp/rec");
  g_assert_cmpstr (fc_host_settings_get_camera (s), ==, "test");
  g_assert_cmpstr (fc_host_settings_get_microphone (s), ==, "test");
  g_assert_true (g_strv_equal (fc_host_settings_get_download_domains (s),
                               domains));
  g_assert_cmpstr (fc_plugin_error_code_to_string (FC_PLUGIN_ERROR_BAD_SETTING),
                   ==, "bad-setting");
}

static void
count_notify (GObject *object, GParamSpec *pspec, gpointer data)
{
  (*(guint *) data)++;
}

static void
test_host_settings_values (void)
{
  g_autoptr (FcHostSettings) s = fc_host_settings_new ();
  const char *domains[]
      = { "cdn.example.com", "127.0.0.1:8443", "[::1]:8080", NULL };
  guint notified = 0;
  g_autofree char *camera = NULL;
  gboolean offline = FALSE;

  /* the defaults: the system's devices, no test source, no downloads */
  g_assert_null (fc_host_settings_get_temp_dir (s));
  g_assert_null (fc_host_settings_get_camera (s));
  g_assert_null (fc_host_settings_get_microphone (s));
  g_assert_false (fc_host_settings_get_allow_test_source (s));
  g_assert_false (fc_host_settings_get_allow_insecure_http (s));
  g_assert_false (fc_host_settings_get_offline (s));
  g_assert_cmpuint (
      g_strv_length ((char **) fc_host_settings_get_download_domains (s)), ==,
      0);

  g_signal_connect (s, "notify", G_CALLBACK (count_notify), &notified);
  g_assert_true (fc_host_settings_set_camera (s, "pipewire:fc-test-camera",
                                              NULL));
  g_assert_true (fc_host_settings_set_camera (s, "pipewire:fc-test-camera",
                                              NULL));
  g_assert_cmpuint (notified, ==, 1); /* a real change only */
  g_object_get (s, "camera", &camera, NULL);
  g_assert_cmpstr (camera, ==, "pipewire:fc-test-camera");
  g_assert_true (fc_host_settings_set_camera (s, "v4l2:/dev/video0", NULL));
  g_assert_true (fc_host_settings_set_camera (s, "portal", NULL));
  g_assert_cmpstr (fc_host_settings_get_camera (s), ==, "portal");
  /* "", "auto" and NULL all mean the system's device */
  g_assert_true (fc_host_settings_set_camera (s, "auto", NULL));
  g_assert_null (fc_host_settings_get_camera (s));
  g_assert_true (fc_host_settings_set_microphone (s, "", NULL));
  g_assert_null (fc_host_settings_get_microphone (s));
  g_assert_true (fc_host_settings_set_temp_dir (s, "", NULL));
  g_assert_null (fc_host_settings_get_temp_dir (s));
  g_assert_true (fc_host_settings_set_download_domains (s, domains, NULL));
  g_assert_true (g_strv_equal (fc_host_settings_get_download_domains (s),
                               domains));
  g_assert_true (fc_host_settings_set_download_domains (s, NULL, NULL));
  g_assert_cmpuint (
      g_strv_length ((char **) fc_host_settings_get_download_domains (s)), ==,
      0);
  fc_host_settings_set_allow_test_source (s, TRUE);
  fc_host_settings_set_allow_insecure_http (s, TRUE);
  g_assert_true (fc_host_settings_get_allow_test_source (s));
  g_assert_true (fc_host_settings_get_allow_insecure_http (s));
  g_assert_cmpuint (notified, ==, 8);
  fc_host_settings_set_offline (s, TRUE);
  fc_host_settings_set_offline (s, TRUE);
  g_assert_true (fc_host_settings_get_offline (s));
  g_assert_cmpuint (notified, ==, 9); /* a real change only */
  g_object_get (s, "offline", &offline, NULL);
  g_assert_true (offline);
  fc_host_settings_set_offline (s, FALSE);
  g_assert_false (fc_host_settings_get_offline (s));
  g_assert_cmpuint (notified, ==, 10);
}

/* The recorder plugin reads the app's settings through its element, and
 * follows later changes; an app without settings given has its own. */
static void
test_host_settings_plugin (void)
{
  const char *files[] = {
    "app.json",
    "{\"plugins\": {\"video\": {\"version\": \"1.0.0\", "
    "\"provider\": \"fc-video-recognition\"}}}",
    NULL,
  };
  g_autoptr (FcPluginStore) store = test_store ();
  g_autofree char *dir = make_app (files);
  g_autofree char *temp = g_build_filename (dir, "recordings", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = fc_app_new_from_dir (store, dir, &error);
  g_autoptr (FcHostSettings) settings = fc_host_settings_new ();
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  FcPage *page;
  FcElement *rec;
  GObject *recorder;
  const char *domains[] = { "cdn.example.com", "127.0.0.1:8443", NULL };
  g_autofree char *camera = NULL, *microphone = NULL, *temp_dir = NULL;
  g_auto (GStrv) got_domains = NULL;
  gboolean test_source, insecure, offline;

  g_assert_no_error (error);
  /* a new app has settings of its own, at the defaults */
  g_assert_nonnull (fc_app_get_host_settings (app));
  g_assert_null (fc_host_settings_get_camera (fc_app_get_host_settings (app)));

  g_assert_true (fc_host_settings_set_camera (settings, "test", NULL));
  g_assert_true (fc_host_settings_set_microphone (settings, "test", NULL));
  g_assert_true (fc_host_settings_set_temp_dir (settings, temp, NULL));
  g_assert_true (
      fc_host_settings_set_download_domains (settings, domains, NULL));
  fc_host_settings_set_allow_test_source (settings, TRUE);
  fc_host_settings_set_allow_insecure_http (settings, TRUE);
  fc_host_settings_set_offline (settings, TRUE);
  fc_app_set_host_settings (app, settings);
  g_assert_true (fc_app_get_host_settings (app) == settings);

  /* the environment is no channel for host settings any more */
  g_setenv ("FC_CAMERA", "pipewire:not-this-one", TRUE);
  g_setenv ("FC_TEMP_DIR", "/not/this/one", TRUE);
  page = fc_page_new (registry, scope);
  fc_app_load_page_text (app, page, "pages/rec/rec",
                         "{\"usingComponents\": {\"video-recognition\": "
                         "\"plugin://video/video-recognition\"}}",
                         "<video-recognition id=\"rec\" recordTime=\"1000\"/>",
                         NULL, &error);
  g_assert_no_error (error);
  rec = fc_page_select (page, "#rec");
  g_assert_nonnull (rec);
  g_assert_true (fc_host_settings_get_for_element (rec) == settings);
  recorder = fc_element_get_instance (rec);
  g_assert_nonnull (recorder);
  g_object_get (recorder, "camera", &camera, "microphone", &microphone,
                "temp-dir", &temp_dir, "download-domains", &got_domains,
                "allow-test-source", &test_source, "allow-insecure-http",
                &insecure, "offline", &offline, NULL);
  g_assert_cmpstr (camera, ==, "test");
  g_assert_cmpstr (microphone, ==, "test");
  g_assert_cmpstr (temp_dir, ==, temp);
  g_assert_true (
      g_strv_equal ((const char *const *) got_domains, domains));
  g_assert_true (test_source);
  g_assert_true (insecure);
  g_assert_true (offline);

  /* a later change reaches the mounted recorder */
  fc_host_settings_set_allow_insecure_http (settings, FALSE);
  fc_host_settings_set_offline (settings, FALSE);
  g_assert_true (fc_host_settings_set_download_domains (settings, NULL, NULL));
  g_clear_pointer (&got_domains, g_strfreev);
  g_object_get (recorder, "download-domains", &got_domains,
                "allow-insecure-http", &insecure, "offline", &offline, NULL);
  g_assert_true (got_domains == NULL || got_domains[0] == NULL);
  g_assert_false (insecure);
  g_assert_false (offline);

  g_object_unref (page);
  g_unsetenv ("FC_CAMERA");
  g_unsetenv ("FC_TEMP_DIR");
  fc_test_remove_tree (dir);
}

static void
test_store_versions (void)
{
  g_autoptr (FcPluginStore) store = test_store ();
  g_auto (GStrv) v = fc_plugin_store_list_versions (store, "hello-plugin");
  g_autoptr (GError) error = NULL;
  FcPlugin *p1, *p2;
  g_assert_cmpuint (g_strv_length (v), ==, 2);
  g_assert_cmpstr (v[0], ==, "1.0.0");
  g_assert_cmpstr (v[1], ==, "2.0.0");
  p1 = fc_plugin_store_load (store, "hello-plugin", "1.0.0", &error);
  g_assert_no_error (error);
  p2 = fc_plugin_store_load (store, "hello-plugin", "2.0.0", &error);
  g_assert_no_error (error);
  g_assert_true (p1 != p2);
  g_assert_true (fc_plugin_store_load (store, "hello-plugin", "1.0.0", &error)
                 == p1);
  g_assert_cmpstr (fc_plugin_get_public_component (p2, "hello-component"), ==,
                   "components/hello-component");
  g_assert_cmpstr (fc_plugin_get_page (p2, "hello-page"), ==,
                   "pages/hello-page");
  /* the shipped packages, by the ids hosts and documents use */
  g_assert_nonnull (
      fc_plugin_store_load (store, "fc-virtual-keyboard", "1.0.0", &error));
  g_assert_no_error (error);
  g_assert_nonnull (
      fc_plugin_store_load (store, "fc-video-recognition", "1.0.0", &error));
  g_assert_no_error (error);
}

/* FcApp is a GInitable: g_initable_new() with its three properties is
 * fc_app_new(), errors included; without them initialisation fails. */
static void
test_app_initable (void)
{
  g_autoptr (FcPluginStore) store = test_store ();
  const char *const files[]
      = { "app.json", "{\"pages\":[\"pages/index/index\"]}", NULL };
  g_autofree char *dir = make_app (files);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = NULL;
  g_autoptr (FcApp) bare = NULL;
  g_autofree char *json = NULL;

  app = g_initable_new (FC_TYPE_APP, NULL, &error, "store", store, "dir", dir,
                        "app-json", "{\"pages\":[\"pages/index/index\"]}",
                        NULL);
  g_assert_no_error (error);
  g_assert_nonnull (app);
  g_assert_true (fc_app_get_store (app) == store);
  g_object_get (app, "app-json", &json, NULL);
  g_assert_cmpstr (json, ==, "{\"pages\":[\"pages/index/index\"]}");
  g_clear_object (&app);

  app = g_initable_new (FC_TYPE_APP, NULL, &error, "store", store, "dir", dir,
                        "app-json", "{\"pages\":7}", NULL);
  g_assert_null (app);
  g_assert_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG);
  g_clear_error (&error);

  bare = g_object_new (FC_TYPE_APP, NULL);
  g_assert_false (g_initable_init (G_INITABLE (bare), NULL, &error));
  g_assert_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG);
}

static void
test_search_path (void)
{
  g_autoptr (FcPluginStore) store = NULL;
  const char *const *path;
  g_setenv ("FC_PLUGIN_PATH", "/opt/a:/opt/b", TRUE);
  store = fc_plugin_store_new ();
  g_unsetenv ("FC_PLUGIN_PATH");
  path = fc_plugin_store_get_path (store);
  /* the environment first; then, since this library is the build tree's
   * (libfc-bridge.uninstalled beside it), the build tree's plugins/; then
   * LIBDIR/fc-platform/plugins beside the library, then the prefix's */
  g_assert_cmpuint (g_strv_length ((char **)path), ==, 5);
  g_assert_cmpstr (path[0], ==, "/opt/a");
  g_assert_cmpstr (path[1], ==, "/opt/b");
  g_assert_true (g_str_has_suffix (path[2], "/plugins"));
  g_assert_true (g_file_test (path[2], G_FILE_TEST_IS_DIR));
  g_assert_true (g_str_has_suffix (path[3], "/bridge/fc-platform/plugins"));
  g_assert_true (g_str_has_suffix (path[4], "/fc-platform/plugins"));
  g_assert_true (g_path_is_absolute (path[4]));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_rows); i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/Bridge/Plugins/bad/%s", bad_rows[i].name);
      g_test_add_data_func (path, &bad_rows[i], test_bad);
    }
  g_test_add_func ("/Bridge/Plugins/store-versions", test_store_versions);
  g_test_add_func ("/Bridge/Plugins/search-path", test_search_path);
  g_test_add_func ("/Bridge/Plugins/app-initable", test_app_initable);
  g_test_add_func ("/Bridge/Plugins/versions-side-by-side", test_versions);
  g_test_add_func ("/Bridge/Plugins/require", test_require);
  g_test_add_func ("/Bridge/Plugins/isolation", test_isolation);
  g_test_add_func ("/Bridge/Plugins/plugin-page", test_plugin_page);
  g_test_add_func ("/Bridge/Plugins/plugin-page-default-generic",
                   test_plugin_page_default_generic);
  g_test_add_func ("/Bridge/Plugins/resolve-path", test_resolve_path);
  g_test_add_func ("/Bridge/Plugins/host-settings/bad", test_host_settings_bad);
  g_test_add_func ("/Bridge/Plugins/host-settings/values",
                   test_host_settings_values);
  g_test_add_func ("/Bridge/Plugins/host-settings/plugin",
                   test_host_settings_plugin);
  return g_test_run ();
}
