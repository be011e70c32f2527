/* fc-expr.c: `{{ }}` expressions: tokenizer, recursive-descent parser to an
 * AST (fc-expr-private.h), dependency paths. Evaluation is fc-expr-eval.c,
 * templates (text with bindings) fc-template.c. */
#include <math.h>
#include <string.h>

#include "fc-bridge-private.h"
#include "fc-expr-private.h"

static void
node_free (Node *n)
{
  if (!n)
    return;
  g_clear_pointer (&n->literal, fc_value_unref);
  g_free (n->name);
  node_free (n->a);
  node_free (n->b);
  node_free (n->c);
  if (n->items)
    g_ptr_array_unref (n->items);
  g_free (n);
}

static Node *
node_new (NodeKind kind)
{
  Node *n = g_new0 (Node, 1);
  n->kind = kind;
  return n;
}

/* ---- tokenizer / parser ---- */

/* Deep enough for any page; shallow enough that hostile input cannot
 * exhaust the stack of the recursive parser and evaluator. */
#define MAX_DEPTH 128
#define MAX_LENGTH 8192

typedef struct {
  const char *text;
  const char *p;
  const char *err_at;
  char *err_msg;
  int depth;
} Parser;

static void
skip_ws (Parser *ps)
{
  while (g_ascii_isspace (*ps->p))
    ps->p++;
}

static gboolean
fail (Parser *ps, const char *at, const char *msg)
{
  if (!ps->err_msg)
    {
      ps->err_at = at;
      ps->err_msg = g_strdup (msg);
    }
  return FALSE;
}

static gboolean
accept (Parser *ps, const char *tok)
{
  gsize n = strlen (tok);
  skip_ws (ps);
  if (strncmp (ps->p, tok, n) != 0)
    return FALSE;
  /* don't take "=" of "==", "!" of "!=", "&" alone, etc. */
  ps->p += n;
  return TRUE;
}

static gboolean
is_ident_start (char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == '$' || (unsigned char) c >= 0x80;
}

static gboolean
is_ident_char (char c)
{
  return is_ident_start (c) || g_ascii_isdigit (c);
}

static char *
parse_ident (Parser *ps)
{
  const char *s;
  skip_ws (ps);
  if (!is_ident_start (*ps->p))
    return NULL;
  s = ps->p;
  while (is_ident_char (*ps->p))
    ps->p++;
  return g_strndup (s, ps->p - s);
}

static Node *parse_cond (Parser *ps);

static Node *
parse_string (Parser *ps)
{
  char q = *ps->p;
  const char *start = ps->p;
  GString *s = g_string_new (NULL);
  Node *n;

  ps->p++;
  while (*ps->p && *ps->p != q)
    {
      if (*ps->p == '\\')
        {
          ps->p++;
          switch (*ps->p)
            {
            case 'n': g_string_append_c (s, '\n'); break;
            case 't': g_string_append_c (s, '\t'); break;
            case 'r': g_string_append_c (s, '\r'); break;
            case 'b': g_string_append_c (s, '\b'); break;
            case 'f': g_string_append_c (s, '\f'); break;
            case 'v': g_string_append_c (s, '\v'); break;
            case '0': g_string_append_c (s, '\0'); break;
            case 'u':
              {
                guint64 cp;
                char hex[5] = { 0 };
                if (strlen (ps->p + 1) < 4)
                  goto bad;
                memcpy (hex, ps->p + 1, 4);
                if (!g_ascii_string_to_unsigned (hex, 16, 0, 0xffff, &cp, NULL))
                  goto bad;
                g_string_append_unichar (s, (gunichar) cp);
                ps->p += 4;
                break;
              }
            case '\0':
              goto bad;
            default:
              g_string_append_c (s, *ps->p);
            }
          ps->p++;
          continue;
        }
      g_string_append_c (s, *ps->p++);
    }
  if (*ps->p != q)
    goto bad;
  ps->p++;
  n = node_new (N_LITERAL);
  n->literal = fc_value_new_string_take (g_string_free (s, FALSE));
  return n;

bad:
  g_string_free (s, TRUE);
  fail (ps, start, "unterminated string literal");
  return NULL;
}

