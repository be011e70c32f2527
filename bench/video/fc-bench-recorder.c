/* fc-bench-recorder: the video recorder's figures (issue 6, Benchmark).
 *
 *   live     one recording of --seconds (30) at --resolution (high) from a
 *            live PipeWire camera, ended by record-time: dropped frames,
 *            average CPU of this process over the recording, peak memory
 *   latency  one repetition: prepare, wait for "ready", preview for a
 *            moment, record -> "start", record --stop-after ms, stop ->
 *            "end" (the run script repeats it, a fresh camera each time)
 *   cold     as latency, but record on an idle recorder (it prepares
 *            first); for information, without the frame figures
 *   summary  reads the JSON lines the runs printed (a file) and prints the
 *            figures against the targets: median and max of the latencies
 *
 * Frames. Dropped frames = camera frames the camera's 30 fps clock implies
 * over the recording (the span of the timestamps of the camera frames
 * received in the recording window, at 1/30 s) minus the distinct camera
 * frames in the file; so a frame lost before the recorder (in the
 * provider, PipeWire or pipewiresrc) and a frame the recorder's videorate
 * dropped both count. Pad probes: every buffer out of the camera source
 * (pipewiresrc, "vsrc") is counted with its timestamp, and the frame
 * converted from it tagged with its number at the tee ("vt");
 * videorate's output, on the recording branch, is checked against the tag
 * (a repeated frame carries the previous one's); every frame through the
 * recording gate (the sink pad of "vq", probed after the recorder's own
 * gate, so only frames the gate passes are seen) marks the window and
 * counts a repeat when it is one. Frames out of the encoder are counted
 * too.
 *
 * The recorder's end detail gives droppedFrames and duplicatedFrames, but
 * it reads videorate's counters after setting the pipeline to NULL, which
 * resets them (GStreamer 1.22): they are always 0. The bench also samples
 * those counters itself every 100 ms while recording (from just before
 * record to teardown, up to ~100 ms wider than the recording) as a
 * cross-check.
 *
 * CPU is getrusage (RUSAGE_SELF) user + system over wall time, from the
 * record call to the "end" signal (all the recorder's threads; the camera
 * provider is another process). Memory is VmHWM (peak RSS) of this process.
 * The machine's own load over the window is read from /proc/stat, and the
 * provider's CPU from /proc/PID/stat when --provider-pid is given.
 *
 * Each run prints one JSON line on stdout and a human line on stderr.
 *
 * Usage: fc-bench-recorder live|latency|cold --camera pipewire:NODE
 *            [--microphone pipewire:NODE|test] [--seconds 30]
 *            [--stop-after MS] [--settle MS] [--resolution high]
 *            [--provider-pid PID]
 *        fc-bench-recorder summary FILE [--command TEXT]
 */

#include "video-recognition/fc-recorder.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#define TARGET_DROPPED 0
#define TARGET_CPU_CORES 1.0
#define TARGET_PEAK_MB 200.0
#define TARGET_LATENCY_MS 300.0
#define FRAME_NS (GST_SECOND / 30)

static char *opt_camera = NULL;
static char *opt_microphone = NULL;
static char *opt_resolution = NULL;
static char *opt_command = NULL;
static int opt_seconds = 30;
static int opt_stop_after = 3000;
static int opt_settle = 1000;
static int opt_provider_pid = 0;

typedef struct
{
  FcRecorder *rec;
  gint64 ready_us, start_us, end_us, error_us;
  GVariant *ready, *start, *end, *error;

  /* Written by the probes (streaming threads), under lock. */
  GMutex lock;
  guint64 cam_frames;        /* buffers out of the camera source */
  GstClockTime cam_pts_last; /* timestamp of the latest of them */
  GstClockTime cam_pts_prev;
  GstClockTime max_cam_gap;  /* largest interval inside the window */
  guint64 cam_short, cam_long; /* intervals < 1/2 and > 3/2 frame in it */
  gboolean in_window;
  guint64 rec_frames;        /* frames through the recording gate */
  guint64 first_cam_count, last_cam_count;
  GstClockTime first_cam_pts, last_cam_pts;
  guint64 encoded_frames;    /* buffers out of the encoder */
  guint64 last_out_tag;       /* camera frame number of videorate's last
                               * output */
  gboolean out_is_dup;        /* videorate's current output repeats it */
  guint64 dup_in_window;      /* repeated frames through the gate */

  /* Sampled on the main context while recording: videorate's counters
   * every tick (100 ms), the rest once a second. */
  GstElement *vq, *vrate;
  guint64 vr_drop0, vr_dup0, vr_drop, vr_dup;
  gboolean sampling;
  gint64 sample_wall_us;
  double sample_cpu_s;
  double max_cpu_1s;
  guint64 max_vq_ns;
  long max_rss_kb;
} Bench;

static gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

static double
cpu_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec
         + ru.ru_stime.tv_usec / 1e6;
}

/* VmHWM or VmRSS of this process in kB (-1 when unreadable). */
static long
status_kb (const char *field)
{
  g_autofree char *text = NULL;
  const char *p;
  size_t len = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return -1;
  for (p = text; p != NULL && *p; p = strchr (p, '\n'), p = p ? p + 1 : NULL)
    if (strncmp (p, field, len) == 0 && p[len] == ':')
      return strtol (p + len + 1, NULL, 10);
  return -1;
}

