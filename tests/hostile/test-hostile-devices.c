/* Hostile devices (issue 9, "Hostile input"): the recorder on real
 * PipeWire devices (tests/testenv.sh; a fresh camera node per row, and a
 * microphone of its own where it must vanish: tests/common/fc-test-devices)
 * whose camera or microphone goes away mid-recording, whose disk fills up
 * or refuses a file that large, whose temporary directory is removed, is a
 * file or is read-only, and whose camera another program holds. A row per
 * fault, each with the exact errCode and errMsg of "error" (onRecordError;
 * where a time varies from run to run the message is matched with <N> for
 * the number), the partial file named in tempVideoPath and playable (both
 * streams, a duration, read with GstDiscoverer) where something was
 * recorded, and then, the fault mended, a recording on the same FcRecorder
 * in the same process that succeeds: the host keeps running.
 *
 * The disk is a tmpfs mounted in a mount namespace of the row's own child
 * process (root with CAP_SYS_ADMIN, else the rows skip), so nothing is
 * mounted outside it, whatever becomes of it. As root, permissions do not
 * stop writes: a read-only mount does, and a file where the directory
 * should be.
 *
 * Rows that exist elsewhere are not repeated here:
 * tests/video/test-recorder.c has no-camera, camera-denied (a V4L2 node
 * the user may not open, as "nobody"), a camera node that never gives a
 * frame (fault/camera-busy: a stalled provider), the camera vanishing
 * with its timing (an error within 1 s), a write failure on the test
 * sources (RLIMIT_FSIZE of 16 KiB), a recording process killed outright
 * (SIGKILL) and the recorder destroyed mid-recording;
 * tests/video/test-recorder-subtitles.c the subtitle track of a recording
 * killed or ended early; tests/hostile/test-hostile-paths.c and
 * tests/video/test-recorder-resources.c the paths a page gives. */
#include <errno.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/fc-test-devices.h"
#include "common/fc-test-files.h"
#include "common/fc-test-recording.h"
#include "fc-recorder.h"

#define FRAME_NS (GST_SECOND / 30)
#define RECORD_MS 10000 /* the faulty recording: far longer than the fault */
#define AGAIN_MS 1000   /* the recording after it */

typedef enum
{
  CAMERA_VANISHES,     /* the camera's node leaves the graph */
  MICROPHONE_VANISHES, /* the microphone's pw-loopback process ends */
  DISK_FULL,           /* temp-dir on a tmpfs of 512 KiB (ENOSPC) */
  FILE_SIZE_LIMIT,     /* RLIMIT_FSIZE mid-recording (EFBIG) */
  DIR_REMOVED,         /* temp-dir removed before prepare */
  DIR_REMOVED_READY,   /* temp-dir removed between "ready" and record */
  DIR_IS_A_FILE,       /* a file where temp-dir should be */
  DIR_READ_ONLY,       /* temp-dir on a read-only tmpfs (EROFS) */
  CAMERA_BUSY,         /* an exclusive consumer holds the camera */
} Fault;

typedef struct
{
  const char *name;
  Fault fault;
  const char *code; /* errCode, or NULL: the recording succeeds */
  /* errMsg in full, where <N> stands for a decimal number (a time that
   * varies from run to run), <DIR> for the row's temp-dir and <FILE> for
   * the recording's name (recording-XXXXXX.mp4) */
  const char *message;
  gboolean partial; /* tempVideoPath names what was recorded, playable */
} Row;

