// Waypoint content-script loader. It only chooses which build of the Rust module to start and
// starts it; everything else is Rust (src/web). Rules (DESIGN.md, "Delivering Rust to the page"):
//
// - Chromium checks WebAssembly compilation in a content script against the *page's* CSP. On
//   hosts known to forbid it (x.com, twitter.com) the wasm2js translation (pkgjs/) is used
//   without trying wasm, because a failed attempt is reported to the site as a CSP violation.
// - Elsewhere real wasm (pkg/) is tried first; if the compile is refused, the host is
//   remembered in chrome.storage.local and the translation is used from then on.
// - Any failure leaves the page as it was: one console warning, no exception, nothing changed.
(() => {
  'use strict';
  if (globalThis.__waypointLoader) return;
  globalThis.__waypointLoader = true;

  const BLOCKS_WASM = new Set(['x.com', 'twitter.com']);
  const REMEMBERED = 'waypoint.wasmBlockedHosts';
  // The agent left the panel minimised (src/web/panel/mod.rs, MINIMISED_KEY): read while the
  // module loads, so the panel is made as they left it.
  const MINIMISED = 'waypoint.panel.minimised';
  const host = location.hostname;
  const url = (path) => chrome.runtime.getURL(path);

  let warned = false;
  const warnOnce = (what, error) => {
    if (warned) return;
    warned = true;
    console.warn(`Waypoint: ${what}; the page works as usual without it.`, error);
  };

  // A stored value, or undefined when absent or when storage cannot be read.
  async function stored(key) {
    try {
      return (await chrome.storage.local.get(key))[key];
    } catch {
      return undefined;
    }
  }

  async function rememberedHosts() {
    const hosts = await stored(REMEMBERED);
    return Array.isArray(hosts) ? hosts : [];
  }

  async function remember() {
    try {
      const hosts = await rememberedHosts();
      if (!hosts.includes(host)) {
        await chrome.storage.local.set({ [REMEMBERED]: [...hosts, host].slice(-50) });
      }
    } catch {
      // Not remembering only costs one more refused compile next time.
    }
  }

  // `module` is the fetch of the wasm file, started early; compiling it is what a page's CSP
  // may refuse.
  async function startWasm(module) {
    const glue = await import(url('pkg/waypoint.js'));
    await glue.default({ module_or_path: module });
    return glue;
  }

  async function startJs() {
    return import(url('pkgjs/waypoint.js'));
  }

  (async () => {
    let glue = null;
    let mode = 'js';
    // The data files load while the module does (they do not depend on it).
    const data = ['library', 'rules', 'lexicon', 'zones', 'panel'].map((name) => import(url(`data/${name}.js`)));
    data.forEach((p) => p.catch(() => {})); // failures are reported where they are used
    const minimised = stored(MINIMISED);
    // Fetching the module is allowed everywhere: it starts while the remembered hosts are read.
    const module = BLOCKS_WASM.has(host) ? null : fetch(url('pkg/waypoint_bg.wasm'));
    module?.catch(() => {});
    if (module && !(await rememberedHosts()).includes(host)) {
      try {
        glue = await startWasm(module);
        mode = 'wasm';
      } catch (error) {
        if (error instanceof WebAssembly.CompileError) {
          await remember();
        } else {
          console.info('Waypoint: WebAssembly did not start, using the JavaScript build.', error);
        }
      }
    }
    if (!glue) glue = await startJs();
    // The panel's style sheet, handed over as soon as it is there: it loaded while the module
    // did, so this runs right after the panel is made, before the page is drawn again; a
    // slow file does not hold the conversation and its clock back.
    data[4]
      .then((sheet) => glue.installStyle(sheet.default))
      .catch((error) => console.warn('Waypoint: the panel\'s style sheet could not be used; the panel shows plain.', error));
    // The conversation is read and shown first; the other data files are read after it.
    glue.bootContent(mode, (await minimised) === true);
    // The template library, the phrase rules, the sentiment lexicon and the time zone table
    // are files of their own (together they would be a fifth of the module). Without the
    // lexicon Waypoint reads feelings from phrases only; without the rules it reads no scenario
    // or feeling and offers general replies; without the library it has no templates to offer,
    // and says so; without the zones, business hours that name a time zone are not applied.
    try {
      glue.installLibrary((await data[0]).default);
    } catch (error) {
      console.warn('Waypoint: the reply templates did not load.', error);
    }
    try {
      glue.installRules((await data[1]).default);
    } catch (error) {
      console.warn('Waypoint: the phrase rules did not load; suggestions fall back to general replies, and the checks that read word lists find nothing.', error);
    }
    try {
      glue.installLexicon((await data[2]).default);
    } catch (error) {
      console.warn('Waypoint: the sentiment lexicon did not load; feelings are read from phrases only.', error);
    }
    try {
      glue.installZones((await data[3]).default);
    } catch (error) {
      console.warn('Waypoint: the time zone table did not load; business hours are not applied.', error);
    }
    glue.dataReady();
  })().catch((error) => warnOnce('could not start', error));
})();
