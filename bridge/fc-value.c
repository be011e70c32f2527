/* fc-value.c: the bridge's value type.
 *
 * Why not cJSON as the runtime value: cJSON nodes are owned by exactly one
 * parent, so handing `{{stepList}}` to a component would need a deep copy
 * on every evaluation, and cJSON has no `undefined`. A reference-counted
 * value lets bindings, component properties and page data share nodes, and
 * setData copies only the containers along the changed path (copy on
 * write), so an update costs O(path depth), not O(data size). cJSON is
 * still used to read JSON text (fc-value-json.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-value-private.h"

static FcValue undefined_value = { -1, FC_VALUE_UNDEFINED, { 0 } };
static FcValue null_value = { -1, FC_VALUE_NULL, { 0 } };
static FcValue true_value = { -1, FC_VALUE_BOOLEAN, { .b = TRUE } };
static FcValue false_value = { -1, FC_VALUE_BOOLEAN, { .b = FALSE } };

G_DEFINE_BOXED_TYPE (FcValue, fc_value, fc_value_ref, fc_value_unref)

/**
 * fc_value_ref:
 * @value: a value
 *
 * Takes a reference to a value: values are shared, not copied.
 *
 * Returns: (transfer full): @value
 */
FcValue *
fc_value_ref (FcValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);
  if (value->ref_count > 0)
    g_atomic_int_inc (&value->ref_count);
  return value;
}


static void
member_init (Member *m, const char *key, gsize len, FcValue *value)
{
  m->value = value;
  memset (m->key, 0, KEY_INLINE);
  if (len <= KEY_MAX_INLINE)
    {
      memcpy (m->key, key, len);
      m->key[KEY_INLINE - 1] = (char) len;
    }
  else
    {
      char *heap = g_strndup (key, len);
      memcpy (m->key, &heap, sizeof heap);
      m->key[KEY_INLINE - 1] = (char) KEY_ON_HEAP;
    }
}

static inline gboolean
is_heap_key (const Member *m)
{
  return (guchar) m->key[KEY_INLINE - 1] == KEY_ON_HEAP;
}

/* Whether @m's key is @key, @len bytes long. */
static inline gboolean
key_matches (const Member *m, const char *key, gsize len)
{
  if (len <= KEY_MAX_INLINE)
    return (guchar) m->key[KEY_INLINE - 1] == len && m->key[0] == key[0] && memcmp (m->key, key, len) == 0;
  return is_heap_key (m) && strcmp (fc_value_member_key (m), key) == 0;
}

/* The members block allocated with object value @v. */
static inline Members *
inline_members (const FcValue *v)
{
  return (Members *) ((char *) v + sizeof (FcValue));
}

static void
members_free (FcValue *object)
{
  Members *o = object->object;

  for (guint i = 0; i < o->len; i++)
    {
      Member *m = &o->members[i];
      if (is_heap_key (m))
        g_free ((char *) fc_value_member_key (m));
      fc_value_unref (m->value);
    }
  g_free (o->index);
  if (o != inline_members (object))
    g_free (o);
}

static void
members_init (Members *o, guint alloc)
{
  o->len = 0;
  o->alloc = alloc;
  o->index = NULL;
  o->index_mask = 0;
}

static void
index_insert (Members *o, guint i)
{
  guint slot = g_str_hash (fc_value_member_key (&o->members[i])) & o->index_mask;
  while (o->index[slot])
    slot = (slot + 1) & o->index_mask;
  o->index[slot] = i + 1;
}

/* (Re)builds the index with at least twice as many slots as members. */
static void
index_build (Members *o)
{
  guint size = 4 * INDEX_MIN;

  while (size < 2 * o->len + 2)
    size *= 2;
  g_free (o->index);
  o->index = g_new0 (guint32, size);
  o->index_mask = size - 1;
  for (guint i = 0; i < o->len; i++)
    index_insert (o, i);
}

