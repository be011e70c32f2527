/* fc-keyboard-random-private.h: unbiased shuffles from getrandom(2). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint32 fc_keyboard_random_below (guint32 bound);
void fc_keyboard_random_shuffle (guint8 *items, guint n_items);

G_END_DECLS
