/* fc-soak: the soak figures of issue 9, in one process.
 *
 *   record    N cycles (500) of: mount the Quick Start page of the sample
 *             mini-program (demo/miniprogram, pages/video/video: its
 *             markup, its mask, a one-prompt stepList, its buttonStyle)
 *             through the bridge with the built plugins, wait for
 *             onRecordReady, call record, record 200 ms (recordTime),
 *             wait for onRecordEnd, delete the files, unmount the page
 *   keyboard  N cycles (100,000) of: show a keyboard (setData), press a
 *             key (its `key` method, the view's path), hide it, on a page
 *             mounted through the bridge with the built keyboard plugin
 *
 * Each phase measures resident memory (VmRSS, after malloc_trim) and the
 * open file descriptors once its warm-up cycles are done (caches, GStreamer
 * plugin loading, the first pipelines), and again at the end, and prints
 * a JSON line per phase and the figures against the targets: RSS growth
 * <= 2 MB, file descriptors back to the count after warm-up. Exit status 1
 * when a target is missed or a cycle fails.
 *
 * The recorder uses the test camera and microphone (host settings camera
 * and microphone "test"): no device or display is needed.
 *
 * Usage: fc-soak [--plugins DIR] [--app DIR] [--record-cycles N]
 *                [--keyboard-cycles N] [--record-warmup N]
 *                [--keyboard-warmup N] [--record-ms MS] [--only record|keyboard]
 *                [--trace N]
 * --trace N prints RSS, heap in use and fds every N record cycles (every
 * 200 N keyboard cycles), to see whether a growth levels off.
 */
#include <fc-bridge.h>

#include <dirent.h>
#include <glib/gstdio.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *opt_plugins;
static char *opt_app;
static char *opt_only;
static int opt_record_cycles = 500;
static int opt_keyboard_cycles = 100000;
static int opt_record_warmup = 20;
static int opt_keyboard_warmup = 1000;
static int opt_record_ms = 200;
static int opt_trace;

#define RSS_TARGET_KB 2048
/* a cycle that takes longer than this has hung */
#define CYCLE_TIMEOUT_MS 30000

/* ---- process figures ---------------------------------------------------- */

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *p;

  /* give freed heap pages back first, so the figure is what is in use */
  malloc_trim (0);
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, "VmRSS:");
  return p ? strtol (p + 6, NULL, 10) : -1;
}

/* Bytes malloc has handed out and not had back, over all arenas and its
 * mmapped chunks: growth
 * here is memory still in use (a leak or a growing cache), growth of RSS
 * alone is fragmentation or memory that is not from malloc. */
static long
heap_kb (void)
{
  struct mallinfo2 mi = mallinfo2 ();

  return (long) ((mi.uordblks + mi.hblkhd) / 1024);
}

static int
open_fds (void)
{
  DIR *d = opendir ("/proc/self/fd");
  struct dirent *e;
  int n = 0;

  if (!d)
    return -1;
  while ((e = readdir (d)))
    if (e->d_name[0] != '.')
      n++;
  closedir (d);
  return n - 1; /* the directory's own descriptor */
}

/* What /proc/self/fd points at, one per line, for a report on a mismatch. */
static char *
list_fds (void)
{
  GString *out = g_string_new (NULL);
  DIR *d = opendir ("/proc/self/fd");
  struct dirent *e;

  while (d && (e = readdir (d)))
    {
      g_autofree char *path = NULL, *target = NULL;

      if (e->d_name[0] == '.')
        continue;
      path = g_strdup_printf ("/proc/self/fd/%s", e->d_name);
      target = g_file_read_link (path, NULL);
      g_string_append_printf (out, "    %s -> %s\n", e->d_name,
                              target ? target : "?");
    }
  if (d)
    closedir (d);
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *phase;
  int cycles, warmup;
  long rss_start_kb, rss_warm_kb, rss_end_kb;
  long heap_warm_kb, heap_end_kb;
  int fds_start, fds_warm, fds_end;
  char *fds_warm_list;
  double seconds;
  gboolean failed;
} Figures;

