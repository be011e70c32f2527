/* Components defined by their own markup: shadow trees, properties from
 * the JSON, slots, model:, generic:, events across the shadow boundary,
 * and the errors of bad components. Expected values are glass-easel
 * 0.12.1's, taken with its oracle (/work/shared/glass-easel-oracle) on the
 * same cases: dumps of properties, handler calls with target and
 * currentTarget, which slot content goes to. */
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <fc-bridge.h>

#include "common/fc-test-tree.h"

typedef struct {
  const char *path; /* from the root, without the suffix */
  const char *json;
  const char *fxml;
} File;

#define CARD "components/card/card"

static void
on_warning (FcPage *page, const char *message, GString *out)
{
  g_string_append_printf (out, "%s\n", message);
}

static void
on_handler (const FcEvent *ev, gpointer user_data)
{
  GString *log = user_data;
  const char *component = fc_event_get_component (ev);
  if (log->len)
    g_string_append_c (log, ' ');
  g_string_append_printf (log, "%s@%s/%s", ev->handler, fc_element_get_id (ev->current_target),
                          fc_element_get_id (ev->target));
  if (component)
    g_string_append_printf (log, "[%s]", component);
}

static FcPage *
load (const File *files, const char *page_json, const char *fxml, const char *data, GString *log,
      GString *warnings, FcRegistry *registry, GError **error)
{
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcValue) d = data ? fc_value_from_json (data, NULL) : NULL;
  FcPage *page;

  fc_callback_scope_set_fallback (scope, on_handler, log, NULL);
  page = fc_page_new (registry, scope);
  if (warnings)
    g_signal_connect (page, "warning", G_CALLBACK (on_warning), warnings);
  for (const File *f = files; f && f->path; f++)
    {
      g_autofree char *j = g_strdup_printf ("%s.json", f->path);
      g_autofree char *x = g_strdup_printf ("%s.fxml", f->path);
      if (f->json)
        fc_page_add_file (page, j, f->json);
      if (f->fxml)
        fc_page_add_file (page, x, f->fxml);
    }
  if (!fc_page_load (page, NULL, page_json, fxml, "pages/index/index.fxml", d, error))
    g_clear_object (&page);
  return page;
}

static char *
dump_page (FcPage *page)
{
  GString *out = g_string_new (NULL);
  FcElement *root = fc_page_get_root (page);
  for (guint i = 0; i < fc_element_get_n_children (root); i++)
    {
      if (out->len)
        g_string_append_c (out, ' ');
      fc_test_dump_element (fc_element_get_child (root, i), out);
    }
  return g_string_free (out, FALSE);
}

static FcElement *
find_id (FcElement *el, const char *id)
{
  FcElement *r;
  if (g_strcmp0 (fc_element_get_id (el), id) == 0)
    return el;
  for (guint i = 0; i < fc_element_get_n_children (el); i++)
    if ((r = find_id (fc_element_get_child (el, i), id)))
      return r;
  return NULL;
}

/* `#a` on the page, `#a>#b` #b in #a's template */
static FcElement *
find (FcPage *page, const char *sel)
{
  g_auto (GStrv) parts = g_strsplit (sel, ">", -1);
  FcElement *el = fc_page_select (page, parts[0]);
  for (guint i = 1; el && parts[i]; i++)
    el = fc_element_get_shadow_root (el) ? find_id (fc_element_get_shadow_root (el), parts[i] + 1) : NULL;
  return el;
}

/* ------------------------------------------------------------ trees */

typedef struct {
  const char *name;
  File files[4]; /* components/X/X.json and .fxml */
  const char *page_json;
  const char *fxml;
  const char *data;
  const char *steps[4];    /* setData objects; "#id {…}" the component #id sets its own data */
  const char *expected[5]; /* the tree after mount and after each step */
  const char *dumps[5];    /* "#sel" → its properties after mount and each step, or NULL */
  const char *dump_sel;
} TreeRow;

#define USING_CARD "{\"usingComponents\":{\"card\":\"../../components/card/card\"}}"