/* Machine-wide busy and total jiffies from /proc/stat's cpu line. */
static gboolean
machine_jiffies (guint64 *busy, guint64 *total)
{
  g_autofree char *text = NULL;
  guint64 v[8] = { 0 };

  if (!g_file_get_contents ("/proc/stat", &text, NULL, NULL)
      || sscanf (text,
                 "cpu %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                 " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                 " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                 " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
                 &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7])
             < 8)
    return FALSE;
  *total = v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7];
  *busy = *total - v[3] - v[4];
  return TRUE;
}

/* user + system seconds of process PID (-1 when unreadable). */
static double
process_cpu_seconds (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *text = NULL;
  unsigned long utime = 0, stime = 0;
  const char *p;

  if (pid <= 0 || !g_file_get_contents (path, &text, NULL, NULL)
      || (p = strrchr (text, ')')) == NULL
      /* after "(comm)": state ppid pgrp session tty tpgid flags minflt
       * cminflt majflt cmajflt utime stime */
      || sscanf (p + 1,
                 " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
                 &utime, &stime)
             != 2)
    return -1;
  return (double)(utime + stime) / sysconf (_SC_CLK_TCK);
}

static char *
json_escape (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; s != NULL && *s; s++)
    {
      if (*s == '"' || *s == '\\')
        g_string_append_c (out, '\\');
      if ((unsigned char)*s < 0x20)
        g_string_append_printf (out, "\\u%04x", *s);
      else
        g_string_append_c (out, *s);
    }
  return g_string_free (out, FALSE);
}

/* Events ------------------------------------------------------------------ */

static void
keep (GVariant **slot, gint64 *when, GVariant *detail)
{
  *when = now_us ();
  g_clear_pointer (slot, g_variant_unref);
  *slot = g_variant_ref (detail);
}

static void
on_ready (FcRecorder *rec, GVariant *detail, Bench *b)
{
  keep (&b->ready, &b->ready_us, detail);
}

static void
on_start (FcRecorder *rec, GVariant *detail, Bench *b)
{
  keep (&b->start, &b->start_us, detail);
}

static void
on_end (FcRecorder *rec, GVariant *detail, Bench *b)
{
  keep (&b->end, &b->end_us, detail);
}

static void
on_error (FcRecorder *rec, GVariant *detail, Bench *b)
{
  keep (&b->error, &b->error_us, detail);
}

static void
on_warning (FcRecorder *rec, GVariant *detail, Bench *b)
{
  g_autofree char *text = g_variant_print (detail, FALSE);

  fprintf (stderr, "fc-bench-recorder: warning %s\n", text);
}

static gint64
lookup_x (GVariant *detail, const char *key)
{
  gint64 value = -1;

  if (detail != NULL)
    g_variant_lookup (detail, key, "x", &value);
  return value;
}

static const char *
lookup_s (GVariant *detail, const char *key)
{
  const char *value = NULL;

  if (detail != NULL)
    g_variant_lookup (detail, key, "&s", &value);
  return value ? value : "";
}

/* Once a second while recording: CPU of the last second, queue level in
 * front of the encoder, RSS. Also keeps the blocking main-context
 * iterations waking up. */
