/* Every script renders: a Chinese prompt (the platform's own language) and
 * an Arabic one are laid out with no unknown glyph and drawn as glyphs,
 * not as the hex-code boxes Pango draws where no font has a character
 * (checked against those boxes, drawn on purpose); Thai too where the
 * system has a Thai font. A character no font has gives one warning that
 * names the step, the line and the character. A recording with burn-in
 * shows the Chinese text in its decoded frames where Pango drew it, and a
 * missing glyph gives the recorder's "warning" without failing it.
 *
 * Set FC_SCRIPTS_PNG_DIR to keep the rendered PNGs (rendered overlay and
 * the first decoded frame). */

#include <gst/gst.h>
#include <gst/video/video.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "common/fc-test-files.h"
#include "common/fc-test-recording.h"
#include "fc-prompt-render.h"
#include "fc-recorder.h"

#define W 640
#define H 480
#define TOP 40.0

/* "Please read the following aloud in Mandarin" */
#define CHINESE "请用普通话朗读以下内容"
/* "Read the text aloud" */
#define ARABIC "اقرأ النص بصوت عال"
/* "Hello" */
#define THAI "สวัสดีครับ"
/* The last private-use character: no font on a Debian system has it. */
#define NO_FONT "\xf4\x8f\xbf\xbd" /* U+10FFFD */

static FcStepList *
steps_of (const char *const *lines, GVariant **out_value)
{
  g_autoptr (GVariantBuilder) text_list
      = g_variant_builder_new (G_VARIANT_TYPE ("av"));
  g_autoptr (GVariantBuilder) step
      = g_variant_builder_new (G_VARIANT_TYPE ("a{sv}"));
  g_autoptr (GVariantBuilder) list
      = g_variant_builder_new (G_VARIANT_TYPE ("av"));
  g_autoptr (GError) error = NULL;
  GVariant *value;
  FcStepList *steps;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      GVariantBuilder line;

      g_variant_builder_init (&line, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&line, "{sv}", "text",
                             g_variant_new_string (lines[i]));
      g_variant_builder_add (&line, "{sv}", "fontSize",
                             g_variant_new_string ("48px"));
      g_variant_builder_add (&line, "{sv}", "color",
                             g_variant_new_string ("#ffffff"));
      g_variant_builder_add (text_list, "v", g_variant_builder_end (&line));
    }
  g_variant_builder_add (step, "{sv}", "showTime", g_variant_new_double (0));
  g_variant_builder_add (step, "{sv}", "textList",
                         g_variant_builder_end (text_list));
  g_variant_builder_add (list, "v", g_variant_builder_end (step));
  value = g_variant_ref_sink (g_variant_builder_end (list));
  steps = fc_step_list_new (value, NULL, NULL, &error);
  g_assert_no_error (error);
  if (out_value)
    *out_value = value;
  else
    g_variant_unref (value);
  return steps;
}

static void
collect (const char *message, gpointer data)
{
  g_ptr_array_add (data, g_strdup (message));
}

