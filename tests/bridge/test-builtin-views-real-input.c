/* The plain GTK views of the platform's built-ins under real input: X
 * test events on the virtual display (tests/common/fc-test-xinput), at
 * the widgets' places in a real window, the way a person's keyboard and
 * mouse reach them. What is typed in an <input> (a GtkEntry) reaches the
 * page's bindinput with the platform's detail, a click on a <switch> (a
 * GtkSwitch) its bindchange, a click on a <checkbox> its group's change,
 * keys on a <slider> its bindchange, the wheel over a <scroll-view> its
 * bindscroll; a value the page sets is shown and raises nothing. Without an X display or xdotool the tests skip. */
#include <string.h>
#include <fc-bridge-gtk.h>

#include "common/fc-test-xinput.h"

typedef struct {
  FcPage *page;
  GtkWidget *window;
  GtkWidget *view;
  GPtrArray *events; /* "type@id detail" */
} Harness;

static void
record (const FcEvent *event, gpointer user_data)
{
  Harness *h = user_data;
  g_autoptr (FcValue) v = fc_event_to_value (event);
  g_autofree char *detail = fc_value_to_json (fc_value_object_get (v, "detail"));

  g_ptr_array_add (h->events, g_strdup_printf ("%s@%s %s", event->type, fc_element_get_id (event->target), detail));
}

/* The events of @type logged since the last call, joined by "; ". */
static char *
take (Harness *h, const char *type)
{
  GString *s = g_string_new (NULL);
  g_autofree char *prefix = g_strdup_printf ("%s@", type);

  for (guint i = 0; i < h->events->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (h->events, i), prefix))
      g_string_append_printf (s, "%s%s", s->len ? "; " : "", (char *) g_ptr_array_index (h->events, i));
  g_ptr_array_set_size (h->events, 0);
  return g_string_free (s, FALSE);
}

static const char page_fxml[] =
  "<view>\n"
  "  <input id=\"name\" value=\"{{name}}\" maxlength=\"4\" bindinput=\"on\" bindfocus=\"on\" bindconfirm=\"on\"/>\n"
  "  <switch id=\"wifi\" bindchange=\"on\"/>\n"
  "  <checkbox-group id=\"g\" bindchange=\"on\"><checkbox id=\"c\" value=\"tea\">Tea</checkbox></checkbox-group>\n"
  "  <slider id=\"level\" step=\"10\" value=\"{{50}}\" bindchange=\"on\"/>\n"
  "  <switch id=\"gone\" wx:if=\"{{show}}\" bindchange=\"hide\"/>\n"
  "  <scroll-view id=\"list\" scroll-y style=\"height: 100px\" scroll-top=\"{{top}}\" bindscroll=\"on\">\n"
  "    <view wx:for=\"{{rows}}\" style=\"height: 40px\">row {{item}}</view>\n"
  "  </scroll-view>\n"
  "</view>";

/* a handler that removes the switch whose change it handles */
static void
hide (const FcEvent *event, gpointer user_data)
{
  Harness *h = user_data;
  g_autoptr (FcValue) set = fc_value_from_json ("{\"show\":false}", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (fc_page_set_data (h->page, set, &error));
}

static gboolean
harness_open (Harness *h)
{
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcValue) data = fc_value_from_json (
      "{\"name\":\"\",\"show\":true,\"top\":0,\"rows\":[1,2,3,4,5,6,7,8,9,10]}", NULL);
  g_autoptr (GError) error = NULL;

  if (!fc_test_xinput_skip_unless_available ())
    return FALSE;
  h->events = g_ptr_array_new_with_free_func (g_free);
  /* GtkSwitch sets active when its slide animation ends: without
   * animations, at the click */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  fc_callback_scope_add_callback (scope, "on", record, h, NULL);
  fc_callback_scope_add_callback (scope, "hide", hide, h, NULL);
  h->page = fc_page_new (NULL, scope);
  g_assert_true (fc_page_load (h->page, NULL, "{}", page_fxml, "t.fxml", data, &error));
  g_assert_no_error (error);
  h->view = fc_page_view_new (h->page);
  h->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (h->window), 400, 600);
  gtk_window_set_child (GTK_WINDOW (h->window), h->view);
  gtk_window_present (GTK_WINDOW (h->window));
  fc_test_xinput_sync (h->window);
  return TRUE;
}

