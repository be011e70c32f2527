/* Style values of the recorder's prompts and button (see fc-style.h). */

#include "fc-style.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct
{
  const char *name;
  guint32 rgb;
} named_colors[] = {
  { "black", 0x000000 },  { "white", 0xffffff },   { "red", 0xff0000 },
  { "green", 0x008000 },  { "blue", 0x0000ff },    { "yellow", 0xffff00 },
  { "orange", 0xffa500 }, { "gray", 0x808080 },    { "grey", 0x808080 },
  { "silver", 0xc0c0c0 }, { "purple", 0x800080 },  { "pink", 0xffc0cb },
  { "cyan", 0x00ffff },   { "magenta", 0xff00ff }, { "lime", 0x00ff00 },
  { "navy", 0x000080 },   { "maroon", 0x800000 },  { "olive", 0x808000 },
  { "teal", 0x008080 },   { "aqua", 0x00ffff },    { "fuchsia", 0xff00ff },
  { "brown", 0xa52a2a },  { "gold", 0xffd700 },
};

static gboolean
parse_number (const char **p, double *out)
{
  char *end = NULL;
  double v;

  while (g_ascii_isspace (**p))
    (*p)++;
  if (!**p)
    return FALSE;
  v = g_ascii_strtod (*p, &end);
  if (end == *p || !isfinite (v))
    return FALSE;
  *p = end;
  *out = v;
  return TRUE;
}

static gboolean
hex_digit (char c, guint *out)
{
  int v = g_ascii_xdigit_value (c);

  if (v < 0)
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

/* rgb(1, 2, 3), rgba(1, 2, 3, 0.5); components may be percentages. */
static gboolean
parse_rgb_function (const char *p, gboolean alpha, FcColor *out)
{
  double c[4] = { 0, 0, 0, 1 };
  int n = alpha ? 4 : 3;

  for (int i = 0; i < n; i++)
    {
      if (!parse_number (&p, &c[i]))
        return FALSE;
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '%')
        {
          c[i] = c[i] / 100.0 * (i < 3 ? 255.0 : 1.0);
          p++;
        }
      while (g_ascii_isspace (*p))
        p++;
      if (*p != (i == n - 1 ? ')' : ','))
        return FALSE;
      p++;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p)
    return FALSE;
  for (int i = 0; i < 3; i++)
    if (c[i] < 0 || c[i] > 255)
      return FALSE;
  if (c[3] < 0 || c[3] > 1)
    return FALSE;
  out->r = c[0] / 255.0;
  out->g = c[1] / 255.0;
  out->b = c[2] / 255.0;
  out->a = c[3];
  return TRUE;
}

/**
 * fc_color_parse:
 * @text: the colour
 * @out: (out caller-allocates): the colour
 *
 * Parses a CSS colour of a prompt style (`#rgb`, `#rrggbb`, `#rrggbbaa`,
 * `rgb()`, `rgba()` or a name).
 *
 * Returns: whether @text is a colour
 */
gboolean
fc_color_parse (const char *text, FcColor *out)
{
  g_autofree char *s = NULL;
  size_t len;

  if (!text)
    return FALSE;
  s = g_ascii_strdown (text, -1);
  g_strstrip (s);
  len = strlen (s);

  if (s[0] == '#' && (len == 4 || len == 5 || len == 7 || len == 9))
    {
      guint d[8];
      size_t n = len - 1;
      gboolean short_form = n <= 4;

      for (size_t i = 0; i < n; i++)
        if (!hex_digit (s[1 + i], &d[i]))
          return FALSE;
      if (short_form)
        {
          out->r = d[0] * 17 / 255.0;
          out->g = d[1] * 17 / 255.0;
          out->b = d[2] * 17 / 255.0;
          out->a = n == 4 ? d[3] * 17 / 255.0 : 1.0;
        }
      else
        {
          out->r = (d[0] * 16 + d[1]) / 255.0;
          out->g = (d[2] * 16 + d[3]) / 255.0;
          out->b = (d[4] * 16 + d[5]) / 255.0;
          out->a = n == 8 ? (d[6] * 16 + d[7]) / 255.0 : 1.0;
        }
      return TRUE;
    }
  if (g_str_has_prefix (s, "rgba("))
    return parse_rgb_function (s + 5, TRUE, out);
  if (g_str_has_prefix (s, "rgb("))
    return parse_rgb_function (s + 4, FALSE, out);
  if (strcmp (s, "transparent") == 0)
    {
      *out = (FcColor){ 0, 0, 0, 0 };
      return TRUE;
    }
  for (size_t i = 0; i < G_N_ELEMENTS (named_colors); i++)
    if (strcmp (s, named_colors[i].name) == 0)
      {
        guint32 rgb = named_colors[i].rgb;

        out->r = ((rgb >> 16) & 0xff) / 255.0;
        out->g = ((rgb >> 8) & 0xff) / 255.0;
        out->b = (rgb & 0xff) / 255.0;
        out->a = 1.0;
        return TRUE;
      }
  return FALSE;
}

