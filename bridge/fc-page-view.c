/* fc-page-view.c: GTK 4 views of built-in elements and components. */
#include <stdlib.h>
#include <string.h>

#include "fc-bridge-gtk.h"
#include "fc-builtin-views-private.h"

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
 *
 * Sets how the GTK view of a component is built: #FcPageView calls
 * @factory for each element of the class.
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
  char *scope_class;  /* "fc-page-N": what the page's stylesheets are scoped to */
  GPtrArray *sheets;  /* Sheet*: the page's stylesheets, as loaded */
  GdkDisplay *display; /* where the sheets' providers are */
};

typedef struct {
  FcPageView *view;
  char *name; /* as warnings name it: pages/pin/pin.ftss */
  char *text;
  GtkCssProvider *provider;
} Sheet;

static void sheet_free (gpointer p);
static void sheet_load (Sheet *sh, gboolean quiet);

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
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_object (&self->display);
  g_clear_pointer (&self->scope_class, g_free);
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
  static guint n_views;

  self->widgets = g_hash_table_new (NULL, NULL);
  self->scope_class = g_strdup_printf ("fc-page-%u", ++n_views);
  gtk_widget_add_css_class (GTK_WIDGET (self), self->scope_class);
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

#define CLASSES_KEY "fc-page-view-classes"

/* The `class` attribute's names are the widget's CSS classes (the page's
 * stylesheets select them); the ones a change drops are removed. */
static void
apply_classes (FcElement *el, GtkWidget *w)
{
  FcValue *cls = fc_element_get_attribute (el, "class");
  char **old = g_object_get_data (G_OBJECT (w), CLASSES_KEY);
  g_auto (GStrv) names = NULL;

  if (cls && fc_value_get_kind (cls) == FC_VALUE_STRING)
    {
      g_autofree char *text = g_strdup (fc_value_get_string (cls));
      names = g_strsplit_set (g_strstrip (text), " \t\n\r\f", -1);
    }
  if (!names && !old)
    return;
  /* "fc-..." are the view's own classes (fc-element, fc-TAG, fc-page-N) */
  for (guint i = 0; old && old[i]; i++)
    if (*old[i] && !g_str_has_prefix (old[i], "fc-"))
      gtk_widget_remove_css_class (w, old[i]);
  for (guint i = 0; names && names[i]; i++)
    if (*names[i] && !g_str_has_prefix (names[i], "fc-"))
      gtk_widget_add_css_class (w, names[i]);
  g_object_set_data_full (G_OBJECT (w), CLASSES_KEY, g_steal_pointer (&names), (GDestroyNotify) g_strfreev);
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
  apply_classes (el, w);
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
  else
    fc_builtin_view_update (el, w);
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

static const char *const builtin_tags[] = { "view", "text", "image", "button", "navigator", "block" };

static gboolean
is_builtin_tag (const char *tag)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_tags); i++)
    if (strcmp (tag, builtin_tags[i]) == 0)
      return TRUE;
  return fc_builtin_view_has_tag (tag);
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
    w = vf->factory (fc_element_get_instance (el), fc_element_get_component_handle (el), vf->user_data);
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
  else if ((w = fc_builtin_view_new (el, &container)))
    ;
  else
    {
      /* view, block, the page, and components without a view */
      w = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      container = TRUE;
    }
  gtk_widget_add_css_class (w, "fc-element");
  if (!fc_element_get_text (el) && is_builtin_tag (tag))
    {
      /* what an element name in the page's stylesheet selects */
      g_autofree char *tag_class = g_strdup_printf ("fc-%s", tag);
      gtk_widget_add_css_class (w, tag_class);
    }
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
  return fc_builtin_view_outer (w);
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
 * Creates the GTK 4 view of a mounted page: a widget tree of its elements
 * that follows the page's changes.
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

/**
 * fc_page_view_get_page:
 * @self: a view
 *
 * The page the view shows.
 *
 * Returns: (transfer none): the page
 */
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
  /* rpx, vw and vh follow the new size */
  for (guint i = 0; self->sheets && i < self->sheets->len; i++)
    sheet_load (g_ptr_array_index (self->sheets, i), TRUE);
}

/**
 * fc_page_view_get_element_widget:
 * @self: a view
 * @element: an element of the view's page
 *
 * The widget that renders one element of the page, for hosts that place
 * overlays and for tests.
 *
 * Returns: (transfer none) (nullable): @element's widget
 */
