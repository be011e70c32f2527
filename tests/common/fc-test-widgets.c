#include "fc-test-widgets.h"

#include <string.h>

typedef gboolean (*Match) (GtkWidget *w, gconstpointer what);

static GtkWidget *
find (GtkWidget *w, Match match, gconstpointer what)
{
  if (match (w, what))
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *f = find (c, match, what);
      if (f)
        return f;
    }
  return NULL;
}

static gboolean
is_type (GtkWidget *w, gconstpointer what)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (w, *(const GType *) what);
}

static gboolean
has_name (GtkWidget *w, gconstpointer what)
{
  return g_strcmp0 (gtk_widget_get_name (w), what) == 0;
}

static gboolean
has_class (GtkWidget *w, gconstpointer what)
{
  return gtk_widget_has_css_class (w, what);
}

GtkWidget *
fc_test_find_type (GtkWidget *w, GType type)
{
  return find (w, is_type, &type);
}

GtkWidget *
fc_test_find_name (GtkWidget *w, const char *name)
{
  return find (w, has_name, name);
}

GtkWidget *
fc_test_find_class (GtkWidget *w, const char *css_class)
{
  return find (w, has_class, css_class);
}

static void
label_text (GtkWidget *w, GString *out)
{
  if (!gtk_widget_get_visible (w))
    return;
  if (GTK_IS_LABEL (w))
    g_string_append (out, gtk_label_get_text (GTK_LABEL (w)));
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    label_text (c, out);
}

char *
fc_test_widget_text (GtkWidget *w)
{
  GString *s = g_string_new (NULL);

  label_text (w, s);
  return g_string_free (s, FALSE);
}

guint
fc_test_count (const char *s, const char *what)
{
  guint n = 0;

  for (const char *p = strstr (s, what); p; p = strstr (p + 1, what))
    n++;
  return n;
}

GdkTexture *
fc_test_shoot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("FC_SCREENSHOT_DIR");
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = dir && *dir ? g_build_filename (dir, file, NULL)
                                      : g_test_build_filename (G_TEST_BUILT, file, NULL);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
  return g_steal_pointer (&texture);
}
