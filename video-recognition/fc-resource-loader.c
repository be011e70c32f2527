/* Downloads of the recorder's prompt audio and mask (see
 * fc-resource-loader.h).
 *
 * libsoup 3 rather than GStreamer's souphttpsrc: the policy lives between
 * requests (each redirect target must be checked against the whitelist
 * before it is fetched, which needs SOUP_MESSAGE_NO_REDIRECT and a loop of
 * our own), the size cap and truncation check need the raw body, and the
 * bytes are needed whole anyway (typefinding, the cache, playing the same
 * prompt into the speaker and the file). */

#include "fc-resource-loader.h"
#include "fc-url-policy.h"

#include <errno.h>
#include <gst/base/gsttypefindhelper.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (64 * 1024)

struct _FcResourceLoader
{
  GObject parent_instance;

  char **download_domains;
  char *root_dir;
  gboolean allow_insecure_http;
  guint timeout;
  guint64 max_size;
  FcResourceHeadersFunc headers_func;
  gpointer headers_data;
  GDestroyNotify headers_destroy;
};

enum
{
  PROP_0,
  PROP_DOWNLOAD_DOMAINS,
  PROP_ROOT_DIR,
  PROP_ALLOW_INSECURE_HTTP,
  PROP_TIMEOUT,
  PROP_MAX_SIZE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (FcResourceLoader, fc_resource_loader, G_TYPE_OBJECT)

/* ---- the cache: URL -> bytes and type, for the process ----------------- */

typedef struct
{
  GBytes *bytes;
  char *content_type;
} CacheEntry;

static GMutex cache_lock;
static GHashTable *cache; /* char * -> CacheEntry * */

static void
cache_entry_free (gpointer data)
{
  CacheEntry *e = data;

  g_bytes_unref (e->bytes);
  g_free (e->content_type);
  g_free (e);
}

static gboolean
cache_lookup (const char *url, GBytes **bytes, char **content_type)
{
  CacheEntry *e;

  g_mutex_lock (&cache_lock);
  e = cache ? g_hash_table_lookup (cache, url) : NULL;
  if (e)
    {
      *bytes = g_bytes_ref (e->bytes);
      *content_type = g_strdup (e->content_type);
    }
  g_mutex_unlock (&cache_lock);
  return e != NULL;
}

static void
cache_store (const char *url, GBytes *bytes, const char *content_type)
{
  CacheEntry *e = g_new0 (CacheEntry, 1);

  e->bytes = g_bytes_ref (bytes);
  e->content_type = g_strdup (content_type);
  g_mutex_lock (&cache_lock);
  if (!cache)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   cache_entry_free);
  g_hash_table_replace (cache, g_strdup (url), e);
  g_mutex_unlock (&cache_lock);
}

/**
 * fc_resource_loader_clear_cache:
 *
 * Forgets every cached download, for tests.
 */
void
fc_resource_loader_clear_cache (void)
{
  g_mutex_lock (&cache_lock);
  g_clear_pointer (&cache, g_hash_table_unref);
  g_mutex_unlock (&cache_lock);
}

/* ---- one fetch --------------------------------------------------------- */

typedef struct
{
  char *src;
  FcResourceKind kind;
  char **domains;
  char *root_dir;
  gboolean allow_http;
  guint timeout;
  guint64 max_size;
  char **headers; /* name, value, ...: on every request, redirects too */

  GCancellable *cancel; /* ours: the caller's cancellable or the timer */
  GCancellable *user_cancel;
  gulong user_cancel_id;
  GSource *timer;
  struct Deadline *deadline;
  char *content_type;
  char *served_type; /* the server's Content-Type, for messages */
} Job;

/* Shared by a job and its timer, which may outlive each other (the task's
 * last reference can go in the worker thread). */
typedef struct Deadline
{
  gatomicrefcount ref;
  GCancellable *cancel;
  gint timed_out; /* atomic */
} Deadline;

static Deadline *
deadline_ref (Deadline *d)
{
  g_atomic_ref_count_inc (&d->ref);
  return d;
}

static void
deadline_unref (gpointer data)
{
  Deadline *d = data;

  if (!g_atomic_ref_count_dec (&d->ref))
    return;
  g_object_unref (d->cancel);
  g_free (d);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  if (job->timer)
    {
      g_source_destroy (job->timer);
      g_source_unref (job->timer);
    }
  if (job->user_cancel)
    {
      g_cancellable_disconnect (job->user_cancel, job->user_cancel_id);
      g_object_unref (job->user_cancel);
    }
  g_clear_pointer (&job->deadline, deadline_unref);
  g_clear_object (&job->cancel);
  g_free (job->src);
  g_strfreev (job->domains);
  g_strfreev (job->headers);
  g_free (job->root_dir);
  g_free (job->content_type);
  g_free (job->served_type);
  g_free (job);
}

