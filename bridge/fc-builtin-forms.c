/* fc-builtin-forms.c: what the platform's plainly rendered built-ins do
 * headlessly: the warning once per tag and page that they render plainly,
 * and the methods through which a user (a GTK view, a replay `input`
 * step) changes a form control, which then raises the platform's event
 * with the platform's detail: input/textarea `input` ({value, cursor,
 * keyCode}), `focus`, `blur`, `confirm`; switch `change` ({value});
 * checkbox and radio through their group's `change`; slider `change`
 * and `changing`; picker and picker-view `change`; scroll-view `scroll`;
 * swiper `change` ({current, source}); a form's `submit` ({value} of its
 * named controls). Events of these do not bubble, as on the platform;
 * tap does (fc-builtins.c). */
#include <string.h>

#include "fc-builtins-private.h"
#include "fc-binding-private.h"
#include "fc-page-private.h"
#include "fc-page-signals-private.h"

#define WARNED_KEY "fc-builtin-forms-warned"

static gboolean
tag_is (FcElement *el, const char *tag)
{
  return strcmp (fc_element_get_tag (el), tag) == 0;
}

static gboolean
is_disabled (FcElement *el)
{
  FcValue *v = fc_element_get_property (el, "disabled");
  return v && fc_value_is_truthy (v);
}

/* The element changes one of its own properties, as its user made it:
 * @raw is coerced to the property's type (a value it refuses is an
 * error); the page's views are told. */
static gboolean
set_own (FcElement *el, const char *name, FcValue *raw, GError **error)
{
  FcElement *e = fc_element_resolve (el);
  int i = e ? fc_component_class_find_property (e->klass, name) : -1;
  g_autofree char *problem = NULL;
  FcValue *v;

  if (i < 0)
    return TRUE;
  v = fc_component_class_coerce (e->klass, (guint) i, raw, &problem);
  if (problem)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED, "<%s>: %s", fc_element_get_tag (el), problem);
      fc_value_unref (v);
      return FALSE;
    }
  if (fc_value_equal (fc_element_prop (e, i), v))
    {
      fc_value_unref (v);
      return TRUE;
    }
  fc_element_set_prop (e, i, v);
  fc_page_emit_property_changed (e->page, e, name, v);
  return TRUE;
}

static FcValue *
arg (FcValue *args, const char *name)
{
  return args && fc_value_get_kind (args) == FC_VALUE_OBJECT ? fc_value_object_get (args, name) : NULL;
}

static void
raise_event (FcElement *el, const char *event, FcValue *detail)
{
  fc_element_trigger_event (el, event, detail, FC_EVENT_NONE);
}

static const char *
string_prop (FcElement *el, const char *name)
{
  FcValue *v = fc_element_get_property (el, name);
  return v && fc_value_get_kind (v) == FC_VALUE_STRING ? fc_value_get_string (v) : "";
}

/* input, textarea: `input` {value, keyCode?}: the text becomes value (cut
 * to maxlength characters, as the platform's field stops typing there),
 * then the event {value, cursor: its length, keyCode when known}. */
static gboolean
text_input (FcElement *el, FcValue *args, gpointer user_data, GError **error)
{
  FcValue *value = arg (args, "value"), *key = arg (args, "keyCode");
  FcValue *max = fc_element_get_property (el, "maxlength");
  g_autoptr (FcValue) detail = fc_value_new_object ();
  g_autofree char *text = NULL;
  glong len;

  if (!value || fc_value_get_kind (value) != FC_VALUE_STRING)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED, "<%s> input needs args.value, a string",
                   fc_element_get_tag (el));
      return FALSE;
    }
  if (is_disabled (el))
    return TRUE;
  text = g_strdup (fc_value_get_string (value));
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED, "<%s> input: args.value is not UTF-8",
                   fc_element_get_tag (el));
      return FALSE;
    }
  len = g_utf8_strlen (text, -1);
  if (max && fc_value_get_number (max) >= 0 && len > fc_value_get_number (max))
    {
      len = (glong) fc_value_get_number (max);
      *g_utf8_offset_to_pointer (text, len) = '\0';
    }
  fc_value_object_set (detail, "value", fc_value_new_string (text));
  fc_value_object_set (detail, "cursor", fc_value_new_number ((double) len));
  if (key && fc_value_get_kind (key) == FC_VALUE_NUMBER)
    fc_value_object_set (detail, "keyCode", fc_value_ref (key));
  if (!set_own (el, "value", fc_value_object_get (detail, "value"), error))
    return FALSE;
  raise_event (el, "input", detail);
  return TRUE;
}