/* The one bound of every length (FC_CSS_LENGTH_MAX), whatever its unit
 * and whether it came as text or as a number. */
static gboolean
length_in_range (double v)
{
  return isfinite (v) && fabs (v) <= FC_CSS_LENGTH_MAX;
}

/* One length at *P, advancing past it. */
static gboolean
parse_length_at (const char **p, FcCssLength *out)
{
  double v;
  const char *q;
  FcCssUnit unit;

  if (!parse_number (p, &v))
    return FALSE;
  q = *p;
  if (g_ascii_strncasecmp (q, "rpx", 3) == 0)
    unit = FC_UNIT_RPX, q += 3;
  else if (g_ascii_strncasecmp (q, "px", 2) == 0)
    unit = FC_UNIT_PX, q += 2;
  else if (g_ascii_strncasecmp (q, "vw", 2) == 0)
    unit = FC_UNIT_VW, q += 2;
  else if (g_ascii_strncasecmp (q, "vh", 2) == 0)
    unit = FC_UNIT_VH, q += 2;
  else if (*q == '%')
    unit = FC_UNIT_PERCENT, q += 1;
  else if (*q == '\0' || g_ascii_isspace (*q))
    unit = FC_UNIT_PX; /* a bare number, as a style object's number */
  else
    return FALSE;
  if (*q && !g_ascii_isspace (*q))
    return FALSE;
  if (!length_in_range (v))
    return FALSE;
  *p = q;
  out->value = v;
  out->unit = unit;
  return TRUE;
}

/**
 * fc_css_length_parse:
 * @text: the length
 * @out: (out caller-allocates): the length
 *
 * Parses a length (`12px`, `6rpx`, `16vw`, `10vh`, `50%`, `0`, or a bare
 * number of px), at most %FC_CSS_LENGTH_MAX in magnitude.
 *
 * Returns: whether @text is a length
 */
gboolean
fc_css_length_parse (const char *text, FcCssLength *out)
{
  FcCssLength l;
  const char *p = text;

  if (!text || !parse_length_at (&p, &l))
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (*p)
    return FALSE;
  *out = l;
  return TRUE;
}

/**
 * fc_box_parse:
 * @text: the shorthand
 * @out: (out caller-allocates) (array fixed-size=4): the four sides, in
 *   CSS order
 *
 * Parses a CSS margin or padding shorthand: 1 to 4 lengths.
 *
 * Returns: whether @text is a box
 */
