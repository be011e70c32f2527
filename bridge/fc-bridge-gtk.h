/* fc-bridge-gtk.h: GTK 4 views of a mounted page (library fc-bridge-gtk). */
#pragma once

#include <gtk/gtk.h>
#include <fc-bridge.h>

G_BEGIN_DECLS

/**
 * FcComponentViewFactory:
 * @instance: (nullable): the component's GObject
 * @element: its element
 * @user_data: the factory's data
 *
 * Builds the GTK view of a component instance.
 *
 * Returns: (transfer floating): the widget
 */
typedef GtkWidget *(*FcComponentViewFactory) (GObject *instance, FcElement *element, gpointer user_data);

FC_BRIDGE_EXPORT void fc_component_class_set_view_factory (FcComponentClass *klass,
                                                           FcComponentViewFactory factory,
                                                           gpointer user_data,
                                                           GDestroyNotify destroy);

/**
 * FcPageView:
 *
 * A widget showing a mounted #FcPage: built-in elements become GTK widgets
 * (`view` a box sized by its `style` width/height in px, rpx, vw, vh or %;
 * `text` a label; `image` a picture; `button` and `navigator` buttons that
 * tap; the platform's other built-ins plain GTK widgets: `input` an entry,
 * `textarea` a text view, `switch` a switch, `checkbox`/`radio` check
 * buttons, `slider` a scale, `progress` a progress bar, `scroll-view` a
 * scrolled window, boxes for the rest, whose user input raises the
 * platform's events), components the widget of their class's view factory. It follows
 * the page's changes. The `class` attribute's names are the widgets' CSS
 * classes, and the page's stylesheets (fc_page_view_load_stylesheets())
 * style them through GTK's CSS engine.
 */
#define FC_TYPE_PAGE_VIEW (fc_page_view_get_type ())
FC_BRIDGE_EXPORT G_DECLARE_FINAL_TYPE (FcPageView, fc_page_view, FC, PAGE_VIEW, GtkWidget)

FC_BRIDGE_EXPORT GtkWidget *fc_page_view_new (FcPage *page);
FC_BRIDGE_EXPORT FcPage *fc_page_view_get_page (FcPageView *self);
FC_BRIDGE_EXPORT void fc_page_view_set_page_size (FcPageView *self, int width, int height);
FC_BRIDGE_EXPORT GtkWidget *fc_page_view_get_element_widget (FcPageView *self, FcElement *element);
FC_BRIDGE_EXPORT void fc_page_view_add_stylesheet (FcPageView *self, const char *name, const char *text);
FC_BRIDGE_EXPORT gboolean fc_page_view_load_stylesheets (FcPageView *self, const char *page_path, GError **error);

G_END_DECLS
