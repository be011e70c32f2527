/* Request signatures (the end of wechat-plugin-guide-zh.txt): the
 * signature against one computed by hand (the vector in plugins/README.md)
 * and against this file's own computation, fc_host_sign_verify() as a
 * plugin's server uses it (a row per bad header), the host settings that
 * hold the app id, version and tokens (the token never in a message), and
 * the headers an element of a plugin's component gets, with the nonce and
 * timestamp pair kept for ten minutes of the page's clock. */
#include <string.h>
#include <fc-bridge.h>
#include "common/fc-test-files.h"

/* Computed by hand (plugins/README.md, "Request signatures"): the four
 * values sorted are 1414587457, Wm3WZYTPz0wzccnW, abc123token,
 * wx1234567890abcdef ('1' < 'W' < 'a' < 'w'); joined, then
 * `printf %s 1414587457Wm3WZYTPz0wzccnWabc123tokenwx1234567890abcdef |
 * sha1sum`. */
#define VEC_APPID "wx1234567890abcdef"
#define VEC_NONCE "Wm3WZYTPz0wzccnW"
#define VEC_TIME "1414587457"
#define VEC_TOKEN "abc123token"
#define VEC_SIGNATURE "20c591619b2402c2e20e6b68946b060cd56a0d9f"


static void
test_vector (void)
{
  g_autofree char *sig = fc_host_sign_compute (VEC_APPID, VEC_NONCE, VEC_TIME,
                                               VEC_TOKEN);
  g_autofree char *ref = fc_test_reference_signature (VEC_APPID, VEC_NONCE, VEC_TIME, VEC_TOKEN);
  g_autofree char *header = fc_host_sign_make_header (
      VEC_APPID, VEC_NONCE, g_ascii_strtoll (VEC_TIME, NULL, 10), VEC_TOKEN);
  g_autofree char *readme_path = NULL, *readme = NULL;
  const char *src = g_getenv ("FC_SOURCE_ROOT");

  g_assert_cmpstr (sig, ==, VEC_SIGNATURE);
  g_assert_cmpstr (ref, ==, VEC_SIGNATURE);
  g_assert_cmpstr (header, ==,
                   "{\"noncestr\":\"" VEC_NONCE "\",\"timestamp\":\"" VEC_TIME
                   "\",\"signature\":\"" VEC_SIGNATURE "\"}");
  /* the README shows the same vector */
  if (src)
    {
      readme_path = g_build_filename (src, "plugins", "README.md", NULL);
      g_assert_true (g_file_get_contents (readme_path, &readme, NULL, NULL));
      g_assert_nonnull (strstr (readme, VEC_SIGNATURE));
      g_assert_nonnull (strstr (readme, VEC_TOKEN));
    }
}

/* The Python check plugins/README.md gives server authors accepts what
 * the library signs now, and refuses another token. */
