/* fc-keyboard-screenshot: writes PNGs of every keyboard layout, in both
 * themes, scrambled and not, and of the number layout's extra-key
 * placements, into the directory given. Needs a display; under the test
 * environment:
 *
 *   bash -c '. tests/testenv.sh; trap fc_env_stop EXIT; fc_env_start &&
 *            build/virtual-keyboard/fc-keyboard-screenshot DIR'
 */

#include "fc-virtual-keyboard.h"

#include <glib/gstdio.h>
#include <stdlib.h>

static void
count_frame (GdkFrameClock *clock, guint *frames)
{
  (*frames)++;
}

static void
settle (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint frames = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame),
                                &frames);

  while ((frames < 2 || !gtk_widget_get_mapped (widget))
         && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
}

static gboolean
shoot (const char *dir, const char *name, const char *theme, const char *layout,
       gboolean scrambled, const char *const *extra)
{
  g_autoptr (FcKeyboard) kb = fc_keyboard_new ();
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, name);
  GtkWidget *window, *view;
  gboolean ok;
  int w, h;

  fc_keyboard_set_transition_duration (kb, 0);
  g_object_set (kb, "theme", theme, "normal-type", layout, "is-random-number",
                scrambled, "is-random-letter", scrambled, "title",
                "Enter your PIN", NULL);
  fc_keyboard_set_extra_key (kb, extra);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 300);
  view = fc_keyboard_view_new (kb);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  fc_keyboard_set_show (kb, TRUE);
  settle (window);

  w = gtk_widget_get_width (view);
  h = gtk_widget_get_height (view);
  paintable = gtk_widget_paintable_new (view);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (
      gtk_native_get_renderer (gtk_widget_get_native (view)), node,
      &GRAPHENE_RECT_INIT (0, 0, w, h));
  ok = gdk_texture_save_to_png (texture, path);
  if (ok)
    g_print ("%s\n", path);
  else
    g_printerr ("fc-keyboard-screenshot: could not write %s\n", path);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return ok;
}

int
main (int argc, char **argv)
{
  static const char *const layouts[] = { "number", "letter", "symbol" };
  static const char *const themes[] = { "default", "custom" };
  static const char *const extra_keys[] = { ".", "X", "00", NULL };
  const char *dir;
  gboolean ok = TRUE;

  if (argc != 2)
    {
      g_printerr ("usage: %s DIRECTORY\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_printerr ("fc-keyboard-screenshot: cannot create %s\n", dir);
      return 1;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("fc-keyboard-screenshot: no display (run it under "
                  "tests/testenv.sh)\n");
      return 1;
    }

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
      for (int scrambled = 0; scrambled < 2; scrambled++)
        {
          g_autofree char *name = NULL;

          if (l == 2 && scrambled)
            continue; /* the symbol layout is never scrambled */
          name = g_strdup_printf ("%s-%s%s", layouts[l], themes[t],
                                  scrambled ? "-scrambled" : "");
          ok &= shoot (dir, name, themes[t], layouts[l], scrambled, NULL);
        }

  /* Where extra keys go in the number layout, 1 to 3 of them. */
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (guint n = 1; n <= 3; n++)
      {
        g_autofree char *name
            = g_strdup_printf ("number-%s-extra%u", themes[t], n);
        g_auto (GStrv) extra = g_new0 (char *, n + 1);

        for (guint i = 0; i < n; i++)
          extra[i] = g_strdup (extra_keys[i]);
        ok &= shoot (dir, name, themes[t], "number", FALSE,
                     (const char *const *)extra);
      }
  return ok ? 0 : 1;
}
