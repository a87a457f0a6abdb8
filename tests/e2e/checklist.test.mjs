// The "have I done everything?" gate (issue 6) and the reply suggestions and slash search
// (issue 5), with the real extension in the fixture pages. The fixture app counts the sends
// the site itself makes (document.body.dataset.sends) and keeps what was sent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, minimiseThisPage, open, pickReply, waitForState, goToTomsPost, goToOmarsThread, inWaypointWorld, openOptions } from './lib.mjs';
import { PAGES, URLS } from './pages.mjs';

let browser;
before(async () => {
  browser = await launch({ pages: PAGES });
});
after(async () => {
  await browser?.close();
});

// Each surface: its composer, where the editor's model shows the draft, how the agent sends,
// and a reply a demanding trainer would post as is.
const SURFACES = [
  {
    name: 'X post (Draft.js, the Reply button)',
    url: URLS.xStatus,
    box: '[data-testid="tweetTextarea_0"]',
    model: '[data-fixture-draft]',
    send: { click: '[data-testid="tweetButtonInline"]' },
    good: "@mariagarcia I'm so sorry for the wait, Maria, and that your order still hasn't arrived. I'll chase the courier now and update you here within the hour.",
  },
  {
    name: 'X post (Ctrl+Enter)',
    url: URLS.xStatus,
    box: '[data-testid="tweetTextarea_0"]',
    model: '[data-fixture-draft]',
    send: { key: 'Control+Enter' },
    // Not the Reply button's text: that one is now a recent reply, and a copy would be held.
    good: "@mariagarcia Maria, I'm sorry for the wait and that the parcel is still missing. I'm asking the courier now and will reply here within the hour.",
  },
  {
    name: 'X Chat (textarea, the Send button)',
    url: URLS.xChat,
    box: '[data-testid="dm-composer-textarea"]',
    model: '[data-testid="dm-composer-textarea"]',
    send: { click: '[data-testid="dm-composer-send-button"]' },
    good: "Sorry about the double charge, Sam, and thanks for your patience. Yes: I've refunded the second charge today, and you'll see it back on your card within 5 working days.",
  },
  {
    name: 'Facebook comments (Lexical, Enter)',
    url: URLS.fbPost,
    box: '[data-fixture-lexical]',
    model: '[data-fixture-lexical]',
    send: { key: 'Enter' },
    good: 'Thank you, Priya, and sorry for the slow reply! Oat milk is a favourite here too: enjoy the winter blend ☕',
  },
  {
    name: 'Messenger (Lexical, Enter)',
    url: URLS.fbMessages,
    box: '[data-fixture-lexical]',
    model: '[data-fixture-lexical]',
    send: { key: 'Enter' },
    good: "Thanks for your patience, Jane, and sorry again that the grinder stopped working. Yes: I've arranged a replacement, and it ships tomorrow with free delivery.",
  },
  {
    name: 'Instagram direct (Lexical, Enter)',
    url: URLS.igDirect,
    box: '[data-fixture-lexical]',
    model: '[data-fixture-lexical]',
    send: { key: 'Enter' },
    good: 'Good news, Kai: the blue jacket is back in size M, and if you order it today it will arrive before Friday.',
  },
  {
    name: 'Instagram direct, 2026 markup (Lexical, Enter)',
    url: URLS.igDirect2026,
    box: '[data-fixture-lexical]',
    model: '[data-fixture-lexical]',
    send: { key: 'Enter' },
    // Not the same words as the other Instagram DM: the repeated-reply check remembers them.
    good: "Yes Kai, size M of the blue jacket is back in stock. Order today and it'll reach you before Friday.",
  },
  {
    name: 'Instagram comments (textarea, the Post button)',
    url: URLS.igPost,
    box: 'textarea[aria-label="Add a comment…"]',
    model: 'textarea[aria-label="Add a comment…"]',
    send: { click: 'form [role="button"]' },
    good: "@marco.trails The Dolomites sound amazing! Sorry for the slow reply: have a wonderful hike, and share a photo with us if you can 🏔️",
  },
  // The other way each surface sends: X Chat and Instagram comments by Enter, Facebook
  // comments by the site's own button.
  {
    name: 'X Chat (Enter)',
    url: URLS.xChat,
    box: '[data-testid="dm-composer-textarea"]',
    model: '[data-testid="dm-composer-textarea"]',
    send: { key: 'Enter' },
    good: "Sam, I'm sorry the subscription was charged twice, and thank you for waiting. The refund of the extra charge is done: expect it on your card within 5 working days.",
  },
  {
    name: 'Facebook comments (the Post comment button)',
    url: URLS.fbPost,
    box: '[data-fixture-lexical]',
    model: '[data-fixture-lexical]',
    send: { click: '[role="button"][aria-label="Post comment"]' },
    good: 'Priya, thank you so much, and sorry we were slow to say so! Oat milk and the winter blend is a lovely pairing ☕',
  },
  {
    name: 'Instagram comments (Enter)',
    url: URLS.igPost,
    box: 'textarea[aria-label="Add a comment…"]',
    model: 'textarea[aria-label="Add a comment…"]',
    send: { key: 'Enter' },
    good: '@marco.trails Sorry for the slow reply! The Dolomites are a wonderful choice: enjoy every step of the hike 🏔️',
  },
];

const BAD = 'Hi [NAME], thanks for getting in touch!';
const squash = (s) => String(s).replace(/\s+/g, ' ').trim();
const modelText = (page, sel) =>
  page.evaluate((s) => {
    const el = document.querySelector(s);
    return el.dataset.fixtureModel !== undefined ? el.dataset.fixtureModel : el.value;
  }, sel);
const sends = (page) => page.evaluate(() => Number(document.body.dataset.sends));
const dialog = (page) => page.locator('waypoint-panel').locator('[role="dialog"]');

async function typeDraft(page, s, text) {
  await page.click(s.box);
  await page.keyboard.type(text);
  await page.waitForFunction(([sel, want]) => {
    const el = document.querySelector(sel);
    return (el.dataset.fixtureModel ?? el.value).replace(/\s+/g, ' ').trim() === want;
  }, [s.model, squash(text)]);
}

async function pressSend(page, s) {
  if (s.send.click) await page.click(s.send.click);
  else {
    await page.focus(s.box);
    await page.keyboard.press(s.send.key);
  }
}

/** Saves checklist settings the way the options page does (chrome.storage of the extension). */
async function saveSettings(settings) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('practice.html'));
  await page.evaluate((json) => chrome.storage.local.set({ 'waypoint.checks': json }), settings === null ? null : JSON.stringify(settings));
  if (settings === null) await page.evaluate(() => chrome.storage.local.remove('waypoint.checks'));
  await page.close();
}

describe('the checklist gate on every surface', () => {
  const shot = new Set();
  for (const s of SURFACES) {
    test(`${s.name}: a placeholder stops the send; Edit keeps the draft; Post anyway sends once`, async () => {
      const { page, pageErrors } = await open(browser.context, s.url);
      await waitForState(page, 'ready');
      await typeDraft(page, s, BAD);
      await pressSend(page, s);
      await dialog(page).waitFor();
      const item = dialog(page).locator('[data-check-id="placeholder"]');
      assert.equal(await item.getAttribute('data-status'), 'fail');
      assert.equal(await item.locator('mark').first().innerText(), '[NAME]', 'the finding marks the placeholder');
      assert.equal(await sends(page), 0, 'nothing was sent');
      assert.equal(await dialog(page).locator('[data-action="post"]').innerText(), 'Post anyway');
      // What the agent sees, kept for a person to look at (tests/e2e/screenshots/).
      // One per surface: the first way it sends (the later ones' drafts are recent replies).
      const slug = s.name.replace(/\(.*\)/, '').trim().toLowerCase().replace(/[^a-z]+/g, '-');
      if (!shot.has(slug)) {
        shot.add(slug);
        await page.screenshot({ path: `tests/e2e/screenshots/checklist-${slug}.png` });
      }

      await dialog(page).locator('[data-action="edit"]').click();
      await dialog(page).waitFor({ state: 'detached' });
      assert.equal(squash(await modelText(page, s.model)), squash(BAD), 'the draft is untouched');
      assert.ok(await page.evaluate((sel) => {
        const box = document.querySelector(sel);
        return box === document.activeElement || box.contains(document.activeElement);
      }, s.box), 'focus is back in the composer');
      assert.equal(await sends(page), 0);

      await pressSend(page, s);
      await dialog(page).waitFor();
      // Manual items must be ticked before posting.
      const boxes = dialog(page).locator('[data-status="manual"] input[type="checkbox"]');
      const post = dialog(page).locator('[data-action="post"]');
      if (await boxes.count()) {
        assert.equal(await post.isDisabled(), true, 'Post waits for the manual items');
        assert.equal(await post.getAttribute('title'), 'Tick each question above first', 'and says why');
        // In view, and read with the dialog: a disabled button is passed over by Tab.
        const wait = dialog(page).locator('#wp-gate-wait');
        assert.equal(await wait.innerText(), 'Tick each question above to post.');
        assert.match(await dialog(page).getAttribute('aria-describedby'), /\bwp-gate-wait\b/);
        for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
        assert.equal(await post.getAttribute('title'), null);
        assert.equal(await wait.isVisible(), false, 'said no more once ticked');
        assert.equal(await dialog(page).getAttribute('aria-describedby'), 'wp-gate-summary');
      }
      await post.click();
      await page.waitForFunction(() => document.body.dataset.sends === '1');
      await dialog(page).waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
      assert.equal(await sends(page), 1, 'sent exactly once');
      assert.equal(squash(await page.evaluate(() => document.body.dataset.lastSent)), squash(BAD));
      assert.deepEqual(pageErrors, []);
      await page.close();
    });
  }
});

