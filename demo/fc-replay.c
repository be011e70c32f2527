/* fc-replay.c: `fc-demo replay FILE.json`, the headless contract of
 * DESIGN.md: run a page without a display, print one JSON object per line.
 * Exit status 0 when the run completed and every expect matched. */
#include "fc-replay.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <fc-bridge.h>

#include "fc-demo-host.h"
#include "fc-replay-steps.h"

typedef struct {
  FcPage *page;
  GString *out;
  GPtrArray *calls;   /* FcValue*: {t, handler, event, detail} per callback,
                         {dumpData, value} per dumpData step */
  guint n_matched;    /* calls before this index are all matched or skipped */
  GArray *matched;    /* gboolean per call */
  gboolean failed;
  gboolean offline;   /* recordings offline: page time never follows the real clock */
  gint64 settle_us;   /* how long a step waits for held work (settle_timeout()) */
} Replay;

static double
now (Replay *r)
{
  return r->page ? fc_page_get_time (r->page) : 0;
}

static void
line_begin (Replay *r)
{
  g_autoptr (FcValue) t = fc_value_new_number (now (r));
  g_string_append (r->out, "{\"t\":");
  fc_value_append_json (t, r->out);
}

static void
line_end (Replay *r)
{
  g_string_append (r->out, "}\n");
  /* stream as we go so a crash still shows what happened */
  fputs (r->out->str, stdout);
  fflush (stdout);
  g_string_truncate (r->out, 0);
}

static void
print_member (Replay *r, const char *key, FcValue *value)
{
  g_autoptr (FcValue) k = fc_value_new_string (key);
  g_string_append_c (r->out, ',');
  fc_value_append_json (k, r->out);
  g_string_append_c (r->out, ':');
  fc_value_append_json (value, r->out);
}

static void
print_error (Replay *r, const GError *error)
{
  g_autoptr (FcValue) e = fc_value_new_object ();
  fc_value_object_set (e, "domain", fc_value_new_string (g_quark_to_string (error->domain)));
  if (error->domain == FC_BRIDGE_ERROR)
    fc_value_object_set (e, "code", fc_value_new_string (fc_bridge_error_code_to_string (error->code)));
  else if (error->domain == FC_PLUGIN_ERROR)
    fc_value_object_set (e, "code", fc_value_new_string (fc_plugin_error_code_to_string (error->code)));
  else if (error->domain == FC_WXS_ERROR)
    fc_value_object_set (e, "code", fc_value_new_string (fc_wxs_error_code_to_string (error->code)));
  else
    fc_value_object_set (e, "code", fc_value_new_number (error->code));
  fc_value_object_set (e, "message", fc_value_new_string (error->message));
  line_begin (r);
  print_member (r, "error", e);
  line_end (r);
}

