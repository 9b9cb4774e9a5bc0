import "server-only";

/**
 * Added to every new context before any page script runs. Kept as source text (not a function)
 * so bundlers can't rewrite it. Each spoof is checked in a real page by stealth.int.test.ts.
 */
export const STEALTH_SCRIPT = String.raw`(() => {
  const nativeToString = Function.prototype.toString;
  const disguised = new WeakMap();
  const disguise = (fn, name) => { disguised.set(fn, "function " + name + "() { [native code] }"); return fn; };
  Function.prototype.toString = disguise(function toString() {
    return disguised.has(this) ? disguised.get(this) : nativeToString.call(this);
  }, "toString");
  const define = (obj, prop, get) => {
    try { Object.defineProperty(obj, prop, { get: disguise(get, "get " + prop), configurable: true }); } catch (e) {}
  };

  define(Navigator.prototype, "webdriver", () => false);

  if (!window.chrome) Object.defineProperty(window, "chrome", { value: {}, writable: true, configurable: true });
  if (!window.chrome.runtime) {
    window.chrome.runtime = {
      OnInstalledReason: { CHROME_UPDATE: "chrome_update", INSTALL: "install", SHARED_MODULE_UPDATE: "shared_module_update", UPDATE: "update" },
      PlatformOs: { ANDROID: "android", CROS: "cros", LINUX: "linux", MAC: "mac", OPENBSD: "openbsd", WIN: "win" },
      connect: disguise(function connect() { return { onMessage: { addListener() {} }, postMessage() {}, disconnect() {} }; }, "connect"),
      sendMessage: disguise(function sendMessage() {}, "sendMessage"),
      id: undefined,
    };
  }

  if (!navigator.plugins || navigator.plugins.length === 0) {
    const names = ["PDF Viewer", "Chrome PDF Viewer", "Chromium PDF Viewer", "Microsoft Edge PDF Viewer", "WebKit built-in PDF"];
    const plugins = names.map((name) => ({ name, filename: "internal-pdf-viewer", description: "Portable Document Format", length: 1 }));
    const list = Object.create(PluginArray.prototype);
    plugins.forEach((p, i) => { list[i] = p; });
    Object.defineProperty(list, "length", { value: plugins.length });
    list.item = (i) => plugins[i] || null;
    list.namedItem = (n) => plugins.find((p) => p.name === n) || null;
    define(Navigator.prototype, "plugins", () => list);
  }

  if (!navigator.languages || navigator.languages.length === 0) {
    const languages = Object.freeze(["en-US", "en"]);
    define(Navigator.prototype, "languages", () => languages);
  }

  if (navigator.permissions && navigator.permissions.query) {
    const query = navigator.permissions.query.bind(navigator.permissions);
    navigator.permissions.query = disguise(function query_(desc) {
      if (desc && desc.name === "notifications") {
        const state = typeof Notification === "undefined" || Notification.permission === "default" ? "prompt" : Notification.permission;
        return Promise.resolve(Object.setPrototypeOf({ state, name: "notifications", onchange: null }, PermissionStatus.prototype));
      }
      return query(desc);
    }, "query");
  }

  const VENDOR = 0x9245, RENDERER = 0x9246;
  for (const Ctx of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!Ctx) continue;
    const getParameter = Ctx.prototype.getParameter;
    Ctx.prototype.getParameter = disguise(function getParameter_(p) {
      if (p === VENDOR) return "Intel Inc.";
      if (p === RENDERER) return "Intel Iris OpenGL Engine";
      return getParameter.call(this, p);
    }, "getParameter");
  }

  const qs = Document.prototype.querySelector;
  Document.prototype.querySelector = disguise(function querySelector(sel) {
    if (typeof sel === "string" && sel.includes("disable-devtool-auto")) return null;
    return qs.call(this, sel);
  }, "querySelector");

  for (const name of ["table", "dir", "clear"]) {
    if (typeof console[name] === "function") console[name] = disguise(function () {}, name);
  }
})();`;
