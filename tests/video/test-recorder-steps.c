/* The recorder's style values (a row per input), its stepList model and
 * the step timer on a GstTestClock (replay's virtual clock). */

#include <gst/check/gsttestclock.h>
#include <string.h>

#include "fc-steps.h"
#include "fc-style.h"

/* ---- colours ---------------------------------------------------------- */

typedef struct
{
  const char *text;
  gboolean ok;
  guint r, g, b;
  double a;
} ColorRow;

static const ColorRow color_rows[] = {
  { "#ee6f2d", TRUE, 0xee, 0x6f, 0x2d, 1 },
  { "#EE6F2D", TRUE, 0xee, 0x6f, 0x2d, 1 },
  { "#fff", TRUE, 255, 255, 255, 1 },
  { "#f008", TRUE, 255, 0, 0, 0x88 / 255.0 },
  { "#11223380", TRUE, 0x11, 0x22, 0x33, 0x80 / 255.0 },
  { "rgb(1, 2, 3)", TRUE, 1, 2, 3, 1 },
  { "rgba(255,0,0,0.5)", TRUE, 255, 0, 0, 0.5 },
  { " RGB( 10 , 20 , 30 ) ", TRUE, 10, 20, 30, 1 },
  { "rgb(100%, 0%, 50%)", TRUE, 255, 0, 128, 1 },
  { "red", TRUE, 255, 0, 0, 1 },
  { "White", TRUE, 255, 255, 255, 1 },
  { "transparent", TRUE, 0, 0, 0, 0 },
  { "#12", FALSE },
  { "#ggg", FALSE },
  { "#1234567", FALSE },
  { "rgb(1,2)", FALSE },
  { "rgb(1,2,3", FALSE },
  { "rgb(256,0,0)", FALSE },
  { "rgba(1,2,3,2)", FALSE },
  { "bleu", FALSE },
  { "", FALSE },
};

static void
test_color (gconstpointer data)
{
  const ColorRow *row = data;
  FcColor c = { -1, -1, -1, -1 };
  gboolean ok = fc_color_parse (row->text, &c);

  g_assert_cmpint (ok, ==, row->ok);
  if (!ok)
    return;
  g_assert_cmpint ((int) (c.r * 255 + 0.5), ==, row->r);
  g_assert_cmpint ((int) (c.g * 255 + 0.5), ==, row->g);
  g_assert_cmpint ((int) (c.b * 255 + 0.5), ==, row->b);
  g_assert_cmpfloat_with_epsilon (c.a, row->a, 1e-6);
}

/* ---- lengths: parsed and resolved in a 375x667 component -------------- */

typedef struct
{
  const char *text;
  gboolean ok;
  double px; /* resolved; % of 200 */
} LengthRow;

static const LengthRow length_rows[] = {
  { "12px", TRUE, 12 },   { "750rpx", TRUE, 375 }, { "6rpx", TRUE, 3 },
  { "16vw", TRUE, 60 },   { "10vh", TRUE, 66.7 },  { "50%", TRUE, 100 },
  { "0", TRUE, 0 },       { "1.5", TRUE, 1.5 },    { " 8PX ", TRUE, 8 },
  { "-4rpx", TRUE, -2 },  { "12 px", FALSE },      { "12em", FALSE },
  { "px", FALSE },        { "", FALSE },           { "1px 2px", FALSE },
  { "nan", FALSE },       { "inf", FALSE },
};

static const FcViewport viewport = { 375, 667 };

static void
test_length (gconstpointer data)
{
  const LengthRow *row = data;
  FcCssLength l;
  gboolean ok = fc_css_length_parse (row->text, &l);

  g_assert_cmpint (ok, ==, row->ok);
  if (ok)
    g_assert_cmpfloat_with_epsilon (fc_css_length_to_px (&l, &viewport, 200),
                                    row->px, 1e-9);
}

/* ---- margin/padding shorthand ----------------------------------------- */

typedef struct
{
  const char *text;
  gboolean ok;
  double px[4]; /* top right bottom left, in the 375-wide component */
} BoxRow;

