/* Keyboard security figures (issue 9): the buffers that hold key text are
 * wiped before they are freed.
 *
 * How the freed buffers are read: this test program defines g_free()
 * itself. The linker exports it, so the keyboard library's calls to g_free
 * (made through the PLT) reach it first; it looks the pointer up in a list
 * of watched buffers and, for a watched one, reads the bytes at that last
 * moment before handing the pointer to GLib's own g_free. No keyboard
 * source changes and no test-only hooks: the buffers are the ones the
 * core's public API hands out (a key's label, text and action, the key
 * arrays themselves) and the text an "input" handler receives.
 *
 * Checked: the text given to "input" handlers (taps, presses, hardware
 * keys), wiped right after the emission; every key's label, text and action
 * and the key arrays, wiped when the hide slide ends, after close, when the
 * layout is rebuilt (shift, layout switch) and in dispose. Under a display,
 * the view's copies too: each key face's buffer and the text of its
 * PangoLayout (fc_keyboard_view_get_key_label/_get_key_layout give the
 * pointers; Pango's own g_free reaches the watch as the library's does),
 * when the keyboard hides, on a layout switch and when the window goes.
 * GTK's copy of each accessible label is out of reach (see README). A first
 * test proves the watch itself sees an unwiped buffer, so none of this
 * passes vacuously. */

#include "virtual-keyboard/fc-virtual-keyboard-core.h"
#include "virtual-keyboard/fc-keyboard-view.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* The watch ----------------------------------------------------------------- */

#define MAX_WATCHES 1024

typedef struct
{
  const guint8 *ptr;
  gsize len;      /* bytes that must be zero when it is freed */
  char what[48];  /* for messages: never the buffer's contents */
  gboolean freed;
  gboolean wiped;
} Watch;

static Watch watches[MAX_WATCHES];
static guint n_watches;
static int armed; /* atomic */
static pthread_mutex_t watch_lock = PTHREAD_MUTEX_INITIALIZER;
static void (*real_g_free) (gpointer);

void
g_free (gpointer mem)
{
  if (mem != NULL && g_atomic_int_get (&armed))
    {
      pthread_mutex_lock (&watch_lock);
      for (guint i = 0; i < n_watches; i++)
        if (watches[i].ptr == mem && !watches[i].freed)
          {
            gboolean zero = TRUE;

            for (gsize b = 0; b < watches[i].len; b++)
              zero &= watches[i].ptr[b] == 0;
            watches[i].freed = TRUE;
            watches[i].wiped = zero;
            break;
          }
      pthread_mutex_unlock (&watch_lock);
    }
  if (G_UNLIKELY (real_g_free == NULL))
    real_g_free = (void (*) (gpointer))dlsym (RTLD_NEXT, "g_free");
  if (G_LIKELY (real_g_free != NULL))
    real_g_free (mem);
  else
    free (mem); /* GLib's g_free is free() since 2.46 */
}

static void
watch_reset (void)
{
  g_atomic_int_set (&armed, 0);
  pthread_mutex_lock (&watch_lock);
  memset (watches, 0, sizeof watches);
  n_watches = 0;
  pthread_mutex_unlock (&watch_lock);
}

static void
watch_block (const void *ptr, gsize len, const char *what)
{
  if (ptr == NULL)
    return;
  pthread_mutex_lock (&watch_lock);
  g_assert_cmpuint (n_watches, <, MAX_WATCHES);
  watches[n_watches].ptr = ptr;
  watches[n_watches].len = len;
  g_strlcpy (watches[n_watches].what, what, sizeof watches[n_watches].what);
  n_watches++;
  pthread_mutex_unlock (&watch_lock);
  g_atomic_int_set (&armed, 1);
}

static void
watch_string (const char *s, const char *what)
{
  if (s != NULL)
    watch_block (s, strlen (s) + 1, what);
}

static guint
n_freed (void)
{
  guint n = 0;

  pthread_mutex_lock (&watch_lock);
  for (guint i = 0; i < n_watches; i++)
    n += watches[i].freed;
  pthread_mutex_unlock (&watch_lock);
  return n;
}

