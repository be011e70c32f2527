/* fc-template-instance.c: the markup placed from elsewhere: `<template
 * is="NAME" data="{{...}}">` (the named template's content, reading only
 * its data: an object, the `{{ a, b }}` shorthand, a spread) and
 * `<include src>` (the included file's content, but its templates, in
 * the including element's scope). Both are virtual elements; the template
 * names and files come from fc-page-markup.c. */
#include <string.h>

#include "fc-template-instance-private.h"
#include "fc-binding-private.h"
#include "fc-element-private.h"
#include "fc-page-markup-private.h"
#include "fc-page-scope-private.h"
#include "fc-page-signals-private.h"
#include "fc-source-private.h"

/* glass-easel has no limit (a template using itself without end runs out
 * of stack); a tree of templates in a real page is a few levels deep */
#define MAX_TEMPLATE_DEPTH 64

static const FcElementKind template_kind;
static const FcElementKind include_kind;

enum { PROP_IS, PROP_DATA };

static Binding *
binding_of (FcElement *el, int which)
{
  for (guint i = 0; i < el->n_bindings; i++)
    if (el->bindings[i].prop == which)
      return &el->bindings[i];
  return NULL;
}

/* Building, mounting and freeing recurse over the tree: a template or an
 * include may not make it deeper than this (the parser bounds one file's
 * nesting to 256; wx:if, wx:for and these kinds add levels of their own) */
#define MAX_TREE_DEPTH 1024

static guint
tree_depth (FcElement *el)
{
  guint n = 0;
  for (; el; el = el->parent)
    n++;
  return n;
}

/* How deep @node's content nests (at most the parser's bound) */
static guint
node_depth (const FcFxmlNode *node)
{
  guint d = 0;
  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      guint c = 1 + node_depth (g_ptr_array_index (node->children, i));
      if (c > d)
        d = c;
    }
  return d;
}

/* Whether @content placed under @el stays within MAX_TREE_DEPTH; if not,
 * @error says so. */
static gboolean
check_tree_depth (FcPage *self, FcElement *el, const FcFxmlNode *content, const char *what, GError **error)
{
  if (tree_depth (el) + node_depth (content) <= MAX_TREE_DEPTH)
    return TRUE;
  g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_RECURSION,
               "%s:%d:%d: %s would nest elements more than %d deep", self->filename, el->node->line, el->node->col,
               what, MAX_TREE_DEPTH);
  return FALSE;
}

static guint
depth_of (FcElement *el, const FcElementKind *kind)
{
  guint n = 0;
  for (; el; el = el->parent)
    if (el->kind == kind)
      n++;
  return n;
}

static void
clear_children (FcPage *self, FcElement *el)
{
  while (el->n_children)
    fc_element_destroy (self, el->children[el->n_children - 1]);
}

/* Shows the template `is` names, with `data`: the same template's
 * elements are brought up to date, another's built anew. */
