/* fc-app.c: a mini-program's app.json, its declared plugins, and the
 * plugin rules its pages resolve components and pages with. */
#include <stdlib.h>
#include <string.h>

#include "fc-app-private.h"
#include "fc-page-private.h"

G_DEFINE_FINAL_TYPE (FcApp, fc_app, G_TYPE_OBJECT)

static void
decl_free (gpointer p)
{
  Decl *d = p;
  g_free (d->alias);
  g_free (d->where);
  g_clear_pointer (&d->generics, fc_value_unref);
  g_clear_pointer (&d->iface.exported, fc_value_unref);
  g_free (d);
}

static void
fc_app_finalize (GObject *object)
{
  FcApp *self = FC_APP (object);
  g_clear_object (&self->store);
  g_free (self->dir);
  g_free (self->json_text);
  g_clear_pointer (&self->json, fc_value_unref);
  g_ptr_array_unref (self->roots);
  g_ptr_array_unref (self->decls);
  g_hash_table_unref (self->exports);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (fc_app_parent_class)->finalize (object);
}

static void
fc_app_class_init (FcAppClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fc_app_finalize;
}

static void
fc_app_init (FcApp *self)
{
  self->roots = g_ptr_array_new_with_free_func (g_free);
  self->decls = g_ptr_array_new_with_free_func (decl_free);
  self->exports = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)fc_value_unref);
  self->settings = fc_host_settings_new ();
}

static char *
where (FcApp *self, const char *needle)
{
  return fc_json_where (self->json_text, "app.json", needle);
}

static gboolean
bad_type (FcApp *self, GError **error, const char *needle, const char *what,
          const char *expected, FcValue *got)
{
  g_autofree char *w = where (self, needle);
  g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG,
               "%s: %s must be %s, got %s", w, what, expected,
               got ? fc_value_type_name (got) : "nothing");
  return FALSE;
}

static gboolean
check_pages (FcApp *self, FcValue *pages, const char *root, const char *what,
             GError **error)
{
  if (!pages)
    return TRUE;
  if (fc_value_get_kind (pages) != FC_VALUE_ARRAY)
    return bad_type (self, error, "pages", what, "an array of page paths",
                     pages);
  for (guint i = 0; i < fc_value_array_get_length (pages); i++)
    {
      FcValue *p = fc_value_array_get (pages, i);
      g_autofree char *w = NULL, *norm = NULL, *wh = NULL;
      if (fc_value_get_kind (p) != FC_VALUE_STRING)
        return bad_type (self, error, "pages", what,
                         "an array of page path strings", p);
      w = where (self, fc_value_get_string (p));
      wh = g_strdup_printf ("page %s", what);
      if (!(norm = fc_path_confine (self->dir, root, fc_value_get_string (p),
                                    FALSE, w, "page", error)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_export (FcApp *self, Decl *d, FcValue *export, const char *root,
             GError **error)
{
  g_autofree char *w = NULL, *norm = NULL, *full = NULL, *text = NULL;
  g_autoptr (GError) local = NULL;
  FcValue *v;

  if (!export)
    {
      d->iface.exported = fc_value_new_object ();
      return TRUE;
    }
  if (fc_value_get_kind (export) != FC_VALUE_STRING)
    return bad_type (self, error, "export", "\"export\"", "a path string",
                     export);
  w = where (self, fc_value_get_string (export));
  /* relative to the subpackage's root when declared there */
  if (!(norm = fc_path_confine (self->dir, root, fc_value_get_string (export),
                                FALSE, w, "export", error)))
    return FALSE;
  if ((v = g_hash_table_lookup (self->exports, norm)))
    {
      d->iface.exported = fc_value_ref (v);
      return TRUE;
    }
  full = g_build_filename (self->dir, norm, NULL);
  if (!g_file_get_contents (full, &text, NULL, &local))
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_FOUND,
                   "%s: export \"%s\" cannot be read: %s", w, norm,
                   local->message);
      return FALSE;
    }
  /* native hosts export JSON-like values: the file is JSON */
  v = fc_value_from_json (text, &local);
  if (!v)
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_JSON,
                   "%s:%s; expected the JSON value to export", norm,
                   local->message);
      return FALSE;
    }
  g_hash_table_insert (self->exports, g_strdup (norm), v);
  d->iface.exported = fc_value_ref (v);
  return TRUE;
}