static void
test_readme_python (void)
{
  const char *src = g_getenv ("FC_SOURCE_ROOT");
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *nonce = fc_host_sign_new_nonce (NULL);
  g_autofree char *header = NULL, *referer = NULL, *readme = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = -1;
  const char *script
      = "import re, sys\n"
        "code = re.search(r'```python\\n(.*?)```', open(sys.argv[1]).read(), re.S).group(1)\n"
        "ns = {}\n"
        "exec(code, ns)\n"
        "print(ns['verify'](sys.argv[2], sys.argv[3], 'tokenP'), ns['verify'](sys.argv[2], sys.argv[3], 'tokenQ'))\n";

  if (!src || !python)
    {
      g_test_skip ("needs FC_SOURCE_ROOT and python3");
      return;
    }
  header = fc_host_sign_make_header ("wxpy", nonce, g_get_real_time () / G_USEC_PER_SEC, "tokenP");
  referer = fc_host_sign_make_referer ("wxpy", "5");
  readme = g_build_filename (src, "plugins", "README.md", NULL);
  g_spawn_sync (NULL, (char *[]) { python, "-c", (char *) script, readme, header, referer, NULL }, NULL,
                G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("python: %s%s", out, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "True False\n");
}

/* JavaScript sorts by UTF-16 code units: U+1D49C (D835 DC9C) before
 * U+FF5E, though its code point is larger. */
static void
test_js_order (void)
{
  g_autofree char *sig
      = fc_host_sign_compute ("\xF0\x9D\x92\x9C", "n", "1", "\xEF\xBD\x9E");
  g_autofree char *want = g_compute_checksum_for_string (
      G_CHECKSUM_SHA1, "1n\xF0\x9D\x92\x9C\xEF\xBD\x9E", -1);

  g_assert_cmpstr (sig, ==, want);
}

static void
test_referer_nonce (void)
{
  g_autofree char *dev = fc_host_sign_make_referer ("wxabc", NULL);
  g_autofree char *rel = fc_host_sign_make_referer ("wxabc", "12");
  g_autofree char *a = fc_host_sign_new_nonce (NULL);
  g_autofree char *b = fc_host_sign_new_nonce (NULL);

  g_assert_cmpstr (dev, ==, "https://servicewechat.com/wxabc/0/page-frame.html");
  g_assert_cmpstr (rel, ==, "https://servicewechat.com/wxabc/12/page-frame.html");
  g_assert_cmpuint (strlen (a), ==, 16);
  for (const char *c = a; *c; c++)
    g_assert_true (g_ascii_isalnum (*c));
  g_assert_cmpstr (a, !=, b);
}

typedef struct
{
  const char *name;
  const char *header; /* @NOW@, @OLD@: timestamps; @SIG@: the good one */
  const char *appid, *token;
  gint64 max_age;
  int code; /* -1: accepted */
} VerifyRow;

static const VerifyRow verify_rows[] = {
  { "good", "{\"noncestr\":\"abc\",\"timestamp\":\"@NOW@\",\"signature\":\"@SIG@\"}", "wxA", "s3cr3tTok", 900, -1 },
  { "good-number-timestamp", "{\"noncestr\":\"abc\",\"timestamp\":@NOW@,\"signature\":\"@SIG@\"}", "wxA", "s3cr3tTok", 900, -1 },
  { "old-but-no-limit", "{\"noncestr\":\"abc\",\"timestamp\":\"@OLD@\",\"signature\":\"@SIG@\"}", "wxA", "s3cr3tTok", 0, -1 },
  { "wrong-token", "{\"noncestr\":\"abc\",\"timestamp\":\"@NOW@\",\"signature\":\"@SIG@\"}", "wxA", "s3cr3tTok2", 900, FC_HOST_SIGN_ERROR_MISMATCH },
  { "wrong-appid", "{\"noncestr\":\"abc\",\"timestamp\":\"@NOW@\",\"signature\":\"@SIG@\"}", "wxB", "s3cr3tTok", 900, FC_HOST_SIGN_ERROR_MISMATCH },
  { "short-signature", "{\"noncestr\":\"abc\",\"timestamp\":\"@NOW@\",\"signature\":\"00\"}", "wxA", "s3cr3tTok", 900, FC_HOST_SIGN_ERROR_MISMATCH },
  { "expired", "{\"noncestr\":\"abc\",\"timestamp\":\"@OLD@\",\"signature\":\"@SIG@\"}", "wxA", "s3cr3tTok", 900, FC_HOST_SIGN_ERROR_EXPIRED },
  { "empty", "", "wxA", "s3cr3tTok", 900, FC_HOST_SIGN_ERROR_MALFORMED },
  { "not-json", "noncestr=abc", "wxA", "s3cr3tTok", 900, FC_HOST_SIGN_ERROR_MALFORMED },
  { "array", "[\"abc\"]", "wxA", "s3cr3tTok", 900, FC_HOST_SIGN_ERROR_MALFORMED },
  { "no-nonce", "{\"timestamp\":\"@NOW@\",\"signature\":\"@SIG@\"}", "wxA", "s3cr3tTok", 900, FC_HOST_SIGN_ERROR_MALFORMED },
  { "no-signature", "{\"noncestr\":\"abc\",\"timestamp\":\"@NOW@\"}", "wxA", "s3cr3tTok", 900, FC_HOST_SIGN_ERROR_MALFORMED },
  { "text-timestamp", "{\"noncestr\":\"abc\",\"timestamp\":\"soon\",\"signature\":\"@SIG@\"}", "wxA", "s3cr3tTok", 900, FC_HOST_SIGN_ERROR_MALFORMED },
  { "huge-number-timestamp", "{\"noncestr\":\"abc\",\"timestamp\":99999999999999999999,\"signature\":\"@SIG@\"}", "wxA", "s3cr3tTok", 900, FC_HOST_SIGN_ERROR_MALFORMED },
  { "fraction-timestamp", "{\"noncestr\":\"abc\",\"timestamp\":1.5,\"signature\":\"@SIG@\"}", "wxA", "s3cr3tTok", 900, FC_HOST_SIGN_ERROR_MALFORMED },
  { "negative-timestamp", "{\"noncestr\":\"abc\",\"timestamp\":\"-5\",\"signature\":\"@SIG@\"}", "wxA", "s3cr3tTok", 900, FC_HOST_SIGN_ERROR_MALFORMED },
};

static void
test_verify (gconstpointer p)
{
  const VerifyRow *row = p;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *now_s = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  g_autofree char *old_s = g_strdup_printf ("%" G_GINT64_FORMAT, now - 901);
  const char *ts = strstr (row->header, "@OLD@") ? old_s : now_s;
  /* the signature the server expects for wxA and its token, computed here */
  g_autofree char *sig = fc_test_reference_signature ("wxA", "abc", ts, "s3cr3tTok");
  g_autoptr (GString) header = g_string_new (row->header);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  g_string_replace (header, "@NOW@", now_s, 0);
  g_string_replace (header, "@OLD@", old_s, 0);
  g_string_replace (header, "@SIG@", sig, 0);
  ok = fc_host_sign_verify (header->str, row->appid, row->token, row->max_age,
                            &error);
  if (row->code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_error (error, FC_HOST_SIGN_ERROR, row->code);
      g_assert_false (ok);
      g_assert_true (g_str_has_prefix (error->message, "X-WECHAT-HOSTSIGN header: "));
      g_assert_null (strstr (error->message, row->token));
    }
}

static void
count_notify (GObject *o, GParamSpec *pspec, gpointer data)
{
  (*(guint *) data)++;
}

static void
test_settings (void)
{
  g_autoptr (FcHostSettings) s = fc_host_settings_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) providers = NULL;
  guint notified = 0;

  g_assert_null (fc_host_settings_get_app_id (s));
  g_assert_null (fc_host_settings_get_app_version (s));
  g_signal_connect (s, "notify::token-providers", G_CALLBACK (count_notify),
                    &notified);

  g_assert_false (fc_host_settings_set_app_id (s, "wx/../x", &error));
  g_assert_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_SETTING);
  g_clear_error (&error);
  g_assert_true (fc_host_settings_set_app_id (s, "wx1234567890abcdef", &error));
  g_assert_cmpstr (fc_host_settings_get_app_id (s), ==, "wx1234567890abcdef");
  g_assert_false (fc_host_settings_set_app_version (s, "1 0", &error));
  g_assert_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_SETTING);
  g_clear_error (&error);
  g_assert_true (fc_host_settings_set_app_version (s, "0", &error));
  g_assert_null (fc_host_settings_get_app_version (s));
  g_assert_true (fc_host_settings_set_app_version (s, "1.0.3", &error));
  g_assert_cmpstr (fc_host_settings_get_app_version (s), ==, "1.0.3");

  /* a bad token is refused without being quoted */
  g_assert_false (fc_host_settings_set_plugin_token (s, "fc-video-recognition",
                                                     "sec ret", &error));
  g_assert_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_SETTING);
  g_assert_null (strstr (error->message, "sec ret"));
  g_assert_nonnull (strstr (error->message, "fc-video-recognition"));
  g_clear_error (&error);
  g_assert_cmpuint (notified, ==, 0);

  g_assert_true (fc_host_settings_set_plugin_token (s, "fc-video-recognition",
                                                    "s3cr3t-A", &error));
  g_assert_true (fc_host_settings_set_plugin_token (s, "fc-video-recognition",
                                                    "s3cr3t-A", &error));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (fc_host_settings_set_plugin_token (s, "hello-plugin",
                                                    "s3cr3t-B", &error));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (fc_host_settings_has_plugin_token (s, "hello-plugin"));
  g_object_get (s, "token-providers", &providers, NULL);
  g_assert_cmpstrv (providers, ((const char *[]) { "fc-video-recognition",
                                                   "hello-plugin", NULL }));
  g_assert_true (fc_host_settings_set_plugin_token (s, "hello-plugin", NULL,
                                                    &error));
  g_assert_false (fc_host_settings_has_plugin_token (s, "hello-plugin"));
  g_assert_cmpuint (notified, ==, 3);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&s));
}

