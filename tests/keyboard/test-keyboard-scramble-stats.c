/* Keyboard security figures (issue 9): scrambling is uniform and new on
 * every show.
 *
 * Uniformity: 100,000 shows through the core (fc_keyboard_set_show, the
 * arrangement read back from the layout's rows), for the ten digits and
 * for the 26 letters, counted in a key × position table. Every
 * (key, position) pair is tested on its own (its count against
 * Binomial(N, 1/n)), every key over positions and every position over keys
 * (chi-square, n - 1 degrees of freedom), and the whole table (chi-square,
 * (n - 1)² degrees of freedom). A uniform shuffle fails the test with
 * probability below 1e-6: the smallest p-value, multiplied by the number of
 * p-values looked at (Bonferroni), must not be below 1e-6. A biased shuffle
 * (the classic swap-with-any-index mistake) run through the same statistics
 * is rejected, which shows the test has the power to see a real bias.
 *
 * New arrangement on every show: 1,000 shows in a row; with 10! (or 26!)
 * equally likely arrangements, two consecutive shows alike is a failure
 * (a uniform shuffle does that with probability 999/10! ≈ 2.8e-4). */

#include "virtual-keyboard/fc-virtual-keyboard-core.h"

#include <math.h>
#include <string.h>

#define N_SHUFFLES 100000
#define N_SHOWS 1000
#define P_FAIL 1e-6

static const char qwerty[] = "qwertyuiopasdfghjklzxcvbnm";

/* Regularised upper incomplete gamma Q(a, x): series below a + 1, Lentz's
 * continued fraction above (Numerical Recipes, 6.2). */
static double
gamma_q (double a, double x)
{
  double gln = lgamma (a);

  if (x <= 0)
    return 1.0;
  if (x < a + 1)
    {
      double ap = a, sum = 1.0 / a, del = sum;

      for (int i = 0; i < 10000; i++)
        {
          ap += 1;
          del *= x / ap;
          sum += del;
          if (fabs (del) < fabs (sum) * 1e-15)
            break;
        }
      return 1.0 - sum * exp (-x + a * log (x) - gln);
    }
  else
    {
      double b = x + 1 - a, c = 1.0 / 1e-300, d = 1.0 / b, h = d;

      for (int i = 1; i < 10000; i++)
        {
          double an = -i * (i - a), del;

          b += 2;
          d = an * d + b;
          if (fabs (d) < 1e-300)
            d = 1e-300;
          c = b + an / c;
          if (fabs (c) < 1e-300)
            c = 1e-300;
          d = 1.0 / d;
          del = d * c;
          h *= del;
          if (fabs (del - 1.0) < 1e-15)
            break;
        }
      return exp (-x + a * log (x) - gln) * h;
    }
}

static double
chi2_p (double chi2, guint df)
{
  return gamma_q (df / 2.0, chi2 / 2.0);
}

typedef struct
{
  double min_p;
  const char *min_what;
  guint min_key, min_pos;
  guint n_p; /* how many p-values were looked at */
  double table_chi2, table_p;
} Verdict;

static void
consider (Verdict *v, double p, const char *what, guint key, guint pos)
{
  v->n_p++;
  if (p < v->min_p)
    {
      v->min_p = p;
      v->min_what = what;
      v->min_key = key;
      v->min_pos = pos;
    }
}

/* counts[key * n + pos] over @total arrangements of @n symbols. */
static Verdict
judge (const guint *counts, guint n, guint total)
{
  Verdict v = { .min_p = 2.0 };
  double expected = (double)total / n;
  double sd = sqrt (total * (1.0 / n) * (1.0 - 1.0 / n));

  v.table_chi2 = 0;
  for (guint k = 0; k < n; k++)
    for (guint p = 0; p < n; p++)
      {
        double d = counts[k * n + p] - expected;

        v.table_chi2 += d * d / expected;
        consider (&v, erfc (fabs (d) / sd / M_SQRT2), "pair", k, p);
      }
  v.table_p = chi2_p (v.table_chi2, (n - 1) * (n - 1));
  consider (&v, v.table_p, "table", 0, 0);

  for (guint k = 0; k < n; k++)
    {
      double by_key = 0, by_pos = 0;

      for (guint p = 0; p < n; p++)
        {
          double dk = counts[k * n + p] - expected;
          double dp = counts[p * n + k] - expected;

          by_key += dk * dk / expected;
          by_pos += dp * dp / expected;
        }
      consider (&v, chi2_p (by_key, n - 1), "key", k, 0);
      consider (&v, chi2_p (by_pos, n - 1), "position", 0, k);
    }
  return v;
}

