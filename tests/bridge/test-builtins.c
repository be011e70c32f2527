/* The platform's other built-in components, headless: every tag of the
 * platform's list mounts, keeps its attributes as typed properties and
 * warns once per tag that it renders plainly; the form controls change as
 * their user makes them (the methods a GTK view and a replay `input` step
 * call) and raise the platform's events with its detail shapes
 * (glass-easel 0.12.1 delivers such events with the detail as given;
 * the shapes are the platform documentation's). */
#include <string.h>
#include <fc-bridge.h>

typedef struct {
  GString *log;
  GPtrArray *warnings;
} Log;

static void
record (const FcEvent *event, gpointer user_data)
{
  Log *l = user_data;
  g_autoptr (FcValue) v = fc_event_to_value (event);
  g_autofree char *detail = fc_value_to_json (fc_value_object_get (v, "detail"));

  g_string_append_printf (l->log, "%s%s@%s %s", l->log->len ? "; " : "", event->type,
                          fc_element_get_id (event->current_target), detail);
}

static void
on_warning (FcPage *page, const char *message, Log *l)
{
  g_ptr_array_add (l->warnings, g_strdup (message));
}

/* A page of @fxml whose handler `on` logs "type@currentTarget detail". */
static FcPage *
load (const char *fxml, Log *l, GError **error)
{
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  FcPage *page;

  l->log = g_string_new (NULL);
  l->warnings = g_ptr_array_new_with_free_func (g_free);
  fc_callback_scope_add_callback (scope, "on", record, l, NULL);
  page = fc_page_new (NULL, scope);
  g_signal_connect (page, "warning", G_CALLBACK (on_warning), l);
  if (!fc_page_load (page, NULL, "{}", fxml, "t.fxml", NULL, error))
    g_clear_object (&page);
  return page;
}

static void
log_clear (Log *l)
{
  g_string_free (l->log, TRUE);
  g_ptr_array_unref (l->warnings);
}

static char *
prop_json (FcPage *page, const char *sel, const char *name)
{
  FcElement *el = fc_page_select (page, sel);
  g_assert_nonnull (el);
  return fc_value_to_json (fc_element_get_property (el, name));
}

/* Every built-in of the platform's component list mounts; the page warns
 * once per tag (however many there are) for the plainly rendered ones,
 * and never for view, text, image, button, navigator. */
static const char *const plain_tags[] = {
  "scroll-view", "swiper", "swiper-item", "movable-area", "movable-view", "cover-view", "cover-image",
  "match-media", "page-container", "root-portal", "grid-view", "list-view", "sticky-header", "sticky-section",
  "share-element", "icon", "progress", "rich-text", "selection", "form", "input", "textarea", "switch",
  "checkbox", "checkbox-group", "radio", "radio-group", "slider", "label", "picker", "picker-view",
  "picker-view-column", "editor", "keyboard-accessory", "functional-page-navigator", "audio", "video", "camera",
  "live-player", "live-pusher", "map", "canvas", "web-view", "ad", "ad-custom", "official-account", "open-data",
  "page-meta", "navigation-bar",
};

static void
test_every_tag_mounts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (plain_tags); i++)
    {
      g_autofree char *fxml = g_strdup_printf ("<view><%s id=\"a\"><view/></%s><%s id=\"b\"/></view><text>x</text>",
                                               plain_tags[i], plain_tags[i], plain_tags[i]);
      g_autofree char *expected = g_strdup_printf ("t.fxml:1:7: <%s> is a built-in the bridge renders plainly "
                                                   "(a box or GTK's nearest widget), not as the platform draws it",
                                                   plain_tags[i]);
      g_autoptr (GError) error = NULL;
      Log l;
      g_autoptr (FcPage) page = load (fxml, &l, &error);

      g_test_message ("<%s>", plain_tags[i]);
      g_assert_no_error (error);
      g_assert_nonnull (fc_page_select (page, "#a"));
      g_assert_nonnull (fc_page_select (page, "#b"));
      g_assert_cmpstr (fc_element_get_tag (fc_page_select (page, "#b")), ==, plain_tags[i]);
      g_assert_cmpuint (l.warnings->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (l.warnings, 0), ==, expected);
      log_clear (&l);
    }
}