static const BoxRow box_rows[] = {
  { "6rpx", TRUE, { 3, 3, 3, 3 } },
  { "0 6rpx", TRUE, { 0, 3, 0, 3 } },
  { "0 0 6rpx 0", TRUE, { 0, 0, 3, 0 } },
  { "1px 2px 3px", TRUE, { 1, 2, 3, 2 } },
  { "1px 2px 3px 4px", TRUE, { 1, 2, 3, 4 } },
  { "  4px   8px ", TRUE, { 4, 8, 4, 8 } },
  { "1px 2px 3px 4px 5px", FALSE },
  { "1px auto", FALSE },
  { "", FALSE },
};

static void
test_box (gconstpointer data)
{
  const BoxRow *row = data;
  FcCssLength box[4];
  gboolean ok = fc_box_parse (row->text, box);

  g_assert_cmpint (ok, ==, row->ok);
  if (ok)
    for (int i = 0; i < 4; i++)
      g_assert_cmpfloat_with_epsilon (
          fc_css_length_to_px (&box[i], &viewport, 0), row->px[i], 1e-9);
}

/* ---- whole style objects: value, or default with a warning ------------ */

typedef struct
{
  const char *variant; /* a{sv} in GVariant text */
  const char *warning; /* substring of the one warning, or NULL for none */
  guint set;           /* fields expected to be set */
} StyleRow;

static const StyleRow style_rows[] = {
  { "{'color': <'#ee6f2d'>, 'fontWeight': <'bold'>, 'margin': <'0 6rpx'>}",
    NULL, FC_STYLE_COLOR | FC_STYLE_FONT_WEIGHT | FC_STYLE_MARGIN },
  { "{'fontSize': <'40rpx'>, 'textAlign': <'left'>}", NULL,
    FC_STYLE_FONT_SIZE | FC_STYLE_TEXT_ALIGN },
  { "{'fontSize': <20.0>, 'fontWeight': <600.0>}", NULL,
    FC_STYLE_FONT_SIZE | FC_STYLE_FONT_WEIGHT },
  { "{'width': <'50%'>, 'height': <'60rpx'>, 'padding': <'4px 8px'>}", NULL,
    FC_STYLE_WIDTH | FC_STYLE_HEIGHT | FC_STYLE_PADDING },
  { "{'text': <'ignored here'>}", NULL, 0 },
  { "{'color': <'blu'>}", "stepList[0].textList[0].color: invalid color "
                          "\"blu\"; using default", 0 },
  { "{'color': <3.0>}", "invalid color \"3\"", 0 },
  { "{'fontSize': <'-3px'>}", "invalid font size \"-3px\"", 0 },
  { "{'fontSize': <'big'>}", "invalid font size", 0 },
  /* FC_CSS_LENGTH_MAX (10,000 in any unit) bounds every length; above it
   * Pango's size would overflow (issue 21's fuzz-prompt finding) */
  { "{'fontSize': <'3000000px'>}", "invalid font size \"3000000px\"", 0 },
  { "{'fontSize': <'99999999rpx'>}", "invalid font size \"99999999rpx\"", 0 },
  { "{'fontSize': <'1e12px'>}", "invalid font size \"1e12px\"", 0 },
  { "{'fontSize': <1e12>}", "invalid font size \"1000000000000\"", 0 },
  { "{'fontSize': <'10001vw'>}", "invalid font size \"10001vw\"", 0 },
  { "{'fontSize': <'10000px'>}", NULL, FC_STYLE_FONT_SIZE },
  { "{'margin': <'0 -20000px'>}", "invalid margin \"0 -20000px\"", 0 },
  { "{'margin': <-20000.0>}", "invalid margin \"-20000\"", 0 },
  { "{'margin': <'-10000px'>}", NULL, FC_STYLE_MARGIN },
  { "{'width': <'1e9rpx'>}", "invalid width \"1e9rpx\"", 0 },
  { "{'height': <20000.0>}", "invalid height \"20000\"", 0 },
  { "{'fontWeight': <'heavy'>}", "invalid font weight \"heavy\"", 0 },
  { "{'fontWeight': <'950'>}", "invalid font weight", 0 },
  { "{'fontWeight': <450.0>}", "invalid font weight \"450\"", 0 },
  { "{'textAlign': <'justify'>}", "invalid text alignment", 0 },
  { "{'margin': <'1px 2px 3px 4px 5px'>}", "invalid margin", 0 },
  { "{'padding': <'-1px'>}", "invalid padding", 0 },
  { "{'width': <'wide'>}", "invalid width", 0 },
  { "{'height': <true>}", "invalid height \"true\"", 0 },
};

