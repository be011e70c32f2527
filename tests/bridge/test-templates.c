/* <template name> / <template is data>, <import>, <include>; mark: on
 * elements (event.mark); selectors (fc_page_query()). Expected values are
 * glass-easel 0.12.1's, from the oracle (/work/shared/glass-easel-oracle)
 * on the same markup. */
#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <fc-bridge.h>

#include "common/fc-test-tree.h"

static void
on_warning (FcPage *page, const char *message, GString *warnings)
{
  g_string_append_printf (warnings, "%s\n", message);
}

typedef struct {
  const char *name;
  const char *fxml;
  const char *files[8];    /* path, text, path, text… from the root */
  const char *data;
  const char *steps[3];    /* setData objects */
  const char *expected[4]; /* the tree after mount and after each step */
  const char *warning;     /* (nullable) a warning the load must give */
} Row;

#define ROW "pages/index/"

static const Row rows[] = {
  { "define-and-use", "<template name=\"t\"><text>{{a}}-{{b}}</text></template><template is=\"t\" data=\"{{ {a: x, b: 2} }}\"/>",
    { NULL }, "{\"x\":1}", { "{\"x\":5}" }, { "text('1-2')", "text('5-2')" } },
  /* the platform's shorthand and a spread */
  { "data-shorthand", "<template name=\"t\"><text>{{a}}{{b}}</text></template><template is=\"t\" data=\"{{a, b}}\"/>",
    { NULL }, "{\"a\":1,\"b\":2}", { "{\"b\":3}" }, { "text('12')", "text('13')" } },
  { "data-spread", "<template name=\"t\"><text>{{x}}{{v}}</text></template><template is=\"t\" data=\"{{...o, v: 5}}\"/>",
    { NULL }, "{\"o\":{\"x\":1,\"v\":0}}", { "{\"o.x\":7}" }, { "text('15')", "text('75')" } },
  /* a template sees its data only: not the page's, nor wx:for variables */
  { "data-only", "<view wx:for=\"{{[1]}}\"><template is=\"t\" data=\"{{ {} }}\"/></view><template name=\"t\"><text>[{{a}}{{item}}]</text></template>",
    { NULL }, "{\"a\":1}", { NULL }, { "view(text('[]'))" } },
  /* glass-easel: `{{a}}` alone is `{a: a}`; an object literal is itself;
   * text around the binding makes an empty object (a warning) */
  { "data-single-name", "<template name=\"t\"><text>{{a}}|{{o.k}}|{{k}}</text></template><template is=\"t\" data=\"{{a}}\"/><template is=\"t\" data=\"{{o}}\"/>",
    { NULL }, "{\"a\":true,\"o\":{\"k\":2}}", { NULL }, { "text('true||') text('|2|')" } },
  { "data-object-literal", "<template name=\"t\"><text>{{k}}{{a}}</text></template><template is=\"t\" data=\"{{ {k: 1, a: x} }}\"/>",
    { NULL }, "{\"x\":2}", { "{\"x\":3}" }, { "text('12')", "text('13')" } },
  { "data-text-around", "<template name=\"t\"><text>[{{k}}]</text></template><template is=\"t\" data=\"k{{2}}\"/><template is=\"t\" data=\"{{k: 3}} \"/>",
    { NULL }, "{}", { NULL }, { "text('[]') text('[]')" },
    "pages/index/index.fxml:1:68: <template is> data \"k{{2}}\" is not an object's items: the data is empty" },
  /* glass-easel: silently empty */
  { "data-not-items", "<template name=\"t\"><text>[{{k}}]</text></template><template is=\"t\" data=\"{{a + 1}}\"/>",
    { NULL }, "{\"a\":1}", { NULL }, { "text('[]')" }, "<template is> data \"{{a + 1}}\" is not an object's items: " },
  { "no-data", "<template name=\"t\"><text>x{{a}}</text></template><template is=\"t\"/>", { NULL }, "{\"a\":1}",
    { NULL }, { "text('x')" } },
  { "is-binding", "<template name=\"a\"><text>A</text></template><template name=\"b\"><text id=\"b\">B</text></template><template is=\"{{n}}\"/>",
    { NULL }, "{\"n\":\"a\"}", { "{\"n\":\"b\"}", "{\"n\":\"\"}", "{\"n\":\"a\"}" },
    { "text('A')", "text#b('B')", "", "text('A')" } },
  { "is-unknown", "<template is=\"nope\"/><view/>", { NULL }, "{}", { NULL }, { "view" },
    "pages/index/index.fxml:1:11: no template named \"nope\": nothing is shown" },
  { "defined-after-use", "<template is=\"t\"/><template name=\"t\"><view id=\"late\"/></template>", { NULL }, "{}",
    { NULL }, { "view#late" } },
  { "for-of-templates", "<template name=\"t\"><text>{{n}}</text></template><template wx:for=\"{{list}}\" is=\"t\" data=\"{{n: item}}\"/>",
    { NULL }, "{\"list\":[1,2]}", { "{\"list[2]\":3}", "{\"list\":[]}" },
    { "text('1') text('2')", "text('1') text('2') text('3')", "" } },
  { "if-on-template", "<template name=\"t\"><text>T</text></template><template wx:if=\"{{on}}\" is=\"t\"/>", { NULL },
    "{\"on\":false}", { "{\"on\":true}" }, { "", "text('T')" } },
  /* a tree rendered by a template that uses itself, ended by its data */
  { "recursive-tree", "<template name=\"n\"><view id=\"v{{id}}\"><template wx:for=\"{{kids}}\" is=\"n\" data=\"{{...item}}\"/></view></template><template is=\"n\" data=\"{{...tree}}\"/>",
    { NULL }, "{\"tree\":{\"id\":1,\"kids\":[{\"id\":2,\"kids\":[{\"id\":3}]},{\"id\":4}]}}",
    { "{\"tree.kids[0].kids[0].id\":9}" }, { "view#v1(view#v2(view#v3) view#v4)", "view#v1(view#v2(view#v9) view#v4)" } },
  /* each item spread into its template's data; one item's field changes,
   * then the item is replaced: only what changed is shown anew */
  { "spread-item-changes", "<template name=\"r\"><text>{{t}}{{p}}</text></template><template wx:for=\"{{items}}\" is=\"r\" data=\"{{...item}}\"/>",
    { NULL }, "{\"items\":[{\"t\":\"a\",\"p\":1},{\"t\":\"b\",\"p\":2}]}",
    { "{\"items[1].p\":5}", "{\"items[0]\":{\"t\":\"c\"}}" }, { "text('a1') text('b2')", "text('a1') text('b5')", "text('c') text('b5')" } },
  { "wx-if-inside", "<template name=\"t\"><text wx:if=\"{{a}}\">yes</text><text wx:else>no</text></template><template is=\"t\" data=\"{{a}}\"/>",
    { NULL }, "{\"a\":true}", { "{\"a\":false}" }, { "text('yes')", "text('no')" } },
  /* import: the imported file's own templates; relative, absolute, .wxml */
  { "import-relative", "<import src=\"./row.fxml\"/><template is=\"row\" data=\"{{n}}\"/>",
    { ROW "row.fxml", "<template name=\"row\"><text>r{{n}}</text></template><view id=\"not-shown\"/>" }, "{\"n\":1}",
    { NULL }, { "text('r1')" } },
  { "import-absolute-wxml", "<import src=\"/common/row.wxml\"/><template is=\"row\"/>",
    { "common/row.fxml", "<template name=\"row\"><text>R</text></template>" }, "{}", { NULL }, { "text('R')" } },
  { "import-no-extension", "<import src=\"../../common/row\"/><template is=\"row\"/>",
    { "common/row.fxml", "<template name=\"row\"><text>R</text></template>" }, "{}", { NULL }, { "text('R')" } },
  /* not transitive: a.fxml imports b.fxml, the page sees a's only */
  { "import-not-transitive", "<import src=\"a.fxml\"/><template is=\"ta\"/><template is=\"tb\"/>",
    { ROW "a.fxml", "<import src=\"b.fxml\"/><template name=\"ta\"><view id=\"a\"><template is=\"tb\"/></view></template>",
      ROW "b.fxml", "<template name=\"tb\"><view id=\"b\"/></template>" },
    "{}", { NULL }, { "view#a(view#b)" }, "pages/index/index.fxml:1:52: no template named \"tb\": nothing is shown" },
  { "import-cycle", "<import src=\"a.fxml\"/><template is=\"ta\"/>",
    { ROW "a.fxml", "<import src=\"b.fxml\"/><template name=\"ta\"><view id=\"a\"><template is=\"tb\"/></view></template>",
      ROW "b.fxml", "<import src=\"a.fxml\"/><template name=\"tb\"><view id=\"b\"/></template>" },
    "{}", { NULL }, { "view#a(view#b)" } },
  /* the file's own template wins over an imported one; of two imports the last */
  { "local-wins", "<import src=\"a.fxml\"/><template name=\"x\"><view id=\"local\"/></template><template is=\"x\"/>",
    { ROW "a.fxml", "<template name=\"x\"><view id=\"a\"/></template>" }, "{}", { NULL }, { "view#local" } },
  { "last-import-wins", "<import src=\"a.fxml\"/><import src=\"b.fxml\"/><template is=\"x\"/>",
    { ROW "a.fxml", "<template name=\"x\"><view id=\"a\"/></template>",
      ROW "b.fxml", "<template name=\"x\"><view id=\"b\"/></template>" }, "{}", { NULL }, { "view#b" } },
  { "import-missing", "<import src=\"gone.fxml\"/><view/>", { NULL }, "{}", { NULL }, { "view" },
    "pages/index/index.fxml:1:9: <import src=\"gone.fxml\">: no file pages/index/gone.fxml (the page has no folder): nothing is imported" },
  /* include: everything but templates, in the including place's scope */
  { "include", "<view wx:for=\"{{list}}\"><include src=\"inc.fxml\"/></view>",
    { ROW "inc.fxml", "<template name=\"t\"><view id=\"never\"/></template><text>{{item}}{{a}}</text>" },
    "{\"list\":[1,2],\"a\":\"!\"}", { "{\"a\":\"?\"}" }, { "view(text('1!')) view(text('2!'))", "view(text('1?')) view(text('2?'))" } },
  /* a wx:for instance whose item changes refreshes what it includes */
  { "include-in-for-item-change", "<view wx:for=\"{{list}}\"><include src=\"inc.fxml\"/></view>",
    { ROW "inc.fxml", "<text>{{item.t}}</text>" }, "{\"list\":[{\"t\":\"a\"}]}", { "{\"list[0].t\":\"b\"}" },
    { "view(text('a'))", "view(text('b'))" } },
  { "include-uses-its-imports", "<include src=\"inc.fxml\"/>",
    { ROW "inc.fxml", "<import src=\"t.fxml\"/><template is=\"t\"/>", ROW "t.fxml", "<template name=\"t\"><view id=\"t\"/></template>" },
    "{}", { NULL }, { "view#t" } },
  /* an included file's templates are not the includer's; a template may
   * be defined inside an element */
  { "include-templates-not-exported", "<view><template name=\"inner\"><view id=\"in\"/></template></view><template is=\"inner\"/><include src=\"inc.fxml\"/><template is=\"fromInc\"/>",
    { ROW "inc.fxml", "<template name=\"fromInc\"><view id=\"fi\"/></template><text>I</text>" }, "{}", { NULL },
    { "view view#in text('I')" }, "no template named \"fromInc\": nothing is shown" },
  { "import-without-src", "<import/><include src=\"\"/><view/>", { NULL }, "{}", { NULL }, { "view" },
    "pages/index/index.fxml:1:1: <import> without a src: ignored" },
  { "include-missing", "<include src=\"gone.fxml\"/><view/>", { NULL }, "{}", { NULL }, { "view" },
    "pages/index/index.fxml:1:10: <include src=\"gone.fxml\">: no file pages/index/gone.fxml (the page has no folder): nothing is included" },
  /* a module in an imported file serves its templates */
  { "wxs-in-import", "<import src=\"w.fxml\"/><template is=\"w\" data=\"{{v: 3}}\"/>",
    { ROW "w.fxml", "<wxs module=\"m\">module.exports = { f: function (x) { return x * 10; } };</wxs><template name=\"w\"><text>{{m.f(v)}}</text></template>" },
    "{}", { NULL }, { "text('30')" } },
  { "wxs-src-in-include", "<include src=\"/common/inc.fxml\"/>",
    { "common/inc.fxml", "<wxs module=\"u\" src=\"./u.wxs\"/><text>{{u.x}}</text>", "common/u.wxs", "module.exports = { x: 'U' };" },
    "{}", { NULL }, { "text('U')" } },
};

