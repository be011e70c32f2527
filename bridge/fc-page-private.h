/* fc-page-private.h: the page model's types, shared by the files that
 * build, update and read it (see README.md: "The page model"). Functions
 * are declared in the private header of the file defining them. */
#pragma once

#include "fc-component-private.h"
#include "fc-deps-index-private.h"

G_BEGIN_DECLS

typedef enum {
  BINDING_PROPERTY,
  BINDING_ID,
  BINDING_DATASET,
  BINDING_EVENT,
  BINDING_TEXT,
  BINDING_GENERIC, /* class, style, hidden, slot: kept, not a property */
  BINDING_IF,      /* a wx:if / wx:elif condition; prop = branch index */
  BINDING_FOR,     /* a wx:for list */
  BINDING_MARK,    /* mark:NAME; key = NAME (fc-event-mark.c) */
} BindingKind;

/* The variables of one wx:for instance, shared by its elements
 * (fc-page-scope.c). */
typedef struct _ScopeRef ScopeRef;
struct _ScopeRef {
  gint ref_count;
  ScopeRef *parent;
  char *item_name;  /* both in the ScopeRef's own block */
  char *index_name;
  FcScope item;
  FcScope index;
  FcValue *data; /* a `<template is>` instance's root scope (no variables,
                    no parent): its data, read instead of the page's by
                    everything inside (fc-template-instance.c); else NULL */
  char names[];  /* item_name and index_name */
};

typedef enum {
  EVENT_BIND,
  EVENT_CATCH,
  EVENT_MUT_BIND,
  EVENT_CAPTURE_BIND,
  EVENT_CAPTURE_CATCH,
  EVENT_CAPTURE_MUT_BIND,
} EventBindingKind;

typedef struct {
  BindingKind kind;
  FcElement *element;
  const FcFxmlAttribute *attr; /* NULL for text */
  int prop;                    /* BINDING_PROPERTY */
  const char *key;             /* dataset key (owned_key), event name, generic name (in the markup) */
  char *owned_key;
  EventBindingKind event_kind;
  gboolean model;              /* model:NAME: the component writes its changes back */
  FcValue *value;              /* last evaluated value (event handler name, generic) */
  guint generation;
} Binding;

/* The directives a kind of element has applied to its node already, so
 * that the elements it builds from the same node do not apply them again
 * (FcElement.consumed). */
enum { CONSUMED_IF = 1 << 0, CONSUMED_FOR = 1 << 1 };

typedef struct _FcElementKind FcElementKind;
typedef struct _SharedDoc SharedDoc;

/* A component defined by its own markup (fc-component-def.c): its
 * folder's `X.json` and `X.fxml`, loaded once per page. */
typedef struct {
  char *name;            /* `/components/card/card`: from the root, no suffix */
  char *fxml_name;       /* `components/card/card.fxml`, in messages */
  char *root;            /* the plugin package it is in, or NULL: the page's files */
  SharedDoc *doc;
  FcValue *json;         /* X.json (an object) */
  FcComponentClass *klass;
  gboolean multiple_slots;
  gboolean validated;    /* its template's tags resolved (or being resolved) */
  FcPage *page;          /* the page it is loaded for (not a reference) */
  char *wxs_prefix;      /* its <wxs> modules' names in the page's sandbox start so, or NULL: none */
  FcExprCalls wxs_calls; /* what its template's bindings call them with (fc-page-wxs.c) */
  GHashTable *resolved;  /* its template's nodes → what their tags resolved to, lazy (fc-element-tree.c) */
} FcComponentDef;

/* The shadow tree of one component instance (fc-shadow.c): its template's
 * elements see @data (its properties and the JSON's `data`), not the
 * page's, and their bindings are indexed here. */
typedef struct _FcShadow FcShadow;
struct _FcShadow {
  FcElement *host;
  FcElement *root;        /* the shadow root, the host's only child */
  const FcComponentDef *def;
  FcValue *data;
  FcDepsIndex deps_index; /* as FcPage's */
  GHashTable *slots;      /* with multipleSlots: slot name → the <slot> holding the host's
                             content for it, made on first use; else NULL (fc-shadow.c) */
  FcElement *slot;        /* without: the <slot> holding all of it */
  guint depth;            /* shadow trees around it, + 1 */
};

