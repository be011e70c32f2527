/* fc-demo-host.h: the host API the sample pages' C callbacks use.
 *
 * This is the example of what a mini-program host provides to page
 * code, in the platform's terms: wx.showToast, wx.showLoading /
 * wx.hideLoading and wx.navigateTo. A host implements them once per
 * front end by filling an FcDemoHostBackend: fc-demo has a GTK one (a
 * toast and a spinner over the page, a stack of pages with a back
 * button) and a headless one (each call printed as a JSON line). The
 * callbacks (fc-demo-pages.c) only ever see FcDemoHost. */
#pragma once

#include <fc-bridge.h>

G_BEGIN_DECLS

typedef struct _FcDemoHost FcDemoHost;

/**
 * FcDemoHostBackend:
 * @show_toast: show @title for @duration_ms (wx.showToast; icon "none")
 * @show_loading: show a busy indicator with an optional @title
 * @hide_loading: hide it
 * @navigate_to: open the page at @url (`/pages/x/x?k=v`) on top of the
 *   current one; @data is the page's initial data (its PAGE.data.json
 *   with the query's members over it)
 */
typedef struct {
  void (*show_toast) (FcDemoHost *host, const char *title, guint duration_ms);
  void (*show_loading) (FcDemoHost *host, const char *title);
  void (*hide_loading) (FcDemoHost *host);
  gboolean (*navigate_to) (FcDemoHost *host, const char *page_path, FcValue *data, GError **error);
  /* optional: sees every event a page's handlers receive, first */
  void (*on_event) (FcDemoHost *host, const FcEvent *event);
} FcDemoHostBackend;

struct _FcDemoHost {
  const FcDemoHostBackend *backend;
  gpointer backend_data;
  FcApp *app;
  FcRegistry *registry;
  FcCallbackScope *scope;   /* the sample pages' callbacks (fc-demo-pages.c) */
  /* wx.navigateTo after onRecordEnd waits this long (the seed: 3500 ms) */
  guint navigate_delay_ms;
  /* > 0: overrides the recording page's recordTime (a short CI run) */
  double record_time;
  /* set after a prompt audio download failed (offline, or a domain not
   * whitelisted): pages open with each stepList[].audioSrc emptied, so
   * the recorder still becomes ready; the prompts' text still shows */
  gboolean no_prompt_audio;
  /* while a page's navigator is followed: that page, whose rules apply
   * (a plugin's page opens plugin-private:// urls; fc_app_load_page_from) */
  FcPage *navigating_from;
};

void fc_demo_host_show_toast (FcDemoHost *host, const char *title, guint duration_ms);
void fc_demo_host_show_loading (FcDemoHost *host, const char *title);
void fc_demo_host_hide_loading (FcDemoHost *host);
gboolean fc_demo_host_navigate_to (FcDemoHost *host, const char *url, GError **error);

/* Splits @url into a page path (no leading '/', no query) and the initial
 * data: PAGE.data.json of the app, then the query's members (strings,
 * percent-decoded) over it, then the host's recordTime override and
 * no_prompt_audio. */
char *fc_demo_host_page_data (FcDemoHost *host, const char *url, FcValue **data, GError **error);

/* Whether @event is an onRecordError for a resource (prompt audio, mask)
 * while prompt audio is still on: the host then sets no_prompt_audio,
 * says so, and opens the page again. */
gboolean fc_demo_host_should_retry_without_audio (FcDemoHost *host, const FcEvent *event);

/* Applies a JSON object of host settings to @settings (the replay
 * contract's `host` object, and a mini-program's host.json):
 * `downloadDomains` (array of host[:port]), `allowInsecureHttp`,
 * `allowTestSource`, `offline` (booleans), `camera`, `microphone` ("test",
 * "pipewire:NODE", ...) and `tempDir` (relative to @base_dir). Members
 * left out keep their value; a member of the wrong type or a value
 * fc_host_settings_set_*() refuses is an error starting with @where. */
gboolean fc_demo_host_settings_apply_json (FcHostSettings *settings, FcValue *host, const char *base_dir,
                                           const char *where, GError **error);

/* fc-demo's own settings for the mini-program at @app_dir: the test
 * pattern and tone may stand in for missing devices, then its host.json
 * (if any) over that. */
gboolean fc_demo_host_load_settings (FcHostSettings *settings, const char *app_dir, GError **error);

/* A one-line description of @settings for the user. */
char *fc_demo_host_describe_settings (FcHostSettings *settings);

G_END_DECLS
