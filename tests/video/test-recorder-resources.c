/* FcResourceLoader against a real HTTP server on loopback (a SoupServer in
 * this process, plus a raw socket for a truncated body) and a mini-program
 * root on disk, with audio encoded here by GStreamer. A row per source. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <libsoup/soup.h>
#include <string.h>
#include <unistd.h>

#include "common/fc-test-downloads.h"
#include "fc-resource-loader.h"

typedef struct
{
  SoupServer *server;
  GSocketService *raw;
  guint port, raw_port;
  GBytes *mp3, *wav, *png;
  GHashTable *hits; /* path -> count */
  GPtrArray *paused;
  char *root, *outside;
} Fixture;

static Fixture fx;

/* ---- material -------------------------------------------------------- */

static GBytes *
encode (const char *description)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) pipeline = gst_parse_launch (description, &error);
  GstElement *sink;
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GstBus) bus = NULL;

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "out");
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  for (;;)
    {
      g_autoptr (GstSample) sample = NULL;
      GstMapInfo map;

      g_signal_emit_by_name (sink, "pull-sample", &sample);
      if (!sample)
        break;
      gst_buffer_map (gst_sample_get_buffer (sample), &map, GST_MAP_READ);
      g_byte_array_append (out, map.data, map.size);
      gst_buffer_unmap (gst_sample_get_buffer (sample), &map);
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (sink);
  g_assert_cmpuint (out->len, >, 100);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* ---- the server -------------------------------------------------------- */

static void
handler (SoupServer *server, SoupServerMessage *msg, const char *path,
         GHashTable *query, gpointer data)
{
  GBytes *body = NULL;
  const char *type = "application/octet-stream";

  g_hash_table_replace (fx.hits, g_strdup (path),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (
                                              fx.hits, path))
                                          + 1));
  if (strcmp (path, "/tone.mp3") == 0 || strcmp (path, "/again.mp3") == 0)
    body = fx.mp3, type = "audio/mpeg";
  else if (strcmp (path, "/tone.wav") == 0)
    body = fx.wav, type = "audio/x-wav";
  else if (strcmp (path, "/mask.png") == 0)
    body = fx.png, type = "image/png";
  else if (strcmp (path, "/tone-as-text") == 0)
    body = fx.mp3, type = "text/plain"; /* the type header is not trusted */
  else if (strcmp (path, "/text.mp3") == 0)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC,
                                        "hello, world\n", 13);
      return;
    }
  else if (strcmp (path, "/big.mp3") == 0)
    {
      g_autofree char *big = g_malloc0 (2 * 1024 * 1024);

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "audio/mpeg", SOUP_MEMORY_COPY,
                                        big, 2 * 1024 * 1024);
      return;
    }
  else if (strcmp (path, "/slow.mp3") == 0)
    {
      /* never answered while the test runs */
      soup_server_message_pause (msg);
      g_ptr_array_add (fx.paused, g_object_ref (msg));
      return;
    }
  else if (g_str_has_prefix (path, "/redirect-in"))
    {
      soup_server_message_set_redirect (msg, 302, "/tone.mp3");
      return;
    }
  else if (g_str_has_prefix (path, "/redirect-out"))
    {
      g_autofree char *to
          = g_strdup_printf ("http://localhost:%u/tone.mp3", fx.port);

      soup_server_message_set_redirect (msg, 302, to);
      return;
    }
  else if (g_str_has_prefix (path, "/loop"))
    {
      soup_server_message_set_redirect (msg, 302, "/loop");
      return;
    }
  else if (strcmp (path, "/forbidden.mp3") == 0)
    {
      soup_server_message_set_status (msg, 403, NULL);
      return;
    }
  if (!body)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (
      msg, type, SOUP_MEMORY_COPY, g_bytes_get_data (body, NULL),
      g_bytes_get_size (body));
}

