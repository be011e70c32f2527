/* The keyboard view under real input: X test events on the virtual
 * display (tests/common/fc-test-xinput), aimed at each key's place on the
 * screen, the way a person's mouse reaches it. One click on a key is one
 * "input", whatever the layout, theme, extra keys or scrambling; a held
 * delete repeats until the button goes up or the pointer leaves the key;
 * shift, caps lock, the layout switches and done do what they say. Run
 * through `./run test` (or tests/testenv.sh); without an X display or
 * xdotool the tests skip.
 *
 * Touch: Xvfb has no touch device (its XInput 2 devices are the core
 * pointer and keyboard and the XTest pair, no XIDirectTouch class), and
 * XTest cannot make touch events, so a touchscreen press cannot be given
 * here; the view's gesture takes touch and pointer sequences alike
 * (gtk_gesture_single_set_touch_only is left FALSE). */

#include "virtual-keyboard/fc-virtual-keyboard.h"
#include "common/fc-test-xinput.h"

#include <string.h>

#define WINDOW_WIDTH 720

typedef struct
{
  const char *name;
  const char *theme;
  const char *normal_type;
  const char *extra[4];
  gboolean random;
} Case;

/* Each case clicks every key of all three layouts: the themes, with and
 * without extraKey (which changes the number layout's keys). */
static const Case cases[] = {
  { "default", "default", "number", { NULL }, FALSE },
  { "default-extra3", "default", "letter", { ".", "X", "00", NULL }, FALSE },
  { "custom", "custom", "symbol", { NULL }, FALSE },
  { "custom-extra2", "custom", "number", { ".", "X", NULL }, FALSE },
};

typedef struct
{
  GtkWidget *window;
  GtkWidget *view;
  FcKeyboard *kb;
  GString *events;
  gint64 first_delete_us; /* when the first "delete" came, 0 before */
} Harness;

static void
add_event (Harness *h, const char *what, const char *text)
{
  g_string_append_printf (h->events, "%s%s%s%s", h->events->len ? " " : "",
                          what, text ? ":" : "", text ? text : "");
}

static void
on_input (FcKeyboard *kb, const char *text, Harness *h)
{
  add_event (h, "input", text);
}

static void
on_delete (FcKeyboard *kb, Harness *h)
{
  if (h->first_delete_us == 0)
    h->first_delete_us = g_get_monotonic_time ();
  add_event (h, "delete", NULL);
}

static void
on_close (FcKeyboard *kb, Harness *h)
{
  add_event (h, "close", NULL);
}

static void
show (Harness *h)
{
  fc_keyboard_set_show (h->kb, TRUE);
  fc_test_xinput_sync (h->window);
  g_assert_true (gtk_widget_get_can_target (h->view));
}

static gboolean
harness_open (Harness *h, const Case *c)
{
  GtkWidget *overlay;

  if (!fc_test_xinput_skip_unless_available ())
    return FALSE;
  h->kb = fc_keyboard_new ();
  h->events = g_string_new (NULL);
  fc_keyboard_set_transition_duration (h->kb, 0);
  g_object_set (h->kb, "theme", c->theme, "normal-type", c->normal_type,
                "is-random-number", c->random, "is-random-letter", c->random,
                "title", "Enter your PIN", NULL);
  fc_keyboard_set_extra_key (h->kb, c->extra);
  g_signal_connect (h->kb, "input", G_CALLBACK (on_input), h);
  g_signal_connect (h->kb, "delete", G_CALLBACK (on_delete), h);
  g_signal_connect (h->kb, "close", G_CALLBACK (on_close), h);

  h->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (h->window), WINDOW_WIDTH, 560);
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), gtk_label_new ("page"));
  h->view = fc_keyboard_view_new (h->kb);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), h->view);
  gtk_window_set_child (GTK_WINDOW (h->window), overlay);
  gtk_window_present (GTK_WINDOW (h->window));
  show (h);
  return TRUE;
}