static gboolean
template_refresh (FcPage *self, FcElement *el, GError **error)
{
  Binding *is = binding_of (el, PROP_IS), *data = binding_of (el, PROP_DATA);
  g_autofree char *name = NULL;
  g_autoptr (FcValue) empty = NULL;
  const FcFxmlNode *def = NULL;
  const FcFxmlNode *shown = el->shown;
  FcValue *value;
  ScopeRef *root;
  gboolean ok;

  if (is && is->value && fc_value_get_kind (is->value) > FC_VALUE_NULL)
    name = fc_value_to_js_string (is->value);
  if (name && *name && !(def = fc_page_markup_lookup_template (self, el->node, name)))
    fc_element_emit_warning_at (el, is->attr->line, is->attr->col, "no template named \"%s\": nothing is shown",
                                name);
  value = data && data->value && fc_value_get_kind (data->value) == FC_VALUE_OBJECT
              ? data->value
              : (empty = fc_value_new_object ());

  if (def && def == shown && el->n_children)
    {
      /* every element inside reads this scope's data */
      FcElement *first = el->children[0];
      root = first->scope;
      fc_value_unref (root->data);
      root->data = fc_value_ref (value);
      self->refreshing++;
      for (guint i = 0; i < el->n_children; i++)
        fc_element_tree_refresh (self, el->children[i]);
      self->refreshing--;
      return TRUE;
    }
  if (def == shown && !def)
    return TRUE;

  fc_page_update_begin (self);
  clear_children (self, el);
  el->shown = NULL;
  ok = TRUE;
  if (def && depth_of (el, &template_kind) > MAX_TEMPLATE_DEPTH)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_RECURSION,
                   "%s:%d:%d: template \"%s\" is used inside itself more than %d deep",
                   self->filename, el->node->line, el->node->col, name, MAX_TEMPLATE_DEPTH);
      ok = FALSE;
    }
  else if (def && !check_tree_depth (self, el, def, "this template", error))
    ok = FALSE;
  else if (def)
    {
      root = fc_item_scope_new_data_root (value);
      el->shown = def;
      ok = fc_element_tree_build_children (self, el, def, root, error);
      fc_item_scope_unref (root);
      if (!ok)
        {
          clear_children (self, el);
          el->shown = NULL;
        }
      else
        for (guint i = 0; i < el->n_children; i++)
          fc_element_tree_mount (self, el->children[i]);
    }
  fc_page_emit_children_changed (self, el);
  fc_page_update_end (self);
  return ok;
}

/* What `data` @a of @node reads, as glass-easel's compiler takes it: one
 * whole `{{ }}` holding an object literal is that object; any other
 * content is an object's items (`{{a}}` is `{a: a}`, `{{a, b}}`,
 * `{{...o, v: 1}}`). Text around the binding (a space too), or items
 * that do not parse, give an empty object and a warning (*@warning,
 * given at the node's first mount). */
static FcFxmlAttribute *
data_attribute (FcPage *self, const FcFxmlAttribute *a, char **warning)
{
  g_autoptr (GError) error = NULL;
  const char *v = a->value ? a->value : "", *end = v + strlen (v), *body, *close;
  FcFxmlAttribute *attr;

  attr = g_new0 (FcFxmlAttribute, 1);
  attr->name = g_strdup ("data");
  attr->line = a->line;
  attr->col = a->col;
  if (end - v >= 4 && v[0] == '{' && v[1] == '{' && (close = fc_find_binding_end (v + 2, end)) && close + 2 == end)
    {
      body = v + 2;
      while (body < close && g_ascii_isspace (*body))
        body++;
      if (*body == '{')
        attr->value = g_strndup (v, end - v);
      else
        attr->value = g_strdup_printf ("{{%.*s,}}", (int) (close - body), body);
      attr->tpl = fc_template_parse (attr->value, self->filename, a->line, a->col, &error);
    }
  if (attr->tpl)
    return attr;
  *warning = g_strdup_printf ("<template is> data \"%s\" is not an object's items%s%s: the data is empty",
                              a->value ? a->value : "", error ? ": " : "", error ? error->message : "");
  fc_fxml_attribute_free (attr);
  return NULL;
}

/* What a `<template is>` node's attributes are for, read once per node
 * and kept for the page's life, as the elements reading its data may
 * live as long (FcPage's template_uses) */
typedef struct {
  const FcFxmlAttribute *is;   /* or NULL */
  FcFxmlAttribute *data;       /* what its `data` reads as (owned), or NULL: none, or one that does not read */
  char *data_warning;          /* why its `data` does not read, until its first mount says so; or NULL */
  guint n_unknown;
  const FcFxmlAttribute *unknown[]; /* the attributes it has no use for: warned about at each mount */
} TemplateUse;

static void
template_use_free (gpointer data)
{
  TemplateUse *use = data;

  g_clear_pointer (&use->data, fc_fxml_attribute_free);
  g_free (use->data_warning);
  g_free (use);
}

/* @node's use: `is`, `data` (parsed), `wx:` directives (their kinds read
 * them) and the rest, unknown; made at its first mount */
