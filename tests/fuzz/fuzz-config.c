/* fuzz-config: the JSON loaders of a mini-program and its plugins.
 *
 * Input: APP_JSON ---- PAGE_JSON ---- PLUGIN_JSON (parts separated by a
 * line `----`, see README.md; missing parts are skipped).
 *  - APP_JSON: fc_app_new() with it as app.json text; the root is an empty
 *    scratch directory and the store is a scratch plugin path holding one
 *    package, fuzz-plugin/1.0.0, whose plugin.json is PLUGIN_JSON.
 *  - PAGE_JSON: the page .json of `pages/p/p`, through fc_app_load_page_text()
 *    with a fixed fxml that uses two tags (`kb`, `rec`).
 *  - PLUGIN_JSON: read by fc_plugin_store_load() (the store only parses
 *    plugin.json from a file). The package has doc/README.md but no module,
 *    so a plugin.json that parses ends at "no native module", after
 *    publicComponents, pages and main were checked. */
#include "fuzz-common.h"

static char *root;       /* the mini-program root: empty */
static char *store_dir;  /* the plugin search path */
static char *plugin_json;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autofree char *pkg = NULL;
  g_autofree char *doc = NULL;
  fuzz_init ();
  root = fuzz_scratch_dir ("config-root");
  store_dir = fuzz_scratch_dir ("config-store");
  pkg = g_build_filename (store_dir, "fuzz-plugin", "1.0.0", NULL);
  doc = g_build_filename (pkg, "doc", NULL);
  g_mkdir_with_parents (doc, 0700);
  g_free (doc);
  doc = g_build_filename (pkg, "doc", "README.md", NULL);
  fuzz_write_file (doc, "# fuzz-plugin\n", -1);
  plugin_json = g_build_filename (pkg, "plugin.json", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  char *part[3];
  const char *const path[] = { store_dir, NULL };
  g_autoptr (FcPluginStore) store = NULL;
  g_autoptr (FcApp) app = NULL;
  g_autoptr (GError) error = NULL;

  fuzz_split (text, part, 3);

  /* plugin.json first: the app's plugins may name fuzz-plugin 1.0.0 */
  fuzz_write_file (plugin_json, part[2] ? part[2] : "{}", -1);
  store = fc_plugin_store_new_for_path (path);
  if (part[2])
    {
      FcPlugin *p = fc_plugin_store_load (store, "fuzz-plugin", "1.0.0", &error);
      /* no module: never loads */
      g_assert (p == NULL && error != NULL);
      g_clear_error (&error);
    }

  app = fc_app_new (store, root, part[0], &error);
  if (!app)
    {
      g_assert (error != NULL);
      return 0;
    }
  if (part[1])
    {
      g_autoptr (FcRegistry) registry = fuzz_registry_new ();
      g_autoptr (FcCallbackScope) scope = fuzz_scope_new ();
      g_autoptr (FcPage) page = fc_page_new (registry, scope);
      g_autoptr (FcValue) d = fc_value_new_object ();
      guint warnings = 0;
      g_signal_connect (page, "warning", G_CALLBACK (fuzz_on_warning), &warnings);
      if (!fc_app_load_page_text (app, page, "pages/p/p", part[1],
                                  "<kb id=\"k\" show/><rec id=\"r\"/><view>{{x}}</view>", d, &error))
        g_assert (error != NULL);
      g_clear_error (&error);
      /* a path the page's JSON or app.json might name */
      {
        g_autofree char *r = fc_app_resolve_path (app, "pages/p/p", "../q/q", &error);
        (void) r;
      }
    }
  return 0;
}
