/* FcRecorderView under the test environment's virtual display, with the
 * Quick Start's stepList and buttonStyle, a mask and test sources:
 * rendered to PNGs and checked by pixels. With FC_SCREENSHOT_DIR set the
 * PNGs go there (video-recognition/doc/screenshots, see the README). */

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <gtk/gtk.h>
#include <string.h>

#include "fc-prompt-render.h"
#include "fc-recorder-view.h"

#define W 375
#define H 667

#define QUICK_START                                                           \
  "[<{'showTime': <0.0>,"                                                     \
  "  'textList': <[<{'text': <'First line of text'>,"                         \
  "                  'margin': <'0 0 6rpx 0'>}>,"                             \
  "                <{'text': <[<{'text': <'Second line'>}>,"                  \
  "                            <{'text': <'Highlight Highlight'>,"            \
  "                              'color': <'#ee6f2d'>,"                       \
  "                              'fontWeight': <'bold'>,"                     \
  "                              'margin': <'0 6rpx'>}>,"                     \
  "                            <{'text': <'Text text text'>}>]>}>,"           \
  "                <{'text': <'Third line text text text text text'>,"        \
  "                  'color': <'#ee6f2d'>, 'margin': <'6rpx'>}>]>}>,"         \
  " <{'showTime': <8000.0>, 'textList': <[<{'text': <'Second text'>}>]>}>,"   \
  " <{'showTime': <18000.0>, 'textList': <[<{'text': <'3 Third text'>}>]>}>]"

/* A face-outline mask: dark outside an ellipse, a white ring on it. */
static void
write_mask (const char *path)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 750,
                                                   1334);
  cairo_t *cr = cairo_create (s);

  cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
  cairo_paint (cr);
  cairo_save (cr);
  cairo_translate (cr, 375, 640);
  cairo_scale (cr, 250, 330);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_fill_preserve (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 6);
  cairo_stroke (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (s, path), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
}

static guint n_ready, n_error;

static void
on_ready (FcRecorder *rec, GVariant *detail, gpointer data)
{
  n_ready++;
}

static void
on_error (FcRecorder *rec, GVariant *detail, gpointer data)
{
  g_autofree char *text = g_variant_print (detail, TRUE);

  g_test_message ("error: %s", text);
  n_error++;
}

static void
run_until (gboolean (*done) (gpointer), gpointer data, guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

static gboolean
frames_in (gpointer data)
{
  return n_error > 0
         || (n_ready > 0
             && fc_recorder_view_get_n_frames (FC_RECORDER_VIEW (data)) > 5);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static gboolean
idle_again (gpointer data)
{
  return n_error > 0
         || fc_recorder_get_state (FC_RECORDER (data)) == FC_RECORDER_STATE_IDLE;
}

/* The seconds left the button's accessible description says, or -1. */
static int
described_seconds (GtkWidget *button)
{
  for (int n = 0; n <= 30; n++)
    {
      g_autofree char *want = g_strdup_printf ("%d seconds left", n);
      g_autofree char *differs = gtk_test_accessible_check_property (
          GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, want);

      if (differs == NULL)
        return n;
    }
  return -1;
}

static gboolean
counted_down (gpointer data)
{
  int left = described_seconds (data);

  return n_error > 0 || (left >= 0 && left < 30);
}

static GdkTexture *
render (GtkWidget *widget)
{
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  GskRenderer *renderer
      = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, w, h));
}

static char *
out_path (const char *name)
{
  const char *dir = g_getenv ("FC_SCREENSHOT_DIR");

  if (dir && *dir)
    return g_build_filename (dir, name, NULL);
  return g_test_build_filename (G_TEST_BUILT, name, NULL);
}

typedef struct
{
  guchar *data;
  gsize stride;
} Pixels;

static Pixels
pixels_of (GdkTexture *texture)
{
  Pixels p;

  p.stride = W * 4;
  p.data = g_malloc (p.stride * H);
  gdk_texture_download (texture, p.data, p.stride);
  return p;
}