static gboolean
verdict_fails (const Verdict *v)
{
  return MIN (1.0, v->min_p * v->n_p) < P_FAIL;
}

/* The scrambled characters of the layout shown, in reading order. */
static void
arrangement (FcKeyboard *kb, GString *out)
{
  g_string_truncate (out, 0);
  for (guint r = 0; r < fc_keyboard_get_n_rows (kb); r++)
    {
      const FcKeyboardKey *keys;
      guint n;

      keys = fc_keyboard_get_row (kb, r, &n);
      for (guint i = 0; i < n; i++)
        if (keys[i].kind == FC_KEYBOARD_KEY_CHARACTER)
          g_string_append (out, keys[i].text);
    }
}

static guint
symbol_index (gboolean letters, char c)
{
  const char *at;

  if (!letters)
    {
      g_assert_true (g_ascii_isdigit (c));
      return c - '0';
    }
  at = strchr (qwerty, c);
  g_assert_nonnull (at);
  return at - qwerty;
}

static FcKeyboard *
scrambled_keyboard (gboolean letters)
{
  FcKeyboard *kb = fc_keyboard_new ();
  FcKeyboardVirtualClock *clock = fc_keyboard_virtual_clock_new ();

  /* No slide: show and hide complete at once (the arrangement is wiped
   * when a hide completes). */
  fc_keyboard_set_clock (kb, FC_KEYBOARD_CLOCK (clock));
  g_object_unref (clock);
  fc_keyboard_set_transition_duration (kb, 0);
  if (letters)
    {
      fc_keyboard_set_normal_type (kb, "letter");
      fc_keyboard_set_is_random_letter (kb, TRUE);
    }
  else
    fc_keyboard_set_is_random_number (kb, TRUE);
  return kb;
}

static void
test_uniform (gconstpointer data)
{
  gboolean letters = GPOINTER_TO_INT (data);
  guint n = letters ? 26 : 10;
  FcKeyboard *kb = scrambled_keyboard (letters);
  g_autofree guint *counts = g_new0 (guint, n * n);
  g_autoptr (GString) arr = g_string_new (NULL);
  Verdict v;

  for (guint s = 0; s < N_SHUFFLES; s++)
    {
      fc_keyboard_set_show (kb, TRUE);
      arrangement (kb, arr);
      g_assert_cmpuint (arr->len, ==, n);
      for (guint p = 0; p < n; p++)
        counts[symbol_index (letters, arr->str[p]) * n + p]++;
      fc_keyboard_set_show (kb, FALSE);
    }
  for (guint k = 0; k < n; k++)
    {
      guint row = 0;

      for (guint p = 0; p < n; p++)
        row += counts[k * n + p];
      g_assert_cmpuint (row, ==, N_SHUFFLES); /* a permutation every time */
    }

  v = judge (counts, n, N_SHUFFLES);
  g_test_message ("%s: %u shuffles, %u p-values; table chi2 = %.1f "
                  "(df %u, p = %.3g); smallest p = %.3g (%s key %u position "
                  "%u), Bonferroni %.3g; fails below %g",
                  letters ? "letters" : "digits", N_SHUFFLES, v.n_p,
                  v.table_chi2, (n - 1) * (n - 1), v.table_p, v.min_p,
                  v.min_what, v.min_key, v.min_pos, MIN (1.0, v.min_p * v.n_p),
                  P_FAIL);
  if (verdict_fails (&v))
    g_error ("scrambling is not uniform: %s (key %u, position %u) has p = "
             "%.3g over %u p-values",
             v.min_what, v.min_key, v.min_pos, v.min_p, v.n_p);
  g_assert_finalize_object (kb);
}

/* The same statistics reject a biased shuffle: the swap-with-any-index
 * mistake, driven by a fixed-seed xorshift so this test is deterministic. */
static guint64 xs_state = 0x9e3779b97f4a7c15ULL;

static guint32
xorshift (void)
{
  xs_state ^= xs_state << 13;
  xs_state ^= xs_state >> 7;
  xs_state ^= xs_state << 17;
  return (guint32)(xs_state >> 32);
}

