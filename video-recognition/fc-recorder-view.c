/* FcRecorderView: the GTK 4 view of an FcRecorder (see fc-recorder-view.h).
 *
 * Frames arrive on a streaming thread in an appsink; the newest waits
 * under a lock and the widget's tick callback (the frame clock) turns it
 * into a GdkTexture, so no streaming thread touches the widget. The mask
 * and the active step's prompt are drawn by the core's own code
 * (fc_prompt_render_overlay: the same picture burn-in puts in the file),
 * cached as one texture per step and size. */

#include "fc-recorder-view.h"

#include "fc-mask.h"
#include "fc-prompt-render.h"

#include <gst/app/gstappsink.h>
#include <gst/video/video.h>
#include <glib/gi18n-lib.h>

struct _FcRecorderView
{
  GtkWidget parent_instance;

  FcRecorder *recorder;
  GstElement *sink_bin;
  gulong state_id;
  guint tick_id;

  GMutex lock;
  GstSample *pending; /* newest frame, under lock */

  guint64 n_frames;
  GdkTexture *frame;
  gint64 recording_since; /* monotonic us; 0 when not recording */

  /* The record button is drawn with the rest; this child, never drawn,
   * is the button for keyboards and assistive technology ("Record", or
   * "Stop" and the seconds left), laid over it. */
  GtkWidget *button;
  int button_seconds; /* the seconds left it says, -1: none */
  gboolean keyboard_used; /* a key since the last pointer press: ring on */
  guint countdown_id; /* when that number next changes */

  /* the mask and prompt for one step at one size */
  GdkTexture *overlay;
  int overlay_step, overlay_width, overlay_height;
  GBytes *overlay_mask;
  FcStepList *overlay_steps;
};

enum
{
  PROP_0,
  PROP_RECORDER,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (FcRecorderView, fc_recorder_view, GTK_TYPE_WIDGET)

/* ---- frames ------------------------------------------------------------ */

static GstFlowReturn
new_sample (GstAppSink *sink, gpointer data)
{
  FcRecorderView *self = data;
  GstSample *sample = gst_app_sink_pull_sample (sink);

  if (sample == NULL)
    return GST_FLOW_OK;
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->pending, gst_sample_unref);
  self->pending = sample;
  g_mutex_unlock (&self->lock);
  return GST_FLOW_OK;
}

typedef struct
{
  GstBuffer *buffer;
  GstMapInfo map;
} Mapped;

static void
mapped_free (gpointer data)
{
  Mapped *m = data;

  gst_buffer_unmap (m->buffer, &m->map);
  gst_buffer_unref (m->buffer);
  g_free (m);
}

static GdkTexture *
texture_from_sample (GstSample *sample)
{
  GstVideoInfo info;
  Mapped *m;
  g_autoptr (GBytes) bytes = NULL;

  if (!gst_video_info_from_caps (&info, gst_sample_get_caps (sample)))
    return NULL;
  m = g_new0 (Mapped, 1);
  m->buffer = gst_buffer_ref (gst_sample_get_buffer (sample));
  if (!gst_buffer_map (m->buffer, &m->map, GST_MAP_READ))
    {
      gst_buffer_unref (m->buffer);
      g_free (m);
      return NULL;
    }
  /* the buffer stays mapped as long as the texture holds the bytes */
  bytes = g_bytes_new_with_free_func (m->map.data, m->map.size, mapped_free,
                                      m);
  /* BGRA with alpha 255 is premultiplied already */
  return gdk_memory_texture_new (GST_VIDEO_INFO_WIDTH (&info),
                                 GST_VIDEO_INFO_HEIGHT (&info),
                                 GDK_MEMORY_B8G8R8A8_PREMULTIPLIED, bytes,
                                 GST_VIDEO_INFO_PLANE_STRIDE (&info, 0));
}