static void
replay_error (Replay *r, const char *code, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

static void
replay_error (Replay *r, const char *code, const char *fmt, ...)
{
  va_list ap;
  g_autoptr (FcValue) e = fc_value_new_object ();
  va_start (ap, fmt);
  fc_value_object_set (e, "domain", fc_value_new_string ("fc-replay"));
  fc_value_object_set (e, "code", fc_value_new_string (code));
  fc_value_object_set (e, "message", fc_value_new_string_take (g_strdup_vprintf (fmt, ap)));
  va_end (ap);
  line_begin (r);
  print_member (r, "error", e);
  line_end (r);
  r->failed = TRUE;
}

static void
on_callback (const FcEvent *event, gpointer user_data)
{
  Replay *r = user_data;
  g_autoptr (FcValue) ev = fc_event_to_value (event);
  g_autoptr (FcValue) handler = fc_value_new_string (event->handler);
  FcValue *call = fc_value_new_object ();
  gboolean no = FALSE;

  fc_value_object_set (call, "t", fc_value_new_number (now (r)));
  fc_value_object_set (call, "handler", fc_value_ref (handler));
  fc_value_object_set (call, "event", fc_value_ref (ev));
  fc_value_object_set (call, "detail", fc_value_ref (event->detail));
  g_ptr_array_add (r->calls, call);
  g_array_append_val (r->matched, no);

  /* a handler inside a component's template says whose */
  if (fc_event_get_component (event))
    {
      g_autoptr (FcValue) component = fc_value_new_string (fc_event_get_component (event));
      fc_value_object_set (call, "component", fc_value_ref (component));
      line_begin (r);
      print_member (r, "handler", handler);
      print_member (r, "component", component);
      print_member (r, "event", ev);
      line_end (r);
      return;
    }
  line_begin (r);
  print_member (r, "handler", handler);
  print_member (r, "event", ev);
  line_end (r);
}

static void
on_any_handler (const FcEvent *event, gpointer user_data)
{
}

static void
on_warning (FcPage *page, const char *message, Replay *r)
{
  g_autoptr (FcValue) m = fc_value_new_string (message);
  line_begin (r);
  print_member (r, "warning", m);
  line_end (r);
}

static void
on_navigate (FcPage *page, const char *url, Replay *r)
{
  g_autoptr (FcValue) m = fc_value_new_string (url);
  line_begin (r);
  print_member (r, "navigate", m);
  line_end (r);
}

/* Whether @actual has everything @expected has (objects recursively;
 * arrays element by element and of the same length). */
static gboolean
subset (FcValue *expected, FcValue *actual)
{
  if (!actual)
    return FALSE;
  if (fc_value_get_kind (expected) == FC_VALUE_OBJECT)
    {
      if (fc_value_get_kind (actual) != FC_VALUE_OBJECT)
        return FALSE;
      for (guint i = 0; i < fc_value_object_get_size (expected); i++)
        if (!subset (fc_value_object_get_nth (expected, i),
                     fc_value_object_get (actual, fc_value_object_get_key (expected, i))))
          return FALSE;
      return TRUE;
    }
  if (fc_value_get_kind (expected) == FC_VALUE_ARRAY)
    {
      guint n = fc_value_array_get_length (expected);
      if (fc_value_get_kind (actual) != FC_VALUE_ARRAY || fc_value_array_get_length (actual) != n)
        return FALSE;
      for (guint i = 0; i < n; i++)
        if (!subset (fc_value_array_get (expected, i), fc_value_array_get (actual, i)))
          return FALSE;
      return TRUE;
    }
  return fc_value_equal (expected, actual);
}

/* Page time is virtual: `wait` advances it at once. While a component
 * holds the page (fc_page_hold: a camera negotiating, a recording being
 * encoded), a step waits for the component's work, which is real:
 *
 * - Offline (the host setting `offline`, the default on the test camera
 *   and microphone), page time stands still while the run waits, and the
 *   recorder moves it on media time: onRecordEnd comes at onRecordStart's
 *   time plus the recording's duration, however fast the machine encoded
 *   it. `wait N` waits for the held work, then ends N ms after it began
 *   (or at onRecordEnd's time, if that is later).
 * - Live (a device, or `"offline": false`), the page's time follows the
 *   real clock: `wait N` lasts N real ms, and an `expect` that has to wait
 *   for an event moves time on as it waits. Timestamps then say when
 *   events really came, and a recording of recordTime ms ends recordTime
 *   after it started.
 *
 * SETTLE_TIMEOUT_US bounds how long a run waits for one event: longer
 * than the recorder's limit for a stuck offline pipeline (90 s,
 * fc-recorder-watchdog.c), so that its error comes first; as long as the
 * suite's limit for a replay test (tests/bridge/meson.build).
 * FC_REPLAY_SETTLE_TIMEOUT (whole seconds) replaces it where everything is
 * slower: tests/valgrind/run gives 600 s (measured there: one step, the
 * wait for a recording or for ready, took up to 104 s beside one busy
 * loop and 150-330 s at load 3.5-5 on 2 cores, where 120 s cut the
 * waits short: "no callback matches expect end"). */
#define SETTLE_TIMEOUT_US (120 * G_USEC_PER_SEC)
#define SETTLE_TIMEOUT_MAX_S 86400
/* the longest `wait`: finite, and whole milliseconds stay exact */
#define REPLAY_MAX_WAIT_MS 1e15

static gboolean
wake_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context while the page is held, until @done says so or
 * @limit_ms of page time have passed (< 0: no limit but
 * SETTLE_TIMEOUT_US); live, page time moves with the real clock, offline
 * only where a component moves it. Returns the page time that passed. */
static double
run_held (Replay *r, gboolean (*done) (Replay *r, gpointer data), gpointer data, double limit_ms)
{
  gint64 start = g_get_monotonic_time ();
  double t0 = fc_page_get_time (r->page);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (fc_page_is_held (r->page) && !(done && done (r, data)))
    {
      double moved = fc_page_get_time (r->page) - t0;
      double step;
      gboolean woke = FALSE;
      guint id;

      if (limit_ms >= 0 && moved >= limit_ms)
        break;
      if (g_get_monotonic_time () - start > r->settle_us)
        break;
      /* wake at least every 10 ms to move time and check */
      id = g_timeout_add (10, wake_up, &woke);
      g_main_context_iteration (NULL, TRUE);
      if (!woke)
        g_source_remove (id);
      if (r->offline)
        continue;
      /* whole milliseconds of real time, as the timestamps print */
      moved = fc_page_get_time (r->page) - t0;
      step = (double) ((g_get_monotonic_time () - start) / 1000) - moved;
      if (limit_ms >= 0)
        step = MIN (step, limit_ms - moved);
      if (step > 0)
        fc_page_advance (r->page, step);
    }
  return fc_page_get_time (r->page) - t0;
}

static void
settle (Replay *r, gboolean (*done) (Replay *r, gpointer data), gpointer data)
{
  run_held (r, done, data, -1);
}

/* `wait N`: the held work first (live: in real time), virtual time after. */
static void
step_wait (Replay *r, double ms)
{
  double moved = run_held (r, NULL, NULL, MAX (ms, 0));

  fc_page_advance (r->page, MAX (MAX (ms, 0) - moved, 0));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The next unmatched callback that matches, or -1. */
static int
find_match (Replay *r, FcValue *expected)
{
  for (guint i = r->n_matched; i < r->calls->len; i++)
    if (!g_array_index (r->matched, gboolean, i) && subset (expected, g_ptr_array_index (r->calls, i)))
      return (int) i;
  return -1;
}

static gboolean
has_match (Replay *r, gpointer expected)
{
  return find_match (r, expected) >= 0;
}

static void
step_expect (Replay *r, FcValue *expected)
{
  g_autofree char *json = fc_value_to_json (expected);
  int i;

  /* An expected event of a component still at work may be on its way. */
  settle (r, has_match, expected);
  i = find_match (r, expected);
  if (i >= 0)
    {
      g_array_index (r->matched, gboolean, i) = TRUE;
      while (r->n_matched < r->calls->len && g_array_index (r->matched, gboolean, r->n_matched))
        r->n_matched++;
      return;
    }
  replay_error (r, "expect-unmatched", "no callback matches expect %s", json);
}

static gboolean
step_input (Replay *r, FcValue *step, GError **error)
{
  FcValue *sel = fc_value_object_get (step, "input");
  FcValue *action = fc_value_object_get (step, "action");
  FcElement *el;

  if (fc_value_get_kind (sel) != FC_VALUE_STRING || !action || fc_value_get_kind (action) != FC_VALUE_STRING)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED, "input step needs \"input\" and \"action\" strings");
      return FALSE;
    }
  el = fc_page_select (r->page, fc_value_get_string (sel));
  if (!el)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_NOT_FOUND, "no element matches \"%s\"",
                   fc_value_get_string (sel));
      return FALSE;
    }
  return fc_element_call_method (el, fc_value_get_string (action), fc_value_object_get (step, "args"), error);
}

