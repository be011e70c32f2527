/* fc-source.c: helpers on source text shared by the markup parser and the
 * expression parser (positions, entity decoding); it depends on neither. */
#include <string.h>

#include "fc-source-private.h"

/* Moves @line and @col over the first @n bytes of @s (stopping at a NUL):
 * a newline starts the next line at column 1. */
void
fc_advance_position (const char *s, gsize n, int *line, int *col)
{
  for (gsize i = 0; i < n && s[i]; i++)
    {
      if (s[i] == '\n')
        (*line)++, *col = 1;
      else
        (*col)++;
    }
}

/* Decodes entities as glass-easel does: "&name;" with one of HTML's
 * names (fc-entities.c), "&#NN;" and "&#xNN;". A '&' that starts no
 * reference ("a & b", "?a=1&b=2", "&nbsp" without ';', "&1;") is kept as
 * it is; "&name;" with a name HTML lacks and "&#" without digits and ';'
 * are errors (@bad_at: the '&'). "&#0;" is refused too: a C string cannot
 * hold the NUL that glass-easel makes of it. */
gboolean
fc_decode_entities (const char *s, gsize len, GString *out, gsize *bad_at)
{
  gsize i = 0;

  while (i < len)
    {
      gsize j;

      if (s[i] != '&')
        {
          g_string_append_c (out, s[i++]);
          continue;
        }
      j = i + 1;
      if (j < len && s[j] == '#')
        {
          gboolean hex = j + 1 < len && (s[j + 1] == 'x' || s[j + 1] == 'X');
          guint64 cp = 0;
          gsize d;

          j += hex ? 2 : 1;
          for (d = j; d < len && (hex ? g_ascii_isxdigit (s[d]) : g_ascii_isdigit (s[d])); d++)
            {
              cp = cp * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (s[d]) : g_ascii_digit_value (s[d]));
              if (cp > 0x10ffff)
                cp = 0x110000; /* stays out of range however long */
            }
          if (d == j || d >= len || s[d] != ';' || cp == 0 || cp > 0x10ffff
              || (cp >= 0xd800 && cp <= 0xdfff))
            goto bad;
          g_string_append_unichar (out, (gunichar) cp);
          i = d + 1;
          continue;
        }
      if (j < len && g_ascii_isalpha (s[j]))
        {
          const char *text;

          while (j < len && g_ascii_isalnum (s[j]))
            j++;
          if (j < len && s[j] == ';')
            {
              if (!(text = fc_entity_lookup (s + i + 1, j - i - 1)))
                goto bad;
              g_string_append (out, text);
              i = j + 1;
              continue;
            }
        }
      g_string_append_c (out, s[i++]);
    }
  return TRUE;

bad:
  if (bad_at)
    *bad_at = i;
  return FALSE;
}

/* Finds the "}}" that ends a binding whose text starts at @s (just after
 * its "{{"), before @end: one outside string literals and outside the
 * braces of object literals, so that "{{ '}}' }}" and
 * "{{ [{a: {b: s}}] }}" are one binding each, as in glass-easel. Returns
 * NULL when there is none (an unterminated binding or string). */
const char *
fc_find_binding_end (const char *s, const char *end)
{
  int depth = 0;

  for (const char *p = s; p < end; p++)
    {
      if (*p == '\'' || *p == '"')
        {
          char q = *p;
          for (p++; p < end && *p != q; p++)
            if (*p == '\\' && p + 1 < end)
              p++;
          if (p >= end)
            return NULL;
        }
      else if (*p == '{')
        depth++;
      else if (*p == '}' && depth == 0 && p + 1 < end && p[1] == '}')
        return p;
      else if (*p == '}' && depth > 0)
        depth--;
    }
  return NULL;
}
