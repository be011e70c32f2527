/* Pages: event binding forms, datasets, setData → properties, warnings. */
#include <string.h>
#include <fc-bridge.h>

typedef struct {
  FcRegistry *registry;
  FcCallbackScope *scope;
  FcPage *page;
  GString *log;
  GPtrArray *warnings;
  GPtrArray *events; /* JSON of each event */
  guint n_changes;
} Fixture;

static void
record (const FcEvent *event, gpointer user_data)
{
  Fixture *f = *(Fixture **) user_data;
  g_autoptr (FcValue) v = fc_event_to_value (event);
  if (f->log->len)
    g_string_append_c (f->log, ' ');
  g_string_append_printf (f->log, "%s@%s", (char *) ((Fixture **) user_data)[1], fc_element_get_id (event->current_target));
  g_ptr_array_add (f->events, fc_value_to_json (v));
}

static void
on_warning (FcPage *page, const char *message, Fixture *f)
{
  g_ptr_array_add (f->warnings, g_strdup (message));
}

static void
on_changed (FcPage *page, FcElement *el, const char *name, FcValue *value, Fixture *f)
{
  f->n_changes++;
}

static FcComponentClass *
keyboard_class (void)
{
  FcComponentClass *k = fc_component_class_new ("plugin://virtual-keyboard/keyboard");
  g_autoptr (FcValue) empty = fc_value_new_string ("");
  g_autoptr (FcValue) f = fc_value_new_boolean (FALSE);
  g_autoptr (FcValue) z = fc_value_new_number (999);
  g_autoptr (FcValue) arr = fc_value_new_array ();
  fc_component_class_add_property (k, "title", FC_PROPERTY_STRING, 0, empty, FALSE);
  fc_component_class_add_property (k, "show", FC_PROPERTY_BOOLEAN, 0, f, FALSE);
  fc_component_class_add_property (k, "zIndex", FC_PROPERTY_NUMBER, FC_PROPERTY_STRING, z, FALSE);
  fc_component_class_add_property (k, "extraKey", FC_PROPERTY_ARRAY, FC_PROPERTY_STRING, arr, FALSE);
  fc_component_class_add_event (k, "input");
  return k;
}

static FcComponentClass *
recorder_class (void)
{
  FcComponentClass *k = fc_component_class_new ("plugin://video/video-recognition");
  g_autoptr (FcValue) medium = fc_value_new_string ("medium");
  g_autoptr (FcValue) t = fc_value_new_number (30000);
  fc_component_class_add_property (k, "resolution", FC_PROPERTY_STRING, 0, medium, TRUE);
  fc_component_class_add_property (k, "recordTime", FC_PROPERTY_NUMBER, 0, t, FALSE);
  fc_component_class_add_event (k, "onRecordEnd");
  return k;
}

static const char *page_json =
  "{\"usingComponents\":{\"kb\":\"plugin://virtual-keyboard/keyboard\",\"rec\":\"plugin://video/video-recognition\"}}";
static const char *app_json =
  "{\"plugins\":{\"video\":{\"version\":\"1.0.0\",\"provider\":\"fc-video-recognition\"}}}";

static Fixture *handler_data[5][2];

