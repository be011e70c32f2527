/* fc-element-tree.c: building a page's tree from its markup: the plain
 * element and text kinds, tag resolution, attributes into bindings, the
 * dispatch to the kinds directives make (fc-directive-if.c,
 * fc-directive-for.c); then mounting (component instances) and
 * refreshing subtrees. */
#include <string.h>

#include "fc-element-tree-private.h"
#include "fc-attr-plan-private.h"
#include "fc-bridge-private.h"
#include "fc-binding-private.h"
#include "fc-element-private.h"
#include "fc-page-signals-private.h"
#include "fc-registry-private.h"
#include "fc-builtins-private.h"
#include "fc-component-def-private.h"
#include "fc-page-doc-private.h"

static FcElement *mount_element (FcPage *self, FcElement *parent, const FcFxmlNode *node, const GPtrArray *siblings,
                                 guint *next, ScopeRef *scope, guint consumed, GError **error);
static FcElement *mount_text (FcPage *self, FcElement *parent, const FcFxmlNode *node, const GPtrArray *siblings,
                              guint *next, ScopeRef *scope, guint consumed, GError **error);

/* A component, built-in or not, with attributes and children. */
static const FcElementKind element_kind = {
  .name = "element",
  .mount = mount_element,
};

/* A text node: one binding, its text. */
static const FcElementKind text_kind = {
  .name = "#text",
  .mount = mount_text,
};

/* Components defined by their own markup (fc-shadow.c builds their
 * trees; registered by fc_page_class_init(), as the directive kinds). */
static FcShadowBuild shadow_build;
static const FcElementKind *slot_kind;

void
fc_element_tree_set_shadow (FcShadowBuild build, const FcElementKind *slot)
{
  shadow_build = build;
  slot_kind = slot;
}

/* `<template is>` and `<include>` (fc-template-instance.c), given by the
 * page class like the directive kinds, so that this file calls none of
 * the kinds it builds with */
static const FcElementKind *template_is_kind, *include_kind;

void
fc_element_tree_set_placing_kinds (const FcElementKind *template_is, const FcElementKind *include)
{
  template_is_kind = template_is;
  include_kind = include;
}

/* The kind that builds @node when it places markup from elsewhere
 * (`<template is>`, `<include>`), else NULL. */
static const FcElementKind *
placing_kind (const FcFxmlNode *node)
{
  if (node->type != FC_FXML_ELEMENT)
    return NULL;
  if (fc_str_equal (node->name, "template") && fc_fxml_node_get_attribute (node, "is"))
    return template_is_kind;
  if (fc_str_equal (node->name, "include"))
    return include_kind;
  return NULL;
}

/* Whether @node shows nothing where it is: `<import>`, a `<template
 * name>` (a definition). */
static gboolean
is_declaration (const FcFxmlNode *node)
{
  if (node->type != FC_FXML_ELEMENT)
    return FALSE;
  if (fc_str_equal (node->name, "import"))
    return TRUE;
  return fc_str_equal (node->name, "template") && !fc_fxml_node_get_attribute (node, "is");
}

/* @json's usingComponents entry for @tag, or NULL */
static const char *
using_path (const FcValue *json, const char *tag)
{
  FcValue *using = json && fc_value_get_kind (json) == FC_VALUE_OBJECT ? fc_value_object_get (json, "usingComponents") : NULL;
  FcValue *path = (using && fc_value_get_kind (using) == FC_VALUE_OBJECT) ? fc_value_object_get (using, tag) : NULL;
  return path && fc_value_get_kind (path) == FC_VALUE_STRING ? fc_value_get_string (path) : NULL;
}

/* The file relative usingComponents paths start from */
static const char *
page_file (FcPage *self)
{
  return self->root_page_path ? self->root_page_path : self->filename;
}

/* The markup component of @klass (a generic's implementation), or NULL */
static FcComponentDef *
def_of_class (FcPage *self, FcComponentClass *klass)
{
  GHashTableIter it;
  gpointer def;
  if (!self->component_defs)
    return NULL;
  g_hash_table_iter_init (&it, self->component_defs);
  while (g_hash_table_iter_next (&it, NULL, &def))
    if (def && ((FcComponentDef *) def)->klass == klass)
      return def;
  return NULL;
}