static void
test_row (gconstpointer p)
{
  const Row *row = p;
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (FcValue) data = fc_value_from_json (row->data, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) warnings = g_string_new (NULL);

  g_signal_connect (page, "warning", G_CALLBACK (on_warning), warnings);
  for (guint i = 0; i + 1 < G_N_ELEMENTS (row->files) && row->files[i]; i += 2)
    fc_page_add_file (page, row->files[i], row->files[i + 1]);
  g_assert_true (fc_page_load (page, NULL, NULL, row->fxml, "pages/index/index.fxml", data, &error));
  g_assert_no_error (error);
  if (row->warning && !strstr (warnings->str, row->warning))
    g_error ("%s: warnings \"%s\" do not say \"%s\"", row->name, warnings->str, row->warning);
  if (!row->warning)
    g_assert_cmpstr (warnings->str, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (row->expected) && row->expected[i]; i++)
    {
      g_autofree char *expected = *row->expected[i] ? g_strdup_printf ("page(%s)", row->expected[i]) : g_strdup ("page");
      g_autoptr (GString) out = g_string_new (NULL);
      if (i > 0)
        {
          g_autoptr (FcValue) changes = fc_value_from_json (row->steps[i - 1], NULL);
          g_assert_true (fc_page_set_data (page, changes, &error));
          g_assert_no_error (error);
        }
      fc_test_dump_element (fc_page_get_root (page), out);
      g_assert_cmpstr (out->str, ==, expected);
    }
}

