/* fc-component-gobject.c: components whose instance is a plain GObject
 * with one GObject property per schema property. */
#include <math.h>
#include <string.h>

#include "fc-page-private.h"

typedef struct {
  GType type;
  GTypeClass *type_class; /* held: the pspecs below belong to it */
  GHashTable *pspecs;     /* schema name → its GParamSpec, or &no_pspec;
                             filled when the hooks are set, then read only */
  FcComponentConnect connect;
  gpointer user_data;
  GDestroyNotify destroy;
} GTypeHooks;

/* what the pspec cache holds for a schema property without a GObject one */
static char no_pspec;

static void
gtype_hooks_free (gpointer p)
{
  GTypeHooks *h = p;
  if (h->destroy)
    h->destroy (h->user_data);
  g_hash_table_unref (h->pspecs);
  g_type_class_unref (h->type_class);
  g_free (h);
}

/* recordTime → record-time, zIndex → z-index */
static char *
camel_to_dash (const char *name)
{
  GString *s = g_string_new (NULL);
  for (const char *p = name; *p; p++)
    {
      if (g_ascii_isupper (*p))
        {
          if (s->len)
            g_string_append_c (s, '-');
          g_string_append_c (s, g_ascii_tolower (*p));
        }
      else
        g_string_append_c (s, *p == '_' ? '-' : *p);
    }
  return g_string_free (s, FALSE);
}

static GParamSpec *
find_pspec (GObjectClass *oclass, const char *name)
{
  g_autofree char *dash = camel_to_dash (name);
  return g_object_class_find_property (oclass, dash);
}

/* The GParamSpec of schema property @name: looked up once per class when
 * the hooks were set, not on every change; a property added to the class
 * after fc_component_class_set_gtype() is looked up each time. */
static GParamSpec *
hooks_find_pspec (GTypeHooks *h, const char *name)
{
  gpointer p = g_hash_table_lookup (h->pspecs, name);
  if (!p)
    return find_pspec (G_OBJECT_CLASS (h->type_class), name);
  return p == &no_pspec ? NULL : p;
}

/* The range of an integer pspec, as doubles; the maximum is the largest
 * double below the pspec's maximum + 1, so that truncating it stays in
 * range (G_MAXINT64 as a double is 2^63, one past it). */
