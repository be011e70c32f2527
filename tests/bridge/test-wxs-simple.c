/* WXS functions run without the engine (bridge/fc-wxs-simple.c): which
 * function literals it takes, and, for each of them and a set of argument
 * values, that its result is the engine's (Duktape with the sandbox's
 * library, on the same source) wherever it gives one. Built with the two
 * bridge files it tests; the page-level behaviour (calls, a module that
 * changes a member or toFixed) is in test-wxs.c. */
#include <duktape.h>
#include <fc-bridge.h>
#include <math.h>
#include <string.h>

#include "fc-bridge-private.h"
#include "fc-wxs-private.h"

typedef struct {
  const char *source; /* after `function` */
  gboolean simple;
} CompileRow;

static const CompileRow compile_rows[] = {
  { " (cents) {\n    var s = (cents / 100).toFixed(2);\n    return '¥' + s;\n  }", TRUE },
  { "(a, b) { return a + b; }", TRUE },
  { "(a) { return a > 0 ? 'up ' + a : a < 0 ? 'down ' + -a : 'flat'; }", TRUE },
  { "(a) { var x = a * 2, y = x % 7; return x === y ? !a : +a - 1; }", TRUE },
  { "(a) { return (a).toFixed(); }", TRUE },
  { "(a) { return a.toFixed(1) + \"%\"; }", TRUE },
  { "(a) { return a / 1e3 + .5 + 2.5e-3 + 0; }", TRUE },
  { "(a) { /* c */ return a // d\n ; }", TRUE },
  { "() { return null; }", TRUE },
  { "(a) { return a >= 1 !== a <= 1; }", TRUE },
  /* not the subset: other statements, names, operators, literals */
  { "f(a) { return a; }", FALSE },
  { "(a) { return\n a; }", FALSE },
  { "(a) { return a == 1; }", FALSE },
  { "(a) { return a != 1; }", FALSE },
  { "(a) { return a++; }", FALSE },
  { "(a) { return a += 1; }", FALSE },
  { "(a) { return a << 1; }", FALSE },
  { "(a) { return a && 1; }", FALSE },
  { "(a) { return a.length; }", FALSE },
  { "(a) { return a.toUpperCase(); }", FALSE },
  { "(a) { return Math.round(a); }", FALSE },
  { "(a) { return undefined; }", FALSE },
  { "(a) { return this; }", FALSE },
  { "(a) { return b; }", FALSE },
  { "(a) { var b = b; return b; }", FALSE },
  { "(a) { return c; var c = 1; }", FALSE },
  { "(a) { var a = 1; return a; }", FALSE },
  { "(a, a) { return a; }", FALSE },
  { "(a = 1) { return a; }", FALSE },
  { "(arguments) { return 1; }", FALSE },
  { "(a) { return 010; }", FALSE },
  { "(a) { return 0x10; }", FALSE },
  { "(a) { return 1.5.toFixed(1); }", FALSE },
  { "(a) { return 'a\\'b'; }", FALSE },
  { "(a) { return '\xf0\x9f\x98\x80'; }", FALSE },
  { "(a) { return /x/; }", FALSE },
  { "(a) { if (a) return 1; return 2; }", FALSE },
  { "(a) { 'use strict'; return a; }", FALSE },
  { "(a) { var b = 1 return b; }", FALSE },
  { "(a) { return a; ", FALSE },
  { "(a) { return (a; }", FALSE },
  { "(a) { return a ? 1; }", FALSE },
  { "(a) { return a => 1; }", FALSE },
  { "(a) { return a...; }", FALSE },
};

static void
test_compile (gconstpointer p)
{
  const CompileRow *row = p;
  FcWxsSimple *s = fc_wxs_simple_compile (row->source, row->source + strlen (row->source));
  g_assert_true ((s != NULL) == row->simple);
  fc_wxs_simple_free (s);
}

/* ---- the engine as the oracle ---- */