static void
fixture_setup (Fixture *f, const char *fxml, const char *data)
{
  static const char *names[] = { "h", "outer", "b2", "cap", "a b" };
  g_autoptr (FcComponentClass) kb = keyboard_class ();
  g_autoptr (FcComponentClass) rec = recorder_class ();
  g_autoptr (FcValue) d = data ? fc_value_from_json (data, NULL) : NULL;
  g_autoptr (GError) error = NULL;

  f->registry = fc_registry_new ();
  fc_registry_add_component (f->registry, "plugin://virtual-keyboard/keyboard", kb);
  fc_registry_add_plugin_component (f->registry, "fc-video-recognition", "video-recognition", rec);
  f->scope = fc_callback_scope_new ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      handler_data[i][0] = f;
      handler_data[i][1] = (Fixture *) names[i];
      fc_callback_scope_add_callback (f->scope, names[i], record, handler_data[i], NULL);
    }
  f->log = g_string_new (NULL);
  f->warnings = g_ptr_array_new_with_free_func (g_free);
  f->events = g_ptr_array_new_with_free_func (g_free);
  f->page = fc_page_new (f->registry, f->scope);
  g_signal_connect (f->page, "warning", G_CALLBACK (on_warning), f);
  g_signal_connect (f->page, "property-changed", G_CALLBACK (on_changed), f);
  fc_page_load (f->page, app_json, page_json, fxml, "t.fxml", d, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f)
{
  g_assert_finalize_object (f->page);
  g_assert_finalize_object (f->scope);
  g_assert_finalize_object (f->registry);
  g_string_free (f->log, TRUE);
  g_ptr_array_unref (f->warnings);
  g_ptr_array_unref (f->events);
}

typedef struct {
  const char *name;
  const char *fxml;
  const char *data;
  const char *target;
  const char *event;
  FcEventFlags flags;
  const char *log;
  const char *warning; /* NULL: none */
} EventRow;

#define BUB FC_EVENT_BUBBLES
#define CAP (FC_EVENT_BUBBLES | FC_EVENT_CAPTURE_PHASE)

