/* fc-component.c: component classes (schemas, hooks) and coercion; the
 * registry is fc-registry.c. */
#include <math.h>
#include <string.h>

#include "fc-component-private.h"
#include "fc-bridge-private.h"

G_DEFINE_BOXED_TYPE (FcComponentClass, fc_component_class, fc_component_class_ref, fc_component_class_unref)

static void
clear_property (gpointer p)
{
  FcPropertySpec *s = p;
  g_free (s->name);
  g_clear_pointer (&s->default_value, fc_value_unref);
}

static void
clear_method (gpointer p)
{
  FcMethodSpec *m = p;
  g_free (m->name);
  if (m->destroy)
    m->destroy (m->user_data);
}

/**
 * fc_component_class_new:
 * @name: the class name, e.g. `plugin://video/video-recognition`
 *
 * Creates an empty component class: a plugin module then adds its
 * properties, events, methods and hooks, and registers it.
 *
 * Returns: (transfer full): a class without properties, events or hooks
 *   (a headless element that only stores its properties)
 */
FcComponentClass *
fc_component_class_new (const char *name)
{
  FcComponentClass *k = g_new0 (FcComponentClass, 1);
  g_return_val_if_fail (name != NULL, NULL);
  k->ref_count = 1;
  k->name = g_strdup (name);
  k->properties = g_array_new (FALSE, TRUE, sizeof (FcPropertySpec));
  g_array_set_clear_func (k->properties, clear_property);
  k->events = g_ptr_array_new_with_free_func (g_free);
  k->methods = g_array_new (FALSE, TRUE, sizeof (FcMethodSpec));
  g_array_set_clear_func (k->methods, clear_method);
  return k;
}

/**
 * fc_component_class_ref:
 * @klass: a class
 *
 * Takes a reference to a class.
 *
 * Returns: (transfer full): @klass
 */
FcComponentClass *
fc_component_class_ref (FcComponentClass *klass)
{
  g_return_val_if_fail (klass != NULL, NULL);
  g_atomic_int_inc (&klass->ref_count);
  return klass;
}

/**
 * fc_component_class_unref:
 * @klass: a class
 *
 * Releases a reference to a class; the last one frees it and its hooks'
 * data.
 */
void
fc_component_class_unref (FcComponentClass *klass)
{
  g_return_if_fail (klass != NULL);
  if (!g_atomic_int_dec_and_test (&klass->ref_count))
    return;
  if (klass->hooks_destroy)
    klass->hooks_destroy (klass->hooks_data);
  g_datalist_clear (&klass->data);
  g_array_unref (klass->properties);
  g_ptr_array_unref (klass->events);
  g_array_unref (klass->methods);
  g_free (klass->name);
  g_free (klass);
}

/**
 * fc_component_class_get_name:
 * @klass: a class
 *
 * The name the class was created with.
 *
 * Returns: (transfer none): the name
 */
const char *
fc_component_class_get_name (const FcComponentClass *klass)
{
  return klass->name;
}

/**
 * fc_component_class_add_property:
 * @klass: a class
 * @name: the property name in camel case (`recordTime`); the markup may
 *   also write it in dash case (`record-time`)
 * @type: its type: exactly one #FcPropertyType
 * @optional_types: further types accepted as they are, or 0
 * @default_value: (transfer none) (nullable): the default; %NULL for the
 *   type's zero value
 * @init_only: whether changes after mount are ignored (with a warning)
 *
 * Adds a property to the class's schema: its type (with the optional types
 * the platform also accepts), its default and whether it may change after
 * mount. A schema is complete before the class is registered: an element
 * is made with room for the properties its class has then, and a page
 * keeps, for each node of its markup, what its attributes were found to be
 * (a property, an event…) for as long as it lives.
 */