describe('the send key with other modifiers held is checked too', () => {
  // The sites look for the keys that make Enter a send (Enter without Shift or Alt in chats
  // and comments; Ctrl or Cmd on X posts), so Ctrl+Enter in a chat sends as well: it must not
  // slip past the checklist. Confirmed, the send is the plain one.
  const keyed = SURFACES.filter((s) => s.send.key);
  for (const s of keyed) {
    const variants = s.send.key === 'Enter' ? ['Control+Enter', 'Meta+Enter'] : ['Control+Alt+Enter', 'Meta+Shift+Enter'];
    test(`${s.name}: ${variants.join(', ')} open the checklist; Post anyway sends once`, async () => {
      const { page, pageErrors } = await open(browser.context, s.url);
      await waitForState(page, 'ready');
      await typeDraft(page, s, BAD);
      for (const key of variants) {
        await page.focus(s.box);
        await page.keyboard.press(key);
        await dialog(page).waitFor({ timeout: 3000 });
        assert.equal(await sends(page), 0, `${key}: nothing sent`);
        await page.keyboard.press('Escape');
        await dialog(page).waitFor({ state: 'detached' });
      }
      assert.equal(squash(await modelText(page, s.model)), squash(BAD), 'the draft is untouched');
      if (s.send.key === 'Enter') {
        // Alt+Enter is no send in a chat (sites.md): the checklist leaves it to the editor.
        await page.focus(s.box);
        await page.keyboard.press('Alt+Enter');
        await page.waitForTimeout(300);
        assert.equal(await dialog(page).count(), 0, 'Alt+Enter opens no checklist');
        assert.equal(await sends(page), 0);
      }
      await page.focus(s.box);
      await page.keyboard.press(variants[0]);
      await dialog(page).waitFor();
      await postAnyway(page);
      await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 3000 });
      await page.waitForTimeout(300);
      assert.equal(await sends(page), 1, 'sent exactly once');
      assert.equal(squash(await page.evaluate(() => document.body.dataset.lastSent)), squash(BAD));
      assert.deepEqual(pageErrors, []);
      await page.close();
    });
  }
});

