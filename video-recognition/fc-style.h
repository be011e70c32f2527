/* FcTextStyle, FcButtonStyle: the CSS-like style values of the recorder's
 * prompts (stepList textList lines and spans) and of its record button.
 *
 * Values come as GVariants (strings or numbers, as the bridge converts the
 * page's JSON). A bad value is reported through an FcStyleWarnFunc and the
 * field keeps its default: a bad style never fails a step. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#include "fc-recorder-export.h"

/**
 * FcCssUnit:
 * @FC_UNIT_PX: CSS pixels
 * @FC_UNIT_RPX: responsive pixels: 750 rpx are the component's width
 * @FC_UNIT_VW: hundredths of the component's width
 * @FC_UNIT_VH: hundredths of the component's height
 * @FC_UNIT_PERCENT: hundredths of what the property is a percentage of
 *
 * The units of the lengths of prompt styles and of the button.
 */
typedef enum
{
  FC_UNIT_PX,
  FC_UNIT_RPX, /* 750 rpx = the component's width */
  FC_UNIT_VW,  /* 100 vw = the component's width */
  FC_UNIT_VH,  /* 100 vh = the component's height */
  FC_UNIT_PERCENT,
} FcCssUnit;

/**
 * FcCssLength:
 * @value: the number
 * @unit: its unit
 *
 * A CSS length of a prompt style or of the button (`16vw`, `6rpx`).
 */
typedef struct
{
  double value;
  FcCssUnit unit;
} FcCssLength;

/**
 * FC_CSS_LENGTH_MAX:
 *
 * The largest magnitude a length may have, in its own unit: 10,000 (px,
 * rpx, vw, vh or %). Every length a prompt, a style or the button takes is
 * checked against it where it is parsed, and one beyond it is refused with
 * the same warning as any other invalid length, so no renderer ever sees
 * an out-of-range number (10,000vw of a 4K view is 38.4 million px, far
 * below Pango's limit of 2^31 / 1,024 px).
 */
#define FC_CSS_LENGTH_MAX 10000.0

/**
 * FcViewport:
 * @width: the component's width in pixels
 * @height: the component's height in pixels
 *
 * What lengths are resolved against: the component's size.
 */
typedef struct
{
  double width, height;
} FcViewport;

/**
 * FcColor:
 * @r: red, 0 to 1
 * @g: green, 0 to 1
 * @b: blue, 0 to 1
 * @a: alpha, 0 to 1
 *
 * A colour of a prompt style.
 */
typedef struct
{
  double r, g, b, a; /* 0..1 */
} FcColor;

/**
 * FcTextAlign:
 * @FC_TEXT_ALIGN_LEFT: `left`
 * @FC_TEXT_ALIGN_CENTER: `center`
 * @FC_TEXT_ALIGN_RIGHT: `right`
 *
 * A prompt line's `textAlign`.
 */
typedef enum
{
  FC_TEXT_ALIGN_LEFT,
  FC_TEXT_ALIGN_CENTER,
  FC_TEXT_ALIGN_RIGHT,
} FcTextAlign;

/**
 * FcStyleField:
 * @FC_STYLE_COLOR: `color`
 * @FC_STYLE_FONT_SIZE: `fontSize`
 * @FC_STYLE_FONT_WEIGHT: `fontWeight`
 * @FC_STYLE_TEXT_ALIGN: `textAlign`
 * @FC_STYLE_MARGIN: `margin`
 * @FC_STYLE_PADDING: `padding`
 * @FC_STYLE_WIDTH: `width`
 * @FC_STYLE_HEIGHT: `height`
 *
 * Which fields of an #FcTextStyle were given (the rest are defaults).
 */
typedef enum
{
  FC_STYLE_COLOR = 1 << 0,
  FC_STYLE_FONT_SIZE = 1 << 1,
  FC_STYLE_FONT_WEIGHT = 1 << 2,
  FC_STYLE_TEXT_ALIGN = 1 << 3,
  FC_STYLE_MARGIN = 1 << 4,
  FC_STYLE_PADDING = 1 << 5,
  FC_STYLE_WIDTH = 1 << 6,
  FC_STYLE_HEIGHT = 1 << 7,
} FcStyleField;

/**
 * FcTextStyle:
 * @set: the #FcStyleField flags of the fields given
 * @color: the text colour
 * @font_size: the font size
 * @font_weight: 100 to 900; normal is 400, bold 700
 * @text_align: the alignment
 * @margin: the margins, in CSS order: top, right, bottom, left
 * @padding: the paddings, in CSS order
 * @width: the width, when given
 * @height: the height, when given
 *
 * The style of a prompt line or span, as its textList entry gives it.
 */
