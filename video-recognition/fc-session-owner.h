/* What a recording session (FcRecordSession, fc-recorder-session.h)
 * reports to its owner, the recorder object: the owner's signals and the
 * callbacks it gives. Shared by the owner and the session's parts; private
 * to the library. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The owner's signals, in FcRecorder's order. */
typedef enum
{
  FC_SESSION_READY,
  FC_SESSION_START,
  FC_SESSION_END,
  FC_SESSION_ERROR,
  FC_SESSION_WARNING,
} FcSessionSignal;

typedef struct
{
  /* Emits OWNER's SIGNAL with DETAIL (floating or not; consumed). */
  void (*emit) (GObject *owner, FcSessionSignal signal, GVariant *detail);
  /* fc_record_session_get_state() changed. */
  void (*state_changed) (GObject *owner);
} FcSessionEvents;

typedef struct _FcRecordSession FcRecordSession;

G_END_DECLS
