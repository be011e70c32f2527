/* fc-shadow.c: the shadow tree of a component defined by its own markup:
 * its template built under a shadow root (the host's only child), with
 * its own data (the properties and the JSON's `data`) and dependency
 * index; the host's content put in the template's `<slot>`s (named ones
 * with `options.multipleSlots`); a component setting its own data, and
 * `model:` writing its properties back to the tree that uses it. */
#include <string.h>

#include "fc-shadow-private.h"
#include "fc-attr-plan-private.h"
#include "fc-binding-private.h"
#include "fc-element-private.h"
#include "fc-element-tree-private.h"
#include "fc-page-doc-private.h"
#include "fc-page-scope-private.h"
#include "fc-page-signals-private.h"

static void
shadow_root_destroy (FcElement *root)
{
  FcShadow *s = root->shadow;

  if (s->host && s->host->inner == s)
    s->host->inner = NULL;
  g_clear_pointer (&s->data, fc_value_unref);
  fc_deps_index_clear (&s->deps_index);
  g_clear_pointer (&s->slots, g_hash_table_unref);
  g_free (s);
}

/* The root of a shadow tree: made by fc_shadow_build(), never from markup. */
static const FcElementKind shadow_root_kind = {
  .name = "#shadow-root",
  .destroy = shadow_root_destroy,
};

/* @node's attribute @name as written, or "" */
static const char *
static_attr (const FcFxmlNode *node, const char *name)
{
  for (guint i = 0; node->type == FC_FXML_ELEMENT && i < node->attributes->len; i++)
    {
      const FcFxmlAttribute *a = g_ptr_array_index (node->attributes, i);
      if (strcmp (a->name, name) == 0)
        return a->value ? a->value : "";
    }
  return "";
}

/* The content a slot named @name holds: without multipleSlots, all of
 * the host's (the first slot takes it whatever its name); with it, the
 * nodes whose slot="" names it ("" the default slot). */
static const char *
slot_key (const FcShadow *s, const char *name)
{
  return s->def->multiple_slots ? name : "";
}

/* The <slot> that holds the content of slot name @key, or NULL */
static FcElement *
slot_holder (const FcShadow *s, const char *key)
{
  if (!s->def->multiple_slots)
    return s->slot;
  return s->slots ? g_hash_table_lookup (s->slots, key) : NULL;
}

static void
set_slot_holder (FcShadow *s, const char *key, FcElement *slot)
{
  if (!s->def->multiple_slots)
    {
      s->slot = slot;
      return;
    }
  if (!s->slots)
    s->slots = g_hash_table_new (g_str_hash, g_str_equal); /* keys: attribute values of the template */
  if (slot)
    g_hash_table_replace (s->slots, (gpointer) key, slot);
  else
    g_hash_table_remove (s->slots, key);
}

/* Builds in @slot the host's content it holds, unless a slot of the
 * same name (or, without multipleSlots, any slot) holds it already; a
 * slot a wx:if shows later takes it then. Content no slot takes is not
 * built, as in glass-easel. */
static gboolean
fill_slot (FcPage *self, FcElement *slot, GError **error)
{
  FcShadow *s = slot->shadow;
  const GPtrArray *nodes = s->host->node->children;
  const char *key = slot_key (s, static_attr (slot->node, "name"));
  FcElement *holder = slot_holder (s, key);
  g_autoptr (GPtrArray) mine = NULL;

  if (holder && !holder->dead)
    return TRUE;
  set_slot_holder (s, key, slot);
  if (!nodes || !nodes->len)
    return TRUE;
  /* without multipleSlots the slot takes all of it, as it stands */
  if (!s->def->multiple_slots)
    return fc_element_tree_build_list (self, slot, nodes, s->host->scope, error);
  mine = g_ptr_array_new ();
  for (guint i = 0; i < nodes->len; i++)
    {
      const FcFxmlNode *c = g_ptr_array_index (nodes, i);
      if (strcmp (static_attr (c, "slot"), key) == 0)
        g_ptr_array_add (mine, (gpointer) c);
    }
  return fc_element_tree_build_list (self, slot, mine, s->host->scope, error);
}

static FcElement *
mount_slot (FcPage *self, FcElement *parent, const FcFxmlNode *node, const GPtrArray *siblings, guint *next,
            ScopeRef *scope, guint consumed, GError **error)
{
  FcElement *el = fc_element_new_child (self, parent, node, scope, fc_shadow_get_slot_kind ());
  guint n_ids = 0;

  fc_element_tree_make_virtual (el);
  for (guint i = 0; i < node->attributes->len; i++)
    n_ids += strcmp (((FcFxmlAttribute *) g_ptr_array_index (node->attributes, i))->name, "id") == 0;
  fc_binding_reserve (el, n_ids);
  for (guint i = 0; i < node->attributes->len; i++)
    {
      const FcFxmlAttribute *a = g_ptr_array_index (node->attributes, i);
      if (strcmp (a->name, "id") == 0)
        fc_binding_update (self, fc_binding_add (self, el, BINDING_ID, a), TRUE);
      else if (strcmp (a->name, "name") != 0 && !fc_attr_plan_is_directive (a->name))
        fc_element_emit_warning_at (el, a->line, a->col, "unknown attribute \"%s\" on <slot>", a->name);
    }
  /* a <slot> outside a component's template holds nothing */
  if (el->shadow && !fill_slot (self, el, error))
    return NULL;
  return el;
}

