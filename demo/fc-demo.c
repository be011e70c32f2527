/* fc-demo: the demo host.
 *   fc-demo [OPTION...] [PAGE]   show the sample mini-program (a GTK window;
 *                                without a display, record its Quick Start
 *                                page headlessly on the test camera)
 *   fc-demo replay [--plugin-path DIR]... FILE.json
 *                                run a page headlessly, JSON lines out; DIRs
 *                                are searched for plugins first */
#include <stdio.h>
#include <string.h>
#include <locale.h>
#include <glib.h>

#include <fc-bridge.h>

#include "fc-replay.h"
#include "fc-demo-app.h"
#include "fc-demo-headless.h"
#include "fc-demo-host.h"

static int
replay (int argc, char **argv)
{
  g_autoptr (GPtrArray) dirs = g_ptr_array_new ();
  g_autoptr (GString) out = g_string_new (NULL);
  int i = 2;

  for (; i + 1 < argc && strcmp (argv[i], "--plugin-path") == 0; i += 2)
    g_ptr_array_add (dirs, argv[i + 1]);
  if (i != argc - 1)
    {
      fprintf (stderr, "usage: %s replay [--plugin-path DIR]... FILE.json\n", argv[0]);
      return 2;
    }
  g_ptr_array_add (dirs, NULL);
  return fc_replay_run (argv[i], (const char *const *) dirs->pdata, out);
}

/* The sample mini-program. The build tree's fc-demo has a key file beside
 * it, fc-demo.uninstalled (written by Meson, never installed), naming the
 * source tree's copy; an installed fc-demo finds the installed copy
 * relative to its own folder (so the prefix can move), then at the
 * configured prefix. No source path is compiled in. */
static char *
default_app_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bindir = exe ? g_path_get_dirname (exe) : NULL;

  if (bindir)
    {
      g_autofree char *marker = g_build_filename (bindir, "fc-demo.uninstalled", NULL);
      g_autoptr (GKeyFile) kf = g_key_file_new ();
      g_autofree char *relative = NULL, *app_json = NULL;
      if (g_key_file_load_from_file (kf, marker, G_KEY_FILE_NONE, NULL))
        {
          char *dir = g_key_file_get_string (kf, "uninstalled", "app-dir", NULL);
          if (dir)
            return dir;
        }
      relative = g_build_filename (bindir, FC_DEMO_RELATIVE_APP_DIR, NULL);
      app_json = g_build_filename (relative, "app.json", NULL);
      if (g_file_test (app_json, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&relative);
    }
  return g_strdup (FC_DEMO_INSTALLED_APP_DIR);
}

/* app.json's first page, as on the platform */
static char *
entry_page (const char *app_dir, GError **error)
{
  g_autofree char *file = g_build_filename (app_dir, "app.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr (FcValue) json = NULL;
  FcValue *pages;

  if (!g_file_get_contents (file, &text, NULL, error) || !(json = fc_value_from_json (text, error)))
    return NULL;
  pages = fc_value_get_kind (json) == FC_VALUE_OBJECT ? fc_value_object_get (json, "pages") : NULL;
  if (!pages || fc_value_get_kind (pages) != FC_VALUE_ARRAY || fc_value_array_get_length (pages) == 0
      || fc_value_get_kind (fc_value_array_get (pages, 0)) != FC_VALUE_STRING)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_JSON, "%s: \"pages\" lists no page", file);
      return NULL;
    }
  return g_strdup (fc_value_get_string (fc_value_array_get (pages, 0)));
}

/* --temp-dir: relative to the working directory, as any path given */
static gboolean
set_temp_dir (FcHostSettings *settings, const char *dir, GError **error)
{
  g_autofree char *abs = g_canonicalize_filename (dir, NULL);

  return fc_host_settings_set_temp_dir (settings, abs, error);
}

static gboolean
have_display (void)
{
  const char *x = g_getenv ("DISPLAY"), *w = g_getenv ("WAYLAND_DISPLAY");
  return (x && *x) || (w && *w);
}

