/* fc-page-slab.c: the blocks a page's elements are made of, cut from
 * larger chunks the page frees when it goes. A mount makes thousands of
 * elements in a burst and a page's end frees them in another: malloc
 * spent ~40 % of a list mount (bench/listpage) sorting its bins for them.
 * A freed block waits in a list of its size for the next element of that
 * size. Under AddressSanitizer and Valgrind every block is malloc's own,
 * so that both still see each element's use after free and leaks. */
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

#define SLAB_ALIGN 16
#define SLAB_MAX 1024 /* larger blocks are malloc's */
#define SLAB_FIRST_CHUNK 2048 /* a small page takes little */
#define SLAB_LAST_CHUNK 65536  /* chunks double up to this */
#define N_SIZES (SLAB_MAX / SLAB_ALIGN + 1)

typedef struct _Chunk Chunk;
struct _Chunk {
  Chunk *next;
  gsize pad; /* the blocks after it stay SLAB_ALIGN-aligned */
};

struct _FcSlab {
  gboolean plain;          /* every block from malloc (sanitizers) */
  Chunk *chunks;
  char *bump, *end;        /* the part of the newest chunk not cut yet */
  gsize next_chunk;        /* the size of the next chunk */
  gpointer free[N_SIZES];  /* freed blocks by size / SLAB_ALIGN, linked through their first word */
};

G_STATIC_ASSERT (sizeof (Chunk) % SLAB_ALIGN == 0);

FcSlab *
fc_slab_new (void)
{
  FcSlab *slab = g_new0 (FcSlab, 1);
  slab->plain = FC_SLAB_SANITIZED || RUNNING_ON_VALGRIND;
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
    slab->free[rounded / SLAB_ALIGN] = *(gpointer *) block;
  else
    {
      if (!slab->bump || (gsize) (slab->end - slab->bump) < rounded)
        {
          Chunk *c = g_malloc (slab->next_chunk);
          c->next = slab->chunks;
          slab->chunks = c;
          slab->bump = (char *) (c + 1);
          slab->end = (char *) c + slab->next_chunk;
          slab->next_chunk = MIN (slab->next_chunk * 2, SLAB_LAST_CHUNK);
        }
      block = slab->bump;
      slab->bump += rounded;
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
}

/* Frees the chunks; every block must have been given back (or be unused
 * from now on: the page's elements are all freed by then). */
void
fc_slab_destroy (FcSlab *slab)
{
  if (!slab)
    return;
  while (slab->chunks)
    {
      Chunk *c = slab->chunks;
      slab->chunks = c->next;
      g_free (c);
    }
  g_free (slab);
}
