/* fc-page.c: mounting a page (elements from markup), bindings, setData,
 * event routing, the virtual clock. */
#include <string.h>

#include "fc-page-private.h"

typedef struct {
  guint id;
  double due;
  double interval;
  GSourceFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
  FcElement *owner; /* fc_element_add_timeout(): ends with the element */
} Timer;

/* Parsed markup and page JSON are immutable, so pages of the same file
 * share them, as the platform compiles a template once per component
 * definition. The cache is keyed by file name (cheap to hash) and an entry
 * is used only when both texts are still the same. */
typedef struct {
  gint ref_count;
  char *text;      /* the markup */
  FcFxmlNode *doc;
  char *json_text; /* the page JSON, or NULL */
  FcValue *json;   /* parsed, or NULL */
} SharedDoc;

static GMutex doc_cache_lock;
static GHashTable *doc_cache; /* filename → SharedDoc */
#define DOC_CACHE_MAX 64

static void
shared_doc_unref (SharedDoc *d)
{
  if (d && g_atomic_int_dec_and_test (&d->ref_count))
    {
      g_free (d->text);
      fc_fxml_node_free (d->doc);
      g_free (d->json_text);
      g_clear_pointer (&d->json, fc_value_unref);
      g_free (d);
    }
}

static FcValue *parse_json_file (const char *text, const char *name, GError **error);

/* The page JSON's name in messages: `pages/a/a.fxml` → `pages/a/a.json`. */
static char *
page_json_name (const char *filename)
{
  if (g_str_has_suffix (filename, ".fxml"))
    return g_strdup_printf ("%.*s.json", (int) strlen (filename) - 5, filename);
  return g_strdup ("page.json");
}

static SharedDoc *
shared_doc_lookup (const char *filename, const char *text, const char *json_text, GError **error)
{
  SharedDoc *d;
  g_autoptr (FcValue) json = NULL;
  FcFxmlNode *doc;

  g_mutex_lock (&doc_cache_lock);
  if (!doc_cache)
    doc_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) shared_doc_unref);
  d = g_hash_table_lookup (doc_cache, filename);
  if (d && strcmp (d->text, text) == 0 && g_strcmp0 (d->json_text, json_text) == 0)
    {
      g_atomic_int_inc (&d->ref_count);
      g_mutex_unlock (&doc_cache_lock);
      return d;
    }
  g_mutex_unlock (&doc_cache_lock);

  if (json_text)
    {
      g_autofree char *name = page_json_name (filename);
      if (!(json = parse_json_file (json_text, name, error)))
        return NULL;
    }
  doc = fc_fxml_parse (text, -1, filename, error);
  if (!doc)
    return NULL;
  d = g_new (SharedDoc, 1);
  d->ref_count = 2; /* the caller's and the cache's */
  d->text = g_strdup (text);
  d->doc = doc;
  d->json_text = g_strdup (json_text);
  d->json = g_steal_pointer (&json);
  g_mutex_lock (&doc_cache_lock);
  if (g_hash_table_size (doc_cache) >= DOC_CACHE_MAX)
    g_hash_table_remove_all (doc_cache);
  g_hash_table_replace (doc_cache, g_strdup (filename), d);
  g_mutex_unlock (&doc_cache_lock);
  return d;
}

/* A parsed setData key and the bindings that read its first segment (the
 * deps_index bucket, filled in once it exists; buckets live as long as
 * the page's deps_index). For the common case of at most one such binding,
 * set_one() keeps its verdict: the binding that depends on the path, or
 * none, valid while the page's index_stamp is unchanged. */
typedef struct {
  FcDataPath *path;
  GPtrArray *bucket;
  guint stamp;   /* index_stamp the verdict was taken at; 0: none yet */
  gboolean many; /* more than one binding reads the first segment */
  Binding *dep;  /* the one that depends on path, or NULL */
} CachedPath;

static void
cached_path_free (CachedPath *c)
{
  fc_data_path_free (c->path);
  g_free (c);
}

struct _FcPage {
  GObject parent_instance;

  FcRegistry *registry;
  FcCallbackScope *scope;        /* the host's */
  FcCallbackScope *plugin_scope; /* a plugin page's handlers, or NULL */
  char *filename;
  SharedDoc *shared_doc;
  const FcFxmlNode *doc;
  FcValue *app_json;
  FcValue *page_json;
  FcValue *data;
  FcElement *root;
  guint n_elements;
  GHashTable *deps_index; /* first path segment → GPtrArray of Binding* */
  guint index_stamp;      /* changes whenever deps_index does; never 0 */
  guint generation;
  GHashTable *path_cache; /* setData key → CachedPath, as pages set the same keys again and again; lazy */
  const char *last_key;     /* the path_cache entry used last (a key it owns), or NULL */
  CachedPath *last_path;
  GPtrArray *scratch_paths; /* CachedPath* borrowed from path_cache, reused by set_data */
  GPtrArray *scratch_dirty; /* Binding*, reused by set_data */
  guint updating;           /* > 0 while bindings update or events run */
  guint refreshing;         /* > 0 while a wx:for instance is refreshed */
  GPtrArray *graveyard;     /* removed elements, freed when updating ends */

  double now;
  GArray *timers; /* Timer */
  guint next_timer_id;
  guint holds; /* fc_page_hold(): asynchronous work components have in flight */

  FcPageResolver resolver; /* fc_page_set_resolver(): the app's plugin:// rules */
  gpointer resolver_data;
  GDestroyNotify resolver_destroy;
};

enum { SIGNAL_WARNING, SIGNAL_NAVIGATE, SIGNAL_PROPERTY_CHANGED, SIGNAL_ELEMENT_CHANGED, SIGNAL_CHILDREN_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FcPage, fc_page, G_TYPE_OBJECT)

static void element_free (FcElement *el);

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
  g_clear_pointer (&self->root, element_free);
  for (guint i = 0; i < self->graveyard->len; i++)
    element_free (g_ptr_array_index (self->graveyard, i));
  g_ptr_array_set_size (self->graveyard, 0);
  g_clear_pointer (&self->deps_index, g_hash_table_unref);
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
  g_clear_pointer (&self->shared_doc, shared_doc_unref);
  g_clear_pointer (&self->app_json, fc_value_unref);
  g_clear_pointer (&self->page_json, fc_value_unref);
  g_clear_pointer (&self->data, fc_value_unref);
  g_array_unref (self->timers);
  g_clear_pointer (&self->path_cache, g_hash_table_unref);
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

  /**
   * FcPage::warning:
   * @page: the page
   * @message: `file:line:col: ...`
   *
   * Bad input that the page survives: a property of the wrong type, an
   * unknown attribute, a change to an init-only property, a missing
   * handler.
   */
  signals[SIGNAL_WARNING] = g_signal_new ("warning", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * FcPage::navigate:
   * @page: the page
   * @url: a navigator's url
   */
  signals[SIGNAL_NAVIGATE] = g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * FcPage::property-changed:
   * @page: the page
   * @element: (type gpointer): the #FcElement
   * @name: the property
   * @value: the new value
   *
   * Emitted for every real property change after mount.
   */
  signals[SIGNAL_PROPERTY_CHANGED] = g_signal_new ("property-changed", G_TYPE_FROM_CLASS (klass),
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                                   G_TYPE_POINTER, G_TYPE_STRING, FC_TYPE_VALUE);
  /**
   * FcPage::element-changed:
   * @page: the page
   * @element: (type gpointer): the #FcElement
   * @what: `#text` for a text node's text, else the attribute (`style`,
   *   `class`, `hidden`, `id`)
   *
   * Emitted after mount when a bound text or non-property attribute changes.
   */
  signals[SIGNAL_ELEMENT_CHANGED] = g_signal_new ("element-changed", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                                  G_TYPE_POINTER, G_TYPE_STRING);
  /**
   * FcPage::children-changed:
   * @page: the page
   * @element: (type gpointer): the #FcElement whose children were replaced
   *
   * Emitted after mount when wx:if switches branch or wx:for's list changes
   * length; the element's old children are gone.
   */
  signals[SIGNAL_CHILDREN_CHANGED] = g_signal_new ("children-changed", G_TYPE_FROM_CLASS (klass),
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                                   G_TYPE_POINTER);
}

static void
fc_page_init (FcPage *self)
{
  self->timers = g_array_new (FALSE, FALSE, sizeof (Timer));
  self->next_timer_id = 1;
  self->scratch_paths = g_ptr_array_new ();
  self->scratch_dirty = g_ptr_array_new ();
  self->graveyard = g_ptr_array_new ();
}

/**
 * fc_page_new:
 * @registry: (nullable): the components the page may use
 * @scope: (nullable): the host's handlers
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

void
fc_page_emit_warning (FcPage *page, int line, int col, const char *fmt, ...)
{
  va_list ap;
  g_autofree char *msg = NULL;
  g_autofree char *full = NULL;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  full = g_strdup_printf ("%s:%d:%d: %s", page->filename ? page->filename : "<page>", line, col, msg);
  g_signal_emit (page, signals[SIGNAL_WARNING], 0, full);
}

void
fc_page_emit_navigate (FcPage *page, const char *url)
{
  g_signal_emit (page, signals[SIGNAL_NAVIGATE], 0, url);
}

/* ---- elements ---- */

