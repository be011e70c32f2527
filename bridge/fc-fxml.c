/* fc-fxml.c: the .fxml (WXML) markup parser. */
#include <string.h>

#include "fc-bridge-private.h"
#include "fc-source-private.h"

G_DEFINE_QUARK (fc-bridge-error, fc_bridge_error)

const char *
fc_bridge_error_code_to_string (int code)
{
  static const char *const names[] = {
    "unclosed-tag", "mismatched-tag", "duplicate-attribute", "bad-entity",
    "unterminated-binding", "bad-expression", "syntax", "bad-json", "bad-path",
    "unknown-component", "unknown-method", "not-found", "failed", "bad-component", "recursion",
  };
  return code >= 0 && code < (int) G_N_ELEMENTS (names) ? names[code] : "failed";
}

/* Mounting and freeing recurse over the tree; bound its depth. */
#define FC_FXML_MAX_DEPTH 256

typedef struct {
  const char *filename;
  const char *text;
  const char *end;
  const char *p;
  int line;
  int col;
  GError **error;
  GPtrArray *warnings; /* FcFxmlWarning*, or NULL */
} Lexer;

static void
advance (Lexer *lx, gsize n)
{
  for (gsize i = 0; i < n && lx->p < lx->end; i++, lx->p++)
    {
      if (*lx->p == '\n')
        lx->line++, lx->col = 1;
      else
        lx->col++;
    }
}

static gboolean
error_at (Lexer *lx, int line, int col, int code, const char *fmt, ...) G_GNUC_PRINTF (5, 6);

static gboolean
error_at (Lexer *lx, int line, int col, int code, const char *fmt, ...)
{
  va_list ap;
  g_autofree char *msg = NULL;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (lx->error, FC_BRIDGE_ERROR, code, "%s:%d:%d: %s", lx->filename, line, col, msg);
  return FALSE;
}

void
fc_fxml_attribute_free (gpointer p)
{
  FcFxmlAttribute *a = p;
  g_free (a->name);
  g_free (a->value);
  fc_template_free (a->tpl);
  g_free (a);
}

static void
warning_free (gpointer p)
{
  FcFxmlWarning *w = p;
  g_free (w->message);
  g_free (w);
}

static FcFxmlNode *
node_new (FcFxmlNodeType type, FcFxmlNode *parent, int line, int col)
{
  FcFxmlNode *n = g_new0 (FcFxmlNode, 1);
  n->type = type;
  n->parent = parent;
  n->line = line;
  n->col = col;
  if (type == FC_FXML_ELEMENT || type == FC_FXML_DOCUMENT)
    {
      n->children = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_fxml_node_free);
      n->attributes = g_ptr_array_new_with_free_func (fc_fxml_attribute_free);
    }
  if (parent)
    g_ptr_array_add (parent->children, n);
  return n;
}

/**
 * fc_fxml_node_free:
 * @node: (nullable): a node
 *
 * Frees a node and its subtree.
 */
void
fc_fxml_node_free (FcFxmlNode *node)
{
  if (!node)
    return;
  g_free (node->name);
  g_free (node->text);
  fc_template_free (node->tpl);
  if (node->warnings)
    g_ptr_array_unref (node->warnings);
  if (node->attributes)
    g_ptr_array_unref (node->attributes);
  if (node->children)
    g_ptr_array_unref (node->children);
  g_free (node);
}

/**
 * fc_fxml_node_is_wxs:
 * @node: a node
 *
 * Whether a node is a `<wxs>` module.
 *
 * Returns: whether @node is a `<wxs>` element: a module, not part of the
 *   element tree
 */
gboolean
fc_fxml_node_is_wxs (const FcFxmlNode *node)
{
  return node->type == FC_FXML_ELEMENT && node->name[0] == 'w' && strcmp (node->name, "wxs") == 0;
}

/**
 * fc_fxml_node_get_attribute:
 * @node: an element
 * @name: an attribute name
 *
 * Finds an attribute of an element node by name.
 *
 * Returns: (transfer none) (nullable): the attribute
 */
const FcFxmlAttribute *
fc_fxml_node_get_attribute (const FcFxmlNode *node, const char *name)
{
  if (!node->attributes)
    return NULL;
  for (guint i = 0; i < node->attributes->len; i++)
    {
      const FcFxmlAttribute *a = g_ptr_array_index (node->attributes, i);
      if (fc_str_equal (a->name, name))
        return a;
    }
  return NULL;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == ':' || c == '.' || (unsigned char) c >= 0x80;
}

