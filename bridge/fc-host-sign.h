#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include <glib-object.h>
#include "fc-bridge-macros.h"
#include "fc-component.h"

G_BEGIN_DECLS

/**
 * FC_HOST_SIGN_ERROR:
 *
 * Error domain of request signatures (`fc-host-sign-error`): a
 * `X-WECHAT-HOSTSIGN` header that fc_host_sign_verify() refuses, or a
 * nonce the system could not make.
 */
#define FC_HOST_SIGN_ERROR (fc_host_sign_error_quark ())

/**
 * FcHostSignError:
 * @FC_HOST_SIGN_ERROR_MALFORMED: the header is not the JSON object of three
 *   strings
 * @FC_HOST_SIGN_ERROR_MISMATCH: the signature is not that of the values
 * @FC_HOST_SIGN_ERROR_EXPIRED: the timestamp is older (or newer) than the
 *   maximum age allows
 * @FC_HOST_SIGN_ERROR_NO_RANDOM: the system's CSPRNG failed
 *
 * The codes of %FC_HOST_SIGN_ERROR.
 */
typedef enum
{
  FC_HOST_SIGN_ERROR_MALFORMED, /* not the JSON object of three strings */
  FC_HOST_SIGN_ERROR_MISMATCH,  /* the signature is not that of the values */
  FC_HOST_SIGN_ERROR_EXPIRED,   /* the timestamp is older (or newer) than
                                   max_age allows */
  FC_HOST_SIGN_ERROR_NO_RANDOM, /* the system's CSPRNG failed */
} FcHostSignError;

/**
 * fc_host_sign_error_quark:
 *
 * The error domain of request signatures.
 *
 * Returns: the quark of %FC_HOST_SIGN_ERROR
 */
FC_BRIDGE_EXPORT GQuark fc_host_sign_error_quark (void);

/**
 * FC_HOST_SIGN_HEADER:
 *
 * The header a plugin's signed requests carry.
 */
#define FC_HOST_SIGN_HEADER "X-WECHAT-HOSTSIGN"

/**
 * FC_HOST_SIGN_PERIOD:
 *
 * How long, in seconds, one nonce and timestamp pair signs requests (on the
 * page's clock) before the next is made, as the platform does.
 */
#define FC_HOST_SIGN_PERIOD 600

FC_BRIDGE_EXPORT char *fc_host_sign_compute (const char *app_id,
                                             const char *noncestr,
                                             const char *timestamp,
                                             const char *token);
FC_BRIDGE_EXPORT char *fc_host_sign_make_header (const char *app_id,
                                                 const char *noncestr,
                                                 gint64 timestamp,
                                                 const char *token);
FC_BRIDGE_EXPORT char *fc_host_sign_make_referer (const char *app_id,
                                                  const char *version);
FC_BRIDGE_EXPORT char *fc_host_sign_new_nonce (GError **error);
FC_BRIDGE_EXPORT gboolean fc_host_sign_verify (const char *header,
                                               const char *app_id,
                                               const char *token,
                                               gint64 max_age, GError **error);

FC_BRIDGE_EXPORT char **fc_element_dup_request_headers (FcElement *element);

G_END_DECLS
