/* The recorder's frames in memory of their own (issue 9).
 *
 * With GStreamer's default allocator a raw frame (1.4 MB at 720p, 3 MB at
 * 1080p) comes from malloc, in the arena of whichever streaming thread
 * fills the buffer pool. glibc serves blocks of that size from its arenas
 * once a larger mmapped block has been freed (x264 frees one when its
 * first encoder closes: the mmap threshold rises to 2 MB, the trim
 * threshold to 4 MB), and a thread's arena keeps up to the trim threshold
 * of free memory at its top, which malloc_trim() does not give back for
 * any arena but the main one. GStreamer's streaming threads come from a
 * shared pool and take a different role in each pipeline, so every
 * recording leaves frames' worth of resident memory in some arena: a
 * long-running host's RSS wandered 10 MB above what was in use.
 *
 * Here the frames of the recorder's raw video branch are anonymous
 * mappings of their own: mmap() when the buffer pool allocates, munmap()
 * when it frees them (the pool keeps them for the pipeline's life), so
 * they never sit in an arena. The allocator is offered in the ALLOCATION
 * query of every element of that branch that allocates (a query probe on
 * its source pad), and only where downstream offered plain system memory:
 * a sink with memory of its own (GL, DMABuf) keeps it. Blocks smaller
 * than a frame (allocations are rare there) are left to malloc. */

#include "fc-recorder-private.h"
#include "fc-debug-private.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

GST_DEBUG_CATEGORY_STATIC (fc_memory_debug);
#define GST_CAT_DEFAULT fc_memory_debug

static void
init_debug (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_memory_debug, "fc-recorder-memory", "frames in mappings of their own, streaming threads per role");
}

#define FC_TYPE_FRAME_ALLOCATOR (fc_frame_allocator_get_type ())
G_DECLARE_FINAL_TYPE (FcFrameAllocator, fc_frame_allocator, FC,
                      FRAME_ALLOCATOR, GstAllocator)

#define FC_FRAME_ALLOCATOR_NAME "FcFrameMemory"
/* Smaller blocks go to malloc: below glibc's initial mmap threshold they
 * would be mapped by malloc anyway until it rises, and a mapping of its
 * own for each small buffer costs a system call. */
#define FC_FRAME_MIN_SIZE (128 * 1024)

struct _FcFrameAllocator
{
  GstAllocator parent_instance;
};

typedef struct
{
  GstMemory mem;
  guint8 *data;    /* at the mapping's start, or the parent's data */
  gsize map_size;  /* of the mapping; 0 for a shared sub-memory */
} FcFrameMemory;

G_DEFINE_FINAL_TYPE (FcFrameAllocator, fc_frame_allocator, GST_TYPE_ALLOCATOR)

static FcFrameMemory *
frame_memory_new (GstAllocator *allocator, GstMemoryFlags flags,
                  GstMemory *parent, gsize maxsize, gsize align, gsize offset,
                  gsize size, guint8 *data, gsize map_size)
{
  FcFrameMemory *mem = g_new (FcFrameMemory, 1);

  gst_memory_init (GST_MEMORY_CAST (mem), flags, allocator, parent, maxsize,
                   align, offset, size);
  mem->data = data;
  mem->map_size = map_size;
  return mem;
}