static gboolean
is_attr_name_char (char c)
{
  return c && !g_ascii_isspace (c) && c != '=' && c != '/' && c != '>' && c != '<' && c != '"' && c != '\'';
}

static void
skip_ws (Lexer *lx)
{
  while (lx->p < lx->end && g_ascii_isspace (*lx->p))
    advance (lx, 1);
}

static gboolean
starts (Lexer *lx, const char *s)
{
  gsize n = strlen (s);
  return (gsize) (lx->end - lx->p) >= n && memcmp (lx->p, s, n) == 0;
}

static char *
read_name (Lexer *lx, gboolean attr)
{
  const char *s = lx->p;
  while (lx->p < lx->end && (attr ? is_attr_name_char (*lx->p) : is_name_char (*lx->p)))
    advance (lx, 1);
  return lx->p > s ? g_strndup (s, lx->p - s) : NULL;
}

/* Whether @name is an event binding with a colon (bind:tap,
 * capture-catch:tap): glass-easel adds each as a listener of its own, so
 * the same one twice is no duplicate. */
static gboolean
is_event_listener (const char *name)
{
  static const char *const prefixes[] = {
    "bind:", "catch:", "mut-bind:", "capture-bind:", "capture-catch:", "capture-mut-bind:",
  };
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]))
      return TRUE;
  return FALSE;
}

/* Parses `<tag attrs... >` or `/>`, lexer on '<'. Sets *self_closing. */
static FcFxmlNode *
parse_start_tag (Lexer *lx, FcFxmlNode *parent, gboolean *self_closing)
{
  int line = lx->line, col = lx->col;
  g_autoptr (GHashTable) seen = NULL; /* attribute names, once there are many */
  g_autoptr (GPtrArray) dropped = NULL; /* duplicates, read and thrown away */
  FcFxmlNode *el;
  char *name;

  advance (lx, 1);
  name = read_name (lx, FALSE);
  if (!name)
    return error_at (lx, line, col, FC_BRIDGE_ERROR_SYNTAX, "expected a tag name after '<'"), NULL;
  el = node_new (FC_FXML_ELEMENT, parent, line, col);
  el->name = name;

  while (TRUE)
    {
      FcFxmlAttribute *attr;
      int aline, acol, vline, vcol;
      char *aname;

      skip_ws (lx);
      if (lx->p >= lx->end)
        return error_at (lx, line, col, FC_BRIDGE_ERROR_UNCLOSED_TAG,
                         "unclosed tag <%s>: end of input inside the tag", name), NULL;
      if (starts (lx, "/>"))
        {
          advance (lx, 2);
          *self_closing = TRUE;
          return el;
        }
      if (*lx->p == '>')
        {
          advance (lx, 1);
          *self_closing = FALSE;
          return el;
        }
      aline = lx->line, acol = lx->col;
      aname = read_name (lx, TRUE);
      if (!aname)
        return error_at (lx, lx->line, lx->col, FC_BRIDGE_ERROR_SYNTAX,
                         "unexpected '%c' in tag <%s>", *lx->p, name), NULL;
      /* a linear search per attribute is quadratic: 20,000 attributes
       * took seconds */
      if (!seen && el->attributes->len >= 16)
        {
          seen = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; i < el->attributes->len; i++)
            g_hash_table_add (seen, ((FcFxmlAttribute *) g_ptr_array_index (el->attributes, i))->name);
        }
      attr = g_new0 (FcFxmlAttribute, 1);
      attr->name = aname;
      attr->line = aline;
      attr->col = acol;
      if (!is_event_listener (aname)
          && (seen ? g_hash_table_contains (seen, aname) : fc_fxml_node_get_attribute (el, aname) != NULL))
        {
          /* glass-easel warns and keeps the first; the value is still
           * read (and must still parse) */
          FcFxmlWarning *w = g_new (FcFxmlWarning, 1);
          w->line = aline;
          w->col = acol;
          w->message = g_strdup_printf ("duplicate attribute \"%s\" on <%s>: the first is kept", aname, name);
          if (!lx->warnings)
            lx->warnings = g_ptr_array_new_with_free_func (warning_free);
          g_ptr_array_add (lx->warnings, w);
          if (!dropped)
            dropped = g_ptr_array_new_with_free_func (fc_fxml_attribute_free);
          g_ptr_array_add (dropped, attr);
        }
      else
        {
          g_ptr_array_add (el->attributes, attr);
          if (seen)
            g_hash_table_add (seen, attr->name);
        }

      skip_ws (lx);
      if (lx->p < lx->end && *lx->p == '=')
        {
          const char *vs;
          char q;
          advance (lx, 1);
          skip_ws (lx);
          if (lx->p >= lx->end || (*lx->p != '"' && *lx->p != '\''))
            {
              /* unquoted value, up to whitespace or the end of the tag */
              vline = lx->line, vcol = lx->col;
              vs = lx->p;
              while (lx->p < lx->end && !g_ascii_isspace (*lx->p) && *lx->p != '>' && !starts (lx, "/>"))
                advance (lx, 1);
              if (lx->p == vs)
                return error_at (lx, aline, acol, FC_BRIDGE_ERROR_SYNTAX,
                                 "attribute \"%s\" has '=' but no value", aname), NULL;
              attr->value = g_strndup (vs, lx->p - vs);
            }
          else
            {
              q = *lx->p;
              advance (lx, 1);
              vline = lx->line, vcol = lx->col;
              vs = lx->p;
              while (lx->p < lx->end && *lx->p != q)
                {
                  /* a quote inside {{ }} belongs to the expression */
                  if (starts (lx, "{{"))
                    {
                      const char *close = fc_find_binding_end (lx->p + 2, lx->end);
                      if (close)
                        {
                          advance (lx, close + 2 - lx->p);
                          continue;
                        }
                    }
                  advance (lx, 1);
                }
              if (lx->p >= lx->end)
                return error_at (lx, aline, acol, FC_BRIDGE_ERROR_SYNTAX,
                                 "unterminated value of attribute \"%s\"", aname), NULL;
              attr->value = g_strndup (vs, lx->p - vs);
              advance (lx, 1);
            }
          attr->tpl = fc_template_parse (attr->value, lx->filename, vline, vcol, lx->error);
          if (!attr->tpl)
            return NULL;
        }
      else
        {
          g_autoptr (GError) unused = NULL;
          attr->tpl = fc_template_parse ("{{true}}", lx->filename, aline, acol, &unused);
        }
    }
}

