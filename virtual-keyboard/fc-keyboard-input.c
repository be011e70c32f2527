/* fc-keyboard-input.c: key input on FcKeyboard: press, release and the
 * held delete's repeat, taps by name, hardware keys, close and blur.
 * See fc-keyboard.h. */

#include "fc-keyboard-private.h"

#include <string.h>

static gboolean
owns_key (FcKeyboard *self, const FcKeyboardKey *key)
{
  return (key >= self->data->keys
          && key < self->data->keys + self->data->n_keys)
         || (key >= self->data->sidebar
             && key < self->data->sidebar + self->data->n_sidebar);
}

/* Emits a copy: a handler may rebuild the layout (hide, change a
 * property) while the signal runs, which frees the key's own text. */
static void
emit_input (FcKeyboard *self, const char *text)
{
  char *copy = g_strdup (text);

  g_log (G_LOG_DOMAIN_KB, G_LOG_LEVEL_DEBUG, "input key tapped");
  g_signal_emit (self, fc_keyboard_signals[SIGNAL_INPUT], 0, copy);
  fc_keyboard_wipe_free (copy);
}

static void emit_delete (FcKeyboard *self);

static gboolean
repeat_cb (gpointer data)
{
  FcKeyboard *self = data;

  emit_delete (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
first_repeat_cb (gpointer data)
{
  FcKeyboard *self = data;

  self->repeat_id = 0;
  emit_delete (self);
  if (self->held && self->held_kind == FC_KEYBOARD_KEY_DELETE
      && self->repeat_id == 0)
    self->repeat_id = fc_keyboard_clock_add_timeout (
        self->clock, FC_KEYBOARD_REPEAT_INTERVAL_MS, repeat_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
emit_delete (FcKeyboard *self)
{
  g_log (G_LOG_DOMAIN_KB, G_LOG_LEVEL_DEBUG, "delete");
  g_signal_emit (self, fc_keyboard_signals[SIGNAL_DELETE], 0);
}

/**
 * fc_keyboard_press:
 * @key: a key of the layout shown now
 *
 * The key goes down: it acts at once (one "input", "delete", "close", a
 * shift or a layout change). A held delete repeats, first after
 * #FC_KEYBOARD_REPEAT_DELAY_MS then every #FC_KEYBOARD_REPEAT_INTERVAL_MS
 * on the keyboard's clock, until fc_keyboard_release(). Pressing a key
 * while another is held releases that one first.
 *
 * Returns: %FALSE if the keyboard is hidden, or @key is not a key of the
 *   layout shown, or is a spacer
 */
gboolean
fc_keyboard_press (FcKeyboard *self, const FcKeyboardKey *key)
{
  FcKeyboardKeyKind kind;
  g_autofree char *action = NULL;

  g_return_val_if_fail (FC_IS_KEYBOARD (self), FALSE);
  /* A hidden keyboard takes no input, whoever asks. */
  if (!self->show || key == NULL || !owns_key (self, key)
      || key->kind == FC_KEYBOARD_KEY_SPACER)
    return FALSE;

  fc_keyboard_cancel_repeat (self);
  kind = key->kind;
  self->held = TRUE;
  self->held_kind = kind;
  g_object_ref (self);

  switch (kind)
    {
    case FC_KEYBOARD_KEY_CHARACTER:
    case FC_KEYBOARD_KEY_EXTRA:
    case FC_KEYBOARD_KEY_SPACE:
      {
        gboolean letter = kind == FC_KEYBOARD_KEY_CHARACTER
                          && self->layout == FC_KEYBOARD_LAYOUT_LETTER;

        emit_input (self, key->text);
        if (letter && self->shift == FC_KEYBOARD_SHIFT_ONCE)
          {
            self->shift = FC_KEYBOARD_SHIFT_OFF;
            fc_keyboard_rebuild (self);
          }
      }
      break;
    case FC_KEYBOARD_KEY_DELETE:
      emit_delete (self);
      if (self->held && self->held_kind == FC_KEYBOARD_KEY_DELETE
          && self->repeat_id == 0)
        self->repeat_id = fc_keyboard_clock_add_timeout (
            self->clock, FC_KEYBOARD_REPEAT_DELAY_MS, first_repeat_cb, self,
            NULL);
      break;
    case FC_KEYBOARD_KEY_CLOSE:
      fc_keyboard_close (self);
      break;
    case FC_KEYBOARD_KEY_SHIFT:
      self->shift = (self->shift + 1) % 3;
      fc_keyboard_rebuild (self);
      break;
    case FC_KEYBOARD_KEY_SWITCH:
      action = g_strdup (key->action);
      fc_keyboard_set_layout_internal (
          self,
          fc_keyboard_lookup_name (fc_keyboard_layout_names,
                                   G_N_ELEMENTS (fc_keyboard_layout_names),
                                   action + strlen ("layout:")),
          FALSE);
      break;
    case FC_KEYBOARD_KEY_SPACER:
    default:
      break;
    }

  g_object_unref (self);
  return TRUE;
}

/**
 * fc_keyboard_release:
 *
 * The held key goes up; a delete stops repeating at once.
 */
void
fc_keyboard_release (FcKeyboard *self)
{
  g_return_if_fail (FC_IS_KEYBOARD (self));
  fc_keyboard_cancel_repeat (self);
}

/**
 * fc_keyboard_close:
 *
 * What the done key and the title bar's close button do: emits "close",
 * then hides the keyboard. Nothing while hidden.
 */
void
fc_keyboard_close (FcKeyboard *self)
{
  g_return_if_fail (FC_IS_KEYBOARD (self));
  if (!self->show)
    return;
  fc_keyboard_cancel_repeat (self);
  g_object_ref (self);
  g_log (G_LOG_DOMAIN_KB, G_LOG_LEVEL_DEBUG, "close");
  g_signal_emit (self, fc_keyboard_signals[SIGNAL_CLOSE], 0);
  fc_keyboard_set_show (self, FALSE);
  g_object_unref (self);
}

/**
 * fc_keyboard_activate:
 * @name: as for fc_keyboard_find_key()
 *
 * A tap: press and release the key named @name in the layout shown now.
 * "close" always works: where the layout has no done key (the default
 * theme's number layout) it is the title bar's close button.
 *
 * Returns: %FALSE if the keyboard is hidden or the layout shown has no
 *   such key
 */
gboolean
fc_keyboard_activate (FcKeyboard *self, const char *name)
{
  const FcKeyboardKey *key;
  gboolean done;

  g_return_val_if_fail (FC_IS_KEYBOARD (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  if (!self->show)
    return FALSE;
  key = fc_keyboard_find_key (self, name);
  if (key == NULL && strcmp (name, "close") == 0)
    {
      fc_keyboard_close (self);
      return TRUE;
    }
  if (key == NULL)
    return FALSE;
  done = fc_keyboard_press (self, key);
  fc_keyboard_release (self);
  return done;
}

/**
 * fc_keyboard_handle_hardware_key:
 * @keyname: a GDK key name ("BackSpace", "Return", "KP_Enter", "KP_0".."KP_9",
 *   "space") or the one character the key types ("5", "a", "A", "#")
 *
 * A hardware key acts as a tap on the layout shown: BackSpace deletes,
 * Return and KP_Enter close, and a character works only if the layout
 * shown has that key (digits on the number layout, letters on the letter
 * layout, symbols on the symbol layout). A letter emits the case the
 * hardware typed while the on-screen shift is off; with it on (once or
 * locked) a capital, as a tap would, using up a one-shot shift. Nothing
 * happens while the keyboard is hidden.
 *
 * Returns: %TRUE if the key was handled
 */
gboolean
fc_keyboard_handle_hardware_key (FcKeyboard *self, const char *keyname)
{
  const FcKeyboardKey *key;
  char kp[2] = { 0, 0 };

  g_return_val_if_fail (FC_IS_KEYBOARD (self), FALSE);
  g_return_val_if_fail (keyname != NULL, FALSE);
  if (!self->show)
    return FALSE;

  if (strcmp (keyname, "BackSpace") == 0)
    return fc_keyboard_activate (self, "delete");
  if (strcmp (keyname, "Return") == 0 || strcmp (keyname, "KP_Enter") == 0
      || strcmp (keyname, "ISO_Enter") == 0)
    return fc_keyboard_activate (self, "close");
  if (strcmp (keyname, "space") == 0 || strcmp (keyname, " ") == 0)
    return fc_keyboard_activate (self, "space");
  /* Escape closes, as the title bar's close button does */
  if (strcmp (keyname, "Escape") == 0)
    {
      fc_keyboard_close (self);
      return TRUE;
    }
  if (g_str_has_prefix (keyname, "KP_") && g_ascii_isdigit (keyname[3])
      && keyname[4] == '\0')
    {
      kp[0] = keyname[3];
      keyname = kp;
    }
  if (g_utf8_strlen (keyname, -1) != 1)
    return FALSE;

  key = fc_keyboard_find_key (self, keyname);
  if (key == NULL
      || (key->kind != FC_KEYBOARD_KEY_CHARACTER
          && key->kind != FC_KEYBOARD_KEY_EXTRA))
    return FALSE;
  if (self->layout == FC_KEYBOARD_LAYOUT_LETTER && g_ascii_isalpha (keyname[0])
      && self->shift == FC_KEYBOARD_SHIFT_OFF)
    {
      /* On-screen shift off: the case the hardware typed (its own Shift
       * or Caps Lock). With it on, the key is pressed as a tap would:
       * a capital, and a one-shot shift is used up. */
      emit_input (self, keyname);
      return TRUE;
    }
  fc_keyboard_press (self, key);
  fc_keyboard_release (self);
  return TRUE;
}

/**
 * fc_keyboard_blur:
 *
 * The keyboard lost focus (the view calls this): emits "blur".
 */
void
fc_keyboard_blur (FcKeyboard *self)
{
  g_return_if_fail (FC_IS_KEYBOARD (self));
  g_signal_emit (self, fc_keyboard_signals[SIGNAL_BLUR], 0);
}
