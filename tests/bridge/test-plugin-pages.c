/* A plugin's pages run its own handlers: the events of a page mounted as
 * plugin://ALIAS/PAGE call the callbacks its plugin registered for it
 * (fc_plugin_context_add_page_callback()), never the host's, and a name
 * the plugin lacks is reported as an unknown handler; the host's observer
 * still sees every call, and a host page keeps the host's handlers.
 *
 * Uses the hello-plugin test package (BUILD/tests/bridge/hello-plugin/):
 * its hello-page binds onPageHello (the plugin's: it sets {greeted, calls}
 * on the page) on #hc and #echo (name="{{greeted}}"), and onHostOnly (not
 * the plugin's) on #stray. */
#include <string.h>
#include <fc-bridge.h>
#include "common/fc-test-files.h"

typedef struct
{
  GPtrArray *host;     /* "HANDLER TEXT": the host's own callbacks */
  GPtrArray *observed; /* "HANDLER TEXT": what the host's observer saw */
  GPtrArray *warnings; /* the pages' warnings */
} Seen;

static char *
line (const FcEvent *event)
{
  FcValue *text = fc_value_get_kind (event->detail) == FC_VALUE_OBJECT
                      ? fc_value_object_get (event->detail, "text")
                      : event->detail;
  g_autofree char *t = text ? fc_value_to_js_string (text) : g_strdup ("-");
  return g_strdup_printf ("%s %s", event->handler, t);
}

static void
on_host (const FcEvent *event, gpointer user_data)
{
  Seen *s = user_data;
  g_ptr_array_add (s->host, line (event));
}

static void
on_observe (const FcEvent *event, gpointer user_data)
{
  Seen *s = user_data;
  g_ptr_array_add (s->observed, line (event));
}

static void
on_warning (FcPage *page, const char *message, gpointer user_data)
{
  Seen *s = user_data;
  g_ptr_array_add (s->warnings, g_strdup (message));
}

static void
seen_init (Seen *s)
{
  s->host = g_ptr_array_new_with_free_func (g_free);
  s->observed = g_ptr_array_new_with_free_func (g_free);
  s->warnings = g_ptr_array_new_with_free_func (g_free);
}

static void
seen_clear (Seen *s)
{
  g_ptr_array_unref (s->host);
  g_ptr_array_unref (s->observed);
  g_ptr_array_unref (s->warnings);
}

static FcPluginStore *
test_store (void)
{
  const char *build = g_getenv ("FC_BUILD_ROOT");
  g_autofree char *a
      = g_build_filename (build ? build : ".", "tests", "bridge", NULL);
  const char *dirs[] = { a, NULL };
  return fc_plugin_store_new_for_path (dirs);
}

/* A host whose scope has callbacks named as the plugin page's handlers
 * (onPageHello, onHostOnly), a fallback and an observer. */
static FcPage *
host_page (Seen *s)
{
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  FcPage *page;
  fc_callback_scope_add_callback (scope, "onPageHello", on_host, s, NULL);
  fc_callback_scope_add_callback (scope, "onHostOnly", on_host, s, NULL);
  fc_callback_scope_set_fallback (scope, on_host, s, NULL);
  fc_callback_scope_set_observer (scope, on_observe, s, NULL);
  page = fc_page_new (NULL, scope);
  g_signal_connect (page, "warning", G_CALLBACK (on_warning), s);
  return page;
}

static const char *const app_files[] = {
  "app.json",
  "{\"plugins\": {\"myPlugin\": {\"version\": \"1.0.0\", \"provider\": "
  "\"hello-plugin\"}}}",
  "pages/index/index.json",
  "{\"usingComponents\": {\"hello-component\": "
  "\"plugin://myPlugin/hello-component\"}}",
  "pages/index/index.fxml",
  "<view><hello-component id=\"hc\" name=\"host\" "
  "bind:hello=\"onPageHello\"/></view>",
  NULL,
};

static char *
make_app (void)
{
  return fc_test_make_tree ("fc-plugin-pages-XXXXXX", app_files);
}

