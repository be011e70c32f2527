/* fc-demo's window under the test environment's virtual display: every
 * sample page mounted, checked for its parts, driven through its C
 * handlers, and rendered to PNG. With FC_SCREENSHOT_DIR set the PNGs go
 * there (demo/doc/screenshots, see the README); else the build dir. */
#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <fc-bridge.h>
#include <fc-keyboard-view.h>
#include <fc-recorder-view.h>

#include "fc-demo-app.h"
#include "common/fc-test-files.h"
#include "common/fc-test-widgets.h"

static char *app_dir;
static FcHostSettings *settings; /* the test devices, a temp dir, no downloads */

static gboolean
wake (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;
  g_timeout_add (ms, wake, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef gboolean (*Cond) (FcDemoWindow *w, gpointer data);

static gboolean
wait_for (FcDemoWindow *w, Cond cond, gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * (gint64) 1000;
  while (!cond (w, data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      spin (10);
    }
  return TRUE;
}

/* the keyboard's key labels, each with a trailing space */
static void
key_labels (FcKeyboardView *view, GtkWidget *w, GString *out)
{
  const char *l = GTK_IS_BUTTON (w) ? fc_keyboard_view_get_key_label (view, w) : NULL;
  if (l)
    g_string_append_printf (out, "%s ", l);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    key_labels (view, c, out);
}

static gboolean
has_key (FcKeyboardView *view, const char *label)
{
  g_autoptr (GString) s = g_string_new (" ");
  g_autofree char *needle = g_strdup_printf (" %s ", label);
  key_labels (view, GTK_WIDGET (view), s);
  return strstr (s->str, needle) != NULL;
}

static void
shoot (FcDemoWindow *w, const char *name)
{
  g_autoptr (GdkTexture) texture = fc_test_shoot (GTK_WIDGET (w), name);
}

/* The colour of the shot's pixel at @widget's point (@x, @y), 0xRRGGBB. */
static guint32
pixel_at (FcDemoWindow *w, GdkTexture *texture, GtkWidget *widget, double x, double y)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  graphene_point_t p;
  const guchar *px;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (w), &GRAPHENE_POINT_INIT (x, y), &p));
  g_assert_true (p.x >= 0 && p.x < width && p.y >= 0 && p.y < height);
  gdk_texture_download (texture, pixels, width * 4);
  px = pixels + ((gsize) p.y * width + (gsize) p.x) * 4; /* B G R A */
  return (guint32) px[2] << 16 | (guint32) px[1] << 8 | px[0];
}

