/* fc-wxs-guard.c: the runaway guard of WXS sources. Debian's Duktape is
 * built without DUK_USE_EXEC_TIMEOUT_CHECK (and without the interrupt
 * counter and the debugger), so nothing inside the engine can stop a loop
 * that allocates nothing. Instead, before compiling, every place a module
 * can run for ever gets a check (FC_WXS_CHECK: a countdown that calls the
 * guard function, FC_WXS_GUARD, every FC_WXS_GUARD_EVERY checks): the
 * condition of each `while`, `do … while` and `for (;;)`, the start of each
 * function body (recursion without loops), and the start of each `catch`
 * and `finally` block (so that a stopped call cannot be caught and carried
 * on). The guard counts and watches the clock (fc-wxs-runtime.c).
 *
 * It also turns ES2015 default parameters into ES5 (see Rewriter).
 *
 * The rewrite is token-level: strings, comments and regular expression
 * literals are copied as they are, and nothing is inserted across a line
 * break, so the engine's line numbers stay those of the source. */
#include <string.h>

#include "fc-bridge-private.h"
#include "fc-wxs-private.h"

typedef enum
{
  T_NONE,
  T_IDENT,
  T_NUMBER,
  T_STRING,
  T_REGEXP,
  T_PUNCT
} TokKind;

typedef struct
{
  const char *src;
  const char *p;
  const char *end;
  GString *out;
  TokKind last;    /* the last significant token, for '/' */
  char last_punct; /* its first character, for T_PUNCT */
  char last_word[16];
  int depth;       /* parentheses */
  GArray *closers; /* per open '(' : what to emit before its ')' (0: nothing, 1:
                      "))") */
  GArray
      *for_semis; /* per open '(' of a for: count of ';' at its level, or -1 */
  int pending; /* 1: the next '(' opens a while/for head; 2: the next '{' opens
                  a guarded block */
  gboolean pending_for;
  int line;
  /* default parameters (ES2015, which real modules use: `function f(a,
   * b = '')`) become ES5: `if (b === undefined) b = ('');` first thing in
   * the body */
  gboolean
      await_params; /* after `function`: the next '(' opens its parameters */
  int params_depth; /* the parameters' parenthesis depth, or -1 */
  gsize default_at; /* where the default being read starts in out, or 0 */
  int default_nest; /* its open brackets and braces */
  char default_name[64];
  GString *defaults; /* the assignments for the body */
  GPtrArray *simple; /* (nullable): fc-wxs-simple.c's functions */
} Rewriter;

enum
{
  PEND_NONE,
  PEND_HEAD,
  PEND_BLOCK
};

static gboolean
is_ident_start (unsigned char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == '$' || c >= 0x80 || c == '\\';
}

static gboolean
is_ident_char (unsigned char c)
{
  return is_ident_start (c) || g_ascii_isdigit (c);
}

/* Whether a '/' here starts a regular expression literal rather than a
 * division, from the token before it. */
static gboolean
slash_is_regexp (const Rewriter *rw)
{
  static const char *const words[]
      = { "return", "typeof", "case",  "in",   "of", "new",
          "delete", "void",   "throw", "else", "do", "instanceof" };
  switch (rw->last)
    {
    case T_NONE:
      return TRUE;
    case T_NUMBER:
    case T_STRING:
    case T_REGEXP:
      return FALSE;
    case T_IDENT:
      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        if (strcmp (rw->last_word, words[i]) == 0)
          return TRUE;
      return FALSE;
    case T_PUNCT:
    default:
      return rw->last_punct != ')' && rw->last_punct != ']';
    }
}

static gboolean
fail (GError **error, const char *filename, int line, const char *msg)
{
  g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_SYNTAX, "%s:%d:1: %s",
               filename, line, msg);
  return FALSE;
}

/* Copies a string, template-less ES5 literal or a regexp literal from
 * rw->p (at its opening quote or slash). */
