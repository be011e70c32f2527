/* fc-demo replay: a case's paths are relative to the case file, also when
 * it is run from its own folder by a relative name (`fc-demo replay
 * case.json`): the mini-program ("app") and the recorder's "tempDir" are
 * found there, and the recording is written there. A row per way of
 * naming the case. */

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  const char *name;
  const char *cwd; /* the folder replay runs in, below the scratch folder */
  const char *arg; /* how the case is named */
} Row;

static const Row rows[] = {
  { "own-folder", "cases", "case.json" },
  { "own-folder-dot", "cases", "./case.json" },
  { "parent-folder", ".", "cases/case.json" },
  { "sibling-folder", "other", "../cases/case.json" },
};

/* The Quick Start page, 1 s recorded offline on the test sources. */
static const char case_text[]
    = "{ \"app\": \"app\", \"page\": \"pages/video/video\",\n"
      "  \"data\": { \"recordTime\": 1000, \"stepList\": [] },\n"
      "  \"host\": { \"camera\": \"test\", \"microphone\": \"test\", "
      "\"tempDir\": \"rec\" },\n"
      "  \"steps\": [\n"
      "    { \"expect\": { \"handler\": \"onRecordReady\" } },\n"
      "    { \"input\": \"video-recognition\", \"action\": \"record\" },\n"
      "    { \"expect\": { \"handler\": \"onRecordStart\" } },\n"
      "    { \"expect\": { \"handler\": \"onRecordEnd\" } } ] }\n";

static guint
count_mp4 (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".mp4"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        GStatBuf st;

        g_assert_cmpint (g_stat (path, &st), ==, 0);
        g_assert_cmpint (st.st_size, >, 0);
        n++;
      }
  return n;
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR)
          && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_row (gconstpointer data)
{
  const Row *row = data;
  const char *src = g_getenv ("FC_SOURCE_ROOT");
  const char *build = g_getenv ("FC_BUILD_ROOT");
  g_autoptr (GError) error = NULL;
  g_autofree char *scratch = g_dir_make_tmp ("fc-replay-paths-XXXXXX", &error);
  g_autofree char *cases = NULL, *file = NULL, *app = NULL, *link = NULL;
  g_autofree char *cwd = NULL, *rec = NULL, *demo = NULL, *plugins = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  g_assert_no_error (error);
  if (!src || !build)
    {
      g_test_skip ("FC_SOURCE_ROOT and FC_BUILD_ROOT not set");
      return;
    }
  cases = g_build_filename (scratch, "cases", NULL);
  g_assert_cmpint (g_mkdir (cases, 0700), ==, 0);
  g_assert_cmpint (
      g_mkdir_with_parents ((cwd = g_build_filename (scratch, row->cwd, NULL)),
                            0700),
      ==, 0);
  file = g_build_filename (cases, "case.json", NULL);
  g_assert_true (g_file_set_contents (file, case_text, -1, &error));
  /* the mini-program, beside the case ("app": "app") */
  app = g_build_filename (src, "demo", "miniprogram", NULL);
  link = g_build_filename (cases, "app", NULL);
  g_assert_cmpint (symlink (app, link), ==, 0);
  /* tempDir must exist: the host settings check it */
  rec = g_build_filename (cases, "rec", NULL);
  g_assert_cmpint (g_mkdir (rec, 0700), ==, 0);

  demo = g_build_filename (build, "demo", "fc-demo", NULL);
  plugins = g_build_filename (build, "tests", "bridge", NULL);
  {
    const char *argv[]
        = { demo, "replay", "--plugin-path", plugins, row->arg, NULL };

    g_assert_true (g_spawn_sync (cwd, (char **)argv, NULL, G_SPAWN_DEFAULT,
                                 NULL, NULL, &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_test_message ("replay said:\n%s%s", out, err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_nonnull (strstr (out, "\"handler\":\"onRecordEnd\""));
  /* the recording is in the case's rec/, and nowhere under the cwd */
  g_assert_cmpuint (count_mp4 (rec), ==, 1);
  if (g_strcmp0 (row->cwd, "cases") != 0)
    {
      g_autofree char *stray = g_build_filename (cwd, "rec", NULL);

      g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));
    }
  remove_tree (scratch);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/Bridge/Replay/paths/%s", rows[i].name);
      g_test_add_data_func (path, &rows[i], test_row);
    }
  return g_test_run ();
}