GtkWidget *
fc_page_view_get_element_widget (FcPageView *self, FcElement *element)
{
  g_return_val_if_fail (FC_IS_PAGE_VIEW (self), NULL);
  /* a plugin's handle stands for its element */
  if (!fc_element_get_page (element))
    return NULL;
  return g_hash_table_lookup (self->widgets, element);
}

/* ---- the page's stylesheets ----
 *
 * GTK's CSS engine styles the page: a stylesheet (`.ftss`, the platform's
 * `.wxss`) is rewritten into GTK CSS line for line and loaded into a
 * GtkCssProvider for the view's display. The rewrite keeps what maps
 * cleanly and scopes it to this view (its "fc-page-N" class):
 *
 * - selectors: class names (the `class` attribute; names starting with
 *   "fc-" are the view's own and are not taken from it), `#id`, the element
 *   names `view` `text` `image` `button` `navigator` `block` (the widgets'
 *   "fc-TAG" classes), `page` (the view itself), `*`, the descendant and
 *   `>` `+` `~` combinators, `:hover` `:active` `:disabled`
 *   `:first-child` `:last-child`. A rule with any other selector is
 *   skipped with a warning, as is an at-rule (`@import`, `@media`, ...).
 * - lengths in rpx (750 rpx = the page width), vw and vh become px;
 *   `width`/`height` become `min-width`/`min-height` (GTK boxes grow to
 *   their content).
 * - everything else goes to GTK as written: a property or value GTK does
 *   not know is reported by its parser (GtkCssProvider::parsing-error)
 *   and skipped.
 *
 * Warnings are the page's FcPage::warning, `FILE:LINE: ...`. */

static void
sheet_free (gpointer p)
{
  Sheet *sh = p;

  if (sh->view->display)
    gtk_style_context_remove_provider_for_display (sh->view->display, GTK_STYLE_PROVIDER (sh->provider));
  g_signal_handlers_disconnect_by_data (sh->provider, sh);
  g_object_unref (sh->provider);
  g_free (sh->name);
  g_free (sh->text);
  g_free (sh);
}

typedef struct {
  Sheet *sheet;
  gboolean quiet; /* a reload (new page size) says nothing twice */
} Translation;

static void sheet_warn (Sheet *sh, gboolean quiet, gsize line, const char *fmt, ...) G_GNUC_PRINTF (4, 5);

static void
sheet_warn (Sheet *sh, gboolean quiet, gsize line, const char *fmt, ...)
{
  g_autofree char *msg = NULL, *full = NULL;
  va_list ap;

  if (quiet)
    return;
  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  full = g_strdup_printf ("%s:%" G_GSIZE_FORMAT ": %s", sh->name, line, msg);
  g_signal_emit_by_name (sh->view->page, "warning", full);
}

static gboolean
is_ident_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || (guchar) c >= 0x80;
}

static const char *
read_ident (const char *p, GString *into)
{
  while (is_ident_char (*p))
    g_string_append_c (into, *p++);
  return p;
}

/* One selector (no commas) into GTK's, or NULL if it has a part that does
 * not map. */
static char *
translate_selector (FcPageView *self, const char *sel)
{
  static const char *const pseudo[] = { "hover", "active", "disabled", "first-child", "last-child" };
  g_autoptr (GString) o = g_string_new (NULL);
  gboolean scoped = FALSE, first = TRUE;
  const char *p = sel;

  while (*p)
    {
      gboolean any = FALSE;

      if (g_ascii_isspace (*p) || *p == '>' || *p == '+' || *p == '~')
        {
          char comb = ' ';

          for (; g_ascii_isspace (*p) || *p == '>' || *p == '+' || *p == '~'; p++)
            if (!g_ascii_isspace (*p))
              {
                if (comb != ' ')
                  return NULL;
                comb = *p;
              }
          /* the selector is stripped: nothing may start or end with one */
          if (!*p || first)
            return NULL;
          if (comb == ' ')
            g_string_append_c (o, ' ');
          else
            g_string_append_printf (o, " %c ", comb);
          continue;
        }
      /* a compound selector */
      if (*p == '*')
        {
          g_string_append_c (o, '*');
          p++;
          any = TRUE;
        }
      else if (g_ascii_isalpha (*p))
        {
          g_autoptr (GString) tag = g_string_new (NULL);
          p = read_ident (p, tag);
          if (strcmp (tag->str, "page") == 0 && first)
            {
              g_string_append_printf (o, ".%s", self->scope_class);
              scoped = TRUE;
            }
          else if (is_builtin_tag (tag->str))
            g_string_append_printf (o, ".fc-%s", tag->str);
          else
            return NULL;
          any = TRUE;
        }
      while (*p == '.' || *p == '#' || *p == ':')
        {
          g_autoptr (GString) name = g_string_new (NULL);
          char kind = *p++;
          gboolean ok = FALSE;

          p = read_ident (p, name);
          if (!name->len)
            return NULL;
          if (kind == ':')
            for (guint i = 0; i < G_N_ELEMENTS (pseudo) && !ok; i++)
              ok = strcmp (name->str, pseudo[i]) == 0;
          else
            ok = TRUE;
          if (!ok)
            return NULL;
          g_string_append_printf (o, "%c%s", kind, name->str);
          any = TRUE;
        }
      if (!any || (*p && !g_ascii_isspace (*p) && *p != '>' && *p != '+' && *p != '~'))
        return NULL;
      first = FALSE;
    }
  if (!o->len)
    return NULL;
  if (!scoped)
    {
      /* descendants of this view only */
      g_autofree char *scope = g_strdup_printf (".%s ", self->scope_class);
      g_string_prepend (o, scope);
    }
  return g_string_free (g_steal_pointer (&o), FALSE);
}

