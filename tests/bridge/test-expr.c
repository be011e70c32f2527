/* Table-driven tests of {{ }} expressions and templates. */
#include <fc-bridge.h>

static const char *data_json =
  "{\"a\":{\"b\":[10,20,{\"c\":\"x\"}],\"k\":\"v\"},\"n\":5,\"s\":\"hi\",\"t\":true,"
  "\"z\":null,\"i\":1,\"arr\":[1,2],\"obj\":{\"p\":1},\"key\":\"k\",\"zero\":0,\"empty\":\"\"}";

typedef struct {
  const char *name;
  const char *tpl;
  const char *expected; /* JSON of the result, or "undefined" */
  const char *deps;     /* paths joined by ' ', or NULL to skip */
} Row;

static const Row rows[] = {
  { "number", "{{42}}", "42", "" },
  { "float", "{{1.5}}", "1.5", "" },
  { "string-double", "{{\"a\"}}", "\"a\"", "" },
  { "string-single", "{{'a'}}", "\"a\"", "" },
  { "string-escape", "{{'a\\'b'}}", "\"a'b\"", "" },
  { "true", "{{true}}", "true", "" },
  { "null", "{{null}}", "null", "" },
  { "undefined", "{{undefined}}", "undefined", "" },
  { "ident", "{{n}}", "5", "n" },
  { "missing", "{{nope}}", "undefined", "nope" },
  { "missing-deep", "{{nope.x.y}}", "undefined", "nope.x.y" },
  { "path", "{{a.b[0]}}", "10", "a.b[0]" },
  { "path-deep", "{{a.b[2].c}}", "\"x\"", "a.b[2].c" },
  /* indexes beyond any array (and beyond guint): a member name, undefined */
  { "index-huge", "{{a.b[1e20]}}", "undefined", "a.b.100000000000000000000" },
  { "index-2-32", "{{arr[4294967296]}}", "undefined", "arr.4294967296" },
  { "index-max", "{{arr[4294967295]}}", "undefined", "arr[4294967295]" },
  { "index-infinity", "{{arr[1/0]}}", "undefined", "arr" },
  { "path-string-key", "{{a['k']}}", "\"v\"", "a.k" },
  { "path-dynamic", "{{a.b[i]}}", "20", "a.b i" },
  { "path-dynamic-key", "{{a[key]}}", "\"v\"", "a key" },
  { "length", "{{arr.length}}", "2", "arr.length" },
  /* calls: without a page's WXS modules, undefined; they depend on the
   * callee's path (harmless when it is a module's) and their arguments */
  { "call", "{{m.f(n, a.k)}}", "undefined", "m.f n a.k" },
  { "call-method", "{{s.toUpperCase()}}", "undefined", "s.toUpperCase" },
  { "call-chained", "{{m.f()(1).x}}", "undefined", "m.f" },
  { "string-length", "{{s.length}}", "2", NULL },
  { "not", "{{!t}}", "false", "t" },
  { "not-not", "{{!!s}}", "true", NULL },
  { "neg", "{{-n}}", "-5", NULL },
  { "plus-string", "{{+'3'}}", "3", NULL },
  { "mul-div-mod", "{{n * 2 / 4 % 2}}", "0.5", NULL },
  { "precedence", "{{1 + 2 * 3}}", "7", NULL },
  { "parens", "{{(1 + 2) * 3}}", "9", NULL },
  { "sub", "{{n - 7}}", "-2", NULL },
  { "concat", "{{s + n}}", "\"hi5\"", NULL },
  { "concat-number-first", "{{1 + 2 + 'x'}}", "\"3x\"", NULL },
  { "bool-add", "{{t + 1}}", "2", NULL },
  { "lt", "{{n < 6}}", "true", NULL },
  { "ge", "{{n >= 6}}", "false", NULL },
  { "string-compare", "{{'a' < 'b'}}", "true", NULL },
  { "eq-loose", "{{n == '5'}}", "true", NULL },
  { "eq-strict", "{{n === '5'}}", "false", NULL },
  { "ne-strict", "{{n !== 5}}", "false", NULL },
  { "ne-loose", "{{z != undefined}}", "false", NULL },
  { "null-eq-zero", "{{z == 0}}", "false", NULL },
  { "and", "{{t && s}}", "\"hi\"", "t s" },
  { "and-short", "{{zero && s}}", "0", NULL },
  { "or", "{{empty || 'd'}}", "\"d\"", NULL },
  { "ternary", "{{t ? 'y' : 'n'}}", "\"y\"", "t" },
  { "ternary-nested", "{{zero ? 1 : n > 3 ? 2 : 3}}", "2", NULL },
  { "array-literal", "{{[1, s, [t]]}}", "[1,\"hi\",[true]]", "s t" },
  { "array-spread", "{{[0, ...arr, 3]}}", "[0,1,2,3]", "arr" },
  { "object-literal", "{{ {x: 1, 'y z': n} }}", "{\"x\":1,\"y z\":5}", "n" },
  { "object-shorthand", "{{ {n, s} }}", "{\"n\":5,\"s\":\"hi\"}", "n s" },
  { "object-spread", "{{ {...obj, q: 2} }}", "{\"p\":1,\"q\":2}", "obj" },
  { "div-zero", "{{1/0}}", "null", NULL }, /* Infinity, printed as JSON null */
  { "mixed", "a{{n}}b", "\"a5b\"", "n" },
  { "mixed-null", "[{{z}}{{nope}}]", "\"[]\"", NULL },
  { "mixed-object", "x{{obj}}", "\"x[object Object]\"", NULL },
  /* a binding's whole text as an object's items, without braces (the
   * platform's shorthand, as in data="{{...}}"): glass-easel */
  { "top-object-shorthand", "{{ n, s }}", "{\"n\":5,\"s\":\"hi\"}", "n s" },
  { "top-object-key-first", "{{ q: 3, n }}", "{\"q\":3,\"n\":5}", "n" },
  { "top-object-spread", "{{ ...obj, s }}", "{\"p\":1,\"s\":\"hi\"}", "obj s" },
  { "top-object-trailing-comma", "{{ n, }}", "{\"n\":5}", "n" },
  { "top-object-value-expr", "{{ c: n > 1 ? s : 'x' }}", "{\"c\":\"hi\"}", "n s" },
  { "top-object-in-text", "x{{ n, s }}", "\"x[object Object]\"", NULL },
  { "top-object-not-single-ident", "{{ n }}", "5", "n" },
  { "ternary-not-object", "{{ t ? n : s }}", "5", "t n s" },
  { "mixed-array", "x{{arr}}", "\"x1,2\"", NULL },
  { "mixed-two", "{{n}}{{n}}", "\"55\"", NULL },
  { "space-is-mixed", " {{n}}", "\" 5\"", NULL },
  { "exact-with-space", "{{ n }}", "5", NULL },
  { "no-binding", "plain", "\"plain\"", "" },
  { "float-print", "{{0.1 + 0.2}}", "0.30000000000000004", NULL },
  { "string-number-print", "x{{1e21}}", "\"x1e+21\"", NULL },
  /* found by tests/fuzz: integers past 2^63 printed through a cast */
  { "string-big-integer-print", "x{{1e20}}", "\"x100000000000000000000\"", NULL },
  /* JavaScript's String(2 ** 63) (was the exact integer here) */
  { "string-2-pow-63-print", "x{{9223372036854775808}}", "\"x9223372036854776000\"", NULL },
  { "string-small-print", "x{{0.0000001}}|{{0.000001}}", "\"x1e-7|0.000001\"", NULL },
};

