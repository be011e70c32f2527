/* fc-wxs-simple.c: WXS functions simple enough to run without the engine.
 * A formatter such as `function (cents) { var s = (cents / 100).toFixed(2);
 * return '¥' + s; }` costs a binding more in the engine's call machinery
 * than in its own arithmetic. A function literal whose parameters and body
 * fit a small subset of the language is compiled for C too
 * (fc-wxs-simple-parse.c, when the guard's rewrite asks: fc-wxs-guard.c),
 * and a binding's call to it runs here when
 * its arguments are primitives (fc-wxs-runtime.c checks that the module's
 * member is still that function and that Number.prototype.toFixed is still
 * the sandbox's own, after anything ran in the engine).
 *
 * The subset: parameters without defaults; a body of `var NAME = EXPR, …;`
 * statements and a final `return EXPR;`; expressions of number, string,
 * `true`/`false`/`null` literals, the parameters and the variables declared
 * before, parentheses, unary `- + !`, binary `+ - * / %`, `< > <= >=`,
 * `=== !==`, `? :`, and `.toFixed(…)`. No other name is allowed (a module
 * may shadow even `undefined`), nor anything that could call code: such a
 * function has no loops and no calls, so it needs no runaway guard.
 *
 * Running it gives exactly what the engine gives, or NULL wherever this
 * file does not follow the language to the letter (a string where a number
 * is wanted, an object argument, toFixed's unusual digits or ranges); the
 * engine then runs the function, which has no side effects to repeat. */
#include <math.h>
#include <string.h>

#include "fc-wxs-simple-private.h"

void
fc_wxs_simple_free (FcWxsSimple *s)
{
  if (!s)
    return;
  for (guint i = 0; i < s->nodes->len; i++)
    {
      SNode *n = g_ptr_array_index (s->nodes, i);
      g_clear_pointer (&n->value, fc_value_unref);
      g_free (n);
    }
  g_ptr_array_unref (s->nodes);
  g_free (s);
}

/* ---- running ---- */

/* A primitive while it is computed: strings borrowed from the constants
 * and arguments, or owned (made here) */
typedef struct
{
  FcValueKind kind;
  double n;      /* FC_VALUE_NUMBER, FC_VALUE_BOOLEAN (0 or 1) */
  const char *s; /* FC_VALUE_STRING */
  char *owned;   /* s, when it was made here */
} SVal;

static void
sval_clear (SVal *v)
{
  g_clear_pointer (&v->owned, g_free);
}

static gboolean
sval_from (SVal *v, const FcValue *value)
{
  v->owned = NULL;
  v->kind = fc_value_get_kind (value);
  switch (v->kind)
    {
    case FC_VALUE_BOOLEAN:
      v->n = fc_value_get_boolean (value);
      return TRUE;
    case FC_VALUE_NUMBER:
      v->n = fc_value_get_number (value);
      return TRUE;
    case FC_VALUE_STRING:
      v->s = fc_value_get_string (value);
      return TRUE;
    case FC_VALUE_UNDEFINED:
    case FC_VALUE_NULL:
      return TRUE;
    default:
      return FALSE; /* objects and arrays: the engine's */
    }
}

static void
sval_number (SVal *v, double n)
{
  v->kind = FC_VALUE_NUMBER;
  v->n = n;
  v->owned = NULL;
}

static void
sval_boolean (SVal *v, gboolean b)
{
  v->kind = FC_VALUE_BOOLEAN;
  v->n = b ? 1 : 0;
  v->owned = NULL;
}

