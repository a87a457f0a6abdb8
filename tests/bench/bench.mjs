// Waypoint's benchmark: prints figures against the budgets of DESIGN.md. It measures; it does
// not pass or fail on time (timing on a shared machine is noisy), except that it exits
// non-zero if it could not measure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, launch, open, waitForState } from '../e2e/lib.mjs';
import { PAGES } from '../e2e/pages.mjs';

// The entry points timed here are built only into the benchmark's module (the cargo feature
// `bench`): a shipping build of dist/ has none, and would fail below with "not a function".
for (const glue of ['pkg/waypoint.js', 'pkgjs/waypoint.js']) {
  const text = readFileSync(join(DIST, glue), 'utf8');
  if (!text.includes('debugBenchThread')) {
    console.error(`bench: ${join(DIST, glue)} has no benchmark entry points: build dist/ with \`cargo xtask bench\` (the shipping build leaves them out)`);
    process.exit(2);
  }
}

const BUSY = 'https://x.com/user0/status/1880000000000000000';
// The busy page, with bare posts (x-append.html) or posts shaped like x.com's (x-append-x.html).
const busyPages = (file) => ({ ...PAGES, [BUSY]: { file }, 'https://x.com/x-append.js': { file: 'x-append.js' } });
const pages = busyPages('x-append.html');
const rows = [];
// WAYPOINT_BENCH=read,start,suggest,append runs only those parts (all by default).
// WAYPOINT_APPEND_PAGES=x or =bare runs only one of the append pages (both by default).
const parts = (process.env.WAYPOINT_BENCH || '').split(',').filter(Boolean);
const only = (part) => parts.length === 0 || parts.includes(part);
const row = (what, value, budget) => rows.push({ what, value, budget });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
const mb = (bytes) => {
  if (!(bytes > 0)) throw new Error(`no memory size: ${bytes}`);
  return `${(bytes / 1e6).toFixed(1)} MB`;
};

