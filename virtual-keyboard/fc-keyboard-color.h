/* fc-keyboard-color.h: the themeColor syntax, parsed without GTK. */
#pragma once

#include <glib.h>

#include "fc-keyboard-export.h"

G_BEGIN_DECLS

/**
 * FcKeyboardColor:
 * @red: 0 to 1
 * @green: 0 to 1
 * @blue: 0 to 1
 * @alpha: 0 to 1
 *
 * A colour of the keyboard's theme, as numbers a view draws with.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} FcKeyboardColor;

FC_KEYBOARD_EXPORT
gboolean fc_keyboard_color_parse (const char *spec, FcKeyboardColor *color);
FC_KEYBOARD_EXPORT
char *fc_keyboard_color_to_string (const FcKeyboardColor *color);

G_END_DECLS