static gboolean
tick (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  FcRecorderView *self = FC_RECORDER_VIEW (widget);
  GstSample *sample;

  g_mutex_lock (&self->lock);
  sample = g_steal_pointer (&self->pending);
  g_mutex_unlock (&self->lock);
  if (sample != NULL)
    {
      GdkTexture *texture = texture_from_sample (sample);

      gst_sample_unref (sample);
      if (texture != NULL)
        {
          g_set_object (&self->frame, texture);
          g_object_unref (texture);
          self->n_frames++;
        }
      gtk_widget_queue_draw (widget);
    }
  else if (self->recording_since != 0)
    gtk_widget_queue_draw (widget); /* the countdown */
  return G_SOURCE_CONTINUE;
}

/* ---- state --------------------------------------------------------------- */

static void update_button (FcRecorderView *self);

static void
state_changed (FcRecorder *recorder, GParamSpec *pspec, gpointer data)
{
  FcRecorderView *self = data;
  FcRecorderState state = fc_recorder_get_state (recorder);

  if (state == FC_RECORDER_STATE_RECORDING && self->recording_since == 0)
    self->recording_since = g_get_monotonic_time ();
  else if (state != FC_RECORDER_STATE_RECORDING
           && state != FC_RECORDER_STATE_FINISHING)
    self->recording_since = 0;
  update_button (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gint64
elapsed_ms (FcRecorderView *self)
{
  return self->recording_since
             ? (g_get_monotonic_time () - self->recording_since) / 1000
             : -1;
}

/* The seconds left of a recording under way, rounded up as the button
 * shows them; -1 when not recording. */
static int
seconds_left (FcRecorderView *self)
{
  gint64 elapsed = elapsed_ms (self);
  gint64 left;

  if (elapsed < 0 || self->recorder == NULL)
    return -1;
  left = MAX ((gint64) fc_recorder_get_record_time (self->recorder) - elapsed,
              0);
  return (int) ((left + 999) / 1000);
}

static gboolean
countdown_cb (gpointer data)
{
  FcRecorderView *self = data;

  self->countdown_id = 0;
  update_button (self);
  return G_SOURCE_REMOVE;
}

/* The accessible button: "Record"; while recording "Stop", described by
 * the seconds left, updated when the whole number changes (a timeout, not
 * the frame clock, which may not tick when nothing is drawn). */
static void
update_button (FcRecorderView *self)
{
  FcRecorderState state = self->recorder
                              ? fc_recorder_get_state (self->recorder)
                              : FC_RECORDER_STATE_IDLE;
  int left
      = state == FC_RECORDER_STATE_RECORDING ? MAX (seconds_left (self), 0) : -1;

  if (self->button == NULL)
    return;
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  if (left > 0)
    {
      gint64 left_ms
          = (gint64) fc_recorder_get_record_time (self->recorder)
            - elapsed_ms (self);

      /* the rounded-up number changes when left_ms reaches (left - 1) s */
      self->countdown_id = g_timeout_add (
          (guint) CLAMP (left_ms - (gint64) (left - 1) * 1000 + 1, 1, 1000),
          countdown_cb, self);
    }
  /* nothing to press while the file is being finished */
  gtk_widget_set_sensitive (self->button,
                            state != FC_RECORDER_STATE_FINISHING);
  if (left == self->button_seconds)
    return;
  self->button_seconds = left;
  if (left < 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Record"),
                                      -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->button),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%d second left", "%d seconds left",
                       left), left);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stop"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      text, -1);
    }
}

/* ---- drawing ----------------------------------------------------------- */

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr (GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) stride * h);
  /* cairo's ARGB32, premultiplied: BGRA in memory on little-endian */
  return gdk_memory_texture_new (w, h,
                                 G_BYTE_ORDER == G_LITTLE_ENDIAN
                                     ? GDK_MEMORY_B8G8R8A8_PREMULTIPLIED
                                     : GDK_MEMORY_A8R8G8B8_PREMULTIPLIED,
                                 bytes, stride);
}

/* What a screen reader reads of the view: the prompt shown, its lines
 * one a line, a line's spans joined by spaces (as the subtitle track). */