/* The kinds a directive makes, in precedence order (fc_page_class_init()
 * adds them): wx:for before wx:if, so that an element with both is
 * repeated and each instance tests the condition. */
#define MAX_DIRECTIVE_KINDS 8
static const FcElementKind *directive_kinds[MAX_DIRECTIVE_KINDS];
static guint n_directive_kinds;

void
fc_element_tree_add_directive_kind (const FcElementKind *kind)
{
  g_return_if_fail (n_directive_kinds < MAX_DIRECTIVE_KINDS && kind->directive && kind->mount);
  directive_kinds[n_directive_kinds++] = kind;
}

/* What building @node decides from its markup alone: which directives
 * it has, the kind it is built by if not an element's. */
static void
node_facts (const FcFxmlNode *node, FcNodeFacts *facts)
{
  memset (facts, 0, sizeof *facts);
  if (node->type != FC_FXML_ELEMENT)
    return;
  for (guint i = 0; i < n_directive_kinds; i++)
    if (fc_element_tree_directive (node, directive_kinds[i]->directive))
      facts->directives |= 1u << i;
  if (!(facts->stray = fc_element_tree_directive (node, "elif")))
    facts->stray = fc_element_tree_directive (node, "else");
  facts->placing = placing_kind (node);
  facts->slot = fc_str_equal (node->name, "slot");
}

/* Where what @node's builds decide is kept: the table of the component
 * whose template is being built (@in), else the page's. Only what is
 * built again and again (in a component's template, a wx:for, a
 * <template is>) is worth keeping: NULL for the rest. */
static GHashTable **
plan_cache (FcPage *self, const FcShadow *in, ScopeRef *scope)
{
  if (in)
    return &((FcComponentDef *) in->def)->resolved; /* a memo of the definition's, not what it defines */
  return scope ? &self->resolved_defs : NULL;
}

/* @node's plan in @cache: its facts, and what its tag resolved to once
 * resolve_class() kept that (fc-attr-plan.c). The plan takes no
 * reference: the page's component_defs hold its markup component and
 * the page's registry its built-in class for the page's life, as long as
 * the page's or the definition's table holds the plan. */
static FcNodePlan *
plan_of (GHashTable **cache, const FcFxmlNode *node)
{
  FcNodePlan *plan = *cache ? g_hash_table_lookup (*cache, node) : NULL;

  if (plan)
    return plan;
  if (!*cache)
    *cache = g_hash_table_new_full (NULL, NULL, NULL, fc_node_plan_free);
  plan = fc_node_plan_new (node);
  node_facts (node, &plan->facts);
  g_hash_table_insert (*cache, (gpointer) node, plan);
  return plan;
}

/* The class @node's tag resolves to in the tree of @in (a component's
 * template; NULL: the page's), whose host is @host (NULL while validating):
 * the JSON's usingComponents (then app.json's, global), the component's
 * generics, the app's resolver (plugin://), a component with markup at
 * the path, one registered at it, a built-in. *@def_out: the markup
 * component, or NULL. @plan: @node's kept plan (plan_of()), or NULL (a
 * node made up for the call, or one built once); an answer that holds
 * for every instance of @node is kept in it (its klass set). */
