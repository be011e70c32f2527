/* The recording pipeline's builder (fc-recorder-pipeline.c). Private to
 * the library. */
#pragma once

#include "fc-recorder-private.h"

G_BEGIN_DECLS

typedef struct
{
  const FcSource *camera, *microphone;
  int width, height; /* of the recording (I420, 30 fps) */
  gboolean offline;  /* the test sources as fast as they encode, no clock */
  const char *video_path;
  GstElement *preview_sink; /* NULL: a fakesink */
  GstClock *clock;          /* the host's, or NULL for GStreamer's */
} FcPipelineSpec;

/* The pipeline for SPEC, not started, its elements named (but for a
 * camera of kind FC_SOURCE_ELEMENT, which keeps its name, is added and is
 * the caller's to remove from the pipeline when done): "vsrc",
 * "asrc", "vrate", "arate", "vt" (the tee), "pq" (the preview queue),
 * "burn" (fcburnin), "vq", "aq", "pmix" (fcpromptmix), "mux", "fsink".
 * NULL with ERROR (FC_RECORDER_ERROR_FAILED) when it cannot be built. */
GstElement *fc_pipeline_build (const FcPipelineSpec *spec, GError **error);
/* Offline: holds the video or the audio source's output after its rate
 * element (blocking; LET_ONE lets one more buffer through) unless *ID
 * holds it already; *ID is the hold. */
void fc_pipeline_hold (GstElement *pipeline, gboolean video, gboolean let_one,
                       gulong *id);
/* Lets it go again (*ID 0: nothing held); *ID becomes 0. */
void fc_pipeline_release (GstElement *pipeline, gboolean video, gulong *id);
/* videorate's counters: camera frames dropped and repeated so far. */
void fc_pipeline_frame_counts (GstElement *pipeline, guint64 *dropped,
                               guint64 *duplicated);

G_END_DECLS