int
main (int argc, char **argv)
{
  g_autofree char *app_dir = NULL, *page = NULL;
  g_auto (GStrv) rest = NULL;
  gboolean headless = FALSE;
  double record_time = 0;
  g_autofree char *camera = NULL, *microphone = NULL, *temp_dir = NULL;
  g_auto (GStrv) domains = NULL;
  gboolean insecure = FALSE, version = FALSE;
  g_autoptr (FcHostSettings) settings = fc_host_settings_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  const GOptionEntry entries[] = {
    { "app", 'a', 0, G_OPTION_ARG_FILENAME, &app_dir, "The mini-program to run (default: the sample in demo/miniprogram)", "DIR" },
    { "page", 'p', 0, G_OPTION_ARG_STRING, &page, "The page to open (default: app.json's first page; headless: pages/video/video)", "PATH" },
    { "record-time", 0, 0, G_OPTION_ARG_DOUBLE, &record_time, "Override the recording page's recordTime (ms)", "MS" },
    { "headless", 0, 0, G_OPTION_ARG_NONE, &headless, "Record the page without a window, as when there is no display", NULL },
    { "camera", 0, 0, G_OPTION_ARG_STRING, &camera, "The camera: test, pipewire:NODE, v4l2:/dev/videoN, portal or auto (default: auto; headless: test)", "DEVICE" },
    { "microphone", 0, 0, G_OPTION_ARG_STRING, &microphone, "The microphone: test, pipewire:NODE or auto (default: auto; headless: test)", "DEVICE" },
    { "temp-dir", 0, 0, G_OPTION_ARG_FILENAME, &temp_dir, "Where recordings go (default: host.json's tempDir, else a private temporary directory)", "DIR" },
    { "download-domain", 0, 0, G_OPTION_ARG_STRING_ARRAY, &domains, "Allow downloads from HOST[:PORT] (repeatable; replaces host.json's downloadDomains)", "HOST" },
    { "allow-insecure-http", 0, 0, G_OPTION_ARG_NONE, &insecure, "Allow plain HTTP for the allowed domains (loopback tests only)", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, "[PAGE]" },
    { NULL },
  };

  setlocale (LC_ALL, "");
  if (argc >= 2 && strcmp (argv[1], "replay") == 0)
    return replay (argc, argv);

  context = g_option_context_new ("[PAGE] — run a mini-program in a desktop host");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
      "With a display, fc-demo opens a window showing the mini-program's pages.\n"
      "Without one (no DISPLAY or WAYLAND_DISPLAY), or with --headless, it records\n"
      "the recording page on the test camera and microphone and prints each event,\n"
      "then the file's path, duration, size and SHA-256, as JSON lines.\n"
      "\n"
      "  fc-demo replay [--plugin-path DIR]... FILE.json\n"
      "      run a page headlessly from a replay case (see the README)");
  g_option_context_set_description (context,
      "The host settings (download whitelist, plain HTTP, temp dir, devices) come\n"
      "from the mini-program's host.json; the options above win over it.\n"
      "A test pattern and tone stand in for a missing camera or microphone.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 2;
    }
  if (version)
    {
      g_print ("fc-demo %s\n", FC_DEMO_VERSION);
      return 0;
    }
  if (rest && rest[0])
    {
      if (rest[1] || page)
        {
          g_printerr ("%s: give one page (see --help)\n", g_get_prgname ());
          return 2;
        }
      page = g_strdup (rest[0]);
    }
  if (!app_dir)
    app_dir = default_app_dir ();
  if (!g_file_test (app_dir, G_FILE_TEST_IS_DIR))
    {
      g_printerr ("%s: %s is not a directory\n", g_get_prgname (), app_dir);
      return 2;
    }

  headless = headless || !have_display ();
  /* the host settings: headless means no camera to ask anyone about (the
   * test devices), then host.json, then the command line */
  if (headless)
    {
      fc_host_settings_set_camera (settings, "test", NULL);
      fc_host_settings_set_microphone (settings, "test", NULL);
    }
  if (!fc_demo_host_load_settings (settings, app_dir, &error)
      || (camera && !fc_host_settings_set_camera (settings, camera, &error))
      || (microphone && !fc_host_settings_set_microphone (settings, microphone, &error))
      || (temp_dir && !set_temp_dir (settings, temp_dir, &error))
      || (domains && !fc_host_settings_set_download_domains (settings, (const char *const *) domains, &error)))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 2;
    }
  if (insecure)
    fc_host_settings_set_allow_insecure_http (settings, TRUE);

  if (headless)
    return fc_demo_headless_run (app_dir, page ? page : "pages/video/video", record_time, settings);

  if (!page && !(page = entry_page (app_dir, &error)))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 1;
    }
  return fc_demo_app_run (app_dir, page, record_time, settings);
}