static void
pspec_range (GParamSpec *pspec, double *min, double *max)
{
  *min = *max = 0;
  if (G_IS_PARAM_SPEC_INT (pspec))
    {
      *min = (double) G_PARAM_SPEC_INT (pspec)->minimum;
      *max = (double) G_PARAM_SPEC_INT (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      *min = (double) G_PARAM_SPEC_UINT (pspec)->minimum;
      *max = (double) G_PARAM_SPEC_UINT (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      *min = (double) G_PARAM_SPEC_INT64 (pspec)->minimum;
      *max = (double) G_PARAM_SPEC_INT64 (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_UINT64 (pspec))
    {
      *min = (double) G_PARAM_SPEC_UINT64 (pspec)->minimum;
      *max = (double) G_PARAM_SPEC_UINT64 (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_LONG (pspec))
    {
      *min = (double) G_PARAM_SPEC_LONG (pspec)->minimum;
      *max = (double) G_PARAM_SPEC_LONG (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_ULONG (pspec))
    {
      *min = (double) G_PARAM_SPEC_ULONG (pspec)->minimum;
      *max = (double) G_PARAM_SPEC_ULONG (pspec)->maximum;
    }
  if (*max >= 0x1p53)
    *max = nextafter (*max, 0);
}

/* Converts a coerced property value to the GObject property's type. */
static gboolean
to_gvalue (FcValue *v, GParamSpec *pspec, GValue *out)
{
  GType t = G_PARAM_SPEC_VALUE_TYPE (pspec);
  double n = fc_value_get_kind (v) == FC_VALUE_NUMBER ? fc_value_get_number (v) : fc_value_to_number (v);

  g_value_init (out, t);
  if (t == FC_TYPE_VALUE)
    g_value_set_boxed (out, v);
  else if (t == G_TYPE_STRING)
    g_value_take_string (out, fc_value_get_kind (v) == FC_VALUE_STRING ? g_strdup (fc_value_get_string (v))
                                                                        : fc_value_to_js_string (v));
  else if (t == G_TYPE_BOOLEAN)
    g_value_set_boolean (out, fc_value_is_truthy (v));
  else if (t == G_TYPE_DOUBLE)
    g_value_set_double (out, n);
  else if (t == G_TYPE_FLOAT)
    g_value_set_float (out, (float) n);
  else if (t == G_TYPE_INT || t == G_TYPE_UINT || t == G_TYPE_INT64 || t == G_TYPE_UINT64
           || t == G_TYPE_LONG || t == G_TYPE_ULONG)
    {
      GValue d = G_VALUE_INIT;
      double lo, hi;

      if (!isfinite (n))
        return FALSE;
      /* converting a double outside the integer's range is undefined (a
       * recordTime of -5 became 4294967291 ms, 1e300 became 0): clamp to
       * the pspec's range first */
      pspec_range (pspec, &lo, &hi);
      n = CLAMP (n, lo, hi);
      g_value_init (&d, G_TYPE_DOUBLE);
      g_value_set_double (&d, n);
      g_value_transform (&d, out);
      g_value_unset (&d);
    }
  else if (G_TYPE_IS_ENUM (t) && fc_value_get_kind (v) == FC_VALUE_STRING)
    {
      g_autoptr (GEnumClass) ec = g_type_class_ref (t);
      GEnumValue *ev = g_enum_get_value_by_nick (ec, fc_value_get_string (v));
      if (!ev)
        return FALSE;
      g_value_set_enum (out, ev->value);
    }
  else if (t == G_TYPE_VARIANT)
    g_value_take_variant (out, fc_value_to_variant (v));
  else if (t == G_TYPE_STRV && fc_value_get_kind (v) == FC_VALUE_ARRAY)
    {
      GStrvBuilder *b = g_strv_builder_new ();
      for (guint i = 0; i < fc_value_array_get_length (v); i++)
        {
          g_autofree char *e = fc_value_to_js_string (fc_value_array_get (v, i));
          g_strv_builder_add (b, e);
        }
      g_value_take_boxed (out, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }
  else
    return FALSE;
  /* clamp to the pspec's range rather than let GObject complain */
  g_param_value_validate (pspec, out);
  return TRUE;
}

static GObject *
gtype_factory (FcComponentClass *klass, FcElement *element, gpointer user_data)
{
  GTypeHooks *h = user_data;
  guint n = fc_component_class_get_n_properties (klass), used = 0;
  const char **names = g_new0 (const char *, n + 1);
  GValue *values = g_new0 (GValue, n + 1);
  GObject *object;

  for (guint i = 0; i < n; i++)
    {
      const char *name = fc_component_class_get_property_name (klass, i);
      GParamSpec *pspec = hooks_find_pspec (h, name);
      if (!pspec || !(pspec->flags & G_PARAM_WRITABLE))
        continue;
      if (!to_gvalue (fc_element_prop (fc_element_resolve (element), i), pspec, &values[used]))
        {
          g_value_unset (&values[used]);
          continue;
        }
      names[used++] = pspec->name;
    }
  object = g_object_new_with_properties (h->type, used, names, values);
  for (guint i = 0; i < used; i++)
    g_value_unset (&values[i]);
  g_free (values);
  g_free (names);
  return object;
}

static void
gtype_set_property (GObject *instance, const char *name, FcValue *value, gpointer user_data)
{
  GParamSpec *pspec = hooks_find_pspec (user_data, name);
  GValue v = G_VALUE_INIT;

  if (!pspec || !(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    return;
  if (to_gvalue (value, pspec, &v))
    g_object_set_property (instance, pspec->name, &v);
  g_value_unset (&v);
}

static void
gtype_connect (GObject *instance, FcElement *element, gpointer user_data)
{
  GTypeHooks *h = user_data;
  if (h->connect)
    h->connect (instance, element, h->user_data);
}

/**
 * fc_component_class_set_gtype:
 * @klass: a class
 * @type: a GObject type with one property per schema property, named in
 *   dash case (`recordTime` → `record-time`); types: string, boolean,
 *   double, float, the integer types, enums (by nick), strv (from arrays)
 *   and %FC_TYPE_VALUE (anything, as coerced)
 * @connect: (nullable): connects the instance's signals to the element
 *   (call fc_element_trigger_event() from them)
 * @user_data: data for @connect
 * @destroy: (nullable): frees @user_data with the class
 *
 * Sets the class's hooks so that mounting creates a @type instance with
 * every coerced property (construct-only ones included) and later changes
 * are set with g_object_set_property(). Schema properties without a
 * matching GObject property are kept by the bridge only.
 */
void
fc_component_class_set_gtype (FcComponentClass *klass, GType type, FcComponentConnect connect,
                              gpointer user_data, GDestroyNotify destroy)
{
  GTypeHooks *h;

  g_return_if_fail (klass != NULL);
  g_return_if_fail (g_type_is_a (type, G_TYPE_OBJECT));
  h = g_new (GTypeHooks, 1);
  *h = (GTypeHooks) { type, g_type_class_ref (type), g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                      connect, user_data, destroy };
  for (guint i = 0; i < fc_component_class_get_n_properties (klass); i++)
    {
      const char *name = fc_component_class_get_property_name (klass, i);
      GParamSpec *pspec = find_pspec (G_OBJECT_CLASS (h->type_class), name);
      g_hash_table_replace (h->pspecs, g_strdup (name), pspec ? (gpointer) pspec : &no_pspec);
    }
  fc_component_class_set_hooks (klass, gtype_factory, gtype_set_property, gtype_connect, h, gtype_hooks_free);
}
