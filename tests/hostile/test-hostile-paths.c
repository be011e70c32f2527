/* Hostile paths (issue 9, "Hostile input"): `..`, absolute paths, symlinks
 * out of the mini-program root or a plugin package, NUL bytes, very long
 * names, through every public API that takes a path: app loading
 * (app.json pages, subpackage roots, plugin exports), page paths
 * (fc_app_load_page), component paths (usingComponents), mini-program
 * paths such as a keyboard icon or a recorder mask (fc_app_resolve_path),
 * and a plugin package's own paths (plugin.json). A row per input, each
 * with the exact error it must give.
 *
 * Rows that exist elsewhere are not repeated here:
 * tests/bridge/test-plugins.c (bad_rows) has page-dotdot, page-absolute,
 * export-dotdot, export-symlink-out, page-symlink-out and
 * navigate-page-dotdot; its test_resolve_path has `../../../etc/passwd`
 * and a symlinked folder out of the root through fc_app_resolve_path.
 * tests/video/test-recorder-resources.c has the recorder mask's and
 * prompt audio's paths (`..`, a symlink out, /etc/passwd inside the
 * root, a folder). */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <fc-bridge.h>
#include "common/fc-test-files.h"

typedef enum
{
  VIA_APP,     /* fc_app_new_from_dir: app.json */
  VIA_PAGE,    /* fc_app_load_page (ARG) */
  VIA_RESOLVE, /* fc_app_resolve_path ("pages/kb/kb", ARG) */
  VIA_PLUGIN,  /* fc_app_new_from_dir with a store holding FILES' plugin */
} Via;

typedef struct
{
  const char *name;
  Via via;
  /* pairs of path, text; "->TARGET" makes a symlink; a path starting
   * with "plugin:" goes to the scratch plugin store (PROVIDER/VERSION/...) */
  const char *files[12];
  const char *arg; /* "@LONG" is a 5000-character name, "@LONGSEG" a
                    * path of 300 segments */
  int code; /* an FcPluginError, BRIDGE (an FcBridgeError), or -1: must
             * succeed */
  const char *message; /* the error message (or what resolves), compared
                        * in full, with ROOT (the mini-program), PARENT
                        * (its folder), PLUGIN (the scratch plugin
                        * package), LONG and LONGSEG (the names above)
                        * standing for what varies */
} Row;

#define BRIDGE(code) (1000 + (code))
#define PLUGIN_JSON(components)                                               \
  "{\"publicComponents\": " components ", \"main\": \"index.js\"}"
#define USES_EVIL                                                             \
  "{\"plugins\": {\"evil\": {\"version\": \"1.0.0\", \"provider\": "        \
  "\"evil-plugin\"}}}"