/* Every watched buffer has been freed, and was all zeros then. */
static void
assert_all_freed_and_wiped (const char *when)
{
  pthread_mutex_lock (&watch_lock);
  g_assert_cmpuint (n_watches, >, 0);
  for (guint i = 0; i < n_watches; i++)
    {
      if (!watches[i].freed)
        g_error ("%s: %s was not freed", when, watches[i].what);
      if (!watches[i].wiped)
        g_error ("%s: %s was freed without being wiped", when,
                 watches[i].what);
    }
  g_test_message ("%s: %u buffers freed, all wiped first", when, n_watches);
  pthread_mutex_unlock (&watch_lock);
}

/* The keys of the layout shown now: every string and the arrays. */
static void
watch_keys (const FcKeyboardKey *keys, guint n, const char *where)
{
  for (guint i = 0; i < n; i++)
    {
      char what[48];

      g_snprintf (what, sizeof what, "%s key %u label", where, i);
      watch_string (keys[i].label, what);
      g_snprintf (what, sizeof what, "%s key %u text", where, i);
      watch_string (keys[i].text, what);
      g_snprintf (what, sizeof what, "%s key %u action", where, i);
      watch_string (keys[i].action, what);
    }
  if (n > 0)
    {
      char what[48];

      g_snprintf (what, sizeof what, "%s key array", where);
      watch_block (keys, n * sizeof *keys, what);
    }
}

static void
watch_layout (FcKeyboard *kb)
{
  const FcKeyboardKey *keys, *sidebar;
  guint n_rows = fc_keyboard_get_n_rows (kb), total = 0, n;

  /* The rows are one array: row 0 starts it. */
  keys = fc_keyboard_get_row (kb, 0, &n);
  for (guint r = 0; r < n_rows; r++)
    {
      const FcKeyboardKey *row = fc_keyboard_get_row (kb, r, &n);

      g_assert_true (row == keys + total);
      total += n;
    }
  watch_keys (keys, total, "main");
  sidebar = fc_keyboard_get_sidebar (kb, &n);
  watch_keys (sidebar, n, "sidebar");
}

/* Fixture ------------------------------------------------------------------- */

typedef struct
{
  FcKeyboard *kb;
  FcKeyboardVirtualClock *clock;
  GString *typed;
  guint n_inputs;
} Fixture;

static void
on_input (FcKeyboard *kb, const char *text, Fixture *f)
{
  char what[48];

  g_snprintf (what, sizeof what, "input text %u", f->n_inputs++);
  g_string_append (f->typed, text);
  watch_string (text, what);
}

static void
setup (Fixture *f, gconstpointer data)
{
  const char *theme = data;

  watch_reset ();
  f->kb = fc_keyboard_new ();
  f->clock = fc_keyboard_virtual_clock_new ();
  f->typed = g_string_new (NULL);
  fc_keyboard_set_clock (f->kb, FC_KEYBOARD_CLOCK (f->clock));
  g_signal_connect (f->kb, "input", G_CALLBACK (on_input), f);
  fc_keyboard_set_theme (f->kb, theme);
  fc_keyboard_set_is_random_number (f->kb, TRUE);
  fc_keyboard_set_is_random_letter (f->kb, TRUE);
  fc_keyboard_set_show (f->kb, TRUE);
  fc_keyboard_virtual_clock_advance (f->clock, 500);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  watch_reset ();
  if (f->kb)
    g_assert_finalize_object (f->kb);
  g_assert_finalize_object (f->clock);
  g_string_free (f->typed, TRUE);
}

/* Tests --------------------------------------------------------------------- */

/* The watch sees a buffer freed without a wipe, and one freed after. */
static void
test_watch_works (void)
{
  char *plain = g_strdup ("not wiped");
  char *wiped = g_strdup ("wiped");

  watch_reset ();
  watch_string (plain, "plain");
  watch_string (wiped, "wiped");
  g_free (plain);
  explicit_bzero (wiped, strlen (wiped));
  g_free (wiped);
  g_assert_true (watches[0].freed);
  g_assert_false (watches[0].wiped);
  g_assert_true (watches[1].freed);
  g_assert_true (watches[1].wiped);
  watch_reset ();
}