void
fc_component_class_add_property (FcComponentClass *klass, const char *name, FcPropertyType type,
                                 FcPropertyType optional_types, FcValue *default_value, gboolean init_only)
{
  FcPropertySpec s = { 0 };

  g_return_if_fail (klass != NULL && name != NULL);
  g_return_if_fail (type == FC_PROPERTY_STRING || type == FC_PROPERTY_NUMBER || type == FC_PROPERTY_BOOLEAN
                    || type == FC_PROPERTY_ARRAY || type == FC_PROPERTY_OBJECT);
  g_return_if_fail (fc_component_class_find_property (klass, name) < 0);

  s.name = g_strdup (name);
  s.type = type;
  s.optional_types = optional_types;
  s.init_only = init_only;
  if (default_value)
    s.default_value = fc_value_ref (default_value);
  else
    switch (type)
      {
      case FC_PROPERTY_STRING: s.default_value = fc_value_new_string (""); break;
      case FC_PROPERTY_NUMBER: s.default_value = fc_value_new_number (0); break;
      case FC_PROPERTY_BOOLEAN: s.default_value = fc_value_new_boolean (FALSE); break;
      case FC_PROPERTY_ARRAY: s.default_value = fc_value_new_array (); break;
      default: s.default_value = fc_value_new_null (); break;
      }
  g_array_append_val (klass->properties, s);
}

/**
 * fc_component_class_add_event:
 * @klass: a class
 * @name: the event name
 *
 * Declares an event the component raises, so that pages may bind it
 * (`bind:NAME`).
 *
 * Declares that the component raises @name.
 */
void
fc_component_class_add_event (FcComponentClass *klass, const char *name)
{
  g_return_if_fail (klass != NULL && name != NULL);
  g_ptr_array_add (klass->events, g_strdup (name));
}

/**
 * fc_component_class_add_method:
 * @klass: a class
 * @name: the method name (a replay `input` step's `action`)
 * @method: (scope notified): the function
 * @user_data: its data
 * @destroy: (nullable): frees @user_data with the class
 *
 * Adds a method that hosts and replay `input` steps call on the component
 * (fc_element_call_method()).
 */
void
fc_component_class_add_method (FcComponentClass *klass, const char *name, FcComponentMethod method,
                               gpointer user_data, GDestroyNotify destroy)
{
  FcMethodSpec m = { g_strdup (name), method, user_data, destroy };
  g_return_if_fail (klass != NULL && name != NULL && method != NULL);
  g_array_append_val (klass->methods, m);
}

/**
 * fc_component_class_set_hooks:
 * @klass: a class
 * @factory: (nullable) (scope notified): creates the component's GObject at mount
 * @set_property: (nullable) (scope notified): told of every property change after mount
 * @connect: (nullable) (scope notified) (closure user_data) (destroy destroy): connects the
 *   instance's signals to the element
 * @user_data: data for the three hooks
 * @destroy: (nullable): frees @user_data with the class
 *
 * Sets the hooks that create and drive the component's GObject; they
 * replace the earlier ones (whose data is freed).
 */
void
fc_component_class_set_hooks (FcComponentClass *klass, FcComponentFactory factory,
                              FcComponentSetProperty set_property, FcComponentConnect connect,
                              gpointer user_data, GDestroyNotify destroy)
{
  g_return_if_fail (klass != NULL);
  if (klass->hooks_destroy)
    klass->hooks_destroy (klass->hooks_data);
  klass->factory = factory;
  klass->set_property = set_property;
  klass->connect = connect;
  klass->hooks_data = user_data;
  klass->hooks_destroy = destroy;
}

/**
 * fc_component_class_set_data:
 * @klass: a class
 * @key: a name
 * @data: (nullable): anything, e.g. the GTK view factory fc-bridge-gtk keeps
 * @destroy: (nullable): frees @data when replaced or with the class
 *
 * Attaches data to the class, so optional layers (the GTK views) can extend
 * it without the headless core knowing them.
 */
void
fc_component_class_set_data (FcComponentClass *klass, const char *key, gpointer data, GDestroyNotify destroy)
{
  g_return_if_fail (klass != NULL && key != NULL);
  g_datalist_set_data_full (&klass->data, key, data, destroy);
}