typedef struct
{
  guint set; /* FcStyleField */
  FcColor color;
  FcCssLength font_size;
  int font_weight; /* 100..900; normal 400, bold 700 */
  FcTextAlign text_align;
  FcCssLength margin[4];
  FcCssLength padding[4];
  FcCssLength width, height;
} FcTextStyle;

/**
 * FcButtonField:
 * @FC_BUTTON_WIDTH: `width`
 * @FC_BUTTON_HEIGHT: `height`
 * @FC_BUTTON_LEFT: `left`
 * @FC_BUTTON_TOP: `top`
 * @FC_BUTTON_RIGHT: `right`
 * @FC_BUTTON_BOTTOM: `bottom`
 *
 * Which fields of an #FcButtonStyle were given: buttonStyle has only these.
 */
typedef enum
{
  FC_BUTTON_WIDTH = 1 << 0,
  FC_BUTTON_HEIGHT = 1 << 1,
  FC_BUTTON_LEFT = 1 << 2,
  FC_BUTTON_TOP = 1 << 3,
  FC_BUTTON_RIGHT = 1 << 4,
  FC_BUTTON_BOTTOM = 1 << 5,
} FcButtonField;

/**
 * FcButtonStyle:
 * @set: the #FcButtonField flags of the fields given
 * @width: the button's width
 * @height: its height
 * @left: its distance from the left
 * @top: its distance from the top
 * @right: its distance from the right
 * @bottom: its distance from the bottom
 *
 * The record button's buttonStyle.
 */
typedef struct
{
  guint set; /* FcButtonField */
  FcCssLength width, height, left, top, right, bottom;
} FcButtonStyle;

/**
 * FcRect:
 * @x: the left edge
 * @y: the top edge
 * @width: the width
 * @height: the height
 *
 * A rectangle in pixels.
 */
typedef struct
{
  double x, y, width, height;
} FcRect;

/**
 * FcStyleWarnFunc:
 * @message: names the value and says what was done, such as
 *   `stepList[0].textList[1].color: invalid color "blu"; using default`
 * @user_data: the data given with the function
 *
 * Told of each style value that cannot be used; the field keeps its
 * default, so a bad style never fails a step.
 */
typedef void (*FcStyleWarnFunc) (const char *message, gpointer user_data);

FC_RECORDER_EXPORT gboolean fc_color_parse (const char *text, FcColor *out);
/* "12px", "6rpx", "16vw", "10vh", "50%", "0", "1.5" (px); at most
 * FC_CSS_LENGTH_MAX in magnitude. */
FC_RECORDER_EXPORT gboolean fc_css_length_parse (const char *text, FcCssLength *out);
/* CSS margin/padding shorthand: 1 to 4 lengths, each as above. */
FC_RECORDER_EXPORT gboolean fc_box_parse (const char *text, FcCssLength out[4]);
/* "normal", "bold", "bolder", "lighter", "100".."900". */
FC_RECORDER_EXPORT gboolean fc_font_weight_parse (const char *text,
                                                  int *out);
FC_RECORDER_EXPORT gboolean fc_text_align_parse (const char *text,
                                                 FcTextAlign *out);

/* In pixels; % is of PERCENT_OF. */
FC_RECORDER_EXPORT double fc_css_length_to_px (const FcCssLength *length,
                                           const FcViewport *viewport,
                                           double percent_of);

/* Defaults: white, 32rpx, normal, centred, no margin/padding, auto size. */
FC_RECORDER_EXPORT void fc_text_style_init (FcTextStyle *style);
/* Inherited properties (color, fontSize, fontWeight, textAlign) of PARENT
 * as the starting point of a child's style. */
FC_RECORDER_EXPORT void fc_text_style_inherit (FcTextStyle *style,
                                               const FcTextStyle *parent);
/* Reads the style keys of DICT (a{sv}; other keys are ignored) into STYLE.
 * WHERE prefixes warnings. */
FC_RECORDER_EXPORT void fc_text_style_apply (FcTextStyle *style,
                                             GVariant *dict,
                                             const char *where,
                                             FcStyleWarnFunc warn,
                                             gpointer user_data);

FC_RECORDER_EXPORT void fc_button_style_init (FcButtonStyle *style);
/* Unknown keys warn ("buttonStyle.color: not supported; ignored"). */
FC_RECORDER_EXPORT void fc_button_style_apply (FcButtonStyle *style,
                                               GVariant *dict,
                                               FcStyleWarnFunc warn,
                                               gpointer user_data);
/* The button's rectangle in a viewport. Default 16vw round, centred
 * horizontally, 80rpx from the bottom; left wins over right, top over
 * bottom, as in CSS. */
FC_RECORDER_EXPORT void fc_button_style_layout (const FcButtonStyle *style,
                                                const FcViewport *viewport,
                                                FcRect *out);

G_END_DECLS