gboolean
fc_box_parse (const char *text, FcCssLength out[4])
{
  FcCssLength v[4];
  const char *p = text;
  int n = 0;

  if (!text)
    return FALSE;
  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      if (!*p)
        break;
      if (n == 4 || !parse_length_at (&p, &v[n]))
        return FALSE;
      n++;
    }
  switch (n)
    {
    case 1:
      out[0] = out[1] = out[2] = out[3] = v[0];
      return TRUE;
    case 2:
      out[0] = out[2] = v[0];
      out[1] = out[3] = v[1];
      return TRUE;
    case 3:
      out[0] = v[0];
      out[1] = out[3] = v[1];
      out[2] = v[2];
      return TRUE;
    case 4:
      memcpy (out, v, sizeof v);
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * fc_font_weight_parse:
 * @text: the weight
 * @out: (out): the weight, 100 to 900
 *
 * Parses a `fontWeight`: `normal`, `bold`, `bolder`, `lighter` or 100 to
 * 900.
 *
 * Returns: whether @text is a weight
 */
gboolean
fc_font_weight_parse (const char *text, int *out)
{
  g_autofree char *s = NULL;
  char *end = NULL;
  long v;

  if (!text)
    return FALSE;
  s = g_strstrip (g_ascii_strdown (text, -1));
  if (strcmp (s, "normal") == 0)
    return *out = 400, TRUE;
  if (strcmp (s, "bold") == 0)
    return *out = 700, TRUE;
  if (strcmp (s, "bolder") == 0)
    return *out = 700, TRUE;
  if (strcmp (s, "lighter") == 0)
    return *out = 300, TRUE;
  v = strtol (s, &end, 10);
  if (end == s || *end || v < 100 || v > 900 || v % 100)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

/**
 * fc_text_align_parse:
 * @text: the alignment
 * @out: (out): the alignment
 *
 * Parses a `textAlign`: `left`, `center` or `right`.
 *
 * Returns: whether @text is an alignment
 */
gboolean
fc_text_align_parse (const char *text, FcTextAlign *out)
{
  if (!text)
    return FALSE;
  if (g_ascii_strcasecmp (text, "left") == 0
      || g_ascii_strcasecmp (text, "start") == 0)
    return *out = FC_TEXT_ALIGN_LEFT, TRUE;
  if (g_ascii_strcasecmp (text, "center") == 0)
    return *out = FC_TEXT_ALIGN_CENTER, TRUE;
  if (g_ascii_strcasecmp (text, "right") == 0
      || g_ascii_strcasecmp (text, "end") == 0)
    return *out = FC_TEXT_ALIGN_RIGHT, TRUE;
  return FALSE;
}

/**
 * fc_css_length_to_px:
 * @length: a length
 * @viewport: the component's size
 * @percent_of: what a percentage is of, in px
 *
 * Resolves a length to pixels in a viewport.
 *
 * Returns: the length in px
 */
double
fc_css_length_to_px (const FcCssLength *length, const FcViewport *viewport,
                 double percent_of)
{
  switch (length->unit)
    {
    case FC_UNIT_RPX:
      return length->value * viewport->width / 750.0;
    case FC_UNIT_VW:
      return length->value * viewport->width / 100.0;
    case FC_UNIT_VH:
      return length->value * viewport->height / 100.0;
    case FC_UNIT_PERCENT:
      return length->value * percent_of / 100.0;
    case FC_UNIT_PX:
    default:
      return length->value;
    }
}

/* ---- reading values --------------------------------------------------- */

/* V without its variant boxes, as a new reference (children of a
 * serialised GVariant are made on demand, so they must be held). */
static GVariant *
unbox (GVariant *v)
{
  if (!v)
    return NULL;
  v = g_variant_ref (v);
  while (g_variant_is_of_type (v, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *inner = g_variant_get_variant (v);

      g_variant_unref (v);
      v = inner;
    }
  return v;
}

static gboolean
as_number (GVariant *v, double *out)
{
  const GVariantType *t = g_variant_get_type (v);

  if (g_variant_type_equal (t, G_VARIANT_TYPE_DOUBLE))
    *out = g_variant_get_double (v);
  else if (g_variant_type_equal (t, G_VARIANT_TYPE_INT64))
    *out = (double) g_variant_get_int64 (v);
  else if (g_variant_type_equal (t, G_VARIANT_TYPE_INT32))
    *out = g_variant_get_int32 (v);
  else if (g_variant_type_equal (t, G_VARIANT_TYPE_UINT32))
    *out = g_variant_get_uint32 (v);
  else if (g_variant_type_equal (t, G_VARIANT_TYPE_UINT64))
    *out = (double) g_variant_get_uint64 (v);
  else
    return FALSE;
  return isfinite (*out);
}

/* The value as text, for messages and for string parsers (numbers as
 * their shortest text). */
static char *
as_text (GVariant *v, gboolean *is_string)
{
  double d;

  *is_string = g_variant_is_of_type (v, G_VARIANT_TYPE_STRING);
  if (*is_string)
    return g_variant_dup_string (v, NULL);
  if (as_number (v, &d))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buf, sizeof buf, d));
    }
  return g_variant_print (v, FALSE);
}

static void
warn (FcStyleWarnFunc func, gpointer data, const char *where, const char *key,
      const char *what, const char *value)
{
  g_autofree char *msg = NULL;

  if (!func)
    return;
  msg = g_strdup_printf ("%s%s%s: %s \"%s\"; using default",
                         where ? where : "", where && *where ? "." : "", key,
                         what, value);
  func (msg, data);
}

static gboolean
read_length (GVariant *v, FcCssLength *out)
{
  double d;
  gboolean is_string;
  g_autofree char *text = NULL;

  if (as_number (v, &d))
    {
      if (!length_in_range (d))
        return FALSE;
      out->value = d;
      out->unit = FC_UNIT_PX;
      return TRUE;
    }
  text = as_text (v, &is_string);
  return is_string && fc_css_length_parse (text, out);
}