static const EventRow event_rows[] = {
  { "bind-colon", "<kb id=\"k\" bind:input=\"h\"/>", NULL, "#k", "input", 0, "h@k", NULL },
  { "bind-colonless", "<kb id=\"k\" bindinput=\"h\"/>", NULL, "#k", "input", 0, "h@k", NULL },
  { "catch-colon", "<view id=\"v\" bind:input=\"outer\"><kb id=\"k\" catch:input=\"h\"/></view>", NULL,
    "#k", "input", BUB, "h@k", NULL },
  { "catch-colonless", "<view id=\"v\" bindinput=\"outer\"><kb id=\"k\" catchinput=\"h\"/></view>", NULL,
    "#k", "input", BUB, "h@k", NULL },
  { "bubbles", "<view id=\"v\" bind:input=\"outer\"><kb id=\"k\" bind:input=\"h\"/></view>", NULL,
    "#k", "input", BUB, "h@k outer@v", NULL },
  { "no-bubble", "<view id=\"v\" bind:input=\"outer\"><kb id=\"k\" bind:input=\"h\"/></view>", NULL,
    "#k", "input", 0, "h@k", NULL },
  { "mut-bind", "<view id=\"v\" mut-bind:input=\"outer\" bind:input=\"b2\"><kb id=\"k\" mut-bind:input=\"h\"/></view>",
    NULL, "#k", "input", BUB, "h@k b2@v", NULL },
  { "mut-bind-colonless", "<view id=\"v\" mut-bindinput=\"outer\"><kb id=\"k\" bindinput=\"h\"/></view>",
    NULL, "#k", "input", BUB, "h@k outer@v", NULL },
  { "capture-bind", "<view id=\"v\" capture-bind:input=\"cap\"><kb id=\"k\" bind:input=\"h\"/></view>", NULL,
    "#k", "input", CAP, "cap@v h@k", NULL },
  { "capture-bind-colonless", "<view id=\"v\" capture-bindinput=\"cap\"><kb id=\"k\" bind:input=\"h\"/></view>",
    NULL, "#k", "input", CAP, "cap@v h@k", NULL },
  { "capture-mut-bind", "<view id=\"v\" capture-mut-bind:input=\"cap\"><kb id=\"k\" mut-bind:input=\"h\" bind:input=\"b2\"/></view>",
    NULL, "#k", "input", CAP, "cap@v b2@k", NULL },
  { "capture-catch", "<view id=\"v\" capture-catch:input=\"cap\"><kb id=\"k\" bind:input=\"h\"/></view>", NULL,
    "#k", "input", CAP, "cap@v", NULL },
  { "capture-without-capture-phase", "<view id=\"v\" capture-bind:input=\"cap\"><kb id=\"k\" bind:input=\"h\"/></view>",
    NULL, "#k", "input", BUB, "h@k", NULL },
  { "case-sensitive", "<kb id=\"k\" bind:Input=\"h\"/>", NULL, "#k", "input", 0, "", NULL },
  { "verbatim-name", "<rec id=\"r\" bind:onRecordEnd=\"h\"/>", NULL, "#r", "onRecordEnd", 0, "h@r", NULL },
  { "verbatim-name-mismatch", "<rec id=\"r\" bind:onrecordend=\"h\"/>", NULL, "#r", "onRecordEnd", 0, "", NULL },
  { "empty-disables", "<kb id=\"k\" bind:input=\"\"/>", NULL, "#k", "input", 0, "", NULL },
  { "handler-expression", "<kb id=\"k\" bind:input=\"{{which}}\"/>", "{\"which\":\"h\"}", "#k", "input", 0, "h@k", NULL },
  { "missing-handler", "<kb id=\"k\"\n    bind:input=\"nope\"/>", NULL, "#k", "input", 0, "",
    "t.fxml:2:5: no handler \"nope\" for event \"input\"" },
  /* glass-easel: the same colon-less binding twice is a duplicate
   * attribute (warned, the first kept); "bind:" ones are each a listener,
   * in order, after the colon-less one; colon-less ones of one phase share
   * a slot, the later wins; "on" binds as "bind" without a colon only */
  { "duplicate-colonless", "<kb id=\"k\" bindinput=\"h\" bindinput=\"outer\"/>", NULL, "#k", "input", 0, "h@k",
    "t.fxml:1:26: duplicate attribute \"bindinput\" on <kb>: the first is kept" },
  { "repeated-colon", "<kb id=\"k\" bind:input=\"h\" bind:input=\"outer\"/>", NULL, "#k", "input", 0, "h@k outer@k", NULL },
  { "colon-and-colonless", "<kb id=\"k\" bind:input=\"outer\" bindinput=\"h\"/>", NULL, "#k", "input", 0, "h@k outer@k", NULL },
  { "colonless-later-wins", "<kb id=\"k\" bindinput=\"outer\" catchinput=\"h\"/>", NULL, "#k", "input", 0, "h@k", NULL },
  { "colonless-later-wins-on", "<kb id=\"k\" oninput=\"outer\" bindinput=\"h\"/>", NULL, "#k", "input", 0, "h@k", NULL },
  /* glass-easel looks a handler name up as written, spaces and all */
  { "handler-with-space", "<kb id=\"k\" bindinput=\"a b\"/>", NULL, "#k", "input", 0, "a b@k", NULL },
  { "handler-not-trimmed", "<kb id=\"k\" bindinput=\" h \"/>", NULL, "#k", "input", 0, "",
    "t.fxml:1:12: no handler \" h \" for event \"input\"" },
  { "on-prefix", "<kb id=\"k\" oninput=\"h\"/>", NULL, "#k", "input", 0, "h@k", NULL },
  { "capture-own-slot", "<view id=\"v\" capture-bindinput=\"cap\" bindinput=\"outer\"><kb id=\"k\"/></view>", NULL,
    "#k", "input", CAP, "cap@v outer@v", NULL },
  { "builtin-tap", "<view id=\"v\" bindtap=\"outer\"><button id=\"b\" bind:tap=\"h\"/></view>", NULL,
    "#b", "tap", BUB, "h@b outer@v", NULL },
};

