/* The page's stylesheets in the GTK page view (needs a display; skipped
 * without one): `class` names become CSS classes, a stylesheet styles the
 * rendered page (colours and sizes read back from a PNG), rpx follows the
 * page width, what does not map to GTK CSS is a warning naming file:line,
 * and a view's rules do not reach another view. */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <fc-bridge-gtk.h>

static const char sheet[] = "/* the card */\n"                                     /* 1 */
                            "page { background-color: #ffffff; }\n"                 /* 2 */
                            ".card { background-color: rgb(0, 0, 255); padding: 20rpx; }\n" /* 3 */
                            ".bar, .other {\n"                                      /* 4 */
                            "  background-color: #ff0000;\n"                        /* 5 */
                            "  width: 100rpx;\n"                                    /* 6 */
                            "  height: 40rpx;\n"                                    /* 7 */
                            "}\n"                                                   /* 8 */
                            "text.title { color: rgb(0, 255, 0); font-size: 36rpx; }\n"; /* 9 */

static const char markup[] = "<view class=\"card\">\n"
                             "  <text id=\"title\" class=\"title\">Styled</text>\n"
                             "  <view style=\"display: flex;\"><view id=\"bar\" class=\"{{barClass}}\"/></view>\n"
                             "</view>";

typedef struct {
  FcPage *page;
  GtkWidget *window;
  GtkWidget *view;
  GPtrArray *warnings;
} Fixture;

static void
on_warning (FcPage *page, const char *message, GPtrArray *warnings)
{
  g_ptr_array_add (warnings, g_strdup (message));
}

static gboolean
wait_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0)
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return gtk_widget_get_mapped (widget);
}

/* Lets a restyle and relayout happen. */
static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  g_usleep (20000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
wake (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* @w's width once a restyle and relayout have made it @expected (or 10 s
 * have passed: then what it is). */
static int
width_when (GtkWidget *w, int expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (w) != expected && g_get_monotonic_time () < deadline)
    {
      gboolean done = FALSE;
      g_timeout_add (10, wake, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
  return gtk_widget_get_width (w);
}

static void
fixture_set_up (Fixture *f, const char *fxml, const char *css)
{
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcValue) data = fc_value_from_json ("{\"barClass\":\"bar\"}", NULL);
  g_autoptr (GError) error = NULL;

  f->warnings = g_ptr_array_new_with_free_func (g_free);
  f->page = fc_page_new (registry, scope);
  g_signal_connect (f->page, "warning", G_CALLBACK (on_warning), f->warnings);
  g_assert_true (fc_page_load (f->page, NULL, NULL, fxml, "style.fxml", data, &error));
  g_assert_no_error (error);
  f->view = fc_page_view_new (f->page);
  if (css)
    fc_page_view_add_stylesheet (FC_PAGE_VIEW (f->view), "pages/style/style.ftss", css);
  f->window = gtk_window_new ();
  gtk_widget_set_halign (f->view, GTK_ALIGN_START);
  gtk_widget_set_valign (f->view, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 375, 300);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_mapped (f->view));
  settle ();
}

static void
fixture_tear_down (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->page);
  g_ptr_array_unref (f->warnings);
}

static GtkWidget *
widget_of (Fixture *f, const char *selector)
{
  return fc_page_view_get_element_widget (FC_PAGE_VIEW (f->view), fc_page_select (f->page, selector));
}

/* The view rendered to a PNG (FC_SCREENSHOT_DIR, else a temp dir) and read
 * back: width × height B G R A pixels. */