static void
figures_mark_warm (Figures *f)
{
  f->rss_warm_kb = rss_kb ();
  f->heap_warm_kb = heap_kb ();
  f->fds_warm = open_fds ();
  f->fds_warm_list = list_fds ();
}

/* A field of /proc/self/status in kB (or a count), -1 when absent. */
static long
status_field (const char *name)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, name);
  return p ? strtol (p + strlen (name), NULL, 10) : -1;
}

static void
trace (const char *phase, int cycle)
{
  long rss = rss_kb (), heap = heap_kb ();

  printf ("{\"bench\":\"soak\",\"phase\":\"%s\",\"cycle\":%d,\"rss_kb\":%ld,"
          "\"anon_kb\":%ld,\"file_kb\":%ld,"
          "\"heap_kb\":%ld,\"fds\":%d,\"threads\":%ld}\n",
          phase, cycle, rss, status_field ("RssAnon:"),
          status_field ("RssFile:"), heap, open_fds (),
          status_field ("Threads:"));
  fflush (stdout);
}

static gboolean
figures_report (Figures *f)
{
  long growth = f->rss_end_kb - f->rss_warm_kb;
  gboolean ok = !f->failed && growth <= RSS_TARGET_KB
                && f->fds_end == f->fds_warm;

  if (!f->fds_warm_list)
    {
      printf ("{\"bench\":\"soak\",\"phase\":\"%s\",\"ok\":false}\n"
              "  %s: a cycle failed before the warm-up ended\n",
              f->phase, f->phase);
      fflush (stdout);
      return FALSE;
    }

  printf ("{\"bench\":\"soak\",\"phase\":\"%s\",\"cycles\":%d,\"warmup\":%d,"
          "\"rss_start_kb\":%ld,\"rss_after_warmup_kb\":%ld,\"rss_end_kb\":%ld,"
          "\"rss_growth_kb\":%ld,\"heap_after_warmup_kb\":%ld,"
          "\"heap_end_kb\":%ld,\"fds_start\":%d,\"fds_after_warmup\":%d,"
          "\"fds_end\":%d,\"seconds\":%.1f,\"ok\":%s}\n",
          f->phase, f->cycles, f->warmup, f->rss_start_kb, f->rss_warm_kb,
          f->rss_end_kb, growth, f->heap_warm_kb, f->heap_end_kb, f->fds_start,
          f->fds_warm, f->fds_end, f->seconds, ok ? "true" : "false");
  printf ("  %s: %d cycles (%d of warm-up) in %.1f s; RSS %ld kB at start, "
          "%ld kB after warm-up, %ld kB at the end: %+ld kB (target <= %d kB) "
          "%s (malloc'd and in use: %+ld kB); fds %d at start, %d after "
          "warm-up, %d at the end %s\n",
          f->phase, f->cycles, f->warmup, f->seconds, f->rss_start_kb,
          f->rss_warm_kb, f->rss_end_kb, growth, RSS_TARGET_KB,
          growth <= RSS_TARGET_KB ? "ok" : "MISSED",
          f->heap_end_kb - f->heap_warm_kb, f->fds_start, f->fds_warm,
          f->fds_end, f->fds_end == f->fds_warm ? "ok" : "MISSED");
  if (f->fds_end != f->fds_warm)
    {
      g_autofree char *now = list_fds ();

      printf ("  fds after warm-up:\n%s  fds at the end:\n%s",
              f->fds_warm_list, now);
    }
  fflush (stdout);
  g_free (f->fds_warm_list);
  return ok;
}

/* ---- waiting on the main context ---------------------------------------- */

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the default main context until *FLAG is set or TIMEOUT_MS
 * passed; FALSE on a timeout. */
static gboolean
wait_for (const gboolean *flag, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timed_out_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return *flag;
}

/* Runs what is pending without blocking (idles of an unmount). */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ---- record cycles ------------------------------------------------------ */

