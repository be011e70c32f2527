/* fc-keyboard-color.c: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(), rgba() and
 * the CSS colour names, case-insensitive, surrounding blanks ignored. The
 * core validates themeColor with this, so it needs no display. */

#include "fc-keyboard-color.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  const char *name;
  guint32 rgb;
} NamedColor;

/* CSS Color Module Level 4, section 6.1, sorted for bsearch. */
static const NamedColor named_colors[] = {
  { "aliceblue", 0xf0f8ff },
  { "antiquewhite", 0xfaebd7 },
  { "aqua", 0x00ffff },
  { "aquamarine", 0x7fffd4 },
  { "azure", 0xf0ffff },
  { "beige", 0xf5f5dc },
  { "bisque", 0xffe4c4 },
  { "black", 0x000000 },
  { "blanchedalmond", 0xffebcd },
  { "blue", 0x0000ff },
  { "blueviolet", 0x8a2be2 },
  { "brown", 0xa52a2a },
  { "burlywood", 0xdeb887 },
  { "cadetblue", 0x5f9ea0 },
  { "chartreuse", 0x7fff00 },
  { "chocolate", 0xd2691e },
  { "coral", 0xff7f50 },
  { "cornflowerblue", 0x6495ed },
  { "cornsilk", 0xfff8dc },
  { "crimson", 0xdc143c },
  { "cyan", 0x00ffff },
  { "darkblue", 0x00008b },
  { "darkcyan", 0x008b8b },
  { "darkgoldenrod", 0xb8860b },
  { "darkgray", 0xa9a9a9 },
  { "darkgreen", 0x006400 },
  { "darkgrey", 0xa9a9a9 },
  { "darkkhaki", 0xbdb76b },
  { "darkmagenta", 0x8b008b },
  { "darkolivegreen", 0x556b2f },
  { "darkorange", 0xff8c00 },
  { "darkorchid", 0x9932cc },
  { "darkred", 0x8b0000 },
  { "darksalmon", 0xe9967a },
  { "darkseagreen", 0x8fbc8f },
  { "darkslateblue", 0x483d8b },
  { "darkslategray", 0x2f4f4f },
  { "darkslategrey", 0x2f4f4f },
  { "darkturquoise", 0x00ced1 },
  { "darkviolet", 0x9400d3 },
  { "deeppink", 0xff1493 },
  { "deepskyblue", 0x00bfff },
  { "dimgray", 0x696969 },
  { "dimgrey", 0x696969 },
  { "dodgerblue", 0x1e90ff },
  { "firebrick", 0xb22222 },
  { "floralwhite", 0xfffaf0 },
  { "forestgreen", 0x228b22 },
  { "fuchsia", 0xff00ff },
  { "gainsboro", 0xdcdcdc },
  { "ghostwhite", 0xf8f8ff },
  { "gold", 0xffd700 },
  { "goldenrod", 0xdaa520 },
  { "gray", 0x808080 },
  { "green", 0x008000 },
  { "greenyellow", 0xadff2f },
  { "grey", 0x808080 },
  { "honeydew", 0xf0fff0 },
  { "hotpink", 0xff69b4 },
  { "indianred", 0xcd5c5c },
  { "indigo", 0x4b0082 },
  { "ivory", 0xfffff0 },
  { "khaki", 0xf0e68c },
  { "lavender", 0xe6e6fa },
  { "lavenderblush", 0xfff0f5 },
  { "lawngreen", 0x7cfc00 },
  { "lemonchiffon", 0xfffacd },
  { "lightblue", 0xadd8e6 },
  { "lightcoral", 0xf08080 },
  { "lightcyan", 0xe0ffff },
  { "lightgoldenrodyellow", 0xfafad2 },
  { "lightgray", 0xd3d3d3 },
  { "lightgreen", 0x90ee90 },
  { "lightgrey", 0xd3d3d3 },
  { "lightpink", 0xffb6c1 },
  { "lightsalmon", 0xffa07a },
  { "lightseagreen", 0x20b2aa },
  { "lightskyblue", 0x87cefa },
  { "lightslategray", 0x778899 },
  { "lightslategrey", 0x778899 },
  { "lightsteelblue", 0xb0c4de },
  { "lightyellow", 0xffffe0 },
  { "lime", 0x00ff00 },
  { "limegreen", 0x32cd32 },
  { "linen", 0xfaf0e6 },
  { "magenta", 0xff00ff },
  { "maroon", 0x800000 },
  { "mediumaquamarine", 0x66cdaa },
  { "mediumblue", 0x0000cd },
  { "mediumorchid", 0xba55d3 },
  { "mediumpurple", 0x9370db },
  { "mediumseagreen", 0x3cb371 },
  { "mediumslateblue", 0x7b68ee },
  { "mediumspringgreen", 0x00fa9a },
  { "mediumturquoise", 0x48d1cc },
  { "mediumvioletred", 0xc71585 },
  { "midnightblue", 0x191970 },
  { "mintcream", 0xf5fffa },
  { "mistyrose", 0xffe4e1 },
  { "moccasin", 0xffe4b5 },
  { "navajowhite", 0xffdead },
  { "navy", 0x000080 },
  { "oldlace", 0xfdf5e6 },
  { "olive", 0x808000 },
  { "olivedrab", 0x6b8e23 },
  { "orange", 0xffa500 },
  { "orangered", 0xff4500 },
  { "orchid", 0xda70d6 },
  { "palegoldenrod", 0xeee8aa },
  { "palegreen", 0x98fb98 },
  { "paleturquoise", 0xafeeee },
  { "palevioletred", 0xdb7093 },
  { "papayawhip", 0xffefd5 },
  { "peachpuff", 0xffdab9 },
  { "peru", 0xcd853f },
  { "pink", 0xffc0cb },
  { "plum", 0xdda0dd },
  { "powderblue", 0xb0e0e6 },
  { "purple", 0x800080 },
  { "rebeccapurple", 0x663399 },
  { "red", 0xff0000 },
  { "rosybrown", 0xbc8f8f },
  { "royalblue", 0x4169e1 },
  { "saddlebrown", 0x8b4513 },
  { "salmon", 0xfa8072 },
  { "sandybrown", 0xf4a460 },
  { "seagreen", 0x2e8b57 },
  { "seashell", 0xfff5ee },
  { "sienna", 0xa0522d },
  { "silver", 0xc0c0c0 },
  { "skyblue", 0x87ceeb },
  { "slateblue", 0x6a5acd },
  { "slategray", 0x708090 },
  { "slategrey", 0x708090 },
  { "snow", 0xfffafa },
  { "springgreen", 0x00ff7f },
  { "steelblue", 0x4682b4 },
  { "tan", 0xd2b48c },
  { "teal", 0x008080 },
  { "thistle", 0xd8bfd8 },
  { "tomato", 0xff6347 },
  { "turquoise", 0x40e0d0 },
  { "violet", 0xee82ee },
  { "wheat", 0xf5deb3 },
  { "white", 0xffffff },
  { "whitesmoke", 0xf5f5f5 },
  { "yellow", 0xffff00 },
  { "yellowgreen", 0x9acd32 },
};