/**
 * fc_text_style_init:
 * @style: (out caller-allocates): the style
 *
 * Sets a style to the defaults: white, 32rpx, normal weight, centred, no
 * margin or padding, automatic size.
 */
void
fc_text_style_init (FcTextStyle *style)
{
  memset (style, 0, sizeof *style);
  style->color = (FcColor){ 1, 1, 1, 1 };
  style->font_size = (FcCssLength){ 32, FC_UNIT_RPX };
  style->font_weight = 400;
  style->text_align = FC_TEXT_ALIGN_CENTER;
  for (int i = 0; i < 4; i++)
    style->margin[i] = style->padding[i] = (FcCssLength){ 0, FC_UNIT_PX };
}

/**
 * fc_text_style_inherit:
 * @style: (out caller-allocates): the style of the child
 * @parent: the style of the parent
 *
 * Starts a child's style from the inherited properties of its parent's
 * (color, fontSize, fontWeight, textAlign).
 */
void
fc_text_style_inherit (FcTextStyle *style, const FcTextStyle *parent)
{
  fc_text_style_init (style);
  style->color = parent->color;
  style->font_size = parent->font_size;
  style->font_weight = parent->font_weight;
  style->text_align = parent->text_align;
}

/**
 * fc_text_style_apply:
 * @style: the style to change
 * @dict: the style members (`a{sv}`: color, fontSize, fontWeight, margin, ...)
 * @where: what the members belong to, for messages
 * @warn: (scope call) (nullable): called for each member ignored
 * @user_data: (closure warn): data for @warn
 *
 * Applies the members of @dict that are valid to @style.
 */
void
fc_text_style_apply (FcTextStyle *style, GVariant *boxed, const char *where,
                     FcStyleWarnFunc warn_func, gpointer data)
{
  g_autoptr (GVariant) dict = unbox (boxed);
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (!dict || !g_variant_is_of_type (dict, G_VARIANT_TYPE_VARDICT))
    return;
  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      g_autoptr (GVariant) v = unbox (value);
      gboolean is_string;
      g_autofree char *text = as_text (v, &is_string);
      double d;

      if (strcmp (key, "color") == 0)
        {
          if (is_string && fc_color_parse (text, &style->color))
            style->set |= FC_STYLE_COLOR;
          else
            warn (warn_func, data, where, key, "invalid color", text);
        }
      else if (strcmp (key, "fontSize") == 0)
        {
          FcCssLength l;

          if (read_length (v, &l) && l.value > 0 && l.unit != FC_UNIT_PERCENT)
            style->font_size = l, style->set |= FC_STYLE_FONT_SIZE;
          else
            warn (warn_func, data, where, key, "invalid font size", text);
        }
      else if (strcmp (key, "fontWeight") == 0)
        {
          int w = 0;
          gboolean ok = as_number (v, &d)
                            ? (d >= 100 && d <= 900 && fmod (d, 100) == 0
                               && (w = (int) d))
                            : is_string && fc_font_weight_parse (text, &w);

          if (ok)
            style->font_weight = w, style->set |= FC_STYLE_FONT_WEIGHT;
          else
            warn (warn_func, data, where, key, "invalid font weight", text);
        }
      else if (strcmp (key, "textAlign") == 0)
        {
          if (is_string && fc_text_align_parse (text, &style->text_align))
            style->set |= FC_STYLE_TEXT_ALIGN;
          else
            warn (warn_func, data, where, key, "invalid text alignment",
                  text);
        }
      else if (strcmp (key, "margin") == 0 || strcmp (key, "padding") == 0)
        {
          gboolean margin = key[0] == 'm';
          FcCssLength box[4];
          gboolean ok;

          if (as_number (v, &d))
            {
              box[0] = box[1] = box[2] = box[3] = (FcCssLength){ d, FC_UNIT_PX };
              ok = length_in_range (d);
            }
          else
            ok = is_string && fc_box_parse (text, box);
          if (ok && !margin)
            for (int i = 0; i < 4; i++)
              ok = ok && box[i].value >= 0;
          if (ok)
            {
              memcpy (margin ? style->margin : style->padding, box,
                      sizeof box);
              style->set |= margin ? FC_STYLE_MARGIN : FC_STYLE_PADDING;
            }
          else
            warn (warn_func, data, where, key,
                  margin ? "invalid margin" : "invalid padding", text);
        }
      else if (strcmp (key, "width") == 0 || strcmp (key, "height") == 0)
        {
          gboolean width = key[0] == 'w';
          FcCssLength l;

          if (read_length (v, &l) && l.value >= 0)
            {
              *(width ? &style->width : &style->height) = l;
              style->set |= width ? FC_STYLE_WIDTH : FC_STYLE_HEIGHT;
            }
          else
            warn (warn_func, data, where, key,
                  width ? "invalid width" : "invalid height", text);
        }
      /* other keys (text, audioSrc, ...) belong to the caller */
    }
}

