/* The shipped keyboard plugin under GTK: a page mounting
 * plugin://virtual-keyboard/keyboard through the installed-plugin store
 * gets the real FcKeyboardView (needs a display; skipped without one). */
#include <glib/gstdio.h>
#include <fc-bridge-gtk.h>

static void
test_keyboard_view (void)
{
  const char *build = g_getenv ("FC_BUILD_ROOT");
  g_autofree char *plugins = g_build_filename (build ? build : ".", "plugins", NULL);
  const char *dirs[] = { plugins, NULL };
  g_autoptr (FcPluginStore) store = fc_plugin_store_new_for_path (dirs);
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcPage) page = fc_page_new (registry, scope);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fc-view-XXXXXX", &error);
  GtkWidget *view, *w;

  g_assert_no_error (error);
  app = fc_app_new (store, dir,
                    "{\"plugins\": {\"virtual-keyboard\": {\"version\": \"1.0.0\", "
                    "\"provider\": \"fc-virtual-keyboard\"}}}",
                    &error);
  g_assert_no_error (error);
  fc_app_load_page_text (app, page, "pages/kb/kb",
                         "{\"usingComponents\": {\"keyboard\": "
                         "\"plugin://virtual-keyboard/keyboard\"}}",
                         "<view><keyboard id=\"kb\" show/></view>", NULL, &error);
  g_assert_no_error (error);
  view = g_object_ref_sink (fc_page_view_new (page));
  w = fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#kb"));
  g_assert_nonnull (w);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (w), ==, "FcKeyboardView");
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
  g_test_add_func ("/Bridge/Plugins/keyboard-view", test_keyboard_view);
  return g_test_run ();
}