static gboolean
load_plugins (FcApp *self, FcValue *plugins, int subpackage, const char *root,
              GError **error)
{
  if (!plugins)
    return TRUE;
  if (fc_value_get_kind (plugins) != FC_VALUE_OBJECT)
    return bad_type (self, error, "plugins", "\"plugins\"",
                     "an object of alias → {version, provider}", plugins);
  for (guint i = 0; i < fc_value_object_get_size (plugins); i++)
    {
      const char *alias = fc_value_object_get_key (plugins, i);
      FcValue *o = fc_value_object_get_nth (plugins, i);
      FcValue *version, *provider, *generics;
      g_autofree char *what = g_strdup_printf ("plugin \"%s\"", alias);
      g_autofree char *w = where (self, alias);
      Decl *d;

      if (fc_value_get_kind (o) != FC_VALUE_OBJECT)
        return bad_type (self, error, alias, what,
                         "an object with \"version\" and \"provider\"", o);
      version = fc_value_object_get (o, "version");
      provider = fc_value_object_get (o, "provider");
      generics = fc_value_object_get (o, "genericsImplementation");
      if (!provider || fc_value_get_kind (provider) != FC_VALUE_STRING)
        return bad_type (self, error, alias, "its \"provider\"",
                         "the plugin id string", provider);
      if (!version || fc_value_get_kind (version) != FC_VALUE_STRING)
        return bad_type (self, error, alias, "its \"version\"",
                         "a version string such as \"1.0.0\"", version);
      if (generics && fc_value_get_kind (generics) != FC_VALUE_OBJECT)
        return bad_type (
            self, error, "genericsImplementation", "\"genericsImplementation\"",
            "an object of plugin page → {abstract node → component path}",
            generics);
      /* one plugin, one subpackage */
      for (guint j = 0; j < self->decls->len; j++)
        {
          Decl *e = g_ptr_array_index (self->decls, j);
          if (subpackage >= 0 && e->subpackage >= 0
              && e->subpackage != subpackage
              && g_str_equal (fc_plugin_get_provider (e->plugin),
                              fc_value_get_string (provider)))
            {
              g_set_error (
                  error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_DUPLICATE_SUBPACKAGE,
                  "%s: plugin %s is declared by subpackages \"%s\" and \"%s\"; "
                  "a plugin may be declared by "
                  "one subpackage only (or by the main package)",
                  w, fc_value_get_string (provider),
                  (char *)g_ptr_array_index (self->roots, e->subpackage),
                  (char *)g_ptr_array_index (self->roots, subpackage));
              return FALSE;
            }
        }
      d = g_new0 (Decl, 1);
      d->alias = g_strdup (alias);
      d->where = g_strdup (w);
      d->subpackage = subpackage;
      d->generics = generics ? fc_value_ref (generics) : NULL;
      g_ptr_array_add (self->decls, d);
      d->plugin
          = fc_plugin_store_load (self->store, fc_value_get_string (provider),
                                  fc_value_get_string (version), error);
      if (!d->plugin)
        {
          g_prefix_error (error, "%s: plugin \"%s\": ", w, alias);
          return FALSE;
        }
      d->iface.plugin = d->plugin;
      d->iface.app = self;
      d->iface.subpackage = subpackage;
      if (!load_export (self, d, fc_value_object_get (o, "export"), root,
                        error))
        return FALSE;
    }
  return TRUE;
}

/**
 * fc_app_new:
 * @store: where the declared plugins are installed
 * @dir: the mini-program's root folder (pages, exports and icons must stay
 *   inside it)
 * @app_json: the text of its app.json
 * @error: return location for a %FC_PLUGIN_ERROR error
 *
 * Reads app.json and loads every plugin it declares (main package and
 * subpackages).
 *
 * Returns: (transfer full) (nullable): the app
 */