static guchar *
render_png (Fixture *f, const char *name, int *width, int *height)
{
  const char *dir = g_getenv ("FC_SCREENSHOT_DIR");
  g_autofree char *tmp = NULL, *path = NULL;
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (f->view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL, loaded = NULL;
  g_autoptr (GError) error = NULL;
  guchar *pixels;

  *width = gtk_widget_get_width (f->view);
  *height = gtk_widget_get_height (f->view);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  if (!dir)
    dir = tmp = g_dir_make_tmp ("fc-page-view-style-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_strconcat (dir, "/", name, ".png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  loaded = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (loaded), ==, *width);
  pixels = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (loaded, pixels, *width * 4);
  if (tmp)
    {
      g_unlink (path);
      g_rmdir (tmp);
    }
  return pixels;
}

static void
assert_pixel (const guchar *pixels, int width, int x, int y, guint r, guint g, guint b)
{
  const guchar *px = pixels + ((gsize) y * width + x) * 4;
  if (px[2] != r || px[1] != g || px[0] != b)
    g_error ("pixel (%d, %d) is rgb(%u, %u, %u), expected rgb(%u, %u, %u)", x, y, px[2], px[1], px[0], r, g, b);
}

static void
widget_origin (Fixture *f, GtkWidget *w, int *x, int *y)
{
  graphene_point_t p;
  g_assert_true (gtk_widget_compute_point (w, f->view, &GRAPHENE_POINT_INIT (0, 0), &p));
  *x = (int) p.x;
  *y = (int) p.y;
}

static void
test_render (void)
{
  Fixture f = { 0 };
  g_autofree guchar *pixels = NULL;
  GtkWidget *bar, *card, *title;
  int width, height, x, y;
  GdkRGBA color;

  fixture_set_up (&f, markup, sheet);
  g_assert_cmpuint (f.warnings->len, ==, 0);
  bar = widget_of (&f, "#bar");
  card = gtk_widget_get_parent (gtk_widget_get_parent (bar));
  title = widget_of (&f, "#title");
  g_assert_true (gtk_widget_has_css_class (bar, "bar"));
  g_assert_true (gtk_widget_has_css_class (card, "card"));
  g_assert_true (gtk_widget_has_css_class (card, "fc-view"));
  g_assert_true (gtk_widget_has_css_class (title, "fc-text"));

  /* 100rpx × 40rpx on a 375 px page: 50 × 20 px; 20rpx padding: 10 px */
  g_assert_cmpint (width_when (bar, 50), ==, 50);
  g_assert_cmpint (gtk_widget_get_height (bar), ==, 20);
  gtk_style_context_get_color (gtk_widget_get_style_context (title), &color);
  g_assert_cmpfloat (color.green, ==, 1.0);
  g_assert_cmpfloat (color.red, ==, 0.0);

  pixels = render_png (&f, "page-view-style", &width, &height);
  widget_origin (&f, bar, &x, &y);
  assert_pixel (pixels, width, x + 25, y + 10, 255, 0, 0);
  /* widget origins are content boxes: the card's is inside its padding,
   * which shows the card's blue */
  widget_origin (&f, card, &x, &y);
  g_assert_cmpint (x, ==, 10);
  g_assert_cmpint (y, ==, 10);
  assert_pixel (pixels, width, 5, 5, 0, 0, 255);
  assert_pixel (pixels, width, gtk_widget_get_width (card) + 15, 5, 0, 0, 255);
  widget_origin (&f, title, &x, &y);
  g_assert_cmpint (x, ==, 10);
  fixture_tear_down (&f);
}

static void
test_rpx_and_class_changes (void)
{
  Fixture f = { 0 };
  g_autoptr (FcValue) set = fc_value_from_json ("{\"barClass\":\"other wide\"}", NULL);
  g_autoptr (FcValue) unset = fc_value_from_json ("{\"barClass\":\"\"}", NULL);
  GtkWidget *bar;

  fixture_set_up (&f, markup, sheet);
  bar = widget_of (&f, "#bar");
  fc_page_view_set_page_size (FC_PAGE_VIEW (f.view), 750, 1334);
  g_assert_cmpint (width_when (bar, 100), ==, 100);
  g_assert_cmpint (gtk_widget_get_height (bar), ==, 40);
  g_assert_cmpuint (f.warnings->len, ==, 0); /* a reload says nothing twice */

  g_assert_true (fc_page_set_data (f.page, set, NULL));
  g_assert_false (gtk_widget_has_css_class (bar, "bar"));
  g_assert_true (gtk_widget_has_css_class (bar, "other"));
  g_assert_true (gtk_widget_has_css_class (bar, "wide"));
  g_assert_cmpint (width_when (bar, 100), ==, 100);

  g_assert_true (fc_page_set_data (f.page, unset, NULL));
  g_assert_false (gtk_widget_has_css_class (bar, "other"));
  g_assert_cmpint (width_when (bar, 0), ==, 0); /* no class, no rule: an empty box */
  fixture_tear_down (&f);
}

static void
test_warnings (void)
{
  static const char bad[] = "@import \"common.ftss\";\n"                   /* 1 */
                            "div { color: #ff0000; }\n"                    /* 2 */
                            ".title { text-align: center;\n"               /* 3 */
                            "  color: rgb(0, 0, 255); }\n"                 /* 4 */
                            ".title::after { content: 'x'; }\n"           /* 5 */
                            "keyboard .key { color: red; }\n"              /* 6 */
                            "@media (min-width: 100px) { .title { color: red; } }\n" /* 7 */
                            ".title { color: notacolour; }\n";              /* 8 */
  Fixture f = { 0 };
  GdkRGBA color;
  const char *expect[] = {
    "pages/style/style.ftss:1: @import \"common.ftss\": at-rules are not supported; skipped",
    "pages/style/style.ftss:2: selector \"div\" is not supported",
    "pages/style/style.ftss:5: selector \".title::after\" is not supported",
    "pages/style/style.ftss:6: selector \"keyboard .key\" is not supported",
    "pages/style/style.ftss:7: @media (min-width: 100px): at-rules are not supported; skipped",
    "pages/style/style.ftss:3: ",
    "pages/style/style.ftss:8: ",
  };

  fixture_set_up (&f, markup, bad);
  for (guint i = 0; i < f.warnings->len; i++)
    g_test_message ("warning: %s", (char *) g_ptr_array_index (f.warnings, i));
  g_assert_cmpuint (f.warnings->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (f.warnings, i), expect[i]));
  g_assert_cmpstr (g_ptr_array_index (f.warnings, 5), ==,
                   "pages/style/style.ftss:3: No property named \"text-align\"; skipped");
  /* the rest of the rule with the unknown property still applies */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget_of (&f, "#title")), &color);
  g_assert_cmpfloat (color.blue, ==, 1.0);
  g_assert_cmpfloat (color.red, ==, 0.0);
  fixture_tear_down (&f);
}