static void
test_row (gconstpointer p)
{
  const Row *row = p;
  g_autoptr (GError) error = NULL;
  g_autoptr (FcValue) data = fc_value_from_json (data_json, &error);
  g_autoptr (FcTemplate) tpl = NULL;
  g_autoptr (FcValue) v = NULL;
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  tpl = fc_template_parse (row->tpl, "t.fxml", 1, 1, &error);
  g_assert_no_error (error);
  v = fc_template_evaluate (tpl, data);
  json = fc_value_get_kind (v) == FC_VALUE_UNDEFINED ? g_strdup ("undefined") : fc_value_to_json (v);
  g_assert_cmpstr (json, ==, row->expected);

  if (row->deps)
    {
      g_autoptr (GString) s = g_string_new (NULL);
      const GPtrArray *deps = fc_template_get_dependencies (tpl);
      for (guint i = 0; deps && i < deps->len; i++)
        {
          g_autofree char *d = fc_data_path_to_string (g_ptr_array_index (deps, i));
          if (i)
            g_string_append_c (s, ' ');
          g_string_append (s, d);
        }
      g_assert_cmpstr (s->str, ==, row->deps);
    }
}

typedef struct {
  const char *name;
  const char *expr;
  int offset;
} BadRow;

static const BadRow bad_rows[] = {
  { "empty", "", 0 },
  { "dangling-op", "a +", 3 },
  { "unclosed-paren", "(a", 2 },
  { "unclosed-bracket", "a[0", 3 },
  { "unclosed-array", "[1, 2", 5 },
  { "unterminated-string", "'abc", 0 },
  { "missing-colon", "a ? b", 5 },
  { "trailing", "a b", 2 },
  { "member-number", "a.0", 2 },
  { "call-unclosed", "f(1", 3 },
  { "call-trailing-comma", "f(1,)", 4 },
  { "bad-number", "1x", 0 },
  { "assignment", "a = 1", 2 },
  /* glass-easel: only names (and spreads) start a braceless object */
  { "top-object-string-first", "'a', b", 3 },
  { "top-object-path-first", "a.b, c", 3 },
  { "top-object-number-key", "1: 2", 1 },
  { "too-deep", "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))", 128 },
};

