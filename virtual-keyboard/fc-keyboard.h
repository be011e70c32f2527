/* fc-keyboard.h: the virtual keyboard's headless core.
 *
 * FcKeyboard holds everything the plugin's attributes describe, builds the
 * current layout as data (rows of keys with widths in units), scrambles
 * digits and letters, and emits the component's events. It needs no
 * display: the GTK view (fc-keyboard-view.h) only renders what
 * fc_keyboard_get_row() and fc_keyboard_get_sidebar() return and reports
 * presses back through fc_keyboard_press()/fc_keyboard_release().
 *
 * Attribute → property mapping (the bridge's schema uses the camelCase
 * names, which are also each property's nick): title → "title",
 * show → "show", theme → "theme", themeColor → "theme-color",
 * zIndex → "z-index", isRandomLetter → "is-random-letter",
 * isRandomNumber → "is-random-number", normalType → "normal-type",
 * closeButtonText → "close-button-text", extraKey → "extra-key" (GStrv),
 * icon → "icon". The rule is camelCase → kebab-case.
 *
 * Security: key text is never logged; the only buffer of entered text the
 * core keeps (the text of the key being emitted) is wiped with
 * explicit_bzero() after each emission, on hide, on close and in dispose,
 * and so are the key labels and the scrambled arrangement.
 */
#pragma once

#include <glib-object.h>

#include "fc-keyboard-clock.h"
#include "fc-keyboard-color.h"
#include "fc-keyboard-export.h"

G_BEGIN_DECLS

/**
 * FC_KEYBOARD_DEFAULT_THEME_COLOR:
 *
 * The accent colour of the custom theme when `themeColor` is not given.
 */
#define FC_KEYBOARD_DEFAULT_THEME_COLOR "#2e7cff"
/**
 * FC_KEYBOARD_DEFAULT_Z_INDEX:
 *
 * The keyboard's stacking order when `zIndex` is not given.
 */
#define FC_KEYBOARD_DEFAULT_Z_INDEX 999
/**
 * FC_KEYBOARD_DEFAULT_TRANSITION_MS:
 *
 * How long the show/hide slide takes by default, in ms; "show" and
 * "hide" fire at its end.
 */
#define FC_KEYBOARD_DEFAULT_TRANSITION_MS 200
/**
 * FC_KEYBOARD_REPEAT_DELAY_MS:
 *
 * How long the delete key is held before it starts repeating, in ms.
 */
#define FC_KEYBOARD_REPEAT_DELAY_MS 500
/**
 * FC_KEYBOARD_REPEAT_INTERVAL_MS:
 *
 * The interval of the delete key's repeat while held, in ms.
 */
#define FC_KEYBOARD_REPEAT_INTERVAL_MS 90

/**
 * FcKeyboardLayout:
 * @FC_KEYBOARD_LAYOUT_NUMBER: the digits (and #FcKeyboard:extra-key)
 * @FC_KEYBOARD_LAYOUT_LETTER: the Latin letters, with shift
 * @FC_KEYBOARD_LAYOUT_SYMBOL: punctuation and symbols
 *
 * The keyboard's layouts (`normalType`).
 */
typedef enum
{
  FC_KEYBOARD_LAYOUT_NUMBER,
  FC_KEYBOARD_LAYOUT_LETTER,
  FC_KEYBOARD_LAYOUT_SYMBOL,
} FcKeyboardLayout;

/**
 * FcKeyboardTheme:
 * @FC_KEYBOARD_THEME_DEFAULT: the platform's colours
 * @FC_KEYBOARD_THEME_CUSTOM: the accent colour of #FcKeyboard:theme-color
 *
 * The keyboard's colour themes (`theme`).
 */
typedef enum
{
  FC_KEYBOARD_THEME_DEFAULT,
  FC_KEYBOARD_THEME_CUSTOM,
} FcKeyboardTheme;

/**
 * FcKeyboardShift:
 * @FC_KEYBOARD_SHIFT_OFF: letters are lower case
 * @FC_KEYBOARD_SHIFT_ONCE: the next letter is upper case
 * @FC_KEYBOARD_SHIFT_LOCKED: caps lock
 *
 * The state of the letter layout's shift key.
 */
