/* fc-keyboard-export.h: symbol visibility for libfc-virtual-keyboard.
 *
 * The library is built with hidden visibility; only what is marked
 * FC_KEYBOARD_EXPORT is part of the ABI. */
#pragma once

#if defined(FC_COMPILATION) && defined(__GNUC__)
#define FC_KEYBOARD_EXPORT __attribute__ ((visibility ("default")))
#else
#define FC_KEYBOARD_EXPORT
#endif