/* input, textarea: `focus` {value, height: 0}, `blur` {value, cursor},
 * `confirm` {value}. */
static gboolean
text_event (FcElement *el, FcValue *args, gpointer user_data, GError **error)
{
  const char *event = user_data;
  const char *value = string_prop (el, "value");
  g_autoptr (FcValue) detail = fc_value_new_object ();

  if (is_disabled (el))
    return TRUE;
  fc_value_object_set (detail, "value", fc_value_new_string (value));
  if (strcmp (event, "focus") == 0)
    fc_value_object_set (detail, "height", fc_value_new_number (0));
  else if (strcmp (event, "blur") == 0)
    fc_value_object_set (detail, "cursor", fc_value_new_number ((double) g_utf8_strlen (value, -1)));
  raise_event (el, event, detail);
  return TRUE;
}

static FcElement *
ancestor (FcElement *el, const char *tag)
{
  for (FcElement *p = fc_element_get_parent (el); p; p = fc_element_get_parent (p))
    if (tag_is (p, tag))
      return p;
  return NULL;
}

static void
collect (FcElement *el, const char *tag, GPtrArray *into)
{
  for (guint i = 0; i < fc_element_get_n_children (el); i++)
    {
      FcElement *c = fc_element_get_child (el, i);
      if (fc_element_get_text (c))
        continue;
      if (tag_is (c, tag))
        g_ptr_array_add (into, c);
      collect (c, tag, into);
    }
}

/* checkbox-group: `change` {value: the checked boxes' values, in document order} */
static FcValue *
group_value (FcElement *group)
{
  g_autoptr (GPtrArray) boxes = g_ptr_array_new ();
  gboolean radio = tag_is (group, "radio-group");
  FcValue *list = fc_value_new_array ();

  collect (group, radio ? "radio" : "checkbox", boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      FcElement *b = g_ptr_array_index (boxes, i);
      FcValue *checked = fc_element_get_property (b, "checked");
      if (!fc_value_is_truthy (checked))
        continue;
      if (radio)
        {
          fc_value_unref (list);
          return fc_value_new_string (string_prop (b, "value"));
        }
      fc_value_array_append (list, fc_value_new_string (string_prop (b, "value")));
    }
  if (radio)
    {
      fc_value_unref (list);
      return fc_value_new_string ("");
    }
  return list;
}

static void
group_changed (FcElement *box, const char *group_tag)
{
  FcElement *group = ancestor (box, group_tag);
  g_autoptr (FcValue) detail = fc_value_new_object ();

  if (!group)
    return;
  fc_value_object_set (detail, "value", group_value (group));
  raise_event (group, "change", detail);
}

/* switch, checkbox, radio: `change` {value?: Boolean}: checked becomes
 * value (switch and checkbox: the opposite of now without one; a radio
 * is only ever checked by its user, and unchecks the others of its
 * group). A switch raises change {value}; a checkbox and a radio their
 * group's change. */
static gboolean
toggle (FcElement *el, FcValue *args, gpointer user_data, GError **error)
{
  FcValue *value = arg (args, "value");
  gboolean radio = tag_is (el, "radio");
  gboolean now = fc_value_is_truthy (fc_element_get_property (el, "checked"));
  gboolean to = radio ? TRUE : value ? fc_value_is_truthy (value) : !now;
  g_autoptr (FcValue) v = fc_value_new_boolean (to);

  if (is_disabled (el) || (radio && now))
    return TRUE;
  if (!set_own (el, "checked", v, error))
    return FALSE;
  if (radio)
    {
      FcElement *group = ancestor (el, "radio-group");
      g_autoptr (GPtrArray) others = g_ptr_array_new ();
      g_autoptr (FcValue) off = fc_value_new_boolean (FALSE);
      if (group)
        collect (group, "radio", others);
      for (guint i = 0; i < others->len; i++)
        if (g_ptr_array_index (others, i) != el && !set_own (g_ptr_array_index (others, i), "checked", off, error))
          return FALSE;
      group_changed (el, "radio-group");
    }
  else if (tag_is (el, "checkbox"))
    group_changed (el, "checkbox-group");
  else
    {
      g_autoptr (FcValue) detail = fc_value_new_object ();
      fc_value_object_set (detail, "value", fc_value_ref (v));
      raise_event (el, "change", detail);
    }
  return TRUE;
}

