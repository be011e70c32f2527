/* The keyboard's headless core: properties, layouts, scrambling, timing,
 * hardware keys and events. Tables where cases are alike; every test ends
 * by proving the keyboard was freed. */

#include "virtual-keyboard/fc-virtual-keyboard-core.h"

#include <math.h>
#include <string.h>

typedef struct
{
  FcKeyboard *kb;
  FcKeyboardVirtualClock *clock;
  GString *events; /* "input:5 delete close …" */
  guint n_warnings;
} Fixture;

static void
record (Fixture *f, const char *event)
{
  if (f->events->len)
    g_string_append_c (f->events, ' ');
  g_string_append (f->events, event);
}

static void
on_input (FcKeyboard *kb, const char *text, Fixture *f)
{
  g_autofree char *s = g_strconcat ("input:", text, NULL);
  record (f, s);
}
static void
on_delete (FcKeyboard *kb, Fixture *f)
{
  record (f, "delete");
}
static void
on_close (FcKeyboard *kb, Fixture *f)
{
  record (f, "close");
}
static void
on_blur (FcKeyboard *kb, Fixture *f)
{
  record (f, "blur");
}
static void
on_show (FcKeyboard *kb, Fixture *f)
{
  record (f, "show");
}
static void
on_hide (FcKeyboard *kb, Fixture *f)
{
  record (f, "hide");
}
static void
on_warning (FcKeyboard *kb, const char *message, Fixture *f)
{
  f->n_warnings++;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->kb = fc_keyboard_new ();
  f->clock = fc_keyboard_virtual_clock_new ();
  f->events = g_string_new (NULL);
  fc_keyboard_set_clock (f->kb, FC_KEYBOARD_CLOCK (f->clock));
  g_signal_connect (f->kb, "input", G_CALLBACK (on_input), f);
  g_signal_connect (f->kb, "delete", G_CALLBACK (on_delete), f);
  g_signal_connect (f->kb, "close", G_CALLBACK (on_close), f);
  g_signal_connect (f->kb, "blur", G_CALLBACK (on_blur), f);
  g_signal_connect (f->kb, "show", G_CALLBACK (on_show), f);
  g_signal_connect (f->kb, "hide", G_CALLBACK (on_hide), f);
  g_signal_connect (f->kb, "warning", G_CALLBACK (on_warning), f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->kb);
  g_assert_cmpuint (fc_keyboard_virtual_clock_get_n_pending (f->clock), ==, 0);
  g_assert_finalize_object (f->clock);
  g_string_free (f->events, TRUE);
}

static void
show_now (Fixture *f)
{
  fc_keyboard_set_show (f->kb, TRUE);
  fc_keyboard_virtual_clock_advance (f->clock,
                                     FC_KEYBOARD_DEFAULT_TRANSITION_MS);
  g_string_truncate (f->events, 0);
}

/* "1 2 3|4 5 6|…||⌫/2 Done/2": rows by "|", then the sidebar after "||";
 * a spacer is "_", "/N" a width (rows) or height (sidebar) other than 1. */
static char *
describe (FcKeyboard *kb)
{
  GString *s = g_string_new (NULL);
  const FcKeyboardKey *keys;
  guint n;

  for (guint r = 0; r < fc_keyboard_get_n_rows (kb); r++)
    {
      if (r)
        g_string_append_c (s, '|');
      keys = fc_keyboard_get_row (kb, r, &n);
      for (guint i = 0; i < n; i++)
        {
          if (i)
            g_string_append_c (s, ' ');
          g_string_append (
              s, keys[i].kind == FC_KEYBOARD_KEY_SPACER ? "_" : keys[i].label);
          if (keys[i].width != 1)
            g_string_append_printf (s, "/%u", keys[i].width);
        }
    }
  keys = fc_keyboard_get_sidebar (kb, &n);
  if (n)
    g_string_append (s, "||");
  for (guint i = 0; i < n; i++)
    {
      if (i)
        g_string_append_c (s, ' ');
      g_string_append (s, keys[i].label);
      if (keys[i].height != 1)
        g_string_append_printf (s, "/%u", keys[i].height);
    }
  return g_string_free (s, FALSE);
}

/* Properties */

typedef struct
{
  const char *name;
  const char *nick;
  const char *default_value; /* as g_strdup_value_contents() prints it */
  const char *new_value;     /* set with g_value_transform from a string */
} PropertyCase;

