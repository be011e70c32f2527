// shim.js: the mini-program page API a page script calls, on top of the
// FcBridge bindings: Page(), this.data, this.setData, the wx calls of the
// Quick Start page (showLoading, hideLoading, showToast, navigateTo) and
// setTimeout/clearTimeout on the page's clock. It is a host's shim, not a
// JavaScript engine for the platform: the script runs in GJS itself, with
// these names in scope and nothing else of the platform's.

import GLib from 'gi://GLib';
import FcBridge from 'gi://FcBridge?version=0';

function readText(path) {
    const [, bytes] = GLib.file_get_contents(path);
    return new TextDecoder().decode(bytes);
}

// `a.b[0].c` → ['a', 'b', 0, 'c'], the platform's setData paths
function splitPath(path) {
    const parts = [];
    for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
        parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
    return parts;
}

function setPath(obj, path, value) {
    const parts = splitPath(path);
    let at = obj;
    for (let i = 0; i < parts.length - 1; i++) {
        if (at[parts[i]] === null || typeof at[parts[i]] !== 'object')
            at[parts[i]] = typeof parts[i + 1] === 'number' ? [] : {};
        at = at[parts[i]];
    }
    at[parts[parts.length - 1]] = value;
}

/**
 * PageHost: one page of a mini-program with its page script.
 *
 * ui is the host's side: showLoading(o), hideLoading(), showToast(o),
 * navigateTo(o), and handler(name, res) told of every handler call before
 * the script's own. recordTime, when given, replaces data.recordTime.
 * virtualTime: page time runs ahead while nothing holds the page (headless,
 * offline); else it follows the real clock (a window).
 */
export class PageHost {
    constructor({appDir, pagePath, settings, ui, recordTime = null, virtualTime = false}) {
        this.appDir = appDir;
        this.pagePath = pagePath;
        this.ui = ui;
        this.recordTime = recordTime;
        this.virtualTime = virtualTime;
        this.store = FcBridge.PluginStore.new();
        this.app = FcBridge.App.new_from_dir(this.store, appDir);
        this.app.set_host_settings(settings);
        this.page = null;
        this.instance = null;
    }

    // Evaluates the page script with Page, wx and the timers in scope;
    // returns what it gave Page().
    _evaluate(page) {
        const file = GLib.build_filenamev([this.appDir, `${this.pagePath}.js`]);
        const source = readText(file);
        let definition = null;
        const Page = def => {
            if (definition)
                throw new Error(`${file}: Page() called twice`);
            definition = def ?? {};
        };
        const ui = this.ui;
        const wx = {
            showLoading: (o = {}) => ui.showLoading(o),
            hideLoading: (o = {}) => ui.hideLoading(o),
            showToast: (o = {}) => ui.showToast(o),
            navigateTo: (o = {}) => ui.navigateTo(o),
        };
        const setTimeout = (fn, ms = 0, ...args) => page.add_timeout(Math.max(Number(ms) || 0, 0), () => {
            fn(...args);
            return GLib.SOURCE_REMOVE;
        });
        const clearTimeout = id => {
            if (id)
                page.remove_timeout(id);
        };
        // eslint-disable-next-line no-new-func
        new Function('Page', 'wx', 'setTimeout', 'clearTimeout', `${source}\n//# sourceURL=${file}`)(
            Page, wx, setTimeout, clearTimeout);
        if (!definition)
            throw new Error(`${file}: the script did not call Page()`);
        return definition;
    }

    // Mounts the page. The Quick Start's prompt audio lives on a remote
    // server; offline (or with its domain not on the download whitelist)
    // the recorder refuses to start with errCode "resource". The host then
    // does what fc-demo does: it says so (ui.notice) and mounts the page
    // again without prompt audio (the prompts' text still shows).
    mount({withoutAudio = false} = {}) {
        const scope = FcBridge.CallbackScope.new();
        const page = FcBridge.Page.new(FcBridge.Registry.new(), scope);
        const definition = this._evaluate(page);
        const instance = Object.create(null);
        for (const [k, v] of Object.entries(definition))
            instance[k] = v;
        instance.data = JSON.parse(JSON.stringify(definition.data ?? {}));
        if (this.recordTime !== null)
            instance.data.recordTime = this.recordTime;
        if (withoutAudio && Array.isArray(instance.data.stepList)) {
            for (const step of instance.data.stepList)
                delete step.audioSrc;
        }
        instance.route = this.pagePath;
        instance.setData = (changes, callback) => {
            page.set_data(FcBridge.Value.from_json(JSON.stringify(changes ?? {})));
            for (const [path, value] of Object.entries(changes ?? {}))
                setPath(instance.data, path, value);
            if (typeof callback === 'function')
                callback.call(instance);
        };
        // every handler the page binds, with the event as the platform
        // passes it (type, timeStamp, target, currentTarget, detail)
        scope.set_fallback(event => {
            const name = event.handler;
            const res = JSON.parse(event.to_value().to_json());
            this.ui.handler(name, res);
            const fn = instance[name];
            if (typeof fn === 'function')
                fn.call(instance, res);
            if (name === 'onRecordError' && res.detail?.errCode === 'resource' && !withoutAudio &&
                this.page === page) {
                GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
                    this.ui.notice?.('prompt audio could not be loaded: recording again without it ' +
                        '(the prompts\' text still shows)');
                    this.unmount();
                    this.mount({withoutAudio: true});
                    this.ui.remounted?.(this.page);
                    return GLib.SOURCE_REMOVE;
                });
            }
        });
        this.page = page;
        this.instance = instance;
        this.opened = GLib.get_monotonic_time();
        this.app.load_page(page, this.pagePath, FcBridge.Value.from_json(JSON.stringify(instance.data)));
        if (typeof instance.onLoad === 'function')
            instance.onLoad.call(instance, {});
        if (typeof instance.onShow === 'function')
            instance.onShow.call(instance);
        if (typeof instance.onReady === 'function')
            instance.onReady.call(instance);
    }

    element(selector) {
        const el = this.page.select(selector);
        if (!el)
            throw new Error(`no element matches "${selector}"`);
        return el;
    }

    // Moves page time: ahead while nothing holds the page (virtual), or to
    // the real time since the page opened.
    idle() {
        if (!this.page)
            return;
        if (this.virtualTime) {
            if (!this.page.is_held())
                this.page.advance(100);
            return;
        }
        const now = (GLib.get_monotonic_time() - this.opened) / 1000;
        if (now > this.page.get_time())
            this.page.advance(now - this.page.get_time());
    }

    unmount() {
        if (this.instance && typeof this.instance.onUnload === 'function')
            this.instance.onUnload.call(this.instance);
        this.page?.run_dispose();
        this.page = null;
        this.instance = null;
    }
}