/* slider: `change` / `changing` {value}: value within [min, max] on the
 * step from min, as the platform's thumb can only stop there. */
static gboolean
slide (FcElement *el, FcValue *args, gpointer user_data, GError **error)
{
  FcValue *value = arg (args, "value");
  double min = fc_value_get_number (fc_element_get_property (el, "min"));
  double max = fc_value_get_number (fc_element_get_property (el, "max"));
  double step = fc_value_get_number (fc_element_get_property (el, "step"));
  g_autoptr (FcValue) detail = fc_value_new_object ();
  double x;

  if (!value || fc_value_get_kind (value) != FC_VALUE_NUMBER)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED, "<slider> %s needs args.value, a number",
                   (const char *) user_data);
      return FALSE;
    }
  if (is_disabled (el))
    return TRUE;
  x = fc_value_get_number (value);
  if (step > 0)
    x = min + step * (double) (gint64) ((x - min) / step + 0.5);
  x = CLAMP (x, min, MAX (min, max));
  fc_value_object_set (detail, "value", fc_value_new_number (x));
  if (!set_own (el, "value", fc_value_object_get (detail, "value"), error))
    return FALSE;
  raise_event (el, user_data, detail);
  return TRUE;
}

/* picker, picker-view `change` {value}; picker `cancel`; scroll-view
 * `scroll` {scrollLeft, scrollTop, scrollHeight, scrollWidth, deltaX,
 * deltaY}; swiper `change` {current, source: "touch"}: the detail is
 * args' members of those names (numbers default to 0), and the element's
 * own property follows where it has one (value, scrollTop/Left, current). */
static gboolean
plain_event (FcElement *el, FcValue *args, gpointer user_data, GError **error)
{
  const char *event = user_data;
  const char *tag = fc_element_get_tag (el);
  g_autoptr (FcValue) detail = fc_value_new_object ();

  if (is_disabled (el))
    return TRUE;
  if (strcmp (tag, "scroll-view") == 0)
    {
      static const char *const names[] = { "scrollLeft", "scrollTop", "scrollHeight", "scrollWidth", "deltaX", "deltaY" };
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          FcValue *v = arg (args, names[i]);
          fc_value_object_set (detail, names[i], v && fc_value_get_kind (v) == FC_VALUE_NUMBER
                                                   ? fc_value_ref (v) : fc_value_new_number (0));
        }
    }
  else if (strcmp (tag, "swiper") == 0)
    {
      FcValue *cur = arg (args, "current"), *source = arg (args, "source");
      fc_value_object_set (detail, "current", cur && fc_value_get_kind (cur) == FC_VALUE_NUMBER
                                                ? fc_value_ref (cur) : fc_value_new_number (0));
      fc_value_object_set (detail, "source", source && fc_value_get_kind (source) == FC_VALUE_STRING
                                               ? fc_value_ref (source) : fc_value_new_string ("touch"));
      if (!set_own (el, "current", fc_value_object_get (detail, "current"), error))
        return FALSE;
    }
  else if (strcmp (event, "change") == 0)
    {
      FcValue *v = arg (args, "value");
      if (!v)
        {
          g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED, "<%s> change needs args.value", tag);
          return FALSE;
        }
      fc_value_object_set (detail, "value", fc_value_ref (v));
      if (!set_own (el, "value", v, error))
        return FALSE;
    }
  raise_event (el, event, detail);
  return TRUE;
}