static int
compare_name (const void *key, const void *elem)
{
  return strcmp (key, ((const NamedColor *)elem)->name);
}

static void
set_rgb (FcKeyboardColor *color, guint32 rgb, double alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.;
  color->green = ((rgb >> 8) & 0xff) / 255.;
  color->blue = (rgb & 0xff) / 255.;
  color->alpha = alpha;
}

static gboolean
parse_hex (const char *s, gsize len, FcKeyboardColor *color)
{
  guint v[8] = { 0 };

  if (len != 3 && len != 4 && len != 6 && len != 8)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      int d = g_ascii_xdigit_value (s[i]);

      if (d < 0)
        return FALSE;
      v[i] = d;
    }
  if (len <= 4)
    {
      color->red = v[0] * 17 / 255.;
      color->green = v[1] * 17 / 255.;
      color->blue = v[2] * 17 / 255.;
      color->alpha = len == 4 ? v[3] * 17 / 255. : 1.;
    }
  else
    {
      color->red = (v[0] * 16 + v[1]) / 255.;
      color->green = (v[2] * 16 + v[3]) / 255.;
      color->blue = (v[4] * 16 + v[5]) / 255.;
      color->alpha = len == 8 ? (v[6] * 16 + v[7]) / 255. : 1.;
    }
  return TRUE;
}

