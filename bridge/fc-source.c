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

/* Decodes &amp; &lt; &gt; &quot; &apos; &#NN; &#xNN;. A '&' that starts no
 * entity at all ("a & b") is kept as it is, as browsers and the platform
 * do; "&name;" with an unknown name or a bad number is an error. */
gboolean
fc_decode_entities (const char *s, gsize len, GString *out, gsize *bad_at)
{
  static const struct { const char *name; char c; } named[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  };
  gsize i = 0;

  while (i < len)
    {
      const char *semi;
      gsize n;

      if (s[i] != '&')
        {
          g_string_append_c (out, s[i++]);
          continue;
        }
      semi = memchr (s + i, ';', MIN (len - i, 12));
      if (!semi)
        {
          /* "&name" without ';' is malformed; a lone '&' is text */
          if (i + 1 < len && (g_ascii_isalnum (s[i + 1]) || s[i + 1] == '#'))
            goto bad;
          g_string_append_c (out, s[i++]);
          continue;
        }
      n = semi - (s + i) - 1; /* chars between & and ; */
      if (n >= 2 && s[i + 1] == '#')
        {
          guint64 cp;
          gboolean hex = s[i + 2] == 'x' || s[i + 2] == 'X';
          g_autofree char *num = g_strndup (s + i + (hex ? 3 : 2), n - (hex ? 2 : 1));
          if (!*num || !g_ascii_string_to_unsigned (num, hex ? 16 : 10, 1, 0x10ffff, &cp, NULL)
              || (cp >= 0xd800 && cp <= 0xdfff))
            goto bad;
          g_string_append_unichar (out, (gunichar) cp);
          i += n + 2;
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (named); k++)
        if (strlen (named[k].name) == n && strncmp (s + i + 1, named[k].name, n) == 0)
          {
            g_string_append_c (out, named[k].c);
            i += n + 2;
            goto next;
          }
      goto bad;
    next:;
    }
  return TRUE;

bad:
  if (bad_at)
    *bad_at = i;
  return FALSE;
}