static gboolean
step_dump (Replay *r, FcValue *step, GError **error)
{
  FcValue *sel = fc_value_object_get (step, "dump");
  FcElement *el = fc_value_get_kind (sel) == FC_VALUE_STRING ? fc_page_select (r->page, fc_value_get_string (sel)) : NULL;
  g_autoptr (FcValue) props = NULL;
  g_autoptr (FcValue) component = NULL;

  if (!el)
    {
      g_autofree char *s = fc_value_to_json (sel);
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_NOT_FOUND, "no element matches %s", s);
      return FALSE;
    }
  props = fc_element_dup_properties (el);
  /* the page's name for it (plugin://ALIAS/NAME), else the class's */
  {
    const char *using = fc_page_get_using_component (r->page, fc_element_get_tag (el));
    component = fc_value_new_string (using ? using : fc_component_class_get_name (fc_element_get_class (el)));
  }
  line_begin (r);
  print_member (r, "dump", sel);
  print_member (r, "component", component);
  print_member (r, "props", props);
  line_end (r);
  return TRUE;
}

/* {"componentSetData": "#sel", "data": {…}}: the component sets its own
 * data, as its code would (drives model:) */
static gboolean
step_component_set_data (Replay *r, FcValue *step, GError **error)
{
  FcValue *sel = fc_value_object_get (step, "componentSetData");
  FcValue *data = fc_value_object_get (step, "data");
  FcElement *el;

  if (fc_value_get_kind (sel) != FC_VALUE_STRING || !data || fc_value_get_kind (data) != FC_VALUE_OBJECT)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED,
                   "componentSetData needs a selector and \"data\", an object");
      return FALSE;
    }
  /* a selector of fc_page_query(): `#id`, `.class`, a tag, `>>>` */
  el = fc_page_query (r->page, fc_value_get_string (sel), error);
  return el && fc_element_set_component_data (el, data, error);
}

