#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include <glib.h>
#include "fc-bridge-macros.h"
#include "fc-expr.h"

G_BEGIN_DECLS

/**
 * FcFxmlNodeType:
 * @FC_FXML_DOCUMENT: the document: the root, holding the top-level nodes
 * @FC_FXML_ELEMENT: an element, with attributes and children
 * @FC_FXML_TEXT: text between tags, bindings included
 * @FC_FXML_COMMENT: a `<!-- -->` comment
 * @FC_FXML_SCRIPT: a `<wxs>` module's inline source
 *
 * The kinds of node of parsed fxml markup.
 */
typedef enum {
  FC_FXML_DOCUMENT,
  FC_FXML_ELEMENT,
  FC_FXML_TEXT,
  FC_FXML_COMMENT,
  FC_FXML_SCRIPT,
} FcFxmlNodeType;

/**
 * FcFxmlAttribute:
 * @name: the name as written
 * @value: (nullable): the raw value as written (entities not decoded);
 *   %NULL for an attribute without a value
 * @tpl: the parsed value; for a valueless attribute the constant `true`
 * @line: line of the name
 * @col: column of the name
 *
 * One attribute of an element node, as written, with its parsed bindings.
 */
typedef struct {
  char *name;
  char *value;
  FcTemplate *tpl;
  int line;
  int col;
} FcFxmlAttribute;

/**
 * FcFxmlWarning:
 * @line: line of what it is about
 * @col: column of what it is about
 * @message: what was wrong and what the parser did instead (without the
 *   file name and position)
 *
 * Markup that glass-easel accepts with a warning (a duplicate attribute:
 * the first is kept).
 */
typedef struct {
  int line;
  int col;
  char *message;
} FcFxmlWarning;

/**
 * FcFxmlNode:
 * @type: the node type
 * @name: tag of an element; the file name for the document node
 * @text: decoded text of a comment; raw text of a text node; the content
 *   of a `<wxs>` element (%FC_FXML_SCRIPT, its only child), as written
 * @tpl: the parsed text of a text node
 * @attributes: (element-type FcFxmlAttribute): of an element
 * @children: (element-type FcFxmlNode): of an element or the document
 * @parent: (nullable): the parent
 * @line: 1-based line of the node's start
 * @col: 1-based column (in bytes) of the node's start
 * @warnings: (element-type FcFxmlWarning) (nullable): of the document
 *   node: what the parser accepted with a warning, in document order
 *
 * A node of a parsed `.fxml` tree. Whitespace-only text is dropped.
 */
typedef struct _FcFxmlNode FcFxmlNode;
struct _FcFxmlNode {
  FcFxmlNodeType type;
  char *name;
  char *text;
  FcTemplate *tpl;
  GPtrArray *attributes;
  GPtrArray *children;
  FcFxmlNode *parent;
  int line;
  int col;
  GPtrArray *warnings;
};

FC_BRIDGE_EXPORT FcFxmlNode *fc_fxml_parse (const char *text, gssize length,
                                            const char *filename, GError **error);
FC_BRIDGE_EXPORT const FcFxmlAttribute *fc_fxml_node_get_attribute (const FcFxmlNode *node,
                                                                    const char *name);
FC_BRIDGE_EXPORT gboolean fc_fxml_node_is_wxs (const FcFxmlNode *node);
FC_BRIDGE_EXPORT void fc_fxml_node_free (FcFxmlNode *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcFxmlNode, fc_fxml_node_free)

G_END_DECLS
