/* Every row of the platform's coercion table (DESIGN.md). */
#include <math.h>
#include <fc-bridge.h>

typedef struct {
  const char *name;
  FcPropertyType type;
  FcPropertyType optional;
  const char *input;     /* JSON, or "undefined", "NaN", "Infinity" */
  const char *expected;  /* JSON of the result */
  gboolean warns;
} Row;

static const Row rows[] = {
  /* String → String(v); null/undefined → default ("dflt") */
  { "string/string", FC_PROPERTY_STRING, 0, "\"a\"", "\"a\"", FALSE },
  { "string/number", FC_PROPERTY_STRING, 0, "12", "\"12\"", FALSE },
  { "string/float", FC_PROPERTY_STRING, 0, "1.5", "\"1.5\"", FALSE },
  { "string/true", FC_PROPERTY_STRING, 0, "true", "\"true\"", FALSE },
  { "string/array", FC_PROPERTY_STRING, 0, "[1,2]", "\"1,2\"", FALSE },
  { "string/object", FC_PROPERTY_STRING, 0, "{}", "\"[object Object]\"", FALSE },
  { "string/null", FC_PROPERTY_STRING, 0, "null", "\"dflt\"", FALSE },
  { "string/undefined", FC_PROPERTY_STRING, 0, "undefined", "\"dflt\"", FALSE },
  /* Number: numeric strings and booleans convert; NaN etc → default 7 */
  { "number/number", FC_PROPERTY_NUMBER, 0, "3", "3", FALSE },
  { "number/numeric-string", FC_PROPERTY_NUMBER, 0, "\"12\"", "12", FALSE },
  { "number/float-string", FC_PROPERTY_NUMBER, 0, "\" 1.5 \"", "1.5", FALSE },
  { "number/empty-string", FC_PROPERTY_NUMBER, 0, "\"\"", "0", FALSE },
  { "number/true", FC_PROPERTY_NUMBER, 0, "true", "1", FALSE },
  { "number/false", FC_PROPERTY_NUMBER, 0, "false", "0", FALSE },
  { "number/null", FC_PROPERTY_NUMBER, 0, "null", "0", FALSE },
  { "number/undefined", FC_PROPERTY_NUMBER, 0, "undefined", "7", FALSE },
  { "number/text", FC_PROPERTY_NUMBER, 0, "\"abc\"", "7", TRUE },
  { "number/NaN", FC_PROPERTY_NUMBER, 0, "NaN", "7", TRUE },
  { "number/Infinity", FC_PROPERTY_NUMBER, 0, "Infinity", "7", TRUE },
  { "number/Infinity-string", FC_PROPERTY_NUMBER, 0, "\"Infinity\"", "7", TRUE },
  { "number/object", FC_PROPERTY_NUMBER, 0, "{}", "7", TRUE },
  /* an array: JavaScript's Number(), as glass-easel coerces it (a
   * one-element array was the default with a warning here) */
  { "number/array", FC_PROPERTY_NUMBER, 0, "[1]", "1", FALSE },
  { "number/array-string", FC_PROPERTY_NUMBER, 0, "[\"7\"]", "7", FALSE },
  { "number/array-nested", FC_PROPERTY_NUMBER, 0, "[[3]]", "3", FALSE },
  { "number/array-empty", FC_PROPERTY_NUMBER, 0, "[]", "0", FALSE },
  { "number/array-two", FC_PROPERTY_NUMBER, 0, "[1,2]", "7", TRUE },
  { "number/array-true", FC_PROPERTY_NUMBER, 0, "[true]", "7", TRUE },
  /* Boolean: truthiness */
  { "boolean/true", FC_PROPERTY_BOOLEAN, 0, "true", "true", FALSE },
  { "boolean/false-string", FC_PROPERTY_BOOLEAN, 0, "\"false\"", "true", FALSE },
  { "boolean/empty-string", FC_PROPERTY_BOOLEAN, 0, "\"\"", "false", FALSE },
  { "boolean/zero", FC_PROPERTY_BOOLEAN, 0, "0", "false", FALSE },
  { "boolean/one", FC_PROPERTY_BOOLEAN, 0, "1", "true", FALSE },
  { "boolean/null", FC_PROPERTY_BOOLEAN, 0, "null", "false", FALSE },
  { "boolean/object", FC_PROPERTY_BOOLEAN, 0, "{}", "true", FALSE },
  { "boolean/undefined", FC_PROPERTY_BOOLEAN, 0, "undefined", "true", FALSE },
  /* Array: arrays only */
  { "array/array", FC_PROPERTY_ARRAY, 0, "[1]", "[1]", FALSE },
  { "array/object", FC_PROPERTY_ARRAY, 0, "{}", "[9]", TRUE },
  { "array/string", FC_PROPERTY_ARRAY, 0, "\"a\"", "[9]", TRUE },
  { "array/null", FC_PROPERTY_ARRAY, 0, "null", "[9]", TRUE },
  /* Object: objects, arrays, null */
  { "object/object", FC_PROPERTY_OBJECT, 0, "{\"a\":1}", "{\"a\":1}", FALSE },
  { "object/array", FC_PROPERTY_OBJECT, 0, "[1]", "[1]", FALSE },
  { "object/null", FC_PROPERTY_OBJECT, 0, "null", "null", FALSE },
  { "object/string", FC_PROPERTY_OBJECT, 0, "\"a\"", "{\"d\":1}", TRUE },
  { "object/number", FC_PROPERTY_OBJECT, 0, "1", "{\"d\":1}", TRUE },
  /* optionalTypes are matched strictly first */
  { "optional/number-string", FC_PROPERTY_NUMBER, FC_PROPERTY_STRING, "\"abc\"", "\"abc\"", FALSE },
  { "optional/number-number", FC_PROPERTY_NUMBER, FC_PROPERTY_STRING, "5", "5", FALSE },
  { "optional/number-bool", FC_PROPERTY_NUMBER, FC_PROPERTY_STRING, "true", "1", FALSE },
  { "optional/array-string", FC_PROPERTY_ARRAY, FC_PROPERTY_STRING, "\"k\"", "\"k\"", FALSE },
  { "optional/array-number", FC_PROPERTY_ARRAY, FC_PROPERTY_STRING, "1", "[9]", TRUE },
};