typedef enum
{
  FC_KEYBOARD_SHIFT_OFF,
  FC_KEYBOARD_SHIFT_ONCE,   /* the next letter is upper case */
  FC_KEYBOARD_SHIFT_LOCKED, /* caps lock */
} FcKeyboardShift;

/**
 * FcKeyboardKeyKind:
 * @FC_KEYBOARD_KEY_CHARACTER: a digit, letter or symbol: emits "input"
 * @FC_KEYBOARD_KEY_EXTRA: one of #FcKeyboard:extra-key: emits "input"
 * @FC_KEYBOARD_KEY_SPACE: emits "input" with " "
 * @FC_KEYBOARD_KEY_DELETE: emits "delete", and repeats while held
 * @FC_KEYBOARD_KEY_CLOSE: the done/close key: emits "close" and hides
 * @FC_KEYBOARD_KEY_SHIFT: off, once, caps lock, off again
 * @FC_KEYBOARD_KEY_SWITCH: changes the layout shown
 * @FC_KEYBOARD_KEY_SPACER: empty room, not a key
 *
 * What a key of the layout does when pressed.
 */
typedef enum
{
  FC_KEYBOARD_KEY_CHARACTER, /* digit, letter or symbol: emits "input" */
  FC_KEYBOARD_KEY_EXTRA,     /* one of extraKey: emits "input" */
  FC_KEYBOARD_KEY_SPACE,     /* emits "input" with " " */
  FC_KEYBOARD_KEY_DELETE,    /* emits "delete", repeats while held */
  FC_KEYBOARD_KEY_CLOSE,     /* done/close: emits "close", hides */
  FC_KEYBOARD_KEY_SHIFT,     /* off → once → caps lock → off */
  FC_KEYBOARD_KEY_SWITCH,    /* changes the layout shown */
  FC_KEYBOARD_KEY_SPACER,    /* empty room, not a key */
} FcKeyboardKeyKind;

/**
 * FcKeyboardKey:
 * @kind: what the key does
 * @label: what it shows (never %NULL; "" for a spacer)
 * @text: what "input" emits for character, extra and space keys, else %NULL
 * @action: the name fc_keyboard_activate() knows it by: its text for
 *   character keys, else "delete", "close", "shift", "layout:number",
 *   "layout:letter", "layout:symbol", "space"; %NULL for spacers
 * @row: row index (sidebar: first row unit it covers)
 * @column: offset in units from the left of its row (sidebar: 0)
 * @width: width in units; a row's keys share the row's width in
 *   proportion to their units (fc_keyboard_get_row_units())
 * @height: rows spanned (1 except sidebar keys)
 *
 * Pointers to keys stay valid until the next "layout-changed" signal.
 */
typedef struct
{
  FcKeyboardKeyKind kind;
  char *label;
  char *text;
  char *action;
  guint row;
  guint column;
  guint width;
  guint height;
} FcKeyboardKey;

/**
 * FcKeyboard:
 *
 * The platform's secure virtual keyboard without a display: what its
 * attributes describe (as properties), the layout shown as rows of keys,
 * the scrambled arrangement of digits and letters, and the component's
 * events as signals (#FcKeyboard::input, #FcKeyboard::delete,
 * #FcKeyboard::close, ...). A view (#FcKeyboardView, or a host's own)
 * draws fc_keyboard_get_row() and reports presses with
 * fc_keyboard_press(); a host without a view types with
 * fc_keyboard_activate(). Entered text is never logged nor kept.
 */
#define FC_TYPE_KEYBOARD (fc_keyboard_get_type ())
FC_KEYBOARD_EXPORT
G_DECLARE_FINAL_TYPE (FcKeyboard, fc_keyboard, FC, KEYBOARD, GObject)

FC_KEYBOARD_EXPORT
FcKeyboard *fc_keyboard_new (void);

