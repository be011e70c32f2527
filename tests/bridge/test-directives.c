/* wx:if / wx:elif / wx:else and wx:for (also spelled fx:). */
#include <fc-bridge.h>

#include "common/fc-test-tree.h"

typedef struct {
  const char *name;
  const char *fxml;
  const char *data;
  const char *steps[4];    /* setData objects */
  const char *expected[5]; /* the tree after mount and after each step */
} Row;

static const Row rows[] = {
  { "if-true", "<view wx:if=\"{{a}}\">A</view>", "{\"a\":true}", { NULL }, { "view('A')" } },
  { "if-false", "<view wx:if=\"{{a}}\">A</view>", "{\"a\":false}", { NULL }, { "" } },
  { "if-toggle", "<view wx:if=\"{{a}}\">A</view><text>t</text>", "{\"a\":false}",
    { "{\"a\":1}", "{\"a\":0}" }, { "text('t')", "view('A') text('t')", "text('t')" } },
  { "elif-else", "<view wx:if=\"{{n > 1}}\">big</view>\n<!-- c -->\n<view wx:elif=\"{{n == 1}}\">one</view><view wx:else>none</view>",
    "{\"n\":0}", { "{\"n\":1}", "{\"n\":5}", "{\"n\":0}" },
    { "view('none')", "view('one')", "view('big')", "view('none')" } },
  /* glass-easel: an object's keys in JavaScript's order (integer-like
   * first, ascending); a number that is not whole repeats nothing */
  { "for-object-key-order", "<text wx:for=\"{{o}}\">{{index}}={{item}}</text>",
    "{\"o\":{\"b\":1,\"2\":2,\"a\":3,\"1\":4,\"01\":5,\"4294967295\":6,\"0\":7}}", { NULL },
    { "text('0=7') text('1=4') text('2=2') text('b=1') text('a=3') text('01=5') text('4294967295=6')" } },
  { "for-number-not-whole", "<text wx:for=\"{{n}}\">{{item}}</text>", "{\"n\":2.5}", { "{\"n\":2}" },
    { "", "text('0') text('1')" } },
  /* glass-easel: setting list[2] reports the length change */
  { "length-after-index-set", "<text>{{list.length}}</text><view wx:if=\"{{list.length > 2}}\">more</view>",
    "{\"list\":[1,2]}", { "{\"list[2]\":3}", "{\"list[1]\":9}" },
    { "text('2')", "text('3') view('more')", "text('3') view('more')" } },
  { "fx-prefix", "<view fx:if=\"{{a}}\">A</view><view fx:else>B</view>", "{\"a\":false}", { "{\"a\":true}" },
    { "view('B')", "view('A')" } },
  { "for-array", "<view wx:for=\"{{list}}\" id=\"v{{index}}\">{{item.t}}</view>", "{\"list\":[{\"t\":\"a\"},{\"t\":\"b\"}]}",
    { "{\"list[1].t\":\"c\"}", "{\"list\":[{\"t\":\"x\"}]}", "{\"list\":[]}" },
    { "view#v0('a') view#v1('b')", "view#v0('a') view#v1('c')", "view#v0('x')", "" } },
  { "for-grow", "<text wx:for=\"{{list}}\">{{index}}:{{item}}</text>", "{\"list\":[]}",
    { "{\"list\":[\"a\",\"b\",\"c\"]}", "{\"list[3]\":\"d\"}" },
    { "", "text('0:a') text('1:b') text('2:c')", "text('0:a') text('1:b') text('2:c') text('3:d')" } },
  { "for-names", "<text wx:for=\"{{list}}\" wx:for-item=\"it\" wx:for-index=\"i\">{{i}}={{it}} {{title}}</text>",
    "{\"list\":[\"a\"],\"title\":\"T\"}", { "{\"title\":\"U\"}" }, { "text('0=a T')", "text('0=a U')" } },
  { "for-object", "<text wx:for=\"{{o}}\">{{index}}={{item}}</text>", "{\"o\":{\"x\":1,\"y\":2}}", { NULL },
    { "text('x=1') text('y=2')" } },
  { "for-number", "<text wx:for=\"{{3}}\">{{item}}</text>", "{}", { NULL }, { "text('0') text('1') text('2')" } },
  { "for-with-if", "<text wx:for=\"{{list}}\" wx:if=\"{{item > 1}}\">{{item}}</text>", "{\"list\":[1,2,3]}",
    { "{\"list[0]\":5}" }, { "text('2') text('3')", "text('5') text('2') text('3')" } },
  { "nested-for", "<view wx:for=\"{{rows}}\" wx:for-item=\"row\"><text wx:for=\"{{row.cells}}\">{{row.n}}{{item}}</text></view>",
    "{\"rows\":[{\"n\":\"a\",\"cells\":[1,2]},{\"n\":\"b\",\"cells\":[3]}]}",
    { "{\"rows[0].n\":\"z\"}", "{\"rows[1].cells\":[]}" },
    { "view(text('a1') text('a2')) view(text('b3'))", "view(text('z1') text('z2')) view(text('b3'))",
      "view(text('z1') text('z2')) view" } },
  { "for-key-reorder", "<text wx:for=\"{{list}}\" wx:key=\"id\" id=\"t{{item.id}}\">{{index}}{{item.t}}</text>",
    "{\"list\":[{\"id\":1,\"t\":\"a\"},{\"id\":2,\"t\":\"b\"}]}",
    { "{\"list\":[{\"id\":2,\"t\":\"b\"},{\"id\":3,\"t\":\"c\"},{\"id\":1,\"t\":\"a\"}]}", "{\"list\":[{\"id\":3,\"t\":\"c\"}]}" },
    { "text#t1('0a') text#t2('1b')", "text#t2('0b') text#t3('1c') text#t1('2a')", "text#t3('0c')" } },
  /* a keyed list emptied, then filled again (an empty list of instances
   * once handed memcpy() a NULL source: the page fuzzer's input
   * regressions/page/ub-keyed-list-emptied) */
  { "for-key-emptied", "<text wx:for=\"{{list}}\" wx:key=\"id\" id=\"t{{item.id}}\">{{item.t}}</text>",
    "{\"list\":[{\"id\":1,\"t\":\"a\"},{\"id\":2,\"t\":\"b\"}]}",
    { "{\"list\":[]}", "{\"list\":[{\"id\":2,\"t\":\"b\"}]}" }, { "text#t1('a') text#t2('b')", "", "text#t2('b')" } },
  { "for-key-this", "<text wx:for=\"{{list}}\" wx:key=\"*this\">{{item}}</text>", "{\"list\":[\"x\",\"y\"]}",
    { "{\"list\":[\"y\",\"x\",\"x\"]}" }, { "text('x') text('y')", "text('y') text('x') text('x')" } },
  { "block-if", "<block wx:if=\"{{a}}\"><text>x</text><text>y</text></block>", "{\"a\":true}", { "{\"a\":false}" },
    { "block(text('x') text('y'))", "" } },
  /* setData on one key again and again while the bindings reading it come
   * and go: the page must not keep using what it found the first time */
  { "binding-appears", "<view wx:if=\"{{a}}\">{{b}}</view>", "{\"a\":false,\"b\":\"x\"}",
    { "{\"b\":\"y\"}", "{\"a\":true}", "{\"b\":\"z\"}", "{\"b\":\"w\"}" },
    { "", "", "view('y')", "view('z')", "view('w')" } },
  { "binding-goes", "<view wx:if=\"{{a}}\">{{b}}</view>", "{\"a\":true,\"b\":\"x\"}",
    { "{\"b\":\"y\"}", "{\"a\":false}", "{\"b\":\"z\"}", "{\"a\":true}" },
    { "view('x')", "view('y')", "", "", "view('z')" } },
  { "second-reader", "<view>{{b}}</view><view wx:if=\"{{a}}\">{{b}}!</view>", "{\"a\":false,\"b\":\"x\"}",
    { "{\"b\":\"y\"}", "{\"a\":true}", "{\"b\":\"z\"}", "{\"a\":false}" },
    { "view('x')", "view('y')", "view('y') view('y!')", "view('z') view('z!')", "view('z')" } },
};

