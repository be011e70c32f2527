/* fc-entities.c: looking up HTML's named character references, whose
 * table gen-entities.py writes to fc-entities-table.h. */
#include <string.h>

#include "fc-source-private.h"
#include "fc-entities-table.h"

/* The UTF-8 text of the entity called @name (@len bytes, without '&' and
 * ';'), or NULL when HTML has no such entity. Names are case-sensitive. */
const char *
fc_entity_lookup (const char *name, gsize len)
{
  gsize lo = 0, hi = G_N_ELEMENTS (entities);

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;
      int c = strncmp (entities[mid].name, name, len);

      /* a longer name with @name as its prefix sorts after it */
      if (c == 0 && entities[mid].name[len] != '\0')
        c = 1;
      if (c == 0)
        return entities[mid].utf8;
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}
