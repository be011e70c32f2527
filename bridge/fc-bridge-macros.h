/* fc-bridge-macros.h: export macro of the fc-bridge library. */
#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#if defined(FC_BRIDGE_COMPILATION)
#define FC_BRIDGE_EXPORT __attribute__ ((visibility ("default"))) extern
#else
#define FC_BRIDGE_EXPORT extern
#endif
