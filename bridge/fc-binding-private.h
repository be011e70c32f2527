/* fc-binding-private.h: bindings and their dependency index (fc-binding.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

void fc_binding_reserve (FcElement *el, guint n);
Binding *fc_binding_add (FcPage *self, FcElement *el, BindingKind kind, const FcFxmlAttribute *attr);
void fc_binding_update (FcPage *self, Binding *b, gboolean initial);
void fc_binding_unindex (FcPage *self, Binding *b);
void fc_binding_clear (Binding *b);
gboolean fc_binding_set_in (FcPage *self, FcShadow *shadow, const char *key, FcValue *value);

/* the dependency index of @el's tree: its component's, or the page's */
static inline FcDepsIndex *
fc_binding_index_of (FcPage *self, const FcElement *el)
{
  return el->shadow ? &el->shadow->deps_index : &self->deps_index;
}

/* the template @b evaluates: its attribute's, or its text node's */
static inline const FcTemplate *
fc_binding_template (const Binding *b)
{
  return b->attr ? b->attr->tpl : b->element->node->tpl;
}

G_END_DECLS
