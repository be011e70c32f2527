/* fc-page-view.c: GTK 4 views of built-in elements and components. */
#include <string.h>

#include "fc-bridge-gtk.h"

#define VIEW_FACTORY_KEY "fc-bridge-gtk-view-factory"

typedef struct {
  FcComponentViewFactory factory;
  gpointer user_data;
  GDestroyNotify destroy;
} ViewFactory;

static void
view_factory_free (gpointer p)
{
  ViewFactory *f = p;
  if (f->destroy)
    f->destroy (f->user_data);
  g_free (f);
}

/**
 * fc_component_class_set_view_factory:
 * @klass: a component class
 * @factory: (scope notified): builds an instance's widget
 * @user_data: its data
 * @destroy: (nullable): frees @user_data with the class
 */
void
fc_component_class_set_view_factory (FcComponentClass *klass, FcComponentViewFactory factory,
                                     gpointer user_data, GDestroyNotify destroy)
{
  ViewFactory *f = g_new (ViewFactory, 1);
  *f = (ViewFactory) { factory, user_data, destroy };
  fc_component_class_set_data (klass, VIEW_FACTORY_KEY, f, view_factory_free);
}

struct _FcPageView {
  GtkWidget parent_instance;
  FcPage *page;
  GtkWidget *child; /* a GtkOverlay: the root's widget, then overlay views */
  guint n_overlays; /* document order among equal z-indexes */
  GHashTable *widgets; /* FcElement* → GtkWidget* (owned by the tree) */
  int page_width;
  int page_height;
  gulong property_handler;
  gulong element_handler;
  gulong children_handler;
};

G_DEFINE_FINAL_TYPE (FcPageView, fc_page_view, GTK_TYPE_WIDGET)

static void
fc_page_view_dispose (GObject *object)
{
  FcPageView *self = FC_PAGE_VIEW (object);

  if (self->page)
    {
      g_clear_signal_handler (&self->property_handler, self->page);
      g_clear_signal_handler (&self->element_handler, self->page);
      g_clear_signal_handler (&self->children_handler, self->page);
    }
  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_pointer (&self->widgets, g_hash_table_unref);
  g_clear_object (&self->page);
  G_OBJECT_CLASS (fc_page_view_parent_class)->dispose (object);
}

static void
fc_page_view_class_init (FcPageViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fc_page_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "fc-page");
}

static void
fc_page_view_init (FcPageView *self)
{
  self->widgets = g_hash_table_new (NULL, NULL);
  self->page_width = 375;
  self->page_height = 667;
}

static char *
collect_text (FcElement *el)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < fc_element_get_n_children (el); i++)
    {
      FcElement *c = fc_element_get_child (el, i);
      if (fc_element_get_text (c))
        g_string_append (s, fc_element_get_text (c));
      else
        {
          g_autofree char *t = collect_text (c);
          g_string_append (s, t);
        }
    }
  return g_string_free (s, FALSE);
}

