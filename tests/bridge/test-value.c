/* Values: JSON text, String(), Number(), and the page's virtual clock. */
#include <math.h>
#include <fc-bridge.h>

typedef struct {
  const char *json;
  const char *printed;   /* fc_value_to_json */
  const char *js_string; /* String(v) */
  double number;         /* Number(v); NAN allowed */
  gboolean truthy;
} Row;

static const Row rows[] = {
  { "0", "0", "0", 0, FALSE },
  { "-0.0", "0", "0", 0, FALSE },
  { "12", "12", "12", 12, TRUE },
  { "1.5", "1.5", "1.5", 1.5, TRUE },
  { "1e21", "1e+21", "1e+21", 1e21, TRUE },
  { "123456789012", "123456789012", "123456789012", 123456789012.0, TRUE },
  /* numbers as JavaScript's String() and JSON.stringify() write them (node) */
  { "1e-7", "1e-7", "1e-7", 1e-07, TRUE },
  { "0.000001", "0.000001", "0.000001", 1e-06, TRUE },
  { "123456789012345680000", "123456789012345680000", "123456789012345680000", 123456789012345680000.0, TRUE },
  { "0.30000000000000004", "0.30000000000000004", "0.30000000000000004", 0.30000000000000004, TRUE },
  { "-1.5e-10", "-1.5e-10", "-1.5e-10", -1.5e-10, TRUE },
  { "5e-324", "5e-324", "5e-324", 5e-324, TRUE },
  { "1.7976931348623157e308", "1.7976931348623157e+308", "1.7976931348623157e+308", 1.7976931348623157e308, TRUE },
  { "123.456", "123.456", "123.456", 123.456, TRUE },
  { "1e20", "100000000000000000000", "100000000000000000000", 1e20, TRUE },
  { "9007199254740994", "9007199254740994", "9007199254740994", 9007199254740994.0, TRUE },
  { "0.00001234", "0.00001234", "0.00001234", 0.00001234, TRUE },
  { "0.3333333333333333", "0.3333333333333333", "0.3333333333333333", 0.3333333333333333, TRUE },
  { "\"\"", "\"\"", "", 0, FALSE },
  { "\" 42 \"", "\" 42 \"", " 42 ", 42, TRUE },
  { "\"0x1f\"", "\"0x1f\"", "0x1f", 31, TRUE },
  { "\"abc\"", "\"abc\"", "abc", NAN, TRUE },
  { "\"inf\"", "\"inf\"", "inf", NAN, TRUE },
  { "\"a\\\"b\\n\"", "\"a\\\"b\\n\"", "a\"b\n", NAN, TRUE },
  { "true", "true", "true", 1, TRUE },
  { "null", "null", "null", 0, FALSE },
  { "[]", "[]", "", 0, TRUE },
  { "[7]", "[7]", "7", 7, TRUE },
  { "[1,null,\"x\"]", "[1,null,\"x\"]", "1,,x", NAN, TRUE },
  { "{\"b\":1,\"a\":[true]}", "{\"b\":1,\"a\":[true]}", "[object Object]", NAN, TRUE },
};

static void
test_row (gconstpointer p)
{
  const Row *row = p;
  g_autoptr (GError) error = NULL;
  g_autoptr (FcValue) v = fc_value_from_json (row->json, &error);
  g_autofree char *printed = NULL, *s = NULL;

  g_assert_no_error (error);
  printed = fc_value_to_json (v);
  s = fc_value_to_js_string (v);
  g_assert_cmpstr (printed, ==, row->printed);
  g_assert_cmpstr (s, ==, row->js_string);
  if (isnan (row->number))
    g_assert_true (isnan (fc_value_to_number (v)));
  else
    g_assert_cmpfloat (fc_value_to_number (v), ==, row->number);
  g_assert_cmpint (fc_value_is_truthy (v), ==, row->truthy);
}

static void
test_bad_json (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcValue) v = fc_value_from_json ("{\n  \"a\": ,\n}", &error);
  g_assert_null (v);
  g_assert_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_JSON);
  g_assert_true (g_str_has_prefix (error->message, "2:"));
}

