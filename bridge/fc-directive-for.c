/* fc-directive-for.c: the wx:for kind: the virtual element holding one
 * instance of its node per list item (wx:for-item, wx:for-index), reused
 * by wx:key or by position when the list changes. */
#include <math.h>
#include <string.h>

#include "fc-directive-for-private.h"
#include "fc-page-scope-private.h"
#include "fc-binding-private.h"
#include "fc-element-private.h"
#include "fc-element-tree-private.h"
#include "fc-page-signals-private.h"

static const FcElementKind for_kind;

/* An array index in JavaScript's sense: "0" or digits without a leading
 * zero, below 2^32 - 1. */
static gboolean
key_index (const char *key, guint64 *index)
{
  if (!g_ascii_isdigit (key[0]) || (key[0] == '0' && key[1]))
    return FALSE;
  return g_ascii_string_to_unsigned (key, 10, 0, G_MAXUINT32 - 1, index, NULL);
}

static gint
compare_keys (gconstpointer a, gconstpointer b, gpointer list)
{
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  guint64 na, nb;
  gboolean ka = key_index (fc_value_object_get_key (list, ia), &na);
  gboolean kb = key_index (fc_value_object_get_key (list, ib), &nb);

  if (ka && kb)
    return na < nb ? -1 : na > nb;
  if (ka != kb)
    return ka ? -1 : 1;
  return ia < ib ? -1 : ia > ib; /* insertion order */
}

/* The items and indexes @list iterates, at most @cap of
 * them (no list renders more: each item is an element at least).
 * Returns: how many items @list has in all. */
