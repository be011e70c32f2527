/* fc-path-walk-private.h: where a path under a root leads, one segment at
 * a time (fc-path-walk.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FC_PATH_WALK_INSIDE,  /* every segment is there, none leads out */
  FC_PATH_WALK_MISSING, /* a segment is not there (or a symlink dangles) */
  FC_PATH_WALK_OUTSIDE, /* a symlink (or `..`) leads out of the root */
} FcPathWalk;

FcPathWalk fc_path_walk (const char *real_root, const char *path, char **real);

G_END_DECLS