/* {"requirePlugin": "ALIAS or PROVIDER", "call": "NAME", "args": ...}:
 * prints {"t", "requirePlugin", "call", "result"} */
static gboolean
step_require_plugin (Replay *r, FcApp *app, const char *page_path, FcValue *step, GError **error)
{
  FcValue *name = fc_value_object_get (step, "requirePlugin");
  FcValue *call = fc_value_object_get (step, "call");
  FcPluginInterface *iface;
  g_autoptr (FcValue) result = NULL;

  if (fc_value_get_kind (name) != FC_VALUE_STRING || !call || fc_value_get_kind (call) != FC_VALUE_STRING)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED, "requirePlugin step needs \"requirePlugin\" and \"call\" strings");
      return FALSE;
    }
  if (!(iface = fc_app_require_plugin (app, page_path, fc_value_get_string (name), error)))
    return FALSE;
  result = fc_plugin_interface_get (iface, fc_value_get_string (call));
  if (result)
    fc_value_ref (result);
  else if (!(result = fc_plugin_interface_call (iface, fc_value_get_string (call), fc_value_object_get (step, "args"), error)))
    return FALSE;
  line_begin (r);
  print_member (r, "requirePlugin", name);
  print_member (r, "call", call);
  print_member (r, "result", result);
  line_end (r);
  return TRUE;
}

static char *
member_text (FcValue *o, const char *key)
{
  FcValue *v = fc_value_object_get (o, key);
  if (!v)
    return NULL;
  if (fc_value_get_kind (v) == FC_VALUE_STRING)
    return g_strdup (fc_value_get_string (v));
  return fc_value_to_json (v);
}

/* {"navigate": URL}: the host's navigation: the page at URL (a page of the
 * app, or plugin://ALIAS/PAGE) replaces the current one */
static gboolean
step_navigate (Replay *r, FcApp *app, FcValue *step, GError **error)
{
  FcValue *url = fc_value_object_get (step, "navigate");
  const char *u;
  FcPage *page;

  if (fc_value_get_kind (url) != FC_VALUE_STRING)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED, "navigate step needs a url string");
      return FALSE;
    }
  u = fc_value_get_string (url);
  while (*u == '/')
    u++;
  page = fc_page_new (fc_page_get_registry (r->page), fc_page_get_scope (r->page));
  g_signal_connect (page, "warning", G_CALLBACK (on_warning), r);
  g_signal_connect (page, "navigate", G_CALLBACK (on_navigate), r);
  if (!fc_app_load_page (app, page, u, NULL, error))
    {
      g_object_unref (page);
      return FALSE;
    }
  g_object_unref (r->page);
  r->page = page;
  return TRUE;
}

/* Whether a recorder with @settings records from the test pattern and
 * tone: each device "test", or the system's with the test source allowed
 * (replay's default). */
/* "components": {"/components/card/card": {"json": {…}, "fxml": "…"}}:
 * the files they stand for (`components/card/card.json`, `.fxml`) */
