/* Recordings for tests: what a recorder's signals delivered, a main loop
 * run until an event arrives, and a finished file read back with
 * GstDiscoverer. Shared by the recorder's tests (tests/video) and
 * tests/hostile/test-hostile-devices.c. */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* The last detail of each event (a{sv}), how many arrived and when
 * (g_get_monotonic_time); the errMsg of every "warning". */
typedef struct
{
  GVariant *ready, *start, *end, *error;
  GPtrArray *warnings; /* errMsg strings */
  guint n_ready, n_start, n_end, n_error;
  gint64 ready_us, start_us, end_us, error_us;
} FcTestEvents;

/* Connects to RECORDER's "ready", "start", "end", "error" and "warning";
 * "end" before its "start" fails the test. */
void fc_test_events_connect (FcTestEvents *ev, gpointer recorder);
void fc_test_events_clear (FcTestEvents *ev);
/* Forgets what arrived (details, counts, warnings); stays connected. */
void fc_test_events_reset (FcTestEvents *ev);

/* The end of a test with a recorder: the test's reference to RECORDER is
 * its last (g_assert_finalize_object, so a reference kept anywhere fails
 * the test), EV is cleared and DIR (the recorder's temp-dir) is removed
 * with what is in it. */
void fc_test_recording_done (gpointer recorder, FcTestEvents *ev,
                             const char *dir);

/* Runs the default main context until *SLOT is set (or an error arrives,
 * which fails the test unless SLOT is &EV->error); fails the test after
 * TIMEOUT_MS. */
void fc_test_wait_for (FcTestEvents *ev, GVariant **slot, guint timeout_ms);
/* Keeps the default main context running for MS milliseconds. */
void fc_test_run_for (guint ms);

/* A string or int64 member of an event's detail; missing fails the test. */
const char *fc_test_lookup_s (GVariant *detail, const char *key);
gint64 fc_test_lookup_x (GVariant *detail, const char *key);

typedef struct
{
  GstClockTime duration;
  int width, height;
  char *profile;
} FcTestFileInfo;

/* Discovers PATH: one H.264 (not 4:4:4) and one AAC 48 kHz stream, or the
 * test fails. OUT->profile is the caller's to free. */
void fc_test_discover (const char *path, FcTestFileInfo *out);

/* Decodes the whole video track of PATH and returns how far it played: a
 * killed recording's header does not know its duration, a player finds it
 * by reading the fragments. */
GstClockTime fc_test_played_ns (const char *path);
/* The same, and how many frames it decoded (N_FRAMES may be NULL). */
GstClockTime fc_test_decode_video (const char *path, guint *n_frames);

/* Writes a 200 ms sine tone of HZ at RATE (mono S16) as WAV to PATH. */
void fc_test_make_tone (const char *path, double hz, int rate);

/* The bytes a pipeline DESC (a gst-launch description ending in an
 * encoder or muxer) writes, gathered by an appsink; asserts that they are
 * more than MIN_SIZE. For files a test server hands out. */
GBytes *fc_test_encode (const char *desc, gsize min_size);

G_END_DECLS
