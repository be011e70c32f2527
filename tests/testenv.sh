# shellcheck shell=bash
# The test environment `./run test` starts and tears down around the suite:
# a private D-Bus session, PipeWire and WirePlumber on a private
# XDG_RUNTIME_DIR, a virtual camera and microphone fed through pipewiresink,
# and a virtual X display. Sourced by ./run; every process it starts is
# recorded in FC_ENV_PIDS and ended by fc_env_stop, and nothing else is.

FC_ENV_PIDS=()
FC_CAMERA_NODE=fc-test-camera
FC_MIC_NODE=fc-test-mic

fc_env_log () { printf 'testenv: %s\n' "$*" >&2; }

# Starts "$@" in the background with its output in $FC_ENV_DIR/NAME.log.
fc_env_spawn () {
  local name=$1; shift
  "$@" >"$FC_ENV_DIR/$name.log" 2>&1 &
  FC_ENV_PIDS+=($!)
}

# Waits up to $2 tenths of a second for the command in $3... to succeed.
fc_env_wait () {
  local what=$1 tries=$2; shift 2
  while ! "$@" >/dev/null 2>&1; do
    tries=$((tries - 1))
    if [ "$tries" -le 0 ]; then fc_env_log "timed out waiting for $what"; return 1; fi
    sleep 0.1
  done
}

fc_env_has_node () { pw-cli ls Node 2>/dev/null | grep -q "node.name = \"$1\""; }


# The camera is a pipewiresink provider. Left as it is, it elects itself the
# driver of the graph and stalls after its first consumer leaves (PipeWire
# 0.3.65); with the lowest driver priority the graph's dummy driver drives it.
# Consumers must force the caps format, or pipewiresrc never negotiates.
fc_env_start_camera () {
  fc_env_spawn camera gst-launch-1.0 -q \
    videotestsrc is-live=true pattern=smpte \
    ! video/x-raw,format=YUY2,width=1280,height=720,framerate=30/1 \
    ! pipewiresink mode=provide \
      stream-properties="props,media.class=Video/Source,node.name=$FC_CAMERA_NODE,node.description=fc-test-camera,priority.driver=1"
}

# The microphone is a PipeWire loopback: a virtual sink whose other end is an
# Audio/Source node, fed a tone through pipewiresink as an ordinary playback
# stream. (An audio node made with `pipewiresink mode=provide` works too, but
# its consumers stall after one buffer now and then on PipeWire 0.3.65.)
fc_env_start_mic () {
  fc_env_spawn mic-loopback pw-loopback --name fc-test-mic-loopback \
    --capture-props="media.class=Audio/Sink node.name=$FC_MIC_NODE-feed audio.position=[MONO]" \
    --playback-props="media.class=Audio/Source node.name=$FC_MIC_NODE node.description=fc-test-microphone audio.position=[MONO]"
  fc_env_wait "the microphone loopback" 100 fc_env_has_node "$FC_MIC_NODE-feed" || return 1
  fc_env_spawn microphone gst-launch-1.0 -q \
    audiotestsrc is-live=true wave=sine freq=440 volume=0.3 \
    ! audio/x-raw,format=S16LE,rate=48000,channels=1 \
    ! pipewiresink target-object="$FC_MIC_NODE-feed" \
      stream-properties="props,node.dont-reconnect=true"
}

fc_env_start () {
  FC_ENV_DIR=$(mktemp -d "${TMPDIR:-/tmp}/fc-testenv.XXXXXX")
  mkdir -m 0700 "$FC_ENV_DIR/xdg"
  export XDG_RUNTIME_DIR="$FC_ENV_DIR/xdg"
  export DBUS_SESSION_BUS_ADDRESS="unix:path=$XDG_RUNTIME_DIR/bus"
  # Nothing from the caller's desktop may leak into the tests.
  unset WAYLAND_DISPLAY PIPEWIRE_REMOTE PULSE_SERVER

  fc_env_spawn dbus dbus-daemon --session --nofork --nopidfile --address="$DBUS_SESSION_BUS_ADDRESS"
  fc_env_wait "the D-Bus session" 50 test -S "$XDG_RUNTIME_DIR/bus" || return 1

  fc_env_spawn pipewire pipewire
  fc_env_wait "PipeWire" 50 test -S "$XDG_RUNTIME_DIR/pipewire-0" || return 1
  fc_env_spawn wireplumber wireplumber
  # WirePlumber is ready when it has created its default metadata.
  fc_env_wait "WirePlumber" 100 sh -c 'pw-cli ls Metadata | grep -q default' || return 1

  fc_env_start_camera
  fc_env_start_mic || return 1
  fc_env_wait "the virtual camera node" 100 fc_env_has_node "$FC_CAMERA_NODE" || return 1
  fc_env_wait "the virtual microphone node" 100 fc_env_has_node "$FC_MIC_NODE" || return 1
  # No probe capture here: the suite's first test (tests/test-environment.c)
  # proves frames and samples really flow. Tests that record make a camera
  # node of their own (tests/common/fc-test-devices.c says why); this one is
  # for discovery and for the demo.
  export FC_TEST_CAMERA_NODE=$FC_CAMERA_NODE FC_TEST_MIC_NODE=$FC_MIC_NODE

  # Xvfb picks a free display itself and tells us which through -displayfd.
  Xvfb -displayfd 5 -screen 0 1280x1024x24 -nolisten tcp 5>"$FC_ENV_DIR/display" >"$FC_ENV_DIR/xvfb.log" 2>&1 &
  FC_ENV_PIDS+=($!)
  fc_env_wait "Xvfb" 100 test -s "$FC_ENV_DIR/display" || return 1
  export DISPLAY=":$(head -n1 "$FC_ENV_DIR/display")"
  export GDK_BACKEND=x11
  fc_env_log "ready: DISPLAY=$DISPLAY XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR"
}

fc_env_stop () {
  local pid
  for pid in "${FC_ENV_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${FC_ENV_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  FC_ENV_PIDS=()
  [ -n "${FC_ENV_DIR:-}" ] && rm -rf "$FC_ENV_DIR"
  FC_ENV_DIR=
}
