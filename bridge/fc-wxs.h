#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include <glib.h>
#include "fc-bridge-macros.h"

G_BEGIN_DECLS

/**
 * FC_WXS_ERROR:
 *
 * Error domain of WXS modules (`fc-wxs-error`): the view layer's scripts
 * of `<wxs>` elements and `.wxs` files. Messages start with
 * `file:line:col: ` of the script (the `.wxs` file, or the `.fxml` file
 * for a `<wxs>` element's content).
 */
#define FC_WXS_ERROR (fc_wxs_error_quark ())

/**
 * FcWxsError:
 * @FC_WXS_ERROR_SYNTAX: a module does not compile
 * @FC_WXS_ERROR_RUNTIME: a module threw while loading or while a binding called
 * it
 * @FC_WXS_ERROR_NOT_FOUND: a `src` or `require()` names no file
 * @FC_WXS_ERROR_BAD_PATH: a path leaves the mini-program's root, or is
 * malformed
 * @FC_WXS_ERROR_RUNAWAY: a call ran out of time or memory and was stopped
 * @FC_WXS_ERROR_BAD_MODULE: a `<wxs>` element without a usable `module` name,
 * or one given twice
 *
 * Error codes of %FC_WXS_ERROR.
 */
typedef enum
{
  FC_WXS_ERROR_SYNTAX,
  FC_WXS_ERROR_RUNTIME,
  FC_WXS_ERROR_NOT_FOUND,
  FC_WXS_ERROR_BAD_PATH,
  FC_WXS_ERROR_RUNAWAY,
  FC_WXS_ERROR_BAD_MODULE,
} FcWxsError;

/**
 * fc_wxs_error_quark:
 *
 * The error domain of WXS modules (their loading and their scripts).
 *
 * Returns: the quark of %FC_WXS_ERROR
 */
FC_BRIDGE_EXPORT GQuark fc_wxs_error_quark (void);
FC_BRIDGE_EXPORT const char *fc_wxs_error_code_to_string (int code);

G_END_DECLS