/* Attributes reach typed properties (dash or camel case, the platform's
 * defaults otherwise); an attribute the platform does not document is
 * kept out with a warning; a tag in neither list is still refused. */
typedef struct {
  const char *name;
  const char *fxml;
  const char *sel;
  const char *prop;
  const char *json; /* its value; NULL: the load fails with error */
  const char *error;
  const char *warning; /* a substring of one warning, or NULL */
} PropRow;

static const PropRow prop_rows[] = {
  { "input-value", "<input id=\"i\" value=\"{{1+1}}\"/>", "#i", "value", "\"2\"", NULL, NULL },
  { "input-maxlength-default", "<input id=\"i\"/>", "#i", "maxlength", "140", NULL, NULL },
  { "input-password", "<input id=\"i\" password/>", "#i", "password", "true", NULL, NULL },
  { "input-placeholder-class", "<input id=\"i\" placeholder-class=\"ph\"/>", "#i", "placeholderClass", "\"ph\"", NULL, NULL },
  { "input-adjust-position-default", "<input id=\"i\"/>", "#i", "adjustPosition", "true", NULL, NULL },
  { "input-unknown-attribute", "<input id=\"i\" frob=\"1\"/>", "#i", "value", "\"\"", NULL,
    "unknown attribute \"frob\" on <input>" },
  { "scroll-view-scroll-y", "<scroll-view id=\"s\" scroll-y/>", "#s", "scrollY", "true", NULL, NULL },
  { "scroll-view-threshold", "<scroll-view id=\"s\" upper-threshold=\"80\"/>", "#s", "upperThreshold", "80", NULL, NULL },
  { "scroll-view-threshold-default", "<scroll-view id=\"s\"/>", "#s", "lowerThreshold", "50", NULL, NULL },
  { "swiper-interval", "<swiper id=\"s\" interval=\"{{3000}}\" autoplay/>", "#s", "interval", "3000", NULL, NULL },
  { "switch-checked", "<switch id=\"s\" checked=\"{{true}}\"/>", "#s", "checked", "true", NULL, NULL },
  { "switch-checked-string-false", "<switch id=\"s\" checked=\"false\"/>", "#s", "checked", "true", NULL, NULL },
  { "slider-max-default", "<slider id=\"s\"/>", "#s", "max", "100", NULL, NULL },
  { "slider-number-bad", "<slider id=\"s\" value=\"abc\"/>", "#s", "value", "0", NULL, "expects Number" },
  { "progress-percent", "<progress id=\"p\" percent=\"{{40}}\" show-info/>", "#p", "percent", "40", NULL, NULL },
  { "picker-value-number", "<picker id=\"p\" value=\"{{2}}\"/>", "#p", "value", "2", NULL, NULL },
  { "picker-value-date", "<picker id=\"p\" mode=\"date\" value=\"2024-01-02\"/>", "#p", "value", "\"2024-01-02\"", NULL, NULL },
  { "picker-value-multi", "<picker id=\"p\" mode=\"multiSelector\" value=\"{{[1,2]}}\"/>", "#p", "value", "[1,2]", NULL, NULL },
  { "rich-text-nodes-string", "<rich-text id=\"r\" nodes=\"&lt;b&gt;x&lt;/b&gt;\"/>", "#r", "nodes", "\"<b>x</b>\"", NULL, NULL },
  { "icon-size", "<icon id=\"c\" type=\"success\" size=\"40\"/>", "#c", "size", "40", NULL, NULL },
  { "video-controls-default", "<video id=\"v\" src=\"a.mp4\"/>", "#v", "controls", "true", NULL, NULL },
  { "map-markers", "<map id=\"m\" markers=\"{{[{id: 1}]}}\"/>", "#m", "markers", "[{\"id\":1}]", NULL, NULL },
  { "canvas-type", "<canvas id=\"c\" type=\"2d\"/>", "#c", "type", "\"2d\"", NULL, NULL },
  { "page-meta-font", "<page-meta root-font-size=\"16px\"/><view id=\"v\"/>", "#v", "hoverClass", "\"none\"", NULL, "<page-meta>" },
  /* a tag neither built in nor in usingComponents: glass-easel's native
   * node, which keeps any attribute; the page warns (a typo is one) */
  { "unknown-tag-kept", "<foo-bar id=\"f\" frob=\"{{1 + 1}}\"/>", "#f", "@frob", "2", NULL,
    "t.fxml:1:1: unknown element <foo-bar> (not built in, not in usingComponents): kept as a plain element, "
    "as the platform does" },
  /* accessibility attributes are kept on built-ins, not properties; a
   * custom component's are unknown attributes, as in glass-easel */
  { "aria-on-view", "<view id=\"v\" aria-role=\"button\" aria-label=\"{{'Go'}}\" tabindex=\"0\"/>", "#v",
    "@aria-label", "\"Go\"", NULL, NULL },
  { "aria-on-input", "<input id=\"i\" aria-label=\"Name\"/>", "#i", "@aria-label", "\"Name\"", NULL, NULL },
};

