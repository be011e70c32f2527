/* fc-keyboard-random.c: key positions are a secret (shoulder surfing,
 * smudges), so they come from the kernel's CSPRNG, never g_random_*. */

#include "fc-keyboard-random-private.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

static guint32
random_u32 (void)
{
  guint32 value;
  guint8 *p = (guint8 *)&value;
  gsize got = 0;

  while (got < sizeof value)
    {
      ssize_t n = getrandom (p + got, sizeof value - got, 0);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          /* getrandom(2) only fails like this on kernels older than 3.17
           * or under a seccomp filter; a predictable layout is worse than
           * stopping. */
          g_error ("getrandom failed: %s", g_strerror (errno));
        }
      got += n;
    }
  return value;
}

/* A uniform integer in [0, bound): values below 2^32 mod bound are
 * rejected so every residue has the same number of preimages. */
guint32
fc_keyboard_random_below (guint32 bound)
{
  guint32 threshold, r;

  g_return_val_if_fail (bound > 0, 0);
  threshold = (guint32)(-bound) % bound;
  do
    r = random_u32 ();
  while (r < threshold);
  return r % bound;
}

/* Fisher–Yates (Durstenfeld): each of the n! orders equally likely. */
void
fc_keyboard_random_shuffle (guint8 *items, guint n_items)
{
  for (guint i = n_items; i > 1; i--)
    {
      guint j = fc_keyboard_random_below (i);
      guint8 tmp = items[i - 1];

      items[i - 1] = items[j];
      items[j] = tmp;
    }
}
