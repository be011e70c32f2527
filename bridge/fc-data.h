#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include <glib.h>
#include "fc-bridge-macros.h"
#include "fc-value.h"

G_BEGIN_DECLS

/**
 * FC_DATA_MAX_INDEX:
 *
 * The largest array index a setData key may name (`list[1000000]`): arrays
 * are dense, so a larger one is refused rather than allocated.
 */
#define FC_DATA_MAX_INDEX 1000000

/**
 * FC_DATA_MAX_SEGMENTS:
 *
 * The most segments a setData key may have (`a.b[0]` has three): as deep
 * as the JSON the bridge reads may nest, so page data stays shallow enough
 * to walk recursively.
 */
#define FC_DATA_MAX_SEGMENTS 1000

/**
 * FcPathSegment:
 * @key: the member name, or the index in decimal
 * @is_index: whether it was written as a numeric `[N]`
 * @index: the index when @is_index
 *
 * One segment of a #FcDataPath: `b` or `[0]` of `a.b[0]`.
 */
typedef struct {
  char *key;
  gboolean is_index;
  guint index;
} FcPathSegment;

/**
 * FcDataPath:
 *
 * A data path such as `a.b[0].c`: an array of #FcPathSegment.
 */
typedef GArray FcDataPath;

FC_BRIDGE_EXPORT FcDataPath *fc_data_path_new (void);
FC_BRIDGE_EXPORT void fc_data_path_append (FcDataPath *path, const char *key, gboolean is_index, guint index);
FC_BRIDGE_EXPORT FcDataPath *fc_data_path_parse (const char *key, GError **error);
FC_BRIDGE_EXPORT char *fc_data_path_to_string (const FcDataPath *path);
FC_BRIDGE_EXPORT gboolean fc_data_path_overlaps (const FcDataPath *a, const FcDataPath *b);
FC_BRIDGE_EXPORT void fc_data_path_free (FcDataPath *path);

FC_BRIDGE_EXPORT FcValue *fc_data_get (FcValue *root, const FcDataPath *path);
FC_BRIDGE_EXPORT void fc_data_set (FcValue **root, const FcDataPath *path, FcValue *value);

G_END_DECLS
