/* fc-keyboard-attributes.c: FcKeyboard's attributes (title, show, theme,
 * themeColor, zIndex, isRandomLetter, isRandomNumber, normalType,
 * closeButtonText, extraKey, icon) and its clock and slide duration:
 * their getters and setters. See fc-keyboard.h. */

#include "fc-keyboard-private.h"

#include "fc-keyboard-random-private.h"

static gboolean
set_string (char **field, const char *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/**
 * fc_keyboard_get_title:
 * @self: a keyboard
 *
 * Gets #FcKeyboard:title, the text above the keys.
 *
 * Returns: (transfer none): the title
 */
const char *
fc_keyboard_get_title (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), NULL);
  return self->title;
}

/**
 * fc_keyboard_set_title:
 * @self: a keyboard
 * @title: (nullable): the title
 *
 * Sets #FcKeyboard:title, the text above the keys.
 */
void
fc_keyboard_set_title (FcKeyboard *self, const char *title)
{
  g_return_if_fail (FC_IS_KEYBOARD (self));
  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), fc_keyboard_props[PROP_TITLE]);
}

/**
 * fc_keyboard_get_show:
 * @self: a keyboard
 *
 * Gets #FcKeyboard:show: whether the keyboard is shown or sliding in.
 *
 * Returns: whether it is shown
 */
gboolean
fc_keyboard_get_show (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), FALSE);
  return self->show;
}

/**
 * fc_keyboard_set_show:
 * @self: a keyboard
 * @show: whether to show it
 *
 * Sets #FcKeyboard:show: slides the keyboard in (scrambling its keys when
 * asked) or out.
 *
 * Showing picks a new arrangement (when scrambling) and the normalType
 * layout; "show" fires when the slide ends. Hiding stops any repeat and
 * wipes the arrangement when the slide ends, then "hide" fires.
 */
void
fc_keyboard_set_show (FcKeyboard *self, gboolean show)
{
  g_return_if_fail (FC_IS_KEYBOARD (self));
  show = !!show;
  if (self->show == show)
    return;
  self->show = show;
  fc_keyboard_cancel_repeat (self);
  if (show)
    {
      gboolean layout_changed = self->layout != self->normal_type;

      fc_keyboard_arrange (self);
      self->layout = self->normal_type;
      self->shift = FC_KEYBOARD_SHIFT_OFF;
      fc_keyboard_rebuild (self);
      if (layout_changed)
        g_object_notify_by_pspec (G_OBJECT (self),
                                  fc_keyboard_props[PROP_LAYOUT]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), fc_keyboard_props[PROP_SHOW]);
  fc_keyboard_start_transition (self);
}

/**
 * fc_keyboard_get_theme:
 * @self: a keyboard
 *
 * Gets #FcKeyboard:theme as an enumeration.
 *
 * Returns: the theme
 */
FcKeyboardTheme
fc_keyboard_get_theme (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), FC_KEYBOARD_THEME_DEFAULT);
  return self->theme;
}

/**
 * fc_keyboard_set_theme:
 * @self: a keyboard
 * @theme: (nullable): `default` or `custom`
 *
 * Sets #FcKeyboard:theme from its attribute value; an unknown value emits
 * #FcKeyboard::warning and keeps `default`.
 */
void
fc_keyboard_set_theme (FcKeyboard *self, const char *theme)
{
  int found;

  g_return_if_fail (FC_IS_KEYBOARD (self));
  found = fc_keyboard_lookup_name (fc_keyboard_theme_names,
                                   G_N_ELEMENTS (fc_keyboard_theme_names),
                                   theme ? theme : "default");
  if (found < 0)
    {
      fc_keyboard_emit_warning (
          self, "theme \"%s\" is not default or custom; using default", theme);
      found = FC_KEYBOARD_THEME_DEFAULT;
    }
  if ((FcKeyboardTheme)found == self->theme)
    return;
  self->theme = found;
  fc_keyboard_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), fc_keyboard_props[PROP_THEME]);
}

/**
 * fc_keyboard_get_theme_color:
 * @self: a keyboard
 *
 * Gets #FcKeyboard:theme-color as given (CSS syntax).
 *
 * Returns: (transfer none): the colour
 */