FC_KEYBOARD_EXPORT
const char *fc_keyboard_get_title (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_title (FcKeyboard *self, const char *title);
FC_KEYBOARD_EXPORT
gboolean fc_keyboard_get_show (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_show (FcKeyboard *self, gboolean show);
FC_KEYBOARD_EXPORT
FcKeyboardTheme fc_keyboard_get_theme (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_theme (FcKeyboard *self, const char *theme);
FC_KEYBOARD_EXPORT
const char *fc_keyboard_get_theme_color (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_get_theme_rgba (FcKeyboard *self, FcKeyboardColor *color);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_theme_color (FcKeyboard *self, const char *theme_color);
FC_KEYBOARD_EXPORT
int fc_keyboard_get_z_index (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_z_index (FcKeyboard *self, int z_index);
FC_KEYBOARD_EXPORT
gboolean fc_keyboard_get_is_random_letter (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_is_random_letter (FcKeyboard *self, gboolean random);
FC_KEYBOARD_EXPORT
gboolean fc_keyboard_get_is_random_number (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_is_random_number (FcKeyboard *self, gboolean random);
FC_KEYBOARD_EXPORT
FcKeyboardLayout fc_keyboard_get_normal_type (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_normal_type (FcKeyboard *self, const char *normal_type);
FC_KEYBOARD_EXPORT
const char *fc_keyboard_get_close_button_text (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_close_button_text (FcKeyboard *self, const char *text);
FC_KEYBOARD_EXPORT
const char *const *fc_keyboard_get_extra_key (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_extra_key (FcKeyboard *self, const char *const *extra_key);
FC_KEYBOARD_EXPORT
const char *fc_keyboard_get_icon (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_icon (FcKeyboard *self, const char *icon);

FC_KEYBOARD_EXPORT
FcKeyboardClock *fc_keyboard_get_clock (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_clock (FcKeyboard *self, FcKeyboardClock *clock);
FC_KEYBOARD_EXPORT
guint fc_keyboard_get_transition_duration (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_transition_duration (FcKeyboard *self, guint ms);

/* Layout queries: what is shown now. */
FC_KEYBOARD_EXPORT
FcKeyboardLayout fc_keyboard_get_layout (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_set_layout (FcKeyboard *self, FcKeyboardLayout layout);
FC_KEYBOARD_EXPORT
FcKeyboardShift fc_keyboard_get_shift (FcKeyboard *self);
FC_KEYBOARD_EXPORT
guint fc_keyboard_get_n_rows (FcKeyboard *self);
FC_KEYBOARD_EXPORT
guint fc_keyboard_get_max_rows (FcKeyboard *self);
FC_KEYBOARD_EXPORT
const FcKeyboardKey *fc_keyboard_get_row (FcKeyboard *self, guint row,
                                          guint *n_keys);
FC_KEYBOARD_EXPORT
guint fc_keyboard_get_row_units (FcKeyboard *self, guint row);
FC_KEYBOARD_EXPORT
const FcKeyboardKey *fc_keyboard_get_sidebar (FcKeyboard *self, guint *n_keys);
FC_KEYBOARD_EXPORT
const FcKeyboardKey *fc_keyboard_find_key (FcKeyboard *self, const char *name);
FC_KEYBOARD_EXPORT
gboolean fc_keyboard_get_is_scrambled (FcKeyboard *self);

/* Actions */
FC_KEYBOARD_EXPORT
gboolean fc_keyboard_press (FcKeyboard *self, const FcKeyboardKey *key);
FC_KEYBOARD_EXPORT
void fc_keyboard_release (FcKeyboard *self);
FC_KEYBOARD_EXPORT
gboolean fc_keyboard_activate (FcKeyboard *self, const char *name);
FC_KEYBOARD_EXPORT
gboolean fc_keyboard_handle_hardware_key (FcKeyboard *self,
                                          const char *keyname);
FC_KEYBOARD_EXPORT
void fc_keyboard_close (FcKeyboard *self);
FC_KEYBOARD_EXPORT
void fc_keyboard_blur (FcKeyboard *self);

FC_KEYBOARD_EXPORT
const char *fc_keyboard_layout_to_string (FcKeyboardLayout layout);
FC_KEYBOARD_EXPORT
const char *fc_keyboard_theme_to_string (FcKeyboardTheme theme);

G_END_DECLS
