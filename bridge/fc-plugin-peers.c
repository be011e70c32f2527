/* fc-plugin-peers.c: what one plugin reaches of the other plugins its
 * mini-program declares (the end of wechat-plugin-guide-zh.txt). A plugin
 * cannot name another plugin through the mini-program's aliases
 * (`plugin://` is refused inside a plugin), but when the mini-program
 * declares both, its pages may use the other's components and pages
 * through `plugin-private://PROVIDER/PATH`, and its code may require the
 * other's interface (late: from a function or a component, never while
 * the plugins load). A plugin the mini-program does not declare (where
 * the page runs: the main package, or the page's subpackage) is out of
 * reach. */
#include <string.h>

#include "fc-app-private.h"
#include "fc-page-private.h"

#define PREFIX "plugin-private://"

/* ---- what a page is ---- */

void
fc_app_page_set_origin (FcPage *page, Decl *decl, int sub)
{
  g_object_set_data (G_OBJECT (page), "fc-app-page-decl", decl);
  g_object_set_data (G_OBJECT (page), "fc-app-page-subpackage",
                     GINT_TO_POINTER (sub + 1));
}

static Decl *
page_decl (FcPage *page)
{
  return page ? g_object_get_data (G_OBJECT (page), "fc-app-page-decl") : NULL;
}

static int
page_subpackage (FcPage *page)
{
  return GPOINTER_TO_INT (
             g_object_get_data (G_OBJECT (page), "fc-app-page-subpackage"))
         - 1;
}

/* ---- finding the other plugin ---- */

/* The declaration of plugin @provider visible from @sub: declared by the
 * main package, or by subpackage @sub. By provider id only: the aliases
 * are the mini-program's names, which a plugin does not know. */
static Decl *
peer_decl (FcApp *app, const char *provider, int sub, const char *at,
           GError **error)
{
  Decl *elsewhere = NULL;

  for (guint i = 0; i < app->decls->len; i++)
    {
      Decl *d = g_ptr_array_index (app->decls, i);

      if (!g_str_equal (fc_plugin_get_provider (d->plugin), provider))
        continue;
      if (d->subpackage == -1 || d->subpackage == sub)
        return d;
      elsewhere = d;
    }
  if (elsewhere)
    g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_OUTSIDE_SUBPACKAGE,
                 "%s: plugin %s is declared by subpackage \"%s\" (%s) and is "
                 "reachable only from its pages",
                 at, provider,
                 (char *)g_ptr_array_index (app->roots, elsewhere->subpackage),
                 elsewhere->where);
  else
    g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_UNDECLARED_ALIAS,
                 "%s: plugin %s is not declared by the mini-program (app.json "
                 "\"plugins\"%s); a plugin reaches only the plugins its "
                 "mini-program declares",
                 at, provider, sub >= 0 ? " or this subpackage's" : "");
  return NULL;
}

/* Splits plugin-private://PROVIDER/PATH (both parts non-empty). */
static gboolean
split_url (const char *url, char **provider, const char **path, const char *at,
           GError **error)
{
  const char *p = url + strlen (PREFIX);
  const char *slash = strchr (p, '/');

  if (!slash || slash == p || !slash[1])
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG,
                   "%s: \"%s\": expected plugin-private://PROVIDER/PATH", at,
                   url);
      return FALSE;
    }
  *provider = g_strndup (p, slash - p);
  *path = slash + 1;
  return TRUE;
}

/* @from itself, or the plugin @provider declared where @sub sees it */
static Decl *
target_decl (FcApp *app, Decl *from, const char *provider, int sub,
             const char *at, GError **error)
{
  if (g_str_equal (provider, fc_plugin_get_provider (from->plugin)))
    return from;
  return peer_decl (app, provider, sub, at, error);
}

FcComponentClass *
fc_app_resolve_plugin_private (FcApp *app, Decl *from, int sub, const char *url,
                               const char *at, GError **error)
{
  g_autofree char *provider = NULL, *norm = NULL;
  const char *path;
  FcComponentClass *k;
  Decl *d;

  if (!split_url (url, &provider, &path, at, error))
    return NULL;
  if (!(d = target_decl (app, from, provider, sub, at, error)))
    return NULL;
  if (!(norm = fc_path_confine (fc_plugin_get_dir (d->plugin), NULL, path,
                                FALSE, at, "component", error)))
    return NULL;
  k = fc_plugin_lookup_component (d->plugin, norm);
  if (!k)
    g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_FOUND,
                 "%s: plugin %s registers no component at \"%s\"", at,
                 fc_plugin_get_provider (d->plugin), norm);
  return k;
}

FcComponentClass *
fc_app_refuse_plugin_url (Decl *from, const char *url, const char *at,
                          GError **error)
{
  g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_PLUGIN_URL_IN_PLUGIN,
               "%s: \"%s\": plugin:// is the mini-program's way to name a "
               "plugin (by its alias) and does not work inside plugin %s; "
               "use plugin-private://PROVIDER/PATH "
               "(plugin-private://%s/PATH for its own)",
               at, url, fc_plugin_get_provider (from->plugin),
               fc_plugin_get_provider (from->plugin));
  return NULL;
}

/* ---- pages ---- */