const char *
fc_keyboard_get_theme_color (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), NULL);
  return self->theme_color;
}

/**
 * fc_keyboard_get_theme_rgba:
 * @self: a keyboard
 * @color: (out caller-allocates): the colour
 *
 * Gets the accent colour of #FcKeyboard:theme-color as numbers, for a view
 * to draw with.
 */
void
fc_keyboard_get_theme_rgba (FcKeyboard *self, FcKeyboardColor *color)
{
  g_return_if_fail (FC_IS_KEYBOARD (self));
  g_return_if_fail (color != NULL);
  *color = self->theme_rgba;
}

/**
 * fc_keyboard_set_theme_color:
 * @self: a keyboard
 * @theme_color: (nullable): a CSS colour
 *
 * Sets #FcKeyboard:theme-color from its attribute value; a colour that
 * cannot be parsed emits #FcKeyboard::warning and keeps the default.
 *
 * Anything fc_keyboard_color_parse() rejects warns and becomes
 * #FC_KEYBOARD_DEFAULT_THEME_COLOR. %NULL is the default, silently.
 */
void
fc_keyboard_set_theme_color (FcKeyboard *self, const char *theme_color)
{
  FcKeyboardColor rgba;

  g_return_if_fail (FC_IS_KEYBOARD (self));
  if (theme_color == NULL)
    theme_color = FC_KEYBOARD_DEFAULT_THEME_COLOR;
  if (!fc_keyboard_color_parse (theme_color, &rgba))
    {
      fc_keyboard_emit_warning (self,
                                "themeColor \"%s\" is not a colour; using %s",
                                theme_color, FC_KEYBOARD_DEFAULT_THEME_COLOR);
      theme_color = FC_KEYBOARD_DEFAULT_THEME_COLOR;
      fc_keyboard_color_parse (theme_color, &rgba);
    }
  if (!set_string (&self->theme_color, theme_color))
    return;
  self->theme_rgba = rgba;
  g_object_notify_by_pspec (G_OBJECT (self),
                            fc_keyboard_props[PROP_THEME_COLOR]);
}

/**
 * fc_keyboard_get_z_index:
 * @self: a keyboard
 *
 * Gets #FcKeyboard:z-index, the keyboard's stacking order among overlays.
 *
 * Returns: the stacking order
 */
int
fc_keyboard_get_z_index (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), 0);
  return self->z_index;
}

/**
 * fc_keyboard_set_z_index:
 * @self: a keyboard
 * @z_index: the stacking order
 *
 * Sets #FcKeyboard:z-index, the keyboard's stacking order among overlays.
 */
void
fc_keyboard_set_z_index (FcKeyboard *self, int z_index)
{
  g_return_if_fail (FC_IS_KEYBOARD (self));
  if (self->z_index == z_index)
    return;
  self->z_index = z_index;
  g_object_notify_by_pspec (G_OBJECT (self), fc_keyboard_props[PROP_Z_INDEX]);
}

/**
 * fc_keyboard_get_is_random_letter:
 * @self: a keyboard
 *
 * Gets #FcKeyboard:is-random-letter: whether letters are scrambled when
 * shown.
 *
 * Returns: whether letters are scrambled
 */
gboolean
fc_keyboard_get_is_random_letter (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), FALSE);
  return self->random_letter;
}

static void
set_random (FcKeyboard *self, gboolean *field, gboolean random, guint prop)
{
  random = !!random;
  if (*field == random)
    return;
  *field = random;
  /* While hidden, the next show arranges the keys; while shown, turning
   * scrambling on or off takes effect at once. */
  if (self->show)
    {
      if (prop == PROP_IS_RANDOM_NUMBER)
        {
          fc_keyboard_identity_digits (self->digit_perm);
          if (random)
            fc_keyboard_random_shuffle (self->digit_perm, FC_KEYBOARD_N_DIGITS);
        }
      else
        {
          fc_keyboard_identity_letters (self->letter_perm);
          if (random)
            fc_keyboard_random_shuffle (self->letter_perm,
                                        FC_KEYBOARD_N_LETTERS);
        }
      fc_keyboard_cancel_repeat (self);
      fc_keyboard_rebuild (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), fc_keyboard_props[prop]);
}

