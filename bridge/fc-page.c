/* fc-page.c: FcPage: loading a page (markup, JSON, data) into its tree,
 * setData (the path cache, the bindings that read a changed path), and
 * the page's own accessors. How the tree is built and kept up to date
 * lives in the files listed in README.md ("The page model"). */
#include <string.h>

#include "fc-binding-private.h"
#include "fc-directive-for-private.h"
#include "fc-directive-if-private.h"
#include "fc-element-private.h"
#include "fc-element-tree-private.h"
#include "fc-file-cache-private.h"
#include "fc-page-doc-private.h"
#include "fc-page-markup-private.h"
#include "fc-page-signals-private.h"
#include "fc-page-slab-private.h"
#include "fc-page-wxs-private.h"
#include "fc-shadow-private.h"
#include "fc-template-instance-private.h"

/* A parsed setData key and the bindings that read its first segment (the
 * deps_index bucket, filled in once it exists; buckets live as long as
 * the page's deps_index). For the common case of at most one such binding,
 * set_one() keeps its verdict: the binding that depends on the path, or
 * none, valid while the page's index_stamp is unchanged. */
struct _CachedPath {
  FcDataPath *path;
  FcDepsBucket *bucket;
  guint stamp;   /* index_stamp the verdict was taken at; 0: none yet */
  gboolean many; /* more than one binding reads the first segment */
  Binding *dep;  /* the one that depends on path, or NULL */
};

static void
cached_path_free (CachedPath *c)
{
  fc_data_path_free (c->path);
  g_free (c);
}

G_DEFINE_FINAL_TYPE (FcPage, fc_page, G_TYPE_OBJECT)

/* The registry and scope a page made without them gets, when first
 * needed: fc_page_new() sets them without the property machinery, whose
 * cost would show in every mount. */
static void
ensure_defaults (FcPage *self)
{
  if (!self->registry)
    self->registry = fc_registry_new ();
  if (!self->scope)
    self->scope = fc_callback_scope_new ();
}

enum { PROP_0, PROP_REGISTRY, PROP_SCOPE, N_PROPS };
static GParamSpec *props[N_PROPS];