/**
 * FcElementKind: (skip)
 * @name: the tag fc_element_get_tag() gives a virtual element (`#if`)
 * @directive: the `wx:` directive that makes an element of this kind
 *   (`for`, `if`), or %NULL for the kinds the markup names itself
 * @consumes: the CONSUMED_ bit of @directive
 * @is_virtual: the element only holds what a directive shows: it is never
 *   selected, and it refreshes its own children
 * @is_handle: what a plugin's code holds instead of the element
 * @is_slot: a `<slot>`: its children are the host's content, in the
 *   host's tree (they see the data the host's tree sees)
 * @mount: builds an element of this kind for @node under @parent (with
 *   the variables @scope). @siblings is the list @node is in, when built
 *   from its parent's markup, and *@next the index after @node: a kind
 *   may take the siblings after it (a `wx:if` chain its `wx:elif` and
 *   `wx:else`) and move *@next past them. Returns %NULL with @error set
 *   when a tag does not resolve.
 * @refresh: after a structural binding of the element (BINDING_IF,
 *   BINDING_FOR) changed value: brings its children up to date
 * @destroy: frees what the kind keeps in the element; %NULL for nothing
 *
 * What differs between kinds of node, so that building and updating the
 * tree never asks which kind an element is. One per file: fc-element-tree.c
 * (element, text), fc-directive-if.c, fc-directive-for.c, fc-element.c
 * (handle).
 */
struct _FcElementKind {
  const char *name;
  const char *directive;
  guint consumes;
  gboolean is_virtual;
  gboolean is_handle;
  gboolean is_slot;
  FcElement *(*mount) (FcPage *page, FcElement *parent, const FcFxmlNode *node, const GPtrArray *siblings,
                       guint *next, ScopeRef *scope, guint consumed, GError **error);
  gboolean (*refresh) (FcPage *page, FcElement *el, GError **error);
  void (*destroy) (FcElement *el);
};

struct _FcElement {
  const FcElementKind *kind;
  gboolean dead;         /* removed by wx:if / wx:for; freed after the update */
  ScopeRef *scope;       /* wx:for variables, or NULL */
  union {
    GPtrArray *branches;           /* wx:if: const FcFxmlNode* per branch */
    const FcFxmlNode *shown;       /* <template is>: the <template name> shown, or NULL */
  };
  int active;            /* wx:if: the branch shown, -1 for none */
  guint consumed;        /* directives already applied when building from node */
  gboolean truncated;    /* wx:for: stopped at FC_PAGE_MAX_ELEMENTS, fewer instances than items */
  FcPage *page;
  FcElement *parent;
  FcElement **children; /* n_children of them, room for children_cap: a block of
                           the page's slab (fc_element_append_child()); NULL
                           while it has none (text nodes, empty elements) */
  guint n_children;
  guint children_cap;
  const FcFxmlNode *node;
  FcComponentClass *klass; /* NULL for text nodes */
  GObject *instance;
  FcValue *id;         /* a string value, or NULL (fc_element_id()) */
  FcValue *text;       /* text nodes: a string value */
  FcValue **props;     /* coerced values, klass->properties->len; NULL:
                        * the class's default (fc_element_prop()) */
  FcValue *dataset;    /* object or NULL */
  Binding *bindings;   /* n_bindings of bindings_alloc, one block */
  guint n_bindings;
  guint bindings_alloc;
  GHashTable *generics; /* generic:NAME → FcComponentClass, or NULL */
  FcShadow *shadow;     /* the shadow tree the element is in; NULL: the page's */
  FcShadow *inner;      /* a component with a template: its shadow tree */
  gboolean mounted;
  FcElement *handle;    /* a plugin component's handle (made on first use);
                           a handle's element, NULL once the element is gone */
  gboolean handle_adopted; /* the handle lives as long as the instance */
  guint holds;          /* fc_element_hold()s made through this element or
                           handle, released when the element goes */
  guint block_size;     /* > 0: the element's block is this size, from the
                           page's slab, and may hold its bindings and props
                           (fc_element_new_child_sized()) */
  guint props_in_slab : 1;    /* props is a block of the page's slab of its own */
  guint bindings_in_slab : 1; /* so are bindings (fc_binding_reserve()) */
  guint klass_borrowed : 1;   /* klass is held by the page's resolved tags, not by a
                                 reference of the element's (fc-element-tree.c) */
};

/* Property @i of @el: the value it was given, or its class's default
 * while it has none (an element takes no reference on a default: most
 * properties of most elements keep theirs) */
static inline FcValue *
fc_element_prop (const FcElement *el, guint i)
{
  return el->props[i] ? el->props[i] : fc_component_class_get_spec (el->klass, i)->default_value;
}