FcApp *
fc_app_new (FcPluginStore *store, const char *dir, const char *app_json,
            GError **error)
{
  g_autoptr (FcApp) self = NULL;
  FcValue *subs;
  char *rp;

  g_return_val_if_fail (FC_IS_PLUGIN_STORE (store) && dir && app_json, NULL);
  self = g_object_new (FC_TYPE_APP, NULL);
  self->store = g_object_ref (store);
  rp = realpath (dir, NULL);
  self->dir = g_strdup (rp ? rp : dir);
  free (rp);
  self->json_text = g_strdup (app_json);
  if (!(self->json = fc_json_load (app_json, "app.json", error)))
    return NULL;
  if (!check_pages (self, fc_value_object_get (self->json, "pages"), NULL,
                    "\"pages\"", error))
    return NULL;
  subs = fc_value_object_get (self->json, "subpackages");
  if (!subs)
    subs = fc_value_object_get (self->json, "subPackages");
  if (subs && fc_value_get_kind (subs) != FC_VALUE_ARRAY)
    return bad_type (self, error, "subpackages", "\"subpackages\"",
                     "an array of {root, pages, plugins}", subs),
           NULL;
  for (guint i = 0; subs && i < fc_value_array_get_length (subs); i++)
    {
      FcValue *s = fc_value_array_get (subs, i);
      FcValue *root = fc_value_get_kind (s) == FC_VALUE_OBJECT
                          ? fc_value_object_get (s, "root")
                          : NULL;
      g_autofree char *w = NULL;
      char *norm;
      if (!root || fc_value_get_kind (root) != FC_VALUE_STRING)
        return bad_type (self, error, "subpackages", "each subpackage",
                         "an object with a \"root\" string", root ? root : s),
               NULL;
      w = where (self, fc_value_get_string (root));
      if (!(norm = fc_path_confine (self->dir, NULL, fc_value_get_string (root),
                                    FALSE, w, "subpackage root", error)))
        return NULL;
      g_ptr_array_add (self->roots, norm);
    }
  for (guint i = 0; subs && i < fc_value_array_get_length (subs); i++)
    {
      FcValue *s = fc_value_array_get (subs, i);
      const char *root = g_ptr_array_index (self->roots, i);
      if (!check_pages (self, fc_value_object_get (s, "pages"), root,
                        "\"pages\" of a subpackage", error))
        return NULL;
    }
  if (!load_plugins (self, fc_value_object_get (self->json, "plugins"), -1,
                     NULL, error))
    return NULL;
  for (guint i = 0; subs && i < fc_value_array_get_length (subs); i++)
    if (!load_plugins (
            self, fc_value_object_get (fc_value_array_get (subs, i), "plugins"),
            (int)i, g_ptr_array_index (self->roots, i), error))
      return NULL;
  return g_steal_pointer (&self);
}

/**
 * fc_app_new_from_dir:
 * @store: the installed plugins
 * @dir: a folder holding app.json
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the app
 */
FcApp *
fc_app_new_from_dir (FcPluginStore *store, const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, "app.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &text, NULL, &local))
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_FOUND, "%s",
                   local->message);
      return NULL;
    }
  return fc_app_new (store, dir, text, error);
}

const char *
fc_app_get_dir (FcApp *self)
{
  return self->dir;
}
FcPluginStore *
fc_app_get_store (FcApp *self)
{
  return self->store;
}

/**
 * fc_app_get_host_settings:
 * @self: the app
 *
 * What the host decides for the plugins of this mini-program (devices,
 * where recordings go, the download whitelist). A new app has its own
 * settings with every default; change them with the setters of
 * #FcHostSettings before mounting pages, or share one set between apps
 * with fc_app_set_host_settings().
 *
 * Returns: (transfer none): the settings
 */
FcHostSettings *
fc_app_get_host_settings (FcApp *self)
{
  g_return_val_if_fail (FC_IS_APP (self), NULL);
  return self->settings;
}