/* The value a form's submit gives a named control. */
static FcValue *
control_value (FcElement *c)
{
  const char *tag = fc_element_get_tag (c);

  if (strcmp (tag, "switch") == 0)
    return fc_value_ref (fc_element_get_property (c, "checked"));
  if (strcmp (tag, "checkbox-group") == 0 || strcmp (tag, "radio-group") == 0)
    return group_value (c);
  if (strcmp (tag, "input") == 0 || strcmp (tag, "textarea") == 0 || strcmp (tag, "slider") == 0
      || strcmp (tag, "picker") == 0 || strcmp (tag, "picker-view") == 0)
    return fc_value_ref (fc_element_get_property (c, "value"));
  return NULL;
}

static void
collect_named (FcElement *el, FcValue *into)
{
  for (guint i = 0; i < fc_element_get_n_children (el); i++)
    {
      FcElement *c = fc_element_get_child (el, i);
      FcValue *name = fc_element_get_text (c) ? NULL : fc_element_get_property (c, "name");
      FcValue *v;
      if (fc_element_get_text (c))
        continue;
      if (name && fc_value_get_kind (name) == FC_VALUE_STRING && *fc_value_get_string (name)
          && (v = control_value (c)))
        fc_value_object_set (into, fc_value_get_string (name), v);
      collect_named (c, into);
    }
}

/* form: `submit`: {value: {name: the value of each named control inside}} */
static gboolean
submit (FcElement *el, FcValue *args, gpointer user_data, GError **error)
{
  g_autoptr (FcValue) detail = fc_value_new_object ();
  FcValue *value = fc_value_new_object ();

  collect_named (el, value);
  fc_value_object_set (detail, "value", value);
  raise_event (el, "submit", detail);
  return TRUE;
}

/* The property a person changes on a form control, or NULL */
static const char *
user_property (FcElement *c)
{
  static const char *const checked[] = { "switch", "checkbox", "radio", NULL };
  static const char *const value[] = { "input", "textarea", "slider", "picker", "picker-view", NULL };
  const char *tag = fc_element_get_tag (c);

  if (g_strv_contains (checked, tag))
    return "checked";
  if (g_strv_contains (value, tag))
    return "value";
  return NULL;
}

/* Gives every control inside @el back what the page's markup gives it:
 * its binding's value now (a person's changes overrode it), else the
 * property's default. */
static void
reset_controls (FcElement *el)
{
  for (guint n = 0; n < fc_element_get_n_children (el); n++)
    {
      FcElement *c = fc_element_get_child (el, n);
      FcElement *e = fc_element_resolve (c);
      const char *name = e && !fc_element_get_text (c) ? user_property (c) : NULL;
      int i = name ? fc_component_class_find_property (e->klass, name) : -1;
      gboolean bound = FALSE;

      for (guint k = 0; i >= 0 && k < e->n_bindings && !bound; k++)
        if (e->bindings[k].kind == BINDING_PROPERTY && e->bindings[k].prop == i)
          {
            fc_binding_update (e->page, &e->bindings[k], FALSE);
            bound = TRUE;
          }
      if (i >= 0 && !bound)
        set_own (c, name, fc_component_class_get_spec (e->klass, (guint) i)->default_value, NULL);
      reset_controls (c);
    }
}

/* form: `reset`: its controls as the markup gives them, then the event
 * (detail {}) */
static gboolean
reset (FcElement *el, FcValue *args, gpointer user_data, GError **error)
{
  g_autoptr (FcValue) detail = fc_value_new_object ();

  reset_controls (el);
  raise_event (el, "reset", detail);
  return TRUE;
}

/* After a tap (fc-builtins.c): a switch or checkbox toggles, a radio is
 * chosen, a label taps the control it is for (`for`: an id; else the
 * first control inside it), a button with formType "submit" submits its
 * form, one with formType "reset" resets it. */