static const Row rows[] = {
  /* ---- app.json ---- */
  { "app-page-backslash", VIA_APP,
    { "app.json", "{\"pages\": [\"pages\\\\..\\\\..\\\\x\"]}", NULL },
    NULL, FC_PLUGIN_ERROR_ESCAPING_PATH,
    /* no position: the JSON text spells the value with escapes */
    "app.json: page \"pages\\..\\..\\x\" is absolute; expected a path "
    "relative to ROOT" },
  { "app-page-dot-segments", VIA_APP,
    { "app.json", "{\"pages\": [\"./pages/./../../x\"]}", NULL },
    NULL, FC_PLUGIN_ERROR_ESCAPING_PATH,
    "app.json:1:12: page \"./pages/./../../x\" leaves ROOT through \"..\"; "
    "expected a path inside it" },
  { "app-page-empty", VIA_APP,
    { "app.json", "{\"pages\": [\"\"]}", NULL },
    NULL, FC_PLUGIN_ERROR_BAD_CONFIG,
    "app.json:1:12: page is empty; expected a relative path" },
  { "subpackage-root-dotdot", VIA_APP,
    { "app.json", "{\"subpackages\": [{\"root\": \"../pkg\", \"pages\": "
                  "[\"p/p\"]}]}", NULL },
    NULL, FC_PLUGIN_ERROR_ESCAPING_PATH,
    "app.json:1:27: subpackage root \"../pkg\" leaves ROOT through \"..\"; "
    "expected a path inside it" },
  { "subpackage-root-symlink-out", VIA_APP,
    { "app.json", "{\"subpackages\": [{\"root\": \"pkg\", \"pages\": "
                  "[\"p/p\"]}]}", "pkg", "->/etc", NULL },
    NULL, FC_PLUGIN_ERROR_ESCAPING_PATH,
    "app.json:1:27: subpackage root \"pkg\" goes through a symlink to /etc, "
    "outside ROOT; expected a path inside it" },
  /* cJSON's strings end at a NUL: the path would silently be "pages/a" */
  { "page-nul-escape", VIA_APP,
    { "app.json", "{\"pages\": [\"pages/a\\u0000/../../../../etc/passwd\"]}",
      NULL },
    NULL, FC_PLUGIN_ERROR_BAD_JSON,
    "app.json:1:20: \\u0000 in a string: strings cannot hold NUL characters; "
    "expected a JSON object" },
  { "subpackage-page-dotdot", VIA_APP,
    { "app.json", "{\"subpackages\": [{\"root\": \"pkg\", \"pages\": "
                  "[\"../../x\"]}]}", NULL },
    NULL, FC_PLUGIN_ERROR_ESCAPING_PATH,
    "app.json:1:44: page \"../../x\" leaves ROOT through \"..\"; expected a "
    "path inside it" },
  { "export-absolute", VIA_APP,
    { "app.json", "{\"plugins\": {\"h\": {\"version\": \"1.0.0\", \"provider\": "
                  "\"hello-plugin\", \"export\": \"/etc/passwd\"}}}", NULL },
    NULL, FC_PLUGIN_ERROR_ESCAPING_PATH,
    "app.json:1:78: export \"/etc/passwd\" is absolute; expected a path "
    "relative to ROOT" },

  /* ---- page paths: fc_app_load_page ---- */
  { "page-absolute-load", VIA_PAGE, { "app.json", "{}", NULL },
    "/etc/passwd", FC_PLUGIN_ERROR_ESCAPING_PATH,
    "/etc/passwd: page \"/etc/passwd\" is absolute; expected a path relative "
    "to ROOT" },
  { "page-dotdot-inside", VIA_PAGE, { "app.json", "{}", NULL },
    "pages/../../../etc/passwd", FC_PLUGIN_ERROR_ESCAPING_PATH,
    "pages/../../../etc/passwd: page \"pages/../../../etc/passwd\" leaves "
    "ROOT through \"..\"; expected a path inside it" },
  { "page-fxml-symlink-out", VIA_PAGE,
    { "app.json", "{}", "pages/p/p.fxml", "->/etc/passwd", NULL },
    "pages/p/p", FC_PLUGIN_ERROR_ESCAPING_PATH,
    "pages/p/p.fxml: page \"pages/p/p.fxml\" goes through a symlink to "
    "/etc/passwd, outside ROOT; expected a path inside it" },
  { "page-json-symlink-out", VIA_PAGE,
    { "app.json", "{}", "pages/p/p.json", "->/etc/passwd",
      "pages/p/p.fxml", "<view/>", NULL },
    "pages/p/p", FC_PLUGIN_ERROR_ESCAPING_PATH,
    "pages/p/p.json: page \"pages/p/p.json\" goes through a symlink to "
    "/etc/passwd, outside ROOT; expected a path inside it" },
  { "page-symlink-up-and-back", VIA_PAGE,
    /* a link to the root's parent, then back in by name: outside at the
     * link already (said of the page's first file: each is confined with
     * its folders, bridge/fc-app-page.c) */
    { "app.json", "{}", "up", "->..", NULL },
    "up/x/pages/p", FC_PLUGIN_ERROR_ESCAPING_PATH,
    "up/x/pages/p.json: page \"up/x/pages/p.json\" goes through a symlink to PARENT, "
    "outside ROOT; expected a path inside it" },
  { "import-symlink-up-and-back", VIA_PAGE,
    /* the same for a file the page's markup reads (one walk for every
     * confinement, bridge/fc-path-walk.c): refused at the link, though the
     * path ends inside */
    { "app.json", "{}", "up", "->..",
      "pages/p/p.fxml", "<import src=\"/up/app/pages/p/row.fxml\"/><view/>",
      "pages/p/row.fxml", "<template name=\"r\"><view/></template>", NULL },
    "pages/p/p", BRIDGE (FC_BRIDGE_ERROR_BAD_PATH),
    "pages/p/p.fxml:1:9: <import src=\"/up/app/pages/p/row.fxml\">: "
    "up/app/pages/p/row.fxml leaves the mini-program's root" },
  { "page-long-name", VIA_PAGE, { "app.json", "{}", NULL }, "@LONG",
    FC_PLUGIN_ERROR_NOT_FOUND, "LONG: no such page (expected ROOT/LONG.fxml)" },
  { "page-many-segments", VIA_PAGE, { "app.json", "{}", NULL }, "@LONGSEG",
    FC_PLUGIN_ERROR_NOT_FOUND,
    "LONGSEG: no such page (expected ROOT/LONGSEG.fxml)" },
  { "page-symlink-loop", VIA_PAGE,
    { "app.json", "{}", "pages", "->pages", NULL },
    "pages/p", FC_PLUGIN_ERROR_NOT_FOUND,
    "pages/p: no such page (expected ROOT/pages/p.fxml)" },
  { "component-dotdot", VIA_PAGE,
    { "app.json", "{}", "pages/p/p.json",
      "{\"usingComponents\": {\"x\": \"../../../outside/x\"}}",
      "pages/p/p.fxml", "<x/>", NULL },
    /* a component's folder (X.json, X.fxml) may not be outside the root:
     * refused before anything is read */
    "pages/p/p", BRIDGE (FC_BRIDGE_ERROR_BAD_COMPONENT),
    "pages/p/p.fxml:1:1: component \"../../../outside/x\" is malformed or leaves the mini-program's root" },

  /* ---- mini-program paths: fc_app_resolve_path (icon, mask) ---- */
  { "resolve-rooted-dotdot", VIA_RESOLVE, { "app.json", "{}", NULL },
    "/../etc/passwd", FC_PLUGIN_ERROR_ESCAPING_PATH,
    "pages/kb/kb: path \"../etc/passwd\" leaves ROOT through \"..\"; expected "
    "a path inside it" },
  { "resolve-file-symlink-out", VIA_RESOLVE,
    { "app.json", "{}", "images/icon.png", "->/etc/passwd", NULL },
    "/images/icon.png", FC_PLUGIN_ERROR_ESCAPING_PATH,
    "pages/kb/kb: path \"images/icon.png\" goes through a symlink to "
    "/etc/passwd, outside ROOT; expected a path inside it" },
  { "resolve-symlink-inside", VIA_RESOLVE,
    { "app.json", "{}", "images/real.png", "x", "images/icon.png", "->real.png",
      NULL },
    "/images/icon.png", -1, "ROOT/images/icon.png" },
  { "resolve-backslash", VIA_RESOLVE, { "app.json", "{}", NULL },
    "..\\..\\etc\\passwd", FC_PLUGIN_ERROR_ESCAPING_PATH,
    "pages/kb/kb: path \"..\\..\\etc\\passwd\" is absolute; expected a path "
    "relative to ROOT" },
  { "resolve-percent-dotdot", VIA_RESOLVE, { "app.json", "{}", NULL },
    /* not decoded: a file named "%2e%2e" in the page's folder */
    "%2e%2e/%2e%2e/x.png", -1, "ROOT/pages/kb/%2e%2e/%2e%2e/x.png" },
  { "resolve-long-name", VIA_RESOLVE, { "app.json", "{}", NULL }, "@LONG", -1,
    "ROOT/pages/kb/LONG" },
  { "resolve-empty", VIA_RESOLVE, { "app.json", "{}", NULL }, "",
    FC_PLUGIN_ERROR_BAD_CONFIG, "pages/kb/kb: path is empty; expected a "
    "relative path" },

  /* ---- a plugin package's own paths: plugin.json ---- */
  { "plugin-component-dotdot", VIA_PLUGIN,
    { "app.json", USES_EVIL, "plugin:evil-plugin/1.0.0/plugin.json",
      PLUGIN_JSON ("{\"x\": \"../../../x\"}"), NULL },
    NULL, FC_PLUGIN_ERROR_ESCAPING_PATH,
    "app.json:1:14: plugin \"evil\": PLUGIN/plugin.json:1:23: publicComponents \"x\" \"../../../x\" leaves "
    "PLUGIN through \"..\"; expected a path inside it" },
  { "plugin-component-absolute", VIA_PLUGIN,
    { "app.json", USES_EVIL, "plugin:evil-plugin/1.0.0/plugin.json",
      PLUGIN_JSON ("{\"x\": \"/usr/lib/x\"}"), NULL },
    NULL, FC_PLUGIN_ERROR_ESCAPING_PATH,
    "app.json:1:14: plugin \"evil\": PLUGIN/plugin.json:1:23: publicComponents \"x\" \"/usr/lib/x\" is "
    "absolute; expected a path relative to PLUGIN" },
  { "plugin-component-symlink-out", VIA_PLUGIN,
    { "app.json", USES_EVIL, "plugin:evil-plugin/1.0.0/plugin.json",
      PLUGIN_JSON ("{\"x\": \"comp/x\"}"), "plugin:evil-plugin/1.0.0/comp",
      "->/etc", NULL },
    NULL, FC_PLUGIN_ERROR_ESCAPING_PATH,
    "app.json:1:14: plugin \"evil\": PLUGIN/plugin.json:1:23: publicComponents \"x\" \"comp/x\" goes through "
    "a symlink to /etc, outside PLUGIN; expected a path inside it" },
};