/**
 * fc_app_set_host_settings:
 * @self: the app
 * @settings: the settings its plugins read from now on
 *
 * Components mounted afterwards read @settings; the recorder component
 * also follows later changes of the settings it read at mount.
 */
void
fc_app_set_host_settings (FcApp *self, FcHostSettings *settings)
{
  g_return_if_fail (FC_IS_APP (self));
  g_return_if_fail (FC_IS_HOST_SETTINGS (settings));
  g_set_object (&self->settings, settings);
}

/* the app whose page holds @element (or the element a handle stands for) */
static FcApp *
app_of_element (FcElement *element)
{
  element = fc_element_resolve (element);
  return element ? fc_app_from_page (element->page) : NULL;
}

/**
 * fc_host_settings_get_for_element:
 * @element: an element of a plugin's component
 *
 * The host settings a plugin's component reads: those of the app whose
 * page holds @element. A plugin gets the settings this way, never the app
 * or its pages' data.
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the page
 *   was loaded without an app (the plugin then uses the defaults)
 */
FcHostSettings *
fc_host_settings_get_for_element (FcElement *element)
{
  FcApp *app;

  g_return_val_if_fail (element != NULL, NULL);
  app = app_of_element (element);
  return app ? app->settings : NULL;
}

/**
 * fc_element_get_app_dir:
 * @element: an element, or a plugin's handle of one
 *
 * The root folder of the mini-program whose page holds @element (where a
 * recorder looks for prompt audio given as local paths).
 *
 * Returns: (transfer none) (nullable): the folder; %NULL when the page
 *   was loaded without an app
 */
const char *
fc_element_get_app_dir (FcElement *element)
{
  FcApp *app;

  g_return_val_if_fail (element != NULL, NULL);
  app = app_of_element (element);
  return app ? app->dir : NULL;
}

/**
 * fc_element_resolve_path:
 * @element: an element, or a plugin's handle of one
 * @path: a mini-program path the page gave the element (a keyboard
 *   `icon`, a recorder `mask`): `/images/mask.png` from the root,
 *   `img/x.png` from the root too (a component does not know the page's
 *   folder)
 * @error: return location for an error
 *
 * fc_app_resolve_path() for a component, which has no app: the path
 * inside the root of the mini-program whose page holds @element, where
 * `..` beyond the root and symlinks out of it are refused
 * (%FC_PLUGIN_ERROR_ESCAPING_PATH).
 *
 * Returns: (transfer full) (nullable): the absolute file name; %NULL with
 *   @error set when the path escapes, or when the page was loaded without
 *   an app (%FC_PLUGIN_ERROR_NOT_FOUND)
 */
char *
fc_element_resolve_path (FcElement *element, const char *path, GError **error)
{
  FcApp *app;

  g_return_val_if_fail (element != NULL && path != NULL, NULL);
  if (!(app = app_of_element (element)))
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_FOUND,
                   "%s: no mini-program to resolve it in (the page was "
                   "loaded without an app)", path);
      return NULL;
    }
  return fc_app_resolve_path (app, NULL, path, error);
}

/* the subpackage a page path belongs to, or -1 */
int
fc_app_subpackage_of (FcApp *self, const char *page_path)
{
  for (guint i = 0; page_path && i < self->roots->len; i++)
    {
      const char *r = g_ptr_array_index (self->roots, i);
      gsize n = strlen (r);
      if (strncmp (page_path, r, n) == 0 && page_path[n] == '/')
        return (int)i;
    }
  return -1;
}

/* The declaration @name (an alias, or with @by_provider a provider id too)
 * visible from subpackage @sub; sets an error naming why not. */
