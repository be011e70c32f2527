/* fc-attr-plan-private.h: what each attribute of a node is for, decided
 * once per node and class (fc-attr-plan.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

/* What an element does with one attribute of its markup */
typedef enum {
  FC_ATTR_DIRECTIVE,   /* wx:if, wx:for…: its kind of element reads it */
  FC_ATTR_ID,
  FC_ATTR_DATASET,     /* data-NAME; key: the dataset's name for it */
  FC_ATTR_PROPERTY,    /* a property of the class; prop */
  FC_ATTR_MODEL,       /* model:NAME, two-way; prop */
  FC_ATTR_EVENT,       /* bind…/catch…/on…; event_kind, key: the event */
  FC_ATTR_MARK,        /* mark:NAME; key: NAME */
  FC_ATTR_GENERIC,     /* generic:NAME; key: NAME */
  FC_ATTR_PLAIN,       /* class, style, slot, hidden, aria-…: kept as written; key: the name */
  FC_ATTR_NO_EVENT,    /* an event binding naming no event: a warning */
  FC_ATTR_UNSUPPORTED, /* an unknown NS:NAME: a warning */
  FC_ATTR_UNKNOWN,     /* an unknown attribute: a warning */
} FcAttrRole;

typedef struct {
  FcAttrRole role;
  EventBindingKind event_kind;
  int prop;
  const char *key;     /* in the attribute's name, or owned_key */
  char *owned_key;
} FcAttrPlan;

/* What building a node decides from its markup alone, whatever its tag
 * resolves to (fc-element-tree.c fills it in) */
typedef struct {
  guint directives;             /* bit i: it has the attribute of the i-th directive kind */
  const FcFxmlAttribute *stray; /* its wx:elif, else its wx:else: warned about where no wx:if is before it */
  const FcElementKind *placing; /* the kind that places markup from elsewhere for it (<template is>, <include>) */
  gboolean slot;                /* a <slot> */
} FcNodeFacts;

/* What building each element of a node would decide again and again:
 * its facts, and once its tag resolved for good, the class and the plans
 * of every attribute for that class. */
typedef struct {
  FcNodeFacts facts;
  FcComponentClass *klass; /* not a reference: see fc_node_plan_new(); NULL: resolved at each mount
                              (a generic, a resolver's class), or not a component (<template is>, <slot>) */
  FcComponentDef *def;     /* its markup component, or NULL */
  guint n_attrs;
  FcAttrPlan attrs[];      /* with klass only */
} FcNodePlan;

gboolean fc_attr_plan_is_directive (const char *name);
void fc_attr_plan_classify (const FcComponentClass *klass, const FcFxmlAttribute *a, FcAttrPlan *plan);
void fc_attr_plan_clear (FcAttrPlan *plan);
FcNodePlan *fc_node_plan_new (const FcFxmlNode *node);
void fc_node_plan_set_class (FcNodePlan *plan, const FcFxmlNode *node, FcComponentClass *klass, FcComponentDef *def);
void fc_node_plan_free (gpointer plan);

G_END_DECLS
