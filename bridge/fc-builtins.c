/* fc-builtins.c: the platform's built-in elements as headless classes,
 * which every FcRegistry holds: their property schemas and events, from
 * the platform's component documentation, and the tap every one of them
 * answers. What the form controls do (input, switch, checkbox…) is in
 * fc-builtin-forms.c. */
#include <stdlib.h>
#include <string.h>

#include "fc-builtins-private.h"
#include "fc-page-signals-private.h"
#include "fc-value-private.h"

/* One built-in: @props is "name:T[=default] …" with T one of s (String),
 * n (Number), b (Boolean), a (Array), o (Object), then the letters of
 * its optional types (a default of b is "true"; of s the text up to the
 * next blank); @events the event names
 * it raises besides tap and longpress. A @plain element is one the bridge
 * renders plainly (a box, or GTK's nearest widget): the page warns once
 * per tag. */
typedef struct {
  const char *tag;
  const char *props;
  const char *events;
  gboolean plain;
} Builtin;

#define HOVER "hoverClass:s=none hoverStopPropagation:b hoverStartTime:n=50 hoverStayTime:n=400"

static const Builtin builtins[] = {
  { "page", NULL, NULL, FALSE },
  /* a tag neither built in nor in usingComponents (glass-easel makes it
   * a native node: any attribute, the common events, no properties) */
  { FC_BUILTIN_NATIVE, NULL, NULL, FALSE },
  { "block", NULL, NULL, FALSE },
  { "view", HOVER, NULL, FALSE },
  { "text", "selectable:b userSelect:b space:s decode:b", NULL, FALSE },
  { "image", "src:s mode:s=scaleToFill webp:b lazyLoad:b showMenuByLongpress:b", "load error", FALSE },
  { "button", "size:s=default type:s=default plain:b disabled:b loading:b formType:s openType:s " HOVER
              " lang:s=en sessionFrom:s sendMessageTitle:s sendMessagePath:s sendMessageImg:s appParameter:s"
              " showMessageCard:b businessId:s phoneNumberNoQuotaToast:b=true",
    "getuserinfo contact getphonenumber error opensetting launchapp chooseavatar agreeprivacyauthorization", FALSE },
  { "navigator", "url:s openType:s=navigate delta:n=1 target:s=self appId:s path:s extraData:o version:s=release "
                 HOVER,
    "success fail complete", FALSE },
  /* view containers */
  { "scroll-view", "scrollX:b scrollY:b upperThreshold:n=50 lowerThreshold:n=50 scrollTop:n scrollLeft:n "
                   "scrollIntoView:s scrollWithAnimation:b enableBackToTop:b enableFlex:b scrollAnchoring:b "
                   "refresherEnabled:b refresherThreshold:n=45 refresherDefaultStyle:s=black "
                   "refresherBackground:s=#FFF refresherTriggered:b enhanced:b bounces:b=true showScrollbar:b=true "
                   "pagingEnabled:b fastDeceleration:b enablePassive:b type:s=list",
    "scroll scrolltoupper scrolltolower refresherpulling refresherrefresh refresherrestore refresherabort "
    "dragstart dragging dragend", TRUE },
  { "swiper", "indicatorDots:b indicatorColor:s=rgba(0,0,0,.3) indicatorActiveColor:s=#000000 autoplay:b "
              "current:n interval:n=5000 duration:n=500 circular:b vertical:b previousMargin:s=0px "
              "nextMargin:s=0px snapToEdge:b displayMultipleItems:n=1 easingFunction:s=default",
    "change transition animationfinish", TRUE },
  { "swiper-item", "itemId:s skipHiddenItemLayout:b", NULL, TRUE },
  { "movable-area", "scaleArea:b", NULL, TRUE },
  { "movable-view", "direction:s=none inertia:b outOfBounds:b x:n y:n damping:n=20 friction:n=2 disabled:b "
                    "scale:b scaleMin:n=0.5 scaleMax:n=10 scaleValue:n=1 animation:b=true",
    "change scale htouchmove vtouchmove", TRUE },
  { "cover-view", "scrollTop:n", NULL, TRUE },
  { "cover-image", "src:s referrerPolicy:s=no-referrer", "load error", TRUE },
  { "match-media", "minWidth:n maxWidth:n width:n minHeight:n maxHeight:n height:n orientation:s", NULL, TRUE },
  { "page-container", "show:b duration:n=300 zIndex:n=100 overlay:b=true position:s=bottom round:b "
                      "closeOnSlideDown:b overlayStyle:s customStyle:s",
    "beforeenter enter afterenter beforeleave leave afterleave clickoverlay", TRUE },
  { "root-portal", "enable:b=true", NULL, TRUE },
  { "grid-view", "type:s=aligned crossAxisCount:n=2 maxCrossAxisExtent:n mainAxisGap:n crossAxisGap:n", NULL, TRUE },
  { "list-view", NULL, NULL, TRUE },
  { "sticky-header", NULL, NULL, TRUE },
  { "sticky-section", NULL, NULL, TRUE },
  { "share-element", "key:s transform:b duration:n=300 easingFunction:s=ease-out", NULL, TRUE },
  /* basic content */
  { "icon", "type:s size:n=23 color:s", NULL, TRUE },
  { "progress", "percent:n showInfo:b borderRadius:n fontSize:n=16 strokeWidth:n=6 color:s=#09BB07 "
                "activeColor:s=#09BB07 backgroundColor:s=#EBEBEB active:b activeMode:s=backwards duration:n=30",
    "activeend", TRUE },
  { "rich-text", "nodes:as space:s userSelect:b", NULL, TRUE },
  { "selection", NULL, NULL, TRUE },
  /* forms */
  { "form", "reportSubmit:b reportSubmitTimeout:n", "submit reset", TRUE },
  { "input", "value:s type:s=text password:b placeholder:s placeholderStyle:s placeholderClass:s=input-placeholder "
             "disabled:b maxlength:n=140 cursorSpacing:n autoFocus:b focus:b confirmType:s=done alwaysEmbed:b "
             "confirmHold:b cursor:n=-1 cursorColor:s selectionStart:n=-1 selectionEnd:n=-1 adjustPosition:b=true "
             "holdKeyboard:b safePasswordCertPath:s safePasswordLength:n safePasswordTimeStamp:n "
             "safePasswordNonce:s safePasswordSalt:s safePasswordCustomHash:s randomNumber:b controlled:b "
             "alwaysSystem:b name:s",
    "input focus blur confirm keyboardheightchange nicknamereview", TRUE },
  { "textarea", "value:s placeholder:s placeholderStyle:s placeholderClass:s=textarea-placeholder disabled:b "
                "maxlength:n=140 autoFocus:b focus:b autoHeight:b fixed:b cursorSpacing:n cursor:n=-1 "
                "showConfirmBar:b=true selectionStart:n=-1 selectionEnd:n=-1 adjustPosition:b=true holdKeyboard:b "
                "disableDefaultPadding:b cursorColor:s confirmType:s=return confirmHold:b adjustKeyboardTo:s=cursor name:s",
    "input focus blur confirm linechange keyboardheightchange", TRUE },
  { "switch", "checked:b disabled:b type:s=switch color:s=#04BE02 name:s", "change", TRUE },
  { "checkbox", "value:s disabled:b checked:b color:s=#09BB07", NULL, TRUE },
  { "checkbox-group", "name:s", "change", TRUE },
  { "radio", "value:s checked:b disabled:b color:s=#09BB07", NULL, TRUE },
  { "radio-group", "name:s", "change", TRUE },
  { "slider", "min:n max:n=100 step:n=1 disabled:b value:n color:s=#e9e9e9 selectedColor:s=#1aad19 "
              "activeColor:s=#1aad19 backgroundColor:s=#e9e9e9 blockSize:n=28 blockColor:s=#ffffff "
              "showValue:b name:s",
    "change changing", TRUE },
  { "label", "for:s", NULL, TRUE },
  { "picker", "headerText:s mode:s=selector disabled:b range:a rangeKey:s value:nas start:s end:s fields:s=day "
              "customItem:s level:s=region name:s",
    "change cancel columnchange", TRUE },
  { "picker-view", "value:a indicatorStyle:s indicatorClass:s maskStyle:s maskClass:s immediateChange:b name:s",
    "change pickstart pickend", TRUE },
  { "picker-view-column", NULL, NULL, TRUE },
  { "editor", "readOnly:b placeholder:s showImgSize:b showImgToolbar:b showImgResize:b",
    "ready focus blur input statuschange", TRUE },
  { "keyboard-accessory", NULL, NULL, TRUE },
  /* navigation, media, map, canvas, open capabilities */
  { "functional-page-navigator", "version:s=release name:s args:o", "success fail cancel", TRUE },
  { "audio", "src:s loop:b controls:b poster:s name:s=unknown author:s=unknown",
    "error play pause timeupdate ended", TRUE },
  { "video", "src:s duration:n controls:b=true danmuList:a danmuBtn:b enableDanmu:b autoplay:b loop:b muted:b "
             "initialTime:n pageGesture:b direction:n showProgress:b=true showFullscreenBtn:b=true "
             "showPlayBtn:b=true showCenterPlayBtn:b=true enableProgressGesture:b=true objectFit:s=contain "
             "poster:s showMuteBtn:b title:s playBtnPosition:s=bottom enablePlayGesture:b autoPauseIfNavigate:b=true "
             "autoPauseIfOpenNative:b=true vslideGesture:b vslideGestureInFullscreen:b=true showBottomProgress:b=true "
             "pictureInPictureMode:s enableAutoRotation:b showScreenLockButton:b showSnapshotButton:b "
             "showBackgroundPlaybackButton:b backgroundPoster:s",
    "play pause ended timeupdate fullscreenchange waiting error progress loadedmetadata controlstoggle "
    "enterpictureinpicture leavepictureinpicture seekcomplete", TRUE },
  { "camera", "mode:s=normal resolution:s=medium devicePosition:s=back flash:s=auto frameSize:s=medium",
    "stop error initdone scancode", TRUE },
  { "live-player", "src:s mode:s=live autoplay:b muted:b orientation:s=vertical objectFit:s=contain "
                   "minCache:n=1 maxCache:n=3",
    "statechange fullscreenchange netstatus", TRUE },
  { "live-pusher", "url:s mode:s=RTC autopush:b muted:b enableCamera:b=true autoFocus:b=true "
                   "orientation:s=vertical beauty:n whiteness:n",
    "statechange netstatus error", TRUE },
  { "map", "longitude:n latitude:n scale:n=16 minScale:n=3 maxScale:n=20 markers:a covers:a polyline:a circles:a "
           "controls:a includePoints:a showLocation:b polygons:a subkey:s layerStyle:n=1 rotate:n skew:n "
           "enable3D:b showCompass:b showScale:b enableOverlooking:b enableZoom:b=true enableScroll:b=true "
           "enableRotate:b enableSatellite:b enableTraffic:b setting:o",
    "markertap labeltap controltap callouttap updated regionchange poitap anchorpointtap", TRUE },
  { "canvas", "type:s canvasId:s disableScroll:b",
    "touchstart touchmove touchend touchcancel error", TRUE },
  { "web-view", "src:s", "message load error", TRUE },
  { "ad", "unitId:s adIntervals:n adType:s=banner adTheme:s=white", "load error close", TRUE },
  { "ad-custom", "unitId:s adIntervals:n", "load error", TRUE },
  { "official-account", NULL, "load error", TRUE },
  { "open-data", "type:s openGid:s lang:s=en defaultText:s defaultAvatar:s", "error", TRUE },
  /* native configuration */
  { "page-meta", "backgroundTextStyle:s backgroundColor:s backgroundColorTop:s backgroundColorBottom:s "
                 "rootBackgroundColor:s scrollTop:s scrollDuration:n=300 pageStyle:s pageFontSize:s rootFontSize:s "
                 "pageOrientation:s",
    "resize scroll scrolldone", TRUE },
  { "navigation-bar", "title:s loading:b frontColor:s backgroundColor:s colorAnimationDuration:n "
                      "colorAnimationTimingFunc:s=linear",
    NULL, TRUE },
};

