/* fc-replay-steps.c: replay steps that ask the page's tree and data:
 * `trigger` (an element raises an event) and `dumpData` (the page data at
 * a path). fc-replay.c runs them and prints what they give. */
#include "fc-replay-steps.h"

#include <string.h>

/* {"trigger": SELECTOR, "event": NAME, "detail": ANY, "options":
 * {"bubbles", "composed", "capturePhase"}}: the element raises the event
 * as a component's triggerEvent() does; the handlers it reaches print
 * their lines. Without "detail" the event's detail is null (glass-easel's
 * undefined). */
gboolean
fc_replay_step_trigger (FcPage *page, FcValue *step, GError **error)
{
  FcValue *sel = fc_value_object_get (step, "trigger");
  FcValue *name = fc_value_object_get (step, "event");
  FcValue *options = fc_value_object_get (step, "options");
  FcValue *detail = fc_value_object_get (step, "detail");
  static const struct { const char *key; FcEventFlags flag; } flags[] = {
    { "bubbles", FC_EVENT_BUBBLES },
    { "composed", FC_EVENT_COMPOSED },
    { "capturePhase", FC_EVENT_CAPTURE_PHASE },
  };
  g_autoptr (FcValue) null = NULL;
  FcEventFlags f = FC_EVENT_NONE;
  FcElement *el;

  if (fc_value_get_kind (sel) != FC_VALUE_STRING || !name || fc_value_get_kind (name) != FC_VALUE_STRING
      || !*fc_value_get_string (name))
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED,
                   "trigger step needs \"trigger\" (a selector) and \"event\" (a name) strings");
      return FALSE;
    }
  if (options && fc_value_get_kind (options) != FC_VALUE_OBJECT)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED,
                   "trigger step: \"options\" must be an object of bubbles, composed, capturePhase");
      return FALSE;
    }
  for (guint i = 0; options && i < fc_value_object_get_size (options); i++)
    {
      const char *key = fc_value_object_get_key (options, i);
      FcValue *v = fc_value_object_get_nth (options, i);
      guint k;
      for (k = 0; k < G_N_ELEMENTS (flags) && strcmp (flags[k].key, key) != 0; k++)
        ;
      if (k == G_N_ELEMENTS (flags) || fc_value_get_kind (v) != FC_VALUE_BOOLEAN)
        {
          g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED,
                       "trigger step: option \"%s\" is not one of bubbles, composed, capturePhase with true or false",
                       key);
          return FALSE;
        }
      if (fc_value_get_boolean (v))
        f |= flags[k].flag;
    }
  if (!(el = fc_page_query (page, fc_value_get_string (sel), error)))
    return FALSE;
  if (!detail)
    detail = null = fc_value_new_null ();
  fc_element_trigger_event (el, fc_value_get_string (name), detail, f);
  return TRUE;
}

/* {"dumpData": "a.b"}: the page data at the path ("" for all of it;
 * `undefined` when nothing is there), as {"dumpData", "value"}. */
FcValue *
fc_replay_step_dump_data (FcPage *page, FcValue *step, GError **error)
{
  FcValue *path = fc_value_object_get (step, "dumpData");
  FcValue *data = fc_page_get_data (page);
  FcValue *out, *v;

  if (fc_value_get_kind (path) != FC_VALUE_STRING)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED, "dumpData step needs a path string (\"\": all)");
      return NULL;
    }
  if (!*fc_value_get_string (path))
    v = fc_value_ref (data);
  else
    {
      FcDataPath *p = fc_data_path_parse (fc_value_get_string (path), error);
      FcValue *at;
      if (!p)
        return NULL;
      at = fc_data_get (data, p);
      fc_data_path_free (p);
      v = at ? fc_value_ref (at) : fc_value_new_undefined ();
    }
  out = fc_value_new_object ();
  fc_value_object_set (out, "dumpData", fc_value_ref (path));
  fc_value_object_set (out, "value", v);
  return out;
}
