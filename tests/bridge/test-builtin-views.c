/* The other built-ins' plain GTK views (fc-builtin-views.c): the widget
 * each tag gets, what of its properties it shows, and that a change the
 * page makes is shown without raising the control's events. Real input
 * on them is test-builtin-views-real-input.c. Needs a display (skipped
 * without one). */
#include <string.h>
#include <fc-bridge-gtk.h>

typedef struct {
  const char *fxml;
  const char *sel;
  const char *type; /* the widget's GType name */
} TypeRow;

static const TypeRow type_rows[] = {
  { "<input id=\"x\"/>", "#x", "GtkEntry" },
  { "<textarea id=\"x\"/>", "#x", "GtkScrolledWindow" },
  { "<switch id=\"x\"/>", "#x", "GtkSwitch" },
  { "<checkbox id=\"x\"/>", "#x", "GtkCheckButton" },
  { "<radio id=\"x\"/>", "#x", "GtkCheckButton" },
  { "<slider id=\"x\"/>", "#x", "GtkScale" },
  { "<progress id=\"x\"/>", "#x", "GtkProgressBar" },
  { "<icon id=\"x\" type=\"success\"/>", "#x", "GtkImage" },
  { "<rich-text id=\"x\"/>", "#x", "GtkLabel" },
  { "<scroll-view id=\"x\"><view id=\"in\"/></scroll-view>", "#in", "GtkBox" },
  { "<swiper id=\"x\"><swiper-item><view id=\"in\"/></swiper-item></swiper>", "#in", "GtkBox" },
  { "<form id=\"x\"><label><view id=\"in\"/></label></form>", "#in", "GtkBox" },
  { "<video id=\"x\"/>", "#x", "GtkBox" },
  { "<map id=\"x\"/>", "#x", "GtkBox" },
};

static GtkWidget *
widget_of (GtkWidget *view, FcPage *page, const char *sel)
{
  FcElement *el = fc_page_select (page, sel);
  g_assert_nonnull (el);
  return fc_page_view_get_element_widget (FC_PAGE_VIEW (view), el);
}

static void
test_types (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_rows); i++)
    {
      g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
      g_autoptr (GError) error = NULL;
      GtkWidget *view, *w;

      g_test_message ("%s", type_rows[i].fxml);
      g_assert_true (fc_page_load (page, NULL, "{}", type_rows[i].fxml, "t.fxml", NULL, &error));
      view = g_object_ref_sink (fc_page_view_new (page));
      w = widget_of (view, page, type_rows[i].sel);
      g_assert_nonnull (w);
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (w), ==, type_rows[i].type);
      g_assert_true (gtk_widget_has_css_class (widget_of (view, page, "#x"), "fc-element"));
      /* a scroll-view's box is inside a scrolled window */
      g_assert_true ((gtk_widget_get_ancestor (widget_of (view, page, "#x"), GTK_TYPE_SCROLLED_WINDOW) != NULL)
                     == (strncmp (type_rows[i].fxml, "<scroll-view", 12) == 0
                         || strncmp (type_rows[i].fxml, "<textarea", 9) == 0));
      g_object_unref (view);
    }
}

static guint n_events;

static void
count (const FcEvent *event, gpointer user_data)
{
  n_events++;
}