static void
binding_clear (Binding *b)
{
  g_free (b->owned_key);
  g_clear_pointer (&b->value, fc_value_unref);
}

/* An element's bindings are one block, sized before the first is added
 * (their number is known from the markup), so Binding pointers in the
 * dependency index stay valid. */
static void
reserve_bindings (FcElement *el, guint n)
{
  g_assert (el->bindings == NULL);
  el->bindings = n ? g_new (Binding, n) : NULL;
  el->bindings_alloc = n;
}

static ScopeRef *
scope_new (ScopeRef *parent, const char *item_name, const char *index_name, FcValue *item, FcValue *index)
{
  ScopeRef *s = g_new0 (ScopeRef, 1);
  s->ref_count = 1;
  s->parent = parent;
  if (parent)
    g_atomic_int_inc (&parent->ref_count);
  s->item_name = g_strdup (item_name);
  s->index_name = g_strdup (index_name);
  s->item = (FcScope) { parent ? &parent->index : NULL, s->item_name, fc_value_ref (item) };
  s->index = (FcScope) { &s->item, s->index_name, fc_value_ref (index) };
  return s;
}

static ScopeRef *
scope_ref (ScopeRef *s)
{
  if (s)
    g_atomic_int_inc (&s->ref_count);
  return s;
}

static void
scope_unref (ScopeRef *s)
{
  while (s && g_atomic_int_dec_and_test (&s->ref_count))
    {
      ScopeRef *parent = s->parent;
      fc_value_unref (s->item.value);
      fc_value_unref (s->index.value);
      g_free (s->item_name);
      g_free (s->index_name);
      g_free (s);
      s = parent;
    }
}

static const FcScope *
scope_head (const ScopeRef *s)
{
  return s ? &s->index : NULL;
}

static gboolean
scope_has (const ScopeRef *s, const char *name)
{
  for (const FcScope *v = scope_head (s); v; v = v->parent)
    if (strcmp (v->name, name) == 0)
      return TRUE;
  return FALSE;
}

static void remove_timeouts_of (FcPage *page, FcElement *owner);

/* The element goes: the timeouts and holds its component made through it
 * (or its handle) end, and a handle the component still keeps answers as
 * a handle of nothing. */
static void
element_detach (FcElement *el)
{
  FcElement *h = el->handle;

  remove_timeouts_of (el->page, el);
  el->page->holds -= MIN (el->holds, el->page->holds);
  el->holds = 0;
  if (!h)
    return;
  remove_timeouts_of (el->page, h);
  el->page->holds -= MIN (h->holds, el->page->holds);
  h->holds = 0;
  h->handle = NULL;
  el->handle = NULL;
  if (!el->handle_adopted)
    g_free (h);
}

static void
element_free (FcElement *el)
{
  element_detach (el);
  if (el->children)
    for (guint i = 0; i < el->children->len; i++)
      element_free (g_ptr_array_index (el->children, i));
  g_clear_pointer (&el->children, g_ptr_array_unref);
  g_clear_object (&el->instance);
  g_clear_pointer (&el->generics, g_hash_table_unref);
  if (el->props)
    {
      for (guint i = 0; i < el->klass->properties->len; i++)
        fc_value_unref (el->props[i]);
      g_free (el->props);
    }
  g_clear_pointer (&el->dataset, fc_value_unref);
  for (guint i = 0; i < el->n_bindings; i++)
    binding_clear (&el->bindings[i]);
  g_free (el->bindings);
  g_clear_pointer (&el->klass, fc_component_class_unref);
  g_free (el->id);
  g_free (el->text);
  g_clear_pointer (&el->branches, g_ptr_array_unref);
  scope_unref (el->scope);
  g_free (el);
}

static char *
dataset_key (const char *attr)
{
  /* The platform's rule: data-element-type → elementType; upper case in
   * the attribute name is folded to lower case (data-elementType →
   * elementtype). */
  GString *s = g_string_new (NULL);
  for (const char *p = attr + 5; *p; p++)
    {
      if (*p == '-' && p[1])
        {
          p++;
          g_string_append_c (s, g_ascii_toupper (*p));
        }
      else
        g_string_append_c (s, g_ascii_tolower (*p));
    }
  return g_string_free (s, FALSE);
}

static gboolean
parse_event_attr (const char *name, EventBindingKind *kind, const char **event)
{
#define PREFIX(p) p, sizeof (p) - 1
  static const struct { const char *prefix; gsize len; EventBindingKind kind; } prefixes[] = {
    { PREFIX ("capture-catch"), EVENT_CAPTURE_CATCH },
    { PREFIX ("capture-mut-bind"), EVENT_CAPTURE_MUT_BIND },
    { PREFIX ("capture-bind"), EVENT_CAPTURE_BIND },
    { PREFIX ("mut-bind"), EVENT_MUT_BIND },
    { PREFIX ("catch"), EVENT_CATCH },
    { PREFIX ("bind"), EVENT_BIND },
  };
#undef PREFIX
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize n = prefixes[i].len;
      if (name[0] == prefixes[i].prefix[0] && strncmp (name, prefixes[i].prefix, n) == 0)
        {
          const char *rest = name + n;
          *kind = prefixes[i].kind;
          *event = rest[0] == ':' ? rest + 1 : rest;
          return TRUE;
        }
    }
  return FALSE;
}

/* Invalidates what set_one() remembers about the index. */
static void
index_changed (FcPage *self)
{
  if (++self->index_stamp == 0)
    self->index_stamp = 1;
}

/* Paths that start with a wx:for variable are not page data: the wx:for
 * element refreshes its instances itself. */
static void
index_binding (FcPage *self, Binding *b, const FcTemplate *tpl)
{
  const GPtrArray *deps = fc_template_get_dependencies (tpl);
  for (guint i = 0; deps && i < deps->len; i++)
    {
      const FcDataPath *d = g_ptr_array_index (deps, i);
      const char *first = g_array_index (d, FcPathSegment, 0).key;
      GPtrArray *bucket;
      if (scope_has (b->element->scope, first))
        continue;
      bucket = g_hash_table_lookup (self->deps_index, first);
      if (!bucket)
        {
          bucket = g_ptr_array_new ();
          g_hash_table_insert (self->deps_index, (gpointer) first, bucket);
        }
      if (bucket->len == 0 || g_ptr_array_index (bucket, bucket->len - 1) != b)
        {
          g_ptr_array_add (bucket, b);
          index_changed (self);
        }
    }
}

static const FcTemplate *
binding_template (const Binding *b)
{
  return b->attr ? b->attr->tpl : b->element->node->tpl;
}

static void
unindex_binding (FcPage *self, Binding *b)
{
  const GPtrArray *deps = fc_template_get_dependencies (binding_template (b));
  for (guint i = 0; deps && i < deps->len; i++)
    {
      const FcDataPath *d = g_ptr_array_index (deps, i);
      GPtrArray *bucket = g_hash_table_lookup (self->deps_index, g_array_index (d, FcPathSegment, 0).key);
      while (bucket && g_ptr_array_remove (bucket, b))
        index_changed (self);
    }
}

static guint
kill_element (FcPage *self, FcElement *el)
{
  guint n = 1;
  el->dead = TRUE;
  for (guint i = 0; i < el->n_bindings; i++)
    unindex_binding (self, &el->bindings[i]);
  if (el->children)
    for (guint i = 0; i < el->children->len; i++)
      n += kill_element (self, g_ptr_array_index (el->children, i));
  return n;
}

/* Takes @el out of the tree; it is freed once no update runs, since an
 * update in progress may still hold its bindings. */
static void
destroy_element (FcPage *self, FcElement *el)
{
  self->n_elements -= kill_element (self, el);
  if (el->parent)
    g_ptr_array_remove (el->parent->children, el);
  el->parent = NULL;
  if (self->updating)
    g_ptr_array_add (self->graveyard, el);
  else
    element_free (el);
}

static void
update_begin (FcPage *self)
{
  self->updating++;
}

static void
update_end (FcPage *self)
{
  if (--self->updating > 0)
    return;
  for (guint i = 0; i < self->graveyard->len; i++)
    element_free (g_ptr_array_index (self->graveyard, i));
  g_ptr_array_set_size (self->graveyard, 0);
}

static gboolean if_refresh (FcPage *self, FcElement *el, GError **error);
static gboolean for_refresh (FcPage *self, FcElement *el, GError **error);

