/* FcRecorder with a stepList and a mask: "ready" only once the prompts'
 * audio (from a SoupServer on loopback) and the mask (from a mini-program
 * root) are in; every kind of failure is an "error" naming the resource,
 * and no "ready". Test sources: no devices needed. */

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <libsoup/soup.h>
#include <string.h>

#include "fc-recorder.h"

static SoupServer *server;
static guint port;
static GBytes *mp3, *png;
static char *root;

/* ---- material and server ---------------------------------------------- */

static GBytes *
encode (const char *description)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) pipeline = gst_parse_launch (description, &error);
  GstElement *sink;
  g_autoptr (GByteArray) out = g_byte_array_new ();

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "out");
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
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
handler (SoupServer *srv, SoupServerMessage *msg, const char *path,
         GHashTable *query, gpointer data)
{
  if (g_str_has_suffix (path, ".mp3") && !g_str_has_prefix (path, "/missing"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "audio/mpeg", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (mp3, NULL),
                                        g_bytes_get_size (mp3));
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static void
setup (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSList) uris = NULL;
  g_autofree char *assets = NULL, *path = NULL;

  mp3 = encode ("audiotestsrc num-buffers=20 freq=880 ! audioconvert ! "
                "lamemp3enc ! appsink name=out sync=false");
  png = encode ("videotestsrc num-buffers=1 ! video/x-raw,width=64,height=64"
                " ! videoconvert ! pngenc ! appsink name=out sync=false");
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, handler, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  root = g_dir_make_tmp ("fc-prompts-XXXXXX", &error);
  g_assert_no_error (error);
  assets = g_build_filename (root, "assets", NULL);
  g_assert_cmpint (g_mkdir (assets, 0700), ==, 0);
  path = g_build_filename (assets, "mask.png", NULL);
  g_file_set_contents (path, g_bytes_get_data (png, NULL),
                       g_bytes_get_size (png), &error);
  g_assert_no_error (error);
}

static void
teardown (void)
{
  g_autofree char *mask = g_build_filename (root, "assets", "mask.png", NULL);
  g_autofree char *assets = g_build_filename (root, "assets", NULL);

  g_unlink (mask);
  g_rmdir (assets);
  g_rmdir (root);
  g_free (root);
  soup_server_disconnect (server);
  g_object_unref (server);
  g_bytes_unref (mp3);
  g_bytes_unref (png);
}

/* ---- events --------------------------------------------------------------- */

typedef struct
{
  guint n_ready, n_error;
  GVariant *error;
  GPtrArray *warnings;
} Events;

static void
on_ready (FcRecorder *rec, GVariant *detail, Events *ev)
{
  ev->n_ready++;
}

static void
on_error (FcRecorder *rec, GVariant *detail, Events *ev)
{
  ev->n_error++;
  g_clear_pointer (&ev->error, g_variant_unref);
  ev->error = g_variant_ref (detail);
}

static void
on_warning (FcRecorder *rec, GVariant *detail, Events *ev)
{
  const char *msg = NULL;

  g_assert_true (g_variant_lookup (detail, "errMsg", "&s", &msg));
  g_ptr_array_add (ev->warnings, g_strdup (msg));
}

static FcRecorder *
recorder_new (Events *ev, const char *steps_text, const char *mask)
{
  FcRecorder *rec = fc_recorder_new ();
  g_autofree char *domain = g_strdup_printf ("127.0.0.1:%u", port);
  const char *domains[] = { domain, NULL };
  g_autofree char *text = NULL;

  memset (ev, 0, sizeof *ev);
  ev->warnings = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (rec, "ready", G_CALLBACK (on_ready), ev);
  g_signal_connect (rec, "error", G_CALLBACK (on_error), ev);
  g_signal_connect (rec, "warning", G_CALLBACK (on_warning), ev);
  g_object_set (rec, "camera", "test", "microphone", "test", "resolution",
                "low", "allow-test-source", TRUE, "download-domains", domains,
                "allow-insecure-http", TRUE, "root-dir", root, "mask", mask,
                NULL);
  if (steps_text)
    {
      /* %u: the server's port */
      g_auto (GStrv) parts = g_strsplit (steps_text, "%u", -1);
      g_autofree char *p = g_strdup_printf ("%u", port);

      text = g_strjoinv (p, parts);
      fc_recorder_set_step_list (
          rec, g_variant_parse (NULL, text, NULL, NULL, NULL));
      g_assert_nonnull (fc_recorder_get_step_list (rec));
    }
  return rec;
}

static void
events_clear (Events *ev)
{
  g_clear_pointer (&ev->error, g_variant_unref);
  g_clear_pointer (&ev->warnings, g_ptr_array_unref);
}

static void
wait_until (guint *counter, guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (*counter == 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
run_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static const char *
err_s (Events *ev, const char *key)
{
  const char *value = NULL;

  g_assert_nonnull (ev->error);
  g_assert_true (g_variant_lookup (ev->error, key, "&s", &value));
  return value;
}

#define THREE_STEPS                                                           \
  "[<{'audioSrc': <'http://127.0.0.1:%u/1.mp3'>, 'showTime': <0.0>,"         \
  "   'textList': <[<{'text': <'One'>, 'color': <'#nope'>}>]>}>,"            \
  " <{'audioSrc': <'http://127.0.0.1:%u/2.mp3'>, 'showTime': <1000.0>,"      \
  "   'textList': <[<{'text': <'Two'>}>]>}>,"                                \
  " <{'audioSrc': <'http://127.0.0.1:%u/3.mp3'>, 'showTime': <2000.0>,"      \
  "   'textList': <[<{'text': <'Three'>}>]>}>]"

/* ---- tests ---------------------------------------------------------------- */

static void
test_ready_after_resources (void)
{
  Events ev;
  FcRecorder *rec = recorder_new (&ev, THREE_STEPS, "/assets/mask.png");

  g_assert_true (fc_recorder_prepare (rec));
  wait_until (&ev.n_ready, 10000);
  g_assert_cmpuint (ev.n_error, ==, 0);
  g_assert_cmpuint (ev.n_ready, ==, 1);
  g_assert_nonnull (fc_recorder_get_mask_bytes (rec));
  g_assert_cmpuint (fc_step_list_get_n_steps (fc_recorder_get_steps (rec)),
                    ==, 3);
  /* the bad colour warned and did not fail the step */
  g_assert_cmpuint (ev.warnings->len, ==, 1);
  g_assert_cmpstr (ev.warnings->pdata[0], ==,
                   "stepList[0].textList[0].color: invalid color \"#nope\"; "
                   "using default");
  fc_recorder_close (rec);
  g_assert_finalize_object (rec);
  events_clear (&ev);
}

static void
test_too_many_steps (void)
{
  Events ev;
  FcRecorder *rec = recorder_new (
      &ev,
      "[<{'showTime': <0.0>}>, <{'showTime': <1.0>}>, <{'showTime': <2.0>}>,"
      " <{'showTime': <3.0>}>]",
      NULL);

  g_assert_false (fc_recorder_prepare (rec));
  g_assert_cmpuint (ev.n_error, ==, 1);
  g_assert_cmpstr (err_s (&ev, "errMsg"), ==,
                   "stepList supports at most 3 steps, got 4");
  g_assert_cmpstr (err_s (&ev, "errCode"), ==, "invalid-steps");
  g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_IDLE);
  /* and record refuses the same way: no recording */
  g_assert_false (fc_recorder_record (rec));
  g_assert_cmpuint (ev.n_error, ==, 2);
  run_for (300);
  g_assert_cmpuint (ev.n_ready, ==, 0);
  g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_IDLE);
  g_assert_finalize_object (rec);
  events_clear (&ev);
}

typedef struct
{
  const char *steps;
  const char *mask;
  const char *message; /* %u: the port */
} FailRow;

static const FailRow fail_rows[] = {
  { "[<{'audioSrc': <'http://127.0.0.1:%u/1.mp3'>}>,"
    " <{'audioSrc': <'http://127.0.0.1:%u/missing.mp3'>, 'showTime': <5.0>}>]",
    NULL,
    "cannot load stepList[1].audioSrc \"http://127.0.0.1:%u/missing.mp3\": "
    "HTTP 404 Not Found" },
  { "[<{'audioSrc': <'https://elsewhere.example/1.mp3'>}>]", NULL,
    "cannot load stepList[0].audioSrc \"https://elsewhere.example/1.mp3\": "
    "domain elsewhere.example is not on the download whitelist" },
  { NULL, "http://127.0.0.1:%u/mask.png",
    "cannot load mask \"http://127.0.0.1:%u/mask.png\": HTTP 404 Not Found" },
  { NULL, "../mask.png",
    "cannot load mask \"../mask.png\": path leaves the mini-program" },
  { "[<{'audioSrc': <'/assets/mask.png'>}>]", NULL,
    "cannot load stepList[0].audioSrc \"/assets/mask.png\": not audio "
    "(image/png)" },
};

static void
test_fail_row (gconstpointer data)
{
  const FailRow *row = data;
  Events ev;
  g_autofree char *mask = NULL;
  g_autofree char *want = NULL;
  FcRecorder *rec;

  if (row->mask)
    {
      g_auto (GStrv) parts = g_strsplit (row->mask, "%u", -1);
      g_autofree char *p = g_strdup_printf ("%u", port);

      mask = g_strjoinv (p, parts);
    }
  {
    g_auto (GStrv) parts = g_strsplit (row->message, "%u", -1);
    g_autofree char *p = g_strdup_printf ("%u", port);

    want = g_strjoinv (p, parts);
  }
  rec = recorder_new (&ev, row->steps, mask);
  g_assert_true (fc_recorder_prepare (rec));
  wait_until (&ev.n_error, 10000);
  g_assert_cmpuint (ev.n_error, ==, 1);
  g_assert_cmpstr (err_s (&ev, "errMsg"), ==, want);
  g_assert_cmpstr (err_s (&ev, "errCode"), ==, "resource");
  run_for (500);
  g_assert_cmpuint (ev.n_ready, ==, 0);
  g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_IDLE);
  g_assert_finalize_object (rec);
  events_clear (&ev);
}