static void
test_row (gconstpointer p)
{
  const Row *row = p;
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (FcValue) data = fc_value_from_json (row->data, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  g_assert_true (fc_page_load (page, NULL, NULL, row->fxml, "t.fxml", data, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (row->expected) && row->expected[i]; i++)
    {
      g_autofree char *expected = *row->expected[i] ? g_strdup_printf ("page(%s)", row->expected[i]) : g_strdup ("page");
      if (i > 0)
        {
          g_autoptr (FcValue) set = fc_value_from_json (row->steps[i - 1], NULL);
          g_assert_true (fc_page_set_data (page, set, &error));
          g_assert_no_error (error);
        }
      g_string_truncate (out, 0);
      fc_test_dump_element (fc_page_get_root (page), out);
      g_assert_cmpstr (out->str, ==, expected);
    }
}

static guint n_changes;

static void
on_children_changed (FcPage *page, FcElement *el, gpointer user_data)
{
  n_changes++;
}

static guint n_calls;

static void
on_tap (const FcEvent *event, gpointer user_data)
{
  g_autoptr (FcValue) v = fc_event_to_value (event);
  g_autofree char *json = fc_value_to_json (v);
  g_assert_cmpstr (json, ==, "{\"type\":\"tap\",\"timeStamp\":0,\"detail\":{},"
                   "\"target\":{\"id\":\"b1\",\"dataset\":{\"idx\":1,\"name\":\"y\"}},"
                   "\"currentTarget\":{\"id\":\"b1\",\"dataset\":{\"idx\":1,\"name\":\"y\"}}}");
  n_calls++;
}

static void
test_events_in_for (void)
{
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcPage) page = NULL;
  g_autoptr (FcValue) data = fc_value_from_json ("{\"list\":[\"x\",\"y\"]}", NULL);
  g_autoptr (FcValue) set = fc_value_from_json ("{\"list\":[\"x\"]}", NULL);
  g_autoptr (GError) error = NULL;

  fc_callback_scope_add_callback (scope, "onTap", on_tap, NULL, NULL);
  page = fc_page_new (NULL, scope);
  g_signal_connect (page, "children-changed", G_CALLBACK (on_children_changed), NULL);
  g_assert_true (fc_page_load (page, NULL, NULL,
                               "<button wx:for=\"{{list}}\" id=\"b{{index}}\" data-idx=\"{{index}}\" "
                               "data-name=\"{{item}}\" bindtap=\"onTap\">{{item}}</button>",
                               "t.fxml", data, &error));
  fc_element_trigger_event (fc_page_select (page, "#b1"), "tap", NULL, FC_EVENT_NONE);
  g_assert_cmpuint (n_calls, ==, 1);
  g_assert_cmpuint (fc_page_get_n_elements (page), ==, 5); /* #for, 2 buttons, 2 texts */
  g_assert_true (fc_page_set_data (page, set, &error));
  g_assert_null (fc_page_select (page, "#b1"));
  g_assert_cmpuint (fc_page_get_n_elements (page), ==, 3);
  g_assert_cmpuint (n_changes, ==, 1);
}

static GObject *
plain_factory (FcComponentClass *klass, FcElement *element, gpointer user_data)
{
  return g_object_new (G_TYPE_OBJECT, NULL);
}

/* With wx:key, a reordered list keeps each item's component instance. */
static void
test_key_keeps_instances (void)
{
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcComponentClass) k = fc_component_class_new ("c");
  g_autoptr (FcPage) page = NULL;
  g_autoptr (FcValue) data = fc_value_from_json ("{\"list\":[{\"id\":\"a\"},{\"id\":\"b\"}]}", NULL);
  g_autoptr (FcValue) set = fc_value_from_json ("{\"list\":[{\"id\":\"b\"},{\"id\":\"a\"}]}", NULL);
  g_autoptr (GError) error = NULL;
  GObject *a, *b;

  fc_component_class_set_hooks (k, plain_factory, NULL, NULL, NULL, NULL);
  fc_registry_add_component (registry, "c", k);
  page = fc_page_new (registry, NULL);
  g_assert_true (fc_page_load (page, NULL, "{\"usingComponents\":{\"c\":\"c\"}}",
                               "<c wx:for=\"{{list}}\" wx:key=\"id\" id=\"{{item.id}}\"/>", "t.fxml", data, &error));
  a = fc_element_get_instance (fc_page_select (page, "#a"));
  b = fc_element_get_instance (fc_page_select (page, "#b"));
  g_assert_true (fc_page_set_data (page, set, &error));
  g_assert_true (fc_element_get_instance (fc_page_select (page, "#a")) == a);
  g_assert_true (fc_element_get_instance (fc_page_select (page, "#b")) == b);
  g_assert_true (fc_element_get_child (fc_element_get_child (fc_page_get_root (page), 0), 0) == fc_page_select (page, "#b"));
}