/* Takes @value (transfer full): stored, or dropped when nothing changes. */
static void
set_property_value (FcElement *el, guint i, FcValue *value, gboolean initial, const Binding *b)
{
  const FcPropertySpec *spec = fc_component_class_get_spec (el->klass, i);
  g_autoptr (FcValue) hold = NULL;

  if (fc_value_equal (el->props[i], value))
    {
      fc_value_unref (value);
      return;
    }
  if (!initial && spec->init_only)
    {
      fc_page_emit_warning (el->page, b ? b->attr->line : el->node->line, b ? b->attr->col : el->node->col,
                            "property \"%s\" is only effective during initialization; change ignored",
                            spec->name);
      fc_value_unref (value);
      return;
    }
  fc_value_unref (el->props[i]);
  el->props[i] = value;
  if (initial)
    return;
  if (el->instance && el->klass->set_property)
    {
      /* the hook may set the property again (replacing props[i]) */
      hold = fc_value_ref (value);
      el->klass->set_property (el->instance, spec->name, value, el->klass->hooks_data);
    }
  /* the emission holds its own reference while handlers run */
  if (g_signal_has_handler_pending (el->page, signals[SIGNAL_PROPERTY_CHANGED], 0, FALSE))
    g_signal_emit (el->page, signals[SIGNAL_PROPERTY_CHANGED], 0, el, spec->name, value);
}

static void
update_binding (FcPage *self, Binding *b, gboolean initial)
{
  FcElement *el = b->element;
  g_autoptr (FcValue) v = NULL;

  if (el->dead)
    return;
  v = fc_template_evaluate_in_scope (binding_template (b), self->data, scope_head (el->scope));
  switch (b->kind)
    {
    case BINDING_IF:
    case BINDING_FOR:
      if (!self->refreshing && b->value && fc_value_equal (b->value, v))
        break;
      g_clear_pointer (&b->value, fc_value_unref);
      b->value = fc_value_ref (v);
      if (!initial)
        {
          /* a later branch or item that fails to build is reported, not fatal */
          g_autoptr (GError) error = NULL;
          if (!(b->kind == BINDING_IF ? if_refresh (self, el, &error) : for_refresh (self, el, &error)))
            fc_page_emit_warning (self, b->attr->line, b->attr->col, "%s", error->message);
        }
      break;
    case BINDING_PROPERTY:
      {
        g_autofree char *problem = NULL;
        FcValue *c = fc_component_class_coerce (el->klass, b->prop, v, &problem);
        if (problem)
          fc_page_emit_warning (self, b->attr->line, b->attr->col, "%s", problem);
        set_property_value (el, b->prop, c, initial, b);
        break;
      }
    case BINDING_ID:
      g_free (el->id);
      el->id = fc_value_get_kind (v) > FC_VALUE_NULL ? fc_value_to_js_string (v) : g_strdup ("");
      if (!initial)
        g_signal_emit (self, signals[SIGNAL_ELEMENT_CHANGED], 0, el, "id");
      break;
    case BINDING_DATASET:
      {
        FcValue *copy = el->dataset ? fc_value_shallow_copy (el->dataset) : fc_value_new_object ();
        fc_value_object_set (copy, b->key, fc_value_ref (v));
        g_clear_pointer (&el->dataset, fc_value_unref);
        el->dataset = copy;
        break;
      }
    case BINDING_TEXT:
      g_free (el->text);
      el->text = fc_value_get_kind (v) > FC_VALUE_NULL ? fc_value_to_js_string (v) : g_strdup ("");
      if (!initial)
        g_signal_emit (self, signals[SIGNAL_ELEMENT_CHANGED], 0, el, "#text");
      break;
    case BINDING_EVENT:
      g_clear_pointer (&b->value, fc_value_unref);
      b->value = fc_value_ref (v);
      break;
    case BINDING_GENERIC:
      if (b->value && fc_value_equal (b->value, v))
        break;
      g_clear_pointer (&b->value, fc_value_unref);
      b->value = fc_value_ref (v);
      if (!initial)
        g_signal_emit (self, signals[SIGNAL_ELEMENT_CHANGED], 0, el, b->key);
      break;
    }
}

static Binding *
add_binding (FcPage *self, FcElement *el, BindingKind kind, const FcFxmlAttribute *attr)
{
  Binding *b;

  g_assert (el->n_bindings < el->bindings_alloc);
  b = &el->bindings[el->n_bindings++];
  memset (b, 0, sizeof *b);
  b->kind = kind;
  b->element = el;
  b->attr = attr;
  index_binding (self, b, attr ? attr->tpl : el->node->tpl);
  return b;
}

static FcComponentClass *
resolve_class (FcPage *self, const FcFxmlNode *node, GError **error)
{
  FcValue *using = self->page_json ? fc_value_object_get (self->page_json, "usingComponents") : NULL;
  FcValue *path = (using && fc_value_get_kind (using) == FC_VALUE_OBJECT) ? fc_value_object_get (using, node->name) : NULL;
  FcComponentClass *k;

  if (self->resolver)
    {
      GError *local = NULL;
      const char *p = path && fc_value_get_kind (path) == FC_VALUE_STRING ? fc_value_get_string (path) : NULL;
      k = self->resolver (self, node->name, p, node->line, node->col, self->resolver_data, &local);
      if (k)
        return k;
      if (local)
        {
          g_propagate_error (error, local);
          return NULL;
        }
    }
  if (path && fc_value_get_kind (path) == FC_VALUE_STRING)
    {
      const char *p = fc_value_get_string (path);
      if (strncmp (p, "plugin://", strlen ("plugin://")) == 0)
        {
          const char *alias = p + strlen ("plugin://");
          const char *slash = strchr (alias, '/');
          if (slash && self->app_json)
            {
              g_autofree char *a = g_strndup (alias, slash - alias);
              FcValue *plugins = fc_value_object_get (self->app_json, "plugins");
              FcValue *decl = plugins && fc_value_get_kind (plugins) == FC_VALUE_OBJECT ? fc_value_object_get (plugins, a) : NULL;
              FcValue *provider = decl && fc_value_get_kind (decl) == FC_VALUE_OBJECT ? fc_value_object_get (decl, "provider") : NULL;
              if (provider && fc_value_get_kind (provider) == FC_VALUE_STRING)
                {
                  k = fc_registry_lookup_plugin_component (self->registry, fc_value_get_string (provider), slash + 1);
                  if (k)
                    return k;
                }
            }
        }
      k = fc_registry_lookup_component (self->registry, p);
      if (k)
        return k;
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_UNKNOWN_COMPONENT,
                   "%s:%d:%d: <%s> is \"%s\" in usingComponents, which resolves to no component",
                   self->filename, node->line, node->col, node->name, p);
      return NULL;
    }
  k = fc_builtin_lookup (node->name);
  if (k)
    return k;
  g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_UNKNOWN_COMPONENT,
               "%s:%d:%d: unknown element <%s> (not built in, not in usingComponents)",
               self->filename, node->line, node->col, node->name);
  return NULL;
}

static gboolean
is_generic_attr (const char *name)
{
  static const char *const generic[] = { "class", "style", "hidden", "slot", NULL };
  return g_strv_contains (generic, name);
}

enum { CONSUMED_IF = 1 << 0, CONSUMED_FOR = 1 << 1 };

static const FcFxmlAttribute *
directive (const FcFxmlNode *node, const char *name)
{
  if (node->type != FC_FXML_ELEMENT)
    return NULL;
  for (guint i = 0; i < node->attributes->len; i++)
    {
      const FcFxmlAttribute *a = g_ptr_array_index (node->attributes, i);
      const char *n = a->name;
      if ((n[0] == 'w' || n[0] == 'f') && n[1] == 'x' && n[2] == ':' && strcmp (n + 3, name) == 0)
        return a;
    }
  return NULL;
}

static gboolean
is_directive_attr (const char *name)
{
  static const char *const names[] = { "if", "elif", "else", "for", "for-items", "for-item", "for-index", "key", NULL };
  if ((name[0] != 'w' && name[0] != 'f') || name[1] != 'x' || name[2] != ':')
    return FALSE;
  return g_strv_contains (names, name + 3);
}

static FcElement *
new_element (FcPage *self, FcElement *parent, const FcFxmlNode *node, ScopeRef *scope, ElementKind kind)
{
  FcElement *el = g_new0 (FcElement, 1);
  el->kind = kind;
  el->page = self;
  el->parent = parent;
  el->node = node;
  el->scope = scope_ref (scope);
  el->active = -1;
  g_ptr_array_add (parent->children, el);
  self->n_elements++;
  return el;
}

static void
make_virtual (FcElement *el)
{
  el->klass = fc_component_class_ref (fc_builtin_lookup ("block"));
  el->props = g_new0 (FcValue *, el->klass->properties->len);
  for (guint i = 0; i < el->klass->properties->len; i++)
    el->props[i] = fc_value_ref (fc_component_class_get_spec (el->klass, i)->default_value);
  el->children = g_ptr_array_new ();
}

static FcElement *build_node (FcPage *self, FcElement *parent, const FcFxmlNode *node, ScopeRef *scope,
                              guint consumed, GError **error);
static FcElement *build_if (FcPage *self, FcElement *parent, GPtrArray *branches, ScopeRef *scope,
                            guint consumed, GError **error);