/* a slot that goes gives up its content's place */
static void
slot_destroy (FcElement *el)
{
  FcShadow *s = el->shadow;
  const char *key;

  if (!s)
    return;
  key = slot_key (s, static_attr (el->node, "name"));
  if (slot_holder (s, key) == el)
    set_slot_holder (s, key, NULL);
}

/* `<slot>`: what the host's content goes into; its children are the
 * host's (fc_element_child_shadow()). */
static const FcElementKind slot_kind = {
  .name = "slot",
  .is_slot = TRUE,
  .mount = mount_slot,
  .destroy = slot_destroy,
};

const FcElementKind *
fc_shadow_get_slot_kind (void)
{
  return &slot_kind;
}

/* The template's data: the JSON's `data`, then the properties */
static FcValue *
initial_data (FcPage *self, FcElement *host, const FcComponentDef *def)
{
  FcValue *d = fc_value_new_object ();
  FcValue *jd = fc_value_object_get (def->json, "data");

  if (jd && fc_value_get_kind (jd) == FC_VALUE_OBJECT)
    for (guint i = 0; i < fc_value_object_get_size (jd); i++)
      fc_value_object_set (d, fc_value_object_get_key (jd, i), fc_value_ref (fc_value_object_get_nth (jd, i)));
  else if (jd)
    fc_element_emit_warning_at (host, host->node->line, host->node->col, "%s: \"data\" is not an object; ignored",
                                def->name);
  for (guint i = 0; i < host->klass->properties->len; i++)
    fc_value_object_set (d, fc_component_class_get_spec (host->klass, i)->name, fc_value_ref (fc_element_prop (host, i)));
  return d;
}

/**
 * fc_shadow_build: (skip)
 * @self: the page
 * @host: the component's element, its attributes applied
 * @def: its markup
 * @scope: the wx:for variables around @host (its content, built by its
 *   slots, takes them from @host)
 * @error: return location for an error
 *
 * Builds @host's shadow tree and its content (FcShadowBuild).
 *
 * Returns: %FALSE when a tag does not resolve or the nesting never ends
 */
gboolean
fc_shadow_build (FcPage *self, FcElement *host, const FcComponentDef *def, ScopeRef *scope, GError **error)
{
  const FcFxmlNode *doc = fc_shared_doc_get_markup (def->doc);
  guint depth = 1, same = 0;
  FcElement *root;
  FcShadow *s;

  for (FcShadow *o = host->shadow; o; o = o->host->shadow)
    {
      depth++;
      same += o->def == def;
    }
  if (depth > FC_SHADOW_MAX_DEPTH || same >= FC_SHADOW_MAX_SELF_DEPTH)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_COMPONENT,
                   "%s:%d:%d: <%s> (%s) is nested %u deep, %u of them in itself: a component that contains "
                   "itself needs a wx:if that ends it",
                   host->shadow ? host->shadow->def->fxml_name : self->filename, host->node->line,
                   host->node->col, host->node->name, def->name, depth, same + 1);
      return FALSE;
    }
  s = g_new0 (FcShadow, 1);
  s->host = host;
  s->def = def;
  s->depth = depth;
  s->data = initial_data (self, host, def);
  root = fc_element_new_child (self, host, doc, NULL, &shadow_root_kind);
  root->shadow = s;
  fc_element_tree_make_virtual (root);
  s->root = root;
  host->inner = s;
  /* the slots build the host's content as they are built */
  return fc_element_tree_build_children (self, root, doc, NULL, error);
}

/* The data path a model: attribute binds (`{{ a.b[0] }}`), or NULL */
static char *
model_path (const FcFxmlAttribute *a)
{
  g_autofree char *t = g_strstrip (g_strdup (a->value ? a->value : ""));
  gsize n = strlen (t);
  g_autoptr (GError) error = NULL;
  FcDataPath *p;
  char *inner;

  if (n < 4 || strncmp (t, "{{", 2) != 0 || strcmp (t + n - 2, "}}") != 0)
    return NULL;
  inner = g_strstrip (g_strndup (t + 2, n - 4));
  if (!*inner || !(p = fc_data_path_parse (inner, &error)))
    {
      g_free (inner);
      return NULL;
    }
  /* names and indices only: `a + 1` is no path */
  for (guint i = 0; i < p->len; i++)
    {
      const FcPathSegment *seg = &g_array_index (p, FcPathSegment, i);
      for (const char *c = seg->key; !seg->is_index && *c; c++)
        if (!(g_ascii_isalnum (*c) || *c == '_' || *c == '$') || (c == seg->key && g_ascii_isdigit (*c)))
          {
            g_clear_pointer (&inner, g_free);
            break;
          }
    }
  fc_data_path_free (p);
  return inner;
}