/* The position of member @key (@len bytes), or -1. */
static inline int
members_find (const Members *o, const char *key, gsize len)
{
  if (o->index)
    {
      guint slot = g_str_hash (key) & o->index_mask;
      for (guint32 i; (i = o->index[slot]); slot = (slot + 1) & o->index_mask)
        if (key_matches (&o->members[i - 1], key, len))
          return (int) i - 1;
      return -1;
    }
  for (guint i = 0; i < o->len; i++)
    if (key_matches (&o->members[i], key, len))
      return (int) i;
  return -1;
}

/**
 * fc_value_unref:
 * @value: (transfer full): a value
 *
 * Releases a reference to a value; the last one frees it.
 */
void
fc_value_unref (FcValue *value)
{
  g_return_if_fail (value != NULL);
  if (value->ref_count < 0)
    return;
  if (!g_atomic_int_dec_and_test (&value->ref_count))
    return;
  switch (value->kind)
    {
    case FC_VALUE_STRING:
      if (value->s != (char *) (value + 1)) /* not in the value's own block */
        g_free (value->s);
      break;
    case FC_VALUE_ARRAY:
      g_ptr_array_unref (value->array);
      break;
    case FC_VALUE_OBJECT:
      members_free (value);
      break;
    default:
      break;
    }
  g_free (value);
}

static FcValue *
value_alloc (FcValueKind kind)
{
  /* not zeroed: every constructor sets its member of the union */
  FcValue *v = g_new (FcValue, 1);
  v->ref_count = 1;
  v->kind = kind;
  return v;
}

/* Whether the caller's reference is the only one, so the value may be
 * changed in place without anyone seeing it (copy on write). */
gboolean
fc_value_is_exclusive (const FcValue *value)
{
  return g_atomic_int_get (&value->ref_count) == 1;
}

/**
 * fc_value_new_undefined:
 *
 * The value `undefined`: what a missing member or an unset property reads
 * as, distinct from `null`.
 *
 * Returns: (transfer full): `undefined`
 */
FcValue *
fc_value_new_undefined (void)
{
  return &undefined_value;
}

/**
 * fc_value_new_null:
 *
 * The value `null`.
 *
 * Returns: (transfer full): `null`
 */
FcValue *
fc_value_new_null (void)
{
  return &null_value;
}

/**
 * fc_value_new_boolean:
 * @b: a boolean.
 *
 * A boolean value.
 *
 * Returns: (transfer full): @b
 */
FcValue *
fc_value_new_boolean (gboolean b)
{
  return b ? &true_value : &false_value;
}

/**
 * fc_value_new_number:
 * @n: a number.
 *
 * A number value (a double, as in JavaScript).
 *
 * Returns: (transfer full): @n
 */
FcValue *
fc_value_new_number (double n)
{
  FcValue *v = value_alloc (FC_VALUE_NUMBER);
  v->n = n;
  return v;
}

/* Every string held by a value is valid UTF-8: this is the one place text
 * from outside (a host's C code, JSON, markup, an expression's literals)
 * becomes trusted, so no walk over a value's characters has to guess.
 * Invalid sequences become U+FFFD, as g_utf8_make_valid() does. */
static char *
take_valid_utf8 (char *s)
{
  char *valid;

  if (!s)
    return g_strdup ("");
  if (G_LIKELY (g_utf8_validate (s, -1, NULL)))
    return s;
  valid = g_utf8_make_valid (s, -1);
  g_free (s);
  return valid;
}

/**
 * fc_value_new_string:
 * @s: (nullable): text, ideally UTF-8; %NULL is the empty string
 *
 * Makes a string value. Every string value holds valid UTF-8: bytes of
 * @s that are not valid UTF-8 are replaced by U+FFFD REPLACEMENT CHARACTER.
 *
 * Returns: (transfer full): a string value holding a copy of @s
 */
FcValue *
fc_value_new_string (const char *s)
{
  const char *end;

  if (!s)
    s = "";
  if (G_UNLIKELY (!g_utf8_validate (s, -1, &end)))
    return fc_value_new_string_take (g_strdup (s));
  return fc_value_new_string_len (s, end - s);
}

/* A string value of the @len bytes at @s (valid UTF-8, no NUL among
 * them), copied into the value's own block: one allocation, not two. */