static const Row rows[] = {
  /* the node's removal is told by the device provider, before the
   * silence rule would see it */
  { "camera-vanishes", CAMERA_VANISHES, "camera-lost",
    "camera lost: the device went away", TRUE },
  { "microphone-vanishes", MICROPHONE_VANISHES, "no-microphone",
    "microphone lost: no sound for <N> ms", TRUE },
  { "disk-full", DISK_FULL, "write-failed",
    "write failed: cannot write <DIR>/<FILE>: No space left on device", TRUE },
  { "file-size-limit", FILE_SIZE_LIMIT, "write-failed",
    "write failed: cannot write <DIR>/<FILE>: File too large", TRUE },
  /* a host that cleans its caches: the directory is made again */
  { "temp-dir-removed", DIR_REMOVED, NULL, NULL, FALSE },
  { "temp-dir-removed-when-ready", DIR_REMOVED_READY, "write-failed",
    "write failed: <DIR>/<FILE> was removed before recording", FALSE },
  { "temp-dir-is-a-file", DIR_IS_A_FILE, "write-failed",
    "write failed: cannot create the directory <DIR>: Not a directory", FALSE },
  { "temp-dir-read-only", DIR_READ_ONLY, "write-failed",
    "write failed: cannot create a file in <DIR>: Read-only file system",
    FALSE },
  /* the recorder's ready-timeout set to 2000 ms for this row: PipeWire
   * (WirePlumber's policy) links no one else to a node held exclusively */
  { "camera-busy", CAMERA_BUSY, "camera-busy",
    "camera busy: no frame within 2000 ms", FALSE },
};

static gboolean
needs_child (const Row *row)
{
  return row->fault == DISK_FULL || row->fault == FILE_SIZE_LIMIT
         || row->fault == DIR_READ_ONLY;
}

static gboolean
needs_mount (const Row *row)
{
  return row->fault == DISK_FULL || row->fault == DIR_READ_ONLY;
}

/* Whether this process may make a mount namespace of its own and mount a
 * tmpfs in it: tried in a forked child, which only makes system calls. */
static gboolean
can_mount (void)
{
  const char *where = g_get_tmp_dir ();
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    _exit (unshare (CLONE_NEWNS) == 0
                   && mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0
                   && mount ("fc-test", where, "tmpfs", 0, "size=64k") == 0
               ? 0
               : 1);
  return pid > 0 && waitpid (pid, &status, 0) == pid && WIFEXITED (status)
         && WEXITSTATUS (status) == 0;
}

/* The regex for a row's message: <N> is a number, <DIR> the temp-dir,
 * <FILE> the recording's name; the rest is literal. */
static char *
message_pattern (const char *message, const char *dir)
{
  g_autofree char *escaped_dir = g_regex_escape_string (dir, -1);
  GString *re = g_string_new ("^");
  const char *p = message;

  while (*p != '\0')
    {
      const char *next = strchr (p, '<');
      g_autofree char *literal = NULL;

      if (next == NULL)
        next = p + strlen (p);
      literal = g_regex_escape_string (p, next - p);
      g_string_append (re, literal);
      p = next;
      if (g_str_has_prefix (p, "<N>"))
        g_string_append (re, "[0-9]+"), p += 3;
      else if (g_str_has_prefix (p, "<DIR>"))
        g_string_append (re, escaped_dir), p += 5;
      else if (g_str_has_prefix (p, "<FILE>"))
        g_string_append (re, "recording-[A-Za-z0-9]{6}\\.mp4"), p += 6;
      else if (*p == '<')
        g_string_append (re, "<"), p++;
    }
  g_string_append (re, "$");
  return g_string_free (re, FALSE);
}

/* What a row saw: a test message, or on stderr from a child process
 * (whose stdout the parent does not show). */
