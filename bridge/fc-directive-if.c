/* fc-directive-if.c: the wx:if chain kind: the virtual element that
 * shows the first branch (wx:if, wx:elif..., wx:else) whose condition
 * holds, rebuilt when that changes. */
#include "fc-directive-if-private.h"
#include "fc-binding-private.h"
#include "fc-element-private.h"
#include "fc-element-tree-private.h"
#include "fc-page-signals-private.h"

static const FcElementKind if_kind;

static gboolean
if_refresh (FcPage *self, FcElement *el, GError **error)
{
  int want = -1;
  FcElement *child;

  for (guint k = 0; k < el->branches->len && want < 0; k++)
    {
      const FcFxmlNode *n = g_ptr_array_index (el->branches, k);
      if (fc_element_tree_directive (n, k == 0 ? "if" : "elif"))
        {
          for (guint i = 0; i < el->n_bindings; i++)
            {
              Binding *b = &el->bindings[i];
              if (b->kind == BINDING_IF && b->prop == (int) k && fc_value_is_truthy (b->value))
                want = (int) k;
            }
        }
      else
        want = (int) k; /* wx:else */
    }
  if (want == el->active)
    {
      if (self->refreshing && el->n_children)
        {
          self->refreshing++;
          fc_element_tree_refresh (self, el->children[0]);
          self->refreshing--;
        }
      return TRUE;
    }
  fc_page_update_begin (self);
  while (el->n_children)
    fc_element_destroy (self, el->children[el->n_children - 1]);
  el->active = want;
  if (want >= 0)
    {
      child = fc_element_tree_build (self, el, g_ptr_array_index (el->branches, want), NULL, NULL, el->scope,
                                     el->consumed, error);
      if (!child)
        {
          /* keep the tree consistent: nothing shown */
          while (el->n_children)
            fc_element_destroy (self, el->children[el->n_children - 1]);
          el->active = -1;
          fc_page_update_end (self);
          return FALSE;
        }
      fc_element_tree_mount (self, child);
    }
  fc_page_emit_children_changed (self, el);
  fc_page_update_end (self);
  return TRUE;
}

static FcElement *
build_if (FcPage *self, FcElement *parent, GPtrArray *branches, ScopeRef *scope, guint consumed,
          GError **error)
{
  FcElement *el = fc_element_new_child (self, parent, g_ptr_array_index (branches, 0), scope, &if_kind);

  fc_binding_reserve (el, branches->len);
  fc_element_tree_make_virtual (el);
  el->branches = branches;
  el->consumed = consumed | CONSUMED_IF;
  for (guint k = 0; k < branches->len; k++)
    {
      const FcFxmlNode *n = g_ptr_array_index (branches, k);
      const FcFxmlAttribute *cond = fc_element_tree_directive (n, k == 0 ? "if" : "elif");
      if (cond)
        {
          Binding *b = fc_binding_add (self, el, BINDING_IF, cond);
          b->prop = (int) k;
          fc_binding_update (self, b, TRUE);
        }
    }
  return if_refresh (self, el, error) ? el : NULL;
}

/* From its parent's markup (@siblings), the wx:elif and wx:else after
 * @node belong to its chain; inside a wx:for instance it stands alone. */
static FcElement *
if_mount (FcPage *self, FcElement *parent, const FcFxmlNode *node, const GPtrArray *siblings, guint *next,
          ScopeRef *scope, guint consumed, GError **error)
{
  GPtrArray *branches = g_ptr_array_new ();

  g_ptr_array_add (branches, (gpointer) node);
  if (siblings)
    {
      guint j = *next;
      while (j < siblings->len)
        {
          const FcFxmlNode *d = g_ptr_array_index (siblings, j);
          if (d->type == FC_FXML_COMMENT)
            {
              j++;
              continue;
            }
          if (!fc_element_tree_directive (d, "elif") && !fc_element_tree_directive (d, "else"))
            break;
          g_ptr_array_add (branches, (gpointer) d);
          j++;
          if (fc_element_tree_directive (d, "else"))
            break;
        }
      *next = j;
    }
  return build_if (self, parent, branches, scope, consumed, error);
}

static void
if_destroy (FcElement *el)
{
  g_clear_pointer (&el->branches, g_ptr_array_unref);
}

/* `wx:if` / `wx:elif` / `wx:else`: a virtual element holding the first
 * branch whose condition holds (BINDING_IF per condition). */
static const FcElementKind if_kind = {
  .name = "#if",
  .directive = "if",
  .consumes = CONSUMED_IF,
  .is_virtual = TRUE,
  .mount = if_mount,
  .refresh = if_refresh,
  .destroy = if_destroy,
};

const FcElementKind *
fc_directive_if_get_kind (void)
{
  return &if_kind;
}
