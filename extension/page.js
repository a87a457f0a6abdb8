// Loader of the extension's own pages (options, practice): they run under the manifest's
// extension_pages CSP, which allows WebAssembly, so they always use the wasm build. The
// settings page has a module of its own (pkg-options/, built without the content script);
// the practice page runs the content script's module (pkg/), as the sites do.
const page = document.documentElement.dataset.page;
const app = document.getElementById('app');
try {
  const dir = page === 'options' ? './pkg-options/' : './pkg/';
  const glue = await import(`${dir}waypoint.js`);
  const { bootContent, bootPage, installLexicon, installLibrary, installRules, installStyle, installZones } = glue;
  await glue.default({ module_or_path: new URL(`${dir}waypoint_bg.wasm`, import.meta.url) });
  const practice = page === 'practice';
  try {
    if (practice) installLibrary((await import('./data/library.js')).default);
  } catch (error) {
    console.warn('Waypoint: the reply templates did not load.', error);
  }
  try {
    installRules((await import('./data/rules.js')).default);
  } catch (error) {
    console.warn('Waypoint: the phrase rules did not load; suggestions fall back to general replies, and the checks that read word lists find nothing.', error);
  }
  try {
    if (practice) installLexicon((await import('./data/lexicon.js')).default);
  } catch (error) {
    console.warn('Waypoint: the sentiment lexicon did not load; feelings are read from phrases only.', error);
  }
  try {
    installZones((await import('./data/zones.js')).default);
  } catch (error) {
    console.warn('Waypoint: the time zone table did not load; business hours cannot name a time zone.', error);
  }
  try {
    if (practice) installStyle((await import('./data/panel.js')).default);
  } catch (error) {
    console.warn('Waypoint: the panel\'s style sheet could not be used; the panel shows plain.', error);
  }
  bootPage(page, 'wasm');
  // The practice page holds a made-up X Chat conversation (practice.js): Waypoint runs on
  // it as it does on the sites.
  // Minimised as the agent left the panel on the sites (src/web/panel/mod.rs, MINIMISED_KEY).
  if (practice) {
    const key = 'waypoint.panel.minimised';
    let minimised = false;
    try {
      minimised = (await chrome.storage.local.get(key))[key] === true;
    } catch {
      // Not read: the panel starts open.
    }
    bootContent('wasm', minimised);
  }
} catch (error) {
  console.error('Waypoint could not start this page:', error);
  app.setAttribute('data-error', 'true');
  app.textContent = `Waypoint could not start: ${error && error.message ? error.message : error}`;
}