static FcComponentClass *
resolve_class (FcPage *self, const FcComponentDef *in, FcElement *host, const FcFxmlNode *node, FcNodePlan *plan,
               FcComponentDef **def_out, GError **error)
{
  const char *p, *from;
  gboolean global = FALSE, via_generic = FALSE;
  FcComponentClass *k;
  FcValue *g = NULL;

  /* a tag resolved before to a markup component or a built-in: the same
   * for every instance, so resolved once per node */
  if (plan && plan->klass)
    {
      *def_out = plan->def;
      return plan->klass;
    }
  p = using_path (in ? in->json : self->page_json, node->name);
  from = in ? in->fxml_name : page_file (self);
  *def_out = NULL;
  if (!p && in)
    {
      /* an abstract node: the implementation its use gives (generic:NAME), else its default */
      FcValue *generics = fc_value_object_get (in->json, "componentGenerics");
      g = generics && fc_value_get_kind (generics) == FC_VALUE_OBJECT ? fc_value_object_get (generics, node->name) : NULL;
      FcValue *dflt = g && fc_value_get_kind (g) == FC_VALUE_OBJECT ? fc_value_object_get (g, "default") : NULL;
      if (g && host && host->generics && (k = g_hash_table_lookup (host->generics, node->name)))
        {
          *def_out = def_of_class (self, k);
          return k;
        }
      if (g && dflt && fc_value_get_kind (dflt) == FC_VALUE_STRING)
        {
          p = fc_value_get_string (dflt);
          via_generic = TRUE;
        }
      else if (g && !host)
        return fc_registry_lookup_builtin (self->registry, "block"); /* checked at each use */
      else if (g)
        {
          g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_UNKNOWN_COMPONENT,
                       "%s:%d:%d: <%s> is a generic of %s (componentGenerics) with no default, and the use at "
                       "%s:%d:%d gives no generic:%s",
                       from, node->line, node->col, node->name, in->name,
                       host->shadow ? host->shadow->def->fxml_name : page_file (self), host->node->line,
                       host->node->col, node->name);
          return NULL;
        }
    }
  if (!p && (p = using_path (self->app_json, node->name)))
    {
      from = "app.json"; /* app.json's: global, relative to the host's root */
      global = TRUE;
    }
  if (p)
    {
      GError *local = NULL;
      FcComponentDef *def = fc_component_def_lookup (self, in && !global ? in->root : NULL, from, p, node->line,
                                                     node->col, &local);
      if (def)
        {
          if (!via_generic && plan)
            fc_node_plan_set_class (plan, node, def->klass, def);
          *def_out = def;
          return def->klass;
        }
      if (local)
        {
          g_propagate_error (error, local);
          return NULL;
        }
    }
  if (self->resolver)
    {
      GError *local = NULL;
      k = self->resolver (self, node->name, p, node->line, node->col, self->resolver_data, &local);
      if (k && fc_component_class_get_data (k, "fc-markup-root"))
        {
          /* a plugin's public component defined by its own markup */
          FcComponentDef *def = fc_component_def_of_class (self, k, error);
          *def_out = def;
          return def ? def->klass : NULL;
        }
      if (k)
        return k;
      if (local)
        {
          g_propagate_error (error, local);
          return NULL;
        }
    }
  if (p)
    {
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
                   in ? in->fxml_name : self->filename, node->line, node->col, node->name, p);
      return NULL;
    }
  k = fc_registry_lookup_builtin (self->registry, node->name);
  if (!k)
    /* glass-easel's rule: a tag it does not know is a native node (the
     * page warns, fc-builtins.c) */
    k = fc_registry_lookup_builtin (self->registry, FC_BUILTIN_NATIVE);
  if (!g && plan)
    fc_node_plan_set_class (plan, node, k, NULL);
  return k;
}

/* @node's attribute `wx:NAME` (or `fx:NAME`), or NULL */
const FcFxmlAttribute *
fc_element_tree_directive (const FcFxmlNode *node, const char *name)
{
  if (node->type != FC_FXML_ELEMENT)
    return NULL;
  for (guint i = 0; i < node->attributes->len; i++)
    {
      const FcFxmlAttribute *a = g_ptr_array_index (node->attributes, i);
      const char *n = a->name;
      if ((n[0] == 'w' || n[0] == 'f') && n[1] == 'x' && n[2] == ':' && fc_str_equal (n + 3, name))
        return a;
    }
  return NULL;
}

/* How many children @node's element has in most cases: its markup's */
static guint
children_hint (const FcFxmlNode *node)
{
  return node && node->children ? node->children->len : 0;
}

/* A wx:if or wx:for element: a `block` holding what its directive shows. */
void
fc_element_tree_make_virtual (FcElement *el)
{
  /* the registry holds its built-ins for the page's life: borrowed */
  if (!el->page->block_class)
    el->page->block_class = fc_registry_lookup_builtin (el->page->registry, "block");
  el->klass = el->page->block_class;
  el->klass_borrowed = TRUE;
  el->props = fc_element_slab_alloc0 (el, el->klass->properties->len * sizeof (FcValue *));
  el->props_in_slab = TRUE; /* each NULL: its default (fc_element_prop()) */
  /* sized for what it holds most often, not grown from nothing */
  fc_element_reserve_children (el, MAX (children_hint (el->node), 1));
}