static Node *
parse_number (Parser *ps)
{
  const char *s = ps->p;
  char *end;
  double d;
  Node *n;

  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
    {
      guint64 u = g_ascii_strtoull (s + 2, &end, 16);
      if (end == s + 2)
        return fail (ps, s, "malformed number"), NULL;
      d = (double) u;
    }
  else
    {
      const char *q = s;
      while (g_ascii_isdigit (*q) || *q == '.')
        q++;
      if ((*q == 'e' || *q == 'E'))
        {
          q++;
          if (*q == '+' || *q == '-')
            q++;
          while (g_ascii_isdigit (*q))
            q++;
        }
      g_autofree char *t = g_strndup (s, q - s);
      d = g_ascii_strtod (t, &end);
      if (*end != '\0')
        return fail (ps, s, "malformed number"), NULL;
      end = (char *) q;
    }
  if (is_ident_char (*end))
    return fail (ps, s, "malformed number"), NULL;
  ps->p = end;
  n = node_new (N_LITERAL);
  n->literal = fc_value_new_number (d);
  return n;
}

static Node *
parse_array (Parser *ps)
{
  Node *n = node_new (N_ARRAY);
  n->items = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  if (accept (ps, "]"))
    return n;
  do
    {
      Node *item;
      skip_ws (ps);
      if (*ps->p == ']') /* trailing comma */
        break;
      if (accept (ps, "..."))
        {
          item = node_new (N_SPREAD);
          if (!(item->a = parse_cond (ps)))
            return node_free (item), node_free (n), NULL;
        }
      else if (!(item = parse_cond (ps)))
        return node_free (n), NULL;
      g_ptr_array_add (n->items, item);
    }
  while (accept (ps, ","));
  if (!accept (ps, "]"))
    return fail (ps, ps->p, "expected ']'"), node_free (n), NULL;
  return n;
}

/* An object literal after its '{'; @top: the items of a binding's whole
 * text ("{{ a, b: 1, ...c }}", the platform's shorthand), which end with
 * the text, not with '}'. */
static Node *
parse_object (Parser *ps, gboolean top)
{
  Node *n = node_new (N_OBJECT);
  n->items = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  if (!top && accept (ps, "}"))
    return n;
  do
    {
      Node *item;
      char *key = NULL;
      skip_ws (ps);
      if (*ps->p == (top ? '\0' : '}'))
        break;
      if (accept (ps, "..."))
        {
          item = node_new (N_SPREAD);
          if (!(item->a = parse_cond (ps)))
            return node_free (item), node_free (n), NULL;
          g_ptr_array_add (n->items, item);
          continue;
        }
      skip_ws (ps);
      if (*ps->p == '"' || *ps->p == '\'')
        {
          Node *s = parse_string (ps);
          if (!s)
            return node_free (n), NULL;
          key = g_strdup (fc_value_get_string (s->literal));
          node_free (s);
        }
      else if (g_ascii_isdigit (*ps->p))
        {
          const char *s = ps->p;
          while (g_ascii_isdigit (*ps->p))
            ps->p++;
          key = g_strndup (s, ps->p - s);
        }
      else if (!(key = parse_ident (ps)))
        return fail (ps, ps->p, "expected a property name"), node_free (n), NULL;

      if (accept (ps, ":"))
        {
          if (!(item = parse_cond (ps)))
            return g_free (key), node_free (n), NULL;
        }
      else
        {
          /* shorthand {a} means {a: a} */
          if (!is_ident_start (key[0]))
            return fail (ps, ps->p, "expected ':'"), g_free (key), node_free (n), NULL;
          item = node_new (N_IDENT);
          item->name = g_strdup (key);
        }
      /* the key rides on a wrapper so items stay Node* */
      Node *w = node_new (N_LITERAL);
      w->name = key;
      w->a = item;
      g_ptr_array_add (n->items, w);
    }
  while (accept (ps, ","));
  if (!top && !accept (ps, "}"))
    return fail (ps, ps->p, "expected '}'"), node_free (n), NULL;
  return n;
}

/* Whether a binding's text is an object's items without braces, as
 * glass-easel reads it: it starts with "...", "name:" or "name,". */
