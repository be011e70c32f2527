/* fc-wxs-simple-private.h: a simple WXS function as fc-wxs-simple-parse.c
 * compiles it and fc-wxs-simple.c runs it. */
#pragma once

#include "fc-bridge-private.h"
#include "fc-wxs-private.h"

G_BEGIN_DECLS

typedef enum
{
  S_CONST,
  S_LOCAL,
  S_ADD,
  S_SUB,
  S_MUL,
  S_DIV,
  S_MOD,
  S_LT,
  S_GT,
  S_LE,
  S_GE,
  S_SEQ,
  S_SNE,
  S_NEG,
  S_PLUS,
  S_NOT,
  S_COND,
  S_TO_FIXED
} SKind;

typedef struct SNode SNode;
struct SNode
{
  SKind kind;
  FcValue *value; /* S_CONST */
  guint local;    /* S_LOCAL */
  SNode *a, *b, *c;
};

#define MAX_LOCALS 32
#define MAX_NODES 512

struct _FcWxsSimple
{
  guint n_params;
  guint n_locals;          /* parameters first, then variables */
  SNode *init[MAX_LOCALS]; /* each variable's initialiser (NULL: a parameter) */
  SNode *ret;
  GPtrArray *nodes; /* all of them, for freeing */
};

G_END_DECLS