static gboolean
tick (gpointer data)
{
  Bench *b = data;
  gint64 t = now_us ();
  double cpu;
  guint64 level = 0;
  long rss;

  /* The counters only grow while the pipeline plays; the recorder's
   * teardown (before "end") resets them to 0, hence the maximum. */
  if (b->sampling && b->vrate != NULL)
    {
      guint64 drop = 0, dup = 0;

      g_object_get (b->vrate, "drop", &drop, "duplicate", &dup, NULL);
      b->vr_drop = MAX (b->vr_drop, drop);
      b->vr_dup = MAX (b->vr_dup, dup);
    }
  if (!b->sampling || t - b->sample_wall_us < G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;
  cpu = cpu_seconds ();
  b->max_cpu_1s = MAX (b->max_cpu_1s, (cpu - b->sample_cpu_s) * 1e6
                                          / (double)(t - b->sample_wall_us));
  b->sample_cpu_s = cpu;
  b->sample_wall_us = t;
  if (b->vq != NULL)
    {
      g_object_get (b->vq, "current-level-time", &level, NULL);
      b->max_vq_ns = MAX (b->max_vq_ns, level);
    }
  rss = status_kb ("VmRSS");
  b->max_rss_kb = MAX (b->max_rss_kb, rss);
  return G_SOURCE_CONTINUE;
}

/* Runs the main context until *SLOT is set or an error arrives; FALSE on
 * an error or after TIMEOUT_MS. */
static gboolean
wait_for (Bench *b, GVariant **slot, guint timeout_ms)
{
  gint64 deadline = now_us () + (gint64)timeout_ms * 1000;

  while (*slot == NULL && b->error == NULL)
    {
      if (now_us () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  return *slot != NULL;
}

static void
run_for (guint ms)
{
  gint64 deadline = now_us () + (gint64)ms * 1000;

  while (now_us () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

/* Probes ------------------------------------------------------------------ */

static GQuark frame_quark;

/* Tags each converted camera frame's memory with the camera frame's
 * number (qdata on the GstMemory, which videorate's outputs share), so a
 * repeated frame is recognised downstream. The converters in front of the
 * tee make one frame of each camera frame, in the camera's streaming
 * thread, so the number is the one camera_probe() counted last. A memory
 * reused for a later frame is tagged anew here. */
static GstPadProbeReturn
tee_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  Bench *b = data;
  GstBuffer *buf = GST_PAD_PROBE_INFO_BUFFER (info);

  g_mutex_lock (&b->lock);
  if (gst_buffer_n_memory (buf) > 0)
    gst_mini_object_set_qdata (
        GST_MINI_OBJECT (gst_buffer_peek_memory (buf, 0)), frame_quark,
        GSIZE_TO_POINTER ((gsize)b->cam_frames), NULL);
  g_mutex_unlock (&b->lock);
  return GST_PAD_PROBE_OK;
}

/* Counts the camera's frames and the gaps between them. */
static GstPadProbeReturn
camera_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  Bench *b = data;
  GstBuffer *buf = GST_PAD_PROBE_INFO_BUFFER (info);
  GstClockTime pts = GST_BUFFER_PTS (buf);

  g_mutex_lock (&b->lock);
  b->cam_frames++;
  b->cam_pts_prev = b->cam_pts_last;
  b->cam_pts_last = pts;
  if (b->in_window && GST_CLOCK_TIME_IS_VALID (pts)
      && GST_CLOCK_TIME_IS_VALID (b->cam_pts_prev) && pts > b->cam_pts_prev)
    {
      GstClockTime gap = pts - b->cam_pts_prev;

      b->max_cam_gap = MAX (b->max_cam_gap, gap);
      b->cam_short += gap < FRAME_NS / 2;
      b->cam_long += gap > FRAME_NS * 3 / 2;
    }
  g_mutex_unlock (&b->lock);
  return GST_PAD_PROBE_OK;
}

/* Added after the recorder's gate on the same pad: GStreamer calls no
 * further probes for a buffer a probe dropped, so this sees recorded
 * frames only. Same streaming thread as the camera source. */
static GstPadProbeReturn
gate_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  Bench *b = data;

  g_mutex_lock (&b->lock);
  if (b->rec_frames == 0)
    {
      b->first_cam_count = b->cam_frames;
      b->first_cam_pts = b->cam_pts_last;
      b->in_window = TRUE;
    }
  b->rec_frames++;
  if (b->out_is_dup)
    b->dup_in_window++;
  b->last_cam_count = b->cam_frames;
  b->last_cam_pts = b->cam_pts_last;
  g_mutex_unlock (&b->lock);
  return GST_PAD_PROBE_OK;
}

/* videorate's output. A repeated frame is the previous output again (a
 * copy sharing its memory, so the same camera frame number). (Comparing
 * memory pointers is not enough: after a drop, a freed frame's memory is
 * often reused for the next.) Same streaming thread as the gate, which
 * this frame reaches before the next one comes here. */
static GstPadProbeReturn
rate_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  Bench *b = data;
  GstBuffer *buf = GST_PAD_PROBE_INFO_BUFFER (info);
  guint64 tag = 0;

  if (gst_buffer_n_memory (buf) > 0)
    tag = GPOINTER_TO_SIZE (gst_mini_object_get_qdata (
        GST_MINI_OBJECT (gst_buffer_peek_memory (buf, 0)), frame_quark));
  g_mutex_lock (&b->lock);
  b->out_is_dup = tag != 0 && tag == b->last_out_tag;
  b->last_out_tag = tag;
  g_mutex_unlock (&b->lock);
  return GST_PAD_PROBE_OK;
}

static GstPadProbeReturn
encoder_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  Bench *b = data;

  g_mutex_lock (&b->lock);
  b->encoded_frames++;
  g_mutex_unlock (&b->lock);
  return GST_PAD_PROBE_OK;
}

/* The recorder keeps its pipeline to itself; the preview sink it was given
 * is in it, which leads to the rest. */