static void
collect (const char *message, gpointer data)
{
  g_ptr_array_add (data, g_strdup (message));
}

static void
test_style (gconstpointer data)
{
  const StyleRow *row = data;
  g_autoptr (GVariant) dict = g_variant_parse (G_VARIANT_TYPE_VARDICT,
                                               row->variant, NULL, NULL, NULL);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  FcTextStyle style, defaults;

  g_assert_nonnull (dict);
  fc_text_style_init (&style);
  fc_text_style_init (&defaults);
  fc_text_style_apply (&style, dict, "stepList[0].textList[0]", collect,
                       warnings);
  g_assert_cmpuint (style.set, ==, row->set);
  if (row->warning)
    {
      g_assert_cmpuint (warnings->len, ==, 1);
      g_assert_nonnull (strstr (warnings->pdata[0], row->warning));
      /* the bad value left the default in place */
      g_assert_cmpmem (&style, sizeof style, &defaults, sizeof defaults);
    }
  else
    g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_style_values (void)
{
  g_autoptr (GVariant) dict = g_variant_parse (
      G_VARIANT_TYPE_VARDICT,
      "{'color': <'#ee6f2d'>, 'fontWeight': <'bold'>, 'margin': <'0 6rpx'>,"
      " 'fontSize': <'20px'>, 'textAlign': <'right'>}",
      NULL, NULL, NULL);
  FcTextStyle style, child;

  fc_text_style_init (&style);
  g_assert_cmpint (style.font_weight, ==, 400);
  g_assert_cmpint (style.text_align, ==, FC_TEXT_ALIGN_CENTER);
  g_assert_cmpfloat (fc_css_length_to_px (&style.font_size, &viewport, 0), ==, 16);
  fc_text_style_apply (&style, dict, "x", NULL, NULL);
  g_assert_cmpint (style.font_weight, ==, 700);
  g_assert_cmpint (style.text_align, ==, FC_TEXT_ALIGN_RIGHT);
  g_assert_cmpfloat (fc_css_length_to_px (&style.margin[1], &viewport, 0), ==, 3);
  g_assert_cmpfloat (fc_css_length_to_px (&style.margin[0], &viewport, 0), ==, 0);

  /* colour, font and alignment inherit; box values do not */
  fc_text_style_inherit (&child, &style);
  g_assert_cmpfloat (child.color.r, ==, style.color.r);
  g_assert_cmpint (child.font_weight, ==, 700);
  g_assert_cmpfloat (fc_css_length_to_px (&child.font_size, &viewport, 0), ==, 20);
  g_assert_cmpfloat (fc_css_length_to_px (&child.margin[1], &viewport, 0), ==, 0);
  g_assert_cmpuint (child.set, ==, 0);
}

/* ---- buttonStyle ------------------------------------------------------ */

typedef struct
{
  const char *variant;
  const char *warning;
  FcRect rect; /* in 375x667 */
} ButtonRow;

static const ButtonRow button_rows[] = {
  /* the Quick Start's: 16vw round, 80rpx from the bottom, centred */
  { "{'width': <'16vw'>, 'height': <'16vw'>, 'bottom': <'80rpx'>}", NULL,
    { 157.5, 667 - 60 - 40, 60, 60 } },
  { "@a{sv} {}", NULL, { 157.5, 667 - 60 - 40, 60, 60 } },
  { "{'left': <'10px'>, 'top': <'10%'>, 'right': <'99px'>}", NULL,
    { 10, 66.7, 60, 60 } },
  { "{'right': <'0'>, 'bottom': <'0'>, 'width': <100.0>}", NULL,
    { 275, 667 - 60, 100, 60 } },
  { "{'height': <'10vh'>}", NULL, { 157.5, 667 - 66.7 - 40, 60, 66.7 } },
  { "{'color': <'red'>}", "buttonStyle.color: not supported", { 157.5, 567, 60, 60 } },
  { "{'width': <'big'>}", "buttonStyle.width: invalid length \"big\"",
    { 157.5, 567, 60, 60 } },
  { "{'width': <'-3px'>}", "buttonStyle.width: invalid length",
    { 157.5, 567, 60, 60 } },
  /* beyond FC_CSS_LENGTH_MAX */
  { "{'width': <'3000000px'>}",
    "buttonStyle.width: invalid length \"3000000px\"", { 157.5, 567, 60, 60 } },
  { "{'left': <-1e12>}", "buttonStyle.left: invalid length \"-1000000000000\"",
    { 157.5, 567, 60, 60 } },
};

static void
test_button (gconstpointer data)
{
  const ButtonRow *row = data;
  g_autoptr (GVariant) dict = g_variant_parse (G_VARIANT_TYPE_VARDICT,
                                               row->variant, NULL, NULL, NULL);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  FcButtonStyle style;
  FcRect r;

  g_assert_nonnull (dict);
  fc_button_style_init (&style);
  fc_button_style_apply (&style, dict, collect, warnings);
  if (row->warning)
    {
      g_assert_cmpuint (warnings->len, ==, 1);
      g_assert_nonnull (strstr (warnings->pdata[0], row->warning));
    }
  else
    g_assert_cmpuint (warnings->len, ==, 0);
  fc_button_style_layout (&style, &viewport, &r);
  g_assert_cmpfloat_with_epsilon (r.x, row->rect.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.y, row->rect.y, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.width, row->rect.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.height, row->rect.height, 1e-9);
}

/* ---- stepList --------------------------------------------------------- */

/* The seed's Quick Start stepList, as the bridge hands JSON over (numbers
 * are doubles, arrays av). */
#define QUICK_START                                                           \
  "[<{'audioSrc': <'https://example.test/1.mp3'>, 'showTime': <0.0>,"         \
  "  'textList': <[<{'text': <'First line of text'>,"                         \
  "                  'margin': <'0 0 6rpx 0'>}>,"                             \
  "                <{'text': <[<{'text': <'Second line'>}>,"                  \
  "                            <{'text': <'Highlight Highlight'>,"            \
  "                              'color': <'#ee6f2d'>,"                       \
  "                              'fontWeight': <'bold'>,"                     \
  "                              'margin': <'0 6rpx'>}>,"                     \
  "                            <{'text': <'Text text text text text'>}>]>}>," \
  "                <{'text': <'Third line text text text text text'>,"        \
  "                  'color': <'#ee6f2d'>, 'margin': <'6rpx'>}>]>}>,"         \
  " <{'audioSrc': <'https://example.test/3.mp3'>, 'showTime': <18000.0>,"     \
  "   'textList': <[<{'text': <'3 Third text'>}>]>}>,"                        \
  " <{'audioSrc': <'https://example.test/2.mp3'>, 'showTime': <8000.0>,"      \
  "   'textList': <[<{'text': <'Second text'>}>]>}>]"

static FcStepList *
parse_steps (const char *text, GPtrArray *warnings, GError **error)
{
  g_autoptr (GVariant) v = g_variant_parse (NULL, text, NULL, NULL, NULL);

  g_assert_nonnull (v);
  return fc_step_list_new (v, collect, warnings, error);
}

static void
test_steps_quick_start (void)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcStepList) list = parse_steps (QUICK_START, warnings, &error);
  const FcStep *s;
  const FcPromptLine *line;
  const FcPromptSpan *span;

  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (fc_step_list_get_n_steps (list), ==, 3);

  /* sorted by showTime; index keeps the page's order */
  s = fc_step_list_get_step (list, 0);
  g_assert_cmpuint (s->show_time, ==, 0);
  g_assert_cmpstr (s->audio_src, ==, "https://example.test/1.mp3");
  g_assert_cmpuint (s->lines->len, ==, 3);
  s = fc_step_list_get_step (list, 1);
  g_assert_cmpuint (s->show_time, ==, 8000);
  g_assert_cmpuint (s->index, ==, 2);
  g_assert_cmpstr (s->audio_src, ==, "https://example.test/2.mp3");
  g_assert_cmpuint (fc_step_list_get_step (list, 2)->show_time, ==, 18000);

  s = fc_step_list_get_step (list, 0);
  line = s->lines->pdata[1];
  g_assert_cmpuint (line->spans->len, ==, 3);
  span = line->spans->pdata[1];
  g_assert_cmpstr (span->text, ==, "Highlight Highlight");
  g_assert_cmpint (span->style.font_weight, ==, 700);
  g_assert_cmpfloat_with_epsilon (span->style.color.r, 0xee / 255.0, 1e-9);
  g_assert_cmpfloat (fc_css_length_to_px (&span->style.margin[3], &viewport, 0),
                     ==, 3);
  span = line->spans->pdata[0];
  g_assert_cmpint (span->style.font_weight, ==, 400);
  g_assert_cmpfloat (span->style.color.g, ==, 1.0);

  line = s->lines->pdata[2];
  g_assert_cmpuint (line->spans->len, ==, 1);
  span = line->spans->pdata[0];
  /* the line's colour reaches its one span */
  g_assert_cmpfloat_with_epsilon (span->style.color.g, 0x6f / 255.0, 1e-9);
}