static const TreeRow tree_rows[] = {
  { "properties-from-json",
    { { CARD, "{\"component\":true,\"properties\":{\"n\":{\"type\":\"Number\",\"value\":1},\"label\":\"String\"}}",
        "<text id=\"t\">{{label}}:{{n}}</text>" } },
    USING_CARD, "<card id=\"c\" n=\"{{a}}\" label=\"L{{a}}\"/><card id=\"d\"/>", "{\"a\":3}",
    { "{\"a\":4}" },
    { "card#c{text#t('L3:3')} card#d{text#t(':1')}", "card#c{text#t('L4:4')} card#d{text#t(':1')}" },
    { "{\"n\":3,\"label\":\"L3\"}", "{\"n\":4,\"label\":\"L4\"}" }, "#c" },
  /* the JSON's data beside the properties (this bridge's convention) */
  { "json-data",
    { { CARD, "{\"component\":true,\"properties\":{\"n\":\"Number\"},\"data\":{\"unit\":\"kg\"}}",
        "<text>{{n}}{{unit}}</text>" } },
    USING_CARD, "<card n=\"{{a}}\"/>", "{\"a\":2}", { NULL }, { "card{text('2kg')}" } },
  /* a template sees its own data only, not the page's */
  { "no-page-data",
    { { CARD, "{\"component\":true}", "<text>[{{a}}]</text>" } },
    USING_CARD, "<card/>", "{\"a\":2}", { NULL }, { "card{text('[]')}" } },
  { "nested-relative",
    { { CARD, "{\"component\":true,\"properties\":{\"n\":\"Number\"},\"usingComponents\":{\"inner\":\"../inner/inner\"}}",
        "<inner id=\"in\" v=\"{{n * 2}}\"/>" },
      { "components/inner/inner", "{\"component\":true,\"properties\":{\"v\":\"Number\"}}", "<text>{{v}}</text>" } },
    USING_CARD, "<card id=\"c\" n=\"{{a}}\"/>", "{\"a\":3}", { "{\"a\":4}" },
    { "card#c{inner#in{text('6')}}", "card#c{inner#in{text('8')}}" }, { "{\"v\":6}", "{\"v\":8}" }, "#c>#in" },
  { "default-slot",
    { { CARD, "{\"component\":true}", "<view id=\"w\"><slot/></view>" } },
    USING_CARD, "<card id=\"c\"><text>{{a}}</text><view id=\"s\"/></card>", "{\"a\":1}", { "{\"a\":2}" },
    { "card#c{view#w(slot(text('1') view#s))}", "card#c{view#w(slot(text('2') view#s))}" } },
  /* glass-easel: with multipleSlots each node goes to the first slot of
   * its slot="" name, content no slot names is dropped; without, all of
   * it goes to the first slot, whatever its name */
  { "named-slots",
    { { CARD, "{\"component\":true,\"options\":{\"multipleSlots\":true}}",
        "<view id=\"A\"><slot name=\"a\"/></view><view id=\"D\"><slot/></view><view id=\"D2\"><slot/></view>" } },
    USING_CARD, "<card><view id=\"x\" slot=\"a\"/><view id=\"y\"/><view id=\"z\" slot=\"nope\"/></card>", NULL,
    { NULL }, { "card{view#A(slot(view#x)) view#D(slot(view#y)) view#D2(slot)}" } },
  { "single-slot-mode",
    { { CARD, "{\"component\":true}",
        "<view id=\"A\"><slot name=\"a\"/></view><view id=\"D\"><slot/></view>" } },
    USING_CARD, "<card><view id=\"x\" slot=\"a\"/><view id=\"y\"/><view id=\"z\" slot=\"nope\"/></card>", NULL,
    { NULL }, { "card{view#A(slot(view#x view#y view#z)) view#D(slot)}" } },
  /* a slot a wx:if shows later takes the content then; gone and back, it builds it again */
  { "slot-in-if",
    { { CARD, "{\"component\":true,\"properties\":{\"open\":\"Boolean\"}}",
        "<view wx:if=\"{{open}}\" id=\"o\"><slot/></view><text>t</text>" } },
    USING_CARD, "<card open=\"{{o}}\"><text>{{a}}</text></card>", "{\"o\":false,\"a\":1}",
    { "{\"o\":true}", "{\"a\":2}", "{\"o\":false}", "{\"o\":true}" },
    { "card{text('t')}", "card{view#o(slot(text('1'))) text('t')}", "card{view#o(slot(text('2'))) text('t')}",
      "card{text('t')}", "card{view#o(slot(text('2'))) text('t')}" } },
  /* directives on the <slot> itself are directives, not unknown
   * attributes (the corpus: 727 warnings before) */
  { "directive-on-slot",
    { { CARD, "{\"component\":true,\"properties\":{\"open\":\"Boolean\"}}",
        "<view id=\"w\"><slot wx:if=\"{{open}}\"/></view>" } },
    USING_CARD, "<card open=\"{{o}}\"><text>{{a}}</text></card>", "{\"o\":false,\"a\":1}",
    { "{\"o\":true}" },
    { "card{view#w}", "card{view#w(slot(text('1')))}" } },
  /* a template's slot given on to a component it uses */
  { "slot-passed-on",
    { { CARD, "{\"component\":true,\"usingComponents\":{\"inner\":\"../inner/inner\"}}",
        "<inner><view id=\"mine\"><slot/></view></inner>" },
      { "components/inner/inner", "{\"component\":true}", "<view id=\"iw\"><slot/></view>" } },
    USING_CARD, "<card><text>{{a}}</text></card>", "{\"a\":1}", { "{\"a\":3}" },
    { "card{inner{view#iw(slot(view#mine(slot(text('1')))))}}", "card{inner{view#iw(slot(view#mine(slot(text('3')))))}}" } },
  { "slot-content-in-for",
    { { CARD, "{\"component\":true,\"properties\":{\"n\":\"Number\"}}", "<text>{{n}}</text><slot/>" } },
    USING_CARD, "<card wx:for=\"{{list}}\" n=\"{{item.n}}\"><text>{{item.t}}{{index}}</text></card>",
    "{\"list\":[{\"n\":1,\"t\":\"a\"},{\"n\":2,\"t\":\"b\"}]}", { "{\"list[1].t\":\"c\"}", "{\"list[0].n\":7}" },
    { "card{text('1') slot(text('a0'))} card{text('2') slot(text('b1'))}",
      "card{text('1') slot(text('a0'))} card{text('2') slot(text('c1'))}",
      "card{text('7') slot(text('a0'))} card{text('2') slot(text('c1'))}" } },
  { "if-in-template",
    { { CARD, "{\"component\":true,\"properties\":{\"open\":\"Boolean\"}}",
        "<view wx:if=\"{{open}}\" id=\"o\">open</view><view wx:else id=\"x\">closed</view>" } },
    USING_CARD, "<card open=\"{{o}}\"/>", "{\"o\":false}", { "{\"o\":true}" },
    { "card{view#x('closed')}", "card{view#o('open')}" } },
  /* a component that sets its own data */
  { "component-set-data",
    { { CARD, "{\"component\":true,\"properties\":{\"n\":\"Number\"},\"data\":{\"s\":\"a\"}}",
        "<text>{{n}}{{s}}</text>" } },
    USING_CARD, "<card id=\"c\" n=\"{{a}}\"/>", "{\"a\":1}", { "#c {\"s\":\"b\",\"n\":5}", "{\"a\":6}" },
    { "card#c{text('1a')}", "card#c{text('5b')}", "card#c{text('6b')}" },
    { "{\"n\":1}", "{\"n\":5}", "{\"n\":6}" }, "#c" },
  /* glass-easel: the page setting the same value again overrides the component's own change */
  { "page-sets-again",
    { { CARD, "{\"component\":true,\"properties\":{\"n\":\"Number\"}}", "<text>{{n}}</text>" } },
    USING_CARD, "<card id=\"e\" n=\"{{b}}\"/>", "{\"b\":7}", { "#e {\"n\":1}", "{\"b\":7}", "#e {\"n\":2}", "{\"c\":7}" },
    { "card#e{text('7')}", "card#e{text('1')}", "card#e{text('7')}", "card#e{text('2')}", "card#e{text('2')}" },
    { "{\"n\":7}", "{\"n\":1}", "{\"n\":7}", "{\"n\":2}", "{\"n\":2}" }, "#e" },
  /* model: writes the component's change to the page's path (glass-easel) */
  { "model",
    { { CARD, "{\"component\":true,\"properties\":{\"n\":\"Number\",\"label\":\"String\"}}", "<text>{{n}}</text>" } },
    USING_CARD, "<card id=\"d\" model:n=\"{{b}}\"/><card id=\"e\" n=\"{{b}}\"/><card id=\"f\" model:label=\"{{x.s}}\"/>"
    "<text>{{x.s}}</text>",
    "{\"b\":7,\"x\":{\"s\":\"q\"}}", { "#d {\"n\":9}", "#f {\"label\":\"new\"}", "#e {\"n\":1}" },
    { "card#d{text('7')} card#e{text('7')} card#f{text('0')} text('q')",
      "card#d{text('9')} card#e{text('9')} card#f{text('0')} text('q')",
      "card#d{text('9')} card#e{text('9')} card#f{text('0')} text('new')",
      "card#d{text('9')} card#e{text('1')} card#f{text('0')} text('new')" },
    { "{\"n\":7,\"label\":\"\"}", "{\"n\":9,\"label\":\"\"}", "{\"n\":9,\"label\":\"\"}", "{\"n\":9,\"label\":\"\"}" },
    "#d" },
  /* generic:NAME gives the abstract node's implementation, else its default */
  { "generics",
    { { CARD, "{\"component\":true,\"properties\":{\"n\":\"Number\"},\"componentGenerics\":{\"item\":true,"
              "\"other\":{\"default\":\"../def/def\"}}}",
        "<item id=\"it\" v=\"{{n}}\"/><other id=\"ot\" w=\"{{n + 1}}\"/>" },
      { "components/impl/impl", "{\"component\":true,\"properties\":{\"v\":\"Number\"}}", "<text>i{{v}}</text>" },
      { "components/def/def", "{\"component\":true,\"properties\":{\"w\":\"String\"}}", "<text>d{{w}}</text>" } },
    "{\"usingComponents\":{\"card\":\"/components/card/card\",\"impl\":\"/components/impl/impl\"}}",
    "<card id=\"c\" n=\"{{a}}\" generic:item=\"impl\"/>", "{\"a\":2}", { "{\"a\":5}" },
    { "card#c{item#it{text('i2')} other#ot{text('d3')}}", "card#c{item#it{text('i5')} other#ot{text('d6')}}" },
    { "{\"w\":\"3\"}", "{\"w\":\"6\"}" }, "#c>#ot" },
  /* each use's generic:item is its own, also where two uses are built
   * from the same stack frame (a tag cache keyed by the made-up node
   * resolved the second to the first's implementation) */
  { "generics-per-use",
    { { CARD, "{\"component\":true,\"componentGenerics\":{\"item\":true}}", "<item id=\"it\"/>" },
      { "components/impl/impl", "{\"component\":true}", "<text>one</text>" },
      { "components/impl2/impl2", "{\"component\":true}", "<text>two</text>" } },
    "{\"usingComponents\":{\"card\":\"/components/card/card\",\"impl\":\"/components/impl/impl\","
    "\"impl2\":\"/components/impl2/impl2\"}}",
    "<card id=\"c\" generic:item=\"impl\"/><card id=\"d\" generic:item=\"impl2\"/><card id=\"e\" generic:item=\"impl\"/>",
    NULL, { NULL },
    { "card#c{item#it{text('one')}} card#d{item#it{text('two')}} card#e{item#it{text('one')}}" } },
  /* a recursive component ends where its wx:if does */
  { "recursion-with-end",
    { { CARD, "{\"component\":true,\"properties\":{\"n\":\"Number\"},\"usingComponents\":{\"card\":\"./card\"}}",
        "<text>{{n}}</text><card wx:if=\"{{n > 0}}\" n=\"{{n - 1}}\"/>" } },
    USING_CARD, "<card n=\"{{a}}\"/>", "{\"a\":2}", { "{\"a\":1}" },
    { "card{text('2') card{text('1') card{text('0')}}}", "card{text('1') card{text('0')}}" } },
  { "for-in-template",
    { { CARD, "{\"component\":true,\"properties\":{\"list\":\"Array\"}}",
        "<text wx:for=\"{{list}}\" wx:key=\"*this\">{{index}}{{item}}</text>" } },
    USING_CARD, "<card list=\"{{l}}\"/>", "{\"l\":[\"a\"]}", { "{\"l\":[\"a\",\"b\"]}", "{\"l[1]\":\"c\"}", "{\"l\":[]}" },
    { "card{text('0a')}", "card{text('0a') text('1b')}", "card{text('0a') text('1c')}", "card{}" } },
  /* a template's <wxs> modules are its own: the same name in the page or
   * another component is another module (glass-easel: -6, then -8) */
  { "wxs-modules",
    { { CARD, "{\"component\":true,\"properties\":{\"n\":\"Number\"},\"usingComponents\":{\"inner\":\"../inner/inner\"}}",
        "<wxs module=\"u\" src=\"../../utils/u.wxs\"/><wxs module=\"m\">module.exports = { twice: function (x) { return x * 2 } }</wxs>"
        "<text>{{u.label(n)}} {{m.twice(n)}}</text><inner id=\"i\" v=\"{{m.twice(n)}}\"/>" },
      { "components/inner/inner", "{\"component\":true,\"properties\":{\"v\":\"Number\"}}",
        "<wxs module=\"m\">module.exports = { twice: function (x) { return x + 100 } }</wxs><text>{{m.twice(v)}}</text>" } },
    USING_CARD, "<wxs module=\"m\">module.exports = { twice: function (x) { return -x } }</wxs><card id=\"c\" n=\"{{m.twice(a)}}\"/>",
    "{\"a\":3}", { "{\"a\":4}" },
    { "card#c{text('n=-3 -6') inner#i{text('94')}}", "card#c{text('n=-4 -8') inner#i{text('92')}}" },
    { "{\"v\":-6}", "{\"v\":-8}" }, "#c>#i" },
  /* the platform's suffix and an npm package */
  { "wxml-and-npm",
    { { "miniprogram_npm/ui/card/card", "{\"component\":true}", NULL },
      { "pages/index/local", "{\"component\":true}", NULL } },
    "{\"usingComponents\":{\"card\":\"ui/card/card\",\"local\":\"local\"}}", "<card/><local/>", NULL, { NULL },
    { "card{text('npm')} local{text('here')}" } },
};