static gboolean
add_probes (Bench *b, GstElement *preview)
{
  g_autoptr (GstObject) pipeline = gst_object_get_parent (GST_OBJECT (preview));
  g_autoptr (GstElement) vsrc = NULL, tee = NULL;
  g_autoptr (GstPad) vsrc_pad = NULL, vq_sink = NULL, vq_src = NULL;
  g_autoptr (GstPad) tee_sink = NULL;
  g_autoptr (GstPad) rate_src = NULL;
  g_autoptr (GstPad) enc_sink = NULL, enc_src = NULL;
  g_autoptr (GstElement) enc = NULL;

  if (pipeline == NULL || !GST_IS_BIN (pipeline))
    return FALSE;
  vsrc = gst_bin_get_by_name (GST_BIN (pipeline), "vsrc");
  b->vq = gst_bin_get_by_name (GST_BIN (pipeline), "vq");
  b->vrate = gst_bin_get_by_name (GST_BIN (pipeline), "vrate");
  tee = gst_bin_get_by_name (GST_BIN (pipeline), "vt");
  if (vsrc == NULL || tee == NULL || b->vq == NULL || b->vrate == NULL)
    return FALSE;
  vsrc_pad = gst_element_get_static_pad (vsrc, "src");
  tee_sink = gst_element_get_static_pad (tee, "sink");
  rate_src = gst_element_get_static_pad (b->vrate, "src");
  vq_sink = gst_element_get_static_pad (b->vq, "sink");
  vq_src = gst_element_get_static_pad (b->vq, "src");
  enc_sink = gst_pad_get_peer (vq_src);
  enc = enc_sink ? gst_pad_get_parent_element (enc_sink) : NULL;
  enc_src = enc ? gst_element_get_static_pad (enc, "src") : NULL;
  if (vsrc_pad == NULL || tee_sink == NULL || rate_src == NULL
      || vq_sink == NULL || enc_src == NULL)
    return FALSE;
  gst_pad_add_probe (tee_sink, GST_PAD_PROBE_TYPE_BUFFER, tee_probe, b, NULL);
  gst_pad_add_probe (rate_src, GST_PAD_PROBE_TYPE_BUFFER, rate_probe, b,
                     NULL);
  gst_pad_add_probe (vsrc_pad, GST_PAD_PROBE_TYPE_BUFFER, camera_probe, b,
                     NULL);
  gst_pad_add_probe (vq_sink, GST_PAD_PROBE_TYPE_BUFFER, gate_probe, b, NULL);
  gst_pad_add_probe (enc_src, GST_PAD_PROBE_TYPE_BUFFER, encoder_probe, b,
                     NULL);
  return TRUE;
}

/* Runs --------------------------------------------------------------------- */

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Milliseconds to SHA-256 FILE here (what the recorder does before "end"
 * too), -1 on failure. */
static double
hash_ms (const char *file)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gint64 t0 = now_us ();
  guchar buf[65536];
  size_t n;
  FILE *f = fopen (file, "rb");

  if (f == NULL)
    return -1;
  while ((n = fread (buf, 1, sizeof buf, f)) > 0)
    g_checksum_update (sum, buf, n);
  fclose (f);
  return (now_us () - t0) / 1000.0;
}

static void
fail_run (Bench *b, const char *mode, const char *command, const char *what)
{
  g_autofree char *err = b->error ? g_variant_print (b->error, FALSE)
                                  : g_strdup ("");
  g_autofree char *e_cmd = json_escape (command);
  g_autofree char *e_what = json_escape (what);
  g_autofree char *e_err = json_escape (err);

  printf ("{\"bench\":\"recorder\",\"mode\":\"%s\",\"command\":\"%s\","
          "\"failed\":\"%s\",\"error\":\"%s\"}\n",
          mode, e_cmd, e_what, e_err);
  fprintf (stderr, "fc-bench-recorder %s: FAILED: %s %s\n", mode, what, err);
}

