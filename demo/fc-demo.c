/* fc-demo: the demo host.
 *   fc-demo [PAGE]          show a page of demo/miniprogram (GTK window;
 *                           default pages/video/video, the Quick Start)
 *   fc-demo replay FILE.json  run a page headlessly, JSON lines out */
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
  if (argc == 3 && strcmp (argv[1], "replay") == 0)
    {
      GString *out = g_string_new (NULL);
      int status = fc_replay_run (argv[2], out);
      g_string_free (out, TRUE);
      return status;
    }
  if (argc <= 2 && !(argc == 2 && argv[1][0] == '-'))
    return fc_demo_app_run (argc == 2 ? argv[1] : "pages/video/video");
  fprintf (stderr,
           "usage: %s [PAGE]            show a page of the sample mini-program\n"
           "       %s replay FILE.json  run a page headlessly, print JSON lines\n",
           argv[0], argv[0]);
  return 2;
}
