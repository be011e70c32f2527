/* fc-keyboard-keys.c: the layout FcKeyboard shows now: which layout,
 * its shift, its rows and keys, and finding a key by name. See
 * fc-keyboard.h. */

#include "fc-keyboard-private.h"

#include <string.h>

/**
 * fc_keyboard_get_layout:
 * @self: a keyboard
 *
 * Gets the layout shown now (#FcKeyboard:layout).
 *
 * Returns: the layout
 */
FcKeyboardLayout
fc_keyboard_get_layout (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), FC_KEYBOARD_LAYOUT_NUMBER);
  return self->layout;
}

/**
 * fc_keyboard_set_layout:
 * @self: a keyboard
 * @layout: the layout
 *
 * Shows another layout now, as the switch keys do; #FcKeyboard:normal-type
 * is unchanged.
 */
void
fc_keyboard_set_layout (FcKeyboard *self, FcKeyboardLayout layout)
{
  g_return_if_fail (FC_IS_KEYBOARD (self));
  g_return_if_fail (layout <= FC_KEYBOARD_LAYOUT_SYMBOL);
  fc_keyboard_set_layout_internal (self, layout, FALSE);
}

/**
 * fc_keyboard_get_shift:
 * @self: a keyboard
 *
 * Gets the state of the letter layout's shift key.
 *
 * Returns: the shift state
 */
FcKeyboardShift
fc_keyboard_get_shift (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), FC_KEYBOARD_SHIFT_OFF);
  return self->shift;
}

/**
 * fc_keyboard_get_n_rows:
 * @self: a keyboard
 *
 * Gets how many rows of keys the layout shown now has
 * (fc_keyboard_get_row()).
 *
 * Returns: the number of rows
 */
guint
fc_keyboard_get_n_rows (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), 0);
  return self->data->n_rows;
}

/**
 * fc_keyboard_get_max_rows:
 *
 * The most rows any of the three layouts has with the current theme and
 * extra keys (the sidebar not counted). A view sizes its rows for this
 * many, so the keyboard keeps its height when the layout switches, as a
 * platform keyboard does.
 *
 * Returns: at least fc_keyboard_get_n_rows()
 */
guint
fc_keyboard_get_max_rows (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), 0);
  return fc_keyboard_layout_max_rows (
      self->theme, self->extra_key ? g_strv_length (self->extra_key) : 0);
}

/**
 * fc_keyboard_get_row:
 * @n_keys: (out): how many keys the row has
 * @self: a keyboard
 * @row: a row index, below fc_keyboard_get_n_rows()
 *
 * The keys of one row of the layout shown now, as a view draws them.
 *
 * Returns: (transfer none) (array length=n_keys): the keys of @row, left
 *   to right, spacers included; valid until "layout-changed"
 */
const FcKeyboardKey *
fc_keyboard_get_row (FcKeyboard *self, guint row, guint *n_keys)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), NULL);
  g_return_val_if_fail (n_keys != NULL, NULL);
  g_return_val_if_fail (row < self->data->n_rows, NULL);
  *n_keys = self->data->row_start[row + 1] - self->data->row_start[row];
  return self->data->keys + self->data->row_start[row];
}

/**
 * fc_keyboard_get_row_units:
 * @self: a keyboard
 * @row: a row index, below fc_keyboard_get_n_rows()
 *
 * Gets the total width of one row in units: a view gives each key of the
 * row its fc_keyboard_key width in proportion.
 *
 * Returns: the row's width in units
 */
guint
fc_keyboard_get_row_units (FcKeyboard *self, guint row)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), 0);
  g_return_val_if_fail (row < self->data->n_rows, 0);
  return self->data->row_units[row];
}

/**
 * fc_keyboard_get_sidebar:
 * @n_keys: (out): how many keys (0 in the default theme)
 * @self: a keyboard
 *
 * The keys of the custom theme's sidebar (delete and done beside the
 * digits), as a view draws them.
 *
 * Returns: (transfer none) (array length=n_keys) (nullable): the sidebar's
 *   keys, top to bottom; their row and height are in units of the sidebar
 */
const FcKeyboardKey *
fc_keyboard_get_sidebar (FcKeyboard *self, guint *n_keys)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), NULL);
  g_return_val_if_fail (n_keys != NULL, NULL);
  *n_keys = self->data->n_sidebar;
  return self->data->n_sidebar ? self->data->sidebar : NULL;
}

/**
 * fc_keyboard_get_is_scrambled:
 * @self: a keyboard
 *
 * Whether the keys shown now are in a scrambled arrangement (digits or
 * letters, as #FcKeyboard:is-random-number and
 * #FcKeyboard:is-random-letter ask).
 *
 * Returns: whether the keys are scrambled
 */
gboolean
fc_keyboard_get_is_scrambled (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), FALSE);
  return (self->layout == FC_KEYBOARD_LAYOUT_NUMBER && self->random_number)
         || (self->layout == FC_KEYBOARD_LAYOUT_LETTER && self->random_letter);
}

static gboolean
key_matches (const FcKeyboardKey *key, const char *name)
{
  if (key->action == NULL)
    return FALSE;
  if (key->kind == FC_KEYBOARD_KEY_CHARACTER && key->text[0] && !key->text[1]
      && g_ascii_isalpha (key->text[0]))
    return g_ascii_strcasecmp (key->action, name) == 0;
  return strcmp (key->action, name) == 0;
}

/**
 * fc_keyboard_find_key:
 * @name: a key's text ("5", "a", "#"; letters in either case), or one of
 *   "delete", "close", "shift", "space", "layout:number", "layout:letter",
 *   "layout:symbol"
 *
 * Looks @name up in the layout shown now, so with scrambling on the key
 * found is wherever that text is now.
 *
 * Returns: (transfer none) (nullable): the key, or %NULL if the layout
 *   shown has no such key
 */
const FcKeyboardKey *
fc_keyboard_find_key (FcKeyboard *self, const char *name)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* The sidebar first: in the custom theme it holds delete and close. */
  for (guint i = 0; i < self->data->n_sidebar; i++)
    if (key_matches (&self->data->sidebar[i], name))
      return &self->data->sidebar[i];
  for (guint i = 0; i < self->data->n_keys; i++)
    if (key_matches (&self->data->keys[i], name))
      return &self->data->keys[i];
  return NULL;
}