static void
test_event (gconstpointer p)
{
  const EventRow *row = p;
  Fixture f = { 0 };
  FcElement *el;

  fixture_setup (&f, row->fxml, row->data);
  el = fc_page_select (f.page, row->target);
  g_assert_nonnull (el);
  fc_element_trigger_event (el, row->event, NULL, row->flags);
  g_assert_cmpstr (f.log->str, ==, row->log);
  if (row->warning)
    {
      g_assert_cmpuint (f.warnings->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (f.warnings, 0), ==, row->warning);
    }
  else
    g_assert_cmpuint (f.warnings->len, ==, 0);
  fixture_teardown (&f);
}

typedef struct {
  const char *name;
  const char *attrs;
  const char *dataset;
} DatasetRow;

static const DatasetRow dataset_rows[] = {
  { "simple", "data-a=\"1\"", "{\"a\":\"1\"}" },
  { "dash-to-camel", "data-my-id=\"1\"", "{\"myId\":\"1\"}" },
  { "upper-folds", "data-elementType=\"x\"", "{\"elementtype\":\"x\"}" },
  { "multi-dash", "data-a-b-c=\"x\"", "{\"aBC\":\"x\"}" },
  { "typed-binding", "data-n=\"{{n}}\"", "{\"n\":5}" },
  { "valueless", "data-flag", "{\"flag\":true}" },
  { "two", "data-a=\"1\" data-b=\"{{n + 1}}\"", "{\"a\":\"1\",\"b\":6}" },
  /* odd names, as glass-easel converts them */
  { "double-dash", "data-a--b=\"1\"", "{\"aB\":\"1\"}" },
  { "triple-dash", "data-a---b=\"1\"", "{\"aB\":\"1\"}" },
  { "trailing-dash", "data-trail-=\"2\"", "{\"trail\":\"2\"}" },
  { "trailing-dashes", "data-a--=\"2\"", "{\"a\":\"2\"}" },
  { "leading-dash", "data--lead=\"3\"", "{\"Lead\":\"3\"}" },
  { "only-dash", "data--=\"3\"", "{\"\":\"3\"}" },
  { "upper-after-dash", "data-A-B=\"4\"", "{\"aB\":\"4\"}" },
  { "dash-underscore", "data-a-_b=\"5\"", "{\"a_b\":\"5\"}" },
  { "dash-digit", "data-a-1=\"6\"", "{\"a1\":\"6\"}" },
  { "mixed-case", "data-aBc-dEf=\"7\"", "{\"abcDef\":\"7\"}" },
  /* undefined stays a key (see test_dataset_undefined); JSON leaves it out */
  { "undefined-value", "data-u=\"{{nope}}\" data-z=\"{{null}}\"", "{\"z\":null}" },
};

static void
test_dataset (gconstpointer p)
{
  const DatasetRow *row = p;
  Fixture f = { 0 };
  g_autofree char *fxml = g_strdup_printf ("<view id=\"v\" bind:input=\"outer\"><kb id=\"k\" %s bind:input=\"h\"/></view>", row->attrs);
  g_autofree char *expected = NULL;

  fixture_setup (&f, fxml, "{\"n\":5}");
  fc_element_trigger_event (fc_page_select (f.page, "#k"), "input", NULL, BUB);
  g_assert_cmpuint (f.events->len, ==, 2);
  expected = g_strdup_printf ("{\"type\":\"input\",\"timeStamp\":0,\"detail\":{},"
                              "\"target\":{\"id\":\"k\",\"dataset\":%s},"
                              "\"currentTarget\":{\"id\":\"k\",\"dataset\":%s}}",
                              row->dataset, row->dataset);
  g_assert_cmpstr (g_ptr_array_index (f.events, 0), ==, expected);
  g_free (expected);
  expected = g_strdup_printf ("{\"type\":\"input\",\"timeStamp\":0,\"detail\":{},"
                              "\"target\":{\"id\":\"k\",\"dataset\":%s},"
                              "\"currentTarget\":{\"id\":\"v\",\"dataset\":{}}}",
                              row->dataset);
  g_assert_cmpstr (g_ptr_array_index (f.events, 1), ==, expected);
  fixture_teardown (&f);
}

