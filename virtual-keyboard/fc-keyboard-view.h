/* fc-keyboard-view.h: the GTK 4 view of an FcKeyboard.
 *
 * The view renders the core's rows (fc_keyboard_get_row()) and sidebar as
 * buttons (whose text it draws itself, from buffers it wipes), slides in and
 * out with a GtkRevealer as the core's "show" property changes, and sends every
 * press back through the core, which emits the events. Place it at the bottom
 * of the host window (it is valign END), typically in a GtkOverlay.
 *
 * Accessibility: the view is a group labelled "Keyboard" (or the title);
 * each key is a button whose accessible label is its text, or a word for
 * function keys ("Delete", "Shift", "Caps lock", "Letters", …). Buttons
 * are destroyed whenever the layout changes and when the keyboard has
 * hidden, so no label outlives its key. Keys do not take focus: the
 * view itself takes hardware keys while focused.
 */
#pragma once

#include <gtk/gtk.h>

#include "fc-keyboard.h"

G_BEGIN_DECLS

/**
 * FcKeyboardView:
 *
 * The GTK 4 view of an #FcKeyboard: the title bar, the rows of keys and
 * the sidebar of the custom theme, the key preview popup, and the slide
 * in and out. It renders what the core gives and reports presses back.
 */
#define FC_TYPE_KEYBOARD_VIEW (fc_keyboard_view_get_type ())
FC_KEYBOARD_EXPORT
G_DECLARE_FINAL_TYPE (FcKeyboardView, fc_keyboard_view, FC, KEYBOARD_VIEW,
                      GtkWidget)

FC_KEYBOARD_EXPORT
GtkWidget *fc_keyboard_view_new (FcKeyboard *keyboard);
FC_KEYBOARD_EXPORT
FcKeyboard *fc_keyboard_view_get_keyboard (FcKeyboardView *self);
FC_KEYBOARD_EXPORT
GtkWidget *fc_keyboard_view_get_key_widget (FcKeyboardView *self,
                                            const FcKeyboardKey *key);
FC_KEYBOARD_EXPORT
const char *fc_keyboard_view_get_key_label (FcKeyboardView *self,
                                            GtkWidget *key_widget);
FC_KEYBOARD_EXPORT
PangoLayout *fc_keyboard_view_get_key_layout (FcKeyboardView *self,
                                              GtkWidget *key_widget);
FC_KEYBOARD_EXPORT
gboolean fc_keyboard_view_get_popup_visible (FcKeyboardView *self);
FC_KEYBOARD_EXPORT
gboolean fc_keyboard_view_handle_keyval (FcKeyboardView *self, guint keyval);

G_END_DECLS
