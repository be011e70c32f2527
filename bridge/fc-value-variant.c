/* fc-value-variant.c: FcValue to GVariant and back, for GObject
 * properties of type %G_TYPE_VARIANT and signal details. */
#include "fc-bridge-private.h"

/* Builds floating variants, so containers take their children whole. */
static GVariant *
to_variant (const FcValue *value)
{
  GVariantBuilder b;

  switch (fc_value_get_kind (value))
    {
    case FC_VALUE_BOOLEAN:
      return g_variant_new_boolean (fc_value_is_truthy (value));
    case FC_VALUE_NUMBER:
      return g_variant_new_double (fc_value_get_number (value));
    case FC_VALUE_STRING:
      return g_variant_new_string (fc_value_get_string (value));
    case FC_VALUE_ARRAY:
      g_variant_builder_init (&b, G_VARIANT_TYPE ("av"));
      for (guint i = 0; i < fc_value_array_get_length (value); i++)
        g_variant_builder_add (&b, "v", to_variant (fc_value_array_get (value, i)));
      return g_variant_builder_end (&b);
    case FC_VALUE_OBJECT:
      g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
      for (guint i = 0; i < fc_value_object_get_size (value); i++)
        g_variant_builder_add (&b, "{sv}", fc_value_object_get_key (value, i),
                               to_variant (fc_value_object_get_nth (value, i)));
      return g_variant_builder_end (&b);
    case FC_VALUE_UNDEFINED:
    case FC_VALUE_NULL:
    default:
      return g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL);
    }
}

/**
 * fc_value_to_variant:
 * @value: a value
 *
 * The value as a GVariant, for GObject properties of type %G_TYPE_VARIANT:
 * booleans `b`, numbers `d`, strings `s`, arrays `av`, objects `a{sv}`
 * (members in order); null and undefined are an empty `mv`.
 *
 * Returns: (transfer full): a GVariant (not floating)
 */
GVariant *
fc_value_to_variant (const FcValue *value)
{
  return g_variant_ref_sink (to_variant (value));
}

/**
 * fc_value_new_from_variant:
 * @variant: a GVariant
 *
 * The other direction of fc_value_to_variant(), for a GObject's signal
 * details and %G_TYPE_VARIANT properties: booleans; strings and object
 * paths; doubles and 32- and 64-bit integers as numbers; a variant as
 * what it holds; a maybe as its value, or null when empty; `a{sv}` as an
 * object (members in order); any other container as an array; anything
 * else as null.
 *
 * Returns: (transfer full): the value
 */
FcValue *
fc_value_new_from_variant (GVariant *variant)
{
  GVariant *v = variant;

  g_return_val_if_fail (variant != NULL, NULL);
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_BOOLEAN))
    return fc_value_new_boolean (g_variant_get_boolean (v));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING) || g_variant_is_of_type (v, G_VARIANT_TYPE_OBJECT_PATH))
    return fc_value_new_string (g_variant_get_string (v, NULL));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT32))
    return fc_value_new_number (g_variant_get_int32 (v));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_UINT32))
    return fc_value_new_number (g_variant_get_uint32 (v));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    return fc_value_new_number ((double) g_variant_get_int64 (v));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_UINT64))
    return fc_value_new_number ((double) g_variant_get_uint64 (v));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
    return fc_value_new_number (g_variant_get_double (v));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_VARIANT))
    {
      g_autoptr (GVariant) inner = g_variant_get_variant (v);
      return fc_value_new_from_variant (inner);
    }
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_MAYBE))
    {
      g_autoptr (GVariant) inner = g_variant_get_maybe (v);
      return inner ? fc_value_new_from_variant (inner) : fc_value_new_null ();
    }
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_VARDICT))
    {
      FcValue *o = fc_value_new_object ();
      GVariantIter iter;
      const char *key;
      GVariant *child;

      g_variant_iter_init (&iter, v);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &child))
        {
          fc_value_object_set (o, key, fc_value_new_from_variant (child));
          g_variant_unref (child);
        }
      return o;
    }
  if (g_variant_is_container (v))
    {
      FcValue *a = fc_value_new_array ();
      for (gsize i = 0; i < g_variant_n_children (v); i++)
        {
          g_autoptr (GVariant) child = g_variant_get_child_value (v, i);
          fc_value_array_append (a, fc_value_new_from_variant (child));
        }
      return a;
    }
  return fc_value_new_null ();
}
