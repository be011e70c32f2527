/* fc-app-private.h: FcApp's state, shared by fc-app.c and fc-app-page.c. */
#pragma once

#include "fc-plugin-private.h"
#include "fc-page-private.h"

G_BEGIN_DECLS

typedef struct
{
  char *alias;
  char *where;       /* app.json:L:C of the declaration */
  int subpackage;    /* index into roots, or -1 for the main package */
  FcValue *generics; /* genericsImplementation, or NULL */
  FcPlugin *plugin;
  FcPluginInterface iface;
} Decl;

struct _FcApp
{
  GObject parent_instance;
  FcPluginStore *store;
  char *dir;
  char *json_text;
  FcValue *json;
  GPtrArray *roots;    /* char*: subpackage roots, normalised */
  GPtrArray *decls;    /* Decl* */
  GHashTable *exports; /* normalised path → FcValue, shared by plugins exporting
                          one file */
  FcHostSettings *settings;
};

/* the subpackage a page path belongs to, or -1 */
int fc_app_subpackage_of (FcApp *self, const char *page_path);
/* The declaration of plugin @name usable from subpackage @sub (-1: the main
 * package); @by_provider also matches a provider id. An error names @at. */
Decl *fc_app_find_decl (FcApp *self, const char *name, int sub, gboolean by_provider, const char *at,
                        GError **error);

G_END_DECLS