static void
test_props (gconstpointer data)
{
  const PropRow *r = data;
  g_autoptr (GError) error = NULL;
  Log l;
  g_autoptr (FcPage) page = load (r->fxml, &l, &error);

  if (!r->json)
    {
      g_assert_null (page);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, r->error));
    }
  else
    {
      g_autofree char *got = NULL;
      g_assert_no_error (error);
      if (r->prop[0] == '@') /* an attribute kept, not a property */
        got = fc_value_to_json (fc_element_get_attribute (fc_page_select (page, r->sel), r->prop + 1));
      else
        got = prop_json (page, r->sel, r->prop);
      g_assert_cmpstr (got, ==, r->json);
      for (guint i = 0; !r->warning && i < l.warnings->len; i++)
        g_assert_null (strstr (g_ptr_array_index (l.warnings, i), "unknown attribute"));
    }
  if (r->warning)
    {
      gboolean found = FALSE;
      for (guint i = 0; i < l.warnings->len; i++)
        found |= strstr (g_ptr_array_index (l.warnings, i), r->warning) != NULL;
      g_assert_true (found);
    }
  log_clear (&l);
}

/* A user's changes: "SEL METHOD ARGS" calls, separated by " | ", then the
 * log of handler calls ("type@currentTarget detail", "; " between them),
 * and a property after: "SEL PROP JSON". */
typedef struct {
  const char *name;
  const char *fxml;
  const char *calls;
  const char *log;
  const char *after;
  const char *error; /* the last call fails with this */
} EventRow;