FcValue *
fc_value_new_string_len (const char *s, gsize len)
{
  FcValue *v = g_malloc (sizeof (FcValue) + len + 1);

  v->ref_count = 1;
  v->kind = FC_VALUE_STRING;
  v->s = (char *) (v + 1);
  memcpy (v->s, s, len);
  v->s[len] = '\0';
  return v;
}

/**
 * fc_value_new_string_take:
 * @s: (transfer full) (nullable): text, ideally UTF-8; %NULL is the empty string
 *
 * Like fc_value_new_string(), taking @s. When @s is not valid UTF-8 it is
 * freed and a repaired copy (invalid bytes replaced by U+FFFD) is kept.
 *
 * Returns: (transfer full): a string value
 */
FcValue *
fc_value_new_string_take (char *s)
{
  FcValue *v = value_alloc (FC_VALUE_STRING);
  v->s = take_valid_utf8 (s);
  return v;
}

/**
 * fc_value_new_array:
 *
 * A new empty array, which its only owner may fill with
 * fc_value_array_append().
 *
 * Returns: (transfer full): an empty array
 */
FcValue *
fc_value_new_array (void)
{
  FcValue *v = value_alloc (FC_VALUE_ARRAY);
  v->array = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_value_unref);
  return v;
}

/* An empty object with room for @alloc members in the same allocation. */
static FcValue *
object_alloc (guint alloc)
{
  /* FcValue's size keeps the block after it aligned for pointers */
  G_STATIC_ASSERT (sizeof (FcValue) % G_ALIGNOF (Members) == 0);
  FcValue *v = g_malloc (sizeof (FcValue) + sizeof (Members) + alloc * sizeof (Member));

  v->ref_count = 1;
  v->kind = FC_VALUE_OBJECT;
  v->object = inline_members (v);
  members_init (v->object, alloc);
  return v;
}

/**
 * fc_value_new_object:
 *
 * A new empty object, which its only owner may fill with
 * fc_value_object_set().
 *
 * Returns: (transfer full): an empty object
 */
FcValue *
fc_value_new_object (void)
{
  return object_alloc (OBJECT_INLINE);
}

/**
 * fc_value_get_kind:
 * @value: a value
 *
 * The kind of a value: which of the getters applies.
 *
 * Returns: its kind
 */
FcValueKind
fc_value_get_kind (const FcValue *value)
{
  return value ? value->kind : FC_VALUE_UNDEFINED;
}

/**
 * fc_value_get_boolean:
 * @value: a value
 *
 * The boolean of a %FC_VALUE_BOOLEAN value.
 *
 * Returns: the boolean; %FALSE for another kind
 */
gboolean
fc_value_get_boolean (const FcValue *value)
{
  g_return_val_if_fail (value && value->kind == FC_VALUE_BOOLEAN, FALSE);
  return value->b;
}

/**
 * fc_value_get_number:
 * @value: a value
 *
 * The number of a %FC_VALUE_NUMBER value.
 *
 * Returns: the number; 0 for another kind
 */
double
fc_value_get_number (const FcValue *value)
{
  g_return_val_if_fail (value && value->kind == FC_VALUE_NUMBER, 0);
  return value->n;
}

/**
 * fc_value_get_string:
 * @value: a string value
 *
 * The text of a %FC_VALUE_STRING value.
 *
 * Returns: (transfer none): the text
 */
const char *
fc_value_get_string (const FcValue *value)
{
  g_return_val_if_fail (value && value->kind == FC_VALUE_STRING, NULL);
  return value->s;
}

/**
 * fc_value_array_get_length:
 * @array: an array
 *
 * The number of elements of an array.
 *
 * Returns: its length; 0 for another kind
 */
guint
fc_value_array_get_length (const FcValue *array)
{
  g_return_val_if_fail (array && array->kind == FC_VALUE_ARRAY, 0);
  return array->array->len;
}

/**
 * fc_value_array_get:
 * @array: an array value
 * @index: an index
 *
 * One element of an array.
 *
 * Returns: (transfer none) (nullable): the element, %NULL when out of range
 */
FcValue *
fc_value_array_get (const FcValue *array, guint index)
{
  g_return_val_if_fail (array && array->kind == FC_VALUE_ARRAY, NULL);
  return index < array->array->len ? g_ptr_array_index (array->array, index) : NULL;
}