static const PropertyCase property_cases[] = {
  { "title", "title", "\"\"", "Enter PIN" },
  { "show", "show", "FALSE", "TRUE" },
  { "theme", "theme", "\"default\"", "custom" },
  { "theme-color", "themeColor", "\"#2e7cff\"", "rgb(10, 20, 30)" },
  { "z-index", "zIndex", "999", "5" },
  { "is-random-letter", "isRandomLetter", "FALSE", "TRUE" },
  { "is-random-number", "isRandomNumber", "FALSE", "TRUE" },
  { "normal-type", "normalType", "\"number\"", "letter" },
  { "close-button-text", "closeButtonText", "\"\"", "Done" },
  { "icon", "icon", "\"\"", "/images/logo.png" },
};

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
set_from_string (GObject *object, GParamSpec *pspec, const char *text)
{
  g_auto (GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  if (pspec->value_type == G_TYPE_STRING)
    g_value_set_string (&value, text);
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    g_value_set_boolean (&value, g_str_equal (text, "TRUE"));
  else if (pspec->value_type == G_TYPE_INT)
    g_value_set_int (&value, atoi (text));
  else
    g_assert_not_reached ();
  g_object_set_property (object, pspec->name, &value);
}

static void
test_property (Fixture *f, gconstpointer data)
{
  const PropertyCase *c = data;
  GParamSpec *pspec
      = g_object_class_find_property (G_OBJECT_GET_CLASS (f->kb), c->name);
  g_auto (GValue) value = G_VALUE_INIT;
  g_autofree char *contents = NULL;
  g_autofree char *signal = g_strconcat ("notify::", c->name, NULL);
  guint count = 0;

  g_assert_nonnull (pspec);
  g_assert_cmpstr (g_param_spec_get_nick (pspec), ==, c->nick);
  g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (f->kb), c->name, &value);
  contents = g_strdup_value_contents (&value);
  g_assert_cmpstr (contents, ==, c->default_value);

  g_signal_connect (f->kb, signal, G_CALLBACK (count_notify), &count);
  /* The default again: nothing changes, nothing is notified. */
  g_object_set_property (G_OBJECT (f->kb), c->name, &value);
  g_assert_cmpuint (count, ==, 0);
  set_from_string (G_OBJECT (f->kb), pspec, c->new_value);
  g_assert_cmpuint (count, ==, 1);
  set_from_string (G_OBJECT (f->kb), pspec, c->new_value);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (f->n_warnings, ==, 0);
  fc_keyboard_virtual_clock_advance (f->clock, 1000);
}

static void
test_extra_key_property (Fixture *f, gconstpointer data)
{
  const char *const keys[] = { ".", "", "X", NULL };
  const char *const same[] = { ".", "X", NULL };
  guint count = 0;
  g_auto (GStrv) got = NULL;
  GParamSpec *pspec
      = g_object_class_find_property (G_OBJECT_GET_CLASS (f->kb), "extra-key");

  g_assert_cmpstr (g_param_spec_get_nick (pspec), ==, "extraKey");
  g_object_get (f->kb, "extra-key", &got, NULL);
  g_assert_nonnull (got);
  g_assert_cmpuint (g_strv_length (got), ==, 0);
  g_clear_pointer (&got, g_strfreev);

  g_signal_connect (f->kb, "notify::extra-key", G_CALLBACK (count_notify),
                    &count);
  fc_keyboard_set_extra_key (f->kb, NULL);
  g_assert_cmpuint (count, ==, 0);
  fc_keyboard_set_extra_key (f->kb, keys);
  g_assert_cmpuint (count, ==, 1);
  fc_keyboard_set_extra_key (f->kb, same);
  g_assert_cmpuint (count, ==, 1);
  g_object_get (f->kb, "extra-key", &got, NULL);
  g_assert_true (g_strv_equal ((const char *const *)got, same));
}

/* Bad attribute values: a "warning", the default, and no g_warning (the
 * test runs with G_DEBUG=fatal-warnings). */
typedef struct
{
  const char *property;
  const char *bad;
  const char *fallback;
} BadValueCase;

static const BadValueCase bad_value_cases[] = {
  { "theme-color", "banana", "#2e7cff" },
  { "theme-color", "#12345", "#2e7cff" },
  { "theme-color", "rgb(1,2)", "#2e7cff" },
  { "theme-color", "rgba(1,2,3)", "#2e7cff" },
  { "theme-color", "rgb(1,2,3) x", "#2e7cff" },
  { "theme-color", "", "#2e7cff" },
  { "theme", "fancy", "default" },
  { "normal-type", "emoji", "number" },
};

static void
test_bad_value (Fixture *f, gconstpointer data)
{
  const BadValueCase *c = data;
  g_autofree char *got = NULL;

  g_object_set (f->kb, c->property, c->bad, NULL);
  g_assert_cmpuint (f->n_warnings, ==, 1);
  g_object_get (f->kb, c->property, &got, NULL);
  g_assert_cmpstr (got, ==, c->fallback);
}

static void
test_bad_value_without_handler (void)
{
  FcKeyboard *kb = fc_keyboard_new ();

  /* No "warning" handler: a g_message, which is not fatal. */
  g_test_expect_message ("fc-keyboard", G_LOG_LEVEL_MESSAGE, "*themeColor*");
  fc_keyboard_set_theme_color (kb, "nope");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (fc_keyboard_get_theme_color (kb), ==, "#2e7cff");
  g_assert_finalize_object (kb);
}

/* Colours */

typedef struct
{
  const char *spec;
  gboolean valid;
  int r, g, b;
  double a;
} ColorCase;

static const ColorCase color_cases[] = {
  { "#2e7cff", TRUE, 0x2e, 0x7c, 0xff, 1 },
  { "#2E7CFF", TRUE, 0x2e, 0x7c, 0xff, 1 },
  { "#f00", TRUE, 255, 0, 0, 1 },
  { "#f008", TRUE, 255, 0, 0, 0x88 / 255. },
  { "#11223380", TRUE, 0x11, 0x22, 0x33, 0x80 / 255. },
  { "  #abc  ", TRUE, 0xaa, 0xbb, 0xcc, 1 },
  { "rgb(10, 20, 30)", TRUE, 10, 20, 30, 1 },
  { "rgb(100%,0%,50%)", TRUE, 255, 0, 128, 1 },
  { "RGB( 1 ,2, 3 )", TRUE, 1, 2, 3, 1 },
  { "rgba(10,20,30,0.5)", TRUE, 10, 20, 30, 0.5 },
  { "rgba(10,20,30,50%)", TRUE, 10, 20, 30, 0.5 },
  { "rgb(300,-5,0)", TRUE, 255, 0, 0, 1 },
  { "red", TRUE, 255, 0, 0, 1 },
  { "RebeccaPurple", TRUE, 0x66, 0x33, 0x99, 1 },
  { "green", TRUE, 0, 128, 0, 1 },
  { "yellowgreen", TRUE, 0x9a, 0xcd, 0x32, 1 },
  { "aliceblue", TRUE, 0xf0, 0xf8, 0xff, 1 },
  { "transparent", TRUE, 0, 0, 0, 0 },
  { "#", FALSE },
  { "#12", FALSE },
  { "#12345", FALSE },
  { "#1234567", FALSE },
  { "#ggg", FALSE },
  { "rgb()", FALSE },
  { "rgb(1,2,3", FALSE },
  { "rgb(1,2,3,4)", FALSE },
  { "rgba(1,2,3)", FALSE },
  { "rgb(a,b,c)", FALSE },
  { "rgb(nan,1,1)", FALSE },
  { "notacolor", FALSE },
  { "red;}", FALSE },
  { "", FALSE },
  { "   ", FALSE },
};

