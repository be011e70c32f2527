/* GTK views of a mounted page (needs a display; skipped without one). */
#include <fc-bridge-gtk.h>

static guint n_taps;

static void
on_tap (const FcEvent *event, gpointer user_data)
{
  n_taps++;
}

static GtkWidget *
stub_view (GObject *instance, FcElement *element, gpointer user_data)
{
  return gtk_label_new ("stub component");
}

static void
test_build (void)
{
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcComponentClass) k = fc_component_class_new ("stub");
  g_autoptr (FcPage) page = NULL;
  g_autoptr (FcValue) data = fc_value_from_json ("{\"n\":1,\"w\":\"375rpx\",\"off\":false}", NULL);
  g_autoptr (FcValue) set = fc_value_from_json ("{\"n\":2,\"w\":\"50vw\",\"off\":true}", NULL);
  g_autoptr (GError) error = NULL;
  GtkWidget *view, *w;
  int rw, rh;

  fc_component_class_set_view_factory (k, stub_view, NULL, NULL);
  fc_registry_add_component (registry, "stub", k);
  fc_callback_scope_add_callback (scope, "onTap", on_tap, NULL, NULL);
  page = fc_page_new (registry, scope);
  g_assert_true (fc_page_load (page, NULL, "{\"usingComponents\":{\"stub\":\"stub\"}}",
                               "<view id=\"box\" style=\"width: {{w}};height: 100vh;\">\n"
                               "  <text id=\"t\">count {{n}}</text>\n"
                               "  <button id=\"b\" bindtap=\"onTap\" disabled=\"{{off}}\">Go</button>\n"
                               "  <stub id=\"s\"/>\n"
                               "</view>", "t.fxml", data, &error));
  g_assert_no_error (error);
  view = g_object_ref_sink (fc_page_view_new (page));
  fc_page_view_set_page_size (FC_PAGE_VIEW (view), 750, 1000);

  w = fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#box"));
  g_assert_true (GTK_IS_BOX (w));
  gtk_widget_get_size_request (w, &rw, &rh);
  g_assert_cmpint (rw, ==, 375);
  g_assert_cmpint (rh, ==, 1000);

  w = fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#t"));
  g_assert_true (GTK_IS_LABEL (w));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (w)), ==, "count 1");

  w = fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#b"));
  g_assert_true (GTK_IS_BUTTON (w));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (w)), ==, "Go");
  g_signal_emit_by_name (w, "clicked");
  g_assert_cmpuint (n_taps, ==, 1);

  w = fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#s"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (w)), ==, "stub component");

  g_assert_true (fc_page_set_data (page, set, &error));
  w = fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#t"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (w)), ==, "count 2");
  w = fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#box"));
  gtk_widget_get_size_request (w, &rw, &rh);
  g_assert_cmpint (rw, ==, 375);
  w = fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#b"));
  g_assert_false (gtk_widget_get_sensitive (w));
  g_signal_emit_by_name (w, "clicked");
  g_assert_cmpuint (n_taps, ==, 1); /* a disabled button does not tap */

  g_object_unref (view);
}

static void
test_for (void)
{
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (FcValue) data = fc_value_from_json ("{\"list\":[\"a\",\"b\"]}", NULL);
  g_autoptr (FcValue) set = fc_value_from_json ("{\"list\":[\"c\",\"d\",\"e\"]}", NULL);
  g_autoptr (GError) error = NULL;
  GtkWidget *view, *w;

  g_assert_true (fc_page_load (page, NULL, NULL,
                               "<view><text wx:for=\"{{list}}\" id=\"t{{index}}\">{{item}}</text></view>",
                               "t.fxml", data, &error));
  view = g_object_ref_sink (fc_page_view_new (page));
  w = fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#t1"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (w)), ==, "b");
  g_assert_true (fc_page_set_data (page, set, &error));
  w = fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#t2"));
  g_assert_nonnull (w);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (w)), ==, "e");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (w))), ==, "d");
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
  g_test_add_func ("/Bridge/PageView/build", test_build);
  g_test_add_func ("/Bridge/PageView/for", test_for);
  return g_test_run ();
}