static duk_ret_t
no_guard (duk_context *ctx)
{
  duk_push_int (ctx, 1 << 30);
  return 1;
}

static duk_ret_t
no_log (duk_context *ctx)
{
  return 0;
}

static duk_ret_t
install_safe (duk_context *ctx, void *udata)
{
  fc_wxs_stdlib_install (ctx, no_guard, no_log);
  return 0;
}

/* "kind:String(value)"; a number as its exact value ("Number:%a"): the
 * engine and glass-easel (V8) print a number that lies exactly between
 * its two shortest forms differently (4503599627370495.5 / 7 is
 * …642.25: Duktape prints …642.3, V8 and fc_value_to_js_string() …642.2),
 * and the bridge prints numbers as glass-easel does */
static char *
describe_value (const FcValue *v)
{
  g_autofree char *s = fc_value_to_js_string (v);
  if (fc_value_get_kind (v) == FC_VALUE_NUMBER)
    return g_strdup_printf ("Number:%a", fc_value_get_number (v));
  return g_strdup_printf ("%s:%s", fc_value_type_name (v), s);
}

static duk_ret_t
describe_safe (duk_context *ctx, void *udata)
{
  char **out = udata;
  /* [r] */
  if (duk_is_number (ctx, -1))
    {
      *out = g_strdup_printf ("Number:%a", duk_get_number (ctx, -1));
      return 1;
    }
  duk_push_string (ctx,
                   "(function (r) { var t = r === null ? 'null' : typeof r;"
                   " var k = { 'undefined': 'undefined', 'null': 'null', 'boolean': 'Boolean', 'number': 'Number',"
                   " 'string': 'String' }[t] || 'Object';"
                   " return k + ':' + String(r); })");
  duk_eval (ctx);
  duk_swap_top (ctx, -2);
  duk_call (ctx, 1);
  *out = g_strdup (duk_get_string (ctx, -1));
  return 1;
}

typedef struct {
  const char *source;
  char *result;
  FcValue *const *args;
  guint n_args;
} EngineCall;

static duk_ret_t
engine_call_safe (duk_context *ctx, void *udata)
{
  EngineCall *c = udata;
  g_autofree char *code = g_strdup_printf ("(function %s)", c->source);
  duk_eval_string (ctx, code);
  for (guint i = 0; i < c->n_args; i++)
    {
      const FcValue *v = c->args[i];
      switch (fc_value_get_kind (v))
        {
        case FC_VALUE_UNDEFINED: duk_push_undefined (ctx); break;
        case FC_VALUE_NULL: duk_push_null (ctx); break;
        case FC_VALUE_BOOLEAN: duk_push_boolean (ctx, fc_value_get_boolean (v)); break;
        case FC_VALUE_NUMBER: duk_push_number (ctx, fc_value_get_number (v)); break;
        default: duk_push_string (ctx, fc_value_get_string (v)); break;
        }
    }
  duk_call (ctx, c->n_args);
  return describe_safe (ctx, &c->result);
}

/* functions, each run with every argument value below */
static const char *const run_sources[] = {
  " (cents) {\n    var s = (cents / 100).toFixed(2);\n    return '¥' + s;\n  }",
  "(a) { return a + 1; }",
  "(a) { return 'x' + a; }",
  "(a) { return a + 'x'; }",
  "(a) { return -a; }",
  "(a) { return +a; }",
  "(a) { return !a; }",
  "(a) { return a * 3 - 1; }",
  "(a) { return a / 7; }",
  "(a) { return a % 3; }",
  "(a) { return -7 % a; }",
  "(a) { return a < 2; }",
  "(a) { return a >= -0.5; }",
  "(a) { return a === 1; }",
  "(a) { return a !== null; }",
  "(a) { return a ? 'yes' : 'no'; }",
  "(a) { return (a).toFixed(); }",
  "(a) { return (a).toFixed(3); }",
  "(a) { return (a * 100).toFixed(20); }",
  "(a) { return (a / 3).toFixed(a); }",
  "(a) { var b = a * 10, c = b + 0.05; return c.toFixed(1) + '/' + b; }",
  "(a) { return a + a + '' + a + a; }",
  "(a) { return 1e21 + a; }",
  "(a) { return 0.1 * 3 + a + ' ' + 1 / 3; }",
  "(a, b) { return a + b; }",
  "(a, b) { return b === null ? a : b; }",
};