static void
test_steps_too_many (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) v = g_variant_parse (
      NULL,
      "[<{'showTime': <0.0>}>, <{'showTime': <1.0>}>, <{'showTime': <2.0>}>,"
      " <{'showTime': <3.0>}>]",
      NULL, NULL, NULL);
  FcStepList *list = fc_step_list_new (v, NULL, NULL, &error);

  g_assert_null (list);
  g_assert_error (error, FC_STEP_LIST_ERROR, FC_STEP_LIST_ERROR_TOO_MANY);
  g_assert_cmpstr (error->message, ==,
                   "stepList supports at most 3 steps, got 4");
}

typedef struct
{
  const char *variant;
  const char *error; /* NULL: parses, with WARNING */
  const char *warning;
} StepRow;

static const StepRow step_rows[] = {
  { "@av []", NULL, NULL },
  { "<'nope'>", "stepList must be an array", NULL },
  { "[<'x'>]", "stepList[0] must be an object", NULL },
  { "[<{'showTime': <-5.0>}>]", "stepList[0].showTime must be a number", NULL },
  { "[<{'showTime': <'soon'>}>]", "stepList[0].showTime must be", NULL },
  { "[<{'showTime': <'2000'>}>]", NULL, NULL },
  { "[<{'audioSrc': <3.0>}>]", NULL, "stepList[0].audioSrc: expects a string" },
  { "[<{'textList': <'x'>}>]", NULL, "stepList[0].textList: expects an array" },
  { "[<{'textList': <[<{'color': <'red'>}>]>}>]", NULL,
    "stepList[0].textList[0].text: missing" },
  { "[<{'textList': <[<{'text': <'a'>, 'color': <'#zz'>}>]>}>]", NULL,
    "stepList[0].textList[0].color: invalid color \"#zz\"" },
  { "[<{'textList': <[<{'text': <[<{'text': <'a'>, 'fontWeight': <'x'>}>]>}>]>}>]",
    NULL, "stepList[0].textList[0].text[0].fontWeight: invalid font weight" },
  { "[<{'textList': <[<{'text': <true>}>]>}>]", NULL,
    "stepList[0].textList[0].text: expects a string or an array" },
};