static void
save_png (cairo_surface_t *surface, const char *name)
{
  const char *dir = g_getenv ("FC_SCRIPTS_PNG_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==,
                   CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
}

/* TEXT as Pango draws it where no font has its characters: fallback off,
 * so only DejaVu Sans is asked and every CJK character is a hex box.
 * NULL where DejaVu Sans has the script (Arabic). */
static cairo_surface_t *
render_as_boxes (const char *text, const FcRect *box)
{
  cairo_surface_t *s
      = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (s);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font
      = pango_font_description_from_string ("DejaVu Sans 48px");
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_fallback_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (pango_layout_get_unknown_glyphs_count (layout) == 0)
    {
      pango_attr_list_unref (attrs);
      pango_font_description_free (font);
      g_object_unref (layout);
      cairo_destroy (cr);
      cairo_surface_destroy (s);
      return NULL;
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, box->x, box->y);
  pango_cairo_show_layout (cr, layout);
  pango_attr_list_unref (attrs);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

static guint8
alpha_at (cairo_surface_t *s, int x, int y)
{
  const guint8 *row = cairo_image_surface_get_data (s)
                      + y * cairo_image_surface_get_stride (s);

  return ((const guint32 *)row)[x] >> 24;
}

/* Share of BOX's pixels inked in A and B differently. */
static double
ink_difference (cairo_surface_t *a, cairo_surface_t *b, const FcRect *box)
{
  guint differ = 0, inked = 0;

  for (int y = (int)box->y; y < (int)(box->y + box->height) && y < H; y++)
    for (int x = (int)box->x; x < (int)(box->x + box->width) && x < W; x++)
      {
        gboolean ia = alpha_at (a, x, y) > 128, ib = alpha_at (b, x, y) > 128;

        inked += ia || ib;
        differ += ia != ib;
      }
  g_assert_cmpuint (inked, >, 0);
  return (double)differ / inked;
}

/* One script's line: no unknown glyph, no warning, ink where the text
 * is, and not the hex boxes. Returns FALSE (skipped) when NEED_FONT and
 * the system has no font for it. */
static void
check_script (const char *text, const char *name, gboolean need_font)
{
  const char *lines[] = { text, NULL };
  g_autoptr (FcStepList) list = steps_of (lines, NULL);
  const FcStep *step = fc_step_list_get_step (list, 0);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) boxes
      = g_array_new (FALSE, FALSE, sizeof (FcPromptSpanBox));
  FcViewport vp = { W, H };
  cairo_surface_t *overlay, *boxed;
  g_autofree char *png = g_strdup_printf ("prompt-%s.png", name);
  FcRect box;
  double difference;
  guint missing = fc_prompt_check_glyphs (step, collect, warnings);

  if (!need_font && missing > 0)
    {
      g_test_skip ("no font on this system has this script");
      return;
    }
  g_assert_cmpuint (missing, ==, 0);
  g_assert_cmpuint (warnings->len, ==, 0);

  fc_prompt_layout (step, &vp, TOP, boxes);
  box = g_array_index (boxes, FcPromptSpanBox, 0).text;
  g_assert_cmpfloat (box.width, >, 100);
  overlay = fc_prompt_render_overlay (step, NULL, W, H, TOP);
  save_png (overlay, png);
  boxed = render_as_boxes (text, &box);
  g_assert_true (boxed != NULL || strcmp (name, "chinese") != 0);
  if (boxed != NULL)
    {
      g_autofree char *boxes_png
          = g_strdup_printf ("prompt-%s-as-boxes.png", name);

      save_png (boxed, boxes_png);
      difference = ink_difference (overlay, boxed, &box);
      g_test_message ("%s: %.0f%% of the inked pixels differ from hex boxes",
                      name, difference * 100);
      /* The same boxes differ by 0%; glyphs and boxes share little ink
       * (89% differ for the Chinese line, as measured). */
      g_assert_cmpfloat (difference, >, 0.5);
      cairo_surface_destroy (boxed);
    }
  cairo_surface_destroy (overlay);
}

static void
test_chinese (void)
{
  check_script (CHINESE, "chinese", TRUE);
}

static void
test_arabic (void)
{
  check_script (ARABIC, "arabic", TRUE);
}

static void
test_thai (void)
{
  check_script (THAI, "thai", FALSE);
}

/* A character no font has: one warning per line naming the step, the
 * line and the character; lines that draw give none. */
static void
test_missing_warns (void)
{
  const char *lines[] = { CHINESE, "A" NO_FONT "B" NO_FONT, NULL };
  g_autoptr (FcStepList) list = steps_of (lines, NULL);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (
      fc_prompt_check_glyphs (fc_step_list_get_step (list, 0), collect,
                              warnings),
      ==, 1);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_test_message ("%s", (char *)warnings->pdata[0]);
  g_assert_true (g_str_has_prefix (warnings->pdata[0],
                                   "stepList[0].textList[1]: "));
  g_assert_nonnull (strstr (warnings->pdata[0], "U+10FFFD"));
  /* once, though the line has it twice */
  g_assert_null (strstr (strstr (warnings->pdata[0], "U+10FFFD") + 1,
                         "U+10FFFD"));
}

static cairo_surface_t *
black_surface (void)
{
  cairo_surface_t *s
      = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 16, 16);
  cairo_t *cr = cairo_create (s);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  return s;
}

/* The first decoded frame of PATH, as an RGB24 cairo surface. */
static cairo_surface_t *
first_frame (const char *path)
{
  g_autofree char *desc = g_strdup_printf (
      "filesrc location=\"%s\" ! qtdemux ! h264parse ! avdec_h264 ! "
      "videoconvert ! video/x-raw,format=BGRx ! appsink name=out sync=false",
      path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) p = gst_parse_launch (desc, &error);
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GstSample) sample = NULL;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  GstVideoInfo info;
  GstVideoFrame frame;

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (p), "out");
  gst_element_set_state (p, GST_STATE_PLAYING);
  g_signal_emit_by_name (sink, "pull-sample", &sample);
  g_assert_nonnull (sample);
  g_assert_true (
      gst_video_info_from_caps (&info, gst_sample_get_caps (sample)));
  g_assert_cmpint (GST_VIDEO_INFO_WIDTH (&info), ==, W);
  g_assert_cmpint (GST_VIDEO_INFO_HEIGHT (&info), ==, H);
  g_assert_true (gst_video_frame_map (&frame, &info,
                                      gst_sample_get_buffer (sample),
                                      GST_MAP_READ));
  cairo_surface_flush (s);
  for (int y = 0; y < H; y++)
    memcpy (cairo_image_surface_get_data (s)
                + y * cairo_image_surface_get_stride (s),
            (const guint8 *)GST_VIDEO_FRAME_PLANE_DATA (&frame, 0)
                + y * GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 0),
            W * 4);
  cairo_surface_mark_dirty (s);
  gst_video_frame_unmap (&frame);
  gst_element_set_state (p, GST_STATE_NULL);
  return s;
}