static void
test_tree (gconstpointer data)
{
  const TreeRow *row = data;
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (GString) warnings = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = NULL;
  g_autofree char *tree = NULL;

  if (g_str_equal (row->name, "wxml-and-npm"))
    {
      /* files by hand: a .wxml template and a bare path */
      g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
      page = fc_page_new (NULL, scope);
      for (const File *f = row->files; f->path; f++)
        {
          g_autofree char *j = g_strdup_printf ("%s.json", f->path);
          fc_page_add_file (page, j, f->json);
        }
      fc_page_add_file (page, "miniprogram_npm/ui/card/card.wxml", "<text>npm</text>");
      fc_page_add_file (page, "pages/index/local.wxml", "<text>here</text>");
      g_assert_true (fc_page_load (page, NULL, row->page_json, row->fxml, "pages/index/index.fxml", NULL, &error));
    }
  else if (g_str_equal (row->name, "wxs-modules"))
    {
      g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
      g_autoptr (FcValue) d = fc_value_from_json (row->data, NULL);
      page = fc_page_new (NULL, scope);
      g_signal_connect (page, "warning", G_CALLBACK (on_warning), warnings);
      for (const File *f = row->files; f->path; f++)
        {
          g_autofree char *j = g_strdup_printf ("%s.json", f->path);
          g_autofree char *x = g_strdup_printf ("%s.fxml", f->path);
          fc_page_add_file (page, j, f->json);
          fc_page_add_file (page, x, f->fxml);
        }
      fc_page_add_file (page, "utils/u.wxs", "module.exports = { label: function (n) { return 'n=' + n } }");
      g_assert_true (fc_page_load (page, NULL, row->page_json, row->fxml, "pages/index/index.fxml", d, &error));
    }
  else
    page = load (row->files, row->page_json, row->fxml, row->data, log, warnings, NULL, &error);
  g_assert_no_error (error);
  tree = dump_page (page);
  g_assert_cmpstr (tree, ==, row->expected[0]);
  if (row->dump_sel && row->dumps[0])
    {
      g_autoptr (FcValue) props = fc_element_dup_properties (find (page, row->dump_sel));
      g_autofree char *j = fc_value_to_json (props);
      g_assert_cmpstr (j, ==, row->dumps[0]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (row->steps) && row->steps[i]; i++)
    {
      const char *step = row->steps[i];
      g_autofree char *after = NULL;
      if (step[0] == '#')
        {
          g_autofree char *sel = g_strndup (step, strchr (step, ' ') - step);
          g_autoptr (FcValue) v = fc_value_from_json (strchr (step, ' ') + 1, NULL);
          g_assert_true (fc_element_set_component_data (find (page, sel), v, &error));
        }
      else
        {
          g_autoptr (FcValue) v = fc_value_from_json (step, NULL);
          g_assert_true (fc_page_set_data (page, v, &error));
        }
      g_assert_no_error (error);
      after = dump_page (page);
      g_assert_cmpstr (after, ==, row->expected[i + 1]);
      if (row->dump_sel && row->dumps[i + 1])
        {
          g_autoptr (FcValue) props = fc_element_dup_properties (find (page, row->dump_sel));
          g_autofree char *j = fc_value_to_json (props);
          g_assert_cmpstr (j, ==, row->dumps[i + 1]);
        }
    }
  g_assert_cmpstr (warnings->str, ==, "");
}

/* ------------------------------------------------------------ events */

typedef struct {
  const char *name;
  const char *card_fxml;
  const char *fxml;
  const char *target; /* "#a" or "#a>#b" */
  FcEventFlags flags;
  const char *expected; /* handler@currentTarget/target[component] ... */
} EventRow;

#define EV_CARD "<view id=\"w\" bindtap=\"inner\"><view id=\"w2\" bindtap=\"inner2\"><slot id=\"sl\"/></view></view>"
#define EV_PAGE "<view id=\"o\" bindtap=\"outer\"><card id=\"c\" bindtap=\"onHost\"><view id=\"s\" bindtap=\"slotTap\"/></card></view>"
#define C "[/components/card/card]"

/* glass-easel: a bubbling event stays in its tree (the slot's elements
 * are passed over, the shadow root ends it) unless composed; a listener
 * sees the target as the element of its own tree around it */
static const EventRow event_rows[] = {
  { "slot-content-bubbles", EV_CARD, EV_PAGE, "#s", FC_EVENT_BUBBLES, "slotTap@s/s onHost@c/s outer@o/s" },
  { "slot-content-composed", EV_CARD, EV_PAGE, "#s", FC_EVENT_BUBBLES | FC_EVENT_COMPOSED,
    "slotTap@s/s inner2@w2/sl" C " inner@w/sl" C " onHost@c/s outer@o/s" },
  { "inner-bubbles", EV_CARD, EV_PAGE, "#c>#w2", FC_EVENT_BUBBLES, "inner2@w2/w2" C " inner@w/w2" C },
  { "inner-composed", EV_CARD, EV_PAGE, "#c>#w2", FC_EVENT_BUBBLES | FC_EVENT_COMPOSED,
    "inner2@w2/w2" C " inner@w/w2" C " onHost@c/c outer@o/c" },
  { "inner-composed-not-bubbling", EV_CARD, EV_PAGE, "#c>#w2", FC_EVENT_COMPOSED, "inner2@w2/w2" C },
  { "host-bubbles", EV_CARD, EV_PAGE, "#c", FC_EVENT_BUBBLES, "onHost@c/c outer@o/c" },
  { "host-alone", EV_CARD, EV_PAGE, "#c", FC_EVENT_NONE, "onHost@c/c" },
  { "capture", EV_CARD,
    "<view id=\"o\" capture-bind:tap=\"capO\" bindtap=\"outer\"><card id=\"c\"><view id=\"s\" bindtap=\"slotTap\"/></card></view>",
    "#s", FC_EVENT_BUBBLES | FC_EVENT_COMPOSED | FC_EVENT_CAPTURE_PHASE,
    "capO@o/s slotTap@s/s inner2@w2/sl" C " inner@w/sl" C " outer@o/s" },
  { "catch-inside", "<view id=\"w\" catchtap=\"stop\"><slot/></view>", EV_PAGE, "#s",
    FC_EVENT_BUBBLES | FC_EVENT_COMPOSED, "slotTap@s/s stop@w/" C },
};

static void
test_event (gconstpointer data)
{
  const EventRow *row = data;
  const File files[] = { { CARD, "{\"component\":true}", row->card_fxml }, { NULL } };
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = load (files, USING_CARD, row->fxml, NULL, log, NULL, NULL, &error);
  FcElement *el;

  g_assert_no_error (error);
  el = find (page, row->target);
  g_assert_nonnull (el);
  fc_element_trigger_event (el, "tap", NULL, row->flags);
  g_assert_cmpstr (log->str, ==, row->expected);
}

/* A component with native code: the properties its class declares, the
 * callbacks its class registered for its template's handlers. */
static void
test_native_callbacks (void)
{
  const File files[] = { { CARD, "{\"component\":true,\"properties\":{\"ignored\":\"String\"}}",
                           "<view id=\"w\" bindtap=\"own\"><slot/></view>" },
                         { NULL } };
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcComponentClass) k = fc_component_class_new ("card");
  g_autoptr (FcCallbackScope) own = fc_callback_scope_new ();
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (GString) own_log = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = NULL;
  g_autoptr (FcValue) props = NULL;
  g_autofree char *j = NULL;

  fc_component_class_add_property (k, "n", FC_PROPERTY_NUMBER, 0, NULL, FALSE);
  fc_callback_scope_add_callback (own, "own", on_handler, own_log, NULL);
  fc_component_class_set_callbacks (k, own);
  fc_registry_add_component (registry, "/components/card/card", k);
  page = load (files, USING_CARD, "<card id=\"c\" n=\"3\" bindtap=\"outer\"><view id=\"s\"/></card>", NULL, log,
               NULL, registry, &error);
  g_assert_no_error (error);
  props = fc_element_dup_properties (find (page, "#c"));
  j = fc_value_to_json (props);
  g_assert_cmpstr (j, ==, "{\"n\":3}");
  fc_element_trigger_event (find (page, "#s"), "tap", NULL, FC_EVENT_BUBBLES | FC_EVENT_COMPOSED);
  g_assert_cmpstr (own_log->str, ==, "own@w/" C); /* the target as its tree sees it: the slot */
  g_assert_cmpstr (log->str, ==, "outer@c/s");
}

