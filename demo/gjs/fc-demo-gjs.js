#!/usr/bin/env -S gjs -m
// fc-demo-gjs: a second demo host, in JavaScript (GJS), on the libraries'
// GObject Introspection bindings. It runs the seed's Quick Start page
// (demo/miniprogram/pages/video/: video.fxml, video.json, and video.js,
// the page script of finclip-plugin-guide.md 3.1.1, unchanged) through a
// small shim of what that script calls: Page(), this.setData, wx.showLoading,
// wx.hideLoading, wx.showToast, wx.navigateTo and setTimeout (shim.js).
//
//   gjs -m demo/gjs/fc-demo-gjs.js [APP_DIR]
//       a window: the page, its recorder's GTK view, toasts and loading
//   gjs -m demo/gjs/fc-demo-gjs.js --headless [--record-time MS] [APP_DIR]
//       no display: records offline from the test pattern and tone,
//       presses record when the recorder is ready, and prints one JSON
//       line per thing a user would see (wx calls, handlers) until the
//       page navigates away; exit status 0 when it did
//
// Search paths: GI_TYPELIB_PATH and LD_LIBRARY_PATH (or an installed
// prefix); the plugins are found by the bridge (FC_PLUGIN_PATH first).
// --record-time overrides the script's data.recordTime (a host setting for
// quick runs; the script itself is not touched).

import GLib from 'gi://GLib';
import FcBridge from 'gi://FcBridge?version=0';
import System from 'system';

import {PageHost} from './shim.js';

const PAGE_PATH = 'pages/video/video';

function parseArgs(argv) {
    const opts = {headless: false, recordTime: null, appDir: null};
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--headless')
            opts.headless = true;
        else if (a === '--record-time' && i + 1 < argv.length)
            opts.recordTime = Number(argv[++i]);
        else if (a === '--help' || a === '-h')
            opts.help = true;
        else if (!a.startsWith('-') && !opts.appDir)
            opts.appDir = a;
        else
            throw new Error(`unknown argument "${a}" (see --help)`);
    }
    if (opts.recordTime !== null && !(opts.recordTime > 0))
        throw new Error('--record-time needs a positive number of ms');
    return opts;
}

function defaultAppDir() {
    // the source tree's mini-program beside this script, else the installed
    // copy at PREFIX/share/fc-platform/demo/miniprogram (this script is
    // installed in PREFIX/share/fc-platform/demo/gjs/)
    const here = GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0]);
    for (const dir of [GLib.build_filenamev([here, '..', 'miniprogram'])]) {
        // (both layouts put miniprogram/ beside gjs/)
        if (GLib.file_test(GLib.build_filenamev([dir, 'app.json']), GLib.FileTest.EXISTS))
            return GLib.canonicalize_filename(dir, null);
    }
    return null;
}

let currentHost = null;
function print_line(obj) {
    if (currentHost?.page)
        obj.pageTime = currentHost.page.get_time();
    print(JSON.stringify(obj));
}

function runHeadless(opts, appDir) {
    const loop = new GLib.MainLoop(null, false);
    const started = GLib.get_monotonic_time();
    // t: real ms since start; pageTime: the page's clock (ms), when mounted
    const t = () => Math.round((GLib.get_monotonic_time() - started) / 1000);
    let status = 1;

    const settings = FcBridge.HostSettings.new();
    settings.set_camera('test');
    settings.set_microphone('test');
    settings.set_allow_test_source(true);
    settings.set_offline(true);
    const tempDir = GLib.dir_make_tmp('fc-demo-gjs-XXXXXX');
    settings.set_temp_dir(tempDir);

    let host;
    const ui = {
        showLoading: o => print_line({t: t(), wx: 'showLoading', title: o?.title ?? ''}),
        hideLoading: () => print_line({t: t(), wx: 'hideLoading'}),
        showToast: o => print_line({t: t(), wx: 'showToast', title: o?.title ?? '', icon: o?.icon ?? 'success'}),
        navigateTo: o => {
            print_line({t: t(), wx: 'navigateTo', url: o?.url ?? ''});
            status = 0;
            loop.quit();
        },
        notice: message => print_line({t: t(), notice: message}),
        handler: (name, res) => {
            print_line({t: t(), handler: name, detail: res.detail});
            // a user presses record once the camera is ready
            if (name === 'onRecordReady') {
                GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
                    print_line({t: t(), record: 'video-recognition'});
                    host.element('video-recognition').call_method('record', null);
                    return GLib.SOURCE_REMOVE;
                });
            }
        },
    };
    host = new PageHost({appDir, pagePath: PAGE_PATH, settings, ui,
        recordTime: opts.recordTime, virtualTime: true});
    currentHost = host;
    host.mount();

    // offline, page time is virtual: while nothing holds the page (no
    // camera negotiating, no recording encoding) it runs ahead to the next
    // timer, so the script's setTimeout(3500) does not cost 3.5 s
    const tick = GLib.timeout_add(GLib.PRIORITY_LOW, 10, () => {
        host.idle();
        return GLib.SOURCE_CONTINUE;
    });
    // a bound, far above an offline run (about 1-5 s on 2 loaded cores)
    let limit = GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, 120, () => {
        print_line({t: t(), failure: 'timed out'});
        limit = 0;
        loop.quit();
        return GLib.SOURCE_REMOVE;
    });
    loop.run();
    GLib.source_remove(tick);
    if (limit)
        GLib.source_remove(limit);
    host.unmount();
    return status;
}