typedef struct {
  const char *name;
  const char *fxml;
  const char *data;
  const char *set;        /* setData object */
  const char *prop;       /* property of #k to check */
  const char *expected;   /* its JSON after */
  guint n_changes;
  const char *warning;    /* first warning, or NULL */
} SetRow;

static const SetRow set_rows[] = {
  { "mount-typed", "<kb id=\"k\" show=\"{{s}}\"/>", "{\"s\":true}", "{}", "show", "true", 0, NULL },
  { "changes", "<kb id=\"k\" show=\"{{s}}\"/>", "{\"s\":false}", "{\"s\":true}", "show", "true", 1, NULL },
  { "unchanged-value", "<kb id=\"k\" show=\"{{s}}\"/>", "{\"s\":true}", "{\"s\":true}", "show", "true", 0, NULL },
  { "same-after-coercion", "<kb id=\"k\" show=\"{{s}}\"/>", "{\"s\":1}", "{\"s\":2}", "show", "true", 0, NULL },
  { "other-key", "<kb id=\"k\" show=\"{{s}}\"/>", "{\"s\":true}", "{\"x\":1}", "show", "true", 0, NULL },
  { "nested-path", "<kb id=\"k\" title=\"{{a.b[0].t}}\"/>", "{\"a\":{\"b\":[{\"t\":\"x\"}]}}",
    "{\"a.b[0].t\":\"y\"}", "title", "\"y\"", 1, NULL },
  { "parent-path", "<kb id=\"k\" title=\"{{a.b}}\"/>", "{\"a\":{\"b\":\"x\"}}", "{\"a\":{\"b\":\"z\"}}",
    "title", "\"z\"", 1, NULL },
  { "copy-on-write", "<kb id=\"k\" extraKey=\"{{keys}}\"/>", "{\"keys\":[\"a\",\"b\"]}", "{\"keys[1]\":\"c\"}",
    "extraKey", "[\"a\",\"c\"]", 1, NULL },
  { "copy-on-write-twice", "<kb id=\"k\" extraKey=\"{{o.keys}}\"/>", "{\"o\":{\"keys\":[\"a\"]}}",
    "{\"o.keys[0]\":\"b\",\"o.keys[1]\":\"c\"}", "extraKey", "[\"b\",\"c\"]", 1, NULL },
  { "mixed-text", "<kb id=\"k\" title=\"n={{n}}\"/>", "{\"n\":1}", "{\"n\":2}", "title", "\"n=2\"", 1, NULL },
  { "dash-name", "<kb id=\"k\" z-index=\"{{z}}\"/>", "{\"z\":1}", "{\"z\":2}", "zIndex", "2", 1, NULL },
  { "optional-type", "<kb id=\"k\" zIndex=\"{{z}}\"/>", "{\"z\":1}", "{\"z\":\"top\"}", "zIndex", "\"top\"", 1, NULL },
  { "bad-type", "<kb id=\"k\" extraKey=\"{{z}}\"/>", "{\"z\":[\"a\"]}", "{\"z\":5}", "extraKey", "[]", 1,
    "t.fxml:1:12: property \"extraKey\" expects Array, got 5; using default" },
  { "bad-number", "<kb id=\"k\"\n show=\"1\" zIndex=\"{{z}}\"/>", "{\"z\":{}}", "{}", "zIndex", "999", 0,
    "t.fxml:2:11: property \"zIndex\" expects Number, got {}; using default" },
  { "unknown-attribute", "<kb id=\"k\" colour=\"red\"/>", NULL, "{}", "show", "false", 0,
    "t.fxml:1:12: unknown attribute \"colour\" on <kb>" },
  { "init-only", "<rec id=\"k\" resolution=\"{{r}}\"/>", "{\"r\":\"low\"}", "{\"r\":\"high\"}", "resolution",
    "\"low\"", 0, "t.fxml:1:13: property \"resolution\" is only effective during initialization; change ignored" },
  { "record-time-dash", "<rec id=\"k\" record-time=\"{{t}}\"/>", "{\"t\":\"5000\"}", "{\"t\":6000}", "recordTime",
    "6000", 1, NULL },
  { "record-time-camel", "<rec id=\"k\" recordTime=\"5000\"/>", NULL, "{}", "recordTime", "5000", 0, NULL },
  { "id-binding", "<kb id=\"{{i}}\"/>", "{\"i\":\"k\"}", "{\"j\":1}", "show", "false", 0, NULL },
  { "text-node", "<view><text id=\"k\">{{n}} items</text></view>", "{\"n\":1}", "{\"n\":2}", "selectable", "false", 0, NULL },
};