/* ------------------------------------------------------------ errors */

typedef struct {
  const char *name;
  File files[3];
  const char *page_json;
  const char *fxml;
  int code;             /* FcBridgeError, or -1: loads, with a warning */
  const char *message;  /* in the error's message, or the warnings */
  const char *step;     /* "#id {…}": a componentSetData after loading */
} ErrorRow;

static const ErrorRow error_rows[] = {
  { "no-json", { { CARD, NULL, "<view/>" } }, USING_CARD, "<card/>", FC_BRIDGE_ERROR_BAD_COMPONENT,
    "pages/index/index.fxml:1:1: component /components/card/card has components/card/card.fxml but no "
    "components/card/card.json" },
  { "bad-json", { { CARD, "{\"component\":true,", "<view/>" } }, USING_CARD, "<card/>", FC_BRIDGE_ERROR_BAD_JSON,
    "components/card/card.json:1:" },
  { "not-a-component", { { CARD, "{\"properties\":{}}", "<view/>" } }, USING_CARD, "<card/>",
    FC_BRIDGE_ERROR_BAD_COMPONENT, "components/card/card.json is not a component's JSON: it needs \"component\": true" },
  { "bad-fxml", { { CARD, "{\"component\":true}", "<view>" } }, USING_CARD, "<card/>", FC_BRIDGE_ERROR_UNCLOSED_TAG,
    "components/card/card.fxml:1:1" },
  { "bad-property-type", { { CARD, "{\"component\":true,\"properties\":{\"n\":\"Int\"}}", "<view/>" } }, USING_CARD,
    "<card/>", FC_BRIDGE_ERROR_BAD_COMPONENT,
    "components/card/card.json: property \"n\": type \"Int\" is not one of" },
  { "bad-optional-types",
    { { CARD, "{\"component\":true,\"properties\":{\"n\":{\"type\":\"Number\",\"optionalTypes\":\"String\"}}}",
        "<view/>" } },
    USING_CARD, "<card/>", FC_BRIDGE_ERROR_BAD_COMPONENT, "property \"n\": type \"String\" is not one of" },
  { "properties-not-object", { { CARD, "{\"component\":true,\"properties\":[1]}", "<view/>" } }, USING_CARD,
    "<card/>", FC_BRIDGE_ERROR_BAD_COMPONENT, "\"properties\" must be an object" },
  { "missing-component", { { NULL } }, USING_CARD, "<card/>", FC_BRIDGE_ERROR_UNKNOWN_COMPONENT,
    "<card> is \"../../components/card/card\" in usingComponents, which resolves to no component" },
  { "leaves-root", { { NULL } }, "{\"usingComponents\":{\"card\":\"../../../../etc/card\"}}", "<card/>",
    FC_BRIDGE_ERROR_BAD_COMPONENT, "component \"../../../../etc/card\"" },
  { "bad-expression-inside", { { CARD, "{\"component\":true}", "<view>\n  <view a=\"{{1 +}}\"/></view>" } },
    USING_CARD, "<card/>", FC_BRIDGE_ERROR_BAD_EXPRESSION, "components/card/card.fxml:2:17: bad expression \"1 +\"" },
  { "contains-itself",
    { { CARD, "{\"component\":true,\"usingComponents\":{\"card\":\"./card\"}}", "<view><card/></view>" } },
    USING_CARD, "<card/>", FC_BRIDGE_ERROR_BAD_COMPONENT, "a component that contains itself needs a wx:if" },
  { "generic-without-implementation",
    { { CARD, "{\"component\":true,\"componentGenerics\":{\"item\":true}}", "<item/>" } }, USING_CARD, "<card/>",
    FC_BRIDGE_ERROR_UNKNOWN_COMPONENT, "<item> is a generic of /components/card/card (componentGenerics) with no default" },
  { "wrong-property-value", { { CARD, "{\"component\":true,\"properties\":{\"n\":\"Number\"}}", "<view/>" } },
    USING_CARD, "<card n=\"abc\"/>", -1, "property \"n\" expects Number, got \"abc\"; using default" },
  { "model-not-a-path", { { CARD, "{\"component\":true,\"properties\":{\"n\":\"Number\"}}", "<view/>" } },
    USING_CARD, "<card id=\"c\" model:n=\"{{a + 1}}\"/>", -1, "model:n needs a data path", "#c {\"n\":5}" },
  { "set-data-not-a-component", { { NULL } }, NULL, "<view id=\"c\"/>", -2,
    "<view> is not a component with a template of its own", "#c {\"n\":2}" },
};

