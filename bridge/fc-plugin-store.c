/* fc-plugin-store.c: FcPluginStore: the installed plugins
 * (PROVIDER/VERSION/ packages with plugin.json, doc/README.md and a native
 * module) on a search path; loading a package and its module. */
#include <stdlib.h>
#include <string.h>
#include <gmodule.h>

#include "fc-component-def-private.h"
#include "fc-plugin-private.h"
#include "fc-install-dirs-private.h"

struct _FcPluginStore
{
  GObject parent_instance;
  GStrv path;
  GHashTable *loaded; /* "provider/version" → FcPlugin */
};

G_DEFINE_FINAL_TYPE (FcPluginStore, fc_plugin_store, G_TYPE_OBJECT)

static void
fc_plugin_store_finalize (GObject *object)
{
  FcPluginStore *self = FC_PLUGIN_STORE (object);
  g_strfreev (self->path);
  g_hash_table_unref (self->loaded);
  G_OBJECT_CLASS (fc_plugin_store_parent_class)->finalize (object);
}

static void
fc_plugin_store_class_init (FcPluginStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fc_plugin_store_finalize;
}

static void
fc_plugin_store_init (FcPluginStore *self)
{
  self->loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)fc_plugin_free);
}

/**
 * fc_plugin_store_new_for_path:
 * @dirs: the directories to search, first first
 *
 * Creates a store that searches only the given folders, in order, for
 * `PROVIDER/VERSION/` packages.
 *
 * Returns: (transfer full): a store
 */
FcPluginStore *
fc_plugin_store_new_for_path (const char *const *dirs)
{
  FcPluginStore *self = g_object_new (FC_TYPE_PLUGIN_STORE, NULL);
  self->path = g_strdupv ((char **)dirs);
  return self;
}

/**
 * fc_plugin_store_new:
 *
 * The default search path: the directories of `$FC_PLUGIN_PATH`
 * (colon-separated), then, for the build tree's library only, the build
 * tree's `plugins/`, then `LIBDIR/fc-platform/plugins` beside the loaded
 * library (so an installed prefix can move), then the configured prefix's
 * `LIBDIR/fc-platform/plugins`.
 *
 * Returns: (transfer full): a store
 */
FcPluginStore *
fc_plugin_store_new (void)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  const char *env = g_getenv ("FC_PLUGIN_PATH");
  g_auto (GStrv) dirs = NULL;
  if (env)
    {
      g_auto (GStrv) parts = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
      for (char **p = parts; *p; p++)
        if (**p)
          g_strv_builder_add (b, *p);
    }
  {
    g_auto (GStrv) defaults = fc_install_plugin_dirs ();
    g_strv_builder_addv (b, (const char **) defaults);
  }
  dirs = g_strv_builder_end (b);
  return fc_plugin_store_new_for_path ((const char *const *)dirs);
}

/**
 * fc_plugin_store_get_path:
 * @self: a store
 *
 * The folders the store searches, first first (fc_plugin_store_new()
 * explains the default).
 *
 * Returns: (transfer none): the search path
 */
const char *const *
fc_plugin_store_get_path (FcPluginStore *self)
{
  return (const char *const *)self->path;
}

static int
version_cmp (gconstpointer a, gconstpointer b)
{
  const char *x = *(const char *const *)a, *y = *(const char *const *)b;
  while (*x || *y)
    {
      if (g_ascii_isdigit (*x) && g_ascii_isdigit (*y))
        {
          guint64 m = g_ascii_strtoull (x, (char **)&x, 10),
                  n = g_ascii_strtoull (y, (char **)&y, 10);
          if (m != n)
            return m < n ? -1 : 1;
          continue;
        }
      if (*x != *y)
        return (guchar)*x < (guchar)*y ? -1 : 1;
      x++, y++;
    }
  return 0;
}

/**
 * fc_plugin_store_list_versions:
 * @self: a store
 * @provider: a plugin id
 *
 * The versions of one provider installed on the search path, oldest first.
 *
 * Returns: (transfer full): the installed versions, lowest first
 */
