/* fc-demo-app.h: the GTK host: FcDemoWindow shows a mini-program's pages
 * (a stack, with a back button), with the host API's GTK backend: a
 * toast and a loading spinner over the page. */
#pragma once

#include <gtk/gtk.h>
#include <fc-bridge.h>

G_BEGIN_DECLS

#define FC_DEMO_APP_ID "io.github.fcplatform.Demo"

#define FC_TYPE_DEMO_WINDOW (fc_demo_window_get_type ())
G_DECLARE_FINAL_TYPE (FcDemoWindow, fc_demo_window, FC, DEMO_WINDOW, GtkApplicationWindow)

/* @app: (nullable); @record_time: > 0 overrides the recording page's
 * recordTime; @settings: (nullable): what the host decides for the
 * mini-program's plugins (devices, temp dir, download whitelist), shared
 * with its FcApp; NULL for the defaults. Opens @page (a URL such as
 * "pages/pin/pin"). */
FcDemoWindow *fc_demo_window_new (GtkApplication *app, const char *app_dir, const char *page,
                                  double record_time, FcHostSettings *settings, GError **error);
gboolean fc_demo_window_navigate_to (FcDemoWindow *self, const char *url, GError **error);
gboolean fc_demo_window_go_back (FcDemoWindow *self);
FcPage *fc_demo_window_get_page (FcDemoWindow *self);
GtkWidget *fc_demo_window_get_page_widget (FcDemoWindow *self);
const char *fc_demo_window_get_toast (FcDemoWindow *self);
gboolean fc_demo_window_get_loading (FcDemoWindow *self);
guint fc_demo_window_get_depth (FcDemoWindow *self);
/* onRecordEnd → playback page delay (default 3500 ms, as the seed) */
void fc_demo_window_set_navigate_delay (FcDemoWindow *self, guint ms);

int fc_demo_app_run (const char *app_dir, const char *page, double record_time, FcHostSettings *settings);

G_END_DECLS
