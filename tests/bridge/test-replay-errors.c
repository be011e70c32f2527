/* fc-demo replay exits 1 with a precise error line for bad cases (and not
 * by crashing): tests/replay/fail-*.json. */
#include <string.h>
#include <sys/wait.h>
#include <fc-bridge.h>

typedef struct {
  const char *file;
  const char *last_line_has;
} Row;

static const Row rows[] = {
  { "fail-unknown-component.json",
    "\"error\":{\"domain\":\"fc-plugin-error\",\"code\":\"undeclared-alias\",\"message\":\"pages/index/index.json:1:32: plugin \\\"nowhere\\\" is not declared in app.json \\\"plugins\\\"" },
  { "fail-bad-expression.json",
    "\"error\":{\"domain\":\"fc-bridge-error\",\"code\":\"bad-expression\",\"message\":\"pages/index/index.fxml:2:14: " },
  { "fail-unmatched-expect.json",
    "\"error\":{\"domain\":\"fc-replay\",\"code\":\"expect-unmatched\"" },
  { "fail-plugin-outside-subpackage.json",
    "\"error\":{\"domain\":\"fc-plugin-error\",\"code\":\"outside-subpackage\",\"message\":\"pages/bad/bad.json:1:45: plugin \\\"video\\\" is declared by subpackage \\\"packageA\\\" (app.json:11:9) and is usable only from its pages\"" },
  { "fail-plugin-not-public.json",
    "\"error\":{\"domain\":\"fc-plugin-error\",\"code\":\"not-public\",\"message\":\"pages/index/index.json:1:32: \\\"keyboard-internal\\\" is not a public component of plugin fc-virtual-keyboard 1.0.0" },
  { "fail-plugin-unknown-version.json",
    "\"error\":{\"domain\":\"fc-plugin-error\",\"code\":\"unknown-version\",\"message\":\"app.json:1:13: plugin \\\"virtual-keyboard\\\": plugin fc-virtual-keyboard has no version 9.9.9 installed (installed: 1.0.0)\"" },
  /* a host value the platform cannot use stops the case before the page */
  { "fail-bad-host.json",
    "{\"t\":0,\"error\":{\"domain\":\"fc-replay\",\"code\":\"bad-case\",\"message\":\"\\\"host\\\": host setting camera: \\\"webcam0\\\": expected \\\"test\\\", \\\"pipewire:NODE\\\"" },
  /* a module that does not compile stops the page, naming its file and line */
  { "fail-wxs-syntax.json",
    "\"error\":{\"domain\":\"fc-wxs-error\",\"code\":\"syntax\",\"message\":\"utils/fmt.wxs:3:1: load: SyntaxError: parse error (line 3)\"" },
  /* a component with no end to its nesting, a schema with an unknown type */
  { "fail-component-contains-itself.json",
    "\"error\":{\"domain\":\"fc-bridge-error\",\"code\":\"bad-component\",\"message\":\"components/card/card.fxml:1:7: <card> (/components/card/card) is nested 13 deep" },
  { "fail-component-bad-property.json",
    "\"error\":{\"domain\":\"fc-bridge-error\",\"code\":\"bad-component\",\"message\":\"components/card/card.json: property \\\"n\\\": type \\\"Integer\\\" is not one of" },
  /* a template that uses itself without end (glass-easel: out of stack) */
  { "fail-template-recursion.json",
    "\"error\":{\"domain\":\"fc-bridge-error\",\"code\":\"recursion\",\"message\":\"pages/index/index.fxml:1:31: template \\\"t\\\" is used inside itself more than 64 deep\"" },
  /* a.fxml includes b, which includes a again */
  { "fail-include-cycle.json",
    "\"error\":{\"domain\":\"fc-bridge-error\",\"code\":\"recursion\",\"message\":\"pages/index/b.fxml:1:1: <include src=\\\"/pages/index/a.wxml\\\"> includes pages/index/a.fxml inside itself\"" },
  /* confined to the mini-program's root as page paths are */
  { "fail-import-outside-root.json",
    "\"error\":{\"domain\":\"fc-bridge-error\",\"code\":\"bad-path\",\"message\":\"pages/index/index.fxml:1:9: <import src=\\\"../../../secret.fxml\\\">: \\\"../../../secret.fxml\\\" leaves the mini-program's root\"" },
  { "no-such-file.json", "\"error\":{\"domain\":\"g-file-error-quark\"" },
};

static void
test_row (gconstpointer p)
{
  const Row *row = p;
  const char *src = g_getenv ("FC_SOURCE_ROOT");
  const char *build = g_getenv ("FC_BUILD_ROOT");
  g_autofree char *demo = NULL, *file = NULL, *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;
  guint n;

  if (!src || !build)
    {
      g_test_skip ("FC_SOURCE_ROOT and FC_BUILD_ROOT not set");
      return;
    }
  demo = g_build_filename (build, "demo", "fc-demo", NULL);
  file = g_build_filename (src, "tests", "replay", row->file, NULL);
  {
    const char *argv[] = { demo, "replay", file, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >, 0);
  g_assert_nonnull (strstr (lines[n - 1], row->last_line_has));
}

/* FC_REPLAY_SETTLE_TIMEOUT (tests/valgrind/run's longer wait for held
 * work) must be whole seconds from 1 to 86400: anything else stops the
 * run before the page loads, exit 1, the value quoted; a good one runs. */
static void
test_settle_timeout (void)
{
  static const struct
  {
    const char *value;
    int exit_status;
  } values[] = { { "ten", 1 }, { "0", 1 }, { "86401", 1 }, { "-5", 1 }, { "", 1 }, { "30", 0 } };
  const char *src = g_getenv ("FC_SOURCE_ROOT");
  const char *build = g_getenv ("FC_BUILD_ROOT");
  g_autofree char *demo = NULL, *file = NULL;

  if (!src || !build)
    {
      g_test_skip ("FC_SOURCE_ROOT and FC_BUILD_ROOT not set");
      return;
    }
  demo = g_build_filename (build, "demo", "fc-demo", NULL);
  file = g_build_filename (src, "tests", "replay", "demo-index.json", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      const char *argv[] = { demo, "replay", file, NULL };
      g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "FC_REPLAY_SETTLE_TIMEOUT", values[i].value, TRUE);
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *want = g_strdup_printf (
          "{\"t\":0,\"error\":{\"domain\":\"fc-replay\",\"code\":\"bad-environment\",\"message\":"
          "\"FC_REPLAY_SETTLE_TIMEOUT must be whole seconds from 1 to 86400, got \\\"%s\\\"\"}}\n",
          values[i].value);
      g_autoptr (GError) error = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, values[i].exit_status);
      if (values[i].exit_status == 1)
        g_assert_cmpstr (out, ==, want);
      else
        g_assert_null (strstr (out, "bad-environment"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Replay/errors/%s", rows[i].file);
      g_test_add_data_func (path, &rows[i], test_row);
    }
  g_test_add_func ("/Bridge/Replay/errors/settle-timeout", test_settle_timeout);
  return g_test_run ();
}
