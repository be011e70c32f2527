/* Plugin to plugin (the end of wechat-plugin-guide-zh.txt): a plugin's
 * page uses another plugin's components through
 * plugin-private://PROVIDER/PATH and navigates to its pages, its code
 * requires the other's interface; only when the mini-program declares
 * both (where the page runs); plugin:// inside a plugin is refused.
 *
 * Uses the test packages peer-plugin (which uses hello-plugin) and
 * hello-plugin from BUILD/tests/bridge/, and the shipped
 * fc-virtual-keyboard. Refusals are rows: app.json, what is loaded or
 * required, the exact error. */
#include <string.h>
#include <glib/gstdio.h>
#include <fc-bridge.h>
#include "common/fc-test-files.h"

#define HELLO "{\"version\": \"1.0.0\", \"provider\": \"hello-plugin\"}"
#define PEER "{\"version\": \"1.0.0\", \"provider\": \"peer-plugin\"}"
#define KB "{\"version\": \"1.0.0\", \"provider\": \"fc-virtual-keyboard\"}"

static FcPluginStore *
test_store (void)
{
  const char *build = g_getenv ("FC_BUILD_ROOT");
  g_autofree char *a = g_build_filename (build ? build : ".", "tests", "bridge", NULL);
  g_autofree char *b = g_build_filename (build ? build : ".", "plugins", NULL);
  const char *dirs[] = { a, b, NULL };

  return fc_plugin_store_new_for_path (dirs);
}

/* a mini-program with this app.json and a host page pages/index/index */
static char *
make_app (const char *app_json)
{
  const char *files[] = {
    "app.json", app_json,
    "pages/index/index.fxml", "<view id=\"host\"/>",
    "packageA/pages/a.fxml", "<view id=\"a\"/>",
    NULL,
  };
  return fc_test_make_tree ("fc-plugin-peers-XXXXXX", files);
}

static FcPage *
new_page (void)
{
  g_autoptr (FcRegistry) reg = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();

  return fc_page_new (reg, scope);
}

/* the last `asked` detail, which the peer's handler put in its page's
 * data, as JSON */
static char *
asked (FcPage *page)
{
  return fc_value_to_json (fc_value_object_get (fc_page_get_data (page), "asked"));
}

/* ---- allowed ---- */

static void
test_allowed (void)
{
  g_autoptr (FcPluginStore) store = test_store ();
  g_autofree char *dir = make_app ("{\"pages\": [\"pages/index/index\"], \"plugins\": {\"hi\": " HELLO
                                   ", \"peer\": " PEER "}}");
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = fc_app_new_from_dir (store, dir, &error);
  g_autoptr (FcPage) page = new_page ();
  g_autoptr (FcPage) next = new_page ();
  g_autoptr (FcPage) by_name = new_page ();
  g_autoptr (FcValue) ask_kb = fc_value_new_string ("fc-virtual-keyboard");
  g_autoptr (FcValue) relay_arg = fc_value_new_string ("hello-plugin");
  g_autoptr (FcValue) result = NULL;
  FcPluginInterface *peer;
  FcElement *h;
  g_autofree char *answer = NULL, *refusal = NULL;

  g_assert_no_error (error);
  /* the peer's page uses hello-plugin's components, public and private */
  fc_app_load_page (app, page, "plugin://peer/peer-page", NULL, &error);
  g_assert_no_error (error);
  h = fc_page_select (page, "#h");
  g_assert_cmpstr (fc_component_class_get_name (fc_element_get_class (h)), ==, "hello-component@1.0.0");
  g_assert_cmpstr (fc_component_class_get_name (fc_element_get_class (fc_page_select (page, "#s"))), ==,
                   "private-thing@1.0.0");
  g_assert_cmpstr (fc_component_class_get_name (fc_element_get_class (fc_page_select (page, "#m"))), ==,
                   "peer@1.0.0");
  /* hello-plugin's component works there; its event reaches the peer's
   * handler for its page, which sets the page's data */
  fc_element_call_method (h, "greet", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fc_value_get_string (fc_value_object_get (fc_page_get_data (page), "heard")), ==,
                   "hello from peer");

  /* requirePlugin from the peer's component: late, when its method runs */
  fc_element_call_method (fc_page_select (page, "#m"), "ask", NULL, &error);
  g_assert_no_error (error);
  answer = asked (page);
  g_assert_cmpstr (answer, ==, "{\"result\":\"hello from 1.0.0, nobody\"}");
  /* ... and a plugin the mini-program does not declare is out of reach */
  fc_element_call_method (fc_page_select (page, "#m"), "ask", ask_kb, &error);
  g_assert_no_error (error);
  refusal = asked (page);
  g_assert_nonnull (strstr (refusal, "plugin fc-virtual-keyboard is not declared by the mini-program"));

  /* requirePlugin from the peer's main interface */
  peer = fc_app_require_plugin (app, NULL, "peer", &error);
  g_assert_no_error (error);
  result = fc_plugin_interface_call (peer, "relay", relay_arg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fc_value_get_string (result), ==, "hello from 1.0.0, nobody");

  /* the peer's page navigates to hello-plugin's page, by path and by name */
  fc_app_load_page_from (app, next, page, "plugin-private://hello-plugin/pages/hello-page", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fc_page_select (next, "#hc"));
  fc_app_load_page_from (app, by_name, page, "plugin-private://hello-plugin/hello-page", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fc_page_select (by_name, "#hc"));

  g_clear_object (&page);
  g_clear_object (&next);
  g_clear_object (&by_name);
  g_clear_object (&app);
  fc_test_remove_tree (dir);
}

