/* The preview hot-swap: a new preview sink joining the recording pipeline
 * while it plays, in place of the one it has, without touching the
 * camera or the recording. */

#include "fc-recorder-private.h"
#include "fc-debug-private.h"

GST_DEBUG_CATEGORY_STATIC (fc_preview_debug);
#define GST_CAT_DEFAULT fc_preview_debug

/* The category, made on the first call into this file. */
static void
debug_init (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_preview_debug, "fc-recorder-preview", "the preview hot-swap");
}

typedef struct
{
  GstElement *pipeline;
  GstElement *sink; /* the new preview sink, or a fakesink */
} PreviewSwap;

static void
preview_swap_free (gpointer data)
{
  PreviewSwap *swap = data;

  gst_object_unref (swap->pipeline);
  gst_object_unref (swap->sink);
  g_free (swap);
}

static void preview_no_preroll (GstElement *sink);

static void
no_preroll (const GValue *item, gpointer user_data)
{
  preview_no_preroll (g_value_get_object (item));
}

/* A sink joining a playing live pipeline must not preroll: its
 * ASYNC_START would make the pipeline lose its state (and the recording
 * its running time) until the first frame reaches it. */
static void
preview_no_preroll (GstElement *sink)
{
  if (GST_IS_BIN (sink))
    {
      GstIterator *it = gst_bin_iterate_sinks (GST_BIN (sink));

      while (gst_iterator_foreach (it, no_preroll, NULL) == GST_ITERATOR_RESYNC)
        gst_iterator_resync (it);
      gst_iterator_free (it);
    }
  else if (g_object_class_find_property (G_OBJECT_GET_CLASS (sink), "async"))
    g_object_set (sink, "async", FALSE, NULL);
}

/* On the preview queue's source pad, once no frame is passing: the sink
 * linked there leaves the pipeline, the new one takes its place and its
 * state. The tee and the recording branch go on untouched. */
static GstPadProbeReturn
swap_preview (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  PreviewSwap *swap = data;
  GstPad *peer = gst_pad_get_peer (pad);
  g_autoptr (GstPad) sink_pad = NULL;

  if (peer != NULL)
    {
      GstElement *old = gst_pad_get_parent_element (peer);

      gst_pad_unlink (pad, peer);
      gst_object_unref (peer);
      if (old != NULL)
        {
          gst_element_set_state (old, GST_STATE_NULL);
          gst_bin_remove (GST_BIN (swap->pipeline), old);
          gst_object_unref (old);
        }
    }
  preview_no_preroll (swap->sink);
  if (!gst_bin_add (GST_BIN (swap->pipeline), swap->sink))
    return GST_PAD_PROBE_REMOVE;
  sink_pad = gst_element_get_static_pad (swap->sink, "sink");
  if (sink_pad == NULL || GST_PAD_LINK_FAILED (gst_pad_link (pad, sink_pad)))
    {
      GstElement *fallback
          = gst_element_factory_make_full ("fakesink", "sync", FALSE, "async",
                                           FALSE, NULL);

      GST_WARNING ("cannot link the preview sink %" GST_PTR_FORMAT
                   "; the preview goes nowhere",
                   swap->sink);
      gst_bin_remove (GST_BIN (swap->pipeline), swap->sink);
      gst_bin_add (GST_BIN (swap->pipeline), fallback);
      gst_element_link (GST_PAD_PARENT (pad), fallback);
      gst_element_sync_state_with_parent (fallback);
      return GST_PAD_PROBE_REMOVE;
    }
  gst_element_sync_state_with_parent (swap->sink);
  return GST_PAD_PROBE_REMOVE;
}

/* Linking a pad sends RECONFIGURE upstream: through the tee it would make
 * the camera's branch negotiate and query allocation again, and the
 * allocation query waits in the preview queue behind the frames the new
 * sink has yet to take, holding up the tee and so the recording. The
 * preview's caps are fixed (I420 at the recording size): keep the event in
 * the preview branch. */
static GstPadProbeReturn
keep_reconfigure (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  return GST_EVENT_TYPE (GST_PAD_PROBE_INFO_EVENT (info)) == GST_EVENT_RECONFIGURE
             ? GST_PAD_PROBE_DROP
             : GST_PAD_PROBE_OK;
}

void
fc_preview_swap (GstElement *pipeline, GstElement *sink)
{
  g_autoptr (GstElement) pq = NULL;
  g_autoptr (GstPad) src = NULL;
  PreviewSwap *swap;

  debug_init ();
  if (pipeline == NULL
      || !(pq = gst_bin_get_by_name (GST_BIN (pipeline), "pq"))
      || !(src = gst_element_get_static_pad (pq, "src")))
    return;
  if (!g_object_get_data (G_OBJECT (pq), "fc-keep-reconfigure"))
    {
      g_autoptr (GstPad) in = gst_element_get_static_pad (pq, "sink");

      gst_pad_add_probe (in, GST_PAD_PROBE_TYPE_EVENT_UPSTREAM,
                         keep_reconfigure, NULL, NULL);
      g_object_set_data (G_OBJECT (pq), "fc-keep-reconfigure",
                         GINT_TO_POINTER (TRUE));
    }
  swap = g_new0 (PreviewSwap, 1);
  swap->pipeline = gst_object_ref (pipeline);
  swap->sink = sink ? gst_object_ref (sink)
                    : gst_object_ref_sink (gst_element_factory_make_full (
                        "fakesink", "sync", FALSE, "async", FALSE, NULL));
  /* now, in this thread, when no frame is passing; else right after the
   * one that is */
  gst_pad_add_probe (src, GST_PAD_PROBE_TYPE_IDLE, swap_preview, swap,
                     preview_swap_free);
}

