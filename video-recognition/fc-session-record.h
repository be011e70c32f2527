/* A recording session from ready to recording (fc-session-record.c):
 * ready announced, a recording armed, the window's opening and the
 * file's start. Private to the library. */
#pragma once

#include "fc-session-state.h"

G_BEGIN_DECLS

/* Ready (and a pending record armed) when frames and samples flow and the
 * prompts' resources are in; nothing otherwise. */
void fc_session_maybe_ready (FcRecordSession *self);
/* The prompts' FcPromptsDone (DATA: the session): their resources are in,
 * or could not be loaded ("error", resource). */
void fc_session_prompts_done (const GError *error, gpointer data);
/* Arms a recording on the ready pipeline. FALSE when an error has been
 * emitted. */
gboolean fc_session_arm (FcRecordSession *self);
/* The window is open: the speaker's prompts and FcRecorder:start-time
 * from the first frame's capture (live only). */
void fc_session_start_player (FcRecordSession *self);
/* The first frame, taken from the window, encoded as the thumbnail in a
 * thread (once). */
void fc_session_start_thumbnail (FcRecordSession *self);
/* Emits "start" (once a recording). */
void fc_session_emit_start (FcRecordSession *self);

G_END_DECLS
