/* The keyboard through the bridge under GTK: a page mounting
 * plugin://virtual-keyboard/keyboard (the build's installed plugin) gets
 * the real FcKeyboardView over the page, stacked among the page's
 * overlays by zIndex (needs a display; skipped without one). */
#include <glib/gstdio.h>
#include <fc-bridge-gtk.h>

/* zIndex stacks the keyboards among the page's overlays: the overlay's
 * children after the page itself are in drawing order (last on top). */
static void
assert_stacking (GtkWidget *view, FcPage *page, const char *const *ids)
{
  GtkWidget *first = fc_page_view_get_element_widget (
      FC_PAGE_VIEW (view), fc_page_select (page, ids[0]));
  GtkWidget *overlay = gtk_widget_get_parent (first);
  GtkWidget *c;

  g_assert_true (GTK_IS_OVERLAY (overlay));
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (first), ==, "FcKeyboardView");
  c = gtk_widget_get_next_sibling (
      gtk_overlay_get_child (GTK_OVERLAY (overlay)));

  for (guint i = 0; ids[i]; i++, c = gtk_widget_get_next_sibling (c))
    g_assert_true (c
                   == fc_page_view_get_element_widget (
                       FC_PAGE_VIEW (view), fc_page_select (page, ids[i])));
  g_assert_null (c);
}

static void
test_keyboard_z_index (void)
{
  const char *build = g_getenv ("FC_BUILD_ROOT");
  g_autofree char *plugins
      = g_build_filename (build ? build : ".", "plugins", NULL);
  const char *dirs[] = { plugins, NULL };
  g_autoptr (FcPluginStore) store = fc_plugin_store_new_for_path (dirs);
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcPage) page = fc_page_new (registry, scope);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = NULL;
  g_autoptr (FcValue) data
      = fc_value_from_json ("{\"za\": 5, \"zb\": 1}", NULL);
  g_autoptr (FcValue) raise = fc_value_from_json ("{\"zb\": 2000}", NULL);
  g_autofree char *dir = g_dir_make_tmp ("fc-view-XXXXXX", &error);
  GtkWidget *view;

  g_assert_no_error (error);
  app = fc_app_new (
      store, dir,
      "{\"plugins\": {\"virtual-keyboard\": {\"version\": \"1.0.0\", "
      "\"provider\": \"fc-virtual-keyboard\"}}}",
      &error);
  g_assert_no_error (error);
  fc_app_load_page_text (app, page, "pages/kb/kb",
                         "{\"usingComponents\": {\"keyboard\": "
                         "\"plugin://virtual-keyboard/keyboard\"}}",
                         "<view><keyboard id=\"a\" zIndex=\"{{za}}\"/>"
                         "<view><keyboard id=\"d\"/></view>"
                         "<keyboard id=\"b\" zIndex=\"{{zb}}\"/>"
                         "<keyboard id=\"c\" zIndex=\"5\"/></view>",
                         data, &error);
  g_assert_no_error (error);
  view = g_object_ref_sink (fc_page_view_new (page));
  /* 1 < 5 = 5 (document order) < 999 (the default) */
  assert_stacking (view, page,
                   (const char *const[]){ "#b", "#a", "#c", "#d", NULL });
  g_assert_true (fc_page_set_data (page, raise, &error));
  g_assert_no_error (error);
  assert_stacking (view, page,
                   (const char *const[]){ "#a", "#c", "#d", "#b", NULL });
  g_object_unref (view);
  g_rmdir (dir);
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
  g_test_add_func ("/keyboard/bridge/z-index", test_keyboard_z_index);
  return g_test_run ();
}