static gboolean
build_children (FcPage *self, FcElement *el, const FcFxmlNode *node, ScopeRef *scope, GError **error)
{
  for (guint i = 0; i < node->children->len; i++)
    {
      const FcFxmlNode *c = g_ptr_array_index (node->children, i);
      if (c->type == FC_FXML_COMMENT)
        continue;
      if (directive (c, "if") && !directive (c, "for"))
        {
          /* a wx:if chain: this element and the wx:elif / wx:else after it */
          GPtrArray *branches = g_ptr_array_new ();
          guint j = i + 1;
          g_ptr_array_add (branches, (gpointer) c);
          while (j < node->children->len)
            {
              const FcFxmlNode *d = g_ptr_array_index (node->children, j);
              if (d->type == FC_FXML_COMMENT)
                {
                  j++;
                  continue;
                }
              if (!directive (d, "elif") && !directive (d, "else"))
                break;
              g_ptr_array_add (branches, (gpointer) d);
              j++;
              if (directive (d, "else"))
                break;
            }
          if (!build_if (self, el, branches, scope, 0, error))
            return FALSE;
          i = j - 1;
          continue;
        }
      if (!build_node (self, el, c, scope, 0, error))
        return FALSE;
    }
  return TRUE;
}

static FcElement *
build_element (FcPage *self, FcElement *parent, const FcFxmlNode *node, ScopeRef *scope, GError **error)
{
  FcElement *el;
  FcComponentClass *klass = NULL;

  if (node->type == FC_FXML_TEXT)
    {
      Binding *b;
      el = new_element (self, parent, node, scope, ELEMENT_TEXT);
      reserve_bindings (el, 1);
      b = add_binding (self, el, BINDING_TEXT, NULL);
      update_binding (self, b, TRUE);
      return el;
    }

  klass = resolve_class (self, node, error);
  if (!klass)
    return NULL;
  el = new_element (self, parent, node, scope, ELEMENT_NORMAL);
  reserve_bindings (el, node->attributes->len);
  el->klass = fc_component_class_ref (klass);
  el->children = g_ptr_array_new ();
  el->props = g_new (FcValue *, klass->properties->len);
  for (guint i = 0; i < klass->properties->len; i++)
    el->props[i] = fc_value_ref (fc_component_class_get_spec (klass, i)->default_value);

  for (guint i = 0; i < node->attributes->len; i++)
    {
      const FcFxmlAttribute *a = g_ptr_array_index (node->attributes, i);
      EventBindingKind ek;
      const char *event;
      int prop;
      Binding *b;

      if (is_directive_attr (a->name))
        continue;
      if (strcmp (a->name, "id") == 0)
        b = add_binding (self, el, BINDING_ID, a);
      else if (strncmp (a->name, "data-", 5) == 0 && a->name[5])
        {
          b = add_binding (self, el, BINDING_DATASET, a);
          b->key = b->owned_key = dataset_key (a->name);
        }
      else if ((prop = fc_component_class_find_property (klass, a->name)) >= 0)
        {
          b = add_binding (self, el, BINDING_PROPERTY, a);
          b->prop = prop;
        }
      else if (parse_event_attr (a->name, &ek, &event))
        {
          if (!*event)
            {
              fc_page_emit_warning (self, a->line, a->col, "event binding \"%s\" names no event", a->name);
              continue;
            }
          b = add_binding (self, el, BINDING_EVENT, a);
          b->event_kind = ek;
          b->key = event;
        }
      else if (g_str_has_prefix (a->name, "generic:") && a->name[8])
        {
          /* an abstract node's implementation: a tag of this page */
          FcFxmlNode pseudo = *node;
          g_autofree char *tag = g_strdup (a->value ? a->value : "");
          FcComponentClass *impl;
          pseudo.name = tag;
          pseudo.line = a->line;
          pseudo.col = a->col;
          if (!(impl = resolve_class (self, &pseudo, error)))
            return NULL;
          if (!el->generics)
            el->generics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) fc_component_class_unref);
          g_hash_table_replace (el->generics, g_strdup (a->name + 8), fc_component_class_ref (impl));
          continue;
        }
      else if (is_generic_attr (a->name))
        {
          b = add_binding (self, el, BINDING_GENERIC, a);
          b->key = a->name;
        }
      else
        {
          if (strchr (a->name, ':'))
            fc_page_emit_warning (self, a->line, a->col, "unsupported directive \"%s\" on <%s>",
                                  a->name, node->name);
          else
            fc_page_emit_warning (self, a->line, a->col, "unknown attribute \"%s\" on <%s>",
                                  a->name, node->name);
          continue;
        }
      update_binding (self, b, TRUE);
    }

  if (!build_children (self, el, node, scope, error))
    return NULL;
  return el;
}

static FcElement *
build_for (FcPage *self, FcElement *parent, const FcFxmlNode *node, ScopeRef *scope, guint consumed,
           GError **error)
{
  FcElement *el = new_element (self, parent, node, scope, ELEMENT_FOR);
  Binding *b;

  reserve_bindings (el, 1);
  make_virtual (el);
  el->consumed = consumed | CONSUMED_FOR;
  b = add_binding (self, el, BINDING_FOR, directive (node, "for"));
  update_binding (self, b, TRUE);
  return for_refresh (self, el, error) ? el : NULL;
}

static FcElement *
build_if (FcPage *self, FcElement *parent, GPtrArray *branches, ScopeRef *scope, guint consumed,
          GError **error)
{
  FcElement *el = new_element (self, parent, g_ptr_array_index (branches, 0), scope, ELEMENT_IF);

  reserve_bindings (el, branches->len);
  make_virtual (el);
  el->branches = branches;
  el->consumed = consumed | CONSUMED_IF;
  for (guint k = 0; k < branches->len; k++)
    {
      const FcFxmlNode *n = g_ptr_array_index (branches, k);
      const FcFxmlAttribute *cond = directive (n, k == 0 ? "if" : "elif");
      if (cond)
        {
          Binding *b = add_binding (self, el, BINDING_IF, cond);
          b->prop = (int) k;
          update_binding (self, b, TRUE);
        }
    }
  return if_refresh (self, el, error) ? el : NULL;
}

static FcElement *
build_node (FcPage *self, FcElement *parent, const FcFxmlNode *node, ScopeRef *scope, guint consumed,
            GError **error)
{
  const FcFxmlAttribute *stray;

  if (node->type == FC_FXML_ELEMENT && !(consumed & CONSUMED_FOR) && directive (node, "for"))
    return build_for (self, parent, node, scope, consumed, error);
  if (node->type == FC_FXML_ELEMENT && !(consumed & CONSUMED_IF) && directive (node, "if"))
    {
      GPtrArray *branches = g_ptr_array_new ();
      g_ptr_array_add (branches, (gpointer) node);
      return build_if (self, parent, branches, scope, consumed, error);
    }
  if (node->type == FC_FXML_ELEMENT && !(consumed & CONSUMED_IF)
      && ((stray = directive (node, "elif")) || (stray = directive (node, "else"))))
    fc_page_emit_warning (self, stray->line, stray->col, "%s without a wx:if before it", stray->name);
  return build_element (self, parent, node, scope, error);
}

static void
handle_free (gpointer handle, GObject *instance_was)
{
  g_free (handle);
}

static void
instantiate (FcPage *self, FcElement *el)
{
  if (el->dead)
    return;
  if (el->klass && el->klass->factory)
    {
      el->instance = el->klass->factory (el->klass, fc_element_get_component_handle (el), el->klass->hooks_data);
      /* a plugin's component may keep its handle as long as its instance
       * lives, after the element is gone: the instance owns it then */
      if (el->instance && el->handle)
        {
          g_object_weak_ref (el->instance, handle_free, el->handle);
          el->handle_adopted = TRUE;
        }
    }
  el->mounted = TRUE;
  if (el->children)
    for (guint i = 0; i < el->children->len; i++)
      instantiate (self, g_ptr_array_index (el->children, i));
}

static void
connect_all (FcPage *self, FcElement *el)
{
  if (el->dead)
    return;
  if (el->instance && el->klass->connect)
    el->klass->connect (el->instance, fc_element_get_component_handle (el), el->klass->hooks_data);
  if (el->children)
    for (guint i = 0; i < el->children->len; i++)
      connect_all (self, g_ptr_array_index (el->children, i));
}

/* Every tag must resolve at load, also in wx:if branches not shown yet
 * and wx:for bodies with no items yet. */
static gboolean
validate_tree (FcPage *self, const FcFxmlNode *node, GError **error)
{
  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      const FcFxmlNode *c = g_ptr_array_index (node->children, i);
      if (c->type != FC_FXML_ELEMENT)
        continue;
      if (!resolve_class (self, c, error) || !validate_tree (self, c, error))
        return FALSE;
    }
  return TRUE;
}

/* Builds what a new wx:if branch or wx:for item needs after mount. */
static void
mount_subtree (FcPage *self, FcElement *el)
{
  if (!self->root || !self->root->mounted)
    return;
  update_begin (self);
  instantiate (self, el);
  connect_all (self, el);
  update_end (self);
}

