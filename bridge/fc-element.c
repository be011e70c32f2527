/* fc-element.c: FcElement: what a page's tree is made of, its accessors
 * (the public fc_element_get_*()), its dataset and the event object
 * built from it; freeing elements, at once or once an update ends. */
#include <string.h>

#include "fc-element-private.h"
#include "fc-binding-private.h"
#include "fc-page-scope-private.h"
#include "fc-page-slab-private.h"
#include "fc-page-signals-private.h"
#include "fc-page-timers-private.h"

/* The page owns its elements: the boxed type neither copies nor frees. */
static FcElement *
element_boxed_copy (FcElement *el)
{
  return el;
}

static void
element_boxed_free (FcElement *el)
{
}

G_DEFINE_BOXED_TYPE (FcElement, fc_element, element_boxed_copy, element_boxed_free)

/* What a plugin's code holds instead of its element: see
 * fc_element_get_component_handle(). It is never in a tree. */
static const FcElementKind handle_kind = {
  .name = "#handle",
  .is_handle = TRUE,
};

/* The element goes: the timeouts and holds its component made through it
 * (or its handle) end, and a handle the component still keeps answers as
 * a handle of nothing. */
static void
element_detach (FcElement *el)
{
  FcElement *h = el->handle;

  if (el->page->timers->len) /* none left while the page goes */
    fc_page_remove_timeouts_of (el->page, el);
  el->page->holds -= MIN (el->holds, el->page->holds);
  el->holds = 0;
  if (!h)
    return;
  fc_page_remove_timeouts_of (el->page, h);
  el->page->holds -= MIN (h->holds, el->page->holds);
  h->holds = 0;
  h->handle = NULL;
  el->handle = NULL;
  if (!el->handle_adopted)
    g_free (h);
}

/* Whether @p is in @el's own block (fc_element_new_child_sized()) */
static gboolean
in_block (const FcElement *el, gconstpointer p)
{
  return p && (const char *) p >= (const char *) el && (const char *) p < (const char *) el + el->block_size;
}

/* Frees @el and its subtree now (fc_element_destroy() is what removes an
 * element from a live tree). */
void
fc_element_free (FcElement *el)
{
  element_detach (el);
  for (guint i = 0; i < el->n_children; i++)
    fc_element_free (el->children[i]);
  if (el->children)
    fc_slab_free (el->page->slab, el->children, el->children_cap * sizeof (FcElement *));
  g_clear_object (&el->instance);
  g_clear_pointer (&el->generics, g_hash_table_unref);
  if (el->props)
    {
      for (guint i = 0; i < el->klass->properties->len; i++)
        if (el->props[i])
          fc_value_unref (el->props[i]);
      if (el->props_in_slab)
        fc_slab_free (el->page->slab, el->props, el->klass->properties->len * sizeof (FcValue *));
      else if (!in_block (el, el->props))
        g_free (el->props);
    }
  g_clear_pointer (&el->dataset, fc_value_unref);
  for (guint i = 0; i < el->n_bindings; i++)
    fc_binding_clear (&el->bindings[i]);
  if (el->bindings_in_slab)
    fc_slab_free (el->page->slab, el->bindings, el->bindings_alloc * sizeof (Binding));
  else if (!in_block (el, el->bindings))
    g_free (el->bindings);
  if (el->klass_borrowed)
    el->klass = NULL;
  g_clear_pointer (&el->klass, fc_component_class_unref);
  g_clear_pointer (&el->id, fc_value_unref);
  g_clear_pointer (&el->text, fc_value_unref);
  if (el->kind->destroy)
    el->kind->destroy (el);
  fc_item_scope_unref (el->scope);
  if (el->block_size)
    fc_slab_free (el->page->slab, el, el->block_size);
  else
    g_free (el);
}

static void
init_child (FcPage *self, FcElement *el, FcElement *parent, const FcFxmlNode *node, ScopeRef *scope,
            const FcElementKind *kind)
{
  el->kind = kind;
  el->page = self;
  el->parent = parent;
  el->shadow = fc_element_child_shadow (parent);
  el->node = node;
  el->scope = fc_item_scope_ref (scope);
  el->active = -1;
  fc_element_append_child (parent, el);
  self->n_elements++;
}

