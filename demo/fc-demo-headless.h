/* fc-demo-headless.h: fc-demo without a display: the recording page on
 * the test camera and microphone, each event and host call printed as a
 * JSON line, then the recorded file's path and figures. */
#pragma once

#include <fc-bridge.h>

G_BEGIN_DECLS

/* @record_time: > 0 overrides the page's recordTime (ms); @settings: the
 * host settings of the mini-program's plugins */
int fc_demo_headless_run (const char *app_dir, const char *page_path, double record_time,
                          FcHostSettings *settings);

G_END_DECLS
