/* fc-binding.c: bindings: the index from data paths to the bindings that
 * read them, evaluating a binding and applying its value (a property is
 * coerced and handed to the component). */
#include <string.h>

#include "fc-binding-private.h"
#include "fc-page-scope-private.h"
#include "fc-page-slab-private.h"
#include "fc-page-signals-private.h"
#include "fc-page-wxs-private.h"
#include "fc-value-private.h"

void
fc_binding_clear (Binding *b)
{
  g_free (b->owned_key);
  g_clear_pointer (&b->value, fc_value_unref);
}

/* An element's bindings are one block, sized before the first is added
 * (their number is known from the markup), so Binding pointers in the
 * dependency index stay valid. */
void
fc_binding_reserve (FcElement *el, guint n)
{
  g_assert (el->bindings == NULL);
  /* the page's slab is made with its first element */
  el->bindings = n ? fc_slab_alloc0 (el->page->slab, n * sizeof (Binding)) : NULL;
  el->bindings_in_slab = n > 0;
  el->bindings_alloc = n;
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
  /* inside a <template is>, nothing reads page data: the instance
   * refreshes what it holds when its data changes */
  if (fc_item_scope_data (b->element->scope))
    return;
  for (guint i = 0; deps && i < deps->len; i++)
    {
      const FcDataPath *d = g_ptr_array_index (deps, i);
      const char *first = g_array_index (d, FcPathSegment, 0).key;
      FcDepsBucket *bucket;
      if (fc_item_scope_has (b->element->scope, first))
        continue;
      bucket = fc_deps_index_bucket (fc_binding_index_of (self, b->element), first);
      if (bucket->len == 0 || fc_deps_bucket_index (bucket, bucket->len - 1) != b)
        {
          fc_deps_bucket_add (bucket, b);
          index_changed (self);
        }
    }
}

/* Takes @b out of the dependency index: its element is going. */
void
fc_binding_unindex (FcPage *self, Binding *b)
{
  const GPtrArray *deps = fc_template_get_dependencies (fc_binding_template (b));
  for (guint i = 0; deps && i < deps->len; i++)
    {
      const FcDataPath *d = g_ptr_array_index (deps, i);
      FcDepsBucket *bucket = fc_deps_index_lookup (fc_binding_index_of (self, b->element),
                                                   g_array_index (d, FcPathSegment, 0).key);
      while (bucket && fc_deps_bucket_remove (bucket, b))
        index_changed (self);
    }
}

/* Takes @value (transfer full): stored, or dropped when nothing changes. */
static void
set_property_value (FcElement *el, guint i, FcValue *value, gboolean initial, const Binding *b)
{
  const FcPropertySpec *spec = fc_component_class_get_spec (el->klass, i);
  g_autoptr (FcValue) hold = NULL;

  if (fc_value_equal (fc_element_prop (el, i), value))
    {
      fc_value_unref (value);
      return;
    }
  if (!initial && spec->init_only)
    {
      fc_element_emit_warning_at (el, b ? b->attr->line : el->node->line, b ? b->attr->col : el->node->col,
                                  "property \"%s\" is only effective during initialization; change ignored",
                                  spec->name);
      fc_value_unref (value);
      return;
    }
  fc_element_set_prop (el, i, value);
  if (initial)
    return;
  /* a component's template sees its properties as its data */
  if (el->inner)
    fc_binding_set_in (el->page, el->inner, spec->name, value);
  if (el->instance && el->klass->set_property)
    {
      /* the hook may set the property again (replacing props[i]) */
      hold = fc_value_ref (value);
      el->klass->set_property (el->instance, spec->name, value, el->klass->hooks_data);
    }
  fc_page_emit_property_changed (el->page, el, spec->name, value);
}

/* Re-evaluates @b and applies its value: a property (coerced, handed to the
 * component), the id, dataset, text, an event's handler, an attribute, or
 * the structure a wx:if / wx:for element shows (its kind's refresh).
 * @initial: while the element is built (no signals, no component yet). */
