/* fc-event-dispatch.c: an event raised on an element: the path from the
 * root, the capture and bubble phases over the elements' event bindings,
 * the handlers called in the page's scope (a plugin page's own); and
 * component methods, run inside an update as handlers may change the tree. */
#include <string.h>

#include "fc-element-private.h"
#include "fc-event-mark-private.h"
#include "fc-event-private.h"
#include "fc-page-signals-private.h"

static const char *
handler_name (Binding *b, char **owned)
{
  *owned = NULL;
  if (!b->value || fc_value_get_kind (b->value) <= FC_VALUE_NULL)
    return NULL;
  if (fc_value_get_kind (b->value) == FC_VALUE_STRING)
    return *fc_value_get_string (b->value) ? fc_value_get_string (b->value) : NULL;
  *owned = fc_value_to_js_string (b->value);
  return **owned ? *owned : NULL;
}

static gboolean
is_capture_kind (EventBindingKind k)
{
  return k == EVENT_CAPTURE_BIND || k == EVENT_CAPTURE_CATCH || k == EVENT_CAPTURE_MUT_BIND;
}

static gboolean
has_colon (const Binding *b)
{
  return strchr (b->attr->name, ':') != NULL;
}

/* Whether a colon-less binding (bindtap, catchtap, ontap) is replaced by a
 * later colon-less one of the same event and phase on its element: in
 * glass-easel they share one slot, the later wins ("bind:tap" bindings
 * are each a listener of their own). */
static gboolean
is_replaced (FcElement *el, guint i)
{
  const Binding *b = &el->bindings[i];

  for (guint j = i + 1; j < el->n_bindings; j++)
    {
      const Binding *c = &el->bindings[j];
      if (c->kind == BINDING_EVENT && !has_colon (c) && strcmp (c->key, b->key) == 0
          && is_capture_kind (c->event_kind) == is_capture_kind (b->event_kind))
        return TRUE;
    }
  return FALSE;
}

/* Runs @el's bindings of @name in the given phase, the colon-less ones
 * first, as glass-easel does; returns FALSE when a catch stops
 * propagation. */
/* @target as a listener in @tree sees it: itself, or the first element
 * around it in that tree (a host, a slot), as glass-easel retargets */
static FcElement *
retarget (FcElement *target, FcShadow *tree)
{
  for (FcElement *e = target; e; e = e->parent)
    if (e->shadow == tree)
      return e;
  return target;
}

static FcCallbackScope *
handler_scope (FcElement *el)
{
  FcCallbackScope *own = el->shadow ? fc_component_class_get_data (el->shadow->host->klass, "fc-callbacks") : NULL;
  if (own)
    return own;
  return el->page->plugin_scope ? el->page->plugin_scope : el->page->scope;
}

static gboolean
run_bindings (FcElement *el, FcEvent *ev, FcElement *target, gboolean capture, gboolean *mut_done)
{
  gboolean go_on = TRUE;

  if (el->dead)
    return TRUE;
  for (guint k = 0; k < 2 * el->n_bindings; k++)
    {
      guint i = k % el->n_bindings;
      Binding *b = &el->bindings[i];
      g_autofree char *owned = NULL;
      const char *handler;

      if (b->kind != BINDING_EVENT || strcmp (b->key, ev->type) != 0)
        continue;
      if (is_capture_kind (b->event_kind) != capture)
        continue;
      /* first round the colon-less, second the others */
      if (has_colon (b) != (k >= el->n_bindings))
        continue;
      if (!has_colon (b) && is_replaced (el, i))
        continue;
      if (b->event_kind == EVENT_CATCH || b->event_kind == EVENT_CAPTURE_CATCH)
        go_on = FALSE;
      /* mut-bind: at most one mut-bind handler per event, either phase */
      if (b->event_kind == EVENT_MUT_BIND || b->event_kind == EVENT_CAPTURE_MUT_BIND)
        {
          if (*mut_done)
            continue;
          *mut_done = TRUE;
        }
      handler = handler_name (b, &owned);
      if (!handler)
        continue; /* an empty value disables the binding */
      ev->current_target = el;
      ev->target = retarget (target, el->shadow);
      ev->handler = handler;
      ev->line = b->attr->line;
      ev->col = b->attr->col;
      /* a plugin page's names resolve in its plugin's scope only; a
       * component's template's in its class's callbacks, when it has any */
      if (!fc_callback_scope_invoke_observed (handler_scope (el), el->page->scope, ev))
        fc_element_emit_warning_at (el, b->attr->line, b->attr->col, "no handler \"%s\" for event \"%s\"", handler,
                                    ev->type);
    }
  return go_on;
}

