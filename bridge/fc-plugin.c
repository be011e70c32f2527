/* fc-plugin.c: the installed-plugin store (PROVIDER/VERSION/ packages with
 * plugin.json, doc/README.md and a native module), plugin.json loading,
 * registration contexts and plugin interfaces (requirePlugin). */
#include <stdlib.h>
#include <string.h>
#include <gmodule.h>

#include "fc-plugin-private.h"

/* clang-format off */
G_DEFINE_QUARK (fc-plugin-error, fc_plugin_error)
/* clang-format on */

const char *
fc_plugin_error_code_to_string (int code)
{
  static const char *const names[] = {
    "bad-json",           "bad-config",    "not-installed",
    "unknown-version",    "bad-package",   "undeclared-alias",
    "not-public",         "no-such-page",  "duplicate-subpackage",
    "outside-subpackage", "escaping-path", "unknown-function",
    "not-found",          "private",       "bad-setting",
    "plugin-url-in-plugin",
  };
  return code >= 0 && code < (int)G_N_ELEMENTS (names) ? names[code] : "failed";
}

/* ---- JSON and path helpers ---- */

FcValue *
fc_json_load (const char *text, const char *name, GError **error)
{
  g_autoptr (GError) local = NULL;
  FcValue *v = fc_value_from_json (text, &local);
  if (!v)
    {
      /* fc_value_from_json says "LINE:COL: malformed JSON" */
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_JSON,
                   "%s:%s; expected a JSON object", name, local->message);
      return NULL;
    }
  if (fc_value_get_kind (v) != FC_VALUE_OBJECT)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG,
                   "%s:1:1: expected a JSON object, got %s", name,
                   fc_value_type_name (v));
      fc_value_unref (v);
      return NULL;
    }
  return v;
}

char *
fc_json_where (const char *text, const char *name, const char *needle)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", needle);
  const char *at = text ? strstr (text, quoted) : NULL;
  int line = 1, col = 1;
  if (!at)
    return g_strdup (name);
  fc_advance_position (text, at - text, &line, &col);
  return g_strdup_printf ("%s:%d:%d", name, line, col);
}

char *
fc_path_confine (const char *root, const char *base_dir, const char *rel,
                 gboolean allow_dotdot, const char *where, const char *what,
                 GError **error)
{
  g_autoptr (GPtrArray) segs = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) parts = NULL;
  g_autofree char *joined = NULL, *full = NULL, *probe = NULL,
                  *real_root = NULL, *real = NULL;

  if (!rel || !*rel)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG,
                   "%s: %s is empty; expected a relative path", where, what);
      return NULL;
    }
  if (rel[0] == '/' || g_path_is_absolute (rel) || strchr (rel, '\\'))
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_ESCAPING_PATH,
                   "%s: %s \"%s\" is absolute; expected a path relative to %s",
                   where, what, rel, root);
      return NULL;
    }
  joined = base_dir && *base_dir ? g_strconcat (base_dir, "/", rel, NULL)
                                 : g_strdup (rel);
  parts = g_strsplit (joined, "/", -1);
  for (char **p = parts; *p; p++)
    {
      if (!**p || strcmp (*p, ".") == 0)
        continue;
      if (strcmp (*p, "..") == 0)
        {
          if (!allow_dotdot || segs->len == 0)
            {
              g_set_error (error, FC_PLUGIN_ERROR,
                           FC_PLUGIN_ERROR_ESCAPING_PATH,
                           "%s: %s \"%s\" leaves %s through \"..\"; expected a "
                           "path inside it",
                           where, what, rel, root);
              return NULL;
            }
          g_ptr_array_remove_index (segs, segs->len - 1);
          continue;
        }
      g_ptr_array_add (segs, g_strdup (*p));
    }
  g_ptr_array_add (segs, NULL);
  g_free (joined);
  joined = g_strjoinv ("/", (char **)segs->pdata);

  /* symlinks: walking down from the root, no existing prefix may resolve
   * outside it; the error names the first that does (the link to blame,
   * whatever exists beyond it) */
  real_root = realpath (root, NULL);
  full = g_strdup (root);
  for (guint i = 0; real_root && i + 1 < segs->len; i++)
    {
      probe = g_build_filename (full, g_ptr_array_index (segs, i), NULL);
      g_free (full);
      full = g_steal_pointer (&probe);
      if (!g_file_test (full, G_FILE_TEST_EXISTS))
        break;
      real = realpath (full, NULL);
      if (real
          && !(g_str_equal (real, real_root)
               || (g_str_has_prefix (real, real_root)
                   && real[strlen (real_root)] == '/')))
        {
          g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_ESCAPING_PATH,
                       "%s: %s \"%s\" goes through a symlink to %s, outside %s; "
                       "expected a path inside it",
                       where, what, rel, real, root);
          free (real);
          free (real_root);
          real = real_root = NULL;
          return NULL;
        }
      free (real);
      real = NULL;
    }
  free (real);
  free (real_root);
  real = real_root = NULL;
  return g_steal_pointer (&joined);
}