// Reading a 2,000-message thread, in the page, with the module each mode runs.
async function readBench(browser) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('practice.html'));
  await page.locator('#app[data-ready="true"]').waitFor();
  for (const [mode, load] of [
    ['wasm', `const m = await import('/pkg/waypoint.js'); await m.default({ module_or_path: '/pkg/waypoint_bg.wasm' });`],
    ['js', `const m = await import('/pkgjs/waypoint.js');`],
  ]) {
    const r = await page.evaluate(`(async () => {
      ${load}
      const host = document.createElement('div');
      host.innerHTML = '<div data-testid="primaryColumn"><section role="region"><div id="tl"></div></section></div>';
      document.body.append(host);
      const tl = host.querySelector('#tl');
      let html = '';
      for (let i = 0; i < 2000; i++) {
        html += '<div data-testid="cellInnerDiv"><article data-testid="tweet" role="article" tabindex="' + (i ? 0 : -1) + '">' +
          '<div data-testid="UserAvatar-Container-u' + (i % 50) + '"></div><div data-testid="User-Name"><a href="/u' + (i % 50) + '"><span>User ' + (i % 50) + '</span></a>' +
          '<a href="/u' + (i % 50) + '/status/' + (1000000 + i) + '"><time datetime="2026-11-20T08:00:00.000Z">1d</time></a></div>' +
          '<div data-testid="tweetText" lang="en">Message ' + i + ' about a late order 📦 and a refund</div></article></div>';
      }
      tl.innerHTML = html;
      // As on a real page, the thread is drawn before it is read (Waypoint reads after the
      // page's mutations settle), not in the task that parsed it.
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      // A read is made of tasks, as in the content script: each reads at most the mode's
      // slice of messages afresh, and the page runs between them (a task of its own, here as
      // there). Per read: its longest task and the sum of its tasks.
      const reads = [];
      let count = 0;
      for (let k = 0; k < 25; k++) {
        const tasks = [];
        for (;;) {
          const t0 = performance.now();
          count = m.debugReadThread('https://x.com/u0/status/1000000');
          tasks.push(performance.now() - t0);
          if (count >= 0 || tasks.length > 100) break;
          await new Promise((done) => setTimeout(done, 0));
        }
        reads.push({ longest: Math.max(...tasks), sum: tasks.reduce((a, b) => a + b, 0), tasks: tasks.length, each: tasks.map((t) => t.toFixed(1)).join(" ") });
        // The store read into is dropped here, untimed: a page keeps its store while the
        // conversation is open.
        m.debugForgetThread();
      }
      host.remove();
      return { count, reads, memory: m.debugMemoryBytes() };
    })()`);
    if (r.count !== 2000) throw new Error(`read ${r.count} messages of 2000 in ${mode}`);
    // WebAssembly memory only grows: after the reads (and the practice page's own work, with
    // the data files installed), it is the most this instance has needed.
    row(`WebAssembly memory after 25 reads of a 2,000-message thread (${mode})`, mb(r.memory), '≤ 16 MB');
    // V8 compiles the reading code in tiers as it runs: a first read runs mostly unoptimized
    // code, the next ones Maglev's, and TurboFan's arrives after several reads (later on a
    // busy 2-core machine). One median over all of them measured when that happened, so each
    // stage is printed on its own: the first read of the page, reads 2-7, reads 16-25. The
    // budget is for the longest task (what the page waits for); the sum is the work in all.
    const first = r.reads[0];
    if (process.env.WAYPOINT_BENCH_TASKS) for (const x of r.reads.slice(0, 8)) console.log(mode, x.each);
    const stage = (from, to) => r.reads.slice(from, to);
    row(`reading a 2,000-message thread (${mode}, first read: longest of its ${first.tasks} tasks)`, fmt(first.longest), '≤ 30 ms');
    row(`reading a 2,000-message thread (${mode}, first read: its tasks in all)`, fmt(first.sum), '');
    row(`reading a 2,000-message thread (${mode}, reads 2-7: longest task, median)`, fmt(median(stage(1, 7).map((x) => x.longest))), '≤ 30 ms');
    row(`reading a 2,000-message thread (${mode}, reads 2-7: tasks in all, median)`, fmt(median(stage(1, 7).map((x) => x.sum))), '');
    row(`reading a 2,000-message thread (${mode}, reads 16-25: longest task, median)`, fmt(median(stage(15).map((x) => x.longest))), '≤ 30 ms');
    row(`reading a 2,000-message thread (${mode}, reads 16-25: tasks in all, median)`, fmt(median(stage(15).map((x) => x.sum))), '');
  }
  await page.close();
}

// The suggestions and the checklist on a 50-message X thread, in the page, with the module
// each mode runs: the thread is handed over once; each call then does what the panel (ranking)
// or the gate (SLA status, analysis, every check, the sheet) does.
const CUSTOMER_LINES = [
  'Third time asking: my order #A-20931 still has not arrived and tracking has not moved in 5 days.',
  'I was charged twice for my subscription this month, can you refund one of them?',
  'Still waiting on an answer here. This is really frustrating, I need it before Friday.',
  'The app keeps logging me out and I cannot reset my password, the email never comes.',
  'Your courier said it was delivered but there is nothing at my door or with the neighbours.',
];
const BRAND_LINES = [
  "Hi Maria, I'm sorry for the wait. Could you send us a DM with your order number so we can check?",
  "Thanks Maria. I've asked the courier for an update and will get back to you here by 3pm today.",
  "Sorry about the double charge. I've passed this to our billing team; you'll hear from us within 24 hours.",
];
function benchThread() {
  const texts = Array.from({ length: 50 }, (_, i) =>
    i % 2 === 0 ? CUSTOMER_LINES[(i / 2) % CUSTOMER_LINES.length] : BRAND_LINES[((i - 1) / 2) % BRAND_LINES.length]);
  const recent = Array.from({ length: 30 }, (_, i) => `${BRAND_LINES[i % 3]} (${i})`);
  return { texts, recent };
}
// 280 characters, with something for most checks to look at.
const DRAFT = ("@mariagarcia Maria, I'm so sorry for the wait and that your order still hasn't arrived. " +
  "I've asked the courier to trace it today and I'll update you here by 3pm. If it can't be found, " +
  'we will send a replacement at no cost: check your DMs for the link. ^SR Thanks for your patience!').slice(0, 280);