static FcPage *reentrant_page;
static guint n_outer;

static void
hide_self (const FcEvent *event, gpointer user_data)
{
  g_autoptr (FcValue) no = fc_value_new_boolean (FALSE);
  g_assert_true (fc_page_set_data_path (reentrant_page, "show", no, NULL));
  /* the target is gone from the tree but still valid during dispatch */
  g_assert_null (fc_page_select (reentrant_page, "#b"));
  g_assert_cmpstr (fc_element_get_id (event->target), ==, "b");
}

static void
outer (const FcEvent *event, gpointer user_data)
{
  n_outer++;
}

/* A handler that removes the element whose event it handles. */
static void
test_reentrant (void)
{
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcValue) data = fc_value_from_json ("{\"show\":true}", NULL);
  g_autoptr (GError) error = NULL;

  fc_callback_scope_add_callback (scope, "hide", hide_self, NULL, NULL);
  fc_callback_scope_add_callback (scope, "outer", outer, NULL, NULL);
  reentrant_page = fc_page_new (NULL, scope);
  g_assert_true (fc_page_load (reentrant_page, NULL, NULL,
                               "<view id=\"v\" bindtap=\"outer\"><button wx:if=\"{{show}}\" id=\"b\" bindtap=\"hide\">x</button></view>",
                               "t.fxml", data, &error));
  g_assert_true (fc_element_call_method (fc_page_select (reentrant_page, "#b"), "tap", NULL, &error));
  g_assert_no_error (error);
  /* the propagation path is fixed when dispatch starts, as in the DOM */
  g_assert_cmpuint (n_outer, ==, 1);
  g_assert_finalize_object (reentrant_page);
}