static void
apply_style (FcPageView *self, FcElement *el, GtkWidget *w)
{
  FcValue *style = fc_element_get_attribute (el, "style");
  FcValue *hidden = fc_element_get_attribute (el, "hidden");
  g_autoptr (FcValue) decls = NULL;
  FcLength len;
  int width = -1, height = -1;

  if (style && fc_value_get_kind (style) == FC_VALUE_STRING)
    {
      decls = fc_style_parse (fc_value_get_string (style));
      /* % resolves against the page: boxes are laid out top-down without a
       * CSS engine, so a parent's final size is not known here */
      if (fc_style_get_length (decls, "width", &len) && len.unit != FC_LENGTH_AUTO)
        width = (int) (fc_length_resolve (&len, self->page_width, self->page_height, self->page_width) + 0.5);
      if (fc_style_get_length (decls, "height", &len) && len.unit != FC_LENGTH_AUTO)
        height = (int) (fc_length_resolve (&len, self->page_width, self->page_height, self->page_height) + 0.5);
      if (GTK_IS_BOX (w))
        {
          FcValue *dir = fc_value_object_get (decls, "flex-direction");
          FcValue *display = fc_value_object_get (decls, "display");
          gboolean row = display && g_str_equal (fc_value_get_string (display), "flex")
                         && !(dir && g_str_has_prefix (fc_value_get_string (dir), "column"));
          gtk_orientable_set_orientation (GTK_ORIENTABLE (w), row ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
        }
    }
  gtk_widget_set_size_request (w, width, height);
  gtk_widget_set_visible (w, !(hidden && fc_value_is_truthy (hidden)));
}

static void
on_clicked (GtkButton *button, FcElement *el)
{
  fc_element_call_method (el, "tap", NULL, NULL);
}

static void
update_widget (FcPageView *self, FcElement *el, GtkWidget *w)
{
  const char *tag = fc_element_get_tag (el);
  FcValue *v;

  if (fc_element_get_text (el))
    {
      gtk_label_set_text (GTK_LABEL (w), fc_element_get_text (el));
      return;
    }
  apply_style (self, el, w);
  if (strcmp (tag, "text") == 0)
    {
      g_autofree char *t = collect_text (el);
      gtk_label_set_text (GTK_LABEL (w), t);
    }
  else if (strcmp (tag, "button") == 0 || strcmp (tag, "navigator") == 0)
    {
      g_autofree char *t = collect_text (el);
      gtk_button_set_label (GTK_BUTTON (w), t);
      v = fc_element_get_property (el, "disabled");
      gtk_widget_set_sensitive (w, !(v && fc_value_is_truthy (v)));
    }
  else if (strcmp (tag, "image") == 0)
    {
      v = fc_element_get_property (el, "src");
      gtk_picture_set_filename (GTK_PICTURE (w), v && *fc_value_get_string (v) ? fc_value_get_string (v) : NULL);
    }
}

/* A component view with an int "z-index" property is an overlay: it goes
 * over the page in self->child, stacked by z-index (higher on top, equal
 * ones in document order), and its place in the page's boxes is held by
 * an invisible placeholder, so removing that subtree removes it too. */
#define OVERLAY_VIEW_KEY "fc-page-view-overlay"
#define OVERLAY_ORDER_KEY "fc-page-view-overlay-order"

static gboolean
is_overlay_view (GtkWidget *w)
{
  GParamSpec *p = g_object_class_find_property (G_OBJECT_GET_CLASS (w), "z-index");
  return p && p->value_type == G_TYPE_INT && (p->flags & G_PARAM_READABLE);
}

static int
overlay_cmp (GtkWidget *a, GtkWidget *b)
{
  int za, zb;
  guint oa = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (a), OVERLAY_ORDER_KEY));
  guint ob = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), OVERLAY_ORDER_KEY));

  g_object_get (a, "z-index", &za, NULL);
  g_object_get (b, "z-index", &zb, NULL);
  if (za != zb)
    return za < zb ? -1 : 1;
  return oa < ob ? -1 : oa > ob;
}

/* GtkOverlay draws its children in order and picks in reverse: the
 * child list is the stacking order. */
static void
place_overlay (FcPageView *self, GtkWidget *w)
{
  GtkWidget *main_child = gtk_overlay_get_child (GTK_OVERLAY (self->child));
  GtkWidget *before = NULL;

  for (GtkWidget *c = gtk_widget_get_first_child (self->child); c; c = gtk_widget_get_next_sibling (c))
    if (c != main_child && c != w && overlay_cmp (c, w) > 0)
      {
        before = c;
        break;
      }
  gtk_widget_insert_before (w, self->child, before);
}

static void
on_overlay_z_index (GtkWidget *w, GParamSpec *pspec, FcPageView *self)
{
  if (gtk_widget_get_parent (w) == self->child)
    place_overlay (self, w);
}

static GtkWidget *
add_overlay (FcPageView *self, GtkWidget *w)
{
  GtkWidget *placeholder = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_visible (placeholder, FALSE);
  g_object_set_data (G_OBJECT (placeholder), OVERLAY_VIEW_KEY, w);
  g_object_set_data (G_OBJECT (w), OVERLAY_ORDER_KEY, GUINT_TO_POINTER (++self->n_overlays));
  gtk_overlay_add_overlay (GTK_OVERLAY (self->child), w);
  place_overlay (self, w);
  g_signal_connect_object (w, "notify::z-index", G_CALLBACK (on_overlay_z_index), self, 0);
  return placeholder;
}

static GtkWidget *
build (FcPageView *self, FcElement *el)
{
  const char *tag = fc_element_get_tag (el);
  FcComponentClass *klass = fc_element_get_class (el);
  ViewFactory *vf = klass ? fc_component_class_get_data (klass, VIEW_FACTORY_KEY) : NULL;
  GtkWidget *w;
  gboolean container = FALSE;

  if (fc_element_get_text (el))
    {
      w = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (w), TRUE);
      gtk_label_set_xalign (GTK_LABEL (w), 0);
    }
  else if (vf)
    w = vf->factory (fc_element_get_instance (el), el, vf->user_data);
  else if (strcmp (tag, "text") == 0)
    {
      w = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (w), TRUE);
      gtk_label_set_xalign (GTK_LABEL (w), 0);
    }
  else if (strcmp (tag, "button") == 0 || strcmp (tag, "navigator") == 0)
    {
      w = gtk_button_new ();
      if (strcmp (tag, "navigator") == 0)
        gtk_widget_add_css_class (w, "flat");
      g_signal_connect (w, "clicked", G_CALLBACK (on_clicked), el);
    }
  else if (strcmp (tag, "image") == 0)
    w = gtk_picture_new ();
  else
    {
      /* view, block, the page, and components without a view */
      w = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      container = TRUE;
    }
  gtk_widget_add_css_class (w, "fc-element");
  g_object_set_data (G_OBJECT (w), "fc-element", el);
  if (*fc_element_get_id (el))
    gtk_widget_set_name (w, fc_element_get_id (el));
  g_hash_table_insert (self->widgets, el, w);
  update_widget (self, el, w);

  if (container)
    for (guint i = 0; i < fc_element_get_n_children (el); i++)
      gtk_box_append (GTK_BOX (w), build (self, fc_element_get_child (el, i)));
  if (vf && fc_element_get_parent (el) && is_overlay_view (w))
    return add_overlay (self, w);
  return w;
}