static GstMemory *
fc_frame_allocator_alloc (GstAllocator *allocator, gsize size,
                          GstAllocationParams *params)
{
  gsize maxsize = size + params->prefix + params->padding;
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  gsize map_size;
  void *data;

  /* A mapping starts on a page; a larger alignment is not asked for by
   * the elements of the video branch. */
  if (maxsize < FC_FRAME_MIN_SIZE || params->align >= page)
    return gst_allocator_alloc (NULL, size, params);
  map_size = (maxsize + page - 1) & ~(page - 1);
  data = mmap (NULL, map_size, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (data == MAP_FAILED)
    {
      GST_WARNING ("cannot map %" G_GSIZE_FORMAT " bytes for a frame",
                   map_size);
      return NULL;
    }
  /* a fresh anonymous mapping is zeroed: prefix and padding included */
  return GST_MEMORY_CAST (frame_memory_new (
      allocator, params->flags, NULL, maxsize, params->align, params->prefix,
      size, data, map_size));
}

static void
fc_frame_allocator_free (GstAllocator *allocator, GstMemory *memory)
{
  FcFrameMemory *mem = (FcFrameMemory *) memory;

  if (mem->map_size > 0)
    munmap (mem->data, mem->map_size);
  g_free (mem);
}

static gpointer
frame_memory_map (GstMemory *memory, gsize maxsize, GstMapFlags flags)
{
  return ((FcFrameMemory *) memory)->data;
}

static void
frame_memory_unmap (GstMemory *memory)
{
}

static GstMemory *
frame_memory_share (GstMemory *memory, gssize offset, gssize size)
{
  FcFrameMemory *mem = (FcFrameMemory *) memory;
  GstMemory *parent = memory->parent ? memory->parent : memory;

  if (size == -1)
    size = memory->size - offset;
  /* the sub-memory keeps its parent, and so the mapping, alive */
  return GST_MEMORY_CAST (frame_memory_new (
      memory->allocator,
      GST_MINI_OBJECT_FLAGS (parent) | GST_MINI_OBJECT_FLAG_LOCK_READONLY,
      parent, memory->maxsize, memory->align, memory->offset + offset, size,
      mem->data, 0));
}

/* A copy (gst_buffer_copy_deep) is a frame of its own too: GstAllocator's
 * fallback would copy it into malloc's memory. */
static GstMemory *
frame_memory_copy (GstMemory *memory, gssize offset, gssize size)
{
  FcFrameMemory *mem = (FcFrameMemory *) memory;
  GstAllocationParams params;
  GstMemory *copy;
  GstMapInfo map;

  if (size == -1)
    size = (gssize) memory->size > offset ? (gssize) memory->size - offset : 0;
  gst_allocation_params_init (&params);
  params.align = memory->align;
  copy = gst_allocator_alloc (memory->allocator, size, &params);
  if (copy == NULL)
    return NULL;
  if (!gst_memory_map (copy, &map, GST_MAP_WRITE))
    {
      gst_memory_unref (copy);
      return NULL;
    }
  memcpy (map.data, mem->data + memory->offset + offset, size);
  gst_memory_unmap (copy, &map);
  return copy;
}

static gboolean
frame_memory_is_span (GstMemory *mem1, GstMemory *mem2, gsize *offset)
{
  FcFrameMemory *a = (FcFrameMemory *) mem1, *b = (FcFrameMemory *) mem2;

  if (offset != NULL)
    *offset = mem1->offset - mem1->parent->offset;
  return a->data + mem1->offset + mem1->size == b->data + mem2->offset;
}

static void
fc_frame_allocator_class_init (FcFrameAllocatorClass *klass)
{
  GstAllocatorClass *allocator_class = GST_ALLOCATOR_CLASS (klass);

  allocator_class->alloc = fc_frame_allocator_alloc;
  allocator_class->free = fc_frame_allocator_free;
}

static void
fc_frame_allocator_init (FcFrameAllocator *self)
{
  GstAllocator *allocator = GST_ALLOCATOR (self);

  allocator->mem_type = FC_FRAME_ALLOCATOR_NAME;
  allocator->mem_map = frame_memory_map;
  allocator->mem_unmap = frame_memory_unmap;
  allocator->mem_share = frame_memory_share;
  allocator->mem_is_span = frame_memory_is_span;
  allocator->mem_copy = frame_memory_copy;
}

/* The one allocator, made on first use and kept for the process (GStreamer
 * keeps registered allocators too). */
static GstAllocator *
frame_allocator (void)
{
  static GstAllocator *allocator;

  if (g_once_init_enter (&allocator))
    {
      GstAllocator *a = g_object_new (FC_TYPE_FRAME_ALLOCATOR, NULL);

      gst_object_ref_sink (a);
      GST_OBJECT_FLAG_SET (a, GST_OBJECT_FLAG_MAY_BE_LEAKED);
      g_once_init_leave (&allocator, a);
    }
  return allocator;
}

static gboolean
is_plain (GstAllocator *allocator)
{
  return allocator == NULL
         || g_strcmp0 (allocator->mem_type, GST_ALLOCATOR_SYSMEM) == 0
         || FC_IS_FRAME_ALLOCATOR (allocator);
}

/* Answers an ALLOCATION query leaving PAD: asks downstream with a query of
 * its own, copies what it gave (metas, pools, allocators) and puts our
 * allocator first unless downstream has memory of its own. The query is
 * answered even when downstream fails it (a tee does when one of its
 * branches, e.g. a fakesink, cannot answer): the element would then make a
 * pool of its own from an empty answer, with system memory. */
static GstPadProbeReturn
allocation_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  GstQuery *query = GST_PAD_PROBE_INFO_QUERY (info);
  g_autoptr (GstQuery) down = NULL;
  g_autoptr (GstPad) peer = NULL;
  GstCaps *caps;
  gboolean need_pool, plain = TRUE;
  GstAllocationParams params;

  if (GST_QUERY_TYPE (query) != GST_QUERY_ALLOCATION
      || !(GST_PAD_PROBE_INFO_TYPE (info) & GST_PAD_PROBE_TYPE_PUSH)
      || (peer = gst_pad_get_peer (pad)) == NULL)
    return GST_PAD_PROBE_OK;
  gst_query_parse_allocation (query, &caps, &need_pool);
  down = gst_query_new_allocation (caps, need_pool);
  if (!gst_pad_query (peer, down))
    GST_DEBUG_OBJECT (pad, "downstream gave no allocation");
  for (guint i = 0; i < gst_query_get_n_allocation_metas (down); i++)
    {
      const GstStructure *meta_params;
      GType api = gst_query_parse_nth_allocation_meta (down, i, &meta_params);

      gst_query_add_allocation_meta (query, api, meta_params);
    }
  for (guint i = 0; i < gst_query_get_n_allocation_pools (down); i++)
    {
      g_autoptr (GstBufferPool) pool = NULL;
      guint size, min, max;

      gst_query_parse_nth_allocation_pool (down, i, &pool, &size, &min, &max);
      gst_query_add_allocation_pool (query, pool, size, min, max);
    }
  for (guint i = 0; i < gst_query_get_n_allocation_params (down); i++)
    {
      g_autoptr (GstAllocator) allocator = NULL;

      gst_query_parse_nth_allocation_param (down, i, &allocator, NULL);
      plain = plain && is_plain (allocator);
    }
  gst_allocation_params_init (&params);
  if (gst_query_get_n_allocation_params (down) > 0)
    gst_query_parse_nth_allocation_param (down, 0, NULL, &params);
  if (plain)
    gst_query_add_allocation_param (query, frame_allocator (), &params);
  for (guint i = 0; i < gst_query_get_n_allocation_params (down); i++)
    {
      g_autoptr (GstAllocator) allocator = NULL;
      GstAllocationParams p;

      gst_query_parse_nth_allocation_param (down, i, &allocator, &p);
      if (!FC_IS_FRAME_ALLOCATOR (allocator))
        gst_query_add_allocation_param (query, allocator, &p);
    }
  GST_DEBUG_OBJECT (pad, "allocation answered%s",
                    plain ? ", frames from " FC_FRAME_ALLOCATOR_NAME : "");
  return GST_PAD_PROBE_HANDLED;
}