static void
count_warning (FcPage *page, const char *message, gpointer user_data)
{
  GPtrArray *warnings = user_data;
  g_ptr_array_add (warnings, g_strdup (message));
}

/* Nested lists multiply: 20 outer items of 100,000 inner ones would be
 * 2,000,000 elements (the page fuzz target's timeout). The page stops at
 * FC_PAGE_MAX_ELEMENTS, says which list stopped, and stays usable. */
static void
test_element_budget (void)
{
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (FcValue) data = fc_value_from_json ("{\"outer\":\"abcdefghijklmnopqrst\",\"n\":100000}", NULL);
  g_autoptr (FcValue) small = fc_value_from_json ("{\"n\":2}", NULL);
  g_autoptr (GError) error = NULL;
  FcElement *first;

  g_signal_connect (page, "warning", G_CALLBACK (count_warning), warnings);
  g_assert_true (fc_page_load (page, NULL, NULL,
                               "<view wx:for=\"{{outer}}\" wx:for-item=\"o\">\n"
                               "  <text wx:for=\"{{n}}\" id=\"t{{o}}{{index}}\">{{o}}{{item}}</text></view>",
                               "t.fxml", data, &error));
  g_assert_no_error (error);
  /* the last instance built may pass the bound by its own size (2 here) */
  g_assert_cmpuint (fc_page_get_n_elements (page), >=, FC_PAGE_MAX_ELEMENTS);
  g_assert_cmpuint (fc_page_get_n_elements (page), <=, FC_PAGE_MAX_ELEMENTS + 2);
  /* the first outer item's list renders what fits, the later ones nothing */
  g_assert_nonnull (fc_page_select (page, "#ta0"));
  g_assert_null (fc_page_select (page, "#tt0"));
  g_assert_cmpuint (warnings->len, >=, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "t.fxml:2:3: wx:for renders "));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "of its 100000 items: the page holds its limit of 100000 elements"));

  /* shorter lists fit again: every outer item renders its two */
  g_ptr_array_set_size (warnings, 0);
  g_assert_true (fc_page_set_data (page, small, &error));
  g_assert_cmpuint (warnings->len, ==, 0);
  first = fc_page_select (page, "#tt1");
  g_assert_nonnull (first);
  /* #for, and per outer item: view, inner #for, two texts with their text */
  g_assert_cmpuint (fc_page_get_n_elements (page), ==, 1 + 20 * (1 + 1 + 2 * 2));
}

/* A host's own budget (fc_page_set_max_elements()) bounds the lists the
 * same way. */
static void
test_host_budget (void)
{
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (FcValue) data = fc_value_from_json ("{\"n\":100}", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (fc_page_get_max_elements (page), ==, FC_PAGE_MAX_ELEMENTS);
  fc_page_set_max_elements (page, 10);
  g_signal_connect (page, "warning", G_CALLBACK (count_warning), warnings);
  g_assert_true (fc_page_load (page, NULL, NULL, "<text wx:for=\"{{n}}\">{{item}}</text>", "t.fxml", data, &error));
  /* the #for, then texts and their text nodes until 10 */
  g_assert_cmpuint (fc_page_get_n_elements (page), ==, 11);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "t.fxml:1:1: wx:for renders 5 of its 100 items: the page holds its limit of 10 elements");
}

