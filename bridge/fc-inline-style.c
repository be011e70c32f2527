/* fc-inline-style.c: the small part of inline `style` that built-in elements
 * honour (no CSS engine): declarations and lengths. */
#include <string.h>

#include "fc-bridge-private.h"

/**
 * fc_length_parse:
 * @text: e.g. `100vw`, `16px`, `80rpx`, `50%`, `0`, `auto`
 * @length: (out): the length
 *
 * Parses one length of a `style` attribute.
 *
 * Returns: whether @text is a length
 */
gboolean
fc_length_parse (const char *text, FcLength *length)
{
  static const struct { const char *suffix; FcLengthUnit unit; } units[] = {
    { "rpx", FC_LENGTH_RPX }, { "px", FC_LENGTH_PX }, { "vw", FC_LENGTH_VW },
    { "vh", FC_LENGTH_VH }, { "%", FC_LENGTH_PERCENT },
  };
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  char *end;
  double v;

  g_return_val_if_fail (length != NULL, FALSE);
  if (strcmp (t, "auto") == 0)
    {
      *length = (FcLength) { 0, FC_LENGTH_AUTO };
      return TRUE;
    }
  if (!*t || (!g_ascii_isdigit (t[0]) && t[0] != '.' && t[0] != '-' && t[0] != '+'))
    return FALSE;
  v = g_ascii_strtod (t, &end);
  if (end == t)
    return FALSE;
  if (*end == '\0')
    {
      /* a unitless length is only valid as 0 */
      if (v != 0)
        return FALSE;
      *length = (FcLength) { 0, FC_LENGTH_PX };
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (end, units[i].suffix) == 0)
      {
        *length = (FcLength) { v, units[i].unit };
        return TRUE;
      }
  return FALSE;
}

/**
 * fc_length_resolve:
 * @length: a length
 * @page_width: the page's width in px
 * @page_height: the page's height in px
 * @parent_size: the parent's size along the same axis, for %
 *
 * Resolves a length to pixels as a view lays an element out.
 *
 * Returns: the length in px, or -1 for auto
 */
double
fc_length_resolve (const FcLength *length, double page_width, double page_height, double parent_size)
{
  switch (length->unit)
    {
    case FC_LENGTH_PX: return length->value;
    case FC_LENGTH_RPX: return length->value * page_width / 750.0;
    case FC_LENGTH_VW: return length->value * page_width / 100.0;
    case FC_LENGTH_VH: return length->value * page_height / 100.0;
    case FC_LENGTH_PERCENT: return length->value * parent_size / 100.0;
    case FC_LENGTH_AUTO:
    default: return -1;
    }
}

/**
 * fc_style_parse:
 * @style: (nullable): an inline style, `width: 100vw;height: 100vh;`
 *
 * Parses the declarations of an inline `style` into an object of property
 * name and value text, as views read them.
 *
 * Returns: (transfer full): an object of property → value text (names in
 *   lower case; a later declaration wins; malformed ones are skipped)
 */
FcValue *
fc_style_parse (const char *style)
{
  FcValue *o = fc_value_new_object ();
  g_auto (GStrv) decls = g_strsplit (style ? style : "", ";", -1);

  for (guint i = 0; decls[i]; i++)
    {
      char *colon = strchr (decls[i], ':');
      g_autofree char *raw = NULL;
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      if (!colon)
        continue;
      raw = g_strndup (decls[i], colon - decls[i]);
      name = g_ascii_strdown (g_strstrip (raw), -1);
      value = g_strstrip (g_strdup (colon + 1));
      if (!*name || !*value)
        continue;
      fc_value_object_set (o, name, fc_value_new_string (value));
    }
  return o;
}

/**
 * fc_style_get_length:
 * @style: an object from fc_style_parse()
 * @name: a property, e.g. `width`
 * @length: (out): its length
 *
 * Reads one length property of a parsed `style`.
 *
 * Returns: whether @style gives @name as a valid length
 */
gboolean
fc_style_get_length (FcValue *style, const char *name, FcLength *length)
{
  FcValue *v = fc_value_object_get (style, name);
  return v && fc_value_get_kind (v) == FC_VALUE_STRING && fc_length_parse (fc_value_get_string (v), length);
}
