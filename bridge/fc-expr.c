/* fc-expr.c: `{{ }}` expressions: tokenizer, recursive-descent parser to an
 * AST, evaluator with JavaScript semantics, dependency paths. Templates
 * (text with bindings) are fc-template.c. */
#include <math.h>
#include <string.h>

#include "fc-bridge-private.h"

typedef enum {
  N_LITERAL,
  N_IDENT,
  N_MEMBER, /* a.name */
  N_INDEX,  /* a[expr] */
  N_NOT,
  N_NEG,
  N_PLUS,
  N_BINARY,
  N_AND,
  N_OR,
  N_COND,
  N_ARRAY,
  N_OBJECT,
  N_SPREAD,
  N_CALL,   /* a(items...) */
} NodeKind;

typedef enum {
  OP_MUL, OP_DIV, OP_MOD, OP_ADD, OP_SUB,
  OP_LT, OP_GT, OP_LE, OP_GE,
  OP_EQ, OP_NE, OP_SEQ, OP_SNE,
} BinOp;

typedef struct _Node Node;
struct _Node {
  NodeKind kind;
  BinOp op;
  FcValue *literal;
  char *name;      /* N_IDENT, N_MEMBER; object member key */
  Node *a, *b, *c;
  GPtrArray *items; /* N_ARRAY: Node*; N_OBJECT: Node* with name=key (N_SPREAD: no key) */
};

struct _FcExpr {
  Node *root;
};

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