// 200 replies of the team's own, of every scenario, each with a few dozen words, some of them
// the bench thread's customer's.
const SCENARIOS = ['waiting', 'outage', 'billing', 'refund', 'order-late', 'faulty', 'account', 'complaint',
  'praise', 'how-to', 'feedback', 'safety', 'move-to-dm', 'follow-up'];
const OWN_WORDS = ['order', 'tracking', 'courier', 'subscription', 'charged', 'password', 'email', 'delivery',
  'neighbours', 'refund', 'warranty', 'voucher', 'store', 'opening', 'hours', 'shipping', 'abroad', 'sizes'];
function ownReplies() {
  return Array.from({ length: 200 }, (_, i) => {
    const words = Array.from({ length: 12 }, (_, k) => OWN_WORDS[(i * 7 + k * 5) % OWN_WORDS.length]).join(' ');
    return `# Team reply ${i + 1} [${SCENARIOS[i % SCENARIOS.length]}]\n` +
      `Hi {customer.first_name|there}, about your ${words}: we will look into it today. ^{agent.initials}\n` +
      `DM:\nHi {customer.first_name|there}, about your ${words}: send us the details and we will check.\n\n{agent.first_name}`;
  }).join('\n');
}

async function checksBench(browser) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('practice.html'));
  await page.locator('#app[data-ready="true"]').waitFor();
  const { texts, recent } = benchThread();
  for (const [mode, load] of [
    ['wasm', `const m = await import('/pkg/waypoint.js'); await m.default({ module_or_path: '/pkg/waypoint_bg.wasm' });`],
    ['js', `const m = await import('/pkgjs/waypoint.js');`],
  ]) {
    const r = await page.evaluate(`(async () => {
      ${load}
      // The practice page has already handed the data to the wasm module (the same instance).
      const once = (f) => { try { f(); } catch (e) { if (!String(e).includes('already installed')) throw e; } };
      const lexicon = (await import('/data/lexicon.js')).default;
      const library = (await import('/data/library.js')).default;
      once(() => m.installLexicon(lexicon));
      once(() => m.installLibrary(library));
      const rules = (await import('/data/rules.js')).default;
      once(() => m.installRules(rules));
      const n = m.debugBenchThread(${JSON.stringify(texts)}, ${JSON.stringify(recent)});
      // Each sample times ten calls (the page's clock is coarse: 0.1 ms steps), per call.
      const time = (f) => {
        for (let i = 0; i < 5; i++) f();
        const times = [];
        for (let k = 0; k < 41; k++) {
          const t0 = performance.now();
          for (let i = 0; i < 10; i++) f();
          times.push((performance.now() - t0) / 10);
        }
        return times;
      };
      let ids = '', items = 0;
      const rank = time(() => { ids = m.debugRank(); });
      // With the most replies of its own a team may save (200), of every scenario, their key
      // words indexed at the first ranking after they change (as in the panel), not timed.
      const own = m.debugInstallOwn(${JSON.stringify(ownReplies())});
      m.debugRank();
      let ownIds = '';
      const rankOwn = time(() => { ownIds = m.debugRank(); });
      m.debugInstallOwn('');
      const check = time(() => { items = m.debugChecklist(${JSON.stringify(DRAFT)}); });
      let earlier = 0;
      const prepare = time(() => { earlier = m.debugPrepare(); });
      return { n, ids, items, rank, check, prepare, earlier, own, ownIds, rankOwn };
    })()`);
    if (r.n !== 50 || r.ids.split(',').length !== 3) throw new Error(`bench thread ${r.n} messages, suggestions ${r.ids}`);
    row(`suggestions ranked, 50-message thread (${mode}, median of 41)`, fmt(median(r.rank)), '≤ 2 ms');
    if (r.own !== 200 || !r.ownIds.includes('own-')) throw new Error(`own replies ${r.own}, suggestions ${r.ownIds}`);
    row(`  the same with ${r.own} replies of the team's own (${mode})`, fmt(median(r.rankOwn)), '≤ 2 ms');
    row(`checklist, 280-char draft, 50-message thread (${mode}, median of 41; ${r.items} items)`, fmt(median(r.check)), '≤ 1 ms');
    // Not on the send path: done a moment after the conversation or our replies change.
    row(`  the checks' reading of that thread and ${r.earlier} earlier replies (${mode})`, fmt(median(r.prepare)), '');
  }
  await page.close();
}

