#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include <glib.h>
#include "fc-bridge-macros.h"
#include "fc-value.h"

G_BEGIN_DECLS

/**
 * FcLengthUnit:
 * @FC_LENGTH_AUTO: no length given
 * @FC_LENGTH_PX: CSS pixels
 * @FC_LENGTH_RPX: responsive pixels: 750 rpx are the page's width
 * @FC_LENGTH_VW: hundredths of the page's width
 * @FC_LENGTH_VH: hundredths of the page's height
 * @FC_LENGTH_PERCENT: hundredths of the parent's size
 *
 * Units of the `style` lengths built-in elements honour: px, rpx (750 rpx
 * = page width), vw, vh and % (of the parent's size); auto when absent.
 */
typedef enum {
  FC_LENGTH_AUTO,
  FC_LENGTH_PX,
  FC_LENGTH_RPX,
  FC_LENGTH_VW,
  FC_LENGTH_VH,
  FC_LENGTH_PERCENT,
} FcLengthUnit;

/**
 * FcLength:
 * @value: the number
 * @unit: its unit
 *
 * A length of a `style` attribute (`width: 16vw`), resolved against the
 * page's size with fc_length_resolve().
 */
typedef struct {
  double value;
  FcLengthUnit unit;
} FcLength;

FC_BRIDGE_EXPORT gboolean fc_length_parse (const char *text, FcLength *length);
FC_BRIDGE_EXPORT double fc_length_resolve (const FcLength *length, double page_width, double page_height,
                                           double parent_size);
FC_BRIDGE_EXPORT FcValue *fc_style_parse (const char *style);
FC_BRIDGE_EXPORT gboolean fc_style_get_length (FcValue *style, const char *name, FcLength *length);

G_END_DECLS