static void
harness_close (Harness *h)
{
  gtk_window_destroy (GTK_WINDOW (h->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_string_free (h->events, TRUE);
  g_assert_finalize_object (h->kb);
}

static GtkWidget *
widget_of (Harness *h, const char *name)
{
  const FcKeyboardKey *key = fc_keyboard_find_key (h->kb, name);
  GtkWidget *button;

  g_assert_nonnull (key);
  button = fc_keyboard_view_get_key_widget (FC_KEYBOARD_VIEW (h->view), key);
  g_assert_nonnull (button);
  return button;
}

/* One real click on the key NAME; returns what the keyboard emitted. */
static const char *
click (Harness *h, const char *name)
{
  g_string_truncate (h->events, 0);
  fc_test_xinput_click (widget_of (h, name));
  return h->events->str;
}

typedef struct
{
  FcKeyboardKeyKind kind;
  char *action;
  char *text;
} KeyCopy;

static void
key_copy_clear (gpointer data)
{
  KeyCopy *k = data;

  g_free (k->action);
  g_free (k->text);
}

/* The keys of the layout shown, copied: a click that switches layouts
 * frees the core's. */
static GArray *
copy_keys (Harness *h)
{
  GArray *keys = g_array_new (FALSE, TRUE, sizeof (KeyCopy));
  guint n;

  g_array_set_clear_func (keys, key_copy_clear);
  for (guint r = 0; r <= fc_keyboard_get_n_rows (h->kb); r++)
    {
      const FcKeyboardKey *row = r < fc_keyboard_get_n_rows (h->kb)
                                     ? fc_keyboard_get_row (h->kb, r, &n)
                                     : fc_keyboard_get_sidebar (h->kb, &n);

      for (guint i = 0; i < n; i++)
        {
          KeyCopy k = { row[i].kind, g_strdup (row[i].action),
                        g_strdup (row[i].text) };

          if (row[i].kind == FC_KEYBOARD_KEY_SPACER)
            {
              key_copy_clear (&k);
              continue;
            }
          g_array_append_val (keys, k);
        }
    }
  return keys;
}

/* Every key of every layout, one real click each: a character, space or
 * extra key gives exactly one "input" with its text; delete exactly one
 * "delete"; a layout switch shows its layout and types nothing; shift
 * arms upper case and types nothing; done emits "close" and hides. */
static void
test_click_every_key (gconstpointer data)
{
  const Case *c = data;
  static const FcKeyboardLayout layouts[]
      = { FC_KEYBOARD_LAYOUT_NUMBER, FC_KEYBOARD_LAYOUT_LETTER,
          FC_KEYBOARD_LAYOUT_SYMBOL };
  Harness h = { 0 };
  guint clicked = 0;

  if (!harness_open (&h, c))
    return;
  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      g_autoptr (GArray) keys = NULL;

      fc_keyboard_set_layout (h.kb, layouts[l]);
      fc_test_xinput_sync (h.window);
      keys = copy_keys (&h);
      for (guint i = 0; i < keys->len; i++)
        {
          KeyCopy *k = &g_array_index (keys, KeyCopy, i);
          g_autofree char *expected = NULL;
          const char *got;

          g_test_message ("layout %s, key %s",
                          fc_keyboard_layout_to_string (layouts[l]),
                          k->action);
          got = click (&h, k->action);
          clicked++;
          switch (k->kind)
            {
            case FC_KEYBOARD_KEY_CHARACTER:
            case FC_KEYBOARD_KEY_EXTRA:
            case FC_KEYBOARD_KEY_SPACE:
              expected = g_strconcat ("input:", k->text, NULL);
              g_assert_cmpstr (got, ==, expected);
              break;
            case FC_KEYBOARD_KEY_DELETE:
              g_assert_cmpstr (got, ==, "delete");
              break;
            case FC_KEYBOARD_KEY_CLOSE:
              g_assert_cmpstr (got, ==, "close");
              g_assert_false (fc_keyboard_get_show (h.kb));
              fc_test_xinput_sync (h.window);
              g_assert_false (gtk_widget_get_can_target (h.view));
              show (&h);
              fc_keyboard_set_layout (h.kb, layouts[l]);
              fc_test_xinput_sync (h.window);
              break;
            case FC_KEYBOARD_KEY_SHIFT:
              g_assert_cmpstr (got, ==, "");
              g_assert_cmpint (fc_keyboard_get_shift (h.kb), ==,
                               FC_KEYBOARD_SHIFT_ONCE);
              /* once → caps lock → off */
              g_assert_cmpstr (click (&h, "shift"), ==, "");
              g_assert_cmpstr (click (&h, "shift"), ==, "");
              g_assert_cmpint (fc_keyboard_get_shift (h.kb), ==,
                               FC_KEYBOARD_SHIFT_OFF);
              break;
            case FC_KEYBOARD_KEY_SWITCH:
              g_assert_cmpstr (got, ==, "");
              g_assert_cmpstr (
                  fc_keyboard_layout_to_string (fc_keyboard_get_layout (h.kb)),
                  ==, k->action + strlen ("layout:"));
              fc_keyboard_set_layout (h.kb, layouts[l]);
              fc_test_xinput_sync (h.window);
              break;
            case FC_KEYBOARD_KEY_SPACER:
            default:
              g_assert_not_reached ();
            }
        }
    }
  g_test_message ("%u keys clicked", clicked);
  g_assert_cmpuint (clicked, >, 30);
  harness_close (&h);
}

/* Shift and caps lock by real clicks: shift types the next letter upper
 * case and only that one; two shifts lock it until a third. */
static void
test_shift (void)
{
  static const Case c = { "shift", "default", "letter", { NULL }, FALSE };
  Harness h = { 0 };
  GString *typed;

  if (!harness_open (&h, &c))
    return;
  typed = g_string_new (NULL);
#define TYPE(name) g_string_append_printf (typed, "%s ", click (&h, name))
  TYPE ("a");
  TYPE ("shift");
  g_assert_true (gtk_widget_has_css_class (widget_of (&h, "shift"),
                                           "fc-active"));
  TYPE ("b");
  TYPE ("c");
  TYPE ("shift");
  TYPE ("shift");
  g_assert_cmpint (fc_keyboard_get_shift (h.kb), ==, FC_KEYBOARD_SHIFT_LOCKED);
  TYPE ("d");
  TYPE ("e");
  TYPE ("shift");
  TYPE ("f");
#undef TYPE
  g_assert_cmpstr (typed->str, ==,
                   "input:a  input:B input:c   input:D input:E  input:f ");
  g_string_free (typed, TRUE);
  harness_close (&h);
}

static guint
count_deletes (const char *events)
{
  g_auto (GStrv) words = g_strsplit (events, " ", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_assert_cmpstr (words[i], ==, "delete");
      n++;
    }
  return n;
}

/* The most deletes a press held since the first one can have given by
 * NOW_US: the first, then one after the repeat delay and one each
 * interval after it (a timer is never early; 1 ms for the rounding of
 * GLib's timeouts to whole milliseconds). */
static guint
max_deletes_since (const Harness *h, gint64 now_us)
{
  gint64 ms = (now_us - h->first_delete_us) / 1000 + 1;

  g_assert_cmpint (h->first_delete_us, >, 0);
  if (ms < FC_KEYBOARD_REPEAT_DELAY_MS)
    return 1;
  return 2 + (ms - FC_KEYBOARD_REPEAT_DELAY_MS) / FC_KEYBOARD_REPEAT_INTERVAL_MS;
}

/* A held delete: one at once, more after the repeat delay, none after the
 * button goes up; and none after the pointer leaves the key while the
 * button is still down. Real time: the repeat delay is 500 ms and the
 * interval 90 ms (fc-keyboard.h). */
static void
test_hold_delete (void)
{
  static const Case c = { "hold", "default", "number", { NULL }, FALSE };
  Harness h = { 0 };
  GtkWidget *del;
  guint n;

  if (!harness_open (&h, &c))
    return;
  del = widget_of (&h, "delete");

  /* Held, then released. */
  fc_test_xinput_move (del, -1, -1);
  fc_test_xinput_sync (h.window);
  fc_test_xinput_button (h.window, TRUE);
  g_assert_cmpstr (h.events->str, ==, "delete");
  fc_test_xinput_wait (FC_KEYBOARD_REPEAT_DELAY_MS
                       + 4 * FC_KEYBOARD_REPEAT_INTERVAL_MS);
  n = count_deletes (h.events->str);
  /* At least 1 + 2 repeats in delay + 4 intervals, with room for a loaded
   * machine. At most what the time since the first delete holds: timers
   * fire late, never early, so by then 1 + 1 + (elapsed - delay) /
   * interval. The wait starts only after the press has been synced (two
   * frames, 30 ms alone and past 100 ms on a loaded machine), so a fixed
   * bound of 1 + 5 failed there. */
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (n, <=, max_deletes_since (&h, g_get_monotonic_time ()));
  g_assert_true (gtk_widget_has_css_class (del, "fc-pressed"));
  fc_test_xinput_button (h.window, FALSE);
  n = count_deletes (h.events->str);
  fc_test_xinput_wait (FC_KEYBOARD_REPEAT_DELAY_MS
                       + 4 * FC_KEYBOARD_REPEAT_INTERVAL_MS);
  g_assert_cmpuint (count_deletes (h.events->str), ==, n);
  g_assert_false (gtk_widget_has_css_class (del, "fc-pressed"));

  /* Held, then the pointer leaves the key with the button still down:
   * the repeat stops at once and does not come back. */
  g_string_truncate (h.events, 0);
  fc_test_xinput_move (del, -1, -1);
  fc_test_xinput_sync (h.window);
  fc_test_xinput_button (h.window, TRUE);
  fc_test_xinput_wait (FC_KEYBOARD_REPEAT_DELAY_MS
                       + 2 * FC_KEYBOARD_REPEAT_INTERVAL_MS);
  g_assert_cmpuint (count_deletes (h.events->str), >=, 2);
  fc_test_xinput_move (widget_of (&h, "5"), -1, -1);
  fc_test_xinput_sync (h.window);
  n = count_deletes (h.events->str);
  fc_test_xinput_wait (FC_KEYBOARD_REPEAT_DELAY_MS
                       + 4 * FC_KEYBOARD_REPEAT_INTERVAL_MS);
  g_assert_cmpuint (count_deletes (h.events->str), ==, n);
  g_assert_false (gtk_widget_has_css_class (del, "fc-pressed"));
  /* Letting go over another key types nothing. */
  fc_test_xinput_button (h.window, FALSE);
  g_assert_cmpuint (count_deletes (h.events->str), ==, n);
  harness_close (&h);
}

/* The button whose face shows LABEL, found among all the view's buttons
 * by what it draws, not by the core's key. */
static GtkWidget *
button_showing (Harness *h, const char *label)
{
  FcKeyboardView *view = FC_KEYBOARD_VIEW (h->view);
  GtkWidget *found = NULL;
  guint n;

  for (guint r = 0; r <= fc_keyboard_get_n_rows (h->kb); r++)
    {
      const FcKeyboardKey *row = r < fc_keyboard_get_n_rows (h->kb)
                                     ? fc_keyboard_get_row (h->kb, r, &n)
                                     : fc_keyboard_get_sidebar (h->kb, &n);

      for (guint i = 0; i < n; i++)
        {
          GtkWidget *b = fc_keyboard_view_get_key_widget (view, &row[i]);

          if (b != NULL
              && g_strcmp0 (fc_keyboard_view_get_key_label (view, b), label)
                     == 0)
            {
              g_assert_null (found);
              found = b;
            }
        }
    }
  g_assert_nonnull (found);
  return found;
}

/* Scrambled: each digit, found where its key is drawn on the screen and
 * clicked there (a point of the window, not a widget), types that digit
 * once; the keys are not where the plain layout has them. */
static void
test_scrambled (void)
{
  static const Case c = { "scrambled", "custom", "number", { NULL }, TRUE };
  static const char *const pin[] = { "7", "3", "0", "9", "1", "5",
                                     "2", "8", "4", "6" };
  Harness h = { 0 };
  GString *typed;

  if (!harness_open (&h, &c))
    return;
  g_assert_true (fc_keyboard_get_is_scrambled (h.kb));
  typed = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pin); i++)
    {
      GtkWidget *b = button_showing (&h, pin[i]);
      graphene_point_t p;

      g_assert_true (gtk_widget_compute_point (
          b, h.window,
          &GRAPHENE_POINT_INIT (gtk_widget_get_width (b) / 2.0,
                                gtk_widget_get_height (b) / 2.0),
          &p));
      g_string_truncate (h.events, 0);
      fc_test_xinput_move (h.window, p.x, p.y);
      fc_test_xinput_sync (h.window);
      fc_test_xinput_button (h.window, TRUE);
      fc_test_xinput_button (h.window, FALSE);
      g_string_append_printf (typed, "%s ", h.events->str);
    }
  g_assert_cmpstr (typed->str, ==,
                   "input:7 input:3 input:0 input:9 input:1 input:5 input:2 "
                   "input:8 input:4 input:6 ");
  g_string_free (typed, TRUE);
  harness_close (&h);
}

