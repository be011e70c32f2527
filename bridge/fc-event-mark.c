/* fc-event-mark.c: an event's `mark`: the `mark:NAME` attributes of its
 * target and every element above it, merged; a name the target (or a
 * nearer element) marks wins over the same name further up, as
 * glass-easel merges them. */
#include "fc-event-mark-private.h"

/**
 * fc_event_mark_collect:
 * @target: the element raising an event
 *
 * Returns: (transfer full) (nullable): the merged marks, an object, or
 *   %NULL when no element on the way to the root has any
 */
FcValue *
fc_event_mark_collect (FcElement *target)
{
  FcValue *mark = NULL;

  for (FcElement *e = target; e; e = e->parent)
    for (guint i = 0; i < e->n_bindings; i++)
      {
        const Binding *b = &e->bindings[i];
        if (b->kind != BINDING_MARK || !b->value)
          continue;
        if (!mark)
          mark = fc_value_new_object ();
        if (!fc_value_object_get (mark, b->key))
          fc_value_object_set (mark, b->key, fc_value_ref (b->value));
      }
  return mark;
}