static const EventRow event_rows[] = {
  { "input-typed", "<input id=\"i\" value=\"hi\" bindinput=\"on\" data-k=\"v\"/>",
    "#i input {\"value\":\"hiA\",\"keyCode\":65}", "input@i {\"value\":\"hiA\",\"cursor\":3,\"keyCode\":65}",
    "#i value \"hiA\"", NULL },
  { "input-no-keycode", "<input id=\"i\" bindinput=\"on\"/>", "#i input {\"value\":\"x\"}",
    "input@i {\"value\":\"x\",\"cursor\":1}", NULL, NULL },
  { "input-maxlength", "<input id=\"i\" maxlength=\"3\" bindinput=\"on\"/>", "#i input {\"value\":\"abcdef\"}",
    "input@i {\"value\":\"abc\",\"cursor\":3}", "#i value \"abc\"", NULL },
  { "input-maxlength-characters", "<input id=\"i\" maxlength=\"2\" bindinput=\"on\"/>",
    "#i input {\"value\":\"日本語\"}", "input@i {\"value\":\"日本\",\"cursor\":2}", NULL, NULL },
  { "input-maxlength-unlimited", "<input id=\"i\" maxlength=\"-1\" bindinput=\"on\"/>",
    "#i input {\"value\":\"abcdef\"}", "input@i {\"value\":\"abcdef\",\"cursor\":6}", NULL, NULL },
  { "input-disabled", "<input id=\"i\" disabled bindinput=\"on\"/>", "#i input {\"value\":\"x\"}", "",
    "#i value \"\"", NULL },
  { "input-does-not-bubble", "<view id=\"v\" bindinput=\"on\"><input id=\"i\" bind:input=\"on\"/></view>",
    "#i input {\"value\":\"x\"}", "input@i {\"value\":\"x\",\"cursor\":1}", NULL, NULL },
  { "input-focus-blur-confirm",
    "<input id=\"i\" value=\"ab\" bindfocus=\"on\" bindblur=\"on\" bindconfirm=\"on\"/>",
    "#i focus null | #i confirm null | #i blur null",
    "focus@i {\"value\":\"ab\",\"height\":0}; confirm@i {\"value\":\"ab\"}; blur@i {\"value\":\"ab\",\"cursor\":2}",
    NULL, NULL },
  { "input-needs-value", "<input id=\"i\"/>", "#i input {\"keyCode\":1}", "", NULL,
    "<input> input needs args.value, a string" },
  { "textarea-typed", "<textarea id=\"t\" bindinput=\"on\"/>", "#t input {\"value\":\"a\\nb\"}",
    "input@t {\"value\":\"a\\nb\",\"cursor\":3}", "#t value \"a\\nb\"", NULL },
  { "switch-toggles", "<switch id=\"s\" checked bindchange=\"on\"/>", "#s change null | #s change null",
    "change@s {\"value\":false}; change@s {\"value\":true}", "#s checked true", NULL },
  { "switch-to-value", "<switch id=\"s\" bindchange=\"on\"/>", "#s change {\"value\":true}",
    "change@s {\"value\":true}", "#s checked true", NULL },
  { "switch-tap", "<view id=\"v\" bindtap=\"on\"><switch id=\"s\" bindchange=\"on\"/></view>", "#s tap null",
    "tap@v {\"x\":0,\"y\":0}; change@s {\"value\":true}", "#s checked true", NULL },
  { "switch-disabled", "<switch id=\"s\" disabled bindchange=\"on\"/>", "#s change null", "",
    "#s checked false", NULL },
  { "checkbox-group", "<checkbox-group id=\"g\" bindchange=\"on\"><checkbox id=\"a\" value=\"a\"/>"
                      "<view><checkbox id=\"b\" value=\"b\" checked/></view></checkbox-group>",
    "#a tap null | #b change null", "change@g {\"value\":[\"a\",\"b\"]}; change@g {\"value\":[\"a\"]}",
    "#b checked false", NULL },
  { "radio-group", "<radio-group id=\"g\" bindchange=\"on\"><radio id=\"x\" value=\"x\"/>"
                   "<radio id=\"y\" value=\"y\" checked/></radio-group>",
    "#x tap null | #x tap null", "change@g {\"value\":\"x\"}", "#y checked false", NULL },
  { "label-wraps-checkbox", "<checkbox-group id=\"g\" bindchange=\"on\"><label id=\"l\">"
                            "<checkbox value=\"c\"/>C</label></checkbox-group>",
    "#l tap null", "change@g {\"value\":[\"c\"]}", NULL, NULL },
  { "label-for", "<label id=\"l\" for=\"s\">on</label><switch id=\"s\" bindchange=\"on\"/>", "#l tap null",
    "change@s {\"value\":true}", NULL, NULL },
  { "slider-step", "<slider id=\"s\" step=\"5\" bindchange=\"on\"/>", "#s change {\"value\":42}",
    "change@s {\"value\":40}", "#s value 40", NULL },
  { "slider-clamped", "<slider id=\"s\" min=\"10\" max=\"20\" bindchange=\"on\" bindchanging=\"on\"/>",
    "#s changing {\"value\":0} | #s change {\"value\":1000}",
    "changing@s {\"value\":10}; change@s {\"value\":20}", NULL, NULL },
  { "slider-needs-number", "<slider id=\"s\"/>", "#s change {\"value\":\"5\"}", "", NULL,
    "<slider> change needs args.value, a number" },
  { "picker-change", "<picker id=\"p\" range=\"{{['a','b','c']}}\" bindchange=\"on\">x</picker>",
    "#p change {\"value\":2}", "change@p {\"value\":2}", "#p value 2", NULL },
  { "picker-needs-value", "<picker id=\"p\"/>", "#p change {}", "", NULL, "<picker> change needs args.value" },
  { "picker-view-change", "<picker-view id=\"p\" bindchange=\"on\"/>", "#p change {\"value\":[0,3]}",
    "change@p {\"value\":[0,3]}", "#p value [0,3]", NULL },
  { "scroll-view-scroll", "<scroll-view id=\"s\" scroll-y bindscroll=\"on\"/>",
    "#s scroll {\"scrollTop\":120,\"scrollHeight\":900,\"deltaY\":-20}",
    "scroll@s {\"scrollLeft\":0,\"scrollTop\":120,\"scrollHeight\":900,\"scrollWidth\":0,\"deltaX\":0,\"deltaY\":-20}",
    NULL, NULL },
  { "swiper-change", "<swiper id=\"s\" bindchange=\"on\"><swiper-item/><swiper-item/></swiper>",
    "#s change {\"current\":1}", "change@s {\"current\":1,\"source\":\"touch\"}", "#s current 1", NULL },
  { "form-submit", "<form id=\"f\" bindsubmit=\"on\"><input name=\"user\" value=\"ann\"/>"
                   "<switch name=\"keep\" checked/><slider name=\"n\" value=\"{{30}}\"/>"
                   "<radio-group name=\"r\"><radio value=\"p\" checked/></radio-group>"
                   "<checkbox-group name=\"c\"><checkbox value=\"u\"/></checkbox-group>"
                   "<input value=\"unnamed\"/><button id=\"b\" form-type=\"submit\">Go</button></form>",
    "#b tap null",
    "submit@f {\"value\":{\"user\":\"ann\",\"keep\":true,\"n\":30,\"r\":\"p\",\"c\":[]}}", NULL, NULL },
  /* a person's changes, then reset: the controls as the markup gives
   * them (bound or not), the reset event, and a submit sees that */
  { "form-reset", "<form id=\"f\" bindsubmit=\"on\" bindreset=\"on\"><input id=\"i\" name=\"user\" value=\"ann\"/>"
                  "<switch id=\"s\" name=\"keep\"/><slider id=\"n\" name=\"n\" value=\"{{30}}\"/>"
                  "<view><checkbox id=\"c\" name=\"c\" checked/></view>"
                  "<button id=\"r\" form-type=\"reset\">R</button><button id=\"b\" form-type=\"submit\">Go</button></form>",
    "#i input {\"value\":\"bob\"} | #s tap null | #n change {\"value\":50} | #c tap null | #r tap null | #b tap null",
    "reset@f {}; submit@f {\"value\":{\"user\":\"ann\",\"keep\":false,\"n\":30}}", "#c checked true", NULL },
  { "form-reset-method", "<form id=\"f\" bindreset=\"on\"><input id=\"i\" value=\"a\"/></form>",
    "#i input {\"value\":\"ab\"} | #f reset null", "reset@f {}", "#i value \"a\"", NULL },
};