// Content script start to panel ready on a fixture thread.
async function startBench(browser) {
  for (const [mode, url] of [
    ['wasm', 'https://www.facebook.com/messages/t/100012345'],
    ['js', 'https://x.com/mariagarcia/status/1861000000000000002'],
  ]) {
    const samples = [];
    for (let k = 0; k < 5; k++) {
      const { page } = await open(browser.context, url);
      await waitForState(page, 'ready');
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        return { ready: window.__waypointReadyAt, idle: nav.domContentLoadedEventEnd };
      });
      samples.push(t.ready - t.idle);
      await page.close();
    }
    row(`content script: page idle to panel ready (${mode}, median of 5)`, fmt(median(samples)), mode === 'wasm' ? '≤ 150 ms' : '≤ 300 ms');
  }
}

// Main-thread time of a page appending 5,000 posts, with and without Waypoint (and the part
// of it that is script, where Waypoint's own work shows). Both runs are also profiled (V8's
// sampling profiler, every 250 µs), and the profile gives Waypoint's own time: every sample
// whose stack holds a frame of the extension's files (its observer, timers and listeners,
// with the page searches, layouts and garbage collections inside them). The page's own time
// moves by 10 % or more between launches, more than the 5 % budget, so the ratio of two
// launches cannot show 5 %; Waypoint's own time, set against the page's time without it, can.
//
// Not a DevTools trace: with tracing on, every layout counts the page's layout objects for its
// trace event. On this page (600,000 elements) a layout Waypoint forced after changing its
// panel took 0.7 ms untraced and 33 ms traced, and the run without Waypoint took 2.2 s more
// (11.1–11.5 s → 13.1–13.8 s; its layout 3.0 s → 4.7 s; measured 2026-12-05): a trace
// measured its own bookkeeping, on both sides of the ratio.
// How long both runs go on after the appends end (see `appendBench`).
const SETTLE_MS = 6000;

async function appendBench(withExtension, file) {
  const browser = await launch({ pages: busyPages(file), extension: withExtension });
  try {
    const { page } = await open(browser.context, BUSY);
    if (withExtension) await waitForState(page, 'unrecognized').catch(() => {});
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    // The panel, found while the page is small (a search of 600,000 elements later would be
    // the harness's time in Waypoint's run).
    const panel = withExtension ? await page.$('waypoint-panel') : null;
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    const before = await metrics();
    await page.evaluate(() => window.__append(5000, 50));
    // Then the same time in both runs, SETTLE_MS from the appends' end, untouched by the
    // harness, so that what Waypoint does once they stop (its last re-read, spaced by its
    // cost; the checks' reading of the thread, twice that spacing after the last change;
    // saving first-seen times) is counted. Measured 2026-12-05 on this page: the browser
    // hit-tests it every second (up to 220 ms on 600,000 elements), so a window stretched
    // until the panel says 5,000 counted one more of them against Waypoint; and asking the
    // panel four times a second meanwhile cost the page 250 ms in DevTools messages.
    const ended = Date.now();
    await page.waitForTimeout(SETTLE_MS);
    let after = await metrics();
    // Waypoint must have read every post within the window; a run where it had not goes on
    // until it has, and says so (that window holds the harness's asking too).
    let late = 0;
    if (withExtension && (await panel.getAttribute('data-messages')) !== '5000') {
      await page.waitForFunction((p) => p.getAttribute('data-messages') === '5000', panel, { timeout: 120000, polling: 250 });
      late = Date.now() - ended - SETTLE_MS;
      await page.waitForTimeout(2500);
      after = await metrics();
    }
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Profiler.disable');
    const own = ownTime(profile, browser.extensionUrl(''));
    // Then three seconds at rest, nothing appended: what the page costs while the agent reads
    // it. Waypoint's clock ticks every second; a tick that had the browser draw a frame cost,
    // on this page of 600,000 elements, a hit test of all of them. (Counted from here: the
    // renderer's main thread builds the profile handed over above.)
    const resting = await metrics();
    await page.waitForTimeout(3000);
    const rested = await metrics();
    if (!withExtension && own > 0) throw new Error(`the profile gave ${fmt(own)} to an extension in a run without one`);
    if (withExtension && own === 0) throw new Error('the profile shows no call into Waypoint: its time could not be measured');
    const messages = withExtension ? await page.locator('waypoint-panel').getAttribute('data-messages') : null;
    const memory = withExtension ? await contentScriptMemory(cdp, page, browser.extensionUrl('')) : null;
    await page.close();
    return {
      memory,
      ms: (after.TaskDuration - before.TaskDuration) * 1000,
      rest: (rested.TaskDuration - resting.TaskDuration) * 1000,
      script: (after.ScriptDuration - before.ScriptDuration) * 1000,
      own,
      messages,
      late,
    };
  } finally {
    await browser.close();
  }
}

