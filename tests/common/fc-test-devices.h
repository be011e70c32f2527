/* Real PipeWire devices for tests: a fresh virtual camera node per test.
 *
 * A pipewiresink provider on PipeWire 0.3.65 stalls after a few consumers
 * have come and gone, so the suite does not share one: each test that
 * records makes its own camera node (a test pattern fed through
 * pipewiresink, exactly as the session's node in tests/testenv.sh), and can
 * make it vanish mid-recording. The microphone is the session's loopback
 * node (FC_TEST_MIC_NODE), which has no such trouble; a test that makes a
 * microphone vanish makes one of its own (fc_test_microphone_new). */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

typedef struct _FcTestCamera FcTestCamera;

/* Starts a Video/Source node of WIDTHxHEIGHT YUY2 at 30 fps and waits until
 * GstDeviceMonitor sees it. Returns NULL and skips the test when the suite
 * runs outside ./run test (no PipeWire session). */
FcTestCamera *fc_test_camera_new (int width, int height);
/* The same giving FORMAT (a raw video format name) frames. */
FcTestCamera *fc_test_camera_new_format (const char *format, int width,
                                         int height);
const char *fc_test_camera_get_node (FcTestCamera *camera);
/* Removes the node from the graph, as an unplugged camera does. */
void fc_test_camera_vanish (FcTestCamera *camera);
void fc_test_camera_free (FcTestCamera *camera);

/* The session's virtual microphone node, or NULL (test skipped). */
const char *fc_test_microphone_node (void);

typedef struct _FcTestMicrophone FcTestMicrophone;

/* A microphone of its own, made as the session's (tests/testenv.sh): a
 * pw-loopback process whose Audio/Source end is the microphone, fed a
 * 440 Hz tone by a pipewiresink in this process. Waits until the node is
 * in the graph. Returns NULL and skips the test outside ./run test. */
FcTestMicrophone *fc_test_microphone_new (void);
const char *fc_test_microphone_get_node (FcTestMicrophone *mic);
/* Kills the pw-loopback process: the node leaves the graph at once, as an
 * unplugged USB microphone does. */
void fc_test_microphone_vanish (FcTestMicrophone *mic);
void fc_test_microphone_free (FcTestMicrophone *mic);

/* Waits up to TIMEOUT_MS for a device of KLASS with node.name NODE. */
gboolean fc_test_wait_device (const char *klass, const char *node, guint timeout_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcTestCamera, fc_test_camera_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcTestMicrophone, fc_test_microphone_free)

G_END_DECLS