static void
greet (FcPage *page, const char *selector)
{
  g_autoptr (GError) error = NULL;
  FcElement *el = fc_page_select (page, selector);
  g_assert_nonnull (el);
  g_assert_true (fc_element_call_method (el, "greet", NULL, &error));
  g_assert_no_error (error);
}

static const char *
data_string (FcPage *page, const char *key)
{
  FcValue *v = fc_value_object_get (fc_page_get_data (page), key);
  return v && fc_value_get_kind (v) == FC_VALUE_STRING ? fc_value_get_string (v)
                                                        : NULL;
}

static double
data_number (FcPage *page, const char *key)
{
  FcValue *v = fc_value_object_get (fc_page_get_data (page), key);
  return v ? fc_value_to_number (v) : -1;
}

/* The app of make_app() over the test store, and what its pages' host
 * saw: the shared setup of the tests below. */
typedef struct
{
  FcPluginStore *store;
  char *dir;
  FcApp *app;
  Seen s;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = test_store ();
  f->dir = make_app ();
  f->app = fc_app_new_from_dir (f->store, f->dir, &error);
  g_assert_no_error (error);
  seen_init (&f->s);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->app);
  fc_test_remove_tree (f->dir);
  g_free (f->dir);
  g_object_unref (f->store);
  seen_clear (&f->s);
}

/* A new host page with @path loaded into it. */
static FcPage *
load (Fixture *f, const char *path)
{
  g_autoptr (GError) error = NULL;
  FcPage *page = host_page (&f->s);

  g_assert_true (fc_app_load_page (f->app, page, path, NULL, &error));
  g_assert_no_error (error);
  return page;
}

static void
test_plugin_handlers (Fixture *f, gconstpointer data)
{
  g_autoptr (FcPage) page = load (f, "plugin://myPlugin/hello-page");
  Seen *s = &f->s;

  /* the plugin's onPageHello runs, not the host's of the same name */
  greet (page, "#hc");
  g_assert_cmpuint (s->host->len, ==, 0);
  g_assert_cmpstr (data_string (page, "greeted"), ==, "hello page");
  g_assert_cmpfloat (data_number (page, "calls"), ==, 1);
  /* #echo's name is what the plugin's handler set */
  greet (page, "#echo");
  g_assert_cmpuint (s->host->len, ==, 0);
  g_assert_cmpstr (data_string (page, "greeted"), ==, "hello hello page");
  g_assert_cmpfloat (data_number (page, "calls"), ==, 2);
  /* the host's observer saw both calls, in order */
  g_assert_cmpuint (s->observed->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (s->observed, 0), ==,
                   "onPageHello hello page");
  g_assert_cmpstr (g_ptr_array_index (s->observed, 1), ==,
                   "onPageHello hello hello page");
  g_assert_cmpuint (s->warnings->len, ==, 0);
  /* the page's scope is still the host's: the host holds no plugin code */
  g_assert_true (fc_callback_scope_has_callback (fc_page_get_scope (page),
                                                 "onHostOnly"));
}

static void
test_unknown_handler (Fixture *f, gconstpointer data)
{
  g_autoptr (FcPage) page = load (f, "plugin://myPlugin/hello-page");
  Seen *s = &f->s;

  /* onHostOnly is the host's (and the host has a fallback): on the
   * plugin's page it is an unknown handler, reported where it is bound */
  greet (page, "#stray");
  g_assert_cmpuint (s->host->len, ==, 0);
  g_assert_cmpuint (s->observed->len, ==, 0);
  g_assert_cmpuint (s->warnings->len, ==, 1);
  g_assert_cmpstr (
      g_ptr_array_index (s->warnings, 0), ==,
      "hello-plugin/1.0.0/pages/hello-page.fxml:4:44: no handler "
      "\"onHostOnly\" for event \"hello\"");
  g_assert_null (data_string (page, "greeted"));
}

static void
test_host_page_keeps_host_scope (Fixture *f, gconstpointer data)
{
  /* a plugin page first: loading it changes nothing for the host's pages */
  g_autoptr (FcPage) plugin_page = load (f, "plugin://myPlugin/hello-page");
  g_autoptr (FcPage) page = load (f, "pages/index/index");
  Seen *s = &f->s;

  /* the same plugin component on a host page: the host's onPageHello */
  greet (page, "#hc");
  g_assert_cmpuint (s->host->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (s->host, 0), ==, "onPageHello hello host");
  g_assert_cmpuint (s->observed->len, ==, 1);
  g_assert_null (data_string (page, "greeted"));
  g_assert_cmpuint (s->warnings->len, ==, 0);
}

