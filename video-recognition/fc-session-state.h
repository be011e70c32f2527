/* FcRecordSession's fields and the steps every part of the session takes
 * (fc-session-state.c): the state changed and reported to the owner, the
 * graph dumped, the offline sources held, the window closed for
 * finishing, the pipeline dropped. What the session's files share;
 * private to the library. The owner sees fc-recorder-session.h only. */
#pragma once

#include "fc-camera-choice.h"
#include "fc-camera-watch.h"
#include "fc-recorder-private.h"
#include "fc-recorder-settings.h"
#include "fc-recorder-window.h"
#include "fc-session-owner.h"

G_BEGIN_DECLS

/* The session's files log in one category, the session's:
 * "fc-recorder-session". */
GST_DEBUG_CATEGORY_EXTERN (fc_session_debug);

struct _FcRecordSession
{
  GObject *owner; /* whose signals the events are (not a reference) */
  const FcSessionEvents *events;
  FcRecorderSettings *settings; /* the owner's part-1 values */
  FcPrompts *prompts;           /* the owner's part-2 values */
  GstElement *preview_sink;

  FcRecorderState state;
  GMainContext *context;
  gboolean flowing; /* frames and samples flow; ready once prompts are in */
  GCancellable *starting; /* a start step under way (the warm-up awaited,
                             a camera portal request), cancelled by close */
  FcCameraChoice *choice; /* keeps the camera portal's connection */

  GstElement *pipeline, *vsrc, *asrc;
  GstClock *time_clock; /* the host's clock, or the system clock */
  GSource *bus_source, *watchdog;
  FcCameraWatch *camera_watch; /* the camera's device, for its removal */
  FcSource cam, mic;
  int width, height;
  char *video_path;
  gboolean pending_record, start_emitted, nudged;
  FcStamp prepare_at, finishing_at;
  gint64 record_us;
  guint64 dropped_at_arm, duplicated_at_arm; /* videorate's counters */
  GError *pending_error; /* reported once the partial file is finalised */
  gboolean run_offline;  /* this pipeline's mode (offline when it started) */
  gulong vhold, ahold;   /* offline: the sources' blocking probes */

  /* The recording window, shared with the streaming threads. */
  FcRecordWindow *window;
  FcPromptPlayer *player; /* prompt audio to the speaker, while recording */
  FcThumbnail *thumbnail; /* the first frame's, from the window's opening */
};

/* Registers the session's debug category (once for the process). */
void fc_session_init_debug (void);

/* Emits the owner's SIGNAL with DETAIL (floating or not; consumed). */
void fc_session_emit (FcRecordSession *self, FcSessionSignal signal,
                      GVariant *detail);
/* Emits "warning" with MESSAGE. */
void fc_session_warn (FcRecordSession *self, const char *message);
/* Emits "error" with ERROR; PATH, when given and holding something, is
 * the partial recording. */
void fc_session_emit_error (FcRecordSession *self, const GError *error,
                            const char *path);
/* Sets the state, telling the owner when it changed. */
void fc_session_set_state (FcRecordSession *self, FcRecorderState state);

/* Now, and the µs since THEN, on the host's clock and in real time
 * (fc_stamp_now(), fc_stamp_elapsed()). */
FcStamp fc_session_stamp_now (FcRecordSession *self);
gint64 fc_session_elapsed_us (FcRecordSession *self, FcStamp then);

/* With GST_DEBUG_DUMP_DOT_DIR set, the recording pipeline's graph as
 * TIMESTAMP-fc-recorder-WHEN.dot there (ready, record, error). */
void fc_session_dump_graph (FcRecordSession *self, const char *when);

/* Offline: holds the camera's (VIDEO) or the microphone's output (LET_ONE
 * lets one more buffer through), or lets it go (fc_pipeline_hold()). */
void fc_session_hold_source (FcRecordSession *self, gboolean video,
                             gboolean let_one);
void fc_session_release_source (FcRecordSession *self, gboolean video);

/* Closes the window at the last frame recorded and lets the file finish. */
void fc_session_finish_now (FcRecordSession *self);

/* Drops the pipeline. A file that never received anything is removed.
 * The state is left to the caller. */
void fc_session_drop_pipeline (FcRecordSession *self);
/* Drops the pipeline and goes back to idle. */
void fc_session_teardown (FcRecordSession *self);

G_END_DECLS
