/* fc-keyboard-state.c: what every part of the keyboard shares: the
 * property and signal tables, the attribute names, warnings, the layout
 * rebuild, the key arrangement and the show/hide slide. It calls no other
 * part of FcKeyboard. See fc-keyboard-private.h. */

#include "fc-keyboard-private.h"

#include <string.h>

#include "fc-keyboard-random-private.h"

GParamSpec *fc_keyboard_props[N_PROPS];
guint fc_keyboard_signals[N_SIGNALS];

const char *const fc_keyboard_layout_names[3]
    = { "number", "letter", "symbol" };
const char *const fc_keyboard_theme_names[2] = { "default", "custom" };

int
fc_keyboard_lookup_name (const char *const *names, guint n_names,
                         const char *name)
{
  for (guint i = 0; name && i < n_names; i++)
    if (strcmp (names[i], name) == 0)
      return i;
  return -1;
}

/* Bad attribute values are the page author's mistake, not ours: they warn
 * and fall back to the default, and never go through g_warning(), which
 * aborts under G_DEBUG=fatal-warnings. A host (the bridge) connects to
 * "warning" to report them its own way; with no handler they are
 * g_message()s. Only attribute values reach here, never key text. */
G_GNUC_PRINTF (2, 3)
void
fc_keyboard_emit_warning (FcKeyboard *self, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (g_signal_has_handler_pending (self, fc_keyboard_signals[SIGNAL_WARNING],
                                    0, FALSE))
    g_signal_emit (self, fc_keyboard_signals[SIGNAL_WARNING], 0, message);
  else
    g_log (G_LOG_DOMAIN_KB, G_LOG_LEVEL_MESSAGE, "%s", message);
}

void
fc_keyboard_cancel_repeat (FcKeyboard *self)
{
  if (self->repeat_id)
    {
      guint id = self->repeat_id;

      self->repeat_id = 0;
      fc_keyboard_clock_remove_timeout (self->clock, id);
    }
  self->held = FALSE;
}

void
fc_keyboard_rebuild (FcKeyboard *self)
{
  FcKeyboardLayoutSpec spec = {
    .layout = self->layout,
    .theme = self->theme,
    .shift = self->shift,
    .digit_perm = self->digit_perm,
    .letter_perm = self->letter_perm,
    .extra_keys = (const char *const *)self->extra_key,
    .close_text = self->close_button_text,
  };
  FcKeyboardLayoutData *old = self->data;

  self->data = fc_keyboard_layout_build (&spec);
  g_log (G_LOG_DOMAIN_KB, G_LOG_LEVEL_DEBUG, "layout %s rebuilt",
         fc_keyboard_layout_names[self->layout]);
  g_signal_emit (self, fc_keyboard_signals[SIGNAL_LAYOUT_CHANGED], 0);
  /* Freed after the signal, so a handler may still compare old pointers. */
  fc_keyboard_layout_free (old);
}

void
fc_keyboard_arrange (FcKeyboard *self)
{
  fc_keyboard_identity_digits (self->digit_perm);
  fc_keyboard_identity_letters (self->letter_perm);
  if (self->random_number)
    fc_keyboard_random_shuffle (self->digit_perm, FC_KEYBOARD_N_DIGITS);
  if (self->random_letter)
    fc_keyboard_random_shuffle (self->letter_perm, FC_KEYBOARD_N_LETTERS);
}

void
fc_keyboard_wipe_arrangement (FcKeyboard *self)
{
  explicit_bzero (self->digit_perm, sizeof self->digit_perm);
  explicit_bzero (self->letter_perm, sizeof self->letter_perm);
  fc_keyboard_identity_digits (self->digit_perm);
  fc_keyboard_identity_letters (self->letter_perm);
}

void
fc_keyboard_set_layout_internal (FcKeyboard *self, FcKeyboardLayout layout,
                                 gboolean force)
{
  if (self->layout == layout && !force)
    return;
  fc_keyboard_cancel_repeat (self);
  self->layout = layout;
  self->shift = FC_KEYBOARD_SHIFT_OFF;
  fc_keyboard_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), fc_keyboard_props[PROP_LAYOUT]);
}

gboolean
fc_keyboard_transition_done (gpointer data)
{
  FcKeyboard *self = data;

  self->transition_id = 0;
  if (self->show)
    {
      g_log (G_LOG_DOMAIN_KB, G_LOG_LEVEL_DEBUG, "shown");
      g_signal_emit (self, fc_keyboard_signals[SIGNAL_SHOW], 0);
    }
  else
    {
      /* Only now, with the slide finished, are the keys off screen:
       * forget the arrangement and wipe the labels. */
      fc_keyboard_wipe_arrangement (self);
      fc_keyboard_rebuild (self);
      g_log (G_LOG_DOMAIN_KB, G_LOG_LEVEL_DEBUG, "hidden");
      g_signal_emit (self, fc_keyboard_signals[SIGNAL_HIDE], 0);
    }
  return G_SOURCE_REMOVE;
}

void
fc_keyboard_start_transition (FcKeyboard *self)
{
  if (self->transition_id)
    {
      guint id = self->transition_id;

      self->transition_id = 0;
      fc_keyboard_clock_remove_timeout (self->clock, id);
    }
  if (self->transition_ms == 0)
    fc_keyboard_transition_done (self);
  else
    self->transition_id = fc_keyboard_clock_add_timeout (
        self->clock, self->transition_ms, fc_keyboard_transition_done, self,
        NULL);
}
