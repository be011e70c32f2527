/* Keyboard security figures (issue 9): no key text in any output, with
 * every debug log on.
 *
 * A subprocess (g_test_trap_subprocess) runs with G_MESSAGES_DEBUG=all and
 * GST_DEBUG=*:6, initialises GStreamer (as a host that also records video
 * does) and GTK, and types a random sequence of digits and letters on a
 * scrambled keyboard: through the core (taps by name, presses by key,
 * hardware keys) and, under a display, through the GTK view (buttons
 * clicked, hardware keyvals), then closes, hides and frees it. Its whole
 * stdout and stderr are captured; neither may hold the sequence or any
 * 4-character piece of it. The capture is shown to be live: the
 * keyboard's own debug lines and GStreamer's are in it.
 *
 * The sequence alternates digits with letters that are not hex digits, so
 * every 4-character piece has two such letters and cannot turn up in
 * addresses, timestamps or counters by chance. It reaches the subprocess
 * through a private file, not the command line or the environment. */

#include "virtual-keyboard/fc-virtual-keyboard.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SEQUENCE_LENGTH 24
#define GRAM 4

static const char letters[] = "ghjkmnpqrstuvwyz";

typedef struct
{
  GString *typed;
} Child;

static void
on_input (FcKeyboard *kb, const char *text, Child *c)
{
  g_string_append (c->typed, text);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Types @seq: digits on the number layout, letters on the letter layout,
 * each key by one of the paths a host has, in turn. */
static void
type_on_core (FcKeyboard *kb, FcKeyboardVirtualClock *clock, const char *seq)
{
  for (guint i = 0; seq[i]; i++)
    {
      char key[2] = { seq[i], 0 };
      FcKeyboardLayout want = g_ascii_isdigit (seq[i])
                                  ? FC_KEYBOARD_LAYOUT_NUMBER
                                  : FC_KEYBOARD_LAYOUT_LETTER;

      fc_keyboard_set_layout (kb, want);
      switch (i % 3)
        {
        case 0:
          g_assert_true (fc_keyboard_activate (kb, key));
          break;
        case 1:
          g_assert_true (fc_keyboard_press (kb, fc_keyboard_find_key (kb, key)));
          fc_keyboard_release (kb);
          break;
        default:
          g_assert_true (fc_keyboard_handle_hardware_key (kb, key));
          break;
        }
      if (clock)
        fc_keyboard_virtual_clock_advance (clock, 50);
    }
}

static void
type_on_view (FcKeyboardView *view, FcKeyboard *kb, const char *seq)
{
  for (guint i = 0; seq[i]; i++)
    {
      char key[2] = { seq[i], 0 };
      FcKeyboardLayout want = g_ascii_isdigit (seq[i])
                                  ? FC_KEYBOARD_LAYOUT_NUMBER
                                  : FC_KEYBOARD_LAYOUT_LETTER;

      fc_keyboard_set_layout (kb, want);
      iterate ();
      if (i % 2)
        g_assert_true (fc_keyboard_view_handle_keyval (
            view, gdk_unicode_to_keyval (seq[i])));
      else
        {
          GtkWidget *button = fc_keyboard_view_get_key_widget (
              view, fc_keyboard_find_key (kb, key));

          g_assert_nonnull (button);
          gtk_widget_activate (button);
        }
      iterate ();
    }
}

static void
child (void)
{
  const char *path = g_getenv ("FC_TEST_SEQUENCE_FILE");
  g_autofree char *seq = NULL;
  Child c = { g_string_new (NULL) };
  FcKeyboard *kb = fc_keyboard_new ();
  FcKeyboardVirtualClock *clock = fc_keyboard_virtual_clock_new ();

  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &seq, NULL, NULL));
  gst_init (NULL, NULL);
  GST_INFO ("GStreamer debug output is on in the keyboard's process");

  /* The core, on a virtual clock. */
  fc_keyboard_set_clock (kb, FC_KEYBOARD_CLOCK (clock));
  g_signal_connect (kb, "input", G_CALLBACK (on_input), &c);
  fc_keyboard_set_is_random_number (kb, TRUE);
  fc_keyboard_set_is_random_letter (kb, TRUE);
  fc_keyboard_set_show (kb, TRUE);
  fc_keyboard_virtual_clock_advance (clock, 300);
  type_on_core (kb, clock, seq);
  g_assert_true (fc_keyboard_activate (kb, "close"));
  fc_keyboard_virtual_clock_advance (clock, 300);
  /* Not g_assert_cmpstr: a failure message must not print it either. */
  g_assert_true (strcmp (c.typed->str, seq) == 0);
  g_assert_finalize_object (kb);
  g_assert_finalize_object (clock);

  /* The view, under a display. */
  if (gtk_init_check ())
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *view;

      kb = fc_keyboard_new ();
      g_string_truncate (c.typed, 0);
      g_signal_connect (kb, "input", G_CALLBACK (on_input), &c);
      fc_keyboard_set_transition_duration (kb, 0);
      fc_keyboard_set_is_random_number (kb, TRUE);
      fc_keyboard_set_is_random_letter (kb, TRUE);
      view = fc_keyboard_view_new (kb);
      gtk_window_set_child (GTK_WINDOW (window), view);
      gtk_window_present (GTK_WINDOW (window));
      fc_keyboard_set_show (kb, TRUE);
      iterate ();
      type_on_view (FC_KEYBOARD_VIEW (view), kb, seq);
      g_assert_true (strcmp (c.typed->str, seq) == 0);
      g_assert_true (fc_keyboard_view_handle_keyval (FC_KEYBOARD_VIEW (view),
                                                     GDK_KEY_Return));
      iterate ();
      gtk_window_destroy (GTK_WINDOW (window));
      iterate ();
      g_assert_finalize_object (kb);
      printf ("view typed\n");
    }
  else
    printf ("no display: core only\n");

  explicit_bzero (c.typed->str, c.typed->len);
  g_string_free (c.typed, TRUE);
  explicit_bzero (seq, strlen (seq));
  gst_deinit ();
}