static void
test_color (gconstpointer data)
{
  const ColorCase *c = data;
  FcKeyboardColor color = { -1, -1, -1, -1 };
  gboolean ok = fc_keyboard_color_parse (c->spec, &color);

  g_assert_cmpint (ok, ==, c->valid);
  if (!c->valid)
    {
      g_assert_cmpfloat (color.red, ==, -1);
      return;
    }
  g_assert_cmpint ((int)lround (color.red * 255), ==, c->r);
  g_assert_cmpint ((int)lround (color.green * 255), ==, c->g);
  g_assert_cmpint ((int)lround (color.blue * 255), ==, c->b);
  g_assert_cmpfloat_with_epsilon (color.alpha, c->a, 1e-6);
}

/* Layouts */

typedef struct
{
  const char *theme;
  const char *normal_type;
  const char *extra[4];
  const char *close_text;
  const char *expected;
} LayoutCase;

static const LayoutCase layout_cases[] = {
  { "default", "number", { NULL }, "", "1 2 3|4 5 6|7 8 9|_ 0 ⌫" },
  { "default", "number", { ".", NULL }, "", "1 2 3|4 5 6|7 8 9|. 0 ⌫" },
  { "default",
    "number",
    { ".", "X", NULL },
    "",
    ". X|1 2 3|4 5 6|7 8 9|_ 0 ⌫" },
  { "default",
    "number",
    { ".", "X", "00", NULL },
    "",
    ". X 00|1 2 3|4 5 6|7 8 9|_ 0 ⌫" },
  { "custom", "number", { NULL }, "", "1 2 3|4 5 6|7 8 9|0/3||⌫/2 Done/2" },
  { "custom",
    "number",
    { ".", NULL },
    "OK",
    "1 2 3|4 5 6|7 8 9|0/2 .||⌫/2 OK/2" },
  { "custom",
    "number",
    { ".", "X", NULL },
    "",
    "1 2 3|4 5 6|7 8 9|. 0 X||⌫/2 Done/2" },
  { "custom",
    "number",
    { ".", "X", "00", NULL },
    "",
    ". X 00|1 2 3|4 5 6|7 8 9|0/3||⌫/2 Done/2" },
  { "default",
    "letter",
    { NULL },
    "Go",
    "q/2 w/2 e/2 r/2 t/2 y/2 u/2 i/2 o/2 p/2"
    "|_ a/2 s/2 d/2 f/2 g/2 h/2 j/2 k/2 l/2 _"
    "|⇧/3 z/2 x/2 c/2 v/2 b/2 n/2 m/2 ⌫/3"
    "|123/3 #+=/3 space/10 Go/4" },
  { "custom",
    "letter",
    { ".", NULL },
    "",
    "q/2 w/2 e/2 r/2 t/2 y/2 u/2 i/2 o/2 p/2"
    "|_ a/2 s/2 d/2 f/2 g/2 h/2 j/2 k/2 l/2 _"
    "|⇧/3 z/2 x/2 c/2 v/2 b/2 n/2 m/2 _/3"
    "|123/3 #+=/3 space/14||⌫/2 Done/2" },
  { "default",
    "symbol",
    { NULL },
    "",
    "!/2 @/2 #/2 $/2 %/2 ^/2 &/2 */2 (/2 )/2"
    "|-/2 _/2 =/2 +/2 [/2 ]/2 {/2 }/2 ;/2 :/2"
    "|'/2 \"/2 ,/2 ./2 //2 ?/2 </2 >/2 ⌫/4"
    "|_/6 `/2 ~/2 \\/2 |/2 _/6"
    "|123/3 ABC/3 space/10 Done/4" },
  { "custom",
    "symbol",
    { NULL },
    "",
    "!/2 @/2 #/2 $/2 %/2 ^/2 &/2 */2 (/2 )/2"
    "|-/2 _/2 =/2 +/2 [/2 ]/2 {/2 }/2 ;/2 :/2"
    "|_/2 '/2 \"/2 ,/2 ./2 //2 ?/2 </2 >/2 _/2"
    "|_/6 `/2 ~/2 \\/2 |/2 _/6"
    "|123/3 ABC/3 space/14||⌫/2 Done/2" },
};