async function runWindowed(opts, appDir) {
    const {default: Gtk} = await import('gi://Gtk?version=4.0');
    const {default: FcBridgeGtk} = await import('gi://FcBridgeGtk?version=0');
    const {default: FcVideoRecognitionGtk} = await import('gi://FcVideoRecognitionGtk?version=0');
    const app = new Gtk.Application({application_id: 'io.github.fcplatform.DemoGjs'});
    let status = 0;

    app.connect('activate', () => {
        const win = new Gtk.ApplicationWindow({application: app, title: 'fc-demo (GJS host)',
            default_width: 420, default_height: 760});
        const overlay = new Gtk.Overlay();
        const toast = new Gtk.Label({halign: Gtk.Align.CENTER, valign: Gtk.Align.END,
            margin_bottom: 48, wrap: true, visible: false, css_classes: ['osd']});
        const loading = new Gtk.Spinner({halign: Gtk.Align.CENTER, valign: Gtk.Align.CENTER,
            width_request: 48, height_request: 48, visible: false});
        overlay.add_overlay(toast);
        overlay.add_overlay(loading);
        win.set_child(overlay);
        let toastId = 0;
        const settings = FcBridge.HostSettings.new();
        settings.set_allow_test_source(true);
        const ui = {
            showLoading: () => { loading.visible = true; loading.spinning = true; },
            hideLoading: () => { loading.visible = false; loading.spinning = false; },
            showToast: o => {
                toast.label = o?.title ?? '';
                toast.visible = true;
                if (toastId)
                    GLib.source_remove(toastId);
                toastId = GLib.timeout_add(GLib.PRIORITY_DEFAULT, o?.duration ?? 1500, () => {
                    toast.visible = false;
                    toastId = 0;
                    return GLib.SOURCE_REMOVE;
                });
            },
            // the demo has one page: a navigation shows where it would go
            navigateTo: o => ui.showToast({title: `navigateTo ${o?.url ?? ''}`, duration: 4000}),
            // handlers go to stderr too, for whoever runs the window by hand
            handler: (name, res) => printerr(`${name}: ${JSON.stringify(res.detail)}`),
        };
        const host = new PageHost({appDir, pagePath: PAGE_PATH, settings, ui,
            recordTime: opts.recordTime, virtualTime: false});
        try {
            host.mount();
        } catch (e) {
            printerr(`fc-demo-gjs: ${e.message}`);
            status = 1;
            app.quit();
            return;
        }
        const showPage = page => {
            // the host gives the recorder component its GTK view, as fc-demo
            // does (through the mounted element's class: FcPlugin has no
            // GType, so GJS cannot hold one)
            const klass = page.select('video-recognition')?.get_class();
            if (klass) {
                FcBridgeGtk.component_class_set_view_factory(klass, instance => {
                    const w = FcVideoRecognitionGtk.RecorderView.new(instance);
                    w.vexpand = true;
                    w.hexpand = true;
                    return w;
                });
            }
            const view = FcBridgeGtk.PageView.new(page);
            try {
                view.load_stylesheets(PAGE_PATH);
            } catch (e) {
                printerr(`fc-demo-gjs: ${e.message}`);
            }
            view.vexpand = true;
            overlay.set_child(view);
        };
        ui.notice = message => ui.showToast({title: message, duration: 3000});
        ui.remounted = showPage;
        showPage(host.page);
        // page time follows the real clock in a window
        GLib.timeout_add(GLib.PRIORITY_DEFAULT, 16, () => {
            host.idle();
            return GLib.SOURCE_CONTINUE;
        });
        win.connect('close-request', () => {
            host.unmount();
            return false;
        });
        win.present();
    });
    app.run([]);
    return status;
}

let opts;
try {
    opts = parseArgs(System.programArgs);
} catch (e) {
    printerr(`fc-demo-gjs: ${e.message}`);
    System.exit(2);
}
if (opts.help) {
    print('usage: gjs -m fc-demo-gjs.js [--headless] [--record-time MS] [APP_DIR]');
    System.exit(0);
}
const appDir = opts.appDir ?? defaultAppDir();
if (!appDir) {
    printerr('fc-demo-gjs: no mini-program found; give its folder');
    System.exit(2);
}
let exitStatus;
try {
    exitStatus = opts.headless ? runHeadless(opts, appDir) : await runWindowed(opts, appDir);
} catch (e) {
    printerr(`fc-demo-gjs: ${e.message}`);
    exitStatus = 1;
}
System.exit(exitStatus);
