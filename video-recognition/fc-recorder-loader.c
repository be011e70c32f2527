/* fc-recorder-loader.c: the recorder's resource loader, for its host (the
 * plugin module sets the headers that sign its requests there). */
#include "fc-recorder-private.h"

/**
 * fc_recorder_get_resource_loader:
 * @self: a recorder
 *
 * The loader of the recorder's prompt audio and mask; its host sets what
 * signs its requests there (fc_resource_loader_set_headers_func()).
 *
 * Returns: (transfer none): the loader of @self's prompt audio and mask
 */
FcResourceLoader *
fc_recorder_get_resource_loader (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_prompts_get_loader (fc_recorder_get_prompts (self));
}
