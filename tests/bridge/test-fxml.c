/* Table-driven tests of the fxml parser. */
#include <string.h>
#include <fc-bridge.h>

typedef struct {
  const char *name;
  const char *input;
  int code;              /* -1: parses */
  const char *message;   /* expected message (errors) or tree dump */
} Row;

static void
dump (const FcFxmlNode *n, GString *out)
{
  switch (n->type)
    {
    case FC_FXML_DOCUMENT:
      for (guint i = 0; i < n->children->len; i++)
        dump (g_ptr_array_index (n->children, i), out);
      for (guint i = 0; n->warnings && i < n->warnings->len; i++)
        {
          const FcFxmlWarning *w = g_ptr_array_index (n->warnings, i);
          g_string_append_printf (out, " !%d:%d: %s", w->line, w->col, w->message);
        }
      break;
    case FC_FXML_COMMENT:
      g_string_append_printf (out, "#c@%d:%d", n->line, n->col);
      break;
    case FC_FXML_SCRIPT:
      g_string_append_printf (out, "#s[%s]@%d:%d", n->text, n->line, n->col);
      break;
    case FC_FXML_TEXT:
      {
        g_autoptr (FcValue) v = fc_template_evaluate (n->tpl, NULL);
        g_autofree char *j = fc_value_to_json (v);
        g_string_append_printf (out, "%s@%d:%d", j, n->line, n->col);
        break;
      }
    case FC_FXML_ELEMENT:
      g_string_append_printf (out, "<%s@%d:%d", n->name, n->line, n->col);
      for (guint i = 0; i < n->attributes->len; i++)
        {
          FcFxmlAttribute *a = g_ptr_array_index (n->attributes, i);
          g_autoptr (FcValue) v = fc_template_evaluate (a->tpl, NULL);
          g_autofree char *j = fc_value_to_json (v);
          g_string_append_printf (out, " %s@%d:%d=%s", a->name, a->line, a->col, j);
        }
      g_string_append_c (out, '>');
      for (guint i = 0; i < n->children->len; i++)
        dump (g_ptr_array_index (n->children, i), out);
      g_string_append (out, "</>");
      break;
    }
}