static void
test_state_per_page (Fixture *f, gconstpointer data)
{
  g_autoptr (FcPage) a = load (f, "plugin://myPlugin/hello-page");
  g_autoptr (FcPage) b = load (f, "plugin://myPlugin/hello-page");
  Seen *s = &f->s;

  greet (a, "#hc");
  greet (a, "#hc");
  greet (b, "#hc");
  g_assert_cmpfloat (data_number (a, "calls"), ==, 2);
  g_assert_cmpfloat (data_number (b, "calls"), ==, 1);
  g_assert_cmpuint (s->host->len, ==, 0);
  g_assert_cmpuint (s->observed->len, ==, 3);
}

/* A host scope's observer sees the calls of its own pages too, before the
 * callback runs, and not the names nothing handles. */
static void
test_observer (void)
{
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  Seen s;
  FcEvent ev = { 0 };
  g_autoptr (FcValue) detail = fc_value_new_object ();

  seen_init (&s);
  fc_callback_scope_add_callback (scope, "onA", on_host, &s, NULL);
  fc_callback_scope_set_observer (scope, on_observe, &s, NULL);
  ev.type = "tap";
  ev.detail = detail;
  ev.handler = "onA";
  g_assert_true (fc_callback_scope_invoke (scope, &ev));
  ev.handler = "onB";
  g_assert_false (fc_callback_scope_invoke (scope, &ev));
  g_assert_cmpuint (s.host->len, ==, 1);
  g_assert_cmpuint (s.observed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (s.observed, 0), ==, "onA -");
  fc_callback_scope_set_observer (scope, NULL, NULL, NULL);
  ev.handler = "onA";
  g_assert_true (fc_callback_scope_invoke (scope, &ev));
  g_assert_cmpuint (s.observed->len, ==, 1);
  seen_clear (&s);
}

/* The shipped keyboard plugin's page `try`, as the demo's entry page
 * navigates to it: its handlers are the plugin's and keep what is typed
 * (shown as the keyboard's title). */
