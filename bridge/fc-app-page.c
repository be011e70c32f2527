/* fc-app-page.c: an app's pages: loading a host page or a plugin's page
 * (plugin://ALIAS/PAGE), and the resolver each page gets for its tags
 * (plugin://, plugin-private://, abstract nodes). */
#include <string.h>

#include "fc-app-private.h"
#include "fc-page-files-private.h"
#include "fc-wxs.h"

typedef struct
{
  FcApp *app;
  char *page_path; /* host: `packageA/pages/cat`; plugin: path in the package */
  char *json_name;
  GBytes *json_text; /* (nullable) */
  FcValue *page_json;
  int subpackage;
  Decl *decl;        /* a plugin page: its declaration */
  char *plugin_page; /* its name in plugin.json `pages` */
  char *local_path;  /* a plugin page: its path inside the package */
} PageCtx;

static void
page_ctx_free (gpointer p)
{
  PageCtx *c = p;
  g_object_unref (c->app);
  g_free (c->page_path);
  g_free (c->json_name);
  g_clear_pointer (&c->json_text, g_bytes_unref);
  g_clear_pointer (&c->page_json, fc_value_unref);
  g_free (c->plugin_page);
  g_free (c->local_path);
  g_free (c);
}

static char *
ctx_where (PageCtx *c, const char *path, FcPage *page, int line, int col)
{
  const char *json = c->json_text ? g_bytes_get_data (c->json_text, NULL) : NULL;

  if (json && path && strstr (json, path))
    return fc_json_where (json, c->json_name, path);
  return g_strdup_printf ("%s.fxml:%d:%d", c->page_path, line, col);
}

static FcComponentClass *
public_component (Decl *d, const char *name, const char *at, GError **error)
{
  const char *cpath = fc_plugin_get_public_component (d->plugin, name);
  FcComponentClass *k;
  if (!cpath)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_PUBLIC,
                   "%s: \"%s\" is not a public component of plugin %s %s "
                   "(publicComponents in its plugin.json)",
                   at, name, fc_plugin_get_provider (d->plugin),
                   fc_plugin_get_version (d->plugin));
      return NULL;
    }
  k = fc_plugin_lookup_component (d->plugin, cpath);
  g_assert (k); /* checked when the package was loaded */
  return k;
}

static FcComponentClass *
resolve_host (FcPage *page, const char *tag, const char *path, int line,
              int col, gpointer user_data, GError **error)
{
  PageCtx *c = user_data;
  g_autofree char *at = NULL;

  if (!path)
    return NULL;
  if (g_str_has_prefix (path, "plugin://"))
    {
      const char *alias = path + strlen ("plugin://");
      const char *slash = strchr (alias, '/');
      g_autofree char *a = slash ? g_strndup (alias, slash - alias) : NULL;
      Decl *d;
      at = ctx_where (c, path, page, line, col);
      if (!a || !slash[1])
        {
          g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG,
                       "%s: \"%s\": expected plugin://ALIAS/COMPONENT", at,
                       path);
          return NULL;
        }
      if (!(d = fc_app_find_decl (c->app, a, c->subpackage, FALSE, at, error)))
        return NULL;
      return public_component (d, slash + 1, at, error);
    }
  if (g_str_has_prefix (path, "plugin-private://"))
    {
      at = ctx_where (c, path, page, line, col);
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_PRIVATE,
                   "%s: \"%s\": plugin-private:// works only inside the plugin "
                   "itself; a host page uses plugin://ALIAS/NAME",
                   at, path);
      return NULL;
    }
  return NULL;
}