/* ---- headers of a plugin's element, on the page clock ---- */

static FcPluginStore *
test_store (void)
{
  const char *build = g_getenv ("FC_BUILD_ROOT");
  g_autofree char *a
      = g_build_filename (build ? build : ".", "tests", "bridge", NULL);
  const char *dirs[] = { a, NULL };

  return fc_plugin_store_new_for_path (dirs);
}

static char *
make_app (void)
{
  static const char *const files[] = {
    "app.json",
    "{\"plugins\": {\"hello\": {\"version\": \"1.0.0\", \"provider\": "
    "\"hello-plugin\"}}}",
    "pages/index/index.json",
    "{\"usingComponents\": {\"hello-component\": "
    "\"plugin://hello/hello-component\"}}",
    "pages/index/index.fxml",
    "<view id=\"v\"><hello-component id=\"hc\"/></view>",
    NULL,
  };
  return fc_test_make_tree ("fc-host-sign-XXXXXX", files);
}

/* "noncestr" and "timestamp" of a header, checked against the signature
 * this test computes */
static void
check_header (char **h, const char *appid, const char *token, char **nonce,
              gint64 *ts)
{
  g_autoptr (FcValue) v = NULL;
  g_autofree char *sig = NULL;

  g_assert_nonnull (h);
  g_assert_cmpuint (g_strv_length (h), ==, 4);
  g_assert_cmpstr (h[0], ==, "X-WECHAT-HOSTSIGN");
  g_assert_cmpstr (h[2], ==, "Referer");
  v = fc_value_from_json (h[1], NULL);
  g_assert_nonnull (v);
  sig = fc_test_reference_signature (appid, fc_value_get_string (fc_value_object_get (v, "noncestr")),
                  fc_value_get_string (fc_value_object_get (v, "timestamp")), token);
  g_assert_cmpstr (fc_value_get_string (fc_value_object_get (v, "signature")), ==, sig);
  *nonce = g_strdup (fc_value_get_string (fc_value_object_get (v, "noncestr")));
  *ts = g_ascii_strtoll (fc_value_get_string (fc_value_object_get (v, "timestamp")), NULL, 10);
}