static gboolean
convert_length (const GMatchInfo *info, GString *res, gpointer data)
{
  FcPageView *self = data;
  g_autofree char *num = g_match_info_fetch (info, 2), *unit = g_match_info_fetch (info, 3),
                   *lead = g_match_info_fetch (info, 1);
  double v = g_ascii_strtod (num, NULL);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (strcmp (unit, "rpx") == 0)
    v = v * self->page_width / 750.0;
  else if (strcmp (unit, "vw") == 0)
    v = v * self->page_width / 100.0;
  else
    v = v * self->page_height / 100.0;
  g_ascii_formatd (buf, sizeof buf, "%.2f", v);
  end = buf + strlen (buf);
  while (end > buf && end[-1] == '0')
    *--end = '\0';
  if (end > buf && end[-1] == '.')
    *--end = '\0';
  g_string_append_printf (res, "%s%spx", lead, strcmp (buf, "-0") == 0 ? "0" : buf);
  return FALSE;
}

static char *
translate_block (FcPageView *self, const char *block)
{
  static GRegex *length, *size;
  g_autofree char *sized = NULL;

  if (g_once_init_enter (&length))
    g_once_init_leave (&length, g_regex_new ("(^|[^\\w.#-])(-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)(rpx|vw|vh)(?![\\w-])",
                                                     G_REGEX_OPTIMIZE, 0, NULL));
  if (g_once_init_enter (&size))
    g_once_init_leave (&size, g_regex_new ("(^|[;{\\s])(width|height)(\\s*:)", G_REGEX_OPTIMIZE, 0, NULL));
  sized = g_regex_replace (size, block, -1, 0, "\\1min-\\2\\3", 0, NULL);
  return g_regex_replace_eval (length, sized, -1, 0, 0, convert_length, self, NULL);
}

/* Skips a comment, string or bracketed run starting at p; returns the end. */
static const char *
skip_token (const char *p)
{
  if (p[0] == '/' && p[1] == '*')
    {
      const char *e = strstr (p + 2, "*/");
      return e ? e + 2 : p + strlen (p);
    }
  if (*p == '"' || *p == '\'')
    {
      char q = *p++;
      while (*p && *p != q && *p != '\n')
        p += p[0] == '\\' && p[1] ? 2 : 1;
      return *p == q ? p + 1 : p;
    }
  return p + 1;
}

/* Copies [from, to) with every character but newlines as a space. */
static void
append_blank (GString *out, const char *from, const char *to)
{
  for (const char *p = from; p < to; p++)
    g_string_append_c (out, *p == '\n' ? '\n' : ' ');
}

static gsize
count_lines (const char *from, const char *to)
{
  gsize n = 0;
  for (const char *p = from; p < to; p++)
    n += *p == '\n';
  return n;
}