static double
for_items (FcValue *list, guint cap, GPtrArray *items, GPtrArray *indexes)
{
  switch (fc_value_get_kind (list))
    {
    case FC_VALUE_ARRAY:
      for (guint i = 0; i < fc_value_array_get_length (list) && i < cap; i++)
        {
          g_ptr_array_add (items, fc_value_ref (fc_value_array_get (list, i)));
          g_ptr_array_add (indexes, fc_value_new_number (i));
        }
      return fc_value_array_get_length (list);
    case FC_VALUE_OBJECT:
      {
        /* JavaScript's key order, as glass-easel iterates: integer-like
         * keys first, ascending, then the others as they were added */
        guint n = fc_value_object_get_size (list);
        g_autoptr (GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
        for (guint i = 0; i < n; i++)
          g_array_append_val (order, i);
        g_array_sort_with_data (order, compare_keys, list);
        for (guint k = 0; k < n && k < cap; k++)
          {
            guint i = g_array_index (order, guint, k);
            g_ptr_array_add (items, fc_value_ref (fc_value_object_get_nth (list, i)));
            g_ptr_array_add (indexes, fc_value_new_string (fc_value_object_get_key (list, i)));
          }
        return n;
      }
    case FC_VALUE_NUMBER:
      /* glass-easel repeats a whole number of times only */
      if (fc_value_get_number (list) != floor (fc_value_get_number (list)))
        break;
      for (double i = 0; i < fc_value_get_number (list) && i < cap; i++)
        {
          g_ptr_array_add (items, fc_value_new_number (i));
          g_ptr_array_add (indexes, fc_value_new_number (i));
        }
      return MAX (fc_value_get_number (list), 0);
    case FC_VALUE_STRING:
      {
        guint i = 0;
        /* an FcValue's string is valid UTF-8 (fc_value_new_string()) */
        for (const char *c = fc_value_get_string (list); *c && i < cap; c = g_utf8_next_char (c), i++)
          {
            g_ptr_array_add (items, fc_value_new_string_take (g_strndup (c, g_utf8_next_char (c) - c)));
            g_ptr_array_add (indexes, fc_value_new_number (i));
          }
        return g_utf8_strlen (fc_value_get_string (list), -1);
      }
    default:
      break;
    }
  return items->len;
}

/* Whether the page may build another instance of @el's list: not once it
 * holds its budget of elements (FC_PAGE_MAX_ELEMENTS unless the host set
 * another). When it may not, the page is told
 * which list stops and where (@built of its @wanted items). */
static gboolean
for_within_budget (FcPage *self, FcElement *el, guint built, double wanted)
{
  if (self->n_elements < self->max_elements)
    return TRUE;
  el->truncated = TRUE;
  self->lists_truncated = TRUE;
  fc_element_emit_warning_at (el, el->node->line, el->node->col,
                              "wx:for renders %u of its %.15g items: the page holds its limit of %u elements", built,
                              wanted, self->max_elements);
  return FALSE;
}

/* An item's wx:key: the item itself (`*this`) or its member @key; NULL
 * (no key: never matches, always a new instance). Borrowed from @item. */
static FcValue *
item_key (FcValue *item, const char *key)
{
  if (strcmp (key, "*this") == 0)
    return item;
  if (fc_value_get_kind (item) == FC_VALUE_OBJECT)
    return fc_value_object_get (item, key);
  return NULL;
}

/* Keys match when they are the same value (fc_value_equal(): 1 and "1"
 * differ); hashed without turning numbers into text, which cost four
 * fifths of a setData on a keyed list of 100 */
static guint
key_hash (gconstpointer v)
{
  FcValue *k = (FcValue *) v;

  switch (fc_value_get_kind (k))
    {
    case FC_VALUE_STRING:
      return g_str_hash (fc_value_get_string (k));
    case FC_VALUE_NUMBER:
      {
        double d = fc_value_get_number (k);
        /* -0 and 0 are equal, and so are NaNs (fc_value_equal()) */
        return d == 0 ? 0 : isnan (d) ? 1 : g_double_hash (&d);
      }
    case FC_VALUE_OBJECT:
    case FC_VALUE_ARRAY:
      {
        g_autofree char *json = fc_value_to_json (k);
        return g_str_hash (json);
      }
    default:
      return fc_value_get_kind (k);
    }
}

static gboolean
key_equal (gconstpointer a, gconstpointer b)
{
  return fc_value_equal ((FcValue *) a, (FcValue *) b);
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
  fc_element_tree_refresh (self, child);
  self->refreshing--;
}

/**
 * fc_directive_for_update_item:
 * @self: the page
 * @b: a wx:for binding (BINDING_FOR) that depends on @changed
 * @changed: the one path a setData changed
 *
 * The update of one list item (`setData ({'list[3].price': v})`, the list
 * bound as `{{list}}`): when the list is an array of the same length whose
 * item keeps its wx:key, only that item's instance refreshes, instead of
 * the list being matched again item by item (O(1), not O(n) with hashing
 * of every key). Anything else, and lists inside a scope (a `wx:for`
 * variable, a template's data, a component's tree), are left to the whole
 * refresh.
 *
 * Returns: whether the item was updated here; %FALSE: refresh the list
 */
gboolean
fc_directive_for_update_item (FcPage *self, Binding *b, const FcDataPath *changed)
{
  FcElement *el = b->element, *child;
  const FcDataPath *list_path = fc_template_get_path (fc_binding_template (b));
  const FcFxmlAttribute *key_attr;
  const FcPathSegment *at;
  FcValue *list, *item;
  guint n;

  if (!list_path || el->dead || el->truncated || el->shadow || fc_item_scope_head (el->scope)
      || fc_item_scope_data (el->scope) || changed->len <= list_path->len)
    return FALSE;
  for (guint k = 0; k < list_path->len; k++)
    {
      const FcPathSegment *p = &g_array_index (list_path, FcPathSegment, k);
      const FcPathSegment *c = &g_array_index (changed, FcPathSegment, k);
      if (strcmp (p->key, c->key) != 0)
        return FALSE;
    }
  at = &g_array_index (changed, FcPathSegment, list_path->len);
  list = fc_data_get (self->data, list_path);
  if (!at->is_index || !list || fc_value_get_kind (list) != FC_VALUE_ARRAY || !b->value
      || fc_value_get_kind (b->value) != FC_VALUE_ARRAY)
    return FALSE;
  n = fc_value_array_get_length (list);
  if (n != fc_value_array_get_length (b->value) || n != el->n_children || at->index >= n)
    return FALSE;
  child = el->children[at->index];
  item = fc_value_array_get (list, at->index);
  key_attr = fc_element_tree_directive (el->node, "key");
  if (key_attr && key_attr->value)
    {
      FcValue *was = item_key (child->scope->item.value, key_attr->value);
      FcValue *now = item_key (item, key_attr->value);
      if (!was || !now || !fc_value_equal (was, now))
        return FALSE;
    }
  {
    g_autoptr (FcValue) index = fc_value_ref (child->scope->index.value); /* set_instance_item unrefs it */
    fc_value_unref (b->value);
    b->value = fc_value_ref (list);
    fc_page_update_begin (self);
    set_instance_item (self, child, item, index);
    fc_page_update_end (self);
  }
  return TRUE;
}

/* wx:key: instances follow their item's key, so a component keeps its
 * state when the list is reordered; unmatched ones are built or removed. */
static gboolean
for_refresh_keyed (FcPage *self, FcElement *el, GPtrArray *items, GPtrArray *indexes, double wanted,
                   const char *item_name, const char *index_name, GError **error)
{
  const char *key = fc_element_tree_directive (el->node, "key")->value;
  g_autoptr (GHashTable) old = g_hash_table_new (key_hash, key_equal);
  g_autoptr (GHashTable) reused = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  gboolean ok = TRUE, changed = FALSE;
  guint n_old = el->n_children;

  fc_page_update_begin (self);
  for (guint i = 0; i < n_old; i++)
    {
      FcElement *child = el->children[i];
      FcValue *k = item_key (child->scope->item.value, key);
      if (k && !g_hash_table_contains (old, k))
        g_hash_table_insert (old, k, child);
    }
  for (guint i = 0; i < items->len && ok; i++)
    {
      FcValue *k = item_key (g_ptr_array_index (items, i), key);
      FcElement *child = k ? g_hash_table_lookup (old, k) : NULL;
      if (child)
        {
          g_hash_table_remove (old, k);
          g_hash_table_add (reused, child);
          set_instance_item (self, child, g_ptr_array_index (items, i), g_ptr_array_index (indexes, i));
        }
      else
        {
          ScopeRef *sc;
          if (!for_within_budget (self, el, order->len, wanted))
            break;
          sc = fc_item_scope_new (el->scope, item_name, index_name, g_ptr_array_index (items, i),
                                  g_ptr_array_index (indexes, i));
          child = fc_element_tree_build (self, el, el->node, NULL, NULL, sc, el->consumed, error);
          fc_item_scope_unref (sc);
          if (!child)
            {
              ok = FALSE;
              break;
            }
          fc_element_remove_child (el, child); /* placed below */
          g_hash_table_add (reused, child);
          fc_element_tree_mount (self, child);
          changed = TRUE;
        }
      /* el->children still holds exactly the old instances here */
      if (order->len >= n_old || el->children[order->len] != child)
        changed = TRUE;
      g_ptr_array_add (order, child);
    }
  /* drop the instances no item kept (all of them on failure: keep none
   * half-built); el->children is made anew below, so each is destroyed
   * detached, without a search in it (O(n) for n instances) */
  for (guint i = el->n_children; i > 0; i--)
    {
      FcElement *child = el->children[i - 1];
      if (!ok || !g_hash_table_contains (reused, child))
        {
          child->parent = NULL;
          fc_element_destroy (self, child);
          changed = TRUE;
        }
    }
  if (!ok)
    for (guint i = 0; i < order->len; i++)
      {
        FcElement *child = g_ptr_array_index (order, i);

        /* the old instances are all dead: the rest were built for this
         * refresh and are already detached */
        if (!child->dead)
          {
            child->parent = NULL;
            fc_element_destroy (self, child);
          }
      }
  el->n_children = 0;
  if (ok && order->len)
    {
      fc_element_reserve_children (el, order->len);
      memcpy (el->children, order->pdata, order->len * sizeof (FcElement *));
      el->n_children = order->len;
    }
  if (changed)
    fc_page_emit_children_changed (self, el);
  fc_page_update_end (self);
  return ok;
}

/* Without wx:key, instances are reused by position: existing ones get the
 * new item and re-evaluate; extra ones are built or removed. */
static gboolean
for_refresh (FcPage *self, FcElement *el, GError **error)
{
  Binding *b = &el->bindings[0];
  /* an array's items are known: the arrays are sized once, not grown */
  guint hint = fc_value_get_kind (b->value) == FC_VALUE_ARRAY
                   ? MIN (fc_value_array_get_length (b->value), self->max_elements)
                   : 0;
  g_autoptr (GPtrArray) items = g_ptr_array_new_full (hint, (GDestroyNotify) fc_value_unref);
  g_autoptr (GPtrArray) indexes = g_ptr_array_new_full (hint, (GDestroyNotify) fc_value_unref);
  const FcFxmlAttribute *item_attr = fc_element_tree_directive (el->node, "for-item");
  const FcFxmlAttribute *index_attr = fc_element_tree_directive (el->node, "for-index");
  const char *item_name = item_attr && item_attr->value ? item_attr->value : "item";
  const char *index_name = index_attr && index_attr->value ? index_attr->value : "index";
  guint n_old = el->n_children, n_new;
  double wanted;
  gboolean ok = TRUE;

  wanted = for_items (b->value, self->max_elements, items, indexes);
  n_new = items->len;
  el->truncated = FALSE;
  if (n_old > 0 && fc_element_tree_directive (el->node, "key") && fc_element_tree_directive (el->node, "key")->value)
    return for_refresh_keyed (self, el, items, indexes, wanted, item_name, index_name, error);
  fc_page_update_begin (self);
  for (guint i = 0; i < MIN (n_old, n_new); i++)
    {
      FcElement *child = el->children[i];
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
      fc_element_tree_refresh (self, child);
      self->refreshing--;
    }
  for (guint i = n_old; i < n_new && ok; i++)
    {
      ScopeRef *sc;
      if (!for_within_budget (self, el, i, wanted))
        {
          n_new = i;
          break;
        }
      sc = fc_item_scope_new (el->scope, item_name, index_name, g_ptr_array_index (items, i),
                                g_ptr_array_index (indexes, i));
      FcElement *child = fc_element_tree_build (self, el, el->node, NULL, NULL, sc, el->consumed, error);
      fc_item_scope_unref (sc);
      if (child)
        fc_element_tree_mount (self, child);
      else
        ok = FALSE;
    }
  /* on a failed build keep what existed, drop the rest */
  while (el->n_children > (ok ? n_new : MIN (n_old, n_new)))
    fc_element_destroy (self, el->children[el->n_children - 1]);
  if (n_old != el->n_children)
    fc_page_emit_children_changed (self, el);
  fc_page_update_end (self);
  return ok;
}

static FcElement *
for_mount (FcPage *self, FcElement *parent, const FcFxmlNode *node, const GPtrArray *siblings, guint *next,
           ScopeRef *scope, guint consumed, GError **error)
{
  FcElement *el = fc_element_new_child (self, parent, node, scope, &for_kind);
  Binding *b;

  fc_binding_reserve (el, 1);
  fc_element_tree_make_virtual (el);
  el->consumed = consumed | CONSUMED_FOR;
  b = fc_binding_add (self, el, BINDING_FOR, fc_element_tree_directive (node, "for"));
  fc_binding_update (self, b, TRUE);
  return for_refresh (self, el, error) ? el : NULL;
}

/* `wx:for`: one binding (BINDING_FOR), the list. */
static const FcElementKind for_kind = {
  .name = "#for",
  .directive = "for",
  .consumes = CONSUMED_FOR,
  .is_virtual = TRUE,
  .mount = for_mount,
  .refresh = for_refresh,
};

const FcElementKind *
fc_directive_for_get_kind (void)
{
  return &for_kind;
}
