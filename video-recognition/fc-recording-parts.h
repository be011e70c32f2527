/* What one recording takes from the prompt set into the pipeline
 * (fc-recording-parts.c). Private to the library. */
#pragma once

#include "fc-recorder-private.h"
#include "fc-recorder-window.h"

G_BEGIN_DECLS

/* Puts into PIPELINE (built by fc-recorder-pipeline.c, not yet recording)
 * what PROMPTS give this recording: the burn-in pictures for
 * WIDTHxHEIGHT frames (fcburnin "burn"), the clips mixed into the sound
 * (fcpromptmix "pmix"; *CLIPS says whether there are any) and the prompt
 * timeline up to DURATION as a subtitle track, fed by WINDOW. FALSE with
 * ERROR (FC_RECORDER_ERROR_RESOURCE) when the mask cannot be decoded;
 * nothing is changed then. */
gboolean fc_recording_parts_put (GstElement *pipeline, FcPrompts *prompts,
                                 int width, int height,
                                 GstClockTime duration, FcRecordWindow *window,
                                 gboolean *clips, GError **error);

G_END_DECLS
