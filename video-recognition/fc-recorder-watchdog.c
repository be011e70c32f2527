/* The recorder's watchdog (fc-recorder-watchdog.h): a camera or a
 * microphone that stops giving anything gives no error, only silence;
 * a file that never finishes neither. */

#include "fc-recorder-watchdog.h"
#include "fc-debug-private.h"

GST_DEBUG_CATEGORY_STATIC (fc_watchdog_debug);
#define GST_CAT_DEFAULT fc_watchdog_debug

static void
init_debug (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_watchdog_debug, "fc-recorder-watchdog", "the watchdog's verdicts");
}

/* No frame for this long while recording: the camera has gone (twice as
 * long when ready, and before the first recorded frame). Only the fallback:
 * a camera whose device goes away is told at once (fc-camera-watch.c); this
 * is for cameras that stop without going away, and for those with no
 * device to watch (the portal's, a host's element). A camera that hangs
 * for less and comes back must not end the recording
 * (tests/video/test-recorder-freeze.c: 1.5 s).
 *
 * Measured (s6, 2 cores): the longest gap between two frames at the gate
 * in 30 s live recordings at high from a 1080p30 PipeWire camera (the
 * "longest gap" fc-recorder-window.c logs at INFO): idle (load 1), 4 runs:
 * 38, 40, 48, 65 ms; two busy loops beside (load 2-9, an ASan build in
 * the last three), 6 runs: 75, 76, 82, 90, 100, 114 ms; four busy loops
 * and an ASan build or test suite beside (load 3-12), 9 runs: 77, 88,
 * 104, 107, 147, 158 ms in the six that went on, 109, 182, 304 ms before
 * the camera stopped for good in the other three (once seen for 33 s: the
 * test camera's provider stalls under such load). The old 500 ms rule
 * ended 2 of 6 bench runs at load 5.6 and 8.4 ("no frame for 504 / 543
 * ms", s6 rec.md): rare hiccups far in the tail, which 3 s (10x the
 * longest gap measured, 6x the hiccups seen) rides out. */
#define LOST_AFTER_US (3 * G_USEC_PER_SEC)
/* No sound for this long while recording: the microphone is gone. Longer
 * than a camera's: a microphone delivers in bursts, and the video branch
 * only backs up (waiting in the muxer) after its queue's 3 s. */
#define MIC_LOST_AFTER_US (1000 * 1000)
#define FINISH_GIVE_UP_US (4 * G_USEC_PER_SEC)
/* Offline, a test source cannot be lost, only slow: the pipeline runs as
 * fast as the machine lets it, and a pipeline that makes no progress for
 * this long is stuck (a deadlock, as the muxer waiting for a subtitle
 * sample once was: video-recognition/README.md). It is a backstop, so it
 * is set from the slowest progress measured, under valgrind (20-50x, its
 * threads run one at a time) on a loaded machine; below the replay's 120 s
 * for one event (demo/fc-replay.c, SETTLE_TIMEOUT_US), so that a stuck
 * pipeline's error is printed before the replay gives up on it.
 * Measured (s7, 2 cores; `plugins-subpackage` under valgrind memcheck,
 * 1280x720; "ready N ms after prepare" and "longest gap" at INFO, and in
 * 6 of the runs the watchdog's inputs logged every 50 ms): with one busy
 * loop beside, 16 runs: the first frame 2.9-9.5 s after prepare in 13,
 * more than 10 s in 3 (the old rule: "camera busy: no frame within 10000
 * ms"; once the frame came 17 s after), the longest gap between frames
 * while recording 1.4-7.2 s, nothing written while finishing for at most
 * 0.6 s; with two busy loops and a build beside (load 4-5), one run: the
 * first frame 48 s after prepare, frames up to 26 s apart while
 * recording, 4.4 s without a write while finishing (the old 4 s closed
 * the file early). 90 s is nearly twice the worst seen, 5x the worst
 * with one busy loop. */
#define OFFLINE_STALL_US (90 * G_USEC_PER_SEC)

static FcWatchdogAction verdict (FcWatchdogAction action, GError **error,
                                 FcRecorderError code, const char *format,
                                 ...) G_GNUC_PRINTF (4, 5);

static FcWatchdogAction
verdict (FcWatchdogAction action, GError **error, FcRecorderError code,
         const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error,
                     g_error_new_valist (FC_RECORDER_ERROR, code, format, args));
  va_end (args);
  return action;
}