static void
test_against_engine (void)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_value_unref);
  const double numbers[] = { 0, -0.0, 1, -1, 2.5, -2.5, 0.005, 1.005, 1234.5, 99.995, 1e-7, 123456789.125,
                             1e20, 1e21, 4503599627370495.5, 0.1, 7, 20, 21, -3.75, 1e300, 5e-324 };
  duk_context *ctx = duk_create_heap_default ();
  guint fast = 0, total = 0;

  g_assert_cmpint (duk_safe_call (ctx, install_safe, NULL, 0, 1), ==, DUK_EXEC_SUCCESS);
  duk_pop (ctx);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_ptr_array_add (values, fc_value_new_number (numbers[i]));
  g_ptr_array_add (values, fc_value_new_number (NAN));
  g_ptr_array_add (values, fc_value_new_number (INFINITY));
  g_ptr_array_add (values, fc_value_new_string ("12"));
  g_ptr_array_add (values, fc_value_new_string (""));
  g_ptr_array_add (values, fc_value_new_string ("a¥b"));
  g_ptr_array_add (values, fc_value_new_boolean (TRUE));
  g_ptr_array_add (values, fc_value_new_boolean (FALSE));
  g_ptr_array_add (values, fc_value_new_null ());
  g_ptr_array_add (values, fc_value_new_undefined ());

  for (guint f = 0; f < G_N_ELEMENTS (run_sources); f++)
    {
      const char *src = run_sources[f];
      FcWxsSimple *s = fc_wxs_simple_compile (src, src + strlen (src));
      if (!s)
        g_error ("not compiled: function%s", src);
      for (guint i = 0; i < values->len; i++)
        for (guint j = 0; j < (strstr (src, "(a, b)") ? values->len : 1); j++)
          {
            FcValue *args[2] = { g_ptr_array_index (values, i), g_ptr_array_index (values, j) };
            guint n_args = strstr (src, "(a, b)") ? (j + 1 == values->len ? 1 : 2) : 1;
            g_autoptr (FcValue) r = fc_wxs_simple_run (s, args, n_args);
            EngineCall c = { src, NULL, args, n_args };
            g_autofree char *mine = NULL;

            total++;
            if (!r)
              continue; /* the engine's to run */
            fast++;
            mine = describe_value (r);
            if (duk_safe_call (ctx, engine_call_safe, &c, 0, 1) != DUK_EXEC_SUCCESS)
              g_error ("%s: the engine threw %s where fc-wxs-simple.c gave %s", src,
                       duk_safe_to_string (ctx, -1), mine);
            duk_pop (ctx);
            if (strcmp (mine, c.result) != 0)
              {
                g_autofree char *a = fc_value_to_json (args[0]);
                g_error ("function%s (%s…): engine %s, fc-wxs-simple.c %s", src, a, c.result, mine);
              }
            g_free (c.result);
          }
      fc_wxs_simple_free (s);
    }
  g_test_message ("%u of %u calls without the engine", fast, total);
  /* strings in arithmetic, odd toFixed digits, …: left to the engine;
   * most calls are not */
  g_assert_cmpuint (fast, >, total / 2);
  duk_destroy_heap (ctx);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (compile_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wxs-simple/compile/%u", i);
      g_test_add_data_func (path, &compile_rows[i], test_compile);
    }
  g_test_add_func ("/wxs-simple/against-engine", test_against_engine);
  return g_test_run ();
}
