#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include <glib.h>
#include "fc-bridge-macros.h"

G_BEGIN_DECLS

/**
 * FC_BRIDGE_ERROR:
 *
 * Error domain of the bridge (`fc-bridge-error`). Messages of errors about
 * input read from a file start with `file:line:col: `.
 */
#define FC_BRIDGE_ERROR (fc_bridge_error_quark ())

/**
 * FcBridgeError:
 * @FC_BRIDGE_ERROR_UNCLOSED_TAG: an element is not closed at end of input
 * @FC_BRIDGE_ERROR_MISMATCHED_TAG: a closing tag does not match the open one
 * @FC_BRIDGE_ERROR_DUPLICATE_ATTRIBUTE: unused since a duplicate attribute
 *   is a warning (#FcFxmlNode:warnings), as in glass-easel; kept for ABI
 * @FC_BRIDGE_ERROR_BAD_ENTITY: an unknown or malformed `&...;` entity
 * @FC_BRIDGE_ERROR_UNTERMINATED_BINDING: `{{` without `}}`
 * @FC_BRIDGE_ERROR_BAD_EXPRESSION: a `{{ }}` expression does not parse
 * @FC_BRIDGE_ERROR_SYNTAX: other malformed markup
 * @FC_BRIDGE_ERROR_BAD_JSON: malformed JSON (page JSON, data, replay file)
 * @FC_BRIDGE_ERROR_BAD_PATH: malformed `setData` path key
 * @FC_BRIDGE_ERROR_UNKNOWN_COMPONENT: a `usingComponents` entry (or a
 *   `plugin://` reference) resolves to no known component
 * @FC_BRIDGE_ERROR_UNKNOWN_METHOD: a component has no such method
 * @FC_BRIDGE_ERROR_NOT_FOUND: a selector or file matches nothing
 * @FC_BRIDGE_ERROR_FAILED: anything else
 * @FC_BRIDGE_ERROR_BAD_COMPONENT: a component defined by its own markup is
 *   missing a file, its JSON or property schema is malformed, or it
 *   contains itself without end
 * @FC_BRIDGE_ERROR_RECURSION: markup that would place itself inside itself
 *   without end: an `<include>` cycle, a `<template>` that uses itself
 *   deeper than the bridge's limit
 *
 * Error codes of %FC_BRIDGE_ERROR.
 */
typedef enum {
  FC_BRIDGE_ERROR_UNCLOSED_TAG,
  FC_BRIDGE_ERROR_MISMATCHED_TAG,
  FC_BRIDGE_ERROR_DUPLICATE_ATTRIBUTE,
  FC_BRIDGE_ERROR_BAD_ENTITY,
  FC_BRIDGE_ERROR_UNTERMINATED_BINDING,
  FC_BRIDGE_ERROR_BAD_EXPRESSION,
  FC_BRIDGE_ERROR_SYNTAX,
  FC_BRIDGE_ERROR_BAD_JSON,
  FC_BRIDGE_ERROR_BAD_PATH,
  FC_BRIDGE_ERROR_UNKNOWN_COMPONENT,
  FC_BRIDGE_ERROR_UNKNOWN_METHOD,
  FC_BRIDGE_ERROR_NOT_FOUND,
  FC_BRIDGE_ERROR_FAILED,
  FC_BRIDGE_ERROR_BAD_COMPONENT,
  FC_BRIDGE_ERROR_RECURSION,
} FcBridgeError;

/**
 * fc_bridge_error_quark:
 *
 * The error domain of the bridge's markup, JSON, expressions and data.
 *
 * Returns: the quark of %FC_BRIDGE_ERROR
 */
FC_BRIDGE_EXPORT GQuark fc_bridge_error_quark (void);

/**
 * fc_bridge_error_code_to_string:
 * @code: a #FcBridgeError
 *
 * The name of a bridge error code, as replay output and tests print it.
 *
 * Returns: (transfer none): the code's stable kebab-case name, as printed by
 *   replay (`unclosed-tag`, `unknown-component`, ...)
 */
FC_BRIDGE_EXPORT const char *fc_bridge_error_code_to_string (int code);

G_END_DECLS
