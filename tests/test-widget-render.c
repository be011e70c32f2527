/* Widgets render under the test environment's virtual display, and a
 * widget can be rendered to a PNG and read back: the widget tests of every
 * component depend on both. */

#include <gtk/gtk.h>
#include <glib/gstdio.h>

#define WIDTH 240
#define HEIGHT 120

static gboolean
wait_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0)
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return gtk_widget_get_mapped (widget);
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

static void
test_render_png (void)
{
  g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr (GdkTexture) texture = NULL, loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL;
  g_autofree guchar *pixels = NULL;
  GtkWidget *window, *box;
  guchar *px;

  gtk_css_provider_load_from_data (css, ".fc-probe { background: rgb(255, 0, 0); }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (box, "fc-probe");
  gtk_widget_set_size_request (box, WIDTH, HEIGHT);
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_mapped (box));

  texture = render_widget (box);
  dir = g_dir_make_tmp ("fc-widget-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "probe.png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  loaded = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (loaded), ==, WIDTH);
  g_assert_cmpint (gdk_texture_get_height (loaded), ==, HEIGHT);

  /* The widget's own background is what the PNG holds: red in the middle. */
  pixels = g_malloc (WIDTH * HEIGHT * 4);
  gdk_texture_download (loaded, pixels, WIDTH * 4);
  px = pixels + ((HEIGHT / 2) * WIDTH + WIDTH / 2) * 4; /* B G R A in memory */
  g_assert_cmpuint (px[2], ==, 255);
  g_assert_cmpuint (px[1], ==, 0);
  g_assert_cmpuint (px[0], ==, 0);
  g_assert_cmpuint (px[3], ==, 255);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run the suite through ./run test");
      return g_test_run ();
    }
  g_test_add_func ("/environment/widget-render-png", test_render_png);
  return g_test_run ();
}