static void
refresh (FcPageView *self, FcElement *el)
{
  for (FcElement *e = el; e; e = fc_element_get_parent (e))
    {
      GtkWidget *w = g_hash_table_lookup (self->widgets, e);
      if (w)
        update_widget (self, e, w);
      /* text inside text/button/navigator shows in the ancestor's label */
      if (!fc_element_get_text (e) && e != el)
        break;
    }
}

static void
on_property_changed (FcPage *page, FcElement *el, const char *name, FcValue *value, FcPageView *self)
{
  refresh (self, el);
}

static void
on_element_changed (FcPage *page, FcElement *el, const char *what, FcPageView *self)
{
  refresh (self, el);
}

/* Drops the map entries of a widget subtree whose elements are gone. */
static void
forget (FcPageView *self, GtkWidget *w)
{
  FcElement *el = g_object_get_data (G_OBJECT (w), "fc-element");
  GtkWidget *overlay = g_object_get_data (G_OBJECT (w), OVERLAY_VIEW_KEY);
  if (overlay)
    {
      forget (self, overlay);
      gtk_overlay_remove_overlay (GTK_OVERLAY (self->child), overlay);
      return;
    }
  if (el)
    g_hash_table_remove (self->widgets, el);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    forget (self, c);
}

static void
on_children_changed (FcPage *page, FcElement *el, FcPageView *self)
{
  GtkWidget *w = g_hash_table_lookup (self->widgets, el);
  GtkWidget *c;

  if (!w || !GTK_IS_BOX (w))
    return;
  while ((c = gtk_widget_get_first_child (w)))
    {
      forget (self, c);
      gtk_box_remove (GTK_BOX (w), c);
    }
  for (guint i = 0; i < fc_element_get_n_children (el); i++)
    gtk_box_append (GTK_BOX (w), build (self, fc_element_get_child (el, i)));
}

/**
 * fc_page_view_new:
 * @page: a loaded page
 *
 * Returns: (transfer floating): a widget showing @page
 */
GtkWidget *
fc_page_view_new (FcPage *page)
{
  FcPageView *self;

  g_return_val_if_fail (FC_IS_PAGE (page) && fc_page_get_root (page), NULL);
  self = g_object_new (FC_TYPE_PAGE_VIEW, NULL);
  self->page = g_object_ref (page);
  self->child = gtk_overlay_new ();
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));
  gtk_overlay_set_child (GTK_OVERLAY (self->child), build (self, fc_page_get_root (page)));
  self->property_handler = g_signal_connect (page, "property-changed", G_CALLBACK (on_property_changed), self);
  self->element_handler = g_signal_connect (page, "element-changed", G_CALLBACK (on_element_changed), self);
  self->children_handler = g_signal_connect (page, "children-changed", G_CALLBACK (on_children_changed), self);
  return GTK_WIDGET (self);
}

/** fc_page_view_get_page: Returns: (transfer none): the page */
FcPage *
fc_page_view_get_page (FcPageView *self)
{
  g_return_val_if_fail (FC_IS_PAGE_VIEW (self), NULL);
  return self->page;
}

static void
restyle (FcPageView *self, FcElement *el)
{
  GtkWidget *w = g_hash_table_lookup (self->widgets, el);
  if (w)
    update_widget (self, el, w);
  for (guint i = 0; i < fc_element_get_n_children (el); i++)
    restyle (self, fc_element_get_child (el, i));
}

/**
 * fc_page_view_set_page_size:
 * @self: a page view
 * @width: the page width in px (750 rpx, 100 vw)
 * @height: the page height in px (100 vh)
 *
 * Default 375×667.
 */
void
fc_page_view_set_page_size (FcPageView *self, int width, int height)
{
  g_return_if_fail (FC_IS_PAGE_VIEW (self));
  if (self->page_width == width && self->page_height == height)
    return;
  self->page_width = width;
  self->page_height = height;
  restyle (self, fc_page_get_root (self->page));
}

/** fc_page_view_get_element_widget: Returns: (transfer none) (nullable): @element's widget */
GtkWidget *
fc_page_view_get_element_widget (FcPageView *self, FcElement *element)
{
  g_return_val_if_fail (FC_IS_PAGE_VIEW (self), NULL);
  return g_hash_table_lookup (self->widgets, element);
}