/**
 * fc_keyboard_set_is_random_letter:
 * @self: a keyboard
 * @random: whether letters are scrambled
 *
 * Sets #FcKeyboard:is-random-letter; the arrangement changes the next time
 * the keyboard is shown.
 */
void
fc_keyboard_set_is_random_letter (FcKeyboard *self, gboolean random)
{
  g_return_if_fail (FC_IS_KEYBOARD (self));
  set_random (self, &self->random_letter, random, PROP_IS_RANDOM_LETTER);
}

/**
 * fc_keyboard_get_is_random_number:
 * @self: a keyboard
 *
 * Gets #FcKeyboard:is-random-number: whether digits are scrambled when
 * shown.
 *
 * Returns: whether digits are scrambled
 */
gboolean
fc_keyboard_get_is_random_number (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), FALSE);
  return self->random_number;
}

/**
 * fc_keyboard_set_is_random_number:
 * @self: a keyboard
 * @random: whether digits are scrambled
 *
 * Sets #FcKeyboard:is-random-number; the arrangement changes the next time
 * the keyboard is shown.
 */
void
fc_keyboard_set_is_random_number (FcKeyboard *self, gboolean random)
{
  g_return_if_fail (FC_IS_KEYBOARD (self));
  set_random (self, &self->random_number, random, PROP_IS_RANDOM_NUMBER);
}

/**
 * fc_keyboard_get_normal_type:
 * @self: a keyboard
 *
 * Gets #FcKeyboard:normal-type, the layout the keyboard opens with.
 *
 * Returns: the first layout
 */
FcKeyboardLayout
fc_keyboard_get_normal_type (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), FC_KEYBOARD_LAYOUT_NUMBER);
  return self->normal_type;
}

/**
 * fc_keyboard_set_normal_type:
 * @self: a keyboard
 * @normal_type: (nullable): `number`, `letter` or `symbol`
 *
 * Sets #FcKeyboard:normal-type from its attribute value; an unknown value
 * emits #FcKeyboard::warning and keeps `number`.
 *
 * Also switches the layout shown now to @normal_type.
 */
void
fc_keyboard_set_normal_type (FcKeyboard *self, const char *normal_type)
{
  int found;

  g_return_if_fail (FC_IS_KEYBOARD (self));
  found = fc_keyboard_lookup_name (fc_keyboard_layout_names,
                                   G_N_ELEMENTS (fc_keyboard_layout_names),
                                   normal_type ? normal_type : "number");
  if (found < 0)
    {
      fc_keyboard_emit_warning (
          self,
          "normalType \"%s\" is not number, letter or symbol; using number",
          normal_type);
      found = FC_KEYBOARD_LAYOUT_NUMBER;
    }
  if ((FcKeyboardLayout)found == self->normal_type)
    return;
  self->normal_type = found;
  fc_keyboard_set_layout_internal (self, self->normal_type, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self),
                            fc_keyboard_props[PROP_NORMAL_TYPE]);
}

/**
 * fc_keyboard_get_close_button_text:
 * @self: a keyboard
 *
 * Gets #FcKeyboard:close-button-text, the label of the close key as given.
 *
 * Returns: (transfer none): the label
 */
const char *
fc_keyboard_get_close_button_text (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), NULL);
  return self->close_button_text;
}

/**
 * fc_keyboard_set_close_button_text:
 * @self: a keyboard
 * @text: (nullable): the label; empty or %NULL for the default
 *
 * Sets #FcKeyboard:close-button-text, the label of the close key.
 */
void
fc_keyboard_set_close_button_text (FcKeyboard *self, const char *text)
{
  g_return_if_fail (FC_IS_KEYBOARD (self));
  if (!set_string (&self->close_button_text, text))
    return;
  fc_keyboard_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self),
                            fc_keyboard_props[PROP_CLOSE_BUTTON_TEXT]);
}

/**
 * fc_keyboard_get_extra_key:
 * @self: a keyboard
 *
 * Gets #FcKeyboard:extra-key, the extra keys of the number layout.
 *
 * Returns: (transfer none): the extra keys, never %NULL
 */
const char *const *
fc_keyboard_get_extra_key (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), NULL);
  return (const char *const *)self->extra_key;
}