typedef struct
{
  gboolean ready, ended, error;
  char *error_message;
  char *video, *thumb, *subtitle;
} RecordState;

static char *
detail_string (const FcEvent *event, const char *key)
{
  FcValue *v;

  if (!event->detail || fc_value_get_kind (event->detail) != FC_VALUE_OBJECT)
    return NULL;
  v = fc_value_object_get (event->detail, key);
  return v && fc_value_get_kind (v) == FC_VALUE_STRING
             ? g_strdup (fc_value_get_string (v))
             : NULL;
}

static void
on_record_event (const FcEvent *event, gpointer user_data)
{
  RecordState *s = user_data;

  if (g_strcmp0 (event->type, "onRecordReady") == 0)
    s->ready = TRUE;
  else if (g_strcmp0 (event->type, "onRecordEnd") == 0)
    {
      s->video = detail_string (event, "tempVideoPath");
      s->thumb = detail_string (event, "tempThumbPath");
      s->subtitle = detail_string (event, "tempSubtitlePath");
      s->ended = TRUE;
    }
  else if (g_strcmp0 (event->type, "onRecordError") == 0)
    {
      g_autofree char *msg = detail_string (event, "errMsg");

      if (!s->error)
        s->error_message = g_strdup (msg ? msg : "(no errMsg)");
      s->error = TRUE;
    }
}

static void
record_state_clear (RecordState *s)
{
  const char *files[] = { s->video, s->thumb, s->subtitle };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    if (files[i])
      g_unlink (files[i]);
  g_free (s->video);
  g_free (s->thumb);
  g_free (s->subtitle);
  g_free (s->error_message);
  memset (s, 0, sizeof *s);
}

static gboolean
record_cycle (FcApp *app, FcRegistry *registry, FcCallbackScope *scope,
              RecordState *s, int cycle)
{
  g_autoptr (FcPage) page = fc_page_new (registry, scope);
  g_autoptr (GError) error = NULL;
  g_autofree char *json = g_strdup_printf (
      "{\"recordTime\": %d, \"top\": 20,"
      " \"stepList\": [{\"showTime\": 0, \"textList\": ["
      "   {\"text\": \"First line of text\", \"margin\": \"0 0 6rpx 0\"},"
      "   {\"text\": [{\"text\": \"Second line\"},"
      "               {\"text\": \"Highlight\", \"color\": \"#ee6f2d\","
      "                \"fontWeight\": \"bold\", \"margin\": \"0 6rpx\"}]}]}],"
      " \"buttonStyle\": {\"width\": \"16vw\", \"height\": \"16vw\","
      "                   \"bottom\": \"80rpx\"}}",
      opt_record_ms);
  g_autoptr (FcValue) data = fc_value_from_json (json, NULL);
  FcElement *el;

  if (!fc_app_load_page (app, page, "pages/video/video", data, &error))
    {
      fprintf (stderr, "fc-soak: record cycle %d: mount: %s\n", cycle,
               error->message);
      return FALSE;
    }
  if (!wait_for (&s->ready, CYCLE_TIMEOUT_MS) || s->error)
    {
      fprintf (stderr, "fc-soak: record cycle %d: no onRecordReady: %s\n",
               cycle, s->error_message ? s->error_message : "timed out");
      return FALSE;
    }
  el = fc_page_select (page, "video-recognition");
  if (!el || !fc_element_call_method (el, "record", NULL, &error))
    {
      fprintf (stderr, "fc-soak: record cycle %d: record: %s\n", cycle,
               error ? error->message : "no video-recognition element");
      return FALSE;
    }
  if (!wait_for (&s->ended, CYCLE_TIMEOUT_MS) || s->error || !s->video)
    {
      fprintf (stderr, "fc-soak: record cycle %d: no onRecordEnd: %s\n", cycle,
               s->error_message ? s->error_message : "timed out or no file");
      return FALSE;
    }
  g_clear_object (&page); /* unmount */
  drain ();
  return TRUE;
}

