/* FcResourceLoader: fetches the recorder's prompt audio and mask.
 *
 * A source is either an HTTPS URL whose host[:port] is on the host's
 * download whitelist (plain HTTP only with allow-insecure-http, for
 * loopback tests), or a mini-program path inside root-dir ("/assets/x.png"
 * and "assets/x.png" are both relative to the root; "..", and symlinks
 * leading out of the root, are refused). Redirects are followed by hand,
 * each target checked again. Each fetch has a time limit and a size cap,
 * and what arrives must be the kind asked for (typefinding: audio, or a
 * PNG/JPEG/SVG image). Remote results are cached by URL for the process.
 *
 * Fetches run in worker threads (libsoup's synchronous API on a session of
 * their own); callbacks come on the caller's thread-default main context,
 * which must be running for the time limit to work. */
#pragma once

#include <gio/gio.h>

#include "fc-resource-error.h"

G_BEGIN_DECLS

#include "fc-recorder-export.h"

/**
 * FcResourceKind:
 * @FC_RESOURCE_AUDIO: prompt audio (MP3, AAC, ...)
 * @FC_RESOURCE_IMAGE: a mask image (PNG, JPEG, SVG)
 *
 * What a loaded resource must be; what arrives is typefound against it.
 */
typedef enum
{
  FC_RESOURCE_AUDIO,
  FC_RESOURCE_IMAGE,
} FcResourceKind;

/**
 * FcResourceLoader:
 *
 * Loads the recorder's prompt audio and masks: local files confined to the
 * mini-program's folder, and downloads from the host's whitelist only,
 * with a timeout, a size limit and the platform's request signature.
 */
#define FC_TYPE_RESOURCE_LOADER (fc_resource_loader_get_type ())
FC_RECORDER_EXPORT
G_DECLARE_FINAL_TYPE (FcResourceLoader, fc_resource_loader, FC,
                      RESOURCE_LOADER, GObject)

FC_RECORDER_EXPORT FcResourceLoader *fc_resource_loader_new (void);

FC_RECORDER_EXPORT void fc_resource_loader_load_async (FcResourceLoader *self,
                                                       const char *src,
                                                       FcResourceKind kind,
                                                       GCancellable *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer user_data);
FC_RECORDER_EXPORT GBytes *
fc_resource_loader_load_finish (FcResourceLoader *self, GAsyncResult *result,
                                char **content_type, GError **error);

/**
 * FcResourceHeadersFunc:
 * @user_data: the data given with the function
 *
 * Gives the headers each request of one load carries, redirects included.
 * Called on the caller's thread when a remote load starts (the platform's
 * signature of a plugin's requests: X-WECHAT-HOSTSIGN and Referer).
 *
 * Returns: (transfer full) (array zero-terminated=1): names and values in
 *   turn
 */
typedef char **(*FcResourceHeadersFunc) (gpointer user_data);

/**
 * fc_resource_loader_set_headers_func:
 * @self: a loader
 * @func: (nullable) (scope notified) (closure user_data) (destroy destroy):
 *   gives the headers of each load; %NULL removes it
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Sets (or removes) what gives the headers of each load.
 */
FC_RECORDER_EXPORT void
fc_resource_loader_set_headers_func (FcResourceLoader *self,
                                     FcResourceHeadersFunc func,
                                     gpointer user_data,
                                     GDestroyNotify destroy);

FC_RECORDER_EXPORT void fc_resource_loader_clear_cache (void);

FC_RECORDER_EXPORT const char *const *
fc_resource_loader_get_download_domains (FcResourceLoader *self);
FC_RECORDER_EXPORT void
fc_resource_loader_set_download_domains (FcResourceLoader *self,
                                         const char *const *domains);
FC_RECORDER_EXPORT const char *
fc_resource_loader_get_root_dir (FcResourceLoader *self);
FC_RECORDER_EXPORT void fc_resource_loader_set_root_dir (FcResourceLoader *self,
                                                         const char *root_dir);
FC_RECORDER_EXPORT gboolean
fc_resource_loader_get_allow_insecure_http (FcResourceLoader *self);
FC_RECORDER_EXPORT void
fc_resource_loader_set_allow_insecure_http (FcResourceLoader *self,
                                            gboolean allow);
FC_RECORDER_EXPORT guint fc_resource_loader_get_timeout (FcResourceLoader *self);
FC_RECORDER_EXPORT void fc_resource_loader_set_timeout (FcResourceLoader *self,
                                                        guint timeout_ms);
FC_RECORDER_EXPORT guint64 fc_resource_loader_get_max_size (FcResourceLoader *self);
FC_RECORDER_EXPORT void fc_resource_loader_set_max_size (FcResourceLoader *self,
                                                         guint64 max_bytes);

G_END_DECLS