/* Promises 100000 bytes, sends 1000 of the MP3, hangs up. */
static gboolean
raw_incoming (GSocketService *service, GSocketConnection *connection,
              GObject *source, gpointer data)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  const char *head = "HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\n"
                     "Content-Length: 100000\r\nConnection: close\r\n\r\n";
  char buf[4096];

  /* read the request (it fits one read on loopback) */
  g_input_stream_read (in, buf, sizeof buf, NULL, NULL);
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, g_bytes_get_data (fx.mp3, NULL), 1000, NULL,
                             NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
write_file (const char *path, GBytes *bytes)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                       g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
setup (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *assets = NULL, *path = NULL, *link = NULL;

  fx.mp3 = encode ("audiotestsrc num-buffers=20 freq=880 ! audioconvert ! "
                   "lamemp3enc ! id3v2mux ! appsink name=out sync=false");
  fx.wav = encode ("audiotestsrc num-buffers=10 ! audioconvert ! wavenc ! "
                   "appsink name=out sync=false");
  fx.png = encode ("videotestsrc num-buffers=1 ! video/x-raw,width=32,"
                   "height=32 ! videoconvert ! pngenc ! "
                   "appsink name=out sync=false");
  fx.hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fx.paused = g_ptr_array_new_with_free_func (g_object_unref);

  fx.server = fc_test_soup_server_new (handler, &fx.port);
  fx.raw = fc_test_socket_service_new (G_CALLBACK (raw_incoming),
                                       &fx.raw_port);

  /* the mini-program root, and a file outside it */
  fx.root = g_dir_make_tmp ("fc-resources-XXXXXX", &error);
  g_assert_no_error (error);
  assets = g_build_filename (fx.root, "assets", NULL);
  g_assert_cmpint (g_mkdir (assets, 0700), ==, 0);
  path = g_build_filename (assets, "tone.wav", NULL);
  write_file (path, fx.wav);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (assets, "mask.png", NULL);
  write_file (path, fx.png);
  g_clear_pointer (&path, g_free);
  fx.outside = g_build_filename (g_get_tmp_dir (), "fc-outside-XXXXXX.wav",
                                 NULL);
  g_close (g_mkstemp (fx.outside), NULL);
  write_file (fx.outside, fx.wav);
  link = g_build_filename (assets, "escape.wav", NULL);
  g_assert_cmpint (symlink (fx.outside, link), ==, 0);
}

static void
teardown (void)
{
  fc_test_socket_service_free (fx.raw);
  for (guint i = 0; i < fx.paused->len; i++)
    soup_server_message_unpause (fx.paused->pdata[i]);
  g_ptr_array_unref (fx.paused);
  soup_server_disconnect (fx.server);
  g_object_unref (fx.server);
  g_hash_table_unref (fx.hits);
  g_bytes_unref (fx.mp3);
  g_bytes_unref (fx.wav);
  g_bytes_unref (fx.png);
  g_unlink (fx.outside);
  g_free (fx.outside);
  {
    const char *files[] = { "assets/tone.wav", "assets/mask.png",
                            "assets/escape.wav", "assets" };

    for (size_t i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *p = g_build_filename (fx.root, files[i], NULL);

        g_remove (p);
      }
  }
  g_rmdir (fx.root);
  g_free (fx.root);
}

/* ---- loading ------------------------------------------------------------ */

static FcResourceLoader *
make_loader (void)
{
  g_autofree char *domain = g_strdup_printf ("127.0.0.1:%u", fx.port);
  g_autofree char *raw = g_strdup_printf ("127.0.0.1:%u", fx.raw_port);
  const char *domains[] = { "example.com", domain, raw, NULL };
  FcResourceLoader *loader = fc_resource_loader_new ();

  fc_resource_loader_set_download_domains (loader, domains);
  fc_resource_loader_set_allow_insecure_http (loader, TRUE);
  fc_resource_loader_set_root_dir (loader, fx.root);
  fc_resource_loader_set_timeout (loader, 1000);
  fc_resource_loader_set_max_size (loader, 1024 * 1024);
  return loader;
}

/* ---- rows ---------------------------------------------------------------- */

