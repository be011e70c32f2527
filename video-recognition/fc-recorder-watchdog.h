/* The recorder's watchdog: from how long the camera, the microphone and
 * the file have been silent, what to do (fc-recorder-watchdog.c). A pure
 * function: the recorder polls it every FC_WATCHDOG_MS and acts. Private
 * to the library. */
#pragma once

#include "fc-recorder.h"

G_BEGIN_DECLS

#define FC_WATCHDOG_MS 50
/* Finishing: the microphone is ended after this long without the end of
 * the file (close waits as long for each step too). */
#define FC_FINISH_NUDGE_US (1500 * 1000)

typedef struct
{
  FcRecorderState state;
  gboolean offline;     /* this pipeline's mode */
  gboolean flowing;     /* frames and samples have both come */
  gboolean saw_video;   /* a frame has come */
  gboolean started;     /* the recording window is open */
  gboolean nudged;      /* finishing: the microphone has been ended */
  gboolean summarising; /* finishing: the pipeline is gone already */
  gboolean camera_gone; /* the camera's device has been removed
                           (fc-camera-watch.c) */
  guint ready_timeout_ms;
  /* µs since: prepare, the last frame, the last sound, the last write to
   * the file, finishing began */
  gint64 since_prepare, silent, mute, unwritten, since_finishing;
} FcWatchdogInput;

typedef enum
{
  FC_WATCHDOG_WAIT,   /* all is well, or not yet */
  FC_WATCHDOG_FAIL,   /* tear down with the error; stop polling */
  FC_WATCHDOG_FINISH, /* finish the file, then report the error */
  /* the microphone is gone: end the sound, finish the file, then report */
  FC_WATCHDOG_END_SOUND_AND_FINISH,
  FC_WATCHDOG_NUDGE,   /* end the sound (the microphone stopped short) */
  FC_WATCHDOG_GIVE_UP, /* close the file as it is; stop polling */
} FcWatchdogAction;

/* What to do now; ERROR (FC_RECORDER_ERROR) is set for FAIL, FINISH and
 * END_SOUND_AND_FINISH. */
FcWatchdogAction fc_watchdog_check (const FcWatchdogInput *in, GError **error);

G_END_DECLS
