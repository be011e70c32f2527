/* fuzz-replay: the replay case loader and runner of `fc-demo replay FILE`
 * (demo/fc-replay.c, compiled into the target). fc_replay_run() takes a
 * file name only, so the input is written to a scratch file first; the
 * scratch folder holds a copy of tests/replay/apps/ so that cases naming
 * `"app": "apps/hello"` reach the app loader. No plugin package is
 * installed: cases that need the real plugins end with NOT_INSTALLED.
 * The runner's JSON lines go to stdout, which is closed (/dev/null) unless
 * FC_FUZZ_VERBOSE is set. The WXS runaway budget is lowered
 * (FC_WXS_TIME_MS), as in fuzz-wxs: a case's module that loops building a
 * string ran to the 500 ms default on every call, and under ASan the
 * strings it made and dropped (the heap's cap is on live memory) took the
 * process past the fuzzer's 2.5 GB in one input (2.3 GB, 4.2 s;
 * regressions/replay/oom-wxs-loop-growing-string). */
#include "fuzz-common.h"
#include <stdio.h>
#include "fc-replay.h"

static char *scratch;
static char *case_file;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *apps = g_build_filename (FC_FUZZ_SOURCE_ROOT, "tests", "replay", "apps", NULL);
  const char *cp[] = { "cp", "-R", apps, NULL, NULL };
  int status = 0;

  fuzz_init ();
  g_setenv ("FC_WXS_TIME_MS", "20", TRUE);
  scratch = fuzz_scratch_dir ("replay");
  cp[3] = scratch;
  if (!g_spawn_sync (NULL, (char **) cp, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("fuzz-replay: cannot copy %s: %s\n", apps, error->message);
      abort ();
    }
  case_file = g_build_filename (scratch, "case.json", NULL);
  if (!g_getenv ("FC_FUZZ_VERBOSE") && !freopen ("/dev/null", "w", stdout))
    abort ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GString *out;
  int status;

  out = g_string_new (NULL);
  fuzz_write_file (case_file, (const char *) data, size);
  status = fc_replay_run (case_file, NULL, out);
  g_assert (status == 0 || status == 1);
  g_string_free (out, TRUE);
  return 0;
}