static void
test_layout (Fixture *f, gconstpointer data)
{
  const LayoutCase *c = data;
  g_autofree char *got = NULL;
  guint units = 0;

  g_object_set (f->kb, "theme", c->theme, "normal-type", c->normal_type,
                "close-button-text", c->close_text, NULL);
  fc_keyboard_set_extra_key (f->kb, c->extra);
  show_now (f);
  got = describe (f->kb);
  g_assert_cmpstr (got, ==, c->expected);

  /* Every row's keys fill it exactly, with no gap and no overlap. */
  for (guint r = 0; r < fc_keyboard_get_n_rows (f->kb); r++)
    {
      const FcKeyboardKey *keys;
      guint n, column = 0;

      keys = fc_keyboard_get_row (f->kb, r, &n);
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpuint (keys[i].row, ==, r);
          g_assert_cmpuint (keys[i].column, ==, column);
          column += keys[i].width;
        }
      g_assert_cmpuint (fc_keyboard_get_row_units (f->kb, r), ==, column);
      if (!g_str_equal (c->normal_type, "number"))
        g_assert_cmpuint (column, ==, 20);
      units = column;
    }
  g_assert_cmpuint (units, >, 0);
  g_assert_cmpuint (f->n_warnings, ==, 0);
}

/* Every action name fc_keyboard_activate() knows resolves where it says. */
static void
test_switch_layouts (Fixture *f, gconstpointer data)
{
  g_autofree char *layout = NULL;

  fc_keyboard_set_normal_type (f->kb, "letter");
  show_now (f);
  g_assert_cmpint (fc_keyboard_get_layout (f->kb), ==,
                   FC_KEYBOARD_LAYOUT_LETTER);
  g_assert_true (fc_keyboard_activate (f->kb, "layout:symbol"));
  g_assert_cmpint (fc_keyboard_get_layout (f->kb), ==,
                   FC_KEYBOARD_LAYOUT_SYMBOL);
  g_assert_true (fc_keyboard_activate (f->kb, "layout:letter"));
  g_assert_cmpint (fc_keyboard_get_layout (f->kb), ==,
                   FC_KEYBOARD_LAYOUT_LETTER);
  g_assert_true (fc_keyboard_activate (f->kb, "layout:number"));
  g_assert_cmpint (fc_keyboard_get_layout (f->kb), ==,
                   FC_KEYBOARD_LAYOUT_NUMBER);
  g_object_get (f->kb, "layout", &layout, NULL);
  g_assert_cmpstr (layout, ==, "number");
  /* The number layout is a PIN pad: no way out but close. */
  g_assert_false (fc_keyboard_activate (f->kb, "layout:letter"));
  g_assert_false (fc_keyboard_activate (f->kb, "a"));
  g_assert_cmpstr (f->events->str, ==, "");
  /* Showing again starts from normalType. */
  fc_keyboard_set_show (f->kb, FALSE);
  fc_keyboard_set_show (f->kb, TRUE);
  g_assert_cmpint (fc_keyboard_get_layout (f->kb), ==,
                   FC_KEYBOARD_LAYOUT_LETTER);
  fc_keyboard_virtual_clock_advance (f->clock, 1000);
}

/* fc_keyboard_get_max_rows() is the row count of the tallest layout the
 * theme can show with these extra keys, the one a view keeps the height
 * of (the view tests check the heights). */
static void
test_max_rows (Fixture *f, gconstpointer data)
{
  static const char *const extras[] = { "a", "b", "c", "d", NULL };
  static const FcKeyboardLayout layouts[]
      = { FC_KEYBOARD_LAYOUT_NUMBER, FC_KEYBOARD_LAYOUT_LETTER,
          FC_KEYBOARD_LAYOUT_SYMBOL };

  fc_keyboard_set_theme (f->kb, data);
  show_now (f);
  for (guint n_extra = 0; n_extra <= 4; n_extra++)
    {
      const char *extra[G_N_ELEMENTS (extras)];
      guint tallest = 0;

      memcpy (extra, extras, sizeof extra);
      extra[n_extra] = NULL;
      fc_keyboard_set_extra_key (f->kb, extra);
      for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
        {
          fc_keyboard_set_layout (f->kb, layouts[i]);
          g_assert_cmpuint (fc_keyboard_get_n_rows (f->kb), <=,
                            fc_keyboard_get_max_rows (f->kb));
          tallest = MAX (tallest, fc_keyboard_get_n_rows (f->kb));
        }
      g_assert_cmpuint (fc_keyboard_get_max_rows (f->kb), ==, tallest);
    }
}

static void
test_shift (Fixture *f, gconstpointer data)
{
  fc_keyboard_set_normal_type (f->kb, "letter");
  show_now (f);
  g_assert_true (fc_keyboard_activate (f->kb, "a"));
  g_assert_true (fc_keyboard_activate (f->kb, "shift"));
  g_assert_cmpint (fc_keyboard_get_shift (f->kb), ==, FC_KEYBOARD_SHIFT_ONCE);
  g_assert_cmpstr (fc_keyboard_find_key (f->kb, "q")->label, ==, "Q");
  g_assert_true (fc_keyboard_activate (f->kb, "b"));
  g_assert_true (fc_keyboard_activate (f->kb, "c"));
  g_assert_cmpint (fc_keyboard_get_shift (f->kb), ==, FC_KEYBOARD_SHIFT_OFF);
  /* Twice is caps lock, which stays for letters and space alike. */
  g_assert_true (fc_keyboard_activate (f->kb, "shift"));
  g_assert_true (fc_keyboard_activate (f->kb, "shift"));
  g_assert_cmpint (fc_keyboard_get_shift (f->kb), ==, FC_KEYBOARD_SHIFT_LOCKED);
  g_assert_cmpstr (fc_keyboard_find_key (f->kb, "shift")->label, ==, "⇪");
  g_assert_true (fc_keyboard_activate (f->kb, "d"));
  g_assert_true (fc_keyboard_activate (f->kb, "space"));
  g_assert_true (fc_keyboard_activate (f->kb, "E"));
  g_assert_true (fc_keyboard_activate (f->kb, "shift"));
  g_assert_cmpint (fc_keyboard_get_shift (f->kb), ==, FC_KEYBOARD_SHIFT_OFF);
  g_assert_true (fc_keyboard_activate (f->kb, "F"));
  g_assert_cmpstr (f->events->str, ==,
                   "input:a input:B input:c input:D input:  input:E input:f");
}