static void
test_keyboard_try_page (void)
{
  const char *build = g_getenv ("FC_BUILD_ROOT");
  const char *src = g_getenv ("FC_SOURCE_ROOT");
  g_autofree char *plugins = NULL, *demo = NULL;
  g_autoptr (FcPluginStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = NULL;
  g_autoptr (FcPage) page = NULL;
  g_autoptr (FcValue) four = fc_value_new_string ("4");
  g_autoptr (FcValue) two = fc_value_new_string ("2");
  g_autoptr (FcValue) key = fc_value_new_object ();
  FcElement *kb;
  Seen s;

  if (!build || !src)
    {
      g_test_skip ("FC_BUILD_ROOT or FC_SOURCE_ROOT not set");
      return;
    }
  plugins = g_build_filename (build, "plugins", NULL);
  demo = g_build_filename (src, "demo", "miniprogram", NULL);
  store = fc_plugin_store_new_for_path ((const char *const[]){ plugins, NULL });
  app = fc_app_new_from_dir (store, demo, &error);
  g_assert_no_error (error);
  seen_init (&s);
  page = host_page (&s);
  g_assert_true (fc_app_load_page (app, page, "plugin://virtual-keyboard/try",
                                   NULL, &error));
  g_assert_no_error (error);
  kb = fc_page_select (page, "#kb");
  g_assert_nonnull (kb);
  g_assert_cmpstr (fc_value_get_string (fc_element_get_property (kb, "title")),
                   ==, "Type something");
  fc_value_object_set (key, "key", fc_value_ref (four));
  g_assert_true (fc_element_call_method (kb, "key", key, &error));
  fc_value_object_set (key, "key", fc_value_ref (two));
  g_assert_true (fc_element_call_method (kb, "key", key, &error));
  g_assert_true (fc_element_call_method (kb, "key", key, &error));
  g_assert_true (fc_element_call_method (kb, "delete", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fc_value_get_string (fc_element_get_property (kb, "title")),
                   ==, "Typed: 42");
  g_assert_true (fc_element_call_method (kb, "close", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fc_value_get_string (fc_element_get_property (kb, "title")),
                   ==, "Type something");
  /* the plugin's callbacks ran, the host's fallback never did */
  g_assert_cmpuint (s.host->len, ==, 0);
  g_assert_cmpuint (s.observed->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (s.observed, 0), ==, "onInput 4");
  g_assert_cmpstr (g_ptr_array_index (s.observed, 3), ==, "onDelete -");
  g_assert_cmpuint (s.warnings->len, ==, 0);
  seen_clear (&s);
}

/* A module registering handlers for a page its plugin.json does not list
 * (a typo in the path) fails loading: hello-plugin's module, with a
 * plugin.json whose page is elsewhere. */
static void
test_handlers_for_unlisted_page (void)
{
  const char *build = g_getenv ("FC_BUILD_ROOT");
  g_autofree char *so = NULL, *bytes = NULL, *dir = NULL, *pkg = NULL;
  g_autofree char *store_dir = NULL, *expected = NULL;
  g_autoptr (FcPluginStore) store = NULL;
  g_autoptr (GError) error = NULL;
  const char *const files[] = {
    "plugin.json",
    "{\"publicComponents\": {}, \"pages\": {\"hello-page\": "
    "\"pages/other-page\"}}",
    "doc/README.md",
    "# hello-plugin, its page moved\n",
    NULL,
  };
  gsize len;

  if (!build)
    {
      g_test_skip ("FC_BUILD_ROOT not set");
      return;
    }
  so = g_build_filename (build, "tests", "bridge", "hello-plugin", "1.0.0",
                         "plugin.so", NULL);
  g_assert_true (g_file_get_contents (so, &bytes, &len, NULL));
  dir = g_dir_make_tmp ("fc-plugin-pages-XXXXXX", &error);
  g_assert_no_error (error);
  store_dir = g_build_filename (dir, "store", NULL);
  pkg = g_build_filename (store_dir, "hello-plugin", "1.0.0", NULL);
  for (guint i = 0; files[i]; i += 2)
    {
      g_autofree char *path = g_build_filename (pkg, files[i], NULL);
      g_autofree char *parent = g_path_get_dirname (path);
      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      g_file_set_contents (path, files[i + 1], -1, &error);
      g_assert_no_error (error);
    }
  {
    g_autofree char *copy = g_build_filename (pkg, "plugin.so", NULL);
    g_file_set_contents (copy, bytes, len, &error);
    g_assert_no_error (error);
  }
  store = fc_plugin_store_new_for_path ((const char *const[]){ store_dir, NULL });
  g_assert_null (fc_plugin_store_load (store, "hello-plugin", "1.0.0", &error));
  g_assert_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_PACKAGE);
  expected = g_strdup_printf (
      "%s/plugin.json: the module registers handlers for page "
      "\"pages/hello-page\", which is not one of the paths in \"pages\"",
      pkg);
  g_assert_cmpstr (error->message, ==, expected);
  fc_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/Bridge/PluginPages/plugin-handlers", Fixture, NULL, fixture_set_up,
              test_plugin_handlers, fixture_tear_down);
  g_test_add ("/Bridge/PluginPages/unknown-handler", Fixture, NULL, fixture_set_up,
              test_unknown_handler, fixture_tear_down);
  g_test_add ("/Bridge/PluginPages/host-page-keeps-host-scope", Fixture, NULL, fixture_set_up,
              test_host_page_keeps_host_scope, fixture_tear_down);
  g_test_add ("/Bridge/PluginPages/state-per-page", Fixture, NULL, fixture_set_up,
              test_state_per_page, fixture_tear_down);
  g_test_add_func ("/Bridge/PluginPages/observer", test_observer);
  g_test_add_func ("/Bridge/PluginPages/handlers-for-unlisted-page",
                   test_handlers_for_unlisted_page);
  g_test_add_func ("/Bridge/PluginPages/keyboard-try-page",
                   test_keyboard_try_page);
  return g_test_run ();
}