static gboolean
copy_quoted (Rewriter *rw, char q, const char *filename, GError **error)
{
  const char *s = rw->p;
  gboolean in_class = FALSE;
  rw->p++;
  while (rw->p < rw->end)
    {
      char c = *rw->p;
      if (c == '\\' && rw->p + 1 < rw->end)
        {
          if (rw->p[1] == '\n')
            rw->line++;
          rw->p += 2;
          continue;
        }
      if (c == '\n')
        {
          if (q == '/')
            return fail (error, filename, rw->line,
                         "unterminated regular expression literal");
          return fail (error, filename, rw->line,
                       "unterminated string literal");
        }
      rw->p++;
      if (q == '/' && c == '[')
        in_class = TRUE;
      else if (q == '/' && c == ']')
        in_class = FALSE;
      else if (c == q && !in_class)
        {
          if (q == '/')
            while (rw->p < rw->end && is_ident_char (*rw->p))
              rw->p++; /* flags */
          g_string_append_len (rw->out, s, rw->p - s);
          return TRUE;
        }
    }
  return fail (error, filename, rw->line,
               q == '/' ? "unterminated regular expression literal"
                        : "unterminated string literal");
}

/* Whether the token before @s (in @source) is `{` or `,`: where an object
 * literal's member starts. */
static gboolean
prev_punct_opens_member (const Rewriter *rw, const char *s, const char *source)
{
  const char *q = s;
  while (q > source && g_ascii_isspace (q[-1]))
    q--;
  return q > source && (q[-1] == '{' || q[-1] == ',');
}

/* Whether a member name follows at @p (after blanks): `get` is then an
 * accessor's keyword, not a member named get. */
static gboolean
starts_member_name (const char *p, const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p < end
         && (is_ident_start ((unsigned char)*p) || *p == '"' || *p == '\''
             || g_ascii_isdigit (*p));
}

/* The default just read: out from its start is the expression; it moves
 * to the body's assignments, its line breaks stay where they were. */
static void
end_default (Rewriter *rw)
{
  const char *expr = rw->out->str + rw->default_at;
  guint breaks = 0;
  g_string_append_printf (rw->defaults, "if (%s === undefined) %s = (",
                          rw->default_name, rw->default_name);
  for (const char *q = expr; *q; q++)
    {
      if (*q == '\n')
        breaks++;
      g_string_append_c (rw->defaults, *q == '\n' ? ' ' : *q);
    }
  g_string_append (rw->defaults, ");");
  g_string_truncate (rw->out, rw->default_at);
  while (breaks--)
    g_string_append_c (rw->out, '\n');
  rw->default_at = 0;
  rw->default_nest = 0;
}

/* Whether `function` at @s may be prefixed with `REGISTRY[i]=`: it is an
 * expression where an assignment expression is allowed, by the token
 * before it: `(`, `[`, `,`, `?`, a plain `=`, `return` on the same line, or
 * the `:` after an object literal's member name. */
static gboolean
registrable (const char *source, const char *s)
{
  const char *q = s;
  gboolean newline = FALSE;
  while (q > source && g_ascii_isspace (q[-1]))
    newline |= *--q == '\n';
  if (q == source)
    return FALSE;
  switch (q[-1])
    {
    case '(':
    case '[':
    case ',':
    case '?':
      return TRUE;
    case '=':
      return q - 1 == source || !strchr ("=!<>+-*/%&|^", q[-2]);
    case 'n':
      return !newline && q - source >= 6 && memcmp (q - 6, "return", 6) == 0
             && (q - 6 == source || !is_ident_char ((unsigned char)q[-7]));
    case ':':
      /* `{ name:` or `, name:` ('name', "name", 12 too) */
      q--;
      while (q > source && g_ascii_isspace (q[-1]))
        q--;
      if (q > source && (q[-1] == '"' || q[-1] == '\''))
        {
          char quote = q[-1];
          q--;
          while (q > source && q[-1] != quote)
            if (*--q == '\\' || *q == '\n')
              return FALSE;
          if (q == source)
            return FALSE;
          q--;
        }
      else if (q > source && is_ident_char ((unsigned char)q[-1]))
        while (q > source && is_ident_char ((unsigned char)q[-1]))
          q--;
      else
        return FALSE;
      while (q > source && g_ascii_isspace (q[-1]))
        q--;
      return q > source && (q[-1] == '{' || q[-1] == ',');
    default:
      return FALSE;
    }
}

