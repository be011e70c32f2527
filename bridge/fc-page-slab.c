/* fc-page-slab.c: the blocks a page's elements are made of, cut from
 * larger chunks the page frees when it goes. A mount makes thousands of
 * elements in a burst and a page's end frees them in another: malloc
 * spent ~40 % of a list mount (bench/listpage) sorting its bins for them.
 * A freed block waits in a list of its size for the next element of that
 * size. A page's chunks go to a pool the next page takes them from: a
 * chunk of 64 KiB back to malloc made it consolidate all its small free
 * blocks (~5 % of a list mount). Under AddressSanitizer the slab stays
 * and poisons what no element holds (a chunk's uncut part, freed blocks,
 * pooled chunks), so a use after free is still seen and the fuzzers run
 * this code too; under Valgrind every block is malloc's own, so that
 * Memcheck still reports each leaked element block, which a slab would
 * hide (its chunk is freed with the page). */
#include <string.h>

#include "fc-page-slab-private.h"

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif
#if defined(__SANITIZE_ADDRESS__)
#define FC_SLAB_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FC_SLAB_SANITIZED 1
#endif
#endif
#ifndef FC_SLAB_SANITIZED
#define FC_SLAB_SANITIZED 0
#endif
#if FC_SLAB_SANITIZED
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION ((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION ((p), (n))
#else
#define POISON(p, n) ((void) (p), (void) (n))
#define UNPOISON(p, n) ((void) (p), (void) (n))
#endif

#define SLAB_ALIGN 16
#define SLAB_MAX 1024 /* larger blocks are malloc's */
#define SLAB_FIRST_CHUNK 2048 /* a small page takes little */
#define SLAB_LAST_CHUNK 65536  /* chunks double up to this */
#define N_SIZES (SLAB_MAX / SLAB_ALIGN + 1)
#define N_CHUNK_SIZES 6 /* 2 KiB, 4, 8, 16, 32, 64 KiB */
#define POOL_MAX (1024 * 1024) /* bytes of chunks the pool keeps at most */

typedef struct _Chunk Chunk;
struct _Chunk {
  Chunk *next;
  gsize size; /* bytes, this header included; the blocks after it stay SLAB_ALIGN-aligned */
};

struct _FcSlab {
  gboolean plain;          /* every block from malloc (Valgrind) */
  Chunk *chunks;
  char *bump, *end;        /* the part of the newest chunk not cut yet */
  gsize next_chunk;        /* the size of the next chunk */
  gpointer free[N_SIZES];  /* freed blocks by size / SLAB_ALIGN, linked through their first word */
};

G_STATIC_ASSERT (sizeof (Chunk) % SLAB_ALIGN == 0);
G_STATIC_ASSERT (SLAB_FIRST_CHUNK << (N_CHUNK_SIZES - 1) == SLAB_LAST_CHUNK);

/* The chunks of the pages gone, by size (index: log2 (size / 2 KiB)),
 * their contents poisoned; any thread's page may take them. */
G_LOCK_DEFINE_STATIC (pool);
static Chunk *pool[N_CHUNK_SIZES];
static gsize pool_bytes;

static guint
chunk_index (gsize size)
{
  guint i = 0;
  while ((gsize) SLAB_FIRST_CHUNK << i < size)
    i++;
  return i;
}

static Chunk *
chunk_new (gsize size)
{
  guint i = chunk_index (size);
  Chunk *c;

  G_LOCK (pool);
  if ((c = pool[i]))
    {
      pool[i] = c->next;
      pool_bytes -= size;
    }
  G_UNLOCK (pool);
  if (!c)
    {
      c = g_malloc (size);
      c->size = size;
      POISON (c + 1, size - sizeof (Chunk));
    }
  return c;
}

/* Pools @c (its blocks poisoned already), or frees it when the pool is full */
static void
chunk_free (Chunk *c)
{
  guint i = chunk_index (c->size);
  gboolean kept = FALSE;

  G_LOCK (pool);
  if (pool_bytes + c->size <= POOL_MAX)
    {
      c->next = pool[i];
      pool[i] = c;
      pool_bytes += c->size;
      kept = TRUE;
    }
  G_UNLOCK (pool);
  if (!kept)
    {
      UNPOISON (c + 1, c->size - sizeof (Chunk));
      g_free (c);
    }
}

FcSlab *
fc_slab_new (void)
{
  FcSlab *slab = g_new0 (FcSlab, 1);
  slab->plain = RUNNING_ON_VALGRIND;
  slab->next_chunk = SLAB_FIRST_CHUNK;
  return slab;
}

/* A zeroed block of @size bytes */
gpointer
fc_slab_alloc0 (FcSlab *slab, gsize size)
{
  gsize rounded = (size + SLAB_ALIGN - 1) & ~(gsize) (SLAB_ALIGN - 1);
  gpointer block;

  if (slab->plain || rounded > SLAB_MAX)
    return g_malloc0 (size);
  if ((block = slab->free[rounded / SLAB_ALIGN]))
    {
      UNPOISON (block, rounded);
      slab->free[rounded / SLAB_ALIGN] = *(gpointer *) block;
    }
  else
    {
      if (!slab->bump || (gsize) (slab->end - slab->bump) < rounded)
        {
          Chunk *c = chunk_new (slab->next_chunk);
          c->next = slab->chunks;
          slab->chunks = c;
          slab->bump = (char *) (c + 1);
          slab->end = (char *) c + slab->next_chunk;
          slab->next_chunk = MIN (slab->next_chunk * 2, SLAB_LAST_CHUNK);
        }
      block = slab->bump;
      slab->bump += rounded;
      UNPOISON (block, rounded);
    }
  return memset (block, 0, size);
}

/* Gives back @block, which fc_slab_alloc0() made with @size */
void
fc_slab_free (FcSlab *slab, gpointer block, gsize size)
{
  gsize rounded = (size + SLAB_ALIGN - 1) & ~(gsize) (SLAB_ALIGN - 1);

  if (slab->plain || rounded > SLAB_MAX)
    {
      g_free (block);
      return;
    }
  *(gpointer *) block = slab->free[rounded / SLAB_ALIGN];
  slab->free[rounded / SLAB_ALIGN] = block;
  POISON (block, rounded);
}

/* Gives the chunks to the pool; every block must have been given back
 * (or be unused from now on: the page's elements are all freed by then). */
void
fc_slab_destroy (FcSlab *slab)
{
  if (!slab)
    return;
  while (slab->chunks)
    {
      Chunk *c = slab->chunks;
      slab->chunks = c->next;
      POISON (c + 1, c->size - sizeof (Chunk));
      chunk_free (c);
    }
  g_free (slab);
}
