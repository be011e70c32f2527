/* fc-page-scope.c: ScopeRef, the variables of one wx:for instance
 * (`item`, `index` or their wx:for-item / wx:for-index names), chained to
 * the instances around it and shared by the elements built for it. */
#include <string.h>

#include "fc-page-scope-private.h"
#include "fc-bridge-private.h"

ScopeRef *
fc_item_scope_new (ScopeRef *parent, const char *item_name, const char *index_name, FcValue *item, FcValue *index)
{
  gsize item_len = strlen (item_name) + 1, index_len = strlen (index_name) + 1;
  /* one block: a list of n items makes n of these */
  ScopeRef *s = g_malloc0 (sizeof (ScopeRef) + item_len + index_len);
  s->ref_count = 1;
  s->parent = parent;
  if (parent)
    g_atomic_int_inc (&parent->ref_count);
  s->item_name = memcpy (s->names, item_name, item_len);
  s->index_name = memcpy (s->names + item_len, index_name, index_len);
  s->item = (FcScope) { parent ? &parent->index : NULL, s->item_name, fc_value_ref (item) };
  s->index = (FcScope) { &s->item, s->index_name, fc_value_ref (index) };
  return s;
}

ScopeRef *
fc_item_scope_ref (ScopeRef *s)
{
  if (s)
    g_atomic_int_inc (&s->ref_count);
  return s;
}

void
fc_item_scope_unref (ScopeRef *s)
{
  while (s && g_atomic_int_dec_and_test (&s->ref_count))
    {
      ScopeRef *parent = s->parent;
      fc_value_unref (s->item.value);
      fc_value_unref (s->index.value);
      g_clear_pointer (&s->data, fc_value_unref);
      g_free (s);
      s = parent;
    }
}

gboolean
fc_item_scope_has (const ScopeRef *s, const char *name)
{
  for (const FcScope *v = fc_item_scope_head (s); v; v = v->parent)
    if (fc_str_equal (v->name, name))
      return TRUE;
  return FALSE;
}

/* A `<template is>` instance's scope: no variables (their names are
 * empty, which no expression reads), none of the scopes around it, and
 * @data (transfer none) instead of the page data. */
ScopeRef *
fc_item_scope_new_data_root (FcValue *data)
{
  g_autoptr (FcValue) none = fc_value_new_undefined ();
  ScopeRef *s = fc_item_scope_new (NULL, "", "", none, none);
  s->data = fc_value_ref (data);
  return s;
}