static void
test_input_text (Fixture *f, gconstpointer data)
{
  const char *digits = "4927035168";

  for (const char *p = digits; *p; p++)
    {
      char key[2] = { *p, 0 };
      guint before = f->n_inputs;

      if ((p - digits) % 2)
        g_assert_true (fc_keyboard_activate (f->kb, key));
      else
        {
          g_assert_true (
              fc_keyboard_press (f->kb, fc_keyboard_find_key (f->kb, key)));
          fc_keyboard_release (f->kb);
        }
      g_assert_cmpuint (f->n_inputs, ==, before + 1);
    }
  g_assert_true (fc_keyboard_handle_hardware_key (f->kb, "KP_3"));
  g_assert_true (fc_keyboard_handle_hardware_key (f->kb, "8"));
  fc_keyboard_set_layout (f->kb, FC_KEYBOARD_LAYOUT_LETTER);
  g_assert_true (fc_keyboard_activate (f->kb, "k"));
  /* A hardware letter emits the case typed: its own code path. */
  g_assert_true (fc_keyboard_handle_hardware_key (f->kb, "Q"));
  g_assert_true (fc_keyboard_handle_hardware_key (f->kb, "w"));
  g_assert_cmpstr (f->typed->str, ==, "492703516838kQw");
  g_assert_cmpuint (n_freed (), ==, f->n_inputs);
  assert_all_freed_and_wiped ("after each input");
}

static void
test_hide (Fixture *f, gconstpointer data)
{
  const char *how = g_test_get_path ();

  fc_keyboard_activate (f->kb, "5");
  watch_reset ();
  if (g_str_has_suffix (how, "/letter"))
    {
      fc_keyboard_set_layout (f->kb, FC_KEYBOARD_LAYOUT_LETTER);
      fc_keyboard_activate (f->kb, "shift");
    }
  watch_layout (f->kb);
  if (strstr (how, "/close/"))
    g_assert_true (fc_keyboard_activate (f->kb, "close"));
  else
    fc_keyboard_set_show (f->kb, FALSE);
  /* While the keys slide away they are still on screen and kept... */
  fc_keyboard_virtual_clock_advance (f->clock, 100);
  g_assert_cmpuint (n_freed (), ==, 0);
  /* ...and wiped the moment the slide ends. */
  fc_keyboard_virtual_clock_advance (f->clock, 150);
  g_assert_false (fc_keyboard_get_show (f->kb));
  assert_all_freed_and_wiped (how);
}

static void
test_dispose (Fixture *f, gconstpointer data)
{
  fc_keyboard_set_layout (f->kb, FC_KEYBOARD_LAYOUT_LETTER);
  fc_keyboard_activate (f->kb, "a");
  watch_reset ();
  watch_layout (f->kb);
  /* Disposed while shown: this is the last reference. */
  g_assert_finalize_object (g_steal_pointer (&f->kb));
  assert_all_freed_and_wiped ("dispose");
}

static void
test_rebuild (Fixture *f, gconstpointer data)
{
  watch_layout (f->kb);
  g_assert_true (fc_keyboard_handle_hardware_key (f->kb, "1"));
  fc_keyboard_set_layout (f->kb, FC_KEYBOARD_LAYOUT_LETTER);
  assert_all_freed_and_wiped ("layout switch");

  watch_reset ();
  watch_layout (f->kb);
  g_assert_true (fc_keyboard_activate (f->kb, "shift"));
  assert_all_freed_and_wiped ("shift");
}

/* The view ---------------------------------------------------------------- */

/* The view's copies of every key's text: the face's buffer and the text of
 * its PangoLayout (GTK's accessible label is not reachable: see README). */
static guint
watch_view_row (FcKeyboardView *view, const FcKeyboardKey *keys, guint n)
{
  guint watched = 0;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *button = fc_keyboard_view_get_key_widget (view, &keys[i]);
      PangoLayout *layout;
      char what[48];

      if (button == NULL)
        continue;
      g_snprintf (what, sizeof what, "view key %u face text", i);
      g_assert_cmpstr (fc_keyboard_view_get_key_label (view, button), ==,
                       keys[i].label);
      watch_string (fc_keyboard_view_get_key_label (view, button), what);
      layout = fc_keyboard_view_get_key_layout (view, button);
      g_assert_nonnull (layout);
      g_assert_cmpstr (pango_layout_get_text (layout), ==, keys[i].label);
      g_snprintf (what, sizeof what, "view key %u pango text", i);
      watch_string (pango_layout_get_text (layout), what);
      watched += 2;
    }
  return watched;
}