static FcValue *
parse (const char *s)
{
  if (g_str_equal (s, "undefined"))
    return fc_value_new_undefined ();
  if (g_str_equal (s, "NaN"))
    return fc_value_new_number (NAN);
  if (g_str_equal (s, "Infinity"))
    return fc_value_new_number (INFINITY);
  return fc_value_from_json (s, NULL);
}

static void
test_row (gconstpointer p)
{
  const Row *row = p;
  g_autoptr (FcComponentClass) k = fc_component_class_new ("t");
  g_autoptr (FcValue) def = NULL;
  g_autoptr (FcValue) in = parse (row->input);
  g_autoptr (FcValue) out = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *json = NULL;

  switch (row->type)
    {
    case FC_PROPERTY_STRING: def = fc_value_from_json ("\"dflt\"", NULL); break;
    case FC_PROPERTY_NUMBER: def = fc_value_from_json ("7", NULL); break;
    case FC_PROPERTY_BOOLEAN: def = fc_value_from_json ("true", NULL); break;
    case FC_PROPERTY_ARRAY: def = fc_value_from_json ("[9]", NULL); break;
    default: def = fc_value_from_json ("{\"d\":1}", NULL); break;
    }
  fc_component_class_add_property (k, "p", row->type, row->optional, def, FALSE);
  out = fc_component_class_coerce (k, 0, in, &problem);
  json = fc_value_to_json (out);
  g_assert_cmpstr (json, ==, row->expected);
  g_assert_cmpint (problem != NULL, ==, row->warns);
  if (problem)
    g_assert_true (g_str_has_prefix (problem, "property \"p\" expects "));
}

static void
test_message (void)
{
  g_autoptr (FcComponentClass) k = fc_component_class_new ("t");
  g_autoptr (FcValue) def = fc_value_new_number (999);
  g_autoptr (FcValue) in = fc_value_new_string ("abc");
  g_autoptr (FcValue) out = NULL;
  g_autofree char *problem = NULL;

  fc_component_class_add_property (k, "zIndex", FC_PROPERTY_NUMBER, 0, def, FALSE);
  out = fc_component_class_coerce (k, 0, in, &problem);
  g_assert_cmpstr (problem, ==, "property \"zIndex\" expects Number, got \"abc\"; using default");
  g_assert_cmpint (fc_component_class_find_property (k, "z-index"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Coerce/%s", rows[i].name);
      g_test_add_data_func (path, &rows[i], test_row);
    }
  g_test_add_func ("/Bridge/Coerce/message", test_message);
  return g_test_run ();
}