/* Events */

static void
test_show_hide_events (Fixture *f, gconstpointer data)
{
  fc_keyboard_set_show (f->kb, TRUE);
  fc_keyboard_virtual_clock_advance (f->clock,
                                     FC_KEYBOARD_DEFAULT_TRANSITION_MS - 1);
  g_assert_cmpstr (f->events->str, ==, "");
  fc_keyboard_virtual_clock_advance (f->clock, 1);
  g_assert_cmpstr (f->events->str, ==, "show");
  fc_keyboard_set_show (f->kb, FALSE);
  fc_keyboard_virtual_clock_advance (f->clock,
                                     FC_KEYBOARD_DEFAULT_TRANSITION_MS);
  g_assert_cmpstr (f->events->str, ==, "show hide");
  /* Hidden again before the slide ended: no "show" for it. */
  fc_keyboard_set_show (f->kb, TRUE);
  fc_keyboard_virtual_clock_advance (f->clock, 50);
  fc_keyboard_set_show (f->kb, FALSE);
  fc_keyboard_virtual_clock_advance (f->clock, 1000);
  g_assert_cmpstr (f->events->str, ==, "show hide hide");
  fc_keyboard_set_transition_duration (f->kb, 0);
  fc_keyboard_set_show (f->kb, TRUE);
  g_assert_cmpstr (f->events->str, ==, "show hide hide show");
  fc_keyboard_blur (f->kb);
  g_assert_cmpstr (f->events->str, ==, "show hide hide show blur");
}

typedef struct
{
  const char *theme;
  const char *normal_type;
} CloseCase;

static const CloseCase close_cases[] = {
  { "default", "number" }, { "default", "letter" }, { "default", "symbol" },
  { "custom", "number" },  { "custom", "letter" },  { "custom", "symbol" },
};

static void
test_close (Fixture *f, gconstpointer data)
{
  const CloseCase *c = data;

  g_object_set (f->kb, "theme", c->theme, "normal-type", c->normal_type, NULL);
  show_now (f);
  g_assert_true (fc_keyboard_activate (f->kb, "close"));
  g_assert_false (fc_keyboard_get_show (f->kb));
  fc_keyboard_virtual_clock_advance (f->clock,
                                     FC_KEYBOARD_DEFAULT_TRANSITION_MS);
  g_assert_cmpstr (f->events->str, ==, "close hide");
}

static void
test_taps_fire_once (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) expected = g_string_new (NULL);

  fc_keyboard_set_extra_key (f->kb, (const char *const[]){ ".", NULL });
  show_now (f);
  /* 200 taps with no time between them: one event each. */
  for (guint i = 0; i < 200; i++)
    {
      char digit[2] = { '0' + i % 10, 0 };

      g_assert_true (fc_keyboard_activate (f->kb, i % 7 == 6 ? "." : digit));
      g_string_append_printf (expected, "%sinput:%s", i ? " " : "",
                              i % 7 == 6 ? "." : digit);
    }
  g_assert_cmpstr (f->events->str, ==, expected->str);
}

/* Holding delete: one at once, the first repeat after 500 ms, then one
 * every 90 ms, and nothing the moment it is released. */
static void
test_long_press (Fixture *f, gconstpointer data)
{
  const char *theme = data;
  const FcKeyboardKey *del;
  guint count;

  fc_keyboard_set_theme (f->kb, theme);
  show_now (f);
  del = fc_keyboard_find_key (f->kb, "delete");
  g_assert_nonnull (del);
  g_assert_true (fc_keyboard_press (f->kb, del));
  g_assert_cmpstr (f->events->str, ==, "delete");
  fc_keyboard_virtual_clock_advance (f->clock, FC_KEYBOARD_REPEAT_DELAY_MS - 1);
  g_assert_cmpstr (f->events->str, ==, "delete");
  fc_keyboard_virtual_clock_advance (f->clock, 1);
  g_assert_cmpstr (f->events->str, ==, "delete delete");
  fc_keyboard_virtual_clock_advance (f->clock,
                                     FC_KEYBOARD_REPEAT_INTERVAL_MS - 1);
  g_assert_cmpstr (f->events->str, ==, "delete delete");
  fc_keyboard_virtual_clock_advance (f->clock, 1);
  g_assert_cmpstr (f->events->str, ==, "delete delete delete");
  g_assert_cmpint (FC_KEYBOARD_REPEAT_INTERVAL_MS, >=, 80);
  g_assert_cmpint (FC_KEYBOARD_REPEAT_INTERVAL_MS, <=, 100);

  /* 1 s more: 11 repeats (90 ms apart). */
  fc_keyboard_virtual_clock_advance (f->clock, 1000);
  count = 0;
  for (const char *p = f->events->str; (p = strstr (p, "delete")); p++)
    count++;
  g_assert_cmpuint (count, ==, 3 + 1000 / FC_KEYBOARD_REPEAT_INTERVAL_MS);

  fc_keyboard_release (f->kb);
  g_assert_cmpuint (fc_keyboard_virtual_clock_get_n_pending (f->clock), ==, 0);
  g_string_truncate (f->events, 0);
  fc_keyboard_virtual_clock_advance (f->clock, 5000);
  g_assert_cmpstr (f->events->str, ==, "");

  /* A tap never repeats; released before 500 ms never repeats. */
  g_assert_true (fc_keyboard_activate (f->kb, "delete"));
  fc_keyboard_press (f->kb, fc_keyboard_find_key (f->kb, "delete"));
  fc_keyboard_virtual_clock_advance (f->clock, 499);
  fc_keyboard_release (f->kb);
  fc_keyboard_virtual_clock_advance (f->clock, 5000);
  g_assert_cmpstr (f->events->str, ==, "delete delete");

  /* Hiding while held stops the repeat too. */
  fc_keyboard_press (f->kb, fc_keyboard_find_key (f->kb, "delete"));
  fc_keyboard_set_show (f->kb, FALSE);
  fc_keyboard_virtual_clock_advance (f->clock, 5000);
  g_assert_cmpstr (f->events->str, ==, "delete delete delete hide");
}