static guint
watch_view (FcKeyboardView *view, FcKeyboard *kb)
{
  const FcKeyboardKey *keys;
  guint n, watched = 0;

  for (guint r = 0; r < fc_keyboard_get_n_rows (kb); r++)
    {
      keys = fc_keyboard_get_row (kb, r, &n);
      watched += watch_view_row (view, keys, n);
    }
  keys = fc_keyboard_get_sidebar (kb, &n);
  watched += watch_view_row (view, keys, n);
  return watched;
}

static void
drain (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
test_view (gconstpointer data)
{
  const char *theme = data;
  g_autoptr (FcKeyboardVirtualClock) clock = fc_keyboard_virtual_clock_new ();
  FcKeyboard *kb = fc_keyboard_new ();
  GtkWidget *window, *overlay, *view;
  guint watched;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      g_object_unref (kb);
      return;
    }
  watch_reset ();
  fc_keyboard_set_clock (kb, FC_KEYBOARD_CLOCK (clock));
  fc_keyboard_set_theme (kb, theme);
  fc_keyboard_set_is_random_number (kb, TRUE);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 560);
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), gtk_label_new ("page"));
  view = fc_keyboard_view_new (kb);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), view);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  fc_keyboard_set_show (kb, TRUE);
  fc_keyboard_virtual_clock_advance (clock, 500);
  drain ();

  /* hide: the view drops its keys when the slide ends */
  watched = watch_view (FC_KEYBOARD_VIEW (view), kb);
  g_assert_cmpuint (watched, >=, 2 * 11);
  fc_keyboard_set_show (kb, FALSE);
  fc_keyboard_virtual_clock_advance (clock, 500);
  drain ();
  assert_all_freed_and_wiped ("view, hide");

  /* a layout switch rebuilds the keys */
  watch_reset ();
  fc_keyboard_set_show (kb, TRUE);
  fc_keyboard_virtual_clock_advance (clock, 500);
  drain ();
  watch_view (FC_KEYBOARD_VIEW (view), kb);
  fc_keyboard_set_layout (kb, FC_KEYBOARD_LAYOUT_LETTER);
  drain ();
  assert_all_freed_and_wiped ("view, layout switch");

  /* and the window going takes the view, shown, with it */
  watch_reset ();
  watched = watch_view (FC_KEYBOARD_VIEW (view), kb);
  g_assert_cmpuint (watched, >=, 2 * 26);
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *)&view);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_assert_null (view);
  assert_all_freed_and_wiped ("view, destroyed");
  watch_reset ();
  g_assert_finalize_object (kb);
}

static void
add (const char *path, const char *theme,
     void (*func) (Fixture *, gconstpointer))
{
  g_test_add_vtable (path, sizeof (Fixture), theme, (GTestFixtureFunc)setup,
                     (GTestFixtureFunc)func, (GTestFixtureFunc)teardown);
}

int
main (int argc, char **argv)
{
  real_g_free = (void (*) (gpointer))dlsym (RTLD_NEXT, "g_free");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/keyboard/wipe/watch-works", test_watch_works);
  for (guint t = 0; t < 2; t++)
    {
      const char *theme = t ? "custom" : "default";
      g_autofree char *p1 = g_strdup_printf ("/keyboard/wipe/%s/input", theme);
      g_autofree char *p2
          = g_strdup_printf ("/keyboard/wipe/%s/hide/number", theme);
      g_autofree char *p3
          = g_strdup_printf ("/keyboard/wipe/%s/hide/letter", theme);
      g_autofree char *p4
          = g_strdup_printf ("/keyboard/wipe/%s/close/number", theme);
      g_autofree char *p5
          = g_strdup_printf ("/keyboard/wipe/%s/close/letter", theme);
      g_autofree char *p6
          = g_strdup_printf ("/keyboard/wipe/%s/dispose", theme);
      g_autofree char *p7
          = g_strdup_printf ("/keyboard/wipe/%s/rebuild", theme);

      add (p1, theme, test_input_text);
      add (p2, theme, test_hide);
      add (p3, theme, test_hide);
      add (p4, theme, test_hide);
      add (p5, theme, test_hide);
      add (p6, theme, test_dispose);
      add (p7, theme, test_rebuild);
      {
        g_autofree char *p8 = g_strdup_printf ("/keyboard/wipe/%s/view", theme);
        g_test_add_data_func (p8, theme, test_view);
      }
    }
  return g_test_run ();
}