/* @el's property @i changed in its own data: the element keeps the value
 * (dump shows it), the component hears it, and a model: binding writes it
 * to the tree that uses the component. */
static void
own_property_changed (FcPage *self, FcElement *el, guint i)
{
  const FcPropertySpec *spec = fc_component_class_get_spec (el->klass, i);
  FcValue *v = fc_value_object_get (el->inner->data, spec->name);

  if (!v || fc_value_equal (fc_element_prop (el, i), v))
    return;
  fc_element_set_prop (el, i, fc_value_ref (v));
  if (el->instance && el->klass->set_property)
    el->klass->set_property (el->instance, spec->name, v, el->klass->hooks_data);
  fc_page_emit_property_changed (self, el, spec->name, v);
  for (guint j = 0; j < el->n_bindings; j++)
    {
      Binding *b = &el->bindings[j];
      g_autofree char *path = NULL;
      if (b->kind != BINDING_PROPERTY || !b->model || b->prop != (int) i)
        continue;
      path = model_path (b->attr);
      if (!path)
        fc_element_emit_warning_at (el, b->attr->line, b->attr->col,
                              "%s needs a data path such as \"{{a.b}}\"; the change is not written back", b->attr->name);
      else
        {
          FcDataPath *p = fc_data_path_parse (path, NULL);
          if (fc_item_scope_has (el->scope, g_array_index (p, FcPathSegment, 0).key))
            fc_element_emit_warning_at (el, b->attr->line, b->attr->col,
                                  "%s: a wx:for variable is not written back", b->attr->name);
          else
            fc_binding_set_in (self, el->shadow, path, v);
          fc_data_path_free (p);
        }
    }
}

/**
 * fc_element_set_component_data:
 * @element: a component defined by its own markup
 * @changes: (transfer none): an object of path keys (`a.b[0]`) → values
 * @error: return location for a %FC_BRIDGE_ERROR error; nothing changes then
 *
 * What a component's code does with its own `setData`: its template's
 * bindings update; a key naming one of its properties changes that
 * property, and a `model:` binding of it on the element writes the new
 * value to the data of the tree that uses the component (the page's).
 *
 * Returns: whether @element has a template and every key was a path
 */
gboolean
fc_element_set_component_data (FcElement *element, FcValue *changes, GError **error)
{
  FcPage *page;

  g_return_val_if_fail (element != NULL && changes != NULL, FALSE);
  element = fc_element_resolve (element);
  if (!element || !element->inner)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED, "<%s> is not a component with a template of its own",
                   element ? fc_element_get_tag (element) : "");
      return FALSE;
    }
  if (fc_value_get_kind (changes) != FC_VALUE_OBJECT)
    {
      g_set_error_literal (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_PATH, "setData needs an object of path: value");
      return FALSE;
    }
  for (guint i = 0; i < fc_value_object_get_size (changes); i++)
    {
      FcDataPath *p = fc_data_path_parse (fc_value_object_get_key (changes, i), error);
      if (!p)
        return FALSE;
      fc_data_path_free (p);
    }
  page = g_object_ref (element->page);
  fc_page_update_begin (page);
  for (guint i = 0; i < fc_value_object_get_size (changes) && !element->dead && element->inner; i++)
    {
      const char *key = fc_value_object_get_key (changes, i);
      FcDataPath *p = fc_data_path_parse (key, NULL);
      int prop = fc_component_class_find_property (element->klass, g_array_index (p, FcPathSegment, 0).key);
      fc_data_path_free (p);
      fc_binding_set_in (page, element->inner, key, fc_value_object_get_nth (changes, i));
      if (prop >= 0 && !element->dead && element->inner)
        own_property_changed (page, element, prop);
    }
  fc_page_update_end (page);
  g_object_unref (page);
  return TRUE;
}

/**
 * fc_element_get_shadow_root:
 * @element: an element
 *
 * The root of the tree a component defined by its own markup builds from
 * its template: its children are the template's elements, where the
 * page's content sits in the slots.
 *
 * Returns: (transfer none) (nullable): the root of @element's shadow tree
 *   (its template's elements are its children), when it is a component
 *   defined by its own markup
 */
FcElement *
fc_element_get_shadow_root (FcElement *element)
{
  element = fc_element_resolve (element);
  return element && element->inner ? element->inner->root : NULL;
}

/**
 * fc_event_get_component:
 * @event: an event being handled
 *
 * Which component's template the handler being run was bound in, so that
 * a host can tell a card's own `bindtap` from the page's.
 *
 * Returns: (transfer none) (nullable): the path of the component whose
 *   template holds the binding being run (`/components/card/card`), or
 *   %NULL for the page's own markup
 */
const char *
fc_event_get_component (const FcEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);
  return event->current_target && event->current_target->shadow ? event->current_target->shadow->def->name : NULL;
}