/* Broken sheets: warnings, no crash, the rules around them still apply. */
static void
test_broken (void)
{
  static const char *const sheets[] = {
    "} .title { color: rgb(0, 0, 255); }",
    ".title { color: rgb(0, 0, 255); }\n; \"unterminated\n{ }",
    ".title { color: rgb(0, 0, 255); }\n.x, { color: red; }\n.y > > .z { color: red; }",
    ".title { color: rgb(0, 0, 255); }\n@font-face { src: url(\"a{b\"); }",
    ".title { color: rgb(0, 0, 255); }\n/* open comment",
    ".title { color: rgb(0, 0, 255); /* unclosed block",
    ".title { color: rgb(0, 0, 255); margin: -.5rpx 1e3rpx 10vw 10vh; }",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      Fixture f = { 0 };
      GdkRGBA color;

      fixture_set_up (&f, markup, sheets[i]);
      for (guint j = 0; j < f.warnings->len; j++)
        g_test_message ("sheet %u: %s", i, (char *) g_ptr_array_index (f.warnings, j));
      gtk_style_context_get_color (gtk_widget_get_style_context (widget_of (&f, "#title")), &color);
      g_assert_cmpfloat (color.blue, ==, 1.0);
      fixture_tear_down (&f);
    }
}

/* One view's sheet does not style another view's widgets. */
static void
test_scoped (void)
{
  Fixture a = { 0 }, b = { 0 };
  GdkRGBA color;

  fixture_set_up (&a, markup, sheet);
  fixture_set_up (&b, markup, NULL);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget_of (&b, "#title")), &color);
  g_assert_cmpfloat (color.green, <, 1.0);
  g_assert_cmpint (gtk_widget_get_width (widget_of (&b, "#bar")), <, 50);
  fixture_tear_down (&b);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget_of (&a, "#title")), &color);
  g_assert_cmpfloat (color.green, ==, 1.0);
  fixture_tear_down (&a);
}

static void
write_file (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* fc_page_view_load_stylesheets(): app.ftss, then the page's .ftss (which
 * wins); a stylesheet symlinked out of the app is refused. */