static void
refresh_subtree (FcPage *self, FcElement *el)
{
  if (el->dead)
    return;
  for (guint i = 0; i < el->n_bindings; i++)
    update_binding (self, &el->bindings[i], FALSE);
  /* wx:if and wx:for refreshed their own children above */
  if (el->kind == ELEMENT_NORMAL && el->children)
    for (guint i = 0; i < el->children->len; i++)
      refresh_subtree (self, g_ptr_array_index (el->children, i));
}

static void
children_changed (FcPage *self, FcElement *el)
{
  if (self->root && self->root->mounted)
    g_signal_emit (self, signals[SIGNAL_CHILDREN_CHANGED], 0, el);
}

static gboolean
if_refresh (FcPage *self, FcElement *el, GError **error)
{
  int want = -1;
  FcElement *child;

  for (guint k = 0; k < el->branches->len && want < 0; k++)
    {
      const FcFxmlNode *n = g_ptr_array_index (el->branches, k);
      if (directive (n, k == 0 ? "if" : "elif"))
        {
          for (guint i = 0; i < el->n_bindings; i++)
            {
              Binding *b = &el->bindings[i];
              if (b->kind == BINDING_IF && b->prop == (int) k && fc_value_is_truthy (b->value))
                want = (int) k;
            }
        }
      else
        want = (int) k; /* wx:else */
    }
  if (want == el->active)
    {
      if (self->refreshing && el->children->len)
        {
          self->refreshing++;
          refresh_subtree (self, g_ptr_array_index (el->children, 0));
          self->refreshing--;
        }
      return TRUE;
    }
  update_begin (self);
  while (el->children->len)
    destroy_element (self, g_ptr_array_index (el->children, el->children->len - 1));
  el->active = want;
  if (want >= 0)
    {
      child = build_node (self, el, g_ptr_array_index (el->branches, want), el->scope, el->consumed, error);
      if (!child)
        {
          /* keep the tree consistent: nothing shown */
          while (el->children->len)
            destroy_element (self, g_ptr_array_index (el->children, el->children->len - 1));
          el->active = -1;
          update_end (self);
          return FALSE;
        }
      mount_subtree (self, child);
    }
  children_changed (self, el);
  update_end (self);
  return TRUE;
}

static void
for_items (FcValue *list, GPtrArray *items, GPtrArray *indexes)
{
  switch (fc_value_get_kind (list))
    {
    case FC_VALUE_ARRAY:
      for (guint i = 0; i < fc_value_array_get_length (list); i++)
        {
          g_ptr_array_add (items, fc_value_ref (fc_value_array_get (list, i)));
          g_ptr_array_add (indexes, fc_value_new_number (i));
        }
      break;
    case FC_VALUE_OBJECT:
      for (guint i = 0; i < fc_value_object_get_size (list); i++)
        {
          g_ptr_array_add (items, fc_value_ref (fc_value_object_get_nth (list, i)));
          g_ptr_array_add (indexes, fc_value_new_string (fc_value_object_get_key (list, i)));
        }
      break;
    case FC_VALUE_NUMBER:
      for (double i = 0; i < fc_value_get_number (list) && i < 100000; i++)
        {
          g_ptr_array_add (items, fc_value_new_number (i));
          g_ptr_array_add (indexes, fc_value_new_number (i));
        }
      break;
    case FC_VALUE_STRING:
      {
        guint i = 0;
        /* strings from a host's C code need not be valid UTF-8 */
        g_autofree char *valid = g_utf8_make_valid (fc_value_get_string (list), -1);
        for (const char *c = valid; *c; c = g_utf8_next_char (c), i++)
          {
            g_ptr_array_add (items, fc_value_new_string_take (g_strndup (c, g_utf8_next_char (c) - c)));
            g_ptr_array_add (indexes, fc_value_new_number (i));
          }
        break;
      }
    default:
      break;
    }
}

static char *
item_key (FcValue *item, const char *key)
{
  if (strcmp (key, "*this") == 0)
    return fc_value_to_json (item);
  if (fc_value_get_kind (item) == FC_VALUE_OBJECT && fc_value_object_get (item, key))
    return fc_value_to_json (fc_value_object_get (item, key));
  return NULL; /* no key: never matches, always a new instance */
}

static void
set_instance_item (FcPage *self, FcElement *child, FcValue *item, FcValue *index)
{
  ScopeRef *sc = child->scope;
  gboolean changed = !fc_value_equal (sc->item.value, item) || !fc_value_equal (sc->index.value, index);
  if (!changed && !self->refreshing)
    return;
  fc_value_unref (sc->item.value);
  sc->item.value = fc_value_ref (item);
  fc_value_unref (sc->index.value);
  sc->index.value = fc_value_ref (index);
  self->refreshing++;
  refresh_subtree (self, child);
  self->refreshing--;
}

/* wx:key: instances follow their item's key, so a component keeps its
 * state when the list is reordered; unmatched ones are built or removed. */
static gboolean
for_refresh_keyed (FcPage *self, FcElement *el, GPtrArray *items, GPtrArray *indexes, const char *item_name,
                   const char *index_name, GError **error)
{
  const char *key = directive (el->node, "key")->value;
  g_autoptr (GHashTable) old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) reused = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  gboolean ok = TRUE, changed = FALSE;
  guint n_old = el->children->len;

  update_begin (self);
  for (guint i = 0; i < n_old; i++)
    {
      FcElement *child = g_ptr_array_index (el->children, i);
      char *k = item_key (child->scope->item.value, key);
      if (k && !g_hash_table_contains (old, k))
        g_hash_table_insert (old, k, child);
      else
        g_free (k);
    }
  for (guint i = 0; i < items->len && ok; i++)
    {
      g_autofree char *k = item_key (g_ptr_array_index (items, i), key);
      FcElement *child = k ? g_hash_table_lookup (old, k) : NULL;
      if (child)
        {
          g_hash_table_remove (old, k);
          g_hash_table_add (reused, child);
          set_instance_item (self, child, g_ptr_array_index (items, i), g_ptr_array_index (indexes, i));
        }
      else
        {
          ScopeRef *sc = scope_new (el->scope, item_name, index_name, g_ptr_array_index (items, i),
                                    g_ptr_array_index (indexes, i));
          child = build_node (self, el, el->node, sc, el->consumed, error);
          scope_unref (sc);
          if (!child)
            {
              ok = FALSE;
              break;
            }
          g_ptr_array_remove (el->children, child); /* placed below */
          g_hash_table_add (reused, child);
          mount_subtree (self, child);
          changed = TRUE;
        }
      /* el->children still holds exactly the old instances here */
      if (order->len >= n_old || g_ptr_array_index (el->children, order->len) != child)
        changed = TRUE;
      g_ptr_array_add (order, child);
    }
  /* drop the instances no item kept (all of them on failure: keep none half-built) */
  for (guint i = el->children->len; i > 0; i--)
    {
      FcElement *child = g_ptr_array_index (el->children, i - 1);
      if (!ok || !g_hash_table_contains (reused, child))
        {
          destroy_element (self, child);
          changed = TRUE;
        }
    }
  if (!ok)
    for (guint i = 0; i < order->len; i++)
      if (!((FcElement *) g_ptr_array_index (order, i))->dead
          && !g_ptr_array_find (el->children, g_ptr_array_index (order, i), NULL))
        {
          /* new instances were already detached from the children: put them back to destroy them */
          g_ptr_array_add (el->children, g_ptr_array_index (order, i));
          destroy_element (self, g_ptr_array_index (order, i));
        }
  if (ok)
    {
      g_ptr_array_set_size (el->children, 0);
      for (guint i = 0; i < order->len; i++)
        g_ptr_array_add (el->children, g_ptr_array_index (order, i));
    }
  if (changed)
    children_changed (self, el);
  update_end (self);
  return ok;
}

/* Without wx:key, instances are reused by position: existing ones get the
 * new item and re-evaluate; extra ones are built or removed. */
