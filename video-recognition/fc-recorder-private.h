/* What only the recorder's own files share. */
#pragma once

#include "fc-recorder.h"

G_BEGIN_DECLS

/* A moment on the wall clock and on the host's clock, in microseconds. */
typedef struct
{
  gint64 wall, clock;
} FcStamp;

/* Where frames or samples come from. */
typedef enum
{
  FC_SOURCE_PIPEWIRE,
  FC_SOURCE_V4L2,
  FC_SOURCE_TEST,
} FcSourceKind;

typedef struct
{
  FcSourceKind kind;
  char *target;  /* PipeWire node name or V4L2 device path; NULL for test */
  GstCaps *caps; /* what the device offers, when known */
  int fd;        /* a PipeWire remote of its own (the camera portal's), or -1 */
} FcSource;

#define FC_SOURCE_INIT                                                         \
  {                                                                            \
    FC_SOURCE_TEST, NULL, NULL, -1                                             \
  }

/* Frees what SOURCE holds (closing its fd) and leaves it FC_SOURCE_INIT. */
void fc_source_clear (FcSource *source);
const char *fc_source_kind_name (FcSourceKind kind);

/* Resolves a camera or microphone setting (NULL/"auto", "test",
 * "pipewire:NODE", "v4l2:PATH") to a source. Returns FALSE when none is
 * found; test sources are never chosen here unless asked for by name. */
gboolean fc_source_find (const char *setting, gboolean video, FcSource *out);

/* The caps to force right after a camera source: a raw (or JPEG) format
 * the device offers, as close as possible to WIDTHxHEIGHT. *DECODE is set
 * when the chosen format is JPEG. */
GstCaps *fc_source_choose_video_caps (const FcSource *source, int width,
                                      int height, gboolean *decode);

/* Temporary files. */
gboolean fc_recorder_ensure_dir (const char *dir, GError **error);
char *fc_recorder_create_file (const char *dir, const char *suffix,
                               GError **error);

typedef struct
{
  char *video_path;
  char *thumb_path;
  GstSample *first_frame;
  gint64 duration_ms;
  guint64 dropped_frames, duplicated_frames;
  /* filled by fc_recorder_summarise */
  gint64 size;
  char *sha256;
} FcRecordingSummary;

void fc_recording_summary_free (FcRecordingSummary *summary);
/* Writes the thumbnail and computes size and digest; runs in a thread. */
gboolean fc_recorder_summarise (FcRecordingSummary *summary, GError **error);

G_END_DECLS