/**
 * fc_recorder_map_frames:
 * @sink: the sink pad that the raw video branch ends in (the tee's)
 *
 * Offers the frame allocator to every element upstream of @sink (each
 * source pad up the chain to the camera), for the pipeline's life.
 */
void
fc_recorder_map_frames (GstPad *sink)
{
  g_autoptr (GstPad) pad = gst_object_ref (sink);

  init_debug ();
  for (;;)
    {
      g_autoptr (GstPad) peer = gst_pad_get_peer (pad);
      g_autoptr (GstElement) element = NULL;

      if (peer == NULL)
        break;
      gst_pad_add_probe (peer, GST_PAD_PROBE_TYPE_QUERY_DOWNSTREAM,
                         allocation_probe, NULL, NULL);
      element = gst_pad_get_parent_element (peer);
      g_clear_object (&pad);
      if (element == NULL
          || (pad = gst_element_get_static_pad (element, "sink")) == NULL)
        break;
    }
}

/* ---- threads kept for their role --------------------------------------
 *
 * x264 allocates its pictures (7-8 MB at 640x480, several times that at
 * 1080p) when its encoder opens, on the thread that carries the first
 * frame to it (the encoder queue's streaming thread); the AAC encoder
 * (0.5 MB) on the audio queue's. GStreamer's default task pool hands each
 * role to whichever of its shared threads is free, so over a few dozen
 * recordings every thread's arena has held an encoder, and each keeps up
 * to glibc's trim threshold of it at its top. Here each role of the
 * recording pipeline (the element whose pad runs the task: roles[]) has a
 * thread kept for the process and reused by every recording: the same
 * work lands in the same arena each time, and reuses what the recording
 * before freed there. No thread is made or ended per recording either.
 *
 * A second recorder running at the same time gets a second thread for a
 * role; at most KEEP_IDLE threads of a role wait for the next recording,
 * the most recently used first, the others end. */

