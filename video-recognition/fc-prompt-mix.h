/* FcPromptMix: the prompts' clips to add into the recorded track, each at
 * its first sample in the recording. Private to the library: the
 * fcpromptmix element (fc-prompt-mix-filter.c) takes them as its "clips"
 * property. */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* The recording's sample format. */
#define FC_PCM_RATE 48000
#define FC_PCM_FORMAT "S16LE"

typedef struct _FcPromptMix FcPromptMix;

#define FC_TYPE_PROMPT_MIX (fc_prompt_mix_get_type ())
GType fc_prompt_mix_get_type (void);

FcPromptMix *fc_prompt_mix_new (void);
/* Adds PCM (mono FC_PCM_FORMAT at FC_PCM_RATE) from sample AT of the
 * encoder's input on; at most FC_STEP_LIST_MAX clips. */
void fc_prompt_mix_add (FcPromptMix *mix, gint64 at, GBytes *pcm);
FcPromptMix *fc_prompt_mix_ref (FcPromptMix *mix);
void fc_prompt_mix_unref (FcPromptMix *mix);
gboolean fc_prompt_mix_is_empty (FcPromptMix *mix);
/* Whether a clip sounds during BUFFER (its OFFSET the first sample's index
 * in the recording, N_SAMPLES long). */
gboolean fc_prompt_mix_covers (FcPromptMix *mix, guint64 offset,
                               gint64 n_samples);
/* Adds the clips sounding during BUFFER into it; returns the (possibly
 * new, writable) buffer. */
GstBuffer *fc_prompt_mix_apply (FcPromptMix *mix, GstBuffer *buffer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcPromptMix, fc_prompt_mix_unref)

G_END_DECLS