/* ---- FcPlugin ---- */

static void
function_spec_free (gpointer p)
{
  FcPluginFunctionSpec *f = p;
  if (f->destroy)
    f->destroy (f->user_data);
  g_free (f);
}

static void
plugin_free (FcPlugin *p)
{
  g_free (p->provider);
  g_free (p->version);
  g_free (p->dir);
  g_free (p->json_name);
  g_free (p->json_text);
  g_hash_table_unref (p->public);
  g_hash_table_unref (p->pages);
  g_free (p->main);
  g_hash_table_unref (p->components);
  g_hash_table_unref (p->functions);
  g_hash_table_unref (p->values);
  g_hash_table_unref (p->page_scopes);
  g_free (p);
}

const char *
fc_plugin_get_provider (FcPlugin *plugin)
{
  return plugin->provider;
}
const char *
fc_plugin_get_version (FcPlugin *plugin)
{
  return plugin->version;
}
const char *
fc_plugin_get_dir (FcPlugin *plugin)
{
  return plugin->dir;
}

/** fc_plugin_lookup_component: Returns: (transfer none) (nullable): the class
 * the module registered at @path */
FcComponentClass *
fc_plugin_lookup_component (FcPlugin *plugin, const char *path)
{
  return g_hash_table_lookup (plugin->components, path);
}

/** fc_plugin_get_public_component: Returns: (nullable): the path plugin.json
 * gives public component @name */
const char *
fc_plugin_get_public_component (FcPlugin *plugin, const char *name)
{
  return g_hash_table_lookup (plugin->public, name);
}

/** fc_plugin_get_page: Returns: (nullable): the path plugin.json gives page
 * @name */
const char *
fc_plugin_get_page (FcPlugin *plugin, const char *name)
{
  return g_hash_table_lookup (plugin->pages, name);
}

FcCallbackScope *
fc_plugin_get_page_scope (FcPlugin *plugin, const char *path)
{
  return g_hash_table_lookup (plugin->page_scopes, path);
}

/* ---- registration context ---- */

const char *
fc_plugin_context_get_provider (FcPluginContext *ctx)
{
  return ctx->plugin->provider;
}
const char *
fc_plugin_context_get_version (FcPluginContext *ctx)
{
  return ctx->plugin->version;
}
const char *
fc_plugin_context_get_dir (FcPluginContext *ctx)
{
  return ctx->plugin->dir;
}

/**
 * fc_plugin_context_add_component:
 * @ctx: the package being loaded
 * @path: the component's path inside the package, as plugin.json's
 *   `publicComponents` names it (e.g. `components/keyboard`); a component
 *   not listed there is private to the plugin (`plugin-private://`)
 * @klass: its class; marked as a plugin's (`fc-plugin` data), so that
 *   fc_page_select_component() refuses it
 */
void
fc_plugin_context_add_component (FcPluginContext *ctx, const char *path,
                                 FcComponentClass *klass)
{
  g_return_if_fail (ctx && path && klass);
  fc_component_class_set_data (klass, "fc-plugin", ctx->plugin, NULL);
  g_hash_table_replace (ctx->plugin->components, g_strdup (path),
                        fc_component_class_ref (klass));
}

/**
 * fc_plugin_context_add_function:
 * @ctx: the package being loaded
 * @name: the function's name in the `main` interface
 * @func: the function
 * @user_data: its data
 * @destroy: (nullable): frees @user_data (never: modules stay resident)
 */
void
fc_plugin_context_add_function (FcPluginContext *ctx, const char *name,
                                FcPluginFunction func, gpointer user_data,
                                GDestroyNotify destroy)
{
  FcPluginFunctionSpec *f = g_new0 (FcPluginFunctionSpec, 1);
  f->func = func;
  f->user_data = user_data;
  f->destroy = destroy;
  g_hash_table_replace (ctx->plugin->functions, g_strdup (name), f);
}

/** fc_plugin_context_add_value: a variable of the `main` interface (`world`) */
void
fc_plugin_context_add_value (FcPluginContext *ctx, const char *name,
                             FcValue *value)
{
  g_hash_table_replace (ctx->plugin->values, g_strdup (name),
                        fc_value_ref (value));
}