static gboolean
is_remote (const char *src)
{
  /* schemes are case-insensitive (RFC 3986, 3.1): g_uri_peek_scheme()
   * gives an interned, lower-case one */
  const char *scheme = g_uri_peek_scheme (src);

  return scheme && (strcmp (scheme, "https") == 0 || strcmp (scheme, "http") == 0);
}

/* Fails with a timeout when the timer cancelled, else with the error. */
static void
propagate (Job *job, GError *error, GError **out, const char *what)
{
  if (g_atomic_int_get (&job->deadline->timed_out))
    g_set_error (out, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_TIMEOUT,
                 "timed out after %u ms", job->timeout);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    g_set_error (out, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_TRUNCATED,
                 "truncated (%s)", error->message);
  else
    g_set_error (out, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_FAILED, "%s: %s",
                 what, error->message);
  g_error_free (error);
}

static GBytes *
fetch_http (Job *job, GError **error)
{
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strdup (job->src);

  for (int hops = 0;; hops++)
    {
      g_autoptr (SoupMessage) msg = NULL;
      g_autoptr (GInputStream) stream = NULL;
      g_autoptr (GByteArray) body = NULL;
      GError *local = NULL;
      SoupMessageHeaders *headers;
      goffset length = -1;
      guint status;

      if (!fc_url_policy_check (url, (const char *const *) job->domains,
                                job->allow_http, error))
        return NULL;
      msg = soup_message_new ("GET", url);
      if (!msg)
        {
          g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_ALLOWED,
                       "not a valid URL");
          return NULL;
        }
      soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
      for (char **h = job->headers; h && h[0] && h[1]; h += 2)
        soup_message_headers_replace (soup_message_get_request_headers (msg),
                                      h[0], h[1]);
      stream = soup_session_send (session, msg, job->cancel, &local);
      if (!stream)
        {
          propagate (job, local, error, "download failed");
          return NULL;
        }
      status = soup_message_get_status (msg);
      headers = soup_message_get_response_headers (msg);
      if (SOUP_STATUS_IS_REDIRECTION (status)
          && soup_message_headers_get_one (headers, "Location"))
        {
          const char *location
              = soup_message_headers_get_one (headers, "Location");
          char *next = fc_url_policy_follow (url, location, hops, error);

          if (!next)
            return NULL;
          g_free (url);
          url = next;
          g_input_stream_close (stream, NULL, NULL);
          continue;
        }
      if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
        {
          g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_FOUND,
                       "HTTP %u %s", status,
                       soup_message_get_reason_phrase (msg));
          return NULL;
        }
      if (!SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_HTTP,
                       "HTTP %u %s", status,
                       soup_message_get_reason_phrase (msg));
          return NULL;
        }
      g_free (job->served_type);
      job->served_type = g_strdup (
          soup_message_headers_get_content_type (headers, NULL));
      if (soup_message_headers_get_encoding (headers)
          == SOUP_ENCODING_CONTENT_LENGTH)
        length = soup_message_headers_get_content_length (headers);
      if (length >= 0 && (guint64) length > job->max_size)
        {
          g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_TOO_LARGE,
                       "too large (%" G_GINT64_FORMAT " bytes, the limit is "
                       "%" G_GUINT64_FORMAT ")",
                       (gint64) length, job->max_size);
          return NULL;
        }
      body = g_byte_array_new ();
      for (;;)
        {
          guint8 buf[CHUNK];
          gssize n = g_input_stream_read (stream, buf, sizeof buf,
                                          job->cancel, &local);

          if (n < 0)
            {
              propagate (job, local, error, "download failed");
              return NULL;
            }
          if (n == 0)
            break;
          if (body->len + (guint64) n > job->max_size)
            {
              g_set_error (error, FC_RESOURCE_ERROR,
                           FC_RESOURCE_ERROR_TOO_LARGE,
                           "too large (more than %" G_GUINT64_FORMAT
                           " bytes)",
                           job->max_size);
              return NULL;
            }
          g_byte_array_append (body, buf, (guint) n);
        }
      if (length >= 0 && body->len < (guint64) length)
        {
          g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_TRUNCATED,
                       "truncated (got %u of %" G_GINT64_FORMAT " bytes)",
                       body->len, (gint64) length);
          return NULL;
        }
      return g_byte_array_free_to_bytes (g_steal_pointer (&body));
    }
}