/* The title bar's close button, by a real click: "close", then hidden. */
static void
test_close_button (void)
{
  static const Case c = { "close", "default", "number", { NULL }, FALSE };
  Harness h = { 0 };
  GtkWidget *close = NULL;

  if (!harness_open (&h, &c))
    return;
  for (GtkWidget *w = gtk_widget_get_first_child (h.view); w != NULL;)
    {
      if (GTK_IS_BUTTON (w) && gtk_widget_has_css_class (w, "fc-header-close"))
        {
          close = w;
          break;
        }
      /* depth first */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            {
              w = gtk_widget_get_parent (w);
              if (w == h.view)
                w = NULL;
            }
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  if (close == NULL || !gtk_widget_get_mapped (close))
    {
      harness_close (&h);
      g_test_skip ("this theme has no title-bar close button");
      return;
    }
  fc_test_xinput_click (close);
  g_assert_cmpstr (h.events->str, ==, "close");
  g_assert_false (fc_keyboard_get_show (h.kb));
  harness_close (&h);
}

/* Hardware keys by real X key events: the keyboard takes the focus when
 * it shows (nobody clicks it first), so digits, BackSpace, Return and
 * Escape reach it; hidden, it gives the focus back to where it was. */
static void
test_hardware_keys (void)
{
  static const Case c = { "hardware", "default", "number", { NULL }, FALSE };
  Harness h = { 0 };
  GtkWidget *entry;

  if (!harness_open (&h, &c))
    return;
  g_assert_true (gtk_widget_has_focus (h.view));
  /* a page's entry had the focus before the next show */
  fc_keyboard_set_show (h.kb, FALSE);
  fc_test_xinput_sync (h.window);
  entry = gtk_entry_new ();
  gtk_widget_set_valign (entry, GTK_ALIGN_START);
  gtk_overlay_add_overlay (
      GTK_OVERLAY (gtk_window_get_child (GTK_WINDOW (h.window))), entry);
  fc_test_xinput_sync (h.window);
  g_assert_true (gtk_widget_grab_focus (entry));
  fc_test_xinput_sync (h.window);
  show (&h);
  g_assert_true (gtk_widget_has_focus (h.view));
  fc_test_xinput_key (h.window, "4");
  fc_test_xinput_key (h.window, "2");
  fc_test_xinput_key (h.window, "BackSpace");
  fc_test_xinput_key (h.window, "Return");
  g_assert_cmpstr (h.events->str, ==, "input:4 input:2 delete close");
  g_assert_false (fc_keyboard_get_show (h.kb));
  fc_test_xinput_sync (h.window);
  /* (an entry's focus is its text child's) */
  g_assert_true (gtk_widget_is_ancestor (
      gtk_root_get_focus (GTK_ROOT (h.window)), entry));
  /* nothing typed reached the entry */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* Escape closes it too, shown again */
  g_string_truncate (h.events, 0);
  show (&h);
  g_assert_true (gtk_widget_has_focus (h.view));
  fc_test_xinput_key (h.window, "Escape");
  g_assert_cmpstr (h.events->str, ==, "close");
  g_assert_false (fc_keyboard_get_show (h.kb));
  harness_close (&h);
}

/* A touchscreen press needs a touch device on the display; Xvfb has none
 * and XTest cannot make touch events. Says so (skipped) rather than pass. */
static void
test_touch (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GdkSeat *seat = display ? gdk_display_get_default_seat (display) : NULL;

  if (seat == NULL
      || !(gdk_seat_get_capabilities (seat) & GDK_SEAT_CAPABILITY_TOUCH))
    {
      g_test_skip ("the display has no touch device (Xvfb has none, and "
                   "XTest makes only pointer and key events)");
      return;
    }
  g_test_incomplete ("a touch device is present but XTest cannot drive it");
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/keyboard/real-input/click/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_click_every_key);
    }
  g_test_add_func ("/keyboard/real-input/shift", test_shift);
  g_test_add_func ("/keyboard/real-input/hold-delete", test_hold_delete);
  g_test_add_func ("/keyboard/real-input/scrambled", test_scrambled);
  g_test_add_func ("/keyboard/real-input/close-button", test_close_button);
  g_test_add_func ("/keyboard/real-input/hardware-keys", test_hardware_keys);
  g_test_add_func ("/keyboard/real-input/touch", test_touch);
  return g_test_run ();
}
