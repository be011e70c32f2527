/* The recorder's files: a private directory (0700), files created 0600
 * before GStreamer opens them, and the summary "end" reports: a JPEG of
 * the first frame (fc-recorder-thumbnail.c), the size and the SHA-256 of
 * the finished file. */

#include "fc-recorder-private.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

gboolean
fc_recorder_ensure_dir (const char *dir, GError **error)
{
  GStatBuf st;

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_stat (dir, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot create the directory %s: %s", dir,
                   g_strerror (saved));
      return FALSE;
    }
  /* An existing directory may have been made with a laxer umask; but a
   * shared one (sticky, like /tmp given as tempDir) is never made
   * private: that would lock every other user out of it. The files in it
   * are 0600 either way. */
  if ((st.st_mode & 0777) != 0700 && !(st.st_mode & S_ISVTX)
      && g_chmod (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot make %s private: %s", dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

char *
fc_recorder_create_file (const char *dir, const char *suffix, GError **error)
{
  g_autofree char *name = g_strdup_printf ("recording-XXXXXX%s", suffix);
  char *path = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot create a file in %s: %s", dir, g_strerror (saved));
      g_free (path);
      return NULL;
    }
  close (fd);
  return path;
}

void
fc_recording_summary_free (FcRecordingSummary *summary)
{
  g_free (summary->video_path);
  g_free (summary->thumb_path);
  g_clear_pointer (&summary->thumbnail, fc_thumbnail_free);
  g_free (summary->sha256);
  g_free (summary->subtitle_text);
  g_free (summary->subtitle_path);
  g_free (summary);
}

static gboolean
write_thumbnail (FcRecordingSummary *summary, GError **error)
{
  GBytes *jpeg;
  gsize size;
  const guint8 *data;
  gboolean ok;
  int fd;

  if (summary->thumbnail == NULL)
    {
      g_set_error_literal (error, FC_RECORDER_ERROR, FC_RECORDER_ERROR_FAILED,
                           "no frame for the thumbnail");
      return FALSE;
    }
  jpeg = fc_thumbnail_get_jpeg (summary->thumbnail, error);
  if (jpeg == NULL)
    return FALSE;
  data = g_bytes_get_data (jpeg, &size);
  fd = g_open (summary->thumb_path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
  ok = fd >= 0 && write (fd, data, size) == (gssize)size;
  if (!ok)
    {
      int saved = errno;
      g_set_error (error, FC_RECORDER_ERROR, FC_RECORDER_ERROR_WRITE_FAILED,
                   "cannot write %s: %s", summary->thumb_path,
                   g_strerror (saved));
    }
  if (fd >= 0 && close (fd) != 0 && ok)
    {
      int saved = errno;
      g_set_error (error, FC_RECORDER_ERROR, FC_RECORDER_ERROR_WRITE_FAILED,
                   "cannot write %s: %s", summary->thumb_path,
                   g_strerror (saved));
      ok = FALSE;
    }
  return ok;
}

static gboolean
digest_file (FcRecordingSummary *summary, GError **error)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *chunk = g_malloc (1 << 16);
  gint64 size = 0;
  gssize n;
  int fd = g_open (summary->video_path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, FC_RECORDER_ERROR, FC_RECORDER_ERROR_FAILED,
                   "cannot read %s: %s", summary->video_path,
                   g_strerror (saved));
      return FALSE;
    }
  while ((n = read (fd, chunk, 1 << 16)) > 0)
    {
      g_checksum_update (checksum, chunk, n);
      size += n;
    }
  if (n < 0)
    {
      int saved = errno;
      close (fd);
      g_set_error (error, FC_RECORDER_ERROR, FC_RECORDER_ERROR_FAILED,
                   "cannot read %s: %s", summary->video_path,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);
  summary->size = size;
  summary->sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

/* The prompt timeline, as FILE.vtt beside FILE.mp4 (0600). */
static gboolean
write_subtitles (FcRecordingSummary *summary, GError **error)
{
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;

  if (summary->subtitle_text == NULL)
    return TRUE;
  base = g_str_has_suffix (summary->video_path, ".mp4")
             ? g_strndup (summary->video_path,
                          strlen (summary->video_path) - 4)
             : g_strdup (summary->video_path);
  path = g_strconcat (base, ".vtt", NULL);
  if (!g_file_set_contents_full (path, summary->subtitle_text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  summary->subtitle_path = g_steal_pointer (&path);
  return TRUE;
}

gboolean
fc_recorder_summarise (FcRecordingSummary *summary, GError **error)
{
  return digest_file (summary, error) && write_thumbnail (summary, error)
         && write_subtitles (summary, error);
}

static void
summarise_thread (GTask *task, gpointer source, gpointer data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (fc_recorder_summarise (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fc_recorder_summarise_async (FcRecordingSummary *summary, gpointer source,
                             GAsyncReadyCallback callback, gpointer data)
{
  g_autoptr (GTask) task = g_task_new (source, NULL, callback, data);

  g_task_set_task_data (task, summary,
                        (GDestroyNotify)fc_recording_summary_free);
  g_task_run_in_thread (task, summarise_thread);
}

FcRecordingSummary *
fc_recorder_summarise_finish (GAsyncResult *result, GError **error)
{
  g_task_propagate_boolean (G_TASK (result), error);
  return g_task_get_task_data (G_TASK (result));
}