static void
fc_page_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  FcPage *self = FC_PAGE (object);

  if (self->doc)
    {
      g_critical ("FcPage:%s can be set only before the page loads", pspec->name);
      return;
    }
  switch (id)
    {
    case PROP_REGISTRY:
      g_set_object (&self->registry, g_value_get_object (value));
      break;
    case PROP_SCOPE:
      g_set_object (&self->scope, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
fc_page_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  FcPage *self = FC_PAGE (object);

  ensure_defaults (self);
  switch (id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_SCOPE:
      g_value_set_object (value, self->scope);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}


static void
fc_page_dispose (GObject *object)
{
  FcPage *self = FC_PAGE (object);

  /* timers first: their data may point at component instances */
  while (self->timers->len)
    {
      Timer t = g_array_index (self->timers, Timer, self->timers->len - 1);
      g_array_remove_index (self->timers, self->timers->len - 1);
      if (t.destroy)
        t.destroy (t.user_data);
    }
  g_clear_pointer (&self->root, fc_element_free);
  fc_page_free_graveyard (self);
  fc_deps_index_clear (&self->deps_index);
  fc_page_wxs_clear (self);
  G_OBJECT_CLASS (fc_page_parent_class)->dispose (object);
}

static void
fc_page_finalize (GObject *object)
{
  FcPage *self = FC_PAGE (object);
  g_clear_object (&self->registry);
  g_clear_object (&self->scope);
  g_clear_object (&self->plugin_scope);
  g_free (self->filename);
  g_free (self->root_dir);
  g_free (self->root_page_path);
  g_clear_pointer (&self->wxs_files, g_hash_table_unref);
  g_clear_pointer (&self->file_cache, fc_file_cache_unref);
  g_clear_pointer (&self->markup, fc_markup_lib_free);
  g_clear_pointer (&self->shared_doc, fc_shared_doc_unref);
  g_clear_pointer (&self->app_json, fc_value_unref);
  g_clear_pointer (&self->page_json, fc_value_unref);
  g_clear_pointer (&self->data, fc_value_unref);
  g_array_unref (self->timers);
  g_clear_pointer (&self->path_cache, g_hash_table_unref);
  g_clear_pointer (&self->slab, fc_slab_destroy);
  g_clear_pointer (&self->resolved_defs, g_hash_table_unref);
  g_clear_pointer (&self->template_uses, g_hash_table_unref);
  g_clear_pointer (&self->component_defs, g_hash_table_unref);
  g_ptr_array_unref (self->scratch_paths);
  g_ptr_array_unref (self->scratch_dirty);
  g_ptr_array_unref (self->graveyard);
  if (self->resolver_destroy)
    self->resolver_destroy (self->resolver_data);
  G_OBJECT_CLASS (fc_page_parent_class)->finalize (object);
}

static void
fc_page_class_init (FcPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fc_page_dispose;
  object_class->finalize = fc_page_finalize;
  object_class->set_property = fc_page_set_property;
  object_class->get_property = fc_page_get_property;

  /**
   * FcPage:registry:
   *
   * The components the page may use; a new registry (built-ins only)
   * when none is given. Set it when creating the page (or before
   * fc_page_load()): it is not a GObject construct property only because
   * GObject's construct path would cost every mount about 1,400
   * instructions (callgrind), 6 % of one.
   */
  props[PROP_REGISTRY] = g_param_spec_object ("registry", NULL, NULL, FC_TYPE_REGISTRY,
                                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /**
   * FcPage:scope:
   *
   * The host's handlers (fc_page_get_scope()); an empty scope when none is
   * given. Like #FcPage:registry, set before the page loads.
   */
  props[PROP_SCOPE] = g_param_spec_object ("scope", NULL, NULL, FC_TYPE_CALLBACK_SCOPE,
                                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
  fc_page_signals_install (G_TYPE_FROM_CLASS (klass));
  /* precedence: an element with wx:for and wx:if is repeated first */
  fc_element_tree_add_directive_kind (fc_directive_for_get_kind ());
  fc_element_tree_add_directive_kind (fc_directive_if_get_kind ());
  fc_element_tree_set_shadow (fc_shadow_build, fc_shadow_get_slot_kind ());
  fc_element_tree_set_placing_kinds (fc_template_instance_get_template_kind (), fc_template_instance_get_include_kind ());
}

static void
fc_page_init (FcPage *self)
{
  self->timers = g_array_new (FALSE, FALSE, sizeof (Timer));
  self->next_timer_id = 1;
  self->scratch_paths = g_ptr_array_new ();
  self->scratch_dirty = g_ptr_array_new ();
  self->graveyard = g_ptr_array_new ();
  self->max_elements = FC_PAGE_MAX_ELEMENTS;
}

/**
 * fc_page_new:
 * @registry: (nullable): the components the page may use
 * @scope: (nullable): the host's handlers
 *
 * The same as `g_object_new (FC_TYPE_PAGE, "registry", registry, "scope",
 * scope, NULL)`.
 *
 * Returns: (transfer full): an empty page; load it with fc_page_load()
 */
FcPage *
fc_page_new (FcRegistry *registry, FcCallbackScope *scope)
{
  FcPage *self = g_object_new (FC_TYPE_PAGE, NULL);
  self->registry = registry ? g_object_ref (registry) : fc_registry_new ();
  self->scope = scope ? g_object_ref (scope) : fc_callback_scope_new ();
  return self;
}

/**
 * fc_page_load:
 * @self: an empty page
 * @app_json: (nullable): `app.json` text (for `plugins`)
 * @page_json: (nullable): the page's JSON text (for `usingComponents`)
 * @fxml: the page's markup
 * @fxml_filename: (nullable): its name in messages, e.g. `pages/video/video.fxml`
 * @data: (nullable) (transfer none): the initial page data, an object
 * @error: return location for a %FC_BRIDGE_ERROR error
 *
 * Parses everything, builds the element tree with every property coerced,
 * then creates the component instances (factories) and connects them.
 * Warnings go to #FcPage::warning; connect to it before loading.
 *
 * Returns: whether the page loaded; %FALSE with @error set
 */
gboolean
fc_page_load (FcPage *self, const char *app_json, const char *page_json, const char *fxml,
              const char *fxml_filename, FcValue *data, GError **error)
{
  g_return_val_if_fail (FC_IS_PAGE (self), FALSE);
  g_return_val_if_fail (fxml != NULL, FALSE);
  g_return_val_if_fail (self->root == NULL, FALSE);
  g_return_val_if_fail (data == NULL || fc_value_get_kind (data) == FC_VALUE_OBJECT, FALSE);

  ensure_defaults (self);
  self->filename = g_strdup (fxml_filename ? fxml_filename : "page.fxml");
  if (app_json && !(self->app_json = fc_page_parse_json (app_json, "app.json", error)))
    return FALSE;
  self->shared_doc = fc_shared_doc_lookup (self->filename, fxml, page_json, error);
  if (!self->shared_doc)
    return FALSE;
  self->doc = fc_shared_doc_get_markup (self->shared_doc);
  for (guint i = 0; self->doc->warnings && i < self->doc->warnings->len; i++)
    {
      const FcFxmlWarning *w = g_ptr_array_index (self->doc->warnings, i);
      fc_page_emit_warning (self, w->line, w->col, "%s", w->message);
    }
  self->page_json = fc_shared_doc_get_json (self->shared_doc) ? fc_value_ref (fc_shared_doc_get_json (self->shared_doc)) : NULL;
  self->data = data ? fc_value_ref (data) : fc_value_new_object ();
  /* keys are path segments of the markup's templates, alive with the page */
  self->index_stamp = 1;

  if (!fc_page_markup_load (self, error)
      || !fc_page_wxs_load (self, fc_page_markup_get_wxs (self, fc_shared_doc_get_wxs (self->shared_doc)), error))
    return FALSE;
  /* every tag of the imported and included files must resolve too */
  {
    const GPtrArray *loaded = fc_page_markup_get_loaded (self);
    for (guint i = 0; loaded && i < loaded->len; i++)
      if (!fc_element_tree_validate (self, g_ptr_array_index (loaded, i), error))
        return FALSE;
  }
  self->root = fc_element_tree_new_root (self);
  if (!fc_element_tree_validate (self, self->doc, error)
      || !fc_element_tree_build_children (self, self->root, self->doc, NULL, error))
    {
      g_clear_pointer (&self->root, fc_element_free);
      return FALSE;
    }
  /* hooks may raise events whose handlers change the tree */
  fc_element_tree_mount_all (self, self->root);
  return TRUE;
}

static char *
read_text (const char *path, GError **error)
{
  char *text = NULL;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &text, NULL, &local))
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_NOT_FOUND, "%s", local->message);
      return NULL;
    }
  return text;
}

