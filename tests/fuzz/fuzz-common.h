/* fuzz-common.h: what every libFuzzer target of tests/fuzz/ shares.
 *
 * The bridge reports bad input as a GError or a page `warning` signal and
 * never calls g_warning() or g_critical() for it (bridge/README.md), so a
 * warning or critical logged while a target runs is a bug: it aborts, and
 * libFuzzer keeps the input as a crash. */
#pragma once

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <fc-bridge.h>

/* Between the parts of a multi-part input (see README.md). */
#define FUZZ_SEPARATOR "\n----\n"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A fatal GLib message ends in G_BREAKPOINT(), a SIGTRAP, which libFuzzer
 * does not handle: the process died without writing the input (fuzz-url's
 * GLib critical in CI left no artifact). As an abort, libFuzzer keeps it. */
static void
fuzz_trap_to_abort (int sig)
{
  (void) sig;
  abort ();
}

static inline void
fuzz_init (void)
{
  signal (SIGTRAP, fuzz_trap_to_abort);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* no plugin package of the build tree or the system is picked up by
   * accident: targets that need a store make their own */
  g_setenv ("FC_PLUGIN_PATH", "", TRUE);
}

/* Known open bugs are masked while fuzzing (tests/fuzz/run sets
 * FC_FUZZ_MASK_KNOWN for the fuzzing phase, and known-bugs.ubsan.supp), so
 * that a short run finds the next bug rather than the same one; the
 * regression inputs always run unmasked. No bug is open: the four found so
 * far (README.md) are fixed, and their masks are gone. */

/* A NUL-terminated copy of the input (the bridge takes C strings). */
static inline char *
fuzz_strndup (const uint8_t *data, size_t size)
{
  char *s = g_malloc (size + 1);
  memcpy (s, data, size);
  s[size] = '\0';
  return s;
}

/* Splits @text at FUZZ_SEPARATOR into at most @max parts; missing parts
 * are %NULL. Returns the number found. */
static inline guint
fuzz_split (char *text, char **parts, guint max)
{
  guint n = 0;
  char *p = text;
  for (guint i = 0; i < max; i++)
    parts[i] = NULL;
  while (p && n < max)
    {
      char *sep = n + 1 < max ? strstr (p, FUZZ_SEPARATOR) : NULL;
      parts[n++] = p;
      if (sep)
        {
          *sep = '\0';
          p = sep + strlen (FUZZ_SEPARATOR);
        }
      else
        p = NULL;
    }
  return n;
}

/* Writes @len bytes of @text to @path; aborts on failure (the harness's
 * scratch directory, not the input, is at fault then). */
static inline void
fuzz_write_file (const char *path, const char *text, gssize len)
{
  g_autoptr (GError) error = NULL;
  if (!g_file_set_contents (path, text, len, &error))
    {
      g_printerr ("fuzz: cannot write %s: %s\n", path, error->message);
      abort ();
    }
}

/* A scratch directory for targets that must go through files, under
 * $TMPDIR: tests/fuzz/run points that at a folder it removes after the
 * target; when a target is run by hand, the folder stays. */
