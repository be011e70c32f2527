/* Typed key text never reaches a log: every message the keyboard emits
 * while PIN digits are typed, with G_MESSAGES_DEBUG=all, is captured and
 * searched. */

#include "virtual-keyboard/fc-virtual-keyboard.h"

#include <string.h>

static GString *captured;
static guint n_captured;

static GLogWriterOutput
capture_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields,
                gpointer user_data)
{
  const char *domain = "", *message = "";

  for (gsize i = 0; i < n_fields; i++)
    {
      if (strcmp (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0)
        domain = fields[i].value;
      else if (strcmp (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
        message = fields[i].value;
    }
  g_string_append_printf (captured, "%s\t%s\n", domain, message);
  n_captured++;
  /* Fatal levels still reach the default writer, so the test fails. */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static void
on_input (FcKeyboard *keyboard, const char *text, GString *typed)
{
  g_string_append (typed, text);
}

static void
test_no_key_text_in_logs (void)
{
  FcKeyboard *kb = fc_keyboard_new ();
  g_autoptr (GString) typed = g_string_new (NULL);
  g_auto (GStrv) lines = NULL;
  const FcKeyboardKey *del;
  FcKeyboardVirtualClock *clock = fc_keyboard_virtual_clock_new ();
  const char *pin = "73051";

  fc_keyboard_set_clock (kb, FC_KEYBOARD_CLOCK (clock));
  g_signal_connect (kb, "input", G_CALLBACK (on_input), typed);
  fc_keyboard_set_is_random_number (kb, TRUE);
  fc_keyboard_set_is_random_letter (kb, TRUE);
  fc_keyboard_set_show (kb, TRUE);
  fc_keyboard_virtual_clock_advance (clock, 500);

  for (const char *p = pin; *p; p++)
    {
      char digit[2] = { *p, 0 };
      g_assert_true (fc_keyboard_activate (kb, digit));
    }
  g_assert_true (fc_keyboard_handle_hardware_key (kb, "KP_9"));
  g_assert_true (fc_keyboard_handle_hardware_key (kb, "8"));
  del = fc_keyboard_find_key (kb, "delete");
  fc_keyboard_press (kb, del);
  fc_keyboard_virtual_clock_advance (clock, 700);
  fc_keyboard_release (kb);
  fc_keyboard_set_layout (kb, FC_KEYBOARD_LAYOUT_LETTER);
  g_assert_true (fc_keyboard_activate (kb, "q"));
  g_assert_true (fc_keyboard_handle_hardware_key (kb, "Z"));
  g_assert_true (fc_keyboard_activate (kb, "close"));
  fc_keyboard_virtual_clock_advance (clock, 500);
  g_assert_cmpstr (typed->str, ==, "7305198qZ");

  /* The capture works: the keyboard did log what happened. */
  g_assert_nonnull (strstr (captured->str, "fc-keyboard\tinput key tapped"));
  g_assert_nonnull (strstr (captured->str, "fc-keyboard\tdelete"));

  /* No digit at all in anything the keyboard logged; no typed text
   * anywhere in the log. */
  lines = g_strsplit (captured->str, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "fc-keyboard"))
      for (const char *c = lines[i]; *c; c++)
        if (g_ascii_isdigit (*c))
          g_error ("a keyboard log message holds a digit: %s", lines[i]);
  g_assert_null (strstr (captured->str, pin));
  g_assert_null (strstr (captured->str, typed->str));
  g_assert_null (strstr (captured->str, "qZ"));

  g_assert_finalize_object (kb);
  g_assert_finalize_object (clock);
}

/* The same through the GTK view: buttons clicked, hardware keys, with
 * every GTK debug message captured too. The sequence is ten digits long,
 * so that it cannot turn up in unrelated output (an address, a time) by
 * chance. */
static void
test_view_no_key_text_in_logs (void)
{
  FcKeyboard *kb = fc_keyboard_new ();
  g_autoptr (GString) typed = g_string_new (NULL);
  const char *pin = "8264730519";
  GtkWidget *window, *view;
  g_auto (GStrv) lines = NULL;

  if (gdk_display_get_default () == NULL)
    {
      g_test_skip ("no display");
      g_object_unref (kb);
      return;
    }
  g_string_truncate (captured, 0);
  fc_keyboard_set_transition_duration (kb, 0);
  fc_keyboard_set_is_random_number (kb, TRUE);
  g_signal_connect (kb, "input", G_CALLBACK (on_input), typed);
  window = gtk_window_new ();
  view = fc_keyboard_view_new (kb);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  fc_keyboard_set_show (kb, TRUE);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  for (const char *p = pin; *p; p++)
    {
      char digit[2] = { *p, 0 };
      GtkWidget *button = fc_keyboard_view_get_key_widget (
          FC_KEYBOARD_VIEW (view), fc_keyboard_find_key (kb, digit));

      if (p - pin < 5)
        gtk_widget_activate (button);
      else
        g_assert_true (fc_keyboard_view_handle_keyval (
            FC_KEYBOARD_VIEW (view), gdk_unicode_to_keyval (*p)));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_cmpstr (typed->str, ==, pin);
  g_assert_true (
      fc_keyboard_view_handle_keyval (FC_KEYBOARD_VIEW (view), GDK_KEY_Return));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_nonnull (strstr (captured->str, "fc-keyboard-view\tkeys rebuilt"));
  lines = g_strsplit (captured->str, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "fc-keyboard"))
      for (const char *c = lines[i]; *c; c++)
        if (g_ascii_isdigit (*c))
          g_error ("a keyboard log message holds a digit: %s", lines[i]);
  g_assert_null (strstr (captured->str, pin));
  g_assert_null (strstr (captured->str, "82647"));
  g_assert_null (strstr (captured->str, "30519"));
  g_assert_finalize_object (kb);
}

int
main (int argc, char **argv)
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  captured = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/keyboard/logs/no-key-text", test_no_key_text_in_logs);
  gtk_init_check ();
  g_test_add_func ("/keyboard/logs/view-no-key-text",
                   test_view_no_key_text_in_logs);
  return g_test_run ();
}