static gboolean
add_components (Replay *r, FcValue *components)
{
  if (!components)
    return TRUE;
  if (fc_value_get_kind (components) != FC_VALUE_OBJECT)
    {
      replay_error (r, "bad-case", "\"components\" must be an object of path: {\"json\", \"fxml\"}");
      return FALSE;
    }
  for (guint i = 0; i < fc_value_object_get_size (components); i++)
    {
      const char *path = fc_value_object_get_key (components, i);
      FcValue *c = fc_value_object_get_nth (components, i);
      FcValue *json = fc_value_get_kind (c) == FC_VALUE_OBJECT ? fc_value_object_get (c, "json") : NULL;
      FcValue *fxml = fc_value_get_kind (c) == FC_VALUE_OBJECT ? fc_value_object_get (c, "fxml") : NULL;
      g_autofree char *json_text = NULL, *json_name = NULL, *fxml_name = NULL;

      if (!json || fc_value_get_kind (json) != FC_VALUE_OBJECT || (fxml && fc_value_get_kind (fxml) != FC_VALUE_STRING))
        {
          replay_error (r, "bad-case", "\"components\": \"%s\" needs \"json\", an object, and \"fxml\", text",
                        path);
          return FALSE;
        }
      json_text = fc_value_to_json (json);
      json_name = g_strdup_printf ("%s.json", path);
      fxml_name = g_strdup_printf ("%s.fxml", path);
      fc_page_add_file (r->page, json_name, json_text);
      /* glass-easel's default template, as the oracle's */
      fc_page_add_file (r->page, fxml_name, fxml ? fc_value_get_string (fxml) : "<view><slot/></view>");
    }
  return TRUE;
}

/* SETTLE_TIMEOUT_US, or FC_REPLAY_SETTLE_TIMEOUT's; FALSE (and an
 * error printed) when that is not whole seconds from 1 to the maximum */
static gboolean
settle_timeout (Replay *r)
{
  const char *text = g_getenv ("FC_REPLAY_SETTLE_TIMEOUT");
  guint64 s;

  r->settle_us = SETTLE_TIMEOUT_US;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, SETTLE_TIMEOUT_MAX_S, &s, NULL))
    {
      replay_error (r, "bad-environment",
                    "FC_REPLAY_SETTLE_TIMEOUT must be whole seconds from 1 to %d, got \"%s\"",
                    SETTLE_TIMEOUT_MAX_S, text);
      return FALSE;
    }
  r->settle_us = (gint64) s * G_USEC_PER_SEC;
  return TRUE;
}

static gboolean
uses_test_sources (FcHostSettings *settings)
{
  const char *devices[] = { fc_host_settings_get_camera (settings), fc_host_settings_get_microphone (settings) };

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    if (g_strcmp0 (devices[i], "test") != 0 && (devices[i] || !fc_host_settings_get_allow_test_source (settings)))
      return FALSE;
  return TRUE;
}

static FcPluginStore *
make_store (const char *const *extra)
{
  g_autoptr (FcPluginStore) def = fc_plugin_store_new ();
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  g_auto (GStrv) dirs = NULL;
  if (!extra || !*extra)
    return g_steal_pointer (&def);
  g_strv_builder_addv (b, (const char **) extra);
  g_strv_builder_addv (b, (const char **) fc_plugin_store_get_path (def));
  dirs = g_strv_builder_end (b);
  return fc_plugin_store_new_for_path ((const char *const *) dirs);
}