static gboolean
tap (FcElement *element, FcValue *args, gpointer user_data, GError **error)
{
  g_autoptr (FcValue) detail = fc_value_new_object ();
  FcValue *disabled = fc_element_get_property (element, "disabled");

  if (disabled && fc_value_is_truthy (disabled))
    return TRUE;
  fc_value_object_set (detail, "x", fc_value_new_number (0));
  fc_value_object_set (detail, "y", fc_value_new_number (0));
  fc_element_trigger_event (element, "tap", detail, FC_EVENT_BUBBLES | FC_EVENT_CAPTURE_PHASE | FC_EVENT_COMPOSED);
  if (strcmp (fc_element_get_tag (element), "navigator") == 0)
    {
      FcValue *url = fc_element_get_property (element, "url");
      if (url && fc_value_get_string (url)[0])
        fc_page_emit_navigate (fc_element_get_page (element), fc_value_get_string (url));
    }
  fc_builtin_forms_after_tap (element);
  return TRUE;
}

static FcValue *
parse_default (char type, const char *text)
{
  switch (type)
    {
    case 's': return fc_value_new_string (text);
    case 'n': return fc_value_new_number (g_ascii_strtod (text, NULL));
    case 'b': return fc_value_new_boolean (strcmp (text, "true") == 0);
    default: return NULL;
    }
}

