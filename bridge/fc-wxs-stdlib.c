/* fc-wxs-stdlib.c: the globals of a WXS sandbox. What Duktape brings of
 * ES5 stays (String, Number, Math, JSON, Array, Object, parseInt, …);
 * what the platform leaves out of WXS goes (`Date` and `RegExp` as
 * constructors, `eval`, `Function`), and so does whatever Duktape adds
 * beyond the language (`Duktape`, `Proxy`, `Reflect`, `Promise`,
 * `performance`); the platform's `getRegExp()`, `getDate()` and
 * `console.log` come in. The Array methods refuse array-likes too long to
 * walk within a call's budget (MAX_ARRAY_LENGTH). */
#include <math.h>
#include <string.h>

#include "fc-bridge-private.h"
#include "fc-wxs-private.h"

/* getRegExp(pattern[, flags]) */
static duk_ret_t
get_regexp (duk_context *ctx)
{
  duk_idx_t n = duk_get_top (ctx);
  duk_push_global_stash (ctx);
  duk_get_prop_string (ctx, -1, FC_WXS_HIDDEN ("RegExp"));
  duk_push_string (ctx, n > 0 ? duk_safe_to_string (ctx, 0) : "");
  if (n > 1 && !duk_is_undefined (ctx, 1))
    {
      duk_push_string (ctx, duk_safe_to_string (ctx, 1));
      duk_new (ctx, 2);
    }
  else
    duk_new (ctx, 1);
  return 1;
}

/* getDate(...): new Date(...) with the same arguments */
static duk_ret_t
get_date (duk_context *ctx)
{
  duk_idx_t n = duk_get_top (ctx);
  duk_push_global_stash (ctx);
  duk_get_prop_string (ctx, -1, FC_WXS_HIDDEN ("Date"));
  duk_remove (ctx, -2);
  duk_insert (ctx, 0);
  duk_new (ctx, n);
  return 1;
}

/* Arrays (and array-likes) longer than this are refused by the Array
 * methods: a sparse `a.length = 4e9` costs nothing to make, and the
 * engine's methods then walk every index in C, where no runaway check
 * reaches (indexOf over 4e9 holes: some 20 minutes). A view script's real
 * lists are far shorter; 2^20 dense elements nearly fill the heap's cap. */
#define MAX_ARRAY_LENGTH (1u << 20)

/* [args… this] → the engine's method (the current function's hidden
 * "method") called with them */
static duk_ret_t
call_original (duk_context *ctx)
{
  duk_idx_t n = duk_get_top (ctx) - 1;
  duk_push_current_function (ctx);
  duk_get_prop_string (ctx, -1, FC_WXS_HIDDEN ("method"));
  duk_remove (ctx, -2);
  /* [args… this method] → [method this args…] */
  duk_insert (ctx, 0);
  duk_insert (ctx, 1);
  duk_call_method (ctx, n);
  return 1;
}

/* Array.prototype.NAME, as a wrapper that checks this.length and calls the
 * engine's own method (kept in a hidden property) */
static duk_ret_t
array_method (duk_context *ctx)
{
  duk_uint32_t length = 0;

  duk_push_this (ctx);
  if (!duk_is_null_or_undefined (ctx, -1))
    {
      duk_get_prop_string (ctx, -1, "length");
      length = duk_to_uint32 (ctx, -1);
      duk_pop (ctx);
    }
  if (length > MAX_ARRAY_LENGTH)
    return duk_error (
        ctx, DUK_ERR_RANGE_ERROR,
        "an array of %lu elements: WXS array methods take at most %u",
        (unsigned long)length, MAX_ARRAY_LENGTH);
  return call_original (ctx);
}

static void
guard_array_methods (duk_context *ctx)
{
  static const char *const names[]
      = { "indexOf",  "lastIndexOf",    "forEach",    "map",         "filter",
          "some",     "every",          "reduce",     "reduceRight", "join",
          "toString", "toLocaleString", "reverse",    "slice",       "splice",
          "shift",    "unshift",        "sort",       "concat",      "fill",
          "find",     "findIndex",      "copyWithin", "includes" };

  duk_get_global_string (ctx, "Array");
  duk_get_prop_string (ctx, -1, "prototype");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (!duk_get_prop_string (ctx, -1, names[i])
          || !duk_is_function (ctx, -1))
        {
          duk_pop (ctx);
          continue;
        }
      /* [proto method] */
      duk_push_string (ctx, names[i]);
      duk_push_c_function (ctx, array_method, DUK_VARARGS);
      duk_dup (ctx, -3);
      duk_put_prop_string (ctx, -2, FC_WXS_HIDDEN ("method"));
      /* [proto method name wrapper]: as the engine's, writable and
       * configurable but not enumerable */
      duk_def_prop (ctx, -4,
                    DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE
                        | DUK_DEFPROP_CLEAR_ENUMERABLE
                        | DUK_DEFPROP_SET_CONFIGURABLE);
      duk_pop (ctx);
    }
  duk_pop_2 (ctx);
}