static void
harness_close (Harness *h)
{
  gtk_window_destroy (GTK_WINDOW (h->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_ptr_array_unref (h->events);
  g_assert_finalize_object (h->page);
}

static GtkWidget *
widget (Harness *h, const char *sel)
{
  FcElement *el = fc_page_select (h->page, sel);
  GtkWidget *w;

  g_assert_nonnull (el);
  w = fc_page_view_get_element_widget (FC_PAGE_VIEW (h->view), el);
  g_assert_nonnull (w);
  return w;
}

static void
key (Harness *h, const char *keys)
{
  fc_test_xinput_key (h->window, keys);
  fc_test_xinput_sync (h->window);
}

/* Typing in the entry: one input per key with the text so far, the
 * cursor and the key's keyCode; maxlength stops the fifth letter;
 * BackSpace is keyCode 8; Return confirms. */
static void
test_input (void)
{
  Harness h = { 0 };
  GtkWidget *entry;
  g_autoptr (FcValue) set = fc_value_from_json ("{\"name\":\"Zed\"}", NULL);
  g_autoptr (GError) error = NULL;
  char *got;

  if (!harness_open (&h))
    return;
  entry = widget (&h, "#name");
  g_assert_true (GTK_IS_ENTRY (entry));
  fc_test_xinput_click (entry);
  fc_test_xinput_sync (h.window);
  got = take (&h, "focus");
  g_assert_cmpstr (got, ==, "focus@name {\"value\":\"\",\"height\":0}");
  g_free (got);

  key (&h, "a");
  key (&h, "b");
  key (&h, "1");
  key (&h, "c");
  key (&h, "d"); /* the fifth: maxlength 4 */
  key (&h, "BackSpace");
  got = take (&h, "input");
  g_assert_cmpstr (got, ==,
                   "input@name {\"value\":\"a\",\"cursor\":1,\"keyCode\":65}; "
                   "input@name {\"value\":\"ab\",\"cursor\":2,\"keyCode\":66}; "
                   "input@name {\"value\":\"ab1\",\"cursor\":3,\"keyCode\":49}; "
                   "input@name {\"value\":\"ab1c\",\"cursor\":4,\"keyCode\":67}; "
                   "input@name {\"value\":\"ab1\",\"cursor\":3,\"keyCode\":8}");
  g_free (got);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ab1");

  key (&h, "Return");
  got = take (&h, "confirm");
  g_assert_cmpstr (got, ==, "confirm@name {\"value\":\"ab1\"}");
  g_free (got);

  /* the page sets the value: shown, no input event */
  g_assert_true (fc_page_set_data (h.page, set, &error));
  fc_test_xinput_sync (h.window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Zed");
  got = take (&h, "input");
  g_assert_cmpstr (got, ==, "");
  g_free (got);
  harness_close (&h);
}

/* Clicks on the switch: change true, then false; the element's checked
 * follows. A click on the checkbox: its group's change. */
static void
test_switch_and_checkbox (void)
{
  Harness h = { 0 };
  GtkWidget *sw, *check;
  char *got;

  if (!harness_open (&h))
    return;
  sw = widget (&h, "#wifi");
  g_assert_true (GTK_IS_SWITCH (sw));
  fc_test_xinput_click (sw);
  fc_test_xinput_sync (h.window);
  g_assert_true (fc_value_is_truthy (fc_element_get_property (fc_page_select (h.page, "#wifi"), "checked")));
  /* past GTK's double-click time (400 ms by default): a second press
   * within it is the same click's second press, which GtkSwitch ignores */
  fc_test_xinput_wait (600);
  fc_test_xinput_click (sw);
  fc_test_xinput_sync (h.window);
  got = take (&h, "change");
  g_assert_cmpstr (got, ==, "change@wifi {\"value\":true}; change@wifi {\"value\":false}");
  g_free (got);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));

  check = widget (&h, "#c");
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, "Tea");
  fc_test_xinput_click (check);
  fc_test_xinput_sync (h.window);
  got = take (&h, "change");
  g_assert_cmpstr (got, ==, "change@g {\"value\":[\"tea\"]}");
  g_free (got);
  harness_close (&h);
}