static GBytes *
read_local (Job *job, GError **error)
{
  const char *rel = job->src;
  g_auto (GStrv) parts = NULL;
  g_autofree char *full = NULL, *real = NULL, *real_root = NULL;
  char *contents = NULL;
  gsize size = 0;
  GError *local = NULL;
  GStatBuf st;

  if (strstr (rel, "://") || g_str_has_prefix (rel, "data:"))
    {
      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_ALLOWED,
                   "only HTTPS URLs and files of the mini-program are "
                   "allowed");
      return NULL;
    }
  if (!job->root_dir)
    {
      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_ALLOWED,
                   "no mini-program root to find a local file in");
      return NULL;
    }
  /* "/assets/x" is relative to the mini-program's root, as in the
   * platform; ".." never is allowed */
  while (*rel == '/')
    rel++;
  parts = g_strsplit (rel, "/", -1);
  for (char **p = parts; *p; p++)
    if (strcmp (*p, "..") == 0 || strchr (*p, '\\'))
      {
        g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_ALLOWED,
                     "path leaves the mini-program");
        return NULL;
      }
  full = g_build_filename (job->root_dir, rel, NULL);
  real_root = realpath (job->root_dir, NULL);
  real = realpath (full, NULL);
  if (!real_root || !real)
    {
      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_FOUND,
                   "no such file");
      return NULL;
    }
  if (!g_str_has_prefix (real, real_root) || real[strlen (real_root)] != '/')
    {
      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_ALLOWED,
                   "path leaves the mini-program");
      return NULL;
    }
  if (g_stat (real, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_FOUND,
                   "not a file");
      return NULL;
    }
  if ((guint64) st.st_size > job->max_size)
    {
      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_TOO_LARGE,
                   "too large (%" G_GINT64_FORMAT " bytes, the limit is "
                   "%" G_GUINT64_FORMAT ")",
                   (gint64) st.st_size, job->max_size);
      return NULL;
    }
  if (!g_file_get_contents (real, &contents, &size, &local))
    {
      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_FAILED,
                   "cannot read: %s", local->message);
      g_error_free (local);
      return NULL;
    }
  return g_bytes_new_take (contents, size);
}

/* What the bytes are, as caps; checked against the kind asked for. */
static gboolean
check_kind (Job *job, GBytes *bytes, GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autoptr (GstCaps) caps = NULL;
  const char *name = "unknown";
  gboolean ok = FALSE;

  if (size > 0)
    caps = gst_type_find_helper_for_data (NULL, data, size, NULL);
  if (caps && !gst_caps_is_empty (caps))
    name = gst_structure_get_name (gst_caps_get_structure (caps, 0));
  if (job->kind == FC_RESOURCE_AUDIO)
    ok = g_str_has_prefix (name, "audio/")
         || strcmp (name, "application/x-id3") == 0
         || strcmp (name, "application/x-apetag") == 0
         || strcmp (name, "application/ogg") == 0;
  else
    ok = strcmp (name, "image/png") == 0 || strcmp (name, "image/jpeg") == 0
         || strcmp (name, "image/svg+xml") == 0
         || strcmp (name, "image/svg") == 0;
  if (!ok)
    {
      g_autofree char *what = g_strdup_printf (
          "%s%s%s", size ? name : "empty",
          job->served_type ? ", served as " : "",
          job->served_type ? job->served_type : "");

      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_WRONG_TYPE,
                   job->kind == FC_RESOURCE_AUDIO
                       ? "not audio (%s)"
                       : "not a PNG, JPEG or SVG image (%s)",
                   what);
      return FALSE;
    }
  job->content_type = g_strdup (name);
  return TRUE;
}

