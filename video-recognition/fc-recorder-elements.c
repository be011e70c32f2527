/* The "fcrecorder" plugin: the recorder's elements, registered with
 * GStreamer from inside the library (no plugin file to install or find),
 * so gst_parse_launch() and gst_element_factory_make() know them. */

#include "fc-recorder-elements.h"

#include "fc-burn-in-filter.h"
#include "fc-prompt-mix-filter.h"

#include <gst/gst.h>

static gboolean
plugin_init (GstPlugin *plugin)
{
  return gst_element_register (plugin, "fcburnin", GST_RANK_NONE,
                               FC_TYPE_BURN_IN_FILTER)
         && gst_element_register (plugin, "fcpromptmix", GST_RANK_NONE,
                                  FC_TYPE_PROMPT_MIX_FILTER);
}

gboolean
fc_recorder_elements_register (void)
{
  static gsize once = 0;
  static gboolean ok = FALSE;

  g_return_val_if_fail (gst_is_initialized (), FALSE);
  if (g_once_init_enter (&once))
    {
      ok = gst_plugin_register_static (
          GST_VERSION_MAJOR, GST_VERSION_MINOR, "fcrecorder",
          "The video recorder's burn-in and prompt audio mixer",
          plugin_init, "0.1.0", "MIT/X11", "fc-platform", "fc-platform",
          "fc-platform video-recognition");
      g_once_init_leave (&once, 1);
    }
  return ok;
}
