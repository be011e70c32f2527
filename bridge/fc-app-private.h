/* fc-app-private.h: FcApp's state, shared by fc-app.c and fc-app-page.c. */
#pragma once

#include "fc-file-cache-private.h"
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
  FcFileCache *files;      /* the mini-program's files, read once (fc-file-cache.c) */
};

/* the subpackage a page path belongs to, or -1 */
int fc_app_subpackage_of (FcApp *self, const char *page_path);
/* The declaration of plugin @name usable from subpackage @sub (-1: the main
 * package); @by_provider also matches a provider id. An error names @at. */
Decl *fc_app_find_decl (FcApp *self, const char *name, int sub, gboolean by_provider, const char *at,
                        GError **error);

/* fc-plugin-peers.c: plugin-private://PROVIDER/PATH from a page of @from's
 * plugin (its own components, or another declared plugin's, visible from
 * @sub), and the error for plugin:// inside a plugin. */
FcComponentClass *fc_app_resolve_plugin_private (FcApp *app, Decl *from,
                                                 int sub, const char *url,
                                                 const char *at,
                                                 GError **error);
FcComponentClass *fc_app_refuse_plugin_url (Decl *from, const char *url,
                                            const char *at, GError **error);
/* What a page loaded by the app is: a page of plugin @decl (or the
 * mini-program's, %NULL), in subpackage @sub (-1: the main package). */
void fc_app_page_set_origin (FcPage *page, Decl *decl, int sub);
/* Where a navigation from @from to @url leads: *@target the plugin://
 * url a plugin-private:// one names, or NULL to load @url as it is. */
gboolean fc_app_page_target (FcApp *self, FcPage *from, const char *url,
                             char **target, GError **error);

G_END_DECLS