static void
test_events (gconstpointer data)
{
  const EventRow *r = data;
  g_autoptr (GError) error = NULL;
  Log l;
  g_autoptr (FcPage) page = load (r->fxml, &l, &error);
  g_auto (GStrv) calls = g_strsplit (r->calls, " | ", -1);
  gboolean ok = TRUE;

  g_assert_no_error (error);
  for (guint i = 0; ok && calls[i]; i++)
    {
      g_auto (GStrv) parts = g_strsplit (calls[i], " ", 3);
      g_autoptr (FcValue) args = fc_value_from_json (parts[2], NULL);
      FcElement *el = fc_page_select (page, parts[0]);
      g_assert_nonnull (el);
      g_assert_nonnull (args);
      ok = fc_element_call_method (el, parts[1], fc_value_get_kind (args) == FC_VALUE_NULL ? NULL : args, &error);
    }
  if (r->error)
    {
      g_assert_false (ok);
      g_assert_cmpstr (error->message, ==, r->error);
    }
  else
    g_assert_no_error (error);
  g_assert_cmpstr (l.log->str, ==, r->log);
  if (r->after)
    {
      g_auto (GStrv) parts = g_strsplit (r->after, " ", 3);
      g_autofree char *got = prop_json (page, parts[0], parts[1]);
      g_assert_cmpstr (got, ==, parts[2]);
    }
  log_clear (&l);
}

/* setData still drives a control the user changed: the page's value wins
 * again, and raises no event. */
static void
test_set_data_after_user (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcValue) data = fc_value_from_json ("{\"v\":\"a\"}", NULL);
  g_autoptr (FcValue) set = fc_value_from_json ("{\"v\":\"z\"}", NULL);
  g_autoptr (FcValue) args = fc_value_from_json ("{\"value\":\"ab\"}", NULL);
  g_autofree char *got = NULL;
  Log l;
  g_autoptr (FcPage) page = load ("<input id=\"i\" value=\"{{v}}\" bindinput=\"on\"/>", &l, &error);

  g_assert_no_error (error);
  g_assert_true (fc_page_set_data (page, data, &error));
  g_assert_true (fc_element_call_method (fc_page_select (page, "#i"), "input", args, &error));
  g_assert_true (fc_page_set_data (page, set, &error));
  got = prop_json (page, "#i", "value");
  g_assert_cmpstr (got, ==, "\"z\"");
  g_assert_cmpstr (l.log->str, ==, "input@i {\"value\":\"ab\",\"cursor\":2}");
  log_clear (&l);
}