/**
 * fc_value_array_append:
 * @array: an array value the caller owns alone
 * @element: (transfer full): the new element
 *
 * Appends an element to an array the caller owns alone.
 */
void
fc_value_array_append (FcValue *array, FcValue *element)
{
  g_return_if_fail (array && array->kind == FC_VALUE_ARRAY && element);
  g_return_if_fail (element != array); /* a cycle, never freed */
  g_ptr_array_add (array->array, element);
}

/**
 * fc_value_array_set:
 * @array: an array value the caller owns alone
 * @index: where; the array grows with `undefined` holes as in JavaScript
 * @element: (transfer full): the new element
 *
 * Replaces (or, at the end, appends) an element of an array the caller
 * owns alone.
 */
void
fc_value_array_set (FcValue *array, guint index, FcValue *element)
{
  g_return_if_fail (array && array->kind == FC_VALUE_ARRAY && element);
  g_return_if_fail (element != array); /* a cycle, never freed */
  while (array->array->len <= index)
    g_ptr_array_add (array->array, fc_value_new_undefined ());
  fc_value_unref (g_ptr_array_index (array->array, index));
  g_ptr_array_index (array->array, index) = element;
}

/**
 * fc_value_object_get_size:
 * @object: an object
 *
 * The number of members of an object.
 *
 * Returns: its size; 0 for another kind
 */
guint
fc_value_object_get_size (const FcValue *object)
{
  g_return_val_if_fail (object && object->kind == FC_VALUE_OBJECT, 0);
  return object->object->len;
}

/**
 * fc_value_object_get_key:
 * @object: an object value
 * @i: a member position, below fc_value_object_get_size()
 *
 * The name of one member of an object, in insertion order.
 *
 * Returns: (transfer none): the key of member @i, valid while @object is
 *   not changed
 */
const char *
fc_value_object_get_key (const FcValue *object, guint i)
{
  g_return_val_if_fail (object && object->kind == FC_VALUE_OBJECT, NULL);
  g_return_val_if_fail (i < fc_value_object_get_size (object), NULL);
  return fc_value_member_key (&object->object->members[i]);
}

/**
 * fc_value_object_get_nth:
 * @object: an object
 * @i: the index, below fc_value_object_get_size()
 *
 * The value of one member of an object, in insertion order
 * (fc_value_object_get_key() names it).
 *
 * Returns: (transfer none): the value of member @i
 */
FcValue *
fc_value_object_get_nth (const FcValue *object, guint i)
{
  g_return_val_if_fail (object && object->kind == FC_VALUE_OBJECT, NULL);
  g_return_val_if_fail (i < fc_value_object_get_size (object), NULL);
  return object->object->members[i].value;
}

/**
 * fc_value_object_get:
 * @object: an object value
 * @key: a member name
 *
 * Small objects (most in page data) are searched linearly, larger ones
 * through a hash index.
 *
 * Returns: (transfer none) (nullable): the member, %NULL when absent
 */
FcValue *
fc_value_object_get (const FcValue *object, const char *key)
{
  int i;

  g_return_val_if_fail (object && object->kind == FC_VALUE_OBJECT && key, NULL);
  i = members_find (object->object, key, strlen (key));
  return i < 0 ? NULL : object->object->members[i].value;
}

/**
 * fc_value_object_set:
 * @object: an object value the caller owns alone
 * @key: a member name; bytes that are not valid UTF-8 are replaced by
 *   U+FFFD, as in fc_value_new_string()
 * @member: (transfer full): the value
 *
 * Sets (or adds) a member of an object the caller owns alone.
 */
