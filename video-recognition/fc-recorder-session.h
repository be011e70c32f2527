/* FcRecordSession: one recording pipeline's life, from prepare to the
 * summary of the file (fc-recorder-session.c). The recorder object keeps
 * the values, signals and public API; the session does the work and
 * reports through FcSessionEvents. Private to the library. */
#pragma once

#include "fc-recorder-private.h"
#include "fc-recorder-settings.h"
#include "fc-session-owner.h"

G_BEGIN_DECLS

/* A session reporting to OWNER through EVENTS (both must outlive it), with
 * OWNER's SETTINGS and PROMPTS; signals come on the caller's
 * thread-default main context. */
FcRecordSession *fc_record_session_new (GObject *owner,
                                        const FcSessionEvents *events,
                                        FcRecorderSettings *settings,
                                        FcPrompts *prompts);
/* Closes (fc_record_session_close()) and lets go of the camera portal and
 * the preview sink (the owner's dispose). */
void fc_record_session_dispose (FcRecordSession *session);
void fc_record_session_free (FcRecordSession *session);

FcRecorderState fc_record_session_get_state (FcRecordSession *session);
/* The recorder's prepare, record, stop and close (fc-recorder.h). */
gboolean fc_record_session_prepare (FcRecordSession *session);
gboolean fc_record_session_record (FcRecordSession *session);
gboolean fc_record_session_stop (FcRecordSession *session);
void fc_record_session_close (FcRecordSession *session);
/* Where the preview goes (NULL: a fakesink), swapped into a running
 * pipeline (fc-recorder-preview.c). */
void fc_record_session_set_preview_sink (FcRecordSession *session,
                                         GstElement *sink);
/* Emits "warning" with MESSAGE. */
void fc_record_session_warn (FcRecordSession *session, const char *message);

G_END_DECLS