static inline char *
fuzz_scratch_dir (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmpl = g_strdup_printf ("fc-fuzz-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (tmpl, &error);
  if (!dir)
    {
      g_printerr ("fuzz: cannot make a scratch directory: %s\n", error->message);
      abort ();
    }
  return dir;
}

/* The two test components of `issues show 3` (the schemas the real
 * plugins use), headless: no factory, so the bridge keeps the coerced
 * properties itself. */
static inline FcComponentClass *
fuzz_recorder_class (void)
{
  FcComponentClass *k = fc_component_class_new ("plugin://video/video-recognition");
  g_autoptr (FcValue) medium = fc_value_new_string ("medium");
  g_autoptr (FcValue) empty = fc_value_new_string ("");
  g_autoptr (FcValue) t = fc_value_new_number (30000);
  g_autoptr (FcValue) top = fc_value_new_number (20);
  g_autoptr (FcValue) arr = fc_value_new_array ();
  g_autoptr (FcValue) obj = fc_value_new_object ();
  fc_component_class_add_property (k, "resolution", FC_PROPERTY_STRING, 0, medium, TRUE);
  fc_component_class_add_property (k, "mask", FC_PROPERTY_STRING, 0, empty, FALSE);
  fc_component_class_add_property (k, "recordTime", FC_PROPERTY_NUMBER, 0, t, FALSE);
  fc_component_class_add_property (k, "top", FC_PROPERTY_NUMBER, 0, top, FALSE);
  fc_component_class_add_property (k, "stepList", FC_PROPERTY_ARRAY, 0, arr, FALSE);
  fc_component_class_add_property (k, "buttonStyle", FC_PROPERTY_OBJECT, 0, obj, TRUE);
  fc_component_class_add_event (k, "onRecordReady");
  fc_component_class_add_event (k, "onRecordStart");
  fc_component_class_add_event (k, "onRecordEnd");
  fc_component_class_add_event (k, "onRecordError");
  return k;
}

static inline FcComponentClass *
fuzz_keyboard_class (void)
{
  FcComponentClass *k = fc_component_class_new ("plugin://virtual-keyboard/keyboard");
  g_autoptr (FcValue) empty = fc_value_new_string ("");
  g_autoptr (FcValue) no = fc_value_new_boolean (FALSE);
  g_autoptr (FcValue) theme = fc_value_new_string ("default");
  g_autoptr (FcValue) color = fc_value_new_string ("#2e7cff");
  g_autoptr (FcValue) z = fc_value_new_number (999);
  g_autoptr (FcValue) number = fc_value_new_string ("number");
  g_autoptr (FcValue) arr = fc_value_new_array ();
  static const char *const events[] = { "input", "delete", "close", "blur", "show", "hide" };
  fc_component_class_add_property (k, "title", FC_PROPERTY_STRING, 0, empty, FALSE);
  fc_component_class_add_property (k, "show", FC_PROPERTY_BOOLEAN, 0, no, FALSE);
  fc_component_class_add_property (k, "theme", FC_PROPERTY_STRING, 0, theme, FALSE);
  fc_component_class_add_property (k, "themeColor", FC_PROPERTY_STRING, 0, color, FALSE);
  fc_component_class_add_property (k, "zIndex", FC_PROPERTY_NUMBER, FC_PROPERTY_STRING, z, FALSE);
  fc_component_class_add_property (k, "isRandomLetter", FC_PROPERTY_BOOLEAN, 0, no, FALSE);
  fc_component_class_add_property (k, "isRandomNumber", FC_PROPERTY_BOOLEAN, 0, no, FALSE);
  fc_component_class_add_property (k, "normalType", FC_PROPERTY_STRING, 0, number, FALSE);
  fc_component_class_add_property (k, "closeButtonText", FC_PROPERTY_STRING, 0, empty, FALSE);
  fc_component_class_add_property (k, "extraKey", FC_PROPERTY_ARRAY, FC_PROPERTY_STRING, arr, FALSE);
  fc_component_class_add_property (k, "icon", FC_PROPERTY_STRING, 0, empty, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    fc_component_class_add_event (k, events[i]);
  return k;
}

/* A registry with both test components, as tests/bridge/test-page.c
 * registers them. */
static inline FcRegistry *
fuzz_registry_new (void)
{
  FcRegistry *registry = fc_registry_new ();
  g_autoptr (FcComponentClass) kb = fuzz_keyboard_class ();
  g_autoptr (FcComponentClass) rec = fuzz_recorder_class ();
  fc_registry_add_plugin_component (registry, "fc-virtual-keyboard", "keyboard", kb);
  fc_registry_add_plugin_component (registry, "fc-video-recognition", "video-recognition", rec);
  return registry;
}

static G_GNUC_UNUSED void
fuzz_on_event (const FcEvent *event, gpointer user_data)
{
  g_autoptr (FcValue) v = fc_event_to_value (event);
  g_autofree char *json = fc_value_to_json (v);
  (void) json;
}

static G_GNUC_UNUSED void
fuzz_on_warning (FcPage *page, const char *message, gpointer user_data)
{
  guint *n = user_data;
  (*n)++;
}

static inline FcCallbackScope *
fuzz_scope_new (void)
{
  FcCallbackScope *scope = fc_callback_scope_new ();
  fc_callback_scope_set_fallback (scope, fuzz_on_event, NULL, NULL);
  return scope;
}