static void
test_element_headers (void)
{
  g_autoptr (FcPluginStore) store = test_store ();
  g_autofree char *dir = make_app ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = fc_app_new_from_dir (store, dir, &error);
  g_autoptr (FcRegistry) reg = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcPage) page = fc_page_new (reg, scope);
  FcHostSettings *s;
  FcElement *hc, *v;
  g_auto (GStrv) none = NULL, none2 = NULL, h0 = NULL, h1 = NULL, h2 = NULL,
                 plain = NULL;
  g_autofree char *n0 = NULL, *n1 = NULL, *n2 = NULL;
  gint64 t0, t1, t2, now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_no_error (error);
  s = fc_app_get_host_settings (app);
  fc_app_load_page (app, page, "pages/index/index", NULL, &error);
  g_assert_no_error (error);
  hc = fc_page_select (page, "#hc");
  v = fc_page_select (page, "#v");

  /* nothing set: unsigned, no error */
  none = fc_element_dup_request_headers (hc);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  /* an app id without this plugin's token: unsigned */
  g_assert_true (fc_host_settings_set_app_id (s, "wxhost", &error));
  g_assert_true (fc_host_settings_set_plugin_token (s, "other-plugin", "t", &error));
  none2 = fc_element_dup_request_headers (hc);
  g_assert_cmpuint (g_strv_length (none2), ==, 0);

  g_assert_true (fc_host_settings_set_plugin_token (s, "hello-plugin", "tokenA", &error));
  g_assert_no_error (error);
  h0 = fc_element_dup_request_headers (hc);
  check_header (h0, "wxhost", "tokenA", &n0, &t0);
  g_assert_cmpstr (h0[3], ==, "https://servicewechat.com/wxhost/0/page-frame.html");
  g_assert_cmpint (t0, >=, now - 1);
  g_assert_cmpint (t0, <=, now + 5);
  /* not a plugin's element: unsigned */
  plain = fc_element_dup_request_headers (v);
  g_assert_cmpuint (g_strv_length (plain), ==, 0);

  /* the pair stays for ten minutes of page time ... */
  fc_page_advance (page, 599999);
  h1 = fc_element_dup_request_headers (hc);
  check_header (h1, "wxhost", "tokenA", &n1, &t1);
  g_assert_cmpstr (n1, ==, n0);
  g_assert_cmpint (t1, ==, t0);
  g_assert_cmpstr (h1[1], ==, h0[1]);
  /* ... then a new one, its timestamp ten minutes on */
  fc_page_advance (page, 1);
  g_assert_true (fc_host_settings_set_app_version (s, "7", &error));
  h2 = fc_element_dup_request_headers (hc);
  check_header (h2, "wxhost", "tokenA", &n2, &t2);
  g_assert_cmpstr (n2, !=, n0);
  g_assert_cmpint (t2, ==, t0 + 600);
  g_assert_cmpstr (h2[3], ==, "https://servicewechat.com/wxhost/7/page-frame.html");
  g_assert_true (fc_host_sign_verify (h2[1], "wxhost", "tokenA", 0, &error));
  g_assert_no_error (error);

  g_clear_object (&page);
  g_clear_object (&app);
  fc_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/HostSign/vector", test_vector);
  g_test_add_func ("/HostSign/js-order", test_js_order);
  g_test_add_func ("/HostSign/readme-python", test_readme_python);
  g_test_add_func ("/HostSign/referer-nonce", test_referer_nonce);
  for (guint i = 0; i < G_N_ELEMENTS (verify_rows); i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/HostSign/verify/%s", verify_rows[i].name);
      g_test_add_data_func (path, &verify_rows[i], test_verify);
    }
  g_test_add_func ("/HostSign/settings", test_settings);
  g_test_add_func ("/HostSign/element-headers", test_element_headers);
  return g_test_run ();
}
