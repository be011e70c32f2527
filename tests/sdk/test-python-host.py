#!/usr/bin/env python3
"""A Python (PyGObject) host of the demo mini-program, through the typelibs.

It loads demo/miniprogram with the installed-or-built plugins, mounts the
PIN page, types a PIN through the keyboard's own API (FcVirtualKeyboard's
FcKeyboard, the component's instance) and checks the page's handlers and
data; then mounts the Quick Start page (pages/video/video) and records one
second offline from the test camera and microphone, checking
onRecordReady, onRecordStart and onRecordEnd's detail and the file.

Run by meson test with GI_TYPELIB_PATH and LD_LIBRARY_PATH on the build
tree (tests/sdk/meson.build), or by tests/sdk/install-check on an
installed prefix; FC_SDK_APP_DIR names the mini-program.
"""
import json
import os
import shutil
import sys
import tempfile
import time
import unittest

import gi

gi.require_version("FcBridge", "0")
gi.require_version("FcVirtualKeyboard", "0")
gi.require_version("FcVideoRecognition", "0")
from gi.repository import FcBridge, FcVideoRecognition, FcVirtualKeyboard, GLib  # noqa: E402

APP_DIR = os.environ.get("FC_SDK_APP_DIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "demo", "miniprogram")
# an offline recording of 1 s encodes as fast as the machine can; 60 s is
# far above what it takes on 2 loaded cores (3-6 s measured in the suite)
SETTLE_SECONDS = 60


def value_json(value):
    return json.loads(value.to_json()) if value is not None else None


class Host:
    """What a host does: a store, an app, its settings, a scope of handlers."""

    def __init__(self, temp_dir):
        self.calls = []
        self.settings = FcBridge.HostSettings.new()
        self.settings.set_camera("test")
        self.settings.set_microphone("test")
        self.settings.set_allow_test_source(True)
        self.settings.set_offline(True)
        self.settings.set_temp_dir(temp_dir)
        self.store = FcBridge.PluginStore.new()
        self.app = FcBridge.App.new_from_dir(self.store, APP_DIR)
        self.app.set_host_settings(self.settings)
        self.scope = FcBridge.CallbackScope.new()
        # every handler a page binds lands here, with its event's detail
        self.scope.set_fallback(self.on_handler)

    def on_handler(self, event):
        self.calls.append((event.handler, value_json(event.detail)))

    def mount(self, page_path, data=None):
        """Mounts a page with its initial data: PAGE.data.json beside it,
        as fc-demo does, unless the test gives its own."""
        if data is None:
            with open(os.path.join(APP_DIR, page_path + ".data.json")) as f:
                data = json.load(f)
        page = FcBridge.Page.new(FcBridge.Registry.new(), self.scope)
        self.app.load_page(page, page_path, FcBridge.Value.from_json(json.dumps(data)))
        return page

    def handlers(self):
        return [name for name, _ in self.calls]

    def wait_for(self, page, name):
        deadline = time.monotonic() + SETTLE_SECONDS
        ctx = GLib.MainContext.default()
        while name not in self.handlers() and time.monotonic() < deadline:
            ctx.iteration(False) or time.sleep(0.005)
        return name in self.handlers()


class PythonHost(unittest.TestCase):
    def test_plugins_found(self):
        """The libraries find the plugins: the build tree's when they are the
        build tree's, else beside themselves (install-check names where)."""
        for alias, provider in (("video", "fc-video-recognition"),
                                ("virtual-keyboard", "fc-virtual-keyboard")):
            plugin = self.host.app.get_plugin(alias)
            self.assertEqual(plugin.get_provider(), provider)
            self.assertEqual(plugin.get_version(), "1.0.0")
            expected = os.environ.get("FC_SDK_PLUGIN_DIR")
            if expected:
                self.assertEqual(os.path.realpath(plugin.get_dir()),
                                 os.path.realpath(os.path.join(expected, provider, "1.0.0")))
            self.assertTrue(os.path.isfile(os.path.join(plugin.get_dir(), "plugin.so")))

    def setUp(self):
        self.temp_dir = tempfile.mkdtemp(prefix="fc-sdk-python-")
        self.host = Host(self.temp_dir)

    def tearDown(self):
        shutil.rmtree(self.temp_dir, ignore_errors=True)

    def test_pin_page(self):
        page = self.host.mount("pages/pin/pin")
        element = page.select("#kb")
        self.assertIsNotNone(element)
        self.assertEqual(element.get_tag(), "keyboard")
        keyboard = element.get_instance()
        self.assertIsInstance(keyboard, FcVirtualKeyboard.Keyboard)
        # the page's attributes reached the keyboard
        self.assertEqual(keyboard.get_title(), "Secure PIN entry")
        self.assertEqual(keyboard.get_close_button_text(), "Done")
        self.assertTrue(keyboard.get_is_random_number())
        self.assertEqual(keyboard.get_layout(), FcVirtualKeyboard.KeyboardLayout.NUMBER)

        # the keyboard slides in on the page's (virtual) clock; keys work once shown
        page.advance(FcVirtualKeyboard.KEYBOARD_DEFAULT_TRANSITION_MS + 1)
        self.assertTrue(keyboard.get_show())
        for digit in "2580":
            self.assertTrue(keyboard.activate(digit), digit)
        self.assertTrue(keyboard.activate("delete"))
        self.assertTrue(keyboard.activate("7"))
        keyboard.close()

        inputs = [d for name, d in self.host.calls if name == "pinInput"]
        # each key's text is the input event's detail, whatever the scramble
        self.assertEqual(inputs, ["2", "5", "8", "0", "7"], self.host.calls)
        self.assertEqual(self.host.handlers().count("pinDelete"), 1)
        self.assertIn("pinDone", self.host.handlers())
        # the page's own data is the host's to change; setData reaches the
        # element tree (the first dot follows dots[0])
        page.set_data(FcBridge.Value.from_json('{"dots": [true, false, false, false, false, false]}'))
        dots = page.select("#dots")
        self.assertEqual(dots.get_child(0).get_child(0).get_text(), "●")
        self.assertEqual(dots.get_child(1).get_child(0).get_text(), "○")

    def test_quick_start_records_one_second(self):
        with open(os.path.join(APP_DIR, "pages", "video", "video.data.json")) as f:
            data = json.load(f)
        # the seed's data, for one second, without its remote prompt audio
        # (a test has no network; test-quickstart serves it on loopback)
        data["recordTime"] = 1000
        for step in data["stepList"]:
            del step["audioSrc"]
        page = self.host.mount("pages/video/video", data)
        element = page.select("video-recognition")
        self.assertIsNotNone(element)
        recorder = element.get_instance()
        self.assertIsInstance(recorder, FcVideoRecognition.Recorder)
        self.assertEqual(recorder.get_record_time(), 1000)

        self.assertTrue(self.host.wait_for(page, "onRecordReady"), self.host.calls)
        self.assertTrue(element.call_method("record", None))
        self.assertTrue(self.host.wait_for(page, "onRecordEnd"), self.host.calls)
        self.assertNotIn("onRecordError", self.host.handlers(), self.host.calls)
        self.assertEqual(self.host.handlers()[:3],
                         ["onRecordReady", "onRecordStart", "onRecordEnd"])
        end = dict(self.host.calls)["onRecordEnd"]
        self.assertEqual(end["duration"], 1000, end)
        video = end["tempVideoPath"]
        self.assertTrue(video.startswith(self.temp_dir), video)
        self.assertGreater(os.path.getsize(video), 1000)


if __name__ == "__main__":
    unittest.main(verbosity=2)