static FcComponentClass *
resolve_in_plugin (FcPage *page, const char *tag, const char *path, int line,
                   int col, gpointer user_data, GError **error)
{
  PageCtx *c = user_data;
  FcPlugin *plugin = c->decl->plugin;
  FcValue *generics
      = c->page_json ? fc_value_object_get (c->page_json, "componentGenerics")
                     : NULL;
  FcValue *abstract
      = generics && fc_value_get_kind (generics) == FC_VALUE_OBJECT
            ? fc_value_object_get (generics, tag)
            : NULL;
  g_autofree char *at = NULL, *norm = NULL, *dir = NULL;
  FcComponentClass *k;

  if (abstract)
    {
      /* an abstract node: the host's genericsImplementation, else the default
       */
      FcValue *impl
          = c->decl->generics
                ? fc_value_object_get (c->decl->generics, c->plugin_page)
                : NULL;
      FcValue *v = impl && fc_value_get_kind (impl) == FC_VALUE_OBJECT
                       ? fc_value_object_get (impl, tag)
                       : NULL;
      FcValue *def = fc_value_get_kind (abstract) == FC_VALUE_OBJECT
                         ? fc_value_object_get (abstract, "default")
                         : NULL;
      at = g_strdup_printf ("%s.fxml:%d:%d", c->page_path, line, col);
      /* no host implementation: the plugin's default, a path of its own */
      if ((!v || fc_value_get_kind (v) != FC_VALUE_STRING) && def
          && fc_value_get_kind (def) == FC_VALUE_STRING)
        return resolve_in_plugin (page, fc_value_get_string (def),
                                  fc_value_get_string (def), line, col,
                                  user_data, error);
      if (!v || fc_value_get_kind (v) != FC_VALUE_STRING)
        {
          g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG,
                       "%s: abstract node <%s> of plugin page \"%s\" has no "
                       "implementation; expected "
                       "genericsImplementation.%s.%s in the declaration at %s",
                       at, tag, c->plugin_page, c->plugin_page, tag,
                       c->decl->where);
          return NULL;
        }
      k = fc_registry_lookup_component (fc_page_get_registry (page),
                                        fc_value_get_string (v));
      if (!k)
        g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_FOUND,
                     "%s: abstract node <%s> is implemented by \"%s\", which "
                     "the host registers no component at",
                     at, tag, fc_value_get_string (v));
      return k;
    }
  if (!path)
    return NULL;
  at = ctx_where (c, path, page, line, col);
  /* this plugin's components, or those of another plugin the
   * mini-program declares (fc-plugin-peers.c) */
  if (g_str_has_prefix (path, "plugin-private://"))
    return fc_app_resolve_plugin_private (c->app, c->decl, c->subpackage, path,
                                          at, error);
  if (g_str_has_prefix (path, "plugin://"))
    return fc_app_refuse_plugin_url (c->decl, path, at, error);
  dir = path[0] == '/' ? NULL : g_path_get_dirname (c->local_path);
  if (!(norm = fc_path_confine (fc_plugin_get_dir (plugin),
                                dir && strcmp (dir, ".") ? dir : NULL,
                                path[0] == '/' ? path + 1 : path, TRUE, at,
                                "component", error)))
    return NULL;
  k = fc_plugin_lookup_component (plugin, norm);
  if (!k)
    g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_FOUND,
                 "%s: plugin %s registers no component at \"%s\"", at,
                 fc_plugin_get_provider (plugin), norm);
  return k;
}

/* How a page reads its own JSON and markup (through its app's files,
 * fc-file-cache.c, as every reader of them): each confined to the app's
 * root or the plugin's package, its folders with it (they may be
 * symlinks out), with the page's messages (@data: the file as they name
 * it). One confinement per file, as every reader's: the text an app
 * keeps is the same whoever read it first (an `<include>` may read a
 * page's JSON before the page). */
static char *
read_page_file (const char *root, const char *path, gpointer data, GError **error)
{
  const char *name = data;
  g_autofree char *file = NULL, *full = NULL;
  g_autoptr (GError) local = NULL;
  char *text;

  /* its folders and the file itself may be symlinks out */
  if (!(file = fc_path_confine (root, NULL, path, FALSE, name, "page", error)))
    return NULL;
  full = g_strdup_printf ("%s/%s", root, path);
  if (!g_file_test (full, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND, "no file %s", path);
      return NULL;
    }
  if (!g_file_get_contents (full, &text, NULL, &local))
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_FOUND, "%s", local->message);
      return NULL;
    }
  return text;
}

/* @c freed, for a page that does not load */
static gboolean
page_ctx_fail (FcApp *self, PageCtx *c)
{
  c->app = g_object_ref (self);
  page_ctx_free (c);
  return FALSE;
}

