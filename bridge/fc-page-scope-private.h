/* fc-page-scope-private.h: wx:for variables (fc-page-scope.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

ScopeRef *fc_item_scope_new (ScopeRef *parent, const char *item_name, const char *index_name, FcValue *item,
                             FcValue *index);
ScopeRef *fc_item_scope_ref (ScopeRef *s);
void fc_item_scope_unref (ScopeRef *s);
gboolean fc_item_scope_has (const ScopeRef *s, const char *name);
ScopeRef *fc_item_scope_new_data_root (FcValue *data);

/* the innermost variable, for fc_template_evaluate_in_scope(); NULL for none */
static inline const FcScope *
fc_item_scope_head (const ScopeRef *s)
{
  return s ? &s->index : NULL;
}
/* The data what is in @s reads: its `<template is>` instance's, or NULL
 * for the page's (inline: every binding update asks) */
static inline FcValue *
fc_item_scope_data (const ScopeRef *s)
{
  for (; s; s = s->parent)
    if (s->data)
      return s->data;
  return NULL;
}

G_END_DECLS