/* A change handler that removes its own switch: the switch goes, its
 * widget with it (nothing is read from the freed element: the ASan
 * build runs this too). */
static void
test_handler_removes_switch (void)
{
  Harness h = { 0 };
  GtkWidget *sw;

  if (!harness_open (&h))
    return;
  sw = widget (&h, "#gone");
  fc_test_xinput_click (sw);
  fc_test_xinput_sync (h.window);
  g_assert_null (fc_page_select (h.page, "#gone"));
  harness_close (&h);
}

/* The mouse wheel over the scroll-view (a GtkScrolledWindow 100 px high
 * around 400 px of rows): scroll events whose scrollTop grows, with the
 * content's height and deltaY; the page setting scroll-top moves it
 * without an event. */
static void
test_scroll_view (void)
{
  Harness h = { 0 };
  GtkWidget *box, *sw;
  g_autoptr (FcValue) set = fc_value_from_json ("{\"top\":200}", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *got = NULL;
  g_autoptr (FcValue) first = NULL;
  double top;

  if (!harness_open (&h))
    return;
  box = widget (&h, "#list");
  sw = gtk_widget_get_ancestor (box, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (sw);
  g_assert_cmpint (gtk_widget_get_height (sw), ==, 100);
  fc_test_xinput_wheel (sw, TRUE);
  fc_test_xinput_wait (300); /* GTK eases a wheel notch in over frames */
  fc_test_xinput_sync (h.window);
  got = take (&h, "scroll");
  /* the first: "scroll@list {...}" */
  g_assert_true (g_str_has_prefix (got, "scroll@list {"));
  if (strchr (got, ';'))
    *strchr (got, ';') = '\0';
  first = fc_value_from_json (strchr (got, '{'), NULL);
  g_assert_nonnull (first);
  g_clear_pointer (&got, g_free);
  g_assert_cmpfloat (fc_value_get_number (fc_value_object_get (first, "scrollTop")), >, 0);
  g_assert_cmpfloat (fc_value_get_number (fc_value_object_get (first, "deltaY")), ==,
                     fc_value_get_number (fc_value_object_get (first, "scrollTop")));
  g_assert_cmpfloat (fc_value_get_number (fc_value_object_get (first, "scrollHeight")), >=, 400);
  g_assert_cmpfloat (fc_value_get_number (fc_value_object_get (first, "scrollLeft")), ==, 0);
  top = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw)));
  g_assert_cmpfloat (top, >, 0);

  g_assert_true (fc_page_set_data (h.page, set, &error));
  fc_test_xinput_sync (h.window);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw))), ==,
                     200);
  got = take (&h, "scroll");
  g_assert_cmpstr (got, ==, "");
  harness_close (&h);
}

/* The slider's keys: Right moves one step (10) from 50. */
static void
test_slider (void)
{
  Harness h = { 0 };
  GtkWidget *scale;
  char *got;

  if (!harness_open (&h))
    return;
  scale = widget (&h, "#level");
  g_assert_true (GTK_IS_SCALE (scale));
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (scale)), ==, 50);
  g_assert_true (gtk_widget_grab_focus (scale));
  fc_test_xinput_sync (h.window);
  key (&h, "Right");
  got = take (&h, "change");
  g_assert_cmpstr (got, ==, "change@level {\"value\":60}");
  g_free (got);
  harness_close (&h);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/builtin-views/real-input/input", test_input);
  g_test_add_func ("/builtin-views/real-input/switch-and-checkbox", test_switch_and_checkbox);
  g_test_add_func ("/builtin-views/real-input/slider", test_slider);
  g_test_add_func ("/builtin-views/real-input/handler-removes-switch", test_handler_removes_switch);
  g_test_add_func ("/builtin-views/real-input/scroll-view", test_scroll_view);
  return g_test_run ();
}