/* x·10^f rounded to an integer, as a decimal with f digits after the
 * point, computed exactly without printf when x·10^f < 2^51: p = x·10^f
 * rounded and e = fma (x, 10^f, -p) its exact error (10^f is exact for
 * f ≤ 22), so x·10^f = n + r + e with n = ⌊p⌋ and r = p - n exact. n + 1
 * is nearer (or a tie, which goes up) when r + e ≥ 1/2: d = r - 1/2 is
 * exact when r ≥ 1/4 and a multiple of ulp(p), which |e| ≤ ulp(p)/2 cannot
 * outweigh, so the sign of d decides, and e when d is 0; when r < 1/4,
 * d < -1/4 and |e| ≤ 1/4. Returns the length written to @buf (≥ 48
 * bytes), or 0 when x·10^f is too large. */
static gsize
fixed_digits (double ax, int f, char *buf)
{
  static const double pow10[]
      = { 1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9, 1e10,
          1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20 };
  double p, r, d, e;
  guint64 n;
  char digits[24];
  int nd = 0, len = 0;

  if (f < 0 || f > 20)
    return 0;
  p = ax * pow10[f];
  if (!(p < 0x1p51))
    return 0;
  n = (guint64)p;
  e = fma (ax, pow10[f], -p);
  r = p - (double)n;
  d = r - 0.5;
  if (d > 0 || (d == 0 && e >= 0))
    n++;
  do
    digits[nd++] = (char)('0' + n % 10), n /= 10;
  while (n);
  while (nd <= f)
    digits[nd++] = '0';
  while (nd > 0)
    {
      if (nd == f)
        buf[len++] = '.';
      buf[len++] = digits[--nd];
    }
  buf[len] = '\0';
  return len;
}

/* Number.prototype.toFixed for a number and 0-20 digits: fixed_digits()
 * when x·10^f < 2^51 (prices, percentages), else glibc's printf,
 * which rounds the double's exact value, as the language does; an exact
 * tie (x·10^f ending in .5 exactly) goes up, where printf goes to even.
 * x = M·2^E with M odd is a tie when E + f = -1. Anything else (a Number
 * object, other digits, NaN, ±Infinity, |x| ≥ 1e21) is the engine's own
 * method, whose bignum formatting costs several times more: formatting
 * prices is most of what view scripts do. */
/**
 * fc_wxs_format_fixed:
 * @x: a number
 * @f: digits after the point, 0 to 20
 * @buf: (out caller-allocates): at least FC_WXS_FIXED_BUF bytes
 *
 * `x.toFixed(f)` for a finite @x below 10^21 in magnitude.
 *
 * Returns: the length written to @buf, or 0 for anything else (the
 *   engine's own method then formats it)
 */
gsize
fc_wxs_format_fixed (double x, int f, char *buf)
{
  double ax, m;
  int e;
  gboolean tie = FALSE;
  gsize len;

  if (!isfinite (x) || fabs (x) >= 1e21 || f < 0 || f > 20)
    return 0;
  ax = fabs (x);
  buf[0] = '-';
  if ((len = fixed_digits (ax, f, buf + 1)))
    goto done;
  if (ax != 0)
    {
      /* ax = m·2^e, m in [0.5, 1): M = m·2^53, E = e - 53, then M made odd */
      gint64 mant;
      m = frexp (ax, &e);
      mant = (gint64)ldexp (m, 53);
      e -= 53;
      while (!(mant & 1))
        mant >>= 1, e++;
      tie = e + f == -1;
    }
  if (!tie)
    g_snprintf (buf + 1, FC_WXS_FIXED_BUF - 1, "%.*f", f, ax);
  else
    {
      /* exact to one more digit (a 5), which goes, and the rest rounds up */
      char *p;
      g_snprintf (buf + 1, FC_WXS_FIXED_BUF - 1, "%.*f", f + 1, ax);
      len = strlen (buf);
      buf[--len] = '\0';
      if (buf[len - 1] == '.')
        buf[--len] = '\0';
      for (p = buf + len - 1; p > buf; p--)
        {
          if (*p == '.')
            continue;
          if (*p != '9')
            {
              (*p)++;
              break;
            }
          *p = '0';
        }
      if (p == buf)
        {
          /* carried past the first digit: one more */
          memmove (buf + 2, buf + 1, strlen (buf + 1) + 1);
          buf[1] = '1';
        }
    }
  len = strlen (buf + 1);
done:
  if (x < 0)
    return len + 1;
  memmove (buf, buf + 1, len + 1);
  return len;
}

