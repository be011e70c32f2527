/* fcpromptmix: the prompts' clips added into the recorded sound (a
 * GstBaseTransform, in place). Private to the library; registered by
 * fc-recorder-elements.c. */
#pragma once

#include <gst/base/gstbasetransform.h>

G_BEGIN_DECLS

#define FC_TYPE_PROMPT_MIX_FILTER (fc_prompt_mix_filter_get_type ())
G_DECLARE_FINAL_TYPE (FcPromptMixFilter, fc_prompt_mix_filter, FC,
                      PROMPT_MIX_FILTER, GstBaseTransform)

G_END_DECLS