static void
test_step_row (gconstpointer data)
{
  const StepRow *row = data;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcStepList) list = parse_steps (row->variant, warnings, &error);

  if (row->error)
    {
      g_assert_null (list);
      g_assert_error (error, FC_STEP_LIST_ERROR, FC_STEP_LIST_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, row->error));
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (list);
  if (row->warning)
    {
      g_assert_cmpuint (warnings->len, ==, 1);
      g_assert_nonnull (strstr (warnings->pdata[0], row->warning));
    }
  else
    g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_steps_active (void)
{
  g_autoptr (FcStepList) list = parse_steps (QUICK_START, NULL, NULL);
  g_autoptr (FcStepList) later = parse_steps (
      "[<{'showTime': <2000.0>}>, <{'showTime': <5000.0>}>]", NULL, NULL);
  g_autoptr (FcStepList) none = fc_step_list_new (NULL, NULL, NULL, NULL);

  /* the preview shows the showTime-0 step */
  g_assert_cmpint (fc_step_list_active_at (list, -1), ==, 0);
  g_assert_cmpint (fc_step_list_active_at (list, 0), ==, 0);
  g_assert_cmpint (fc_step_list_active_at (list, 7999), ==, 0);
  g_assert_cmpint (fc_step_list_active_at (list, 8000), ==, 1);
  g_assert_cmpint (fc_step_list_active_at (list, 17999), ==, 1);
  g_assert_cmpint (fc_step_list_active_at (list, 18000), ==, 2);
  g_assert_cmpint (fc_step_list_active_at (list, 30000), ==, 2);

  g_assert_cmpint (fc_step_list_active_at (later, -1), ==, -1);
  g_assert_cmpint (fc_step_list_active_at (later, 1999), ==, -1);
  g_assert_cmpint (fc_step_list_active_at (later, 2000), ==, 0);
  g_assert_cmpint (fc_step_list_active_at (later, 5000), ==, 1);
  g_assert_cmpint (fc_step_list_active_at (none, 0), ==, -1);
}

