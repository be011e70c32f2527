/* Hostile markup and data (issue 9, "Hostile input"): deep nesting
 * (100,000 levels), huge attributes, very deep and cyclic setData paths,
 * numbers out of range, invalid UTF-8, through every public entry that
 * takes them: .fxml markup and `{{ }}` expressions (fc_app_load_page_text),
 * page JSON, JSON data (fc_value_from_json, then fc_page_set_data),
 * setData keys (fc_page_set_data_path), values that contain themselves
 * (the C API), event detail (fc_element_trigger_event), the recorder's
 * and the keyboard's number attributes, and replay files (fc_replay_run).
 * A row per input, each with the exact error it must give, or for input
 * that is accepted what a user sees (the rendered text, the data, the
 * property, the warning). After every row the host goes on: the same app
 * mounts a page and a setData on it shows, and a valid replay case runs in
 * the same process.
 *
 * Rows that exist elsewhere are not repeated here:
 * tests/bridge/test-fxml.c has invalid UTF-8 in text and 257 nested
 * elements (`elements nested deeper than 256`); tests/bridge/test-expr.c
 * has 129 nested parentheses, `a.b[1e20]`, `arr[1/0]`, `1/0`, `1e21` and
 * `1e20` printed in text; tests/bridge/test-value.c has `-0.0` and `1e21`
 * through fc_value_from_json; tests/bridge/test-data.c has the malformed
 * keys (`a..b`, `a.`, `a[x]`, `a[0`, `a[-1]`, `a[0]b`) and
 * `q[300000000]`; tests/bridge/test-coerce.c has NaN, Infinity and
 * "Infinity" for a Number property; tests/bridge/test-page.c has invalid
 * UTF-8 in a wx:for string; tests/fuzz/regressions/ has a huge array
 * index, an index above 2^32, `1e21` appended to a string, an attribute
 * name ending in `-`; tests/hostile/test-hostile-paths.c has `\u0000` in
 * JSON strings. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <fc-bridge.h>

#include "fc-replay.h"
#include "common/fc-test-files.h"

typedef enum
{
  VIA_MARKUP, /* fc_app_load_page_text (.., ARG as the .fxml, ..) */
  VIA_EXPR,   /* the same with <view id="e">{{ARG}}</view>: #e's text */
  VIA_PAGE_JSON, /* ARG as the page's JSON */
  VIA_DATA,   /* fc_value_from_json (ARG), fc_page_set_data: #d's text ({{x}}) */
  VIA_KEY,    /* fc_page_set_data_path (page, ARG, 1) */
  VIA_C,      /* the C API, as ARG names it (see run_c) */
  VIA_EVENT,  /* fc_element_trigger_event (#t, "tap", fc_value_from_json (ARG)) */
  VIA_ATTR,   /* ARG as the attributes of <recorder id="r"/> or, starting
               * with "kb:", of <keyboard id="k"/>: warnings and property */
  VIA_REPLAY, /* fc_replay_run of ARG as a case file: its last line */
} Via;

typedef struct
{
  const char *name;
  Via via;
  /* the input; "{N*TEXT}" stands for TEXT repeated N times, with "#" in
   * TEXT the repetition's number */
  const char *arg;
  int code; /* an FcBridgeError, PLUGIN (an FcPluginError), or -1:
             * accepted */
  /* the error message, or what accepted input gives (see each Via); ARG
   * stands for the input, FILE for a replay case's file */
  const char *message;
} Row;

#define PLUGIN(code) (1000 + (code))
#define REC_JSON                                                              \
  "{\"usingComponents\": {\"recorder\": \"plugin://video/video-recognition\"," \
  " \"keyboard\": \"plugin://kb/keyboard\"}}"

