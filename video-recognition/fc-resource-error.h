/* The resource loader's error domain (FcResourceLoader, FcUrlPolicy). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#include "fc-recorder-export.h"

/**
 * FC_RESOURCE_ERROR:
 *
 * The error domain of loading the recorder's resources (prompt audio,
 * masks): `"fc-resource-error"`. Codes are #FcResourceError.
 */
#define FC_RESOURCE_ERROR (fc_resource_error_quark ())
/**
 * fc_resource_error_quark:
 *
 * The error domain of loading prompt audio and masks (#FcResourceLoader).
 *
 * Returns: the quark of %FC_RESOURCE_ERROR
 */
FC_RECORDER_EXPORT GQuark fc_resource_error_quark (void);

/**
 * FcResourceError:
 * @FC_RESOURCE_ERROR_NOT_ALLOWED: not whitelisted, a scheme other than
 *   HTTPS, a path outside the root, or not a URL at all
 * @FC_RESOURCE_ERROR_NOT_FOUND: HTTP 404 or 410, no such file
 * @FC_RESOURCE_ERROR_HTTP: any other HTTP failure status, or a bad redirect
 * @FC_RESOURCE_ERROR_TIMEOUT: the fetch took longer than its limit
 * @FC_RESOURCE_ERROR_TOO_LARGE: more bytes than the size cap
 * @FC_RESOURCE_ERROR_TRUNCATED: fewer bytes than announced
 * @FC_RESOURCE_ERROR_WRONG_TYPE: not audio, or not an image
 * @FC_RESOURCE_ERROR_FAILED: a network or I/O failure
 *
 * Why a resource could not be loaded.
 */
typedef enum
{
  FC_RESOURCE_ERROR_NOT_ALLOWED,
  FC_RESOURCE_ERROR_NOT_FOUND,
  FC_RESOURCE_ERROR_HTTP,
  FC_RESOURCE_ERROR_TIMEOUT,
  FC_RESOURCE_ERROR_TOO_LARGE,
  FC_RESOURCE_ERROR_TRUNCATED,
  FC_RESOURCE_ERROR_WRONG_TYPE,
  FC_RESOURCE_ERROR_FAILED,
} FcResourceError;

G_END_DECLS