static char *
random_sequence (void)
{
  char *seq = g_malloc (SEQUENCE_LENGTH + 1);

  /* Test data, not a key arrangement: g_random is fine here. */
  for (guint i = 0; i < SEQUENCE_LENGTH; i++)
    seq[i] = i % 2 ? letters[g_random_int_range (0, sizeof letters - 1)]
                   : '0' + g_random_int_range (0, 10);
  seq[SEQUENCE_LENGTH] = '\0';
  return seq;
}

static void
test_no_key_text_in_output (void)
{
  g_autofree char *seq = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  int fd;

  if (g_test_subprocess ())
    {
      child ();
      return;
    }

  seq = random_sequence ();
  fd = g_file_open_tmp ("fc-kb-sequence-XXXXXX", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents_full (path, seq, -1,
                                           G_FILE_SET_CONTENTS_NONE, 0600,
                                           &error));
  g_setenv ("FC_TEST_SEQUENCE_FILE", path, TRUE);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_setenv ("GST_DEBUG", "*:6", TRUE);
  g_setenv ("GST_DEBUG_NO_COLOR", "1", TRUE);

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_unlink (path);
  g_test_trap_assert_passed ();

  /* The capture is live: both debug outputs reached it. */
  g_test_trap_assert_stdout ("*fc-keyboard-DEBUG*input key tapped*");
  g_test_trap_assert_stdout ("*fc-keyboard-DEBUG*hidden*");
  g_test_trap_assert_stderr ("*GStreamer debug output is on*");
  g_test_trap_assert_stderr ("*GST_INIT*");
  if (g_getenv ("DISPLAY") || g_getenv ("WAYLAND_DISPLAY"))
    {
      g_test_trap_assert_stdout ("*view typed*");
      g_test_trap_assert_stdout ("*fc-keyboard-view-DEBUG*keys rebuilt*");
    }

  /* Neither the sequence nor any 4-character piece of it. */
  for (guint i = 0; i + GRAM <= SEQUENCE_LENGTH; i++)
    {
      char pattern[GRAM + 3] = "*";

      memcpy (pattern + 1, seq + i, GRAM);
      pattern[GRAM + 1] = '*';
      pattern[GRAM + 2] = '\0';
      g_test_trap_assert_stdout_unmatched (pattern);
      g_test_trap_assert_stderr_unmatched (pattern);
    }
  g_test_message ("%d-character sequence, %d pieces of %d, none in the "
                  "subprocess's output",
                  SEQUENCE_LENGTH, SEQUENCE_LENGTH - GRAM + 1, GRAM);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/keyboard/output/no-key-text", test_no_key_text_in_output);
  return g_test_run ();
}
