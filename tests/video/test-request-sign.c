/* Signed requests end to end: the recorder plugin's downloads (a step's
 * prompt audio and the mask, each behind two redirects) from a SoupServer
 * on loopback, through `fc-demo replay` and headless `fc-demo`, with the
 * host's app id, version and the plugin's token set. The server checks
 * every request, each redirect hop included: X-WECHAT-HOSTSIGN's signature
 * recomputed here (this file's own sort, join and SHA-1) and the Referer;
 * without a token, neither header. The token must appear in no output of
 * either program, with G_MESSAGES_DEBUG=all, dumps included. */

#include <gio/gio.h>
#include <gst/gst.h>
#include <libsoup/soup.h>
#include <string.h>

#include <fc-bridge.h>
#include "common/fc-test-files.h"
#include "common/fc-test-recording.h"

#define APPID "wx5e1f0a11ed5ec0de"
#define TOKEN "Tk9-sEcReT-0rJq7Lw2"
#define PROVIDER "fc-video-recognition"

typedef struct
{
  SoupServer *server;
  guint port;
  GBytes *wav, *png;
  gboolean signed_expected;
  const char *referer; /* expected */
  GPtrArray *hops;     /* "PATH" per request */
  GPtrArray *bad;      /* what was wrong, per request */
  GHashTable *nonces;  /* the nonces seen */
  GHashTable *pairs;   /* path → "NONCE TIMESTAMP" of its last request */
  gint64 ahead;        /* how far ahead of the real clock a timestamp may be
                          (the page clock of a case that waited) */
} Server;

static Server srv;


/* NULL when the request's headers are right, else what is wrong */
static char *
check_request (SoupServerMessage *msg)
{
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const char *sign = soup_message_headers_get_one (h, "X-WECHAT-HOSTSIGN");
  const char *referer = soup_message_headers_get_one (h, "Referer");
  g_autoptr (FcValue) v = NULL;
  FcValue *nonce, *ts, *sig;
  g_autofree char *want = NULL;
  gint64 when, now = g_get_real_time () / G_USEC_PER_SEC;

  if (!srv.signed_expected)
    return sign || referer ? g_strdup_printf ("unexpected header: %s / %s", sign, referer) : NULL;
  if (!sign)
    return g_strdup ("no X-WECHAT-HOSTSIGN");
  if (g_strcmp0 (referer, srv.referer) != 0)
    return g_strdup_printf ("Referer %s", referer ? referer : "(none)");
  v = fc_value_from_json (sign, NULL);
  if (!v || fc_value_get_kind (v) != FC_VALUE_OBJECT
      || !(nonce = fc_value_object_get (v, "noncestr")) || !(ts = fc_value_object_get (v, "timestamp"))
      || !(sig = fc_value_object_get (v, "signature")) || fc_value_get_kind (nonce) != FC_VALUE_STRING
      || fc_value_get_kind (ts) != FC_VALUE_STRING || fc_value_get_kind (sig) != FC_VALUE_STRING)
    return g_strdup_printf ("malformed X-WECHAT-HOSTSIGN %s", sign);
  want = fc_test_reference_signature (APPID, fc_value_get_string (nonce), fc_value_get_string (ts), TOKEN);
  if (strcmp (want, fc_value_get_string (sig)) != 0)
    return g_strdup_printf ("signature %s, computed %s", fc_value_get_string (sig), want);
  if (strlen (fc_value_get_string (nonce)) < 16)
    return g_strdup_printf ("short nonce %s", fc_value_get_string (nonce));
  /* the pair is made on the page clock, which starts at the real time */
  when = g_ascii_strtoll (fc_value_get_string (ts), NULL, 10);
  if (when < now - 120 || when > now + 5 + srv.ahead)
    return g_strdup_printf ("timestamp %" G_GINT64_FORMAT " far from now %" G_GINT64_FORMAT, when, now);
  g_hash_table_add (srv.nonces, g_strdup (fc_value_get_string (nonce)));
  g_hash_table_replace (srv.pairs, g_strdup (soup_server_message_get_uri (msg) ? g_uri_get_path (soup_server_message_get_uri (msg)) : ""),
                        g_strdup_printf ("%s %s", fc_value_get_string (nonce), fc_value_get_string (ts)));
  return NULL;
}