static GString *fired;

static gboolean
tick (gpointer data)
{
  g_string_append_printf (fired, "%s ", (char *) data);
  return G_SOURCE_REMOVE;
}

static gboolean
repeat (gpointer data)
{
  int *n = data;
  g_string_append_printf (fired, "r ");
  return ++*n < 3 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
test_clock (void)
{
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  int n = 0;
  guint id;

  fired = g_string_new (NULL);
  fc_page_add_timeout (page, 300, tick, "c", NULL);
  fc_page_add_timeout (page, 100, tick, "a", NULL);
  id = fc_page_add_timeout (page, 200, tick, "x", NULL);
  fc_page_add_timeout (page, 150, repeat, &n, NULL);
  fc_page_remove_timeout (page, id);
  fc_page_advance (page, 250);
  g_assert_cmpstr (fired->str, ==, "a r ");
  g_assert_cmpfloat (fc_page_get_time (page), ==, 250);
  fc_page_advance (page, 1000);
  g_assert_cmpstr (fired->str, ==, "a r c r r ");
  g_assert_cmpfloat (fc_page_get_time (page), ==, 1250);
  g_string_free (fired, TRUE);
}

/* Objects of every size around the point where lookups switch from a
 * scan to a hash index, with keys around the length kept in place. */
typedef struct {
  guint n_members;
  guint key_len; /* the members' keys are this long (at least 4) */
} ObjectRow;

static const ObjectRow object_rows[] = {
  { 1, 4 }, { 3, 15 }, { 8, 4 }, { 8, 16 }, { 9, 4 }, { 9, 15 }, { 17, 14 }, { 40, 16 }, { 200, 40 },
};

static char *
object_key (guint i, guint len)
{
  /* distinct in their last characters, so a prefix never decides */
  g_autofree char *tail = g_strdup_printf ("%u", i);
  return g_strdup_printf ("%0*d%s", (int) (len - strlen (tail)), 0, tail);
}

static void
test_object (gconstpointer p)
{
  const ObjectRow *row = p;
  g_autoptr (FcValue) o = fc_value_new_object ();
  g_autoptr (FcValue) reversed = fc_value_new_object ();
  g_autoptr (FcValue) copy = NULL;
  g_autoptr (FcValue) reparsed = NULL;
  g_autoptr (GString) json = g_string_new ("{");
  g_autofree char *printed = NULL;
  g_autofree char *absent = object_key (row->n_members, row->key_len);

  for (guint i = 0; i < row->n_members; i++)
    {
      g_autofree char *k = object_key (i, row->key_len);
      fc_value_object_set (o, k, fc_value_new_number (i));
      g_string_append_printf (json, "%s\"%s\":%u", i ? "," : "", k, i);
    }
  g_string_append_c (json, '}');
  for (guint i = row->n_members; i-- > 0;)
    {
      g_autofree char *k = object_key (i, row->key_len);
      fc_value_object_set (reversed, k, fc_value_new_number (i));
    }

  /* every member found, in insertion order, nothing else */
  g_assert_cmpuint (fc_value_object_get_size (o), ==, row->n_members);
  for (guint i = 0; i < row->n_members; i++)
    {
      g_autofree char *k = object_key (i, row->key_len);
      g_assert_cmpstr (fc_value_object_get_key (o, i), ==, k);
      g_assert_cmpfloat (fc_value_get_number (fc_value_object_get (o, k)), ==, i);
    }
  g_assert_null (fc_value_object_get (o, absent));
  g_assert_null (fc_value_object_get (o, ""));
  printed = fc_value_to_json (o);
  g_assert_cmpstr (printed, ==, json->str);
  reparsed = fc_value_from_json (json->str, NULL);
  g_assert_true (fc_value_equal (reparsed, o));
  g_assert_true (fc_value_equal (reversed, o)); /* order does not matter */

  /* a copy shares nothing that changes: setting a member in one leaves
   * the other as it was */
  copy = fc_value_shallow_copy (o);
  g_assert_true (fc_value_equal (copy, o));
  {
    g_autofree char *first = object_key (0, row->key_len);
    fc_value_object_set (copy, first, fc_value_new_string ("changed"));
    fc_value_object_set (copy, absent, fc_value_new_null ());
    g_assert_cmpuint (fc_value_object_get_size (copy), ==, row->n_members + 1);
    g_assert_cmpuint (fc_value_object_get_size (o), ==, row->n_members);
    g_assert_cmpstr (fc_value_get_string (fc_value_object_get (copy, first)), ==, "changed");
    g_assert_cmpfloat (fc_value_get_number (fc_value_object_get (o, first)), ==, 0);
    g_assert_null (fc_value_object_get (o, absent));
    g_assert_nonnull (fc_value_object_get (copy, absent));
    g_assert_false (fc_value_equal (copy, o));
    /* replacing keeps the member's place */
    g_assert_cmpstr (fc_value_object_get_key (copy, 0), ==, first);
    g_assert_cmpstr (fc_value_object_get_key (copy, row->n_members), ==, absent);
  }
  for (guint i = 1; i < row->n_members; i++)
    {
      g_autofree char *k = object_key (i, row->key_len);
      g_assert_true (fc_value_object_get (copy, k) == fc_value_object_get (o, k));
    }
}

/* GVariant → FcValue (fc_value_new_from_variant), as a GObject's signal
 * detail reaches a page: each row is GVariant text and the JSON it gives. */
typedef struct {
  const char *variant;
  const char *json;
} VariantRow;

static const VariantRow variant_rows[] = {
  { "true", "true" },
  { "'a\u00e9'", "\"a\u00e9\"" },
  { "objectpath '/a/b'", "\"/a/b\"" },
  { "int32 -7", "-7" },
  { "uint32 4000000000", "4000000000" },
  { "int64 -9007199254740992", "-9007199254740992" },
  { "uint64 42", "42" },
  { "2.5", "2.5" },
  { "<<int32 3>>", "3" },
  { "@ms nothing", "null" },
  { "@ms 'x'", "\"x\"" },
  { "{'b': <1.0>, 'a': <'x'>}", "{\"b\":1,\"a\":\"x\"}" },
  { "[int32 1, 2]", "[1,2]" },
  { "('s', int32 1, [true])", "[\"s\",1,[true]]" },
  { "byte 0x41", "null" },
};

static void
test_from_variant (gconstpointer data)
{
  const VariantRow *row = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) v = g_variant_parse (NULL, row->variant, NULL, NULL, &error);
  g_autoptr (FcValue) value = NULL;
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  value = fc_value_new_from_variant (v);
  json = fc_value_to_json (value);
  g_assert_cmpstr (json, ==, row->json);
}