static const Row rows[] = {
  /* ---- markup ---- */
  { "fxml-deep-100000", VIA_MARKUP, "{100000*<view>}{100000*</view>}",
    FC_BRIDGE_ERROR_SYNTAX,
    "pages/h/h.fxml:1:1537: elements nested deeper than 256" },
  { "fxml-deep-100000-unclosed", VIA_MARKUP, "{100000*<view>}",
    FC_BRIDGE_ERROR_SYNTAX,
    "pages/h/h.fxml:1:1537: elements nested deeper than 256" },
  { "fxml-100000-siblings", VIA_MARKUP, "{100000*<view/>}", -1,
    "100001 elements" },
  { "fxml-attribute-10mb", VIA_MARKUP,
    "<view id=\"h\" data-x=\"{10000000*x}\"/>", -1, "2 elements" },
  { "fxml-attribute-name-1mb", VIA_MARKUP, "<view {1000000*x}=\"1\"/>", -1,
    "2 elements" },
  { "fxml-20000-attributes", VIA_MARKUP, "<view {20000*a#=\"1\" }/>", -1,
    "2 elements" },
  { "fxml-20000-attributes-duplicate", VIA_MARKUP,
    "<view {20000*a#=\"1\" }a19999=\"2\"/>", -1, "2 elements" },
  { "fxml-binding-100000", VIA_MARKUP, "<view>{100000*{{n\\}\\}}</view>", -1,
    "3 elements" },
  { "fxml-invalid-utf8-attribute", VIA_MARKUP, "<view title=\"\xc3\"/>",
    FC_BRIDGE_ERROR_SYNTAX,
    "pages/h/h.fxml:1:14: invalid UTF-8; markup must be UTF-8" },
  { "fxml-overlong-utf8", VIA_MARKUP, "<view>\xc0\xaf</view>",
    FC_BRIDGE_ERROR_SYNTAX,
    "pages/h/h.fxml:1:7: invalid UTF-8; markup must be UTF-8" },
  { "fxml-utf16-surrogate", VIA_MARKUP, "<view>\xed\xa0\x80</view>",
    FC_BRIDGE_ERROR_SYNTAX,
    "pages/h/h.fxml:1:7: invalid UTF-8; markup must be UTF-8" },
  { "fxml-entity-out-of-range", VIA_MARKUP, "<view>&#99999999999;</view>",
    FC_BRIDGE_ERROR_BAD_ENTITY, "pages/h/h.fxml:1:7: bad entity" },
  { "fxml-entity-surrogate", VIA_MARKUP, "<view>&#xD800;</view>",
    FC_BRIDGE_ERROR_BAD_ENTITY, "pages/h/h.fxml:1:7: bad entity" },

  /* ---- {{ }} expressions ---- */
  { "expr-parens-100000", VIA_EXPR, "{100000*(}1{100000*)}",
    FC_BRIDGE_ERROR_BAD_EXPRESSION,
    "pages/h/h.fxml:1:8289: bad expression: longer than 8192 bytes" },
  { "expr-unary-4000", VIA_EXPR, "{4000*-}1", FC_BRIDGE_ERROR_BAD_EXPRESSION,
    "pages/h/h.fxml:1:225: bad expression \"ARG\": expression nested too "
    "deeply" },
  { "expr-1e400", VIA_EXPR, "1e400", -1, "Infinity" },
  { "expr-minus-1e400", VIA_EXPR, "-1e400", -1, "-Infinity" },
  { "expr-1e-400", VIA_EXPR, "1e-400", -1, "0" },
  { "expr-minus-zero", VIA_EXPR, "-0", -1, "0" },
  { "expr-one-over-minus-zero", VIA_EXPR, "1/-0", -1, "-Infinity" },
  { "expr-nan-arithmetic", VIA_EXPR, "0/0 + 1", -1, "NaN" },
  { "expr-nan-string", VIA_EXPR, "'a' * 2", -1, "NaN" },
  { "expr-modulo-zero", VIA_EXPR, "5 % 0", -1, "NaN" },
  { "expr-huge-integer", VIA_EXPR, "123456789012345678901234567890", -1,
    "1.2345678901234568e+29" },
  { "expr-malformed-exponent", VIA_EXPR, "1e+", FC_BRIDGE_ERROR_BAD_EXPRESSION,
    "pages/h/h.fxml:1:97: bad expression \"1e+\": malformed number" },

  /* ---- page JSON and data ---- */
  { "page-json-deep-100000", VIA_PAGE_JSON, "{100000*[}{100000*]}",
    PLUGIN (FC_PLUGIN_ERROR_BAD_JSON),
    "pages/h/h.json:1:1001: arrays and objects nested deeper than 1000 "
    "levels; expected a JSON object" },
  { "data-deep-100000", VIA_DATA, "{\"x\": {100000*[}{100000*]}}",
    FC_BRIDGE_ERROR_BAD_JSON,
    "1:1006: arrays and objects nested deeper than 1000 levels" },
  { "data-deep-objects-100000", VIA_DATA, "{100000*{\"a\": }1{100000*\\}}",
    FC_BRIDGE_ERROR_BAD_JSON,
    "1:6001: arrays and objects nested deeper than 1000 levels" },
  { "data-deep-1000", VIA_DATA, "{\"x\": {999*[}7{999*]}}", -1, "7" },
  { "data-1e400", VIA_DATA, "{\"x\": 1e400}", -1, "Infinity" },
  { "data-minus-1e400", VIA_DATA, "{\"x\": -1e400}", -1, "-Infinity" },
  { "data-1e-400", VIA_DATA, "{\"x\": 1e-400}", -1, "0" },
  { "data-minus-zero", VIA_DATA, "{\"x\": -0}", -1, "0" },
  { "data-huge-integer", VIA_DATA, "{\"x\": 123456789012345678901234567890}",
    -1, "1.2345678901234568e+29" },
  { "data-nan-literal", VIA_DATA, "{\"x\": NaN}", FC_BRIDGE_ERROR_BAD_JSON,
    "1:7: malformed JSON" },
  { "data-infinity-literal", VIA_DATA, "{\"x\": Infinity}",
    FC_BRIDGE_ERROR_BAD_JSON, "1:7: malformed JSON" },
  { "data-invalid-utf8", VIA_DATA, "{\"x\": \"a\xff\"}",
    FC_BRIDGE_ERROR_BAD_JSON,
    "1:9: invalid UTF-8; expected JSON text in UTF-8" },
  { "data-lone-surrogate-escape", VIA_DATA, "{\"x\": \"\\ud800\"}",
    FC_BRIDGE_ERROR_BAD_JSON, "1:8: malformed JSON" },
  { "data-key-10mb", VIA_DATA, "{\"{10000000*k}\": 1, \"x\": \"ok\"}", -1,
    "ok" },
  { "data-string-10mb", VIA_DATA, "{\"x\": \"{10000000*s}\"}", -1,
    "{10000000*s}" },

  /* ---- setData keys ---- */
  { "key-100000-segments", VIA_KEY, "{99999*a.}a", FC_BRIDGE_ERROR_BAD_PATH,
    "setData key \"a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a....\" (199999 bytes): "
    "more than 1000 segments" },
  { "key-100000-indexes", VIA_KEY, "a{100000*[0]}", FC_BRIDGE_ERROR_BAD_PATH,
    "setData key \"a[0][0][0][0][0][0][0][0][0][0][...\" (300001 bytes): "
    "more than 1000 segments" },
  { "key-1000-segments", VIA_KEY, "{999*a.}a", -1, "(set)" },
  { "key-index-2e19", VIA_KEY, "a[20000000000000000000]",
    FC_BRIDGE_ERROR_BAD_PATH,
    "malformed setData key \"a[20000000000000000000]\"" },
  { "key-index-1e6-plus-1", VIA_KEY, "a[1000001]", FC_BRIDGE_ERROR_BAD_PATH,
    "setData key \"a[1000001]\": index 1000001 is larger than 1000000" },
  { "key-index-exponent", VIA_KEY, "a[1e3]", FC_BRIDGE_ERROR_BAD_PATH,
    "malformed setData key \"a[1e3]\"" },
  { "key-index-plus", VIA_KEY, "a[+1]", FC_BRIDGE_ERROR_BAD_PATH,
    "malformed setData key \"a[+1]\"" },

  /* ---- values that contain themselves (C API) ---- */
  { "cycle-data-into-itself", VIA_C, "data-into-itself", -1,
    "{\"n\":1,\"o\":{\"p\":{}},\"self\":{\"n\":1,\"o\":{\"p\":{}}}}" },
  { "cycle-member-into-its-child", VIA_C, "member-into-child", -1,
    "{\"n\":1,\"o\":{\"p\":{\"q\":{\"p\":{}}}}}" },
  { "cycle-array-append-self", VIA_C, "array-append-self", -1,
    "fc_value_array_append: assertion 'element != array' failed; []" },
  { "cycle-array-set-self", VIA_C, "array-set-self", -1,
    "fc_value_array_set: assertion 'element != array' failed; []" },
  { "cycle-object-set-self", VIA_C, "object-set-self", -1,
    "fc_value_object_set: assertion 'member != object' failed; {}" },

  /* ---- event detail ---- */
  { "event-detail-1e400", VIA_EVENT, "{\"v\": 1e400}", -1,
    "detail.v Infinity; {\"v\":null}" },
  { "event-detail-deep-1000", VIA_EVENT, "{\"v\": {999*[}{999*]}}", -1,
    "detail.v [object]; {\"v\":{999*[}{999*]}}" },
  { "event-detail-10mb", VIA_EVENT, "{\"v\": \"{10000000*d}\"}", -1,
    "detail.v {10000000*d}; {\"v\":\"{10000000*d}\"}" },

  /* ---- the recorder's and the keyboard's numbers ---- */
  { "record-time-1e300", VIA_ATTR, "recordTime=\"{{1e300}}\"", -1,
    "record-time 4294967295" },
  { "record-time-negative", VIA_ATTR, "recordTime=\"-5\"", -1,
    "record-time 0" },
  { "record-time-nan-string", VIA_ATTR, "recordTime=\"NaN\"", -1,
    "warning pages/h/h.fxml:1:99: property \"recordTime\" expects Number, "
    "got \"NaN\"; using default; record-time 30000" },
  { "record-time-1e400-string", VIA_ATTR, "recordTime=\"1e400\"", -1,
    "warning pages/h/h.fxml:1:99: property \"recordTime\" expects Number, "
    "got \"1e400\"; using default; record-time 30000" },
  { "record-time-hex-string", VIA_ATTR, "recordTime=\"0x10\"", -1,
    "record-time 16" },
  { "record-time-fraction", VIA_ATTR, "recordTime=\"1500.9\"", -1,
    "record-time 1500" },
  { "record-time-object", VIA_ATTR, "recordTime=\"{{ {a: 1} }}\"", -1,
    "warning pages/h/h.fxml:1:99: property \"recordTime\" expects Number, "
    "got {\"a\":1}; using default; record-time 30000" },
  { "keyboard-z-index-1e300", VIA_ATTR, "kb:zIndex=\"{{1e300}}\"", -1,
    "z-index 2147483647" },
  { "keyboard-z-index-minus-1e300", VIA_ATTR, "kb:zIndex=\"{{-1e300}}\"", -1,
    "z-index -2147483648" },
  { "keyboard-z-index-nan", VIA_ATTR, "kb:zIndex=\"{{0/0}}\"", -1,
    "warning pages/h/h.fxml:1:99: property \"zIndex\" expects Number, got "
    "NaN; using default; z-index 999" },

  /* ---- replay files ---- */
  { "replay-deep-100000", VIA_REPLAY, "{100000*[}{100000*]}", -1,
    "{\"t\":0,\"error\":{\"domain\":\"fc-bridge-error\",\"code\":\"bad-json\","
    "\"message\":\"FILE:1:1001: arrays and objects nested deeper than 1000 "
    "levels\"}}" },
  { "replay-invalid-utf8", VIA_REPLAY, "{\"fxml\": \"\xfe\"}", -1,
    "{\"t\":0,\"error\":{\"domain\":\"fc-bridge-error\",\"code\":\"bad-json\","
    "\"message\":\"FILE:1:11: invalid UTF-8; expected JSON text in "
    "UTF-8\"}}" },
  { "replay-wait-1e400", VIA_REPLAY, "@STEPS{\"wait\": 1e400}", -1,
    "{\"t\":0,\"error\":{\"domain\":\"fc-replay\",\"code\":\"bad-step\","
    "\"message\":\"step 0: wait needs a number of milliseconds from 0 to "
    "1e+15, got Infinity\"}}" },
  { "replay-wait-negative", VIA_REPLAY, "@STEPS{\"wait\": -5}", -1,
    "{\"t\":0,\"error\":{\"domain\":\"fc-replay\",\"code\":\"bad-step\","
    "\"message\":\"step 0: wait needs a number of milliseconds from 0 to "
    "1e+15, got -5\"}}" },
  { "replay-wait-string", VIA_REPLAY, "@STEPS{\"wait\": \"soon\"}", -1,
    "{\"t\":0,\"error\":{\"domain\":\"fc-replay\",\"code\":\"bad-step\","
    "\"message\":\"step 0: wait needs a number of milliseconds from 0 to "
    "1e+15, got \\\"soon\\\"\"}}" },
  { "replay-steps-object", VIA_REPLAY,
    "{\"appJson\": {}, \"pageJson\": {}, \"fxml\": \"<view/>\", "
    "\"steps\": {\"wait\": 5}}", -1,
    "{\"t\":0,\"error\":{\"domain\":\"fc-replay\",\"code\":\"bad-case\","
    "\"message\":\"\\\"steps\\\" must be an array of steps\"}}" },
  /* issue 21: a prompt's font size beyond FC_CSS_LENGTH_MAX overflowed
   * Pango's size (a critical while the prompt rendered); now refused where
   * it is parsed, with the warning any invalid size gets */
  { "replay-prompt-font-size-3000000px", VIA_REPLAY,
    "{\"appJson\": {\"plugins\": {\"video\": {\"version\": \"1.0.0\", "
    "\"provider\": \"fc-video-recognition\"}}}, \"pageJson\": "
    "{\"usingComponents\": {\"recorder\": \"plugin://video/video-recognition\"}}, "
    "\"fxml\": \"<recorder stepList='{{steps}}' resolution='low'/>\", "
    "\"data\": {\"steps\": [{\"showTime\": 0, \"textList\": [{\"text\": "
    "\"请用普通话朗读以下内容\", \"fontSize\": \"3000000px\"}]}]}, "
    "\"steps\": [{\"wait\": 100}]}", -1,
    "{\"t\":0,\"warning\":\"pages/index/index.fxml:1:1: stepList[0].textList[0].fontSize: "
    "invalid font size \\\"3000000px\\\"; using default\"}" },
  { "replay-set-data-deep-key", VIA_REPLAY,
    "@STEPS{\"setData\": {\"{99999*a.}a\": 1}}", -1,
    "{\"t\":0,\"error\":{\"domain\":\"fc-bridge-error\",\"code\":\"bad-path\","
    "\"message\":\"setData key \\\"a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a....\\\" "
    "(199999 bytes): more than 1000 segments\"}}" },
};

