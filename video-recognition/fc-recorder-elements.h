/* The recorder's own GStreamer elements, in a static plugin of the
 * library ("fcrecorder"): fcburnin and fcpromptmix. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the plugin (once per process; gst_init() must have run).
 * FALSE when GStreamer refused it. */
gboolean fc_recorder_elements_register (void);

G_END_DECLS