/* FcValue → GVariant → FcValue gives the value back, null included. */
static void
test_variant_round_trip (void)
{
  static const char *const texts[] = {
    "null", "false", "0", "-1.5", "\"\"", "\"\u00fc\"", "[]", "{}",
    "[null,{\"z\":1,\"a\":[true,\"x\"]},[[]]]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (FcValue) v = fc_value_from_json (texts[i], NULL);
      g_autoptr (GVariant) var = fc_value_to_variant (v);
      g_autoptr (FcValue) back = fc_value_new_from_variant (var);
      g_autofree char *json = fc_value_to_json (back);
      g_assert_cmpstr (json, ==, texts[i]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Value/%u", i);
      g_test_add_data_func (path, &rows[i], test_row);
    }
  for (guint i = 0; i < G_N_ELEMENTS (object_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Value/object/%u-members-%u-byte-keys",
                                               object_rows[i].n_members, object_rows[i].key_len);
      g_test_add_data_func (path, &object_rows[i], test_object);
    }
  g_test_add_func ("/Bridge/Value/bad-json", test_bad_json);
  for (guint i = 0; i < G_N_ELEMENTS (variant_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Value/from-variant/%u", i);
      g_test_add_data_func (path, &variant_rows[i], test_from_variant);
    }
  g_test_add_func ("/Bridge/Value/variant-round-trip", test_variant_round_trip);
  g_test_add_func ("/Bridge/Clock/timeouts", test_clock);
  return g_test_run ();
}
