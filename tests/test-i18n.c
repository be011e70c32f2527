/* The components follow the host's locale: with LANGUAGE=zh_CN (and a
 * UTF-8 locale, as gettext ignores LANGUAGE in the C locale) the
 * keyboard's done key and title-bar button say 完成, its delete key is
 * named 删除 for assistive technologies, and the record button is named
 * 录制. The catalogues are the build's (FC_LOCALEDIR, tests/meson.build). */
#include <locale.h>
#include <gtk/gtk.h>

#include "virtual-keyboard/fc-virtual-keyboard.h"
#include "fc-recorder-view.h"
#include "fc-recorder.h"

static GtkWidget *
find_class (GtkWidget *w, const char *css_class)
{
  if (gtk_widget_has_css_class (w, css_class))
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *f = find_class (c, css_class);
      if (f)
        return f;
    }
  return NULL;
}

static void
test_keyboard (void)
{
  FcKeyboard *kb = fc_keyboard_new ();
  GtkWidget *view, *window = gtk_window_new ();
  const FcKeyboardKey *done, *del;

  fc_keyboard_set_transition_duration (kb, 0);
  view = fc_keyboard_view_new (kb);
  gtk_window_set_child (GTK_WINDOW (window), view);
  /* the custom theme's letters have a done key */
  g_object_set (kb, "theme", "custom", "normal-type", "letter", NULL);
  fc_keyboard_set_show (kb, TRUE);
  done = fc_keyboard_find_key (kb, "close");
  g_assert_nonnull (done);
  g_assert_cmpstr (done->label, ==, "完成");
  del = fc_keyboard_find_key (kb, "delete");
  gtk_test_accessible_assert_property (
      fc_keyboard_view_get_key_widget (FC_KEYBOARD_VIEW (view), del),
      GTK_ACCESSIBLE_PROPERTY_LABEL, "删除");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (
                       find_class (view, "fc-header-close"))),
                   ==, "完成");
  /* a page's closeButtonText is the page's, untranslated */
  fc_keyboard_set_close_button_text (kb, "OK");
  g_assert_cmpstr (fc_keyboard_find_key (kb, "close")->label, ==, "OK");
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (kb);
}

static void
test_record_button (void)
{
  FcRecorder *recorder = fc_recorder_new ();
  GtkWidget *view = g_object_ref_sink (fc_recorder_view_new (recorder));
  GtkWidget *button = NULL;

  for (GtkWidget *c = gtk_widget_get_first_child (view); c;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_BUTTON (c))
      button = c;
  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "录制");
  g_object_unref (view);
  fc_recorder_close (recorder);
  g_object_unref (recorder);
}

int
main (int argc, char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() sets en_US.UTF-8 (or C); a host's locale instead */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_add_func ("/i18n/zh_CN/keyboard", test_keyboard);
  g_test_add_func ("/i18n/zh_CN/record-button", test_record_button);
  return g_test_run ();
}
