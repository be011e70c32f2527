/* fc-install-dirs.c: the plugin folders the default store searches after
 * $FC_PLUGIN_PATH.
 *
 * The installed layout is relocatable: plugins live in
 * LIBDIR/fc-platform/plugins/PROVIDER/VERSION/, and LIBDIR is the folder
 * the loaded libfc-bridge.so is in (found with dladdr()), so a prefix can
 * move as a whole. The prefix's own folder, as configured, comes next for
 * a library that cannot find itself.
 *
 * An uninstalled library (the build tree's bridge/libfc-bridge.so) has a
 * key file beside it, `libfc-bridge.uninstalled`, that Meson writes and
 * never installs: its `plugin-dir` is the build tree's plugins/ folder,
 * searched first, so that tests and build/demo/fc-demo never load an
 * installed plugin built from other sources. No build or source path is
 * compiled into the library. */
#include "fc-install-dirs-private.h"

#include <dlfcn.h>

#define UNINSTALLED_FILE "libfc-bridge.uninstalled"
#define PLUGIN_SUBDIR "fc-platform/plugins"

static void
add_unique (GPtrArray *dirs, char *dir)
{
  for (guint i = 0; i < dirs->len; i++)
    if (g_str_equal (dirs->pdata[i], dir))
      {
        g_free (dir);
        return;
      }
  g_ptr_array_add (dirs, dir);
}

/* the folder of the loaded libfc-bridge, or NULL */
static char *
library_dir (void)
{
  Dl_info info;
  g_autofree char *file = NULL;
  if (!dladdr ((void *) fc_install_plugin_dirs, &info) || !info.dli_fname || !*info.dli_fname)
    return NULL;
  /* relative when found through a relative LD_LIBRARY_PATH entry */
  file = g_canonicalize_filename (info.dli_fname, NULL);
  return g_path_get_dirname (file);
}

/* The build tree's plugins (uninstalled only), LIBDIR/fc-platform/plugins
 * beside the loaded library, and the configured prefix's plugin folder,
 * without duplicates; a NULL-terminated array the caller frees. */
char **
fc_install_plugin_dirs (void)
{
  g_autoptr (GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *libdir = library_dir ();

  if (libdir)
    {
      g_autofree char *marker = g_build_filename (libdir, UNINSTALLED_FILE, NULL);
      g_autoptr (GKeyFile) kf = g_key_file_new ();
      if (g_key_file_load_from_file (kf, marker, G_KEY_FILE_NONE, NULL))
        {
          char *dir = g_key_file_get_string (kf, "uninstalled", "plugin-dir", NULL);
          if (dir && g_path_is_absolute (dir))
            add_unique (dirs, dir);
          else
            g_free (dir);
        }
      add_unique (dirs, g_build_filename (libdir, PLUGIN_SUBDIR, NULL));
    }
  add_unique (dirs, g_strdup (FC_PLUGIN_INSTALL_DIR));
  g_ptr_array_add (dirs, NULL);
  return (char **) g_ptr_array_steal (dirs, NULL);
}