/* setData of one item's field (`list[1].n`) refreshes that item's
 * instance only; a changed wx:key, a longer list or a list of another
 * type refresh the list as a whole, as before. What the page shows is the
 * same either way. */
static void
test_set_one_item (void)
{
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcComponentClass) k = fc_component_class_new ("c");
  g_autoptr (FcPage) page = NULL;
  g_autoptr (FcValue) data = fc_value_from_json ("{\"list\":[{\"id\":\"a\",\"n\":1},{\"id\":\"b\",\"n\":2}]}", NULL);
  g_autoptr (GError) error = NULL;
  GObject *a, *b;

  fc_component_class_set_hooks (k, plain_factory, NULL, NULL, NULL, NULL);
  fc_registry_add_component (registry, "c", k);
  page = fc_page_new (registry, NULL);
  g_assert_true (fc_page_load (page, NULL, "{\"usingComponents\":{\"c\":\"c\"}}",
                               "<c wx:for=\"{{list}}\" wx:key=\"id\" id=\"{{item.id}}\">{{index}}:{{item.n}}</c>", "t.fxml",
                               data, &error));
  a = fc_element_get_instance (fc_page_select (page, "#a"));
  b = fc_element_get_instance (fc_page_select (page, "#b"));

  /* one field: the instance stays, its text follows */
  {
    g_autoptr (FcValue) v = fc_value_new_number (20);
    g_assert_true (fc_page_set_data_path (page, "list[1].n", v, &error));
  }
  g_assert_true (fc_element_get_instance (fc_page_select (page, "#b")) == b);
  g_assert_cmpstr (fc_element_get_text (fc_element_get_child (fc_page_select (page, "#b"), 0)), ==, "1:20");
  g_assert_cmpstr (fc_element_get_text (fc_element_get_child (fc_page_select (page, "#a"), 0)), ==, "0:1");

  /* the whole item, same key: the instance stays */
  {
    g_autoptr (FcValue) v = fc_value_from_json ("{\"id\":\"a\",\"n\":10}", NULL);
    g_assert_true (fc_page_set_data_path (page, "list[0]", v, &error));
  }
  g_assert_true (fc_element_get_instance (fc_page_select (page, "#a")) == a);
  g_assert_cmpstr (fc_element_get_text (fc_element_get_child (fc_page_select (page, "#a"), 0)), ==, "0:10");

  /* its key: a new instance under the new id, the old one gone */
  {
    g_autoptr (FcValue) v = fc_value_new_string ("z");
    g_assert_true (fc_page_set_data_path (page, "list[1].id", v, &error));
  }
  g_assert_null (fc_page_select (page, "#b"));
  g_assert_nonnull (fc_page_select (page, "#z"));
  g_assert_true (fc_element_get_instance (fc_page_select (page, "#z")) != b);
  g_assert_cmpstr (fc_element_get_text (fc_element_get_child (fc_page_select (page, "#z"), 0)), ==, "1:20");

  /* an index past the end grows the list */
  {
    g_autoptr (FcValue) v = fc_value_from_json ("{\"id\":\"c\",\"n\":3}", NULL);
    g_assert_true (fc_page_set_data_path (page, "list[2]", v, &error));
  }
  g_assert_cmpstr (fc_element_get_text (fc_element_get_child (fc_page_select (page, "#c"), 0)), ==, "2:3");
  g_assert_true (fc_element_get_instance (fc_page_select (page, "#a")) == a);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Directive/%s", rows[i].name);
      g_test_add_data_func (path, &rows[i], test_row);
    }
  g_test_add_func ("/Bridge/Directive/events-in-for", test_events_in_for);
  g_test_add_func ("/Bridge/Directive/reentrant-removal", test_reentrant);
  g_test_add_func ("/Bridge/Directive/key-keeps-instances", test_key_keeps_instances);
  g_test_add_func ("/Bridge/Directive/element-budget", test_element_budget);
  g_test_add_func ("/Bridge/Directive/set-one-item", test_set_one_item);
  g_test_add_func ("/Bridge/Directive/host-budget", test_host_budget);
  return g_test_run ();
}