static char *
translate_sheet (Sheet *sh, gboolean quiet)
{
  FcPageView *self = sh->view;
  GString *out = g_string_new (NULL);
  const char *p = sh->text;
  gsize line = 1;

  while (*p)
    {
      const char *start = p, *brace = NULL, *end;
      int depth = 0;

      if (g_ascii_isspace (*p))
        {
          line += *p == '\n';
          g_string_append_c (out, *p++);
          continue;
        }
      if (p[0] == '/' && p[1] == '*')
        {
          end = skip_token (p);
          append_blank (out, p, end);
          line += count_lines (p, end);
          p = end;
          continue;
        }
      /* the prelude, up to '{' or ';' */
      while (*p && *p != '{' && *p != ';' && *p != '}')
        p = skip_token (p);
      if (*p == '{')
        {
          brace = p;
          for (end = p; *end; end = skip_token (end))
            if (*end == '{')
              depth++;
            else if (*end == '}' && --depth == 0)
              break;
          end = *end ? end + 1 : end;
        }
      else
        end = *p ? p + 1 : p;

      if (*start == '@' || !brace)
        {
          g_autofree char *what = g_strstrip (g_strndup (start, (brace ? brace : p) - start));
          if (*start == '@')
            sheet_warn (sh, quiet, line, "%s: at-rules are not supported; skipped", what);
          else
            sheet_warn (sh, quiet, line, "expected a rule \"SELECTORS { ... }\", got \"%s\"; skipped",
                        *what ? what : *p ? (char[]) { *p, '\0' } : "end of file");
          append_blank (out, start, end);
        }
      else
        {
          g_autofree char *prelude = g_strndup (start, brace - start);
          g_auto (GStrv) sels = NULL;
          g_autoptr (GString) gtk_sels = g_string_new (NULL);
          const char *bad = NULL;

          /* comments in a selector list are dropped */
          for (char *c = strstr (prelude, "/*"); c; c = strstr (c, "/*"))
            {
              const char *e = skip_token (c);
              memset (c, ' ', e - c);
            }
          sels = g_strsplit (prelude, ",", -1);
          for (guint i = 0; sels[i] && !bad; i++)
            {
              g_autofree char *t = NULL;
              g_strstrip (sels[i]);
              g_strdelimit (sels[i], "\n\t\r\f", ' ');
              if (!(t = translate_selector (self, sels[i])))
                bad = sels[i];
              else
                g_string_append_printf (gtk_sels, "%s%s", i ? ", " : "", t);
            }
          if (bad)
            {
              sheet_warn (sh, quiet, line,
                          "selector \"%s\" is not supported (class names, #id, page, view, text, image, "
                          "button, navigator, block); rule skipped",
                          bad);
              append_blank (out, start, end);
            }
          else
            {
              g_autofree char *block = g_strndup (brace, end - brace);
              g_autofree char *gtk_block = translate_block (self, block);
              gsize n = count_lines (start, brace);

              g_string_append (out, gtk_sels->str);
              for (gsize i = 0; i < n; i++)
                g_string_append_c (out, '\n');
              g_string_append_c (out, ' ');
              g_string_append (out, gtk_block);
              if (!*end && end[-1] != '}')
                g_string_append_c (out, '}');
            }
        }
      line += count_lines (start, end);
      p = end;
    }
  return g_string_free (out, FALSE);
}

static void
on_parsing_error (GtkCssProvider *provider, GtkCssSection *section, const GError *error, Sheet *sh)
{
  const GtkCssLocation *at = gtk_css_section_get_start_location (section);
  gsize n = strlen (error->message);

  if (n && error->message[n - 1] == '.')
    n--;
  sheet_warn (sh, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (provider), "fc-quiet")), at->lines + 1,
              "%.*s; skipped", (int) n, error->message);
}

static void
sheet_load (Sheet *sh, gboolean quiet)
{
  g_autofree char *css = translate_sheet (sh, quiet);

  g_object_set_data (G_OBJECT (sh->provider), "fc-quiet", GINT_TO_POINTER (quiet));
  gtk_css_provider_load_from_data (sh->provider, css, -1);
}

/**
 * fc_page_view_add_stylesheet:
 * @self: a page view
 * @name: the sheet's name in warnings (`pages/pin/pin.ftss`)
 * @text: the stylesheet (the platform's `.ftss`/`.wxss` syntax)
 *
 * Styles the view's widgets with @text, after the sheets added before it.
 * Widgets carry their element's `class` names as CSS classes and "fc-TAG"
 * for the built-in elements; the rules are scoped to this view. Lengths in
 * rpx follow the page width (fc_page_view_set_page_size()). What does not
 * map to GTK CSS is skipped with a #FcPage::warning naming @name and the
 * line.
 */