static const Row rows[] = {
  { "empty", "", -1, "" },
  { "element", "<view></view>", -1, "<view@1:1></>" },
  { "self-closing", "<image src='a.png'/>", -1, "<image@1:1 src@1:8=\"a.png\"></>" },
  { "both-quotes", "<a x=\"1\" y='2'/>", -1, "<a@1:1 x@1:4=\"1\" y@1:10=\"2\"></>" },
  { "quote-in-other-quote", "<a x='say \"hi\"'/>", -1, "<a@1:1 x@1:4=\"say \\\"hi\\\"\"></>" },
  { "valueless", "<a hidden/>", -1, "<a@1:1 hidden@1:4=true></>" },
  { "unquoted", "<a x=5 />", -1, "<a@1:1 x@1:4=\"5\"></>" },
  { "text", "<text>hi there</text>", -1, "<text@1:1>\"hi there\"@1:7</>" },
  { "blank-text-dropped", "<a>\n  <b/>\n</a>", -1, "<a@1:1><b@2:3></></>" },
  { "comment", "<!-- x --><a/>", -1, "#c@1:1<a@1:11></>" },
  { "lines", "<a>\n<b\n  c=\"1\"/></a>", -1, "<a@1:1><b@2:1 c@3:3=\"1\"></></>" },
  { "entities", "<a x=\"&amp;&lt;&gt;&quot;&apos;&#65;&#x42;\"/>", -1, "<a@1:1 x@1:4=\"&<>\\\"'AB\"></>" },
  { "entity-text", "<t>a &amp; b &#x4e2d;</t>", -1, "<t@1:1>\"a & b 中\"@1:4</>" },
  { "lone-ampersand", "<t>a & b</t>", -1, "<t@1:1>\"a & b\"@1:4</>" },
  /* glass-easel keeps an '&' that starts no reference: "&amp" without
   * ';' (was an error here), "&1;", "a&b c;", URL queries */
  { "entity-no-semicolon-kept", "<t>&amp|&nbsp|&lt</t>", -1, "<t@1:1>\"&amp|&nbsp|&lt\"@1:4</>" },
  { "ampersand-not-a-name", "<t>&1;|&a-b;|a&b c;</t>", -1, "<t@1:1>\"&1;|&a-b;|a&b c;\"@1:4</>" },
  { "url-query-attr", "<a url=\"/p?id=1&from=list&x\"/>", -1, "<a@1:1 url@1:4=\"/p?id=1&from=list&x\"></>" },
  /* HTML's named entities, as glass-easel decodes them */
  { "html-entities", "<t>&copy;&nbsp;&hellip;&mdash;&yen;&times;&AMP;</t>", -1,
    "<t@1:1>\"\u00a9\u00a0\u2026\u2014\u00a5\u00d7&\"@1:4</>" },
  { "html-entity-two-code-points", "<a x=\"&fjlig;&NotNestedLessLess;\"/>", -1,
    "<a@1:1 x@1:4=\"fj\u2aa1\u0338\"></>" },
  { "entity-number-leading-zeros", "<t>&#000065;&#x41;</t>", -1, "<t@1:1>\"AA\"@1:4</>" },
  /* entities are not decoded inside {{ }}: the expression as written */
  { "binding-and-no-spaces", "<a x=\"{{1&&2}}\">{{0&&1}}</a>", -1, "<a@1:1 x@1:4=2>0@1:17</>" },
  { "binding-ampersand-in-string", "<a x=\"{{'&goodsId=' + 7}}\"/>", -1, "<a@1:1 x@1:4=\"&goodsId=7\"></>" },
  { "binding-entity-in-string-raw", "<t>{{'x&amp;y'}}|&amp;</t>", -1, "<t@1:1>\"x&amp;y|&\"@1:4</>" },
  /* "}}" inside a string or an object literal does not end the binding */
  { "binding-braces-in-string", "<a x=\"{{ '}}' }}\">{{ \"a'}}\" }}</a>", -1, "<a@1:1 x@1:4=\"}}\">\"a'}}\"@1:19</>" },
  { "binding-escaped-quote", "<t>{{ 'a\\'}}' }}</t>", -1, "<t@1:1>\"a'}}\"@1:4</>" },
  { "binding-nested-object", "<a x=\"{{ [{a: {b: 1}}] }}\"/>", -1, "<a@1:1 x@1:4=[{\"a\":{\"b\":1}}]></>" },
  { "binding-object-then-brace", "<t>x{{ {a:1}.a}}}y</t>", -1, "<t@1:1>\"x1}y\"@1:4</>" },
  { "binding-typed", "<a x=\"{{1+2}}\"/>", -1, "<a@1:1 x@1:4=3></>" },
  { "binding-mixed", "<a x=\"n{{1+2}}\"/>", -1, "<a@1:1 x@1:4=\"n3\"></>" },
  { "binding-lt-in-text", "<t>{{1 < 2}}</t>", -1, "<t@1:1>true@1:4</>" },
  /* a <wxs> element's content is its module's source, not markup */
  { "wxs-script", "<wxs module=\"m\">\n  a < b && c > d; '<t>{{x}}'\n</wxs><t/>", -1,
    "<wxs@1:1 module@1:6=\"m\">#s[\n  a < b && c > d; '<t>{{x}}'\n]@1:17</><t@3:7></>" },
  { "wxs-src", "<wxs module=\"m\" src=\"a.wxs\"/>", -1, "<wxs@1:1 module@1:6=\"m\" src@1:17=\"a.wxs\"></>" },
  { "binding-quote-in-attr", "<a x=\"{{ \"s\" }}\"/>", -1, "<a@1:1 x@1:4=\"s\"></>" },
  { "dash-colon-names", "<a bind:onRecordEnd=\"h\" data-my-id=\"1\"/>", -1,
    "<a@1:1 bind:onRecordEnd@1:4=\"h\" data-my-id@1:25=\"1\"></>" },
  { "utf8", "<t>中文</t>", -1, "<t@1:1>\"中文\"@1:4</>" },

  { "unclosed", "<view>\n  <text>", FC_BRIDGE_ERROR_UNCLOSED_TAG, "t.fxml:2:3: unclosed tag <text>" },
  /* found by tests/fuzz: invalid UTF-8 never reaches the tree */
  { "invalid-utf8", "<view>\n  <text>a\xf0</text></view>", FC_BRIDGE_ERROR_SYNTAX,
    "t.fxml:2:10: invalid UTF-8; markup must be UTF-8" },
  { "unclosed-in-tag", "<view a=\"1\"", FC_BRIDGE_ERROR_UNCLOSED_TAG,
    "t.fxml:1:1: unclosed tag <view>: end of input inside the tag" },
  { "mismatched", "<view>\n</text>", FC_BRIDGE_ERROR_MISMATCHED_TAG,
    "t.fxml:2:1: closing tag </text> does not match <view> opened at 1:1" },
  { "stray-close", "</view>", FC_BRIDGE_ERROR_MISMATCHED_TAG,
    "t.fxml:1:1: closing tag </view> without an open element" },
  /* glass-easel: a duplicate attribute is a warning, the first is kept
   * (was an error here) */
  { "duplicate", "<a x=\"1\"\n   x='2'/>", -1,
    "<a@1:1 x@1:4=\"1\"></> !2:4: duplicate attribute \"x\" on <a>: the first is kept" },
  { "duplicate-binding", "<a x=\"{{1}}\" y x=\"{{2}}\" x/>", -1,
    "<a@1:1 x@1:4=1 y@1:14=true></> !1:16: duplicate attribute \"x\" on <a>: the first is kept"
    " !1:26: duplicate attribute \"x\" on <a>: the first is kept" },
  /* glass-easel: "bind:" bindings are each a listener, no duplicate */
  { "repeated-colon-binding", "<a bind:tap=\"x\" bind:tap=\"y\"/>", -1,
    "<a@1:1 bind:tap@1:4=\"x\" bind:tap@1:17=\"y\"></>" },
  { "duplicate-bad-value", "<a x=\"1\" x=\"{{+}}\"/>", FC_BRIDGE_ERROR_BAD_EXPRESSION,
    "t.fxml:1:16: bad expression \"+\": unexpected end of expression" },
  { "bad-entity", "<a x=\"a&bogus;\"/>", FC_BRIDGE_ERROR_BAD_ENTITY, "t.fxml:1:8: bad entity" },
  { "bad-entity-number", "<t>\n x&#xZZ;</t>", FC_BRIDGE_ERROR_BAD_ENTITY, "t.fxml:2:3: bad entity" },
  /* glass-easel: "&#" needs digits and ';' */
  { "bad-entity-number-no-semicolon", "<t>&#65</t>", FC_BRIDGE_ERROR_BAD_ENTITY, "t.fxml:1:4: bad entity" },
  { "bad-entity-number-empty", "<t>&#;</t>", FC_BRIDGE_ERROR_BAD_ENTITY, "t.fxml:1:4: bad entity" },
  { "bad-entity-surrogate", "<t>&#xD800;</t>", FC_BRIDGE_ERROR_BAD_ENTITY, "t.fxml:1:4: bad entity" },
  { "bad-entity-too-big", "<t>a&#1114112;</t>", FC_BRIDGE_ERROR_BAD_ENTITY, "t.fxml:1:5: bad entity" },
  { "unterminated-binding-attr", "<a x=\"{{a\"/>", FC_BRIDGE_ERROR_UNTERMINATED_BINDING,
    "t.fxml:1:7: unterminated {{" },
  { "unterminated-binding-text", "<t>\n  ab {{ c </t>", FC_BRIDGE_ERROR_UNTERMINATED_BINDING,
    "t.fxml:2:6: unterminated {{" },
  { "bad-expression", "<a x=\"{{a +}}\"/>", FC_BRIDGE_ERROR_BAD_EXPRESSION,
    "t.fxml:1:12: bad expression \"a +\": unexpected end of expression" },
  { "bad-expression-call", "<a x=\"{{f(1}}\"/>", FC_BRIDGE_ERROR_BAD_EXPRESSION,
    "t.fxml:1:12: bad expression \"f(1\": expected ')' after the arguments" },
  { "wxs-unclosed", "<wxs module=\"m\">var a = '</wx';", FC_BRIDGE_ERROR_UNCLOSED_TAG, "t.fxml:1:1: unclosed tag <wxs>" },
  { "unterminated-comment", "<!-- x", FC_BRIDGE_ERROR_SYNTAX, "t.fxml:1:1: unterminated comment" },
};