void
fc_binding_update (FcPage *self, Binding *b, gboolean initial)
{
  FcElement *el = b->element;
  g_autoptr (FcValue) v = NULL;
  const FcExprCalls *calls;
  FcValue *data;

  if (el->dead)
    return;
  calls = fc_page_wxs_calls_at (self, b->attr ? b->attr->line : el->node->line, b->attr ? b->attr->col : el->node->col);
  /* a component's template: its own data and WXS modules, not the page's */
  if (el->shadow)
    calls = &el->shadow->def->wxs_calls;
  /* a template instance's data (<template is data>), else the page's or
   * the component's */
  data = fc_item_scope_data (el->scope);
  if (!data)
    data = el->shadow ? el->shadow->data : self->data;
  v = fc_template_evaluate_with (fc_binding_template (b), data, fc_item_scope_head (el->scope), calls);
  switch (b->kind)
    {
    case BINDING_IF:
    case BINDING_FOR:
      if (!self->refreshing && b->value && fc_value_equal (b->value, v))
        break;
      g_clear_pointer (&b->value, fc_value_unref);
      b->value = g_steal_pointer (&v); /* v is not read again */
      if (!initial)
        {
          /* a later branch or item that fails to build is reported, not fatal */
          g_autoptr (GError) error = NULL;
          if (!el->kind->refresh (self, el, &error))
            fc_element_emit_warning_at (el, b->attr->line, b->attr->col, "%s", error->message);
        }
      break;
    case BINDING_PROPERTY:
      {
        g_autofree char *problem = NULL;
        FcValue *c = fc_component_class_coerce (el->klass, b->prop, v, &problem);
        if (problem)
          fc_element_emit_warning_at (el, b->attr->line, b->attr->col, "%s", problem);
        set_property_value (el, b->prop, c, initial, b);
        break;
      }
    case BINDING_ID:
      g_clear_pointer (&el->id, fc_value_unref);
      el->id = fc_value_to_text (v);
      if (!initial)
        fc_page_emit_element_changed (self, el, "id");
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
      g_clear_pointer (&el->text, fc_value_unref);
      el->text = fc_value_to_text (v);
      if (!initial)
        fc_page_emit_element_changed (self, el, "#text");
      break;
    case BINDING_EVENT:
    case BINDING_MARK:
      g_clear_pointer (&b->value, fc_value_unref);
      b->value = g_steal_pointer (&v); /* v is not read again */
      break;
    case BINDING_GENERIC:
      if (b->value && fc_value_equal (b->value, v))
        break;
      g_clear_pointer (&b->value, fc_value_unref);
      b->value = g_steal_pointer (&v); /* v is not read again */
      if (!initial)
        fc_page_emit_element_changed (self, el, b->key);
      break;
    }
}

/* Sets @key (a setData path key) of @shadow's data (NULL: the page's)
 * and updates the bindings of that tree that read it, inside the caller's
 * update (fc_page_update_begin()); FALSE for a key that is not a path. */
gboolean
fc_binding_set_in (FcPage *self, FcShadow *shadow, const char *key, FcValue *value)
{
  g_autoptr (GPtrArray) dirty = g_ptr_array_new ();
  FcDataPath *path = fc_data_path_parse (key, NULL);
  FcDepsBucket *bucket;

  if (!path)
    return FALSE;
  fc_data_set (shadow ? &shadow->data : &self->data, path, value);
  self->generation++;
  bucket = fc_deps_index_lookup (shadow ? &shadow->deps_index : &self->deps_index,
                                 g_array_index (path, FcPathSegment, 0).key);
  for (guint j = 0; bucket && j < bucket->len; j++)
    {
      Binding *b = fc_deps_bucket_index (bucket, j);
      if (b->generation == self->generation || !fc_template_depends_on (fc_binding_template (b), path))
        continue;
      b->generation = self->generation;
      g_ptr_array_add (dirty, b);
    }
  fc_data_path_free (path);
  for (guint i = 0; i < dirty->len; i++)
    fc_binding_update (self, g_ptr_array_index (dirty, i), FALSE);
  return TRUE;
}

/* Adds a binding of @kind for @attr (NULL: the text of a text node) to
 * @el's bindings, reserved with fc_binding_reserve(), and indexes it by
 * the data paths it reads. */
Binding *
fc_binding_add (FcPage *self, FcElement *el, BindingKind kind, const FcFxmlAttribute *attr)
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
