#pragma once

#include "fc-bridge-private.h"

G_BEGIN_DECLS

typedef struct {
  char *name;
  FcPropertyType type;
  FcPropertyType optional_types;
  FcValue *default_value;
  gboolean init_only;
} FcPropertySpec;

typedef struct {
  char *name;
  FcComponentMethod method;
  gpointer user_data;
  GDestroyNotify destroy;
} FcMethodSpec;

struct _FcComponentClass {
  gint ref_count;
  char *name;
  GArray *properties; /* FcPropertySpec */
  GPtrArray *events;  /* char* */
  GArray *methods;    /* FcMethodSpec */
  FcComponentFactory factory;
  FcComponentSetProperty set_property;
  FcComponentConnect connect;
  gpointer hooks_data;
  GDestroyNotify hooks_destroy;
  gboolean builtin;
  gboolean native; /* FC_BUILTIN_NATIVE: takes any attribute */
  GData *data;
};

static inline const FcPropertySpec *
fc_component_class_get_spec (const FcComponentClass *klass, guint i)
{
  return &g_array_index (klass->properties, FcPropertySpec, i);
}

FcMethodSpec *fc_component_class_find_method (const FcComponentClass *klass, const char *name);
char *fc_dash_to_camel (const char *name);

G_END_DECLS