static const char *
skip_blanks (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

/* One number, optionally a percentage: a channel (0..255 or 0..100%) when
 * @scale is 255, the alpha (0..1 or 0..100%) when @scale is 1. Out of range
 * values are clamped, as CSS does. */
static gboolean
parse_component (const char **pp, double scale, double *out)
{
  const char *p = skip_blanks (*pp);
  char *end;
  double v;

  if (!(g_ascii_isdigit (*p) || *p == '.' || *p == '-' || *p == '+'))
    return FALSE;
  v = g_ascii_strtod (p, &end);
  if (end == p || !isfinite (v))
    return FALSE;
  p = end;
  if (*p == '%')
    {
      v = v / 100.;
      p++;
    }
  else
    v = v / scale;
  *out = CLAMP (v, 0., 1.);
  *pp = skip_blanks (p);
  return TRUE;
}

static gboolean
parse_function (const char *p, gboolean has_alpha, FcKeyboardColor *color)
{
  double c[4] = { 0, 0, 0, 1 };
  int n = has_alpha ? 4 : 3;

  p = skip_blanks (p);
  if (*p++ != '(')
    return FALSE;
  for (int i = 0; i < n; i++)
    {
      if (!parse_component (&p, i == 3 ? 1. : 255., &c[i]))
        return FALSE;
      if (i < n - 1 && *p++ != ',')
        return FALSE;
    }
  if (*p++ != ')')
    return FALSE;
  if (*skip_blanks (p) != '\0')
    return FALSE;
  color->red = c[0];
  color->green = c[1];
  color->blue = c[2];
  color->alpha = c[3];
  return TRUE;
}

/**
 * fc_keyboard_color_parse:
 * @spec: the text of a themeColor
 * @color: (out) (optional): where the colour goes
 *
 * Parses a `themeColor` value (`#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb()`,
 * `rgba()` or a colour name) without GTK.
 *
 * Returns: %TRUE if @spec is a colour; @color is untouched otherwise.
 */
gboolean
fc_keyboard_color_parse (const char *spec, FcKeyboardColor *color)
{
  g_autofree char *lower = NULL;
  FcKeyboardColor tmp;
  const char *p;
  gsize len;
  gboolean ok = FALSE;

  if (spec == NULL)
    return FALSE;
  p = skip_blanks (spec);
  len = strlen (p);
  while (len > 0 && g_ascii_isspace (p[len - 1]))
    len--;
  if (len == 0 || len > 64)
    return FALSE;
  lower = g_ascii_strdown (p, len);

  if (lower[0] == '#')
    ok = parse_hex (lower + 1, len - 1, &tmp);
  else if (g_str_has_prefix (lower, "rgba"))
    ok = parse_function (lower + 4, TRUE, &tmp);
  else if (g_str_has_prefix (lower, "rgb"))
    ok = parse_function (lower + 3, FALSE, &tmp);
  else if (strcmp (lower, "transparent") == 0)
    {
      set_rgb (&tmp, 0, 0.);
      ok = TRUE;
    }
  else
    {
      const NamedColor *named
          = bsearch (lower, named_colors, G_N_ELEMENTS (named_colors),
                     sizeof named_colors[0], compare_name);
      if (named)
        {
          set_rgb (&tmp, named->rgb, 1.);
          ok = TRUE;
        }
    }

  if (ok && color)
    *color = tmp;
  return ok;
}

/**
 * fc_keyboard_color_to_string:
 * @color: a colour
 *
 * Writes a colour back in CSS syntax, for messages and tests.
 *
 * Returns: (transfer full): `rgba(R,G,B,A)`, valid CSS whatever the input.
 */
char *
fc_keyboard_color_to_string (const FcKeyboardColor *color)
{
  char alpha[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (color != NULL, NULL);
  g_ascii_formatd (alpha, sizeof alpha, "%.3f", CLAMP (color->alpha, 0., 1.));
  return g_strdup_printf (
      "rgba(%d,%d,%d,%s)", (int)lround (CLAMP (color->red, 0., 1.) * 255),
      (int)lround (CLAMP (color->green, 0., 1.) * 255),
      (int)lround (CLAMP (color->blue, 0., 1.) * 255), alpha);
}