static void
test_error (gconstpointer data)
{
  const ErrorRow *row = data;
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (GString) warnings = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = load (row->files, row->page_json, row->fxml, "{\"a\":1}", log, warnings, NULL, &error);

  if (row->code >= 0)
    {
      g_assert_null (page);
      g_assert_error (error, FC_BRIDGE_ERROR, row->code);
      if (!strstr (error->message, row->message))
        g_error ("%s: \"%s\" is not in \"%s\"", row->name, row->message, error->message);
      return;
    }
  g_assert_no_error (error);
  if (row->step)
    {
      g_autofree char *sel = g_strndup (row->step, strchr (row->step, ' ') - row->step);
      g_autoptr (FcValue) v = fc_value_from_json (strchr (row->step, ' ') + 1, NULL);
      gboolean ok = fc_element_set_component_data (fc_page_select (page, sel), v, &error);
      if (row->code == -2)
        {
          g_assert_false (ok);
          g_assert_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED);
          g_assert_cmpstr (error->message, ==, row->message);
          return;
        }
      g_assert_true (ok);
    }
  if (!strstr (warnings->str, row->message))
    g_error ("%s: \"%s\" is not in the warnings \"%s\"", row->name, row->message, warnings->str);
}

/* A symlink out of the root is refused like `..` */
static void
test_symlink_out (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fc-components-XXXXXX", NULL);
  g_autofree char *outside = g_dir_make_tmp ("fc-outside-XXXXXX", NULL);
  g_autofree char *comp = g_build_filename (dir, "components", NULL);
  g_autofree char *link = g_build_filename (comp, "card", NULL);
  g_autofree char *fx = g_build_filename (outside, "card.fxml", NULL);
  g_autofree char *js = g_build_filename (outside, "card.json", NULL);
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_no_errno (g_mkdir (comp, 0700));
  g_assert_true (g_file_set_contents (fx, "<view/>", -1, NULL));
  g_assert_true (g_file_set_contents (js, "{\"component\":true}", -1, NULL));
  g_assert_no_errno (symlink (outside, link));
  fc_page_set_root (page, dir, NULL);
  g_assert_false (fc_page_load (page, NULL, "{\"usingComponents\":{\"card\":\"/components/card/card\"}}", "<card/>",
                                "pages/index/index.fxml", NULL, &error));
  g_assert_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_COMPONENT);
  g_assert_nonnull (strstr (error->message, "leaves the mini-program's root"));
  g_unlink (link);
  g_unlink (fx);
  g_unlink (js);
  g_rmdir (comp);
  g_rmdir (dir);
  g_rmdir (outside);
}