#define KEEP_IDLE 2

#define FC_TYPE_ROLE_TASK_POOL (fc_role_task_pool_get_type ())
G_DECLARE_FINAL_TYPE (FcRoleTaskPool, fc_role_task_pool, FC,
                      ROLE_TASK_POOL, GstTaskPool)

struct _FcRoleTaskPool
{
  GstTaskPool parent_instance;

  GMutex lock;
  GSList *idle; /* Worker, the most recently used first */
  guint n_workers;
};

typedef struct
{
  FcRoleTaskPool *pool;
  GCond cond;
  GstTaskPoolFunction func; /* the job, NULL while idle */
  gpointer data;
} Worker;

G_DEFINE_FINAL_TYPE (FcRoleTaskPool, fc_role_task_pool,
                     GST_TYPE_TASK_POOL)

static gpointer
worker_main (gpointer data)
{
  Worker *w = data;
  FcRoleTaskPool *pool = w->pool;

  g_mutex_lock (&pool->lock);
  for (;;)
    {
      GstTaskPoolFunction func;

      while (w->func == NULL)
        g_cond_wait (&w->cond, &pool->lock);
      func = w->func;
      g_mutex_unlock (&pool->lock);
      func (w->data);
      g_mutex_lock (&pool->lock);
      w->func = NULL;
      w->data = NULL;
      if (g_slist_length (pool->idle) >= KEEP_IDLE)
        break;
      pool->idle = g_slist_prepend (pool->idle, w);
    }
  pool->n_workers--;
  g_mutex_unlock (&pool->lock);
  g_cond_clear (&w->cond);
  g_free (w);
  g_thread_unref (g_thread_self ());
  return NULL;
}

static void
fc_role_task_pool_prepare (GstTaskPool *pool, GError **error)
{
  /* threads are made on demand */
}

static void
fc_role_task_pool_cleanup (GstTaskPool *pool)
{
}