static gboolean
for_refresh (FcPage *self, FcElement *el, GError **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_value_unref);
  g_autoptr (GPtrArray) indexes = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_value_unref);
  const FcFxmlAttribute *item_attr = directive (el->node, "for-item");
  const FcFxmlAttribute *index_attr = directive (el->node, "for-index");
  const char *item_name = item_attr && item_attr->value ? item_attr->value : "item";
  const char *index_name = index_attr && index_attr->value ? index_attr->value : "index";
  Binding *b = &el->bindings[0];
  guint n_old = el->children->len, n_new;
  gboolean ok = TRUE;

  for_items (b->value, items, indexes);
  n_new = items->len;
  if (n_old > 0 && directive (el->node, "key") && directive (el->node, "key")->value)
    return for_refresh_keyed (self, el, items, indexes, item_name, index_name, error);
  update_begin (self);
  for (guint i = 0; i < MIN (n_old, n_new); i++)
    {
      FcElement *child = g_ptr_array_index (el->children, i);
      ScopeRef *sc = child->scope;
      gboolean changed = !fc_value_equal (sc->item.value, g_ptr_array_index (items, i))
                         || !fc_value_equal (sc->index.value, g_ptr_array_index (indexes, i));
      if (!changed && !self->refreshing)
        continue;
      fc_value_unref (sc->item.value);
      sc->item.value = fc_value_ref (g_ptr_array_index (items, i));
      fc_value_unref (sc->index.value);
      sc->index.value = fc_value_ref (g_ptr_array_index (indexes, i));
      self->refreshing++;
      refresh_subtree (self, child);
      self->refreshing--;
    }
  for (guint i = n_old; i < n_new && ok; i++)
    {
      ScopeRef *sc = scope_new (el->scope, item_name, index_name, g_ptr_array_index (items, i),
                                g_ptr_array_index (indexes, i));
      FcElement *child = build_node (self, el, el->node, sc, el->consumed, error);
      scope_unref (sc);
      if (child)
        mount_subtree (self, child);
      else
        ok = FALSE;
    }
  /* on a failed build keep what existed, drop the rest */
  while (el->children->len > (ok ? n_new : MIN (n_old, n_new)))
    destroy_element (self, g_ptr_array_index (el->children, el->children->len - 1));
  if (n_old != el->children->len)
    children_changed (self, el);
  update_end (self);
  return ok;
}

static FcValue *
parse_json_file (const char *text, const char *name, GError **error)
{
  g_autoptr (GError) local = NULL;
  FcValue *v = fc_value_from_json (text, &local);
  if (!v)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_JSON, "%s:%s", name, local->message);
      return NULL;
    }
  if (fc_value_get_kind (v) != FC_VALUE_OBJECT)
    {
      fc_value_unref (v);
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_JSON, "%s:1:1: expected a JSON object", name);
      return NULL;
    }
  return v;
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
 */
gboolean
fc_page_load (FcPage *self, const char *app_json, const char *page_json, const char *fxml,
              const char *fxml_filename, FcValue *data, GError **error)
{
  g_return_val_if_fail (FC_IS_PAGE (self), FALSE);
  g_return_val_if_fail (fxml != NULL, FALSE);
  g_return_val_if_fail (self->root == NULL, FALSE);
  g_return_val_if_fail (data == NULL || fc_value_get_kind (data) == FC_VALUE_OBJECT, FALSE);

  self->filename = g_strdup (fxml_filename ? fxml_filename : "page.fxml");
  if (app_json && !(self->app_json = parse_json_file (app_json, "app.json", error)))
    return FALSE;
  self->shared_doc = shared_doc_lookup (self->filename, fxml, page_json, error);
  if (!self->shared_doc)
    return FALSE;
  self->doc = self->shared_doc->doc;
  self->page_json = self->shared_doc->json ? fc_value_ref (self->shared_doc->json) : NULL;
  self->data = data ? fc_value_ref (data) : fc_value_new_object ();
  /* keys are path segments of the markup's templates, alive with the page */
  self->deps_index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->index_stamp = 1;

  self->root = g_new0 (FcElement, 1);
  self->root->page = self;
  self->root->node = self->doc;
  self->root->klass = fc_component_class_ref (fc_builtin_lookup ("page"));
  self->root->props = g_new0 (FcValue *, 0);
  self->root->children = g_ptr_array_new ();
  self->root->kind = ELEMENT_NORMAL;
  if (!validate_tree (self, self->doc, error) || !build_children (self, self->root, self->doc, NULL, error))
    {
      g_clear_pointer (&self->root, element_free);
      return FALSE;
    }
  /* hooks may raise events whose handlers change the tree */
  update_begin (self);
  instantiate (self, self->root);
  connect_all (self, self->root);
  update_end (self);
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
static GPtrArray *
cached_path_bucket (FcPage *self, CachedPath *c)
{
  if (!c->bucket)
    c->bucket = g_hash_table_lookup (self->deps_index, g_array_index (c->path, FcPathSegment, 0).key);
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
      GPtrArray *bucket = cached_path_bucket (self, c);
      c->many = bucket && bucket->len > 1;
      b = bucket && bucket->len == 1 ? g_ptr_array_index (bucket, 0) : NULL;
      c->dep = b && fc_template_depends_on (binding_template (b), c->path) ? b : NULL;
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
      update_begin (self);
      update_binding (self, b, FALSE);
      update_end (self);
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
      GPtrArray *bucket = cached_path_bucket (self, c);
      for (guint j = 0; bucket && j < bucket->len; j++)
        {
          Binding *b = g_ptr_array_index (bucket, j);
          if (b->generation == self->generation || !fc_template_depends_on (binding_template (b), p))
            continue;
          b->generation = self->generation;
          g_ptr_array_add (dirty, b);
        }
    }
  /* the paths may be evicted from the cache by a nested setData below */
  g_ptr_array_set_size (paths, 0);
  g_ptr_array_unref (paths);
  update_begin (self);
  for (guint i = 0; i < dirty->len; i++)
    update_binding (self, g_ptr_array_index (dirty, i), FALSE);
  update_end (self);
  g_ptr_array_set_size (dirty, 0);
  g_ptr_array_unref (dirty);
  return TRUE;
}

/** fc_page_get_data: Returns: (transfer none): the page data */
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

/** fc_page_get_registry: Returns: (transfer none): the registry */
FcRegistry *
fc_page_get_registry (FcPage *self)
{
  g_return_val_if_fail (FC_IS_PAGE (self), NULL);
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
  return self->scope;
}

/** fc_page_get_root: Returns: (transfer none) (nullable): the root element (tag `page`) */
FcElement *
fc_page_get_root (FcPage *self)
{
  g_return_val_if_fail (FC_IS_PAGE (self), NULL);
  return self->root;
}

guint
fc_page_get_n_elements (FcPage *self)
{
  g_return_val_if_fail (FC_IS_PAGE (self), 0);
  return self->n_elements;
}

static FcElement *
select_in (FcElement *el, const char *id, const char *tag)
{
  if (el->klass && el->kind == ELEMENT_NORMAL && ((id && el->id && strcmp (el->id, id) == 0) || (tag && strcmp (fc_element_get_tag (el), tag) == 0)))
    return el;
  if (el->children)
    for (guint i = 0; i < el->children->len; i++)
      {
        FcElement *r = select_in (g_ptr_array_index (el->children, i), id, tag);
        if (r)
          return r;
      }
  return NULL;
}

/**
 * fc_page_select:
 * @self: a page
 * @selector: `#id` or a tag name
 *
 * Returns: (transfer none) (nullable): the first matching element
 */
FcElement *
fc_page_select (FcPage *self, const char *selector)
{
  g_return_val_if_fail (FC_IS_PAGE (self) && selector, NULL);
  if (!self->root)
    return NULL;
  for (guint i = 0; i < self->root->children->len; i++)
    {
      FcElement *r = select_in (g_ptr_array_index (self->root->children, i),
                                selector[0] == '#' ? selector + 1 : NULL,
                                selector[0] == '#' ? NULL : selector);
      if (r)
        return r;
    }
  return NULL;
}

/**
 * fc_page_select_component:
 * @self: a page
 * @selector: `#id` or a tag name
 *
 * What the platform's `selectComponent` gives a page: the instance of the
 * first matching element, except that a plugin's component (a class
 * carrying `fc-plugin` data, see fc_plugin_context_add_component()) gives
 * %NULL, so a page cannot reach inside a plugin. fc_page_select() is the
 * host's privileged view (replay drives plugin components through it).
 *
 * Returns: (transfer none) (nullable): the component instance
 */