/**
 * fc_page_load_from_dir:
 * @self: an empty page
 * @app_dir: the mini-program's folder (holding `app.json`)
 * @page_path: the page, e.g. `pages/video/video` (reads `.fxml` and `.json`)
 * @data: (nullable) (transfer none): the initial data
 * @error: return location for an error
 *
 * Loads a page of a mini-program folder (its `.fxml`, `.json` and
 * `app.json`) and mounts it with @data; hosts with plugins use
 * fc_app_load_page() instead.
 *
 * Returns: whether the page mounted
 */
gboolean
fc_page_load_from_dir (FcPage *self, const char *app_dir, const char *page_path, FcValue *data, GError **error)
{
  g_autofree char *app_path = g_build_filename (app_dir, "app.json", NULL);
  g_autofree char *json_path = g_strdup_printf ("%s/%s.json", app_dir, page_path);
  g_autofree char *fxml_path = g_strdup_printf ("%s/%s.fxml", app_dir, page_path);
  g_autofree char *fxml_name = g_strdup_printf ("%s.fxml", page_path);
  g_autofree char *app = NULL, *page = NULL, *fxml = NULL;

  if (g_file_test (app_path, G_FILE_TEST_EXISTS) && !(app = read_text (app_path, error)))
    return FALSE;
  if (g_file_test (json_path, G_FILE_TEST_EXISTS) && !(page = read_text (json_path, error)))
    return FALSE;
  if (!(fxml = read_text (fxml_path, error)))
    return FALSE;
  if (!self->root_dir)
    fc_page_set_root (self, app_dir, NULL);
  return fc_page_load (self, app, page, fxml, fxml_name, data, error);
}