static void
push_paren (Rewriter *rw, int closer, int semis)
{
  g_array_append_val (rw->closers, closer);
  g_array_append_val (rw->for_semis, semis);
}

/**
 * fc_wxs_guard_source:
 * @source: a module's source (UTF-8)
 * @filename: for messages
 * @first_line: the line of @source's first character in @filename
 * @error: return location for a %FC_WXS_ERROR_SYNTAX error
 *
 * Returns: (transfer full) (nullable): @source with the guard's calls
 *   inserted, or %NULL when it uses what the guard cannot allow (`with`,
 *   the guard's own name) or a literal does not end
 */
char *
fc_wxs_guard_source (const char *source, const char *filename, int first_line,
                     GError **error)
{
  return fc_wxs_guard_source_full (source, filename, first_line, NULL, error);
}

/**
 * fc_wxs_guard_source_full:
 * @source: a module's source (UTF-8)
 * @filename: for messages
 * @first_line: the line of @source's first character in @filename
 * @simple: (nullable) (element-type FcWxsSimple): gets the functions
 *   fc-wxs-simple.c can run, in the order of their registry indices
 * @error: return location for a %FC_WXS_ERROR_SYNTAX error
 *
 * Returns: (transfer full) (nullable): as fc_wxs_guard_source()
 */
