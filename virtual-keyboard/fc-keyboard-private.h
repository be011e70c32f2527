/* fc-keyboard-private.h: what the files of FcKeyboard share (fc-keyboard.c,
 * -attributes.c, -keys.c, -input.c): the instance struct, the property and
 * signal tables and the internals of fc-keyboard-state.c, which calls none
 * of them. Not installed. */
#pragma once

#include "fc-keyboard.h"
#include "fc-keyboard-layout-private.h"

G_BEGIN_DECLS

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

extern GParamSpec *fc_keyboard_props[N_PROPS];
extern guint fc_keyboard_signals[N_SIGNALS];

/* The attribute values of FcKeyboardLayout and FcKeyboardTheme. */
extern const char *const fc_keyboard_layout_names[3];
extern const char *const fc_keyboard_theme_names[2];

/* The index of @name in @names, or -1 (also for a %NULL @name). */
int fc_keyboard_lookup_name (const char *const *names, guint n_names,
                             const char *name);

/* A bad attribute value: "warning", or a g_message() with no handler. */
G_GNUC_PRINTF (2, 3)
void fc_keyboard_emit_warning (FcKeyboard *self, const char *format, ...);

/* Stops a held delete's repeat; no key is held afterwards. */
void fc_keyboard_cancel_repeat (FcKeyboard *self);

/* Builds the layout shown now again and emits "layout-changed". */
void fc_keyboard_rebuild (FcKeyboard *self);

/* A new key arrangement, scrambled as the attributes ask. */
void fc_keyboard_arrange (FcKeyboard *self);

/* Forgets the arrangement: wiped, then the identity. */
void fc_keyboard_wipe_arrangement (FcKeyboard *self);

/* Shows @layout with shift off (also when it is shown already if @force). */
void fc_keyboard_set_layout_internal (FcKeyboard *self, FcKeyboardLayout layout,
                                      gboolean force);

/* The show or hide slide ends: "show", or a wipe and "hide". A
 * GSourceFunc on the keyboard. */
gboolean fc_keyboard_transition_done (gpointer data);

/* Starts the show or hide slide (ends it at once with no duration). */
void fc_keyboard_start_transition (FcKeyboard *self);

G_END_DECLS
