/* fc-keyboard-layout-private.h: the layouts as data. */
#pragma once

#include "fc-keyboard.h"

G_BEGIN_DECLS

#define FC_KEYBOARD_N_DIGITS 10
#define FC_KEYBOARD_N_LETTERS 26

typedef struct
{
  FcKeyboardLayout layout;
  FcKeyboardTheme theme;
  FcKeyboardShift shift;
  const guint8 *digit_perm;      /* position → digit, 10 entries */
  const guint8 *letter_perm;     /* position → index in QWERTY order */
  const char *const *extra_keys; /* may be NULL */
  const char *close_text;        /* may be "" */
} FcKeyboardLayoutSpec;

typedef struct
{
  FcKeyboardKey *keys; /* main area, row-major */
  guint n_keys;
  guint n_rows;
  guint *row_start; /* n_rows + 1 */
  guint *row_units; /* n_rows */
  FcKeyboardKey *sidebar;
  guint n_sidebar;
} FcKeyboardLayoutData;

extern const char fc_keyboard_qwerty[FC_KEYBOARD_N_LETTERS + 1];

void fc_keyboard_identity_digits (guint8 perm[FC_KEYBOARD_N_DIGITS]);
void fc_keyboard_identity_letters (guint8 perm[FC_KEYBOARD_N_LETTERS]);
FcKeyboardLayoutData *
fc_keyboard_layout_build (const FcKeyboardLayoutSpec *spec);
void fc_keyboard_layout_free (FcKeyboardLayoutData *data);
guint fc_keyboard_layout_max_rows (FcKeyboardTheme theme, guint n_extra);
void fc_keyboard_wipe_free (char *secret);

G_END_DECLS