static int
run (const char *mode, const char *command)
{
  gboolean live = g_str_equal (mode, "live");
  gboolean cold = g_str_equal (mode, "cold");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fc-bench-recorder-XXXXXX", &error);
  g_autofree char *e_cmd = json_escape (command);
  GstElement *preview;
  Bench b;
  guint ticker;
  gint64 record_us, stop_us = 0, t_prepare;
  double cpu0, cpu1, prov0 = -1, prov1 = -1;
  double preview_cpu0, preview_cpu1;
  gint64 preview_us;
  guint64 busy0 = 0, total0 = 0, busy1 = 0, total1 = 0;
  gboolean have_stat;
  double wall_s, cores, machine_cores = -1, provider_cores = -1;
  long hwm_kb, rss_ready_kb;
  int rc = 0;

  if (dir == NULL)
    {
      fprintf (stderr, "fc-bench-recorder: %s\n", error->message);
      return 1;
    }
  memset (&b, 0, sizeof b);
  g_mutex_init (&b.lock);
  b.cam_pts_last = b.cam_pts_prev = GST_CLOCK_TIME_NONE;

  preview = gst_element_factory_make ("fakesink", "bench-preview");
  g_object_set (preview, "sync", FALSE, "async", FALSE, NULL);
  b.rec = g_object_new (FC_TYPE_RECORDER, "camera", opt_camera, "microphone",
                        opt_microphone, "resolution", opt_resolution,
                        "record-time",
                        live ? (guint)opt_seconds * 1000 : 600000u,
                        "temp-dir", dir, "preview-sink", preview, NULL);
  g_signal_connect (b.rec, "ready", G_CALLBACK (on_ready), &b);
  g_signal_connect (b.rec, "start", G_CALLBACK (on_start), &b);
  g_signal_connect (b.rec, "end", G_CALLBACK (on_end), &b);
  g_signal_connect (b.rec, "error", G_CALLBACK (on_error), &b);
  g_signal_connect (b.rec, "warning", G_CALLBACK (on_warning), &b);
  ticker = g_timeout_add (100, tick, &b);

  t_prepare = now_us ();
  if (cold)
    {
      /* record on an idle recorder: it prepares first. The probes would
       * come too late for the frame figures, so there are none. */
      rss_ready_kb = -1;
      preview_cpu0 = preview_cpu1 = cpu_seconds ();
      preview_us = 0;
    }
  else
    {
      if (!fc_recorder_prepare (b.rec) || !wait_for (&b, &b.ready, 10000))
        {
          fail_run (&b, mode, command, "no ready within 10 s");
          rc = 1;
          goto out;
        }
      if (!add_probes (&b, preview))
        {
          fail_run (&b, mode, command, "pipeline elements not found");
          rc = 1;
          goto out;
        }
      /* A moment of preview, as the user sees before pressing record. */
      preview_cpu0 = cpu_seconds ();
      preview_us = now_us ();
      run_for (opt_settle);
      preview_cpu1 = cpu_seconds ();
      preview_us = now_us () - preview_us;
      rss_ready_kb = status_kb ("VmRSS");
    }

  have_stat = machine_jiffies (&busy0, &total0);
  prov0 = process_cpu_seconds (opt_provider_pid);
  cpu0 = b.sample_cpu_s = cpu_seconds ();
  record_us = b.sample_wall_us = now_us ();
  if (b.vrate != NULL)
    g_object_get (b.vrate, "drop", &b.vr_drop0, "duplicate", &b.vr_dup0, NULL);
  b.vr_drop = b.vr_drop0;
  b.vr_dup = b.vr_dup0;
  b.sampling = TRUE;
  fc_recorder_record (b.rec);
  if (!wait_for (&b, &b.start, 10000))
    {
      fail_run (&b, mode, command, "no start within 10 s");
      rc = 1;
      goto out;
    }
  if (live)
    {
      if (!wait_for (&b, &b.end, (guint)opt_seconds * 1000 + 30000))
        {
          fail_run (&b, mode, command, "no end");
          rc = 1;
          goto out;
        }
    }
  else
    {
      run_for (opt_stop_after);
      stop_us = now_us ();
      fc_recorder_stop (b.rec);
      if (!wait_for (&b, &b.end, 30000))
        {
          fail_run (&b, mode, command, "no end within 30 s of stop");
          rc = 1;
          goto out;
        }
    }
  cpu1 = cpu_seconds ();
  b.sampling = FALSE;
  prov1 = process_cpu_seconds (opt_provider_pid);
  have_stat = have_stat && machine_jiffies (&busy1, &total1);
  hwm_kb = status_kb ("VmHWM");
  wall_s = (b.end_us - record_us) / 1e6;
  cores = (cpu1 - cpu0) / wall_s;
  if (have_stat && total1 > total0)
    machine_cores = (double)(busy1 - busy0) / (total1 - total0)
                    * sysconf (_SC_NPROCESSORS_ONLN);
  if (prov0 >= 0 && prov1 >= 0)
    provider_cores = (prov1 - prov0) / wall_s;

  {
    gint64 duration = lookup_x (b.end, "duration");
    gint64 end_drop = lookup_x (b.end, "droppedFrames");
    gint64 end_dup = lookup_x (b.end, "duplicatedFrames");
    gint64 vr_drop = (gint64)(b.vr_drop - MIN (b.vr_drop, b.vr_drop0));
    gint64 vr_dup = (gint64)(b.vr_dup - MIN (b.vr_dup, b.vr_dup0));
    guint64 cam_in_window, cam_expected, cam_missing, file_expected;
    guint64 dup_in_file, unique_in_file, cam_short, cam_long;
    double gap_ms, span_ms;
    double rs_ms = (b.start_us - record_us) / 1000.0;
    double se_ms = live ? -1 : (b.end_us - stop_us) / 1000.0;
    double sha_ms = hash_ms (lookup_s (b.end, "tempVideoPath"));
    gint64 dropped;

    g_mutex_lock (&b.lock);
    cam_in_window = b.rec_frames ? b.last_cam_count - b.first_cam_count + 1
                                 : 0;
    span_ms = b.rec_frames ? (b.last_cam_pts - b.first_cam_pts) / 1e6 : 0;
    cam_expected = b.rec_frames ? (guint64)((b.last_cam_pts - b.first_cam_pts
                                             + FRAME_NS / 2)
                                            / FRAME_NS)
                                      + 1
                                : 0;
    gap_ms = b.max_cam_gap / 1e6;
    cam_short = b.cam_short;
    cam_long = b.cam_long;
    dup_in_file = b.dup_in_window;
    unique_in_file = b.rec_frames - MIN (b.rec_frames, b.dup_in_window);
    g_mutex_unlock (&b.lock);
    cam_missing = cam_expected > cam_in_window ? cam_expected - cam_in_window
                                               : 0;
    file_expected = duration > 0 ? (guint64)((duration * 30 + 500) / 1000) : 0;
    /* Camera frames that did not reach the file: those the camera's clock
     * implies over the recording minus the distinct frames in it (lost
     * before the recorder, or dropped by its videorate). */
    dropped = cold ? MAX (vr_drop, end_drop)
                   : (gint64)cam_expected - (gint64)unique_in_file;

    printf (
        "{\"bench\":\"recorder\",\"mode\":\"%s\",\"command\":\"%s\","
        "\"resolution\":\"%s\",\"camera\":\"%s\",\"microphone\":\"%s\","
        "\"prepare_to_ready_ms\":%.1f,"
        "\"record_to_start_ms\":%.1f,\"stop_to_end_ms\":%.1f,"
        "\"record_to_end_ms\":%.1f,\"duration_ms\":%" G_GINT64_FORMAT ","
        "\"size_bytes\":%" G_GINT64_FORMAT ",\"sha256_here_ms\":%.1f,"
        "\"dropped_frames\":%" G_GINT64_FORMAT ","
        "\"videorate_dropped\":%" G_GINT64_FORMAT ","
        "\"videorate_duplicated\":%" G_GINT64_FORMAT ","
        "\"end_dropped_frames\":%" G_GINT64_FORMAT ","
        "\"end_duplicated_frames\":%" G_GINT64_FORMAT ","
        "\"camera_frames_in_window\":%" G_GUINT64_FORMAT ","
        "\"camera_frames_expected\":%" G_GUINT64_FORMAT ","
        "\"camera_frames_missing\":%" G_GUINT64_FORMAT ","
        "\"camera_span_ms\":%.1f,\"camera_max_gap_ms\":%.1f,"
        "\"camera_intervals_under_17ms\":%" G_GUINT64_FORMAT ","
        "\"camera_intervals_over_50ms\":%" G_GUINT64_FORMAT ","
        "\"frames_through_gate\":%" G_GUINT64_FORMAT ","
        "\"repeated_frames_in_file\":%" G_GUINT64_FORMAT ","
        "\"distinct_frames_in_file\":%" G_GUINT64_FORMAT ","
        "\"frames_encoded\":%" G_GUINT64_FORMAT ","
        "\"frames_expected_in_file\":%" G_GUINT64_FORMAT ","
        "\"preview_cpu_cores\":%.3f,\"cpu_cores_avg\":%.3f,"
        "\"cpu_cores_max_1s\":%.3f,\"cpu_s\":%.2f,"
        "\"wall_s\":%.2f,\"peak_rss_mb\":%.1f,\"rss_ready_mb\":%.1f,"
        "\"max_rss_sampled_mb\":%.1f,\"encoder_queue_max_ms\":%.0f,"
        "\"machine_busy_cores\":%.2f,\"provider_cores\":%.2f,"
        "\"settle_ms\":%d,\"stop_after_ms\":%d,\"cpus\":%ld}\n",
        mode, e_cmd, opt_resolution, opt_camera, opt_microphone,
        b.ready ? (b.ready_us - t_prepare) / 1000.0 : -1, rs_ms, se_ms,
        (b.end_us - record_us) / 1000.0, duration,
        lookup_x (b.end, "size"), sha_ms, dropped, vr_drop, vr_dup, end_drop,
        end_dup,
        cam_in_window, cam_expected, cam_missing, span_ms, gap_ms, cam_short,
        cam_long,
        b.rec_frames, dup_in_file, unique_in_file, b.encoded_frames,
        file_expected,
        preview_us > 0 ? (preview_cpu1 - preview_cpu0) * 1e6 / preview_us : -1,
        cores, b.max_cpu_1s,
        cpu1 - cpu0, wall_s, hwm_kb / 1024.0, rss_ready_kb / 1024.0,
        b.max_rss_kb / 1024.0, b.max_vq_ns / 1e6, machine_cores,
        provider_cores, opt_settle, live ? -1 : opt_stop_after,
        sysconf (_SC_NPROCESSORS_ONLN));
    if (live)
      fprintf (stderr,
               "fc-bench-recorder live: %" G_GINT64_FORMAT " ms at %s; "
               "dropped %" G_GINT64_FORMAT " (camera frames missing %"
               G_GUINT64_FORMAT ", repeated in the file %" G_GUINT64_FORMAT
               "; videorate counters: dropped %" G_GINT64_FORMAT
               ", duplicated %" G_GINT64_FORMAT "); CPU %.2f cores; "
               "peak RSS %.1f MB\n",
               duration, opt_resolution, dropped, cam_missing, dup_in_file,
               vr_drop, vr_dup, cores, hwm_kb / 1024.0);
    else
      fprintf (stderr,
               "fc-bench-recorder %s: record -> start %.1f ms, "
               "stop -> end %.1f ms (%" G_GINT64_FORMAT " ms recorded)\n",
               mode, rs_ms, se_ms, duration);
  }

out:
  g_source_remove (ticker);
  fc_recorder_close (b.rec);
  g_clear_object (&b.vq);
  g_clear_object (&b.vrate);
  g_object_unref (b.rec);
  g_clear_pointer (&b.ready, g_variant_unref);
  g_clear_pointer (&b.start, g_variant_unref);
  g_clear_pointer (&b.end, g_variant_unref);
  g_clear_pointer (&b.error, g_variant_unref);
  g_mutex_clear (&b.lock);
  remove_dir (dir);
  fflush (stdout);
  return rc;
}