static gboolean
is_top_object (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  if (strncmp (p, "...", 3) == 0)
    return TRUE;
  if (!is_ident_start (*p))
    return FALSE;
  while (is_ident_char (*p))
    p++;
  while (g_ascii_isspace (*p))
    p++;
  return *p == ',' || (*p == ':' && p[1] != ':');
}

static Node *
parse_primary (Parser *ps)
{
  Node *n;
  char *id;

  skip_ws (ps);
  if (*ps->p == '"' || *ps->p == '\'')
    return parse_string (ps);
  if (g_ascii_isdigit (*ps->p) || (*ps->p == '.' && g_ascii_isdigit (ps->p[1])))
    return parse_number (ps);
  if (accept (ps, "("))
    {
      n = parse_cond (ps);
      if (n && !accept (ps, ")"))
        return fail (ps, ps->p, "expected ')'"), node_free (n), NULL;
      return n;
    }
  if (accept (ps, "["))
    return parse_array (ps);
  if (accept (ps, "{"))
    return parse_object (ps, FALSE);
  id = parse_ident (ps);
  if (!id)
    {
      fail (ps, ps->p, *ps->p ? "unexpected character" : "unexpected end of expression");
      return NULL;
    }
  n = node_new (N_LITERAL);
  if (strcmp (id, "true") == 0)
    n->literal = fc_value_new_boolean (TRUE);
  else if (strcmp (id, "false") == 0)
    n->literal = fc_value_new_boolean (FALSE);
  else if (strcmp (id, "null") == 0)
    n->literal = fc_value_new_null ();
  else if (strcmp (id, "undefined") == 0)
    n->literal = fc_value_new_undefined ();
  else
    {
      n->kind = N_IDENT;
      n->name = id;
      return n;
    }
  g_free (id);
  return n;
}

static Node *
parse_postfix (Parser *ps)
{
  Node *n = parse_primary (ps);
  while (n)
    {
      skip_ws (ps);
      if (*ps->p == '.' && ps->p[1] != '.')
        {
          Node *m;
          char *id;
          ps->p++;
          if (!(id = parse_ident (ps)))
            return fail (ps, ps->p, "expected a member name after '.'"), node_free (n), NULL;
          m = node_new (N_MEMBER);
          m->a = n;
          m->name = id;
          m->literal = fc_value_new_string (id); /* the key, made once */
          n = m;
        }
      else if (*ps->p == '[')
        {
          Node *m = node_new (N_INDEX);
          ps->p++;
          m->a = n;
          if (!(m->b = parse_cond (ps)))
            return node_free (m), NULL;
          if (!accept (ps, "]"))
            return fail (ps, ps->p, "expected ']'"), node_free (m), NULL;
          n = m;
        }
      else if (*ps->p == '(')
        {
          Node *m = node_new (N_CALL);
          ps->p++;
          m->a = n;
          m->items = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
          n = m;
          if (accept (ps, ")"))
            continue;
          do
            {
              Node *arg = parse_cond (ps);
              if (!arg)
                return node_free (n), NULL;
              g_ptr_array_add (n->items, arg);
            }
          while (accept (ps, ","));
          if (!accept (ps, ")"))
            return fail (ps, ps->p, "expected ')' after the arguments"), node_free (n), NULL;
        }
      else
        break;
    }
  return n;
}

static Node *
parse_unary (Parser *ps)
{
  NodeKind k;
  Node *n;

  skip_ws (ps);
  if (*ps->p == '!' && ps->p[1] != '=')
    k = N_NOT;
  else if (*ps->p == '-')
    k = N_NEG;
  else if (*ps->p == '+')
    k = N_PLUS;
  else
    return parse_postfix (ps);
  ps->p++;
  if (++ps->depth > MAX_DEPTH)
    return fail (ps, ps->p, "expression nested too deeply"), NULL;
  n = node_new (k);
  n->a = parse_unary (ps);
  ps->depth--;
  if (!n->a)
    return node_free (n), NULL;
  return n;
}

static Node *
binary (Node *a, BinOp op, Node *b)
{
  Node *n = node_new (N_BINARY);
  n->op = op;
  n->a = a;
  n->b = b;
  return n;
}