static FcDemoWindow *
open_window (const char *page)
{
  g_autoptr (GError) error = NULL;
  FcDemoWindow *w = fc_demo_window_new (NULL, app_dir, page, 1000, settings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (w);
  gtk_window_present (GTK_WINDOW (w));
  spin (400);   /* mapped, keyboard slid in */
  return w;
}

static void
close_window (FcDemoWindow *w)
{
  gtk_window_destroy (GTK_WINDOW (w));
  spin (50);
  g_assert_finalize_object (w);
}

static void
call (FcDemoWindow *w, const char *selector, const char *method, const char *key)
{
  FcElement *el = fc_page_select (fc_demo_window_get_page (w), selector);
  g_autoptr (FcValue) args = fc_value_new_object ();
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (el);
  if (key)
    fc_value_object_set (args, "key", fc_value_new_string (key));
  g_assert_true (fc_element_call_method (el, method, args, &error));
  g_assert_no_error (error);
  spin (30);
}

static FcKeyboardView *
keyboard_of (FcDemoWindow *w)
{
  GtkWidget *kb = fc_test_find_type (fc_demo_window_get_page_widget (w), FC_TYPE_KEYBOARD_VIEW);
  g_assert_nonnull (kb);
  return FC_KEYBOARD_VIEW (kb);
}

static char *
text_of_name (FcDemoWindow *w, const char *name)
{
  GtkWidget *x = fc_test_find_name (fc_demo_window_get_page_widget (w), name);
  g_assert_nonnull (x);
  return fc_test_widget_text (x);
}

static void
assert_toast (FcDemoWindow *w, const char *expected)
{
  g_assert_cmpstr (fc_demo_window_get_toast (w), ==, expected);
}

static void
test_index (void)
{
  FcDemoWindow *w = open_window ("pages/index/index");
  GtkWidget *page = fc_demo_window_get_page_widget (w);
  g_autofree char *text = fc_test_widget_text (page);
  g_autoptr (GdkTexture) texture = NULL;
  GtkWidget *nav;

  for (const char *const *id = (const char *const[]){ "to-video", "to-pin", "to-amount", "to-letters", NULL }; *id; id++)
    g_assert_true (GTK_IS_BUTTON (fc_test_find_name (page, *id)));
  g_assert_nonnull (strstr (text, "Video recognition"));
  texture = fc_test_shoot (GTK_WIDGET (w), "index");

  /* styled by app.ftss and index.ftss: the navigators are white cards on
   * the page's grey */
  nav = fc_test_find_name (page, "to-pin");
  g_assert_true (gtk_widget_has_css_class (nav, "nav"));
  g_assert_cmphex (pixel_at (w, texture, nav, 2, 2), ==, 0xffffff);
  g_assert_cmphex (pixel_at (w, texture, page, gtk_widget_get_width (page) / 2, gtk_widget_get_height (page) - 20), ==, 0xf2f3f5);

  /* a navigator: the host opens the page on top, back returns */
  g_signal_emit_by_name (fc_test_find_name (page, "to-pin"), "clicked");
  spin (100);
  g_assert_cmpuint (fc_demo_window_get_depth (w), ==, 2);
  g_assert_nonnull (fc_test_find_type (fc_demo_window_get_page_widget (w), FC_TYPE_KEYBOARD_VIEW));
  g_assert_true (fc_demo_window_go_back (w));
  g_assert_cmpuint (fc_demo_window_get_depth (w), ==, 1);
  close_window (w);
}

static GString *printed;

static void
capture_printerr (const char *text)
{
  g_string_append (printed, text);
}

static void
test_pin (void)
{
  FcDemoWindow *w = open_window ("pages/pin/pin");
  FcKeyboardView *kb = keyboard_of (w);
  GPrintFunc old_printerr;
  char *dots;

  dots = text_of_name (w, "dots");
  g_assert_cmpuint (fc_test_count (dots, "○"), ==, 6);
  g_free (dots);
  for (char d = '0'; d <= '9'; d++)
    {
      char s[2] = { d, 0 };
      g_assert_true (has_key (kb, s));
    }
  g_assert_true (fc_keyboard_get_is_random_number (fc_keyboard_view_get_keyboard (kb)));

  /* what the host prints of the events: handler names, never the digits */
  printed = g_string_new (NULL);
  old_printerr = g_set_printerr_handler (capture_printerr);
  for (const char *const *k = (const char *const[]){ "1", "9", "8", "4", NULL }; *k; k++)
    call (w, "#kb", "key", *k);
  g_set_printerr_handler (old_printerr);
  g_assert_nonnull (strstr (printed->str, "\"handler\":\"pinInput\""));
  for (const char *d = "1984"; *d; d++)
    g_assert_null (strchr (printed->str, *d));
  g_string_free (printed, TRUE);
  printed = NULL;
  dots = text_of_name (w, "dots");
  g_assert_cmpuint (fc_test_count (dots, "●"), ==, 4);
  g_assert_cmpuint (fc_test_count (dots, "○"), ==, 2);
  g_free (dots);
  shoot (w, "pin");

  call (w, "#kb", "delete", NULL);
  dots = text_of_name (w, "dots");
  g_assert_cmpuint (fc_test_count (dots, "●"), ==, 3);
  g_free (dots);
  call (w, "#kb", "close", NULL);
  assert_toast (w, "Enter all 6 digits (3 so far)");

  call (w, "#show", "tap", NULL);
  for (const char *const *k = (const char *const[]){ "2", "0", "7", "7", NULL }; *k; k++)
    call (w, "#kb", "key", *k);   /* the 7th digit is ignored */
  dots = text_of_name (w, "dots");
  g_assert_cmpuint (fc_test_count (dots, "●"), ==, 6);
  g_free (dots);
  call (w, "#kb", "close", NULL);
  assert_toast (w, "PIN entered");
  dots = text_of_name (w, "dots");
  g_assert_cmpuint (fc_test_count (dots, "○"), ==, 6);   /* cleared after done */
  g_free (dots);
  close_window (w);
}

static void
test_amount (void)
{
  FcDemoWindow *w = open_window ("pages/amount/amount");
  FcKeyboardView *kb = keyboard_of (w);
  char *amount;

  g_assert_true (has_key (kb, "."));
  g_assert_true (has_key (kb, "0"));
  for (const char *const *k = (const char *const[]){ "0", "1", "2", ".", "5", ".", "0", "9", NULL }; *k; k++)
    call (w, "#kb", "key", *k);   /* leading 0 dropped; second "." and a third decimal ignored */
  amount = text_of_name (w, "amount");
  g_assert_cmpstr (amount, ==, "¥ 12.50");
  g_free (amount);
  shoot (w, "amount");
  call (w, "#kb", "delete", NULL);
  amount = text_of_name (w, "amount");
  g_assert_cmpstr (amount, ==, "¥ 12.5");
  g_free (amount);
  call (w, "#kb", "close", NULL);
  assert_toast (w, "Amount: 12.50");
  close_window (w);
}

static void
test_letters (void)
{
  FcDemoWindow *w = open_window ("pages/letters/letters");
  FcKeyboardView *kb = keyboard_of (w);
  char *text;

  g_assert_true (has_key (kb, "q"));
  g_assert_true (has_key (kb, "m"));
  for (const char *const *k = (const char *const[]){ "h", "e", "l", "l", "o", "x", NULL }; *k; k++)
    call (w, "#kb", "key", *k);
  call (w, "#kb", "delete", NULL);
  text = text_of_name (w, "text");
  g_assert_cmpstr (text, ==, "hello");
  g_free (text);
  shoot (w, "letters");
  call (w, "#kb", "close", NULL);
  assert_toast (w, "You typed \"hello\"");
  close_window (w);
}

/* the keyboard plugin's own page, as the index's navigator opens it: its
 * handlers are the plugin's C callbacks (the host registers none of them) */
static void
test_plugin_page (void)
{
  FcDemoWindow *w = open_window ("plugin://virtual-keyboard/try");
  FcKeyboard *kb = fc_keyboard_view_get_keyboard (keyboard_of (w));

  GPrintFunc old_printerr;

  g_assert_cmpstr (fc_keyboard_get_title (kb), ==, "Type something");
  /* the host sees the plugin page's handler calls (its observer), not the
   * keys: "onInput" in its log, none of the digits */
  printed = g_string_new (NULL);
  old_printerr = g_set_printerr_handler (capture_printerr);
  for (const char *const *k = (const char *const[]){ "4", "2", "7", NULL }; *k; k++)
    call (w, "#kb", "key", *k);
  call (w, "#kb", "delete", NULL);
  g_set_printerr_handler (old_printerr);
  g_assert_nonnull (strstr (printed->str, "\"handler\":\"onInput\""));
  g_assert_nonnull (strstr (printed->str, "\"handler\":\"onDelete\""));
  for (const char *d = "427"; *d; d++)
    g_assert_null (strchr (printed->str, *d));
  g_string_free (printed, TRUE);
  printed = NULL;
  spin (100);
  g_assert_cmpstr (fc_keyboard_get_title (kb), ==, "Typed: 42");
  shoot (w, "plugin-page");
  call (w, "#kb", "close", NULL);
  spin (100);
  g_assert_cmpstr (fc_keyboard_get_title (kb), ==, "Type something");
  close_window (w);
}

static gboolean
previewing (FcDemoWindow *w, gpointer data)
{
  GtkWidget *v = fc_test_find_type (fc_demo_window_get_page_widget (w), FC_TYPE_RECORDER_VIEW);
  return v && !fc_demo_window_get_loading (w) && fc_recorder_view_get_n_frames (FC_RECORDER_VIEW (v)) > 5;
}

static gboolean
toast_is (FcDemoWindow *w, gpointer data)
{
  return g_strcmp0 (fc_demo_window_get_toast (w), data) == 0;
}

static gboolean
toast_starts (FcDemoWindow *w, gpointer data)
{
  return g_str_has_prefix (fc_demo_window_get_toast (w) ? fc_demo_window_get_toast (w) : "", data);
}

static gboolean
depth_is_2 (FcDemoWindow *w, gpointer data)
{
  return fc_demo_window_get_depth (w) == 2;
}

/* GtkVideo playing the recording: prepared, with video, no error */
static gboolean
playing (FcDemoWindow *w, gpointer data)
{
  GtkMediaStream *stream = gtk_video_get_media_stream (GTK_VIDEO (data));

  g_assert_no_error (gtk_media_stream_get_error (stream));
  return gtk_media_stream_is_prepared (stream) && gtk_media_stream_has_video (stream)
         && gtk_media_stream_get_timestamp (stream) > 0;
}

static void
test_video (void)
{
  FcDemoWindow *w = open_window ("pages/video/video");
  GtkWidget *player;

  fc_demo_window_set_navigate_delay (w, 200);
  /* the whitelist is empty here: the prompt audio is refused, the host
   * says so and opens the page again without it; the loading indicator
   * shows until onRecordReady */
  g_assert_true (wait_for (w, previewing, NULL, 30000));
  g_assert_nonnull (fc_test_find_type (fc_demo_window_get_page_widget (w), FC_TYPE_RECORDER_VIEW));
  spin (300);
  shoot (w, "video");

  call (w, "video-recognition", "record", NULL);
  g_assert_true (wait_for (w, toast_is, (gpointer) "Recording started", 10000));
  g_assert_true (wait_for (w, toast_starts, (gpointer) "Recording ended, address: /", 20000));
  g_assert_true (wait_for (w, depth_is_2, NULL, 5000));
  player = fc_test_find_name (fc_demo_window_get_page_widget (w), "host-video");
  if (player)
    {
      g_assert_true (GTK_IS_VIDEO (player));
      g_assert_nonnull (gtk_video_get_file (GTK_VIDEO (player)));
      g_assert_true (wait_for (w, playing, player, 10000));
    }
  else
    {
      /* the host says what to install; ./run installs both */
      g_assert_nonnull (fc_test_find_name (fc_demo_window_get_page_widget (w), "no-media-backend"));
      g_test_message ("no GTK media backend or glsinkbin: playback not checked");
    }
  spin (1200);
  shoot (w, "playback");
  close_window (w);
}

int
main (int argc, char **argv)
{
  char *temp_dir = g_dir_make_tmp ("fc-demo-window-XXXXXX", NULL);
  int status;

  g_assert_nonnull (temp_dir);
  settings = fc_host_settings_new ();
  g_assert_true (fc_host_settings_set_temp_dir (settings, temp_dir, NULL));
  g_assert_true (fc_host_settings_set_camera (settings, "test", NULL));
  g_assert_true (fc_host_settings_set_microphone (settings, "test", NULL));
  fc_host_settings_set_allow_test_source (settings, TRUE);
  g_setenv ("GTK_THEME", "Adwaita", TRUE);
  /* Under Xvfb GL is Mesa's llvmpipe, and GTK 4.8's GStreamer media backend
   * shares a GL context with GStreamer's GL thread: now and then the two
   * crash inside swrast_dri.so (seen in CI at the playback page). GTK
   * 4.13.8 stopped using GL renderers on llvmpipe for the same reason
   * (GNOME/gtk 6c4739a2); on 4.8 the test does it itself. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  app_dir = g_build_filename (g_getenv ("FC_SOURCE_ROOT"), "demo", "miniprogram", NULL);

  g_test_add_func ("/demo/window/index", test_index);
  g_test_add_func ("/demo/window/pin", test_pin);
  g_test_add_func ("/demo/window/amount", test_amount);
  g_test_add_func ("/demo/window/letters", test_letters);
  g_test_add_func ("/demo/window/plugin-page", test_plugin_page);
  g_test_add_func ("/demo/window/video", test_video);
  status = g_test_run ();
  g_object_unref (settings);
  fc_test_remove_tree (temp_dir);
  g_free (temp_dir);
  g_free (app_dir);
  return status;
}