void
fc_page_view_add_stylesheet (FcPageView *self, const char *name, const char *text)
{
  Sheet *sh;

  g_return_if_fail (FC_IS_PAGE_VIEW (self) && name && text);
  if (!self->sheets)
    {
      self->sheets = g_ptr_array_new_with_free_func (sheet_free);
      self->display = g_object_ref (gtk_widget_get_display (GTK_WIDGET (self)));
    }
  sh = g_new0 (Sheet, 1);
  sh->view = self;
  sh->name = g_strdup (name);
  sh->text = g_strdup (text);
  sh->provider = gtk_css_provider_new ();
  g_signal_connect (sh->provider, "parsing-error", G_CALLBACK (on_parsing_error), sh);
  g_ptr_array_add (self->sheets, sh);
  sheet_load (sh, FALSE);
  gtk_style_context_add_provider_for_display (self->display, GTK_STYLE_PROVIDER (sh->provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + self->sheets->len);
}

/* Adds ROOT/REL.ftss (or .wxss) if there is one; NAME_PREFIX + REL + ext
 * names it. Symlinks out of ROOT are refused. */
static gboolean
add_sheet_file (FcPageView *self, const char *root, const char *rel, const char *name_prefix, GError **error)
{
  static const char *const exts[] = { ".ftss", ".wxss" };

  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    {
      g_autofree char *file = g_strconcat (root, "/", rel, exts[i], NULL);
      g_autofree char *real = NULL, *real_root = NULL, *text = NULL, *name = NULL;

      if (!g_file_test (file, G_FILE_TEST_EXISTS))
        continue;
      name = g_strconcat (name_prefix, rel, exts[i], NULL);
      real = realpath (file, NULL);
      real_root = realpath (root, NULL);
      if (!real || !real_root || !g_str_has_prefix (real, real_root) || real[strlen (real_root)] != '/')
        {
          g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_ESCAPING_PATH, "%s: the stylesheet is outside %s", name,
                       root);
          return FALSE;
        }
      if (!g_file_get_contents (real, &text, NULL, error))
        {
          g_prefix_error (error, "%s: ", name);
          return FALSE;
        }
      fc_page_view_add_stylesheet (self, name, text);
      return TRUE;
    }
  return TRUE;
}

/**
 * fc_page_view_load_stylesheets:
 * @self: a view of a page loaded with fc_app_load_page()
 * @page_path: the path the page was loaded with (`pages/pin/pin`, or
 *   `plugin://ALIAS/PAGE`; a `?query` is ignored)
 * @error: return location for an error
 *
 * Adds the page's stylesheets (fc_page_view_add_stylesheet()): for a page
 * of the app, the app-wide `app.ftss` and then the page's `PAGE.ftss`; for
 * a plugin's page, its `.ftss` in the plugin's package (a plugin page does
 * not get the app's styles). The platform's `.wxss` is read where there is
 * no `.ftss`. Missing files are fine; a page without an app has none.
 *
 * Returns: %FALSE if a stylesheet could not be read (or leaves its root)
 */
gboolean
fc_page_view_load_stylesheets (FcPageView *self, const char *page_path, GError **error)
{
  FcApp *app;

  g_autofree char *path = NULL;

  g_return_val_if_fail (FC_IS_PAGE_VIEW (self) && page_path, FALSE);
  if (!(app = fc_app_from_page (self->page)))
    return TRUE;
  /* a navigation url's query is not part of the file name */
  path = g_strndup (page_path, strcspn (page_path, "?"));
  page_path = path;
  if (g_str_has_prefix (page_path, "plugin://"))
    {
      const char *alias = page_path + strlen ("plugin://");
      const char *slash = strchr (alias, '/');
      g_autofree char *a = slash ? g_strndup (alias, slash - alias) : NULL;
      FcPlugin *plugin = a ? fc_app_get_plugin (app, a) : NULL;
      const char *rel = plugin ? fc_plugin_get_page (plugin, slash + 1) : NULL;
      g_autofree char *prefix = NULL;

      if (!rel)
        return TRUE;
      prefix = g_strdup_printf ("%s/%s/", fc_plugin_get_provider (plugin), fc_plugin_get_version (plugin));
      return add_sheet_file (self, fc_plugin_get_dir (plugin), rel, prefix, error);
    }
  while (*page_path == '/')
    page_path++;
  return add_sheet_file (self, fc_app_get_dir (app), "app", "", error)
         && add_sheet_file (self, fc_app_get_dir (app), page_path, "", error);
}
