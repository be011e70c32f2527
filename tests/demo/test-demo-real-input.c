/* fc-demo's window (FcDemoWindow, the window `fc-demo` opens) under real
 * input: X test events on the virtual display (tests/common/fc-test-xinput),
 * aimed where the widgets are drawn. The index's navigators open their
 * pages and the header's back button returns; one click on a key of the
 * PIN page's scrambled keyboard fills one dot and one click on "5" on the
 * amount page shows "¥ 5" (not "¥ 55": issue 13); the record button's
 * click records, its accessible label counts the seconds down, and a
 * second click stops. Skipped without X11 or xdotool. */
#include <string.h>
#include <gtk/gtk.h>
#include <fc-bridge.h>
#include <fc-keyboard-view.h>
#include <fc-recorder-view.h>
#include <fc-recorder.h>
#include "fc-prompt-render.h"

#include "fc-demo-app.h"
#include "common/fc-test-files.h"
#include "common/fc-test-xinput.h"
#include "common/fc-test-widgets.h"

static char *app_dir;
static FcHostSettings *settings;

/* The header bar's back button: the button with the tooltip "Back". */
static GtkWidget *
find_back (GtkWidget *w)
{
  if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), "Back") == 0)
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *f = find_back (c);
      if (f)
        return f;
    }
  return NULL;
}

static char *
text_of_name (FcDemoWindow *w, const char *name)
{
  GtkWidget *x = fc_test_find_name (fc_demo_window_get_page_widget (w), name);

  g_assert_nonnull (x);
  return fc_test_widget_text (x);
}

typedef gboolean (*Cond) (FcDemoWindow *w, gpointer data);

static gboolean
wait_for (FcDemoWindow *w, Cond cond, gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * (gint64)1000;

  while (!cond (w, data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      fc_test_xinput_wait (10);
    }
  return TRUE;
}

/* RECORD_TIME: the pages' recordTime (ms), as `fc-demo --record-time`. */
static FcDemoWindow *
open_window (const char *page, double record_time)
{
  g_autoptr (GError) error = NULL;
  FcDemoWindow *w = fc_demo_window_new (NULL, app_dir, page, record_time,
                                        settings, &error);

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (w));
  fc_test_xinput_wait (400); /* mapped, keyboard slid in */
  fc_test_xinput_sync (GTK_WIDGET (w));
  return w;
}

static void
close_window (FcDemoWindow *w)
{
  gtk_window_destroy (GTK_WINDOW (w));
  fc_test_xinput_wait (50);
  g_assert_finalize_object (w);
}

static FcKeyboardView *
keyboard_of (FcDemoWindow *w)
{
  GtkWidget *kb = fc_test_find_type (fc_demo_window_get_page_widget (w),
                             FC_TYPE_KEYBOARD_VIEW);

  g_assert_nonnull (kb);
  return FC_KEYBOARD_VIEW (kb);
}

/* The key button showing LABEL, found by what it draws. */
static GtkWidget *
key_showing (FcKeyboardView *view, GtkWidget *w, const char *label)
{
  const char *l = GTK_IS_BUTTON (w) ? fc_keyboard_view_get_key_label (view, w)
                                    : NULL;

  if (g_strcmp0 (l, label) == 0)
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *f = key_showing (view, c, label);
      if (f)
        return f;
    }
  return NULL;
}

static void
click_key (FcDemoWindow *w, const char *label)
{
  FcKeyboardView *view = keyboard_of (w);
  GtkWidget *key = key_showing (view, GTK_WIDGET (view), label);

  g_test_message ("key %s", label);
  g_assert_nonnull (key);
  fc_test_xinput_click (key);
}

static gboolean
depth_is (FcDemoWindow *w, gpointer data)
{
  return fc_demo_window_get_depth (w) == GPOINTER_TO_UINT (data);
}

/* The page's keyboard has finished sliding: its revealer shows what it is
 * asked to (a click aimed at a key mid-slide lands on another one). A
 * fixed wait was too short on a loaded machine. */