/* the keyboard page of the peer mounts when the mini-program declares
 * fc-virtual-keyboard too */
static void
test_allowed_keyboard (void)
{
  g_autoptr (FcPluginStore) store = test_store ();
  g_autofree char *dir = make_app ("{\"plugins\": {\"peer\": " PEER ", \"kb\": " KB "}}");
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = fc_app_new_from_dir (store, dir, &error);
  g_autoptr (FcPage) page = new_page ();

  g_assert_no_error (error);
  fc_app_load_page (app, page, "plugin://peer/keyboard", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fc_page_select (page, "#kb"));
  g_clear_object (&page);
  g_clear_object (&app);
  fc_test_remove_tree (dir);
}

/* a plugin declared by a subpackage reaches the plugins declared by the
 * main package and by its own subpackage */
static void
test_allowed_subpackage (void)
{
  static const char *const apps[] = {
    "{\"subpackages\": [{\"root\": \"packageA\", \"pages\": [\"pages/a\"], \"plugins\": {\"peer\": " PEER
    ", \"hello\": " HELLO "}}]}",
    "{\"plugins\": {\"hello\": " HELLO "}, \"subpackages\": [{\"root\": \"packageA\", \"pages\": "
    "[\"pages/a\"], \"plugins\": {\"peer\": " PEER "}}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (apps); i++)
    {
      g_autoptr (FcPluginStore) store = test_store ();
      g_autofree char *dir = make_app (apps[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (FcApp) app = fc_app_new_from_dir (store, dir, &error);
      g_autoptr (FcPage) page = new_page ();
      g_autoptr (FcPage) next = new_page ();

      g_assert_no_error (error);
      fc_app_load_page (app, page, "plugin://peer/peer-page", NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (fc_page_select (page, "#h"));
      fc_app_load_page_from (app, next, page, "plugin-private://hello-plugin/hello-page", NULL, &error);
      g_assert_no_error (error);
      g_clear_object (&page);
      g_clear_object (&next);
      g_clear_object (&app);
      fc_test_remove_tree (dir);
    }
}

/* ---- refused ---- */

typedef enum
{
  LOAD,        /* fc_app_load_page (what) */
  NAVIGATE,    /* from the peer's page: fc_app_load_page_from (what) */
  HOST_NAVIGATE, /* from the host's page */
  RELAY,       /* the peer's relay (what) */
} How;

typedef struct
{
  const char *name;
  const char *app_json;
  How how;
  const char *what;
  int code;
  const char *message; /* a part of it */
} BadRow;

static const BadRow bad_rows[] = {
  { "plugin-url-in-plugin", "{\"plugins\": {\"hello\": " HELLO ", \"peer\": " PEER "}}", LOAD,
    "plugin://peer/plugin-url", FC_PLUGIN_ERROR_PLUGIN_URL_IN_PLUGIN,
    "peer-plugin/1.0.0/pages/plugin-url.json:3:14: \"plugin://hello/hello-component\": plugin:// is the "
    "mini-program's way to name a plugin (by its alias) and does not work inside plugin peer-plugin; use "
    "plugin-private://PROVIDER/PATH (plugin-private://peer-plugin/PATH for its own)" },
  { "component-of-undeclared", "{\"plugins\": {\"peer\": " PEER "}}", LOAD, "plugin://peer/peer-page",
    FC_PLUGIN_ERROR_UNDECLARED_ALIAS,
    "peer-plugin/1.0.0/pages/peer-page.json:3:14: plugin hello-plugin is not declared by the mini-program "
    "(app.json \"plugins\"); a plugin reaches only the plugins its mini-program declares" },
  { "keyboard-undeclared", "{\"plugins\": {\"hello\": " HELLO ", \"peer\": " PEER "}}", LOAD,
    "plugin://peer/keyboard", FC_PLUGIN_ERROR_UNDECLARED_ALIAS,
    "plugin fc-virtual-keyboard is not declared by the mini-program" },
  { "other-subpackage",
    "{\"subpackages\": [{\"root\": \"packageA\", \"pages\": [\"pages/a\"], \"plugins\": {\"peer\": " PEER "}}, "
    "{\"root\": \"packageB\", \"plugins\": {\"hello\": " HELLO "}}]}",
    LOAD, "plugin://peer/peer-page", FC_PLUGIN_ERROR_OUTSIDE_SUBPACKAGE,
    "plugin hello-plugin is declared by subpackage \"packageB\" (app.json:1:" },
  { "relay-undeclared", "{\"plugins\": {\"peer\": " PEER "}}", RELAY, "hello-plugin",
    FC_PLUGIN_ERROR_UNDECLARED_ALIAS,
    "requirePlugin(\"hello-plugin\") in plugin peer-plugin: plugin hello-plugin is not declared by the "
    "mini-program" },
  { "relay-by-alias", "{\"plugins\": {\"hi\": " HELLO ", \"peer\": " PEER "}}", RELAY, "hi",
    FC_PLUGIN_ERROR_UNDECLARED_ALIAS, "plugin hi is not declared by the mini-program" },
  { "navigate-plugin-url", "{\"plugins\": {\"hello\": " HELLO ", \"peer\": " PEER "}}", NAVIGATE,
    "plugin://hello/hello-page", FC_PLUGIN_ERROR_PLUGIN_URL_IN_PLUGIN,
    "plugin:// is the mini-program's way to name a plugin" },
  { "navigate-not-a-page", "{\"plugins\": {\"hello\": " HELLO ", \"peer\": " PEER "}}", NAVIGATE,
    "plugin-private://hello-plugin/components/hello-component", FC_PLUGIN_ERROR_NO_SUCH_PAGE,
    "plugin-private://hello-plugin/components/hello-component: \"components/hello-component\" is not one of "
    "the pages of plugin hello-plugin 1.0.0" },
  { "navigate-undeclared", "{\"plugins\": {\"hello\": " HELLO ", \"peer\": " PEER "}}", NAVIGATE,
    "plugin-private://fc-virtual-keyboard/try", FC_PLUGIN_ERROR_UNDECLARED_ALIAS,
    "plugin fc-virtual-keyboard is not declared by the mini-program" },
  { "navigate-bad-url", "{\"plugins\": {\"hello\": " HELLO ", \"peer\": " PEER "}}", NAVIGATE, "plugin-private://hello-plugin",
    FC_PLUGIN_ERROR_BAD_CONFIG, "expected plugin-private://PROVIDER/PATH" },
  { "host-navigate-private", "{\"plugins\": {\"hello\": " HELLO ", \"peer\": " PEER "}}", HOST_NAVIGATE,
    "plugin-private://hello-plugin/hello-page", FC_PLUGIN_ERROR_PRIVATE,
    "plugin-private://hello-plugin/hello-page: plugin-private:// works only inside a plugin; the mini-program "
    "opens a plugin's page as plugin://ALIAS/PAGE" },
  { "host-load-private", "{\"plugins\": {\"hello\": " HELLO "}}", LOAD, "plugin-private://hello-plugin/hello-page",
    FC_PLUGIN_ERROR_PRIVATE, "plugin-private:// works only inside a plugin" },
};

static void
test_bad (gconstpointer p)
{
  const BadRow *row = p;
  g_autoptr (FcPluginStore) store = test_store ();
  g_autofree char *dir = make_app (row->app_json);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = fc_app_new_from_dir (store, dir, &error);
  g_autoptr (FcPage) from = new_page ();
  g_autoptr (FcPage) page = new_page ();
  g_autoptr (FcValue) arg = fc_value_new_string (row->what);
  g_autoptr (FcValue) result = NULL;
  FcPluginInterface *peer;
  gboolean ok = FALSE;

  g_assert_no_error (error);
  switch (row->how)
    {
    case LOAD:
      ok = fc_app_load_page (app, page, row->what, NULL, &error);
      break;
    case NAVIGATE:
      fc_app_load_page (app, from, "plugin://peer/peer-page", NULL, &error);
      g_assert_no_error (error);
      ok = fc_app_load_page_from (app, page, from, row->what, NULL, &error);
      break;
    case HOST_NAVIGATE:
      fc_app_load_page (app, from, "pages/index/index", NULL, &error);
      g_assert_no_error (error);
      ok = fc_app_load_page_from (app, page, from, row->what, NULL, &error);
      break;
    case RELAY:
      peer = fc_app_require_plugin (app, NULL, "peer-plugin", &error);
      g_assert_no_error (error);
      result = fc_plugin_interface_call (peer, "relay", arg, &error);
      ok = result != NULL;
      break;
    }
  g_test_message ("%s", error ? error->message : "(no error)");
  g_assert_false (ok);
  g_assert_error (error, FC_PLUGIN_ERROR, row->code);
  g_assert_nonnull (strstr (error->message, row->message));
  g_clear_object (&page);
  g_clear_object (&from);
  g_clear_object (&app);
  fc_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Bridge/PluginPeers/allowed", test_allowed);
  g_test_add_func ("/Bridge/PluginPeers/allowed-keyboard", test_allowed_keyboard);
  g_test_add_func ("/Bridge/PluginPeers/allowed-subpackage", test_allowed_subpackage);
  for (guint i = 0; i < G_N_ELEMENTS (bad_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/PluginPeers/refused/%s", bad_rows[i].name);
      g_test_add_data_func (path, &bad_rows[i], test_bad);
    }
  return g_test_run ();
}
