/* fc-wxs-simple-parse.c: compiles a function literal's source into a
 * simple function (fc-wxs-simple.c says what the subset is and runs it),
 * or says it is not one. Stricter than the language where that is easier
 * (no escapes in strings, decimal numbers only, `;` after each statement):
 * whatever it takes means what the engine makes of the same text. */
#include <string.h>

#include "fc-wxs-simple-private.h"

/* ---- tokens ---- */

typedef enum
{
  K_END,
  K_IDENT,
  K_NUMBER,
  K_STRING,
  K_PUNCT
} KKind;

typedef struct
{
  const char *p, *end;
  KKind kind;
  const char *start; /* the token's text */
  gsize len;
  gboolean newline_before;
  gboolean bad; /* something outside the subset */
  FcWxsSimple *s;
  char names[MAX_LOCALS][64];
} Parser;

static gboolean
ident_start (unsigned char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == '$';
}

static gboolean
ident_char (unsigned char c)
{
  return ident_start (c) || g_ascii_isdigit (c);
}

/* the next token into ps: K_END with ps->bad at anything not in the subset */
static void
next (Parser *ps)
{
  const char *p = ps->p;
  ps->newline_before = FALSE;
  for (;;)
    {
      while (p < ps->end && g_ascii_isspace (*p))
        {
          if (*p == '\n' || *p == '\r')
            ps->newline_before = TRUE;
          p++;
        }
      if (p + 1 < ps->end && p[0] == '/' && p[1] == '/')
        {
          while (p < ps->end && *p != '\n' && *p != '\r')
            p++;
          continue;
        }
      if (p + 1 < ps->end && p[0] == '/' && p[1] == '*')
        {
          const char *e = g_strstr_len (p + 2, ps->end - p - 2, "*/");
          if (!e)
            break;
          for (const char *q = p; q < e; q++)
            if (*q == '\n' || *q == '\r')
              ps->newline_before = TRUE;
          p = e + 2;
          continue;
        }
      break;
    }
  ps->start = p;
  ps->kind = K_END;
  ps->len = 0;
  if (p >= ps->end)
    {
      ps->bad = TRUE;
      return;
    }
  if (ident_start ((unsigned char)*p))
    {
      while (p < ps->end && ident_char ((unsigned char)*p))
        p++;
      /* `\u` escapes and other letters in names: not here */
      if (p < ps->end && ((unsigned char)*p >= 0x80 || *p == '\\'))
        goto bad;
      ps->kind = K_IDENT;
    }
  else if (g_ascii_isdigit (*p)
           || (*p == '.' && p + 1 < ps->end && g_ascii_isdigit (p[1])))
    {
      /* decimal only: no 0x, no legacy octal (a leading 0 before a digit) */
      if (*p == '0' && p + 1 < ps->end
          && (g_ascii_isdigit (p[1]) || ident_char ((unsigned char)p[1]))
          && p[1] != 'e' && p[1] != 'E')
        goto bad;
      while (p < ps->end && g_ascii_isdigit (*p))
        p++;
      if (p < ps->end && *p == '.')
        for (p++; p < ps->end && g_ascii_isdigit (*p); p++)
          ;
      if (p < ps->end && (*p == 'e' || *p == 'E'))
        {
          p++;
          if (p < ps->end && (*p == '+' || *p == '-'))
            p++;
          if (p >= ps->end || !g_ascii_isdigit (*p))
            goto bad;
          while (p < ps->end && g_ascii_isdigit (*p))
            p++;
        }
      if (p < ps->end
          && (ident_char ((unsigned char)*p) || *p == '.'
              || (unsigned char)*p >= 0x80 || *p == '\\'))
        goto bad;
      ps->kind = K_NUMBER;
    }
  else if (*p == '"' || *p == '\'')
    {
      char quote = *p++;
      /* no escapes, no line breaks: the text is the value */
      while (p < ps->end && *p != quote)
        {
          if (*p == '\\' || *p == '\n' || *p == '\r')
            goto bad;
          p++;
        }
      if (p >= ps->end)
        goto bad;
      p++;
      if (!g_utf8_validate (ps->start + 1, p - ps->start - 2, NULL))
        goto bad;
      /* characters beyond the BMP: the engine keeps them as surrogates */
      for (const char *q = ps->start; q < p; q++)
        if ((unsigned char)*q >= 0xf0)
          goto bad;
      /* U+2028/U+2029 end a line in ES5 source */
      if (g_strstr_len (ps->start, p - ps->start, "\xe2\x80\xa8")
          || g_strstr_len (ps->start, p - ps->start, "\xe2\x80\xa9"))
        goto bad;
      ps->kind = K_STRING;
    }
  else
    {
      static const char *const puncts[]
          = { "===", "!==", "<=", ">=", "(", ")", "{", "}", ",", ";", "=",
              "+",   "-",   "*",  "/",  "%", "!", "?", ":", ".", "<", ">" };
      for (guint i = 0; i < G_N_ELEMENTS (puncts); i++)
        {
          gsize n = strlen (puncts[i]);
          if ((gsize)(ps->end - p) >= n && memcmp (p, puncts[i], n) == 0)
            {
              p += n;
              ps->kind = K_PUNCT;
              break;
            }
        }
      if (ps->kind != K_PUNCT)
        goto bad;
      /* where the language's longest punctuator is longer than this one
       * (`==`, `!=`, `++`, `+=`, `<<`, `=>`, `...`, …): not here */
      if (p < ps->end && p - ps->start == 1)
        {
          char c = *p;
          switch (ps->start[0])
            {
            case '=':
              if (c == '=' || c == '>')
                goto bad;
              break;
            case '!':
            case '/':
            case '%':
              if (c == '=')
                goto bad;
              break;
            case '*':
              if (c == '=' || c == '*')
                goto bad;
              break;
            case '+':
            case '-':
              if (c == '=' || c == ps->start[0])
                goto bad;
              break;
            case '<':
            case '>':
              if (c == ps->start[0])
                goto bad;
              break;
            case '.':
            case '?':
              if (c == '.' || c == '?')
                goto bad;
              break;
            default:
              break;
            }
        }
    }
  ps->len = p - ps->start;
  ps->p = p;
  return;
bad:
  ps->bad = TRUE;
  ps->kind = K_END;
  ps->p = ps->end;
}