static FcElement *
mount_text (FcPage *self, FcElement *parent, const FcFxmlNode *node, const GPtrArray *siblings, guint *next,
            ScopeRef *scope, guint consumed, GError **error)
{
  FcElement *el = fc_element_new_child_sized (self, parent, node, scope, &text_kind, 1, 0);
  Binding *b;

  b = fc_binding_add (self, el, BINDING_TEXT, NULL);
  fc_binding_update (self, b, TRUE);
  return el;
}

/* An element of @node under @parent, in the tree of @in (its parent's
 * shadow or none), with @node's kept plan or NULL (built once) */
static FcElement *
mount_planned (FcPage *self, FcElement *parent, const FcFxmlNode *node, FcShadow *in, FcNodePlan *node_plan,
               ScopeRef *scope, GError **error)
{
  FcElement *el;
  FcComponentClass *klass = NULL;
  FcComponentDef *def = NULL;
  const FcNodePlan *plan;
  gboolean held;

  klass = resolve_class (self, in ? in->def : NULL, in ? in->host : NULL, node, node_plan, &def, error);
  if (!klass)
    return NULL;
  /* the class and the attributes' plans kept for every instance, or
   * decided for this one */
  held = node_plan && node_plan->klass;
  plan = held ? node_plan : NULL;
  el = fc_element_new_child_sized (self, parent, node, scope, &element_kind, node->attributes->len,
                                   klass->properties->len);
  /* a class the page's cache holds outlives the element: borrowed */
  el->klass = held ? klass : fc_component_class_ref (klass);
  el->klass_borrowed = held;
  fc_element_reserve_children (el, def ? 1 : children_hint (node));

  for (guint i = 0; i < node->attributes->len; i++)
    {
      const FcFxmlAttribute *a = g_ptr_array_index (node->attributes, i);
      FcAttrPlan once;
      const FcAttrPlan *p;
      Binding *b = NULL;

      /* a node built once decides here what a kept plan decided before */
      if (plan)
        p = &plan->attrs[i];
      else
        {
          fc_attr_plan_classify (klass, a, &once);
          p = &once;
        }
      switch (p->role)
        {
        case FC_ATTR_DIRECTIVE:
          break;
        case FC_ATTR_ID:
          b = fc_binding_add (self, el, BINDING_ID, a);
          break;
        case FC_ATTR_DATASET:
          b = fc_binding_add (self, el, BINDING_DATASET, a);
          /* a key of the plan lives as long as the element; one decided
           * here is the binding's */
          b->key = plan ? p->key : (b->owned_key = g_steal_pointer (&once.owned_key));
          break;
        case FC_ATTR_PROPERTY:
        case FC_ATTR_MODEL:
          b = fc_binding_add (self, el, BINDING_PROPERTY, a);
          b->prop = p->prop;
          b->model = p->role == FC_ATTR_MODEL;
          break;
        case FC_ATTR_EVENT:
          b = fc_binding_add (self, el, BINDING_EVENT, a);
          b->event_kind = p->event_kind;
          b->key = p->key;
          break;
        case FC_ATTR_MARK:
          b = fc_binding_add (self, el, BINDING_MARK, a);
          b->key = p->key;
          self->has_marks = TRUE;
          break;
        case FC_ATTR_GENERIC:
          {
            /* an abstract node's implementation: a tag of this page */
            FcFxmlNode pseudo = *node;
            g_autofree char *tag = g_strdup (a->value ? a->value : "");
            FcComponentClass *impl;
            FcComponentDef *impl_def;
            pseudo.name = tag;
            pseudo.line = a->line;
            pseudo.col = a->col;
            if (!(impl = resolve_class (self, in ? in->def : NULL, in ? in->host : NULL, &pseudo, NULL, &impl_def,
                                        error)))
              return NULL;
            if (!el->generics)
              el->generics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify) fc_component_class_unref);
            g_hash_table_replace (el->generics, g_strdup (p->key), fc_component_class_ref (impl));
            break;
          }
        case FC_ATTR_PLAIN:
          b = fc_binding_add (self, el, BINDING_GENERIC, a);
          b->key = p->key;
          break;
        case FC_ATTR_NO_EVENT:
          fc_element_emit_warning_at (el, a->line, a->col, "event binding \"%s\" names no event", a->name);
          break;
        case FC_ATTR_UNSUPPORTED:
          fc_element_emit_warning_at (el, a->line, a->col, "unsupported directive \"%s\" on <%s>", a->name,
                                      node->name);
          break;
        case FC_ATTR_UNKNOWN:
          fc_element_emit_warning_at (el, a->line, a->col, "unknown attribute \"%s\" on <%s>", a->name,
                                      node->name);
          break;
        }
      if (!plan)
        fc_attr_plan_clear (&once);
      if (b)
        fc_binding_update (self, b, TRUE);
    }

  /* a component with a template: its shadow tree, the content in its slots */
  if (def)
    return shadow_build (self, el, def, scope, error) ? el : NULL;
  if (!fc_element_tree_build_children (self, el, node, scope, error))
    return NULL;
  return el;
}