/* Hardware keys */

typedef struct
{
  const char *normal_type;
  const char *keyname;
  gboolean handled;
  const char *events;
} HardwareCase;

static const HardwareCase hardware_cases[] = {
  { "number", "5", TRUE, "input:5" },
  { "number", "KP_7", TRUE, "input:7" },
  { "number", "0", TRUE, "input:0" },
  { "number", "BackSpace", TRUE, "delete" },
  { "number", "Return", TRUE, "close hide" },
  { "number", "KP_Enter", TRUE, "close hide" },
  { "number", "a", FALSE, "" },
  { "number", "space", FALSE, "" },
  { "number", "Escape", TRUE, "close hide" }, /* issue 13 */
  { "letter", "Escape", TRUE, "close hide" },
  { "number", "F1", FALSE, "" },
  { "letter", "q", TRUE, "input:q" },
  { "letter", "Q", TRUE, "input:Q" },
  { "letter", "5", FALSE, "" },
  { "letter", "space", TRUE, "input: " },
  { "letter", " ", TRUE, "input: " },
  { "letter", "BackSpace", TRUE, "delete" },
  { "letter", "Return", TRUE, "close hide" },
  { "letter", "#", FALSE, "" },
  { "symbol", "#", TRUE, "input:#" },
  { "symbol", "\"", TRUE, "input:\"" },
  { "symbol", "a", FALSE, "" },
  { "symbol", "`", TRUE, "input:`" },
  { "symbol", "~", TRUE, "input:~" },
  { "symbol", "\\", TRUE, "input:\\" },
  { "symbol", "|", TRUE, "input:|" },
  { "symbol", "BackSpace", TRUE, "delete" },
};

static void
test_hardware (Fixture *f, gconstpointer data)
{
  const HardwareCase *c = data;

  fc_keyboard_set_transition_duration (f->kb, 0);
  fc_keyboard_set_normal_type (f->kb, c->normal_type);
  /* Hidden: hardware keys do nothing. */
  g_assert_false (fc_keyboard_handle_hardware_key (f->kb, c->keyname));
  fc_keyboard_set_is_random_number (f->kb, TRUE);
  fc_keyboard_set_is_random_letter (f->kb, TRUE);
  show_now (f);
  g_assert_cmpint (fc_keyboard_handle_hardware_key (f->kb, c->keyname), ==,
                   c->handled);
  g_assert_cmpstr (f->events->str, ==, c->events);
}

/* Hardware letters follow the on-screen shift as taps do. */
static void
test_hardware_shift (Fixture *f, gconstpointer data)
{
  fc_keyboard_set_transition_duration (f->kb, 0);
  fc_keyboard_set_normal_type (f->kb, "letter");
  show_now (f);
  /* once: one capital, then lower case */
  g_assert_true (fc_keyboard_activate (f->kb, "shift"));
  g_assert_true (fc_keyboard_handle_hardware_key (f->kb, "q"));
  g_assert_cmpint (fc_keyboard_get_shift (f->kb), ==, FC_KEYBOARD_SHIFT_OFF);
  g_assert_true (fc_keyboard_handle_hardware_key (f->kb, "w"));
  /* locked: capitals, whatever case the hardware typed */
  g_assert_true (fc_keyboard_activate (f->kb, "shift"));
  g_assert_true (fc_keyboard_activate (f->kb, "shift"));
  g_assert_cmpint (fc_keyboard_get_shift (f->kb), ==, FC_KEYBOARD_SHIFT_LOCKED);
  g_assert_true (fc_keyboard_handle_hardware_key (f->kb, "e"));
  g_assert_true (fc_keyboard_handle_hardware_key (f->kb, "R"));
  g_assert_cmpint (fc_keyboard_get_shift (f->kb), ==, FC_KEYBOARD_SHIFT_LOCKED);
  /* off: the case typed */
  g_assert_true (fc_keyboard_activate (f->kb, "shift"));
  g_assert_true (fc_keyboard_handle_hardware_key (f->kb, "T"));
  g_assert_true (fc_keyboard_handle_hardware_key (f->kb, "y"));
  g_assert_cmpstr (f->events->str, ==,
                   "input:Q input:w input:E input:R input:T input:y");
}

/* Scrambling */

static void
arrangement (FcKeyboard *kb, GString *out)
{
  g_string_truncate (out, 0);
  for (guint r = 0; r < fc_keyboard_get_n_rows (kb); r++)
    {
      const FcKeyboardKey *keys;
      guint n;

      keys = fc_keyboard_get_row (kb, r, &n);
      for (guint i = 0; i < n; i++)
        if (keys[i].kind == FC_KEYBOARD_KEY_CHARACTER)
          g_string_append (out, keys[i].text);
    }
}