#define PATH_CACHE_MAX 256

/* Empties the path cache when @n more entries would overfill it. */
static void
path_cache_evict (FcPage *self, guint n)
{
  if (self->path_cache && g_hash_table_size (self->path_cache) + n > PATH_CACHE_MAX)
    {
      self->last_key = NULL;
      self->last_path = NULL;
      g_hash_table_remove_all (self->path_cache);
    }
}

/* The parsed path of @key, from the cache or parsed now; with @evict, a
 * full cache is emptied first (never while set_data borrows from it). */
static CachedPath *
cached_path (FcPage *self, const char *key, gboolean evict, GError **error)
{
  CachedPath *c;
  FcDataPath *p;
  gpointer cache_key;

  /* pages mostly set the same key again and again: no hashing then */
  if (self->last_key && strcmp (self->last_key, key) == 0)
    return self->last_path;
  if (!self->path_cache)
    self->path_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cached_path_free);
  if (g_hash_table_lookup_extended (self->path_cache, key, &cache_key, (gpointer *) &c))
    {
      self->last_key = cache_key;
      self->last_path = c;
      return c;
    }
  if (!(p = fc_data_path_parse (key, error)))
    return NULL;
  if (evict)
    path_cache_evict (self, 1);
  c = g_new0 (CachedPath, 1);
  c->path = p;
  self->last_key = cache_key = g_strdup (key);
  self->last_path = c;
  g_hash_table_insert (self->path_cache, cache_key, c);
  return c;
}

/* The bindings that read @c's first segment, or NULL. */
static FcDepsBucket *
cached_path_bucket (FcPage *self, CachedPath *c)
{
  if (!c->bucket)
    c->bucket = fc_deps_index_lookup (&self->deps_index, g_array_index (c->path, FcPathSegment, 0).key);
  return c->bucket;
}

/* The common case, one key read by at most one binding, without scratch
 * arrays. Returns 1 done, 0 error, -1 when the general path must run. */
static int
set_one (FcPage *self, const char *key, FcValue *value, GError **error)
{
  CachedPath *c = cached_path (self, key, TRUE, error);
  Binding *b;

  if (!c)
    return 0;
  if (c->stamp != self->index_stamp)
    {
      FcDepsBucket *bucket = cached_path_bucket (self, c);
      c->many = bucket && bucket->len > 1;
      b = bucket && bucket->len == 1 ? fc_deps_bucket_index (bucket, 0) : NULL;
      c->dep = b && fc_template_depends_on (fc_binding_template (b), c->path) ? b : NULL;
      c->stamp = self->index_stamp;
    }
  if (c->many)
    return -1;
  b = c->dep;
  fc_data_set (&self->data, c->path, value);
  self->generation++;
  if (b)
    {
      b->generation = self->generation;
      fc_page_update_begin (self);
      if (b->kind != BINDING_FOR || !fc_directive_for_update_item (self, b, c->path))
        fc_binding_update (self, b, FALSE);
      fc_page_update_end (self);
    }
  return 1;
}

/**
 * fc_page_set_data_path:
 * @self: a loaded page
 * @key: a path key (`a.b[0].c`)
 * @value: (transfer none): the new value
 * @error: return location for a %FC_BRIDGE_ERROR_BAD_PATH error
 *
 * fc_page_set_data() with one key, without building a changes object.
 *
 * Returns: whether @key was valid
 */
gboolean
fc_page_set_data_path (FcPage *self, const char *key, FcValue *value, GError **error)
{
  g_autoptr (FcValue) changes = NULL;
  int r;

  g_return_val_if_fail (FC_IS_PAGE (self) && self->root, FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);
  r = set_one (self, key, value, error);
  if (r >= 0)
    return r;
  changes = fc_value_new_object ();
  fc_value_object_set (changes, key, fc_value_ref (value));
  return fc_page_set_data (self, changes, error);
}