static FcPropertyType
type_of (char letter)
{
  switch (letter)
    {
    case 's': return FC_PROPERTY_STRING;
    case 'n': return FC_PROPERTY_NUMBER;
    case 'b': return FC_PROPERTY_BOOLEAN;
    case 'a': return FC_PROPERTY_ARRAY;
    default: return FC_PROPERTY_OBJECT;
    }
}

static void
add_properties (FcComponentClass *k, const char *props)
{
  g_auto (GStrv) items = g_strsplit (props, " ", -1);

  for (guint i = 0; items[i]; i++)
    {
      char *colon = strchr (items[i], ':');
      char *eq;
      FcPropertyType type, optional = 0;
      FcValue *def = NULL;

      if (!items[i][0])
        continue;
      g_assert (colon && colon[1]);
      *colon = '\0';
      type = type_of (colon[1]);
      for (const char *t = colon + 2; *t && *t != '='; t++)
        optional |= type_of (*t);
      if ((eq = strchr (colon + 1, '=')))
        def = parse_default (colon[1], eq + 1);
      fc_component_class_add_property (k, items[i], type, optional, def, FALSE);
      if (def)
        fc_value_unref (def);
    }
}

/* An element of a tag the page does not know (FC_BUILTIN_NATIVE): the
 * page warns once per tag, naming it (a typo such as <veiw> is one). */