/* ToNumber, for what is not a string (strings: the caller gives up) */
static gboolean
to_number (const SVal *v, double *d)
{
  switch (v->kind)
    {
    case FC_VALUE_UNDEFINED:
      *d = NAN;
      return TRUE;
    case FC_VALUE_NULL:
      *d = 0;
      return TRUE;
    case FC_VALUE_BOOLEAN:
    case FC_VALUE_NUMBER:
      *d = v->n;
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
to_boolean (const SVal *v)
{
  switch (v->kind)
    {
    case FC_VALUE_BOOLEAN:
      return v->n != 0;
    case FC_VALUE_NUMBER:
      return v->n != 0 && !isnan (v->n);
    case FC_VALUE_STRING:
      return *v->s != '\0';
    default:
      return FALSE;
    }
}

static gboolean
strict_equal (const SVal *a, const SVal *b)
{
  if (a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case FC_VALUE_BOOLEAN:
    case FC_VALUE_NUMBER:
      return a->n == b->n; /* NaN is no number's equal, 0 is -0's */
    case FC_VALUE_STRING:
      return strcmp (a->s, b->s) == 0;
    default:
      return TRUE; /* undefined, null */
    }
}

/* ToString of a primitive (what a binding prints); *tmp holds it if made */
static const char *
to_string (const SVal *v, char **tmp)
{
  g_autoptr (FcValue) value = NULL;
  switch (v->kind)
    {
    case FC_VALUE_STRING:
      return v->s;
    case FC_VALUE_UNDEFINED:
      return "undefined";
    case FC_VALUE_NULL:
      return "null";
    case FC_VALUE_BOOLEAN:
      return v->n != 0 ? "true" : "false";
    default:
      value = fc_value_new_number (v->n);
      return *tmp = fc_value_to_js_string (value);
    }
}

static void
concat (SVal *r, const SVal *a, const SVal *b)
{
  g_autofree char *ta = NULL, *tb = NULL;
  const char *sa = to_string (a, &ta), *sb = to_string (b, &tb);
  gsize la = strlen (sa), lb = strlen (sb);
  r->kind = FC_VALUE_STRING;
  r->owned = g_malloc (la + lb + 1);
  memcpy (r->owned, sa, la);
  memcpy (r->owned + la, sb, lb + 1);
  r->s = r->owned;
}

/* n's value into r (owning what it made); FALSE: the engine's to compute */
static gboolean
eval (const SNode *n, const SVal *locals, SVal *r)
{
  SVal a = { 0 }, b = { 0 };
  double x, y;
  gboolean ok = TRUE;

  switch (n->kind)
    {
    case S_CONST:
      return sval_from (r, n->value);
    case S_LOCAL:
      *r = locals[n->local];
      r->owned = NULL; /* borrowed */
      return TRUE;
    case S_COND:
      if (!eval (n->a, locals, &a))
        return FALSE;
      ok = eval (to_boolean (&a) ? n->b : n->c, locals, r);
      sval_clear (&a);
      return ok;
    case S_NOT:
      if (!eval (n->a, locals, &a))
        return FALSE;
      sval_boolean (r, !to_boolean (&a));
      sval_clear (&a);
      return TRUE;
    case S_NEG:
    case S_PLUS:
      if (!eval (n->a, locals, &a))
        return FALSE;
      if ((ok = to_number (&a, &x)))
        sval_number (r, n->kind == S_NEG ? -x : x);
      sval_clear (&a);
      return ok;
    case S_TO_FIXED:
      {
        char buf[FC_WXS_FIXED_BUF];
        gsize len = 0;
        double digits = 0;
        if (!eval (n->a, locals, &a))
          return FALSE;
        if (n->b && !eval (n->b, locals, &b))
          {
            sval_clear (&a);
            return FALSE;
          }
        /* a number, and digits as an integer 0-20 (or none, or undefined):
         * the rest is the engine's (coercions, RangeError) */
        ok = a.kind == FC_VALUE_NUMBER
             && (!n->b || b.kind == FC_VALUE_UNDEFINED
                 || (b.kind == FC_VALUE_NUMBER && (digits = b.n) >= 0
                     && digits <= 20 && digits == (int)digits))
             && (len = fc_wxs_format_fixed (a.n, (int)digits, buf));
        if (ok)
          {
            r->kind = FC_VALUE_STRING;
            r->s = r->owned = g_strndup (buf, len);
          }
        sval_clear (&a);
        sval_clear (&b);
        return ok;
      }
    default:
      break;
    }

  /* binary operators: both operands first, left to right */
  if (!eval (n->a, locals, &a))
    return FALSE;
  if (!eval (n->b, locals, &b))
    {
      sval_clear (&a);
      return FALSE;
    }
  if (n->kind == S_SEQ || n->kind == S_SNE)
    sval_boolean (r, strict_equal (&a, &b) == (n->kind == S_SEQ));
  else if (n->kind == S_ADD
           && (a.kind == FC_VALUE_STRING || b.kind == FC_VALUE_STRING))
    concat (r, &a, &b);
  else if (!to_number (&a, &x) || !to_number (&b, &y))
    ok = FALSE;
  else
    switch (n->kind)
      {
      case S_ADD:
        sval_number (r, x + y);
        break;
      case S_SUB:
        sval_number (r, x - y);
        break;
      case S_MUL:
        sval_number (r, x * y);
        break;
      case S_DIV:
        sval_number (r, x / y);
        break;
      case S_MOD:
        sval_number (r, fmod (x, y));
        break;
      case S_LT:
        sval_boolean (r, x < y);
        break;
      case S_GT:
        sval_boolean (r, x > y);
        break;
      case S_LE:
        sval_boolean (r, x <= y);
        break;
      case S_GE:
        sval_boolean (r, x >= y);
        break;
      default:
        ok = FALSE;
        break;
      }
  sval_clear (&a);
  sval_clear (&b);
  return ok;
}

/**
 * fc_wxs_simple_run:
 * @s: a compiled function
 * @args: (array length=n_args): its arguments
 * @n_args: their number
 *
 * Returns: (transfer full) (nullable): the result, or %NULL when the engine
 *   must run the function instead
 */
FcValue *
fc_wxs_simple_run (const FcWxsSimple *s, FcValue *const *args, guint n_args)
{
  SVal locals[MAX_LOCALS];
  SVal r = { 0 };
  FcValue *result = NULL;
  guint i, made = 0;

  for (i = 0; i < s->n_params; i++)
    {
      locals[i].kind = FC_VALUE_UNDEFINED;
      locals[i].owned = NULL;
      if (i < n_args && !sval_from (&locals[i], args[i]))
        return NULL;
    }
  for (; i < s->n_locals; i++, made++)
    if (!eval (s->init[i], locals, &locals[i]))
      goto done;
  if (!eval (s->ret, locals, &r))
    goto done;
  switch (r.kind)
    {
    case FC_VALUE_UNDEFINED:
      result = fc_value_new_undefined ();
      break;
    case FC_VALUE_NULL:
      result = fc_value_new_null ();
      break;
    case FC_VALUE_BOOLEAN:
      result = fc_value_new_boolean (r.n != 0);
      break;
    case FC_VALUE_NUMBER:
      result = fc_value_new_number (r.n);
      break;
    default:
      /* a string: borrowed ones are copied (the returned variable's
       * string stays its own until the locals go) */
      result = fc_value_new_string_take (r.owned ? g_steal_pointer (&r.owned)
                                                 : g_strdup (r.s));
      break;
    }
done:
  sval_clear (&r);
  for (i = s->n_params; i < s->n_params + made; i++)
    sval_clear (&locals[i]);
  return result;
}