typedef struct
{
  const char *src; /* %u: the server's port, %r: the raw server's */
  FcResourceKind kind;
  int code;            /* -1: loads */
  const char *message; /* substring of the message, or the type loaded */
} Row;

static const Row rows[] = {
  { "http://127.0.0.1:%u/tone.mp3", FC_RESOURCE_AUDIO, -1, "application/x-id3" },
  { "http://127.0.0.1:%u/tone.wav", FC_RESOURCE_AUDIO, -1, "audio/x-wav" },
  { "http://127.0.0.1:%u/mask.png", FC_RESOURCE_IMAGE, -1, "image/png" },
  { "http://127.0.0.1:%u/tone-as-text", FC_RESOURCE_AUDIO, -1, "application/x-id3" },
  { "http://127.0.0.1:%u/redirect-in", FC_RESOURCE_AUDIO, -1, "application/x-id3" },
  { "/assets/tone.wav", FC_RESOURCE_AUDIO, -1, "audio/x-wav" },
  { "assets/mask.png", FC_RESOURCE_IMAGE, -1, "image/png" },
  /* failures */
  { "http://127.0.0.1:%u/missing.mp3", FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_NOT_FOUND, "HTTP 404 Not Found" },
  { "http://127.0.0.1:%u/forbidden.mp3", FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_HTTP, "HTTP 403 Forbidden" },
  { "http://localhost:%u/tone.mp3", FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain localhost:%u is not on the download whitelist" },
  { "http://127.0.0.1:%u/redirect-out", FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain localhost:%u is not on the download whitelist" },
  { "http://127.0.0.1:%u/loop", FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_HTTP,
    "too many redirects" },
  { "http://127.0.0.1:%u/slow.mp3", FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_TIMEOUT, "timed out after 1000 ms" },
  { "http://127.0.0.1:%r/cut.mp3", FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_TRUNCATED, "truncated" },
  { "http://127.0.0.1:%u/big.mp3", FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_TOO_LARGE, "too large (2097152 bytes, the limit is 1048576)" },
  { "http://127.0.0.1:%u/text.mp3", FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_WRONG_TYPE, "not audio (unknown, served as text/plain)" },
  { "http://127.0.0.1:%u/mask.png", FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_WRONG_TYPE, "not audio (image/png, served as image/png)" },
  { "http://127.0.0.1:%u/tone.mp3", FC_RESOURCE_IMAGE,
    FC_RESOURCE_ERROR_WRONG_TYPE, "not a PNG, JPEG or SVG image" },
  { "https://not-listed.example/1.mp3", FC_RESOURCE_AUDIO,
    FC_RESOURCE_ERROR_NOT_ALLOWED,
    "domain not-listed.example is not on the download whitelist" },
  { "ftp://127.0.0.1/x.mp3", FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "only HTTPS URLs and files of the mini-program" },
  { "file:///etc/passwd", FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "only HTTPS URLs and files of the mini-program" },
  { "../outside.wav", FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "path leaves the mini-program" },
  { "assets/../../x.wav", FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "path leaves the mini-program" },
  { "assets/escape.wav", FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_ALLOWED,
    "path leaves the mini-program" },
  { "/etc/passwd", FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_FOUND,
    "no such file" },
  { "assets/none.wav", FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_FOUND,
    "no such file" },
  { "assets", FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_NOT_FOUND, "not a file" },
  { "assets/mask.png", FC_RESOURCE_AUDIO, FC_RESOURCE_ERROR_WRONG_TYPE,
    "not audio (image/png)" },
};

static char *
expand (const char *text)
{
  g_autofree char *port = g_strdup_printf ("%u", fx.port);
  g_autofree char *raw = g_strdup_printf ("%u", fx.raw_port);
  g_auto (GStrv) a = g_strsplit (text, "%u", -1);
  g_autofree char *t = g_strjoinv (port, a);
  g_auto (GStrv) b = g_strsplit (t, "%r", -1);

  return g_strjoinv (raw, b);
}

static void
test_row (gconstpointer data)
{
  const Row *row = data;
  g_autoptr (FcResourceLoader) loader = make_loader ();
  g_autofree char *src = expand (row->src);
  g_autofree char *message = expand (row->message);
  FcTestLoad r;

  fc_resource_loader_clear_cache ();
  fc_test_load (loader, src, row->kind, &r);
  if (row->code < 0)
    {
      g_assert_no_error (r.error);
      g_assert_nonnull (r.bytes);
      g_assert_cmpstr (r.type, ==, message);
    }
  else
    {
      g_test_message ("%s: %s", src, r.error ? r.error->message : "(none)");
      g_assert_error (r.error, FC_RESOURCE_ERROR, row->code);
      g_assert_nonnull (strstr (r.error->message, message));
      g_assert_null (r.bytes);
    }
  fc_test_load_clear (&r);
}

static void
test_no_http (void)
{
  g_autoptr (FcResourceLoader) loader = make_loader ();
  g_autofree char *src
      = g_strdup_printf ("http://127.0.0.1:%u/tone.mp3", fx.port);
  FcTestLoad r;

  fc_resource_loader_clear_cache ();
  fc_resource_loader_set_allow_insecure_http (loader, FALSE);
  fc_test_load (loader, src, FC_RESOURCE_AUDIO, &r);
  g_assert_error (r.error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (r.error->message, "only HTTPS is allowed"));
  fc_test_load_clear (&r);

  /* and nothing remote at all without a whitelist */
  fc_resource_loader_set_allow_insecure_http (loader, TRUE);
  fc_resource_loader_set_download_domains (loader, NULL);
  fc_test_load (loader, src, FC_RESOURCE_AUDIO, &r);
  g_assert_error (r.error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_ALLOWED);
  fc_test_load_clear (&r);
}

static void
test_cache (void)
{
  g_autoptr (FcResourceLoader) a = make_loader ();
  g_autoptr (FcResourceLoader) b = make_loader ();
  g_autofree char *src
      = g_strdup_printf ("http://127.0.0.1:%u/again.mp3", fx.port);
  FcTestLoad r1, r2;

  fc_resource_loader_clear_cache ();
  fc_test_load (a, src, FC_RESOURCE_AUDIO, &r1);
  fc_test_load (b, src, FC_RESOURCE_AUDIO, &r2);
  g_assert_no_error (r1.error);
  g_assert_no_error (r2.error);
  g_assert_true (g_bytes_equal (r1.bytes, r2.bytes));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (fx.hits,
                                                           "/again.mp3")),
                    ==, 1);
  fc_test_load_clear (&r1);
  fc_test_load_clear (&r2);
}