static void
redirect (SoupServerMessage *msg, guint status, const char *to)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", to);
}

static void
handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  char *wrong = check_request (msg);
  g_autofree char *absolute = g_strdup_printf ("http://127.0.0.1:%u/tone.wav", srv.port);

  g_ptr_array_add (srv.hops, g_strdup (path));
  if (wrong)
    g_ptr_array_add (srv.bad, g_strdup_printf ("%s: %s", path, wrong));
  g_free (wrong);
  if (strcmp (path, "/a1") == 0)
    redirect (msg, SOUP_STATUS_FOUND, "/a2");
  else if (strcmp (path, "/b1") == 0)
    redirect (msg, SOUP_STATUS_FOUND, "/tone2.wav");
  else if (strcmp (path, "/a2") == 0)
    redirect (msg, SOUP_STATUS_TEMPORARY_REDIRECT, absolute);
  else if (strcmp (path, "/m1") == 0)
    redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "m2");
  else if (strcmp (path, "/m2") == 0)
    redirect (msg, SOUP_STATUS_SEE_OTHER, "/mask.png");
  else if (strcmp (path, "/tone.wav") == 0 || strcmp (path, "/tone2.wav") == 0
           || strcmp (path, "/mask.png") == 0)
    {
      GBytes *b = path[1] == 't' ? srv.wav : srv.png;

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, path[1] == 't' ? "audio/x-wav" : "image/png", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (b, NULL), g_bytes_get_size (b));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
server_reset (gboolean signed_expected, const char *referer)
{
  srv.signed_expected = signed_expected;
  srv.referer = referer;
  g_ptr_array_set_size (srv.hops, 0);
  g_ptr_array_set_size (srv.bad, 0);
  g_hash_table_remove_all (srv.nonces);
  g_hash_table_remove_all (srv.pairs);
  srv.ahead = 0;
}

/* ---- the programs ---- */

typedef struct
{
  gboolean done;
  char *out, *err;
  int status;
} Child;

static void
child_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Child *child = user_data;
  g_autoptr (GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &child->out, &child->err, &error);
  g_assert_no_error (error);
  child->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  child->done = TRUE;
}

/* Runs fc-demo with ARGV (after the program) and G_MESSAGES_DEBUG=all,
 * serving meanwhile. */
static void
run_fc_demo (const char *const *args, Child *child)
{
  g_autoptr (GSubprocessLauncher) launcher
      = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (argv, g_build_filename (g_getenv ("FC_BUILD_ROOT"), "demo", "fc-demo", NULL));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (proc, NULL, NULL, child_done, child);
  while (!child->done)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("fc-demo printed:\n%s%s", child->out, child->err);
}

static void
child_clear (Child *c)
{
  g_free (c->out);
  g_free (c->err);
}

/* every hop of both downloads, each once */
static void
assert_all_hops (void)
{
  static const char *const want[] = { "/a1", "/a2", "/tone.wav", "/m1", "/m2", "/mask.png" };

  for (guint i = 0; i < srv.bad->len; i++)
    g_test_message ("bad request: %s", (char *) g_ptr_array_index (srv.bad, i));
  g_assert_cmpuint (srv.bad->len, ==, 0);
  g_assert_cmpuint (srv.hops->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < srv.hops->len; j++)
        seen = seen || strcmp (g_ptr_array_index (srv.hops, j), want[i]) == 0;
      g_assert_true (seen);
    }
}