static void
test_load_from_app (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fc-style-app-XXXXXX", NULL);
  g_autofree char *outside = g_build_filename (dir, "outside.ftss", NULL);
  g_autofree char *app_dir = g_build_filename (dir, "app", NULL);
  g_autofree char *link = NULL;
  g_autoptr (FcPluginStore) store = fc_plugin_store_new_for_path ((const char *const[]) { dir, NULL });
  g_autoptr (FcApp) app = NULL;
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (GError) error = NULL;
  FcPage *page;
  GtkWidget *view, *window;
  GdkRGBA color;
  int w;

  write_file (app_dir, "app.json", "{\"pages\": [\"pages/a/a\", \"pages/b/b\"]}");
  write_file (app_dir, "app.ftss", ".title { color: rgb(255, 0, 0); }\n.bar { min-width: 30px; }\n");
  write_file (app_dir, "pages/a/a.fxml", "<view><text id=\"t\" class=\"title\">A</text>"
                                          "<view style=\"display: flex;\"><view id=\"bar\" class=\"bar\"/></view></view>");
  write_file (app_dir, "pages/a/a.ftss", ".title { color: rgb(0, 0, 255); }\n");
  write_file (app_dir, "pages/b/b.fxml", "<view><text class=\"title\">B</text></view>");
  write_file (dir, "outside.ftss", ".title { color: red; }");
  link = g_build_filename (app_dir, "pages", "b", "b.ftss", NULL);
  g_assert_cmpint (symlink (outside, link), ==, 0);
  app = fc_app_new_from_dir (store, app_dir, &error);
  g_assert_no_error (error);

  page = fc_page_new (registry, scope);
  g_assert_true (fc_app_load_page (app, page, "pages/a/a", NULL, &error));
  g_assert_no_error (error);
  view = fc_page_view_new (page);
  g_assert_true (fc_page_view_load_stylesheets (FC_PAGE_VIEW (view), "/pages/a/a?from=test", &error));
  g_assert_no_error (error);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_mapped (view));
  settle ();
  gtk_style_context_get_color (
      gtk_widget_get_style_context (fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#t"))),
      &color);
  g_assert_cmpfloat (color.blue, ==, 1.0); /* the page's sheet over the app's */
  w = width_when (fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#bar")), 30);
  g_assert_cmpint (w, ==, 30); /* the app's sheet */
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (page);

  page = fc_page_new (registry, scope);
  g_assert_true (fc_app_load_page (app, page, "pages/b/b", NULL, &error));
  view = g_object_ref_sink (fc_page_view_new (page));
  g_assert_false (fc_page_view_load_stylesheets (FC_PAGE_VIEW (view), "pages/b/b", &error));
  g_assert_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_ESCAPING_PATH);
  g_assert_nonnull (strstr (error->message, "pages/b/b.ftss"));
  g_object_unref (view);
  g_object_unref (page);

  g_unlink (link);
  g_unlink (outside);
  {
    const char *files[] = { "app/pages/a/a.fxml", "app/pages/a/a.ftss", "app/pages/b/b.fxml", "app/app.json",
                            "app/app.ftss", "app/pages/a", "app/pages/b", "app/pages", "app", NULL };
    for (guint i = 0; files[i]; i++)
      {
        g_autofree char *p = g_build_filename (dir, files[i], NULL);
        g_remove (p);
      }
    g_rmdir (dir);
  }
}

/* A plugin's page gets its package's sheet (named PROVIDER/VERSION/...),
 * not the app's app.ftss. The package is the test hello-plugin's module
 * with a page and sheet of this test's own (and its hello-page listed: the
 * module registers handlers for it). */
