/* fc-app.c: FcApp: a mini-program's app.json, its subpackages, its
 * declared plugins and their interfaces, host settings, paths. Loading its
 * pages with the plugin rules is fc-app-page.c. */
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "fc-app-private.h"

static void fc_app_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FcApp, fc_app, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, fc_app_initable_iface_init))

enum
{
  PROP_0,
  PROP_STORE,
  PROP_DIR,
  PROP_APP_JSON,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

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
  fc_file_cache_unref (self->files);
  G_OBJECT_CLASS (fc_app_parent_class)->finalize (object);
}

static void
fc_app_set_property (GObject *object, guint id, const GValue *value,
                     GParamSpec *pspec)
{
  FcApp *self = FC_APP (object);

  switch (id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DIR:
      self->dir = g_value_dup_string (value);
      break;
    case PROP_APP_JSON:
      self->json_text = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
fc_app_get_property (GObject *object, guint id, GValue *value,
                     GParamSpec *pspec)
{
  FcApp *self = FC_APP (object);

  switch (id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DIR:
      g_value_set_string (value, self->dir);
      break;
    case PROP_APP_JSON:
      g_value_set_string (value, self->json_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
fc_app_class_init (FcAppClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fc_app_finalize;
  object_class->set_property = fc_app_set_property;
  object_class->get_property = fc_app_get_property;
  /**
   * FcApp:store:
   *
   * Where the declared plugins are installed.
   */
  props[PROP_STORE] = g_param_spec_object (
      "store", NULL, NULL, FC_TYPE_PLUGIN_STORE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * FcApp:dir:
   *
   * The mini-program's root folder (its real path once initialised).
   */
  props[PROP_DIR] = g_param_spec_string (
      "dir", NULL, NULL, NULL,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * FcApp:app-json:
   *
   * The text of its app.json.
   */
  props[PROP_APP_JSON] = g_param_spec_string (
      "app-json", NULL, NULL, NULL,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
fc_app_init (FcApp *self)
{
  self->roots = g_ptr_array_new_with_free_func (g_free);
  self->decls = g_ptr_array_new_with_free_func (decl_free);
  self->exports = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)fc_value_unref);
  self->settings = fc_host_settings_new ();
  self->files = fc_file_cache_new ();
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

/* GInitable: reads app.json and loads every plugin it declares. */
static gboolean
fc_app_initable_init (GInitable *initable, GCancellable *cancellable, GError **error)
{
  FcApp *self = FC_APP (initable);
  FcValue *subs;
  char *rp;

  if (!self->store || !self->dir || !self->json_text)
    {
      g_set_error_literal (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_CONFIG,
                           "an FcApp needs its store, dir and app-json");
      return FALSE;
    }
  rp = realpath (self->dir, NULL);
  if (rp)
    {
      g_free (self->dir);
      self->dir = g_strdup (rp);
    }
  free (rp);
  if (!(self->json = fc_json_load (self->json_text, "app.json", error)))
    return FALSE;
  if (!check_pages (self, fc_value_object_get (self->json, "pages"), NULL,
                    "\"pages\"", error))
    return FALSE;
  subs = fc_value_object_get (self->json, "subpackages");
  if (!subs)
    subs = fc_value_object_get (self->json, "subPackages");
  if (subs && fc_value_get_kind (subs) != FC_VALUE_ARRAY)
    return bad_type (self, error, "subpackages", "\"subpackages\"",
                     "an array of {root, pages, plugins}", subs),
           FALSE;
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
               FALSE;
      w = where (self, fc_value_get_string (root));
      if (!(norm = fc_path_confine (self->dir, NULL, fc_value_get_string (root),
                                    FALSE, w, "subpackage root", error)))
        return FALSE;
      g_ptr_array_add (self->roots, norm);
    }
  for (guint i = 0; subs && i < fc_value_array_get_length (subs); i++)
    {
      FcValue *s = fc_value_array_get (subs, i);
      const char *root = g_ptr_array_index (self->roots, i);
      if (!check_pages (self, fc_value_object_get (s, "pages"), root,
                        "\"pages\" of a subpackage", error))
        return FALSE;
    }
  if (!load_plugins (self, fc_value_object_get (self->json, "plugins"), -1,
                     NULL, error))
    return FALSE;
  for (guint i = 0; subs && i < fc_value_array_get_length (subs); i++)
    if (!load_plugins (
            self, fc_value_object_get (fc_value_array_get (subs, i), "plugins"),
            (int)i, g_ptr_array_index (self->roots, i), error))
      return FALSE;
  return TRUE;
}


static void
fc_app_initable_iface_init (GInitableIface *iface)
{
  iface->init = fc_app_initable_init;
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
 * subpackages): g_initable_new() of %FC_TYPE_APP with these as its
 * #FcApp:store, #FcApp:dir and #FcApp:app-json.
 *
 * Returns: (transfer full) (nullable): the app
 */
FcApp *
fc_app_new (FcPluginStore *store, const char *dir, const char *app_json,
            GError **error)
{
  g_return_val_if_fail (FC_IS_PLUGIN_STORE (store) && dir && app_json, NULL);
  return g_initable_new (FC_TYPE_APP, NULL, error, "store", store, "dir", dir,
                         "app-json", app_json, NULL);
}

/**
 * fc_app_new_from_dir:
 * @store: the installed plugins
 * @dir: a folder holding app.json
 * @error: return location for an error
 *
 * Opens the mini-program in a folder: reads its `app.json` and loads the
 * plugins it declares from @store, so that a missing or unknown plugin
 * version fails here.
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

/**
 * fc_app_get_dir:
 * @self: an app
 *
 * The mini-program's root folder, as given to fc_app_new().
 *
 * Returns: (transfer none) (type filename): the folder
 */
const char *
fc_app_get_dir (FcApp *self)
{
  return self->dir;
}
/**
 * fc_app_get_store:
 * @self: an app
 *
 * The store the app's plugins were loaded from.
 *
 * Returns: (transfer none): the store
 */
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
fc_app_find_decl (FcApp *self, const char *name, int sub, gboolean by_provider,
           const char *at, GError **error)
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
 * One of the plugins the app declares, by its alias in `app.json`
 * (`video`) or its provider id.
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
  d = fc_app_find_decl (self, alias_or_provider, fc_app_subpackage_of (self, from_page), TRUE,
                 at, error);
  return d ? &d->iface : NULL;
}

/**
 * fc_app_from_page:
 * @page: a page
 *
 * The app a page was loaded through (fc_app_load_page()), for a host's
 * handler that has only the page.
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
 * Resolves a path a page names (relative to the page, or absolute from the
 * mini-program's root) to a file inside the mini-program, refusing one
 * that escapes it.
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