/**
 * fc_keyboard_set_extra_key:
 * @extra_key: (nullable): the extra keys; %NULL means none. Empty strings
 *   are dropped (a key with no text cannot be pressed).
 * @self: a keyboard
 *
 * Sets #FcKeyboard:extra-key, the extra keys of the number layout (such as
 * `X` or `.`); the layout is rebuilt.
 */
void
fc_keyboard_set_extra_key (FcKeyboard *self, const char *const *extra_key)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) keys = NULL;

  g_return_if_fail (FC_IS_KEYBOARD (self));
  for (guint i = 0; extra_key && extra_key[i]; i++)
    if (*extra_key[i])
      g_strv_builder_add (builder, extra_key[i]);
  keys = g_strv_builder_end (builder);
  if (g_strv_equal ((const char *const *)keys,
                    (const char *const *)self->extra_key))
    return;
  g_strfreev (self->extra_key);
  self->extra_key = g_steal_pointer (&keys);
  fc_keyboard_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), fc_keyboard_props[PROP_EXTRA_KEY]);
}

/**
 * fc_keyboard_get_icon:
 * @self: a keyboard
 *
 * Gets #FcKeyboard:icon, the path of the title bar's icon.
 *
 * Returns: (transfer none): the path
 */
const char *
fc_keyboard_get_icon (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), NULL);
  return self->icon;
}

/**
 * fc_keyboard_set_icon:
 * @self: a keyboard
 * @icon: (nullable): the path
 *
 * Sets #FcKeyboard:icon, the path of an icon for the title bar.
 */
void
fc_keyboard_set_icon (FcKeyboard *self, const char *icon)
{
  g_return_if_fail (FC_IS_KEYBOARD (self));
  if (set_string (&self->icon, icon))
    g_object_notify_by_pspec (G_OBJECT (self), fc_keyboard_props[PROP_ICON]);
}

/**
 * fc_keyboard_get_clock:
 * @self: a keyboard
 *
 * Gets #FcKeyboard:clock, where the keyboard's time comes from.
 *
 * Returns: (transfer none): the clock
 */
FcKeyboardClock *
fc_keyboard_get_clock (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), NULL);
  return self->clock;
}

/**
 * fc_keyboard_set_clock:
 * @clock: (nullable): the clock; %NULL is a new main-loop clock
 *
 * Pending timeouts (a held delete, a running slide) are cancelled;
 * a slide in progress completes at once.
 */
void
fc_keyboard_set_clock (FcKeyboard *self, FcKeyboardClock *clock)
{
  g_autoptr (FcKeyboardClock) fresh = NULL;
  gboolean in_transition;

  g_return_if_fail (FC_IS_KEYBOARD (self));
  g_return_if_fail (clock == NULL || FC_IS_KEYBOARD_CLOCK (clock));
  if (clock == NULL)
    clock = fresh = fc_keyboard_main_loop_clock_new ();
  if (self->clock == clock)
    return;
  fc_keyboard_cancel_repeat (self);
  in_transition = self->transition_id != 0;
  if (in_transition)
    {
      fc_keyboard_clock_remove_timeout (self->clock, self->transition_id);
      self->transition_id = 0;
    }
  g_set_object (&self->clock, clock);
  if (in_transition)
    fc_keyboard_transition_done (self);
  g_object_notify_by_pspec (G_OBJECT (self), fc_keyboard_props[PROP_CLOCK]);
}

/**
 * fc_keyboard_get_transition_duration:
 * @self: a keyboard
 *
 * Gets #FcKeyboard:transition-duration, how long the show and hide slides
 * take.
 *
 * Returns: the duration in ms
 */
guint
fc_keyboard_get_transition_duration (FcKeyboard *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD (self), 0);
  return self->transition_ms;
}

/**
 * fc_keyboard_set_transition_duration:
 * @self: a keyboard
 * @ms: the duration in ms
 *
 * Sets #FcKeyboard:transition-duration, how long the show and hide slides
 * take.
 */
void
fc_keyboard_set_transition_duration (FcKeyboard *self, guint ms)
{
  g_return_if_fail (FC_IS_KEYBOARD (self));
  if (self->transition_ms == ms)
    return;
  self->transition_ms = ms;
  g_object_notify_by_pspec (G_OBJECT (self),
                            fc_keyboard_props[PROP_TRANSITION_DURATION]);
}