/**
 * fc_component_class_get_data:
 * @klass: a class
 * @key: the key
 *
 * Gets data a plugin attached to the class
 * (fc_component_class_set_data()).
 *
 * Returns: (transfer none) (nullable): the data set under @key
 */
gpointer
fc_component_class_get_data (const FcComponentClass *klass, const char *key)
{
  g_return_val_if_fail (klass != NULL && key != NULL, NULL);
  return g_datalist_get_data ((GData **) &klass->data, key);
}

/**
 * fc_component_class_get_n_properties:
 * @klass: a class
 *
 * The number of properties in the class's schema.
 *
 * Returns: the number of properties
 */
guint
fc_component_class_get_n_properties (const FcComponentClass *klass)
{
  return klass->properties->len;
}

/**
 * fc_component_class_find_property:
 * @klass: a class
 * @name: a property name, camel or dash case
 *
 * Finds a property of the schema by name.
 *
 * Returns: its index, or -1
 */
int
fc_component_class_find_property (const FcComponentClass *klass, const char *name)
{
  for (guint i = 0; i < klass->properties->len; i++)
    {
      const char *n = g_array_index (klass->properties, FcPropertySpec, i).name;
      if (fc_str_equal (n, name))
        return (int) i;
    }
  if (strchr (name, '-'))
    {
      g_autofree char *camel = fc_dash_to_camel (name);
      /* a trailing dash stays: "a-" would be looked up for ever */
      if (strcmp (camel, name) != 0)
        return fc_component_class_find_property (klass, camel);
    }
  return -1;
}

/**
 * fc_component_class_get_property_name:
 * @klass: a class
 * @i: an index below fc_component_class_get_n_properties()
 *
 * The name of one property of the schema.
 *
 * Returns: (transfer none): the name
 */
const char *
fc_component_class_get_property_name (const FcComponentClass *klass, guint i)
{
  g_return_val_if_fail (i < klass->properties->len, NULL);
  return g_array_index (klass->properties, FcPropertySpec, i).name;
}

/**
 * fc_component_class_get_property_default:
 * @klass: a class
 * @i: an index below fc_component_class_get_n_properties()
 *
 * The default value of one property of the schema.
 *
 * Returns: (transfer none): the default
 */
FcValue *
fc_component_class_get_property_default (const FcComponentClass *klass, guint i)
{
  g_return_val_if_fail (i < klass->properties->len, NULL);
  return g_array_index (klass->properties, FcPropertySpec, i).default_value;
}

/**
 * fc_component_class_has_event:
 * @klass: a class
 * @name: an event name
 *
 * Whether the component raises an event of that name.
 *
 * Returns: whether @name is declared
 */
gboolean
fc_component_class_has_event (const FcComponentClass *klass, const char *name)
{
  for (guint i = 0; i < klass->events->len; i++)
    if (strcmp (g_ptr_array_index (klass->events, i), name) == 0)
      return TRUE;
  return FALSE;
}

FcMethodSpec *
fc_component_class_find_method (const FcComponentClass *klass, const char *name)
{
  for (guint i = 0; i < klass->methods->len; i++)
    if (strcmp (g_array_index (klass->methods, FcMethodSpec, i).name, name) == 0)
      return &g_array_index (klass->methods, FcMethodSpec, i);
  return NULL;
}

/**
 * fc_property_type_to_string:
 * @type: a type
 *
 * The platform's name of a property type, as messages print it.
 *
 * Returns: (transfer none): "String", "Number", ...
 */
const char *
fc_property_type_to_string (FcPropertyType type)
{
  switch (type)
    {
    case FC_PROPERTY_STRING: return "String";
    case FC_PROPERTY_NUMBER: return "Number";
    case FC_PROPERTY_BOOLEAN: return "Boolean";
    case FC_PROPERTY_ARRAY: return "Array";
    case FC_PROPERTY_OBJECT: return "Object";
    default: return "Unknown";
    }
}