/* Sets property @i of @el to @value (transfer full) */
static inline void
fc_element_set_prop (FcElement *el, guint i, FcValue *value)
{
  if (el->props[i])
    fc_value_unref (el->props[i]);
  el->props[i] = value;
}

/* @el's id as text, or NULL */
static inline const char *
fc_element_id (const FcElement *el)
{
  return el->id ? fc_value_get_string (el->id) : NULL;
}

/* The shadow tree a new child of @parent is in: a slot's children are
 * its host's content, in the host's tree. */
static inline FcShadow *
fc_element_child_shadow (const FcElement *parent)
{
  return parent->kind->is_slot && parent->shadow ? parent->shadow->host->shadow : parent->shadow;
}

/* A timeout of the page's virtual clock (fc-page-timers.c). */
typedef struct {
  guint id;
  double due;
  double interval;
  GSourceFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
  FcElement *owner; /* fc_element_add_timeout(): ends with the element */
} Timer;

typedef struct _CachedPath CachedPath;

struct _FcPage {
  GObject parent_instance;

  FcRegistry *registry;
  FcCallbackScope *scope;        /* the host's */
  FcCallbackScope *plugin_scope; /* a plugin page's handlers, or NULL */
  char *filename;
  SharedDoc *shared_doc;
  const FcFxmlNode *doc;
  FcValue *app_json;
  FcValue *page_json;
  FcValue *data;
  FcElement *root;
  guint n_elements;
  FcDepsIndex deps_index; /* first path segment → GPtrArray of Binding* */
  guint index_stamp;      /* changes whenever deps_index does; never 0 */
  guint generation;
  GHashTable *path_cache; /* setData key → CachedPath, as pages set the same keys again and again; lazy */
  const char *last_key;     /* the path_cache entry used last (a key it owns), or NULL */
  CachedPath *last_path;
  GPtrArray *scratch_paths; /* CachedPath* borrowed from path_cache, reused by set_data */
  GPtrArray *scratch_dirty; /* Binding*, reused by set_data */
  guint updating;           /* > 0 while bindings update or events run */
  guint refreshing;         /* > 0 while a wx:for instance is refreshed */
  GPtrArray *graveyard;     /* removed elements, freed when updating ends */
  gboolean lists_truncated; /* some wx:for stopped at max_elements */
  guint max_elements;       /* fc_page_set_max_elements(), FC_PAGE_MAX_ELEMENTS by default */

  double now;
  GArray *timers; /* Timer */
  guint next_timer_id;
  guint holds; /* fc_page_hold(): asynchronous work components have in flight */

  struct _FcWxsRuntime *wxs; /* the markup's WXS modules, or NULL (fc-page-wxs.c) */
  FcExprCalls wxs_calls;     /* what bindings evaluate with */
  int wxs_line, wxs_col;     /* the binding being evaluated, for warnings */
  char *root_dir;            /* fc_page_set_root() */
  char *root_page_path;      /* the markup's path in root_dir, or NULL: the filename */
  GHashTable *wxs_files;     /* fc_page_add_file(): path → text, or NULL */
  struct _FcFileCache *file_cache; /* its app's files, read once (fc_page_set_file_cache()), or NULL */
  struct _FcMarkupLib *markup; /* imported and included files, or NULL (fc-page-markup.c) */
  gboolean has_marks;          /* an element has a mark: attribute (events collect marks) */

  FcPageResolver resolver; /* fc_page_set_resolver(): the app's plugin:// rules */
  gpointer resolver_data;
  GDestroyNotify resolver_destroy;

  GHashTable *component_defs; /* `/components/x/x` → FcComponentDef*, lazy (fc-component-def.c) */
  struct _FcSlab *slab;       /* the blocks of its elements, lazy (fc-page-slab.c) */
  GHashTable *resolved_defs;  /* the markup's nodes → what their tags resolved to, lazy (fc-element-tree.c) */
  GHashTable *template_uses;  /* its <template is> nodes → what their attributes are for, lazy (fc-template-instance.c) */
  FcComponentClass *block_class; /* the registry's built-in `block`, for wx:if/wx:for elements: looked up once, borrowed */
};

/* @el, or the element a handle stands for */
static inline FcElement *
fc_element_resolve (FcElement *el)
{
  return el && el->kind->is_handle ? el->handle : el;
}

/* A plugin page's handlers: its events resolve in @scope only; the host's
 * scope (fc_page_get_scope()) just observes them. %NULL: the host's. */
void fc_page_set_plugin_scope (FcPage *page, FcCallbackScope *scope);

G_END_DECLS