static gboolean
soak_record (FcPluginStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = fc_app_new_from_dir (store, opt_app, &error);
  g_autoptr (FcHostSettings) settings = fc_host_settings_new ();
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autofree char *temp = g_dir_make_tmp ("fc-soak-XXXXXX", &error);
  RecordState state = { 0 };
  Figures f = { "record", opt_record_cycles, opt_record_warmup };
  gint64 t0;

  if (!app || !temp)
    {
      fprintf (stderr, "fc-soak: %s\n", error->message);
      return FALSE;
    }
  if (!fc_host_settings_set_camera (settings, "test", &error)
      || !fc_host_settings_set_microphone (settings, "test", &error)
      || !fc_host_settings_set_temp_dir (settings, temp, &error))
    {
      fprintf (stderr, "fc-soak: host settings: %s\n", error->message);
      return FALSE;
    }
  fc_host_settings_set_allow_test_source (settings, TRUE);
  fc_app_set_host_settings (app, settings);
  fc_callback_scope_set_fallback (scope, on_record_event, &state, NULL);

  f.rss_start_kb = rss_kb ();
  f.fds_start = open_fds ();
  t0 = g_get_monotonic_time ();
  for (int i = 0; i < opt_record_cycles && !f.failed; i++)
    {
      if (i == opt_record_warmup)
        figures_mark_warm (&f);
      if (opt_trace > 0 && i % opt_trace == 0)
        trace ("record", i);
      if (!record_cycle (app, registry, scope, &state, i))
        f.failed = TRUE;
      record_state_clear (&state);
    }
  if (opt_record_warmup >= opt_record_cycles)
    figures_mark_warm (&f);
  f.seconds = (g_get_monotonic_time () - t0) / 1e6;
  f.rss_end_kb = rss_kb ();
  f.heap_end_kb = heap_kb ();
  f.fds_end = open_fds ();
  g_rmdir (temp);
  return figures_report (&f);
}

/* ---- keyboard cycles ---------------------------------------------------- */

static guint n_inputs;

static void
on_input (const FcEvent *event, gpointer user_data)
{
  n_inputs++;
}

static gboolean
soak_keyboard (FcPluginStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcApp) app = fc_app_new_from_dir (store, opt_app, &error);
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcPage) page = NULL;
  g_autoptr (FcValue) show = fc_value_from_json ("{\"show\": true}", NULL);
  g_autoptr (FcValue) hide = fc_value_from_json ("{\"show\": false}", NULL);
  FcValue *keys[10];
  Figures f = { "keyboard", opt_keyboard_cycles, opt_keyboard_warmup };
  FcElement *el;
  gint64 t0;

  if (!app)
    {
      fprintf (stderr, "fc-soak: %s\n", error->message);
      return FALSE;
    }
  for (guint d = 0; d < 10; d++)
    {
      g_autofree char *json = g_strdup_printf ("{\"key\": \"%u\"}", d);

      keys[d] = fc_value_from_json (json, NULL);
    }
  fc_callback_scope_add_callback (scope, "onInput", on_input, NULL, NULL);
  f.rss_start_kb = rss_kb ();
  f.fds_start = open_fds ();
  page = fc_page_new (registry, scope);
  if (!fc_app_load_page_text (
          app, page, "pages/kb/kb",
          "{\"usingComponents\": {\"keyboard\": "
          "\"plugin://virtual-keyboard/keyboard\"}}",
          "<view><keyboard id=\"kb\" show=\"{{show}}\" isRandomNumber "
          "bindinput=\"onInput\"/></view>",
          hide, &error)
      || !(el = fc_page_select (page, "#kb")))
    {
      fprintf (stderr, "fc-soak: keyboard page: %s\n",
               error ? error->message : "no #kb");
      return FALSE;
    }
  t0 = g_get_monotonic_time ();
  for (int i = 0; i < opt_keyboard_cycles && !f.failed; i++)
    {
      guint before = n_inputs;

      if (i == opt_keyboard_warmup)
        figures_mark_warm (&f);
      if (opt_trace > 0 && i % (opt_trace * 200) == 0)
        trace ("keyboard", i);
      if (!fc_page_set_data (page, show, &error)
          || (fc_page_advance (page, 400), /* the slide in ends */
              !fc_element_call_method (el, "key", keys[i % 10], &error))
          || !fc_page_set_data (page, hide, &error))
        {
          fprintf (stderr, "fc-soak: keyboard cycle %d: %s\n", i,
                   error->message);
          f.failed = TRUE;
        }
      fc_page_advance (page, 400); /* the slide out ends */
      drain ();
      if (!f.failed && n_inputs != before + 1)
        {
          fprintf (stderr, "fc-soak: keyboard cycle %d: the key press gave "
                           "%u onInput calls\n", i, n_inputs - before);
          f.failed = TRUE;
        }
    }
  if (opt_keyboard_warmup >= opt_keyboard_cycles)
    figures_mark_warm (&f);
  f.seconds = (g_get_monotonic_time () - t0) / 1e6;
  g_clear_object (&page);
  drain ();
  f.rss_end_kb = rss_kb ();
  f.heap_end_kb = heap_kb ();
  f.fds_end = open_fds ();
  for (guint d = 0; d < 10; d++)
    fc_value_unref (keys[d]);
  return figures_report (&f);
}