Decl *
fc_app_find_decl (FcApp *self, const char *name, int sub,
                  gboolean by_provider, const char *at, GError **error)
{
  Decl *elsewhere = NULL;
  g_autoptr (GString) declared = g_string_new (NULL);
  for (int pass = 0; pass < (by_provider ? 2 : 1); pass++)
    for (guint i = 0; i < self->decls->len; i++)
      {
        Decl *d = g_ptr_array_index (self->decls, i);
        gboolean match
            = pass == 0
                  ? g_str_equal (d->alias, name)
                  : g_str_equal (fc_plugin_get_provider (d->plugin), name);
        if (!match)
          continue;
        if (d->subpackage == -1 || d->subpackage == sub)
          return d;
        elsewhere = d;
      }
  if (elsewhere)
    {
      g_set_error (
          error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_OUTSIDE_SUBPACKAGE,
          "%s: plugin \"%s\" is declared by subpackage \"%s\" (%s) and is "
          "usable only from its pages",
          at, name,
          (char *)g_ptr_array_index (self->roots, elsewhere->subpackage),
          elsewhere->where);
      return NULL;
    }
  for (guint i = 0; i < self->decls->len; i++)
    {
      Decl *d = g_ptr_array_index (self->decls, i);
      if (d->subpackage == -1 || d->subpackage == sub)
        g_string_append_printf (declared, "%s\"%s\"", declared->len ? ", " : "",
                                d->alias);
    }
  g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_UNDECLARED_ALIAS,
               "%s: plugin \"%s\" is not declared in app.json \"plugins\"%s "
               "(declared here: %s)",
               at, name, sub >= 0 ? " nor in this subpackage's" : "",
               declared->len ? declared->str : "none");
  return NULL;
}

/**
 * fc_app_get_plugin:
 * @self: an app
 * @alias_or_provider: an alias or a plugin id
 *
 * Returns: (transfer none) (nullable): the declared plugin, any package
 */
FcPlugin *
fc_app_get_plugin (FcApp *self, const char *alias_or_provider)
{
  for (guint i = 0; i < self->decls->len; i++)
    {
      Decl *d = g_ptr_array_index (self->decls, i);
      if (g_str_equal (d->alias, alias_or_provider)
          || g_str_equal (fc_plugin_get_provider (d->plugin),
                          alias_or_provider))
        return d->plugin;
    }
  return NULL;
}

/**
 * fc_app_require_plugin:
 * @self: an app
 * @from_page: (nullable): the calling page (`packageA/pages/cat`), for
 *   subpackage scoping; %NULL for the main package
 * @alias_or_provider: the alias, or the plugin id
 * @error: return location for an error
 *
 * `requirePlugin()`: the plugin's `main` interface, a named set of
 * functions taking and returning #FcValue (fc_plugin_interface_call()) and
 * of values (fc_plugin_interface_get()).
 *
 * Returns: (transfer none) (nullable): the interface, valid while @self lives
 */
FcPluginInterface *
fc_app_require_plugin (FcApp *self, const char *from_page,
                       const char *alias_or_provider, GError **error)
{
  g_autofree char *at
      = g_strdup_printf ("requirePlugin(\"%s\")%s%s", alias_or_provider,
                         from_page ? " in " : "", from_page ? from_page : "");
  Decl *d;
  g_return_val_if_fail (FC_IS_APP (self) && alias_or_provider, NULL);
  d = fc_app_find_decl (self, alias_or_provider,
                        fc_app_subpackage_of (self, from_page), TRUE, at,
                        error);
  return d ? &d->iface : NULL;
}

/* ---- pages ---- */

typedef struct
{
  FcApp *app;
  char *page_path; /* host: `packageA/pages/cat`; plugin: path in the package */
  char *json_name;
  char *json_text;
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
  g_free (c->json_text);
  g_clear_pointer (&c->page_json, fc_value_unref);
  g_free (c->plugin_page);
  g_free (c->local_path);
  g_free (c);
}

