/* fc-keyboard.c: the keyboard's headless core, the FcKeyboard type: its
 * class, properties and signals. The attribute accessors are in
 * fc-keyboard-attributes.c, the layout shown in fc-keyboard-keys.c, key
 * input in fc-keyboard-input.c, what they share in fc-keyboard-state.c.
 * See fc-keyboard.h. */

#include "fc-keyboard-private.h"

#include <glib/gi18n-lib.h>

G_DEFINE_FINAL_TYPE (FcKeyboard, fc_keyboard, G_TYPE_OBJECT)

/**
 * fc_keyboard_layout_to_string:
 * @layout: a layout
 *
 * The attribute value of a layout (`number`, `letter` or `symbol`).
 *
 * Returns: (transfer none): its name
 */
const char *
fc_keyboard_layout_to_string (FcKeyboardLayout layout)
{
  g_return_val_if_fail (layout <= FC_KEYBOARD_LAYOUT_SYMBOL, NULL);
  return fc_keyboard_layout_names[layout];
}

/**
 * fc_keyboard_theme_to_string:
 * @theme: a theme
 *
 * The attribute value of a theme (`default` or `custom`).
 *
 * Returns: (transfer none): its name
 */
const char *
fc_keyboard_theme_to_string (FcKeyboardTheme theme)
{
  g_return_val_if_fail (theme <= FC_KEYBOARD_THEME_CUSTOM, NULL);
  return fc_keyboard_theme_names[theme];
}

/* Properties */