/* ---- WebVTT ------------------------------------------------------------ */

static void
test_steps_webvtt (void)
{
  g_autoptr (FcStepList) list = parse_steps (QUICK_START, NULL, NULL);
  g_autoptr (FcStepList) odd = parse_steps (
      "[<{'showTime': <0.0>, 'textList': <[<{'text': <'a < b & c'>}>]>}>,"
      " <{'showTime': <100.0>}>,"
      " <{'showTime': <3723004.0>, 'textList': <[<{'text': <'late'>}>]>}>]",
      NULL, NULL);
  g_autofree char *full = fc_step_list_to_webvtt (list, 30000);
  g_autofree char *cut = fc_step_list_to_webvtt (list, 10000);
  g_autofree char *escaped = fc_step_list_to_webvtt (odd, 4000000);

  g_assert_cmpstr (full, ==,
                   "WEBVTT\n"
                   "\n1\n00:00:00.000 --> 00:00:08.000\n"
                   "First line of text\n"
                   "Second line Highlight Highlight Text text text text text\n"
                   "Third line text text text text text\n"
                   "\n2\n00:00:08.000 --> 00:00:18.000\n"
                   "Second text\n"
                   "\n3\n00:00:18.000 --> 00:00:30.000\n"
                   "3 Third text\n");
  /* a recording stopped at 10 s: the last step never showed */
  g_assert_cmpstr (cut, ==,
                   "WEBVTT\n"
                   "\n1\n00:00:00.000 --> 00:00:08.000\n"
                   "First line of text\n"
                   "Second line Highlight Highlight Text text text text text\n"
                   "Third line text text text text text\n"
                   "\n2\n00:00:08.000 --> 00:00:10.000\n"
                   "Second text\n");
  /* escaping; a step without text ends the one before and has no cue;
   * hours */
  g_assert_cmpstr (escaped, ==,
                   "WEBVTT\n"
                   "\n1\n00:00:00.000 --> 00:00:00.100\n"
                   "a &lt; b &amp; c\n"
                   "\n2\n01:02:03.004 --> 01:06:40.000\n"
                   "late\n");
}

/* ---- the timer on a virtual clock -------------------------------------- */

static void
on_step (int step, gpointer data)
{
  g_array_append_val ((GArray *) data, step);
}

