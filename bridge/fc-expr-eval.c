/* fc-expr-eval.c: evaluating a `{{ }}` expression's AST with JavaScript
 * semantics against page data, wx:for variables and the page's WXS
 * modules (the only functions a binding calls). */
#include <math.h>
#include <string.h>

#include "fc-bridge-private.h"
#include "fc-expr-private.h"

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
    if (fc_str_equal (s->name, name))
      return TRUE;
  return FALSE;
}

/* Whether @n is NAME.k1.k2… (or NAME[expr]…) with NAME a WXS module not
 * shadowed by a wx:for variable; if so, sets *@name and @keys (*@n_keys
 * of them; those of NAME[expr] are made, and are freed by keys_free()). */
typedef struct {
  const char *keys[MAX_MODULE_KEYS];
  char *made[MAX_MODULE_KEYS];
  guint n;
} Keys;

static void
keys_free (Keys *k)
{
  for (guint i = 0; i < k->n; i++)
    g_free (k->made[i]);
}

static gboolean
module_path (const Node *n, const Context *cx, const char **name, Keys *keys)
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
  keys->n = depth;
  for (guint i = 0; i < depth; i++)
    {
      const Node *m = chain[depth - 1 - i];
      keys->made[i] = NULL;
      if (m->kind == N_MEMBER)
        keys->keys[i] = m->name;
      else
        {
          FcValue *k = eval (m->b, cx);
          keys->keys[i] = keys->made[i] = fc_value_to_js_string (k);
          fc_value_unref (k);
        }
    }
  return TRUE;
}

static FcValue *
eval_module (const Node *n, const Context *cx)
{
  const char *name;
  Keys keys;
  FcValue *r;

  if (!module_path (n, cx, &name, &keys))
    return NULL;
  r = cx->calls->get (cx->calls->user_data, name, keys.keys, keys.n);
  keys_free (&keys);
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
  Keys keys;
  FcValue *r;

  if (module_path (n->a, cx, &name, &keys))
    {
      FcValue **args = g_newa (FcValue *, n->items->len + 1);
      for (guint i = 0; i < n->items->len; i++)
        args[i] = eval (g_ptr_array_index (n->items, i), cx);
      r = cx->calls->call (cx->calls->user_data, name, keys.keys, keys.n, args, n->items->len);
      for (guint i = 0; i < n->items->len; i++)
        fc_value_unref (args[i]);
      keys_free (&keys);
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

/* Sets @a's own keys in @r, as `{...a}` does: an object's keys, an
 * array's indices; nothing for any other value */
static void
spread_into (FcValue *r, const FcValue *a)
{
  if (fc_value_get_kind (a) == FC_VALUE_OBJECT)
    for (guint j = 0; j < fc_value_object_get_size (a); j++)
      fc_value_object_set (r, fc_value_object_get_key (a, j), fc_value_ref (fc_value_object_get_nth (a, j)));
  else if (fc_value_get_kind (a) == FC_VALUE_ARRAY)
    for (guint j = 0; j < fc_value_array_get_length (a); j++)
      {
        char k[16];
        g_snprintf (k, sizeof k, "%u", j);
        fc_value_object_set (r, k, fc_value_ref (fc_value_array_get (a, j)));
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
        if (fc_str_equal (s->name, n->name))
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
      r = NULL;
      for (guint i = 0; i < n->items->len; i++)
        {
          const Node *item = g_ptr_array_index (n->items, i);
          if (item->kind == N_SPREAD)
            {
              a = eval (item->a, cx);
              /* `{...o}` alone, of an object, is an object equal to o in
               * o's key order: o itself will do, since data are never
               * changed where anyone else holds them (fc_data_set()
               * copies such a container first); `data="{{...item}}"` on
               * every item of a list copies nothing */
              if (n->items->len == 1 && fc_value_get_kind (a) == FC_VALUE_OBJECT)
                return a;
              r = r ? r : fc_value_new_object ();
              spread_into (r, a);
              fc_value_unref (a);
            }
          else
            {
              r = r ? r : fc_value_new_object ();
              fc_value_object_set (r, item->name, eval (item->a, cx));
            }
        }
      return r ? r : fc_value_new_object ();
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
 * Evaluates an expression against page data with the names a wx:for scope
 * adds (`item`, `index`).
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
 * Evaluates an expression as fc_expr_evaluate_in_scope() does, with the
 * page's WXS modules callable.
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