void
fc_value_object_set (FcValue *object, const char *key, FcValue *member)
{
  Members *o;
  gsize len;
  int i;

  g_autofree char *repaired = NULL;

  g_return_if_fail (object && object->kind == FC_VALUE_OBJECT && key && member);
  g_return_if_fail (member != object); /* a cycle, never freed */
  /* member names are text like string values: valid UTF-8 */
  if (G_UNLIKELY (!g_utf8_validate (key, -1, NULL)))
    key = repaired = g_utf8_make_valid (key, -1);
  o = object->object;
  len = strlen (key);
  if ((i = members_find (o, key, len)) >= 0)
    {
      fc_value_unref (o->members[i].value);
      o->members[i].value = member;
      return;
    }
  if (o->len == o->alloc)
    {
      guint alloc = MAX (2 * o->alloc, 4);
      if (o == inline_members (object))
        {
          /* out of the value's own block, which stays unused */
          Members *heap = g_malloc (sizeof (Members) + alloc * sizeof (Member));
          memcpy (heap, o, sizeof (Members) + o->len * sizeof (Member));
          o = heap;
        }
      else
        o = g_realloc (o, sizeof (Members) + alloc * sizeof (Member));
      o->alloc = alloc;
      object->object = o;
    }
  member_init (&o->members[o->len], key, len, member);
  o->len++;
  if (o->index && 2 * o->len + 2 <= o->index_mask + 1)
    index_insert (o, o->len - 1);
  else if (o->len > INDEX_MIN)
    index_build (o);
}

/**
 * fc_value_shallow_copy:
 * @value: a value
 *
 * A copy of an array or object whose members are shared with @value: the
 * caller owns the copy alone and may change it.
 *
 * Returns: (transfer full): a container with the same (shared) members, or
 *   a new reference to a scalar
 */
FcValue *
fc_value_shallow_copy (const FcValue *value)
{
  FcValue *copy;

  switch (value->kind)
    {
    case FC_VALUE_ARRAY:
      copy = fc_value_new_array ();
      for (guint i = 0; i < value->array->len; i++)
        g_ptr_array_add (copy->array, fc_value_ref (g_ptr_array_index (value->array, i)));
      return copy;
    case FC_VALUE_OBJECT:
      {
        const Members *o = value->object;
        Members *c;

        /* one allocation, the same positions, so the index is copied as it is */
        copy = object_alloc (MAX (o->len, OBJECT_INLINE));
        c = copy->object;
        if (o->len == 0)
          return copy;
        c->len = o->len;
        memcpy (c->members, o->members, o->len * sizeof (Member));
        for (guint i = 0; i < c->len; i++)
          {
            Member *m = &c->members[i];
            fc_value_ref (m->value);
            if (is_heap_key (m))
              {
                char *heap = g_strdup (fc_value_member_key (m));
                memcpy (m->key, &heap, sizeof heap);
              }
          }
        if (o->index)
          {
            c->index = g_memdup2 (o->index, (o->index_mask + 1) * sizeof (guint32));
            c->index_mask = o->index_mask;
          }
        return copy;
      }
    default:
      return fc_value_ref ((FcValue *) value);
    }
}

/**
 * fc_value_equal:
 * @a: a value
 * @b: a value
 *
 * Deep structural equality (NaN equals NaN, so an unchanged NaN property is
 * not reported as a change).
 *
 * Returns: whether @a and @b are equal
 */
gboolean
fc_value_equal (const FcValue *a, const FcValue *b)
{
  if (a == b)
    return TRUE;
  if (!a || !b || a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case FC_VALUE_UNDEFINED:
    case FC_VALUE_NULL:
      return TRUE;
    case FC_VALUE_BOOLEAN:
      return a->b == b->b;
    case FC_VALUE_NUMBER:
      return a->n == b->n || (isnan (a->n) && isnan (b->n));
    case FC_VALUE_STRING:
      return strcmp (a->s, b->s) == 0;
    case FC_VALUE_ARRAY:
      if (a->array->len != b->array->len)
        return FALSE;
      for (guint i = 0; i < a->array->len; i++)
        if (!fc_value_equal (g_ptr_array_index (a->array, i), g_ptr_array_index (b->array, i)))
          return FALSE;
      return TRUE;
    case FC_VALUE_OBJECT:
      if (fc_value_object_get_size (a) != fc_value_object_get_size (b))
        return FALSE;
      for (guint i = 0; i < fc_value_object_get_size (a); i++)
        {
          Member *m = &a->object->members[i];
          FcValue *o = fc_value_object_get (b, fc_value_member_key (m));
          if (!o || !fc_value_equal (m->value, o))
            return FALSE;
        }
      return TRUE;
    default:
      return FALSE;
    }
}
