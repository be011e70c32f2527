#include "fc-test-files.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

void
fc_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        fc_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

char *
fc_test_make_tree (const char *template, const char *const *files)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  for (guint i = 0; files[i]; i += 2)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      g_file_set_contents (path, files[i + 1], -1, &error);
      g_assert_no_error (error);
    }
  return dir;
}

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

char *
fc_test_reference_signature (const char *appid, const char *nonce, const char *timestamp, const char *token)
{
  const char *v[4] = { appid, nonce, timestamp, token };
  g_autofree char *joined = NULL;

  qsort (v, 4, sizeof v[0], compare_strings);
  joined = g_strconcat (v[0], v[1], v[2], v[3], NULL);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, joined, -1);
}