static void
test_scramble_per_show (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) first = g_string_new (NULL), again = g_string_new (NULL);
  g_autoptr (GHashTable) seen
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) letters = g_string_new (NULL),
                      letters_again = g_string_new (NULL);

  fc_keyboard_set_transition_duration (f->kb, 0);
  fc_keyboard_set_is_random_number (f->kb, TRUE);
  fc_keyboard_set_is_random_letter (f->kb, TRUE);
  for (guint i = 0; i < 50; i++)
    {
      fc_keyboard_set_show (f->kb, TRUE);
      arrangement (f->kb, first);
      g_assert_cmpuint (first->len, ==, 10);
      g_assert_true (fc_keyboard_get_is_scrambled (f->kb));
      /* 10! arrangements: 50 shows repeat one with probability < 1e-3. */
      g_assert_false (g_hash_table_contains (seen, first->str));
      g_hash_table_add (seen, g_strdup (first->str));

      /* Stable while shown, across layout switches and presses. */
      fc_keyboard_set_layout (f->kb, FC_KEYBOARD_LAYOUT_LETTER);
      arrangement (f->kb, letters);
      g_assert_cmpuint (letters->len, ==, 26);
      fc_keyboard_activate (f->kb, "shift");
      fc_keyboard_activate (f->kb, "shift");
      fc_keyboard_activate (f->kb, "shift");
      fc_keyboard_activate (f->kb, "a");
      arrangement (f->kb, letters_again);
      g_assert_cmpstr (letters->str, ==, letters_again->str);
      fc_keyboard_set_layout (f->kb, FC_KEYBOARD_LAYOUT_NUMBER);
      fc_keyboard_activate (f->kb, "5");
      arrangement (f->kb, again);
      g_assert_cmpstr (first->str, ==, again->str);
      fc_keyboard_set_show (f->kb, FALSE);
    }

  /* Hidden, the arrangement is forgotten. */
  arrangement (f->kb, again);
  g_assert_cmpstr (again->str, ==, "1234567890");
  fc_keyboard_set_is_random_number (f->kb, FALSE);
  fc_keyboard_set_show (f->kb, TRUE);
  arrangement (f->kb, again);
  g_assert_cmpstr (again->str, ==, "1234567890");
  g_assert_false (fc_keyboard_get_is_scrambled (f->kb));
}

/* Chi-square critical values at p = 1e-6 (upper tail), computed from the
 * regularised incomplete gamma function: 9 and 25 degrees of freedom. */
#define CHI2_CRIT_9DF 44.811
#define CHI2_CRIT_25DF 73.895
#define N_SHUFFLES 60000

static void
test_scramble_uniform (Fixture *f, gconstpointer data)
{
  gboolean letters = GPOINTER_TO_INT (data);
  guint n = letters ? 26 : 10;
  g_autofree guint *counts = g_new0 (guint, n * n); /* [symbol][position] */
  g_autoptr (GString) arr = g_string_new (NULL);
  double expected = (double)N_SHUFFLES / n;
  double crit = letters ? CHI2_CRIT_25DF : CHI2_CRIT_9DF;
  double worst = 0;

  fc_keyboard_set_transition_duration (f->kb, 0);
  if (letters)
    {
      fc_keyboard_set_normal_type (f->kb, "letter");
      fc_keyboard_set_is_random_letter (f->kb, TRUE);
    }
  else
    fc_keyboard_set_is_random_number (f->kb, TRUE);

  for (guint s = 0; s < N_SHUFFLES; s++)
    {
      fc_keyboard_set_show (f->kb, TRUE);
      arrangement (f->kb, arr);
      g_assert_cmpuint (arr->len, ==, n);
      for (guint p = 0; p < n; p++)
        {
          guint sym
              = letters
                    ? (guint)(strchr ("qwertyuiopasdfghjklzxcvbnm", arr->str[p])
                              - "qwertyuiopasdfghjklzxcvbnm")
                    : (guint)(arr->str[p] - '0');
          counts[sym * n + p]++;
        }
      fc_keyboard_set_show (f->kb, FALSE);
    }

  for (guint sym = 0; sym < n; sym++)
    {
      double chi2 = 0;

      for (guint p = 0; p < n; p++)
        {
          double d = counts[sym * n + p] - expected;
          chi2 += d * d / expected;
        }
      worst = MAX (worst, chi2);
      if (chi2 > crit)
        g_error ("symbol %u is not uniform over positions: chi2 = %.2f > %.2f",
                 sym, chi2, crit);
    }
  g_test_message ("worst chi-square over %u symbols: %.2f (critical %.2f)", n,
                  worst, crit);
}

