/* fc-keyboard.c: the keyboard's headless core. See fc-keyboard.h. */

#include "fc-keyboard.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fc-keyboard-layout-private.h"
#include "fc-keyboard-random-private.h"

#define G_LOG_DOMAIN_KB "fc-keyboard"

struct _FcKeyboard
{
  GObject parent_instance;

  char *title;
  gboolean show;
  FcKeyboardTheme theme;
  char *theme_color;
  FcKeyboardColor theme_rgba;
  int z_index;
  gboolean random_letter;
  gboolean random_number;
  FcKeyboardLayout normal_type;
  char *close_button_text;
  GStrv extra_key;
  char *icon;

  FcKeyboardClock *clock;
  guint transition_ms;
  guint transition_id;

  FcKeyboardLayout layout;
  FcKeyboardShift shift;
  guint8 digit_perm[FC_KEYBOARD_N_DIGITS];
  guint8 letter_perm[FC_KEYBOARD_N_LETTERS];
  FcKeyboardLayoutData *data;

  FcKeyboardKeyKind held_kind;
  gboolean held;
  guint repeat_id;
};

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_SHOW,
  PROP_THEME,
  PROP_THEME_COLOR,
  PROP_Z_INDEX,
  PROP_IS_RANDOM_LETTER,
  PROP_IS_RANDOM_NUMBER,
  PROP_NORMAL_TYPE,
  PROP_CLOSE_BUTTON_TEXT,
  PROP_EXTRA_KEY,
  PROP_ICON,
  PROP_CLOCK,
  PROP_TRANSITION_DURATION,
  PROP_LAYOUT,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

enum
{
  SIGNAL_INPUT,
  SIGNAL_DELETE,
  SIGNAL_CLOSE,
  SIGNAL_BLUR,
  SIGNAL_SHOW,
  SIGNAL_HIDE,
  SIGNAL_WARNING,
  SIGNAL_LAYOUT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FcKeyboard, fc_keyboard, G_TYPE_OBJECT)

static const char *const layout_names[] = { "number", "letter", "symbol" };
static const char *const theme_names[] = { "default", "custom" };

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
  return layout_names[layout];
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
  return theme_names[theme];
}

static int
lookup_name (const char *const *names, guint n_names, const char *name)
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
static void
emit_warning (FcKeyboard *self, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (g_signal_has_handler_pending (self, signals[SIGNAL_WARNING], 0, FALSE))
    g_signal_emit (self, signals[SIGNAL_WARNING], 0, message);
  else
    g_log (G_LOG_DOMAIN_KB, G_LOG_LEVEL_MESSAGE, "%s", message);
}

static void
cancel_repeat (FcKeyboard *self)
{
  if (self->repeat_id)
    {
      guint id = self->repeat_id;

      self->repeat_id = 0;
      fc_keyboard_clock_remove_timeout (self->clock, id);
    }
  self->held = FALSE;
}

static void
rebuild (FcKeyboard *self)
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
         layout_names[self->layout]);
  g_signal_emit (self, signals[SIGNAL_LAYOUT_CHANGED], 0);
  /* Freed after the signal, so a handler may still compare old pointers. */
  fc_keyboard_layout_free (old);
}

static void
arrange (FcKeyboard *self)
{
  fc_keyboard_identity_digits (self->digit_perm);
  fc_keyboard_identity_letters (self->letter_perm);
  if (self->random_number)
    fc_keyboard_random_shuffle (self->digit_perm, FC_KEYBOARD_N_DIGITS);
  if (self->random_letter)
    fc_keyboard_random_shuffle (self->letter_perm, FC_KEYBOARD_N_LETTERS);
}

static void
wipe_arrangement (FcKeyboard *self)
{
  explicit_bzero (self->digit_perm, sizeof self->digit_perm);
  explicit_bzero (self->letter_perm, sizeof self->letter_perm);
  fc_keyboard_identity_digits (self->digit_perm);
  fc_keyboard_identity_letters (self->letter_perm);
}