static void
load_thread (GTask *task, gpointer source, gpointer data,
             GCancellable *cancellable)
{
  Job *job = data;
  gboolean remote = is_remote (job->src);
  GBytes *bytes = NULL;
  GError *error = NULL;

  if (remote && cache_lookup (job->src, &bytes, &job->content_type))
    {
      g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
      return;
    }
  bytes = remote ? fetch_http (job, &error) : read_local (job, &error);
  if (bytes && !check_kind (job, bytes, &error))
    g_clear_pointer (&bytes, g_bytes_unref);
  if (!bytes)
    {
      g_task_return_error (task, error);
      return;
    }
  if (remote)
    cache_store (job->src, bytes, job->content_type);
  g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static gboolean
timeout_cb (gpointer data)
{
  Deadline *d = data;

  g_atomic_int_set (&d->timed_out, 1);
  g_cancellable_cancel (d->cancel);
  return G_SOURCE_REMOVE;
}

static void
user_cancelled (GCancellable *user, gpointer data)
{
  g_cancellable_cancel (data);
}

/**
 * fc_resource_loader_load_async:
 * @self: a loader
 * @src: the path or URL, as the page wrote it
 * @kind: what the resource must be
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * Fetches a prompt audio or mask: a path inside
 * #FcResourceLoader:root-dir, or an HTTPS URL on the download whitelist.
 * Downloads are cached for the process; what arrived is typefound against
 * @kind.
 */
void
fc_resource_loader_load_async (FcResourceLoader *self, const char *src,
                               FcResourceKind kind, GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (FC_IS_RESOURCE_LOADER (self));
  g_return_if_fail (src);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fc_resource_loader_load_async);
  job = g_new0 (Job, 1);
  job->src = g_strdup (src);
  job->kind = kind;
  job->domains = g_strdupv (self->download_domains);
  job->root_dir = g_strdup (self->root_dir);
  job->allow_http = self->allow_insecure_http;
  job->timeout = self->timeout;
  job->max_size = self->max_size;
  if (self->headers_func && is_remote (src))
    job->headers = self->headers_func (self->headers_data);
  job->cancel = g_cancellable_new ();
  job->deadline = g_new0 (Deadline, 1);
  g_atomic_ref_count_init (&job->deadline->ref);
  job->deadline->cancel = g_object_ref (job->cancel);
  if (cancellable)
    {
      job->user_cancel = g_object_ref (cancellable);
      job->user_cancel_id = g_cancellable_connect (
          cancellable, G_CALLBACK (user_cancelled),
          g_object_ref (job->cancel), g_object_unref);
    }
  if (job->timeout > 0)
    {
      job->timer = g_timeout_source_new (job->timeout);
      g_source_set_callback (job->timer, timeout_cb,
                             deadline_ref (job->deadline), deadline_unref);
      g_source_set_static_name (job->timer, "fc-resource-timeout");
      g_source_attach (job->timer, g_main_context_get_thread_default ());
    }
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * fc_resource_loader_load_finish:
 * @self: a loader
 * @result: the result given to the callback
 * @content_type: (out) (optional) (transfer full): the typefound caps as a
 *   string, such as `audio/mpeg`
 * @error: return location for an error
 *
 * Finishes fc_resource_loader_load_async(). Error messages say what went
 * wrong, without naming the resource (the caller knows which).
 *
 * Returns: (transfer full): the resource's bytes
 */
GBytes *
fc_resource_loader_load_finish (FcResourceLoader *self, GAsyncResult *result,
                                char **content_type, GError **error)
{
  GBytes *bytes;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (content_type)
    {
      Job *job = g_task_get_task_data (G_TASK (result));

      *content_type = bytes ? g_strdup (job->content_type) : NULL;
    }
  return bytes;
}

/* ---- object ------------------------------------------------------------ */

static void
fc_resource_loader_get_property (GObject *object, guint prop_id,
                                 GValue *value, GParamSpec *pspec)
{
  FcResourceLoader *self = FC_RESOURCE_LOADER (object);

  switch (prop_id)
    {
    case PROP_DOWNLOAD_DOMAINS:
      g_value_set_boxed (value, self->download_domains);
      break;
    case PROP_ROOT_DIR:
      g_value_set_string (value, self->root_dir);
      break;
    case PROP_ALLOW_INSECURE_HTTP:
      g_value_set_boolean (value, self->allow_insecure_http);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_MAX_SIZE:
      g_value_set_uint64 (value, self->max_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_resource_loader_set_property (GObject *object, guint prop_id,
                                 const GValue *value, GParamSpec *pspec)
{
  FcResourceLoader *self = FC_RESOURCE_LOADER (object);

  switch (prop_id)
    {
    case PROP_DOWNLOAD_DOMAINS:
      fc_resource_loader_set_download_domains (self,
                                               g_value_get_boxed (value));
      break;
    case PROP_ROOT_DIR:
      fc_resource_loader_set_root_dir (self, g_value_get_string (value));
      break;
    case PROP_ALLOW_INSECURE_HTTP:
      fc_resource_loader_set_allow_insecure_http (self,
                                                  g_value_get_boolean (value));
      break;
    case PROP_TIMEOUT:
      fc_resource_loader_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_MAX_SIZE:
      fc_resource_loader_set_max_size (self, g_value_get_uint64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_resource_loader_finalize (GObject *object)
{
  FcResourceLoader *self = FC_RESOURCE_LOADER (object);

  g_strfreev (self->download_domains);
  g_free (self->root_dir);
  if (self->headers_destroy)
    self->headers_destroy (self->headers_data);
  G_OBJECT_CLASS (fc_resource_loader_parent_class)->finalize (object);
}

static void
fc_resource_loader_class_init (FcResourceLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags
      = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = fc_resource_loader_get_property;
  object_class->set_property = fc_resource_loader_set_property;
  object_class->finalize = fc_resource_loader_finalize;

  /**
   * FcResourceLoader:download-domains:
   *
   * The host's download whitelist: `host` (default port of the scheme) or
   * `host:port` entries. Empty: nothing remote is fetched.
   */
  props[PROP_DOWNLOAD_DOMAINS] = g_param_spec_boxed (
      "download-domains", NULL, NULL, G_TYPE_STRV, flags);
  /**
   * FcResourceLoader:root-dir:
   *
   * The mini-program's root; local paths resolve inside it only.
   */
  props[PROP_ROOT_DIR]
      = g_param_spec_string ("root-dir", NULL, NULL, NULL, flags);
  /**
   * FcResourceLoader:allow-insecure-http:
   *
   * Plain HTTP for whitelisted domains (loopback tests only).
   */
  props[PROP_ALLOW_INSECURE_HTTP] = g_param_spec_boolean (
      "allow-insecure-http", NULL, NULL, FALSE, flags);
  /**
   * FcResourceLoader:timeout:
   *
   * Milliseconds a fetch may take, redirects included (0: no limit).
   */
  props[PROP_TIMEOUT] = g_param_spec_uint ("timeout", NULL, NULL, 0,
                                           G_MAXUINT, 10000, flags);
  /**
   * FcResourceLoader:max-size:
   *
   * The largest resource accepted, in bytes.
   */
  props[PROP_MAX_SIZE] = g_param_spec_uint64 (
      "max-size", NULL, NULL, 1, G_MAXUINT64, 16 * 1024 * 1024, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /* typefinding needs the registry */
  gst_init (NULL, NULL);
}

static void
fc_resource_loader_init (FcResourceLoader *self)
{
  self->timeout = 10000;
  self->max_size = 16 * 1024 * 1024;
}

/**
 * fc_resource_loader_new:
 *
 * Creates a loader with no download whitelist: only local files of the
 * root folder load until domains are allowed.
 *
 * Returns: (transfer full): the loader
 */
FcResourceLoader *
fc_resource_loader_new (void)
{
  return g_object_new (FC_TYPE_RESOURCE_LOADER, NULL);
}

/**
 * fc_resource_loader_get_download_domains:
 * @self: a loader
 *
 * Gets the download whitelist (#FcResourceLoader:download-domains): `host`
 * or `host:port` entries.
 *
 * Returns: (transfer none) (array zero-terminated=1): the domains
 */
const char *const *
fc_resource_loader_get_download_domains (FcResourceLoader *self)
{
  g_return_val_if_fail (FC_IS_RESOURCE_LOADER (self), NULL);
  return (const char *const *) self->download_domains;
}

/**
 * fc_resource_loader_set_download_domains:
 * @self: a loader
 * @domains: (nullable) (array zero-terminated=1): the domains
 *
 * Sets the download whitelist: `host` or `host:port` entries.
 */
void
fc_resource_loader_set_download_domains (FcResourceLoader *self,
                                         const char *const *domains)
{
  g_return_if_fail (FC_IS_RESOURCE_LOADER (self));
  if (self->download_domains && domains
      && g_strv_equal ((const char *const *) self->download_domains, domains))
    return;
  if (!self->download_domains && !domains)
    return;
  g_strfreev (self->download_domains);
  self->download_domains = g_strdupv ((char **) domains);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DOWNLOAD_DOMAINS]);
}

/**
 * fc_resource_loader_get_root_dir:
 * @self: a loader
 *
 * Gets the mini-program folder local paths are resolved in
 * (#FcResourceLoader:root-dir).
 *
 * Returns: (transfer none) (nullable) (type filename): the folder
 */
const char *
fc_resource_loader_get_root_dir (FcResourceLoader *self)
{
  g_return_val_if_fail (FC_IS_RESOURCE_LOADER (self), NULL);
  return self->root_dir;
}

/**
 * fc_resource_loader_set_root_dir:
 * @self: a loader
 * @root_dir: (nullable) (type filename): the folder
 *
 * Sets the mini-program folder local paths are resolved in; no path may
 * leave it.
 */
void
fc_resource_loader_set_root_dir (FcResourceLoader *self, const char *root_dir)
{
  g_return_if_fail (FC_IS_RESOURCE_LOADER (self));
  if (g_strcmp0 (self->root_dir, root_dir) == 0)
    return;
  g_free (self->root_dir);
  self->root_dir = g_strdup (root_dir);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ROOT_DIR]);
}

/**
 * fc_resource_loader_get_allow_insecure_http:
 * @self: a loader
 *
 * Whether plain HTTP is allowed from whitelisted domains
 * (#FcResourceLoader:allow-insecure-http).
 *
 * Returns: whether plain HTTP is allowed
 */
gboolean
fc_resource_loader_get_allow_insecure_http (FcResourceLoader *self)
{
  g_return_val_if_fail (FC_IS_RESOURCE_LOADER (self), FALSE);
  return self->allow_insecure_http;
}

/**
 * fc_resource_loader_set_allow_insecure_http:
 * @self: a loader
 * @allow: whether it is allowed
 *
 * Allows (or refuses) plain HTTP from whitelisted domains: for tests on
 * loopback.
 */
void
fc_resource_loader_set_allow_insecure_http (FcResourceLoader *self,
                                            gboolean allow)
{
  g_return_if_fail (FC_IS_RESOURCE_LOADER (self));
  allow = !!allow;
  if (self->allow_insecure_http == allow)
    return;
  self->allow_insecure_http = allow;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ALLOW_INSECURE_HTTP]);
}

/**
 * fc_resource_loader_get_timeout:
 * @self: a loader
 *
 * Gets how long a fetch may take, redirects included
 * (#FcResourceLoader:timeout).
 *
 * Returns: the timeout in ms; 0 for none
 */
guint
fc_resource_loader_get_timeout (FcResourceLoader *self)
{
  g_return_val_if_fail (FC_IS_RESOURCE_LOADER (self), 0);
  return self->timeout;
}

/**
 * fc_resource_loader_set_timeout:
 * @self: a loader
 * @timeout_ms: the timeout in ms; 0 for none
 *
 * Sets how long a fetch may take, redirects included.
 */
void
fc_resource_loader_set_timeout (FcResourceLoader *self, guint timeout_ms)
{
  g_return_if_fail (FC_IS_RESOURCE_LOADER (self));
  if (self->timeout == timeout_ms)
    return;
  self->timeout = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TIMEOUT]);
}