static void
describe_step (FcRecorderView *self, const FcStep *step)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint li = 0; step != NULL && li < step->lines->len; li++)
    {
      const FcPromptLine *line = step->lines->pdata[li];

      for (guint si = 0; si < line->spans->len; si++)
        {
          const FcPromptSpan *span = line->spans->pdata[si];

          if (text->len > 0)
            g_string_append_c (text, si == 0 ? '\n' : ' ');
          g_string_append (text, span->text);
        }
    }
  if (text->len > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    text->str, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static GdkTexture *
overlay_for (FcRecorderView *self, int width, int height)
{
  FcStepList *steps = fc_recorder_get_steps (self->recorder);
  GBytes *mask = fc_recorder_get_mask_bytes (self->recorder);
  int step = steps ? fc_step_list_active_at (steps, elapsed_ms (self)) : -1;
  cairo_surface_t *mask_surface = NULL, *surface;

  if (self->overlay && self->overlay_step == step
      && self->overlay_width == width && self->overlay_height == height
      && self->overlay_mask == mask && self->overlay_steps == steps)
    return self->overlay;
  if (mask)
    mask_surface = fc_mask_surface_new (mask, width, height, NULL);
  surface = fc_prompt_render_overlay (
      step >= 0 ? fc_step_list_get_step (steps, (guint) step) : NULL,
      mask_surface, width, height, fc_recorder_get_top (self->recorder));
  if (step != self->overlay_step || steps != self->overlay_steps)
    describe_step (self,
                   step >= 0 ? fc_step_list_get_step (steps, (guint) step)
                             : NULL);
  g_clear_object (&self->overlay);
  self->overlay = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  if (mask_surface)
    cairo_surface_destroy (mask_surface);
  self->overlay_step = step;
  self->overlay_width = width;
  self->overlay_height = height;
  self->overlay_mask = mask;
  self->overlay_steps = steps;
  return self->overlay;
}

#define FOCUS_RING 4.0

static void
draw_button (FcRecorderView *self, cairo_t *cr, const FcRect *r)
{
  double cx = r->width / 2, cy = r->height / 2;
  double radius = MIN (r->width, r->height) / 2;
  gint64 elapsed = elapsed_ms (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Focused from the keyboard: a ring just outside the button, in the
   * Adwaita focus blue, as GTK draws around a focused button. */
  if (gtk_widget_has_focus (self->button)
      && (self->keyboard_used
          || (GTK_IS_WINDOW (root)
              && gtk_window_get_focus_visible (GTK_WINDOW (root)))))
    {
      cairo_arc (cr, cx, cy, radius + FOCUS_RING / 2, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1.0);
      cairo_set_line_width (cr, FOCUS_RING - 1);
      cairo_stroke (cr);
    }

  cairo_arc (cr, cx, cy, radius - 2, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, MAX (2.0, radius * 0.12));
  cairo_stroke (cr);
  cairo_arc (cr, cx, cy, radius * 0.72, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.93, 0.2, 0.2);
  cairo_fill (cr);
  if (elapsed >= 0)
    {
      /* the remaining time, whole seconds rounded up */
      gint64 left = MAX ((gint64) fc_recorder_get_record_time (self->recorder)
                             - elapsed,
                         0);
      g_autofree char *text = g_strdup_printf ("%d", (int) ((left + 999) / 1000));
      cairo_text_extents_t ext;

      cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                              CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, radius * 0.7);
      cairo_text_extents (cr, text, &ext);
      cairo_move_to (cr, cx - ext.width / 2 - ext.x_bearing,
                     cy - ext.height / 2 - ext.y_bearing);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_show_text (cr, text);
    }
}

static void
draw_indicator (cairo_t *cr, double height)
{
  cairo_arc (cr, height / 2, height / 2, height * 0.3, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.93, 0.2, 0.2);
  cairo_fill (cr);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, height * 0.6);
  cairo_move_to (cr, height, height * 0.72);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_show_text (cr, "REC");
}