/**
 * fc_page_set_data:
 * @self: a loaded page
 * @changes: (transfer none): an object of path keys (`a.b[0].c`) → values
 * @error: return location for a %FC_BRIDGE_ERROR_BAD_PATH error; nothing
 *   is changed then
 *
 * Updates the data, re-evaluates only the bindings that read a changed
 * path, and hands components the properties whose value really changed.
 *
 * Returns: whether the data changed; %FALSE with @error set
 */
gboolean
fc_page_set_data (FcPage *self, FcValue *changes, GError **error)
{
  GPtrArray *paths, *dirty;
  guint n;

  g_return_val_if_fail (FC_IS_PAGE (self) && self->root, FALSE);
  g_return_val_if_fail (fc_value_get_kind (changes) == FC_VALUE_OBJECT, FALSE);

  if (fc_value_object_get_size (changes) == 1)
    {
      int r = set_one (self, fc_value_object_get_key (changes, 0), fc_value_object_get_nth (changes, 0), error);
      if (r >= 0)
        return r;
    }

  /* a handler may call setData while another runs: don't share scratch */
  paths = self->scratch_paths->len ? g_ptr_array_new () : g_ptr_array_ref (self->scratch_paths);
  dirty = self->scratch_dirty->len ? g_ptr_array_new () : g_ptr_array_ref (self->scratch_dirty);

  n = fc_value_object_get_size (changes);
  /* evict before borrowing paths from the cache, never while */
  path_cache_evict (self, n);
  for (guint i = 0; i < n; i++)
    {
      CachedPath *c = cached_path (self, fc_value_object_get_key (changes, i), FALSE, error);
      if (!c)
        {
          g_ptr_array_set_size (paths, 0);
          g_ptr_array_unref (paths);
          g_ptr_array_unref (dirty);
          return FALSE;
        }
      g_ptr_array_add (paths, c);
    }
  for (guint i = 0; i < n; i++)
    fc_data_set (&self->data, ((CachedPath *) g_ptr_array_index (paths, i))->path,
                 fc_value_object_get_nth (changes, i));

  self->generation++;
  for (guint i = 0; i < n; i++)
    {
      CachedPath *c = g_ptr_array_index (paths, i);
      const FcDataPath *p = c->path;
      FcDepsBucket *bucket = cached_path_bucket (self, c);
      for (guint j = 0; bucket && j < bucket->len; j++)
        {
          Binding *b = fc_deps_bucket_index (bucket, j);
          if (b->generation == self->generation || !fc_template_depends_on (fc_binding_template (b), p))
            continue;
          b->generation = self->generation;
          g_ptr_array_add (dirty, b);
        }
    }
  /* the paths may be evicted from the cache by a nested setData below */
  g_ptr_array_set_size (paths, 0);
  g_ptr_array_unref (paths);
  fc_page_update_begin (self);
  for (guint i = 0; i < dirty->len; i++)
    fc_binding_update (self, g_ptr_array_index (dirty, i), FALSE);
  fc_page_update_end (self);
  g_ptr_array_set_size (dirty, 0);
  g_ptr_array_unref (dirty);
  return TRUE;
}

/**
 * fc_page_get_data:
 * @self: a page
 *
 * The page data the bindings read: what `data` and every
 * fc_page_set_data() made of it.
 *
 * Returns: (transfer none): the page data
 */
FcValue *
fc_page_get_data (FcPage *self)
{
  g_return_val_if_fail (FC_IS_PAGE (self), NULL);
  return self->data;
}

void
fc_page_set_plugin_scope (FcPage *page, FcCallbackScope *scope)
{
  g_return_if_fail (FC_IS_PAGE (page));
  g_set_object (&page->plugin_scope, scope);
}

/**
 * fc_page_get_registry:
 * @self: a page
 *
 * The registry of component classes the page mounts its elements with.
 *
 * Returns: (transfer none): the registry
 */
FcRegistry *
fc_page_get_registry (FcPage *self)
{
  g_return_val_if_fail (FC_IS_PAGE (self), NULL);
  ensure_defaults (self);
  return self->registry;
}