static GObject *
native_warn_once (FcComponentClass *klass, FcElement *element, gpointer user_data)
{
  FcPage *page = fc_element_get_page (element);
  GHashTable *warned = g_object_get_data (G_OBJECT (page), "fc-native-warned");
  const char *tag = fc_element_get_tag (element);

  if (!warned)
    {
      warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (page), "fc-native-warned", warned, (GDestroyNotify) g_hash_table_unref);
    }
  if (!g_hash_table_contains (warned, tag))
    {
      g_autofree char *msg = g_strdup_printf ("unknown element <%s> (not built in, not in usingComponents): "
                                              "kept as a plain element, as the platform does", tag);
      g_hash_table_add (warned, g_strdup (tag));
      fc_element_emit_warning (element, msg);
    }
  return NULL;
}

static FcComponentClass *
make (const Builtin *b)
{
  FcComponentClass *k = fc_component_class_new (b->tag);
  k->builtin = TRUE;
  if (strcmp (b->tag, FC_BUILTIN_NATIVE) == 0)
    {
      k->native = TRUE;
      fc_component_class_set_hooks (k, native_warn_once, NULL, NULL, NULL, NULL);
    }
  if (strcmp (b->tag, "page") != 0)
    {
      fc_component_class_add_method (k, "tap", tap, NULL, NULL);
      fc_component_class_add_event (k, "tap");
      fc_component_class_add_event (k, "longpress");
    }
  if (b->props)
    add_properties (k, b->props);
  /* every element of the tag starts with them: the class lives for the
   * process, so do they, without counting references */
  for (guint i = 0; i < k->properties->len; i++)
    fc_value_make_immortal (g_array_index (k->properties, FcPropertySpec, i).default_value);
  if (b->events)
    {
      g_auto (GStrv) events = g_strsplit (b->events, " ", -1);
      for (guint i = 0; events[i]; i++)
        fc_component_class_add_event (k, events[i]);
    }
  if (b->plain)
    fc_builtin_forms_init_class (k);
  return k;
}

/* The classes live for the process, like GTypes; every registry shares
 * them (fc_registry_new()). */
GHashTable *
fc_builtins_dup_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) fc_component_class_unref);
      for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
        g_hash_table_insert (t, (gpointer) builtins[i].tag, make (&builtins[i]));
      g_once_init_leave (&table, t);
    }
  return g_hash_table_ref (table);
}
