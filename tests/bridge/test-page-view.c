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

/* A component view with an int "z-index" property: an overlay. */
#define STUB_TYPE_OVERLAY (stub_overlay_get_type ())
G_DECLARE_FINAL_TYPE (StubOverlay, stub_overlay, STUB, OVERLAY, GtkWidget)

struct _StubOverlay {
  GtkWidget parent_instance;
  int z_index;
};

G_DEFINE_FINAL_TYPE (StubOverlay, stub_overlay, GTK_TYPE_WIDGET)

static void
stub_overlay_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  g_value_set_int (value, STUB_OVERLAY (object)->z_index);
}

static void
stub_overlay_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  STUB_OVERLAY (object)->z_index = g_value_get_int (value);
  g_object_notify_by_pspec (object, pspec);
}

static void
stub_overlay_class_init (StubOverlayClass *klass)
{
  G_OBJECT_CLASS (klass)->get_property = stub_overlay_get_property;
  G_OBJECT_CLASS (klass)->set_property = stub_overlay_set_property;
  g_object_class_install_property (G_OBJECT_CLASS (klass), 1,
                                   g_param_spec_int ("z-index", NULL, NULL, G_MININT, G_MAXINT, 0,
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY));
}

static void
stub_overlay_init (StubOverlay *self)
{
}

static GtkWidget *
overlay_view (GObject *instance, FcElement *element, gpointer user_data)
{
  FcValue *z = fc_element_get_property (element, "z");
  return g_object_new (STUB_TYPE_OVERLAY, "z-index", z ? (int) fc_value_to_number (z) : 0, NULL);
}

/* the overlay's children after the page, bottom to top, as "#id #id ..." */
static char *
stacking (FcPageView *view)
{
  GtkWidget *overlay = gtk_widget_get_first_child (GTK_WIDGET (view));
  GString *s = g_string_new (NULL);

  g_assert_true (GTK_IS_OVERLAY (overlay));
  for (GtkWidget *c = gtk_widget_get_next_sibling (gtk_overlay_get_child (GTK_OVERLAY (overlay))); c;
       c = gtk_widget_get_next_sibling (c))
    {
      FcElement *el = g_object_get_data (G_OBJECT (c), "fc-element");
      g_assert_true (fc_page_view_get_element_widget (view, el) == c);
      g_string_append_printf (s, "%s%s", s->len ? " " : "", fc_element_get_id (el));
    }
  return g_string_free (s, FALSE);
}

static void
test_overlays (void)
{
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcComponentClass) k = fc_component_class_new ("over");
  g_autoptr (FcPage) page = NULL;
  g_autoptr (FcValue) data = fc_value_from_json ("{\"list\":[3,1,3,2]}", NULL);
  g_autoptr (FcValue) set = fc_value_from_json ("{\"list\":[3,1]}", NULL);
  g_autoptr (FcValue) zero = fc_value_from_json ("0", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL;
  GtkWidget *view, *w, *top;

  fc_component_class_add_property (k, "z", FC_PROPERTY_NUMBER, 0, zero, FALSE);
  fc_component_class_set_view_factory (k, overlay_view, NULL, NULL);
  fc_registry_add_component (registry, "over", k);
  page = fc_page_new (registry, NULL);
  g_assert_true (fc_page_load (page, NULL, "{\"usingComponents\":{\"over\":\"over\"}}",
                               "<view id=\"box\"><text id=\"t\">page</text>"
                               "<view><over id=\"n\" z=\"-1\"/></view>"
                               "<over wx:for=\"{{list}}\" id=\"o{{index}}\" z=\"{{item}}\"/></view>",
                               "t.fxml", data, &error));
  g_assert_no_error (error);
  view = g_object_ref_sink (fc_page_view_new (page));
  /* by z-index, equal ones in document order; none in the page's boxes */
  s1 = stacking (FC_PAGE_VIEW (view));
  g_assert_cmpstr (s1, ==, "n o1 o3 o0 o2");
  w = fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#box"));
  g_assert_true (gtk_widget_is_ancestor (w, gtk_widget_get_first_child (view)));
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    g_assert_false (G_TYPE_CHECK_INSTANCE_TYPE (c, STUB_TYPE_OVERLAY));

  /* a changed z-index restacks */
  top = fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#n"));
  g_object_set (top, "z-index", 10, NULL);
  s2 = stacking (FC_PAGE_VIEW (view));
  g_assert_cmpstr (s2, ==, "o1 o3 o0 o2 n");

  /* removed elements take their overlays with them */
  g_assert_true (fc_page_set_data (page, set, &error));
  g_assert_no_error (error);
  s3 = stacking (FC_PAGE_VIEW (view));
  g_assert_cmpstr (s3, ==, "o1 o0 n");
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
  g_test_add_func ("/Bridge/PageView/overlays", test_overlays);
  return g_test_run ();
}