/* Summary --------------------------------------------------------------- */

/* The number after "KEY": in LINE, or NAN-like -1e300 when absent. */
static double
json_num (const char *line, const char *key)
{
  g_autofree char *pat = g_strdup_printf ("\"%s\":", key);
  const char *p = strstr (line, pat);

  return p ? g_ascii_strtod (p + strlen (pat), NULL) : -1e300;
}

static char *
json_str (const char *line, const char *key)
{
  g_autofree char *pat = g_strdup_printf ("\"%s\":\"", key);
  const char *p = strstr (line, pat);
  GString *out;

  if (p == NULL)
    return g_strdup ("");
  out = g_string_new (NULL);
  for (p += strlen (pat); *p && *p != '"'; p++)
    {
      if (*p == '\\' && p[1])
        p++;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *v, guint n)
{
  qsort (v, n, sizeof *v, cmp_double);
  return n == 0 ? -1 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static const char *
verdict (gboolean ok, gboolean *all)
{
  *all &= ok;
  return ok ? "ok" : "MISSED";
}

static int
summary (const char *file)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) rs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) se = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GString) latency_cmds = g_string_new (NULL);
  const char *live = NULL;
  g_autoptr (GPtrArray) colds = g_ptr_array_new ();
  double settle = -1, stop_after = -1;
  gboolean all = TRUE;
  guint failed = 0;
  double load[3] = { -1, -1, -1 };

  if (!g_file_get_contents (file, &text, NULL, &error))
    {
      fprintf (stderr, "fc-bench-recorder: %s\n", error->message);
      return 2;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i];

      if (!strstr (l, "\"bench\":\"recorder\""))
        continue;
      if (strstr (l, "\"failed\":"))
        {
          failed++;
          continue;
        }
      if (strstr (l, "\"mode\":\"live\""))
        live = l;
      else if (strstr (l, "\"mode\":\"cold\""))
        g_ptr_array_add (colds, (gpointer)l);
      else if (strstr (l, "\"mode\":\"latency\""))
        {
          double a = json_num (l, "record_to_start_ms");
          double c = json_num (l, "stop_to_end_ms");
          g_autofree char *cmd = json_str (l, "command");

          settle = json_num (l, "settle_ms");
          stop_after = json_num (l, "stop_after_ms");
          g_array_append_val (rs, a);
          g_array_append_val (se, c);
          g_string_append_printf (latency_cmds, "      %s\n", cmd);
        }
    }
  getloadavg (load, 3);
  printf ("\nfc-bench-recorder summary (issue 6 benchmark)\n");
  if (opt_command)
    printf ("  command: %s\n", opt_command);
  printf ("  machine: %ld CPUs online, load average now %.2f %.2f %.2f "
          "(shared; other work may run concurrently), GStreamer %s\n",
          sysconf (_SC_NPROCESSORS_ONLN), load[0], load[1], load[2],
          gst_version_string () + strlen ("GStreamer "));
  if (live != NULL)
    {
      g_autofree char *cmd = json_str (live, "command");
      g_autofree char *res = json_str (live, "resolution");
      double dropped = json_num (live, "dropped_frames");
      double cores = json_num (live, "cpu_cores_avg");
      double peak = json_num (live, "peak_rss_mb");

      g_autofree char *cam = json_str (live, "camera");

      printf ("  live: %.0f ms recorded at %s from %s (bench/video/run "
              "makes it a 1920x1080 YUY2 30 fps provider in a separate "
              "process)\n      %s\n",
              json_num (live, "duration_ms"), res, cam, cmd);
      printf ("    dropped frames %.0f   target 0: %s\n"
              "      (camera frames its 30 fps clock implies over the "
              "recording %.0f, distinct frames in the file %.0f)\n"
              "      camera frames received %.0f (missing before the "
              "recorder %.0f; largest interval %.1f ms;\n"
              "      intervals < 17 ms: %.0f, > 50 ms: %.0f, as arrival "
              "times; the recorder restamps\n"
              "      them on the camera's cadence before videorate);\n"
              "      repeated frames in the file %.0f; the recorder's "
              "videorate counters: dropped %.0f, duplicated %.0f\n"
              "      (sampled here; the end detail says %.0f and %.0f);\n"
              "      frames through the recording gate %.0f, encoded %.0f, "
              "expected in the file %.0f\n",
              dropped, verdict (dropped <= TARGET_DROPPED, &all),
              json_num (live, "camera_frames_expected"),
              json_num (live, "distinct_frames_in_file"),
              json_num (live, "camera_frames_in_window"),
              json_num (live, "camera_frames_missing"),
              json_num (live, "camera_max_gap_ms"),
              json_num (live, "camera_intervals_under_17ms"),
              json_num (live, "camera_intervals_over_50ms"),
              json_num (live, "repeated_frames_in_file"),
              json_num (live, "videorate_dropped"),
              json_num (live, "videorate_duplicated"),
              json_num (live, "end_dropped_frames"),
              json_num (live, "end_duplicated_frames"),
              json_num (live, "frames_through_gate"),
              json_num (live, "frames_encoded"),
              json_num (live, "frames_expected_in_file"));
      printf ("    average CPU %.2f cores (%.1f s CPU over %.1f s, record to "
              "end)   target <= 1 core: %s\n"
              "      busiest second %.2f cores; encoder queue at most %.0f ms; "
              "camera provider %.2f cores; whole machine busy %.2f of %.0f "
              "cores\n",
              cores, json_num (live, "cpu_s"), json_num (live, "wall_s"),
              verdict (cores <= TARGET_CPU_CORES, &all),
              json_num (live, "cpu_cores_max_1s"),
              json_num (live, "encoder_queue_max_ms"),
              json_num (live, "provider_cores"),
              json_num (live, "machine_busy_cores"), json_num (live, "cpus"));
      printf ("    peak memory %.1f MB (VmHWM)   target <= 200 MB: %s\n"
              "      RSS when ready %.1f MB; file %.1f MB; record -> start "
              "%.0f ms; record -> end %.0f ms\n",
              peak, verdict (peak <= TARGET_PEAK_MB, &all),
              json_num (live, "rss_ready_mb"),
              json_num (live, "size_bytes") / 1e6,
              json_num (live, "record_to_start_ms"),
              json_num (live, "record_to_end_ms"));
    }
  else
    {
      printf ("  live: no result\n");
      all = FALSE;
    }
  if (rs->len > 0)
    {
      double rs_max, se_max, rs_med, se_med;

      rs_med = median ((double *)rs->data, rs->len);
      rs_max = g_array_index (rs, double, rs->len - 1);
      se_med = median ((double *)se->data, se->len);
      se_max = g_array_index (se, double, se->len - 1);
      printf ("  latency at high, %u runs (each: fresh camera, prepare, "
              "ready, %.0f ms preview, record, stop %.0f ms after start):\n%s",
              rs->len, settle, stop_after, latency_cmds->str);
      printf ("    record -> onRecordStart median %.0f ms, max %.0f ms   "
              "target <= 300 ms: %s\n",
              rs_med, rs_max, verdict (rs_max <= TARGET_LATENCY_MS, &all));
      printf ("    stop -> onRecordEnd    median %.0f ms, max %.0f ms   "
              "target <= 300 ms: %s\n",
              se_med, se_max, verdict (se_max <= TARGET_LATENCY_MS, &all));
    }
  else
    {
      printf ("  latency: no result\n");
      all = FALSE;
    }
  for (guint i = 0; i < colds->len; i++)
    {
      const char *l = colds->pdata[i];
      g_autofree char *cmd = json_str (l, "command");

      printf ("  for information, record on an idle recorder (it prepares "
              "first; not the target's case):\n      %s\n"
              "    record -> onRecordStart %.0f ms, stop -> onRecordEnd "
              "%.0f ms\n",
              cmd, json_num (l, "record_to_start_ms"),
              json_num (l, "stop_to_end_ms"));
    }
  if (failed > 0)
    {
      printf ("  %u run(s) FAILED (see their JSON lines)\n", failed);
      all = FALSE;
    }
  printf ("  all figures within target: %s\n", all ? "yes" : "NO");
  return 0;
}

