/* fc-plugin.c: FcPlugin (a loaded package), the FcPluginContext its module
 * registers through and the FcPluginInterface a plugin requires another
 * by (requirePlugin); the plugin error domain. The store that loads
 * packages is fc-plugin-store.c. */
#include <stdlib.h>
#include <string.h>

#include "fc-plugin-private.h"

/* clang-format off */
G_DEFINE_QUARK (fc-plugin-error, fc_plugin_error)

/* Owned by the store (plugins), the loading module (contexts) and the app
 * (interfaces): a binding's copy is the same pointer, its free nothing. */
static FcPlugin *
plugin_copy (FcPlugin *p)
{
  return p;
}

static void
plugin_free (FcPlugin *p)
{
}

static FcPluginContext *
context_copy (FcPluginContext *c)
{
  return c;
}

static void
context_free (FcPluginContext *c)
{
}

static FcPluginInterface *
interface_copy (FcPluginInterface *i)
{
  return i;
}

static void
interface_free (FcPluginInterface *i)
{
}

G_DEFINE_BOXED_TYPE (FcPlugin, fc_plugin, plugin_copy, plugin_free)
G_DEFINE_BOXED_TYPE (FcPluginContext, fc_plugin_context, context_copy, context_free)
G_DEFINE_BOXED_TYPE (FcPluginInterface, fc_plugin_interface, interface_copy, interface_free)
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

/* ---- FcPlugin ---- */

void
fc_plugin_function_spec_free (gpointer p)
{
  FcPluginFunctionSpec *f = p;
  if (f->destroy)
    f->destroy (f->user_data);
  g_free (f);
}

void
fc_plugin_free (FcPlugin *p)
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

/**
 * fc_plugin_get_provider:
 * @plugin: a plugin
 *
 * The plugin's provider id (`fc-video-recognition`).
 *
 * Returns: (transfer none): the provider id
 */
const char *
fc_plugin_get_provider (FcPlugin *plugin)
{
  return plugin->provider;
}
/**
 * fc_plugin_get_version:
 * @plugin: a plugin
 *
 * The version of the plugin's package that was loaded.
 *
 * Returns: (transfer none): the version
 */
const char *
fc_plugin_get_version (FcPlugin *plugin)
{
  return plugin->version;
}
/**
 * fc_plugin_get_dir:
 * @plugin: a plugin
 *
 * The folder of the plugin's package (`PROVIDER/VERSION/` on the store's
 * search path).
 *
 * Returns: (transfer none) (type filename): the folder
 */
const char *
fc_plugin_get_dir (FcPlugin *plugin)
{
  return plugin->dir;
}

/**
 * fc_plugin_lookup_component:
 * @plugin: a plugin
 * @path: a component path inside the plugin
 *
 * Finds a component class the plugin's module registered.
 *
 * Returns: (transfer none) (nullable): the class the module registered at @path
 */
FcComponentClass *
fc_plugin_lookup_component (FcPlugin *plugin, const char *path)
{
  return g_hash_table_lookup (plugin->components, path);
}

/**
 * fc_plugin_get_public_component:
 * @plugin: a plugin
 * @name: a public component name
 *
 * Maps a public component name to its path inside the plugin, as
 * `publicComponents` in plugin.json does; private components have none.
 *
 * Returns: (nullable): the path plugin.json gives public component @name
 */
const char *
fc_plugin_get_public_component (FcPlugin *plugin, const char *name)
{
  return g_hash_table_lookup (plugin->public, name);
}

/**
 * fc_plugin_get_page:
 * @plugin: a plugin
 * @name: a page name
 *
 * Maps a page name of the plugin (`plugin://ALIAS/PAGE`) to its path, as
 * `pages` in plugin.json does.
 *
 * Returns: (nullable): the path plugin.json gives page @name
 */
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

/**
 * fc_plugin_context_get_provider:
 * @ctx: the context
 *
 * The provider id of the package being loaded.
 *
 * Returns: (transfer none): the provider id
 */
const char *
fc_plugin_context_get_provider (FcPluginContext *ctx)
{
  return ctx->plugin->provider;
}
/**
 * fc_plugin_context_get_version:
 * @ctx: the context
 *
 * The version of the package being loaded.
 *
 * Returns: (transfer none): the version
 */
const char *
fc_plugin_context_get_version (FcPluginContext *ctx)
{
  return ctx->plugin->version;
}
/**
 * fc_plugin_context_get_dir:
 * @ctx: the context
 *
 * The folder of the package being loaded, where its pages and resources
 * are.
 *
 * Returns: (transfer none) (type filename): the folder
 */
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
 *
 * Registers one of the plugin's components by its path inside the package
 * (plugin.json's `publicComponents` make some public).
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
 *
 * Adds a function to the plugin's `main` interface
 * (`requirePlugin(ALIAS).NAME(args)`).
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

/**
 * fc_plugin_context_add_value:
 * @ctx: the context
 * @name: the member name
 * @value: (transfer none): its value
 *
 * Adds a value to the plugin's `main` interface
 * (`requirePlugin(ALIAS).NAME`).
 *
 * A variable of the `main` interface (`world`).
 */
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

/**
 * fc_plugin_interface_get_plugin:
 * @iface: a plugin's `main` interface
 *
 * The plugin whose interface this is.
 *
 * Returns: (transfer none): the plugin
 */
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

/**
 * fc_plugin_interface_list:
 *
 * Lists the names of the interface's functions and values, sorted.
 *
 * Returns: (transfer full): the names of the functions and values, sorted
 */
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

/**
 * fc_plugin_interface_get:
 * @iface: an interface
 * @name: the member name
 *
 * Reads a value of the interface.
 *
 * Returns: (transfer none) (nullable): a variable of the interface
 */
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
 * Calls a function of the interface, as `requirePlugin(ALIAS).NAME(args)`
 * does.
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