/**
 * fc_page_get_scope:
 * @self: a page
 *
 * The host's scope, given to fc_page_new(). A host page's handlers are
 * looked up there; a plugin's page (fc_app_load_page() with
 * `plugin://ALIAS/PAGE`) calls only the handlers its plugin registered
 * (fc_plugin_context_add_page_callback()), which the scope's observer
 * (fc_callback_scope_set_observer()) still sees.
 *
 * Returns: (transfer none): the host's callback scope
 */
FcCallbackScope *
fc_page_get_scope (FcPage *self)
{
  g_return_val_if_fail (FC_IS_PAGE (self), NULL);
  ensure_defaults (self);
  return self->scope;
}

/**
 * fc_page_get_root:
 * @self: a page
 *
 * The root of the mounted element tree (tag `page`), or %NULL before the
 * page is loaded.
 *
 * Returns: (transfer none) (nullable): the root element (tag `page`)
 */
FcElement *
fc_page_get_root (FcPage *self)
{
  g_return_val_if_fail (FC_IS_PAGE (self), NULL);
  return self->root;
}

/**
 * fc_page_set_max_elements:
 * @self: a page
 * @max_elements: how many elements the page may hold, at least 1
 *
 * Sets the page's element budget (%FC_PAGE_MAX_ELEMENTS by default): a
 * `wx:for` builds no further instance once the page holds this many
 * elements, and warns. A host for a small device may want less; the
 * fuzzing harness sets less so that an input may rebuild its lists many
 * times within its time limit.
 */
void
fc_page_set_max_elements (FcPage *self, guint max_elements)
{
  g_return_if_fail (FC_IS_PAGE (self) && max_elements > 0);
  self->max_elements = max_elements;
}

/**
 * fc_page_get_max_elements:
 * @self: a page
 *
 * How many elements the page may hold before a `wx:for` stops building
 * instances.
 *
 * Returns: the page's element budget (fc_page_set_max_elements())
 */
guint
fc_page_get_max_elements (FcPage *self)
{
  g_return_val_if_fail (FC_IS_PAGE (self), 0);
  return self->max_elements;
}

/**
 * fc_page_get_n_elements:
 * @self: a page
 *
 * How many elements are mounted now, text nodes included.
 *
 * Returns: the number of elements
 */
guint
fc_page_get_n_elements (FcPage *self)
{
  g_return_val_if_fail (FC_IS_PAGE (self), 0);
  return self->n_elements;
}

/**
 * fc_page_set_resolver:
 * @self: a page not loaded yet
 * @resolver: (nullable): called for every tag before the built-in rules
 * @user_data: its data
 * @destroy: (nullable): frees @user_data with the page
 *
 * Lets an application (#FcApp) resolve `usingComponents` entries with the
 * plugin rules of `app.json` and `plugin.json`.
 */
void
fc_page_set_resolver (FcPage *self, FcPageResolver resolver, gpointer user_data, GDestroyNotify destroy)
{
  g_return_if_fail (FC_IS_PAGE (self));
  if (self->resolver_destroy)
    self->resolver_destroy (self->resolver_data);
  self->resolver = resolver;
  self->resolver_data = user_data;
  self->resolver_destroy = destroy;
}

/**
 * fc_page_get_using_component:
 * @self: a loaded page
 * @tag: a tag
 *
 * The `usingComponents` entry of the page's JSON for a tag: the path or
 * `plugin://` URL the tag resolves to.
 *
 * Returns: (transfer none) (nullable): the page JSON's `usingComponents`
 *   entry for @tag, as written (`plugin://virtual-keyboard/keyboard`)
 */
const char *
fc_page_get_using_component (FcPage *self, const char *tag)
{
  FcValue *using, *v;
  g_return_val_if_fail (FC_IS_PAGE (self) && tag, NULL);
  using = self->page_json ? fc_value_object_get (self->page_json, "usingComponents") : NULL;
  v = using && fc_value_get_kind (using) == FC_VALUE_OBJECT ? fc_value_object_get (using, tag) : NULL;
  return v && fc_value_get_kind (v) == FC_VALUE_STRING ? fc_value_get_string (v) : NULL;
}