/* What the page sets is shown; nothing is raised. */
static void
test_shown (void)
{
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcPage) page = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FcValue) data = fc_value_from_json (
      "{\"v\":\"hello\",\"on\":true,\"p\":25,\"n\":30,\"nodes\":[{\"name\":\"b\",\"children\":[{\"type\":\"text\","
      "\"text\":\"bold\"}]},{\"type\":\"text\",\"text\":\" plain\"}]}", NULL);
  g_autoptr (FcValue) set = fc_value_from_json ("{\"v\":\"bye\",\"on\":false,\"p\":80,\"n\":70,\"off\":true}", NULL);
  GtkWidget *view, *w;
  GtkTextBuffer *buffer;
  GtkTextIter a, b;
  char *text;

  fc_callback_scope_add_callback (scope, "on", count, NULL, NULL);
  page = fc_page_new (NULL, scope);
  g_assert_true (fc_page_load (page, NULL, "{}",
                               "<input id=\"i\" value=\"{{v}}\" placeholder=\"Name\" password maxlength=\"8\" "
                               "disabled=\"{{off}}\" bindinput=\"on\"/>"
                               "<textarea id=\"t\" value=\"{{v}}\" bindinput=\"on\"/>"
                               "<switch id=\"s\" checked=\"{{on}}\" bindchange=\"on\"/>"
                               "<checkbox-group bindchange=\"on\"><checkbox id=\"c\" checked=\"{{on}}\">Tea "
                               "{{v}}</checkbox></checkbox-group>"
                               "<slider id=\"l\" value=\"{{n}}\" min=\"10\" max=\"90\" bindchange=\"on\"/>"
                               "<progress id=\"p\" percent=\"{{p}}\" show-info/>"
                               "<rich-text id=\"r\" nodes=\"{{nodes}}\"/>",
                               "t.fxml", data, &error));
  g_assert_no_error (error);
  view = g_object_ref_sink (fc_page_view_new (page));

  w = widget_of (view, page, "#i");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (w)), ==, "hello");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (w)), ==, "Name");
  g_assert_false (gtk_entry_get_visibility (GTK_ENTRY (w)));
  g_assert_cmpint (gtk_entry_get_max_length (GTK_ENTRY (w)), ==, 8);
  g_assert_true (gtk_widget_get_sensitive (w));
  w = widget_of (view, page, "#t");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (w))));
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
  g_assert_cmpstr (text, ==, "hello");
  g_free (text);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (widget_of (view, page, "#s"))));
  w = widget_of (view, page, "#c");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (w)));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (w)), ==, "Tea hello");
  w = widget_of (view, page, "#l");
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (w)), ==, 30);
  g_assert_cmpfloat (gtk_adjustment_get_lower (gtk_range_get_adjustment (GTK_RANGE (w))), ==, 10);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_range_get_adjustment (GTK_RANGE (w))), ==, 90);
  w = widget_of (view, page, "#p");
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (w)), ==, 0.25);
  g_assert_true (gtk_progress_bar_get_show_text (GTK_PROGRESS_BAR (w)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget_of (view, page, "#r"))), ==, "bold plain");

  g_assert_true (fc_page_set_data (page, set, &error));
  w = widget_of (view, page, "#i");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (w)), ==, "bye");
  g_assert_false (gtk_widget_get_sensitive (w));
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
  g_assert_cmpstr (text, ==, "bye");
  g_free (text);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (widget_of (view, page, "#s"))));
  w = widget_of (view, page, "#c");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (w)));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (w)), ==, "Tea bye");
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (widget_of (view, page, "#l"))), ==, 70);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (widget_of (view, page, "#p"))), ==, 0.8);
  g_assert_cmpuint (n_events, ==, 0);
  g_object_unref (view);
}

/* A stylesheet's element name selects the built-in's widgets. */
static void
test_tag_selector (void)
{
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  GtkWidget *view;

  g_assert_true (fc_page_load (page, NULL, "{}", "<scroll-view id=\"x\"/>", "t.fxml", NULL, &error));
  view = g_object_ref_sink (fc_page_view_new (page));
  g_assert_true (gtk_widget_has_css_class (widget_of (view, page, "#x"), "fc-scroll-view"));
  g_object_unref (view);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return g_test_run ();
    }
  g_test_add_func ("/builtin-views/types", test_types);
  g_test_add_func ("/builtin-views/shown", test_shown);
  g_test_add_func ("/builtin-views/tag-selector", test_tag_selector);
  return g_test_run ();
}