// Ticks the checklist's own questions and presses "Post anyway".
async function postAnyway(page) {
  const boxes = dialog(page).locator('[data-status="manual"] input[type="checkbox"]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await dialog(page).locator('[data-action="post"]').click();
  await dialog(page).waitFor({ state: 'detached' });
}

// Opens surface `s`, types a draft the checklist holds and presses send; while the checklist
// is open the site draws the elements `redrawn` (selectors) again, as React replaces an
// element; then "Post anyway".
async function postAfterRedraw(s, redrawn, { minimised = false } = {}) {
  const opened = await open(browser.context, s.url);
  const { page } = opened;
  await waitForState(page, 'ready');
  if (minimised) {
    await minimiseThisPage(browser, page);
    assert.equal(await page.locator('waypoint-panel').locator('.body').isVisible(), false);
  }
  await typeDraft(page, s, BAD);
  await pressSend(page, s);
  await dialog(page).waitFor();
  await page.evaluate((sels) => {
    for (const sel of sels) {
      const old = document.querySelector(sel);
      old.replaceWith(old.cloneNode(true));
    }
  }, redrawn);
  await postAnyway(page);
  return opened;
}

describe('the site draws its send button again while the checklist is open', () => {
  test('X post: Post anyway sends through the new button, once', async () => {
    // A re-render: the button that was pressed is gone.
    const { page, pageErrors } = await postAfterRedraw(SURFACES[0], [SURFACES[0].send.click]);
    await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 3000 });
    assert.equal(squash(await page.evaluate(() => document.body.dataset.lastSent)), squash(BAD));
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test('X post: with the reply box drawn again too, nothing is sent and the panel says so', async () => {
    // The whole reply form drawn again: the button and the box the checklist was opened from
    // are both gone.
    const s = SURFACES[0];
    const { page, pageErrors } = await postAfterRedraw(s, [s.send.click, s.box]);
    const said = page.locator('waypoint-panel').locator('.notice[data-notice="not-sent"]');
    await said.waitFor();
    // With the reply to copy: the box it was in is gone, and the new one may not hold it.
    assert.match(squash(await said.innerText()), /^Not sent: .*press send again\. Copy the reply$/);
    // Where the agent sees it: inside the window, not scrolled away at the panel's bottom.
    const where = await said.boundingBox();
    const view = page.viewportSize();
    assert.ok(where && where.y >= 0 && where.y + where.height <= view.height, JSON.stringify(where));
    assert.equal(await page.evaluate(() => document.body.dataset.sends), '0');
    // Another conversation: the warning was about this one, and goes.
    await goToTomsPost(page);
    await said.waitFor({ state: 'detached', timeout: 5000 });
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test('Messenger (Enter sends): with the reply box drawn again, nothing is sent and the panel says so', async () => {
    const s = SURFACES.find((x) => x.url === URLS.fbMessages);
    // The panel minimised: it opens to say so (its notice would be hidden).
    const { page, pageErrors } = await postAfterRedraw(s, [s.box], { minimised: true });
    const said = page.locator('waypoint-panel').locator('.notice[data-notice="not-sent"]');
    await said.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await page.evaluate(() => document.body.dataset.sends), '0');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

describe('the reply box changes while the checklist is open', () => {
  // What "Post anyway" would send is what the box holds then: not the reply the checklist
  // showed. Nothing is sent, the panel says why and offers the checked reply to copy, and the
  // reply is not remembered as sent (sending it again is no repeat).
  const held = (page) =>
    dialog(page).locator('[data-check-id]').evaluateAll((els) =>
      els.filter((e) => e.dataset.status === 'warn' || e.dataset.status === 'fail').map((e) => e.dataset.checkId));
  const cases = [
    ['X Chat (textarea, the Send button)', 'emptied', 'Hi [NAME], order 5521 is on its way to you!'],
    ['X post (Draft.js, the Reply button)', 'emptied', 'Hi [NAME], order 5522 left our depot this morning!'],
    ['Messenger (Lexical, Enter)', 'given other text', 'Hi [NAME], order 5523 is packed and ready!'],
  ];
  for (const [name, how, reply] of cases) {
    const s = SURFACES.find((x) => x.name === name);
    test(`${s.name}: the box ${how} meanwhile: nothing is sent, the panel says so with the reply to copy`, async () => {
      const { page, pageErrors } = await open(browser.context, s.url);
      await waitForState(page, 'ready');
      await typeDraft(page, s, reply);
      await pressSend(page, s);
      await dialog(page).waitFor();
      // The site (or a script) changes the box behind the dialog.
      await page.focus(s.box);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      if (how === 'given other text') await page.keyboard.type('You idiot');
      await page.waitForFunction(([sel, want]) => {
        const el = document.querySelector(sel);
        return (el.dataset.fixtureModel ?? el.value).trim() === want;
      }, [s.model, how === 'given other text' ? 'You idiot' : '']);
      const boxes = dialog(page).locator('[data-status="manual"] input[type="checkbox"]');
      for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
      await dialog(page).locator('[data-action="post"]').click();
      await dialog(page).waitFor({ state: 'detached' });
      const said = page.locator('waypoint-panel').locator('.notice[data-notice="not-sent"]');
      await said.waitFor({ timeout: 3000 });
      assert.match(squash(await said.innerText()), /^Not sent: the reply box changed while the checklist was open/);
      await page.waitForTimeout(300);
      assert.equal(await sends(page), 0, 'nothing was sent');
      const copy = said.locator('button.copy');
      assert.equal(await copy.innerText(), 'Copy the reply');
      // The checked reply, sent again as it was: no repeat of a reply never sent.
      await page.focus(s.box);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await typeDraft(page, s, reply);
      await pressSend(page, s);
      await dialog(page).waitFor();
      const ids = await held(page);
      assert.ok(ids.includes('placeholder') && !ids.includes('repeated-reply'), `held for: ${ids}`);
      await dialog(page).locator('[data-action="edit"]').click();
      assert.deepEqual(pageErrors, []);
      await page.close();
    });
  }

  test('Messenger: Escape in the reply box (the site took the focus back) closes the checklist, and is not the site\'s', async () => {
    const s = SURFACES.find((x) => x.name === 'Messenger (Lexical, Enter)');
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    await typeDraft(page, s, 'Hi [NAME], order 5524 is on its way!');
    await pressSend(page, s);
    await dialog(page).waitFor();
    await page.focus(s.box);
    await page.evaluate(() => {
      window.__escapes = 0;
      document.addEventListener('keydown', (e) => { if (e.key === 'Escape') window.__escapes++; });
    });
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached', timeout: 2000 });
    assert.equal(await page.evaluate(() => window.__escapes), 0, 'the site did not see the Escape');
    assert.equal(squash(await modelText(page, s.model)), 'Hi [NAME], order 5524 is on its way!');
    assert.equal(await sends(page), 0);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test('X Chat (the Send button): after Post anyway, the focus is back in the reply box', async () => {
    const s = SURFACES.find((x) => x.name === 'X Chat (textarea, the Send button)');
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    await typeDraft(page, s, 'Hi [NAME], order 5525 is on its way!');
    await pressSend(page, s);
    await dialog(page).waitFor();
    const boxes = dialog(page).locator('[data-status="manual"] input[type="checkbox"]');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await dialog(page).locator('[data-action="post"]').click();
    await page.waitForFunction(() => document.body.dataset.sends === '1');
    assert.ok(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), s.box), 'focus in the reply box');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

describe('a send button that is no real button, pressed from the keyboard', () => {
  // Instagram's "Post" is a div with role="button": sites give such a button a key handler
  // of their own (Enter or Space sends), which turns no key into a click for the gate to see.
  // A handler that sends on the key's release is covered too: the checklist takes the focus
  // as the key goes down, so the release is not on the button.
  for (const when of ['', 'up']) {
  test(`Instagram comments: Enter or Space on the focused Post (its handler sending on the key's ${when ? 'release' : 'press'}) opens the checklist; Post anyway sends once`, async () => {
    const s = SURFACES.find((x) => x.name === 'Instagram comments (textarea, the Post button)');
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    await page.evaluate(([sel, when]) => {
      const post = document.querySelector(sel);
      post.dataset.fixtureKeySends = when;
    }, [s.send.click, when]);
    await typeDraft(page, s, `Hi [NAME], the trail map is in your inbox${when ? ' now' : ''}!`);
    for (const key of ['Enter', 'Space']) {
      await page.focus(s.send.click);
      await page.keyboard.press(key);
      await dialog(page).waitFor({ timeout: 3000 });
      await page.waitForTimeout(200);
      assert.equal(await sends(page), 0, `${key}: nothing sent before the checklist is answered`);
      if (key === 'Enter') {
        await page.keyboard.press('Escape');
        await dialog(page).waitFor({ state: 'detached' });
      }
    }
    const boxes = dialog(page).locator('[data-status="manual"] input[type="checkbox"]');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await dialog(page).locator('[data-action="post"]').click();
    await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 3000 });
    await page.waitForTimeout(300);
    assert.equal(await sends(page), 1, 'sent exactly once');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
  }
});

describe('what Waypoint remembers, on the settings page', () => {
  test('counted, and forgotten: an open tab forgets its sent replies too (the same reply again is no repeat)', async () => {
    const fresh = await launch({ pages: PAGES });
    try {
      const options = await openOptions(fresh);
      const kept = options.locator('#memory-kept');
      await options.waitForFunction(() => document.getElementById('memory-kept').textContent !== '');
      assert.equal(await kept.innerText(), 'Nothing is kept now.');
      // Nothing to forget: said so, with no question to answer.
      const none = [];
      const asking = (d) => { none.push(d.message()); d.dismiss(); };
      options.on('dialog', asking);
      await options.click('#memory-forget');
      await options.waitForFunction(() => document.getElementById('memory-status').textContent !== '');
      assert.equal(await options.locator('#memory-status').innerText(), 'Nothing is kept: there is nothing to forget.');
      assert.deepEqual(none, []);
      options.off('dialog', asking);
      // No questions to tick: a good reply goes straight through.
      await options.evaluate(() => chrome.storage.local.set({ 'waypoint.checks': JSON.stringify({ manual: [] }) }));
      // Two conversations' first-seen times, and states set on one of them and on a third, as
      // a site's page keeps them: counted at once, each conversation once.
      await options.evaluate(() => chrome.storage.local.set({
        'waypoint.seen': JSON.stringify({ 'x:dm:1-2': [Date.now(), { a: 1 }], 'x:dm:3-4': [Date.now(), { b: 2 }] }),
        'waypoint.sla.states': JSON.stringify({ 'x:dm:1-2': [Date.now(), {}], 'x:dm:5-6': [Date.now(), {}] }),
      }));
      await options.waitForFunction(() => document.getElementById('memory-kept').textContent === 'Kept now: 3 conversations, 0 sent replies.');
      const s = SURFACES.find((x) => x.name === 'X Chat (textarea, the Send button)');
      const { page, pageErrors } = await open(fresh.context, s.url);
      await waitForState(page, 'ready');
      const send = async () => {
        await typeDraft(page, s, s.good);
        await pressSend(page, s);
      };
      await send();
      await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 5000 });
      // The page's own count follows while it is open.
      await options.waitForFunction(() => /, 1 sent reply\.$/.test(document.getElementById('memory-kept').textContent));
      assert.match(await kept.innerText(), /^Kept now: [34] conversations, 1 sent reply\.$/);
      // Asked first, with the counts: answered no, nothing is forgotten.
      const asked = [];
      options.once('dialog', (d) => { asked.push(d.message()); d.dismiss(); });
      await options.click('#memory-forget');
      await options.waitForFunction(() => document.getElementById('memory-status').textContent === 'Nothing forgotten.');
      assert.equal(asked.length, 1, 'asked before forgetting');
      assert.match(asked[0], /^Forget [34] conversations and 1 sent reply\? .*This cannot be undone; your settings stay\.$/);
      assert.notEqual(await options.evaluate(() => chrome.storage.local.get('waypoint.recent').then((r) => r['waypoint.recent'])), undefined, 'kept when the answer is no');
      assert.match(await kept.innerText(), /^Kept now: [34] conversations, 1 sent reply\.$/);
      options.once('dialog', (d) => { asked.push(d.message()); d.accept(); });
      await options.click('#memory-forget');
      await options.waitForFunction(() => document.getElementById('memory-status').textContent.startsWith('Forgotten;'));
      assert.equal(asked.length, 2);
      assert.match(await options.locator('#memory-status').innerText(), /^Forgotten; your settings are as they were\./);
      assert.equal(await options.evaluate(() => chrome.storage.local.get('waypoint.recent').then((r) => r['waypoint.recent'])), undefined);
      assert.match(await kept.innerText(), /^(Nothing is kept now\.|Kept now: 1 conversation, 0 sent replies\.)$/);
      // Sent again: no repeat of a reply forgotten (the tab's own list was dropped too).
      await page.waitForTimeout(300);
      await send();
      await page.waitForFunction(() => document.body.dataset.sends === '2', null, { timeout: 5000 });
      assert.equal(await dialog(page).count(), 0, 'not held as a repeat');
      assert.deepEqual(pageErrors, []);
    } finally {
      await fresh.close();
    }
  });
});

// Kept for a time, not for ever: a conversation 90 days after it was last saved, a sent reply
// 30 days after it was sent.
describe('what Waypoint remembers, for a time', () => {
  const DAY = 86400000;
  test('on the settings page, what has aged is neither counted nor kept', async () => {
    const fresh = await launch({ pages: PAGES });
    try {
      const options = await openOptions(fresh);
      await options.evaluate((day) => chrome.storage.local.set({
        'waypoint.seen': JSON.stringify({ 'x:dm:1-2': [Date.now(), { a: 1 }], 'x:dm:3-4': [Date.now() - 100 * day, { b: 2 }] }),
        'waypoint.sla.states': JSON.stringify({ 'x:dm:5-6': [Date.now() - 80 * day, {}], 'x:dm:7-8': [Date.now() - 91 * day, {}] }),
        // As an older Waypoint kept them, a reply's text alone: kept (it has no time to age by).
        'waypoint.recent': JSON.stringify([[Date.now() - 31 * day, 'sent a month ago'], [Date.now() - day, 'sent yesterday'], 'kept by an older Waypoint']),
      }), DAY);
      await options.waitForFunction(() => document.getElementById('memory-kept').textContent === 'Kept now: 2 conversations, 2 sent replies.');
      const stored = async () => options.evaluate(async () => {
        const got = await chrome.storage.local.get(['waypoint.seen', 'waypoint.sla.states', 'waypoint.recent']);
        const [seen, states, recent] = ['waypoint.seen', 'waypoint.sla.states', 'waypoint.recent'].map((k) => JSON.parse(got[k]));
        return [...Object.keys(seen), ...Object.keys(states), ...recent.map((r) => (typeof r === 'string' ? r : r[1]))].sort().join(' | ');
      });
      await options.waitForFunction(async () => !(await chrome.storage.local.get('waypoint.seen'))['waypoint.seen'].includes('x:dm:3-4'));
      assert.equal(await stored(), 'kept by an older Waypoint | sent yesterday | x:dm:1-2 | x:dm:5-6');
      assert.match(await options.locator('#memory').innerText(), /A conversation is forgotten 90 days after Waypoint last saved something of it, a sent reply after 30 days\./);
    } finally {
      await fresh.close();
    }
  });

  test('a reply sent 31 days ago is no repeat; one sent yesterday is', async () => {
    const fresh = await launch({ pages: PAGES });
    try {
      const options = await openOptions(fresh);
      await options.evaluate(() => chrome.storage.local.set({ 'waypoint.checks': JSON.stringify({ manual: [] }) }));
      await options.close();
      const s = SURFACES.find((x) => x.name === 'X Chat (textarea, the Send button)');
      const { page, pageErrors } = await open(fresh.context, s.url);
      await waitForState(page, 'ready');
      const yesterday = 'Sam, the duplicate payment has been reversed today. Thank you for bearing with us while we sorted it out!';
      // Written while the page is open, as another tab would: the page reads them again.
      await inWaypointWorld(page, `chrome.storage.local.set({ 'waypoint.recent': JSON.stringify([
        [Date.now() - 31 * ${DAY}, ${JSON.stringify(s.good)}], [Date.now() - ${DAY}, ${JSON.stringify(yesterday)}]]) })`);
      await page.waitForTimeout(300);
      await typeDraft(page, s, s.good);
      await pressSend(page, s);
      await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 5000 });
      assert.equal(await dialog(page).count(), 0, 'not held as a repeat');
      // Stored with its time, the aged one gone (the store is written a moment after the send).
      const stored = () => inWaypointWorld(page, `chrome.storage.local.get('waypoint.recent').then((r) => JSON.parse(r['waypoint.recent']))`);
      let recent = await stored();
      for (let i = 0; i < 50 && recent.at(-1)?.[1] !== s.good; i++) {
        await page.waitForTimeout(100);
        recent = await stored();
      }
      assert.deepEqual(recent.map(([, text]) => text), [yesterday, s.good]);
      assert.ok(recent.every(([at]) => typeof at === 'number') && Date.now() - recent[1][0] < 60000, JSON.stringify(recent));
      await page.waitForTimeout(300);
      await typeDraft(page, s, yesterday);
      await pressSend(page, s);
      await dialog(page).waitFor();
      const ids = await dialog(page).locator('[data-check-id]').evaluateAll((els) =>
        els.filter((e) => e.dataset.status === 'warn' || e.dataset.status === 'fail').map((e) => e.dataset.checkId));
      assert.ok(ids.includes('repeated-reply'), `held for: ${ids}`);
      assert.deepEqual(pageErrors, []);
    } finally {
      await fresh.close();
    }
  });
});

describe('a send the site refuses', () => {
  // Posting fails on the site (its error shown, the reply still in the box): the reply was not
  // sent, so sending it again is no repeat. Once the site takes it, it is one of our recent
  // replies.
  before(() => saveSettings({ manual: [] }));
  after(() => saveSettings(null));
  const held = (page) =>
    dialog(page).locator('[data-check-id]').evaluateAll((els) =>
      els.filter((e) => e.dataset.status === 'warn' || e.dataset.status === 'fail').map((e) => e.dataset.checkId));
  for (const s of [SURFACES.find((x) => x.name === 'X Chat (textarea, the Send button)'), SURFACES.find((x) => x.name === 'Messenger (Lexical, Enter)')]) {
    test(`${s.name}: a refused reply is not remembered as sent; taken, it is`, async () => {
      const { page, pageErrors } = await open(browser.context, s.url);
      await waitForState(page, 'ready');
      // A reply that passes the checks, and is like none of SURFACES' (recent replies by now,
      // sent again by later tests).
      const reply = {
        'X Chat (textarea, the Send button)': 'Sam, the duplicate payment has been reversed today. Thank you for bearing with us while we sorted it out!',
        'Messenger (Lexical, Enter)': 'Jane, a new grinder is booked for you and leaves our warehouse on Monday. So sorry for the trouble it caused!',
      }[s.name];
      await page.evaluate(() => { document.body.dataset.fixtureRefuse = ''; });
      await typeDraft(page, s, reply);
      await pressSend(page, s);
      await page.waitForFunction(() => document.body.dataset.refused === '1', null, { timeout: 3000 });
      await page.waitForTimeout(300);
      assert.equal(await dialog(page).count(), 0);
      assert.equal(await sends(page), 0);
      assert.equal(squash(await modelText(page, s.model)), squash(reply), 'the reply is still in the box');
      // The site works again: the same reply goes straight through, no repeat of anything.
      await page.evaluate(() => { delete document.body.dataset.fixtureRefuse; });
      await pressSend(page, s);
      await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 3000 }).catch(() => {});
      assert.deepEqual(await dialog(page).count() ? await held(page) : [], [], 'not held as a repeat');
      assert.equal(await sends(page), 1);
      assert.equal(squash(await modelText(page, s.model)), '', 'the site emptied its box');
      // Taken, it is a recent reply: the same words again are held.
      await page.waitForTimeout(300);
      await typeDraft(page, s, reply);
      await pressSend(page, s);
      await dialog(page).waitFor();
      const ids = await held(page);
      assert.ok(ids.includes('repeated-reply'), `held for: ${ids}`);
      assert.deepEqual(pageErrors, []);
      await page.close();
    });
  }
});

describe('the agent moves to another conversation while the checklist is open', () => {
  // The single-page app's navigation on `s`, as the reading tests make it.
  const elsewhere = {
    [URLS.xStatus]: goToTomsPost,
    [URLS.fbMessages]: goToOmarsThread,
  };
  const whoLeft = { [URLS.xStatus]: 'Maria Garcia', [URLS.fbMessages]: 'Jane Doe' };
  for (const s of [SURFACES[0], SURFACES.find((x) => x.url === URLS.fbMessages)]) {
    test(`${s.name}: the checklist closes, nothing is sent, and the next send is checked afresh`, async () => {
      const { page, pageErrors } = await open(browser.context, s.url);
      await waitForState(page, 'ready');
      await typeDraft(page, s, BAD);
      await pressSend(page, s);
      await dialog(page).waitFor();
      const before = await page.locator('waypoint-panel').getAttribute('data-customer');
      await elsewhere[s.url](page);
      await page.waitForFunction((c) => document.querySelector('waypoint-panel')?.dataset.customer !== c, before);
      // The checklist was about the conversation left: it goes, nothing is sent, and the
      // panel says so (a dialog that vanishes looks like a reply that went), naming whom.
      await dialog(page).waitFor({ state: 'detached', timeout: 3000 });
      assert.equal(await sends(page), 0);
      const left = page.locator('waypoint-panel').locator('.notice[data-notice="left-unsent"]');
      await left.waitFor({ timeout: 3000 });
      const text = await left.evaluate((n) => n.firstChild.textContent);
      const said = text.match(/^Not sent: you left the conversation with \u2068(.+)\u2069 while its checklist was open\.$/);
      assert.ok(said, text);
      // By name (X's handle is in data-customer; its display name is what the panel shows).
      assert.ok(said[1].startsWith(whoLeft[s.url]), said[1]);
      // The reply the checklist held can be copied (X drew another post's reply box: the
      // draft went with the post left).
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await left.locator('button.copy').click();
      await left.locator('button.copy', { hasText: 'Copied' }).waitFor({ timeout: 3000 });
      assert.equal(squash(await page.evaluate(() => navigator.clipboard.readText())), squash(BAD));
      assert.equal(await page.locator('waypoint-panel').locator('.notice[data-notice="not-sent"]').count(), 0);
      if (s.url === URLS.xStatus) {
        // X draws the new post's own reply box: the draft went with the post left.
        assert.deepEqual(pageErrors, []);
        await page.close();
        return;
      }
      assert.equal(squash(await modelText(page, s.model)), squash(BAD), 'the draft is where it was');
      // A send now is this conversation's, checked on its own (an open checklist would hold it);
      // the agent has moved on, and the notice goes.
      await pressSend(page, s);
      await dialog(page).waitFor();
      assert.equal(await left.count(), 0);
      await postAnyway(page);
      await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 3000 });
      assert.equal(squash(await page.evaluate(() => document.body.dataset.lastSent)), squash(BAD));
      assert.deepEqual(pageErrors, []);
      await page.close();
    });
  }
});

describe('after Edit, typing goes on where the agent was', () => {
  // Types BAD on surface `s`, moves the caret `left` characters back, sends, presses Edit,
  // types `more`; returns the draft then.
  async function editThenType(s, left, more) {
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    await typeDraft(page, s, BAD);
    for (let i = 0; i < left; i++) await page.keyboard.press('ArrowLeft');
    await pressSend(page, s);
    await dialog(page).waitFor();
    await dialog(page).locator('[data-action="edit"]').click();
    await dialog(page).waitFor({ state: 'detached' });
    await page.keyboard.type(more);
    await page.waitForTimeout(100);
    const draft = squash(await modelText(page, s.model));
    assert.deepEqual(pageErrors, []);
    await page.close();
    return draft;
  }
  for (const s of SURFACES) {
    test(`${s.name}: at the end of the draft`, async () => {
      assert.equal(await editThenType(s, 0, ' More'), squash(`${BAD} More`));
    });
  }
  // Sent by key, the caret is still in the draft when the dialog opens (Draft.js drops it as
  // the dialog takes the focus).
  for (const s of SURFACES.filter((x) => x.send.key)) {
    test(`${s.name}: in the middle of the draft`, async () => {
      assert.equal(await editThenType(s, 9, 'Z'), squash(`${BAD.slice(0, -9)}Z${BAD.slice(-9)}`));
    });
  }
});

describe('Escape goes back to editing', () => {
  // Also after a click on the dimmed page around the dialog: that click must not take the
  // focus out of the dialog, where its keys are heard (it did, and Escape did nothing).
  test('from the dialog, and after a click beside it', async () => {
    const s = SURFACES[0];
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    await typeDraft(page, s, BAD);
    for (const clickBeside of [false, true]) {
      await pressSend(page, s);
      await dialog(page).waitFor();
      if (clickBeside) await page.mouse.click(8, 8);
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached', timeout: 2000 });
      assert.equal(squash(await modelText(page, s.model)), squash(BAD), 'the draft is untouched');
      assert.equal(await sends(page), 0, 'nothing was sent');
    }
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

describe('the checklist is the one thing in reach while it is open', () => {
  test('X post: the panel behind is inert, Alt+Shift+W keeps the focus in the dialog, and each passed check says why in words', async () => {
    const s = SURFACES[0];
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    await typeDraft(page, s, BAD);
    await pressSend(page, s);
    await dialog(page).waitFor();
    const card = page.locator('waypoint-panel').locator('.card');
    assert.equal(await card.getAttribute('inert'), '', 'the panel behind is out of reach');
    const inGate = () => page.evaluate(() => {
      const root = document.querySelector('waypoint-panel').shadowRoot;
      return Boolean(root.activeElement?.closest('.gate'));
    });
    await page.keyboard.press('Tab');
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('Alt+Shift+KeyW');
      assert.equal(await inGate(), true, `the shortcut (${i + 1}) left the focus in the dialog`);
    }
    // Why each passed check passed is text in the dialog, not a tooltip.
    const passed = page.locator('waypoint-panel').locator('.gate-passed li');
    const n = await passed.count();
    assert.ok(n > 0, 'some checks passed');
    assert.equal(await passed.locator('.gate-why').count(), n);
    assert.equal(await passed.first().getAttribute('title'), null);
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached', timeout: 2000 });
    assert.equal(await card.getAttribute('inert'), null, 'the panel is back within reach');
    assert.equal(squash(await modelText(page, s.model)), squash(BAD), 'the draft is untouched');
    assert.equal(await sends(page), 0, 'nothing was sent');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

describe('a public post where another commenter waited longer', () => {
  // Jane commented 3 hours ago and Priya 1 hour ago; Waypoint answers Priya.
  test('Facebook comments: the panel names who waited longest, and the reply to Priya is checked against her wait', async () => {
    const s = SURFACES.find((x) => x.name.startsWith('Facebook comments (Lexical'));
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    const panel = page.locator('waypoint-panel');
    assert.equal(await panel.getAttribute('data-customer'), 'Priya Raman');
    const detail = await panel.locator('.sla-detail').innerText();
    // The name is isolated (a name written right to left keeps the words after it in order).
    const jane = (await panel.locator('.sla-detail').textContent()).match(/^\u2068Jane Doe\u2069 has waited (\d+) h/);
    assert.ok(jane, detail);
    // Facebook gives her comment's age by the hour ("3h"): said as the range it allows.
    assert.match(detail, /has waited 3 h to 4 h\. /);
    // Acme's own post opens the thread and answers nobody: her clock is a first response.
    assert.match(detail, /\. First response: 1 h target for Facebook public posts/);
    // The pin beside Priya's reply box says whose wait it counts.
    const pin = () => panel.evaluate((el) => el.shadowRoot.querySelector('.pin').textContent);
    assert.match(await pin(), /^Overdue \+[\d:]+ for \u2068Jane\u2069$/);
    // A reply's {wait} is Priya's too (an hour or two, not Jane's three or four).
    await panel.locator('input.search').fill('slow');
    await panel.locator('.results [data-template-id="waiting-sorry-late-reply"]').click();
    for (const [id, value] of [['agent.name', 'Sam Rivera'], ['agent.initials', 'SR']]) {
      const f = panel.locator(`.chosen input[data-field="${id}"]`);
      if (await f.count()) await f.fill(value);
    }
    const preview = await panel.locator('.preview').innerText();
    assert.match(preview, /you waited (over )?(an hour|2 hours) /, preview);
    await panel.locator('button[data-action="back"]').click();
    await typeDraft(page, s, 'Priya, we will look into this today.');
    await pressSend(page, s);
    await dialog(page).waitFor();
    const wait = dialog(page).locator('[data-check-id="sla-wait"]');
    const said = await wait.innerText();
    const priya = said.match(/waited (\d+) h/);
    assert.ok(priya, said);
    assert.ok(Number(priya[1]) < Number(jane[1]), `Priya's wait (${said}) is hers, not Jane's (${detail})`);
    await page.keyboard.press('Escape');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test('Facebook comments: a reply in the post\'s own box that begins "Jane," answers Jane, and is checked against her wait', async () => {
    const s = SURFACES.find((x) => x.name.startsWith('Facebook comments (Lexical'));
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    const panel = page.locator('waypoint-panel');
    assert.equal(await panel.getAttribute('data-customer'), 'Priya Raman');
    await typeDraft(page, s, 'Jane, so sorry your bag arrived torn. We will send a new bag today.');
    // Facebook shows no handles: her first name says whom the reply answers.
    await page.waitForFunction(() => document.querySelector('waypoint-panel').dataset.customer === 'Jane Doe', null, { timeout: 3000 });
    assert.match(await panel.locator('.sla-detail').innerText(), /^Waiting 3 h to 4 h\. /);
    // Her own wait beside her reply: nobody named.
    assert.match(await panel.evaluate((el) => el.shadowRoot.querySelector('.pin').textContent), /^Overdue \+[\d:]+$/);
    await pressSend(page, s);
    await dialog(page).waitFor();
    const said = await dialog(page).locator('[data-check-id="sla-wait"]').innerText();
    const waited = said.match(/waited (\d+) h/);
    assert.ok(waited && Number(waited[1]) >= 3, `Jane's wait: ${said}`);
    await page.keyboard.press('Escape');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

describe('a reply in the post\'s own box that thanks a commenter by name', () => {
  for (const thanks of ['Thanks Jane!', 'Thanks Jane 😊']) {
    test(`Facebook comments: "${thanks}" answers Jane, as "Jane," does, and her name is the right one`, async () => {
      const s = SURFACES.find((x) => x.name.startsWith('Facebook comments (Lexical'));
      const { page, pageErrors } = await open(browser.context, s.url);
      await waitForState(page, 'ready');
      const panel = page.locator('waypoint-panel');
      assert.equal(await panel.getAttribute('data-customer'), 'Priya Raman');
      await typeDraft(page, s, `${thanks} So sorry your bag arrived torn. We will send a new bag today.`);
      await page.waitForFunction(() => document.querySelector('waypoint-panel').dataset.customer === 'Jane Doe', null, { timeout: 3000 });
      await pressSend(page, s);
      await dialog(page).waitFor();
      const item = dialog(page).locator('[data-check-id="wrong-name"]');
      assert.notEqual(await item.getAttribute('data-status'), 'fail', await item.textContent());
      await page.keyboard.press('Escape');
      assert.deepEqual(pageErrors, []);
      await page.close();
    });
  }
});

describe('a name the reply addresses that is not the customer answered', () => {
  // X post: Maria is answered, Tom commented too; Instagram comments: marco.trails is
  // answered, lena.k commented too; X Chat: Sam is answered, and no Jane takes part.
  for (const [prefix, draft, said] of [
    ['X post (Draft.js', 'Hi Tom, so sorry for the wait. We will check your order today.', /“Tom” is someone else in this conversation: this reply answers \u2068Maria Garcia/],
    ['Instagram comments', 'Hi Lena, so sorry about the boots. We will send a new pair today.', /“Lena” is someone else in this conversation: this reply answers \u2068marco\.trails\u2069/],
    ['X Chat (textarea', 'Your refund is on its way today. Thanks Jane!', /“Jane” is not in this conversation/],
  ]) {
    test(`${prefix.split(' (')[0]}: the checklist says whom the name is not`, async () => {
      const s = SURFACES.find((x) => x.name.startsWith(prefix));
      const { page, pageErrors } = await open(browser.context, s.url);
      await waitForState(page, 'ready');
      await typeDraft(page, s, draft);
      await pressSend(page, s);
      await dialog(page).waitFor();
      const item = dialog(page).locator('[data-check-id="wrong-name"]');
      assert.equal(await item.getAttribute('data-status'), 'fail');
      assert.match(await item.textContent(), said);
      await page.keyboard.press('Escape');
      assert.deepEqual(pageErrors, []);
      await page.close();
    });
  }
});

describe('a long checklist in a small window', () => {
  test('X post at 800×600: Edit and Post stay in view while the findings scroll', async () => {
    const s = SURFACES[0];
    const { page, pageErrors } = await open(browser.context, s.url);
    await page.setViewportSize({ width: 800, height: 600 });
    await waitForState(page, 'ready');
    await typeDraft(page, s, 'Hi Sarah, TBD - DM US YOUR PHONE NUMBER 555-123-4567 or email your card number!!!');
    await pressSend(page, s);
    await dialog(page).waitFor();
    const inView = () =>
      dialog(page).evaluate((d) => {
        const box = d.getBoundingClientRect();
        const buttons = [...d.querySelectorAll('.gate-actions button')];
        return {
          scrolls: d.scrollHeight > d.clientHeight + 1,
          shown: buttons.length > 0 && buttons.every((b) => {
            const r = b.getBoundingClientRect();
            return r.top >= box.top && r.bottom <= box.bottom && r.bottom <= innerHeight;
          }),
        };
      });
    const first = await inView();
    assert.ok(first.scrolls, 'the findings are longer than the window');
    assert.ok(first.shown, 'Edit and Post are in view before scrolling');
    await dialog(page).evaluate((d) => d.scrollTo(0, d.scrollHeight / 2));
    assert.ok((await inView()).shown, 'and while the list scrolls');
    await page.keyboard.press('Escape');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

describe('after a reply inserted from the panel is sent', () => {
  test('X Chat: the panel goes back to the suggestions; a form still being filled in stays', async () => {
    const s = SURFACES.find((x) => x.name.startsWith('X Chat (textarea'));
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    const panel = page.locator('waypoint-panel');
    const choose = async () => {
      await pickReply(panel, 'patience', 'waiting-thanks-patience');
      for (const [id, value] of [['agent.name', 'Sam Rivera'], ['agent.initials', 'SR'], ['when', 'noon']]) {
        const f = panel.locator(`.chosen input[data-field="${id}"]`);
        if (await f.count()) await f.fill(value);
      }
    };
    const send = async () => {
      const before = await sends(page);
      await pressSend(page, s);
      await dialog(page).waitFor();
      const boxes = dialog(page).locator('[data-status="manual"] input[type="checkbox"]');
      for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
      await dialog(page).locator('[data-action="post"]').click();
      await page.waitForFunction((n) => Number(document.body.dataset.sends ?? 0) > n, before);
    };
    // A form open, not inserted from: another reply typed and sent leaves it as it was.
    await choose();
    await typeDraft(page, s, 'Hi Sam, we are on it and will write again by noon. Sam');
    await send();
    await page.waitForTimeout(500);
    assert.equal(await panel.locator('.chosen').isVisible(), true, 'the form being filled in stays');
    // Inserted and sent: done with.
    await panel.locator('button[data-action="insert"]').click();
    await panel.locator('.outcome[data-outcome^="inserted:"]').waitFor();
    await send();
    await panel.locator('.chosen').waitFor({ state: 'hidden' });
    assert.equal(await panel.locator('.outcome').innerText(), '');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

describe('past the reply target, the reply inserted apologises for the wait', () => {
  test('X post two hours old: "Order running late" is shown and inserted in a turn that says sorry for the wait, and sla-wait passes', async () => {
    const s = SURFACES[0];
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    await page.locator('waypoint-panel[data-sla="breached"]').waitFor();
    const panel = page.locator('waypoint-panel');
    await pickReply(panel, 'late', 'order-late-acknowledge');
    const name = panel.locator('.chosen input[data-field="agent.name"]');
    if (await name.count()) await name.fill('Sam Rivera');
    // One of its two turns that own the wait, whichever is due.
    assert.match(await panel.locator('.preview').innerText(), /^(Sorry for the wait, and for the late order|I'm sorry you've had to wait, for us and for your order), Maria/);
    await panel.locator('button[data-action="insert"]').click();
    await panel.locator('.outcome[data-outcome^="inserted:"]').waitFor();
    await pressSend(page, s);
    await dialog(page).waitFor();
    assert.equal(await dialog(page).locator('[data-check-id="sla-wait"]').getAttribute('data-status'), 'pass');
    await page.keyboard.press('Escape');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

describe('a longer draft with several findings', () => {
  test('X post: each finding quotes the sentence of what it marks, not the whole draft again', async () => {
    const s = SURFACES[0];
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    const draft = "@mariagarcia PLEASE CALM DOWN. The courier is late again this week, as every week. Send me your password and I'll look today. We apologize if you feel upset, [NAME]";
    await typeDraft(page, s, draft);
    await pressSend(page, s);
    await dialog(page).waitFor();
    const quoted = async (id) => dialog(page).locator(`[data-check-id="${id}"] .gate-excerpt`).evaluate((q) => ({
      text: q.textContent,
      marked: [...q.querySelectorAll('mark')].map((m) => m.textContent),
    }));
    const secret = await quoted('asks-personal-data');
    assert.deepEqual(secret, { text: "…Send me your password and I'll look today. …", marked: ['Send me your password'] });
    const gap = await quoted('placeholder');
    assert.deepEqual(gap, { text: '…We apologize if you feel upset, [NAME]', marked: ['[NAME]'] });
    await page.keyboard.press('Escape');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

describe('a draft written right to left', () => {
  test('Messenger: the checklist quotes it in its own direction', async () => {
    const s = { ...SURFACES.find((x) => x.name.startsWith('Messenger')), url: URLS.fbMessagesRtl };
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    await typeDraft(page, s, 'مرحبا [NAME]، سنرسل بديلا غدا');
    await pressSend(page, s);
    await dialog(page).waitFor();
    const quote = dialog(page).locator('.gate-excerpt').first();
    assert.match(await quote.innerText(), /\[NAME\]/);
    assert.equal(await quote.evaluate((q) => getComputedStyle(q).direction), 'rtl');
    await page.keyboard.press('Escape');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test("Messenger: the team's question written in Arabic keeps its own direction", async () => {
    await saveSettings({ manual: ['هل تحققت من الطلب #123؟'] });
    try {
      const s = SURFACES.find((x) => x.name.startsWith('Messenger'));
      const { page, pageErrors } = await open(browser.context, s.url);
      await waitForState(page, 'ready');
      await typeDraft(page, s, BAD);
      await pressSend(page, s);
      await dialog(page).waitFor();
      const question = dialog(page).locator('[data-status="manual"] label bdi');
      assert.equal(await question.innerText(), 'هل تحققت من الطلب #123؟');
      assert.equal(await question.evaluate((q) => getComputedStyle(q).direction), 'rtl');
      await page.keyboard.press('Escape');
      assert.deepEqual(pageErrors, []);
      await page.close();
    } finally {
      await saveSettings(null);
    }
  });
});

describe('when all is well, the post goes straight through', () => {
  before(() => saveSettings({ manual: [] }));
  after(() => saveSettings(null));
  for (const s of SURFACES) {
    test(`${s.name}: a good reply posts without a dialog`, async () => {
      const { page } = await open(browser.context, s.url);
      await waitForState(page, 'ready');
      await typeDraft(page, s, s.good);
      await pressSend(page, s);
      await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 3000 }).catch(() => {});
      if ((await sends(page)) !== 1) {
        const found = await dialog(page).locator('[data-status="fail"], [data-status="warn"]').evaluateAll((els) =>
          els.map((e) => `${e.dataset.checkId}: ${e.textContent}`));
        assert.fail(`the good reply was held: ${found.join(' | ')}`);
      }
      assert.equal(await dialog(page).count(), 0);
      await page.close();
    });
  }
});

describe('a send right after a reply went in waits for the agent to have read it', () => {
  before(() => saveSettings({ manual: [] }));
  after(() => saveSettings(null));
  test('Messenger: Enter in the last fill-in inserts; Enter again at once opens the checklist, and nothing is sent until it is ticked', async () => {
    const s = SURFACES.find((x) => x.name.startsWith('Messenger'));
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    const panel = page.locator('waypoint-panel');
    await pickReply(panel, 'patience', 'waiting-thanks-patience');
    const fields = panel.locator('.chosen input[data-field]');
    for (let i = 0; i < (await fields.count()); i++) {
      const f = fields.nth(i);
      const id = await f.getAttribute('data-field');
      await f.fill(id === 'agent.name' ? 'Sam Rivera' : id === 'agent.initials' ? 'SR' : 'noon today');
    }
    await fields.last().focus();
    await page.keyboard.press('Enter');
    await panel.locator('.outcome[data-outcome^="inserted:"]').waitFor();
    // The second Enter, in the reply box the insertion moved to.
    assert.equal(await page.evaluate((sel) => document.querySelector(sel).contains(document.activeElement), s.box), true);
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    const item = dialog(page).locator('[data-check-id="just-inserted"]');
    assert.equal(await item.getAttribute('data-status'), 'manual');
    assert.match(await item.innerText(), /I have read the reply just inserted/);
    // Every check passed: without the slip, it would have been posted there and then.
    assert.deepEqual(await dialog(page).locator('[data-status="fail"], [data-status="warn"]').count(), 0);
    await page.waitForTimeout(300);
    assert.equal(await sends(page), 0);
    assert.match(await modelText(page, s.model), /noon today/);
    await item.locator('input[type="checkbox"]').check();
    await dialog(page).locator('button[data-action="post"]').click();
    await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 3000 });
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

// What the checks read from the conversation and from our recent replies is worked out once
// and kept between sends (so that a send reads only the draft): it must follow the
// conversation and the replies we send.
describe('what the checks keep between sends stays current', () => {
  before(() => saveSettings({ manual: [] }));
  after(() => saveSettings(null));
  test('X Chat: a message that arrives after a send, and the reply just sent, are seen', async () => {
    const s = SURFACES.find((x) => x.name === 'X Chat (textarea, the Send button)');
    const { page, pageErrors } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    const clear = async () => {
      await page.fill(s.box, '');
      await page.click(s.box);
    };
    const itemIds = () => dialog(page).locator('[data-check-id]').evaluateAll((els) =>
      els.filter((e) => e.dataset.status === 'warn' || e.dataset.status === 'fail').map((e) => e.dataset.checkId));
    // 1. A good reply goes straight through: the checks have now read the conversation.
    // (Not one of SURFACES' replies: those are recent replies of this browser by now.)
    const first = "Thanks for waiting, Sam, and I'm sorry for the double charge. I've refunded the second one this morning: it reaches your card within 5 working days.";
    await typeDraft(page, s, first);
    await pressSend(page, s);
    await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 3000 });
    assert.equal(await dialog(page).count(), 0);
    // 2. The customer writes again, with a legal threat.
    const before = Number(await page.locator('waypoint-panel').getAttribute('data-messages'));
    await page.evaluate(() => {
      document.querySelector('[data-testid="dm-message-list"] ul').insertAdjacentHTML('beforeend',
        '<li><div data-testid="message-7c1e0d52-1f0b-4c55-9d2a-0b6b7c0a0009" class="flex justify-start"><div class="bubble" data-testid="message-text-7c1e0d52-1f0b-4c55-9d2a-0b6b7c0a0009"><span dir="auto">If this is not fixed today I am talking to my lawyer</span><span aria-hidden="true">10:31 AM</span></div></div></li>');
    });
    await page.waitForFunction((n) => Number(document.querySelector('waypoint-panel').getAttribute('data-messages')) === n + 1, before);
    // 3. Another good reply is held for the escalation reminder (and is no copy of the first).
    await clear();
    const second = "Sam, I understand, and I'm sorry this has dragged on. The extra charge is refunded today; I'll confirm here as soon as it shows on your card.";
    await typeDraft(page, s, second);
    await pressSend(page, s);
    await dialog(page).waitFor();
    const held = await itemIds();
    assert.ok(held.includes('escalation') && !held.includes('repeated-reply'), `held for: ${held}`);
    await dialog(page).locator('[data-action="post"]').click();
    await page.waitForFunction(() => document.body.dataset.sends === '2');
    // 4. The first reply again, word for word: it is now one of our recent replies.
    await clear();
    await typeDraft(page, s, first);
    await pressSend(page, s);
    await dialog(page).waitFor();
    assert.ok((await itemIds()).includes('repeated-reply'), `held for: ${await itemIds()}`);
    assert.equal(await sends(page), 2);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

// Two ways Waypoint can break at the moment of sending: a browser call it relies on fails
// with an error it handles (the dialog cannot be built), and one throws straight through its
// code (reading the draft). Either way the site's own send must go through with the draft,
// exactly once, and the page must see no error of Waypoint's.
const BREAKAGES = [
  {
    name: 'the dialog cannot be built',
    // Handled: Waypoint warns in its console and stands aside.
    handled: true,
    source: `Document.prototype.createElement = function () { throw new Error('broken by the test'); }; 'ok'`,
  },
  {
    name: 'reading the draft throws',
    // Unhandled: the error passes through Waypoint's listener (Chromium logs it against the
    // extension), and the site must not notice.
    handled: false,
    source: `for (const C of [HTMLElement, HTMLTextAreaElement]) {
      const own = Object.getOwnPropertyDescriptor(C.prototype, C === HTMLElement ? 'innerText' : 'value');
      Object.defineProperty(C.prototype, C === HTMLElement ? 'innerText' : 'value', {
        configurable: true,
        get() { throw new Error('broken by the test'); },
        set: own.set,
      });
    } 'ok'`,
  },
];

describe('a failing Waypoint lets the post through (fail open)', () => {
  for (const b of BREAKAGES) {
    for (const s of SURFACES) {
      test(`${s.name}, ${b.name}: the site sends the draft once`, async () => {
        const { page, pageErrors } = await open(browser.context, s.url);
        await waitForState(page, 'ready');
        await typeDraft(page, s, BAD);
        await page.evaluate(() => {
          window.__siteErrors = [];
          window.addEventListener('error', (e) => window.__siteErrors.push(String(e.message)));
        });
        await inWaypointWorld(page, b.source);
        // The site's own world still has the real methods.
        assert.equal(await page.evaluate(() => typeof document.createElement('p')), 'object');
        await pressSend(page, s);
        await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 5000 });
        await page.waitForTimeout(300);
        assert.equal(await sends(page), 1, 'sent exactly once');
        assert.equal(squash(await page.evaluate(() => document.body.dataset.lastSent)), squash(BAD));
        assert.equal(await dialog(page).count(), 0, 'no dialog');
        // And the next send too (the site emptied its box: the draft is typed again): a
        // broken Waypoint stays out of the way.
        await typeDraft(page, s, BAD);
        await pressSend(page, s);
        await page.waitForFunction(() => document.body.dataset.sends === '2', null, { timeout: 5000 });
        assert.deepEqual(await page.evaluate(() => window.__siteErrors), [], "the site's world saw no error");
        if (b.handled) assert.deepEqual(pageErrors, [], 'no uncaught error anywhere');
        await page.close();
      });
    }
  }
});

describe('a fault of Waypoint\'s own (a panic) stops it, and says so', () => {
  for (const s of [SURFACES[0], SURFACES.find((x) => x.name.startsWith('Messenger'))]) {
    test(`${s.name}: the panel says Waypoint stopped and how to start it again; no error flood; the site sends as usual`, async () => {
      const { page, consoleMessages } = await open(browser.context, s.url);
      await waitForState(page, 'ready');
      await typeDraft(page, s, BAD);
      const mode = await page.locator('waypoint-panel').getAttribute('data-mode');
      const glue = mode === 'wasm' ? 'pkg/waypoint.js' : 'pkgjs/waypoint.js';
      const thrown = await inWaypointWorld(page, `(async () => {
        const m = await import(chrome.runtime.getURL(${JSON.stringify(glue)}));
        try { m.debugPanic(); } catch (e) { return String(e); }
        return 'nothing thrown';
      })()`);
      assert.notEqual(thrown, 'nothing thrown');
      const host = page.locator('waypoint-panel');
      assert.equal(await host.getAttribute('data-state'), 'stopped');
      const notice = host.locator('p.notice[data-notice="settings"]');
      assert.equal(await notice.getAttribute('role'), 'alert');
      assert.match(await notice.innerText(), /^Waypoint stopped after an error of its own\. .*reload the page to start Waypoint again\.$/);
      assert.ok(await notice.isVisible(), 'in view');
      // Nothing that would read as working: no frozen clock, no replies to pick.
      for (const part of ['.sla', '.pin', '.replies', '.suggested']) {
        assert.equal(await host.locator(part).first().isVisible(), false, `${part} hidden`);
      }
      // Three seconds of the clock and the periodic look: nothing calls into the stopped module
      // (each call would throw again, in Waypoint's world: seen through the DevTools protocol).
      const cdp = await page.context().newCDPSession(page);
      const thrownAfter = [];
      cdp.on('Runtime.exceptionThrown', (e) => thrownAfter.push(e.exceptionDetails.exception?.description ?? e.exceptionDetails.text));
      await cdp.send('Runtime.enable');
      const errorsAt = consoleMessages.filter((m) => m.type === 'error').length;
      await page.waitForTimeout(3000);
      await cdp.detach();
      assert.deepEqual(thrownAfter, [], 'nothing thrown after the stop');
      assert.deepEqual(consoleMessages.filter((m) => m.type === 'error').slice(errorsAt), [], 'no error after the stop');
      // The site goes on: the send goes through as the agent made it, once.
      await pressSend(page, s);
      await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 5000 });
      assert.equal(squash(await page.evaluate(() => document.body.dataset.lastSent)), squash(BAD));
      await page.close();
    });
  }
});

describe('the checks whose word lists the page reads from the rule file', () => {
  // Their lists are not in the module (dist/data/rules.js): a list missing there would let
  // each of these drafts through with nothing said.
  const [xPost, xChat] = [SURFACES[0], SURFACES[2]];
  for (const [id, draft, surface] of [
    ['asks-personal-data', 'Maria, please reply here with your password so we can check the order.', xPost],
    ['tone', 'Maria, you should have checked the tracking page before writing to us.', xPost],
    ['next-step', 'So sorry to hear that, Maria!', xPost],
    // One word of plain speech in capitals (shouting/plain).
    ['shouting', "Maria, we are VERY sorry. Your order arrives on Friday and I'll update you here.", xPost],
    // A card's details, even in a direct message.
    ['asks-personal-data', 'Sorry about the double charge, Sam! Please send me your card details so I can refund it today.', xChat],
    // In a direct message, asking for one (its own list: other-channel/3).
    ['other-channel', "Sorry about the double charge, Sam! Please DM us your card's last 4 digits and I'll refund it today.", xChat],
    // A team mailbox's address (repeats-personal-data/role-mailboxes).
    ['other-channel', "Sorry about this, Maria! Our returns desk is at returns@acme.com if that's easier.", xPost],
  ]) {
    test(`${surface.name.split(' (')[0]}: ${id} finds its words in the page`, async () => {
      const { page } = await open(browser.context, surface.url);
      await waitForState(page, 'ready');
      await typeDraft(page, surface, draft);
      await pressSend(page, surface);
      await dialog(page).waitFor();
      const item = dialog(page).locator(`[data-check-id="${id}"]`);
      assert.equal(await item.count(), 1, `${id} is in the checklist`);
      assert.ok(['fail', 'warn'].includes(await item.getAttribute('data-status')), await item.getAttribute('data-status'));
      if (id === 'other-channel') {
        assert.match(await item.innerText(), surface === xChat ? /this is one already/ : /“returns@acme\.com” moves the customer/);
      }
      await page.close();
    });
  }
});

describe('a slash search left in the draft', () => {
  // The agent typed "/refund", closed the search with Escape and wrote the reply after it:
  // the words of the search would be posted with it.
  const xPost = SURFACES[0];
  test('X post: the checklist stops the send and marks "/refund"', async () => {
    const { page } = await open(browser.context, xPost.url);
    await waitForState(page, 'ready');
    const popup = page.locator('waypoint-panel').locator('.slash');
    await page.click(xPost.box);
    await page.keyboard.type('/refund');
    await popup.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'hidden' });
    await page.keyboard.type(" Hi Maria, I've refunded your order and you'll see it on your card within 3 days.");
    await pressSend(page, xPost);
    await dialog(page).waitFor();
    const item = dialog(page).locator('[data-check-id="placeholder"]');
    assert.equal(await item.getAttribute('data-status'), 'fail');
    assert.equal(await item.locator('mark').first().innerText(), '/refund');
    assert.match(await item.innerText(), /left from a slash search/);
    assert.equal(await sends(page), 0, 'nothing was sent');
    await page.close();
  });
});

describe('a send while a long conversation is still read', () => {
  // 1,200 posts on x.com (the JavaScript translation reads them in several tasks). The
  // timeline leaves the page when the panel first says it is reading, between two parts of the
  // read, and comes back only when the test says so: until then the read cannot end.
  async function heldRead(page) {
    await page.addInitScript(() => {
      const look = (host) => {
        const status = host.shadowRoot?.querySelector('p.status')?.textContent ?? '';
        if (window.__held || !status.includes('Reading the conversation')) return;
        const list = document.getElementById('timeline-list');
        const parent = list.parentElement;
        list.remove();
        window.__held = true;
        window.__release = () => parent.append(list);
      };
      new MutationObserver(() => {
        const host = document.querySelector('waypoint-panel');
        if (!host || host.__watched || !host.shadowRoot) return;
        host.__watched = true;
        new MutationObserver(() => look(host)).observe(host.shadowRoot, { subtree: true, childList: true, characterData: true });
        look(host);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(URLS.xLongReply);
    await page.waitForFunction(() => window.__held === true, null, { timeout: 20000 });
  }
  const x = SURFACES[0];

  test('X post: the send waits for the whole conversation, then the checklist shows as for any send', async () => {
    const page = await browser.context.newPage();
    await heldRead(page);
    await typeDraft(page, x, BAD);
    await pressSend(page, x);
    // Held: the site saw no send (its handler counts synchronously), and no checklist yet.
    assert.equal(await sends(page), 0, 'the send is held, not made unchecked');
    assert.equal(await dialog(page).count(), 0);
    // A second press while it is held sends nothing either.
    await pressSend(page, x);
    assert.equal(await sends(page), 0);
    await page.evaluate(() => window.__release());
    await dialog(page).waitFor({ timeout: 20000 });
    assert.equal(await page.locator('waypoint-panel').getAttribute('data-messages'), '1200', 'read whole first');
    assert.equal(await dialog(page).locator('[data-check-id="placeholder"]').getAttribute('data-status'), 'fail');
    assert.equal(await sends(page), 0, 'nothing sent while the checklist is open');
    const boxes = dialog(page).locator('[data-status="manual"] input[type="checkbox"]');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await dialog(page).locator('[data-action="post"]').click();
    await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 5000 });
    assert.equal(squash(await page.evaluate(() => document.body.dataset.lastSent)), squash(BAD));
    await page.close();
  });

  const notice = (page, kind) => page.locator('waypoint-panel').locator(`.notice[data-notice="${kind}"]`);

  test('X post: typing on after pressing send, Escape, or leaving the conversation sends nothing', async () => {
    // Typing on: the box no longer holds what was sent. Never released: after the wait it is
    // not sent half-typed; the panel says why and the whole draft stays in the box.
    let page = await browser.context.newPage();
    await heldRead(page);
    await typeDraft(page, x, 'Thanks Maria, could you confirm the delivery');
    await pressSend(page, x);
    await page.click(x.box);
    await page.keyboard.press('End');
    await page.keyboard.type(' address on the order for me please?');
    const full = 'Thanks Maria, could you confirm the delivery address on the order for me please?';
    await notice(page, 'not-sent').waitFor({ timeout: 10000 });
    assert.match(await notice(page, 'not-sent').innerText(), /^Not sent: you changed the reply while Waypoint was reading the conversation/);
    assert.equal(await sends(page), 0, 'nothing sent half-typed');
    assert.equal(squash(await modelText(page, x.model)), full);
    await page.close();

    // Escape while held: cancelled, said, nothing sent even once the read ends.
    page = await browser.context.newPage();
    await heldRead(page);
    await typeDraft(page, x, BAD);
    await pressSend(page, x);
    await page.keyboard.press('Escape');
    await notice(page, 'not-sent').waitFor({ timeout: 5000 });
    assert.match(await notice(page, 'not-sent').innerText(), /^Not sent: you cancelled it while Waypoint was reading the conversation/);
    await page.evaluate(() => window.__release());
    await page.waitForFunction(() => document.querySelector('waypoint-panel')?.dataset.messages === '1200', null, { timeout: 20000 });
    await page.waitForTimeout(3500);
    assert.equal(await sends(page), 0);
    assert.equal(await dialog(page).count(), 0, 'no checklist for a cancelled send');
    await page.close();

    // Leaving for another post while held: nothing sent there, and the panel says so.
    page = await browser.context.newPage();
    await heldRead(page);
    await typeDraft(page, x, BAD);
    await pressSend(page, x);
    await page.evaluate(() => history.pushState({}, '', '/tom_w/status/1861000000000000003'));
    await notice(page, 'left-unsent').waitFor({ timeout: 5000 });
    assert.match(await notice(page, 'left-unsent').innerText(), /^Not sent: you left that conversation while Waypoint was still reading it\./);
    await page.evaluate(() => window.__release());
    await page.waitForTimeout(3500);
    assert.equal(await sends(page), 0);
    assert.equal(await dialog(page).count(), 0, 'no checklist on the other post');
    await page.close();
  });

  test('X post: a read that does not end in time lets the send through as the agent made it', async () => {
    const page = await browser.context.newPage();
    await heldRead(page);
    await typeDraft(page, x, BAD);
    await pressSend(page, x);
    assert.equal(await sends(page), 0, 'held at first');
    // Never released: after about three seconds the site sends it, once, with no checklist.
    await page.waitForFunction(() => document.body.dataset.sends === '1', null, { timeout: 10000 });
    assert.equal(squash(await page.evaluate(() => document.body.dataset.lastSent)), squash(BAD));
    assert.equal(await dialog(page).count(), 0, 'no dialog');
    await page.close();
  });
});

describe('an IME composing is left alone', () => {
  for (const s of SURFACES.filter((x) => x.send.key === 'Enter')) {
    test(`${s.name}: Enter that confirms a candidate is not a send`, async () => {
      const { page } = await open(browser.context, s.url);
      await waitForState(page, 'ready');
      await typeDraft(page, s, BAD);
      // An Enter while composing, as Chromium reports it (isComposing, keyCode 229 for the
      // second form); the draft has a placeholder, so the gate would stop a real send.
      // The site's own listener, in its world and at the target, sees whether the events
      // reached it (the gate stops what it holds in the capture phase, before that).
      const reached = await page.evaluate((sel) => {
        const box = document.querySelector(sel);
        const target = box.querySelector('[contenteditable]') || box;
        let seen = 0;
        target.addEventListener('keydown', () => (seen += 1));
        for (const extra of [{ isComposing: true }, { keyCode: 229 }]) {
          const e = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true, ...extra });
          if (extra.keyCode) Object.defineProperty(e, 'keyCode', { value: extra.keyCode });
          target.dispatchEvent(e);
        }
        return seen;
      }, s.box);
      await page.waitForTimeout(300);
      assert.equal(await dialog(page).count(), 0, 'no checklist for a composing Enter');
      assert.equal(reached, 2, 'both composing Enters reached the site');
      // Then a real Enter is gated as usual.
      await pressSend(page, s);
      await dialog(page).waitFor();
      await page.close();
    });
  }
});

describe('the checklist settings page', () => {
  after(() => saveSettings(null));

  test('levels, questions and "always show" are saved, shown back and used in the page', async () => {
    const options = await openOptions(browser);
    // Every check has a level, starting at its default.
    assert.equal(await options.locator('.check-row select').count(), 19);
    assert.equal(await options.inputValue('#check-level-placeholder'), 'block');
    assert.match(await options.inputValue('#check-manual'), /Have I done everything I can/);

    // A broken form is refused with the reason, and what was typed stays.
    const long = 'x'.repeat(201);
    await options.fill('#check-manual', long);
    await options.click('#check-save');
    await options.locator('#check-status[data-ok="false"]').waitFor();
    assert.match(await options.innerText('#check-status'), /^Not saved: Questions to tick: question 1 is longer than 200 characters/);
    assert.equal(await options.getAttribute('#check-manual', 'aria-invalid'), 'true', 'the box at fault is marked');
    // Said at the box too (the status line is below the fold on a small screen).
    assert.match(await options.$eval('#check-manual', (el) => el.validationMessage), /question 1 is longer than 200 characters/);
    assert.equal(await options.evaluate(() => document.activeElement.id), 'check-manual');
    assert.equal(await options.inputValue('#check-manual'), long);
    // Mended, the box no longer says it (the status line does until the next save). The
    // caret is at the start of the question at fault.
    assert.equal(await options.$eval('#check-manual', (el) => el.selectionStart), 0);
    await options.locator('#check-manual').press('Delete');
    assert.equal(await options.$eval('#check-manual', (el) => el.validationMessage), '');
    await options.fill('#check-manual', long);
    assert.equal(await options.evaluate(async () => (await chrome.storage.local.get('waypoint.checks'))['waypoint.checks']), undefined, 'nothing was saved');
    // A hands-on review: the box is labelled as the errors name it, and the caret goes to
    // the question at fault (the questions counted are the lines with words).
    assert.equal(await options.locator('label[for="check-manual"]').innerText(), 'Questions to tick before posting');
    const questions = 'Did I thank them?\n\n  \nDid I say when?\nDid I thank them?';
    await options.fill('#check-manual', questions);
    await options.click('#check-save');
    await options.locator('#check-status[data-ok="false"]').waitFor();
    assert.match(await options.innerText('#check-status'), /^Not saved: Questions to tick: question 3 repeats question 1/);
    assert.equal(await options.evaluate(() => document.activeElement.id), 'check-manual');
    assert.equal(await options.$eval('#check-manual', (el) => el.selectionStart), questions.lastIndexOf('Did I thank them?'));

    // Placeholders only warn, no questions, and the list shows on every send.
    await options.selectOption('#check-level-placeholder', 'warn');
    await options.fill('#check-manual', '');
    await options.check('#check-always-show');
    await options.click('#check-save');
    await options.locator('#check-status[data-ok="true"]').waitFor();
    assert.equal(await options.$eval('#check-manual', (el) => el.validationMessage), '', 'saved: no longer said at the box');
    await options.reload();
    await options.locator('#app[data-ready="true"]').waitFor();
    await options.waitForFunction(() => document.querySelector('#check-level-placeholder').value === 'warn');
    assert.equal(await options.isChecked('#check-always-show'), true);
    assert.equal(await options.inputValue('#check-manual'), '');
    await options.screenshot({ path: 'tests/e2e/screenshots/checklist-settings.png', fullPage: true });
    await options.close();

    const s = SURFACES[2];
    const { page } = await open(browser.context, s.url);
    await waitForState(page, 'ready');
    // The placeholder is now a warning: the dialog offers a plain "Post".
    await typeDraft(page, s, BAD);
    await pressSend(page, s);
    await dialog(page).waitFor();
    assert.equal(await dialog(page).locator('[data-check-id="placeholder"]').getAttribute('data-status'), 'warn');
    assert.equal(await dialog(page).locator('[data-status="manual"]').count(), 0, 'no questions');
    assert.equal(await dialog(page).locator('[data-action="post"]').innerText(), 'Post');
    await dialog(page).locator('[data-action="edit"]').click();
    await dialog(page).waitFor({ state: 'detached' });
    await page.close();

    // "Always show": a good reply still opens the list, all passing.
    const again = await open(browser.context, s.url);
    await waitForState(again.page, 'ready');
    // (Not the good reply used above: that one is a recent reply now, and a copy is flagged.)
    await typeDraft(again.page, s, "Sorry again about the double charge, Sam, and thank you for your patience. The refund for the second charge went through today: it shows on your card within 5 working days.");
    await pressSend(again.page, s);
    await dialog(again.page).waitFor();
    const held = await dialog(again.page).locator('[data-status="fail"], [data-status="warn"]').evaluateAll((els) => els.map((e) => e.dataset.checkId));
    assert.deepEqual(held, [], 'every check passes');
    await dialog(again.page).locator('[data-action="post"]').click();
    await again.page.waitForFunction(() => document.body.dataset.sends === '1');
    await again.page.close();
  });

  test('sign-offs saved while "Signed off" is off: saved, and the save says they are not checked', async () => {
    const options = await openOptions(browser);
    try {
      await options.fill('#check-signoffs', '^RM\n-Rosa');
      await options.click('#check-save');
      await options.locator('#check-status[data-ok="warn"]').waitFor();
      assert.equal(
        await options.innerText('#check-status'),
        'Saved. Open conversations use it from their next send. The sign-offs are not checked while “Signed off” is Off: set it to Warn or Block to use them.',
      );
      await options.selectOption('#check-level-signature', 'warn');
      await options.click('#check-save');
      await options.locator('#check-status[data-ok="true"]').waitFor();
      assert.equal(await options.innerText('#check-status'), 'Saved. Open conversations use it from their next send.');
    } finally {
      await saveSettings(null);
      await options.close();
    }
  });
});
