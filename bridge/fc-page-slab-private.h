/* fc-page-slab-private.h: the blocks a page's elements are made of
 * (fc-page-slab.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FcSlab FcSlab;

FcSlab *fc_slab_new (void);
gpointer fc_slab_alloc0 (FcSlab *slab, gsize size);
void fc_slab_free (FcSlab *slab, gpointer block, gsize size);
void fc_slab_destroy (FcSlab *slab);

G_END_DECLS