static void
test_row (gconstpointer data)
{
  const Row *row = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (FcFxmlNode) doc = fc_fxml_parse (row->input, -1, "t.fxml", &error);

  if (row->code < 0)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      g_assert_no_error (error);
      g_assert_nonnull (doc);
      dump (doc, out);
      g_assert_cmpstr (out->str, ==, row->message);
    }
  else
    {
      g_assert_null (doc);
      g_assert_error (error, FC_BRIDGE_ERROR, row->code);
      g_assert_cmpstr (error->message, ==, row->message);
    }
}

/* Mutations of a real page never crash the parser, and every error is a
 * precise bridge error that names the file. */
static void
test_mutations (void)
{
  static const char *seed =
    "<view style=\"width: 100vw;height: 100vh;\">\n"
    "  <video-recognition recordTime=\"{{recordTime}}\" top='{{top + 1}}'\n"
    "      stepList=\"{{[...stepList, {a, b: c[0].d}]}}\" mask=\"/a&amp;b.png\" resolution\n"
    "      bind:onRecordEnd=\"onRecordEnd\"><!-- c --><text>a {{x ? 'y' : \"z\"}} &#x4e2d;</text>\n"
    "  </video-recognition>\n</view>\n";
  static const char alphabet[] = "<>/=\"'{}&;#x![]:.-+?* \n\tabc0";
  GRand *rand = g_rand_new_with_seed (20261121);
  gsize len = strlen (seed);

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *text = g_strdup (seed);
      g_autoptr (GError) error = NULL;
      g_autoptr (FcFxmlNode) doc = NULL;
      guint n = g_rand_int_range (rand, 1, 4);
      gsize cut = len;

      for (guint j = 0; j < n; j++)
        text[g_rand_int_range (rand, 0, (gint32) len)] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      if (g_rand_boolean (rand))
        cut = g_rand_int_range (rand, 0, (gint32) len);
      doc = fc_fxml_parse (text, (gssize) cut, "t.fxml", &error);
      g_assert_true ((doc == NULL) == (error != NULL));
      if (error)
        {
          g_assert_true (error->domain == FC_BRIDGE_ERROR);
          g_assert_true (g_str_has_prefix (error->message, "t.fxml:"));
        }
    }
  g_rand_free (rand);
}

static void
test_too_deep (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcFxmlNode) doc = NULL;
  for (int i = 0; i < 300; i++)
    g_string_append (s, "<view>");
  doc = fc_fxml_parse (s->str, -1, "t.fxml", &error);
  g_assert_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "t.fxml:1:1537: elements nested deeper than 256");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Fxml/%s", rows[i].name);
      g_test_add_data_func (path, &rows[i], test_row);
    }
  g_test_add_func ("/Bridge/Fxml/mutations", test_mutations);
  g_test_add_func ("/Bridge/Fxml/too-deep", test_too_deep);
  return g_test_run ();
}
