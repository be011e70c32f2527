/* WXS modules: the language and its library (rows checked against
 * glass-easel: the expected values are what glass-easel 0.12.1 gives for
 * the same module, with TZ=UTC), the sandbox, the runaway guard, and
 * modules in bindings (calls, dependencies, errors, require()). */
#include <fc-bridge.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

typedef struct {
  const char *name;
  const char *body;     /* of t(d) */
  const char *expected; /* String(result) */
} LangRow;

/* glass-easel's output for each row (each body run as a WXS module's
 * function through glass-easel 0.12.1 with its template compiler, the
 * oracle of /work/shared/glass-easel-oracle, TZ=UTC) */
static const LangRow lang_rows[] = {
  { "closure",
    "var mk = function (n) { return function () { return ++n; }; }; var c = mk(5); c(); return c();",
    "7" },
  { "var-hoisting",
    "x = 3; var x; return typeof x + x;",
    "number3" },
  { "function-decl-hoisting",
    "return f(2); function f(a) { return a * 10; }",
    "20" },
  { "if-else",
    "var r = []; for (var i = 0; i < 4; i++) { if (i % 2) r.push('odd'); else if (i == 0) r.push('zero'); else r.push('even'); } return r.join();",
    "zero,odd,even,odd" },
  { "while-do",
    "var i = 0, j = 0; while (i < 5) i++; do { j += 2; } while (j < 7); return i + ':' + j;",
    "5:8" },
  { "for-in",
    "var k = []; for (var p in d.o) k.push(p); return k.join('|');",
    "a|b" },
  { "break-continue-label",
    "var r = ''; outer: for (var i = 0; i < 3; i++) { for (var j = 0; j < 3; j++) { if (j == 1) continue; if (i == 2) break outer; r += i + '' + j + ' '; } } return r;",
    "00 02 10 12 " },
  { "switch",
    "var f = function (x) { switch (x) { case 1: return 'one'; case 'a': case 'b': return 'ab'; default: return 'other'; } }; return [f(1), f('b'), f(3), f('1')].join();",
    "one,ab,other,other" },
  { "switch-fallthrough",
    "var r = ''; switch (2) { case 1: r += 'a'; case 2: r += 'b'; case 3: r += 'c'; break; case 4: r += 'd'; } return r;",
    "bc" },
  { "typeof",
    "return [typeof 1, typeof 'a', typeof true, typeof undefined, typeof null, typeof {}, typeof [], typeof function () {}, typeof d.missing].join();",
    "number,string,boolean,undefined,object,object,object,function,undefined" },
  { "arithmetic",
    "return [5 % 3, -7 % 3, 1 / 0, -1 / 0, 0.1 + 0.2, '5' * '2', '5' + 2, 5 - '2', 7 / 2].join(' ');",
    "2 -1 Infinity -Infinity 0.30000000000000004 10 52 3 3.5" },
  { "bitwise",
    "return [5 & 3, 5 | 8, 5 ^ 1, ~5, -1 >>> 28, 1 << 31, -16 >> 2].join(' ');",
    "1 13 4 -6 15 -2147483648 -4" },
  { "comparison",
    "return [null == undefined, null === undefined, NaN == NaN, '10' < '9', 10 < 9, '2' > 1, 0 == '', [] == false].join(' ');",
    "true false false true false true true true" },
  { "logical",
    "return [0 || 'a', 1 && 'b', null || undefined, !'' , !!'0'].join(' ');",
    "a b  true true" },
  { "conditional-comma",
    "var a = (1, 2, 3); return a > 2 ? 'big' : 'small';",
    "big" },
  { "in-instanceof-delete",
    "var o = { a: 1, b: 2 }; delete o.a; return ['a' in o, 'b' in o, [] instanceof Array, void 0].join(' ');",
    "false true true " },
  { "increment",
    "var i = 5; var a = i++ + ++i; i -= 2; i *= 3; i /= 2; i %= 4; return a + ',' + i;",
    "12,3.5" },
  { "try-catch-finally",
    "var r = []; try { r.push('t'); throw new Error('boom'); } catch (e) { r.push(e.message); } finally { r.push('f'); } return r.join();",
    "t,boom,f" },
  { "error-types",
    "try { null.x; } catch (e) { return e instanceof TypeError; }",
    "true" },
  { "arguments",
    "var f = function () { return arguments.length + ':' + arguments[1]; }; return f(1, 'two', 3);",
    "3:two" },
  { "recursion",
    "var fib = function (n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }; return fib(15);",
    "610" },
  { "string-case",
    "return d.s.toUpperCase() + d.s.toLowerCase();",
    "HELLOhello" },
  { "string-slice",
    "return [d.s.substring(1, 3), d.s.slice(-3), d.s.substr(1, 2), d.s.charAt(1), d.s.charCodeAt(0)].join();",
    "el,llo,el,e,72" },
  { "string-search",
    "return [d.s.indexOf('l'), d.s.lastIndexOf('l'), d.s.indexOf('z'), d.s.search(getRegExp('l+'))].join();",
    "2,3,-1,2" },
  { "string-split-join",
    "return 'a,b,,c'.split(',').length + '|' + 'a-b-c'.split('-', 2).join('+');",
    "4|a+b" },
  { "string-replace",
    "return 'a.b.c'.replace('.', '/') + ' ' + 'a.b.c'.replace(getRegExp('\\\\.', 'g'), '/');",
    "a/b.c a/b/c" },
  { "string-trim-concat",
    "return '[' + '  x y  '.trim() + ']' + 'a'.concat('b', 1);",
    "[x y]ab1" },
  { "string-fromcharcode",
    "return String.fromCharCode(72, 105) + String(null) + String([1, [2, 3]]) + String({});",
    "Hinull1,2,3[object Object]" },
  { "string-match",
    "var m = 'tel: 138-0000'.match(getRegExp('(\\\\d+)-(\\\\d+)')); return m[1] + '/' + m[2] + '/' + m.index;",
    "138/0000/5" },
  { "unicode",
    "return '中文'.length + ':' + '中文'.charAt(1) + ':' + encodeURIComponent('中 a');",
    "2:文:%E4%B8%AD%20a" },
  { "number-tofixed",
    "return [d.n.toFixed(2), (1.005).toFixed(2), (1234.5678).toFixed(1), (0.5).toFixed(0), (2.5).toFixed(0), (-1.5).toFixed(0), (10).toFixed(2)].join(' ');",
    "3.14 1.00 1234.6 1 3 -2 10.00" },
  { "number-misc",
    "return [(255).toString(16), (255).toString(2), (123.456).toPrecision(4), (0.000001234).toExponential(2), Number('  12 '), Number('1e3'), Number('x')].join(' ');",
    "ff 11111111 123.5 1.23e-6 12 1000 NaN" },
  { "parse",
    "return [parseInt('08'), parseInt('ff', 16), parseInt('12px'), parseFloat('3.5kg'), isNaN('abc'), isFinite('12')].join(' ');",
    "8 255 12 3.5 true true" },
  { "number-constants",
    "return [Number.MAX_VALUE > 1e308, Number.MIN_VALUE > 0, Number.NaN !== Number.NaN, Number.POSITIVE_INFINITY].join(' ');",
    "true true true Infinity" },
  { "math",
    "return [Math.max(1, 5, 3), Math.min(), Math.round(-2.5), Math.round(2.5), Math.floor(-1.5), Math.ceil(1.2), Math.abs(-3), Math.pow(2, 10), Math.sqrt(16), Math.PI.toFixed(4)].join(' ');",
    "5 Infinity -2 3 -2 2 3 1024 4 3.1416" },
  { "math-random",
    "var r = Math.random(); return r >= 0 && r < 1;",
    "true" },
  { "json-stringify",
    "return JSON.stringify({ b: 1, a: [1, 'x', null, true], c: { d: undefined } });",
    "{\"b\":1,\"a\":[1,\"x\",null,true],\"c\":{}}" },
  { "json-parse",
    "var o = JSON.parse('{\"x\":[1,2,{\"y\":\"z\"}]}'); return o.x[2].y + o.x.length;",
    "z3" },
  { "json-pretty",
    "return JSON.stringify([1, { a: 2 }], null, 2);",
    "[\n  1,\n  {\n    \"a\": 2\n  }\n]" },
  { "array-mutate",
    "var a = [1, 2, 3]; a.push(4, 5); var p = a.pop(); var s = a.shift(); a.unshift(0); return a.join() + '|' + p + s + '|' + a.length;",
    "0,2,3,4|51|4" },
  { "array-slice-splice",
    "var a = [1, 2, 3, 4, 5]; var r = a.splice(1, 2, 'x'); return a.join() + '|' + r.join() + '|' + a.slice(-2).join() + '|' + [1, 2].concat([3], 4).join();",
    "1,x,4,5|2,3|4,5|1,2,3,4" },
  { "array-sort",
    "var a = d.list.slice(); a.sort(); var b = [10, 9, 1, 100]; b.sort(); var c = [10, 9, 1, 100]; c.sort(function (x, y) { return x - y; }); return a.join() + '|' + b.join() + '|' + c.join() + '|' + d.list.join();",
    "1,2,3|1,10,100,9|1,9,10,100|3,1,2" },
  { "array-reverse-indexof",
    "var a = [1, 2, 3, 2]; return a.indexOf(2) + ',' + a.lastIndexOf(2) + ',' + a.indexOf(9) + ',' + a.reverse().join('');",
    "1,3,-1,2321" },
  { "array-iteration",
    "var a = [1, 2, 3, 4]; var s = 0; a.forEach(function (x) { s += x; }); return [a.map(function (x) { return x * x; }).join(), a.filter(function (x) { return x % 2; }).join(), a.reduce(function (p, x) { return p + x; }, 10), a.reduceRight(function (p, x) { return p + x; }, ''), a.some(function (x) { return x > 3; }), a.every(function (x) { return x > 3; }), s].join(' ');",
    "1,4,9,16 1,3 20 4321 true false 10" },
  { "array-isarray",
    "return [Array.isArray([]), Array.isArray(d.list), Array.isArray(d.o), [, 1].length, new Array(3).length].join();",
    "true,true,false,2,3" },
  { "array-holes",
    "var a = []; a[3] = 'x'; return a.length + ':' + a.join('-');",
    "4:---x" },
  { "object",
    "var o = { a: 1 }; o['b c'] = 2; var keys = Object.keys(o); return keys.join('|') + ':' + o.hasOwnProperty('a') + ':' + o.hasOwnProperty('toString');",
    "a|b c:true:false" },
  { "object-data",
    "return d.o.b.length + d.o.a + (d.missing === undefined);",
    "4" },
  { "data-is-a-copy",
    "d.list.push(9); return d.list.length;",
    "4" },
  { "getregexp",
    "var r = getRegExp('^a.c$', 'i'); return [r.test('ABC'), r.test('abcd'), r.source, r.global, r.ignoreCase, getRegExp('x', 'g').global].join();",
    "true,false,^a.c$,false,true,true" },
  { "getregexp-exec",
    "var r = getRegExp('(\\\\w)(\\\\d)', 'g'); var m, out = []; while ((m = r.exec('a1 b2 c3')) !== null) out.push(m[1] + m[2] + '@' + m.index); return out.join();",
    "a1@0,b2@3,c3@6" },
  { "getdate-parts",
    "var t = getDate(2020, 1, 29, 13, 5, 7); return [t.getFullYear(), t.getMonth(), t.getDate(), t.getDay(), t.getHours(), t.getMinutes(), t.getSeconds()].join();",
    "2020,1,29,6,13,5,7" },
  { "getdate-utc",
    "var t = getDate('2020-01-02T03:04:05Z'); return t.toISOString() + ' ' + t.getTime() + ' ' + getDate(0).getTime() + ' ' + getDate(86400000).getUTCDate();",
    "2020-01-02T03:04:05.000Z 1577934245000 0 2" },
  { "getdate-now",
    "var a = getDate().getTime(); return typeof a == 'number' && a > 1500000000000;",
    "true" },
  { "getdate-invalid",
    "return isNaN(getDate('not a date').getTime());",
    "true" },
  { "default-params",
    "var f = function (a, b = 2, c = 'x') { return a + b + c; }; function g(p, q = [1, 2].length,\n r = { k: (1, 2) }) { return p + q + r.k; } return f(1) + f(1, 5, 'y') + g(1);",
    "3x6y5" },
  { "regexp-string-replace-fn",
    "return 'a1b22'.replace(getRegExp('\\\\d+', 'g'), function (m) { return '<' + m.length + '>'; });",
    "a<1>b<2>" },
  { "string-escapes",
    "return '\\u4e2d\\t|' + 'a\\\\b'.length + '\\x41';",
    "中\t|3A" },
  { "number-to-string",
    "return [1e21, 1e-7, 123456789012345680000, -0, 0.1 * 3, 100 / 3].join(' ');",
    "1e+21 1e-7 123456789012345680000 0 0.30000000000000004 33.333333333333336" },
  { "tofixed-ties",
    "return [(0.125).toFixed(2), (0.375).toFixed(2), (2.5).toFixed(0), (3.5).toFixed(0), (-2.5).toFixed(0), (1.45).toFixed(1), (8.345).toFixed(2), (0.5).toFixed(0), (1.5).toFixed('1'), (99.995).toFixed(2), (1.25).toFixed(1), (1.35).toFixed(1), (0.03125).toFixed(4)].join(' ');",
    "0.13 0.38 3 4 -3 1.4 8.35 1 1.5 100.00 1.3 1.4 0.0313" },
  { "tofixed-range",
    "return [(1e20).toFixed(2), (123.456).toFixed(10), (0.000001).toFixed(7), (-0.0001).toFixed(2), (-0).toFixed(1), (1e21).toFixed(2), (NaN).toFixed(2), (5e-324).toFixed(20), (255).toFixed(), (-1e-7).toFixed(), (0.1).toFixed(20), (2e-7).toFixed(6)].join(' ');",
    "100000000000000000000.00 123.4560000000 0.0000010 -0.00 0.0 1e+21 NaN 0.00000000000000000000 255 -0 0.10000000000000000555 0.000000" },
  /* both sides of fixed_digits()'s 2^51 limit, and near-ties it decides
   * from the product's exact error (expected: Node 20's toFixed, which
   * glass-easel's modules run on) */
  { "tofixed-exact-product",
    "return [(2251799813685247.5).toFixed(0), (2251799813685248.5).toFixed(0), (4503599627370495.5).toFixed(0), (1234567.891).toFixed(9), (0.000005).toFixed(5), (10.235).toFixed(2), (1e-10).toFixed(20), (123.456e3).toFixed(12), (-0.005).toFixed(2), (0.045).toFixed(2), (1.0049999999999999).toFixed(2), (9.995).toFixed(2), (0.615).toFixed(2), (4.35).toFixed(1), (-99999.995).toFixed(2)].join(' ');",
    "2251799813685248 2251799813685249 4503599627370496 1234567.891000000 0.00001 10.23 0.00000000010000000000 123456.000000000000 -0.01 0.04 1.00 9.99 0.61 4.3 -99999.99" },
  { "tofixed-errors",
    "var r = []; try { (1).toFixed(101); } catch (e) { r.push(e instanceof RangeError); } r.push(new Number(2.5).toFixed(0)); r.push(Number.prototype.toFixed.call(7, 1)); return r.join(' ');",
    "true 3 7.0" },
  { "tofixed-no-digits",
    "return [(3).toFixed(), (0.5).toFixed(), (12).toFixed(undefined), (7.5).toFixed(null), (2.345).toFixed(2.9), (999.5).toFixed(), (-999.5).toFixed()].join(' ');",
    "3 1 12 8 2.35 1000 -1000" },
};

