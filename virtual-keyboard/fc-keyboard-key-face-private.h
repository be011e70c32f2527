/* fc-keyboard-key-face-private.h: the text of one key, drawn by the view
 * from a buffer and a PangoLayout it owns, both wiped before they are
 * freed (see fc-keyboard-key-face.c). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FC_TYPE_KEYBOARD_KEY_FACE (fc_keyboard_key_face_get_type ())
G_DECLARE_FINAL_TYPE (FcKeyboardKeyFace, fc_keyboard_key_face, FC,
                      KEYBOARD_KEY_FACE, GtkWidget)

GtkWidget *fc_keyboard_key_face_new (const char *text);
void fc_keyboard_key_face_set_text (FcKeyboardKeyFace *self, const char *text);
const char *fc_keyboard_key_face_get_text (FcKeyboardKeyFace *self);
PangoLayout *fc_keyboard_key_face_get_layout (FcKeyboardKeyFace *self);

G_END_DECLS