static void
test_plugin_page (void)
{
  const char *build = g_getenv ("FC_BUILD_ROOT");
  g_autofree char *dir = NULL, *so = NULL, *pkg = NULL, *bytes = NULL, *app_dir = NULL, *copy = NULL;
  g_autoptr (FcPluginStore) store = NULL;
  g_autoptr (FcApp) app = NULL;
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcPage) page = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  GtkWidget *view, *window;
  GdkRGBA color;
  gsize len;

  if (!build)
    {
      g_test_skip ("FC_BUILD_ROOT not set");
      return;
    }
  so = g_build_filename (build, "tests", "bridge", "hello-plugin", "1.0.0", "plugin.so", NULL);
  g_assert_true (g_file_get_contents (so, &bytes, &len, NULL));
  dir = g_dir_make_tmp ("fc-style-plugin-XXXXXX", NULL);
  pkg = g_build_filename (dir, "store", "hello-plugin", "1.0.0", NULL);
  app_dir = g_build_filename (dir, "app", NULL);
  write_file (pkg, "plugin.json",
              "{\"publicComponents\": {\"hello-component\": \"components/hello-component\"},"
              " \"pages\": {\"styled\": \"pages/styled\", \"hello-page\": \"pages/hello-page\"}}");
  write_file (pkg, "doc/README.md", "# hello-plugin, with a styled page\n");
  write_file (pkg, "pages/styled.fxml", "<view><text id=\"t\" class=\"title\">plugin page</text></view>");
  write_file (pkg, "pages/styled.ftss", ".title { color: rgb(0, 0, 255); }\n.title { text-align: left; }\n");
  copy = g_build_filename (pkg, "plugin.so", NULL);
  g_assert_true (g_file_set_contents (copy, bytes, len, NULL));
  write_file (app_dir, "app.json",
              "{\"pages\": [\"pages/a/a\"], \"plugins\": {\"hp\": {\"version\": \"1.0.0\", \"provider\": \"hello-plugin\"}}}");
  write_file (app_dir, "app.ftss", ".title { color: rgb(255, 0, 0); font-size: 40px; }\n");
  write_file (app_dir, "pages/a/a.fxml", "<view/>");
  {
    g_autofree char *store_dir = g_build_filename (dir, "store", NULL);
    store = fc_plugin_store_new_for_path ((const char *const[]) { store_dir, NULL });
  }
  app = fc_app_new_from_dir (store, app_dir, &error);
  g_assert_no_error (error);

  page = fc_page_new (registry, scope);
  g_signal_connect (page, "warning", G_CALLBACK (on_warning), warnings);
  g_assert_true (fc_app_load_page (app, page, "plugin://hp/styled", NULL, &error));
  g_assert_no_error (error);
  view = fc_page_view_new (page);
  g_assert_true (fc_page_view_load_stylesheets (FC_PAGE_VIEW (view), "plugin://hp/styled", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "hello-plugin/1.0.0/pages/styled.ftss:2: No property named \"text-align\"; skipped");
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_mapped (view));
  gtk_style_context_get_color (
      gtk_widget_get_style_context (fc_page_view_get_element_widget (FC_PAGE_VIEW (view), fc_page_select (page, "#t"))),
      &color);
  g_assert_cmpfloat (color.blue, ==, 1.0);
  g_assert_cmpfloat (color.red, ==, 0.0); /* no app.ftss */
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&page);
  g_clear_object (&app);
  g_clear_object (&store);
  {
    const char *files[] = { "store/hello-plugin/1.0.0/pages/styled.fxml", "store/hello-plugin/1.0.0/pages/styled.ftss",
                            "store/hello-plugin/1.0.0/plugin.json", "store/hello-plugin/1.0.0/plugin.so",
                            "store/hello-plugin/1.0.0/pages", "store/hello-plugin/1.0.0/doc/README.md",
                            "store/hello-plugin/1.0.0/doc", "store/hello-plugin/1.0.0", "store/hello-plugin",
                            "store", "app/pages/a/a.fxml", "app/pages/a", "app/pages", "app/app.json",
                            "app/app.ftss", "app", NULL };
    for (guint i = 0; files[i]; i++)
      {
        g_autofree char *p = g_build_filename (dir, files[i], NULL);
        g_remove (p);
      }
    g_rmdir (dir);
  }
}

int
main (int argc, char **argv)
{
  g_setenv ("GTK_THEME", "Adwaita", TRUE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run the suite through ./run test");
      return g_test_run ();
    }
  g_test_add_func ("/bridge/page-view-style/render", test_render);
  g_test_add_func ("/bridge/page-view-style/rpx-and-class-changes", test_rpx_and_class_changes);
  g_test_add_func ("/bridge/page-view-style/warnings", test_warnings);
  g_test_add_func ("/bridge/page-view-style/broken", test_broken);
  g_test_add_func ("/bridge/page-view-style/scoped", test_scoped);
  g_test_add_func ("/bridge/page-view-style/load-from-app", test_load_from_app);
  g_test_add_func ("/bridge/page-view-style/plugin-page", test_plugin_page);
  return g_test_run ();
}