char **
fc_plugin_store_list_versions (FcPluginStore *self, const char *provider)
{
  g_autoptr (GPtrArray) versions = g_ptr_array_new ();
  g_return_val_if_fail (FC_IS_PLUGIN_STORE (self) && provider, NULL);
  for (char **d = self->path; *d; d++)
    {
      g_autofree char *pdir = g_build_filename (*d, provider, NULL);
      g_autoptr (GDir) dir = g_dir_open (pdir, 0, NULL);
      const char *v;
      while (dir && (v = g_dir_read_name (dir)))
        {
          g_autofree char *json
              = g_build_filename (pdir, v, "plugin.json", NULL);
          gboolean seen = FALSE;
          if (!g_file_test (json, G_FILE_TEST_IS_REGULAR))
            continue;
          for (guint i = 0; i < versions->len && !seen; i++)
            seen = g_str_equal (g_ptr_array_index (versions, i), v);
          if (!seen)
            g_ptr_array_add (versions, g_strdup (v));
        }
    }
  g_ptr_array_sort (versions, version_cmp);
  g_ptr_array_add (versions, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&versions), FALSE);
}

static GHashTable *
string_map (FcValue *json, const char *key, FcPlugin *p, GError **error)
{
  GHashTable *map
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  FcValue *o = fc_value_object_get (json, key);
  if (!o)
    return map;
  if (fc_value_get_kind (o) != FC_VALUE_OBJECT)
    {
      g_autofree char *where = fc_json_where (p->json_text, p->json_name, key);
      g_set_error (
          error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG,
          "%s: \"%s\" must be an object of name → path strings, got %s", where,
          key, fc_value_type_name (o));
      g_hash_table_unref (map);
      return NULL;
    }
  for (guint i = 0; i < fc_value_object_get_size (o); i++)
    {
      FcValue *v = fc_value_object_get_nth (o, i);
      const char *name = fc_value_object_get_key (o, i);
      g_autofree char *where = fc_json_where (p->json_text, p->json_name, name);
      g_autofree char *what = g_strdup_printf ("%s \"%s\"", key, name);
      char *path;
      if (fc_value_get_kind (v) != FC_VALUE_STRING)
        {
          g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG,
                       "%s: %s must be a path string, got %s", where, what,
                       fc_value_type_name (v));
          g_hash_table_unref (map);
          return NULL;
        }
      if (!(path = fc_path_confine (p->dir, NULL, fc_value_get_string (v),
                                    FALSE, where, what, error)))
        {
          g_hash_table_unref (map);
          return NULL;
        }
      g_hash_table_replace (map, g_strdup (name), path);
    }
  return map;
}


/* A public component with no class from the module may be defined by
 * its own markup in the package: PATH.json ({"component": true}, its
 * "properties") and PATH.fxml or PATH.wxml. Its class carries the
 * package's folder (fc-component-def.c reads the template from there)
 * and calls no host handler: its template's handlers are the plugin's
 * for that path (fc_plugin_context_add_page_callback()), else none. */
static gboolean
add_markup_component (FcPlugin *p, const char *name, const char *path, GError **error)
{
  g_autofree char *where = fc_json_where (p->json_text, p->json_name, name);
  g_autofree char *norm = fc_path_confine (p->dir, NULL, path, FALSE, where, "public component", error);
  g_autofree char *json_path = NULL, *fxml = NULL, *wxml = NULL, *text = NULL, *json_name = NULL;
  g_autoptr (FcValue) json = NULL;
  g_autoptr (FcComponentClass) klass = NULL;
  g_autoptr (FcCallbackScope) none = NULL;
  FcValue *c;
  FcCallbackScope *own;

  if (!norm)
    return FALSE;
  json_path = g_strdup_printf ("%s/%s.json", p->dir, norm);
  fxml = g_strdup_printf ("%s/%s.fxml", p->dir, norm);
  wxml = g_strdup_printf ("%s/%s.wxml", p->dir, norm);
  if (!g_file_test (json_path, G_FILE_TEST_IS_REGULAR)
      || !(g_file_test (fxml, G_FILE_TEST_IS_REGULAR) || g_file_test (wxml, G_FILE_TEST_IS_REGULAR)))
    return TRUE; /* neither: the caller's error */
  json_name = g_strdup_printf ("%s.json", norm);
  if (!g_file_get_contents (json_path, &text, NULL, NULL) || !(json = fc_json_load (text, json_name, error)))
    {
      if (error && !*error)
        g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_PACKAGE, "%s: cannot read %s", where, json_name);
      return FALSE;
    }
  c = fc_value_object_get (json, "component");
  if (!c || fc_value_get_kind (c) != FC_VALUE_BOOLEAN || !fc_value_get_boolean (c))
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_PACKAGE,
                   "%s: public component \"%s\": %s is not a component's JSON: it needs \"component\": true", where,
                   name, json_name);
      return FALSE;
    }
  if (!(klass = fc_component_def_parse_properties (path, fc_value_object_get (json, "properties"), json_name, error)))
    return FALSE;
  fc_component_class_set_data (klass, "fc-plugin", p, NULL);
  fc_component_class_set_data (klass, "fc-markup-root", g_strdup (p->dir), g_free);
  fc_component_class_set_data (klass, "fc-markup-path", g_strdup (norm), g_free);
  own = g_hash_table_lookup (p->page_scopes, norm);
  if (!own)
    own = none = fc_callback_scope_new ();
  fc_component_class_set_callbacks (klass, own);
  g_hash_table_replace (p->components, g_strdup (path), g_steal_pointer (&klass));
  return TRUE;
}