static void
fc_recorder_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  FcRecorderView *self = FC_RECORDER_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, width, height);
  FcViewport vp = { width, height };
  FcRect button;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  gtk_snapshot_append_color (snapshot, &(GdkRGBA){ 0, 0, 0, 1 }, &all);
  if (self->frame)
    {
      /* cover: fill the component, cropping what overflows */
      double fw = gdk_texture_get_width (self->frame);
      double fh = gdk_texture_get_height (self->frame);
      double scale = MAX (width / fw, height / fh);
      double w = fw * scale, h = fh * scale;

      gtk_snapshot_push_clip (snapshot, &all);
      gtk_snapshot_append_texture (
          snapshot, self->frame,
          &GRAPHENE_RECT_INIT ((width - w) / 2, (height - h) / 2, w, h));
      gtk_snapshot_pop (snapshot);
    }
  if (self->recorder)
    {
      gtk_snapshot_append_texture (snapshot, overlay_for (self, width, height),
                                   &all);
      fc_recorder_get_button_layout (self->recorder, &vp, &button);
      /* FOCUS_RING px of room around the button for its focus ring */
      cr = gtk_snapshot_append_cairo (
          snapshot, &GRAPHENE_RECT_INIT (button.x - FOCUS_RING,
                                         button.y - FOCUS_RING,
                                         button.width + 2 * FOCUS_RING,
                                         button.height + 2 * FOCUS_RING));
      cairo_translate (cr, button.x, button.y);
      draw_button (self, cr, &button);
      cairo_destroy (cr);
      if (self->recording_since != 0)
        {
          double h = MAX (16.0, height * 0.04);

          cr = gtk_snapshot_append_cairo (
              snapshot, &GRAPHENE_RECT_INIT (8, 8, h * 4, h));
          cairo_translate (cr, 8, 8);
          draw_indicator (cr, h);
          cairo_destroy (cr);
        }
    }
}

/* The record button pressed: record, or stop the recording under way. */
static void
press (FcRecorderView *self)
{
  if (!self->recorder)
    return;
  switch (fc_recorder_get_state (self->recorder))
    {
    case FC_RECORDER_STATE_RECORDING:
      fc_recorder_stop (self->recorder);
      break;
    case FC_RECORDER_STATE_FINISHING:
      break;
    default:
      fc_recorder_record (self->recorder);
      break;
    }
}

static void
clicked (GtkGestureClick *gesture, int n_press, double x, double y,
         gpointer data)
{
  FcRecorderView *self = data;
  GtkWidget *widget = GTK_WIDGET (self);
  FcViewport vp = { gtk_widget_get_width (widget),
                    gtk_widget_get_height (widget) };
  FcRect r;
  double dx, dy, radius;

  if (!self->recorder)
    return;
  fc_recorder_get_button_layout (self->recorder, &vp, &r);
  dx = x - (r.x + r.width / 2);
  dy = y - (r.y + r.height / 2);
  radius = MIN (r.width, r.height) / 2;
  if (dx * dx + dy * dy > radius * radius)
    return;
  press (self);
}

/* The focus ring shows once keys are used here (the Tab that brought the
 * focus in is released on the button), and goes with a pointer press. */
