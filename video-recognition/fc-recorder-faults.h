/* What a pipeline error means to the host: its FcRecorderError and errMsg
 * (fc-recorder-faults.c). Pure; private to the library. */
#pragma once

#include "fc-recorder.h"

G_BEGIN_DECLS

typedef enum
{
  FC_FAULT_CAMERA,     /* the camera source or inside it */
  FC_FAULT_MICROPHONE, /* the microphone source */
  FC_FAULT_FILE,       /* the file sink */
  FC_FAULT_OTHER,
} FcFaultSource;

/* Where an error posted by SRC comes from: CAMERA (the source element, or
 * inside it: a bin), MICROPHONE, the file sink ("fsink") or elsewhere. */
FcFaultSource fc_fault_source (GstObject *src, GstElement *camera,
                               GstElement *microphone);
/* The code for ERR (with DEBUG, the message's debug text, may be NULL)
 * from FROM, while PREPARING or not; *WHAT is the errMsg's start. */
FcRecorderError fc_fault_classify (FcFaultSource from, const GError *err,
                                   const char *debug, gboolean preparing,
                                   const char **what);
/* The errMsg when the fault ends everything: WHAT alone for the camera's
 * refusals, the system's reason for a file that cannot be written
 * (VIDEO_PATH), else WHAT and ERR's message. */
char *fc_fault_describe (FcRecorderError code, const char *what,
                         FcFaultSource from, const GError *err,
                         const char *debug, const char *video_path);

G_END_DECLS