/* A new element of @kind for @node, the last child of @parent; its
 * bindings and props are its kind's to allocate. */
FcElement *
fc_element_new_child (FcPage *self, FcElement *parent, const FcFxmlNode *node, ScopeRef *scope,
                      const FcElementKind *kind)
{
  return fc_element_new_child_sized (self, parent, node, scope, kind, 0, 0);
}

/* The same, with room for @n_bindings bindings (fc_binding_reserve()) and
 * @n_props property values (not set) in the element's own block: one
 * allocation instead of three, for the elements a page has most of. */
FcElement *
fc_element_new_child_sized (FcPage *self, FcElement *parent, const FcFxmlNode *node, ScopeRef *scope,
                            const FcElementKind *kind, guint n_bindings, guint n_props)
{
  gsize size = sizeof (FcElement) + n_bindings * sizeof (Binding) + n_props * sizeof (FcValue *);
  FcElement *el;
  Binding *bindings;

  G_STATIC_ASSERT (sizeof (FcElement) % sizeof (gpointer) == 0 && sizeof (Binding) % sizeof (gpointer) == 0);
  if (!self->slab)
    self->slab = fc_slab_new ();
  el = fc_slab_alloc0 (self->slab, size);
  bindings = (Binding *) (el + 1);
  init_child (self, el, parent, node, scope, kind);
  el->block_size = size;
  el->bindings = n_bindings ? bindings : NULL;
  el->bindings_alloc = n_bindings;
  el->props = n_props ? (FcValue **) (bindings + n_bindings) : NULL;
  return el;
}

/* Takes @child out of @parent's children. The search starts from the end,
 * where wx:for and wx:if add and remove instances, so that emptying a list
 * of n items is O(n), not O(n^2) (a 100,000-item wx:for took minutes;
 * tests/fuzz/regressions/data/timeout-wx-for-100000-items). */
void
fc_element_remove_child (FcElement *parent, FcElement *child)
{
  for (guint i = parent->n_children; i > 0; i--)
    if (parent->children[i - 1] == child)
      {
        memmove (&parent->children[i - 1], &parent->children[i],
                 (parent->n_children - i) * sizeof (FcElement *));
        parent->n_children--;
        return;
      }
}

/* A zeroed block of @size bytes from @el's page's slab, for what @el
 * holds (fc_slab_free() with the same size gives it back); NULL for
 * none */
gpointer
fc_element_slab_alloc0 (FcElement *el, gsize size)
{
  if (size == 0) /* as g_new0() of none */
    return NULL;
  if (!el->page->slab)
    el->page->slab = fc_slab_new ();
  return fc_slab_alloc0 (el->page->slab, size);
}

/* Makes room for @n children in @el's list: one block of the page's slab
 * (an element's own GPtrArray, two allocations for every element, was
 * ~10 % of a list mount, bench/listpage). */
void
fc_element_reserve_children (FcElement *el, guint n)
{
  FcSlab *slab;
  FcElement **v;

  if (n <= el->children_cap)
    return;
  v = fc_element_slab_alloc0 (el, n * sizeof (FcElement *));
  slab = el->page->slab;
  if (el->n_children)
    memcpy (v, el->children, el->n_children * sizeof (FcElement *));
  if (el->children)
    fc_slab_free (slab, el->children, el->children_cap * sizeof (FcElement *));
  el->children = v;
  el->children_cap = n;
}

/* Adds @child as @parent's last child. */
void
fc_element_append_child (FcElement *parent, FcElement *child)
{
  if (parent->n_children == parent->children_cap)
    fc_element_reserve_children (parent, MAX (4, parent->children_cap * 2));
  parent->children[parent->n_children++] = child;
}

static guint
kill_element (FcPage *self, FcElement *el)
{
  guint n = 1;
  el->dead = TRUE;
  for (guint i = 0; i < el->n_bindings; i++)
    fc_binding_unindex (self, &el->bindings[i]);
  for (guint i = 0; i < el->n_children; i++)
    n += kill_element (self, el->children[i]);
  return n;
}

/* Takes @el out of the tree; it is freed once no update runs, since an
 * update in progress may still hold its bindings. */