static char *
replay_case (const char *dir, const char *host_extra)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strdup_printf (
      "{\n"
      "  \"appJson\": {\"pages\": [\"pages/index/index\"], \"plugins\": {\"video\": {\"version\": \"1.0.0\", "
      "\"provider\": \"" PROVIDER "\"}}},\n"
      "  \"pageJson\": {\"usingComponents\": {\"video-recognition\": \"plugin://video/video-recognition\"}},\n"
      "  \"fxml\": \"<video-recognition id=\\\"rec\\\" recordTime=\\\"500\\\" stepList=\\\"{{steps}}\\\" "
      "mask=\\\"{{mask}}\\\" bind:onRecordReady=\\\"ready\\\" bind:onRecordError=\\\"failed\\\"/>\",\n"
      "  \"data\": {\"steps\": [{\"showTime\": 0, \"audioSrc\": \"http://127.0.0.1:%u/a1\", "
      "\"textList\": [{\"text\": \"Say your name\"}]}], \"mask\": \"http://127.0.0.1:%u/m1\"},\n"
      "  \"host\": {\"downloadDomains\": [\"127.0.0.1:%u\"], \"allowInsecureHttp\": true, \"tempDir\": \"%s\"%s},\n"
      "  \"steps\": [\n"
      "    {\"expect\": {\"handler\": \"ready\"}},\n"
      "    {\"dump\": \"#rec\"},\n"
      "    {\"input\": \"#rec\", \"action\": \"record\"},\n"
      "    {\"wait\": 1000}\n"
      "  ]\n"
      "}\n",
      srv.port, srv.port, srv.port, dir, host_extra);
  char *path = g_build_filename (dir, "case.json", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  return path;
}

static void
test_replay_signed (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fc-request-sign-XXXXXX", &error);
  g_autofree char *path = NULL;
  Child child = { 0 };

  path = replay_case (dir, ", \"appId\": \"" APPID "\", \"appVersion\": \"3\", "
                           "\"pluginTokens\": {\"" PROVIDER "\": \"" TOKEN "\", \"other-plugin\": \"x" TOKEN "\"}");
  server_reset (TRUE, "https://servicewechat.com/" APPID "/3/page-frame.html");
  run_fc_demo ((const char *[]) { "replay", path, NULL }, &child);
  g_assert_cmpint (child.status, ==, 0);
  g_assert_nonnull (strstr (child.out, "\"handler\":\"ready\""));
  g_assert_nonnull (strstr (child.out, "\"dump\":\"#rec\""));
  g_assert_null (strstr (child.out, "\"handler\":\"failed\""));
  assert_all_hops ();
  /* one pair for the page's first ten minutes */
  g_assert_cmpuint (g_hash_table_size (srv.nonces), ==, 1);
  /* the secret is nowhere, debug messages included */
  g_assert_null (strstr (child.out, TOKEN));
  g_assert_null (strstr (child.err, TOKEN));
  child_clear (&child);
  fc_test_remove_tree (dir);
}

static void
test_replay_unsigned (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fc-request-sign-XXXXXX", &error);
  g_autofree char *path = NULL;
  Child child = { 0 };

  /* an app id, but no token for this plugin: no header, no Referer */
  path = replay_case (dir, ", \"appId\": \"" APPID "\", \"pluginTokens\": {\"other-plugin\": \"" TOKEN "\"}");
  server_reset (FALSE, NULL);
  run_fc_demo ((const char *[]) { "replay", path, NULL }, &child);
  g_assert_cmpint (child.status, ==, 0);
  g_assert_null (strstr (child.out, "\"handler\":\"failed\""));
  assert_all_hops ();
  g_assert_null (strstr (child.out, TOKEN));
  g_assert_null (strstr (child.err, TOKEN));
  child_clear (&child);
  fc_test_remove_tree (dir);
}

/* Ten minutes of page time later (a `wait`, on replay's virtual clock), a
 * second recorder's download is signed with a new pair, its timestamp 600
 * s on; the first page's requests shared one pair. */