/* The element kind's mount; fc_element_tree_build() calls
 * mount_planned() with the plan it has looked up already */
static FcElement *
mount_element (FcPage *self, FcElement *parent, const FcFxmlNode *node, const GPtrArray *siblings, guint *next,
               ScopeRef *scope, guint consumed, GError **error)
{
  FcShadow *in = fc_element_child_shadow (parent);
  GHashTable **cache = plan_cache (self, in, scope);

  return mount_planned (self, parent, node, in, cache ? plan_of (cache, node) : NULL, scope, error);
}

/* Builds what @node makes under @parent: an element of the kind of the
 * first directive on it not yet applied (@consumed), else a plain element
 * or text. With @siblings (the list @node is in) and @next (the index
 * after @node), a kind may take the siblings after @node too. */
FcElement *
fc_element_tree_build (FcPage *self, FcElement *parent, const FcFxmlNode *node, const GPtrArray *siblings,
                       guint *next, ScopeRef *scope, guint consumed, GError **error)
{
  FcShadow *in;
  GHashTable **cache;
  FcNodePlan *plan = NULL;
  FcNodeFacts once;
  const FcNodeFacts *facts;

  if (node->type == FC_FXML_TEXT)
    return mount_text (self, parent, node, siblings, next, scope, consumed, error);
  /* what a node's markup says is read once for a node built again and
   * again, and here for one built once */
  in = fc_element_child_shadow (parent);
  if ((cache = plan_cache (self, in, scope)))
    {
      plan = plan_of (cache, node);
      facts = &plan->facts;
    }
  else
    {
      node_facts (node, &once);
      facts = &once;
    }
  for (guint i = 0; facts->directives && i < n_directive_kinds; i++)
    {
      const FcElementKind *k = directive_kinds[i];
      if ((facts->directives & (1u << i)) && !(consumed & k->consumes))
        return k->mount (self, parent, node, siblings, next, scope, consumed, error);
    }
  if (facts->placing)
    return facts->placing->mount (self, parent, node, siblings, next, scope, consumed, error);
  if (facts->stray && !(consumed & CONSUMED_IF))
    fc_shadow_emit_warning_at (self, in, facts->stray->line, facts->stray->col, "%s without a wx:if before it",
                               facts->stray->name);
  if (slot_kind && facts->slot)
    return slot_kind->mount (self, parent, node, siblings, next, scope, consumed, error);
  return mount_planned (self, parent, node, in, plan, scope, error);
}

/* The nodes @nodes (siblings in this order), under @el. */
gboolean
fc_element_tree_build_list (FcPage *self, FcElement *el, const GPtrArray *nodes, ScopeRef *scope, GError **error)
{
  guint i = 0;

  while (i < nodes->len)
    {
      const FcFxmlNode *c = g_ptr_array_index (nodes, i);
      guint next = i + 1;
      if (c->type != FC_FXML_COMMENT && !fc_fxml_node_is_wxs (c) && !is_declaration (c)
          && !fc_element_tree_build (self, el, c, nodes, &next, scope, 0, error))
        return FALSE;
      i = next;
    }
  return TRUE;
}