int
main (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "camera", 0, 0, G_OPTION_ARG_STRING, &opt_camera,
      "Camera (pipewire:NODE, test, auto)", "CAMERA" },
    { "microphone", 0, 0, G_OPTION_ARG_STRING, &opt_microphone,
      "Microphone (pipewire:NODE, test; default pipewire:$FC_TEST_MIC_NODE)",
      "MIC" },
    { "resolution", 0, 0, G_OPTION_ARG_STRING, &opt_resolution,
      "low, medium or high (high)", "RES" },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &opt_seconds,
      "live: seconds recorded (30)", "S" },
    { "stop-after", 0, 0, G_OPTION_ARG_INT, &opt_stop_after,
      "latency: ms recorded before stop (3000)", "MS" },
    { "settle", 0, 0, G_OPTION_ARG_INT, &opt_settle,
      "ms of preview between ready and record (1000)", "MS" },
    { "provider-pid", 0, 0, G_OPTION_ARG_INT, &opt_provider_pid,
      "pid of the camera provider process, for its CPU", "PID" },
    { "command", 0, 0, G_OPTION_ARG_STRING, &opt_command,
      "summary: the command line to print", "TEXT" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (
      "live|latency|cold | summary FILE - the video recorder's benchmark");
  g_autoptr (GError) error = NULL;
  g_autofree char *command = g_strjoinv (" ", argv);
  const char *mic_node = g_getenv ("FC_TEST_MIC_NODE");
  int rc;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  gst_init (NULL, NULL);
  frame_quark = g_quark_from_static_string ("fc-bench-camera-frame");
  if (argc == 3 && g_str_equal (argv[1], "summary"))
    return summary (argv[2]);
  if (argc != 2
      || (!g_str_equal (argv[1], "live") && !g_str_equal (argv[1], "latency")
          && !g_str_equal (argv[1], "cold")))
    {
      fprintf (stderr, "usage: fc-bench-recorder live|latency|cold --camera "
                       "CAMERA [options] | summary FILE\n");
      return 2;
    }
  if (opt_camera == NULL || opt_seconds < 1 || opt_stop_after < 0
      || opt_settle < 0)
    {
      fprintf (stderr, "--camera is required; times must be positive\n");
      return 2;
    }
  if (opt_resolution == NULL)
    opt_resolution = g_strdup ("high");
  if (opt_microphone == NULL)
    opt_microphone = mic_node && *mic_node
                         ? g_strdup_printf ("pipewire:%s", mic_node)
                         : g_strdup ("test");
  rc = run (argv[1], command);
  return rc;
}
