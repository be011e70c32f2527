/* fc-recorder-export.h: symbol visibility for libfc-video-recognition.
 *
 * The library is built with hidden visibility; only what is marked
 * FC_RECORDER_EXPORT is part of the ABI. Every public header of the
 * recorder includes this one. */
#pragma once

#ifdef FC_RECORDER_COMPILATION
#define FC_RECORDER_EXPORT __attribute__ ((visibility ("default"))) extern
#else
#define FC_RECORDER_EXPORT extern
#endif
