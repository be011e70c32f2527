/* fc-expr-private.h: the AST of `{{ }}` expressions, made by fc-expr.c
 * and evaluated by fc-expr-eval.c. */
#pragma once

#include "fc-expr.h"

G_BEGIN_DECLS

typedef enum {
  N_LITERAL,
  N_IDENT,
  N_MEMBER, /* a.name */
  N_INDEX,  /* a[expr] */
  N_NOT,
  N_NEG,
  N_PLUS,
  N_BINARY,
  N_AND,
  N_OR,
  N_COND,
  N_ARRAY,
  N_OBJECT,
  N_SPREAD,
  N_CALL,   /* a(items...) */
} NodeKind;

typedef enum {
  OP_MUL, OP_DIV, OP_MOD, OP_ADD, OP_SUB,
  OP_LT, OP_GT, OP_LE, OP_GE,
  OP_EQ, OP_NE, OP_SEQ, OP_SNE,
} BinOp;

typedef struct _Node Node;
struct _Node {
  NodeKind kind;
  BinOp op;
  FcValue *literal;
  char *name;      /* N_IDENT, N_MEMBER; object member key */
  Node *a, *b, *c;
  GPtrArray *items; /* N_ARRAY: Node*; N_OBJECT: Node* with name=key (N_SPREAD: no key) */
};

struct _FcExpr {
  Node *root;
};

G_END_DECLS
