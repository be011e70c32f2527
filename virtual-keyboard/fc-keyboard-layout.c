/* fc-keyboard-layout.c: builds the rows of keys for a layout, theme,
 * shift state, arrangement and extra keys.
 *
 * Number layout, default theme (3 units a row):
 *     1 2 3 / 4 5 6 / 7 8 9 / [extra] 0 ⌫
 *   the slot left of 0 holds the one extra key, or is empty.
 * Number layout, custom theme (3 units a row, plus a sidebar with a tall
 * ⌫ and a tall done key):
 *     1 2 3 / 4 5 6 / 7 8 9 / 0 (3 units)          no extra key
 *                           / 0 (2 units) [extra]  one extra key
 *                           / [extra1] 0 [extra2]  two extra keys
 * More extra keys than slots (2+ in default, 3+ in custom): all of them
 * form a row of their own above the digits, and the slots are as with none.
 *
 * Letter and symbol layouts are 20 units a row (a letter is 2), so the
 * QWERTY stagger is exact. In the custom theme the sidebar carries delete
 * and done, and their places in the rows become room.
 */

#include "fc-keyboard-layout-private.h"

#include <string.h>
#include <glib/gi18n-lib.h>

const char fc_keyboard_qwerty[FC_KEYBOARD_N_LETTERS + 1]
    = "qwertyuiopasdfghjklzxcvbnm";

/* Every ASCII symbol: 32 keys, the last four in a short row of their own
 * (a fifth row keeps keys 44 px wide in a 480 px window). */
static const char *const symbol_rows[4][10] = {
  { "!", "@", "#", "$", "%", "^", "&", "*", "(", ")" },
  { "-", "_", "=", "+", "[", "]", "{", "}", ";", ":" },
  { "'", "\"", ",", ".", "/", "?", "<", ">", NULL },
  { "`", "~", "\\", "|", NULL },
};

typedef struct
{
  GArray *keys;
  GArray *row_start;
  GArray *row_units;
  GArray *sidebar;
  guint column;
} Builder;

