/* fc-builtin-views-private.h: plain GTK views of the platform's other
 * built-ins (fc-builtin-views.c), for fc-page-view.c. */
#pragma once

#include "fc-bridge-gtk.h"

G_BEGIN_DECLS

gboolean fc_builtin_view_has_tag (const char *tag);
GtkWidget *fc_builtin_view_new (FcElement *el, gboolean *container);
void fc_builtin_view_update (FcElement *el, GtkWidget *w);
GtkWidget *fc_builtin_view_outer (GtkWidget *w);

G_END_DECLS