char *
fc_wxs_guard_source_full (const char *source, const char *filename,
                          int first_line, GPtrArray *simple, GError **error)
{
  Rewriter rw = { 0 };
  gsize len = strlen (source);

  rw.src = rw.p = source;
  rw.end = source + len;
  rw.out = g_string_sized_new (len + len / 4 + 64);
  rw.closers = g_array_new (FALSE, FALSE, sizeof (int));
  rw.for_semis = g_array_new (FALSE, FALSE, sizeof (int));
  rw.line = first_line;
  rw.params_depth = -1;
  rw.defaults = g_string_new (NULL);
  rw.simple = simple;

  while (rw.p < rw.end)
    {
      unsigned char c = (unsigned char)*rw.p;
      TokKind prev;

      if (c == '\n')
        {
          rw.line++;
          g_string_append_c (rw.out, '\n');
          rw.p++;
          continue;
        }
      if (g_ascii_isspace (c))
        {
          g_string_append_c (rw.out, (char)c);
          rw.p++;
          continue;
        }
      if (c == '/' && rw.p + 1 < rw.end && rw.p[1] == '/')
        {
          const char *e = memchr (rw.p, '\n', rw.end - rw.p);
          if (!e)
            e = rw.end;
          g_string_append_len (rw.out, rw.p, e - rw.p);
          rw.p = e;
          continue;
        }
      if (c == '/' && rw.p + 1 < rw.end && rw.p[1] == '*')
        {
          const char *e = g_strstr_len (rw.p + 2, rw.end - rw.p - 2, "*/");
          if (!e)
            goto unterminated_comment;
          e += 2;
          for (const char *q = rw.p; q < e; q++)
            if (*q == '\n')
              rw.line++;
          g_string_append_len (rw.out, rw.p, e - rw.p);
          rw.p = e;
          continue;
        }
      if (c == '"' || c == '\'' || (c == '/' && slash_is_regexp (&rw)))
        {
          if (!copy_quoted (&rw, (char)c, filename, error))
            goto fail;
          rw.last = c == '/' ? T_REGEXP : T_STRING;
          continue;
        }
      if (c == '`')
        {
          fail (error, filename, rw.line,
                "template literals are not part of WXS (ES5)");
          goto fail;
        }
      if (g_ascii_isdigit (c)
          || (c == '.' && rw.p + 1 < rw.end && g_ascii_isdigit (rw.p[1])))
        {
          const char *s = rw.p;
          while (rw.p < rw.end
                 && (is_ident_char (*rw.p) || *rw.p == '.'
                     || ((*rw.p == '+' || *rw.p == '-')
                         && (rw.p[-1] == 'e' || rw.p[-1] == 'E')
                         && !(s[0] == '0' && (s[1] == 'x' || s[1] == 'X')))))
            rw.p++;
          g_string_append_len (rw.out, s, rw.p - s);
          rw.last = T_NUMBER;
          continue;
        }
      if (is_ident_start (c))
        {
          const char *s = rw.p;
          gsize n;
          while (rw.p < rw.end && is_ident_char (*rw.p))
            rw.p++;
          n = rw.p - s;
          if (rw.simple && n == 8 && memcmp (s, "function", 8) == 0
              && !(s > source && s[-1] == '.') && rw.params_depth < 0
              && !rw.default_at && rw.simple->len < FC_WXS_MAX_SIMPLE
              && registrable (source, s))
            {
              FcWxsSimple *f = fc_wxs_simple_compile (rw.p, rw.end);
              if (f)
                {
                  g_string_append_printf (
                      rw.out, FC_WXS_REGISTRY "[%u]=", rw.simple->len);
                  g_ptr_array_add (rw.simple, f);
                }
            }
          g_string_append_len (rw.out, s, n);
          rw.last = T_IDENT;
          g_strlcpy (rw.last_word, s, MIN (n + 1, sizeof rw.last_word));
          if (n >= sizeof rw.last_word)
            rw.last_word[0] = '\0';
          /* a property name (a.while) is no keyword */
          if (s > source && s[-1] == '.')
            continue;
          if ((n == 5 && memcmp (s, "while", 5) == 0)
              || (n == 3 && memcmp (s, "for", 3) == 0))
            {
              rw.pending = PEND_HEAD;
              rw.pending_for = n == 3;
            }
          else if ((n == 8 && memcmp (s, "function", 8) == 0)
                   || (n == 5 && memcmp (s, "catch", 5) == 0)
                   || (n == 7 && memcmp (s, "finally", 7) == 0))
            {
              rw.pending = PEND_BLOCK;
              rw.await_params = n == 8 && rw.params_depth < 0;
            }
          else if (((n == 3 && memcmp (s, "get", 3) == 0)
                    || (n == 3 && memcmp (s, "set", 3) == 0))
                   && prev_punct_opens_member (&rw, s, source)
                   && starts_member_name (rw.p, rw.end))
            /* an accessor (`get v() {…}`): a body like a function's */
            rw.pending = PEND_BLOCK;
          else if (n == 4 && memcmp (s, "with", 4) == 0)
            {
              fail (error, filename, rw.line, "`with` is not allowed in WXS");
              goto fail;
            }
          else if (n >= strlen (FC_WXS_RESERVED)
                   && memcmp (s, FC_WXS_RESERVED, strlen (FC_WXS_RESERVED))
                          == 0)
            {
              fail (error, filename, rw.line,
                    "names starting with " FC_WXS_RESERVED " are reserved");
              goto fail;
            }
          continue;
        }

      /* punctuation */
      rw.p++;
      prev = rw.last;
      rw.last = T_PUNCT;
      rw.last_punct = (char)c;
      if (c == '=' && rw.depth == rw.params_depth && rw.depth > 0
          && (rw.p >= rw.end || *rw.p != '=') && prev == T_IDENT
          && rw.last_word[0] && !rw.default_at)
        {
          g_strlcpy (rw.default_name, rw.last_word, sizeof rw.default_name);
          rw.default_at = rw.out->len;
          continue;
        }
      if (rw.default_at && (c == '[' || c == '{'))
        rw.default_nest++;
      if (rw.default_at && (c == ']' || c == '}'))
        rw.default_nest--;
      if ((c == ',' || c == ')') && rw.default_at && rw.depth == rw.params_depth
          && rw.default_nest <= 0)
        end_default (&rw);
      if (c == ')' && rw.depth == rw.params_depth)
        rw.params_depth = -1;
      if (c == '(')
        {
          if (rw.await_params)
            {
              rw.await_params = FALSE;
              rw.params_depth = rw.depth + 1;
            }
          if (rw.pending == PEND_HEAD && !rw.pending_for)
            {
              g_string_append (rw.out, "(" FC_WXS_CHECK "&&(");
              push_paren (&rw, 1, -1);
            }
          else if (rw.pending == PEND_HEAD)
            {
              g_string_append_c (rw.out, '(');
              push_paren (&rw, 0, 0);
            }
          else
            {
              g_string_append_c (rw.out, '(');
              push_paren (&rw, 0, -1);
            }
          if (rw.pending == PEND_HEAD)
            rw.pending = PEND_NONE;
          rw.depth++;
          continue;
        }
      if (c == ')')
        {
          if (rw.depth > 0)
            {
              int closer = g_array_index (rw.closers, int, rw.depth - 1);
              int semis = g_array_index (rw.for_semis, int, rw.depth - 1);
              if (closer == 1)
                g_string_append (rw.out, "))");
              else if (semis == 1)
                g_string_append (rw.out,
                                 ")"); /* malformed for: the engine says why */
              else
                g_string_append_c (rw.out, ')');
              rw.depth--;
              g_array_set_size (rw.closers, rw.depth);
              g_array_set_size (rw.for_semis, rw.depth);
            }
          else
            g_string_append_c (rw.out, ')');
          continue;
        }
      if (c == ';' && rw.depth > 0
          && g_array_index (rw.for_semis, int, rw.depth - 1) >= 0)
        {
          int *semis = &g_array_index (rw.for_semis, int, rw.depth - 1);
          (*semis)++;
          if (*semis == 1)
            {
              /* for (init; COND; update): the guard and the condition */
              const char *q = rw.p;
              while (q < rw.end && g_ascii_isspace (*q) && *q != '\n')
                q++;
              if (q < rw.end && *q == ';')
                g_string_append (rw.out, ";" FC_WXS_CHECK);
              else
                {
                  g_string_append (rw.out, ";" FC_WXS_CHECK "&&(");
                  *semis = 10; /* close the parenthesis at the next ';' */
                }
            }
          else if (*semis == 11)
            g_string_append (rw.out, ");");
          else
            g_string_append_c (rw.out, ';');
          continue;
        }
      if (c == '{' && rw.pending == PEND_BLOCK && rw.params_depth < 0
          && !rw.await_params)
        {
          g_string_append (rw.out, "{" FC_WXS_CHECK ";");
          g_string_append (rw.out, rw.defaults->str);
          g_string_truncate (rw.defaults, 0);
          rw.pending = PEND_NONE;
          continue;
        }
      if ((c == '{' || c == ';') && rw.params_depth < 0)
        rw.pending = PEND_NONE;
      g_string_append_c (rw.out, (char)c);
    }

  g_array_unref (rw.closers);
  g_array_unref (rw.for_semis);
  g_string_free (rw.defaults, TRUE);
  return g_string_free (rw.out, FALSE);

unterminated_comment:
  fail (error, filename, rw.line, "unterminated comment");
fail:
  g_array_unref (rw.closers);
  g_array_unref (rw.for_semis);
  g_string_free (rw.defaults, TRUE);
  g_string_free (rw.out, TRUE);
  return NULL;
}
