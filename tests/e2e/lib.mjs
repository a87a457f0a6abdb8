// Shared by the end-to-end tests and `cargo xtask run`: launches Debian's Chromium with the
// built extension (dist/) loaded, and serves the fixture pages at the real sites' URLs by
// request routing, with each site's kind of Content-Security-Policy. Nothing reaches the network.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEditors, EDITORS_OUT } from './editors/build.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const DIST = resolve(process.env.WAYPOINT_DIST || join(ROOT, 'dist'));
export const FIXTURES = join(here, 'fixtures');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** The extension id Chromium derives from the manifest's public `key`. */
export function extensionId(dist = DIST) {
  const { key } = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => 'abcdefghijklmnop'[parseInt(c, 16)]).join('');
}

// x.com's policy in kind: scripts from its own origins with a nonce, no 'wasm-unsafe-eval',
// violations reported to a report-uri (research/toolchain.md §4).
export const X_CSP = [
  "default-src 'self'",
  "connect-src 'self' blob: https://api.x.com https://*.twimg.com",
  "script-src 'self' 'unsafe-inline' https://*.twimg.com https://x.com https://twitter.com 'nonce-d2F5cG9pbnQ'",
  "style-src 'self' 'unsafe-inline' https://*.twimg.com",
  "img-src 'self' blob: data: https://*.twimg.com",
  "font-src 'self' https://*.twimg.com",
  "media-src 'self' blob: https://*.twimg.com",
  "object-src 'none'",
  "worker-src 'self' blob:",
  "form-action 'self' https://x.com https://twitter.com",
  "frame-ancestors 'self'",
  'report-uri https://x.com/i/csp_report?a=NVQWGYLXFVZXO2LGOQ%3D%3D%3D%3D%3D%3D&ro=false',
].join('; ');

// Meta's policies in kind: broad script sources that include 'wasm-unsafe-eval'.
export const META_CSP = (origin) =>
  [
    `default-src * data: blob: 'self' 'wasm-unsafe-eval'`,
    `script-src *.facebook.com *.fbcdn.net *.instagram.com *.cdninstagram.com 'unsafe-inline' 'unsafe-eval' blob: data: 'self' 'wasm-unsafe-eval'`,
    `style-src data: blob: 'unsafe-inline' *`,
    `connect-src 'self' ${origin} *.facebook.com *.fbcdn.net *.instagram.com wss://*.facebook.com blob: data:`,
    `object-src 'none'`,
    `report-uri ${origin}/csp_report`,
  ].join('; ');

// A strict policy like a site could adopt: no WebAssembly at all (used to prove the loader
// falls back and remembers the host).
export const STRICT_CSP = (origin) =>
  `default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; report-uri ${origin}/csp_report`;

const SITE_CSP = {
  'x.com': X_CSP,
  'twitter.com': X_CSP,
  'www.facebook.com': META_CSP('https://www.facebook.com'),
  'www.instagram.com': META_CSP('https://www.instagram.com'),
  'example.com': "default-src 'self'",
};

/**
 * Launches Chromium with the extension. `pages` maps full URLs (without query) to
 * `{ file | body, csp? }`; other requests to the routed hosts get 404, and CSP reports are
 * counted in `reports`; `pages: null` routes nothing (the real web). `dist` is the built extension to load (a copy, for a test that changes
 * how it loads).
 */