static gboolean
load_with (FcApp *self, FcPage *page, PageCtx *c, GBytes *page_json,
           const char *fxml, const char *fxml_name, FcValue *data,
           GError **error)
{
  const char *json = page_json ? g_bytes_get_data (page_json, NULL) : NULL;
  GError *local = NULL;
  gboolean ok;
  c->app = g_object_ref (self);
  c->json_text = page_json ? g_bytes_ref (page_json) : NULL;
  if (json && !(c->page_json = fc_json_load (json, c->json_name, error)))
    {
      page_ctx_free (c);
      return FALSE;
    }
  g_object_set_data_full (G_OBJECT (page), "fc-app", g_object_ref (self),
                          g_object_unref);
  fc_app_page_set_origin (page, c->decl, c->subpackage);
  /* a plugin page's events call its plugin's handlers only, never the
   * host's (an empty scope when the plugin registered none) */
  if (c->decl)
    {
      FcCallbackScope *own
          = fc_plugin_get_page_scope (c->decl->plugin, c->local_path);
      g_autoptr (FcCallbackScope) none = own ? NULL : fc_callback_scope_new ();
      fc_page_set_plugin_scope (page, own ? own : none);
    }
  else
    fc_page_set_plugin_scope (page, NULL);
  fc_page_set_resolver (page, c->decl ? resolve_in_plugin : resolve_host, c,
                        page_ctx_free);
  fc_page_set_file_cache (page, self->files);
  /* <wxs src> and require() read the plugin's files, or the app's */
  if (c->decl)
    {
      g_autofree char *in_package = g_strdup_printf ("%s.fxml", c->local_path);
      fc_page_set_root (page, fc_plugin_get_dir (c->decl->plugin), in_package);
    }
  else
    fc_page_set_root (page, self->dir, NULL);
  ok = fc_page_load (page, c->decl ? NULL : self->json_text, json, fxml,
                     fxml_name, data, &local);
  if (!ok)
    g_propagate_error (error, local);
  return ok;
}

/**
 * fc_app_load_page_text:
 * @self: an app
 * @page: an empty page
 * @page_path: the page (`pages/kb/kb`, `packageA/pages/cat`), which decides
 *   its subpackage
 * @page_json: (nullable): its JSON text
 * @fxml: its markup
 * @data: (nullable): its data
 * @error: return location for an error
 *
 * fc_app_load_page() with the files given as text (replay's inline cases).
 *
 * Returns: whether the page mounted
 */
gboolean
fc_app_load_page_text (FcApp *self, FcPage *page, const char *page_path,
                       const char *page_json, const char *fxml, FcValue *data,
                       GError **error)
{
  PageCtx *c = g_new0 (PageCtx, 1);
  g_autofree char *fxml_name = g_strdup_printf ("%s.fxml", page_path);
  g_autoptr (GBytes) json = page_json ? g_bytes_new (page_json, strlen (page_json) + 1) : NULL;
  c->page_path = g_strdup (page_path);
  c->json_name = g_strdup_printf ("%s.json", page_path);
  c->subpackage = fc_app_subpackage_of (self, page_path);
  return load_with (self, page, c, json, fxml, fxml_name, data, error);
}

/**
 * fc_app_load_page:
 * @self: an app
 * @page: an empty page (fc_page_new())
 * @page_path: a page of the app (`pages/kb/kb`), or a plugin's page as a
 *   navigator url or host navigation names it (`plugin://ALIAS/PAGE`,
 *   which must be in that plugin's `pages`)
 * @data: (nullable): the initial data
 * @error: return location for a %FC_PLUGIN_ERROR or %FC_BRIDGE_ERROR error
 *
 * Reads the page's `.json` and `.fxml` (confined to the app's root or the
 * plugin's package) and mounts it with the app's plugin rules. A plugin's
 * page calls only the handlers its plugin registered for it
 * (fc_plugin_context_add_page_callback()), not those of @page's scope,
 * whose observer (fc_callback_scope_set_observer()) still sees the calls.
 *
 * The app reads each file of its mini-program (a page's, a component's,
 * an imported template's, a WXS module's) once, the first time a page
 * needs it, and keeps its text for the app's life: a mini-program's
 * package does not change under a running app, as on the platform. To
 * show files edited since, make a new #FcApp.
 *
 * Returns: whether the page mounted
 */