static gboolean
is (const Parser *ps, const char *punct)
{
  return ps->kind == K_PUNCT && ps->len == strlen (punct)
         && memcmp (ps->start, punct, ps->len) == 0;
}

static gboolean
is_word (const Parser *ps, const char *word)
{
  return ps->kind == K_IDENT && ps->len == strlen (word)
         && memcmp (ps->start, word, ps->len) == 0;
}

static gboolean
expect (Parser *ps, const char *punct)
{
  if (!is (ps, punct))
    {
      ps->bad = TRUE;
      return FALSE;
    }
  next (ps);
  return TRUE;
}

/* ---- expressions ---- */

static SNode *
node (Parser *ps, SKind kind, SNode *a, SNode *b)
{
  SNode *n;
  if (ps->s->nodes->len >= MAX_NODES)
    {
      ps->bad = TRUE;
      return NULL;
    }
  n = g_new0 (SNode, 1);
  n->kind = kind;
  n->a = a;
  n->b = b;
  g_ptr_array_add (ps->s->nodes, n);
  return n;
}

static int
local_index (const Parser *ps, const char *name, gsize len)
{
  for (guint i = 0; i < ps->s->n_locals; i++)
    if (strlen (ps->names[i]) == len && memcmp (ps->names[i], name, len) == 0)
      return (int)i;
  return -1;
}

static SNode *expression (Parser *ps, int depth);