/* Share of pixels in R near (r, g, b) (downloaded as B, G, R, A). */
static double
share (const Pixels *p, const FcRect *rect, int r, int g, int b, int tol)
{
  int n = 0, hit = 0;

  for (int y = MAX (0, (int) rect->y); y < MIN (H, (int) (rect->y + rect->height)); y++)
    for (int x = MAX (0, (int) rect->x); x < MIN (W, (int) (rect->x + rect->width)); x++)
      {
        const guchar *px = p->data + y * p->stride + x * 4;

        n++;
        if (ABS (px[2] - r) < tol && ABS (px[1] - g) < tol
            && ABS (px[0] - b) < tol)
          hit++;
      }
  return n ? (double) hit / n : 0;
}

static void
test_view (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("fc-view-XXXXXX", &error);
  g_autofree char *tmp = g_dir_make_tmp ("fc-view-rec-XXXXXX", &error);
  g_autofree char *mask = g_build_filename (root, "mask.png", NULL);
  g_autofree char *png1 = out_path ("recorder-view-preview.png");
  g_autofree char *png2 = out_path ("recorder-view-recording.png");
  g_autoptr (GVariant) steps = g_variant_ref_sink (
      g_variant_parse (NULL, QUICK_START, NULL, NULL, NULL));
  g_autoptr (GVariant) button = g_variant_ref_sink (g_variant_parse (
      G_VARIANT_TYPE_VARDICT,
      "{'width': <'16vw'>, 'height': <'16vw'>, 'bottom': <'80rpx'>}", NULL,
      NULL, NULL));
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (FcPromptSpanBox));
  FcRecorder *rec = fc_recorder_new ();
  FcViewport vp = { W, H };
  FcRect button_rect, face = { W / 2.0 - 40, H * 0.5, 80, 60 };
  FcRect corner = { 0, H - 40, 30, 30 };
  FcRect indicator;
  GtkWidget *window, *view, *record_button;
  int left;
  g_autoptr (GdkTexture) t1 = NULL, t2 = NULL;
  Pixels p1, p2;

  g_assert_no_error (error);
  write_mask (mask);
  g_signal_connect (rec, "ready", G_CALLBACK (on_ready), NULL);
  g_signal_connect (rec, "error", G_CALLBACK (on_error), NULL);
  g_object_set (rec, "camera", "test", "microphone", "test", "resolution",
                "low", "allow-test-source", TRUE, "record-time", 30000,
                "temp-dir", tmp, "root-dir", root,
                "mask", "/mask.png", "step-list", steps, "button-style",
                button, NULL);

  window = gtk_window_new ();
  view = fc_recorder_view_new (rec);
  gtk_widget_set_size_request (view, W, H);
  gtk_widget_set_halign (view, GTK_ALIGN_START);
  gtk_widget_set_valign (view, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (fc_recorder_prepare (rec));
  run_until (frames_in, view, 15000);
  g_assert_cmpuint (n_error, ==, 0);
  g_assert_cmpuint (n_ready, ==, 1);
  g_assert_cmpuint (fc_recorder_view_get_n_frames (FC_RECORDER_VIEW (view)),
                    >, 5);
  g_assert_cmpint (gtk_widget_get_width (view), ==, W);
  g_assert_cmpint (gtk_widget_get_height (view), ==, H);

  t1 = render (view);
  g_assert_true (gdk_texture_save_to_png (t1, png1));
  g_test_message ("preview: %s", png1);
  p1 = pixels_of (t1);

  /* the first step's text (showTime 0 shows in the preview) */
  fc_prompt_layout (fc_step_list_get_step (fc_recorder_get_steps (rec), 0),
                    &vp, 20, boxes);
  g_assert_cmpfloat (share (&p1, &g_array_index (boxes, FcPromptSpanBox, 0).text,
                            255, 255, 255, 50),
                     >, 0.05);
  g_assert_cmpfloat (share (&p1, &g_array_index (boxes, FcPromptSpanBox, 2).text,
                            0xee, 0x6f, 0x2d, 50),
                     >, 0.05);
  /* the button: 16vw round, 80rpx from the bottom, red inside */
  fc_recorder_get_button_layout (rec, &vp, &button_rect);
  g_assert_cmpfloat_with_epsilon (button_rect.width, 60, 1e-9);
  {
    FcRect centre = { button_rect.x + 25, button_rect.y + 25, 10, 10 };

    g_assert_cmpfloat (share (&p1, &centre, 237, 51, 51, 30), >, 0.9);
  }
  /* inside the face outline the camera is seen undimmed; the corner is
   * darkened by the mask */
  {
    Pixels *p = &p1;
    double bright = 0, dark = 0;
    int n = 0, m = 0;

    for (int y = face.y; y < face.y + face.height; y++)
      for (int x = face.x; x < face.x + face.width; x++, n++)
        bright += p->data[y * p->stride + x * 4 + 1];
    for (int y = corner.y; y < corner.y + corner.height; y++)
      for (int x = corner.x; x < corner.x + corner.width; x++, m++)
        dark += p->data[y * p->stride + x * 4 + 1];
    g_test_message ("mean green: face %.0f, corner %.0f", bright / n,
                    dark / m);
    g_assert_cmpfloat (bright / n, >, 2 * (dark / m) + 20);
  }

  /* the record button for keyboards and assistive technology: a button
   * over the drawn one, "Record" */
  record_button = gtk_widget_get_first_child (view);
  g_assert_true (GTK_IS_BUTTON (record_button));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (record_button),
                                   GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (record_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Record");
  g_assert_false (gtk_test_accessible_has_property (
      GTK_ACCESSIBLE (record_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (record_button, view, &bounds));
    g_assert_cmpfloat_with_epsilon (bounds.origin.x, button_rect.x, 1);
    g_assert_cmpfloat_with_epsilon (bounds.origin.y, button_rect.y, 1);
    g_assert_cmpfloat_with_epsilon (bounds.size.width, button_rect.width, 1);
  }

  /* recording (pressed through that button): the indicator and the
   * countdown; the button says "Stop" and the seconds left */
  g_assert_true (gtk_widget_activate (record_button));
  run_until (never, NULL, 1200);
  g_assert_cmpuint (n_error, ==, 0);
  g_assert_cmpint (fc_recorder_get_state (rec), ==,
                   FC_RECORDER_STATE_RECORDING);
  t2 = render (view);
  g_assert_true (gdk_texture_save_to_png (t2, png2));
  g_test_message ("recording: %s", png2);
  p2 = pixels_of (t2);
  indicator = (FcRect){ 8, 8, 16, 16 };
  g_assert_cmpfloat (share (&p2, &indicator, 237, 51, 51, 40), >, 0.3);
  {
    FcRect centre = { button_rect.x + 15, button_rect.y + 15, 30, 30 };

    /* "29" in white over the red */
    g_assert_cmpfloat (share (&p2, &centre, 255, 255, 255, 40), >, 0.05);
  }
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (record_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Stop");
  /* a second into the recording the number goes down */
  run_until (counted_down, record_button, 5000);
  left = described_seconds (record_button);
  g_test_message ("the button says %d seconds left", left);
  g_assert_cmpint (left, >=, 20);
  g_assert_cmpint (left, <=, 29);

  /* pressed again: the recording stops early, the button says "Record" */
  g_assert_true (gtk_widget_activate (record_button));
  run_until (idle_again, rec, 15000);
  g_assert_cmpuint (n_error, ==, 0);
  g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_IDLE);
  run_until (never, NULL, 100);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (record_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Record");
  g_assert_false (gtk_test_accessible_has_property (
      GTK_ACCESSIBLE (record_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  g_free (p1.data);
  g_free (p2.data);
  gtk_window_destroy (GTK_WINDOW (window));
  fc_recorder_close (rec);
  g_assert_finalize_object (rec);
  {
    g_autoptr (GDir) dir = g_dir_open (tmp, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *p = g_build_filename (tmp, name, NULL);

        g_unlink (p);
      }
  }
  g_rmdir (tmp);
  g_unlink (mask);
  g_rmdir (root);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Recorder/View/render", test_view);
  return g_test_run ();
}