void
fc_element_destroy (FcPage *self, FcElement *el)
{
  self->n_elements -= kill_element (self, el);
  if (el->parent)
    fc_element_remove_child (el->parent, el);
  el->parent = NULL;
  if (self->updating)
    g_ptr_array_add (self->graveyard, el);
  else
    fc_element_free (el);
}

static void
retry_truncated (FcPage *self, FcElement *el)
{
  if (el->truncated && !el->dead)
    {
      g_autoptr (GError) error = NULL;
      if (!el->kind->refresh (self, el, &error))
        fc_element_emit_warning_at (el, el->node->line, el->node->col, "%s", error->message);
    }
  for (guint i = 0; i < el->n_children; i++)
    retry_truncated (self, el->children[i]);
}

static void retry_truncated (FcPage *self, FcElement *el);

/* Ends what fc_page_update_begin() began: when the last update ends, the
 * elements removed meanwhile are freed, and lists that stopped at
 * the page's budget build the rest if there is room again. */
void
fc_page_update_end (FcPage *self)
{
  if (--self->updating == 0 && self->graveyard->len)
    fc_page_free_graveyard (self);
  /* one pass a top-level update: a keyed list rebuilds its instances
   * before it drops the old ones, so it may stop short again and free
   * room again; retrying until it settles could go on for ever */
  if (self->updating == 0 && self->lists_truncated && self->n_elements < self->max_elements && self->root)
    {
      self->lists_truncated = FALSE;
      self->updating++;
      retry_truncated (self, self->root);
      if (--self->updating == 0 && self->graveyard->len)
        fc_page_free_graveyard (self);
    }
}

/* What fc_page_update_end() does when the last update ends. */
void
fc_page_free_graveyard (FcPage *self)
{
  for (guint i = 0; i < self->graveyard->len; i++)
    fc_element_free (g_ptr_array_index (self->graveyard, i));
  g_ptr_array_set_size (self->graveyard, 0);
}

/* ---- element accessors ---- */

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
 * Resolves an abstract node (`componentGenerics`) of a component element
 * to the class the page chose for it with `generic:NAME`.
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
  return element->kind->is_handle ? NULL : element->page;
}

/**
 * fc_element_get_component_handle:
 * @element: an element
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
  if (el->kind->is_handle || !el->klass || !fc_component_class_get_data (el->klass, "fc-plugin"))
    return el;
  if (!el->handle)
    {
      el->handle = g_new0 (FcElement, 1);
      el->handle->kind = &handle_kind;
      el->handle->handle = el;
      el->handle->active = -1;
    }
  return el->handle;
}

/**
 * fc_element_get_tag:
 * @element: an element
 *
 * The element's tag name as written in the markup (`view`, `keyboard`,
 * ...), or `#text` for a text node.
 *
 * Returns: (transfer none): the tag, or `#text`
 */
const char *
fc_element_get_tag (FcElement *element)
{
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return "";
  if (element->kind->is_virtual)
    return element->kind->name;
  if (element->node->type == FC_FXML_TEXT)
    return "#text";
  if (element->node->type == FC_FXML_DOCUMENT)
    return element->parent ? "#shadow-root" : "page";
  return element->node->name;
}

/**
 * fc_element_get_id:
 * @element: an element
 *
 * The element's `id` attribute, which selectors such as `#kb` match.
 *
 * Returns: (transfer none): the id, "" when none
 */
const char *
fc_element_get_id (FcElement *element)
{
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return "";
  return element->id ? fc_value_get_string (element->id) : "";
}

/**
 * fc_element_get_class:
 * @element: an element
 *
 * The component class the element was mounted with: a built-in element's
 * or a component's; text nodes have none.
 *
 * Returns: (transfer none) (nullable): the class; %NULL for text
 */
FcComponentClass *
fc_element_get_class (FcElement *element)
{
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return NULL;
  return element->klass;
}

/**
 * fc_element_get_instance:
 * @element: an element
 *
 * The GObject the component's factory made for the element (for the
 * keyboard an #FcKeyboard, for the recorder an #FcRecorder), through which
 * a host drives the component directly.
 *
 * Returns: (transfer none) (nullable): the component's GObject
 */