/* Where a navigation from @from to @url leads, by the rules of the page
 * navigating (see fc_app_load_page_from() in fc-app-page.c): *@target is
 * the `plugin://ALIAS/PAGE` a `plugin-private://` url names, or %NULL when
 * @url is loaded as it is; FALSE with @error set when it is refused. */
gboolean
fc_app_page_target (FcApp *self, FcPage *from, const char *url, char **target,
                    GError **error)
{
  Decl *origin = page_decl (from);
  g_autofree char *provider = NULL, *name = NULL;
  const char *path;
  GHashTableIter iter;
  gpointer key, value;
  Decl *d;

  *target = NULL;
  if (!g_str_has_prefix (url, PREFIX))
    {
      if (origin && g_str_has_prefix (url, "plugin://"))
        {
          fc_app_refuse_plugin_url (origin, url, url, error);
          return FALSE;
        }
      return TRUE;
    }
  if (!origin)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_PRIVATE,
                   "%s: plugin-private:// works only inside a plugin; the "
                   "mini-program opens a plugin's page as plugin://ALIAS/PAGE",
                   url);
      return FALSE;
    }
  if (!split_url (url, &provider, &path, url, error)
      || !(d = target_decl (self, origin, provider, page_subpackage (from), url,
                            error)))
    return FALSE;
  /* a name of plugin.json `pages`, or the path it names */
  if (fc_plugin_get_page (d->plugin, path))
    name = g_strdup (path);
  g_hash_table_iter_init (&iter, d->plugin->pages);
  while (!name && g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_equal (value, path))
      name = g_strdup (key);
  if (!name)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NO_SUCH_PAGE,
                   "%s: \"%s\" is not one of the pages of plugin %s %s "
                   "(pages in its plugin.json)",
                   url, path, fc_plugin_get_provider (d->plugin),
                   fc_plugin_get_version (d->plugin));
      return FALSE;
    }
  *target = g_strdup_printf ("plugin://%s/%s", d->alias, name);
  return TRUE;
}

/* ---- requirePlugin from a plugin's code ---- */

/**
 * fc_plugin_interface_require_plugin:
 * @iface: the interface of the plugin whose function is running (its
 *   first argument)
 * @provider: the other plugin's provider id (a plugin does not know the
 *   mini-program's aliases)
 * @error: return location for an error
 *
 * `requirePlugin()` inside a plugin: the `main` interface of another plugin
 * the mini-program declares where @iface's plugin is declared (the main
 * package's; for a plugin declared by a subpackage, that subpackage's
 * too), or @iface itself for its own provider. Call it late, when a
 * function runs, never from `fc_plugin_register` (the other plugin may
 * not be loaded yet; no API offers it there). A plugin the mini-program
 * does not declare is %FC_PLUGIN_ERROR_UNDECLARED_ALIAS.
 *
 * Returns: (transfer none) (nullable): the interface, valid while the app
 *   lives
 */
FcPluginInterface *
fc_plugin_interface_require_plugin (FcPluginInterface *iface,
                                    const char *provider, GError **error)
{
  g_autofree char *at = NULL;
  Decl *d;

  g_return_val_if_fail (iface != NULL && provider != NULL, NULL);
  if (g_str_equal (provider, fc_plugin_get_provider (iface->plugin)))
    return iface;
  at = g_strdup_printf ("requirePlugin(\"%s\") in plugin %s", provider,
                        fc_plugin_get_provider (iface->plugin));
  if (!iface->app)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_UNDECLARED_ALIAS,
                   "%s: no mini-program declares this plugin", at);
      return NULL;
    }
  d = peer_decl (iface->app, provider, iface->subpackage, at, error);
  return d ? &d->iface : NULL;
}

/**
 * fc_element_require_plugin:
 * @element: a plugin component's element, or its handle
 * @provider: the other plugin's provider id
 * @error: return location for an error
 *
 * `requirePlugin()` from a plugin's component (its methods, its connect
 * hook: the platform's "when the component is attached"): the `main`
 * interface of plugin @provider, which the mini-program must declare
 * where the element's page runs (the main package, or the page's
 * subpackage); the component's own plugin's for its own provider.
 *
 * Returns: (transfer none) (nullable): the interface, valid while the app
 *   lives
 */
FcPluginInterface *
fc_element_require_plugin (FcElement *element, const char *provider,
                           GError **error)
{
  g_autofree char *at = NULL;
  FcElement *el;
  FcPlugin *own;
  FcApp *app;
  int sub;
  Decl *d;

  g_return_val_if_fail (element != NULL && provider != NULL, NULL);
  el = fc_element_resolve (element);
  own = el && el->klass ? fc_component_class_get_data (el->klass, "fc-plugin")
                        : NULL;
  app = el && el->page ? fc_app_from_page (el->page) : NULL;
  at = g_strdup_printf ("requirePlugin(\"%s\") in plugin %s", provider,
                        own ? fc_plugin_get_provider (own) : "(none)");
  if (!own || !app)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_FOUND, "%s: %s",
                   at,
                   !el    ? "the element is gone"
                   : !own ? "the element is not a plugin's component"
                          : "the page was loaded without an app");
      return NULL;
    }
  sub = page_subpackage (el->page);
  d = peer_decl (app, provider, sub, at, error);
  return d ? &d->iface : NULL;
}