static SNode *
primary (Parser *ps, int depth)
{
  SNode *n = NULL;
  if (ps->bad)
    return NULL;
  if (ps->kind == K_NUMBER)
    {
      g_autofree char *text = g_strndup (ps->start, ps->len);
      n = node (ps, S_CONST, NULL, NULL);
      if (n)
        n->value = fc_value_new_number (g_ascii_strtod (text, NULL));
    }
  else if (ps->kind == K_STRING)
    {
      n = node (ps, S_CONST, NULL, NULL);
      if (n)
        n->value
            = fc_value_new_string_take (g_strndup (ps->start + 1, ps->len - 2));
    }
  else if (is_word (ps, "true") || is_word (ps, "false"))
    {
      n = node (ps, S_CONST, NULL, NULL);
      if (n)
        n->value = fc_value_new_boolean (is_word (ps, "true"));
    }
  else if (is_word (ps, "null"))
    {
      n = node (ps, S_CONST, NULL, NULL);
      if (n)
        n->value = fc_value_new_null ();
    }
  else if (ps->kind == K_IDENT)
    {
      /* a parameter, or a variable whose declaration came before */
      int i = local_index (ps, ps->start, ps->len);
      if (i < 0 || (guint)i >= ps->s->n_locals)
        {
          ps->bad = TRUE;
          return NULL;
        }
      n = node (ps, S_LOCAL, NULL, NULL);
      if (n)
        n->local = (guint)i;
    }
  else if (is (ps, "("))
    {
      next (ps);
      n = expression (ps, depth + 1);
      if (!expect (ps, ")"))
        return NULL;
      return n;
    }
  else
    {
      ps->bad = TRUE;
      return NULL;
    }
  next (ps);
  return n;
}

static SNode *
postfix (Parser *ps, int depth)
{
  SNode *n = primary (ps, depth);
  while (n && !ps->bad && is (ps, "."))
    {
      SNode *digits = NULL;
      next (ps);
      if (!is_word (ps, "toFixed"))
        {
          ps->bad = TRUE;
          return NULL;
        }
      next (ps);
      if (!expect (ps, "("))
        return NULL;
      if (!is (ps, ")"))
        digits = expression (ps, depth + 1);
      if (!expect (ps, ")"))
        return NULL;
      n = node (ps, S_TO_FIXED, n, digits);
    }
  return ps->bad ? NULL : n;
}

static SNode *
unary (Parser *ps, int depth)
{
  SKind kind;
  if (depth > 64)
    {
      ps->bad = TRUE;
      return NULL;
    }
  if (is (ps, "-"))
    kind = S_NEG;
  else if (is (ps, "+"))
    kind = S_PLUS;
  else if (is (ps, "!"))
    kind = S_NOT;
  else
    return postfix (ps, depth);
  next (ps);
  {
    SNode *a = unary (ps, depth + 1);
    return a ? node (ps, kind, a, NULL) : NULL;
  }
}

typedef struct
{
  const char *op;
  SKind kind;
} BinOp;

static const BinOp mul_ops[]
    = { { "*", S_MUL }, { "/", S_DIV }, { "%", S_MOD }, { NULL, 0 } };
static const BinOp add_ops[] = { { "+", S_ADD }, { "-", S_SUB }, { NULL, 0 } };
static const BinOp rel_ops[] = {
  { "<=", S_LE }, { ">=", S_GE }, { "<", S_LT }, { ">", S_GT }, { NULL, 0 }
};
static const BinOp eq_ops[]
    = { { "===", S_SEQ }, { "!==", S_SNE }, { NULL, 0 } };
static const BinOp *const levels[] = { eq_ops, rel_ops, add_ops, mul_ops };

/* left-associative binary operators from levels[level] down */
static SNode *
binary (Parser *ps, guint level, int depth)
{
  SNode *n;
  if (level == G_N_ELEMENTS (levels))
    return unary (ps, depth);
  n = binary (ps, level + 1, depth);
  while (n && !ps->bad)
    {
      const BinOp *op = levels[level];
      while (op->op && !is (ps, op->op))
        op++;
      if (!op->op)
        break;
      next (ps);
      {
        SNode *b = binary (ps, level + 1, depth);
        n = b ? node (ps, op->kind, n, b) : NULL;
      }
    }
  return ps->bad ? NULL : n;
}

