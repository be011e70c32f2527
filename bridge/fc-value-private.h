/* fc-value-private.h: the layout of FcValue (fc-value.c), shared with
 * the file that converts values as JavaScript does (fc-value-js.c). */
#pragma once

#include <string.h>

#include "fc-bridge-private.h"

G_BEGIN_DECLS

/* An object member. A key of up to KEY_INLINE - 2 bytes (nearly every key
 * in page data) is stored in the member itself, NUL-terminated, with its
 * length in the last byte: setting it allocates nothing, and a lookup
 * rejects most members by length without reading their keys. A longer key
 * is on the heap, its pointer in the first bytes and KEY_ON_HEAP in the
 * last one. */
#define KEY_INLINE 16
#define KEY_MAX_INLINE (KEY_INLINE - 2)
#define KEY_ON_HEAP 0xff

typedef struct {
  FcValue *value;
  char key[KEY_INLINE];
} Member;

/* An object's members, in insertion order, in one block. Objects of up to
 * INDEX_MIN members are searched linearly (faster than hashing a key);
 * larger ones get an open-addressing index of member positions, so
 * lookups stay O(1) in objects with many keys. The first block is
 * allocated with the value itself (OBJECT_INLINE members, or as many as a
 * copy needs), so a small object is a single allocation; a larger one
 * moves its members to a block of their own. */
#define INDEX_MIN 8
#define OBJECT_INLINE 2

typedef struct {
  guint len;
  guint alloc;
  guint32 *index; /* NULL, or index_mask + 1 slots: member position + 1, 0 when free */
  guint index_mask;
  Member members[];
} Members;

struct _FcValue {
  gint ref_count; /* < 0: static, never freed */
  FcValueKind kind;
  union {
    gboolean b;
    double n;
    char *s;
    GPtrArray *array; /* of FcValue* */
    Members *object;  /* right after the value (inline_members()), or its own block */
  };
};

static inline const char *
fc_value_member_key (const Member *m)
{
  const char *heap;

  if ((guchar) m->key[KEY_INLINE - 1] != KEY_ON_HEAP)
    return m->key;
  memcpy (&heap, m->key, sizeof heap);
  return heap;
}

/* Makes @value live for the process, as null, true and false do: its
 * references are counted no more (no atomic operation each), and it is
 * never freed. For values that something living as long already holds
 * (the built-in classes' defaults, fc-builtins.c). */
static inline void
fc_value_make_immortal (FcValue *value)
{
  value->ref_count = -1;
}

/* Appends JavaScript's `String(value)` to @out (fc-value-js.c). */
void fc_value_append_js_string (const FcValue *value, GString *out);

/* What a text node or an id shows for @value, as a string value:
 * @value itself when it is a string (a reference, no copy), "" for
 * null and undefined, else JavaScript's String(value) (fc-value-js.c). */
FcValue *fc_value_to_text (FcValue *value);

/* A string value of the @len bytes at @s, which are valid UTF-8 without
 * a NUL, in one block with the value (fc-value.c). */
FcValue *fc_value_new_string_len (const char *s, gsize len);

G_END_DECLS