static void
test_parallel (void)
{
  g_autoptr (FcResourceLoader) loader = make_loader ();
  FcTestLoad r[3];
  gint64 t0 = g_get_monotonic_time ();

  fc_resource_loader_clear_cache ();
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *src = g_strdup_printf (
          "http://127.0.0.1:%u/tone.mp3?%d", fx.port, i);

      fc_test_load_start (loader, src, FC_RESOURCE_AUDIO, &r[i]);
    }
  while (!r[0].done || !r[1].done || !r[2].done)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("three prompts in %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - t0) / 1000);
  for (int i = 0; i < 3; i++)
    {
      g_assert_no_error (r[i].error);
      fc_test_load_clear (&r[i]);
    }
}

int
main (int argc, char **argv)
{
  int status;

  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  setup ();
  for (size_t i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *p = g_strdup_printf ("/Recorder/Resources/row/%zu", i);

      g_test_add_data_func (p, &rows[i], test_row);
    }
  g_test_add_func ("/Recorder/Resources/no-http", test_no_http);
  g_test_add_func ("/Recorder/Resources/cache", test_cache);
  g_test_add_func ("/Recorder/Resources/parallel", test_parallel);
  status = g_test_run ();
  teardown ();
  fc_resource_loader_clear_cache ();
  return status;
}