static gboolean
keyboard_settled (FcDemoWindow *w, gpointer data)
{
  GtkWidget *kb = fc_test_find_type (fc_demo_window_get_page_widget (w),
                                     FC_TYPE_KEYBOARD_VIEW);
  GtkWidget *revealer;

  if (kb == NULL)
    return FALSE;
  revealer = fc_test_find_type (kb, GTK_TYPE_REVEALER);
  return revealer != NULL
         && gtk_revealer_get_child_revealed (GTK_REVEALER (revealer))
                == gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

/* Index → PIN → back → amount → back, all by real clicks. */
static void
test_navigate_and_type (void)
{
  FcDemoWindow *w;
  char *text;

  if (!fc_test_xinput_skip_unless_available ())
    return;
  w = open_window ("pages/index/index", 1000);
  g_assert_false (gtk_widget_get_visible (find_back (GTK_WIDGET (w))));

  fc_test_xinput_click (
      fc_test_find_name (fc_demo_window_get_page_widget (w), "to-pin"));
  g_assert_true (wait_for (w, depth_is, GUINT_TO_POINTER (2), 5000));
  g_assert_true (wait_for (w, keyboard_settled, NULL, 5000));
  fc_test_xinput_sync (GTK_WIDGET (w));
  /* scrambled: each digit where its key is drawn now */
  for (const char *d = "1984"; *d; d++)
    {
      char label[2] = { *d, 0 };

      click_key (w, label);
    }
  text = text_of_name (w, "dots");
  g_assert_cmpuint (fc_test_count (text, "●"), ==, 4);
  g_assert_cmpuint (fc_test_count (text, "○"), ==, 2);
  g_free (text);

  fc_test_xinput_click (find_back (GTK_WIDGET (w)));
  g_assert_true (wait_for (w, depth_is, GUINT_TO_POINTER (1), 5000));
  fc_test_xinput_sync (GTK_WIDGET (w));

  fc_test_xinput_click (
      fc_test_find_name (fc_demo_window_get_page_widget (w), "to-amount"));
  g_assert_true (wait_for (w, depth_is, GUINT_TO_POINTER (2), 5000));
  g_assert_true (wait_for (w, keyboard_settled, NULL, 5000));
  fc_test_xinput_sync (GTK_WIDGET (w));
  click_key (w, "5");
  text = text_of_name (w, "amount");
  g_assert_cmpstr (text, ==, "¥ 5");
  g_free (text);
  click_key (w, ".");
  click_key (w, "2");
  text = text_of_name (w, "amount");
  g_assert_cmpstr (text, ==, "¥ 5.2");
  g_free (text);
  /* the keyboard's title bar button, its closeButtonText */
  {
    GtkWidget *done = fc_test_find_class (GTK_WIDGET (keyboard_of (w)),
                                  "fc-header-close");

    g_assert_nonnull (done);
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (done)), ==, "Confirm");
    fc_test_xinput_click (done);
  }
  g_assert_cmpstr (fc_demo_window_get_toast (w), ==, "Amount: 5.20");

  fc_test_xinput_click (find_back (GTK_WIDGET (w)));
  g_assert_true (wait_for (w, depth_is, GUINT_TO_POINTER (1), 5000));
  close_window (w);
}

static gboolean
previewing (FcDemoWindow *w, gpointer data)
{
  GtkWidget *v = fc_test_find_type (fc_demo_window_get_page_widget (w),
                            FC_TYPE_RECORDER_VIEW);

  return v && !fc_demo_window_get_loading (w)
         && fc_recorder_view_get_n_frames (FC_RECORDER_VIEW (v)) > 5;
}

static gboolean
toast_starts (FcDemoWindow *w, gpointer data)
{
  const char *toast = fc_demo_window_get_toast (w);

  return toast != NULL && g_str_has_prefix (toast, data);
}

/* The seconds the record button's accessible description counts down to,
 * or -1 when it says something else. */
static int
seconds_left (GtkWidget *button)
{
  for (int s = 0; s <= 120; s++)
    {
      g_autofree char *text = g_strdup_printf (
          s == 1 ? "%d second left" : "%d seconds left", s);
      g_autofree char *mismatch = gtk_test_accessible_check_property (
          GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);

      if (mismatch == NULL)
        return s;
    }
  return -1;
}