int
fc_replay_run (const char *file, const char *const *plugin_path, GString *out)
{
  Replay r = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = g_path_get_dirname (file);
  /* every path in a case is relative to the case file's folder, made
   * absolute here: "tempDir": "rec" of `fc-demo replay case.json` is
   * CWD/rec, not "./rec" (which the host settings refuse) */
  g_autofree char *base = g_canonicalize_filename (dir, NULL);
  g_autoptr (FcValue) doc = NULL;
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcPluginStore) store = make_store (plugin_path);
  g_autoptr (FcApp) app = NULL;
  g_autoptr (FcHostSettings) settings = fc_host_settings_new ();
  FcValue *steps, *data, *files;
  gboolean ok = FALSE;
  int status = 1;

  r.out = out;
  r.calls = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_value_unref);
  r.matched = g_array_new (FALSE, FALSE, sizeof (gboolean));
  if (!settle_timeout (&r))
    goto out;

  if (!g_file_get_contents (file, &text, NULL, &error))
    {
      print_error (&r, error);
      goto out;
    }
  doc = fc_value_from_json (text, &error);
  if (!doc || fc_value_get_kind (doc) != FC_VALUE_OBJECT)
    {
      if (!error)
        g_set_error (&error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_JSON, "1:1: expected a JSON object");
      g_prefix_error (&error, "%s:", file);
      print_error (&r, error);
      goto out;
    }

  /* what the host decides: the recorder plugin writes where the case
   * says and records from the devices it names, the test camera and
   * microphone unless it names others ("pipewire:NODE"); the test pattern
   * and tone may stand in for a missing device */
  fc_host_settings_set_camera (settings, "test", NULL);
  fc_host_settings_set_microphone (settings, "test", NULL);
  fc_host_settings_set_allow_test_source (settings, TRUE);
  if (!fc_demo_host_settings_apply_json (settings, fc_value_object_get (doc, "host"), base, "\"host\"", &error))
    {
      replay_error (&r, "bad-case", "%s", error->message);
      goto out;
    }
  /* on the test camera and microphone, recordings are made offline on
   * the page's virtual clock unless the case says "offline": false */
  if (!(fc_value_get_kind (fc_value_object_get (doc, "host")) == FC_VALUE_OBJECT
        && fc_value_object_get (fc_value_object_get (doc, "host"), "offline")))
    fc_host_settings_set_offline (settings, uses_test_sources (settings));
  r.offline = fc_host_settings_get_offline (settings);
  /* every name a host page binds is handled (by nothing); the observer
   * prints every handler call, a plugin page's (its plugin's) included */
  fc_callback_scope_set_fallback (scope, on_any_handler, NULL, NULL);
  fc_callback_scope_set_observer (scope, on_callback, &r, NULL);

  r.page = fc_page_new (registry, scope);
  g_signal_connect (r.page, "warning", G_CALLBACK (on_warning), &r);
  g_signal_connect (r.page, "navigate", G_CALLBACK (on_navigate), &r);

  data = fc_value_object_get (doc, "data");
  if (data && fc_value_get_kind (data) != FC_VALUE_OBJECT)
    {
      replay_error (&r, "bad-case", "\"data\" must be an object");
      goto out;
    }
  files = fc_value_object_get (doc, "files");
  if (files && fc_value_get_kind (files) != FC_VALUE_OBJECT)
    {
      replay_error (&r, "bad-case", "\"files\" must be an object of path: text");
      goto out;
    }
  /* the mini-program's other files, by their path from its root
   * (`"utils/fmt.wxs": "…"`): found before the folder's */
  for (guint i = 0; files && i < fc_value_object_get_size (files); i++)
    {
      FcValue *content = fc_value_object_get_nth (files, i);
      if (fc_value_get_kind (content) != FC_VALUE_STRING)
        {
          replay_error (&r, "bad-case", "\"files\": \"%s\" must be the file's text",
                        fc_value_object_get_key (files, i));
          goto out;
        }
      fc_page_add_file (r.page, fc_value_object_get_key (files, i), fc_value_get_string (content));
    }
  if (!add_components (&r, fc_value_object_get (doc, "components")))
    goto out;
  if (fc_value_object_get (doc, "fxml"))
    {
      g_autofree char *app_text = member_text (doc, "appJson");
      g_autofree char *page = member_text (doc, "pageJson");
      g_autofree char *fxml = member_text (doc, "fxml");
      g_autofree char *page_path = member_text (doc, "page");
      /* an inline case's mini-program root is the replay file's folder */
      app = fc_app_new (store, base, app_text ? app_text : "{}", &error);
      if (app)
        fc_app_set_host_settings (app, settings);
      ok = app && fc_app_load_page_text (app, r.page, page_path ? page_path : "pages/index/index", page, fxml, data, &error);
    }
  else if (fc_value_object_get (doc, "app") && fc_value_object_get (doc, "page"))
    {
      g_autofree char *app_path = member_text (doc, "app");
      g_autofree char *page = member_text (doc, "page");
      g_autofree char *app_dir = g_path_is_absolute (app_path) ? g_strdup (app_path)
                                                               : g_build_filename (base, app_path, NULL);
      app = fc_app_new_from_dir (store, app_dir, &error);
      if (app)
        fc_app_set_host_settings (app, settings);
      ok = app && fc_app_load_page (app, r.page, page, data, &error);
    }
  else
    {
      replay_error (&r, "bad-case", "give \"app\" and \"page\", or \"fxml\" (with \"appJson\", \"pageJson\")");
      goto out;
    }
  if (!ok)
    {
      print_error (&r, error);
      goto out;
    }

  steps = fc_value_object_get (doc, "steps");
  /* a case whose steps are not a list would run nothing and pass */
  if (steps && fc_value_get_kind (steps) != FC_VALUE_ARRAY)
    {
      replay_error (&r, "bad-case", "\"steps\" must be an array of steps");
      goto out;
    }
  for (guint i = 0; steps && i < fc_value_array_get_length (steps); i++)
    {
      FcValue *step = fc_value_array_get (steps, i);
      FcValue *v;

      if (fc_value_get_kind (step) != FC_VALUE_OBJECT)
        {
          replay_error (&r, "bad-step", "step %u is not an object", i);
          goto out;
        }
      if ((v = fc_value_object_get (step, "wait")))
        {
          /* page time must stay a finite number of milliseconds */
          double ms = fc_value_get_kind (v) == FC_VALUE_NUMBER ? fc_value_get_number (v) : NAN;

          if (!(ms >= 0 && ms <= REPLAY_MAX_WAIT_MS))
            {
              g_autofree char *json = fc_value_get_kind (v) == FC_VALUE_NUMBER
                                          ? fc_value_to_js_string (v)
                                          : fc_value_to_json (v);

              replay_error (&r, "bad-step", "step %u: wait needs a number of milliseconds from 0 to %g, got %s",
                            i, REPLAY_MAX_WAIT_MS, json);
              goto out;
            }
          step_wait (&r, ms);
        }
      else if ((v = fc_value_object_get (step, "setData")))
        {
          if (fc_value_get_kind (v) != FC_VALUE_OBJECT)
            {
              replay_error (&r, "bad-step", "step %u: setData needs an object", i);
              goto out;
            }
          if (!fc_page_set_data (r.page, v, &error))
            {
              print_error (&r, error);
              goto out;
            }
        }
      else if (fc_value_object_get (step, "input"))
        {
          if (!step_input (&r, step, &error))
            {
              g_prefix_error (&error, "step %u: ", i);
              print_error (&r, error);
              goto out;
            }
        }
      else if (fc_value_object_get (step, "dump"))
        {
          if (!step_dump (&r, step, &error))
            {
              g_prefix_error (&error, "step %u: ", i);
              print_error (&r, error);
              goto out;
            }
        }
      else if (fc_value_object_get (step, "requirePlugin"))
        {
          g_autofree char *page_path = member_text (doc, "page");
          if (!step_require_plugin (&r, app, page_path, step, &error))
            {
              g_prefix_error (&error, "step %u: ", i);
              print_error (&r, error);
              goto out;
            }
        }
      else if (fc_value_object_get (step, "navigate"))
        {
          if (!step_navigate (&r, app, step, &error))
            {
              g_prefix_error (&error, "step %u: ", i);
              print_error (&r, error);
              goto out;
            }
        }
      else if (fc_value_object_get (step, "componentSetData"))
        {
          if (!step_component_set_data (&r, step, &error))
            {
              g_prefix_error (&error, "step %u: ", i);
              print_error (&r, error);
              goto out;
            }
        }
      else if (fc_value_object_get (step, "trigger"))
        {
          if (!fc_replay_step_trigger (r.page, step, &error))
            {
              g_prefix_error (&error, "step %u: ", i);
              print_error (&r, error);
              goto out;
            }
        }
      else if (fc_value_object_get (step, "dumpData"))
        {
          g_autoptr (FcValue) members = fc_replay_step_dump_data (r.page, step, &error);
          if (!members)
            {
              g_prefix_error (&error, "step %u: ", i);
              print_error (&r, error);
              goto out;
            }
          gboolean no = FALSE;
          line_begin (&r);
          for (guint m = 0; m < fc_value_object_get_size (members); m++)
            print_member (&r, fc_value_object_get_key (members, m), fc_value_object_get_nth (members, m));
          line_end (&r);
          /* an expect may name it: {"expect": {"dumpData": "a", "value": 1}} */
          g_ptr_array_add (r.calls, g_steal_pointer (&members));
          g_array_append_val (r.matched, no);
        }
      else if ((v = fc_value_object_get (step, "expect")))
        step_expect (&r, v);
      else
        {
          g_autofree char *j = fc_value_to_json (step);
          replay_error (&r, "bad-step", "step %u: unknown step %s", i, j);
          goto out;
        }
    }
  /* Work still in flight ends before the run does: a recording started by
   * the last steps is finalised and its events printed, not lost. */
  settle (&r, NULL, NULL);
  status = r.failed ? 1 : 0;

out:
  g_clear_object (&r.page);
  g_ptr_array_unref (r.calls);
  g_array_unref (r.matched);
  return status;
}