static void
test_set (gconstpointer p)
{
  const SetRow *row = p;
  Fixture f = { 0 };
  g_autoptr (FcValue) set = fc_value_from_json (row->set, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  FcElement *el;

  fixture_setup (&f, row->fxml, row->data);
  fc_page_set_data (f.page, set, &error);
  g_assert_no_error (error);
  el = fc_page_select (f.page, "#k");
  g_assert_nonnull (el);
  json = fc_value_to_json (fc_element_get_property (el, row->prop));
  g_assert_cmpstr (json, ==, row->expected);
  g_assert_cmpuint (f.n_changes, ==, row->n_changes);
  if (row->warning)
    {
      g_assert_cmpuint (f.warnings->len, >=, 1);
      g_assert_cmpstr (g_ptr_array_index (f.warnings, 0), ==, row->warning);
    }
  else
    g_assert_cmpuint (f.warnings->len, ==, 0);
  if (g_str_equal (row->name, "text-node"))
    g_assert_cmpstr (fc_element_get_text (fc_element_get_child (el, 0)), ==, "2 items");
  fixture_teardown (&f);
}

typedef struct {
  const char *name;
  const char *fxml;
  int code;
  const char *message;
} LoadRow;

static const LoadRow load_rows[] = {
  /* (a tag neither built in nor in usingComponents is a plain element, as
   * in glass-easel: tests/bridge/test-builtins.c) */
  { "unresolved-plugin", "<kb/>", FC_BRIDGE_ERROR_UNKNOWN_COMPONENT, NULL },
  { "parse-error", "<view>", FC_BRIDGE_ERROR_UNCLOSED_TAG, "t.fxml:1:1: unclosed tag <view>" },
};

static void
test_load_error (gconstpointer p)
{
  const LoadRow *row = p;
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_assert_false (fc_page_load (page, NULL, page_json, row->fxml, "t.fxml", NULL, &error));
  g_assert_error (error, FC_BRIDGE_ERROR, row->code);
  if (row->message)
    g_assert_cmpstr (error->message, ==, row->message);
}

/* Found by tests/fuzz: an attribute name ending in a dash was looked up
 * for ever (a stack overflow), and wx:for stepped past the end of a string
 * that was not valid UTF-8. Both now mount. */
static void
test_fuzz_regressions (void)
{
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (FcPage) page2 = fc_page_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcValue) data = fc_value_new_object ();
  FcElement *list;

  g_assert_true (fc_page_load (page, NULL, page_json, "<view a-/>", "t.fxml", NULL, &error));
  g_assert_no_error (error);

  fc_value_object_set (data, "s", fc_value_new_string ("\xf0" "a"));
  g_assert_true (fc_page_load (page2, NULL, page_json,
                               "<view id=\"l\"><text wx:for=\"{{s}}\">{{item}}</text></view>",
                               "t.fxml", data, &error));
  g_assert_no_error (error);
  list = fc_page_select (page2, "#l");
  g_assert_nonnull (list);
  /* the invalid byte becomes U+FFFD, then "a" */
  g_assert_cmpuint (fc_element_get_n_children (list), >=, 1);
}

