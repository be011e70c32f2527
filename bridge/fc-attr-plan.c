/* fc-attr-plan.c: what each attribute of an element's markup is for — a
 * directive, its id, a dataset entry, a property of its class, an event
 * binding, a mark, a generic, an attribute kept as written, or one to
 * warn about. The tree builder (fc-element-tree.c) asks once per node and
 * class and keeps the answers in the node's plan, with what its tag
 * resolved to and what its markup says (FcNodeFacts), so that the
 * hundredth card of a list decides nothing its first did. */
#include <string.h>

#include "fc-attr-plan-private.h"
#include "fc-bridge-private.h"

/* Whether @name is a `wx:`/`fx:` directive (`wx:if`, `wx:for-item`…). */
gboolean
fc_attr_plan_is_directive (const char *name)
{
  static const char *const names[] = { "if", "elif", "else", "for", "for-items", "for-item", "for-index", "key", NULL };
  if ((name[0] != 'w' && name[0] != 'f') || name[1] != 'x' || name[2] != ':')
    return FALSE;
  for (const char *const *n = names; *n; n++)
    if (fc_str_equal (*n, name + 3))
      return TRUE;
  return FALSE;
}

static gboolean
is_plain_attr (const char *name)
{
  switch (name[0])
    {
    case 'c':
      return strcmp (name, "class") == 0;
    case 's':
      return strcmp (name, "style") == 0 || strcmp (name, "slot") == 0;
    case 'h':
      return strcmp (name, "hidden") == 0;
    default:
      return FALSE;
    }
}

static char *
dataset_key (const char *attr)
{
  /* glass-easel's rule: data-element-type → elementType; upper case in
   * the attribute name is folded to lower case (data-elementType →
   * elementtype); a run of dashes goes, the character after it is upper
   * case (data-a--b → aB), and so do trailing dashes (data-trail- →
   * trail). */
  GString *s = g_string_new (NULL);
  for (const char *p = attr + 5; *p; p++)
    {
      if (*p == '-')
        {
          while (p[1] == '-')
            p++;
          if (!p[1])
            break;
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
    { PREFIX ("on"), EVENT_BIND }, /* "ontap": colon-less only, as glass-easel */
  };
#undef PREFIX
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize n = prefixes[i].len;
      if (name[0] == prefixes[i].prefix[0] && name[1] == prefixes[i].prefix[1]
          && strncmp (name, prefixes[i].prefix, n) == 0)
        {
          const char *rest = name + n;
          if (prefixes[i].prefix[0] == 'o' && rest[0] == ':')
            return FALSE;
          *kind = prefixes[i].kind;
          *event = rest[0] == ':' ? rest + 1 : rest;
          return TRUE;
        }
    }
  return FALSE;
}

/* Decides what an element of class @klass does with its attribute @a,
 * in the platform's order: directives, `id`, `data-`, the class's
 * properties, `model:`, events, `mark:`, `generic:`, the attributes any
 * element keeps; anything else is warned about. */
void
fc_attr_plan_classify (const FcComponentClass *klass, const FcFxmlAttribute *a, FcAttrPlan *plan)
{
  const char *name = a->name;
  const char *event;

  memset (plan, 0, sizeof *plan);
  plan->prop = -1;
  if (fc_attr_plan_is_directive (name))
    plan->role = FC_ATTR_DIRECTIVE;
  else if (name[0] == 'i' && strcmp (name, "id") == 0)
    plan->role = FC_ATTR_ID;
  else if (name[0] == 'd' && strncmp (name, "data-", 5) == 0 && name[5])
    {
      plan->role = FC_ATTR_DATASET;
      plan->key = plan->owned_key = dataset_key (name);
    }
  else if ((plan->prop = fc_component_class_find_property (klass, name)) >= 0)
    plan->role = FC_ATTR_PROPERTY;
  else if (name[0] == 'm' && g_str_has_prefix (name, "model:")
           && (plan->prop = fc_component_class_find_property (klass, name + 6)) >= 0)
    plan->role = FC_ATTR_MODEL; /* the component's own changes go back to the path (fc-shadow.c) */
  else if (parse_event_attr (name, &plan->event_kind, &event))
    {
      plan->role = *event ? FC_ATTR_EVENT : FC_ATTR_NO_EVENT;
      plan->key = event;
    }
  else if (name[0] == 'm' && strncmp (name, "mark:", 5) == 0 && name[5])
    {
      plan->role = FC_ATTR_MARK; /* event.mark (fc-event-mark.c) */
      plan->key = name + 5;
    }
  else if (name[0] == 'g' && g_str_has_prefix (name, "generic:") && name[8])
    {
      plan->role = FC_ATTR_GENERIC; /* an abstract node's implementation: a tag of this page */
      plan->key = name + 8;
    }
  else if (is_plain_attr (name)
           /* the platform's accessibility attributes, on its built-ins */
           || (klass->builtin && (g_str_has_prefix (name, "aria-") || strcmp (name, "tabindex") == 0))
           /* a native node keeps any attribute */
           || (klass->native && !strchr (name, ':')))
    {
      plan->role = FC_ATTR_PLAIN;
      plan->key = name;
    }
  else
    plan->role = strchr (name, ':') ? FC_ATTR_UNSUPPORTED : FC_ATTR_UNKNOWN;
  if (plan->role != FC_ATTR_PROPERTY && plan->role != FC_ATTR_MODEL)
    plan->prop = -1;
}

void
fc_attr_plan_clear (FcAttrPlan *plan)
{
  g_clear_pointer (&plan->owned_key, g_free);
  plan->key = NULL;
}

/* A plan for @node with room for its attributes' plans, none decided
 * yet (fc_node_plan_set_class()); its facts are the caller's to fill in. */
FcNodePlan *
fc_node_plan_new (const FcFxmlNode *node)
{
  guint n = node->attributes ? node->attributes->len : 0;
  FcNodePlan *plan = g_malloc0 (sizeof (FcNodePlan) + n * sizeof (FcAttrPlan));

  plan->n_attrs = n;
  return plan;
}

/* Keeps in @plan that @node resolved to @klass, with @def (its markup
 * component, or NULL), and the plans of @node's attributes for @klass.
 * Neither is referenced: a plan is kept where the page or the component
 * definition keeps what @node resolved to, and that holds both for as
 * long (fc-element-tree.c). */
void
fc_node_plan_set_class (FcNodePlan *plan, const FcFxmlNode *node, FcComponentClass *klass, FcComponentDef *def)
{
  g_return_if_fail (plan->klass == NULL && plan->n_attrs == (node->attributes ? node->attributes->len : 0));
  plan->klass = klass;
  plan->def = def;
  for (guint i = 0; i < plan->n_attrs; i++)
    fc_attr_plan_classify (klass, g_ptr_array_index (node->attributes, i), &plan->attrs[i]);
}

void
fc_node_plan_free (gpointer data)
{
  FcNodePlan *plan = data;

  for (guint i = 0; i < plan->n_attrs; i++)
    fc_attr_plan_clear (&plan->attrs[i]);
  g_free (plan);
}