static const char *data_json
    = "{\"d\":{\"n\":3.14159,\"s\":\"Hello\",\"list\":[3,1,2],\"o\":{\"a\":1,\"b\":[1,2]}}}";

typedef struct {
  FcPage *page;
  GPtrArray *warnings;
} Fixture;

static void
on_warning (FcPage *page, const char *message, gpointer user_data)
{
  g_ptr_array_add (user_data, g_strdup (message));
}

/* Loads @fxml as pages/index/index.fxml with the files @files
 * ("path", "text", …, NULL); NULL with @error set when it fails. */
static FcPage *
load_page (const char *fxml, const char *data, GPtrArray *warnings, GError **error, ...)
{
  FcPage *page = fc_page_new (NULL, NULL);
  g_autoptr (FcValue) d = fc_value_from_json (data ? data : data_json, NULL);
  va_list ap;
  const char *path;

  if (warnings)
    g_signal_connect (page, "warning", G_CALLBACK (on_warning), warnings);
  va_start (ap, error);
  while ((path = va_arg (ap, const char *)))
    fc_page_add_file (page, path, va_arg (ap, const char *));
  va_end (ap);
  if (!fc_page_load (page, NULL, NULL, fxml, "pages/index/index.fxml", d, error))
    {
      g_object_unref (page);
      return NULL;
    }
  return page;
}