/**
 * fc_resource_loader_get_max_size:
 * @self: a loader
 *
 * Gets the largest resource accepted (#FcResourceLoader:max-size).
 *
 * Returns: the size in bytes
 */
guint64
fc_resource_loader_get_max_size (FcResourceLoader *self)
{
  g_return_val_if_fail (FC_IS_RESOURCE_LOADER (self), 0);
  return self->max_size;
}

/**
 * fc_resource_loader_set_max_size:
 * @self: a loader
 * @max_bytes: the size in bytes
 *
 * Sets the largest resource accepted; a larger download is refused as it
 * arrives.
 */
void
fc_resource_loader_set_max_size (FcResourceLoader *self, guint64 max_bytes)
{
  g_return_if_fail (FC_IS_RESOURCE_LOADER (self));
  if (self->max_size == max_bytes || max_bytes == 0)
    return;
  self->max_size = max_bytes;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MAX_SIZE]);
}

void
fc_resource_loader_set_headers_func (FcResourceLoader *self,
                                     FcResourceHeadersFunc func,
                                     gpointer user_data,
                                     GDestroyNotify destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (FC_IS_RESOURCE_LOADER (self));
  old_destroy = self->headers_destroy;
  old_data = self->headers_data;
  self->headers_func = func;
  self->headers_data = func ? user_data : NULL;
  self->headers_destroy = func ? destroy : NULL;
  if (old_destroy)
    old_destroy (old_data);
}