static void
test_power (void)
{
  const guint n = 10;
  guint counts[10 * 10] = { 0 };
  Verdict v;

  for (guint s = 0; s < N_SHUFFLES; s++)
    {
      guint8 perm[10];

      for (guint i = 0; i < n; i++)
        perm[i] = i;
      for (guint i = 0; i < n; i++)
        {
          guint j = xorshift () % n; /* wrong: should be below i + 1 */
          guint8 t = perm[i];

          perm[i] = perm[j];
          perm[j] = t;
        }
      for (guint p = 0; p < n; p++)
        counts[perm[p] * n + p]++;
    }
  v = judge (counts, n, N_SHUFFLES);
  g_test_message ("biased shuffle: smallest p = %.3g (%s), table p = %.3g",
                  v.min_p, v.min_what, v.table_p);
  g_assert_true (verdict_fails (&v));
}

static void
test_new_every_show (gconstpointer data)
{
  gboolean letters = GPOINTER_TO_INT (data);
  FcKeyboard *kb = scrambled_keyboard (letters);
  g_autoptr (GHashTable) seen
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) arr = g_string_new (NULL);
  g_autofree char *previous = NULL;
  guint repeats = 0;

  for (guint s = 0; s < N_SHOWS; s++)
    {
      fc_keyboard_set_show (kb, TRUE);
      arrangement (kb, arr);
      g_assert_cmpuint (arr->len, ==, letters ? 26 : 10);
      if (previous && strcmp (previous, arr->str) == 0)
        repeats++;
      g_free (previous);
      previous = g_strdup (arr->str);
      g_hash_table_add (seen, g_strdup (arr->str));
      fc_keyboard_set_show (kb, FALSE);
    }
  g_test_message ("%s: %u shows, %u distinct arrangements, %u consecutive "
                  "repeats",
                  letters ? "letters" : "digits", N_SHOWS,
                  g_hash_table_size (seen), repeats);
  /* The core wipes an arrangement when the keyboard hides, so it cannot
   * avoid repeating it: a fair draw repeats the previous one with
   * probability 1/10! per show, i.e. once in ~3,600 runs of this test over
   * 999 pairs. Two repeats (p < 1e-7 for a fair shuffle) fail it. */
  g_assert_cmpuint (repeats, <=, letters ? 0 : 1);
  /* Among 1,000 draws from 10! the expected number of coinciding pairs is
   * 0.14, so a handful would already mean a weak generator; from 26! none. */
  if (letters)
    g_assert_cmpuint (g_hash_table_size (seen), ==, N_SHOWS);
  else
    g_assert_cmpuint (g_hash_table_size (seen), >=, N_SHOWS - 5);
  g_assert_finalize_object (kb);
}

static void
test_gamma_q (void)
{
  /* Known upper-tail values: chi2 critical values at p = 1e-6. */
  g_assert_cmpfloat_with_epsilon (chi2_p (44.811, 9), 1e-6, 1e-8);
  g_assert_cmpfloat_with_epsilon (chi2_p (73.895, 25), 1e-6, 1e-8);
  g_assert_cmpfloat_with_epsilon (chi2_p (2.0, 2), exp (-1.0), 1e-12);
}

static void
drop_debug (const char *domain, GLogLevelFlags level, const char *message,
            gpointer user_data)
{
}

int
main (int argc, char **argv)
{
  /* 200,000 shows make 800,000 debug lines ("layout rebuilt", "shown"):
   * no use in the test log, and most of the run time. */
  g_test_init (&argc, &argv, NULL);
  g_log_set_handler ("fc-keyboard", G_LOG_LEVEL_DEBUG, drop_debug, NULL);
  g_test_add_func ("/keyboard/scramble-stats/gamma-q", test_gamma_q);
  g_test_add_func ("/keyboard/scramble-stats/power", test_power);
  g_test_add_data_func ("/keyboard/scramble-stats/uniform/digits",
                        GINT_TO_POINTER (FALSE), test_uniform);
  g_test_add_data_func ("/keyboard/scramble-stats/uniform/letters",
                        GINT_TO_POINTER (TRUE), test_uniform);
  g_test_add_data_func ("/keyboard/scramble-stats/new-every-show/digits",
                        GINT_TO_POINTER (FALSE), test_new_every_show);
  g_test_add_data_func ("/keyboard/scramble-stats/new-every-show/letters",
                        GINT_TO_POINTER (TRUE), test_new_every_show);
  return g_test_run ();
}