/* A tap handler that removes the switch it was raised on: the switch
 * does not toggle afterwards (it is gone; nothing reads it freed). */
static void
hide (const FcEvent *event, gpointer user_data)
{
  FcPage **page = user_data;
  g_autoptr (FcValue) set = fc_value_from_json ("{\"show\":false}", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (fc_page_set_data (*page, set, &error));
}

static void
test_tap_removes (void)
{
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcValue) data = fc_value_from_json ("{\"show\":true}", NULL);
  g_autoptr (GError) error = NULL;
  FcPage *page = fc_page_new (NULL, scope);
  Log l = { g_string_new (NULL), g_ptr_array_new_with_free_func (g_free) };

  fc_callback_scope_add_callback (scope, "hide", hide, &page, NULL);
  fc_callback_scope_add_callback (scope, "on", record, &l, NULL);
  g_assert_true (fc_page_load (page, NULL, "{}", "<switch id=\"s\" wx:if=\"{{show}}\" bindtap=\"hide\" "
                                                 "bindchange=\"on\"/>", "t.fxml", data, &error));
  g_assert_true (fc_element_call_method (fc_page_select (page, "#s"), "tap", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (fc_page_select (page, "#s"));
  g_assert_cmpstr (l.log->str, ==, "");
  log_clear (&l);
  g_object_unref (page);
}

/* Tags neither built in nor in usingComponents, as glass-easel takes
 * them (checked with the glass-easel oracle: a tap on the <span> reaches
 * the view's handler with target "s" and dataset {x: "1"}): plain
 * elements a tag selector finds, whose events bubble; the page warns once
 * per tag, when its first element mounts. */
static void
test_unknown_tags (void)
{
  g_autoptr (GError) error = NULL;
  Log l;
  g_autoptr (FcPage) page = load ("<view id=\"v\" bindtap=\"on\">\n"
                                  "  <span id=\"s\" data-x=\"1\">a</span><span/>\n"
                                  "  <veiw id=\"w\"><view id=\"in\"/></veiw>\n"
                                  "</view>",
                                  &l, &error);
  g_autoptr (FcValue) ev = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (l.warnings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (l.warnings, 0), ==,
                   "t.fxml:2:3: unknown element <span> (not built in, not in usingComponents): "
                   "kept as a plain element, as the platform does");
  g_assert_cmpstr (g_ptr_array_index (l.warnings, 1), ==,
                   "t.fxml:3:3: unknown element <veiw> (not built in, not in usingComponents): "
                   "kept as a plain element, as the platform does");
  g_assert_true (fc_page_select (page, "span") == fc_page_select (page, "#s"));
  g_assert_cmpstr (fc_element_get_tag (fc_page_select (page, "#w")), ==, "veiw");
  /* its children are built */
  g_assert_true (fc_element_get_parent (fc_page_select (page, "#in")) == fc_page_select (page, "#w"));
  g_assert_true (fc_element_call_method (fc_page_select (page, "#s"), "tap", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (l.log->str, ==, "tap@v {\"x\":0,\"y\":0}");
  log_clear (&l);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/builtins/every-tag-mounts", test_every_tag_mounts);
  for (guint i = 0; i < G_N_ELEMENTS (prop_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/builtins/props/%s", prop_rows[i].name);
      g_test_add_data_func (path, &prop_rows[i], test_props);
    }
  for (guint i = 0; i < G_N_ELEMENTS (event_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/builtins/events/%s", event_rows[i].name);
      g_test_add_data_func (path, &event_rows[i], test_events);
    }
  g_test_add_func ("/builtins/set-data-after-user", test_set_data_after_user);
  g_test_add_func ("/builtins/tap-removes", test_tap_removes);
  g_test_add_func ("/builtins/unknown-tags", test_unknown_tags);
  return g_test_run ();
}