/* @text with each "{N*TEXT}" repeated N times, "\}" standing for "}"
 * inside TEXT and "#" for the repetition's number (from 0). */
static char *
expand (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p;)
    {
      char *end;
      guint64 n;

      if (p[0] == '{' && g_ascii_isdigit (p[1])
          && (n = g_ascii_strtoull (p + 1, &end, 10), *end == '*'))
        {
          GString *unit = g_string_new (NULL);

          for (p = end + 1; *p && *p != '}'; p++)
            {
              if (*p == '\\' && p[1] == '}')
                p++;
              g_string_append_c (unit, *p);
            }
          g_assert_true (*p == '}');
          p++;
          for (guint64 i = 0; i < n; i++)
            for (gsize k = 0; k < unit->len; k++)
              {
                if (unit->str[k] == '#')
                  g_string_append_printf (out, "%" G_GUINT64_FORMAT, i);
                else
                  g_string_append_c (out, unit->str[k]);
              }
          g_string_free (unit, TRUE);
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* @text with each KEY replaced. */
static char *
replace (const char *text, const char *key, const char *by)
{
  g_auto (GStrv) parts = g_strsplit (text, key, -1);

  return g_strjoinv (by, parts);
}

/* ---- the fixture: an app with both plugins, a page on it ---- */

#define FIXTURE_FXML                                                          \
  "<view id=\"n\">{{n}}</view><view id=\"d\">{{x}}</view>"                  \
  "<view id=\"t\" bind:tap=\"onTap\"/>"

typedef struct
{
  char *dir;
  FcPluginStore *store;
  FcApp *app;
  FcRegistry *registry;
  FcCallbackScope *scope;
  FcPage *page;
  GPtrArray *warnings;
  GString *detail; /* what onTap got */
} Fixture;

static void
on_warning (FcPage *page, const char *message, Fixture *fx)
{
  g_ptr_array_add (fx->warnings, g_strdup (message));
}

static void
on_tap (const FcEvent *event, gpointer data)
{
  Fixture *fx = data;
  FcValue *v = fc_value_object_get (event->detail, "v");
  g_autofree char *text = NULL, *json = fc_value_to_json (event->detail);

  text = fc_value_get_kind (v) == FC_VALUE_ARRAY ? g_strdup ("[object]")
                                                  : fc_value_to_js_string (v);
  g_string_printf (fx->detail, "detail.v %s; %s", text, json);
}

static void
fixture_init (Fixture *fx)
{
  g_autoptr (GError) error = NULL;
  const char *build = g_getenv ("FC_BUILD_ROOT");
  g_autofree char *plugins
      = g_build_filename (build ? build : ".", "plugins", NULL);
  const char *dirs[] = { plugins, NULL };
  g_autoptr (FcHostSettings) settings = fc_host_settings_new ();

  memset (fx, 0, sizeof *fx);
  fx->dir = g_dir_make_tmp ("fc-hostile-data-XXXXXX", &error);
  g_assert_no_error (error);
  fx->store = fc_plugin_store_new_for_path (dirs);
  fx->app = fc_app_new (
      fx->store, fx->dir,
      "{\"plugins\": {\"video\": {\"version\": \"1.0.0\", \"provider\": "
      "\"fc-video-recognition\"}, \"kb\": {\"version\": \"1.0.0\", "
      "\"provider\": \"fc-virtual-keyboard\"}}}",
      &error);
  g_assert_no_error (error);
  /* the recorder prepares on the test pattern, never a device */
  g_assert_true (fc_host_settings_set_camera (settings, "test", NULL));
  g_assert_true (fc_host_settings_set_microphone (settings, "test", NULL));
  fc_host_settings_set_allow_test_source (settings, TRUE);
  fc_app_set_host_settings (fx->app, settings);
  fx->registry = fc_registry_new ();
  fx->scope = fc_callback_scope_new ();
  fx->warnings = g_ptr_array_new_with_free_func (g_free);
  fx->detail = g_string_new (NULL);
  fc_callback_scope_add_callback (fx->scope, "onTap", on_tap, fx, NULL);
}

static gboolean
fixture_load (Fixture *fx, const char *page_json, const char *fxml,
              GError **error)
{
  g_autoptr (FcValue) data
      = fc_value_from_json ("{\"n\": 1, \"o\": {\"p\": {}}}", NULL);

  g_clear_object (&fx->page);
  fx->page = fc_page_new (fx->registry, fx->scope);
  g_signal_connect (fx->page, "warning", G_CALLBACK (on_warning), fx);
  return fc_app_load_page_text (fx->app, fx->page, "pages/h/h", page_json,
                                fxml, data, error);
}

static const char *
text_of (Fixture *fx, const char *selector)
{
  FcElement *el = fc_page_select (fx->page, selector);

  g_assert_nonnull (el);
  if (fc_element_get_n_children (el) == 0)
    return "";
  return fc_element_get_text (fc_element_get_child (el, 0));
}

/* The host goes on: the same app mounts its page again if the row's did
 * not mount, and a setData there shows. */
static void
fixture_follow_up (Fixture *fx, gboolean mounted)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcValue) two = fc_value_new_number (2);

  if (!mounted)
    {
      g_assert_true (fixture_load (fx, REC_JSON, FIXTURE_FXML, &error));
      g_assert_no_error (error);
    }
  g_assert_true (fc_page_set_data_path (fx->page, "n", two, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text_of (fx, "#n"), ==, "2");
}

static void
fixture_clear (Fixture *fx)
{
  g_clear_object (&fx->page);
  g_clear_object (&fx->app);
  g_clear_object (&fx->scope);
  g_clear_object (&fx->registry);
  g_clear_object (&fx->store);
  g_ptr_array_unref (fx->warnings);
  g_string_free (fx->detail, TRUE);
  fc_test_remove_tree (fx->dir);
  g_free (fx->dir);
}

static guint
count_elements (FcElement *el)
{
  guint n = 1;

  for (guint i = 0; i < fc_element_get_n_children (el); i++)
    n += count_elements (fc_element_get_child (el, i));
  return n;
}

/* ---- the C API's cycles ---- */

static char *
run_c (Fixture *fx, const char *what)
{
  FcValue *data = fc_page_get_data (fx->page);
  g_autoptr (GError) error = NULL;

  if (strcmp (what, "data-into-itself") == 0)
    {
      /* the page's own data, borrowed (transfer none), set inside it */
      g_assert_true (fc_page_set_data_path (fx->page, "self", data, &error));
      g_assert_no_error (error);
      return fc_value_to_json (fc_page_get_data (fx->page));
    }
  if (strcmp (what, "member-into-child") == 0)
    {
      FcValue *o = fc_value_object_get (data, "o");

      g_assert_true (fc_page_set_data_path (fx->page, "o.p.q", o, &error));
      g_assert_no_error (error);
      return fc_value_to_json (fc_page_get_data (fx->page));
    }
  {
    gboolean array = !g_str_has_prefix (what, "object");
    const char *assertion
        = g_str_has_prefix (what, "array-append")
              ? "fc_value_array_append: assertion 'element != array' failed"
          : array ? "fc_value_array_set: assertion 'element != array' failed"
                  : "fc_value_object_set: assertion 'member != object' failed";
    g_autoptr (FcValue) v = array ? fc_value_new_array () : fc_value_new_object ();
    g_autofree char *json = NULL;

    g_test_expect_message ("fc-bridge", G_LOG_LEVEL_CRITICAL, assertion);
    if (g_str_has_prefix (what, "array-append"))
      fc_value_array_append (v, v);
    else if (array)
      fc_value_array_set (v, 0, v);
    else
      fc_value_object_set (v, "self", v);
    g_test_assert_expected_messages ();
    json = fc_value_to_json (v);
    return g_strdup_printf ("%s; %s", assertion, json);
  }
}

/* ---- replay ---- */

/* Runs @text as a replay case in this process; fc_replay_run() prints its
 * lines on stdout, which goes to a file meanwhile (stdout is TAP's).
 * Returns the last line; @status its exit status. */
static char *
run_replay (Fixture *fx, const char *text, char **file_out, int *status)
{
  g_autofree char *file = g_build_filename (fx->dir, "case.json", NULL);
  g_autofree char *out_file = g_build_filename (fx->dir, "out.jsonl", NULL);
  g_autoptr (GString) scratch = g_string_new (NULL);
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  int saved, fd;
  guint n;

  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  fflush (stdout);
  saved = dup (STDOUT_FILENO);
  fd = g_open (out_file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  dup2 (fd, STDOUT_FILENO);
  close (fd);
  *status = fc_replay_run (file, NULL, scratch);
  fflush (stdout);
  dup2 (saved, STDOUT_FILENO);
  close (saved);

  g_assert_true (g_file_get_contents (out_file, &out, NULL, NULL));
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >, 0);
  *file_out = g_steal_pointer (&file);
  return g_strdup (lines[n - 1]);
}

static void
replay_follow_up (Fixture *fx)
{
  g_autofree char *file = NULL, *last = NULL;
  int status = -1;

  last = run_replay (
      fx,
      "{\"appJson\": {}, \"pageJson\": {}, \"fxml\": \"<view id='v'>{{n}}</view>\","
      " \"data\": {\"n\": 1}, \"steps\": [{\"setData\": {\"n\": 2}}, "
      "{\"wait\": 10}, {\"dump\": \"#v\"}]}",
      &file, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (last, ==,
                   "{\"t\":10,\"dump\":\"#v\",\"component\":\"view\","
                   "\"props\":{\"hoverClass\":\"none\",\"hoverStopPropagation\":false,"
                   "\"hoverStartTime\":50,\"hoverStayTime\":400}}");
}

/* ---- rows ---- */

static void
test_row (gconstpointer p)
{
  const Row *row = p;
  g_autofree char *arg = expand (row->arg);
  g_autofree char *want = NULL, *got = NULL, *file = NULL;
  g_autoptr (GError) error = NULL;
  gboolean mounted = FALSE;
  gint64 start;
  Fixture fx;

  fixture_init (&fx);
  if (row->via != VIA_MARKUP && row->via != VIA_PAGE_JSON
      && row->via != VIA_EXPR && row->via != VIA_ATTR
      && row->via != VIA_REPLAY)
    {
      g_assert_true (fixture_load (&fx, REC_JSON, FIXTURE_FXML, &error));
      mounted = TRUE;
    }
  start = g_get_monotonic_time ();
  switch (row->via)
    {
    case VIA_MARKUP:
      if (fixture_load (&fx, REC_JSON, arg, &error))
        got = g_strdup_printf (
            "%u elements", count_elements (fc_page_get_root (fx.page)));
      break;
    case VIA_EXPR:
      {
        g_autofree char *fxml
            = g_strdup_printf (FIXTURE_FXML "<view id=\"e\">{{%s}}</view>", arg);

        if ((mounted = fixture_load (&fx, REC_JSON, fxml, &error)))
          got = g_strdup (text_of (&fx, "#e"));
      }
      break;
    case VIA_PAGE_JSON:
      if (fixture_load (&fx, arg, FIXTURE_FXML, &error))
        got = g_strdup ("(mounted)");
      break;
    case VIA_DATA:
      {
        g_autoptr (FcValue) v = fc_value_from_json (arg, &error);

        if (v && fc_page_set_data (fx.page, v, &error))
          got = g_strdup (text_of (&fx, "#d"));
      }
      break;
    case VIA_KEY:
      {
        g_autoptr (FcValue) one = fc_value_new_number (1);

        if (fc_page_set_data_path (fx.page, arg, one, &error))
          got = g_strdup ("(set)");
      }
      break;
    case VIA_C:
      got = run_c (&fx, arg);
      break;
    case VIA_EVENT:
      {
        g_autoptr (FcValue) detail = fc_value_from_json (arg, &error);

        g_assert_no_error (error);
        fc_element_trigger_event (fc_page_select (fx.page, "#t"), "tap",
                                  detail, 0);
        got = g_strdup (fx.detail->str);
      }
      break;
    case VIA_ATTR:
      {
        gboolean kb = g_str_has_prefix (arg, "kb:");
        g_autofree char *fxml = g_strdup_printf (
            FIXTURE_FXML "%s%s/>", kb ? "<keyboard id=\"x\" " : "<recorder id=\"x\" ",
            kb ? arg + 3 : arg);
        const char *prop = kb ? "z-index" : "record-time";
        GObject *instance;
        GValue value = G_VALUE_INIT;
        GString *s = g_string_new (NULL);

        mounted = fixture_load (&fx, REC_JSON, fxml, &error);
        g_assert_no_error (error);
        instance = fc_element_get_instance (fc_page_select (fx.page, "#x"));
        g_assert_nonnull (instance);
        for (guint i = 0; i < fx.warnings->len; i++)
          g_string_append_printf (s, "warning %s; ",
                                  (char *) fx.warnings->pdata[i]);
        g_value_init (&value, G_TYPE_INT64);
        {
          GParamSpec *pspec = g_object_class_find_property (
              G_OBJECT_GET_CLASS (instance), prop);
          GValue raw = G_VALUE_INIT;

          g_assert_nonnull (pspec);
          g_value_init (&raw, pspec->value_type);
          g_object_get_property (instance, prop, &raw);
          g_assert_true (g_value_transform (&raw, &value));
          g_value_unset (&raw);
        }
        g_string_append_printf (s, "%s %" G_GINT64_FORMAT, prop,
                                g_value_get_int64 (&value));
        got = g_string_free (s, FALSE);
      }
      break;
    case VIA_REPLAY:
      {
        g_autofree char *text
            = g_str_has_prefix (arg, "@STEPS")
                  ? g_strdup_printf ("{\"appJson\": {}, \"pageJson\": {}, "
                                     "\"fxml\": \"<view/>\", \"steps\": [%s]}",
                                     arg + 6)
                  : g_strdup (arg);

        int status = -1;

        got = run_replay (&fx, text, &file, &status);
        /* a row's case fails, precisely, or it runs to its end with the
         * warning it ends on */
        g_assert_cmpint (status, ==, g_str_has_prefix (got, "{\"t\":0,\"error\"") ? 1 : 0);
      }
      break;
    }
  g_test_message ("%.0f ms: %.300s%s%.300s (%d)",
                  (g_get_monotonic_time () - start) / 1000.0,
                  got ? got : "", error ? "error " : "",
                  error ? error->message : "", error ? error->code : -1);

  {
    g_autofree char *m = expand (row->message);
    g_autofree char *m2 = replace (m, "ARG", arg);

    want = replace (m2, "FILE", file ? file : "");
  }
  if (row->code < 0)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, want);
    }
  else
    {
      g_assert_null (got);
      if (row->code >= PLUGIN (0))
        g_assert_error (error, FC_PLUGIN_ERROR, row->code - PLUGIN (0));
      else
        g_assert_error (error, FC_BRIDGE_ERROR, row->code);
      g_assert_cmpstr (error->message, ==, want);
    }

  if (row->via == VIA_REPLAY)
    replay_follow_up (&fx);
  else
    fixture_follow_up (&fx, mounted);
  fixture_clear (&fx);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* only the build's plugins */
  g_setenv ("FC_PLUGIN_PATH", "", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Hostile/Data/%s", rows[i].name);

      g_test_add_data_func (path, &rows[i], test_row);
    }
  return g_test_run ();
}