static char *
ctx_where (PageCtx *c, const char *path, FcPage *page, int line, int col)
{
  if (c->json_text && path && strstr (c->json_text, path))
    return fc_json_where (c->json_text, c->json_name, path);
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

static gboolean
read_optional (const char *path, char **text, GError **error)
{
  g_autoptr (GError) local = NULL;
  *text = NULL;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_file_get_contents (path, text, NULL, &local))
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_FOUND, "%s",
                   local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_with (FcApp *self, FcPage *page, PageCtx *c, const char *page_json,
           const char *fxml, const char *fxml_name, FcValue *data,
           GError **error)
{
  GError *local = NULL;
  gboolean ok;
  c->app = g_object_ref (self);
  c->json_text = g_strdup (page_json);
  if (page_json
      && !(c->page_json = fc_json_load (page_json, c->json_name, error)))
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
  ok = fc_page_load (page, c->decl ? NULL : self->json_text, page_json, fxml,
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
  c->page_path = g_strdup (page_path);
  c->json_name = g_strdup_printf ("%s.json", page_path);
  c->subpackage = fc_app_subpackage_of (self, page_path);
  return load_with (self, page, c, page_json, fxml, fxml_name, data, error);
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
 * Returns: whether the page mounted
 */
gboolean
fc_app_load_page (FcApp *self, FcPage *page, const char *page_path,
                  FcValue *data, GError **error)
{
  g_autofree char *norm = NULL, *json_path = NULL, *fxml_path = NULL,
                  *json = NULL, *fxml = NULL;
  g_autofree char *fxml_name = NULL;
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
      if (!(norm = fc_path_confine (self->dir, NULL, page_path, FALSE,
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
  json_path = g_strdup_printf ("%s/%s.json", root, norm);
  fxml_path = g_strdup_printf ("%s/%s.fxml", root, norm);
  {
    /* the files themselves may be symlinks out */
    g_autofree char *jn = g_strdup_printf ("%s.json", norm),
                    *fn = g_strdup_printf ("%s.fxml", norm);
    g_autofree char *a
        = fc_path_confine (root, NULL, jn, FALSE, c->json_name, "page", error);
    g_autofree char *b
        = a ? fc_path_confine (root, NULL, fn, FALSE, fxml_name, "page", error)
            : NULL;
    if (!b)
      {
        c->app = g_object_ref (self);
        page_ctx_free (c);
        return FALSE;
      }
  }
  if (!read_optional (json_path, &json, error))
    {
      c->app = g_object_ref (self);
      page_ctx_free (c);
      return FALSE;
    }
  if (!g_file_get_contents (fxml_path, &fxml, NULL, NULL))
    {
      g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_NOT_FOUND,
                   "%s: no such page (expected %s)", page_path, fxml_path);
      c->app = g_object_ref (self);
      page_ctx_free (c);
      return FALSE;
    }
  return load_with (self, page, c, json, fxml, fxml_name, data, error);
}

/**
 * fc_app_from_page:
 * @page: a page
 *
 * Returns: (transfer none) (nullable): the app that loaded @page
 */
FcApp *
fc_app_from_page (FcPage *page)
{
  return g_object_get_data (G_OBJECT (page), "fc-app");
}

/**
 * fc_app_resolve_path:
 * @self: an app
 * @page_path: (nullable): the page the path was written in
 * @path: a mini-program path (`/images/mask.png`: from the root;
 *   `img/x.png`: from the page's folder), e.g. a keyboard `icon` or a
 *   recorder `mask`
 * @error: return location for a %FC_PLUGIN_ERROR_ESCAPING_PATH error
 *
 * Returns: (transfer full) (nullable): the absolute file name, inside the
 *   app's root (`..` beyond it, and symlinks out of it, are refused)
 */
char *
fc_app_resolve_path (FcApp *self, const char *page_path, const char *path,
                     GError **error)
{
  g_autofree char *dir = NULL, *norm = NULL, *at = NULL;
  g_return_val_if_fail (FC_IS_APP (self) && path, NULL);
  at = page_path ? g_strdup_printf ("%s", page_path) : g_strdup ("app");
  if (path[0] != '/' && page_path)
    dir = g_path_get_dirname (page_path);
  if (!(norm = fc_path_confine (
            self->dir, dir && strcmp (dir, ".") ? dir : NULL,
            path[0] == '/' ? path + 1 : path, TRUE, at, "path", error)))
    return NULL;
  return g_build_filename (self->dir, norm, NULL);
}