static void
fc_keyboard_get_property (GObject *object, guint prop_id, GValue *value,
                          GParamSpec *pspec)
{
  FcKeyboard *self = FC_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SHOW:
      g_value_set_boolean (value, self->show);
      break;
    case PROP_THEME:
      g_value_set_string (value, fc_keyboard_theme_names[self->theme]);
      break;
    case PROP_THEME_COLOR:
      g_value_set_string (value, self->theme_color);
      break;
    case PROP_Z_INDEX:
      g_value_set_int (value, self->z_index);
      break;
    case PROP_IS_RANDOM_LETTER:
      g_value_set_boolean (value, self->random_letter);
      break;
    case PROP_IS_RANDOM_NUMBER:
      g_value_set_boolean (value, self->random_number);
      break;
    case PROP_NORMAL_TYPE:
      g_value_set_string (value, fc_keyboard_layout_names[self->normal_type]);
      break;
    case PROP_CLOSE_BUTTON_TEXT:
      g_value_set_string (value, self->close_button_text);
      break;
    case PROP_EXTRA_KEY:
      g_value_set_boxed (value, self->extra_key);
      break;
    case PROP_ICON:
      g_value_set_string (value, self->icon);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_TRANSITION_DURATION:
      g_value_set_uint (value, self->transition_ms);
      break;
    case PROP_LAYOUT:
      g_value_set_string (value, fc_keyboard_layout_names[self->layout]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_keyboard_set_property (GObject *object, guint prop_id, const GValue *value,
                          GParamSpec *pspec)
{
  FcKeyboard *self = FC_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      fc_keyboard_set_title (self, g_value_get_string (value));
      break;
    case PROP_SHOW:
      fc_keyboard_set_show (self, g_value_get_boolean (value));
      break;
    case PROP_THEME:
      fc_keyboard_set_theme (self, g_value_get_string (value));
      break;
    case PROP_THEME_COLOR:
      fc_keyboard_set_theme_color (self, g_value_get_string (value));
      break;
    case PROP_Z_INDEX:
      fc_keyboard_set_z_index (self, g_value_get_int (value));
      break;
    case PROP_IS_RANDOM_LETTER:
      fc_keyboard_set_is_random_letter (self, g_value_get_boolean (value));
      break;
    case PROP_IS_RANDOM_NUMBER:
      fc_keyboard_set_is_random_number (self, g_value_get_boolean (value));
      break;
    case PROP_NORMAL_TYPE:
      fc_keyboard_set_normal_type (self, g_value_get_string (value));
      break;
    case PROP_CLOSE_BUTTON_TEXT:
      fc_keyboard_set_close_button_text (self, g_value_get_string (value));
      break;
    case PROP_EXTRA_KEY:
      fc_keyboard_set_extra_key (self, g_value_get_boxed (value));
      break;
    case PROP_ICON:
      fc_keyboard_set_icon (self, g_value_get_string (value));
      break;
    case PROP_CLOCK:
      fc_keyboard_set_clock (self, g_value_get_object (value));
      break;
    case PROP_TRANSITION_DURATION:
      fc_keyboard_set_transition_duration (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_keyboard_dispose (GObject *object)
{
  FcKeyboard *self = FC_KEYBOARD (object);

  if (self->clock)
    {
      fc_keyboard_cancel_repeat (self);
      if (self->transition_id)
        {
          fc_keyboard_clock_remove_timeout (self->clock, self->transition_id);
          self->transition_id = 0;
        }
    }
  g_clear_object (&self->clock);
  fc_keyboard_wipe_arrangement (self);
  g_clear_pointer (&self->data, fc_keyboard_layout_free);

  G_OBJECT_CLASS (fc_keyboard_parent_class)->dispose (object);
}

static void
fc_keyboard_finalize (GObject *object)
{
  FcKeyboard *self = FC_KEYBOARD (object);

  g_free (self->title);
  g_free (self->theme_color);
  g_free (self->close_button_text);
  g_strfreev (self->extra_key);
  g_free (self->icon);

  G_OBJECT_CLASS (fc_keyboard_parent_class)->finalize (object);
}

/* The labels the keyboard shows and says follow the host's locale (po/);
 * FC_LOCALEDIR overrides where the catalogues are. */
static void
bind_text_domain (void)
{
  const char *dir = g_getenv ("FC_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, dir && *dir ? dir : FC_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

static void
fc_keyboard_class_init (FcKeyboardClass *klass)
{
  bind_text_domain ();
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw
      = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = fc_keyboard_get_property;
  object_class->set_property = fc_keyboard_set_property;
  object_class->dispose = fc_keyboard_dispose;
  object_class->finalize = fc_keyboard_finalize;

  /* Each nick is the plugin attribute's own name. */
  /**
   * FcKeyboard:title:
   *
   * The text shown above the keys (the `title` attribute).
   */
  fc_keyboard_props[PROP_TITLE]
      = g_param_spec_string ("title", "title", "Text above the keys", "", rw);
  /**
   * FcKeyboard:show:
   *
   * Whether the keyboard is shown (`show`); setting it slides the keyboard
   * in or out, and #FcKeyboard::show or #FcKeyboard::hide fire when the
   * slide ends.
   */
  fc_keyboard_props[PROP_SHOW] = g_param_spec_boolean (
      "show", "show", "Whether the keyboard is shown", FALSE, rw);
  /**
   * FcKeyboard:theme:
   *
   * The colour theme (`theme`): `default`, or `custom` to use
   * #FcKeyboard:theme-color.
   */
  fc_keyboard_props[PROP_THEME] = g_param_spec_string (
      "theme", "theme", "default or custom", "default", rw);
  /**
   * FcKeyboard:theme-color:
   *
   * The accent colour of the custom theme (`themeColor`), in CSS syntax.
   */
  fc_keyboard_props[PROP_THEME_COLOR] = g_param_spec_string (
      "theme-color", "themeColor", "Accent colour (CSS syntax)",
      FC_KEYBOARD_DEFAULT_THEME_COLOR, rw);
  /**
   * FcKeyboard:z-index:
   *
   * Where the keyboard stacks among the page's overlays (`zIndex`).
   */
  fc_keyboard_props[PROP_Z_INDEX]
      = g_param_spec_int ("z-index", "zIndex", "Stacking order among overlays",
                          G_MININT, G_MAXINT, FC_KEYBOARD_DEFAULT_Z_INDEX, rw);
  /**
   * FcKeyboard:is-random-letter:
   *
   * Whether the letters are scrambled each time the keyboard is shown
   * (`isRandomLetter`).
   */
  fc_keyboard_props[PROP_IS_RANDOM_LETTER] = g_param_spec_boolean (
      "is-random-letter", "isRandomLetter", "Scramble the letters", FALSE, rw);
  /**
   * FcKeyboard:is-random-number:
   *
   * Whether the digits are scrambled each time the keyboard is shown
   * (`isRandomNumber`), so that where a PIN was typed says nothing of it.
   */
  fc_keyboard_props[PROP_IS_RANDOM_NUMBER] = g_param_spec_boolean (
      "is-random-number", "isRandomNumber", "Scramble the digits", FALSE, rw);
  /**
   * FcKeyboard:normal-type:
   *
   * The layout the keyboard opens with (`normalType`): `number`, `letter`
   * or `symbol`.
   */
  fc_keyboard_props[PROP_NORMAL_TYPE] = g_param_spec_string (
      "normal-type", "normalType", "number, letter or symbol: the first layout",
      "number", rw);
  /**
   * FcKeyboard:close-button-text:
   *
   * The label of the close (done) key (`closeButtonText`); empty for the
   * translated default.
   */
  fc_keyboard_props[PROP_CLOSE_BUTTON_TEXT] = g_param_spec_string (
      "close-button-text", "closeButtonText", "Label of the close key", "", rw);
  /**
   * FcKeyboard:extra-key:
   *
   * Extra keys of the number layout (`extraKey`), such as `X` for identity
   * numbers or `.`.
   */
  fc_keyboard_props[PROP_EXTRA_KEY]
      = g_param_spec_boxed ("extra-key", "extraKey",
                            "Extra keys of the number layout", G_TYPE_STRV, rw);
  /**
   * FcKeyboard:icon:
   *
   * The path of an icon shown in the title bar (`icon`).
   */
  fc_keyboard_props[PROP_ICON] = g_param_spec_string (
      "icon", "icon", "Icon path in the title bar", "", rw);
  /**
   * FcKeyboard:clock:
   *
   * Where the keyboard's time comes from (slides, key repeat): the main
   * loop by default, a page's clock inside a page, a virtual clock in
   * tests. Never %NULL.
   */
  fc_keyboard_props[PROP_CLOCK] = g_param_spec_object (
      "clock", "clock", "Where time comes from (never NULL)",
      FC_TYPE_KEYBOARD_CLOCK, rw);
  /**
   * FcKeyboard:transition-duration:
   *
   * How long the show and hide slides take, in ms; #FcKeyboard::show and
   * #FcKeyboard::hide fire at their end.
   */
  fc_keyboard_props[PROP_TRANSITION_DURATION] = g_param_spec_uint (
      "transition-duration", "transitionDuration",
      "Show/hide slide in ms; show and hide fire at its end", 0, 10000,
      FC_KEYBOARD_DEFAULT_TRANSITION_MS, rw);
  /**
   * FcKeyboard:layout:
   *
   * The layout shown now (`number`, `letter` or `symbol`):
   * #FcKeyboard:normal-type when shown, then what the switch keys chose.
   */
  fc_keyboard_props[PROP_LAYOUT] = g_param_spec_string (
      "layout", "layout", "The layout shown now", "number",
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, fc_keyboard_props);

  /**
   * FcKeyboard::input:
   * @keyboard: the keyboard
   * @text: the key's text
   *
   * A character, extra or space key was pressed: @text is what it types.
   * The text is not kept by the keyboard after the emission.
   */
  fc_keyboard_signals[SIGNAL_INPUT] = g_signal_new (
      "input", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
      NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  /**
   * FcKeyboard::delete:
   * @keyboard: the keyboard
   *
   * The delete key was pressed (and fires again while it is held): the
   * host removes the last character it keeps.
   */
  fc_keyboard_signals[SIGNAL_DELETE]
      = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * FcKeyboard::close:
   * @keyboard: the keyboard
   *
   * The close (done) key was pressed; the keyboard hides.
   */
  fc_keyboard_signals[SIGNAL_CLOSE]
      = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * FcKeyboard::blur:
   * @keyboard: the keyboard
   *
   * The keyboard lost the focus (fc_keyboard_blur()).
   */
  fc_keyboard_signals[SIGNAL_BLUR]
      = g_signal_new ("blur", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * FcKeyboard::show:
   * @keyboard: the keyboard
   *
   * The keyboard finished sliding in.
   */
  fc_keyboard_signals[SIGNAL_SHOW]
      = g_signal_new ("show", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * FcKeyboard::hide:
   * @keyboard: the keyboard
   *
   * The keyboard finished sliding out.
   */
  fc_keyboard_signals[SIGNAL_HIDE]
      = g_signal_new ("hide", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * FcKeyboard::warning:
   * @keyboard: the keyboard
   * @message: what was wrong with an attribute value, and the fallback
   *
   * An attribute value could not be used; the keyboard uses the fallback
   * the message names.
   */
  fc_keyboard_signals[SIGNAL_WARNING]
      = g_signal_new ("warning", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * FcKeyboard::layout-changed:
   *
   * The rows changed (layout, shift, arrangement, theme or extra keys):
   * key pointers from before are no longer valid.
   */
  fc_keyboard_signals[SIGNAL_LAYOUT_CHANGED]
      = g_signal_new ("layout-changed", G_TYPE_FROM_CLASS (klass),
                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fc_keyboard_init (FcKeyboard *self)
{
  self->title = g_strdup ("");
  self->theme = FC_KEYBOARD_THEME_DEFAULT;
  self->theme_color = g_strdup (FC_KEYBOARD_DEFAULT_THEME_COLOR);
  fc_keyboard_color_parse (FC_KEYBOARD_DEFAULT_THEME_COLOR, &self->theme_rgba);
  self->z_index = FC_KEYBOARD_DEFAULT_Z_INDEX;
  self->normal_type = FC_KEYBOARD_LAYOUT_NUMBER;
  self->close_button_text = g_strdup ("");
  self->extra_key = g_new0 (char *, 1);
  self->icon = g_strdup ("");
  self->clock = fc_keyboard_main_loop_clock_new ();
  self->transition_ms = FC_KEYBOARD_DEFAULT_TRANSITION_MS;
  self->layout = FC_KEYBOARD_LAYOUT_NUMBER;
  fc_keyboard_wipe_arrangement (self);
  self->data = fc_keyboard_layout_build (&(FcKeyboardLayoutSpec){
      .layout = self->layout,
      .theme = self->theme,
      .digit_perm = self->digit_perm,
      .letter_perm = self->letter_perm,
      .close_text = self->close_button_text,
  });
}

/* Public API */

/**
 * fc_keyboard_new:
 *
 * Creates a hidden keyboard with the platform's defaults, on the main
 * loop's clock.
 *
 * Returns: (transfer full): the keyboard
 */
FcKeyboard *
fc_keyboard_new (void)
{
  return g_object_new (FC_TYPE_KEYBOARD, NULL);
}