export async function launch({ headless = true, pages = {}, viewport = { width: 1280, height: 800 }, extension = true, dist = DIST } = {}) {
  await buildEditors();
  const userDataDir = await mkdtemp(join(tmpdir(), 'waypoint-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    viewport,
    args: [
      ...(extension ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const reports = [];
  const requests = [];
  const table = new Map(Object.entries(pages ?? {}));
  // `pages: null`: the real web (`cargo xtask run` in a window, for an agent's own accounts).
  if (pages !== null) await context.route(/^https?:\/\//, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    requests.push(url.href);
    if (url.pathname.endsWith('csp_report')) {
      reports.push({ url: url.href, body: request.postData() });
      return route.fulfill({ status: 204 });
    }
    const vendor = url.pathname.match(/^\/vendor\/(lexical|draft|field)\.bundle\.js$/);
    if (vendor) {
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: await readFile(join(EDITORS_OUT, `${vendor[1]}.bundle.js`)) });
    }
    const entry = table.get(`${url.origin}${url.pathname}`);
    if (!entry) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the fixture table' });
    const body = typeof entry.body === 'function' ? entry.body() : entry.body ?? (await readFile(join(FIXTURES, entry.file)));
    const type = entry.type ?? (String(entry.file).endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8');
    const headers = { 'content-type': type };
    const csp = entry.csp === undefined ? SITE_CSP[url.hostname] : entry.csp;
    if (csp) headers['content-security-policy'] = csp;
    return route.fulfill({ status: 200, headers, body });
  });
  const id = extensionId();
  return {
    context,
    id,
    reports,
    requests,
    extensionUrl: (path) => `chrome-extension://${id}/${path}`,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `url` in a new page that records, in the page's own world, every CSP violation and
 * every uncaught error; Waypoint's console messages are collected too.
 */
export async function open(context, url) {
  const page = await context.newPage();
  const consoleMessages = [];
  const pageErrors = [];
  page.on('console', (m) => consoleMessages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile }),
    );
  });
  await page.goto(url);
  return { page, consoleMessages, pageErrors };
}

/**
 * Runs `use(browser)` in a browser with a copy of the built extension that `change(dir)`
 * altered first (a data file made slow or broken), then closes it and removes the copy.
 */
export async function withAlteredDist(pages, change, use) {
  const dist = await mkdtemp(join(tmpdir(), 'waypoint-altered-'));
  let altered;
  try {
    await cp(DIST, dist, { recursive: true });
    await change(dist);
    altered = await launch({ pages, dist });
    await use(altered);
  } finally {
    await altered?.close();
    await rm(dist, { recursive: true, force: true });
  }
}

/** In the panel (`panel`, a locator), searches for `query` and opens the reply `id` found. */
export async function pickReply(panel, query, id) {
  await panel.locator('input.search').fill(query);
  await panel.locator(`.results [data-template-id="${id}"]`).first().click();
  await panel.locator('.chosen').waitFor({ state: 'visible' });
}

/**
 * This browser's extension storage, read and written from an extension page of its own:
 * `get(key)`, `set(key, value)` (`null` removes it), `until(key, value)` (waits up to five
 * seconds for a write the extension makes by itself, then asserts it), `close()`.
 */
export async function extensionStorage(browser) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  const get = (key) => page.evaluate((k) => chrome.storage.local.get(k).then((s) => s[k]), key);
  return {
    get,
    set: (key, value) =>
      page.evaluate(([k, v]) => (v === null ? chrome.storage.local.remove(k) : chrome.storage.local.set({ [k]: v })), [key, value]),
    async until(key, want) {
      for (let i = 0; i < 50 && (await get(key)) !== want; i++) await page.waitForTimeout(100);
      assert.equal(await get(key), want, `${key} in the extension's storage`);
    },
    close: () => page.close(),
  };
}

/**
 * Minimises the panel on `page` as the agent would (its button), then forgets that choice, which
 * the extension keeps for the next pages: the other tests in `browser` start with it open.
 */
export async function minimiseThisPage(browser, page) {
  const toggle = page.locator('waypoint-panel').locator('button.toggle');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  const storage = await extensionStorage(browser);
  await storage.until('waypoint.panel.minimised', true);
  await storage.set('waypoint.panel.minimised', null);
  await storage.close();
}

/** Opens Waypoint's settings page in a new page, once its sections are drawn. */
export async function openOptions(browser) {
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  await options.locator('#app[data-ready="true"]').waitFor();
  return options;
}

/** The page contract: the attributes of `<waypoint-panel>`, waiting for it to appear. */
export async function panel(page, { timeout = 10000 } = {}) {
  const host = page.locator('waypoint-panel');
  await host.waitFor({ state: 'attached', timeout });
  return host.evaluate((el) => {
    const out = {};
    for (const a of el.getAttributeNames()) out[a] = el.getAttribute(a);
    out.shadowMode = el.shadowRoot ? el.shadowRoot.mode : null;
    out.text = el.shadowRoot ? el.shadowRoot.textContent : '';
    return out;
  });
}

