/* fc-deps-index-private.h: which bindings read which data, by the first
 * name of the paths they read (fc-deps-index.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FC_DEPS_INDEX_SMALL 4
#define FC_DEPS_BUCKET_INLINE 2

/* The bindings that read paths starting with one name, in the order they
 * were added; one allocation while they are few (most names a component's
 * template reads are read by one or two bindings: a GPtrArray was two
 * allocations and a third as it grew, for each) */
typedef struct {
  guint len;
  guint cap;
  gpointer *pdata; /* inline_ until more are added */
  gpointer inline_[FC_DEPS_BUCKET_INLINE];
} FcDepsBucket;

static inline gpointer
fc_deps_bucket_index (const FcDepsBucket *bucket, guint i)
{
  return bucket->pdata[i];
}

void fc_deps_bucket_add (FcDepsBucket *bucket, gpointer binding);
gboolean fc_deps_bucket_remove (FcDepsBucket *bucket, gpointer binding);

typedef struct {
  const char *key;      /* the first name of a path (a template's string) */
  FcDepsBucket *bucket; /* Binding* that read a path starting with it */
} FcDepsEntry;

/* A page's or a component instance's index: its first keys in place (a
 * component's template reads a few names, and a hash table of its own
 * was ~8 % of mounting a list of them), a hash table past that. A bucket
 * lives as long as the index (the page's path cache keeps them). */
typedef struct {
  guint n_small;
  FcDepsEntry small[FC_DEPS_INDEX_SMALL];
  GHashTable *many; /* past FC_DEPS_INDEX_SMALL keys: every key → bucket */
} FcDepsIndex;

FcDepsBucket *fc_deps_index_lookup (const FcDepsIndex *index, const char *key);
FcDepsBucket *fc_deps_index_bucket (FcDepsIndex *index, const char *key);
void fc_deps_index_clear (FcDepsIndex *index);

G_END_DECLS