/**
 * fc_plugin_context_add_page_callback:
 * @ctx: the package being loaded
 * @page: the page's path inside the package, as plugin.json's `pages`
 *   gives it (e.g. `pages/hello-page`)
 * @name: the handler name the page's markup uses (`bindtap="onTap"`)
 * @callback: (scope notified): the function
 * @user_data: its data
 * @destroy: (nullable): frees @user_data (never: modules stay resident)
 *
 * Registers a handler of one of the plugin's pages, as
 * fc_callback_scope_add_callback() does for a host's: the events of that
 * page, mounted with fc_app_load_page() (`plugin://ALIAS/PAGE`), call the
 * handlers its plugin registered for it and nothing else: a name the
 * plugin did not register is reported as an unknown handler (the page's
 * `warning`), never looked up among the host's handlers. The page an
 * event comes from is fc_element_get_page() of its target, where a
 * handler may keep per-page state (g_object_set_data()).
 *
 * Loading the package fails when @page is not one of its `pages`.
 */
void
fc_plugin_context_add_page_callback (FcPluginContext *ctx, const char *page,
                                     const char *name, FcEventCallback callback,
                                     gpointer user_data, GDestroyNotify destroy)
{
  FcCallbackScope *scope;

  g_return_if_fail (ctx && page && name && callback);
  scope = g_hash_table_lookup (ctx->plugin->page_scopes, page);
  if (!scope)
    {
      scope = fc_callback_scope_new ();
      g_hash_table_insert (ctx->plugin->page_scopes, g_strdup (page), scope);
    }
  fc_callback_scope_add_callback (scope, name, callback, user_data, destroy);
}

/* ---- interfaces ---- */

FcPlugin *
fc_plugin_interface_get_plugin (FcPluginInterface *iface)
{
  return iface->plugin;
}

static int
name_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/** fc_plugin_interface_list: Returns: (transfer full): the names of the
 * functions and values, sorted */
char **
fc_plugin_interface_list (FcPluginInterface *iface)
{
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init (&it, iface->plugin->functions);
  while (g_hash_table_iter_next (&it, &k, NULL))
    g_ptr_array_add (names, g_strdup (k));
  g_hash_table_iter_init (&it, iface->plugin->values);
  while (g_hash_table_iter_next (&it, &k, NULL))
    g_ptr_array_add (names, g_strdup (k));
  g_ptr_array_sort (names, name_cmp);
  g_ptr_array_add (names, NULL);
  return (char **)g_ptr_array_free (names, FALSE);
}

/** fc_plugin_interface_get: Returns: (transfer none) (nullable): a variable of
 * the interface */
FcValue *
fc_plugin_interface_get (FcPluginInterface *iface, const char *name)
{
  return g_hash_table_lookup (iface->plugin->values, name);
}

/**
 * fc_plugin_interface_call:
 * @iface: from fc_app_require_plugin()
 * @name: a function of the plugin's `main` interface
 * @args: (nullable): its argument
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the result
 */
FcValue *
fc_plugin_interface_call (FcPluginInterface *iface, const char *name,
                          FcValue *args, GError **error)
{
  FcPluginFunctionSpec *f;
  g_return_val_if_fail (iface && name, NULL);
  f = g_hash_table_lookup (iface->plugin->functions, name);
  if (!f)
    {
      g_auto (GStrv) names = fc_plugin_interface_list (iface);
      g_autofree char *list = g_strjoinv (", ", names);
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_UNKNOWN_FUNCTION,
                   "plugin %s %s has no function \"%s\" in its main interface "
                   "(it has: %s)",
                   iface->plugin->provider, iface->plugin->version, name,
                   *list ? list : "nothing");
      return NULL;
    }
  return f->func (iface, args, f->user_data, error);
}

/**
 * fc_plugin_interface_require_mini_program:
 * @iface: the interface a plugin function was called through
 *
 * What the host exported to this plugin (`export` in its declaration):
 * the JSON value of that file, shared with every plugin exporting the
 * same file; an empty object when nothing was exported.
 *
 * Returns: (transfer none): the export
 */
FcValue *
fc_plugin_interface_require_mini_program (FcPluginInterface *iface)
{
  return iface->exported;
}

/* ---- the store ---- */

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
                                        (GDestroyNotify)plugin_free);
}

/**
 * fc_plugin_store_new_for_path:
 * @dirs: the directories to search, first first
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
 * (colon-separated), then `DATADIR/fc-platform/plugins`, then the build
 * tree's `plugins/`.
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
  g_strv_builder_add (b, FC_PLUGIN_INSTALL_DIR);
  g_strv_builder_add (b, FC_PLUGIN_BUILD_DIR);
  dirs = g_strv_builder_end (b);
  return fc_plugin_store_new_for_path ((const char *const *)dirs);
}

/** fc_plugin_store_get_path: Returns: (transfer none): the search path */
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
                                        function_spec_free);
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
      if (!g_hash_table_contains (p->components, v))
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
  plugin_free (p);
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