static void
iterate (void)
{
  /* the clock thread hands over to the main context */
  for (int i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Releases the one wait that is due now (the clock is not moved). */
static void
process_due (GstTestClock *clock)
{
  GstClockID id = gst_test_clock_process_next_clock_id (clock);

  g_assert_nonnull (id);
  gst_clock_id_unref (id);
  g_assert_null (gst_test_clock_process_next_clock_id (clock));
}

static void
test_steps_timer (void)
{
  g_autoptr (FcStepList) list = parse_steps (QUICK_START, NULL, NULL);
  GstClock *clock = gst_test_clock_new_with_start_time (5 * GST_SECOND);
  GstTestClock *test_clock = GST_TEST_CLOCK (clock);
  g_autoptr (GArray) fired = g_array_new (FALSE, FALSE, sizeof (int));
  /* the recording's time 0 is clock time 6 s */
  FcStepTimer *timer = fc_step_timer_new (list, clock, 6 * GST_SECOND, NULL,
                                          on_step, fired);

  iterate ();
  g_assert_cmpuint (fired->len, ==, 1); /* showTime 0: at once */
  g_assert_cmpint (g_array_index (fired, int, 0), ==, 0);

  /* nothing until the clock reads 6 s + 8 s, exactly */
  gst_test_clock_set_time (test_clock, 14 * GST_SECOND - 1);
  g_assert_null (gst_test_clock_process_next_clock_id (test_clock));
  iterate ();
  g_assert_cmpuint (fired->len, ==, 1);
  gst_test_clock_set_time (test_clock, 14 * GST_SECOND);
  process_due (test_clock);
  iterate ();
  g_assert_cmpuint (fired->len, ==, 2);
  g_assert_cmpint (g_array_index (fired, int, 1), ==, 1);

  gst_test_clock_set_time (test_clock, 24 * GST_SECOND);
  process_due (test_clock);
  iterate ();
  g_assert_cmpuint (fired->len, ==, 3);
  g_assert_cmpint (g_array_index (fired, int, 2), ==, 2);

  fc_step_timer_free (timer);
  gst_object_unref (clock);
}

static void
test_steps_timer_cancel (void)
{
  g_autoptr (FcStepList) list = parse_steps (QUICK_START, NULL, NULL);
  GstClock *clock = gst_test_clock_new_with_start_time (0);
  g_autoptr (GArray) fired = g_array_new (FALSE, FALSE, sizeof (int));
  FcStepTimer *timer
      = fc_step_timer_new (list, clock, 0, NULL, on_step, fired);

  /* freed before anything ran: nothing is ever called */
  fc_step_timer_free (timer);
  gst_test_clock_set_time (GST_TEST_CLOCK (clock), 60 * GST_SECOND);
  iterate ();
  g_assert_cmpuint (fired->len, ==, 0);
  gst_object_unref (clock);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

#define ROWS(table, path, func)                                               \
  for (size_t i = 0; i < G_N_ELEMENTS (table); i++)                           \
    {                                                                         \
      g_autofree char *p = g_strdup_printf (path "/%zu", i);                  \
      g_test_add_data_func (p, &table[i], func);                              \
    }

  ROWS (color_rows, "/Recorder/Style/color", test_color);
  ROWS (length_rows, "/Recorder/Style/length", test_length);
  ROWS (box_rows, "/Recorder/Style/box", test_box);
  ROWS (style_rows, "/Recorder/Style/text", test_style);
  ROWS (button_rows, "/Recorder/Style/button", test_button);
  ROWS (step_rows, "/Recorder/Steps/row", test_step_row);
  g_test_add_func ("/Recorder/Style/values", test_style_values);
  g_test_add_func ("/Recorder/Steps/quick-start", test_steps_quick_start);
  g_test_add_func ("/Recorder/Steps/too-many", test_steps_too_many);
  g_test_add_func ("/Recorder/Steps/active", test_steps_active);
  g_test_add_func ("/Recorder/Steps/webvtt", test_steps_webvtt);
  g_test_add_func ("/Recorder/Steps/timer", test_steps_timer);
  g_test_add_func ("/Recorder/Steps/timer-cancel", test_steps_timer_cancel);
  return g_test_run ();
}
