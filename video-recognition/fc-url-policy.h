/* Which URLs the recorder may download from: the parse and the verdict,
 * without any network (fc-url-policy.c). */
#pragma once

#include "fc-resource-error.h"

G_BEGIN_DECLS

/**
 * FC_URL_POLICY_MAX_REDIRECTS:
 *
 * How many redirects a download follows before it gives up.
 */
#define FC_URL_POLICY_MAX_REDIRECTS 5

/**
 * fc_url_policy_check:
 * @url: an absolute URL, as a page or a redirect gives it
 * @domains: (array zero-terminated=1) (nullable): the host's download
 *   whitelist: `"host"`, `"host:port"` or `"[v6]:port"`; a port left out
 *   means the scheme's default
 * @allow_http: whether plain HTTP is allowed too (loopback tests only)
 * @error: return location for a %FC_RESOURCE_ERROR_NOT_ALLOWED error
 *
 * Decides whether @url may be fetched: HTTPS (or HTTP with @allow_http),
 * a host, and host and port on @domains (hosts compared without regard to
 * ASCII case). A whitelist entry that is not a host with an optional port
 * from 1 to 65535 never matches.
 *
 * Returns: %TRUE when @url may be fetched
 */
FC_RECORDER_EXPORT gboolean fc_url_policy_check (const char *url,
                                                 const char *const *domains,
                                                 gboolean allow_http,
                                                 GError **error);

/**
 * fc_url_policy_follow:
 * @url: the URL that answered with a redirect
 * @location: the `Location` header's value, absolute or relative
 * @hops: how many redirects were followed before this one
 * @error: return location for a %FC_RESOURCE_ERROR_HTTP or
 *   %FC_RESOURCE_ERROR_NOT_ALLOWED error
 *
 * The URL a redirect leads to (@location resolved against @url), or an
 * error for a redirect that cannot be followed: more than
 * %FC_URL_POLICY_MAX_REDIRECTS of them, or a @location that is not a URL
 * (%FC_RESOURCE_ERROR_HTTP), or one without a host, such as `file:///x`
 * (%FC_RESOURCE_ERROR_NOT_ALLOWED, "not a valid URL", as
 * fc_url_policy_check() says of it).
 * The result must pass fc_url_policy_check() again before it is fetched.
 *
 * Returns: (transfer full) (nullable): the next URL
 */
FC_RECORDER_EXPORT char *fc_url_policy_follow (const char *url,
                                               const char *location,
                                               guint hops, GError **error);

G_END_DECLS
