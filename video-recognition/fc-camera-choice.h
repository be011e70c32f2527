/* Which camera a recording uses (fc-camera-choice.c): the camera portal
 * when the setting or a sandbox says so, else device discovery, else the
 * test pattern when allowed. Private to the library. */
#pragma once

#include "fc-recorder-private.h"

G_BEGIN_DECLS

typedef struct _FcCameraChoice FcCameraChoice;

typedef enum
{
  FC_CAMERA_CHOSEN,  /* *out is the camera */
  FC_CAMERA_ASKING,  /* the portal is asked: DONE follows */
  FC_CAMERA_FAILED,  /* *error says why (FC_RECORDER_ERROR) */
} FcCameraChoiceResult;

/* CAMERA is the chosen one (take what it holds, leaving it
 * FC_SOURCE_INIT), or NULL with ERROR (FC_RECORDER_ERROR); not called once
 * CANCELLABLE is cancelled. */
typedef void (*FcCameraChosen) (FcSource *camera, const GError *error,
                                gpointer user_data);

/* Keeps the camera portal's connection across choices. */
FcCameraChoice *fc_camera_choice_new (void);
void fc_camera_choice_free (FcCameraChoice *choice);
/* Lets a cancelled portal request's Close leave before the session bus may
 * go. */
void fc_camera_choice_flush (FcCameraChoice *choice);

/* Chooses for the camera SETTING (NULL/"auto", "portal", "test",
 * "pipewire:NODE", "v4l2:PATH"); the test pattern when nothing is found
 * and ALLOW_TEST. ASKING: DONE is called with DATA on the thread-default
 * main context of the caller. DATA is freed with DESTROY when the choice
 * is over, whatever the result. */
FcCameraChoiceResult fc_camera_choose (FcCameraChoice *choice,
                                       const char *setting,
                                       gboolean allow_test,
                                       GCancellable *cancellable,
                                       FcCameraChosen done, gpointer data,
                                       GDestroyNotify destroy, FcSource *out,
                                       GError **error);

G_END_DECLS