/* A recording (offline, test sources, an opaque black mask) burns the
 * Chinese line in: in the decoded frame, the pixels Pango inks are
 * bright and the others in the text's box dark. The second line has a
 * character no font has: a "warning" names it, and the recording ends
 * as usual. */
static void
test_burn_in_chinese (void)
{
  const char *lines[] = { CHINESE, "X" NO_FONT, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("fc-scripts-XXXXXX", &error);
  g_autofree char *tmp = g_dir_make_tmp ("fc-scripts-rec-XXXXXX", &error);
  g_autofree char *mask_path = g_build_filename (root, "mask.png", NULL);
  g_autoptr (GVariant) steps = NULL;
  g_autoptr (FcStepList) list = steps_of (lines, &steps);
  g_autoptr (GArray) boxes
      = g_array_new (FALSE, FALSE, sizeof (FcPromptSpanBox));
  FcViewport vp = { W, H };
  FcRecorder *rec = fc_recorder_new ();
  cairo_surface_t *mask = black_surface ();
  cairo_surface_t *overlay, *frame;
  FcTestEvents ev;
  const char *video = NULL;
  guint ink = 0, ink_bright = 0, bare = 0, bare_bright = 0, named = 0;
  FcRect box;

  g_assert_no_error (error);
  g_assert_cmpint (cairo_surface_write_to_png (mask, mask_path), ==,
                   CAIRO_STATUS_SUCCESS);
  fc_prompt_layout (fc_step_list_get_step (list, 0), &vp, TOP, boxes);
  box = g_array_index (boxes, FcPromptSpanBox, 0).text;
  overlay = fc_prompt_render_overlay (fc_step_list_get_step (list, 0), mask,
                                      W, H, TOP);

  fc_test_events_connect (&ev, rec);
  g_object_set (rec, "camera", "test", "microphone", "test", "resolution",
                "low", "allow-test-source", TRUE, "record-time", 500,
                "temp-dir", tmp, "root-dir", root, "mask", "/mask.png",
                "step-list", steps, "top", TOP, "burn-in", TRUE, "offline",
                TRUE, NULL);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.end, 20000);
  g_assert_true (g_variant_lookup (ev.end, "tempVideoPath", "&s", &video));
  for (guint i = 0; i < ev.warnings->len; i++)
    {
      g_test_message ("warning: %s", (char *)ev.warnings->pdata[i]);
      named += strstr (ev.warnings->pdata[i], "stepList[0].textList[1]")
                   != NULL
               && strstr (ev.warnings->pdata[i], "U+10FFFD") != NULL;
    }
  g_assert_cmpuint (named, ==, 1);

  frame = first_frame (video);
  save_png (frame, "burn-in-chinese-frame.png");
  for (int y = (int)box.y; y < (int)(box.y + box.height); y++)
    for (int x = (int)box.x; x < (int)(box.x + box.width); x++)
      {
        guint32 px = ((const guint32 *)(cairo_image_surface_get_data (frame)
                                        + y * cairo_image_surface_get_stride (
                                            frame)))[x];
        gboolean bright = ((px >> 16) & 0xff) > 160 && ((px >> 8) & 0xff) > 160
                          && (px & 0xff) > 160;
        /* the overlay over the black mask: text pixels are white */
        guint32 o = ((const guint32 *)(cairo_image_surface_get_data (overlay)
                                       + y * cairo_image_surface_get_stride (
                                           overlay)))[x];
        guint level = (o >> 8) & 0xff;

        if (level > 200)
          {
            ink++;
            ink_bright += bright;
          }
        else if (level < 30)
          {
            bare++;
            bare_bright += bright;
          }
      }
  g_test_message ("text box: %u of %u inked pixels bright, %u of %u bare",
                  ink_bright, ink, bare_bright, bare);
  /* Encoding blurs the edges: most of the ink is bright and almost none
   * of the rest (measured 94% and 0.3% at 640x480). */
  g_assert_cmpuint (ink, >, 500);
  g_assert_cmpfloat ((double)ink_bright / ink, >, 0.75);
  g_assert_cmpfloat ((double)bare_bright / bare, <, 0.03);

  cairo_surface_destroy (frame);
  cairo_surface_destroy (overlay);
  cairo_surface_destroy (mask);
  fc_recorder_close (rec);
  g_assert_finalize_object (rec);
  fc_test_events_clear (&ev);
  fc_test_remove_tree (tmp);
  fc_test_remove_tree (root);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Prompt/Scripts/chinese", test_chinese);
  g_test_add_func ("/Prompt/Scripts/arabic", test_arabic);
  g_test_add_func ("/Prompt/Scripts/thai", test_thai);
  g_test_add_func ("/Prompt/Scripts/missing-glyph-warns", test_missing_warns);
  g_test_add_func ("/Prompt/Scripts/burn-in-chinese", test_burn_in_chinese);
  return g_test_run ();
}
