/* fc-demo: the demo host.
 *   fc-demo [PAGE]          show a page of demo/miniprogram (GTK window;
 *                           default pages/video/video, the Quick Start)
 *   fc-demo replay [--plugin-path DIR]... FILE.json
 *                           run a page headlessly, JSON lines out; DIRs
 *                           are searched for plugins first */
#include <stdio.h>
#include <string.h>
#include <locale.h>
#include <glib.h>

#include "fc-replay.h"
#include "fc-demo-app.h"

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  if (argc >= 3 && strcmp (argv[1], "replay") == 0)
    {
      g_autoptr (GPtrArray) dirs = g_ptr_array_new ();
      GString *out;
      int status, i = 2;
      for (; i + 1 < argc && strcmp (argv[i], "--plugin-path") == 0; i += 2)
        g_ptr_array_add (dirs, argv[i + 1]);
      if (i != argc - 1)
        goto usage;
      g_ptr_array_add (dirs, NULL);
      out = g_string_new (NULL);
      status = fc_replay_run (argv[i], (const char *const *) dirs->pdata, out);
      g_string_free (out, TRUE);
      return status;
    }
  if (argc <= 2 && !(argc == 2 && argv[1][0] == '-'))
    return fc_demo_app_run (argc == 2 ? argv[1] : "pages/video/video");
usage:
  fprintf (stderr,
           "usage: %s [PAGE]            show a page of the sample mini-program\n"
           "       %s replay [--plugin-path DIR]... FILE.json\n"
           "                              run a page headlessly, print JSON lines\n",
           argv[0], argv[0]);
  return 2;
}