/**
 * fc_fxml_parse: (skip)
 * @text: the markup
 * @length: its length, or -1 when nul-terminated
 * @filename: name used in messages
 * @error: return location for a %FC_BRIDGE_ERROR error
 *
 * Parses fxml (WXML) markup into a tree of nodes; malformed markup fails
 * with the file, line and column.
 *
 * Returns: (transfer full) (nullable): the document node
 */
FcFxmlNode *
fc_fxml_parse (const char *text, gssize length, const char *filename, GError **error)
{
  g_autofree char *copy = NULL;
  Lexer lx;
  FcFxmlNode *doc, *cur;
  int depth = 0;

  g_return_val_if_fail (text != NULL, NULL);
  if (length < 0)
    length = strlen (text);
  copy = g_strndup (text, length); /* nul-terminated for the template parser */
  lx = (Lexer) { filename ? filename : "<fxml>", copy, copy + length, copy, 1, 1, error, NULL };
  {
    const char *bad = NULL;

    if (!g_utf8_validate (copy, length, &bad))
      {
        int line = 1, col = 1;

        for (const char *p = copy; p < bad; p = g_utf8_next_char (p))
          {
            if (*p == '\n')
              line++, col = 1;
            else
              col++;
          }
        error_at (&lx, line, col, FC_BRIDGE_ERROR_SYNTAX, "invalid UTF-8; markup must be UTF-8");
        return NULL;
      }
  }
  doc = node_new (FC_FXML_DOCUMENT, NULL, 1, 1);
  doc->name = g_strdup (lx.filename);
  cur = doc;

  while (lx.p < lx.end)
    {
      if (starts (&lx, "<!--"))
        {
          int line = lx.line, col = lx.col;
          const char *close = g_strstr_len (lx.p + 4, lx.end - lx.p - 4, "-->");
          FcFxmlNode *c;
          if (!close)
            {
              error_at (&lx, line, col, FC_BRIDGE_ERROR_SYNTAX, "unterminated comment");
              goto fail;
            }
          c = node_new (FC_FXML_COMMENT, cur, line, col);
          c->text = g_strndup (lx.p + 4, close - lx.p - 4);
          advance (&lx, close + 3 - lx.p);
        }
      else if (starts (&lx, "</"))
        {
          int line = lx.line, col = lx.col;
          g_autofree char *name = NULL;
          advance (&lx, 2);
          name = read_name (&lx, FALSE);
          skip_ws (&lx);
          if (!name || lx.p >= lx.end || *lx.p != '>')
            {
              error_at (&lx, line, col, FC_BRIDGE_ERROR_SYNTAX, "malformed closing tag");
              goto fail;
            }
          advance (&lx, 1);
          if (cur == doc)
            {
              error_at (&lx, line, col, FC_BRIDGE_ERROR_MISMATCHED_TAG,
                        "closing tag </%s> without an open element", name);
              goto fail;
            }
          if (strcmp (name, cur->name) != 0)
            {
              error_at (&lx, line, col, FC_BRIDGE_ERROR_MISMATCHED_TAG,
                        "closing tag </%s> does not match <%s> opened at %d:%d",
                        name, cur->name, cur->line, cur->col);
              goto fail;
            }
          cur = cur->parent;
          depth--;
        }
      else if (*lx.p == '<' && lx.p + 1 < lx.end && (g_ascii_isalpha (lx.p[1]) || lx.p[1] == '_'))
        {
          gboolean self_closing = FALSE;
          FcFxmlNode *el;
          if (depth >= FC_FXML_MAX_DEPTH)
            {
              error_at (&lx, lx.line, lx.col, FC_BRIDGE_ERROR_SYNTAX,
                        "elements nested deeper than %d", FC_FXML_MAX_DEPTH);
              goto fail;
            }
          el = parse_start_tag (&lx, cur, &self_closing);
          if (!el)
            goto fail;
          if (!self_closing && strcmp (el->name, "wxs") == 0)
            {
              /* a script: its content is the module's source, not markup
               * ('<' is an operator there), up to the closing tag */
              const char *close = g_strstr_len (lx.p, lx.end - lx.p, "</wxs");
              FcFxmlNode *script;
              if (!close)
                {
                  error_at (&lx, el->line, el->col, FC_BRIDGE_ERROR_UNCLOSED_TAG, "unclosed tag <wxs>");
                  goto fail;
                }
              script = node_new (FC_FXML_SCRIPT, el, lx.line, lx.col);
              script->text = g_strndup (lx.p, close - lx.p);
              advance (&lx, close - lx.p);
            }
          if (!self_closing)
            depth++;
          if (!self_closing)
            cur = el;
        }
      else
        {
          int line = lx.line, col = lx.col;
          const char *s = lx.p;
          gboolean blank = TRUE;
          /* text runs to the next tag; '<' inside {{ }} is an operator */
          while (lx.p < lx.end)
            {
              if (starts (&lx, "{{"))
                {
                  const char *close = fc_find_binding_end (lx.p + 2, lx.end);
                  if (!close)
                    break; /* the template parser reports it */
                  blank = FALSE;
                  advance (&lx, close + 2 - lx.p);
                  continue;
                }
              if (*lx.p == '<' && lx.p > s)
                break;
              if (*lx.p == '<' && lx.p == s)
                {
                  /* a '<' that starts no tag: keep it as text */
                }
              if (!g_ascii_isspace (*lx.p))
                blank = FALSE;
              advance (&lx, 1);
            }
          if (lx.p < lx.end && starts (&lx, "{{"))
            {
              /* unterminated binding: let the template parser say where */
              lx.p = lx.end;
              blank = FALSE;
            }
          if (!blank)
            {
              FcFxmlNode *t = node_new (FC_FXML_TEXT, cur, line, col);
              t->text = g_strndup (s, lx.p - s);
              t->tpl = fc_template_parse (t->text, lx.filename, line, col, error);
              if (!t->tpl)
                goto fail;
            }
        }
    }

  if (cur != doc)
    {
      error_at (&lx, cur->line, cur->col, FC_BRIDGE_ERROR_UNCLOSED_TAG, "unclosed tag <%s>", cur->name);
      goto fail;
    }
  doc->warnings = lx.warnings;
  return doc;

fail:
  if (lx.warnings)
    g_ptr_array_unref (lx.warnings);
  fc_fxml_node_free (doc);
  return NULL;
}