#define LEFT_ASSOC(name, next, ...)                                          \
  static Node *name (Parser *ps)                                             \
  {                                                                          \
    static const struct { const char *tok; BinOp op; } ops[] = __VA_ARGS__; \
    Node *n = next (ps);                                                     \
    while (n)                                                                \
      {                                                                      \
        gboolean found = FALSE;                                              \
        for (guint i = 0; i < G_N_ELEMENTS (ops); i++)                       \
          if (accept (ps, ops[i].tok))                                       \
            {                                                                \
              Node *r = next (ps);                                           \
              if (!r)                                                        \
                return node_free (n), NULL;                                  \
              n = binary (n, ops[i].op, r);                                  \
              found = TRUE;                                                  \
              break;                                                         \
            }                                                                \
        if (!found)                                                          \
          break;                                                             \
      }                                                                      \
    return n;                                                                \
  }

LEFT_ASSOC (parse_mul, parse_unary, { { "*", OP_MUL }, { "/", OP_DIV }, { "%", OP_MOD } })
LEFT_ASSOC (parse_add, parse_mul, { { "+", OP_ADD }, { "-", OP_SUB } })
LEFT_ASSOC (parse_rel, parse_add, { { "<=", OP_LE }, { ">=", OP_GE }, { "<", OP_LT }, { ">", OP_GT } })
LEFT_ASSOC (parse_eq, parse_rel, { { "===", OP_SEQ }, { "!==", OP_SNE }, { "==", OP_EQ }, { "!=", OP_NE } })

static Node *
parse_and (Parser *ps)
{
  Node *n = parse_eq (ps);
  while (n && accept (ps, "&&"))
    {
      Node *m = node_new (N_AND);
      m->a = n;
      if (!(m->b = parse_eq (ps)))
        return node_free (m), NULL;
      n = m;
    }
  return n;
}

static Node *
parse_or (Parser *ps)
{
  Node *n = parse_and (ps);
  while (n && accept (ps, "||"))
    {
      Node *m = node_new (N_OR);
      m->a = n;
      if (!(m->b = parse_and (ps)))
        return node_free (m), NULL;
      n = m;
    }
  return n;
}

static Node *parse_cond_inner (Parser *ps);

static Node *
parse_cond (Parser *ps)
{
  Node *n;
  if (++ps->depth > MAX_DEPTH)
    {
      fail (ps, ps->p, "expression nested too deeply");
      ps->depth--;
      return NULL;
    }
  n = parse_cond_inner (ps);
  ps->depth--;
  return n;
}

static Node *
parse_cond_inner (Parser *ps)
{
  Node *n = parse_or (ps), *m;
  if (!n || !accept (ps, "?"))
    return n;
  m = node_new (N_COND);
  m->a = n;
  if (!(m->b = parse_cond (ps)))
    return node_free (m), NULL;
  if (!accept (ps, ":"))
    return fail (ps, ps->p, "expected ':' in conditional"), node_free (m), NULL;
  if (!(m->c = parse_cond (ps)))
    return node_free (m), NULL;
  return m;
}

/**
 * fc_expr_parse: (skip)
 * @text: the expression, without the braces, in UTF-8
 * @error_offset: (out) (optional): byte offset of a syntax error in @text
 * @error: return location for a %FC_BRIDGE_ERROR_BAD_EXPRESSION error
 *
 * Parses an expression. @text must be valid UTF-8: text that is not is
 * refused with %FC_BRIDGE_ERROR_BAD_EXPRESSION and @error_offset at the
 * first invalid byte, so string literals and names are always valid text.
 *
 * Returns: (transfer full) (nullable): the expression
 */
