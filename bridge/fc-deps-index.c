/* fc-deps-index.c: which bindings read which data, by the first name of
 * the paths they read: setData of `a.b` updates the bindings in a's
 * bucket that depend on it (fc-binding.c). */
#include <string.h>

#include "fc-deps-index-private.h"

static FcDepsBucket *
bucket_new (void)
{
  FcDepsBucket *bucket = g_new (FcDepsBucket, 1);

  bucket->len = 0;
  bucket->cap = FC_DEPS_BUCKET_INLINE;
  bucket->pdata = bucket->inline_;
  return bucket;
}

static void
bucket_free (gpointer data)
{
  FcDepsBucket *bucket = data;

  if (bucket->pdata != bucket->inline_)
    g_free (bucket->pdata);
  g_free (bucket);
}

/* Adds @binding at the end of @bucket */
void
fc_deps_bucket_add (FcDepsBucket *bucket, gpointer binding)
{
  if (bucket->len == bucket->cap)
    {
      guint cap = bucket->cap * 2;
      if (bucket->pdata == bucket->inline_)
        {
          bucket->pdata = g_new (gpointer, cap);
          memcpy (bucket->pdata, bucket->inline_, sizeof bucket->inline_);
        }
      else
        bucket->pdata = g_renew (gpointer, bucket->pdata, cap);
      bucket->cap = cap;
    }
  bucket->pdata[bucket->len++] = binding;
}

/* Takes the first @binding out of @bucket, keeping the others' order;
 * whether there was one */
gboolean
fc_deps_bucket_remove (FcDepsBucket *bucket, gpointer binding)
{
  for (guint i = 0; i < bucket->len; i++)
    if (bucket->pdata[i] == binding)
      {
        memmove (bucket->pdata + i, bucket->pdata + i + 1, (bucket->len - i - 1) * sizeof (gpointer));
        bucket->len--;
        return TRUE;
      }
  return FALSE;
}

/* The bucket of @key, or NULL when no binding reads it */
FcDepsBucket *
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
FcDepsBucket *
fc_deps_index_bucket (FcDepsIndex *index, const char *key)
{
  FcDepsBucket *bucket = fc_deps_index_lookup (index, key);

  if (bucket)
    return bucket;
  bucket = bucket_new ();
  if (!index->many && index->n_small < FC_DEPS_INDEX_SMALL)
    {
      index->small[index->n_small++] = (FcDepsEntry) { key, bucket };
      return bucket;
    }
  if (!index->many)
    {
      index->many = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, bucket_free);
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
    bucket_free (index->small[i].bucket);
  index->n_small = 0;
  g_clear_pointer (&index->many, g_hash_table_unref);
}