/* The text a `<view id="ID">{{…}}</view>` shows */
static const char *
text_of (FcPage *page, const char *id)
{
  g_autofree char *sel = g_strdup_printf ("#%s", id);
  FcElement *el = fc_page_select (page, sel);
  g_assert_nonnull (el);
  if (fc_element_get_n_children (el) == 0)
    return "";
  return fc_element_get_text (fc_element_get_child (el, 0));
}

static gboolean
has_warning (GPtrArray *warnings, const char *needle)
{
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), needle))
      return TRUE;
  return FALSE;
}

static void
dump_warnings (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("warning: %s", (char *) g_ptr_array_index (warnings, i));
}

static void
test_lang (gconstpointer p)
{
  const LangRow *row = p;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *fxml = g_strdup_printf (
      "<wxs module=\"m\">module.exports = { t: function (d) { return String((function () { %s })()); } };</wxs>\n"
      "<view id=\"r\">{{m.t(d)}}</view>",
      row->body);
  g_autoptr (FcPage) page = load_page (fxml, NULL, warnings, &error, NULL);

  g_assert_no_error (error);
  dump_warnings (warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpstr (text_of (page, "r"), ==, row->expected);
}

/* ---- the sandbox: what the platform leaves out of WXS ---- */

typedef struct {
  const char *name;
  const char *expr; /* a WXS expression */
  const char *expected;
} SandboxRow;

static const SandboxRow sandbox_rows[] = {
  { "no-date", "typeof Date", "undefined" },
  { "no-regexp", "typeof RegExp", "undefined" },
  { "no-eval", "typeof eval", "undefined" },
  { "no-function", "typeof Function", "undefined" },
  { "no-duktape", "typeof Duktape", "undefined" },
  { "no-proxy-reflect", "typeof Proxy + typeof Reflect", "undefinedundefined" },
  /* the constructors do not come back through a prototype */
  { "no-function-constructor", "(function () {}).constructor === Object", "true" },
  { "no-date-constructor", "getDate().constructor === Object", "true" },
  { "no-regexp-constructor", "getRegExp('a').constructor === Object", "true" },
  { "getregexp-getdate", "typeof getRegExp + typeof getDate", "functionfunction" },
};

static void
test_sandbox (gconstpointer p)
{
  const SandboxRow *row = p;
  g_autoptr (GError) error = NULL;
  g_autofree char *fxml = g_strdup_printf (
      "<wxs module=\"m\">module.exports = { t: function () { return String(%s); } };</wxs>\n"
      "<view id=\"r\">{{m.t()}}</view>",
      row->expr);
  g_autoptr (FcPage) page = load_page (fxml, NULL, NULL, &error, NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (text_of (page, "r"), ==, row->expected);
}

/* Module state lives in the page's sandbox: two pages of the same markup
 * count on their own, and a global set by one page is not another's. */
static void
test_sandbox_per_page (void)
{
  const char *fxml = "<wxs module=\"m\">var n = 0; module.exports = { next: function (x) { n++; leak = (typeof leak "
                     "== 'number' ? leak : 0) + 1; return n + '/' + leak; } };</wxs>\n"
                     "<view id=\"r\">{{m.next(v)}}</view>";
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) a = load_page (fxml, "{\"v\":1}", NULL, &error, NULL);
  g_autoptr (FcValue) two = fc_value_new_number (2);
  g_autoptr (FcPage) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (text_of (a, "r"), ==, "1/1");
  g_assert_true (fc_page_set_data_path (a, "v", two, &error));
  g_assert_cmpstr (text_of (a, "r"), ==, "2/2");
  b = load_page (fxml, "{\"v\":1}", NULL, &error, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (text_of (b, "r"), ==, "1/1");
}

/* ---- runaway modules: stopped, named, and the page goes on ---- */

typedef struct {
  const char *name;
  const char *body;   /* of bad(), on line 3 of the module's file */
  const char *reason; /* in the warning */
} RunawayRow;

static const RunawayRow runaway_rows[] = {
  { "while-true", "while (true) {}", "still running" },
  { "for-ever", "for (;;) {}", "still running" },
  { "do-while", "var i = 0; do { i++; } while (i > 0);", "still running" },
  { "for-condition", "for (var i = 0; i >= 0; i += 0) {}", "still running" },
  { "caught-and-retried", "for (;;) { try { while (true) {} } catch (e) {} }", "still running" },
  { "finally-loop", "try { return 1; } finally { while (1) {} }", "still running" },
  { "recursion", "var f = function (n) { return f(n + 1) + 1; }; return f(0);", "callstack" },
  { "fan-out", "var f = function (n) { if (n > 40) return 1; return f(n + 1) + f(n + 1); }; return f(0);",
    "still running" },
  { "allocation", "var s = 'x'; for (;;) { s = s + s; }", "out of memory" },
  /* small objects: the memory cap or the clock, whichever comes first
   * (garbage collection slows down near the cap) */
  { "array-growth", "var a = []; for (var i = 0; ; i++) { a.push({ i: i, s: 'abcdefgh' + i }); }", "utils/m.wxs:3:1: call: " },
  /* fan-out without a call in sight: accessors and valueOf, each level
   * evaluating the one below twice */
  { "getter-fan-out", "var o = null; for (var i = 0; i < 40; i++) o = { next: o, get v() { return this.next ? "
    "this.next.v + this.next.v : 1; } }; return o.v;", "still running" },
  { "valueof-fan-out", "var vf = function () { return this.next ? this.next + this.next : 1; }; var o = null; "
    "for (var i = 0; i < 40; i++) o = { next: o, valueOf: vf }; return o + 0;", "still running" },
  /* a native method walking 4e9 holes never meets a check: refused */
  { "sparse-array", "var a = []; a.length = 4294967295; return a.indexOf(1);", "WXS array methods take at most" },
  { "array-like", "return Array.prototype.lastIndexOf.call({ length: 3e9 }, 1);", "WXS array methods take at most" },
  { "sort-comparator", "var a = [3, 2, 1]; a.sort(function () { while (1) {} }); return 1;", "still running" },
};

static void
test_runaway (gconstpointer p)
{
  const RunawayRow *row = p;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (FcPage) page = NULL;
  g_autoptr (FcValue) two = fc_value_new_number (2);
  g_autofree char *module = g_strdup_printf ("module.exports = {\n  ok: function (x) { return 'ok' + x; },\n"
                                             "  bad: function () { %s }\n};\n",
                                             row->body);
  gint64 start = g_get_monotonic_time ();

  page = load_page ("<wxs module=\"m\" src=\"../../utils/m.wxs\"/>\n"
                    "<view id=\"bad\">{{m.bad(x)}}</view>\n<view id=\"ok\">{{m.ok(x)}}</view>",
                    "{\"x\":1}", warnings, &error, "utils/m.wxs", module, NULL);
  g_assert_no_error (error);
  dump_warnings (warnings);
  /* the binding that called it shows nothing, and says why: the module's
   * file and line, and the binding's */
  g_assert_cmpstr (text_of (page, "bad"), ==, "");
  g_assert_true (has_warning (warnings, "utils/m.wxs:3:"));
  g_assert_true (has_warning (warnings, row->reason));
  g_assert_true (has_warning (warnings, "pages/index/index.fxml:2:"));
  /* the page goes on: other calls, setData, the same module */
  g_assert_cmpstr (text_of (page, "ok"), ==, "ok1");
  g_assert_true (fc_page_set_data_path (page, "x", two, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text_of (page, "ok"), ==, "ok2");
  /* two calls of at most the budget (500 ms) each, with room for a loaded
   * machine; unguarded, these rows never end */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

/* A module that runs away while loading fails the page's load, naming it. */
static void
test_runaway_at_load (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = load_page ("<view/>\n<wxs module=\"m\">\nvar x = 0;\nwhile (x < 1) {}\n</wxs>", NULL,
                                       NULL, &error, NULL);
  g_assert_null (page);
  g_assert_error (error, FC_WXS_ERROR, FC_WXS_ERROR_RUNAWAY);
  g_assert_true (g_str_has_prefix (error->message, "pages/index/index.fxml:4:"));
}

/* ---- modules in bindings ---- */

static void
test_binding_dependencies (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (FcPage) page = load_page (
      "<wxs module=\"fmt\">module.exports = { price: function (p, d) { return '¥' + (p / 100).toFixed(d); },\n"
      "  util: { twice: function (x) { return x * 2; } }, k: 7 };</wxs>\n"
      "<view id=\"a\">{{fmt.price(cents, 2)}} total</view>\n"
      "<view id=\"b\">{{fmt.util.twice(n) + fmt.k}}</view>\n"
      "<view id=\"c\">{{fmt['util'].twice(n)}}</view>\n"
      "<view wx:for=\"{{items}}\" id=\"i{{index}}\">{{fmt.price(item.p, 0)}}</view>",
      "{\"cents\":12345,\"n\":2,\"items\":[{\"p\":100},{\"p\":250}],\"fmt\":\"data does not shadow a module\"}",
      warnings, &error, NULL);
  g_autoptr (FcValue) changes = fc_value_from_json ("{\"cents\":5,\"n\":10,\"items[1].p\":990}", NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (text_of (page, "a"), ==, "¥123.45 total");
  g_assert_cmpstr (text_of (page, "b"), ==, "11");
  g_assert_cmpstr (text_of (page, "c"), ==, "4");
  g_assert_cmpstr (text_of (page, "i0"), ==, "¥1");
  g_assert_cmpstr (text_of (page, "i1"), ==, "¥3");
  /* setData refreshes the bindings whose arguments changed */
  g_assert_true (fc_page_set_data (page, changes, &error));
  g_assert_cmpstr (text_of (page, "a"), ==, "¥0.05 total");
  g_assert_cmpstr (text_of (page, "b"), ==, "27");
  g_assert_cmpstr (text_of (page, "c"), ==, "20");
  g_assert_cmpstr (text_of (page, "i1"), ==, "¥10");
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* Calls that bridge/fc-wxs-simple.c runs without the engine give what the
 * engine gives: each function is bound directly (run in C) and through a
 * wrapper the engine runs (which calls it in the engine), for a series of
 * values set with setData. */
static void
test_binding_simple (void)
{
  static const char *const bodies[] = {
    "return '¥' + (x / 100).toFixed(2);",
    "return x + 1;",
    "return 'x' + x;",
    "return x ? 'y' : 'n';",
    "return -x;",
    "var y = x * 2, z = y % 3; return y === 4 ? z : z + '!';",
    "return (x).toFixed() + (x > 1) + (x <= 0.5);",
  };
  static const char *const values[] = { "12345", "\"12\"", "true", "null", "0.005", "-7.5", "1e21", "\"\"", "2" };
  g_autoptr (GString) fxml = g_string_new ("<wxs module=\"m\">module.exports = {\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (FcPage) page = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    g_string_append_printf (fxml,
                            "  f%u: function (x) { %s },\n"
                            "  e%u: function (x) { return module.exports.f%u(x); },\n",
                            i, bodies[i], i, i);
  g_string_append (fxml, "  n: 0 };</wxs>\n");
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    g_string_append_printf (fxml, "<view id=\"f%u\">{{m.f%u(v)}}</view><view id=\"e%u\">{{m.e%u(v)}}</view>\n", i, i,
                            i, i);
  page = load_page (fxml->str, "{\"v\":0}", warnings, &error, NULL);
  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (values); k++)
    {
      g_autofree char *json = g_strdup_printf ("{\"v\":%s}", values[k]);
      g_autoptr (FcValue) changes = fc_value_from_json (json, NULL);
      g_assert_true (fc_page_set_data (page, changes, &error));
      for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
        {
          char f[8], e[8];
          g_snprintf (f, sizeof f, "f%u", i);
          g_snprintf (e, sizeof e, "e%u", i);
          g_test_message ("v = %s, %s: %s", values[k], bodies[i], text_of (page, f));
          g_assert_cmpstr (text_of (page, f), ==, text_of (page, e));
        }
    }
  /* a few as JavaScript gives them (glass-easel runs modules as JavaScript) */
  g_assert_cmpstr (text_of (page, "f0"), ==, "¥0.02");
  g_assert_cmpstr (text_of (page, "f5"), ==, "1");
  /* `("12").toFixed()` and the like: the TypeError, once per path */
  g_assert_cmpuint (warnings->len % 2, ==, 0);
}

/* What runs in the engine can change what a binding calls without it: a
 * module that replaces Number.prototype.toFixed, or one of its members;
 * the registry the rewrite uses is out of the module's reach. */
static void
test_binding_simple_changes (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (FcPage) page = load_page (
      "<wxs module=\"m\">module.exports = {\n"
      "  f: function (x) { return (x).toFixed(1) + '|' + x; },\n"
      "  patch: function () { Number.prototype.toFixed = function () { return 'patched'; }; return 'p'; },\n"
      "  swap: function () { module.exports.f = function (x) { return 'new ' + x; }; return 's'; },\n"
      "  args: arguments.length };</wxs>\n"
      "<view id=\"a\">{{m.f(v)}}</view>\n"
      "<view id=\"p\">{{step === 1 ? m.patch() : ''}}</view>\n"
      "<view id=\"s\">{{step === 2 ? m.swap() : ''}}</view>\n"
      "<view id=\"n\">{{m.args}}</view>",
      "{\"v\":1.25,\"step\":0}", warnings, &error, NULL);
  const char *steps[][2] = {
    { "{\"step\":1}", "1.3|1.25" },
    { "{\"v\":2.25}", "patched|2.25" },
    { "{\"step\":2}", "patched|2.25" },
    { "{\"v\":3}", "new 3" },
  };

  g_assert_no_error (error);
  g_assert_cmpstr (text_of (page, "a"), ==, "1.3|1.25");
  g_assert_cmpstr (text_of (page, "n"), ==, "3");
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr (FcValue) changes = fc_value_from_json (steps[i][0], NULL);
      g_assert_true (fc_page_set_data (page, changes, &error));
      g_assert_cmpstr (text_of (page, "a"), ==, steps[i][1]);
    }
  dump_warnings (warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* A module's results drive the structure: a wx:for list and a wx:if
 * condition (the values glass-easel shows for the same page). */
static void
test_binding_structure (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = load_page (
      "<wxs module=\"u\">module.exports = { range: function (n) { var r = []; for (var i = 0; i < n; i++) "
      "r.push(i * i); return r; }, big: function (x) { return x > 10; } };</wxs>\n"
      "<view wx:for=\"{{u.range(n)}}\" id=\"k{{index}}\">{{item}}</view>\n"
      "<view wx:if=\"{{u.big(n)}}\" id=\"big\">big</view><view wx:else id=\"small\">small {{u.range(n).length}}</view>",
      "{\"n\":3}", NULL, &error, NULL);
  g_autoptr (FcValue) twelve = fc_value_new_number (12);

  g_assert_no_error (error);
  g_assert_cmpstr (text_of (page, "k2"), ==, "4");
  g_assert_null (fc_page_select (page, "#k3"));
  g_assert_cmpstr (text_of (page, "small"), ==, "small 3");
  g_assert_true (fc_page_set_data_path (page, "n", twelve, &error));
  g_assert_cmpstr (text_of (page, "k11"), ==, "121");
  g_assert_cmpstr (text_of (page, "big"), ==, "big");
  g_assert_null (fc_page_select (page, "#small"));
}

/* A wx:for variable of the module's name shadows the module (glass-easel). */
static void
test_binding_shadowing (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = load_page (
      "<wxs module=\"m\">module.exports = { up: function (s) { return 'M' + s; } };</wxs>\n"
      "<view wx:for=\"{{list}}\" wx:for-item=\"m\" id=\"k{{index}}\">{{m.up}}</view>\n"
      "<view id=\"e\">{{m.up(list[0].up) + m.nope}}</view>",
      "{\"list\":[{\"up\":\"x\"}]}", NULL, &error, NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (text_of (page, "k0"), ==, "x");
  g_assert_cmpstr (text_of (page, "e"), ==, "Mxundefined");
}

/* Values out of a module: arrays and objects as page values (functions
 * left out), a Date as its string. */
static void
test_binding_values (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = load_page (
      "<wxs module=\"m\">module.exports = { o: function (x) { return { a: [1, x, null], f: function () {}, "
      "s: 'é' }; },\n  t: function () { return getDate(0).toISOString(); }, u: function () {} };</wxs>\n"
      "<view id=\"o\" data-v=\"{{m.o(2)}}\" data-u=\"{{m.u()}}\">{{m.o(3).a}}</view>",
      "{}", NULL, &error, NULL);
  FcElement *el;
  g_autoptr (FcValue) ds = NULL;
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  el = fc_page_select (page, "#o");
  ds = fc_element_dup_dataset (el);
  json = fc_value_to_json (fc_value_object_get (ds, "v"));
  g_assert_cmpstr (json, ==, "{\"a\":[1,2,null],\"s\":\"é\"}");
  g_assert_cmpint (fc_value_get_kind (fc_value_object_get (ds, "u")), ==, FC_VALUE_UNDEFINED);
  g_assert_cmpstr (text_of (page, "o"), ==, "1,3,");
}

/* Errors at a call: the binding is undefined, the warning names the
 * binding and the module's line; a value's method is not callable from a
 * binding (glass-easel calls it without its `this`, a TypeError). */
static void
test_binding_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (FcPage) page = load_page (
      "<wxs module=\"m\">\nmodule.exports = {\n  bad: function (o) { return o.x.y; },\n"
      "  log: function (v) { console.log('v is', v, [v]); return v; }\n};\n</wxs>\n"
      "<view id=\"a\">{{m.bad(o)}}</view>\n"
      "<view id=\"b\">{{s.toUpperCase()}}</view>\n"
      "<view id=\"c\">{{m.nope(1)}}</view>\n"
      "<view id=\"d\">{{m.log(s)}}</view>",
      "{\"o\":{},\"s\":\"ab\"}", warnings, &error, NULL);

  g_assert_no_error (error);
  dump_warnings (warnings);
  g_assert_cmpstr (text_of (page, "a"), ==, "");
  g_assert_true (has_warning (warnings, "pages/index/index.fxml:7:"));
  g_assert_true (has_warning (warnings, "pages/index/index.fxml:3:1: call: TypeError"));
  g_assert_cmpstr (text_of (page, "b"), ==, "");
  g_assert_true (has_warning (warnings, "pages/index/index.fxml:8:14: s.toUpperCase is not a WXS module function"));
  g_assert_cmpstr (text_of (page, "c"), ==, "");
  g_assert_true (has_warning (warnings, "m.nope is not a function"));
  g_assert_cmpstr (text_of (page, "d"), ==, "ab");
  g_assert_true (has_warning (warnings, "pages/index/index.fxml:10:14: console.log: v is ab [\"ab\"]"));
}

/* ---- files: src, require() ---- */

static void
test_require (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = load_page (
      "<wxs module=\"a\" src=\"../../utils/a.wxs\"/>\n<wxs module=\"b\" src=\"/utils/lib/b.wxs\"></wxs>\n"
      "<view id=\"r\">{{a.f('x')}} {{b.count()}} {{a.cycle}}</view>",
      "{}", NULL, &error,
      "utils/a.wxs", "var b = require('./lib/b.wxs'); var c = require('/utils/lib/c.wxs');\n"
                     "module.exports = { f: function (s) { b.count(); return c.wrap(s); }, cycle: c.sawA };",
      "utils/lib/b.wxs", "var n = 0; module.exports = { count: function () { return ++n; } };",
      "utils/lib/c.wxs", "var a = require('../a.wxs'); exports.sawA = typeof a;\n"
                         "exports.wrap = function (s) { return '[' + s + ']'; };",
      NULL);

  g_assert_no_error (error);
  /* b is one module for both: a's call counted once before the binding's */
  g_assert_cmpstr (text_of (page, "r"), ==, "[x] 2 object");
}

/* A plugin's page is named PROVIDER/VERSION/pages/… in messages but sits
 * at pages/… in its package: relative paths start from the latter. */
static void
test_page_path_in_root (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (page, "warning", G_CALLBACK (on_warning), warnings);
  fc_page_set_root (page, NULL, "pages/p.fxml");
  fc_page_add_file (page, "utils/x.wxs", "exports.up = function (s) { return s.toUpperCase(); };");
  g_assert_true (fc_page_load (page, NULL, NULL,
                               "<wxs module=\"a\" src=\"../utils/x.wxs\"/>\n"
                               "<wxs module=\"b\">var x = require('../utils/x.wxs');\n"
                               "exports.f = function (s) { return x.up(s) + '!'; };</wxs>\n"
                               "<view id=\"r\">{{a.up('p')}} {{b.f('q')}} {{b.g()}}</view>",
                               "fc-hello/1.0.0/pages/p.fxml", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text_of (page, "r"), ==, "P Q! ");
  /* messages keep the page's name */
  g_assert_true (has_warning (warnings, "fc-hello/1.0.0/pages/p.fxml:4:14: a WXS call failed"));
}

typedef struct {
  const char *name;
  const char *fxml;
  const char *file; /* utils/x.wxs, or NULL */
  int code;
  const char *message; /* the start of the error's message */
} LoadErrorRow;

static const LoadErrorRow load_error_rows[] = {
  { "syntax-inline", "<view/>\n<wxs module=\"m\">\nvar x = ;\n</wxs>", NULL, FC_WXS_ERROR_SYNTAX,
    "pages/index/index.fxml:3:" },
  { "syntax-file", "<wxs module=\"m\" src=\"/utils/x.wxs\"/>", "var a = 1;\n\nfunction (", FC_WXS_ERROR_SYNTAX,
    "utils/x.wxs:3:" },
  { "unterminated-string", "<wxs module=\"m\">\n\nvar s = 'abc;\n</wxs>", NULL, FC_WXS_ERROR_SYNTAX,
    "pages/index/index.fxml:3:" },
  { "template-literal", "<wxs module=\"m\">var s = `x`;</wxs>", NULL, FC_WXS_ERROR_SYNTAX,
    "pages/index/index.fxml:1:" },
  { "with", "<wxs module=\"m\">with ({}) {}</wxs>", NULL, FC_WXS_ERROR_SYNTAX, "pages/index/index.fxml:1:" },
  { "guard-name", "<wxs module=\"m\">function __fc_wxs_guard__ () { return true; }</wxs>", NULL,
    FC_WXS_ERROR_SYNTAX, "pages/index/index.fxml:1:" },
  { "guard-count", "<wxs module=\"m\">\nvar __fc_wxs_n__ = 1e9;</wxs>", NULL,
    FC_WXS_ERROR_SYNTAX, "pages/index/index.fxml:2:" },
  { "throw-at-load", "<wxs module=\"m\">\nvar a = 1;\nthrow new Error('no');\n</wxs>", NULL, FC_WXS_ERROR_RUNTIME,
    "pages/index/index.fxml:3:1: load: Error: no" },
  { "src-missing", "<view/>\n<wxs module=\"m\" src=\"nope.wxs\"/>", NULL, FC_WXS_ERROR_NOT_FOUND,
    "pages/index/index.fxml:2:17: <wxs module=\"m\">: " },
  { "src-outside-root", "<wxs module=\"m\" src=\"../../../x.wxs\"/>", NULL, FC_WXS_ERROR_BAD_PATH,
    "pages/index/index.fxml:1:17: <wxs module=\"m\">: \"../../../x.wxs\" leaves the mini-program's root" },
  { "src-not-wxs", "<wxs module=\"m\" src=\"/utils/x.js\"/>", NULL, FC_WXS_ERROR_BAD_PATH,
    "pages/index/index.fxml:1:17: <wxs module=\"m\">: \"utils/x.js\" is not a .wxs file" },
  { "require-outside-root", "<wxs module=\"m\" src=\"/utils/x.wxs\"/>", "\nrequire('../../x.wxs');",
    FC_WXS_ERROR_RUNTIME, "utils/x.wxs:2:1: load: Error: require(\"../../x.wxs\"): " },
  { "require-missing", "<wxs module=\"m\" src=\"/utils/x.wxs\"/>", "require('./y.wxs');", FC_WXS_ERROR_RUNTIME,
    "utils/x.wxs:1:1: load: Error: require(\"./y.wxs\"): no file utils/y.wxs" },
  { "no-module-name", "<wxs src=\"/utils/x.wxs\"/>", "", FC_WXS_ERROR_BAD_MODULE,
    "pages/index/index.fxml:1:1: <wxs> without a module name" },
  { "bad-module-name", "<wxs module=\"a-b\">1</wxs>", NULL, FC_WXS_ERROR_BAD_MODULE,
    "pages/index/index.fxml:1:6: <wxs module=\"a-b\">: \"a-b\" is not a module name" },
  { "module-twice", "<wxs module=\"m\">1</wxs>\n<wxs module=\"m\">2</wxs>", NULL, FC_WXS_ERROR_BAD_MODULE,
    "pages/index/index.fxml:2:6: <wxs module=\"m\">: module \"m\" is declared twice" },
};

static void
test_load_error (gconstpointer p)
{
  const LoadErrorRow *row = p;
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = load_page (row->fxml, NULL, NULL, &error, row->file ? "utils/x.wxs" : NULL,
                                       row->file, NULL);
  g_assert_null (page);
  g_assert_error (error, FC_WXS_ERROR, row->code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, row->message));
}

/* From a folder: src files are read there, and a symlink out is refused
 * like `..`. */
static void
test_files_on_disk (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fc-wxs-XXXXXX", &error);
  g_autofree char *outside = g_dir_make_tmp ("fc-wxs-out-XXXXXX", &error);
  g_autofree char *pages = g_build_filename (dir, "pages", "index", NULL);
  g_autofree char *utils = g_build_filename (dir, "utils", NULL);
  g_autofree char *fxml = g_build_filename (pages, "index.fxml", NULL);
  g_autofree char *fmt = g_build_filename (utils, "fmt.wxs", NULL);
  g_autofree char *secret = g_build_filename (outside, "secret.wxs", NULL);
  g_autofree char *link = g_build_filename (utils, "link.wxs", NULL);
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  g_autoptr (FcPage) page2 = fc_page_new (NULL, NULL);

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (pages, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (utils, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fmt, "module.exports.up = function (s) { return s.toUpperCase(); };", -1, NULL));
  g_assert_true (g_file_set_contents (secret, "module.exports.up = function () { return 'secret'; };", -1, NULL));
  g_assert_cmpint (symlink (secret, link), ==, 0);
  g_assert_true (g_file_set_contents (fxml, "<wxs module=\"f\" src=\"../../utils/fmt.wxs\"/><view id=\"r\">{{f.up('a')}}</view>", -1, NULL));
  g_assert_true (fc_page_load_from_dir (page, dir, "pages/index/index", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text_of (page, "r"), ==, "A");

  g_assert_true (g_file_set_contents (fxml, "<wxs module=\"f\" src=\"/utils/link.wxs\"/>", -1, NULL));
  g_assert_false (fc_page_load_from_dir (page2, dir, "pages/index/index", NULL, &error));
  g_assert_error (error, FC_WXS_ERROR, FC_WXS_ERROR_BAD_PATH);

  g_unlink (link);
  g_unlink (fmt);
  g_unlink (fxml);
  g_unlink (secret);
  g_rmdir (pages);
  g_rmdir (utils);
  {
    g_autofree char *p1 = g_build_filename (dir, "pages", NULL);
    g_rmdir (p1);
  }
  g_rmdir (dir);
  g_rmdir (outside);
}

int
main (int argc, char **argv)
{
  /* getDate() with local times: the oracle ran with TZ=UTC */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (lang_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wxs/lang/%s", lang_rows[i].name);
      g_test_add_data_func (path, &lang_rows[i], test_lang);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sandbox_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wxs/sandbox/%s", sandbox_rows[i].name);
      g_test_add_data_func (path, &sandbox_rows[i], test_sandbox);
    }
  g_test_add_func ("/wxs/sandbox/per-page", test_sandbox_per_page);
  for (guint i = 0; i < G_N_ELEMENTS (runaway_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wxs/runaway/%s", runaway_rows[i].name);
      g_test_add_data_func (path, &runaway_rows[i], test_runaway);
    }
  g_test_add_func ("/wxs/runaway/at-load", test_runaway_at_load);
  g_test_add_func ("/wxs/binding/dependencies", test_binding_dependencies);
  g_test_add_func ("/wxs/binding/shadowing", test_binding_shadowing);
  g_test_add_func ("/wxs/binding/structure", test_binding_structure);
  g_test_add_func ("/wxs/binding/values", test_binding_values);
  g_test_add_func ("/wxs/binding/errors", test_binding_errors);
  g_test_add_func ("/wxs/binding/simple", test_binding_simple);
  g_test_add_func ("/wxs/binding/simple-changes", test_binding_simple_changes);
  g_test_add_func ("/wxs/files/require", test_require);
  g_test_add_func ("/wxs/files/on-disk", test_files_on_disk);
  g_test_add_func ("/wxs/files/page-path-in-root", test_page_path_in_root);
  for (guint i = 0; i < G_N_ELEMENTS (load_error_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wxs/load-error/%s", load_error_rows[i].name);
      g_test_add_data_func (path, &load_error_rows[i], test_load_error);
    }
  return g_test_run ();
}