GObject *
fc_element_get_instance (FcElement *element)
{
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return NULL;
  return element->instance;
}

/**
 * fc_element_get_parent:
 * @element: an element
 *
 * The element that contains @element in the page's tree; the page's root
 * has none.
 *
 * Returns: (transfer none) (nullable): the parent
 */
FcElement *
fc_element_get_parent (FcElement *element)
{
  return element->kind->is_handle ? NULL : element->parent;
}

/**
 * fc_element_get_n_children:
 * @element: an element
 *
 * How many child elements @element has now (wx:if and wx:for change it).
 *
 * Returns: the number of children (0 for a plugin's handle)
 */
guint
fc_element_get_n_children (FcElement *element)
{
  return element->n_children;
}

/**
 * fc_element_get_child:
 * @element: an element
 * @i: the index of the child, below fc_element_get_n_children()
 *
 * One child of @element, in document order.
 *
 * Returns: (transfer none): child @i
 */
FcElement *
fc_element_get_child (FcElement *element, guint i)
{
  g_return_val_if_fail (i < element->n_children, NULL);
  return element->children[i];
}

/**
 * fc_element_get_text:
 * @element: an element
 *
 * The current text of a text node, with its bindings evaluated against the
 * page data.
 *
 * Returns: (transfer none) (nullable): a text node's current text
 */
const char *
fc_element_get_text (FcElement *element)
{
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return NULL;
  return element->text ? fc_value_get_string (element->text) : NULL;
}

/**
 * fc_element_get_property:
 * @element: an element
 * @name: a property name (camel or dash case)
 *
 * The current value of one of the component's properties (schema names,
 * camelCase), after coercion to its type.
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
  return i < 0 ? NULL : fc_element_prop (element, i);
}

/**
 * fc_element_dup_properties:
 * @element: an element
 *
 * All of the component's current property values, as one object keyed by
 * property name.
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
                         fc_value_ref (fc_element_prop (element, i)));
  return o;
}

/**
 * fc_element_get_attribute:
 * @element: an element
 * @name: `class`, `style`, `hidden` or `slot`
 *
 * The current value of one attribute of a built-in element, with its
 * bindings evaluated.
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

/**
 * fc_element_dup_dataset:
 * @element: an element
 *
 * The element's `data-*` attributes as an object, as the platform gives
 * them to handlers in `currentTarget.dataset`.
 *
 * Returns: (transfer full): the `data-*` dataset
 */
FcValue *
fc_element_dup_dataset (FcElement *element)
{
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return fc_value_new_object ();
  return element->dataset ? fc_value_ref (element->dataset) : fc_value_new_object ();
}

static FcValue *
target_value (FcElement *el)
{
  FcValue *o = fc_value_new_object ();
  fc_value_object_set (o, "id", el && el->id ? fc_value_ref (el->id) : fc_value_new_string (""));
  fc_value_object_set (o, "dataset", el ? fc_element_dup_dataset (el) : fc_value_new_object ());
  return o;
}

/**
 * fc_event_to_value:
 * @event: an event
 *
 * The event as a page's handler receives it on the platform: an object
 * with `type`, `timeStamp`, `target`, `currentTarget` and `detail`, for
 * hosts that pass it on to a script.
 *
 * Returns: (transfer full): the platform's event object: `type`,
 *   `timeStamp`, `detail`, `target` and `currentTarget` (`id`, `dataset`),
 *   and `mark` when the event has one that is not empty
 */
FcValue *
fc_event_to_value (const FcEvent *event)
{
  FcValue *o = fc_value_new_object ();
  fc_value_object_set (o, "type", fc_value_new_string (event->type));
  fc_value_object_set (o, "timeStamp", fc_value_new_number (event->time_stamp));
  fc_value_object_set (o, "detail", event->detail ? fc_value_ref (event->detail) : fc_value_new_object ());
  fc_value_object_set (o, "target", target_value (event->target));
  fc_value_object_set (o, "currentTarget", target_value (event->current_target));
  if (event->mark && fc_value_object_get_size (event->mark))
    fc_value_object_set (o, "mark", fc_value_ref (event->mark));
  return o;
}