/* The elements an event from @target goes through, target first, into
 * @path when not NULL; returns their number. Without
 * %FC_EVENT_COMPOSED it stays in @target's tree: the elements of the
 * slots it is in are passed over and its tree's shadow root ends it; a
 * composed one goes on through the host. Shadow roots hold no bindings. */
static guint
collect_path (FcElement *target, FcElement *page_root, FcEventFlags flags, FcElement **path, guint max)
{
  gboolean composed = (flags & FC_EVENT_COMPOSED) != 0;
  guint n = 0;

  for (FcElement *e = target; e && e != page_root && n < max; e = e->parent)
    {
      if (e->shadow && e == e->shadow->root)
        {
          if (!composed && e->shadow == target->shadow)
            break;
          continue;
        }
      if (!composed && e->shadow != target->shadow)
        continue;
      if (path)
        path[n] = e;
      n++;
    }
  return n;
}

/**
 * fc_element_trigger_event:
 * @element: the element raising the event (the target)
 * @name: the event name, verbatim (`onRecordEnd`, `input`)
 * @detail: (nullable) (transfer none): the detail; %NULL for `{}`
 * @flags: bubbling and capture
 *
 * Delivers the event to the bindings of @element (and, when it bubbles,
 * its ancestors; with %FC_EVENT_CAPTURE_PHASE, capture bindings from the
 * root down first), calling the handlers registered in the page's scope.
 */
void
fc_element_trigger_event (FcElement *element, const char *name, FcValue *detail, FcEventFlags flags)
{
  FcElement *stack_path[32];
  g_autofree FcElement **heap_path = NULL;
  FcElement **path = stack_path;
  guint depth, n_path;
  g_autoptr (FcValue) empty = NULL;
  gboolean mut_done = FALSE, go_on = TRUE;
  FcPage *page;
  FcEvent ev = { 0 };

  g_return_if_fail (element != NULL && name != NULL);
  element = fc_element_resolve (element);
  if (!element) /* a handle whose element is gone */
    return;
  page = g_object_ref (element->page);
  fc_page_update_begin (page);
  if (!detail)
    detail = empty = fc_value_new_object ();
  ev.type = name;
  ev.time_stamp = page->now;
  ev.target = element;
  ev.detail = detail;
  ev.mark = page->has_marks ? fc_event_mark_collect (element) : NULL;

  /* only the target unless the event bubbles or captures */
  depth = collect_path (element, page->root, flags, NULL,
                        flags & (FC_EVENT_BUBBLES | FC_EVENT_CAPTURE_PHASE) ? G_MAXUINT : 1);
  if (depth > G_N_ELEMENTS (stack_path))
    path = heap_path = g_new (FcElement *, depth);
  n_path = collect_path (element, page->root, flags, path, depth);

  if (flags & FC_EVENT_CAPTURE_PHASE)
    for (guint i = n_path; go_on && i > 0; i--)
      go_on = run_bindings (path[i - 1], &ev, element, TRUE, &mut_done);
  for (guint i = 0; go_on && i < n_path; i++)
    {
      go_on = run_bindings (path[i], &ev, element, FALSE, &mut_done);
      if (!(flags & FC_EVENT_BUBBLES))
        break;
    }
  g_clear_pointer (&ev.mark, fc_value_unref);
  fc_page_update_end (page);
  g_object_unref (page);
}

/**
 * fc_element_call_method:
 * @element: an element
 * @name: a method of its class
 * @args: (nullable) (transfer none): the arguments
 * @error: return location for an error
 *
 * Calls a method of the element's component
 * (fc_component_class_add_method()), as a host or a replay `input` step
 * does: the recorder's `record`, the keyboard's `key`.
 *
 * Returns: whether the method ran and succeeded
 */
gboolean
fc_element_call_method (FcElement *element, const char *name, FcValue *args, GError **error)
{
  FcMethodSpec *m;

  element = fc_element_resolve (element);
  if (!element)
    {
      g_set_error_literal (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_UNKNOWN_METHOD,
                           "the component's element is gone");
      return FALSE;
    }
  m = element->klass ? fc_component_class_find_method (element->klass, name) : NULL;
  if (!m)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_UNKNOWN_METHOD, "<%s> has no method \"%s\"",
                   fc_element_get_tag (element), name);
      return FALSE;
    }
  /* the method may run handlers that remove @element: keep it alive
   * until the method returns */
  {
    FcPage *page = g_object_ref (element->page);
    gboolean ok;
    fc_page_update_begin (page);
    ok = m->method (fc_element_get_component_handle (element), args, m->user_data, error);
    fc_page_update_end (page);
    g_object_unref (page);
    return ok;
  }
}