/* Markup that cannot load: a precise error, never a hang or a crash. */
typedef struct {
  const char *name;
  const char *fxml;
  const char *files[6];
  int code;
  const char *message;
} ErrorRow;

static const ErrorRow error_rows[] = {
  /* glass-easel runs out of stack */
  { "template-uses-itself", "<template name=\"t\"><view><template is=\"t\"/></view></template><template is=\"t\"/>",
    { NULL }, FC_BRIDGE_ERROR_RECURSION, "template \"t\" is used inside itself more than 64 deep" },
  { "include-itself", "<include src=\"index.fxml\"/>", { ROW "index.fxml", "<include src=\"index.fxml\"/>" },
    FC_BRIDGE_ERROR_RECURSION, "pages/index/index.fxml:1:1: <include src=\"index.fxml\"> includes pages/index/index.fxml inside itself" },
  { "include-cycle", "<include src=\"a.fxml\"/>",
    { ROW "a.fxml", "<include src=\"b.fxml\"/>", ROW "b.fxml", "<view/><include src=\"a.fxml\"/>" },
    FC_BRIDGE_ERROR_RECURSION, "pages/index/b.fxml:1:8: <include src=\"a.fxml\"> includes pages/index/a.fxml inside itself" },
  { "import-leaves-root", "<import src=\"../../../x.fxml\"/>", { NULL }, FC_BRIDGE_ERROR_BAD_PATH,
    "pages/index/index.fxml:1:9: <import src=\"../../../x.fxml\">: \"../../../x.fxml\" leaves the mini-program's root" },
  { "include-malformed-path", "<include src=\"a\\\\b.fxml\"/>", { NULL }, FC_BRIDGE_ERROR_BAD_PATH,
    "malformed path" },
  { "include-the-root", "<include src=\"/\"/>", { NULL }, FC_BRIDGE_ERROR_BAD_PATH, "malformed path \"/\"" },
  { "import-colon", "<import src=\"c:/x.fxml\"/>", { NULL }, FC_BRIDGE_ERROR_BAD_PATH, "malformed path" },
  { "imported-file-bad-markup", "<import src=\"a.fxml\"/>", { ROW "a.fxml", "<template name=\"t\"><view></template>" },
    FC_BRIDGE_ERROR_MISMATCHED_TAG, "pages/index/a.fxml:1:26: closing tag </template> does not match <view>" },
  /* an error inside an included file or a template names its place */
  { "included-bad-expression", "<include src=\"a.fxml\"/>", { ROW "a.fxml", "<view>\n  <view a=\"{{1 +}}\"/></view>" },
    FC_BRIDGE_ERROR_BAD_EXPRESSION, "pages/index/a.fxml:2:17: bad expression \"1 +\"" },
  { "template-bad-expression", "<template name=\"t\"><view a=\"{{1 +}}\"/></template>", { NULL },
    FC_BRIDGE_ERROR_BAD_EXPRESSION, "pages/index/index.fxml:1:34: bad expression \"1 +\"" },
};