static FcPlugin *
load_package (const char *dir, const char *provider, const char *version,
              GError **error)
{
  g_autofree char *json_path = g_build_filename (dir, "plugin.json", NULL);
  g_autofree char *doc = g_build_filename (dir, "doc", "README.md", NULL);
  g_autofree char *module_path
      = g_build_filename (dir, FC_PLUGIN_MODULE_NAME, NULL);
  g_autoptr (FcValue) json = NULL;
  g_autoptr (GError) local = NULL;
  FcPlugin *p = g_new0 (FcPlugin, 1);
  FcPluginContext ctx = { p };
  FcValue *main;
  GModule *module;
  FcPluginRegisterFunc reg;
  char *rp;

  rp = realpath (dir, NULL);
  p->dir = g_strdup (rp ? rp : dir);
  free (rp);
  p->provider = g_strdup (provider);
  p->version = g_strdup (version);
  p->json_name = g_build_filename (dir, "plugin.json", NULL);
  p->components
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                               (GDestroyNotify)fc_component_class_unref);
  p->functions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        fc_plugin_function_spec_free);
  p->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify)fc_value_unref);
  p->page_scopes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          g_object_unref);
  p->public = p->pages = NULL;

  if (!g_file_get_contents (json_path, &p->json_text, NULL, &local))
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_FOUND, "%s",
                   local->message);
      goto fail;
    }
  if (!(json = fc_json_load (p->json_text, p->json_name, error)))
    goto fail;
  if (!(p->public = string_map (json, "publicComponents", p, error))
      || !(p->pages = string_map (json, "pages", p, error)))
    goto fail;
  main = fc_value_object_get (json, "main");
  if (main && fc_value_get_kind (main) != FC_VALUE_STRING)
    {
      g_autofree char *where
          = fc_json_where (p->json_text, p->json_name, "main");
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG,
                   "%s: \"main\" must be a string, got %s", where,
                   fc_value_type_name (main));
      goto fail;
    }
  p->main = main ? g_strdup (fc_value_get_string (main)) : NULL;
  if (!g_file_test (doc, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_PACKAGE,
                   "%s: plugin %s %s has no doc/README.md; the platform "
                   "requires its documentation there",
                   dir, provider, version);
      goto fail;
    }
  if (!g_file_test (module_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_PACKAGE,
                   "%s: plugin %s %s has no native module %s", dir, provider,
                   version, FC_PLUGIN_MODULE_NAME);
      goto fail;
    }
  /* local binding: versions side by side export the same symbol */
  module = g_module_open (module_path, G_MODULE_BIND_LOCAL);
  if (!module)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_PACKAGE,
                   "%s: cannot load: %s", module_path, g_module_error ());
      goto fail;
    }
  if (!g_module_symbol (module, FC_PLUGIN_REGISTER_SYMBOL, (gpointer *)&reg)
      || !reg)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_PACKAGE,
                   "%s: exports no %s()", module_path,
                   FC_PLUGIN_REGISTER_SYMBOL);
      g_module_close (module);
      goto fail;
    }
  /* classes and GTypes from the module live as long as the process */
  g_module_make_resident (module);
  if (!reg (&ctx, error))
    {
      g_prefix_error (error, "%s: registration failed: ", module_path);
      goto fail;
    }
  {
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init (&it, p->public);
    while (g_hash_table_iter_next (&it, &k, &v))
      if (!g_hash_table_contains (p->components, v) && !add_markup_component (p, k, v, error))
        goto fail;
      else if (!g_hash_table_contains (p->components, v))
        {
          g_autofree char *where
              = fc_json_where (p->json_text, p->json_name, k);
          g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_PACKAGE,
                       "%s: public component \"%s\" is \"%s\", which the "
                       "module registers nothing at",
                       where, (char *)k, (char *)v);
          goto fail;
        }
    /* handlers only for pages the package has */
    g_hash_table_iter_init (&it, p->page_scopes);
    while (g_hash_table_iter_next (&it, &k, &v))
      {
        gboolean listed = FALSE;
        GHashTableIter pit;
        gpointer pk, pv;
        g_hash_table_iter_init (&pit, p->pages);
        while (!listed && g_hash_table_iter_next (&pit, &pk, &pv))
          listed = g_str_equal (pv, k);
        /* or a public component's own template (add_markup_component()) */
        g_hash_table_iter_init (&pit, p->public);
        while (!listed && g_hash_table_iter_next (&pit, &pk, &pv))
          listed = g_str_equal (pv, k);
        if (!listed)
          {
            g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_PACKAGE,
                         "%s: the module registers handlers for page \"%s\", "
                         "which is not one of the paths in \"pages\"",
                         p->json_name, (char *)k);
            goto fail;
          }
      }
  }
  return p;