static void
set_layout_internal (FcKeyboard *self, FcKeyboardLayout layout, gboolean force)
{
  if (self->layout == layout && !force)
    return;
  cancel_repeat (self);
  self->layout = layout;
  self->shift = FC_KEYBOARD_SHIFT_OFF;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LAYOUT]);
}

static gboolean
transition_done_cb (gpointer data)
{
  FcKeyboard *self = data;

  self->transition_id = 0;
  if (self->show)
    {
      g_log (G_LOG_DOMAIN_KB, G_LOG_LEVEL_DEBUG, "shown");
      g_signal_emit (self, signals[SIGNAL_SHOW], 0);
    }
  else
    {
      /* Only now, with the slide finished, are the keys off screen:
       * forget the arrangement and wipe the labels. */
      wipe_arrangement (self);
      rebuild (self);
      g_log (G_LOG_DOMAIN_KB, G_LOG_LEVEL_DEBUG, "hidden");
      g_signal_emit (self, signals[SIGNAL_HIDE], 0);
    }
  return G_SOURCE_REMOVE;
}

static void
start_transition (FcKeyboard *self)
{
  if (self->transition_id)
    {
      guint id = self->transition_id;

      self->transition_id = 0;
      fc_keyboard_clock_remove_timeout (self->clock, id);
    }
  if (self->transition_ms == 0)
    transition_done_cb (self);
  else
    self->transition_id = fc_keyboard_clock_add_timeout (
        self->clock, self->transition_ms, transition_done_cb, self, NULL);
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
      g_value_set_string (value, theme_names[self->theme]);
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
      g_value_set_string (value, layout_names[self->normal_type]);
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
      g_value_set_string (value, layout_names[self->layout]);
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
      cancel_repeat (self);
      if (self->transition_id)
        {
          fc_keyboard_clock_remove_timeout (self->clock, self->transition_id);
          self->transition_id = 0;
        }
    }
  g_clear_object (&self->clock);
  wipe_arrangement (self);
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
  props[PROP_TITLE]
      = g_param_spec_string ("title", "title", "Text above the keys", "", rw);
  /**
   * FcKeyboard:show:
   *
   * Whether the keyboard is shown (`show`); setting it slides the keyboard
   * in or out, and #FcKeyboard::show or #FcKeyboard::hide fire when the
   * slide ends.
   */
  props[PROP_SHOW] = g_param_spec_boolean (
      "show", "show", "Whether the keyboard is shown", FALSE, rw);
  /**
   * FcKeyboard:theme:
   *
   * The colour theme (`theme`): `default`, or `custom` to use
   * #FcKeyboard:theme-color.
   */
  props[PROP_THEME] = g_param_spec_string ("theme", "theme",
                                           "default or custom", "default", rw);
  /**
   * FcKeyboard:theme-color:
   *
   * The accent colour of the custom theme (`themeColor`), in CSS syntax.
   */
  props[PROP_THEME_COLOR] = g_param_spec_string (
      "theme-color", "themeColor", "Accent colour (CSS syntax)",
      FC_KEYBOARD_DEFAULT_THEME_COLOR, rw);
  /**
   * FcKeyboard:z-index:
   *
   * Where the keyboard stacks among the page's overlays (`zIndex`).
   */
  props[PROP_Z_INDEX]
      = g_param_spec_int ("z-index", "zIndex", "Stacking order among overlays",
                          G_MININT, G_MAXINT, FC_KEYBOARD_DEFAULT_Z_INDEX, rw);
  /**
   * FcKeyboard:is-random-letter:
   *
   * Whether the letters are scrambled each time the keyboard is shown
   * (`isRandomLetter`).
   */
  props[PROP_IS_RANDOM_LETTER] = g_param_spec_boolean (
      "is-random-letter", "isRandomLetter", "Scramble the letters", FALSE, rw);
  /**
   * FcKeyboard:is-random-number:
   *
   * Whether the digits are scrambled each time the keyboard is shown
   * (`isRandomNumber`), so that where a PIN was typed says nothing of it.
   */
  props[PROP_IS_RANDOM_NUMBER] = g_param_spec_boolean (
      "is-random-number", "isRandomNumber", "Scramble the digits", FALSE, rw);
  /**
   * FcKeyboard:normal-type:
   *
   * The layout the keyboard opens with (`normalType`): `number`, `letter`
   * or `symbol`.
   */
  props[PROP_NORMAL_TYPE] = g_param_spec_string (
      "normal-type", "normalType", "number, letter or symbol: the first layout",
      "number", rw);
  /**
   * FcKeyboard:close-button-text:
   *
   * The label of the close (done) key (`closeButtonText`); empty for the
   * translated default.
   */
  props[PROP_CLOSE_BUTTON_TEXT] = g_param_spec_string (
      "close-button-text", "closeButtonText", "Label of the close key", "", rw);
  /**
   * FcKeyboard:extra-key:
   *
   * Extra keys of the number layout (`extraKey`), such as `X` for identity
   * numbers or `.`.
   */
  props[PROP_EXTRA_KEY]
      = g_param_spec_boxed ("extra-key", "extraKey",
                            "Extra keys of the number layout", G_TYPE_STRV, rw);
  /**
   * FcKeyboard:icon:
   *
   * The path of an icon shown in the title bar (`icon`).
   */
  props[PROP_ICON] = g_param_spec_string ("icon", "icon",
                                          "Icon path in the title bar", "", rw);
  /**
   * FcKeyboard:clock:
   *
   * Where the keyboard's time comes from (slides, key repeat): the main
   * loop by default, a page's clock inside a page, a virtual clock in
   * tests. Never %NULL.
   */
  props[PROP_CLOCK] = g_param_spec_object ("clock", "clock",
                                           "Where time comes from (never NULL)",
                                           FC_TYPE_KEYBOARD_CLOCK, rw);
  /**
   * FcKeyboard:transition-duration:
   *
   * How long the show and hide slides take, in ms; #FcKeyboard::show and
   * #FcKeyboard::hide fire at their end.
   */
  props[PROP_TRANSITION_DURATION] = g_param_spec_uint (
      "transition-duration", "transitionDuration",
      "Show/hide slide in ms; show and hide fire at its end", 0, 10000,
      FC_KEYBOARD_DEFAULT_TRANSITION_MS, rw);
  /**
   * FcKeyboard:layout:
   *
   * The layout shown now (`number`, `letter` or `symbol`):
   * #FcKeyboard:normal-type when shown, then what the switch keys chose.
   */
  props[PROP_LAYOUT] = g_param_spec_string (
      "layout", "layout", "The layout shown now", "number",
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * FcKeyboard::input:
   * @keyboard: the keyboard
   * @text: the key's text
   *
   * A character, extra or space key was pressed: @text is what it types.
   * The text is not kept by the keyboard after the emission.
   */
  signals[SIGNAL_INPUT] = g_signal_new (
      "input", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
      NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  /**
   * FcKeyboard::delete:
   * @keyboard: the keyboard
   *
   * The delete key was pressed (and fires again while it is held): the
   * host removes the last character it keeps.
   */
  signals[SIGNAL_DELETE]
      = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * FcKeyboard::close:
   * @keyboard: the keyboard
   *
   * The close (done) key was pressed; the keyboard hides.
   */
  signals[SIGNAL_CLOSE]
      = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * FcKeyboard::blur:
   * @keyboard: the keyboard
   *
   * The keyboard lost the focus (fc_keyboard_blur()).
   */
  signals[SIGNAL_BLUR]
      = g_signal_new ("blur", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * FcKeyboard::show:
   * @keyboard: the keyboard
   *
   * The keyboard finished sliding in.
   */
  signals[SIGNAL_SHOW]
      = g_signal_new ("show", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * FcKeyboard::hide:
   * @keyboard: the keyboard
   *
   * The keyboard finished sliding out.
   */
  signals[SIGNAL_HIDE]
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
  signals[SIGNAL_WARNING]
      = g_signal_new ("warning", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * FcKeyboard::layout-changed:
   *
   * The rows changed (layout, shift, arrangement, theme or extra keys):
   * key pointers from before are no longer valid.
   */
  signals[SIGNAL_LAYOUT_CHANGED]
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
  wipe_arrangement (self);
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
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TITLE]);
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
  cancel_repeat (self);
  if (show)
    {
      gboolean layout_changed = self->layout != self->normal_type;

      arrange (self);
      self->layout = self->normal_type;
      self->shift = FC_KEYBOARD_SHIFT_OFF;
      rebuild (self);
      if (layout_changed)
        g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LAYOUT]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SHOW]);
  start_transition (self);
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
  found = lookup_name (theme_names, G_N_ELEMENTS (theme_names),
                       theme ? theme : "default");
  if (found < 0)
    {
      emit_warning (
          self, "theme \"%s\" is not default or custom; using default", theme);
      found = FC_KEYBOARD_THEME_DEFAULT;
    }
  if ((FcKeyboardTheme)found == self->theme)
    return;
  self->theme = found;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_THEME]);
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
      emit_warning (self, "themeColor \"%s\" is not a colour; using %s",
                    theme_color, FC_KEYBOARD_DEFAULT_THEME_COLOR);
      theme_color = FC_KEYBOARD_DEFAULT_THEME_COLOR;
      fc_keyboard_color_parse (theme_color, &rgba);
    }
  if (!set_string (&self->theme_color, theme_color))
    return;
  self->theme_rgba = rgba;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_THEME_COLOR]);
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
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_Z_INDEX]);
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
      cancel_repeat (self);
      rebuild (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), props[prop]);
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
  found = lookup_name (layout_names, G_N_ELEMENTS (layout_names),
                       normal_type ? normal_type : "number");
  if (found < 0)
    {
      emit_warning (
          self,
          "normalType \"%s\" is not number, letter or symbol; using number",
          normal_type);
      found = FC_KEYBOARD_LAYOUT_NUMBER;
    }
  if ((FcKeyboardLayout)found == self->normal_type)
    return;
  self->normal_type = found;
  set_layout_internal (self, self->normal_type, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_NORMAL_TYPE]);
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
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CLOSE_BUTTON_TEXT]);
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
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EXTRA_KEY]);
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
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ICON]);
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
  cancel_repeat (self);
  in_transition = self->transition_id != 0;
  if (in_transition)
    {
      fc_keyboard_clock_remove_timeout (self->clock, self->transition_id);
      self->transition_id = 0;
    }
  g_set_object (&self->clock, clock);
  if (in_transition)
    transition_done_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CLOCK]);
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
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TRANSITION_DURATION]);
}

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
  set_layout_internal (self, layout, FALSE);
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
  g_signal_emit (self, signals[SIGNAL_INPUT], 0, copy);
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
  g_signal_emit (self, signals[SIGNAL_DELETE], 0);
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

  cancel_repeat (self);
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
            rebuild (self);
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
      rebuild (self);
      break;
    case FC_KEYBOARD_KEY_SWITCH:
      action = g_strdup (key->action);
      set_layout_internal (self,
                           lookup_name (layout_names,
                                        G_N_ELEMENTS (layout_names),
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
  cancel_repeat (self);
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
  cancel_repeat (self);
  g_object_ref (self);
  g_log (G_LOG_DOMAIN_KB, G_LOG_LEVEL_DEBUG, "close");
  g_signal_emit (self, signals[SIGNAL_CLOSE], 0);
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
  g_signal_emit (self, signals[SIGNAL_BLUR], 0);
}