static void
test_bad (gconstpointer p)
{
  const BadRow *row = p;
  g_autoptr (GError) error = NULL;
  int off = -1;
  g_autoptr (FcExpr) e = fc_expr_parse (row->expr, &off, &error);
  g_assert_null (e);
  g_assert_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_EXPRESSION);
  g_assert_cmpint (off, ==, row->offset);
}

/* Random token soup: parsing never crashes; what parses evaluates. */
static void
test_random (void)
{
  static const char *const tokens[] = {
    "a", ".", "b", "[", "]", "0", "1.5", "'s'", "\"t\"", "(", ")", "!", "-", "+", "*", "/", "%",
    "<", ">=", "==", "!==", "&&", "||", "?", ":", "{", "}", ",", "...", "n", "arr", "null", "undefined",
    "true", " ", "key", "length",
  };
  g_autoptr (FcValue) data = fc_value_from_json (data_json, NULL);
  GRand *rand = g_rand_new_with_seed (42);
  guint parsed = 0;

  for (guint i = 0; i < 50000; i++)
    {
      g_autoptr (GString) s = g_string_new (NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (FcExpr) e = NULL;
      guint n = g_rand_int_range (rand, 1, 12);
      for (guint j = 0; j < n; j++)
        g_string_append (s, tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))]);
      e = fc_expr_parse (s->str, NULL, &error);
      g_assert_true ((e == NULL) == (error != NULL));
      if (e)
        {
          g_autoptr (FcValue) v = fc_expr_evaluate (e, data);
          g_autoptr (GPtrArray) deps = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_data_path_free);
          g_assert_nonnull (v);
          fc_expr_collect_dependencies (e, deps);
          parsed++;
        }
    }
  g_assert_cmpuint (parsed, >, 1000);
  g_rand_free (rand);
}

static void
test_long_chain (void)
{
  g_autoptr (GString) s = g_string_new ("1");
  g_autoptr (GError) error = NULL;
  g_autoptr (FcExpr) e = NULL;
  g_autoptr (FcValue) v = NULL;
  while (s->len < 8000)
    g_string_append (s, "+1");
  e = fc_expr_parse (s->str, NULL, &error);
  g_assert_no_error (error);
  v = fc_expr_evaluate (e, NULL);
  g_assert_cmpfloat (fc_value_get_number (v), ==, 4001);
  g_string_append (s, "+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1");
  g_clear_pointer (&e, fc_expr_free);
  g_clear_error (&error);
  e = fc_expr_parse (s->str, NULL, &error);
  g_assert_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_EXPRESSION);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Expr/%s", rows[i].name);
      g_test_add_data_func (path, &rows[i], test_row);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Expr/bad/%s", bad_rows[i].name);
      g_test_add_data_func (path, &bad_rows[i], test_bad);
    }
  g_test_add_func ("/Bridge/Expr/random", test_random);
  g_test_add_func ("/Bridge/Expr/long-chain", test_long_chain);
  return g_test_run ();
}