/* Deep content placed again and again: an error when the tree would pass
 * 1,024 levels, not a stack overflow (the tree is built, mounted and freed
 * recursively) */
static void
test_too_deep (void)
{
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (GString) fxml = g_string_new (NULL);
  g_autoptr (GString) inc = g_string_new (NULL);

  for (int i = 0; i < 250; i++)
    g_string_append (body, "<view>");
  g_string_append (body, "<template wx:if=\"{{n < 100}}\" is=\"t\" data=\"{{n: n + 1}}\"/>");
  for (int i = 0; i < 250; i++)
    g_string_append (body, "</view>");
  g_string_append_printf (fxml, "<template name=\"t\">%s</template><template is=\"t\" data=\"{{n: 0}}\"/>", body->str);
  {
    g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
    g_autoptr (GError) error = NULL;
    g_assert_false (fc_page_load (page, NULL, NULL, fxml->str, "index.fxml", NULL, &error));
    g_assert_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_RECURSION);
    g_assert_nonnull (strstr (error->message, "this template would nest elements more than 1024 deep"));
  }
  /* files of 250 levels, each including the next */
  {
    g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
    g_autoptr (GError) error = NULL;
    for (int f = 0; f < 5; f++)
      {
        g_autofree char *path = g_strdup_printf ("d%d.fxml", f);
        g_string_truncate (inc, 0);
        for (int i = 0; i < 250; i++)
          g_string_append (inc, "<view>");
        g_string_append_printf (inc, "<include src=\"d%d.fxml\"/>", f + 1);
        for (int i = 0; i < 250; i++)
          g_string_append (inc, "</view>");
        fc_page_add_file (page, path, inc->str);
      }
    g_assert_false (fc_page_load (page, NULL, NULL, "<include src=\"d0.fxml\"/>", "index.fxml", NULL, &error));
    g_assert_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_RECURSION);
    g_assert_nonnull (strstr (error->message, "this <include> would nest elements more than 1024 deep"));
  }
}