// The content script's WebAssembly memory in `page`, in bytes: asked of its own module in
// the extension's isolated world (a module imported again there is the instance the content
// script runs), after the measured run.
async function contentScriptMemory(cdp, page, origin) {
  const contexts = [];
  const seen = (e) => contexts.push(e.context);
  cdp.on('Runtime.executionContextCreated', seen);
  await cdp.send('Runtime.enable');
  cdp.off('Runtime.executionContextCreated', seen);
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && String(c.origin).startsWith(origin.replace(/\/$/, '')));
  if (!world) throw new Error(`no isolated world of the extension among ${contexts.length} contexts`);
  const dir = (await page.locator('waypoint-panel').getAttribute('data-mode')) === 'js' ? 'pkgjs' : 'pkg';
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `import(chrome.runtime.getURL('${dir}/waypoint.js')).then((m) => m.debugMemoryBytes())`,
  });
  if (exceptionDetails) throw new Error(`the content script's memory: ${JSON.stringify(exceptionDetails).slice(0, 300)}`);
  return result.value;
}

// The main-thread time in calls into files under `origin` (the extension's), in ms, from a
// CPU profile: the samples with a frame of those files anywhere in their stack (the browser's
// work inside such a call, a page search or a layout, is a frame under it), each for the time
// until the next sample. A garbage collection or "(program)" sample (work V8 gives no stack)
// between two of ours with the same stack counts as ours, as DevTools reads it: work inside
// that call (a collection it caused).
function ownTime(profile, origin) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const isOurs = (id) => {
    if (!memo.has(id)) {
      const n = byId.get(id);
      memo.set(id, n.callFrame.url.startsWith(origin) || (parent.has(id) && isOurs(parent.get(id))));
    }
    return memo.get(id);
  };
  const { samples, timeDeltas } = profile;
  const stackless = samples.map((id) => ['(garbage collector)', '(program)'].includes(byId.get(id).callFrame.functionName));
  const ours = samples.map(isOurs);
  // The nearest sample with a stack before (after) each one.
  const before = [];
  for (let i = 0, last = -1; i < samples.length; i++) {
    before.push(last);
    if (!stackless[i]) last = i;
  }
  const after = new Array(samples.length);
  for (let i = samples.length - 1, next = -1; i >= 0; i--) {
    after[i] = next;
    if (!stackless[i]) next = i;
  }
  // A stackless sample inside one of our calls: the samples around it are ours, in the same
  // place (the same stack), so the call had not returned.
  const inside = (i) => before[i] >= 0 && after[i] >= 0 && ours[before[i]] && samples[before[i]] === samples[after[i]];
  let us = 0;
  for (let i = 0; i < samples.length; i++) {
    if (ours[i] || (stackless[i] && inside(i))) us += timeDeltas[i + 1] ?? 0;
  }
  return us / 1000;
}

