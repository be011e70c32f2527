/* Real input for GTK tests through xdotool's XTest events; see
 * fc-test-xinput.h. */
#include "common/fc-test-xinput.h"

#include <gdk/x11/gdkx.h>

static gboolean
on_timeout (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
fc_test_xinput_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
fc_test_xinput_skip_unless_available (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (display == NULL || !GDK_IS_X11_DISPLAY (display))
    {
      g_test_skip ("no X11 display: real input needs X test events");
      return FALSE;
    }
  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return FALSE;
    }
  return TRUE;
}

static void
xdotool (const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (; *args != NULL; args++)
    g_ptr_array_add (argv, (gpointer)*args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL,
                               G_SPAWN_SEARCH_PATH
                                   | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xdotool %s failed: %s", (char *)argv->pdata[1], err);
}

static Window
xid_of (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);

  g_assert_nonnull (native);
  return gdk_x11_surface_get_xid (gtk_native_get_surface (native));
}

/* The xdotool words that move the pointer to (X, Y) of WIDGET, into
 * WORDS (5 strings of BUF). */
static void
move_words (GtkWidget *widget, double x, double y, char buf[3][32],
            const char *words[5])
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double sx, sy;

  g_assert_true (gtk_widget_get_mapped (widget));
  if (x < 0)
    x = gtk_widget_get_width (widget) / 2.0;
  if (y < 0)
    y = gtk_widget_get_height (widget) / 2.0;
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y),
                                           &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  g_snprintf (buf[0], 32, "%lu", (unsigned long)xid_of (widget));
  g_snprintf (buf[1], 32, "%d", (int)(point.x + sx));
  g_snprintf (buf[2], 32, "%d", (int)(point.y + sy));
  words[0] = "mousemove";
  words[1] = "--window";
  words[2] = buf[0];
  words[3] = buf[1];
  words[4] = buf[2];
}

void
fc_test_xinput_move (GtkWidget *widget, double x, double y)
{
  char buf[3][32];
  const char *words[6] = { NULL };

  move_words (widget, x, y, buf, words);
  xdotool (words);
}

/* What a click may destroy (a key rebuilt, a dialog closed), its window
 * outlives: the waits are on the window. */
static GtkWidget *
window_of (GtkWidget *widget)
{
  return GTK_WIDGET (gtk_widget_get_root (widget));
}

void
fc_test_xinput_button (GtkWidget *widget, gboolean down)
{
  g_autoptr (GtkWidget) window = g_object_ref (window_of (widget));

  xdotool ((const char *[]){ down ? "mousedown" : "mouseup", "1", NULL });
  fc_test_xinput_sync (window);
}

void
fc_test_xinput_click (GtkWidget *widget)
{
  g_autoptr (GtkWidget) window = g_object_ref (window_of (widget));

  char buf[3][32];
  const char *words[8] = { NULL };

  /* One xdotool run: the motion reaches GTK before the press. */
  move_words (widget, -1, -1, buf, words);
  words[5] = "click";
  words[6] = "1";
  xdotool (words);
  fc_test_xinput_sync (window);
}

void
fc_test_xinput_wheel (GtkWidget *widget, gboolean down)
{
  g_autoptr (GtkWidget) window = g_object_ref (window_of (widget));
  char buf[3][32];
  const char *words[8] = { NULL };

  /* X's wheel is buttons 4 (up) and 5 (down) */
  move_words (widget, -1, -1, buf, words);
  words[5] = "click";
  words[6] = down ? "5" : "4";
  xdotool (words);
  fc_test_xinput_sync (window);
}

void
fc_test_xinput_key (GtkWidget *widget, const char *keys)
{
  g_autoptr (GtkWidget) window = g_object_ref (window_of (widget));
  char xid[32];

  widget = window;
  g_snprintf (xid, sizeof xid, "%lu", (unsigned long)xid_of (widget));
  /* XSetInputFocus as a window manager would (there is none on the
   * virtual display); the keys themselves are XTest events. */
  xdotool ((const char *[]){ "windowfocus", "--sync", xid, NULL });
  fc_test_xinput_sync (widget);
  xdotool ((const char *[]){ "key", "--clearmodifiers", keys, NULL });
  fc_test_xinput_sync (widget);
}

static void
count_frame (GdkFrameClock *clock, guint *frames)
{
  (*frames)++;
}

static gboolean
on_tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
fc_test_xinput_sync (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  GdkFrameClock *clock;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint frames = 0, tick;
  gulong id;

  widget = window_of (widget);
  clock = gtk_widget_get_frame_clock (widget);

  XSync (gdk_x11_display_get_xdisplay (display), False);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (clock == NULL)
    return;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame),
                         &frames);
  /* Wakes the loop should no frame come (an unmapped window). */
  tick = g_timeout_add (50, on_tick, NULL);
  while (frames < 2 && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
  g_signal_handler_disconnect (clock, id);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
