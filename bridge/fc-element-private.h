/* fc-element-private.h: making and freeing elements, and the updates
 * during which removed ones wait to be freed (fc-element.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

FcElement *fc_element_new_child (FcPage *self, FcElement *parent, const FcFxmlNode *node, ScopeRef *scope,
                                 const FcElementKind *kind);
FcElement *fc_element_new_child_sized (FcPage *self, FcElement *parent, const FcFxmlNode *node, ScopeRef *scope,
                                       const FcElementKind *kind, guint n_bindings, guint n_props);
void fc_element_destroy (FcPage *self, FcElement *el);
void fc_element_remove_child (FcElement *parent, FcElement *child);
void fc_element_reserve_children (FcElement *el, guint n);
gpointer fc_element_slab_alloc0 (FcElement *el, gsize size);
void fc_element_append_child (FcElement *parent, FcElement *child);
void fc_element_free (FcElement *el);
void fc_page_free_graveyard (FcPage *self);

/* Bindings update and events run between these: an element removed
 * meanwhile (fc_element_destroy()) is freed when the last update ends,
 * since the update in progress may still hold its bindings. */
static inline void
fc_page_update_begin (FcPage *self)
{
  self->updating++;
}

void fc_page_update_end (FcPage *self);

G_END_DECLS