FcWatchdogAction
fc_watchdog_check (const FcWatchdogInput *in, GError **error)
{
  init_debug ();
  switch (in->state)
    {
    case FC_RECORDER_STATE_PREPARING:
      {
        /* Offline sources cannot be busy, only slow (a loaded machine,
         * Valgrind's 20-50x): no sooner than a stuck pipeline's limit. */
        gint64 limit_ms = in->offline ? MAX ((gint64) in->ready_timeout_ms, OFFLINE_STALL_US / 1000)
                                      : (gint64) in->ready_timeout_ms;

        /* flowing, waiting for downloads: they have their own time limit */
        if (in->flowing || in->since_prepare <= limit_ms * 1000)
          break;
        if (!in->saw_video)
          return verdict (FC_WATCHDOG_FAIL, error,
                          FC_RECORDER_ERROR_CAMERA_BUSY,
                          "camera busy: no frame within %d ms", (int) limit_ms);
        return verdict (FC_WATCHDOG_FAIL, error, FC_RECORDER_ERROR_NO_MICROPHONE,
                        "microphone gives no sound within %d ms", (int) limit_ms);
      }
    case FC_RECORDER_STATE_READY:
      if (in->camera_gone)
        return verdict (FC_WATCHDOG_FAIL, error, FC_RECORDER_ERROR_CAMERA_LOST,
                        "camera lost: the device went away");
      /* offline, the sources are held until record */
      if (!in->offline && in->silent > 2 * LOST_AFTER_US)
        return verdict (FC_WATCHDOG_FAIL, error, FC_RECORDER_ERROR_CAMERA_LOST,
                        "camera lost: no frame for %d ms",
                        (int) (in->silent / 1000));
      break;
    case FC_RECORDER_STATE_RECORDING:
      if (in->offline)
        {
          if (in->silent <= OFFLINE_STALL_US)
            break;
          return verdict (in->started ? FC_WATCHDOG_FINISH : FC_WATCHDOG_FAIL,
                          error, FC_RECORDER_ERROR_FAILED,
                          "recording stalled: no frame for %d ms",
                          (int) (in->silent / 1000));
        }
      if (in->camera_gone)
        return verdict (in->started ? FC_WATCHDOG_FINISH : FC_WATCHDOG_FAIL,
                        error, FC_RECORDER_ERROR_CAMERA_LOST,
                        "camera lost: the device went away");
      if (in->silent > LOST_AFTER_US)
        {
          if (!in->started && in->silent <= 2 * LOST_AFTER_US)
            break; /* a slow first frame: as lenient as the preview */
          return verdict (in->started ? FC_WATCHDOG_FINISH : FC_WATCHDOG_FAIL,
                          error, FC_RECORDER_ERROR_CAMERA_LOST,
                          "camera lost: no frame for %d ms",
                          (int) (in->silent / 1000));
        }
      if (in->started && in->mute > in->silent + MIC_LOST_AFTER_US)
        /* A microphone that went away gives no error, only silence; the
         * muxer would wait for it, the picture backing up behind, for
         * ever. The file ends with the sound. Only a sound that stopped
         * while the picture went on is the microphone's: when both stop
         * (a machine or a PipeWire graph that stalls, a camera that
         * hangs and holds its graph), the camera's rule above decides. */
        return verdict (FC_WATCHDOG_END_SOUND_AND_FINISH, error,
                        FC_RECORDER_ERROR_NO_MICROPHONE,
                        "microphone lost: no sound for %d ms",
                        (int) (in->mute / 1000));
      break;
    case FC_RECORDER_STATE_FINISHING:
      if (in->summarising)
        break;
      if (in->offline)
        {
          /* the encoder may still have frames to do: give up only when
           * nothing has been written for as long as a stuck pipeline's
           * limit (no nudge: the test tone always reaches the end) */
          if (MIN (in->unwritten, in->since_finishing) > OFFLINE_STALL_US)
            {
              GST_WARNING ("no end of stream: closing the file as it is");
              return FC_WATCHDOG_GIVE_UP;
            }
          break;
        }
      if (!in->nudged && in->since_finishing > FC_FINISH_NUDGE_US)
        /* The microphone has stopped short of the end: end it. */
        return FC_WATCHDOG_NUDGE;
      if (in->since_finishing > FINISH_GIVE_UP_US)
        {
          GST_WARNING ("no end of stream: closing the file as it is");
          return FC_WATCHDOG_GIVE_UP;
        }
      break;
    case FC_RECORDER_STATE_IDLE:
    default:
      break;
    }
  return FC_WATCHDOG_WAIT;
}