static void
test_button_style_init_only (void)
{
  Events ev;
  FcRecorder *rec = recorder_new (&ev, NULL, NULL);
  g_autoptr (GVariant) style = g_variant_ref_sink (g_variant_parse (
      G_VARIANT_TYPE_VARDICT,
      "{'width': <'16vw'>, 'height': <'16vw'>, 'bottom': <'80rpx'>}", NULL,
      NULL, NULL));
  FcViewport vp = { 375, 667 };
  FcRect r;

  fc_recorder_set_button_style (rec, style);
  fc_recorder_get_button_layout (rec, &vp, &r);
  g_assert_cmpfloat_with_epsilon (r.width, 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.y, 667 - 40 - 60, 1e-9);
  g_assert_true (fc_recorder_prepare (rec));
  wait_until (&ev.n_ready, 10000);
  g_assert_cmpuint (ev.n_ready, ==, 1);

  /* after initialisation: ignored, with a warning */
  fc_recorder_set_button_style (
      rec, g_variant_parse (G_VARIANT_TYPE_VARDICT, "{'width': <'50vw'>}",
                            NULL, NULL, NULL));
  g_assert_cmpuint (ev.warnings->len, ==, 1);
  g_assert_cmpstr (ev.warnings->pdata[0], ==,
                   "buttonStyle is only effective during initialization; "
                   "ignored");
  fc_recorder_get_button_layout (rec, &vp, &r);
  g_assert_cmpfloat_with_epsilon (r.width, 60, 1e-9);
  g_assert_true (g_variant_equal (fc_recorder_get_button_style (rec), style));
  fc_recorder_close (rec);
  g_assert_finalize_object (rec);
  events_clear (&ev);
}

int
main (int argc, char **argv)
{
  int status;

  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  setup ();
  g_test_add_func ("/Recorder/Prompts/ready-after-resources",
                   test_ready_after_resources);
  g_test_add_func ("/Recorder/Prompts/too-many-steps", test_too_many_steps);
  g_test_add_func ("/Recorder/Prompts/button-style-init-only",
                   test_button_style_init_only);
  for (size_t i = 0; i < G_N_ELEMENTS (fail_rows); i++)
    {
      g_autofree char *p = g_strdup_printf ("/Recorder/Prompts/fail/%zu", i);

      g_test_add_data_func (p, &fail_rows[i], test_fail_row);
    }
  status = g_test_run ();
  teardown ();
  return status;
}
