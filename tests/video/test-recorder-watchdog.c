/* The recorder's watchdog as a table: from the state and how long each
 * source and the file have been silent, what it does and what the host
 * is told. */

#include "fc-recorder-watchdog.h"

#define MS 1000

/* the library's category, which the compiled-in source logs to */
GST_DEBUG_CATEGORY (fc_recorder_debug);

typedef struct
{
  const char *name;
  FcWatchdogInput in;
  FcWatchdogAction action;
  int code; /* -1: no error */
  const char *message;
} Row;

static const Row rows[] = {
  { "preparing, within the ready timeout",
    { .state = FC_RECORDER_STATE_PREPARING, .ready_timeout_ms = 5000,
      .since_prepare = 4999 * MS },
    FC_WATCHDOG_WAIT, -1, NULL },
  { "preparing, no frame in time",
    { .state = FC_RECORDER_STATE_PREPARING, .ready_timeout_ms = 5000,
      .since_prepare = 5001 * MS },
    FC_WATCHDOG_FAIL, FC_RECORDER_ERROR_CAMERA_BUSY,
    "camera busy: no frame within 5000 ms" },
  /* the slowest first frame measured under valgrind and load (s7:
   * plugins-subpackage, fc-recorder-watchdog.c); the old rule failed it */
  { "preparing offline, slow sources",
    { .state = FC_RECORDER_STATE_PREPARING, .ready_timeout_ms = 5000,
      .since_prepare = 48200 * MS, .offline = TRUE },
    FC_WATCHDOG_WAIT, -1, NULL },
  { "preparing offline, stuck",
    { .state = FC_RECORDER_STATE_PREPARING, .ready_timeout_ms = 5000,
      .since_prepare = 90001 * MS, .offline = TRUE },
    FC_WATCHDOG_FAIL, FC_RECORDER_ERROR_CAMERA_BUSY,
    "camera busy: no frame within 90000 ms" },
  { "preparing, frames but no sound in time",
    { .state = FC_RECORDER_STATE_PREPARING, .ready_timeout_ms = 800,
      .since_prepare = 900 * MS, .saw_video = TRUE },
    FC_WATCHDOG_FAIL, FC_RECORDER_ERROR_NO_MICROPHONE,
    "microphone gives no sound within 800 ms" },
  { "preparing, flowing, downloads slow",
    { .state = FC_RECORDER_STATE_PREPARING, .ready_timeout_ms = 800,
      .since_prepare = 9000 * MS, .flowing = TRUE },
    FC_WATCHDOG_WAIT, -1, NULL },
  { "ready, a hiccup",
    { .state = FC_RECORDER_STATE_READY, .silent = 5900 * MS },
    FC_WATCHDOG_WAIT, -1, NULL },
  { "ready, camera gone",
    { .state = FC_RECORDER_STATE_READY, .silent = 6001 * MS },
    FC_WATCHDOG_FAIL, FC_RECORDER_ERROR_CAMERA_LOST,
    "camera lost: no frame for 6001 ms" },
  { "ready, the camera's device removed",
    { .state = FC_RECORDER_STATE_READY, .silent = 60 * MS,
      .camera_gone = TRUE },
    FC_WATCHDOG_FAIL, FC_RECORDER_ERROR_CAMERA_LOST,
    "camera lost: the device went away" },
  { "ready offline, sources held",
    { .state = FC_RECORDER_STATE_READY, .offline = TRUE,
      .silent = 60000 * MS },
    FC_WATCHDOG_WAIT, -1, NULL },
  { "recording, a slow first frame",
    { .state = FC_RECORDER_STATE_RECORDING, .silent = 5900 * MS },
    FC_WATCHDOG_WAIT, -1, NULL },
  { "recording, no first frame",
    { .state = FC_RECORDER_STATE_RECORDING, .silent = 6100 * MS },
    FC_WATCHDOG_FAIL, FC_RECORDER_ERROR_CAMERA_LOST,
    "camera lost: no frame for 6100 ms" },
  /* a busy machine's hiccup, a camera that hangs and comes back; the
   * sound stopped with the picture (one graph, one machine) */
  { "recording, a hiccup of the camera and the microphone",
    { .state = FC_RECORDER_STATE_RECORDING, .started = TRUE,
      .silent = 2900 * MS, .mute = 2950 * MS },
    FC_WATCHDOG_WAIT, -1, NULL },
  { "recording, camera gone midway",
    { .state = FC_RECORDER_STATE_RECORDING, .started = TRUE,
      .silent = 3001 * MS, .mute = 3020 * MS },
    FC_WATCHDOG_FINISH, FC_RECORDER_ERROR_CAMERA_LOST,
    "camera lost: no frame for 3001 ms" },
  { "recording, the camera's device removed midway",
    { .state = FC_RECORDER_STATE_RECORDING, .started = TRUE,
      .silent = 60 * MS, .camera_gone = TRUE },
    FC_WATCHDOG_FINISH, FC_RECORDER_ERROR_CAMERA_LOST,
    "camera lost: the device went away" },
  { "recording, the camera's device removed before the first frame",
    { .state = FC_RECORDER_STATE_RECORDING, .silent = 60 * MS,
      .camera_gone = TRUE },
    FC_WATCHDOG_FAIL, FC_RECORDER_ERROR_CAMERA_LOST,
    "camera lost: the device went away" },
  { "recording, microphone gone midway",
    { .state = FC_RECORDER_STATE_RECORDING, .started = TRUE,
      .silent = 10 * MS, .mute = 1200 * MS },
    FC_WATCHDOG_END_SOUND_AND_FINISH, FC_RECORDER_ERROR_NO_MICROPHONE,
    "microphone lost: no sound for 1200 ms" },
  { "recording, microphone gone, then the camera hangs",
    { .state = FC_RECORDER_STATE_RECORDING, .started = TRUE,
      .silent = 500 * MS, .mute = 1600 * MS },
    FC_WATCHDOG_END_SOUND_AND_FINISH, FC_RECORDER_ERROR_NO_MICROPHONE,
    "microphone lost: no sound for 1600 ms" },
  { "recording offline, stalled",
    { .state = FC_RECORDER_STATE_RECORDING, .offline = TRUE,
      .started = TRUE, .silent = 90001 * MS },
    FC_WATCHDOG_FINISH, FC_RECORDER_ERROR_FAILED,
    "recording stalled: no frame for 90001 ms" },
  { "recording offline, no first frame at all",
    { .state = FC_RECORDER_STATE_RECORDING, .offline = TRUE,
      .silent = 90001 * MS },
    FC_WATCHDOG_FAIL, FC_RECORDER_ERROR_FAILED,
    "recording stalled: no frame for 90001 ms" },
  /* the longest gap measured under valgrind and load; the old rule
   * ended such a recording */
  { "recording offline, slow but moving",
    { .state = FC_RECORDER_STATE_RECORDING, .offline = TRUE,
      .started = TRUE, .silent = 25908 * MS, .mute = 25908 * MS },
    FC_WATCHDOG_WAIT, -1, NULL },
  { "recording offline, a slow first frame",
    { .state = FC_RECORDER_STATE_RECORDING, .offline = TRUE,
      .silent = 25908 * MS, .mute = 25908 * MS },
    FC_WATCHDOG_WAIT, -1, NULL },
  { "finishing, the microphone stopped short",
    { .state = FC_RECORDER_STATE_FINISHING, .since_finishing = 1600 * MS },
    FC_WATCHDOG_NUDGE, -1, NULL },
  { "finishing, nudged, still waiting",
    { .state = FC_RECORDER_STATE_FINISHING, .nudged = TRUE,
      .since_finishing = 3000 * MS },
    FC_WATCHDOG_WAIT, -1, NULL },
  { "finishing, no end of stream",
    { .state = FC_RECORDER_STATE_FINISHING, .nudged = TRUE,
      .since_finishing = 4100 * MS },
    FC_WATCHDOG_GIVE_UP, -1, NULL },
  { "finishing offline, still writing",
    { .state = FC_RECORDER_STATE_FINISHING, .offline = TRUE,
      .since_finishing = 9000 * MS, .unwritten = 100 * MS },
    FC_WATCHDOG_WAIT, -1, NULL },
  /* offline, slow writes are a slow machine's, as slow frames */
  { "finishing offline, slow writes",
    { .state = FC_RECORDER_STATE_FINISHING, .offline = TRUE,
      .since_finishing = 30000 * MS, .unwritten = 25908 * MS },
    FC_WATCHDOG_WAIT, -1, NULL },
  { "finishing offline, nothing written",
    { .state = FC_RECORDER_STATE_FINISHING, .offline = TRUE,
      .since_finishing = 95000 * MS, .unwritten = 90001 * MS },
    FC_WATCHDOG_GIVE_UP, -1, NULL },
  { "finishing, summarising",
    { .state = FC_RECORDER_STATE_FINISHING, .summarising = TRUE,
      .since_finishing = 9000 * MS },
    FC_WATCHDOG_WAIT, -1, NULL },
};

static void
test_row (gconstpointer data)
{
  const Row *row = data;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (fc_watchdog_check (&row->in, &error), ==, row->action);
  if (row->code < 0)
    g_assert_no_error (error);
  else
    {
      g_assert_error (error, FC_RECORDER_ERROR, row->code);
      g_assert_cmpstr (error->message, ==, row->message);
    }
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  GST_DEBUG_CATEGORY_INIT (fc_recorder_debug, "fc-recorder", 0, "test");
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/recorder-watchdog/%u", i);

      g_test_add_data_func (path, &rows[i], test_row);
    }
  return g_test_run ();
}