int
main (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "plugins", 0, 0, G_OPTION_ARG_FILENAME, &opt_plugins,
      "the plugin packages (default: the build's plugins/)", "DIR" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &opt_app,
      "the mini-program (default: demo/miniprogram)", "DIR" },
    { "record-cycles", 0, 0, G_OPTION_ARG_INT, &opt_record_cycles,
      "mount/record/unmount cycles (500)", "N" },
    { "keyboard-cycles", 0, 0, G_OPTION_ARG_INT, &opt_keyboard_cycles,
      "show/press/hide cycles (100000)", "N" },
    { "record-warmup", 0, 0, G_OPTION_ARG_INT, &opt_record_warmup,
      "record cycles before the first measure (20)", "N" },
    { "keyboard-warmup", 0, 0, G_OPTION_ARG_INT, &opt_keyboard_warmup,
      "keyboard cycles before the first measure (1000)", "N" },
    { "record-ms", 0, 0, G_OPTION_ARG_INT, &opt_record_ms,
      "recordTime of each recording (200)", "MS" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only, "one phase", "record|keyboard" },
    { "trace", 0, 0, G_OPTION_ARG_INT, &opt_trace,
      "print RSS, heap in use and fds every N cycles", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- soak figures");
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPluginStore) store = NULL;
  const char *dirs[2] = { NULL, NULL };
  gboolean ok = TRUE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "fc-soak: %s\n", error->message);
      return 2;
    }
  if (opt_record_cycles < 1 || opt_keyboard_cycles < 1 || opt_record_warmup < 0
      || opt_keyboard_warmup < 0 || opt_record_ms < 1
      || (opt_only && strcmp (opt_only, "record") != 0
          && strcmp (opt_only, "keyboard") != 0))
    {
      fprintf (stderr, "fc-soak: bad option value (see --help)\n");
      return 2;
    }
  dirs[0] = opt_plugins ? opt_plugins : FC_SOAK_PLUGINS_DIR;
  if (!opt_app)
    opt_app = g_build_filename (FC_SOAK_SOURCE_ROOT, "demo", "miniprogram", NULL);
  store = fc_plugin_store_new_for_path (dirs);

  printf ("# fc-soak: plugins %s, app %s\n", dirs[0], opt_app);
  if (!opt_only || strcmp (opt_only, "record") == 0)
    ok = soak_record (store) && ok;
  if (!opt_only || strcmp (opt_only, "keyboard") == 0)
    ok = soak_keyboard (store) && ok;
  printf ("# fc-soak: %s\n", ok ? "all targets met" : "a target was MISSED or a cycle failed");
  g_free (opt_plugins);
  g_free (opt_app);
  g_free (opt_only);
  return ok ? 0 : 1;
}