/* Selectors into a component's template: the page's selectors find the
 * page's elements (its content in the slots included), `A >>> B` finds B
 * in the tree of the component A matched, and nothing else crosses. */
static void
test_selectors (void)
{
  static const File files[] = {
    { CARD, "{\"component\":true}", "<view id=\"w\" class=\"in\"><text id=\"t\">x</text><slot/></view>" },
    { NULL } };
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = load (files, USING_CARD, "<card id=\"c\"><view id=\"s\" class=\"in\"/></card>", NULL, NULL,
                                  NULL, NULL, &error);

  g_assert_no_error (error);
  /* the page's own, also inside the slot */
  g_assert_cmpstr (fc_element_get_id (fc_page_select (page, ".in")), ==, "s");
  g_assert_nonnull (fc_page_select (page, "#s"));
  /* the template's only through >>> */
  g_assert_null (fc_page_select (page, "#w"));
  g_assert_null (fc_page_select (page, "#t"));
  g_assert_cmpstr (fc_element_get_id (fc_page_select (page, "#c >>> #t")), ==, "t");
  g_assert_cmpstr (fc_element_get_id (fc_page_select (page, "card >>> .in")), ==, "w");
  /* the page's slot content is not the template's */
  g_assert_null (fc_page_select (page, "#c >>> #s"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tree_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/components/tree/%s", tree_rows[i].name);
      g_test_add_data_func (path, &tree_rows[i], test_tree);
    }
  for (guint i = 0; i < G_N_ELEMENTS (event_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/components/event/%s", event_rows[i].name);
      g_test_add_data_func (path, &event_rows[i], test_event);
    }
  for (guint i = 0; i < G_N_ELEMENTS (error_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/components/error/%s", error_rows[i].name);
      g_test_add_data_func (path, &error_rows[i], test_error);
    }
  g_test_add_func ("/components/native-callbacks", test_native_callbacks);
  g_test_add_func ("/components/symlink-out", test_symlink_out);
  g_test_add_func ("/components/selectors", test_selectors);
  return g_test_run ();
}