static void
test_error_row (gconstpointer p)
{
  const ErrorRow *row = p;
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i + 1 < G_N_ELEMENTS (row->files) && row->files[i]; i += 2)
    fc_page_add_file (page, row->files[i], row->files[i + 1]);
  g_assert_false (fc_page_load (page, NULL, NULL, row->fxml, "pages/index/index.fxml", NULL, &error));
  g_assert_error (error, FC_BRIDGE_ERROR, row->code);
  if (!strstr (error->message, row->message))
    g_error ("%s: \"%s\" does not say \"%s\"", row->name, error->message, row->message);
}

/* A file of the root folder that is a symlink out of it is refused like
 * `..`; one inside is read. */
static void
test_symlink_out (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fc-templates-XXXXXX", NULL);
  g_autofree char *outside = g_dir_make_tmp ("fc-outside-XXXXXX", NULL);
  g_autofree char *secret = g_build_filename (outside, "secret.fxml", NULL);
  g_autofree char *link = g_build_filename (dir, "link.fxml", NULL);
  g_autofree char *inside = g_build_filename (dir, "in.fxml", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (secret, "<template name=\"s\"><view/></template>", -1, NULL));
  g_assert_true (g_file_set_contents (inside, "<template name=\"i\"><view id=\"in\"/></template>", -1, NULL));
  g_assert_cmpint (symlink (secret, link), ==, 0);
  {
    g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
    fc_page_set_root (page, dir, NULL);
    g_assert_true (fc_page_load (page, NULL, NULL, "<import src=\"/in.fxml\"/><template is=\"i\"/>", "index.fxml",
                                 NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (fc_page_select (page, "#in"));
  }
  {
    g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
    fc_page_set_root (page, dir, NULL);
    g_assert_false (fc_page_load (page, NULL, NULL, "<import src=\"link.fxml\"/>", "index.fxml", NULL, &error));
    g_assert_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_PATH);
    g_assert_nonnull (strstr (error->message, "leaves the mini-program's root"));
  }
  g_unlink (link);
  g_unlink (inside);
  g_unlink (secret);
  g_rmdir (dir);
  g_rmdir (outside);
}

/* mark: merged from the target up; the nearest wins (glass-easel) */
static void
on_event (const FcEvent *event, gpointer user_data)
{
  GString *out = user_data;
  g_autofree char *json = event->mark ? fc_value_to_json (event->mark) : g_strdup ("none");
  g_autoptr (FcValue) v = fc_event_to_value (event);
  g_string_append_printf (out, "%s:%s:%s;", event->handler, json, fc_value_object_get (v, "mark") ? "printed" : "-");
}

typedef struct {
  const char *name;
  const char *fxml;
  const char *target;
  FcEventFlags flags;
  const char *expected;
} MarkRow;

static const MarkRow mark_rows[] = {
  { "target-only", "<view id=\"a\" mark:x=\"1\" bindtap=\"h\"/>", "#a", 0, "h:{\"x\":\"1\"}:printed;" },
  { "merged-nearest-wins", "<view mark:a=\"outer\" mark:o=\"{{ {k: 1} }}\"><view id=\"n\" mark:a=\"inner\" mark:b=\"{{2}}\" bindtap=\"h\"/></view>",
    "#n", 0, "h:{\"a\":\"inner\",\"b\":2,\"o\":{\"k\":1}}:printed;" },
  /* the same mark reaches every handler on the way up */
  { "bubbling", "<view id=\"o\" mark:o=\"1\" bindtap=\"ho\"><view id=\"n\" bindtap=\"h\"/></view>", "#n", FC_EVENT_BUBBLES,
    "h:{\"o\":\"1\"}:printed;ho:{\"o\":\"1\"}:printed;" },
  { "none", "<view id=\"a\" bindtap=\"h\"/>", "#a", 0, "h:none:-;" },
  { "through-template", "<view mark:p=\"page\"><template is=\"t\" data=\"{{ {v: 3} }}\"/></view><template name=\"t\"><view id=\"in\" mark:v=\"{{v}}\" bindtap=\"h\"/></template>",
    "#in", 0, "h:{\"v\":3,\"p\":\"page\"}:printed;" },
};

static void
test_mark_row (gconstpointer p)
{
  const MarkRow *row = p;
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (FcPage) page = NULL;
  g_autoptr (GError) error = NULL;

  fc_callback_scope_set_fallback (scope, on_event, out, NULL);
  page = fc_page_new (NULL, scope);
  g_assert_true (fc_page_load (page, NULL, NULL, row->fxml, "index.fxml", NULL, &error));
  g_assert_no_error (error);
  fc_element_trigger_event (fc_page_select (page, row->target), "tap", NULL, row->flags);
  g_assert_cmpstr (out->str, ==, row->expected);
}

typedef struct {
  const char *selector;
  const char *expected_id; /* NULL: an error of code */
  int code;
} SelectorRow;

static const char selector_page[] =
  "<view id=\"a\" class=\"box\"><text id=\"t1\" class=\"x y\">1</text></view>"
  "<view id=\"b\" class=\"box  row\"><text id=\"t2\" class=\"y\">2</text><button id=\"btn\" class=\"row\"/></view>"
  "<view wx:if=\"{{false}}\" id=\"hidden\" class=\"gone\"/>"
  "<template is=\"t\"/><template name=\"t\"><view id=\"from-template\" class=\"tpl\"/></template>";

static const SelectorRow selector_rows[] = {
  { "#b", "b" },
  { "view", "a" },
  { "text", "t1" },
  { ".y", "t1" },
  { ".row", "b" },
  { "button.row", "btn" },
  { "view.box.row", "b" },
  { "text.y#t2", "t2" },
  { " #a ", "a" },
  { ".tpl", "from-template" },
  { ".gone", NULL, FC_BRIDGE_ERROR_NOT_FOUND },
  { "#nope", NULL, FC_BRIDGE_ERROR_NOT_FOUND },
  { "#a >>> #t1", NULL, FC_BRIDGE_ERROR_NOT_FOUND },
  { "", NULL, FC_BRIDGE_ERROR_SYNTAX },
  { "#", NULL, FC_BRIDGE_ERROR_SYNTAX },
  { "view > text", NULL, FC_BRIDGE_ERROR_SYNTAX },
  { "#a#b", NULL, FC_BRIDGE_ERROR_SYNTAX },
  { "#a >>>", NULL, FC_BRIDGE_ERROR_SYNTAX },
  { "[x]", NULL, FC_BRIDGE_ERROR_SYNTAX },
};

static void
test_selector_row (gconstpointer p)
{
  const SelectorRow *row = p;
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  FcElement *el;

  g_assert_true (fc_page_load (page, NULL, NULL, selector_page, "index.fxml", NULL, &error));
  el = fc_page_query (page, row->selector, &error);
  if (row->expected_id)
    {
      g_assert_no_error (error);
      g_assert_nonnull (el);
      g_assert_cmpstr (fc_element_get_id (el), ==, row->expected_id);
    }
  else
    {
      g_assert_null (el);
      g_assert_error (error, FC_BRIDGE_ERROR, row->code);
    }
}

/* How often warnings about markup built again and again are given: an
 * unknown attribute of an element and of a <template is>, and a wx:elif
 * with no wx:if before it, at each mount of their node; a <template is>
 * data that does not read, once per node. What a node's markup says is
 * read once per node (its plan, fc-element-tree.c; its template use,
 * fc-template-instance.c): the warnings stay as many as each mount read
 * it. */
static guint
count_in (const GString *warnings, const char *what)
{
  guint n = 0;
  for (const char *p = warnings->str; (p = strstr (p, what)); p += strlen (what))
    n++;
  return n;
}

static void
test_warning_counts (void)
{
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (FcValue) data = fc_value_from_json ("{\"list\":[1,2,3]}", NULL);
  g_autoptr (FcValue) more = fc_value_from_json ("{\"list\":[1,2,3,4,5]}", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) warnings = g_string_new (NULL);
  g_autoptr (GString) out = g_string_new (NULL);
  const char *fxml = "<template name=\"t\"><text>[{{k}}]</text></template>"
                     "<view wx:for=\"{{list}}\">"
                     "<template is=\"t\" data=\"k{{2}}\" colour=\"red\"/>"
                     "<view colour=\"blue\"/>"
                     "<text wx:elif=\"{{item}}\">e</text>"
                     "</view>";

  g_signal_connect (page, "warning", G_CALLBACK (on_warning), warnings);
  g_assert_true (fc_page_load (page, NULL, NULL, fxml, "pages/index/index.fxml", data, &error));
  g_assert_no_error (error);
  fc_test_dump_element (fc_page_get_root (page), out);
  g_assert_cmpstr (out->str, ==, "page(view(text('[]') view text('e')) view(text('[]') view text('e')) "
                                 "view(text('[]') view text('e')))");
  g_assert_cmpstr (warnings->str, ==,
                   "pages/index/index.fxml:1:92: <template is> data \"k{{2}}\" is not an object's items: the data is empty\n"
                   "pages/index/index.fxml:1:106: unknown attribute \"colour\" on <template is>\n"
                   "pages/index/index.fxml:1:126: unknown attribute \"colour\" on <view>\n"
                   "pages/index/index.fxml:1:147: wx:elif without a wx:if before it\n"
                   "pages/index/index.fxml:1:106: unknown attribute \"colour\" on <template is>\n"
                   "pages/index/index.fxml:1:126: unknown attribute \"colour\" on <view>\n"
                   "pages/index/index.fxml:1:147: wx:elif without a wx:if before it\n"
                   "pages/index/index.fxml:1:106: unknown attribute \"colour\" on <template is>\n"
                   "pages/index/index.fxml:1:126: unknown attribute \"colour\" on <view>\n"
                   "pages/index/index.fxml:1:147: wx:elif without a wx:if before it\n");
  /* two items more: two mounts more of each node */
  g_assert_true (fc_page_set_data (page, more, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_in (warnings, "unknown attribute \"colour\" on <template is>"), ==, 5);
  g_assert_cmpuint (count_in (warnings, "unknown attribute \"colour\" on <view>"), ==, 5);
  g_assert_cmpuint (count_in (warnings, "wx:elif without a wx:if before it"), ==, 5);
  g_assert_cmpuint (count_in (warnings, "is not an object's items"), ==, 1);
  g_assert_cmpuint (count_in (warnings, "\n"), ==, 16);
}

/* A component's <template is> in a page with no templates of its own:
 * no template to show (the page's markup names them), its data read as
 * anywhere else (was a critical: the page's markup kept what the data
 * reads as, and there was none), its warnings as often; the elements of
 * a component's template warn at each instance (their plans are the
 * component's) */
static void
test_component_template_is (void)
{
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (FcValue) data = fc_value_from_json ("{}", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) warnings = g_string_new (NULL);
  g_autoptr (GString) out = g_string_new (NULL);

  g_signal_connect (page, "warning", G_CALLBACK (on_warning), warnings);
  fc_page_add_file (page, "components/c/c.json", "{\"component\":true}");
  fc_page_add_file (page, "components/c/c.fxml",
                    "<template is=\"t\" data=\"x{{1}}\" colour=\"red\"/><text>c</text><view colour=\"blue\"/>"
                    "<text wx:else=\"\">e</text>");
  g_assert_true (fc_page_load (page, NULL, "{\"usingComponents\":{\"c\":\"/components/c/c\"}}", "<c/><c/>",
                               "pages/index/index.fxml", data, &error));
  g_assert_no_error (error);
  fc_test_dump_element (fc_page_get_root (page), out);
  g_assert_cmpstr (out->str, ==, "page(c{text('c') view text('e')} c{text('c') view text('e')})");
  /* every warning names the component's file, where its line and column are */
  g_assert_cmpuint (count_in (warnings, "components/c/c.fxml:1:66: unknown attribute \"colour\" on <view>"), ==, 2);
  g_assert_cmpuint (count_in (warnings, "components/c/c.fxml:1:87: wx:else without a wx:if before it"), ==, 2);
  g_assert_cmpuint (count_in (warnings, "components/c/c.fxml:1:32: unknown attribute \"colour\" on <template is>"), ==, 2);
  g_assert_cmpuint (count_in (warnings, "components/c/c.fxml:1:11: no template named \"t\""), ==, 2);
  g_assert_cmpuint (count_in (warnings, "components/c/c.fxml:1:18: <template is> data \"x{{1}}\" is not an object's items"), ==, 1);
  g_assert_cmpuint (count_in (warnings, "pages/index/index.fxml"), ==, 0);
  g_assert_cmpuint (count_in (warnings, "\n"), ==, 9);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/templates/%s", rows[i].name);
      g_test_add_data_func (path, &rows[i], test_row);
    }
  for (guint i = 0; i < G_N_ELEMENTS (error_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/templates/error/%s", error_rows[i].name);
      g_test_add_data_func (path, &error_rows[i], test_error_row);
    }
  g_test_add_func ("/templates/symlink-out", test_symlink_out);
  g_test_add_func ("/templates/too-deep", test_too_deep);
  g_test_add_func ("/templates/warning-counts", test_warning_counts);
  g_test_add_func ("/templates/component-template-is", test_component_template_is);
  for (guint i = 0; i < G_N_ELEMENTS (mark_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mark/%s", mark_rows[i].name);
      g_test_add_data_func (path, &mark_rows[i], test_mark_row);
    }
  for (guint i = 0; i < G_N_ELEMENTS (selector_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/selector/%u", i);
      g_test_add_data_func (path, &selector_rows[i], test_selector_row);
    }
  return g_test_run ();
}
