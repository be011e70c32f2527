/* fc-builtins-private.h: the built-in elements (fc-builtins.c). */
#pragma once

#include "fc-component-private.h"

G_BEGIN_DECLS

/* The class of an element whose tag is neither built in nor in
 * usingComponents: a plain element, as glass-easel makes a native node of
 * it. Not a tag markup can name. */
#define FC_BUILTIN_NATIVE "#native"

/* tag → FcComponentClass of every built-in element, shared (a new ref) */
GHashTable *fc_builtins_dup_table (void);

/* fc-builtin-forms.c: the plainly rendered built-ins' warning hook and
 * methods on @k; what a tap on @el does besides the tap event */
void fc_builtin_forms_init_class (FcComponentClass *k);
void fc_builtin_forms_after_tap (FcElement *el);

G_END_DECLS