gboolean
fc_app_load_page (FcApp *self, FcPage *page, const char *page_path,
                  FcValue *data, GError **error)
{
  g_autofree char *norm = NULL, *json_path = NULL, *fxml_path = NULL;
  g_autofree char *fxml_name = NULL;
  g_autoptr (GBytes) json = NULL, fxml = NULL;
  g_autoptr (GError) local = NULL;
  const char *root;
  PageCtx *c;

  g_return_val_if_fail (FC_IS_APP (self) && FC_IS_PAGE (page) && page_path,
                        FALSE);
  /* refused: only a plugin's page navigates that way */
  if (g_str_has_prefix (page_path, "plugin-private://"))
    return fc_app_load_page_from (self, page, NULL, page_path, data, error);
  c = g_new0 (PageCtx, 1);
  if (g_str_has_prefix (page_path, "plugin://"))
    {
      const char *alias = page_path + strlen ("plugin://");
      const char *slash = strchr (alias, '/');
      g_autofree char *a
          = slash ? g_strndup (alias, slash - alias) : g_strdup (alias);
      const char *ppath;
      Decl *d = NULL;
      for (guint i = 0; i < self->decls->len && !d; i++)
        if (g_str_equal (((Decl *)g_ptr_array_index (self->decls, i))->alias,
                         a))
          d = g_ptr_array_index (self->decls, i);
      if (!d)
        {
          fc_app_find_decl (self, a, -1, FALSE, page_path, error);
          g_free (c);
          return FALSE;
        }
      if (!slash || !(ppath = fc_plugin_get_page (d->plugin, slash + 1)))
        {
          g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NO_SUCH_PAGE,
                       "%s: \"%s\" is not one of the pages of plugin %s %s "
                       "(pages in its plugin.json)",
                       page_path, slash ? slash + 1 : "",
                       fc_plugin_get_provider (d->plugin),
                       fc_plugin_get_version (d->plugin));
          g_free (c);
          return FALSE;
        }
      c->decl = d;
      c->plugin_page = g_strdup (slash + 1);
      c->local_path = g_strdup (ppath);
      c->subpackage = d->subpackage;
      norm = g_strdup (ppath);
      root = fc_plugin_get_dir (d->plugin);
      c->page_path
          = g_strdup_printf ("%s/%s/%s", fc_plugin_get_provider (d->plugin),
                             fc_plugin_get_version (d->plugin), ppath);
    }
  else
    {
      /* its folders are confined with each of its files (read_page_file()) */
      if (!(norm = fc_path_normalize (self->dir, NULL, page_path, FALSE,
                                      page_path, "page", error)))
        {
          g_free (c);
          return FALSE;
        }
      root = self->dir;
      c->page_path = g_strdup (norm);
      c->subpackage = fc_app_subpackage_of (self, norm);
    }
  c->json_name = g_strdup_printf ("%s.json", c->page_path);
  fxml_name = g_strdup_printf ("%s.fxml", c->page_path);
  json_path = g_strdup_printf ("%s.json", norm);
  fxml_path = g_strdup_printf ("%s.fxml", norm);
  /* read once for the app's life, as every file of it (fc-file-cache.c) */
  json = fc_file_cache_read (self->files, root, json_path, read_page_file, c->json_name, &local);
  if (!json && !g_error_matches (local, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return page_ctx_fail (self, c);
    }
  g_clear_error (&local);
  if (!(fxml = fc_file_cache_read (self->files, root, fxml_path, read_page_file, fxml_name, &local)))
    {
      if (g_error_matches (local, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND)
          || g_error_matches (local, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_FOUND))
        g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_FOUND,
                     "%s: no such page (expected %s/%s)", page_path, root, fxml_path);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return page_ctx_fail (self, c);
    }
  return load_with (self, page, c, json, g_bytes_get_data (fxml, NULL), fxml_name, data, error);
}

/**
 * fc_app_load_page_from:
 * @self: an app
 * @page: an empty page
 * @from: (nullable): the page that navigates (whose navigator's url, or
 *   whose code, names @url); %NULL for the host's own navigation
 * @url: a page of the app, `plugin://ALIAS/PAGE`, or, from a plugin's
 *   page, `plugin-private://PROVIDER/PAGE` (PAGE: a name or a path of
 *   that plugin's `pages`)
 * @data: (nullable): the initial data
 * @error: return location for an error
 *
 * fc_app_load_page() for a navigation from @from, with the rules of the
 * page navigating. A plugin's page reaches its own pages and those of any
 * other plugin the mini-program declares (for a page in a subpackage, the
 * main package's and that subpackage's) by `plugin-private://`; not by
 * `plugin://` (%FC_PLUGIN_ERROR_PLUGIN_URL_IN_PLUGIN). `plugin-private://`
 * from the host is %FC_PLUGIN_ERROR_PRIVATE; a plugin not declared is
 * %FC_PLUGIN_ERROR_UNDECLARED_ALIAS.
 *
 * Returns: whether the page mounted
 */
gboolean
fc_app_load_page_from (FcApp *self, FcPage *page, FcPage *from, const char *url,
                       FcValue *data, GError **error)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (FC_IS_APP (self) && FC_IS_PAGE (page) && url, FALSE);
  if (!fc_app_page_target (self, from, url, &target, error))
    return FALSE;
  return fc_app_load_page (self, page, target ? target : url, data, error);
}