/* The children of @node, under @el. */
gboolean
fc_element_tree_build_children (FcPage *self, FcElement *el, const FcFxmlNode *node, ScopeRef *scope,
                                GError **error)
{
  return fc_element_tree_build_list (self, el, node->children, scope, error);
}

/* The page's root element (tag `page`), without children yet. */
FcElement *
fc_element_tree_new_root (FcPage *self)
{
  FcElement *root = g_new0 (FcElement, 1);
  root->kind = &element_kind;
  root->page = self;
  root->node = self->doc;
  root->klass = fc_component_class_ref (fc_registry_lookup_builtin (self->registry, "page"));
  root->props = g_new0 (FcValue *, 0);
  return root;
}

static void
handle_free (gpointer handle, GObject *instance_was)
{
  g_free (handle);
}

/* Makes the component instances of @el's subtree; whether one of them
 * has a connect hook to run (most subtrees have none: connect_all() need
 * not walk them again) */
static gboolean
instantiate (FcPage *self, FcElement *el)
{
  gboolean to_connect;

  if (el->dead)
    return FALSE;
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
  to_connect = el->instance && el->klass->connect;
  for (guint i = 0; i < el->n_children; i++)
    to_connect |= instantiate (self, el->children[i]);
  return to_connect;
}

static void
connect_all (FcPage *self, FcElement *el)
{
  if (el->dead)
    return;
  if (el->instance && el->klass->connect)
    el->klass->connect (el->instance, fc_element_get_component_handle (el), el->klass->hooks_data);
  for (guint i = 0; i < el->n_children; i++)
    connect_all (self, el->children[i]);
}

static gboolean
validate_in (FcPage *self, FcComponentDef *in, const FcFxmlNode *node, GError **error)
{
  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      const FcFxmlNode *c = g_ptr_array_index (node->children, i);
      FcComponentDef *def = NULL;
      if (c->type != FC_FXML_ELEMENT || fc_fxml_node_is_wxs (c))
        continue;
      /* <template>, <import>, <include> and <slot> are no components; a
       * component's template is built again and again: what its tags
       * resolve to is kept for its mounts (resolve_class()) */
      if (strcmp (c->name, "slot") != 0 && !placing_kind (c)
          && !is_declaration (c)
          && !resolve_class (self, in, NULL, c, in ? plan_of (&in->resolved, c) : NULL, &def, error))
        return FALSE;
      /* a component's template once (it may contain itself) */
      if (def && !def->validated)
        {
          def->validated = TRUE;
          if (!validate_in (self, def, fc_shared_doc_get_markup (def->doc), error))
            return FALSE;
        }
      if (!validate_in (self, in, c, error))
        return FALSE;
    }
  return TRUE;
}

/* Every tag must resolve at load, also in wx:if branches not shown yet
 * and wx:for bodies with no items yet, and in the templates of the
 * components used. */
gboolean
fc_element_tree_validate (FcPage *self, const FcFxmlNode *node, GError **error)
{
  return validate_in (self, NULL, node, error);
}

/* Creates the component instances of @el and below (factories), then
 * connects them: hooks may raise events whose handlers change the tree. */
void
fc_element_tree_mount_all (FcPage *self, FcElement *el)
{
  fc_page_update_begin (self);
  if (instantiate (self, el))
    connect_all (self, el);
  fc_page_update_end (self);
}

/* Builds what a new wx:if branch or wx:for item needs after mount. */
void
fc_element_tree_mount (FcPage *self, FcElement *el)
{
  if (!self->root || !self->root->mounted)
    return;
  fc_element_tree_mount_all (self, el);
}

/* Re-evaluates every binding of @el and below, for a wx:for instance
 * whose item changed or an element whose scope did. */
void
fc_element_tree_refresh (FcPage *self, FcElement *el)
{
  if (el->dead)
    return;
  for (guint i = 0; i < el->n_bindings; i++)
    fc_binding_update (self, &el->bindings[i], FALSE);
  /* wx:if and wx:for refreshed their own children above; a virtual
   * kind without bindings (<include>) does not */
  if (!el->kind->is_virtual || !el->kind->refresh)
    for (guint i = 0; i < el->n_children; i++)
      fc_element_tree_refresh (self, el->children[i]);
}