void
fc_builtin_forms_after_tap (FcElement *el)
{
  const char *tag = fc_element_get_tag (el);
  FcElement *e = fc_element_resolve (el);

  /* the tap's handlers may have removed it (it is freed after the method) */
  if (!e || e->dead || is_disabled (el))
    return;
  if (strcmp (tag, "switch") == 0 || strcmp (tag, "checkbox") == 0 || strcmp (tag, "radio") == 0)
    toggle (el, NULL, NULL, NULL);
  else if (strcmp (tag, "button") == 0 && strcmp (string_prop (el, "formType"), "submit") == 0)
    {
      FcElement *form = ancestor (el, "form");
      if (form)
        submit (form, NULL, NULL, NULL);
    }
  else if (strcmp (tag, "button") == 0 && strcmp (string_prop (el, "formType"), "reset") == 0)
    {
      FcElement *form = ancestor (el, "form");
      if (form)
        reset (form, NULL, NULL, NULL);
    }
  else if (strcmp (tag, "label") == 0)
    {
      const char *target = string_prop (el, "for");
      g_autoptr (GPtrArray) found = g_ptr_array_new ();
      FcElement *c = NULL;
      if (*target)
        {
          g_autofree char *sel = g_strdup_printf ("#%s", target);
          c = fc_page_select (fc_element_get_page (el), sel);
        }
      else
        {
          static const char *const controls[] = { "switch", "checkbox", "radio" };
          for (guint i = 0; !c && i < G_N_ELEMENTS (controls); i++)
            {
              collect (el, controls[i], found);
              c = found->len ? g_ptr_array_index (found, 0) : NULL;
            }
        }
      if (c && (tag_is (c, "switch") || tag_is (c, "checkbox") || tag_is (c, "radio")))
        toggle (c, NULL, NULL, NULL);
    }
}

/* The page warns once per tag that it renders plainly, when the first
 * element of that tag mounts. There is no instance. */
static GObject *
warn_once (FcComponentClass *klass, FcElement *element, gpointer user_data)
{
  FcPage *page = fc_element_get_page (element);
  GHashTable *warned = g_object_get_data (G_OBJECT (page), WARNED_KEY);
  const char *tag = fc_component_class_get_name (klass);

  if (!warned)
    {
      warned = g_hash_table_new (g_str_hash, g_str_equal);
      g_object_set_data_full (G_OBJECT (page), WARNED_KEY, warned, (GDestroyNotify) g_hash_table_unref);
    }
  if (!g_hash_table_contains (warned, tag))
    {
      g_autofree char *msg = g_strdup_printf ("<%s> is a built-in the bridge renders plainly "
                                              "(a box or GTK's nearest widget), not as the platform draws it",
                                              tag);
      /* the class (the key's owner) lives for the process */
      g_hash_table_add (warned, (gpointer) tag);
      fc_element_emit_warning (element, msg);
    }
  return NULL;
}

void
fc_builtin_forms_init_class (FcComponentClass *k)
{
  const char *tag = fc_component_class_get_name (k);

  fc_component_class_set_hooks (k, warn_once, NULL, NULL, NULL, NULL);
  if (strcmp (tag, "input") == 0 || strcmp (tag, "textarea") == 0)
    {
      fc_component_class_add_method (k, "input", text_input, NULL, NULL);
      fc_component_class_add_method (k, "focus", text_event, (gpointer) "focus", NULL);
      fc_component_class_add_method (k, "blur", text_event, (gpointer) "blur", NULL);
      fc_component_class_add_method (k, "confirm", text_event, (gpointer) "confirm", NULL);
    }
  else if (strcmp (tag, "switch") == 0 || strcmp (tag, "checkbox") == 0 || strcmp (tag, "radio") == 0)
    fc_component_class_add_method (k, "change", toggle, NULL, NULL);
  else if (strcmp (tag, "slider") == 0)
    {
      fc_component_class_add_method (k, "change", slide, (gpointer) "change", NULL);
      fc_component_class_add_method (k, "changing", slide, (gpointer) "changing", NULL);
    }
  else if (strcmp (tag, "picker") == 0 || strcmp (tag, "picker-view") == 0 || strcmp (tag, "swiper") == 0)
    {
      fc_component_class_add_method (k, "change", plain_event, (gpointer) "change", NULL);
      if (strcmp (tag, "picker") == 0)
        fc_component_class_add_method (k, "cancel", plain_event, (gpointer) "cancel", NULL);
    }
  else if (strcmp (tag, "scroll-view") == 0)
    fc_component_class_add_method (k, "scroll", plain_event, (gpointer) "scroll", NULL);
  else if (strcmp (tag, "form") == 0)
    {
      fc_component_class_add_method (k, "submit", submit, NULL, NULL);
      fc_component_class_add_method (k, "reset", reset, NULL, NULL);
    }
}