char *
fc_dash_to_camel (const char *name)
{
  GString *s = g_string_new (NULL);
  for (const char *p = name; *p; p++)
    {
      if (*p == '-' && p[1])
        {
          p++;
          g_string_append_c (s, g_ascii_toupper (*p));
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static FcPropertyType
kind_to_type (const FcValue *v)
{
  switch (fc_value_get_kind (v))
    {
    case FC_VALUE_STRING: return FC_PROPERTY_STRING;
    case FC_VALUE_NUMBER: return FC_PROPERTY_NUMBER;
    case FC_VALUE_BOOLEAN: return FC_PROPERTY_BOOLEAN;
    case FC_VALUE_ARRAY: return FC_PROPERTY_ARRAY;
    case FC_VALUE_OBJECT: return FC_PROPERTY_OBJECT;
    default: return 0;
    }
}

static char *
describe (const FcValue *v)
{
  if (fc_value_get_kind (v) == FC_VALUE_UNDEFINED)
    return g_strdup ("undefined");
  if (fc_value_get_kind (v) == FC_VALUE_NUMBER && !isfinite (fc_value_get_number (v)))
    return fc_value_to_js_string (v);
  return fc_value_to_json (v);
}

/**
 * fc_component_class_coerce:
 * @klass: a class
 * @i: a property index
 * @value: (transfer none): the attribute's value
 * @problem: (out) (optional) (transfer full): why the default was used, or
 *   %NULL when the value was accepted
 *
 * Converts a value to a property's type by the platform's rules: the type
 * and optional types are matched strictly first; then String → `String(v)`;
 * Number ← numeric strings, booleans and null (NaN, infinities, other text
 * and objects fall back to the default); Boolean ← truthiness; Array ←
 * arrays only; Object ← objects, arrays and null. `undefined` gives the
 * default silently.
 *
 * Returns: (transfer full): the property value
 */
FcValue *
fc_component_class_coerce (const FcComponentClass *klass, guint i, FcValue *value, char **problem)
{
  const FcPropertySpec *s;
  FcValueKind k = fc_value_get_kind (value);
  double n;

  g_return_val_if_fail (i < klass->properties->len, NULL);
  s = &g_array_index (klass->properties, FcPropertySpec, i);
  if (problem)
    *problem = NULL;

  if (k == FC_VALUE_UNDEFINED)
    return fc_value_ref (s->default_value);
  if (kind_to_type (value) & (s->type | s->optional_types))
    {
      if (k == FC_VALUE_NUMBER && s->type == FC_PROPERTY_NUMBER && !isfinite (fc_value_get_number (value)))
        goto bad;
      return fc_value_ref (value);
    }

  switch (s->type)
    {
    case FC_PROPERTY_STRING:
      if (k == FC_VALUE_NULL)
        return fc_value_ref (s->default_value);
      return fc_value_new_string_take (fc_value_to_js_string (value));
    case FC_PROPERTY_NUMBER:
      /* an array: JavaScript's Number(), as glass-easel ([5] is 5) */
      if (k == FC_VALUE_OBJECT)
        goto bad;
      n = fc_value_to_number (value);
      if (!isfinite (n))
        goto bad;
      return fc_value_new_number (n);
    case FC_PROPERTY_BOOLEAN:
      return fc_value_new_boolean (fc_value_is_truthy (value));
    case FC_PROPERTY_ARRAY:
      goto bad;
    case FC_PROPERTY_OBJECT:
      if (k == FC_VALUE_NULL)
        return fc_value_new_null ();
      if (k == FC_VALUE_ARRAY)
        return fc_value_ref (value);
      goto bad;
    default:
      goto bad;
    }

bad:
  if (problem)
    {
      g_autofree char *got = describe (value);
      *problem = g_strdup_printf ("property \"%s\" expects %s, got %s; using default",
                                  s->name, fc_property_type_to_string (s->type), got);
    }
  return fc_value_ref (s->default_value);
}