static TemplateUse *
template_use (FcPage *self, const FcFxmlNode *node)
{
  TemplateUse *use = self->template_uses ? g_hash_table_lookup (self->template_uses, node) : NULL;
  guint n = node->attributes->len;

  if (use)
    return use;
  use = g_malloc0 (sizeof (TemplateUse) + n * sizeof (const FcFxmlAttribute *));
  use->is = fc_fxml_node_get_attribute (node, "is");
  for (guint i = 0; i < n; i++)
    {
      const FcFxmlAttribute *a = g_ptr_array_index (node->attributes, i);
      if (strcmp (a->name, "is") != 0 && strcmp (a->name, "data") != 0 && strncmp (a->name, "wx:", 3) != 0)
        use->unknown[use->n_unknown++] = a;
    }
  {
    const FcFxmlAttribute *d = fc_fxml_node_get_attribute (node, "data");
    if (d)
      use->data = data_attribute (self, d, &use->data_warning);
  }
  if (!self->template_uses)
    self->template_uses = g_hash_table_new_full (NULL, NULL, NULL, template_use_free);
  g_hash_table_insert (self->template_uses, (gpointer) node, use);
  return use;
}

static FcElement *
template_mount (FcPage *self, FcElement *parent, const FcFxmlNode *node, const GPtrArray *siblings, guint *next,
                ScopeRef *scope, guint consumed, GError **error)
{
  FcElement *el = fc_element_new_child (self, parent, node, scope, &template_kind);
  TemplateUse *use = template_use (self, node);
  const FcFxmlAttribute *attrs[] = { [PROP_IS] = use->is, [PROP_DATA] = use->data };

  fc_binding_reserve (el, 2);
  fc_element_tree_make_virtual (el);
  el->consumed = consumed;
  for (int k = PROP_IS; k <= PROP_DATA; k++)
    {
      Binding *b;
      if (k == PROP_DATA && use->data_warning)
        {
          /* once per node, at its first mount */
          const FcFxmlAttribute *d = fc_fxml_node_get_attribute (node, "data");
          fc_element_emit_warning_at (el, d->line, d->col, "%s", use->data_warning);
          g_clear_pointer (&use->data_warning, g_free);
        }
      if (!attrs[k])
        continue;
      b = fc_binding_add (self, el, BINDING_FOR, attrs[k]);
      b->prop = k;
      fc_binding_update (self, b, TRUE);
    }
  for (guint i = 0; i < use->n_unknown; i++)
    fc_element_emit_warning_at (el, use->unknown[i]->line, use->unknown[i]->col,
                                "unknown attribute \"%s\" on <template is>", use->unknown[i]->name);
  return template_refresh (self, el, error) ? el : NULL;
}

/* `<template is>`: BINDING_FOR bindings for `is` (prop PROP_IS) and
 * `data` (PROP_DATA); shown is the `<template name>` shown. */
static const FcElementKind template_kind = {
  .name = "#template",
  .is_virtual = TRUE,
  .mount = template_mount,
  .refresh = template_refresh,
};

static FcElement *
include_mount (FcPage *self, FcElement *parent, const FcFxmlNode *node, const GPtrArray *siblings, guint *next,
               ScopeRef *scope, guint consumed, GError **error)
{
  FcElement *el = fc_element_new_child (self, parent, node, scope, &include_kind);
  const FcFxmlNode *doc = fc_page_markup_lookup_include (self, node);

  fc_binding_reserve (el, 0);
  fc_element_tree_make_virtual (el);
  el->consumed = consumed;
  if (!doc)
    return el; /* it could not be read: said at load */
  /* a cycle of includes is refused at load; inside a template used
   * recursively an include is as deep as the tree */
  if (!check_tree_depth (self, el, doc, "this <include>", error))
    return NULL;
  return fc_element_tree_build_children (self, el, doc, scope, error) ? el : NULL;
}

/* `<include src>`: the included file's content, built once. */
static const FcElementKind include_kind = {
  .name = "#include",
  .is_virtual = TRUE,
  .mount = include_mount,
};

/* The kinds the tree builder places markup from elsewhere with
 * (fc_element_tree_set_placing_kinds(), from fc_page_class_init()). */
const FcElementKind *
fc_template_instance_get_template_kind (void)
{
  return &template_kind;
}

const FcElementKind *
fc_template_instance_get_include_kind (void)
{
  return &include_kind;
}