GObject *
fc_page_select_component (FcPage *self, const char *selector)
{
  FcElement *el = fc_page_select (self, selector);
  if (!el || !el->klass || fc_component_class_get_data (el->klass, "fc-plugin"))
    return NULL;
  return el->instance;
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

/**
 * fc_element_emit_warning:
 * @element: an element
 * @message: what is wrong with its input
 *
 * Emits the page's #FcPage::warning with the element's `file:line:col`:
 * how a component reports bad attribute values (never g_warning()).
 */
void
fc_element_emit_warning (FcElement *element, const char *message)
{
  g_return_if_fail (element && message);
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return;
  fc_page_emit_warning (element->page, element->node ? element->node->line : 0,
                        element->node ? element->node->col : 0, "%s", message);
}

/**
 * fc_element_get_generic:
 * @element: an element
 * @name: an abstract node's name (`generic:NAME="tag"`)
 *
 * Returns: (transfer none) (nullable): the class the page chose for it
 */
FcComponentClass *
fc_element_get_generic (FcElement *element, const char *name)
{
  g_return_val_if_fail (element && name, NULL);
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return NULL;
  return element->generics ? g_hash_table_lookup (element->generics, name) : NULL;
}

/* ---- virtual clock ---- */

/** fc_page_get_time: milliseconds since the page opened (virtual) */
double
fc_page_get_time (FcPage *self)
{
  g_return_val_if_fail (FC_IS_PAGE (self), 0);
  return self->now;
}

/**
 * fc_page_add_timeout:
 * @self: a page
 * @delay_ms: after how long (virtual time)
 * @func: called then; returning %G_SOURCE_CONTINUE repeats it
 * @user_data: its data
 * @destroy: (nullable): frees @user_data when the timeout ends
 *
 * Returns: the timeout's id
 */
guint
fc_page_add_timeout (FcPage *self, double delay_ms, GSourceFunc func, gpointer user_data, GDestroyNotify destroy)
{
  Timer t = { self->next_timer_id++, self->now + MAX (delay_ms, 0), MAX (delay_ms, 0), func, user_data, destroy, NULL };
  g_return_val_if_fail (FC_IS_PAGE (self) && func, 0);
  g_array_append_val (self->timers, t);
  return t.id;
}

void
fc_page_remove_timeout (FcPage *self, guint id)
{
  g_return_if_fail (FC_IS_PAGE (self));
  for (guint i = 0; i < self->timers->len; i++)
    if (g_array_index (self->timers, Timer, i).id == id)
      {
        Timer t = g_array_index (self->timers, Timer, i);
        g_array_remove_index (self->timers, i);
        if (t.destroy)
          t.destroy (t.user_data);
        return;
      }
}

/**
 * fc_page_advance:
 * @self: a page
 * @ms: how far to move virtual time
 *
 * Runs the timeouts that fall due, in order, each at its own time.
 */
void
fc_page_advance (FcPage *self, double ms)
{
  double target;

  g_return_if_fail (FC_IS_PAGE (self));
  target = self->now + MAX (ms, 0);
  update_begin (self);
  while (TRUE)
    {
      int best = -1;
      for (guint i = 0; i < self->timers->len; i++)
        {
          Timer *t = &g_array_index (self->timers, Timer, i);
          if (t->due <= target && (best < 0 || t->due < g_array_index (self->timers, Timer, best).due))
            best = (int) i;
        }
      if (best < 0)
        break;
      {
        Timer t = g_array_index (self->timers, Timer, best);
        self->now = MAX (self->now, t.due);
        if (t.func (t.user_data) == G_SOURCE_CONTINUE)
          {
            /* the timer list may have changed during the call */
            for (guint i = 0; i < self->timers->len; i++)
              if (g_array_index (self->timers, Timer, i).id == t.id)
                g_array_index (self->timers, Timer, i).due = self->now + MAX (t.interval, 1);
          }
        else
          fc_page_remove_timeout (self, t.id);
      }
    }
  self->now = target;
  update_end (self);
}

/**
 * fc_page_hold:
 * @self: a page
 *
 * Tells the page a component has asynchronous work in flight whose events
 * are still to come (a camera negotiating, a recording being encoded). A
 * host that runs a page headlessly (`fc-demo replay`) iterates the main
 * context while the page is held before it concludes an expected event
 * never came. Each hold is ended by one fc_page_release().
 */
void
fc_page_hold (FcPage *self)
{
  g_return_if_fail (FC_IS_PAGE (self));
  self->holds++;
}

/**
 * fc_page_release:
 * @self: a page
 *
 * Ends one fc_page_hold().
 */
void
fc_page_release (FcPage *self)
{
  g_return_if_fail (FC_IS_PAGE (self));
  g_return_if_fail (self->holds > 0);
  self->holds--;
}

/**
 * fc_page_is_held:
 * @self: a page
 *
 * Returns: whether a component has asynchronous work in flight
 */
gboolean
fc_page_is_held (FcPage *self)
{
  g_return_val_if_fail (FC_IS_PAGE (self), FALSE);
  return self->holds > 0;
}

/* ---- the page's clock, as a component reaches it ----
 *
 * A component's code holds its element (a plugin's: a handle of it), not
 * the page: these give it the page's clock and nothing else. */

static void
remove_timeouts_of (FcPage *page, FcElement *owner)
{
  for (guint i = page->timers->len; i > 0; i--)
    if (g_array_index (page->timers, Timer, i - 1).owner == owner)
      fc_page_remove_timeout (page, g_array_index (page->timers, Timer, i - 1).id);
}

/** fc_element_get_time: Returns: the time of @element's page, in ms (virtual) */
double
fc_element_get_time (FcElement *element)
{
  FcElement *el;

  g_return_val_if_fail (element != NULL, 0);
  el = fc_element_resolve (element);
  return el ? el->page->now : 0;
}

/**
 * fc_element_add_timeout:
 * @element: an element, or a plugin's handle of one
 * @delay_ms: after how long (the page's time)
 * @func: called then; returning %G_SOURCE_CONTINUE repeats it
 * @user_data: its data
 * @destroy: (nullable): frees @user_data when the timeout ends
 *
 * fc_page_add_timeout() on @element's page; the timeout ends with the
 * element, if it has not run before.
 *
 * Returns: the timeout's id; 0 when @element is gone
 */
guint
fc_element_add_timeout (FcElement *element, double delay_ms, GSourceFunc func, gpointer user_data,
                        GDestroyNotify destroy)
{
  FcElement *el;
  guint id;

  g_return_val_if_fail (element != NULL && func != NULL, 0);
  if (!(el = fc_element_resolve (element)))
    {
      if (destroy)
        destroy (user_data);
      return 0;
    }
  id = fc_page_add_timeout (el->page, delay_ms, func, user_data, destroy);
  g_array_index (el->page->timers, Timer, el->page->timers->len - 1).owner = element;
  return id;
}

/** fc_element_remove_timeout: ends a timeout of fc_element_add_timeout() */
void
fc_element_remove_timeout (FcElement *element, guint id)
{
  FcElement *el;

  g_return_if_fail (element != NULL);
  if ((el = fc_element_resolve (element)) && id != 0)
    fc_page_remove_timeout (el->page, id);
}

/** fc_element_advance: fc_page_advance() on @element's page */
void
fc_element_advance (FcElement *element, double ms)
{
  FcElement *el;

  g_return_if_fail (element != NULL);
  if ((el = fc_element_resolve (element)))
    fc_page_advance (el->page, ms);
}

/**
 * fc_element_hold:
 * @element: an element, or a plugin's handle of one
 *
 * fc_page_hold() on @element's page: its component has work in flight
 * whose events are still to come. Ended by fc_element_release(), or when
 * the element goes.
 */
void
fc_element_hold (FcElement *element)
{
  FcElement *el;

  g_return_if_fail (element != NULL);
  if (!(el = fc_element_resolve (element)))
    return;
  element->holds++;
  el->page->holds++;
}

/** fc_element_release: ends one fc_element_hold() made through @element */
void
fc_element_release (FcElement *element)
{
  FcElement *el;

  g_return_if_fail (element != NULL);
  if (!(el = fc_element_resolve (element)) || element->holds == 0)
    return;
  element->holds--;
  fc_page_release (el->page);
}

/* ---- element accessors ---- */

/**
 * fc_element_get_page:
 * @element: an element
 *
 * The page holding @element. A plugin's component is given a handle of
 * its element (in its hooks, methods and view factory), for which this
 * is %NULL: a plugin reaches what the page passes it (properties,
 * attributes, `data-*`), raises events and uses the page's clock
 * (fc_element_get_time() and the functions beside it), but never the
 * page, its data or the elements around it. The host's handlers get the
 * element itself (FcEvent's `target`), whose page this is.
 *
 * Returns: (transfer none) (nullable): the page; %NULL for a plugin's
 *   handle
 */
FcPage *
fc_element_get_page (FcElement *element)
{
  return element->kind == ELEMENT_HANDLE ? NULL : element->page;
}

/**
 * fc_element_get_component_handle:
 * @el: an element
 *
 * What a component's code is given for @el (its factory, connect hook,
 * methods and GTK view factory): @el itself, or for a plugin's component
 * (a class added with fc_plugin_context_add_component()) a handle of it
 * owned by @el. The handle works with every fc_element_ function except
 * that it has no page, parent or children: see fc_element_get_page().
 *
 * Returns: (transfer none): @el or its handle
 */
FcElement *
fc_element_get_component_handle (FcElement *el)
{
  if (el->kind == ELEMENT_HANDLE || !el->klass || !fc_component_class_get_data (el->klass, "fc-plugin"))
    return el;
  if (!el->handle)
    {
      el->handle = g_new0 (FcElement, 1);
      el->handle->kind = ELEMENT_HANDLE;
      el->handle->handle = el;
      el->handle->active = -1;
    }
  return el->handle;
}

/** fc_element_get_tag: Returns: (transfer none): the tag, or `#text` */
const char *
fc_element_get_tag (FcElement *element)
{
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return "";
  if (element->kind == ELEMENT_IF)
    return "#if";
  if (element->kind == ELEMENT_FOR)
    return "#for";
  if (element->node->type == FC_FXML_TEXT)
    return "#text";
  if (element->node->type == FC_FXML_DOCUMENT)
    return "page";
  return element->node->name;
}

/** fc_element_get_id: Returns: (transfer none): the id, "" when none */
const char *
fc_element_get_id (FcElement *element)
{
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return "";
  return element->id ? element->id : "";
}

/** fc_element_get_class: Returns: (transfer none) (nullable): the class; %NULL for text */
FcComponentClass *
fc_element_get_class (FcElement *element)
{
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return NULL;
  return element->klass;
}

/** fc_element_get_instance: Returns: (transfer none) (nullable): the component's GObject */
GObject *
fc_element_get_instance (FcElement *element)
{
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return NULL;
  return element->instance;
}

/** fc_element_get_parent: Returns: (transfer none) (nullable): the parent */
FcElement *
fc_element_get_parent (FcElement *element)
{
  return element->kind == ELEMENT_HANDLE ? NULL : element->parent;
}

/** fc_element_get_n_children: Returns: the number of children (0 for a plugin's handle) */
guint
fc_element_get_n_children (FcElement *element)
{
  return element->children ? element->children->len : 0;
}

/** fc_element_get_child: Returns: (transfer none): child @i */
FcElement *
fc_element_get_child (FcElement *element, guint i)
{
  g_return_val_if_fail (element->children && i < element->children->len, NULL);
  return g_ptr_array_index (element->children, i);
}

/** fc_element_get_text: Returns: (transfer none) (nullable): a text node's current text */
const char *
fc_element_get_text (FcElement *element)
{
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return NULL;
  return element->text;
}

/**
 * fc_element_get_property:
 * @element: an element
 * @name: a property name (camel or dash case)
 *
 * Returns: (transfer none) (nullable): the coerced value; %NULL for no such
 *   property
 */
FcValue *
fc_element_get_property (FcElement *element, const char *name)
{
  int i;
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return NULL;
  if (!element->klass)
    return NULL;
  i = fc_component_class_find_property (element->klass, name);
  return i < 0 ? NULL : element->props[i];
}

/**
 * fc_element_dup_properties:
 * @element: an element
 *
 * Returns: (transfer full): an object of every property in schema order,
 *   as coerced (what replay's `dump` prints)
 */
FcValue *
fc_element_dup_properties (FcElement *element)
{
  FcValue *o = fc_value_new_object ();
  element = fc_element_resolve (element);
  for (guint i = 0; element && element->klass && i < element->klass->properties->len; i++)
    fc_value_object_set (o, fc_component_class_get_spec (element->klass, i)->name,
                         fc_value_ref (element->props[i]));
  return o;
}

/**
 * fc_element_get_attribute:
 * @element: an element
 * @name: `class`, `style`, `hidden` or `slot`
 *
 * Returns: (transfer none) (nullable): the attribute's current value
 */
FcValue *
fc_element_get_attribute (FcElement *element, const char *name)
{
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return NULL;
  for (guint i = 0; i < element->n_bindings; i++)
    {
      Binding *b = &element->bindings[i];
      if (b->kind == BINDING_GENERIC && strcmp (b->key, name) == 0)
        return b->value;
    }
  return NULL;
}

/** fc_element_dup_dataset: Returns: (transfer full): the `data-*` dataset */
FcValue *
fc_element_dup_dataset (FcElement *element)
{
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return fc_value_new_object ();
  return element->dataset ? fc_value_ref (element->dataset) : fc_value_new_object ();
}

static const char *
handler_name (Binding *b, char **owned)
{
  *owned = NULL;
  if (!b->value || fc_value_get_kind (b->value) <= FC_VALUE_NULL)
    return NULL;
  if (fc_value_get_kind (b->value) == FC_VALUE_STRING)
    return *fc_value_get_string (b->value) ? fc_value_get_string (b->value) : NULL;
  *owned = fc_value_to_js_string (b->value);
  return **owned ? *owned : NULL;
}

/* Runs @el's bindings of @name in the given phase; returns FALSE when a
 * catch stops propagation. */
static gboolean
run_bindings (FcElement *el, FcEvent *ev, gboolean capture, gboolean *mut_done)
{
  gboolean go_on = TRUE;

  if (el->dead)
    return TRUE;
  for (guint i = 0; i < el->n_bindings; i++)
    {
      Binding *b = &el->bindings[i];
      g_autofree char *owned = NULL;
      const char *handler;
      gboolean is_capture;

      if (b->kind != BINDING_EVENT || strcmp (b->key, ev->type) != 0)
        continue;
      is_capture = b->event_kind == EVENT_CAPTURE_BIND || b->event_kind == EVENT_CAPTURE_CATCH
                   || b->event_kind == EVENT_CAPTURE_MUT_BIND;
      if (is_capture != capture)
        continue;
      if (b->event_kind == EVENT_CATCH || b->event_kind == EVENT_CAPTURE_CATCH)
        go_on = FALSE;
      /* mut-bind: at most one mut-bind handler per event, either phase */
      if (b->event_kind == EVENT_MUT_BIND || b->event_kind == EVENT_CAPTURE_MUT_BIND)
        {
          if (*mut_done)
            continue;
          *mut_done = TRUE;
        }
      handler = handler_name (b, &owned);
      if (!handler)
        continue; /* an empty value disables the binding */
      ev->current_target = el;
      ev->handler = handler;
      ev->line = b->attr->line;
      ev->col = b->attr->col;
      /* a plugin page's names resolve in its plugin's scope only */
      if (!fc_callback_scope_invoke_observed (el->page->plugin_scope ? el->page->plugin_scope : el->page->scope,
                                              el->page->scope, ev))
        fc_page_emit_warning (el->page, b->attr->line, b->attr->col,
                              "no handler \"%s\" for event \"%s\"", handler, ev->type);
    }
  return go_on;
}

/**
 * fc_element_trigger_event:
 * @element: the element raising the event (the target)
 * @name: the event name, verbatim (`onRecordEnd`, `input`)
 * @detail: (nullable) (transfer none): the detail; %NULL for `{}`
 * @flags: bubbling and capture
 *
 * Delivers the event to the bindings of @element (and, when it bubbles,
 * its ancestors; with %FC_EVENT_CAPTURE_PHASE, capture bindings from the
 * root down first), calling the handlers registered in the page's scope.
 */
void
fc_element_trigger_event (FcElement *element, const char *name, FcValue *detail, FcEventFlags flags)
{
  FcElement *stack_path[32];
  g_autofree FcElement **heap_path = NULL;
  FcElement **path = stack_path;
  guint depth = 0, n_path = 0;
  g_autoptr (FcValue) empty = NULL;
  gboolean mut_done = FALSE, go_on = TRUE;
  FcPage *page;
  FcEvent ev = { 0 };

  g_return_if_fail (element != NULL && name != NULL);
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return;
  page = g_object_ref (element->page);
  update_begin (page);
  if (!detail)
    detail = empty = fc_value_new_object ();
  ev.type = name;
  ev.time_stamp = page->now;
  ev.target = element;
  ev.detail = detail;

  /* only the target unless the event bubbles or captures */
  for (FcElement *e = element; e && e != page->root; e = e->parent)
    depth++;
  if (!(flags & (FC_EVENT_BUBBLES | FC_EVENT_CAPTURE_PHASE)))
    depth = MIN (depth, 1);
  if (depth > G_N_ELEMENTS (stack_path))
    path = heap_path = g_new (FcElement *, depth);
  for (FcElement *e = element; n_path < depth; e = e->parent)
    path[n_path++] = e;

  if (flags & FC_EVENT_CAPTURE_PHASE)
    for (guint i = n_path; go_on && i > 0; i--)
      go_on = run_bindings (path[i - 1], &ev, TRUE, &mut_done);
  for (guint i = 0; go_on && i < n_path; i++)
    {
      go_on = run_bindings (path[i], &ev, FALSE, &mut_done);
      if (!(flags & FC_EVENT_BUBBLES))
        break;
    }
  update_end (page);
  g_object_unref (page);
}

/**
 * fc_element_call_method:
 * @element: an element
 * @name: a method of its class
 * @args: (nullable) (transfer none): the arguments
 * @error: return location for an error
 *
 * Returns: whether the method ran and succeeded
 */
gboolean
fc_element_call_method (FcElement *element, const char *name, FcValue *args, GError **error)
{
  FcMethodSpec *m;

  element = fc_element_resolve (element);
  if (!element)
    {
      g_set_error_literal (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_UNKNOWN_METHOD,
                           "the component's element is gone");
      return FALSE;
    }
  m = element->klass ? fc_component_class_find_method (element->klass, name) : NULL;
  if (!m)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_UNKNOWN_METHOD, "<%s> has no method \"%s\"",
                   fc_element_get_tag (element), name);
      return FALSE;
    }
  /* the method may run handlers that remove @element: keep it alive
   * until the method returns */
  {
    FcPage *page = g_object_ref (element->page);
    gboolean ok;
    update_begin (page);
    ok = m->method (fc_element_get_component_handle (element), args, m->user_data, error);
    update_end (page);
    g_object_unref (page);
    return ok;
  }
}
