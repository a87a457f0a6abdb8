// The "have I done everything?" gate (issue 6) and the reply suggestions and slash search
// (issue 5), with the real extension in the fixture pages. The fixture app counts the sends
// the site itself makes (document.body.dataset.sends) and keeps what was sent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, waitForState } from './lib.mjs';
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
    good: "@mariagarcia I'm so sorry for the wait, Maria, and that your order still hasn't arrived. I'll chase the courier now and update you here within the hour.",
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
    good: "Priya, I'm so sorry your bag arrived torn and the beans spilled, and for the wait. We'll send you a fresh bag today: please check your Messenger inbox for the tracking link from us.",
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
    name: 'Instagram comments (textarea, the Post button)',
    url: URLS.igPost,
    box: 'textarea[aria-label="Add a comment…"]',
    model: 'textarea[aria-label="Add a comment…"]',
    send: { click: 'form [role="button"]' },
    good: "@marco.trails I'm really sorry your boots leaked on your first hike, and for the wait. We'll replace them: we've sent you a DM with a free return label for this week.",
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
        for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
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