static void
on_key_used (GtkEventControllerKey *controller, guint keyval, guint keycode,
             GdkModifierType state, gpointer data)
{
  FcRecorderView *self = data;

  if (!self->keyboard_used)
    {
      self->keyboard_used = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_pointer_pressed (GtkGestureClick *gesture, int n_press, double x,
                    double y, gpointer data)
{
  FcRecorderView *self = data;

  if (self->keyboard_used)
    {
      self->keyboard_used = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
button_clicked (GtkButton *button, gpointer data)
{
  press (data);
}

/* The button's place: where it is drawn (buttonStyle). */
static void
fc_recorder_view_size_allocate (GtkWidget *widget, int width, int height,
                                int baseline)
{
  FcRecorderView *self = FC_RECORDER_VIEW (widget);
  FcViewport vp = { width, height };
  FcRect r = { 0, 0, 0, 0 };
  int min_w, min_h;

  if (self->recorder)
    fc_recorder_get_button_layout (self->recorder, &vp, &r);
  gtk_widget_measure (self->button, GTK_ORIENTATION_HORIZONTAL, -1, &min_w,
                      NULL, NULL, NULL);
  gtk_widget_measure (self->button, GTK_ORIENTATION_VERTICAL, -1, &min_h,
                      NULL, NULL, NULL);
  gtk_widget_size_allocate (
      self->button,
      &(GtkAllocation){ (int) r.x, (int) r.y, MAX ((int) r.width, min_w),
                        MAX ((int) r.height, min_h) },
      -1);
}

/* ---- object ------------------------------------------------------------ */

static GstElement *
make_sink (FcRecorderView *self)
{
  GstElement *bin = gst_bin_new ("fc-view-sink");
  GstElement *convert = gst_element_factory_make ("videoconvert", NULL);
  GstElement *sink = gst_element_factory_make ("appsink", NULL);
  g_autoptr (GstCaps) caps = gst_caps_from_string ("video/x-raw,format=BGRA");
  g_autoptr (GstPad) pad = NULL;
  GstAppSinkCallbacks callbacks = { .new_sample = new_sample };

  gst_bin_add_many (GST_BIN (bin), convert, sink, NULL);
  gst_element_link (convert, sink);
  g_object_set (sink, "caps", caps, "sync", FALSE, "max-buffers", 1, "drop",
                TRUE, "enable-last-sample", FALSE, NULL);
  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, self, NULL);
  pad = gst_element_get_static_pad (convert, "sink");
  gst_element_add_pad (bin, gst_ghost_pad_new ("sink", pad));
  return gst_object_ref_sink (bin);
}

static void
set_recorder (FcRecorderView *self, FcRecorder *recorder)
{
  if (recorder == NULL)
    return;
  self->recorder = g_object_ref (recorder);
  self->sink_bin = make_sink (self);
  fc_recorder_set_preview_sink (recorder, self->sink_bin);
  self->state_id = g_signal_connect (recorder, "notify::state",
                                     G_CALLBACK (state_changed), self);
  state_changed (recorder, NULL, self);
}

static void
fc_recorder_view_get_property (GObject *object, guint prop_id, GValue *value,
                               GParamSpec *pspec)
{
  FcRecorderView *self = FC_RECORDER_VIEW (object);

  switch (prop_id)
    {
    case PROP_RECORDER:
      g_value_set_object (value, self->recorder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_recorder_view_set_property (GObject *object, guint prop_id,
                               const GValue *value, GParamSpec *pspec)
{
  FcRecorderView *self = FC_RECORDER_VIEW (object);

  switch (prop_id)
    {
    case PROP_RECORDER:
      set_recorder (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_recorder_view_realize (GtkWidget *widget)
{
  FcRecorderView *self = FC_RECORDER_VIEW (widget);

  GTK_WIDGET_CLASS (fc_recorder_view_parent_class)->realize (widget);
  self->tick_id = gtk_widget_add_tick_callback (widget, tick, NULL, NULL);
}

static void
fc_recorder_view_unrealize (GtkWidget *widget)
{
  FcRecorderView *self = FC_RECORDER_VIEW (widget);

  if (self->tick_id)
    gtk_widget_remove_tick_callback (widget, self->tick_id);
  self->tick_id = 0;
  GTK_WIDGET_CLASS (fc_recorder_view_parent_class)->unrealize (widget);
}

static void
fc_recorder_view_measure (GtkWidget *widget, GtkOrientation orientation,
                          int for_size, int *minimum, int *natural,
                          int *minimum_baseline, int *natural_baseline)
{
  /* a phone-sized component unless the page says otherwise */
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 375 : 667;
}

static void
fc_recorder_view_dispose (GObject *object)
{
  FcRecorderView *self = FC_RECORDER_VIEW (object);

  if (self->recorder)
    {
      g_clear_signal_handler (&self->state_id, self->recorder);
      /* the appsink calls back into this object: close the pipeline
       * first if it still uses our sink */
      if (fc_recorder_get_preview_sink (self->recorder) == self->sink_bin)
        {
          fc_recorder_close (self->recorder);
          fc_recorder_set_preview_sink (self->recorder, NULL);
        }
    }
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->recorder);
  g_clear_object (&self->sink_bin);
  g_clear_object (&self->frame);
  g_clear_object (&self->overlay);
  G_OBJECT_CLASS (fc_recorder_view_parent_class)->dispose (object);
}

static void
fc_recorder_view_finalize (GObject *object)
{
  FcRecorderView *self = FC_RECORDER_VIEW (object);

  g_clear_pointer (&self->pending, gst_sample_unref);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (fc_recorder_view_parent_class)->finalize (object);
}

/* The button's accessible name and countdown follow the host's locale
 * (po/); FC_LOCALEDIR overrides where the catalogues are. */
static void
bind_text_domain (void)
{
  const char *dir = g_getenv ("FC_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, dir && *dir ? dir : FC_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

static void
fc_recorder_view_class_init (FcRecorderViewClass *klass)
{
  bind_text_domain ();
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = fc_recorder_view_get_property;
  object_class->set_property = fc_recorder_view_set_property;
  object_class->dispose = fc_recorder_view_dispose;
  object_class->finalize = fc_recorder_view_finalize;
  widget_class->snapshot = fc_recorder_view_snapshot;
  widget_class->measure = fc_recorder_view_measure;
  widget_class->size_allocate = fc_recorder_view_size_allocate;
  widget_class->realize = fc_recorder_view_realize;
  widget_class->unrealize = fc_recorder_view_unrealize;

  /**
   * FcRecorderView:recorder:
   *
   * The recorder shown; the view becomes its preview sink.
   */
  props[PROP_RECORDER] = g_param_spec_object (
      "recorder", NULL, NULL, FC_TYPE_RECORDER,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
  gtk_widget_class_set_css_name (widget_class, "fc-recorder-view");
  gtk_widget_class_set_accessible_role (widget_class,
                                        GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fc_recorder_view_init (FcRecorderView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_mutex_init (&self->lock);
  self->overlay_step = -2;
  g_signal_connect (click, "released", G_CALLBACK (clicked), self);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pointer_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-released", G_CALLBACK (on_key_used), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  /* not drawn (the snapshot draws the button), but focusable and pressed
   * with the keyboard or an assistive technology */
  self->button = gtk_button_new ();
  self->button_seconds = -2;
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  /* pointers hit the drawn button (the view's gesture), not this one */
  gtk_widget_set_can_target (self->button, FALSE);
  g_signal_connect (self->button, "clicked", G_CALLBACK (button_clicked),
                    self);
  /* the focus ring is drawn with the button */
  g_signal_connect_swapped (self->button, "notify::has-focus",
                            G_CALLBACK (gtk_widget_queue_draw), self);
  update_button (self);
}

/**
 * fc_recorder_view_new:
 * @recorder: the recorder to show
 *
 * Creates the GTK 4 view of a recorder: its preview, prompts, mask and
 * record button. It sets itself as the recorder's preview sink, before or
 * after the recorder is prepared (a running pipeline takes the view's sink
 * in without starting again).
 *
 * Returns: (transfer floating): the view
 */
GtkWidget *
fc_recorder_view_new (FcRecorder *recorder)
{
  g_return_val_if_fail (FC_IS_RECORDER (recorder), NULL);
  return g_object_new (FC_TYPE_RECORDER_VIEW, "recorder", recorder, NULL);
}

/**
 * fc_recorder_view_get_recorder:
 * @self: a view
 *
 * The recorder the view shows.
 *
 * Returns: (transfer none): the recorder
 */
FcRecorder *
fc_recorder_view_get_recorder (FcRecorderView *self)
{
  g_return_val_if_fail (FC_IS_RECORDER_VIEW (self), NULL);
  return self->recorder;
}

/**
 * fc_recorder_view_get_n_frames:
 * @self: a view
 *
 * How many preview frames the view has shown so far, for tests.
 *
 * Returns: the number of frames
 */
guint64
fc_recorder_view_get_n_frames (FcRecorderView *self)
{
  g_return_val_if_fail (FC_IS_RECORDER_VIEW (self), 0);
  return self->n_frames;
}
