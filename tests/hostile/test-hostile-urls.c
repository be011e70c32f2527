/* Hostile URLs (issue 9, "Hostile input"): the recorder's resource loader
 * (video-recognition/fc-resource-loader.c: prompt audio and masks) given
 * URLs that only look whitelisted, plain HTTP where HTTPS is required,
 * redirects to other domains, a server that accepts and never answers, a
 * body above the cap and bodies that are not audio. A row per input, each
 * with the exact error (or, for a URL that is the whitelisted host, the
 * type loaded). The servers are on loopback in this process: a SoupServer,
 * and raw sockets for what a well-behaved HTTP server does not do.
 *
 * Rows that exist in tests/video/test-recorder-resources.c are not
 * repeated: a domain not listed, ftp:// and file:// URLs, localhost for a
 * whitelisted 127.0.0.1 (another name of the same host), a redirect to
 * another host, a redirect loop, a paused response (accepted, read, never
 * answered), a truncated body, a body above the cap with a Content-Length,
 * text and an image where audio is expected, plain HTTP to a whitelisted
 * host without allow-insecure-http (test_no_http), local paths. */
#include <gio/gio.h>
#include <gst/gst.h>
#include <libsoup/soup.h>
#include <string.h>

#include "common/fc-test-downloads.h"
#include "fc-resource-loader.h"

#define TIMEOUT_MS 1000
#define MAX_SIZE (256 * 1024)

static struct
{
  SoupServer *server;
  guint port;
  GSocketService *silent, *endless;
  guint silent_port, endless_port;
  GPtrArray *held; /* connections the silent server keeps open */
  GBytes *wav;
} fx;

/* A RIFF/WAVE file of 0.1 s of silence, 8 kHz mono 16 bit. */
static GBytes *
make_wav (void)
{
  const guint32 n = 800 * 2;
  guint8 *b = g_malloc0 (44 + n);

  memcpy (b, "RIFF", 4);
  GST_WRITE_UINT32_LE (b + 4, 36 + n);
  memcpy (b + 8, "WAVEfmt ", 8);
  GST_WRITE_UINT32_LE (b + 16, 16);
  GST_WRITE_UINT16_LE (b + 20, 1);     /* PCM */
  GST_WRITE_UINT16_LE (b + 22, 1);     /* mono */
  GST_WRITE_UINT32_LE (b + 24, 8000);  /* rate */
  GST_WRITE_UINT32_LE (b + 28, 16000); /* bytes per second */
  GST_WRITE_UINT16_LE (b + 32, 2);
  GST_WRITE_UINT16_LE (b + 34, 16);
  memcpy (b + 36, "data", 4);
  GST_WRITE_UINT32_LE (b + 40, n);
  return g_bytes_new_take (b, 44 + n);
}

static const char html[]
    = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
      "<body><h1>Not Found</h1><p>The requested URL was not found on this "
      "server.</p></body></html>\n";