static Node *
parse_object (Parser *ps)
{
  Node *n = node_new (N_OBJECT);
  n->items = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  if (accept (ps, "}"))
    return n;
  do
    {
      Node *item;
      char *key = NULL;
      skip_ws (ps);
      if (*ps->p == '}')
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
  if (!accept (ps, "}"))
    return fail (ps, ps->p, "expected '}'"), node_free (n), NULL;
  return n;
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
    return parse_object (ps);
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
 * fc_expr_parse:
 * @text: the expression, without the braces
 * @error_offset: (out) (optional): byte offset of a syntax error in @text
 * @error: return location for a %FC_BRIDGE_ERROR_BAD_EXPRESSION error
 *
 * Returns: (transfer full) (nullable): the expression
 */
FcExpr *
fc_expr_parse (const char *text, int *error_offset, GError **error)
{
  Parser ps = { text, text, NULL, NULL, 0 };
  Node *n;
  FcExpr *e;

  g_return_val_if_fail (text != NULL, NULL);
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
  n = parse_cond (&ps);
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

void
fc_expr_free (FcExpr *expr)
{
  if (!expr)
    return;
  node_free (expr->root);
  g_free (expr);
}

/* ---- evaluation ---- */

typedef struct {
  FcValue *data;
  const FcScope *scope;
  const FcExprCalls *calls;
  gboolean modules; /* calls has modules: names may be theirs */
} Context;

/* Deeper member paths into a module are read whole, then walked. */
#define MAX_MODULE_KEYS 8

static FcValue *eval (const Node *n, const Context *cx);

static gboolean
in_scope (const FcScope *scope, const char *name)
{
  for (const FcScope *s = scope; s; s = s->parent)
    if (strcmp (s->name, name) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @n is NAME.k1.k2… (or NAME[expr]…) with NAME a WXS module not
 * shadowed by a wx:for variable; if so, sets *@name and @keys (owned
 * strings, *@n_keys of them). */
static gboolean
module_path (const Node *n, const Context *cx, const char **name, char **keys, guint *n_keys)
{
  const Node *chain[MAX_MODULE_KEYS];
  guint depth = 0;
  const Node *root = n;

  if (!cx->modules)
    return FALSE;
  while (root->kind == N_MEMBER || root->kind == N_INDEX)
    {
      if (depth == MAX_MODULE_KEYS)
        return FALSE;
      chain[depth++] = root;
      root = root->a;
    }
  if (root->kind != N_IDENT || in_scope (cx->scope, root->name)
      || !cx->calls->has_module (cx->calls->user_data, root->name))
    return FALSE;
  *name = root->name;
  *n_keys = depth;
  for (guint i = 0; i < depth; i++)
    {
      const Node *m = chain[depth - 1 - i];
      if (m->kind == N_MEMBER)
        keys[i] = g_strdup (m->name);
      else
        {
          FcValue *k = eval (m->b, cx);
          keys[i] = fc_value_to_js_string (k);
          fc_value_unref (k);
        }
    }
  return TRUE;
}

static FcValue *
eval_module (const Node *n, const Context *cx)
{
  const char *name;
  char *keys[MAX_MODULE_KEYS];
  guint n_keys;
  FcValue *r;

  if (!module_path (n, cx, &name, keys, &n_keys))
    return NULL;
  r = cx->calls->get (cx->calls->user_data, name, (const char *const *) keys, n_keys);
  for (guint i = 0; i < n_keys; i++)
    g_free (keys[i]);
  return r;
}

/* What a binding's call names, for its warning: `a.b`, `a[…]`. */
static void
describe (const Node *n, GString *out)
{
  switch (n->kind)
    {
    case N_IDENT:
      g_string_append (out, n->name);
      break;
    case N_MEMBER:
      describe (n->a, out);
      g_string_append_printf (out, ".%s", n->name);
      break;
    case N_INDEX:
      describe (n->a, out);
      g_string_append (out, "[…]");
      break;
    case N_CALL:
      describe (n->a, out);
      g_string_append (out, "(…)");
      break;
    default:
      g_string_append (out, "(…)");
    }
}

static FcValue *
eval_call (const Node *n, const Context *cx)
{
  const char *name;
  char *keys[MAX_MODULE_KEYS];
  guint n_keys;
  FcValue *r;

  if (module_path (n->a, cx, &name, keys, &n_keys))
    {
      FcValue **args = g_newa (FcValue *, n->items->len + 1);
      for (guint i = 0; i < n->items->len; i++)
        args[i] = eval (g_ptr_array_index (n->items, i), cx);
      r = cx->calls->call (cx->calls->user_data, name, (const char *const *) keys, n_keys, args,
                           n->items->len);
      for (guint i = 0; i < n->items->len; i++)
        fc_value_unref (args[i]);
      for (guint i = 0; i < n_keys; i++)
        g_free (keys[i]);
      return r;
    }
  /* glass-easel calls anything else without its `this` (a method of a
   * value fails with a TypeError): only a WXS module's functions are
   * callable from a binding */
  if (cx->calls && cx->calls->warn)
    {
      GString *what = g_string_new (NULL);
      describe (n->a, what);
      g_string_append (what, n->a->kind == N_MEMBER || n->a->kind == N_INDEX
                               ? " is not a WXS module function: a binding calls only those (a value's "
                                 "methods work inside a <wxs> module)"
                               : " is not a WXS module function");
      cx->calls->warn (cx->calls->user_data, what->str);
      g_string_free (what, TRUE);
    }
  return fc_value_new_undefined ();
}

static FcValue *
member (FcValue *obj, FcValue *key)
{
  FcValue *r = NULL;
  switch (fc_value_get_kind (obj))
    {
    case FC_VALUE_OBJECT:
      {
        g_autofree char *k = fc_value_to_js_string (key);
        r = fc_value_object_get (obj, k);
        break;
      }
    case FC_VALUE_ARRAY:
    case FC_VALUE_STRING:
      {
        double d = fc_value_to_number (key);
        gboolean is_array = fc_value_get_kind (obj) == FC_VALUE_ARRAY;
        if (fc_value_get_kind (key) == FC_VALUE_STRING && strcmp (fc_value_get_string (key), "length") == 0)
          return fc_value_new_number (is_array ? fc_value_array_get_length (obj)
                                               : g_utf8_strlen (fc_value_get_string (obj), -1));
        /* no array or string is longer than G_MAXUINT (nor is Infinity an index) */
        if (fc_value_get_kind (key) == FC_VALUE_BOOLEAN || d != floor (d) || d < 0 || isnan (d) || d > G_MAXUINT)
          break;
        if (is_array)
          r = fc_value_array_get (obj, (guint) d);
        else
          {
            const char *s = fc_value_get_string (obj);
            if (d < g_utf8_strlen (s, -1))
              {
                const char *c = g_utf8_offset_to_pointer (s, (glong) d);
                return fc_value_new_string_take (g_strndup (c, g_utf8_next_char (c) - c));
              }
          }
        break;
      }
    default:
      break;
    }
  return r ? fc_value_ref (r) : fc_value_new_undefined ();
}

static gboolean
is_primitive (const FcValue *v)
{
  FcValueKind k = fc_value_get_kind (v);
  return k != FC_VALUE_ARRAY && k != FC_VALUE_OBJECT;
}

static gboolean
strict_equal (const FcValue *a, const FcValue *b)
{
  if (fc_value_get_kind (a) != fc_value_get_kind (b))
    return FALSE;
  switch (fc_value_get_kind (a))
    {
    case FC_VALUE_NUMBER:
      return fc_value_get_number (a) == fc_value_get_number (b);
    case FC_VALUE_ARRAY:
    case FC_VALUE_OBJECT:
      return a == b;
    default:
      return fc_value_equal (a, b);
    }
}

static gboolean
loose_equal (FcValue *a, FcValue *b)
{
  FcValueKind ka = fc_value_get_kind (a), kb = fc_value_get_kind (b);
  gboolean nullish_a = ka <= FC_VALUE_NULL, nullish_b = kb <= FC_VALUE_NULL;

  if (ka == kb)
    return strict_equal (a, b);
  if (nullish_a || nullish_b)
    return nullish_a && nullish_b;
  if (!is_primitive (a) || !is_primitive (b))
    {
      /* object vs primitive: compare the object's string form */
      g_autofree char *sa = fc_value_to_js_string (a);
      g_autofree char *sb = fc_value_to_js_string (b);
      if (is_primitive (a) && ka != FC_VALUE_STRING)
        return fc_value_to_number (a) == g_ascii_strtod (sb, NULL);
      if (is_primitive (b) && kb != FC_VALUE_STRING)
        return g_ascii_strtod (sa, NULL) == fc_value_to_number (b);
      return strcmp (sa, sb) == 0;
    }
  return fc_value_to_number (a) == fc_value_to_number (b);
}

static FcValue *
eval_binary (BinOp op, FcValue *a, FcValue *b)
{
  double x, y;

  switch (op)
    {
    case OP_ADD:
      if (fc_value_get_kind (a) == FC_VALUE_STRING || fc_value_get_kind (b) == FC_VALUE_STRING
          || !is_primitive (a) || !is_primitive (b))
        {
          g_autofree char *sa = fc_value_to_js_string (a);
          g_autofree char *sb = fc_value_to_js_string (b);
          return fc_value_new_string_take (g_strconcat (sa, sb, NULL));
        }
      return fc_value_new_number (fc_value_to_number (a) + fc_value_to_number (b));
    case OP_LT: case OP_GT: case OP_LE: case OP_GE:
      if (fc_value_get_kind (a) == FC_VALUE_STRING && fc_value_get_kind (b) == FC_VALUE_STRING)
        {
          int c = strcmp (fc_value_get_string (a), fc_value_get_string (b));
          return fc_value_new_boolean (op == OP_LT ? c < 0 : op == OP_GT ? c > 0 : op == OP_LE ? c <= 0 : c >= 0);
        }
      x = fc_value_to_number (a);
      y = fc_value_to_number (b);
      return fc_value_new_boolean (op == OP_LT ? x < y : op == OP_GT ? x > y : op == OP_LE ? x <= y : x >= y);
    case OP_EQ:
      return fc_value_new_boolean (loose_equal (a, b));
    case OP_NE:
      return fc_value_new_boolean (!loose_equal (a, b));
    case OP_SEQ:
      return fc_value_new_boolean (strict_equal (a, b));
    case OP_SNE:
      return fc_value_new_boolean (!strict_equal (a, b));
    default:
      break;
    }
  x = fc_value_to_number (a);
  y = fc_value_to_number (b);
  switch (op)
    {
    case OP_MUL: return fc_value_new_number (x * y);
    case OP_DIV: return fc_value_new_number (x / y);
    case OP_MOD: return fc_value_new_number (fmod (x, y));
    case OP_SUB: return fc_value_new_number (x - y);
    default: g_assert_not_reached ();
    }
}

static FcValue *
eval (const Node *n, const Context *cx)
{
  FcValue *a, *b, *r;

  switch (n->kind)
    {
    case N_LITERAL:
      return fc_value_ref (n->literal);
    case N_CALL:
      return eval_call (n, cx);
    case N_IDENT:
      if (cx->modules && (r = eval_module (n, cx)))
        return r;
      /* wx:for variables shadow page data */
      for (const FcScope *s = cx->scope; s; s = s->parent)
        if (strcmp (s->name, n->name) == 0)
          return fc_value_ref (s->value);
      r = fc_value_get_kind (cx->data) == FC_VALUE_OBJECT ? fc_value_object_get (cx->data, n->name) : NULL;
      return r ? fc_value_ref (r) : fc_value_new_undefined ();
    case N_MEMBER:
      if (cx->modules && (r = eval_module (n, cx)))
        return r;
      a = eval (n->a, cx);
      if (fc_value_get_kind (a) == FC_VALUE_OBJECT)
        {
          r = fc_value_object_get (a, n->name);
          r = r ? fc_value_ref (r) : fc_value_new_undefined ();
        }
      else
        r = member (a, n->literal);
      fc_value_unref (a);
      return r;
    case N_INDEX:
      if (cx->modules && (r = eval_module (n, cx)))
        return r;
      a = eval (n->a, cx);
      b = eval (n->b, cx);
      r = member (a, b);
      fc_value_unref (a);
      fc_value_unref (b);
      return r;
    case N_NOT:
      a = eval (n->a, cx);
      r = fc_value_new_boolean (!fc_value_is_truthy (a));
      fc_value_unref (a);
      return r;
    case N_NEG:
    case N_PLUS:
      a = eval (n->a, cx);
      r = fc_value_new_number (n->kind == N_NEG ? -fc_value_to_number (a) : fc_value_to_number (a));
      fc_value_unref (a);
      return r;
    case N_BINARY:
      a = eval (n->a, cx);
      b = eval (n->b, cx);
      r = eval_binary (n->op, a, b);
      fc_value_unref (a);
      fc_value_unref (b);
      return r;
    case N_AND:
    case N_OR:
      a = eval (n->a, cx);
      if (fc_value_is_truthy (a) == (n->kind == N_OR))
        return a;
      fc_value_unref (a);
      return eval (n->b, cx);
    case N_COND:
      a = eval (n->a, cx);
      r = eval (fc_value_is_truthy (a) ? n->b : n->c, cx);
      fc_value_unref (a);
      return r;
    case N_ARRAY:
      r = fc_value_new_array ();
      for (guint i = 0; i < n->items->len; i++)
        {
          const Node *item = g_ptr_array_index (n->items, i);
          if (item->kind == N_SPREAD)
            {
              a = eval (item->a, cx);
              if (fc_value_get_kind (a) == FC_VALUE_ARRAY)
                for (guint j = 0; j < fc_value_array_get_length (a); j++)
                  fc_value_array_append (r, fc_value_ref (fc_value_array_get (a, j)));
              else if (fc_value_get_kind (a) == FC_VALUE_STRING)
                for (const char *c = fc_value_get_string (a); *c; c = g_utf8_next_char (c))
                  fc_value_array_append (r, fc_value_new_string_take (g_strndup (c, g_utf8_next_char (c) - c)));
              fc_value_unref (a);
            }
          else
            fc_value_array_append (r, eval (item, cx));
        }
      return r;
    case N_OBJECT:
      r = fc_value_new_object ();
      for (guint i = 0; i < n->items->len; i++)
        {
          const Node *item = g_ptr_array_index (n->items, i);
          if (item->kind == N_SPREAD)
            {
              a = eval (item->a, cx);
              if (fc_value_get_kind (a) == FC_VALUE_OBJECT)
                for (guint j = 0; j < fc_value_object_get_size (a); j++)
                  fc_value_object_set (r, fc_value_object_get_key (a, j),
                                       fc_value_ref (fc_value_object_get_nth (a, j)));
              else if (fc_value_get_kind (a) == FC_VALUE_ARRAY)
                for (guint j = 0; j < fc_value_array_get_length (a); j++)
                  {
                    char k[16];
                    g_snprintf (k, sizeof k, "%u", j);
                    fc_value_object_set (r, k, fc_value_ref (fc_value_array_get (a, j)));
                  }
              fc_value_unref (a);
            }
          else
            fc_value_object_set (r, item->name, eval (item->a, cx));
        }
      return r;
    case N_SPREAD:
    default:
      g_assert_not_reached ();
    }
}

/**
 * fc_expr_evaluate:
 * @expr: an expression
 * @data: the data its names are looked up in
 *
 * Missing members give `undefined`, never an error.
 *
 * Returns: (transfer full): the value
 */
FcValue *
fc_expr_evaluate (const FcExpr *expr, FcValue *data)
{
  return fc_expr_evaluate_in_scope (expr, data, NULL);
}

/**
 * fc_expr_evaluate_in_scope:
 * @expr: an expression
 * @data: the page data
 * @scope: (nullable): variables that shadow @data (`item`, `index`)
 *
 * Returns: (transfer full): the value
 */
FcValue *
fc_expr_evaluate_in_scope (const FcExpr *expr, FcValue *data, const FcScope *scope)
{
  return fc_expr_evaluate_with (expr, data, scope, NULL);
}

/**
 * fc_expr_evaluate_with:
 * @expr: an expression
 * @data: the page data
 * @scope: (nullable): variables that shadow @data (`item`, `index`)
 * @calls: (nullable): the page's WXS modules, which shadow @data; without
 *   them a call gives `undefined`
 *
 * Returns: (transfer full): the value
 */
FcValue *
fc_expr_evaluate_with (const FcExpr *expr, FcValue *data, const FcScope *scope, const FcExprCalls *calls)
{
  Context cx = { data, scope, calls, calls && calls->has_module };
  g_return_val_if_fail (expr != NULL, NULL);
  return eval (expr->root, &cx);
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

/**
 * fc_expr_collect_dependencies:
 * @expr: an expression
 * @paths: (element-type FcDataPath): where to append the data paths it reads
 */
void
fc_expr_collect_dependencies (const FcExpr *expr, GPtrArray *paths)
{
  collect (expr->root, paths);
}
