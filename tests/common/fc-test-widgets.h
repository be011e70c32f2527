/* Looking into a GTK widget tree as a test does: finding a widget by type,
 * name or style class, the text a person reads, a rendering saved as PNG. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The first widget at or below W (depth first) that is a TYPE, has the
 * widget name NAME, or the style class CSS_CLASS; NULL if none. */
GtkWidget *fc_test_find_type (GtkWidget *w, GType type);
GtkWidget *fc_test_find_name (GtkWidget *w, const char *name);
GtkWidget *fc_test_find_class (GtkWidget *w, const char *css_class);

/* Every visible GtkLabel's text at or below W, concatenated in tree order. */
char *fc_test_widget_text (GtkWidget *w);

/* How many times WHAT occurs in S (overlapping ones counted). */
guint fc_test_count (const char *s, const char *what);

/* Renders WIDGET as it is now with its own renderer, saves NAME.png in
 * $FC_SCREENSHOT_DIR (or the test's build folder) and returns the texture. */
GdkTexture *fc_test_shoot (GtkWidget *widget, const char *name);

G_END_DECLS