static gpointer
fc_role_task_pool_push (GstTaskPool *task_pool, GstTaskPoolFunction func,
                           gpointer user_data, GError **error)
{
  FcRoleTaskPool *pool = FC_ROLE_TASK_POOL (task_pool);
  Worker *w;

  g_mutex_lock (&pool->lock);
  if (pool->idle != NULL)
    {
      w = pool->idle->data;
      pool->idle = g_slist_delete_link (pool->idle, pool->idle);
    }
  else
    {
      GThread *thread;

      w = g_new0 (Worker, 1);
      w->pool = pool;
      g_cond_init (&w->cond);
      thread = g_thread_try_new ("fc-recorder", worker_main, w, error);
      if (thread == NULL)
        {
          g_mutex_unlock (&pool->lock);
          g_cond_clear (&w->cond);
          g_free (w);
          return NULL;
        }
      pool->n_workers++;
      GST_DEBUG_OBJECT (pool, "thread %u started", pool->n_workers);
    }
  w->func = func;
  w->data = user_data;
  g_cond_signal (&w->cond);
  g_mutex_unlock (&pool->lock);
  /* GstTask waits for the function itself; nothing to join */
  return NULL;
}

static void
fc_role_task_pool_class_init (FcRoleTaskPoolClass *klass)
{
  GstTaskPoolClass *pool_class = GST_TASK_POOL_CLASS (klass);

  pool_class->prepare = fc_role_task_pool_prepare;
  pool_class->cleanup = fc_role_task_pool_cleanup;
  pool_class->push = fc_role_task_pool_push;
}

static void
fc_role_task_pool_init (FcRoleTaskPool *self)
{
  g_mutex_init (&self->lock);
}

/* One pool per role (the name of the element whose pad runs the task):
 * a role's thread does the same work in every recording, in its own
 * arena. */
static const char *const roles[] = { "vsrc", "asrc", "pq", "vq", "aq", "vfq",
                                     "afq", "mux", "subsrc" };

static GstTaskPool *
role_task_pool (const char *name)
{
  static GMutex lock;
  static GstTaskPool *pools[G_N_ELEMENTS (roles)];
  GstTaskPool *pool = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_strcmp0 (name, roles[i]) == 0)
      {
        g_mutex_lock (&lock);
        if (pools[i] == NULL)
          {
            pools[i] = g_object_new (FC_TYPE_ROLE_TASK_POOL, NULL);
            gst_object_ref_sink (pools[i]);
            GST_OBJECT_FLAG_SET (pools[i], GST_OBJECT_FLAG_MAY_BE_LEAKED);
          }
        pool = pools[i];
        g_mutex_unlock (&lock);
      }
  return pool;
}

/* Posted (synchronously, by the thread starting it) when a pad's task is
 * made: each role's task goes to its pool. */
static GstBusSyncReply
stream_status_cb (GstBus *bus, GstMessage *msg, gpointer data)
{
  GstStreamStatusType type;
  GstElement *owner;
  const GValue *task;
  GstTaskPool *pool;

  if (GST_MESSAGE_TYPE (msg) != GST_MESSAGE_STREAM_STATUS)
    return GST_BUS_PASS;
  gst_message_parse_stream_status (msg, &type, &owner);
  task = gst_message_get_stream_status_object (msg);
  if (type == GST_STREAM_STATUS_TYPE_CREATE && task != NULL
      && G_VALUE_HOLDS (task, GST_TYPE_TASK)
      && (pool = role_task_pool (GST_OBJECT_NAME (owner))) != NULL)
    gst_task_set_pool (g_value_get_object (task), pool);
  return GST_BUS_PASS;
}

/**
 * fc_recorder_keep_threads:
 * @pipeline: the recording pipeline, not started yet
 *
 * Runs the streaming threads of @pipeline's elements named in roles[] on
 * threads kept for the process. Sets @pipeline's bus sync handler.
 */
void
fc_recorder_keep_threads (GstElement *pipeline)
{
  g_autoptr (GstBus) bus = gst_element_get_bus (pipeline);

  init_debug ();
  gst_bus_set_sync_handler (bus, stream_status_cb, NULL, NULL);
}