/* ---- buttonStyle ------------------------------------------------------ */

static const struct
{
  const char *key;
  FcButtonField field;
  gsize offset;
} button_keys[] = {
  { "width", FC_BUTTON_WIDTH, G_STRUCT_OFFSET (FcButtonStyle, width) },
  { "height", FC_BUTTON_HEIGHT, G_STRUCT_OFFSET (FcButtonStyle, height) },
  { "left", FC_BUTTON_LEFT, G_STRUCT_OFFSET (FcButtonStyle, left) },
  { "top", FC_BUTTON_TOP, G_STRUCT_OFFSET (FcButtonStyle, top) },
  { "right", FC_BUTTON_RIGHT, G_STRUCT_OFFSET (FcButtonStyle, right) },
  { "bottom", FC_BUTTON_BOTTOM, G_STRUCT_OFFSET (FcButtonStyle, bottom) },
};

/**
 * fc_button_style_init:
 * @style: (out caller-allocates): the style
 *
 * Sets a button style to the defaults: a 16vw round button, centred, 80rpx
 * from the bottom.
 */
void
fc_button_style_init (FcButtonStyle *style)
{
  memset (style, 0, sizeof *style);
  style->width = style->height = (FcCssLength){ 16, FC_UNIT_VW };
  style->bottom = (FcCssLength){ 80, FC_UNIT_RPX };
}

/**
 * fc_button_style_apply:
 * @style: the style to change
 * @dict: the buttonStyle attribute (`a{sv}`: width, height, bottom)
 * @warn: (scope call) (nullable): called for each member ignored
 * @user_data: (closure warn): data for @warn
 *
 * Applies the members of @dict that are valid to @style.
 */
void
fc_button_style_apply (FcButtonStyle *style, GVariant *boxed,
                       FcStyleWarnFunc warn_func, gpointer data)
{
  g_autoptr (GVariant) dict = unbox (boxed);
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (!dict || !g_variant_is_of_type (dict, G_VARIANT_TYPE_VARDICT))
    return;
  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      g_autoptr (GVariant) v = unbox (value);
      gboolean is_string, found = FALSE;
      g_autofree char *text = as_text (v, &is_string);

      for (size_t i = 0; i < G_N_ELEMENTS (button_keys); i++)
        {
          FcCssLength l;

          if (strcmp (key, button_keys[i].key) != 0)
            continue;
          found = TRUE;
          if (read_length (v, &l)
              && (l.value >= 0 || button_keys[i].field > FC_BUTTON_HEIGHT))
            {
              *(FcCssLength *) G_STRUCT_MEMBER_P (style, button_keys[i].offset)
                  = l;
              style->set |= button_keys[i].field;
            }
          else
            warn (warn_func, data, "buttonStyle", key, "invalid length",
                  text);
        }
      if (!found && warn_func)
        {
          g_autofree char *msg = g_strdup_printf (
              "buttonStyle.%s: not supported (only width, height, left, "
              "top, bottom, right); ignored",
              key);

          warn_func (msg, data);
        }
    }
}

/**
 * fc_button_style_layout:
 * @style: a button style
 * @viewport: the size of the component
 * @out: (out caller-allocates): the rectangle
 *
 * The button's rectangle in a viewport: left wins over right and top over
 * bottom, as in CSS.
 */
void
fc_button_style_layout (const FcButtonStyle *style, const FcViewport *vp,
                        FcRect *out)
{
  out->width = fc_css_length_to_px (&style->width, vp, vp->width);
  out->height = fc_css_length_to_px (&style->height, vp, vp->height);
  if (style->set & FC_BUTTON_LEFT)
    out->x = fc_css_length_to_px (&style->left, vp, vp->width);
  else if (style->set & FC_BUTTON_RIGHT)
    out->x = vp->width - out->width
             - fc_css_length_to_px (&style->right, vp, vp->width);
  else
    out->x = (vp->width - out->width) / 2;
  if (style->set & FC_BUTTON_TOP)
    out->y = fc_css_length_to_px (&style->top, vp, vp->height);
  else
    out->y = vp->height - out->height
             - fc_css_length_to_px (&style->bottom, vp, vp->height);
}
