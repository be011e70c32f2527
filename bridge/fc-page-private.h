#pragma once

#include "fc-component-private.h"

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
} BindingKind;

typedef enum {
  ELEMENT_NORMAL,
  ELEMENT_TEXT,
  ELEMENT_IF,  /* virtual: holds the active branch of a wx:if chain */
  ELEMENT_FOR, /* virtual: holds one instance per wx:for item */
  ELEMENT_HANDLE, /* what a plugin's code gets for its element: see
                     fc_element_get_component_handle() */
} ElementKind;

/* The variables of one wx:for instance, shared by its elements. */
typedef struct _ScopeRef ScopeRef;
struct _ScopeRef {
  gint ref_count;
  ScopeRef *parent;
  char *item_name;
  char *index_name;
  FcScope item;
  FcScope index;
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
  FcValue *value;              /* last evaluated value (event handler name, generic) */
  guint generation;
} Binding;

struct _FcElement {
  ElementKind kind;
  gboolean dead;         /* removed by wx:if / wx:for; freed after the update */
  ScopeRef *scope;       /* wx:for variables, or NULL */
  GPtrArray *branches;   /* ELEMENT_IF: const FcFxmlNode* per branch */
  int active;            /* ELEMENT_IF: the branch shown, -1 for none */
  guint consumed;        /* directives already applied when building from node */
  FcPage *page;
  FcElement *parent;
  GPtrArray *children; /* FcElement*, NULL for text */
  const FcFxmlNode *node;
  FcComponentClass *klass; /* NULL for text nodes */
  GObject *instance;
  char *id;
  char *text;          /* text nodes */
  FcValue **props;     /* coerced values, klass->properties->len */
  FcValue *dataset;    /* object or NULL */
  Binding *bindings;   /* n_bindings of bindings_alloc, one block */
  guint n_bindings;
  guint bindings_alloc;
  GHashTable *generics; /* generic:NAME → FcComponentClass, or NULL */
  gboolean mounted;
  FcElement *handle;    /* a plugin component's handle (made on first use);
                           a handle's element, NULL once the element is gone */
  gboolean handle_adopted; /* the handle lives as long as the instance */
  guint holds;          /* fc_element_hold()s made through this element or
                           handle, released when the element goes */
};

FcValue *fc_element_dup_dataset (FcElement *element);
/* @el, or the element a handle stands for */
static inline FcElement *
fc_element_resolve (FcElement *el)
{
  return el && el->kind == ELEMENT_HANDLE ? el->handle : el;
}
void fc_page_emit_warning (FcPage *page, int line, int col, const char *fmt, ...) G_GNUC_PRINTF (4, 5);
void fc_page_emit_navigate (FcPage *page, const char *url);
/* A plugin page's handlers: its events resolve in @scope only; the host's
 * scope (fc_page_get_scope()) just observes them. %NULL: the host's. */
void fc_page_set_plugin_scope (FcPage *page, FcCallbackScope *scope);
gboolean fc_callback_scope_invoke_observed (FcCallbackScope *self, FcCallbackScope *host,
                                            const FcEvent *event);

G_END_DECLS