/* The record button by real clicks: record, the countdown, stop. */
static void
test_record_button (void)
{
  FcDemoWindow *w;
  GtkWidget *view, *a11y_button;
  FcRecorder *recorder;
  FcViewport vp;
  FcRect r;
  int first, later;
  gint64 first_us, elapsed_us;

  if (!fc_test_xinput_skip_unless_available ())
    return;
  w = open_window ("pages/video/video", 4000);
  fc_demo_window_set_navigate_delay (w, 200);
  g_assert_true (wait_for (w, previewing, NULL, 30000));
  fc_test_xinput_wait (300);
  g_assert_true (wait_for (w, previewing, NULL, 30000));
  view = fc_test_find_type (fc_demo_window_get_page_widget (w), FC_TYPE_RECORDER_VIEW);
  recorder = fc_recorder_view_get_recorder (FC_RECORDER_VIEW (view));
  /* a screen reader can read what the person is asked to say */
  gtk_test_accessible_assert_property (
      view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
      "First line of text\nSecond line Highlight Highlight Text text text "
      "text text\nThird line text text text text text");
  a11y_button = fc_test_find_type (view, GTK_TYPE_BUTTON);
  g_assert_nonnull (a11y_button);
  gtk_test_accessible_assert_property (a11y_button,
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Record");

  vp = (FcViewport){ gtk_widget_get_width (view),
                     gtk_widget_get_height (view) };
  fc_recorder_get_button_layout (recorder, &vp, &r);
  fc_test_xinput_move (view, r.x + r.width / 2, r.y + r.height / 2);
  fc_test_xinput_button (view, TRUE);
  fc_test_xinput_button (view, FALSE);
  g_assert_true (
      wait_for (w, toast_starts, (gpointer) "Recording started", 10000));
  g_assert_cmpint (fc_recorder_get_state (recorder), ==,
                   FC_RECORDER_STATE_RECORDING);
  gtk_test_accessible_assert_property (a11y_button,
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Stop");
  first = seconds_left (a11y_button);
  first_us = g_get_monotonic_time ();
  g_test_message ("countdown at %d s", first);
  g_assert_cmpint (first, >=, 2); /* 4 s, less the start's latency */
  fc_test_xinput_wait (1200);
  later = seconds_left (a11y_button);
  elapsed_us = g_get_monotonic_time () - first_us;
  g_test_message ("countdown at %d s %.2f s later", later, elapsed_us / 1e6);
  g_assert_cmpint (later, <, first);
  /* it counts real seconds: no more than the time that passed (the wait
   * overruns on a loaded machine), and one for the whole-second rounding */
  g_assert_cmpint (later, >=,
                   first - (int) ((elapsed_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC) - 1);

  /* the second click stops it */
  fc_test_xinput_move (view, r.x + r.width / 2, r.y + r.height / 2);
  fc_test_xinput_button (view, TRUE);
  fc_test_xinput_button (view, FALSE);
  g_assert_true (wait_for (w, toast_starts,
                           (gpointer) "Recording ended, address: /", 20000));
  g_assert_true (wait_for (w, depth_is, GUINT_TO_POINTER (2), 5000));
  fc_test_xinput_wait (300);
  fc_test_xinput_click (find_back (GTK_WIDGET (w)));
  g_assert_true (wait_for (w, depth_is, GUINT_TO_POINTER (1), 5000));
  close_window (w);
}

static void
shoot (FcDemoWindow *w, const char *name)
{
  g_autoptr (GdkTexture) texture = fc_test_shoot (GTK_WIDGET (w), name);
}

/* The colour at the window's point (X, Y) of a fresh rendering of W. */
static guint32
window_pixel (FcDemoWindow *w, double x, double y)
{
  GtkWidget *widget = GTK_WIDGET (w);
  int width = gtk_widget_get_width (widget),
      height = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = g_malloc ((gsize)width * height * 4);
  const guchar *px;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (
      gtk_native_get_renderer (GTK_NATIVE (widget)), node,
      &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, width * 4);
  px = pixels + ((gsize)y * width + (gsize)x) * 4; /* B G R A */
  return (guint32)px[2] << 16 | (guint32)px[1] << 8 | px[0];
}

static gboolean
is_focus_blue (guint32 rgb)
{
  int r = rgb >> 16, g = (rgb >> 8) & 0xff, b = rgb & 0xff;

  return b > 180 && r < 110 && g > 90 && g < 170;
}

/* Whether the focus blue is on the vertical line through (X, Y), within
 * 10 px above and 4 below (the ring is 3 px wide; the view's place in the
 * window is rounded). */
static gboolean
ring_near (FcDemoWindow *w, double x, double y)
{
  for (int dy = -10; dy <= 4; dy++)
    if (is_focus_blue (window_pixel (w, x, y + dy)))
      return TRUE;
  return FALSE;
}

/* The record button from the keyboard alone: Tab reaches it, a focus ring
 * shows around it, Return records and Return again stops. */
static void
test_record_by_keyboard (void)
{
  FcDemoWindow *w;
  GtkWidget *view, *a11y_button;
  FcRecorder *recorder;
  FcViewport vp;
  FcRect r;
  graphene_point_t ring;
  guint tabs = 0;

  if (!fc_test_xinput_skip_unless_available ())
    return;
  w = open_window ("pages/video/video", 4000);
  fc_demo_window_set_navigate_delay (w, 200);
  g_assert_true (wait_for (w, previewing, NULL, 30000));
  fc_test_xinput_wait (300);
  g_assert_true (wait_for (w, previewing, NULL, 30000));
  view = fc_test_find_type (fc_demo_window_get_page_widget (w), FC_TYPE_RECORDER_VIEW);
  recorder = fc_recorder_view_get_recorder (FC_RECORDER_VIEW (view));
  a11y_button = fc_test_find_type (view, GTK_TYPE_BUTTON);
  vp = (FcViewport){ gtk_widget_get_width (view),
                     gtk_widget_get_height (view) };
  fc_recorder_get_button_layout (recorder, &vp, &r);
  /* just above the drawn circle's top: the ring's place */
  g_assert_true (gtk_widget_compute_point (
      view, GTK_WIDGET (w),
      &GRAPHENE_POINT_INIT (r.x + r.width / 2,
                            r.y + r.height / 2 - MIN (r.width, r.height) / 2
                                - 2),
      &ring));
  g_assert_false (ring_near (w, ring.x, ring.y));

  /* at least one: the focus ring shows once the keyboard is used */
  do
    fc_test_xinput_key (GTK_WIDGET (w), "Tab");
  while (!gtk_widget_has_focus (a11y_button) && ++tabs < 10);
  g_test_message ("%u Tab presses to the record button", tabs + 1);
  g_assert_true (gtk_widget_has_focus (a11y_button));
  g_assert_true (ring_near (w, ring.x, ring.y));

  fc_test_xinput_key (GTK_WIDGET (w), "Return");
  g_assert_true (
      wait_for (w, toast_starts, (gpointer) "Recording started", 10000));
  fc_test_xinput_wait (500);
  fc_test_xinput_key (GTK_WIDGET (w), "Return");
  g_assert_true (wait_for (w, toast_starts,
                           (gpointer) "Recording ended, address: /", 20000));
  g_assert_true (wait_for (w, depth_is, GUINT_TO_POINTER (2), 5000));
  close_window (w);
}

/* The Quick Start's Chinese twin, opened by a real click on its navigator:
 * its prompt is what a screen reader reads, and every character of every
 * step has a glyph on this system (no hex boxes, no warning). */
static void
test_chinese_page (void)
{
  FcDemoWindow *w;
  GtkWidget *view;
  FcStepList *steps;

  if (!fc_test_xinput_skip_unless_available ())
    return;
  w = open_window ("pages/index/index", 4000);
  fc_demo_window_set_navigate_delay (w, 200);
  fc_test_xinput_click (
      fc_test_find_name (fc_demo_window_get_page_widget (w), "to-video-zh"));
  g_assert_true (wait_for (w, depth_is, GUINT_TO_POINTER (2), 5000));
  g_assert_true (wait_for (w, previewing, NULL, 30000));
  fc_test_xinput_wait (300);
  g_assert_true (wait_for (w, previewing, NULL, 30000));
  view = fc_test_find_type (fc_demo_window_get_page_widget (w), FC_TYPE_RECORDER_VIEW);
  gtk_test_accessible_assert_property (
      view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
      "请用普通话朗读以下内容\n第二行 重点 重点 文字文字文字文字\n"
      "第三行文字文字文字文字");
  steps = fc_recorder_get_steps (
      fc_recorder_view_get_recorder (FC_RECORDER_VIEW (view)));
  g_assert_cmpuint (fc_step_list_get_n_steps (steps), ==, 3);
  for (guint i = 0; i < fc_step_list_get_n_steps (steps); i++)
    g_assert_cmpuint (
        fc_prompt_check_glyphs (fc_step_list_get_step (steps, i), NULL, NULL),
        ==, 0);
  shoot (w, "video-zh");
  fc_test_xinput_click (find_back (GTK_WIDGET (w)));
  g_assert_true (wait_for (w, depth_is, GUINT_TO_POINTER (1), 5000));
  close_window (w);
}

int
main (int argc, char **argv)
{
  char *temp_dir = g_dir_make_tmp ("fc-demo-input-XXXXXX", NULL);
  int status;

  g_assert_nonnull (temp_dir);
  settings = fc_host_settings_new ();
  g_assert_true (fc_host_settings_set_temp_dir (settings, temp_dir, NULL));
  g_assert_true (fc_host_settings_set_camera (settings, "test", NULL));
  g_assert_true (fc_host_settings_set_microphone (settings, "test", NULL));
  fc_host_settings_set_allow_test_source (settings, TRUE);
  g_setenv ("GTK_THEME", "Adwaita", TRUE);
  /* as in test-demo-window.c: no GL on Xvfb's llvmpipe */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  app_dir = g_build_filename (g_getenv ("FC_SOURCE_ROOT"), "demo",
                              "miniprogram", NULL);
  g_test_add_func ("/demo/real-input/navigate-and-type",
                   test_navigate_and_type);
  g_test_add_func ("/demo/real-input/record-button", test_record_button);
  g_test_add_func ("/demo/real-input/chinese-page", test_chinese_page);
  g_test_add_func ("/demo/real-input/record-by-keyboard",
                   test_record_by_keyboard);
  status = g_test_run ();
  g_object_unref (settings);
  fc_test_remove_tree (temp_dir);
  g_free (temp_dir);
  g_free (app_dir);
  return status;
}