static duk_ret_t
number_to_fixed (duk_context *ctx)
{
  double digits = 0;
  char buf[FC_WXS_FIXED_BUF];
  gsize len = 0;
  gboolean has_digits = duk_get_top (ctx) > 0 && !duk_is_undefined (ctx, 0);

  duk_push_this (ctx);
  if (!duk_is_number (ctx, -1)
      || (has_digits
          && !(duk_is_number (ctx, 0) && (digits = duk_get_number (ctx, 0)) >= 0
               && digits <= 20 && digits == (int)digits))
      || !(len
           = fc_wxs_format_fixed (duk_get_number (ctx, -1), (int)digits, buf)))
    return call_original (ctx);
  duk_push_lstring (ctx, buf, len);
  return 1;
}

static void
stash (duk_context *ctx, const char *hidden_key)
{
  /* value on top → stash[hidden_key] */
  duk_push_global_stash (ctx);
  duk_swap_top (ctx, -2);
  duk_put_prop_string (ctx, -2, hidden_key);
  duk_pop (ctx);
}

static void
fast_to_fixed (duk_context *ctx)
{
  duk_get_global_string (ctx, "Number");
  duk_get_prop_string (ctx, -1, "prototype");
  duk_push_string (ctx, "toFixed");
  duk_push_c_function (ctx, number_to_fixed, DUK_VARARGS);
  duk_get_prop_string (ctx, -3, "toFixed");
  duk_put_prop_string (ctx, -2, FC_WXS_HIDDEN ("method"));
  /* fc-wxs-runtime.c checks that it is still there */
  duk_dup (ctx, -1);
  stash (ctx, FC_WXS_HIDDEN ("toFixedFn"));
  duk_def_prop (ctx, -3,
                DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE
                    | DUK_DEFPROP_CLEAR_ENUMERABLE
                    | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_pop_2 (ctx);
}

static void
delete_constructor (duk_context *ctx, const char *global)
{
  duk_get_global_string (ctx, global);
  duk_get_prop_string (ctx, -1, "prototype");
  duk_del_prop_string (ctx, -1, "constructor");
  duk_pop_2 (ctx);
}

/**
 * fc_wxs_stdlib_install:
 * @ctx: a fresh heap
 * @guard: the runaway guard (fc-wxs-guard.c calls it by FC_WXS_GUARD)
 * @log: console.log
 *
 * Makes the heap's global object a WXS sandbox. Throws on out of memory.
 */
void
fc_wxs_stdlib_install (duk_context *ctx, duk_c_function guard,
                       duk_c_function log)
{
  static const char *const removed[]
      = { "Date",  "RegExp",  "eval",    "Function",   "Duktape",
          "Proxy", "Reflect", "Promise", "performance" };

  /* what the library still needs of them, out of the sandbox's reach */
  duk_get_global_string (ctx, "Date");
  stash (ctx, FC_WXS_HIDDEN ("Date"));
  duk_get_global_string (ctx, "RegExp");
  stash (ctx, FC_WXS_HIDDEN ("RegExp"));
  duk_get_global_string (ctx, "Object");
  duk_get_prop_string (ctx, -1, "prototype");
  duk_get_prop_string (ctx, -1, "toString");
  stash (ctx, FC_WXS_HIDDEN ("toString"));
  duk_pop_2 (ctx);

  guard_array_methods (ctx);
  fast_to_fixed (ctx);

  /* `(function(){}).constructor` would give Function back, and with it
   * code the guard never saw */
  delete_constructor (ctx, "Function");
  delete_constructor (ctx, "Date");
  delete_constructor (ctx, "RegExp");

  duk_push_global_object (ctx);
  for (guint i = 0; i < G_N_ELEMENTS (removed); i++)
    duk_del_prop_string (ctx, -1, removed[i]);

  duk_push_string (ctx, FC_WXS_GUARD);
  duk_push_c_function (ctx, guard, 0);
  duk_def_prop (ctx, -3,
                DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE
                    | DUK_DEFPROP_CLEAR_ENUMERABLE
                    | DUK_DEFPROP_CLEAR_CONFIGURABLE);

  duk_push_c_function (ctx, get_regexp, DUK_VARARGS);
  duk_put_prop_string (ctx, -2, "getRegExp");
  duk_push_c_function (ctx, get_date, DUK_VARARGS);
  duk_put_prop_string (ctx, -2, "getDate");

  duk_push_object (ctx);
  duk_push_c_function (ctx, log, DUK_VARARGS);
  duk_put_prop_string (ctx, -2, "log");
  duk_put_prop_string (ctx, -2, "console");
  duk_pop (ctx);
}