/** Waits until the panel's `data-state` is `state`. */
export async function waitForState(page, state, timeout = 10000) {
  await page.waitForFunction(
    (s) => document.querySelector('waypoint-panel')?.getAttribute('data-state') === s,
    state,
    { timeout },
  );
}

/**
 * On an X fixture post, moves to another post the way x.com's single-page app does: a new URL
 * by history.pushState and the timeline drawn again, with no page load. The post: its author's
 * `handle` and `name`, its status `id`, its `time` (an ISO date) and `text`.
 */
export async function goToXPost(page, post, drawAfter = 0) {
  await page.evaluate(({ handle, name, id, time, text, drawAfter }) => {
    history.pushState({}, '', `/${handle}/status/${id}`);
    // A single-page app may draw the post a moment after its URL (`drawAfter` ms).
    const draw = () => document.querySelector('[aria-label="Timeline: Conversation"] > div').innerHTML = `
      <div data-testid="cellInnerDiv"><article data-testid="tweet" role="article" tabindex="-1">
        <div data-testid="UserAvatar-Container-${handle}"></div>
        <div data-testid="User-Name"><a href="/${handle}"><span>${name}</span></a>
          <a href="/${handle}/status/${id}"><time datetime="${time}">1h</time></a></div>
        <div data-testid="tweetText" lang="en">${text}</div></article></div>`;
    if (drawAfter > 0) setTimeout(draw, drawAfter);
    else draw();
  }, { ...post, drawAfter });
}

/** On the X fixture post, moves to Tom W's post ([`goToXPost`]), drawn `drawAfter` ms after its URL. */
export async function goToTomsPost(page, drawAfter = 0) {
  await goToXPost(page, { handle: 'tom_w', name: 'Tom W', id: '1861000000000000003', time: '2026-11-22T09:05:40.000Z', text: 'same here, ordered on the 3rd' }, drawAfter);
}

/**
 * On the Messenger fixture, moves to another thread the way the single-page app does: a new
 * URL, the log drawn again with one message of Omar Haddad's, and the composer labelled for him.
 */
export async function goToOmarsThread(page, drawAfter = 0) {
  await page.evaluate((drawAfter) => {
    history.pushState({}, '', '/messages/t/999');
    const draw = () => {
      const log = document.querySelector('[role="log"]');
      log.setAttribute('aria-label', 'Messages in conversation with Omar Haddad');
      log.innerHTML = `<div role="row"><div aria-roledescription="message" aria-label="At 8:00 AM, Omar Haddad: Hi"><div dir="auto">Hi</div></div></div>`;
      document.querySelector('[role="textbox"]').setAttribute('aria-label', 'Write to Omar Haddad');
    };
    if (drawAfter > 0) setTimeout(draw, drawAfter);
    else draw();
  }, drawAfter);
}

/**
 * Runs `source` in Waypoint's own world (the content script's isolated world, found through
 * the DevTools protocol), so that only Waypoint sees what it changes; the site's world is
 * untouched. Returns the value `source` ends with (a promise is awaited).
 */
export async function inWaypointWorld(page, source) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    // The content script's world: isolated, with the extension's origin (Playwright has an
    // isolated world of its own in each page).
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && String(c.origin).startsWith('chrome-extension://'));
    if (!world) throw new Error(`Waypoint's world was not found among ${JSON.stringify(contexts.map((c) => c.name))}`);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: source, contextId: world.id, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(`in Waypoint's world: ${JSON.stringify(exceptionDetails)}`);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/**
 * A reply's text, white space squashed and the customer's wait as the reply says it ("taken
 * 11 minutes") made "‹n› minutes", for comparing an insertion with the preview read before
 * it. The waiting replies count the wait in whole minutes and their preview follows the
 * clock: where a page gives times to the minute (Messenger, X Chat), a minute can turn
 * between reading the preview and pressing Insert (a CI run read "10 minutes" and got "11").
 * The wording, the turn and everything else still have to match.
 */
export const asReplied = (text) =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\b\d+ (minute|hour|day)s?\b/g, '‹n› $1s');