static void
test_bad_set_path (void)
{
  Fixture f = { 0 };
  g_autoptr (FcValue) set = fc_value_from_json ("{\"a\":1,\"b..c\":2}", NULL);
  g_autoptr (GError) error = NULL;
  fixture_setup (&f, "<kb id=\"k\" title=\"{{a}}\"/>", "{\"a\":0}");
  g_assert_false (fc_page_set_data (f.page, set, &error));
  g_assert_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_PATH);
  /* nothing applied */
  {
    g_autofree char *json = fc_value_to_json (fc_page_get_data (f.page));
    g_assert_cmpstr (json, ==, "{\"a\":0}");
  }
  fixture_teardown (&f);
}

static void
count_tap (const FcEvent *event, gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* A page made with a plain g_object_new(): the registry and scope given as
 * properties are the ones it uses; without them it gets its own. */
static void
test_page_properties (void)
{
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcComponentClass) k = keyboard_class ();
  g_autoptr (GError) error = NULL;
  FcRegistry *got_registry = NULL;
  FcCallbackScope *got_scope = NULL;
  FcPage *page;
  guint taps = 0;

  fc_registry_add_component (registry, "kb", k);
  fc_callback_scope_add_callback (scope, "onTap", count_tap, &taps, NULL);
  page = g_object_new (FC_TYPE_PAGE, "registry", registry, "scope", scope, NULL);
  g_object_get (page, "registry", &got_registry, "scope", &got_scope, NULL);
  g_assert_true (got_registry == registry);
  g_assert_true (got_scope == scope);
  g_object_unref (got_registry);
  g_object_unref (got_scope);
  g_assert_true (fc_page_load (page, NULL, "{\"usingComponents\":{\"keyboard\":\"kb\"}}",
                               "<keyboard id=\"k\" title=\"t\"/><button id=\"b\" bind:tap=\"onTap\"/>", "p.fxml",
                               NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fc_element_get_class (fc_page_select (page, "#k")) == k);
  g_assert_true (fc_element_call_method (fc_page_select (page, "#b"), "tap", NULL, &error));
  g_assert_cmpuint (taps, ==, 1);
  g_assert_finalize_object (page);

  page = g_object_new (FC_TYPE_PAGE, NULL);
  g_assert_true (fc_page_load (page, NULL, NULL, "<view id=\"v\">x</view>", "p.fxml", NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (fc_page_get_registry (page));
  g_assert_nonnull (fc_page_get_scope (page));
  g_assert_cmpstr (fc_element_get_tag (fc_page_select (page, "#v")), ==, "view");
  g_assert_finalize_object (page);
}

static void
keep_event (const FcEvent *event, gpointer user_data)
{
  *(FcEvent **) user_data = g_boxed_copy (FC_TYPE_EVENT, event);
}

static void
on_element_changed (FcPage *page, FcElement *el, const char *what, GString *log)
{
  g_string_append_printf (log, "%s:%s ", fc_element_get_id (el), what);
}

/* Signals carry elements as FC_TYPE_ELEMENT (a GValue holds the page's
 * element itself), and a copied FcEvent outlives its callback. */
static void
test_boxed_types (void)
{
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcValue) data = fc_value_from_json ("{\"c\":\"a\"}", NULL);
  g_autoptr (FcValue) set = fc_value_from_json ("{\"c\":\"b\"}", NULL);
  g_autoptr (FcValue) detail = fc_value_from_json ("{\"x\":1}", NULL);
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *detail_json = NULL;
  GSignalQuery q;
  FcEvent *kept = NULL;
  FcPage *page;
  FcElement *v;
  GValue value = G_VALUE_INIT;

  g_signal_query (g_signal_lookup ("property-changed", FC_TYPE_PAGE), &q);
  g_assert_cmpuint (q.param_types[0] & ~G_SIGNAL_TYPE_STATIC_SCOPE, ==, FC_TYPE_ELEMENT);
  g_signal_query (g_signal_lookup ("element-changed", FC_TYPE_PAGE), &q);
  g_assert_cmpuint (q.param_types[0] & ~G_SIGNAL_TYPE_STATIC_SCOPE, ==, FC_TYPE_ELEMENT);
  g_signal_query (g_signal_lookup ("children-changed", FC_TYPE_PAGE), &q);
  g_assert_cmpuint (q.param_types[0] & ~G_SIGNAL_TYPE_STATIC_SCOPE, ==, FC_TYPE_ELEMENT);

  fc_callback_scope_add_callback (scope, "onHello", keep_event, &kept, NULL);
  page = fc_page_new (NULL, scope);
  g_signal_connect (page, "element-changed", G_CALLBACK (on_element_changed), log);
  g_assert_true (fc_page_load (page, NULL, NULL, "<view id=\"v\" class=\"{{c}}\" bind:hello=\"onHello\"/>", "p.fxml",
                               data, &error));
  g_assert_no_error (error);
  v = fc_page_select (page, "#v");
  g_value_init (&value, FC_TYPE_ELEMENT);
  g_value_set_boxed (&value, v);
  g_assert_true (g_value_get_boxed (&value) == v);
  g_value_unset (&value);

  g_assert_true (fc_page_set_data (page, set, &error));
  g_assert_cmpstr (log->str, ==, "v:class ");

  fc_element_trigger_event (v, "hello", detail, FC_EVENT_NONE);
  g_assert_nonnull (kept);
  g_assert_cmpstr (kept->type, ==, "hello");
  g_assert_cmpstr (kept->handler, ==, "onHello");
  g_assert_true (kept->target == v);
  detail_json = fc_value_to_json (kept->detail);
  g_assert_cmpstr (detail_json, ==, "{\"x\":1}");
  g_boxed_free (FC_TYPE_EVENT, kept);
  g_assert_finalize_object (page);
}

/* glass-easel: a data-* bound to undefined is a key of the dataset whose
 * value is undefined (what a handler's `'u' in dataset` sees) */
static void
test_dataset_undefined (void)
{
  Fixture f = { 0 };
  g_autoptr (FcValue) ds = NULL;
  FcValue *u;

  fixture_setup (&f, "<view id=\"v\" data-u=\"{{nope}}\" data-z=\"{{n}}\"/>", "{\"n\":5}");
  ds = fc_element_dup_dataset (fc_page_select (f.page, "#v"));
  u = fc_value_object_get (ds, "u");
  g_assert_nonnull (u);
  g_assert_cmpint (fc_value_get_kind (u), ==, FC_VALUE_UNDEFINED);
  g_assert_cmpuint (fc_value_object_get_size (ds), ==, 2);
  g_clear_pointer (&ds, fc_value_unref);
  fixture_teardown (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (event_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Event/%s", event_rows[i].name);
      g_test_add_data_func (path, &event_rows[i], test_event);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dataset_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Dataset/%s", dataset_rows[i].name);
      g_test_add_data_func (path, &dataset_rows[i], test_dataset);
    }
  for (guint i = 0; i < G_N_ELEMENTS (set_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/SetData/%s", set_rows[i].name);
      g_test_add_data_func (path, &set_rows[i], test_set);
    }
  for (guint i = 0; i < G_N_ELEMENTS (load_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Load/%s", load_rows[i].name);
      g_test_add_data_func (path, &load_rows[i], test_load_error);
    }
  g_test_add_func ("/Bridge/SetData/bad-path", test_bad_set_path);
  g_test_add_func ("/Bridge/Dataset/undefined", test_dataset_undefined);
  g_test_add_func ("/Bridge/Load/fuzz-regressions", test_fuzz_regressions);
  g_test_add_func ("/Bridge/Page/properties", test_page_properties);
  g_test_add_func ("/Bridge/Page/boxed-types", test_boxed_types);
  return g_test_run ();
}