static void
test_replay_rotation (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fc-request-sign-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "case.json", NULL);
  g_autofree char *text = g_strdup_printf (
      "{\n"
      "  \"appJson\": {\"plugins\": {\"video\": {\"version\": \"1.0.0\", \"provider\": \"" PROVIDER "\"}}},\n"
      "  \"pageJson\": {\"usingComponents\": {\"video-recognition\": \"plugin://video/video-recognition\"}},\n"
      "  \"fxml\": \"<video-recognition id=\\\"one\\\" stepList=\\\"{{one}}\\\" bind:onRecordReady=\\\"ready1\\\"/>"
      "<video-recognition wx:if=\\\"{{later}}\\\" id=\\\"two\\\" stepList=\\\"{{two}}\\\" "
      "bind:onRecordReady=\\\"ready2\\\"/>\",\n"
      "  \"data\": {\"later\": false, \"one\": [{\"showTime\": 0, \"audioSrc\": \"http://127.0.0.1:%u/a1\"}], "
      "\"two\": [{\"showTime\": 0, \"audioSrc\": \"http://127.0.0.1:%u/b1\"}]},\n"
      "  \"host\": {\"downloadDomains\": [\"127.0.0.1:%u\"], \"allowInsecureHttp\": true, \"tempDir\": \"%s\", "
      "\"appId\": \"" APPID "\", \"pluginTokens\": {\"" PROVIDER "\": \"" TOKEN "\"}},\n"
      "  \"steps\": [\n"
      "    {\"expect\": {\"handler\": \"ready1\"}},\n"
      "    {\"wait\": 600000},\n"
      "    {\"setData\": {\"later\": true}},\n"
      "    {\"expect\": {\"handler\": \"ready2\"}}\n"
      "  ]\n"
      "}\n",
      srv.port, srv.port, srv.port, dir);
  Child child = { 0 };
  const char *first, *second, *last;
  g_auto (GStrv) a = NULL, b = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  server_reset (TRUE, "https://servicewechat.com/" APPID "/0/page-frame.html");
  srv.ahead = 600;
  run_fc_demo ((const char *[]) { "replay", path, NULL }, &child);
  for (guint i = 0; i < srv.bad->len; i++)
    g_test_message ("bad request: %s", (char *) g_ptr_array_index (srv.bad, i));
  g_assert_cmpuint (srv.bad->len, ==, 0);
  g_assert_cmpint (child.status, ==, 0);
  first = g_hash_table_lookup (srv.pairs, "/a1");
  last = g_hash_table_lookup (srv.pairs, "/tone.wav");
  second = g_hash_table_lookup (srv.pairs, "/b1");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  /* a redirect keeps the pair of its load */
  g_assert_cmpstr (last, ==, first);
  g_assert_cmpstr (g_hash_table_lookup (srv.pairs, "/tone2.wav"), ==, second);
  a = g_strsplit (first, " ", 2);
  b = g_strsplit (second, " ", 2);
  g_assert_cmpstr (a[0], !=, b[0]);
  g_assert_cmpint (g_ascii_strtoll (b[1], NULL, 10), ==, g_ascii_strtoll (a[1], NULL, 10) + 600);
  g_assert_null (strstr (child.out, TOKEN));
  g_assert_null (strstr (child.err, TOKEN));
  child_clear (&child);
  fc_test_remove_tree (dir);
}

/* A bad token in a case: refused before the page mounts, not quoted. */
static void
test_replay_bad_token (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fc-request-sign-XXXXXX", &error);
  g_autofree char *path = NULL;
  Child child = { 0 };

  path = replay_case (dir, ", \"appId\": \"" APPID "\", \"pluginTokens\": {\"" PROVIDER "\": \"" TOKEN " x\"}");
  server_reset (FALSE, NULL);
  run_fc_demo ((const char *[]) { "replay", path, NULL }, &child);
  g_assert_cmpint (child.status, !=, 0);
  g_assert_nonnull (strstr (child.out, "plugin-token of \\\"" PROVIDER "\\\""));
  g_assert_null (strstr (child.out, TOKEN));
  g_assert_null (strstr (child.err, TOKEN));
  g_assert_cmpuint (srv.hops->len, ==, 0);
  child_clear (&child);
  fc_test_remove_tree (dir);
}