static char *long_name, *long_segments;

static char *
arg_of (const Row *row)
{
  if (!row->arg)
    return NULL;
  if (strcmp (row->arg, "@LONG") == 0)
    return g_strdup (long_name);
  if (strcmp (row->arg, "@LONGSEG") == 0)
    return g_strdup (long_segments);
  return g_strdup (row->arg);
}

/* @text with each of KEY (ROOT, PARENT, PLUGIN, LONG, LONGSEG) replaced. */
static char *
expand (const char *text, const char *root, const char *plugin)
{
  g_autofree char *parent = g_path_get_dirname (root);
  const char *keys[] = { "LONGSEG", long_segments, "LONG", long_name,
                         "PLUGIN", plugin, "PARENT", parent, "ROOT", root };
  char *out = g_strdup (text);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i += 2)
    {
      g_auto (GStrv) parts = g_strsplit (out, keys[i], -1);

      g_free (out);
      out = g_strjoinv (keys[i + 1] ? keys[i + 1] : "", parts);
    }
  return out;
}

static void
make_files (const char *app, const char *store, const char *const *files)
{
  for (guint i = 0; files[i]; i += 2)
    {
      g_autofree char *path = g_str_has_prefix (files[i], "plugin:")
                                  ? g_build_filename (store, files[i] + 7, NULL)
                                  : g_build_filename (app, files[i], NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      if (g_str_has_prefix (files[i + 1], "->"))
        g_assert_cmpint (symlink (files[i + 1] + 2, path), ==, 0);
      else
        g_assert_true (g_file_set_contents (path, files[i + 1], -1, NULL));
    }
}

static void
test_row (gconstpointer data)
{
  const Row *row = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *scratch = g_dir_make_tmp ("fc-hostile-XXXXXX", &error);
  g_autofree char *root = NULL, *store_dir = NULL, *plugin_dir = NULL;
  g_autofree char *arg = arg_of (row), *want = NULL;
  g_autofree char *got = NULL;
  g_autoptr (FcPluginStore) store = NULL;
  g_autoptr (FcApp) app = NULL;

  g_assert_no_error (error);
  root = g_build_filename (scratch, "app", NULL);
  store_dir = g_build_filename (scratch, "store", NULL);
  g_assert_cmpint (g_mkdir (root, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (store_dir, 0700), ==, 0);
  make_files (root, store_dir, row->files);
  {
    /* the scratch plugin package is complete but for its module */
    g_autofree char *doc
        = g_build_filename (store_dir, "evil-plugin", "1.0.0", "doc", NULL);
    g_autofree char *readme = g_build_filename (doc, "README.md", NULL);

    g_assert_cmpint (g_mkdir_with_parents (doc, 0700), ==, 0);
    g_assert_true (g_file_set_contents (readme, "# evil\n", -1, NULL));
  }
  {
    /* the scratch store, and the hello-plugin test packages (a plugin with
     * a module) */
    const char *build = g_getenv ("FC_BUILD_ROOT");
    g_autofree char *hello
        = g_build_filename (build ? build : ".", "tests", "bridge", NULL);
    const char *dirs[] = { store_dir, hello, NULL };

    store = fc_plugin_store_new_for_path (dirs);
  }
  plugin_dir = g_build_filename (store_dir, "evil-plugin", "1.0.0", NULL);

  app = fc_app_new_from_dir (store, root, &error);
  if (row->via == VIA_PAGE && app)
    {
      g_autoptr (FcRegistry) reg = fc_registry_new ();
      g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
      g_autoptr (FcPage) page = fc_page_new (reg, scope);

      if (fc_app_load_page (app, page, arg, NULL, &error))
        got = g_strdup ("(loaded)");
    }
  else if (row->via == VIA_RESOLVE && app)
    got = fc_app_resolve_path (app, "pages/kb/kb", arg, &error);
  else if (app)
    got = g_strdup ("(loaded)");

  want = expand (row->message, root, plugin_dir);
  g_test_message ("result %.200s, error %.300s (%d)", got ? got : "(none)",
                  error ? error->message : "(none)", error ? error->code : -1);
  if (row->code < 0)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, want);
    }
  else
    {
      g_assert_null (got);
      g_assert_nonnull (error);
      if (row->code >= BRIDGE (0))
        g_assert_error (error, FC_BRIDGE_ERROR, row->code - BRIDGE (0));
      else
        g_assert_error (error, FC_PLUGIN_ERROR, row->code);
      g_assert_cmpstr (error->message, ==, want);
    }
  fc_test_remove_tree (scratch);
}

int
main (int argc, char **argv)
{
  GString *segs = g_string_new (NULL);
  int status;

  g_test_init (&argc, &argv, NULL);
  /* no installed plugin is picked up: each row has its own store */
  g_setenv ("FC_PLUGIN_PATH", "", TRUE);
  long_name = g_strnfill (5000, 'a');
  for (int i = 0; i < 300; i++)
    g_string_append (segs, i ? "/d" : "d");
  long_segments = g_string_free (segs, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Hostile/Paths/%s", rows[i].name);

      g_test_add_data_func (path, &rows[i], test_row);
    }
  status = g_test_run ();
  g_free (long_name);
  g_free (long_segments);
  return status;
}
