/* fc-element-tree-private.h: building and mounting a page's tree
 * (fc-element-tree.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

void fc_element_tree_add_directive_kind (const FcElementKind *kind);
/* builds @host's shadow tree from @def's template and puts the host's
 * content (its markup's children) in its slots */
typedef gboolean (*FcShadowBuild) (FcPage *self, FcElement *host, const FcComponentDef *def, ScopeRef *scope,
                                   GError **error);
void fc_element_tree_set_shadow (FcShadowBuild build, const FcElementKind *slot_kind);
gboolean fc_element_tree_build_list (FcPage *self, FcElement *el, const GPtrArray *nodes, ScopeRef *scope,
                                     GError **error);
FcElement *fc_element_tree_new_root (FcPage *self);
gboolean fc_element_tree_validate (FcPage *self, const FcFxmlNode *node, GError **error);
FcElement *fc_element_tree_build (FcPage *self, FcElement *parent, const FcFxmlNode *node, const GPtrArray *siblings,
                                  guint *next, ScopeRef *scope, guint consumed, GError **error);
gboolean fc_element_tree_build_children (FcPage *self, FcElement *el, const FcFxmlNode *node, ScopeRef *scope,
                                         GError **error);
void fc_element_tree_make_virtual (FcElement *el);
const FcFxmlAttribute *fc_element_tree_directive (const FcFxmlNode *node, const char *name);
void fc_element_tree_mount_all (FcPage *self, FcElement *el);
/* fc_element_tree_mount_all() for a new wx:if branch or wx:for item, once the page is mounted */
void fc_element_tree_mount (FcPage *self, FcElement *el);
void fc_element_tree_refresh (FcPage *self, FcElement *el);

void fc_element_tree_set_placing_kinds (const FcElementKind *template_is, const FcElementKind *include);

G_END_DECLS