const browser = await launch({ pages });
try {
  await browser.context.addInitScript(() => {
    new MutationObserver((_, obs) => {
      const p = document.querySelector('waypoint-panel');
      if (p && p.getAttribute('data-state') === 'ready') {
        window.__waypointReadyAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  if (only('read')) await readBench(browser);
  if (only('start')) await startBench(browser);
  if (only('suggest')) await checksBench(browser);
} finally {
  await browser.close();
}
if (only('append')) {
  // Posts shaped like x.com's first (the budget's page), then bare posts: the same reading
  // with the least page work around it, Waypoint's share at its largest. The page's own time
  // moves by 10-20 % between launches, more than the 5 % measured, so runs without and with
  // alternate, five of each, and the medians are compared.
  const RUNS = Number(process.env.WAYPOINT_APPEND_RUNS || 5);
  const which = (process.env.WAYPOINT_APPEND_PAGES || 'x,bare').split(',');
  const allPages = [
    ['x', 'x-append-x.html', "posts shaped like x.com's"],
    ['bare', 'x-append.html', 'bare posts (worst case)'],
  ];
  const unknown = which.filter((key) => !allPages.some(([k]) => k === key));
  if (unknown.length > 0) throw new Error(`WAYPOINT_APPEND_PAGES: unknown page ${unknown.join(', ')} (the pages are x and bare)`);
  const appendPages = allPages.filter(([key]) => which.includes(key));
  for (const [, file, what] of appendPages) {
    const without = [];
    const withW = [];
    for (let k = 0; k < RUNS; k++) {
      without.push(await appendBench(false, file));
      withW.push(await appendBench(true, file));
    }
    const read = withW.map((r) => r.messages).join('/');
    const [t0, t1] = [median(without.map((r) => r.ms)), median(withW.map((r) => r.ms))];
    const [s0, s1] = [median(without.map((r) => r.script)), median(withW.map((r) => r.script))];
    row(`main thread, page appending 5,000 ${what}: without Waypoint (median of ${RUNS})`, fmt(t0), '');
    row(`main thread, page appending 5,000 ${what}: with Waypoint (median of ${RUNS}; read ${read})`, fmt(t1), '');
    const own = median(withW.map((r) => r.own));
    row('  ratio with / without', (t1 / t0).toFixed(3), '≤ 1.05');
    // Each run, to show how far launches of the same page differ.
    const each = (runs) => runs.map((r) => (r.ms / 1000).toFixed(2)).join(' / ');
    row(`  each run, s: without ${each(without)}; with ${each(withW)}`, '', '');
    row('  of which script: without / with (medians)', `${fmt(s0)} / ${fmt(s1)}`, '');
    row("  Waypoint's own main-thread time, profiled (median)", fmt(own), '');
    row('  then 3 s at rest: main thread without / with (medians)', `${fmt(median(without.map((r) => r.rest)))} / ${fmt(median(withW.map((r) => r.rest)))}`, '');
    row('  (without + own) / without', ((t0 + own) / t0).toFixed(3), '≤ 1.05');
    row("  the content script's WebAssembly memory after reading them (largest of the runs)", mb(Math.max(...withW.map((r) => r.memory))), '≤ 16 MB');
    const late = withW.filter((r) => r.late > 0).map((r) => fmt(r.late));
    if (late.length > 0) row(`  windows with Waypoint made longer: it had not read every post ${SETTLE_MS / 1000} s after the appends (late by ${late.join(', ')})`, '', '');
  }
}

const w = Math.max(...rows.map((r) => r.what.length));
console.log('\nWaypoint benchmark (Chromium, this machine):');
for (const r of rows) console.log(`  ${r.what.padEnd(w)}  ${String(r.value).padStart(10)}  ${r.budget}`);