static void
test_query_api (Fixture *f, gconstpointer data)
{
  const FcKeyboardKey *key, *sidebar;
  guint n;

  key = fc_keyboard_find_key (f->kb, "5");
  g_assert_nonnull (key);
  g_assert_cmpint (key->kind, ==, FC_KEYBOARD_KEY_CHARACTER);
  g_assert_cmpstr (key->text, ==, "5");
  g_assert_cmpuint (key->row, ==, 1);
  g_assert_cmpuint (key->column, ==, 1);
  g_assert_null (fc_keyboard_get_sidebar (f->kb, &n));
  g_assert_cmpuint (n, ==, 0);
  fc_keyboard_set_theme (f->kb, "custom");
  sidebar = fc_keyboard_get_sidebar (f->kb, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (fc_keyboard_find_key (f->kb, "delete") == &sidebar[0]);
  g_assert_true (fc_keyboard_find_key (f->kb, "close") == &sidebar[1]);
  g_assert_cmpint (sidebar[1].kind, ==, FC_KEYBOARD_KEY_CLOSE);
  g_assert_null (fc_keyboard_find_key (f->kb, "nothing"));
  /* A key from another layout is refused. */
  fc_keyboard_set_show (f->kb, TRUE);
  key = fc_keyboard_find_key (f->kb, "5");
  g_assert_false (fc_keyboard_press (f->kb, key + 1000));
  g_assert_false (fc_keyboard_press (f->kb, NULL));
  fc_keyboard_virtual_clock_advance (f->clock, 1000);
}

/* A hidden keyboard takes no input, from taps, presses or hardware. */
static void
test_hidden_ignores_input (Fixture *f, gconstpointer data)
{
  const char *theme = data;
  const char *const names[] = { "5", "delete", "close", "layout:letter" };

  fc_keyboard_set_theme (f->kb, theme);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_false (fc_keyboard_activate (f->kb, names[i]));
  g_assert_false (fc_keyboard_press (f->kb, fc_keyboard_find_key (f->kb, "7")));
  g_assert_false (fc_keyboard_handle_hardware_key (f->kb, "7"));
  fc_keyboard_close (f->kb);
  g_assert_cmpstr (f->events->str, ==, "");
  g_assert_false (fc_keyboard_get_show (f->kb));
}

static void
test_virtual_clock (void)
{
  FcKeyboardVirtualClock *clock = fc_keyboard_virtual_clock_new ();
  FcKeyboardClock *c = FC_KEYBOARD_CLOCK (clock);

  g_assert_cmpint (fc_keyboard_clock_get_time (c), ==, 0);
  fc_keyboard_virtual_clock_advance (clock, 1234);
  g_assert_cmpint (fc_keyboard_clock_get_time (c), ==, 1234000);
  g_assert_finalize_object (clock);
}

static void
add (const char *path, gconstpointer data,
     void (*func) (Fixture *, gconstpointer))
{
  g_test_add_vtable (path, sizeof (Fixture), data,
                     (GTestFixtureFunc)fixture_setup, (GTestFixtureFunc)func,
                     (GTestFixtureFunc)fixture_teardown);
}

static char *
slug (const char *text)
{
  GString *s = g_string_new (NULL);

  if (*text == '\0')
    g_string_append (s, "empty");
  for (const char *p = text; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (s, *p);
    else
      g_string_append_printf (s, "_%02x", (guchar)*p);
  return g_string_free (s, FALSE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (property_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyboard/core/property/%s",
                                               property_cases[i].name);
      add (path, &property_cases[i], test_property);
    }
  add ("/keyboard/core/property/extra-key", NULL, test_extra_key_property);
  for (guint i = 0; i < G_N_ELEMENTS (bad_value_cases); i++)
    {
      g_autofree char *s = slug (bad_value_cases[i].bad);
      g_autofree char *path = g_strdup_printf ("/keyboard/core/bad-value/%s/%s",
                                               bad_value_cases[i].property, s);
      add (path, &bad_value_cases[i], test_bad_value);
    }
  g_test_add_func ("/keyboard/core/bad-value/no-handler",
                   test_bad_value_without_handler);
  for (guint i = 0; i < G_N_ELEMENTS (color_cases); i++)
    {
      g_autofree char *s = slug (color_cases[i].spec);
      g_autofree char *path
          = g_strdup_printf ("/keyboard/core/color/%u-%s", i, s);
      g_test_add_data_func (path, &color_cases[i], test_color);
    }
  for (guint i = 0; i < G_N_ELEMENTS (layout_cases); i++)
    {
      const LayoutCase *c = &layout_cases[i];
      g_autofree char *path
          = g_strdup_printf ("/keyboard/core/layout/%s/%s/extra-%u", c->theme,
                             c->normal_type, g_strv_length ((char **)c->extra));
      add (path, c, test_layout);
    }
  add ("/keyboard/core/switch-layouts", NULL, test_switch_layouts);
  add ("/keyboard/core/max-rows/default", "default", test_max_rows);
  add ("/keyboard/core/max-rows/custom", "custom", test_max_rows);
  add ("/keyboard/core/shift", NULL, test_shift);
  add ("/keyboard/core/query", NULL, test_query_api);
  add ("/keyboard/core/events/show-hide", NULL, test_show_hide_events);
  for (guint i = 0; i < G_N_ELEMENTS (close_cases); i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/keyboard/core/events/close/%s/%s",
                             close_cases[i].theme, close_cases[i].normal_type);
      add (path, &close_cases[i], test_close);
    }
  add ("/keyboard/core/events/taps-fire-once", NULL, test_taps_fire_once);
  add ("/keyboard/core/long-press/default", "default", test_long_press);
  add ("/keyboard/core/long-press/custom", "custom", test_long_press);
  for (guint i = 0; i < G_N_ELEMENTS (hardware_cases); i++)
    {
      g_autofree char *s = slug (hardware_cases[i].keyname);
      g_autofree char *path = g_strdup_printf (
          "/keyboard/core/hardware/%s/%s", hardware_cases[i].normal_type, s);
      add (path, &hardware_cases[i], test_hardware);
    }
  add ("/keyboard/core/hardware/letter/on-screen-shift", NULL,
       test_hardware_shift);
  add ("/keyboard/core/scramble/new-per-show", NULL, test_scramble_per_show);
  add ("/keyboard/core/scramble/uniform-digits", GINT_TO_POINTER (FALSE),
       test_scramble_uniform);
  add ("/keyboard/core/scramble/uniform-letters", GINT_TO_POINTER (TRUE),
       test_scramble_uniform);
  add ("/keyboard/core/hidden/default", "default", test_hidden_ignores_input);
  add ("/keyboard/core/hidden/custom", "custom", test_hidden_ignores_input);
  g_test_add_func ("/keyboard/core/virtual-clock", test_virtual_clock);

  return g_test_run ();
}