void
fc_keyboard_wipe_free (char *secret)
{
  if (secret == NULL)
    return;
  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

void
fc_keyboard_identity_digits (guint8 perm[FC_KEYBOARD_N_DIGITS])
{
  for (guint i = 0; i < FC_KEYBOARD_N_DIGITS; i++)
    perm[i] = (i + 1) % 10; /* reading order 1..9 then 0 */
}

void
fc_keyboard_identity_letters (guint8 perm[FC_KEYBOARD_N_LETTERS])
{
  for (guint i = 0; i < FC_KEYBOARD_N_LETTERS; i++)
    perm[i] = i;
}

static void
add_key (Builder *b, FcKeyboardKeyKind kind, const char *label,
         const char *text, const char *action, guint width)
{
  FcKeyboardKey key = {
    .kind = kind,
    .label = g_strdup (label ? label : ""),
    .text = g_strdup (text),
    .action = g_strdup (action),
    .row = b->row_start->len - 1,
    .column = b->column,
    .width = width,
    .height = 1,
  };

  g_array_append_val (b->keys, key);
  b->column += width;
}

static void
add_char (Builder *b, const char *text, guint width)
{
  add_key (b, FC_KEYBOARD_KEY_CHARACTER, text, text, text, width);
}

static void
add_spacer (Builder *b, guint width)
{
  add_key (b, FC_KEYBOARD_KEY_SPACER, "", NULL, NULL, width);
}

static void
add_extra (Builder *b, const char *text, guint width)
{
  add_key (b, FC_KEYBOARD_KEY_EXTRA, text, text, text, width);
}

/* A row's total units are known when it ends. */
static void
end_row (Builder *b)
{
  guint units = b->column;

  g_array_append_val (b->row_units, units);
  b->column = 0;
}

static void
begin_row (Builder *b)
{
  guint start = b->keys->len;

  g_array_append_val (b->row_start, start);
  b->column = 0;
}

static void
add_sidebar (Builder *b, FcKeyboardKeyKind kind, const char *label,
             const char *action, guint row, guint height)
{
  FcKeyboardKey key = {
    .kind = kind,
    .label = g_strdup (label),
    .action = g_strdup (action),
    .row = row,
    .width = 1,
    .height = height,
  };

  g_array_append_val (b->sidebar, key);
}

static const char *
close_label (const FcKeyboardLayoutSpec *spec)
{
  return spec->close_text && *spec->close_text ? spec->close_text : _("Done");
}

/* How many extra keys the number layout's bottom row has room for. */
static guint
extra_slots (FcKeyboardTheme theme)
{
  return theme == FC_KEYBOARD_THEME_CUSTOM ? 2 : 1;
}

static void
build_number (Builder *b, const FcKeyboardLayoutSpec *spec)
{
  guint n_extra
      = spec->extra_keys ? g_strv_length ((char **)spec->extra_keys) : 0;
  gboolean extra_row = n_extra > extra_slots (spec->theme);
  char digit[FC_KEYBOARD_N_DIGITS][2];

  for (guint i = 0; i < FC_KEYBOARD_N_DIGITS; i++)
    {
      digit[i][0] = '0' + spec->digit_perm[i];
      digit[i][1] = '\0';
    }

  if (extra_row)
    {
      begin_row (b);
      for (guint i = 0; i < n_extra; i++)
        add_extra (b, spec->extra_keys[i], 1);
      end_row (b);
      n_extra = 0;
    }

  for (guint r = 0; r < 3; r++)
    {
      begin_row (b);
      for (guint c = 0; c < 3; c++)
        add_char (b, digit[r * 3 + c], 1);
      end_row (b);
    }

  begin_row (b);
  if (spec->theme == FC_KEYBOARD_THEME_DEFAULT)
    {
      if (n_extra == 1)
        add_extra (b, spec->extra_keys[0], 1);
      else
        add_spacer (b, 1);
      add_char (b, digit[9], 1);
      add_key (b, FC_KEYBOARD_KEY_DELETE, "⌫", NULL, "delete", 1);
    }
  else if (n_extra == 0)
    add_char (b, digit[9], 3);
  else if (n_extra == 1)
    {
      add_char (b, digit[9], 2);
      add_extra (b, spec->extra_keys[0], 1);
    }
  else
    {
      add_extra (b, spec->extra_keys[0], 1);
      add_char (b, digit[9], 1);
      add_extra (b, spec->extra_keys[1], 1);
    }
  end_row (b);
}

static void
add_letter (Builder *b, const FcKeyboardLayoutSpec *spec, guint position)
{
  char text[2] = { fc_keyboard_qwerty[spec->letter_perm[position]], '\0' };
  char action[2] = { text[0], '\0' };

  if (spec->shift != FC_KEYBOARD_SHIFT_OFF)
    text[0] = g_ascii_toupper (text[0]);
  add_key (b, FC_KEYBOARD_KEY_CHARACTER, text, text, action, 2);
}

static void
add_bottom_row (Builder *b, const FcKeyboardLayoutSpec *spec, gboolean letters)
{
  gboolean custom = spec->theme == FC_KEYBOARD_THEME_CUSTOM;

  begin_row (b);
  add_key (b, FC_KEYBOARD_KEY_SWITCH, "123", NULL, "layout:number", 3);
  if (letters)
    add_key (b, FC_KEYBOARD_KEY_SWITCH, "#+=", NULL, "layout:symbol", 3);
  else
    add_key (b, FC_KEYBOARD_KEY_SWITCH, "ABC", NULL, "layout:letter", 3);
  add_key (b, FC_KEYBOARD_KEY_SPACE, "space", " ", "space", custom ? 14 : 10);
  if (!custom)
    add_key (b, FC_KEYBOARD_KEY_CLOSE, close_label (spec), NULL, "close", 4);
  end_row (b);
}

static void
build_letter (Builder *b, const FcKeyboardLayoutSpec *spec)
{
  gboolean custom = spec->theme == FC_KEYBOARD_THEME_CUSTOM;
  guint p = 0;

  begin_row (b);
  for (guint i = 0; i < 10; i++)
    add_letter (b, spec, p++);
  end_row (b);

  begin_row (b);
  add_spacer (b, 1);
  for (guint i = 0; i < 9; i++)
    add_letter (b, spec, p++);
  add_spacer (b, 1);
  end_row (b);

  begin_row (b);
  add_key (b, FC_KEYBOARD_KEY_SHIFT,
           spec->shift == FC_KEYBOARD_SHIFT_LOCKED ? "⇪" : "⇧", NULL, "shift",
           3);
  for (guint i = 0; i < 7; i++)
    add_letter (b, spec, p++);
  if (custom)
    add_spacer (b, 3);
  else
    add_key (b, FC_KEYBOARD_KEY_DELETE, "⌫", NULL, "delete", 3);
  end_row (b);

  add_bottom_row (b, spec, TRUE);
}

static void
build_symbol (Builder *b, const FcKeyboardLayoutSpec *spec)
{
  gboolean custom = spec->theme == FC_KEYBOARD_THEME_CUSTOM;

  for (guint r = 0; r < 2; r++)
    {
      begin_row (b);
      for (guint i = 0; i < 10; i++)
        add_char (b, symbol_rows[r][i], 2);
      end_row (b);
    }

  begin_row (b);
  if (custom)
    add_spacer (b, 2);
  for (guint i = 0; symbol_rows[2][i]; i++)
    add_char (b, symbol_rows[2][i], 2);
  if (custom)
    add_spacer (b, 2);
  else
    add_key (b, FC_KEYBOARD_KEY_DELETE, "⌫", NULL, "delete", 4);
  end_row (b);

  begin_row (b);
  add_spacer (b, 6);
  for (guint i = 0; symbol_rows[3][i]; i++)
    add_char (b, symbol_rows[3][i], 2);
  add_spacer (b, 6);
  end_row (b);

  add_bottom_row (b, spec, FALSE);
}

/* The rows of the tallest of the three layouts, without building them:
 * number 3 + 1 (+ 1 for a row of extra keys), letter 4, symbol 5. The
 * core's tests compare it with the layouts built. */
guint
fc_keyboard_layout_max_rows (FcKeyboardTheme theme, guint n_extra)
{
  guint number = 4 + (n_extra > extra_slots (theme) ? 1 : 0);
  guint letter = 4, symbol = 5;

  return MAX (number, MAX (letter, symbol));
}

FcKeyboardLayoutData *
fc_keyboard_layout_build (const FcKeyboardLayoutSpec *spec)
{
  FcKeyboardLayoutData *data = g_new0 (FcKeyboardLayoutData, 1);
  Builder b = {
    .keys = g_array_new (FALSE, TRUE, sizeof (FcKeyboardKey)),
    .row_start = g_array_new (FALSE, TRUE, sizeof (guint)),
    .row_units = g_array_new (FALSE, TRUE, sizeof (guint)),
    .sidebar = g_array_new (FALSE, TRUE, sizeof (FcKeyboardKey)),
  };
  guint end;

  switch (spec->layout)
    {
    case FC_KEYBOARD_LAYOUT_NUMBER:
      build_number (&b, spec);
      break;
    case FC_KEYBOARD_LAYOUT_LETTER:
      build_letter (&b, spec);
      break;
    case FC_KEYBOARD_LAYOUT_SYMBOL:
    default:
      build_symbol (&b, spec);
      break;
    }

  if (spec->theme == FC_KEYBOARD_THEME_CUSTOM)
    {
      add_sidebar (&b, FC_KEYBOARD_KEY_DELETE, "⌫", "delete", 0, 2);
      add_sidebar (&b, FC_KEYBOARD_KEY_CLOSE, close_label (spec), "close", 2,
                   2);
    }

  data->n_rows = b.row_start->len;
  end = b.keys->len;
  g_array_append_val (b.row_start, end);
  data->n_keys = b.keys->len;
  data->keys = (FcKeyboardKey *)g_array_free (b.keys, FALSE);
  data->row_start = (guint *)g_array_free (b.row_start, FALSE);
  data->row_units = (guint *)g_array_free (b.row_units, FALSE);
  data->n_sidebar = b.sidebar->len;
  data->sidebar = (FcKeyboardKey *)g_array_free (b.sidebar, FALSE);
  return data;
}

static void
wipe_keys (FcKeyboardKey *keys, guint n_keys)
{
  for (guint i = 0; i < n_keys; i++)
    {
      fc_keyboard_wipe_free (keys[i].label);
      fc_keyboard_wipe_free (keys[i].text);
      fc_keyboard_wipe_free (keys[i].action);
    }
  if (keys != NULL) /* g_array_free of an empty array gives NULL */
    explicit_bzero (keys, n_keys * sizeof *keys);
  g_free (keys);
}

void
fc_keyboard_layout_free (FcKeyboardLayoutData *data)
{
  if (data == NULL)
    return;
  wipe_keys (data->keys, data->n_keys);
  wipe_keys (data->sidebar, data->n_sidebar);
  g_free (data->row_start);
  g_free (data->row_units);
  g_free (data);
}
