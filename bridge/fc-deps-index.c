/* fc-deps-index.c: which bindings read which data, by the first name of
 * the paths they read: setData of `a.b` updates the bindings in a's
 * bucket that depend on it (fc-binding.c). */
#include <string.h>

#include "fc-deps-index-private.h"

/* The bucket of @key, or NULL when no binding reads it */
GPtrArray *
fc_deps_index_lookup (const FcDepsIndex *index, const char *key)
{
  if (index->many)
    return g_hash_table_lookup (index->many, key);
  for (guint i = 0; i < index->n_small; i++)
    if (strcmp (index->small[i].key, key) == 0)
      return index->small[i].bucket;
  return NULL;
}

/* The bucket of @key, made empty when there is none; @key must live as
 * long as the index (a template's) */
GPtrArray *
fc_deps_index_bucket (FcDepsIndex *index, const char *key)
{
  GPtrArray *bucket = fc_deps_index_lookup (index, key);

  if (bucket)
    return bucket;
  bucket = g_ptr_array_new ();
  if (!index->many && index->n_small < FC_DEPS_INDEX_SMALL)
    {
      index->small[index->n_small++] = (FcDepsEntry) { key, bucket };
      return bucket;
    }
  if (!index->many)
    {
      index->many = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; i < index->n_small; i++)
        g_hash_table_insert (index->many, (gpointer) index->small[i].key, index->small[i].bucket);
      index->n_small = 0;
    }
  g_hash_table_insert (index->many, (gpointer) key, bucket);
  return bucket;
}

/* Frees every bucket; the index is empty after */
void
fc_deps_index_clear (FcDepsIndex *index)
{
  for (guint i = 0; i < index->n_small; i++)
    g_ptr_array_unref (index->small[i].bucket);
  index->n_small = 0;
  g_clear_pointer (&index->many, g_hash_table_unref);
}