fail:
  if (!p->public)
    p->public = g_hash_table_new (g_str_hash, g_str_equal);
  if (!p->pages)
    p->pages = g_hash_table_new (g_str_hash, g_str_equal);
  fc_plugin_free (p);
  return NULL;
}

/**
 * fc_plugin_store_load:
 * @self: a store
 * @provider: the plugin id
 * @version: the version wanted
 * @error: return location for a %FC_PLUGIN_ERROR error
 *
 * Finds `PROVIDER/VERSION/` on the search path (first match), reads its
 * plugin.json, checks its doc, loads its module and calls its
 * registration function. Cached: a second call returns the same plugin.
 *
 * Returns: (transfer none) (nullable): the plugin, valid while @self lives
 */
FcPlugin *
fc_plugin_store_load (FcPluginStore *self, const char *provider,
                      const char *version, GError **error)
{
  g_autofree char *key = NULL;
  FcPlugin *p;

  g_return_val_if_fail (FC_IS_PLUGIN_STORE (self) && provider && version, NULL);
  if (!*provider || strchr (provider, '/') || strcmp (provider, "..") == 0
      || strcmp (provider, ".") == 0 || !*version || strchr (version, '/')
      || strcmp (version, "..") == 0 || strcmp (version, ".") == 0)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG,
                   "plugin \"%s\" version \"%s\": expected an id and a version "
                   "without \"/\"",
                   provider, version);
      return NULL;
    }
  key = g_strdup_printf ("%s/%s", provider, version);
  if ((p = g_hash_table_lookup (self->loaded, key)))
    return p;
  for (char **d = self->path; *d; d++)
    {
      g_autofree char *dir = g_build_filename (*d, provider, version, NULL);
      g_autofree char *json = g_build_filename (dir, "plugin.json", NULL);
      if (!g_file_test (json, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!(p = load_package (dir, provider, version, error)))
        return NULL;
      g_hash_table_insert (self->loaded, g_steal_pointer (&key), p);
      return p;
    }
  {
    g_auto (GStrv) versions = fc_plugin_store_list_versions (self, provider);
    g_autofree char *path = g_strjoinv (G_SEARCHPATH_SEPARATOR_S, self->path);
    if (versions[0])
      {
        g_autofree char *list = g_strjoinv (", ", versions);
        g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_UNKNOWN_VERSION,
                     "plugin %s has no version %s installed (installed: %s)",
                     provider, version, list);
      }
    else
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_INSTALLED,
                   "plugin %s is not installed (searched %s)", provider, path);
  }
  return NULL;
}