/* headless fc-demo, its host.json naming the app and the token */
static void
test_demo_headless (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *domain = g_strdup_printf ("127.0.0.1:%u", srv.port);
  g_autofree char *data = g_strdup_printf (
      "{\"recordTime\": 500, \"stepList\": [{\"showTime\": 0, \"audioSrc\": \"http://127.0.0.1:%u/a1\", "
      "\"textList\": [{\"text\": \"Say your name\"}]}], \"mask\": \"http://127.0.0.1:%u/m1\"}",
      srv.port, srv.port);
  const char *files[] = {
    "app.json",
    "{\"pages\": [\"pages/video/video\"], \"plugins\": {\"video\": {\"version\": \"1.0.0\", \"provider\": "
    "\"" PROVIDER "\"}}}",
    "host.json",
    "{\"appId\": \"" APPID "\", \"appVersion\": \"3\", \"pluginTokens\": {\"" PROVIDER "\": \"" TOKEN "\"}}",
    "pages/video/video.json",
    "{\"usingComponents\": {\"video-recognition\": \"plugin://video/video-recognition\"}}",
    "pages/video/video.fxml",
    "<video-recognition recordTime=\"{{recordTime}}\" stepList=\"{{stepList}}\" mask=\"{{mask}}\" "
    "bind:onRecordReady=\"onRecordReady\" bind:onRecordStart=\"onRecordStart\" "
    "bind:onRecordEnd=\"onRecordEnd\" bind:onRecordError=\"onRecordError\"/>",
    "pages/video/video.data.json",
    data,
    NULL,
  };
  Child child = { 0 };

  dir = fc_test_make_tree ("fc-request-sign-XXXXXX", files);
  server_reset (TRUE, "https://servicewechat.com/" APPID "/3/page-frame.html");
  run_fc_demo ((const char *[]) { "--headless", "--app", dir, "--page", "pages/video/video", "--temp-dir", dir,
                                  "--download-domain", domain, "--allow-insecure-http", NULL },
               &child);
  g_assert_cmpint (child.status, ==, 0);
  /* the settings line says who signs, not with what */
  g_assert_nonnull (strstr (child.out, "requests signed for: " PROVIDER));
  g_assert_nonnull (strstr (child.out, "\"recorded\""));
  assert_all_hops ();
  g_assert_null (strstr (child.out, TOKEN));
  g_assert_null (strstr (child.err, TOKEN));
  child_clear (&child);
  fc_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  GSList *uris;
  int ret;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  if (!g_getenv ("FC_BUILD_ROOT"))
    {
      g_test_skip ("run through meson test");
      return g_test_run ();
    }
  srv.wav = fc_test_encode ("audiotestsrc num-buffers=10 ! audio/x-raw,rate=16000,channels=1 ! wavenc", 100);
  srv.png = fc_test_encode ("videotestsrc num-buffers=1 ! video/x-raw,width=64,height=64 ! pngenc", 100);
  srv.hops = g_ptr_array_new_with_free_func (g_free);
  srv.bad = g_ptr_array_new_with_free_func (g_free);
  srv.nonces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  srv.pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  srv.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (srv.server, NULL, handler, NULL, NULL);
  g_assert_true (soup_server_listen_local (srv.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (srv.server);
  srv.port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_test_add_func ("/RequestSign/replay-signed", test_replay_signed);
  g_test_add_func ("/RequestSign/replay-unsigned", test_replay_unsigned);
  g_test_add_func ("/RequestSign/replay-rotation", test_replay_rotation);
  g_test_add_func ("/RequestSign/replay-bad-token", test_replay_bad_token);
  g_test_add_func ("/RequestSign/demo-headless", test_demo_headless);
  ret = g_test_run ();
  g_clear_object (&srv.server);
  g_bytes_unref (srv.wav);
  g_bytes_unref (srv.png);
  g_ptr_array_unref (srv.hops);
  g_ptr_array_unref (srv.bad);
  g_hash_table_unref (srv.nonces);
  g_hash_table_unref (srv.pairs);
  return ret;
}