FcExpr *
fc_expr_parse (const char *text, int *error_offset, GError **error)
{
  Parser ps = { text, text, NULL, NULL, 0 };
  const char *invalid = NULL;
  Node *n;
  FcExpr *e;

  g_return_val_if_fail (text != NULL, NULL);
  if (!g_utf8_validate (text, -1, &invalid))
    {
      if (error_offset)
        *error_offset = (int) MIN (invalid - text, G_MAXINT);
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_EXPRESSION,
                   "bad expression: invalid UTF-8 at byte %" G_GSIZE_FORMAT,
                   (gsize) (invalid - text));
      return NULL;
    }
  /* operator chains (a+b+c...) make trees as deep as they are long, and
   * evaluation recurses over them: bound the length too */
  if (strlen (text) > MAX_LENGTH)
    {
      if (error_offset)
        *error_offset = MAX_LENGTH;
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_EXPRESSION,
                   "bad expression: longer than %d bytes", MAX_LENGTH);
      return NULL;
    }
  n = is_top_object (text) ? parse_object (&ps, TRUE) : parse_cond (&ps);
  if (n)
    {
      skip_ws (&ps);
      if (*ps.p)
        {
          fail (&ps, ps.p, "unexpected text after expression");
          node_free (n);
          n = NULL;
        }
    }
  if (!n)
    {
      if (error_offset)
        *error_offset = (int) (ps.err_at - text);
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_EXPRESSION,
                   "bad expression \"%s\": %s", text, ps.err_msg);
      g_free (ps.err_msg);
      return NULL;
    }
  e = g_new0 (FcExpr, 1);
  e->root = n;
  return e;
}

/**
 * fc_expr_free:
 * @expr: (nullable): an expression
 *
 * Frees a parsed expression.
 */
void
fc_expr_free (FcExpr *expr)
{
  if (!expr)
    return;
  node_free (expr->root);
  g_free (expr);
}

/* ---- dependencies ---- */

/* Whether @n is a path with constant keys; if so, append it to @path. */
static gboolean
static_path (const Node *n, FcDataPath *path)
{
  switch (n->kind)
    {
    case N_IDENT:
      fc_data_path_append (path, n->name, FALSE, 0);
      return TRUE;
    case N_MEMBER:
      if (!static_path (n->a, path))
        return FALSE;
      fc_data_path_append (path, n->name, FALSE, 0);
      return TRUE;
    case N_INDEX:
      if (n->b->kind != N_LITERAL || !static_path (n->a, path))
        return FALSE;
      {
        g_autofree char *k = fc_value_to_js_string (n->b->literal);
        FcValue *lit = n->b->literal;
        double d = fc_value_get_kind (lit) == FC_VALUE_NUMBER ? fc_value_get_number (lit) : -1;
        /* range first: casting a larger number to guint is undefined */
        gboolean is_index = d >= 0 && d <= G_MAXUINT && d == (guint) d;
        fc_data_path_append (path, k, is_index, is_index ? (guint) d : 0);
      }
      return TRUE;
    default:
      return FALSE;
    }
}

static void
collect (const Node *n, GPtrArray *paths)
{
  if (!n)
    return;
  if (n->kind == N_IDENT || n->kind == N_MEMBER || n->kind == N_INDEX)
    {
      FcDataPath *p = fc_data_path_new ();
      if (static_path (n, p))
        {
          g_ptr_array_add (paths, p);
          return;
        }
      fc_data_path_free (p);
      /* a[i]: depends on all of a's static prefix and on i */
      collect (n->a, paths);
      if (n->kind == N_INDEX)
        collect (n->b, paths);
      return;
    }
  if (n->kind == N_OBJECT)
    {
      for (guint i = 0; i < n->items->len; i++)
        {
          const Node *item = g_ptr_array_index (n->items, i);
          collect (item->kind == N_SPREAD ? item->a : item->a, paths);
        }
      return;
    }
  collect (n->a, paths);
  collect (n->b, paths);
  collect (n->c, paths);
  if (n->items)
    for (guint i = 0; i < n->items->len; i++)
      collect (g_ptr_array_index (n->items, i), paths);
}

gboolean
fc_expr_is_static_path (const FcExpr *expr)
{
  FcDataPath *path = fc_data_path_new ();
  const Node *n = expr->root;
  gboolean is_path = (n->kind == N_IDENT || n->kind == N_MEMBER || n->kind == N_INDEX) && static_path (n, path);

  fc_data_path_free (path);
  return is_path;
}

/**
 * fc_expr_collect_dependencies:
 * @expr: an expression
 * @paths: (element-type FcDataPath): where to append the data paths it reads
 *
 * Adds to @paths the data paths the expression reads, so that a binding is
 * re-evaluated only when one of them changes.
 */
void
fc_expr_collect_dependencies (const FcExpr *expr, GPtrArray *paths)
{
  collect (expr->root, paths);
}