static void note (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
note (const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (g_test_subprocess ())
    g_printerr ("# %s\n", text);
  else
    g_test_message ("%s", text);
}

/* Runs the main context until "error"; an "end" instead fails the row. */
static void
wait_error (FcTestEvents *ev, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (ev->error == NULL)
    {
      if (ev->end != NULL)
        g_error ("recorded (\"end\") instead of an error");
      if (g_get_monotonic_time () > deadline)
        g_error ("no error within %u ms", timeout_ms);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static FcRecorder *
recorder_new (const char *camera, const char *mic, const char *dir)
{
  return g_object_new (FC_TYPE_RECORDER, "camera", camera, "microphone",
                       mic, "resolution", "low", "record-time", RECORD_MS,
                       "temp-dir", dir, NULL);
}

static char *
device (const char *node)
{
  return g_strdup_printf ("pipewire:%s", node);
}

/* A consumer of NODE that asks PipeWire for it alone (node.exclusive), as
 * a program that takes the camera for itself does. */
static GstElement *
hold_camera (const char *node)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *desc = g_strdup_printf (
      "pipewiresrc target-object=%s client-name=fc-test-holder "
      "stream-properties=\"props,node.exclusive=true\" "
      "! video/x-raw,format=YUY2 ! fakesink name=sink signal-handoffs=true",
      node);
  GstElement *holder = gst_parse_launch (desc, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gst_element_set_state (holder, GST_STATE_PLAYING), !=,
                   GST_STATE_CHANGE_FAILURE);
  return holder;
}

static void
count_frame (GstElement *sink, GstBuffer *buf, GstPad *pad, guint *n)
{
  g_atomic_int_inc (n);
}

static void
set_fsize_limit (rlim_t soft)
{
  struct rlimit limit;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  limit.rlim_cur = MIN (soft, limit.rlim_max);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

static void
mount_tmpfs (const char *dir, const char *options, unsigned long flags)
{
  if (mount ("fc-test", dir, "tmpfs", flags, options) != 0)
    g_error ("mount tmpfs %s on %s: %s", options, dir, g_strerror (errno));
}

static void
run_row (const Row *row)
{
  g_autoptr (FcTestCamera) cam = fc_test_camera_new (640, 480);
  g_autoptr (FcTestMicrophone) own_mic = NULL;
  g_autoptr (FcTestCamera) cam2 = NULL;
  g_autoptr (FcTestMicrophone) mic2 = NULL;
  g_autoptr (GstElement) holder = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *base = NULL, *dir = NULL, *camera = NULL, *mic = NULL;
  g_autofree char *pattern = NULL, *partial = NULL;
  const char *session_mic = fc_test_microphone_node ();
  GstClockTime before = 0, played;
  guint held_frames = 0;
  gboolean mounted = FALSE;
  FcTestFileInfo info = { 0 };
  FcTestEvents ev;
  FcRecorder *rec;

  if (cam == NULL || session_mic == NULL)
    return;
  base = g_dir_make_tmp ("fc-hostile-devices-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_build_filename (base, "recordings", NULL);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  camera = device (fc_test_camera_get_node (cam));
  if (row->fault == MICROPHONE_VANISHES)
    {
      own_mic = fc_test_microphone_new ();
      mic = device (fc_test_microphone_get_node (own_mic));
    }
  else
    mic = device (session_mic);

  /* ---- the fault, where it comes before the recording ---- */
  switch (row->fault)
    {
    case DISK_FULL:
      mount_tmpfs (dir, "size=512k,mode=0700", 0);
      mounted = TRUE;
      break;
    case DIR_READ_ONLY:
      mount_tmpfs (dir, "size=16m,mode=0700", MS_RDONLY);
      mounted = TRUE;
      break;
    case DIR_REMOVED:
      g_assert_cmpint (g_rmdir (dir), ==, 0);
      break;
    case DIR_IS_A_FILE:
      g_assert_cmpint (g_rmdir (dir), ==, 0);
      g_assert_true (g_file_set_contents (dir, "not a directory", -1, NULL));
      break;
    case CAMERA_BUSY:
      holder = hold_camera (fc_test_camera_get_node (cam));
      {
        g_autoptr (GstElement) sink
            = gst_bin_get_by_name (GST_BIN (holder), "sink");

        g_signal_connect (sink, "handoff", G_CALLBACK (count_frame),
                          &held_frames);
      }
      while (g_atomic_int_get (&held_frames) < 5)
        fc_test_run_for (20);
      break;
    default:
      break;
    }

  rec = recorder_new (camera, mic, dir);
  fc_test_events_connect (&ev, rec);
  if (row->fault == CAMERA_BUSY)
    fc_recorder_set_ready_timeout (rec, 2000);
  if (row->code == NULL)
    fc_recorder_set_record_time (rec, AGAIN_MS);
  if (row->fault == DIR_REMOVED_READY)
    {
      g_assert_true (fc_recorder_prepare (rec));
      fc_test_wait_for (&ev, &ev.ready, 8000);
      fc_test_remove_tree (dir);
    }
  g_assert_true (fc_recorder_record (rec) || row->code != NULL);

  /* ---- the fault, where it comes mid-recording ---- */
  if (row->fault == CAMERA_VANISHES || row->fault == MICROPHONE_VANISHES
      || row->fault == FILE_SIZE_LIMIT)
    {
      fc_test_wait_for (&ev, &ev.start, 8000);
      fc_test_run_for (700);
      /* what a player makes of the file so far: it must still play after
       * the fault */
      before = fc_test_played_ns (fc_test_lookup_s (ev.start, "tempVideoPath"));
      note ("%s: %" GST_TIME_FORMAT " playable before the fault", row->name,
            GST_TIME_ARGS (before));
      if (row->fault == CAMERA_VANISHES)
        fc_test_camera_vanish (cam);
      else if (row->fault == MICROPHONE_VANISHES)
        fc_test_microphone_vanish (own_mic);
      else
        {
          /* set now, not before: PipeWire's buffers are memfds that
           * RLIMIT_FSIZE also limits, and they are all made by now */
          GStatBuf st;

          g_assert_cmpint (
              g_stat (fc_test_lookup_s (ev.start, "tempVideoPath"), &st), ==,
              0);
          signal (SIGXFSZ, SIG_IGN);
          set_fsize_limit (st.st_size + 128 * 1024);
        }
    }

  if (row->code == NULL)
    {
      /* legitimate: the directory is made again (private) and the
       * recording is in it */
      const char *path;
      GStatBuf st;

      fc_test_wait_for (&ev, &ev.end, AGAIN_MS + 8000);
      path = fc_test_lookup_s (ev.end, "tempVideoPath");
      g_assert_true (g_str_has_prefix (path, dir));
      g_assert_cmpint (g_stat (dir, &st), ==, 0);
      g_assert_true (S_ISDIR (st.st_mode));
      g_assert_cmpuint (st.st_mode & 0777, ==, 0700);
      fc_test_discover (path, &info);
      note ("%s: recorded %" GST_TIME_FORMAT " in %s, made again", row->name,
            GST_TIME_ARGS (info.duration), dir);
      g_assert_cmpuint (info.duration, >=, AGAIN_MS * GST_MSECOND - FRAME_NS);
      g_assert_cmpuint (info.duration, <=, AGAIN_MS * GST_MSECOND + FRAME_NS);
      g_clear_pointer (&info.profile, g_free);
    }
  else
    {
      const char *msg;

      wait_error (&ev, RECORD_MS + 8000);
      msg = fc_test_lookup_s (ev.error, "errMsg");
      pattern = message_pattern (row->message, dir);
      note ("%s: %s (%s)", row->name, msg,
            fc_test_lookup_s (ev.error, "errCode"));
      g_assert_cmpstr (fc_test_lookup_s (ev.error, "errCode"), ==, row->code);
      if (!g_regex_match_simple (pattern, msg, 0, 0))
        g_error ("errMsg \"%s\" does not match \"%s\"", msg, row->message);
      g_assert_cmpuint (ev.n_error, ==, 1);
      g_assert_cmpuint (ev.n_end, ==, 0);
      g_assert_cmpint (fc_recorder_get_state (rec), ==,
                       FC_RECORDER_STATE_IDLE);
      if (row->partial)
        {
          partial = g_strdup (fc_test_lookup_s (ev.error, "tempVideoPath"));
          g_assert_nonnull (ev.start);
          g_assert_cmpstr (partial, ==,
                           fc_test_lookup_s (ev.start, "tempVideoPath"));
          fc_test_discover (partial, &info);
          played = fc_test_played_ns (partial);
          note ("%s: the partial file: %" GST_TIME_FORMAT " in its header, "
                "plays %" GST_TIME_FORMAT, row->name,
                GST_TIME_ARGS (info.duration), GST_TIME_ARGS (played));
          g_assert_cmpuint (info.duration, >, 0);
          g_assert_cmpuint (played, >, 0);
          g_assert_cmpuint (played, >=, before);
          g_assert_cmpuint (played, <, RECORD_MS * GST_MSECOND);
          g_clear_pointer (&info.profile, g_free);
        }
      else
        g_assert_false (
            g_variant_lookup (ev.error, "tempVideoPath", "&s", NULL));
    }

  /* ---- the fault mended; the same recorder records again ---- */
  switch (row->fault)
    {
    case MICROPHONE_VANISHES:
      mic2 = fc_test_microphone_new ();
      g_clear_pointer (&mic, g_free);
      mic = device (fc_test_microphone_get_node (mic2));
      fc_recorder_set_microphone (rec, mic);
      break;
    case DISK_FULL:
      /* the host makes room */
      mount_tmpfs (dir, "size=16m", MS_REMOUNT);
      break;
    case DIR_READ_ONLY:
      mount_tmpfs (dir, "size=16m", MS_REMOUNT);
      break;
    case FILE_SIZE_LIMIT:
      set_fsize_limit (RLIM_INFINITY);
      break;
    case DIR_IS_A_FILE:
      g_assert_cmpint (g_unlink (dir), ==, 0);
      break;
    case CAMERA_BUSY:
      gst_element_set_state (holder, GST_STATE_NULL);
      break;
    default:
      break;
    }
  /* A fresh camera node for every row: a provider node may stall once a
   * consumer has left (PipeWire 0.3.65, tests/common/fc-test-devices.h),
   * and the vanished or held one is gone. */
  cam2 = fc_test_camera_new (640, 480);
  g_clear_pointer (&camera, g_free);
  camera = device (fc_test_camera_get_node (cam2));
  fc_recorder_set_camera (rec, camera);
  fc_test_events_reset (&ev);
  fc_recorder_set_record_time (rec, AGAIN_MS);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.end, 15000);
  fc_test_discover (fc_test_lookup_s (ev.end, "tempVideoPath"), &info);
  g_assert_true (g_str_has_prefix (fc_test_lookup_s (ev.end, "tempVideoPath"),
                                   dir));
  g_assert_cmpuint (info.duration, >=, AGAIN_MS * GST_MSECOND - FRAME_NS);
  g_assert_cmpuint (info.duration, <=, AGAIN_MS * GST_MSECOND + FRAME_NS);
  g_assert_cmpuint (ev.n_error, ==, 0);
  note ("%s: again: %" GST_TIME_FORMAT, row->name,
        GST_TIME_ARGS (info.duration));
  g_clear_pointer (&info.profile, g_free);

  g_assert_finalize_object (rec);
  fc_test_events_clear (&ev);
  if (holder != NULL)
    gst_element_set_state (holder, GST_STATE_NULL);
  if (mounted)
    umount2 (dir, MNT_DETACH);
  fc_test_remove_tree (base);
}

static void
test_row (gconstpointer data)
{
  const Row *row = data;

  if (!needs_child (row))
    {
      run_row (row);
      return;
    }
  if (g_test_subprocess ())
    {
      run_row (row);
      return;
    }
  if (fc_test_microphone_node () == NULL)
    return;
  if (needs_mount (row) && !can_mount ())
    {
      g_test_skip ("cannot mount a tmpfs in a mount namespace of its own "
                   "(needs CAP_SYS_ADMIN)");
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* A child that mounts does so in a mount namespace of its own, made
   * while it has one thread: its mounts are seen by its own threads only
   * and vanish with it, whatever becomes of it. */
  if (g_test_subprocess () && unshare (CLONE_NEWNS) == 0)
    mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
  gst_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/Hostile/Devices/%s", rows[i].name);

      g_test_add_data_func (path, &rows[i], test_row);
    }
  return g_test_run ();
}
