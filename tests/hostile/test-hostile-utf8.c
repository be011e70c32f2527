/* Text that is not valid UTF-8 (issue 21): where it becomes trusted.
 *
 * A host's C code may hand the bridge any bytes. The rule: every string an
 * FcValue holds is valid UTF-8 (fc_value_new_string(), _take() and
 * fc_value_object_set()'s member names replace invalid sequences with
 * U+FFFD), and fc_expr_parse() refuses expression text that is not UTF-8
 * (markup is checked by the .fxml parser, JSON by fc_value_from_json).
 * So no construct that walks a string's characters can step past its end.
 *
 * A row per construct that iterates a string or uses it as text: a
 * spread, indexing and `.length`, `wx:for` over a string, concatenation,
 * the dataset an event handler reads, a member name. Each row sets the
 * hand-made value in the page's data through the C API and asserts what
 * the page shows (the text of #o's subtree, or its dataset as JSON).
 * The fuzz target fuzz-expr found the spread case
 * (tests/fuzz/regressions/expr/heap-overflow-spread-*). */
#include <string.h>
#include <fc-bridge.h>

/* U+FFFD REPLACEMENT CHARACTER */
#define R "\xef\xbf\xbd"

typedef struct
{
  const char *name;
  const char *bytes; /* the value of `s` (or a member name of `o`) */
  const char *fxml;  /* #o is the element read */
  gboolean dataset;  /* read #o's dataset as JSON, not its text */
  const char *want;
} Row;

static const Row rows[] = {
  /* a lead byte at the very end: the spread stepped past the NUL */
  { "spread-trailing-lead-byte", "a\xdb", "<view id=\"o\">{{[...s].length}}|{{[...s][1]}}</view>",
    FALSE, "2|" R },
  { "spread-in-array-literal", "\x9c\xdb", "<view id=\"o\">{{[0, ...s, 0].length}}</view>", FALSE, "4" },
  { "spread-into-object", "x\xf0", "<view id=\"o\" data-v=\"{{ {...[...s]} }}\"/>", TRUE,
    "{\"v\":{\"0\":\"x\",\"1\":\"" R "\"}}" },
  { "index-and-length", "\xe4\xb8", "<view id=\"o\">{{s.length}}|{{s[0]}}|{{s[1]}}</view>", FALSE,
    /* each byte of a truncated sequence is one U+FFFD (g_utf8_make_valid) */
    "2|" R "|" R },
  { "wx-for", "\xf0" "a\xc3", "<view id=\"o\"><text wx:for=\"{{s}}\">{{index}}={{item}};</text></view>",
    FALSE, "0=" R ";1=a;2=" R ";" },
  { "concatenation", "\xff", "<view id=\"o\">{{s + s + '!'}}</view>", FALSE, R R "!" },
  { "surrogate-bytes", "\xed\xa0\x80", "<view id=\"o\">{{s.length}}</view>", FALSE, "3" },
  { "overlong-slash", "\xc0\xaf", "<view id=\"o\">{{s}}</view>", FALSE, R R },
  { "dataset", "k\x80", "<view id=\"o\" data-s=\"{{s}}\"/>", TRUE, "{\"s\":\"k" R "\"}" },
  { "member-name", "key\xfe", "<view id=\"o\" data-o=\"{{o}}\"/>", TRUE,
    "{\"o\":{\"key" R "\":1}}" },
  { "valid-chinese-untouched", "请用普通话", "<view id=\"o\">{{s.length}}|{{[...s][4]}}</view>", FALSE,
    "5|话" },
};

static void
collect_text (FcElement *el, GString *out)
{
  const char *text = fc_element_get_text (el);

  if (text)
    g_string_append (out, text);
  for (guint i = 0; i < fc_element_get_n_children (el); i++)
    collect_text (fc_element_get_child (el, i), out);
}

static void
test_row (gconstpointer p)
{
  const Row *row = p;
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (FcValue) data = fc_value_new_object ();
  g_autoptr (FcValue) o = fc_value_new_object ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) got = g_string_new (NULL);
  FcElement *el;

  fc_value_object_set (data, "s", fc_value_new_string (row->bytes));
  fc_value_object_set (o, row->bytes, fc_value_new_number (1));
  fc_value_object_set (data, "o", fc_value_ref (o));
  g_assert_true (fc_page_load (page, NULL, "{}", row->fxml, "t.fxml", data, &error));
  g_assert_no_error (error);
  el = fc_page_select (page, "#o");
  g_assert_nonnull (el);
  if (row->dataset)
    {
      g_autoptr (FcValue) dataset = fc_element_dup_dataset (el);
      g_autofree char *json = fc_value_to_json (dataset);

      g_string_assign (got, json);
    }
  else
    collect_text (el, got);
  g_assert_true (g_utf8_validate (got->str, -1, NULL));
  g_assert_cmpstr (got->str, ==, row->want);
}

/* The constructors themselves, and _take's repair of a buffer it owns. */
static void
test_constructors (void)
{
  g_autoptr (FcValue) a = fc_value_new_string ("ab\xdb");
  g_autoptr (FcValue) b = fc_value_new_string_take (g_strdup ("\xdb"));
  g_autoptr (FcValue) c = fc_value_new_string_take (NULL);
  g_autoptr (FcValue) d = fc_value_new_string ("好");

  g_assert_cmpstr (fc_value_get_string (a), ==, "ab" R);
  g_assert_cmpstr (fc_value_get_string (b), ==, R);
  g_assert_cmpstr (fc_value_get_string (c), ==, "");
  g_assert_cmpstr (fc_value_get_string (d), ==, "好");
}

/* Expression text from a host: refused where it is not UTF-8, with the
 * offset of the first bad byte. */
static void
test_expression_text (void)
{
  g_autoptr (GError) error = NULL;
  int offset = -1;
  FcExpr *expr = fc_expr_parse ("[0, ...'\x9c\xdb']", &offset, &error);

  g_assert_null (expr);
  g_assert_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_EXPRESSION);
  g_assert_cmpstr (error->message, ==, "bad expression: invalid UTF-8 at byte 8");
  g_assert_cmpint (offset, ==, 8);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Hostile/Utf8/%s", rows[i].name);

      g_test_add_data_func (path, &rows[i], test_row);
    }
  g_test_add_func ("/Hostile/Utf8/constructors", test_constructors);
  g_test_add_func ("/Hostile/Utf8/expression-text", test_expression_text);
  return g_test_run ();
}