static void
handler (SoupServer *server, SoupServerMessage *msg, const char *path,
         GHashTable *query, gpointer data)
{
  if (strcmp (path, "/tone.wav") == 0)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "audio/x-wav", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (fx.wav, NULL),
                                        g_bytes_get_size (fx.wav));
    }
  else if (strcmp (path, "/error-page.mp3") == 0)
    {
      /* a CDN's error page with a success status */
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "audio/mpeg", SOUP_MEMORY_STATIC,
                                        html, strlen (html));
    }
  else if (strcmp (path, "/empty.mp3") == 0)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "audio/mpeg", SOUP_MEMORY_STATIC,
                                        "", 0);
    }
  else if (strcmp (path, "/zeros.mp3") == 0)
    {
      g_autofree char *zeros = g_malloc0 (4096);

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "audio/mpeg", SOUP_MEMORY_COPY,
                                        zeros, 4096);
    }
  else if (strcmp (path, "/to") == 0 && query && g_hash_table_lookup (query, "u"))
    {
      /* /to?u=URL: a redirect to URL, with PORT replaced by the port */
      g_auto (GStrv) parts = g_strsplit (g_hash_table_lookup (query, "u"), "PORT", -1);
      g_autofree char *port = g_strdup_printf ("%u", fx.port);
      g_autofree char *to = g_strjoinv (port, parts);

      soup_server_message_set_redirect (msg, 302, to);
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

/* Accepts, never reads, never answers: the connection stays open. */
static gboolean
silent_incoming (GSocketService *service, GSocketConnection *connection,
                 GObject *source, gpointer data)
{
  g_ptr_array_add (fx.held, g_object_ref (connection));
  return TRUE;
}

/* Answers 200 without a Content-Length (the body ends when the connection
 * closes) and sends 4 * MAX_SIZE bytes of a WAV file. */
static gboolean
endless_incoming (GSocketService *service, GSocketConnection *connection,
                  GObject *source, gpointer data)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  const char *head = "HTTP/1.1 200 OK\r\nContent-Type: audio/x-wav\r\n"
                     "Connection: close\r\n\r\n";
  g_autofree guint8 *body = g_malloc0 (4 * MAX_SIZE);
  char buf[4096];

  memcpy (body, g_bytes_get_data (fx.wav, NULL), 44);
  g_input_stream_read (in, buf, sizeof buf, NULL, NULL);
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  /* the client hangs up at the cap: a write error then is expected */
  g_output_stream_write_all (out, body, 4 * MAX_SIZE, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
setup (void)
{
  fx.wav = make_wav ();
  fx.held = g_ptr_array_new_with_free_func (g_object_unref);
  fx.server = fc_test_soup_server_new (handler, &fx.port);
  fx.silent = fc_test_socket_service_new (G_CALLBACK (silent_incoming),
                                          &fx.silent_port);
  fx.endless = fc_test_socket_service_new (G_CALLBACK (endless_incoming),
                                           &fx.endless_port);
}

static void
teardown (void)
{
  GSocketService *services[] = { fx.silent, fx.endless };

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    fc_test_socket_service_free (services[i]);
  g_ptr_array_unref (fx.held);
  soup_server_disconnect (fx.server);
  g_object_unref (fx.server);
  g_bytes_unref (fx.wav);
  /* the closed connections go on idles */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ---- rows ---------------------------------------------------------------- */

typedef struct
{
  const char *name;
  /* %P: the SoupServer's port, %S: the silent server's, %E: the endless
   * server's */
  const char *src;
  gboolean https_only; /* allow-insecure-http off */
  FcResourceKind kind;
  int code;            /* an FcResourceError, or -1: loads */
  const char *message; /* the exact message, or the type loaded */
} Row;

/* The whitelist of every row: a name that never resolves here (what only
 * looks like it must be refused before any connection), and the loopback
 * servers by name and by address. */
static const char *const whitelist[]
    = { "good.test", "localhost:%P", "127.0.0.1:%P", "127.0.0.1:%S",
        "127.0.0.1:%E", NULL };

static const Row rows[] = {
  /* ---- domains that only look whitelisted ---- */
  { "suffix-added", "https://good.test.evil.test/a.mp3", TRUE,
    FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain good.test.evil.test is not on the download whitelist" },
  { "prefix-added", "https://evilgood.test/a.mp3", TRUE, FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain evilgood.test is not on the download whitelist" },
  { "subdomain", "https://cdn.good.test/a.mp3", TRUE, FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain cdn.good.test is not on the download whitelist" },
  { "in-the-path", "https://evil.test/good.test", TRUE, FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain evil.test is not on the download whitelist" },
  { "in-the-query", "https://evil.test/?u=https://good.test/a.mp3", TRUE,
    FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain evil.test is not on the download whitelist" },
  { "in-the-fragment", "https://evil.test#@good.test/a.mp3", TRUE,
    FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain evil.test is not on the download whitelist" },
  { "as-user-info", "https://good.test@evil.test/", TRUE, FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain evil.test is not on the download whitelist" },
  { "as-user-info-with-port", "https://good.test:443@evil.test/a.mp3", TRUE,
    FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain evil.test is not on the download whitelist" },
  { "idn-cyrillic-o", "https://g\xd0\xbe\xd0\xbe" "d.test/a.mp3", TRUE,
    FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain xn--gd-fmca.test is not on the download whitelist" },
  { "idn-punycode", "https://xn--gd-fmca.test/a.mp3", TRUE, FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain xn--gd-fmca.test is not on the download whitelist" },
  { "idn-percent-encoded", "https://g%D0%BE%D0%BEd.test/a.mp3", TRUE,
    FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain xn--gd-fmca.test is not on the download whitelist" },
  { "trailing-dot", "http://localhost.:%P/tone.wav", FALSE, FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain localhost.:%P is not on the download whitelist" },
  { "other-port", "https://good.test:8443/a.mp3", TRUE, FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain good.test:8443 is not on the download whitelist" },
  { "decimal-address", "http://2130706433:%P/tone.wav", FALSE,
    FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain 2130706433:%P is not on the download whitelist" },
  /* the whitelisted host, or the scheme, spelt in upper case is that host
   * and that scheme (RFC 3986: both are case-insensitive) */
  { "upper-case-host", "http://LOCALHOST:%P/tone.wav", FALSE,
    FC_RESOURCE_AUDIO, -1, "audio/x-wav" },
  { "upper-case-scheme", "HTTP://127.0.0.1:%P/tone.wav", FALSE,
    FC_RESOURCE_AUDIO, -1, "audio/x-wav" },
  { "upper-case-https-listed", "HTTPS://evil.test/a.mp3", TRUE,
    FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain evil.test is not on the download whitelist" },
  { "upper-case-http-where-https", "HTTP://good.test/a.mp3", TRUE,
    FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "only HTTPS is allowed (HTTP://good.test/a.mp3)" },

  /* ---- plain HTTP where HTTPS is required ---- */
  { "http-listed-host", "http://good.test/a.mp3", TRUE, FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_NOT_ALLOWED,
    "only HTTPS is allowed (http://good.test/a.mp3)" },
  { "http-port-443", "http://good.test:443/a.mp3", TRUE, FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_NOT_ALLOWED,
    "only HTTPS is allowed (http://good.test:443/a.mp3)" },

  /* ---- redirects ---- */
  { "redirect-user-info", "http://127.0.0.1:%P/to?u=http://127.0.0.1:PORT@evil.test:PORT/x.mp3",
    FALSE, FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain evil.test:%P is not on the download whitelist" },
  { "redirect-scheme-relative", "http://127.0.0.1:%P/to?u=//evil.test/x.mp3",
    FALSE, FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain evil.test is not on the download whitelist" },
  { "redirect-to-file", "http://127.0.0.1:%P/to?u=file:///etc/passwd", FALSE,
    /* a file: URL has no host */
    FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED, "not a valid URL" },
  { "redirect-to-other-port", "http://127.0.0.1:%P/to?u=http://127.0.0.1:1/x.mp3",
    FALSE, FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain 127.0.0.1:1 is not on the download whitelist" },

  /* ---- servers ---- */
  { "accepts-never-answers", "http://127.0.0.1:%S/a.mp3", FALSE,
    FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_TIMEOUT, "timed out after 1000 ms" },
  { "body-above-cap-no-length", "http://127.0.0.1:%E/a.wav", FALSE,
    FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_TOO_LARGE,
    "too large (more than 262144 bytes)" },

  /* ---- bodies that are not audio ---- */
  { "html-served-as-audio", "http://127.0.0.1:%P/error-page.mp3", FALSE,
    FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_WRONG_TYPE,
    "not audio (text/html, served as audio/mpeg)" },
  { "empty-body", "http://127.0.0.1:%P/empty.mp3", FALSE, FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_WRONG_TYPE, "not audio (empty, served as audio/mpeg)" },
  { "zeros", "http://127.0.0.1:%P/zeros.mp3", FALSE, FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_WRONG_TYPE, "not audio (unknown, served as audio/mpeg)" },
  { "audio-as-mask", "http://127.0.0.1:%P/tone.wav", FALSE, FC_RESOURCE_IMAGE,
    FC_RESOURCE_ERROR_WRONG_TYPE,
    "not a PNG, JPEG or SVG image (audio/x-wav, served as audio/x-wav)" },
};

static char *
expand (const char *text)
{
  g_autofree char *p = g_strdup_printf ("%u", fx.port);
  g_autofree char *s = g_strdup_printf ("%u", fx.silent_port);
  g_autofree char *e = g_strdup_printf ("%u", fx.endless_port);
  const char *keys[] = { "%P", p, "%S", s, "%E", e };
  char *out = g_strdup (text);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i += 2)
    {
      g_auto (GStrv) parts = g_strsplit (out, keys[i], -1);

      g_free (out);
      out = g_strjoinv (keys[i + 1], parts);
    }
  return out;
}

static void
test_row (gconstpointer data)
{
  const Row *row = data;
  g_autoptr (FcResourceLoader) loader = fc_resource_loader_new ();
  g_autofree char *src = expand (row->src);
  g_autofree char *want = expand (row->message);
  g_auto (GStrv) domains = g_new0 (char *, G_N_ELEMENTS (whitelist));
  FcTestLoad r;

  for (guint i = 0; whitelist[i]; i++)
    domains[i] = expand (whitelist[i]);
  fc_resource_loader_set_download_domains (loader, (const char *const *) domains);
  fc_resource_loader_set_allow_insecure_http (loader, !row->https_only);
  fc_resource_loader_set_timeout (loader, TIMEOUT_MS);
  fc_resource_loader_set_max_size (loader, MAX_SIZE);
  fc_resource_loader_clear_cache ();

  fc_test_load (loader, src, row->kind, &r);
  g_test_message ("%s: %s", src, r.error ? r.error->message : r.type);
  if (row->code < 0)
    {
      g_assert_no_error (r.error);
      g_assert_nonnull (r.bytes);
      g_assert_cmpstr (r.type, ==, want);
    }
  else
    {
      g_assert_error (r.error, FC_RESOURCE_ERROR, row->code);
      g_assert_cmpstr (r.error->message, ==, want);
      g_assert_null (r.bytes);
    }
  fc_test_load_clear (&r);
}

int
main (int argc, char **argv)
{
  int status;

  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  setup ();
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Hostile/Urls/%s", rows[i].name);

      g_test_add_data_func (path, &rows[i], test_row);
    }
  status = g_test_run ();
  teardown ();
  fc_resource_loader_clear_cache ();
  return status;
}