static SNode *
expression (Parser *ps, int depth)
{
  SNode *n;
  if (depth > 64)
    {
      ps->bad = TRUE;
      return NULL;
    }
  n = binary (ps, 0, depth);
  if (n && !ps->bad && is (ps, "?"))
    {
      SNode *b, *c;
      next (ps);
      b = expression (ps, depth + 1);
      if (!b || !expect (ps, ":"))
        return NULL;
      c = expression (ps, depth + 1);
      if (!c)
        return NULL;
      n = node (ps, S_COND, n, b);
      if (n)
        n->c = c;
    }
  return ps->bad ? NULL : n;
}

/* ---- functions ---- */

static gboolean
add_name (Parser *ps)
{
  static const char *const words[] = {
    "break",     "case",    "catch",      "continue",  "debugger", "default",
    "delete",    "do",      "else",       "finally",   "for",      "function",
    "if",        "in",      "instanceof", "new",       "return",   "switch",
    "this",      "throw",   "try",        "typeof",    "var",      "void",
    "while",     "with",    "class",      "const",     "enum",     "export",
    "extends",   "import",  "super",      "true",      "false",    "null",
    "arguments", "eval",    "let",        "yield",     "static",   "implements",
    "interface", "package", "private",    "protected", "public"
  };
  if (ps->kind != K_IDENT || ps->len >= sizeof ps->names[0]
      || ps->s->n_locals >= MAX_LOCALS
      || local_index (ps, ps->start, ps->len) >= 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (is_word (ps, words[i]))
      return FALSE;
  memcpy (ps->names[ps->s->n_locals], ps->start, ps->len);
  ps->names[ps->s->n_locals][ps->len] = '\0';
  ps->s->n_locals++;
  return TRUE;
}

/**
 * fc_wxs_simple_compile:
 * @p: a function literal's source after its `function` keyword: `(params)
 *   { body }` (an anonymous one)
 * @end: the end of the module's source
 *
 * Returns: (transfer full) (nullable): the function, or %NULL when it is
 *   not in the subset
 */
FcWxsSimple *
fc_wxs_simple_compile (const char *p, const char *end)
{
  Parser ps = { 0 };
  FcWxsSimple *s = g_new0 (FcWxsSimple, 1);

  s->nodes = g_ptr_array_new ();
  ps.s = s;
  ps.p = p;
  ps.end = end;
  next (&ps);
  if (!expect (&ps, "("))
    goto bad;
  if (!is (&ps, ")"))
    for (;;)
      {
        if (!add_name (&ps))
          goto bad;
        next (&ps);
        if (is (&ps, ")"))
          break;
        if (!expect (&ps, ","))
          goto bad;
      }
  s->n_params = s->n_locals;
  next (&ps);
  if (!expect (&ps, "{"))
    goto bad;
  while (is_word (&ps, "var"))
    {
      next (&ps);
      for (;;)
        {
          guint slot = s->n_locals;
          SNode *init;
          /* the name is declared once its initialiser is read: `var a =
           * a` would read the hoisted variable, which is not here */
          if (ps.kind != K_IDENT)
            goto bad;
          {
            Parser save = ps;
            if (!add_name (&ps))
              goto bad;
            s->n_locals--;
            next (&ps);
            if (!expect (&ps, "="))
              goto bad;
            if (!(init = expression (&ps, 0)))
              goto bad;
            memcpy (ps.names[slot], save.start, save.len);
            ps.names[slot][save.len] = '\0';
            s->n_locals = slot + 1;
            s->init[slot] = init;
          }
          if (is (&ps, ";"))
            break;
          if (!expect (&ps, ","))
            goto bad;
        }
      next (&ps);
    }
  if (!is_word (&ps, "return"))
    goto bad;
  next (&ps);
  /* `return` and a line break: the language ends the statement there */
  if (ps.newline_before || !(s->ret = expression (&ps, 0)))
    goto bad;
  if (is (&ps, ";"))
    next (&ps);
  if (ps.bad || !is (&ps, "}"))
    goto bad;
  return s;
bad:
  fc_wxs_simple_free (s);
  return NULL;
}
