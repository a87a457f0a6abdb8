// The SLA countdown in the page (issue 4): fixture threads whose customer message is N minutes
// old (generated when the page is served) show the right state and a remaining time that ticks
// down; answering stops it; the agent's "waiting on customer" pauses it and is remembered.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inWaypointWorld, launch, open, waitForState, openOptions } from './lib.mjs';
import { PAGES, URLS } from './pages.mjs';

let browser;
before(async () => {
  browser = await launch({ pages: PAGES });
});
after(async () => {
  await browser?.close();
});

const attr = (page, name) => page.locator('waypoint-panel').getAttribute(name);
/** The 50-minute X post (its author's alone), its clock paused with "Waiting on …". */
async function openPaused() {
  const { page } = await open(browser.context, URLS.slaX50Alone);
  await waitForSla(page, 'due-soon');
  const panel = page.locator('waypoint-panel');
  await panel.locator('button[data-sla-action="pause"]').click();
  await waitForSla(page, 'paused');
  return { page, panel };
}

/** A post by `handle` added to the end of the X fixture's thread, written now. */
async function appendTweet(page, { handle, name, id, text }) {
  await page.evaluate(({ handle, name, id, text, when }) => {
    document.querySelector('[aria-label="Timeline: Conversation"] > div').insertAdjacentHTML('beforeend', `
      <div data-testid="cellInnerDiv"><article data-testid="tweet" role="article" tabindex="0">
        <div data-testid="UserAvatar-Container-${handle}"></div>
        <div data-testid="User-Name"><a href="/${handle}"><span>${name}</span></a>
          <a href="/${handle}/status/${id}"><time datetime="${when}">now</time></a></div>
        <div data-testid="tweetText" lang="en">${text}</div></article></div>`);
  }, { handle, name, id, text, when: new Date().toISOString() });
}

async function waitForSla(page, value) {
  await page.waitForFunction((v) => document.querySelector('waypoint-panel')?.getAttribute('data-sla') === v, value, { timeout: 10000 });
}
const near = (actual, expected, slack, what) =>
  assert.ok(Math.abs(actual - expected) <= slack, `${what}: ${actual} is not within ${slack} s of ${expected}`);

// Our reply (`text`) as the latest message of the Messenger fixture: right-aligned, its words
// ending just above the composer, where the SLA pin goes.
const addOurReply = (page, text = 'Thanks Jane, a new grinder is on its way to you today.') =>
  page.evaluate((text) => {
    const row = document.createElement('div');
    row.dataset.virtualized = 'false';
    const d = new Date();
    const at = `${((d.getHours() + 11) % 12) + 1}:${String(d.getMinutes()).padStart(2, '0')} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
    row.innerHTML = '<div role="row" class="self"><div aria-roledescription="message"><div dir="auto"></div></div></div>';
    row.querySelector('[aria-roledescription]').setAttribute('aria-label', `At ${at}, You: ${text}`);
    row.querySelector('[dir]').textContent = text;
    document.querySelector('[aria-label$="Jane Doe: It\'s 55012. Can I get a replacement?"]').closest('[data-virtualized]').after(row);
  }, text);

describe('SLA countdown', () => {
  test('25 minutes into a 60-minute public target: on track, about 35 minutes left, ticking down', async () => {
    const { page } = await open(browser.context, URLS.slaX25);
    await waitForState(page, 'ready');
    await waitForSla(page, 'ok');
    const first = Number(await attr(page, 'data-sla-remaining-s'));
    near(first, 35 * 60, 90, 'remaining');
    // 3.3 s later, read from a display refreshed every second (so up to 1 s stale either
    // time): between 2 and 5 seconds less.
    await page.waitForTimeout(3300);
    const later = Number(await attr(page, 'data-sla-remaining-s'));
    assert.ok(later <= first - 2 && later >= first - 5, `it ticks every second: ${first} → ${later}`);
    const badge = page.locator('waypoint-panel').locator('.sla');
    assert.equal(await badge.locator('.sla-label').innerText(), 'On track');
    assert.match(await badge.locator('.sla-time').innerText(), /^0:\d\d:\d\d left$/);
    assert.match(await badge.getAttribute('aria-label'), /^SLA on track: \d+ minutes \d+ seconds left for the (next reply|first response)$/);
    assert.match(await badge.getAttribute('title'), /1 h target for X public posts/);
    assert.equal(await badge.getAttribute('role'), 'timer');
    // Its pin sits beside the composer, where the agent is looking, and says the same.
    const pin = page.locator('waypoint-panel').locator('.pin');
    await pin.waitFor({ state: 'visible' });
    assert.match(await pin.innerText(), /^On track 0:\d\d:\d\d left$/);
    const composer = await page.locator('[data-testid="tweetTextarea_0"]').first().boundingBox();
    const box = await pin.boundingBox();
    assert.ok(box.y + box.height <= composer.y + 2 && box.y + box.height >= composer.y - 40,
      `the pin is just above the composer: pin ${JSON.stringify(box)}, composer ${JSON.stringify(composer)}`);
    assert.ok(Math.abs(box.x + box.width - (composer.x + composer.width)) <= 2, 'right-aligned with the composer');
    await page.screenshot({ path: 'target/screenshots/sla-pin-x.png' });
    await page.close();
  });

  test('50 minutes in: due soon (a quarter of the target or less left)', async () => {
    const { page } = await open(browser.context, URLS.slaX50);
    await waitForSla(page, 'due-soon');
    near(Number(await attr(page, 'data-sla-remaining-s')), 10 * 60, 90, 'remaining');
    assert.equal(await page.locator('waypoint-panel').locator('.sla-label').innerText(), 'Due soon');
    await page.close();
  });

  test("the badge's seconds are the contract's, either side of the deadline", async () => {
    // Sampled together in one task, a few times at different points of the second: overdue
    // and on track alike, the badge shows the number of seconds the page contract gives.
    for (const [url, state] of [[URLS.slaX90, 'breached'], [URLS.slaX25, 'ok']]) {
      const { page } = await open(browser.context, url);
      await waitForSla(page, state);
      for (let i = 0; i < 4; i++) {
        const { s, time } = await page.evaluate(() => {
          const host = document.querySelector('waypoint-panel');
          return { s: Number(host.getAttribute('data-sla-remaining-s')), time: host.shadowRoot.querySelector('.sla-time').textContent };
        });
        const m = time.match(/^\+?(\d+):(\d\d)(:(\d\d))?/);
        assert.ok(m, time);
        const shown = m[3] ? (Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[4]) : Number(m[1]) * 60 + Number(m[2]);
        assert.equal(Math.abs(s), shown, `${state}: ${s} s and "${time}"`);
        await page.waitForTimeout(330);
      }
      await page.close();
    }
  });

  test('90 minutes in: breached, counting up', async () => {
    const { page } = await open(browser.context, URLS.slaX90);
    await waitForSla(page, 'breached');
    const r = Number(await attr(page, 'data-sla-remaining-s'));
    near(r, -30 * 60, 90, 'overdue');
    // The display ticks every second; on a loaded machine a tick can come late, so wait for
    // it (a clock that stopped never gets there).
    await page.waitForFunction(
      (before) => Number(document.querySelector('waypoint-panel')?.getAttribute('data-sla-remaining-s')) < before,
      r,
      { timeout: 5000 },
    );
    assert.equal(await page.locator('waypoint-panel').locator('.sla-label').innerText(), 'Overdue');
    assert.match(await page.locator('waypoint-panel').locator('.sla-time').innerText(), /^\+0:\d\d:\d\d$/);
    await page.close();
  });

  test('answering the thread stops the clock; a reply to one of its two customers stops theirs only', async () => {
    const { page } = await open(browser.context, URLS.slaX25);
    await waitForSla(page, 'ok');
    // To Maria: Tom's "same here" (10 minutes old) still waits, and is named.
    await appendTweet(page, { handle: 'AcmeHelp', name: 'Acme Help', id: '1861000000000000109', text: '@mariagarcia So sorry, Maria! Checking your order now.' });
    await page.waitForFunction(() => document.querySelector('waypoint-panel')?.getAttribute('data-messages') === '4');
    await page.waitForTimeout(1200);
    assert.equal(await attr(page, 'data-sla'), 'ok');
    const detail = await page.locator('waypoint-panel').locator('.sla-detail').innerText();
    assert.match(detail, /^\u2068Tom W\u2069 has waited 1\d min\b/);
    // To both (addressing nobody): answered.
    await appendTweet(page, { handle: 'AcmeHelp', name: 'Acme Help', id: '1861000000000000110', text: 'Checking both your orders now, sorry for the wait.' });
    await waitForSla(page, 'answered');
    assert.equal(await attr(page, 'data-sla-remaining-s'), null);
    assert.equal(await page.locator('waypoint-panel').locator('.sla-label').innerText(), 'Answered');
    await page.close();
  });

  test("a reply whose prefix names both customers answers both; one naming Tom alone leaves Maria's wait", async () => {
    const { page } = await open(browser.context, URLS.slaX25);
    await waitForSla(page, 'ok');
    // To Tom alone (his handle first): Maria's 25 minutes still run (hers is the post: the
    // panel is hers, and tells her wait unnamed).
    await appendTweet(page, { handle: 'AcmeHelp', name: 'Acme Help', id: '1861000000000000109', text: '@tom_w Sorry, Tom! Checking your order now.' });
    await page.waitForFunction(() => document.querySelector('waypoint-panel')?.getAttribute('data-messages') === '4');
    await page.waitForTimeout(1200);
    assert.equal(await attr(page, 'data-sla'), 'ok');
    assert.match(await page.locator('waypoint-panel').locator('.sla-detail').innerText(), /^Waiting 2\d min\./);
    // X's reply prefix naming both: each answered, the clock stops.
    await appendTweet(page, { handle: 'AcmeHelp', name: 'Acme Help', id: '1861000000000000110', text: '@tom_w @mariagarcia Thanks both, we are on it.' });
    await waitForSla(page, 'answered');
    assert.equal(await page.locator('waypoint-panel').locator('.sla-label').innerText(), 'Answered');
    await page.close();
  });

  test('"waiting on customer" pauses the clock, survives a reload, and resumes', async () => {
    const { page, panel } = await openPaused();
    assert.equal(await attr(page, 'data-sla-remaining-s'), null);
    await page.reload();
    await waitForState(page, 'ready');
    await waitForSla(page, 'paused');
    await panel.locator('button[data-sla-action="resume"]').click();
    await waitForSla(page, 'due-soon');
    await page.close();
  });

  test('a saved pause shows as paused from the first frame: no running clock flashes before it', async () => {
    const page = await browser.context.newPage();
    // Every data-sla the panel takes, from the page's first script on.
    await page.addInitScript(() => {
      window.__sla = [];
      new MutationObserver((records) => {
        for (const r of records) if (r.target.localName === 'waypoint-panel') window.__sla.push(r.target.getAttribute('data-sla'));
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-sla'] });
    });
    await page.goto(URLS.slaX50Alone);
    await waitForSla(page, 'due-soon');
    const panel = page.locator('waypoint-panel');
    await panel.locator('button[data-sla-action="pause"]').click();
    await waitForSla(page, 'paused');
    try {
      for (let i = 0; i < 3; i++) {
        await page.reload();
        await waitForSla(page, 'paused');
        await page.waitForTimeout(200);
        const seen = await page.evaluate(() => window.__sla);
        assert.ok(!seen.some((v) => ['ok', 'due-soon', 'breached'].includes(v)), `reload ${i + 1}: ${seen.join(' → ')}`);
      }
    } finally {
      await panel.locator('button[data-sla-action="resume"]').click();
      await waitForSla(page, 'due-soon');
      await page.close();
    }
  });

  test('a pause set in one tab holds in another tab on the same conversation', async () => {
    const { page: a } = await open(browser.context, URLS.slaX50Alone);
    const { page: b } = await open(browser.context, URLS.slaX50Alone);
    await waitForSla(a, 'due-soon');
    await waitForSla(b, 'due-soon');
    await a.locator('waypoint-panel').locator('button[data-sla-action="pause"]').click();
    await waitForSla(a, 'paused');
    await b.waitForFunction(() => document.querySelector('waypoint-panel')?.getAttribute('data-sla') === 'paused', null, { timeout: 3000 });
    assert.equal(await b.locator('waypoint-panel').locator('button[data-sla-action="resume"]').isVisible(), true);
    // And lifted there.
    await b.locator('waypoint-panel').locator('button[data-sla-action="resume"]').click();
    await waitForSla(a, 'due-soon');
    await a.close();
    await b.close();
  });

  test('once the customer writes again after a pause, the pause is over: its controls are the running clock\'s', async () => {
    const { page, panel } = await openPaused();
    await appendTweet(page, { handle: 'mariagarcia', name: 'Maria Garcia', id: '1861000000000000110', text: '@AcmeHelp any news?' });
    // The clock runs from her new message: nearly the whole target left.
    await waitForSla(page, 'ok');
    const visible = (action) => panel.locator(`button[data-sla-action="${action}"]`).isVisible();
    assert.equal(await visible('resume'), false, 'no "Resume the clock" for a clock that runs');
    assert.equal(await visible('pause'), true);
    assert.equal(await visible('no-reply'), true);
    // The conversation's state back to a running clock for the tests after this one.
    await panel.locator('button[data-sla-action="pause"]').click();
    await waitForSla(page, 'paused');
    await panel.locator('button[data-sla-action="resume"]').click();
    await waitForSla(page, 'due-soon');
    await page.close();
  });

  test('with the keyboard: the focus goes to the button shown in place of the one pressed', async () => {
    const { page, pageErrors } = await open(browser.context, URLS.slaX50Alone);
    await waitForSla(page, 'due-soon');
    const panel = page.locator('waypoint-panel');
    const focused = () => page.evaluate(() => document.querySelector('waypoint-panel').shadowRoot.activeElement?.dataset.slaAction ?? document.activeElement.localName);
    await panel.locator('button[data-sla-action="no-reply"]').focus();
    // Each key on the focused button, the state it gives, and the button focused after it
    // (Space too, as on any button).
    for (const [key, state, next] of [
      ['Enter', 'none', 'resume'],
      ['Enter', 'due-soon', 'pause'],
      [' ', 'paused', 'resume'],
      ['Enter', 'due-soon', 'pause'],
    ]) {
      await page.keyboard.press(key);
      await waitForSla(page, state);
      await page.waitForFunction((want) => document.querySelector('waypoint-panel').shadowRoot.activeElement?.dataset.slaAction === want, next, { timeout: 3000 }).catch(() => {});
      assert.equal(await focused(), next, `after ${JSON.stringify(key)} (${state})`);
    }
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test('Instagram DM: 15-minute target and the 24-hour messaging window', async () => {
    const { page } = await open(browser.context, URLS.slaIg10);
    await waitForState(page, 'ready');
    await waitForSla(page, 'ok');
    near(Number(await attr(page, 'data-sla-remaining-s')), 5 * 60, 90, 'remaining');
    const window = page.locator('waypoint-panel').locator('.sla-window');
    assert.match(await window.innerText(), /^Messaging window: 23 h \d\d min left to reply here$/);
    await page.close();
  });

  test('no conversation: no badge and data-sla="none"', async () => {
    const { page } = await open(browser.context, URLS.xHome);
    await waitForState(page, 'no-conversation');
    await waitForSla(page, 'none');
    assert.equal(await page.locator('waypoint-panel').locator('.sla').isVisible(), false);
    await page.close();
  });
});

// A button's words without the isolates around a name.
const words = async (locator) => (await locator.innerText()).replace(/[\u2068\u2069]/g, '');

/**
 * Moves the agent states saved now to the store an older Waypoint kept (one state per
 * conversation: a post's first commenter's, else the whole one's), as that version left it.
 * Returns the keys of the conversations held (paused or marked).
 */
const toOlderStore = (options) => options.evaluate(async () => {
  const stored = JSON.parse((await chrome.storage.local.get('waypoint.sla.states'))['waypoint.sla.states']);
  const old = Object.fromEntries(Object.entries(stored).map(([key, [at, states]]) => [key, [at, states.people?.[0]?.[1] ?? states.all]]));
  await chrome.storage.local.set({ 'waypoint.sla.agent': JSON.stringify(old) });
  await chrome.storage.local.remove('waypoint.sla.states');
  return Object.keys(old).filter((key) => old[key][1] !== 'active');
});

// A hands-on review read Jane's wait in the panel and took the replies below it (for Priya,
// the latest commenter) for hers: the detail says whom the replies are for, and how to answer
// the one waiting; with the reply box open under Jane's comment, the two are one.
describe('on a public post, whose wait and whose replies', () => {
  for (const [name, url, says] of [
    ['the latest commenter answered', URLS.fbPost, true],
    ['the reply box under Jane', URLS.fbPostReply, false],
  ]) {
    test(`Facebook post, ${name}: the detail ${says ? 'says' : 'needs not say'} whom the replies are for`, async () => {
      const { page, pageErrors } = await open(browser.context, url);
      await waitForState(page, 'ready');
      await waitForSla(page, 'breached');
      const detail = (await page.locator('waypoint-panel').locator('.sla-detail').innerText()).replace(/[\u2068\u2069]/g, '');
      // Jane's wait, said as hers while another commenter is answered.
      assert.ok(detail.startsWith(says ? 'Jane Doe has waited' : 'Waiting '), detail);
      const guide = 'The replies below are for Priya Raman: to answer Jane Doe, press Reply under what they wrote.';
      assert.equal(detail.includes(guide), says, detail);
      assert.ok(!detail.includes('The replies below') || says, detail);
      assert.deepEqual(pageErrors, []);
      await page.close();
    });
  }
});

describe('on a public post, the clock buttons are for the commenter answered', () => {
  // (surface, page, the commenter answered, the other one, who waited longest)
  for (const [name, url, answered, other] of [
    ['X post, its author answered', URLS.slaX90, 'Maria Garcia 🌵', 'Tom W'],
    ['Facebook post, the latest commenter answered', URLS.fbPost, 'Priya Raman', 'Jane Doe'],
    ['Facebook post, the reply box under Jane', URLS.fbPostReply, 'Jane Doe', 'Priya Raman'],
    ['Instagram post', URLS.igPost, 'marco.trails', 'lena.k'],
  ]) {
    test(`${name}: "No reply needed" names ${answered} and leaves ${other}'s clock running, after a reload too`, async () => {
      const { page, pageErrors } = await open(browser.context, url);
      await waitForState(page, 'ready');
      // Both waited more than the hour's target.
      await waitForSla(page, 'breached');
      const panel = page.locator('waypoint-panel');
      const button = (action) => panel.locator(`button[data-sla-action="${action}"]`);
      assert.equal(await words(button('pause')), `Waiting on ${answered}`);
      assert.equal(await words(button('no-reply')), `No reply needed for ${answered}`);
      await button('no-reply').click();
      await button('resume').waitFor({ state: 'visible' });
      assert.equal(await words(button('resume')), `Resume the clock for ${answered}`);
      assert.equal(await button('no-reply').isVisible(), false);
      // Two ticks later the other commenter's wait still runs the badge, and is named.
      await page.waitForTimeout(2200);
      assert.equal(await attr(page, 'data-sla'), 'breached');
      const detail = () => panel.locator('.sla-detail').innerText();
      const waited = (text) => text.replace(/[\u2068\u2069]/g, '').startsWith(`${other} has waited`);
      assert.ok(waited(await detail()), await detail());
      // Remembered for this commenter.
      await page.reload();
      await waitForState(page, 'ready');
      await button('resume').waitFor({ state: 'visible' });
      assert.equal(await words(button('resume')), `Resume the clock for ${answered}`);
      assert.equal(await attr(page, 'data-sla'), 'breached');
      assert.ok(waited(await detail()), await detail());
      // Resumed: both buttons for them again.
      await button('resume').click();
      await button('no-reply').waitFor({ state: 'visible' });
      assert.equal(await words(button('pause')), `Waiting on ${answered}`);
      assert.deepEqual(pageErrors, []);
      await page.close();
    });
  }

  // Our comment addressed to the latest commenter, added at the end of the post's comments.
  const ourComment = {
    facebook: (page) => page.evaluate(() => {
      document.querySelector('[aria-label^="Comment by Priya Raman"]').insertAdjacentHTML('afterend', `
        <div role="article" aria-label="Comment by Acme Coffee 1 minute ago">
          <a href="/AcmeCoffee"><span>Acme Coffee</span></a>
          <div dir="auto">Thanks Priya, enjoy!</div>
          <a href="/AcmeCoffee/posts/pfbid02Xyz?comment_id=Y29tbWVudDoxMjM0XzU2ODA%3D">1m</a>
        </div>`);
    }),
    instagram: (page) => page.evaluate((when) => {
      document.querySelector('article ul').insertAdjacentHTML('beforeend', `
        <li><div><h3><a href="/acme.outdoor/">acme.outdoor</a></h3><span dir="auto">@marco.trails Enjoy the Dolomites!</span>
          <a href="/p/Cz3KpQ1/c/18012345678901236/"><time datetime="${when}">1m</time></a></div></li>`);
    }, new Date().toISOString()),
  };
  for (const [name, url, site, answered, other] of [
    ['Facebook post', URLS.fbPost, 'facebook', 'Priya Raman', 'Jane Doe'],
    ['Instagram post', URLS.igPost, 'instagram', 'marco.trails', 'lena.k'],
  ]) {
    test(`${name}: our comment to ${answered} answers ${answered} only; ${other}'s clock runs on, and the buttons are for ${other}`, async () => {
      const { page, pageErrors } = await open(browser.context, url);
      await waitForState(page, 'ready');
      await waitForSla(page, 'breached');
      await ourComment[site](page);
      const panel = page.locator('waypoint-panel');
      // Read again, with our comment (its words in the page's count of messages).
      await page.waitForFunction(() => Number(document.querySelector('waypoint-panel')?.getAttribute('data-messages')) === 4);
      await page.waitForTimeout(2200);
      assert.equal(await attr(page, 'data-sla'), 'breached', 'the other commenter still waits');
      const detail = (await panel.locator('.sla-detail').innerText()).replace(/[\u2068\u2069]/g, '');
      assert.ok(detail.startsWith(`${other} has waited`), detail);
      // The badge says whose wait it is.
      const label = (await panel.locator('.sla').getAttribute('aria-label')).replace(/[\u2068\u2069]/g, '');
      assert.match(label, new RegExp(`to ${other.replace('.', '\\.')} is .* overdue$`));
      // Nothing of the answered commenter's runs: the buttons are for the one waiting.
      assert.equal(await words(panel.locator('button[data-sla-action="no-reply"]')), `No reply needed for ${other}`);
      await panel.locator('button[data-sla-action="no-reply"]').click();
      await waitForSla(page, 'none');
      await panel.locator('button[data-sla-action="resume"]').click();
      await waitForSla(page, 'breached');
      assert.deepEqual(pageErrors, []);
      await page.close();
    });
  }

  test('a "no reply needed" stored by an older Waypoint for a whole Facebook post: its resume is for the whole post', async () => {
    const { page } = await open(browser.context, URLS.fbPost);
    await waitForState(page, 'ready');
    await waitForSla(page, 'breached');
    const panel = page.locator('waypoint-panel');
    // Marked for Priya, then moved to the older store as one state for the post.
    await panel.locator('button[data-sla-action="no-reply"]').click();
    await panel.locator('button[data-sla-action="resume"]').waitFor({ state: 'visible' });
    const options = await openOptions(browser);
    await toOlderStore(options);
    await page.reload();
    await waitForState(page, 'ready');
    await waitForSla(page, 'none');
    const resume = panel.locator('button[data-sla-action="resume"]');
    assert.equal(await words(resume), 'Resume the clock', 'no one person named: it holds the whole post');
    await resume.click();
    // Jane's three hours run again, not only Priya's.
    await waitForSla(page, 'breached');
    const detail = (await panel.locator('.sla-detail').innerText()).replace(/[\u2068\u2069]/g, '');
    assert.ok(detail.startsWith('Jane Doe has waited'), detail);
    await options.close();
    await page.close();
  });

  test('a pause stored by an older Waypoint, for the whole conversation, still holds, and a resume forgets it', async () => {
    const { page, panel } = await openPaused();
    const options = await openOptions(browser);
    // Moved to the older store, as one state for the conversation (the paused ones' keys
    // kept).
    const held = await toOlderStore(options);
    assert.equal(held.length, 1, `one conversation paused: ${held}`);
    await page.reload();
    await waitForState(page, 'ready');
    await waitForSla(page, 'paused');
    await panel.locator('button[data-sla-action="resume"]').click();
    await waitForSla(page, 'due-soon');
    // Gone from the older store: a reload does not bring the pause back.
    const oldHeld = () => options.evaluate(async (key) =>
      key in JSON.parse((await chrome.storage.local.get('waypoint.sla.agent'))['waypoint.sla.agent'] ?? '{}'), held[0]);
    for (let i = 0; i < 50 && (await oldHeld()); i++) await options.waitForTimeout(100);
    assert.equal(await oldHeld(), false, 'the older store keeps no state for the conversation');
    await page.reload();
    await waitForState(page, 'ready');
    await waitForSla(page, 'due-soon');
    await options.close();
    await page.close();
  });
});

// What the agent set is remembered for a time, not for ever: 90 days after it was set (or
// saved again), a conversation's "No reply needed" is forgotten, and the clock runs again.
describe('what the agent set, remembered for 90 days', () => {
  test('a "No reply needed" set 89 days ago holds; one set 91 days ago is forgotten', async () => {
    const { page, pageErrors } = await open(browser.context, URLS.slaX50Alone);
    await waitForSla(page, 'due-soon');
    const panel = page.locator('waypoint-panel');
    await panel.locator('button[data-sla-action="no-reply"]').click();
    await waitForSla(page, 'none');
    const options = await openOptions(browser);
    const KEY = 'waypoint.sla.states';
    // The conversation just set: the entry saved last.
    await options.waitForFunction(async (k) => {
      const stored = JSON.parse((await chrome.storage.local.get(k))[k] ?? '{}');
      return Object.values(stored).some(([at]) => Date.now() - at < 60000);
    }, KEY);
    const ageTo = (days) => options.evaluate(async ({ k, days }) => {
      const stored = JSON.parse((await chrome.storage.local.get(k))[k]);
      const [key] = Object.entries(stored).sort((a, b) => b[1][0] - a[1][0])[0];
      stored[key][0] = Date.now() - days * 86400000;
      await chrome.storage.local.set({ [k]: JSON.stringify(stored) });
      return [key, stored[key][1]];
    }, { k: KEY, days });
    const [key, state] = await ageTo(89);
    await page.reload();
    await waitForState(page, 'ready');
    await page.waitForTimeout(500);
    await waitForSla(page, 'none');
    await ageTo(91);
    await page.reload();
    await waitForState(page, 'ready');
    await waitForSla(page, 'due-soon');
    assert.equal(await panel.locator('button[data-sla-action="no-reply"]').isVisible(), true);
    // Two other conversations, one set 91 days ago and one yesterday: the next save keeps
    // the one, and the aged ones (this conversation's old entry too) go from the store.
    await options.evaluate(async ({ k, state }) => {
      const stored = JSON.parse((await chrome.storage.local.get(k))[k] ?? '{}');
      const day = 86400000;
      stored['x:aged'] = [Date.now() - 91 * day, state];
      stored['x:yesterday'] = [Date.now() - day, state];
      await chrome.storage.local.set({ [k]: JSON.stringify(stored) });
    }, { k: KEY, state });
    await panel.locator('button[data-sla-action="pause"]').click();
    await waitForSla(page, 'paused');
    const kept = () => options.evaluate(async (k) => {
      const stored = JSON.parse((await chrome.storage.local.get(k))[k] ?? '{}');
      return Object.keys(stored).filter((c) => c.startsWith('x:aged') || c.startsWith('x:yesterday')).join(' ');
    }, KEY);
    await options.waitForFunction(async ({ k, key }) => {
      const stored = JSON.parse((await chrome.storage.local.get(k))[k] ?? '{}');
      return Date.now() - (stored[key]?.[0] ?? 0) < 60000;
    }, { k: KEY, key });
    assert.equal(await kept(), 'x:yesterday');
    await panel.locator('button[data-sla-action="resume"]').click();
    await waitForSla(page, 'due-soon');
    assert.deepEqual(pageErrors, []);
    await options.close();
    await page.close();
  });
});

describe('the panel is readable in light and dark', () => {
  // Every text of the panel against what is drawn behind it, as WCAG measures contrast: at
  // least 4.5:1 (the panel's text is under 18 px). A closed messaging window, a breached
  // clock, the controls and the suggestions are all on these pages.
  const luminance = `(rgb) => rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0)`;
  for (const scheme of ['light', 'dark']) {
    for (const url of [URLS.slaIgClosed, URLS.slaX90]) {
      test(`${scheme}: ${new URL(url).hostname}, every text of the panel has a contrast of 4.5:1 or more`, async () => {
        const page = await browser.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(url);
        await waitForState(page, 'ready');
        await page.locator('waypoint-panel').locator('.suggested [data-template-id]').first().waitFor();
        const low = await page.evaluate((lum) => {
          const luminanceOf = eval(lum);
          const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
          const root = document.querySelector('waypoint-panel').shadowRoot;
          const found = [];
          for (const el of root.querySelectorAll('*')) {
            const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
            if (!own || !el.checkVisibility()) continue;
            let bg = el;
            while (bg && rgb(getComputedStyle(bg).backgroundColor)[3] === 0) bg = bg.parentElement ?? bg.getRootNode().host;
            const back = rgb(getComputedStyle(bg).backgroundColor).slice(0, 3);
            const fore = rgb(getComputedStyle(el).color).slice(0, 3);
            const [a, b] = [luminanceOf(fore), luminanceOf(back)].sort((x, y) => y - x);
            const ratio = (a + 0.05) / (b + 0.05);
            if (ratio < 4.5) found.push(`${el.className || el.localName} "${el.textContent.trim().slice(0, 40)}": ${ratio.toFixed(2)}`);
          }
          return found;
        }, luminance);
        assert.deepEqual(low, []);
        if (url === URLS.slaIgClosed) {
          assert.match(await page.locator('waypoint-panel').locator('.sla-window[data-open="false"]').innerText(), /^Messaging window closed/);
        }
        await page.close();
      });
    }
  }
});

describe('the SLA pin follows the composer', () => {
  // The pin is placed in the window's coordinates: when the page scrolls, the composer moves
  // and the pin must move with it in the next frames, not at the clock's next tick (every
  // second). Five scrolls, each checked two frames later: a pin moved only by the tick would
  // be caught out at nearly every one.
  test('X post: scrolled page by page, the pin stays just above the composer', async () => {
    const { page } = await open(browser.context, URLS.slaX25);
    await waitForState(page, 'ready');
    const pin = page.locator('waypoint-panel').locator('.pin');
    await pin.waitFor({ state: 'visible' });
    // Room to scroll both ways with the composer on screen.
    await page.evaluate(() => {
      document.body.style.paddingBottom = '1500px';
      const box = document.querySelector('[data-testid="tweetTextarea_0"]');
      window.scrollTo(0, Math.max(0, box.getBoundingClientRect().top + window.scrollY - 300));
    });
    await page.waitForTimeout(300);
    const gap = () =>
      page.evaluate(async () => {
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const box = document.querySelector('[data-testid="tweetTextarea_0"]').getBoundingClientRect();
        const pin = document.querySelector('waypoint-panel').shadowRoot.querySelector('.pin').getBoundingClientRect();
        return { composer: box.top, gap: box.top - pin.bottom, scrollY: window.scrollY };
      });
    const start = await gap();
    for (const dy of [120, -60, 200, -150, 90]) {
      await page.evaluate((dy) => window.scrollBy(0, dy), dy);
      const now = await gap();
      assert.ok(Math.abs(now.composer - start.composer) > 30, `the composer moved: ${JSON.stringify(now)}`);
      assert.ok(Math.abs(now.gap - start.gap) <= 1, `scrolled by ${dy}: the pin kept its place above the composer (${JSON.stringify(start)} → ${JSON.stringify(now)})`);
    }
    await page.close();
  });
});

describe("the SLA pin covers neither the panel nor the customer's words", () => {
  // Where the panel has moved to keep off the composer, the pin above the composer could land
  // on it; in a phone-width window the pin would sit on the latest message. The panel's own
  // badge shows the same count there.
  const pinAndCard = (page) =>
    page.locator('waypoint-panel').evaluate((el) => {
      const pin = el.shadowRoot.querySelector('.pin');
      const r = pin.getBoundingClientRect();
      const c = el.shadowRoot.querySelector('.card').getBoundingClientRect();
      const shown = !pin.hidden && r.width > 0;
      const overlap = shown && r.left < c.right && r.right > c.left && r.top < c.bottom && r.bottom > c.top;
      return { shown, overlap, badge: !el.shadowRoot.querySelector('header .sla').hidden };
    });
  for (const [name, url, box] of [
    ['X post', URLS.xStatus, '[data-testid="tweetTextarea_0"]'],
    ['Facebook post', URLS.fbPost, '[data-fixture-lexical]'],
    ['Instagram post', URLS.igPost, 'textarea[aria-label="Add a comment…"]'],
  ]) {
    test(`${name} at 800×600: the pin keeps off the panel`, async () => {
      const { page } = await open(browser.context, url);
      await page.setViewportSize({ width: 800, height: 600 });
      await waitForState(page, 'ready');
      await page.locator(box).scrollIntoViewIfNeeded();
      await page.waitForTimeout(400);
      const seen = await pinAndCard(page);
      assert.equal(seen.overlap, false, JSON.stringify(seen));
      assert.equal(seen.badge, true, 'the badge in the panel shows the count');
      await page.close();
    });
  }
  test("Messenger: the pin keeps off our latest reply's words, and shows where it covers none", async () => {
    const { page } = await open(browser.context, URLS.fbMessages);
    await waitForState(page, 'ready');
    const pin = page.locator('waypoint-panel').locator('.pin');
    await pin.waitFor({ state: 'visible' });
    // Our reply, the latest message: right-aligned, its words end just above the composer.
    await addOurReply(page);
    await page.locator('waypoint-panel[data-messages="4"]').waitFor();
    await page.waitForTimeout(400);
    const words = await page.evaluate(() => {
      const text = [...document.querySelectorAll('[aria-roledescription="message"] [dir="auto"]')].pop();
      const r = document.createRange();
      r.selectNodeContents(text);
      const b = r.getBoundingClientRect();
      return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
    });
    const box = (await pin.isVisible()) ? await pin.boundingBox() : null;
    const overlaps = box && box.x < words.right && box.x + box.width > words.left && box.y < words.bottom && box.y + box.height > words.top;
    assert.ok(!overlaps, `the pin ${JSON.stringify(box)} is not on the reply's words ${JSON.stringify(words)}`);
    assert.equal(await page.locator('waypoint-panel').locator('header .sla').isVisible(), true, 'the badge in the panel shows the count');
    await page.close();
  });

  test('Messenger at 390×844: no pin on the latest message, the badge shows', async () => {
    const { page } = await open(browser.context, URLS.fbMessages);
    await page.setViewportSize({ width: 390, height: 844 });
    await waitForState(page, 'ready');
    await page.waitForTimeout(400);
    const seen = await pinAndCard(page);
    assert.equal(seen.shown, false, JSON.stringify(seen));
    assert.equal(seen.badge, true);
    // Widened again, the pin comes back beside the composer.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('waypoint-panel').locator('.pin').waitFor({ state: 'visible' });
    await page.close();
  });
});

describe('a panel at rest writes only what changed', () => {
  // What the panel wrote to its shadow root and its host over `ms`, as two lists: writes that
  // changed something, and writes that changed nothing (an attribute set to the value it had,
  // words replaced by the same words, an attribute that ends the window where it began after
  // changing). The second kind still has the browser lay out, repaint and hit-test the whole
  // page: on a long page, a clock rewritten every second took a sixth of the main thread.
  const writes = (page, ms) =>
    page.evaluate((ms) => new Promise((done) => {
      const host = document.querySelector('waypoint-panel');
      const records = [];
      const observer = new MutationObserver((rs) => records.push(...rs));
      observer.observe(host.shadowRoot, { subtree: true, childList: true, characterData: true, characterDataOldValue: true, attributes: true, attributeOldValue: true });
      observer.observe(host, { attributes: true, attributeOldValue: true });
      setTimeout(() => {
        records.push(...observer.takeRecords());
        observer.disconnect();
        const name = (n) => (n.nodeType === 1 ? n.localName + (n.getAttribute('class') ? '.' + n.getAttribute('class') : '') : '#text');
        const idle = [];
        const real = [];
        const attrs = new Map();
        for (const r of records) {
          if (r.type === 'attributes') {
            const key = `${name(r.target)} [${r.attributeName}]`;
            if (!attrs.has(key)) attrs.set(key, { el: r.target, attr: r.attributeName, values: [] });
            attrs.get(key).values.push(r.oldValue);
          } else if (r.type === 'characterData') {
            (r.oldValue === r.target.data ? idle : real).push(`${name(r.target.parentNode)} text "${r.target.data}"`);
          } else {
            const was = [...r.removedNodes].map((n) => n.textContent).join('');
            const now = [...r.addedNodes].map((n) => n.textContent).join('');
            (was === now ? idle : real).push(`${name(r.target)} text "${now}"`);
          }
        }
        for (const [key, { el, attr, values }] of attrs) {
          values.push(el.getAttribute(attr));
          for (let i = 0; i + 1 < values.length; i++) {
            if (values[i] === values[i + 1]) idle.push(`${key} set again to ${JSON.stringify(values[i])}`);
          }
          const changes = values.filter((v, i) => i > 0 && v !== values[i - 1]).length;
          if (changes > 0 && values[0] === values[values.length - 1]) idle.push(`${key} changed ${changes} times and back to ${JSON.stringify(values[0])}`);
          if (changes > 0) real.push(`${key} ${JSON.stringify(values)}`);
        }
        done({ idle, real });
      }, ms);
    }), ms);

  test('X post, the clock running: each second only the time left changes', async () => {
    const { page } = await open(browser.context, URLS.slaX25);
    await waitForState(page, 'ready');
    await waitForSla(page, 'ok');
    await page.waitForTimeout(1200);
    const { idle, real } = await writes(page, 3500);
    assert.deepEqual(idle, []);
    // The observer saw the clock tick (the contract's seconds, the badge's time).
    assert.ok(real.some((w) => w.includes('[data-sla-remaining-s]')), real.join('\n'));
    assert.ok(real.some((w) => w.startsWith('span.sla-time text')), real.join('\n'));
    await page.close();
  });

  test('a paused clock at rest: the page draws no frame for Waypoint', async () => {
    const { page } = await open(browser.context, URLS.slaX50Alone);
    await waitForSla(page, 'due-soon');
    await page.locator('waypoint-panel').locator('button[data-sla-action="pause"]').click();
    await waitForSla(page, 'paused');
    await page.waitForTimeout(1500);
    // The clock still ticks (every second) but shows nothing new: a trace of three seconds
    // has no animation frame, layout or paint on the page's main thread. (A frame asked for
    // at every tick cost, on a long page, a hit test of the whole page each second.)
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: ['devtools.timeline'] } });
    await page.waitForTimeout(3200);
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    const { stream } = await complete;
    let json = '';
    for (;;) {
      const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
      json += base64Encoded ? Buffer.from(data, 'base64').toString() : data;
      if (eof) break;
    }
    const trace = JSON.parse(json);
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    const ticks = events.filter((e) => e.name === 'FunctionCall' && String(e.args?.data?.url ?? '').startsWith('chrome-extension://'));
    const main = new Set(ticks.map((e) => `${e.pid}:${e.tid}`));
    const drawn = events.filter((e) => main.has(`${e.pid}:${e.tid}`) && ['FireAnimationFrame', 'Layout', 'Paint'].includes(e.name));
    assert.ok(ticks.length >= 3, `the clock ticked while traced (${ticks.length} calls into Waypoint)`);
    assert.deepEqual(drawn.map((e) => e.name), []);
    await page.close();
  });

  test('no reply box on the page: the clock ticks without measuring anything', async () => {
    // A measure made after the panel changed (a re-read's new count) has the browser lay out
    // the whole page at once; with no composer there is no pin to place, so the tick measures
    // nothing at all. Counted in Waypoint's own world, where its calls go.
    const { page } = await open(browser.context, URLS.slaX25);
    await waitForState(page, 'ready');
    await waitForSla(page, 'ok');
    await page.evaluate(() => {
      // Kept aside, to be put back at the end.
      const boxes = new Set([...document.querySelectorAll('[data-testid^="tweetTextarea"]')].map((el) => el.closest('.composer') ?? el));
      window.__composers = [...boxes].map((gone) => {
        const place = [gone.parentNode, gone.nextSibling];
        gone.remove();
        return [gone, place];
      });
    });
    assert.equal(await page.locator('[data-testid^="tweetTextarea"]').count(), 0, 'the fixture has no composer left');
    await page.waitForTimeout(1500);
    await inWaypointWorld(page, `{
      const measure = Element.prototype.getBoundingClientRect;
      globalThis.__measured = 0;
      Element.prototype.getBoundingClientRect = function () { globalThis.__measured++; return measure.call(this); };
    }`);
    const before = await page.locator('waypoint-panel').getAttribute('data-sla-remaining-s');
    await page.waitForTimeout(3200);
    const after = await page.locator('waypoint-panel').getAttribute('data-sla-remaining-s');
    assert.notEqual(after, before, 'the clock ticked while counted');
    assert.equal(await inWaypointWorld(page, 'globalThis.__measured'), 0);
    // The count sees Waypoint's calls: with the reply box back, the tick measures it.
    await page.evaluate(() => {
      for (const [gone, [parent, next]] of window.__composers) parent.insertBefore(gone, next);
    });
    await page.waitForTimeout(2500);
    assert.ok(await inWaypointWorld(page, 'globalThis.__measured') > 0, 'no measure counted with a composer on the page');
    await page.close();
  });

  test('Messenger, the pin kept off our reply: it is not shown and hidden again every second', async () => {
    const { page } = await open(browser.context, URLS.fbMessages);
    await waitForState(page, 'ready');
    await page.locator('waypoint-panel').locator('.pin').waitFor({ state: 'visible' });
    // Our reply, the latest message, its words just above the composer, where the pin goes.
    await addOurReply(page);
    await page.locator('waypoint-panel[data-messages="4"]').waitFor();
    await page.waitForTimeout(1200);
    assert.equal(await page.locator('waypoint-panel').evaluate((el) => el.shadowRoot.querySelector('.pin').hidden), true,
      'the pin would cover the reply: hidden');
    const { idle } = await writes(page, 2500);
    assert.deepEqual(idle, []);
    await page.close();
  });
});

describe('automatic messages', () => {
  // Our instant reply, as the latest message of the Messenger fixture (Jane wrote 10 minutes
  // ago; the DM target is 15 minutes).
  const instantReply = (page) => addOurReply(page, 'Thanks for messaging Acme Coffee! We usually reply within a few hours.');

  test('an instant reply listed in settings does not stop the clock; a bad list is refused, naming the line', async () => {
    const options = await openOptions(browser);
    try {
      // Not listed: the instant reply answers the thread.
      let { page } = await open(browser.context, URLS.fbMessages);
      await waitForState(page, 'ready');
      await instantReply(page);
      await waitForSla(page, 'answered');
      await page.close();

      await options.fill('#automatic', 'Thanks for messaging Acme Coffee!\n\nWe are away until Monday');
      await options.click('#automatic-save');
      await options.locator('#automatic-status[data-ok="true"]').waitFor();
      const stored = await options.evaluate(() => chrome.storage.local.get('waypoint.automatic'));
      assert.deepEqual(JSON.parse(stored['waypoint.automatic']), ['Thanks for messaging Acme Coffee!', 'We are away until Monday']);
      // Too short to tell from an ordinary reply: refused, the saved list kept, the text left.
      await options.fill('#automatic', 'Thanks for messaging Acme Coffee!\nThanks!');
      await options.click('#automatic-save');
      await options.locator('#automatic-status[data-ok="false"]').waitFor();
      assert.match(await options.locator('#automatic-status').innerText(), /^Automatic messages, line 2: 7 characters/);
      assert.equal(await options.inputValue('#automatic'), 'Thanks for messaging Acme Coffee!\nThanks!');
      const kept = await options.evaluate(() => chrome.storage.local.get('waypoint.automatic'));
      assert.deepEqual(JSON.parse(kept['waypoint.automatic']), ['Thanks for messaging Acme Coffee!', 'We are away until Monday']);

      // Listed: the clock for Jane's message of 10 minutes ago runs on.
      ({ page } = await open(browser.context, URLS.fbMessages));
      await waitForState(page, 'ready');
      await instantReply(page);
      await page.locator('waypoint-panel[data-messages="4"]').waitFor();
      await page.waitForTimeout(300);
      assert.notEqual(await attr(page, 'data-sla'), 'answered');
      near(Number(await attr(page, 'data-sla-remaining-s')), 5 * 60, 90, 'remaining');
      // The panel says why the clock runs on after a message of ours.
      assert.match(await page.locator('waypoint-panel').locator('.sla-detail').innerText(), /Our automatic message is not counted as a reply\.$/);
      await page.screenshot({ path: 'target/screenshots/sla-automatic-messenger.png' });

      // The saved list is shown when the settings page opens again.
      await options.reload();
      await options.locator('#app[data-ready="true"]').waitFor();
      await options.waitForFunction(() => document.querySelector('#automatic')?.value !== '');
      assert.equal(await options.inputValue('#automatic'), 'Thanks for messaging Acme Coffee!\nWe are away until Monday');

      // A list changed while the site's tab is open applies when the agent comes back to it.
      await options.fill('#automatic', 'We are away until Monday');
      await options.click('#automatic-save');
      await options.locator('#automatic-status[data-ok="true"]').waitFor();
      // At once, in the site's tab as it is (no reload, no return to it).
      await waitForSla(page, 'answered');
      await page.close();
    } finally {
      // Whatever failed, later tests see no list.
      await options.evaluate(() => chrome.storage.local.remove('waypoint.automatic'));
      await options.close();
    }
  });
});

/** Closes the settings page as a person leaving it would; what the browser asked first
 * ("beforeunload"), or "no question". A question is dismissed: the page stays open. */
async function leaving(options) {
  const asked = new Promise((done) => {
    options.once('dialog', async (d) => {
      await d.dismiss();
      done(d.type());
    });
    setTimeout(() => done('no question'), 3000);
  });
  await options.close({ runBeforeUnload: true });
  return asked;
}

describe('the settings page never loses an edit in silence', () => {
  test('an edit clears the "Saved." below it, Enter saves a one-line field, and leaving with an edit not saved asks first', async () => {
    const options = await openOptions(browser);
    const status = (id) => options.locator(`#${id}`).innerText();
    // Each part is a region named by its heading, for a screen reader's list of them; the
    // two resets say what they restore (a list of the page's buttons shows them apart).
    for (const name of ['Response-time targets (SLA)', 'Our accounts', 'Before posting: the checklist', 'Share with your team']) assert.equal(await options.getByRole('region', { name }).count(), 1, name);
    for (const name of ['Restore the default targets', 'Restore the default checklist']) assert.equal(await options.getByRole('button', { name, exact: true }).count(), 1, name);
    // Every field's hint is part of its description: each check's level with why it is there,
    // each of our lists with what to put in it.
    const described = (id) => options.$eval(`#${id}`, (el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((h) => document.getElementById(h)?.textContent ?? '').join(' | '));
    assert.match(await described('check-level-tone'), /\w{12}/);
    assert.match(await described('brand-accounts'), /one X or Instagram handle/);
    assert.match(await described('brand-name'), /The name replies give your service/);
    // A refused save puts the error first; the hint stays, and stays once the error goes.
    await options.fill('#brand-accounts', 'x'.repeat(81));
    await options.click('#brand-save');
    await options.locator('#brand-status[data-ok="false"]').waitFor();
    assert.match(await described('brand-accounts'), /^Brand accounts, line 1: longer than 80 characters \| .*one X or Instagram handle/);
    // A handle with a space or a second @ names no account (a hands-on review): refused.
    for (const [text, bad] of [['Acme Coffee\n@acme help', '@acme help'], ['@@acme', '@@acme'], ['@', '@']]) {
      await options.fill('#brand-accounts', text);
      await options.click('#brand-save');
      await options.waitForFunction((b) => document.querySelector('#brand-status').textContent.includes(`"${b}" is not an @handle`), bad, { timeout: 3000 });
    }
    assert.equal(await options.innerText('#brand-status'), 'Brand accounts, line 1: "@" is not an @handle (after one @, only letters, digits, _ and .); a Facebook Page name is written without @');
    await options.fill('#brand-accounts', '');
    await options.click('#brand-save');
    await options.locator('#brand-status[data-ok="true"]').waitFor();
    assert.equal(await options.getAttribute('#brand-accounts', 'aria-describedby'), 'brand-accounts-hint');
    try {
      await options.fill('#brand-accounts', '@AcmeHelp');
      await options.click('#brand-save');
      await options.locator('#brand-status[data-ok="true"]').waitFor();
      // An edit after it: the "Saved." would say the box is saved.
      await options.fill('#brand-accounts', '@AcmeHelp\n@AcmeHelp2');
      await options.locator('#brand-status[data-ok="changed"]').waitFor();
      assert.equal(await status('brand-status'), 'Changed: not saved yet.');
      // Another part of the page is not touched by it.
      assert.equal(await options.locator('#brand-name-status').innerText(), '');
      // The SLA section's status follows its own fields (inside their boxes).
      await options.fill('#sla-x-post-first', '45');
      await options.locator('#sla-status[data-ok="changed"]').waitFor();
      // A template's braces in the brand name: refused (a hands-on review).
      await options.fill('#brand-name', 'Acme {customer.name}');
      await options.click('#brand-name-save');
      await options.locator('#brand-name-status[data-ok="false"]').waitFor();
      assert.equal(await options.innerText('#brand-name-status'), 'Brand name: holds { or }, which replies would show as they are: write the name alone');
      // Enter in a one-line field saves that part, as a form would.
      await options.fill('#brand-name', 'Acme Coffee');
      await options.press('#brand-name', 'Enter');
      await options.locator('#brand-name-status[data-ok="true"]').waitFor();
      const stored = await options.evaluate(async () => (await chrome.storage.local.get('waypoint.brand-name'))['waypoint.brand-name']);
      assert.match(stored, /Acme Coffee/);
      // Leaving with edits not saved: the browser asks first.
      assert.equal(await leaving(options), 'beforeunload');
    } finally {
      const clean = await browser.context.newPage();
      await clean.goto(browser.extensionUrl('options.html'));
      await clean.evaluate(() => chrome.storage.local.remove(['waypoint.brands', 'waypoint.brand-name']));
      await clean.close();
      if (!options.isClosed()) await options.close();
    }
  });
});

describe('two settings windows open at once', () => {
  test("a save in one shows in the other, and the other's next save does not write its old values back", async () => {
    const a = await openOptions(browser);
    const b = await openOptions(browser);
    const stored = () => a.evaluate(async () => (await chrome.storage.local.get('waypoint.sla.policy'))['waypoint.sla.policy']);
    try {
      // A saves X public at 20: B, with no edit there, shows it and says why.
      await a.fill('#sla-x-post-first', '20');
      await a.click('#sla-save');
      await a.locator('#sla-status[data-ok="true"]').waitFor();
      await b.waitForFunction(() => document.getElementById('sla-x-post-first').value === '20', null, { timeout: 5000 });
      assert.equal(await b.locator('#sla-status').innerText(), 'Saved in another settings window: shown here as saved.');
      assert.equal(await b.locator('#sla-status').getAttribute('data-ok'), 'warn');
      // ...and A's own save said nothing more in A.
      assert.equal(await a.locator('#sla-status').innerText(), 'Saved. Open conversations use the new targets at once.');
      // B saves Facebook public: A's 20 stays.
      await b.fill('#sla-facebook-post-first', '45');
      await b.click('#sla-save');
      await b.locator('#sla-status[data-ok="true"]').waitFor();
      const policy = JSON.parse(await stored());
      assert.equal(policy.targets.x.post.first_response_minutes, 20);
      assert.equal(policy.targets.facebook.post.first_response_minutes, 45);
      await a.waitForFunction(() => document.getElementById('sla-facebook-post-first').value === '45', null, { timeout: 5000 });
      // An edit not saved in B is kept when A saves the same part, and B says what its save
      // would replace; leaving B still asks first.
      await b.fill('#sla-x-dm-first', '9');
      await b.locator('#sla-status[data-ok="changed"]').waitFor();
      await a.fill('#sla-x-post-first', '25');
      await a.click('#sla-save');
      await b.waitForFunction(() => document.getElementById('sla-status').textContent.includes('Another settings window saved'), null, { timeout: 5000 });
      assert.equal(await b.locator('#sla-x-dm-first').inputValue(), '9');
      assert.equal(await b.locator('#sla-x-post-first').inputValue(), '20');
      assert.equal(await b.locator('#sla-status').getAttribute('data-ok'), 'changed');
      assert.equal(await leaving(b), 'beforeunload');
      // Other parts follow too: the team's replies saved in A show in B.
      await a.fill('#replies', '# Opening hours [how-to]\nWe are open 9 to 5.');
      await a.click('#replies-save');
      await a.locator('#replies-status[data-ok="true"]').waitFor();
      await b.waitForFunction(() => document.getElementById('replies').value.includes('We are open 9 to 5.'), null, { timeout: 5000 });
    } finally {
      await a.evaluate(() => chrome.storage.local.remove(['waypoint.sla.policy', 'waypoint.replies']));
      for (const p of [a, b]) if (!p.isClosed()) await p.close();
    }
  });
});

describe('the settings page with odd input', () => {
  test('right-to-left lines, a long word, a time zone in other capitals, an invisible brand name', async () => {
    const options = await openOptions(browser);
    try {
      await options.setViewportSize({ width: 800, height: 900 });
      // Each line of a box of lines takes its own direction (a Hebrew reply beside English).
      for (const id of ['replies', 'automatic', 'brand-accounts', 'check-manual']) {
        assert.deepEqual(await options.$eval(`#${id}`, (el) => [el.dir, getComputedStyle(el).unicodeBidi]), ['auto', 'plaintext'], id);
      }
      // An error quoting a long word wraps, not widening the page.
      const long = `${'x'.repeat(200)}`;
      await options.setInputFiles('#share-import', { name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ waypoint_settings: 1, replies: `# Hours [${long}]\nOpen 9 to 5.` })) });
      await options.waitForFunction(() => document.getElementById('share-status').textContent.includes('long.json'));
      assert.ok(await options.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth), 'the page is no wider than the window');
      // The time zone as the table spells it is offered.
      await options.selectOption('#sla-basis', 'business');
      await options.fill('#sla-zone', 'europe/london');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="false"]').waitFor();
      assert.match(await options.innerText('#sla-status'), /unknown time zone "europe\/london": did you mean "Europe\/London"\?/);
      // Taken, with a holiday written twice: kept once.
      await options.fill('#sla-zone', 'Europe/London');
      await options.fill('#sla-holidays', '2099-12-25\n2099-12-26\n2099-12-25');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="true"]').waitFor();
      const saved = await options.evaluate(async () => JSON.parse((await chrome.storage.local.get('waypoint.sla.policy'))['waypoint.sla.policy']));
      assert.deepEqual(saved.business_hours.holidays, ['2099-12-25', '2099-12-26']);
      // A brand name of a zero-width space names nothing: refused.
      await options.fill('#brand-name', '\u200b');
      await options.click('#brand-name-save');
      await options.locator('#brand-name-status[data-ok="false"]').waitFor();
      assert.match(await options.innerText('#brand-name-status'), /holds only invisible characters/);
    } finally {
      await options.evaluate(() => chrome.storage.local.remove(['waypoint.sla.policy', 'waypoint.brand-name']));
      await options.close();
    }
  });
});

describe('the mouse wheel over a target', () => {
  test('scrolling over a focused number box leaves its value as typed', async () => {
    const options = await openOptions(browser);
    try {
      await options.fill('#sla-x-post-first', '20');
      await options.focus('#sla-x-post-first');
      const box = await options.locator('#sla-x-post-first').boundingBox();
      await options.mouse.move(box.x + 10, box.y + box.height / 2);
      await options.mouse.wheel(0, -100);
      await options.waitForTimeout(200);
      assert.equal(await options.inputValue('#sla-x-post-first'), '20');
      assert.notEqual(await options.evaluate(() => document.activeElement?.id), 'sla-x-post-first', 'the box let the focus go');
    } finally {
      await options.close();
    }
  });
});

describe('the defaults put back in a form are not saved yet', () => {
  test('"Restore the default targets" says everything of the part it put back', async () => {
    const options = await openOptions(browser);
    await options.fill('#sla-x-post-first', '45');
    await options.selectOption('#sla-basis', 'business');
    await options.fill('#sla-hours', 'mon-sat 08:00-20:00');
    await options.fill('#sla-zone', 'Europe/Madrid');
    await options.fill('#sla-holidays', '2099-12-25');
    await options.click('#sla-reset');
    await options.locator('#sla-status[data-ok="changed"]').waitFor();
    const form = await options.evaluate(() => ['sla-x-post-first', 'sla-due-soon', 'sla-basis', 'sla-hours', 'sla-zone', 'sla-holidays'].map((id) => document.getElementById(id).value));
    assert.deepEqual(form, ['60', '25', 'calendar', 'mon-fri 09:00-17:00', '', '']);
    // Each of them named, as the form now holds it.
    assert.equal(
      await options.locator('#sla-status').innerText(),
      'The defaults are back in the form for all of this part: the targets, due soon at 25 % left, counted in calendar time, hours mon-fri 09:00-17:00, no time zone and no holidays. Save to use them.',
    );
    await options.close();
  });
  test('after "Restore the default targets", leaving the page asks first', async () => {
    for (const [reset, status] of [['#sla-reset', '#sla-status'], ['#check-reset', '#check-status']]) {
      const options = await openOptions(browser);
      await options.click(reset);
      await options.locator(`${status}[data-ok="changed"]`).waitFor();
      assert.equal(await leaving(options), 'beforeunload', reset);
      if (!options.isClosed()) await options.close();
    }
  });
  test('with nothing changed, or all saved, leaving asks nothing', async () => {
    const options = await openOptions(browser);
    await options.fill('#sla-x-post-first', '60');
    await options.click('#sla-save');
    await options.locator('#sla-status[data-ok="true"]').waitFor();
    assert.equal(await leaving(options), 'no question');
  });
  test('the defaults put back over defaults, or an edit typed back, leave nothing out of an export', async () => {
    const options = await openOptions(browser);
    const keys = ['waypoint.sla.policy', 'waypoint.brands', 'waypoint.brand-name', 'waypoint.checks', 'waypoint.automatic', 'waypoint.replies'];
    const replies = '# Opening hours [how-to]\nWe are open 9 to 5, {customer.first_name|there}. ^{agent.initials}';
    await options.evaluate((k) => chrome.storage.local.remove(k), keys);
    await options.reload();
    await options.locator('#app[data-ready="true"]').waitFor();
    const exported = async () => {
      await options.evaluate(() => document.getElementById('share-status').removeAttribute('data-ok'));
      await Promise.all([options.waitForEvent('download'), options.click('#share-export')]);
      await options.locator('#share-status[data-ok]').waitFor();
      return options.locator('#share-status').innerText();
    };
    // Nothing saved: the forms show the defaults, and putting them back changes nothing.
    await options.click('#sla-reset');
    await options.click('#check-reset');
    await options.locator('#sla-status[data-ok="changed"]').waitFor();
    await options.locator('#check-status[data-ok="changed"]').waitFor();
    assert.equal(await exported(), 'Exported to waypoint-settings.json.');
    // An edit typed back to what is saved, in a target and in the brand accounts.
    await options.fill('#sla-x-post-first', '45');
    await options.fill('#sla-x-post-first', '60');
    await options.fill('#brand-accounts', '@AcmeHelp');
    await options.fill('#brand-accounts', '');
    await options.locator('#brand-status[data-ok="changed"]').waitFor();
    assert.equal(await exported(), 'Exported to waypoint-settings.json.');
    // A real edit is still said.
    await options.fill('#sla-x-post-first', '45');
    assert.match(await exported(), /as saved: the changes to the SLA targets are not saved yet, and not in the file\. Save that part /);
    // Two parts are both named.
    await options.fill('#brand-accounts', '@AcmeHelp');
    await options.locator('#brand-status[data-ok="changed"]').waitFor();
    assert.match(await exported(), /as saved: the changes to the brand accounts and SLA targets are not saved yet, and not in the file\. Save those parts /);
    await options.fill('#brand-accounts', '');
    // So is a refused one, though the field is left holding what is saved: a comma typed in
    // a target, and a number the browser cannot read (its value is empty, as a blank next
    // reply target's is).
    await options.fill('#sla-x-post-first', '6');
    await options.locator('#sla-x-post-first').pressSequentially('0,5');
    await options.locator('#sla-status[data-ok="false"]').waitFor();
    await options.fill('#sla-x-post-first', '60');
    await options.locator('#sla-x-post-first').pressSequentially(',');
    assert.match(await exported(), /as saved: the changes to the SLA targets are not saved yet/);
  });
  test('a comma in a number is refused as it is typed, and stays said until the part is saved', async () => {
    // The browser's number field drops a comma in silence: "1,5" would be saved as 15.
    const options = await openOptions(browser);
    const stored = () => options.evaluate(async () => (await chrome.storage.local.get('waypoint.sla.policy'))['waypoint.sla.policy']);
    try {
      await options.fill('#sla-x-post-first', '');
      await options.locator('#sla-x-post-first').pressSequentially('1,5');
      const status = options.locator('#sla-status');
      assert.equal(await status.getAttribute('data-ok'), 'false');
      assert.match(await status.innerText(), /No comma in a number: write decimals with a point \(1\.5\)/);
      assert.equal(await options.getAttribute('#sla-x-post-first', 'aria-invalid'), 'true');
      assert.equal(await options.getAttribute('#sla-x-post-first', 'aria-describedby'), 'sla-status');
      // Said at the field too (the status line may be out of view), in the danger colour.
      assert.match(await options.$eval('#sla-x-post-first', (el) => el.validationMessage), /No comma in a number/);
      const border = (id) => options.$eval(id, (el) => getComputedStyle(el).borderTopColor);
      assert.notEqual(await border('#sla-x-post-first'), await border('#sla-x-dm-first'));
      // Pasted too: through the real clipboard and Ctrl+V.
      await options.fill('#sla-x-post-next', '');
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await options.evaluate(() => navigator.clipboard.writeText('2,5'));
      await options.locator('#sla-x-post-next').focus();
      await options.keyboard.press('Control+V');
      await options.locator('#sla-x-post-next[aria-invalid="true"]').waitFor({ timeout: 3000 });
      assert.equal(await options.inputValue('#sla-x-post-next'), '', 'the comma number was not taken');
      assert.match(await status.innerText(), /No comma in a number/);
      // Written with a point, it saves, and the marks go.
      await options.fill('#sla-x-post-first', '1.5');
      await options.fill('#sla-x-post-next', '90');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="true"]').waitFor();
      assert.equal(await options.getAttribute('#sla-x-post-first', 'aria-invalid'), null);
      assert.equal(await options.$eval('#sla-x-post-first', (el) => el.validationMessage), '');
      assert.equal(JSON.parse(await stored()).targets.x.post.first_response_minutes, 1.5);
      // After a save, edits say "Changed" again as ever.
      await options.fill('#sla-x-post-first', '2');
      await options.locator('#sla-status[data-ok="changed"]').waitFor();
      // "Restore the default targets" after a refused comma: the field holds a default, unmarked.
      await options.fill('#sla-x-post-first', '');
      await options.locator('#sla-x-post-first').pressSequentially('3,5');
      assert.equal(await options.getAttribute('#sla-x-post-first', 'aria-invalid'), 'true');
      await options.click('#sla-reset');
      assert.equal(await options.getAttribute('#sla-x-post-first', 'aria-invalid'), null);
      assert.equal(await options.$eval('#sla-x-post-first', (el) => el.validationMessage), '');
      await options.fill('#sla-x-post-first', '7');
      await options.locator('#sla-status[data-ok="changed"]').waitFor();
    } finally {
      await options.evaluate(() => chrome.storage.local.remove('waypoint.sla.policy'));
      await options.close();
    }
  });
  // A hands-on review: typed on after the refused comma, "1,5" showed 15, and Save stored
  // 15 minutes in silence.
  test('the digits typed on after a refused comma: a save is refused once, naming the number', async () => {
    const options = await openOptions(browser);
    const stored = () => options.evaluate(async () => (await chrome.storage.local.get('waypoint.sla.policy'))['waypoint.sla.policy']);
    const status = options.locator('#sla-status');
    try {
      await options.fill('#sla-x-post-first', '');
      await options.locator('#sla-x-post-first').pressSequentially('1,5');
      assert.equal(await options.inputValue('#sla-x-post-first'), '15');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="false"]').waitFor();
      assert.match(await status.innerText(), /^Not saved: this number reads 15, the digits typed after the refused comma joined to 1\. If 15 is right, save again; else write it with a point \(1\.5\)\.$/);
      assert.equal(await stored(), undefined, 'nothing saved');
      assert.equal(await options.getAttribute('#sla-x-post-first', 'aria-invalid'), 'true');
      assert.equal(await options.evaluate(() => document.activeElement?.id), 'sla-x-post-first');
      // Written with a point, it saves.
      await options.fill('#sla-x-post-first', '1.5');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="true"]').waitFor();
      assert.equal(JSON.parse(await stored()).targets.x.post.first_response_minutes, 1.5);
      // 15 meant: the second save takes it.
      await options.fill('#sla-x-post-first', '');
      await options.locator('#sla-x-post-first').pressSequentially('1,5');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="false"]').waitFor();
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="true"]').waitFor();
      assert.equal(JSON.parse(await stored()).targets.x.post.first_response_minutes, 15);
      // A comma refused in a pasted number that left the field empty: what is typed then is
      // the agent's own, saved at once.
      await options.fill('#sla-x-post-next', '');
      await options.locator('#sla-x-post-next').focus();
      await options.evaluate(() => {
        const dt = new DataTransfer();
        dt.setData('text/plain', '2,5');
        document.activeElement.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', data: '2,5', dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      await options.locator('#sla-x-post-next[aria-invalid="true"]').waitFor({ timeout: 3000 });
      await options.locator('#sla-x-post-next').pressSequentially('25');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="true"]').waitFor();
      assert.equal(JSON.parse(await stored()).targets.x.post.next_reply_minutes, 25);
    } finally {
      await options.evaluate(() => chrome.storage.local.remove('waypoint.sla.policy'));
      await options.close();
    }
  });
});

describe('sharing the settings with a team', () => {
  test('exported to a file and imported in a fresh browser profile; a bad file changes nothing and says what and where', async () => {
    const options = await openOptions(browser);
    const stored = (key) => options.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
    const keys = ['waypoint.sla.policy', 'waypoint.brands', 'waypoint.brand-name', 'waypoint.checks', 'waypoint.automatic', 'waypoint.replies'];
    const replies = '# Opening hours [how-to]\nWe are open 9 to 5, {customer.first_name|there}. ^{agent.initials}';
    try {
      await options.fill('#sla-x-post-first', '30');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="true"]').waitFor();
      await options.fill('#brand-accounts', '@AcmeHelp');
      await options.click('#brand-save');
      await options.locator('#brand-status[data-ok="true"]').waitFor();
      await options.fill('#replies', replies);
      await options.click('#replies-save');
      await options.locator('#replies-status[data-ok="true"]').waitFor();
      const [download] = await Promise.all([options.waitForEvent('download'), options.click('#share-export')]);
      assert.equal(download.suggestedFilename(), 'waypoint-settings.json');
      const text = await readFile(await download.path(), 'utf8');
      const file = JSON.parse(text);
      assert.equal(file.waypoint_settings, 1);
      assert.equal(file.sla.targets.x.post.first_response_minutes, 30);
      assert.deepEqual(file.brand_accounts, ['@AcmeHelp']);
      assert.equal(file.replies, replies, 'the team\'s own replies are in it, as written');
      assert.ok(Array.isArray(file.checklist.manual), 'the checklist questions are in it');
      await options.locator('#share-status[data-ok="true"]').waitFor();
      // An edit not saved yet is not in the file: the export says so.
      await options.fill('#sla-x-post-first', '45');
      const [again] = await Promise.all([options.waitForEvent('download'), options.click('#share-export')]);
      assert.equal(JSON.parse(await readFile(await again.path(), 'utf8')).sla.targets.x.post.first_response_minutes, 30);
      // Exported all the same: a warning, not an error.
      await options.locator('#share-status[data-ok="warn"]').waitFor();
      assert.equal(
        await options.locator('#share-status').innerText(),
        'Exported to waypoint-settings.json, as saved: the changes to the SLA targets are not saved yet, and not in the file. Save that part and export again to include them.',
      );

      // Another agent's browser: nothing saved yet.
      await options.evaluate((k) => chrome.storage.local.remove(k), keys);
      await options.reload();
      await options.locator('#app[data-ready="true"]').waitFor();
      await options.waitForFunction(() => document.getElementById('sla-x-post-first').value === '60');
      const pick = (name, body) => options.setInputFiles('#share-import', { name, mimeType: 'application/json', buffer: Buffer.from(body) });
      // Bad files first: each refused whole, saying what and where; nothing saved.
      const refused = async (name, body, why) => {
        await pick(name, body);
        await options.waitForFunction((n) => document.getElementById('share-status').textContent.includes(n), name);
        assert.equal(await options.locator('#share-status').getAttribute('data-ok'), 'false');
        assert.match(await options.locator('#share-status').innerText(), why);
        assert.equal(await stored('waypoint.sla.policy'), undefined, `${name}: nothing saved`);
      };
      await refused('notes.txt', 'hello', /^Not imported, nothing changed: notes\.txt: not a Waypoint settings file: it is not even JSON, the kind of text Waypoint exports its settings as; choose the file the settings page exported \(waypoint-settings\.json\)$/);
      await refused('empty.json', '', /: empty\.json: the file is empty: choose a file exported from Waypoint's settings$/);
      await refused('typo.json', '{"waypoint_settings": 1, "colour": "red"}', /: typo\.json: it holds a setting this version does not know, "colour" \(line 1, column 33\)$/);
      await refused('minus.json', text.replace(/"first_response_minutes":\s*30(\.0)?/, '"first_response_minutes":-5'), /: SLA targets: X public, first response: -5 minutes is not a target/);
      // What a save on the page refuses, a file does not bring in either (a hands-on review).
      await refused('handle.json', '{"waypoint_settings": 1, "brand_accounts": ["Acme Coffee", "@acme help"]}', /: handle\.json: Brand accounts, line 2: "@acme help" is not an @handle \(after one @, only letters, digits, _ and \.\); a Facebook Page name is written without @$/);
      await refused('braces.json', '{"waypoint_settings": 1, "brand_name": "Acme {customer.name}"}', /: braces\.json: Brand name: holds \{ or \}, which replies would show as they are: write the name alone$/);
      await refused('newer.json', '{"waypoint_settings": 9}', /: newer\.json: the file was made by a newer Waypoint \(settings format 9; this version reads format 1\): update Waypoint in this browser, then import the file again$/);
      await refused('video.mp4', 'x'.repeat(3 << 20), /: 3072 kB is too large for a settings file \(at most 512 kB\)$/);
      await refused('typo-reply.json', text.replace('first_name|there', 'frist_name|there'), /: Your replies, line 2: unknown variable `customer\.frist_name` at 2:22 \(did you mean customer\.first_name\?\)$/);
      await refused('shouty.json', text.replace(/"levels":\s*\{(\s*\})?/, (m, empty) => (empty ? '"levels": {"tone":"BLOCK"}' : '"levels": {"tone":"BLOCK",')), /: "tone" \(line \d+, column \d+\): "BLOCK" is not one of "block", "warn", "off"$/);
      // A hand edit's slips: a misspelt setting inside a part (its value would be lost in
      // silence), a trailing comma, a number written as text.
      await refused('misspelt.json', text.replace(/"first_response_minutes":\s*30(\.0)?/, '"first_response_minutes": 30, "next_reply_minute": 25'), /: misspelt\.json: it holds a setting this version does not know, "sla\.targets\.x\.post\.next_reply_minute" \(line \d+\): mend its name, or take it out$/);
      await refused('tonne.json', text.replace(/"levels":\s*\{(\s*\})?/, (m, empty) => (empty ? '"levels": {"tonne":"block"}' : '"levels": {"tonne":"block",')), /: tonne\.json: checklist: levels: no check is called "tonne" \(the checks: placeholder, /);
      await refused('comma.json', text.replace(/\n\}\s*$/, ',\n}'), /: comma\.json: the file is broken at line \d+, column 1 \(trailing comma\): mend it there if it was edited by hand, or export it again$/);
      await refused('quoted.json', text.replace(/"first_response_minutes":\s*30(\.0)?/, '"first_response_minutes": "30"'), /: quoted\.json: "first_response_minutes" \(line \d+, column \d+\): the text "30", where a number belongs$/);
      // Latin-1, as an old editor saves "Café": refused, not saved as "Caf\ufffd".
      await options.setInputFiles('#share-import', {
        name: 'latin1.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"waypoint_settings": 1, "brand_name": "Caf\xe9"}', 'latin1'),
      });
      await options.waitForFunction(() => document.getElementById('share-status').textContent.includes('latin1.json'));
      assert.equal(await options.locator('#share-status').innerText(), 'Not imported, nothing changed: latin1.json: it is not UTF-8 text (line 1, column 44 could not be read); save it as UTF-8 and import it again');
      // The good one: saved, and shown in the forms at once, replacing an edit not saved
      // there (which is then no longer pending: leaving the page does not ask).
      await options.fill('#brand-name', 'Acme Typo');
      await options.locator('#brand-name-status[data-ok="changed"]').waitFor();
      // An edit not saved in a part the file holds: the import asks first, and declined,
      // changes nothing.
      let asked = '';
      options.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
      await pick('waypoint-settings.json', text);
      await options.waitForFunction(() => document.getElementById('share-status').textContent.includes('was left'));
      assert.equal(asked, 'The file replaces your changes to the brand name that are not saved. Import it anyway?');
      assert.equal(await options.innerText('#share-status'), 'Not imported, nothing changed: waypoint-settings.json was left, to keep your changes to the brand name. Save them, then import.');
      assert.equal(await options.inputValue('#brand-name'), 'Acme Typo');
      // Replies typed and not saved are the agent's own words: said first.
      await options.fill('#replies', '# Typed here\nNot saved yet.');
      await options.locator('#replies-status[data-ok="changed"]').waitFor();
      await options.evaluate(() => { document.getElementById('share-status').textContent = ''; });
      options.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
      await pick('waypoint-settings.json', text);
      await options.waitForFunction(() => document.getElementById('share-status').textContent.includes('was left'));
      assert.match(asked, /replaces (your replies, and )?what you typed in the "Your replies" box and did not save, and your changes to the brand name that are not saved\. Import it anyway\?$/);
      // Declined: what is kept is all the question named.
      assert.equal(await options.innerText('#share-status'), 'Not imported, nothing changed: waypoint-settings.json was left, to keep what you typed in "Your replies" and your changes to the brand name. Save them, or copy them aside, then import.');
      assert.equal(await options.inputValue('#replies'), '# Typed here\nNot saved yet.');
      assert.equal(await stored('waypoint.sla.policy'), undefined, 'nothing imported');
      options.once('dialog', (d) => d.accept());
      await pick('waypoint-settings.json', text);
      await options.locator('#share-status[data-ok="true"]').waitFor();
      assert.equal(await options.inputValue('#brand-name'), '');
      assert.equal(await options.locator('#brand-name-status').innerText(), 'Imported from waypoint-settings.json.');
      assert.equal(await options.locator('.form-status[data-ok="changed"], .form-status[data-ok="false"]').count(), 0, 'nothing is left pending');
      assert.equal(await options.locator('#share-status').innerText(), 'Imported from waypoint-settings.json: SLA targets, our accounts, automatic messages, brand name, checklist, your replies.');
      assert.equal(await options.inputValue('#sla-x-post-first'), '30');
      assert.equal(await options.inputValue('#replies'), replies);
      assert.deepEqual(JSON.parse(await stored('waypoint.replies')), [replies]);
      assert.equal(await options.inputValue('#brand-accounts'), '@AcmeHelp');
      assert.equal(JSON.parse(await stored('waypoint.sla.policy')).targets.x.post.first_response_minutes, 30);
      assert.deepEqual(JSON.parse(await stored('waypoint.brands')), ['@AcmeHelp']);
      // An open conversation follows (the settings apply at once).
      const { page } = await open(browser.context, URLS.slaX25);
      await waitForSla(page, 'due-soon');
      await page.close();
    } finally {
      await options.evaluate((k) => chrome.storage.local.remove(k), keys);
      await options.close();
    }
  });
});

describe('a setting the browser does not store', () => {
  test('an export with saved settings that cannot be read says the file holds their defaults, not that they are unsaved edits', async () => {
    const options = await openOptions(browser);
    const stored = (key) => options.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
    const keys = ['waypoint.sla.policy', 'waypoint.checks'];
    const exported = async () => {
      const [download] = await Promise.all([options.waitForEvent('download'), options.click('#share-export')]);
      return JSON.parse(await readFile(await download.path(), 'utf8'));
    };
    try {
      // Saved targets broken (an old version's, a hand edit): the page shows the defaults.
      await options.evaluate(() => chrome.storage.local.set({ 'waypoint.sla.policy': '{"targets": {"x": ' }));
      await options.reload();
      await options.locator('#app[data-ready="true"]').waitFor();
      await options.waitForFunction(() => document.getElementById('sla-status').textContent.includes('could not be read'));
      let file = await exported();
      assert.equal(file.sla.targets.x.post.first_response_minutes, 60, 'the defaults, as the page shows them');
      await options.locator('#share-status[data-ok="warn"]').waitFor();
      assert.equal(
        await options.locator('#share-status').innerText(),
        'Exported to waypoint-settings.json. The saved SLA targets could not be read: the file holds the defaults instead.',
      );
      // The checklist too, and an edit not saved yet elsewhere: each said once.
      await options.evaluate(() => chrome.storage.local.set({ 'waypoint.checks': '{"levels": 7' }));
      await options.reload();
      await options.locator('#app[data-ready="true"]').waitFor();
      await options.locator('#check-status[data-unreadable]').waitFor();
      await options.fill('#brand-accounts', '@AcmeHelp');
      await options.locator('#brand-status[data-ok="changed"]').waitFor();
      await exported();
      await options.waitForFunction(() => document.getElementById('share-status').textContent.includes('checklist'));
      assert.equal(
        await options.locator('#share-status').innerText(),
        'Exported to waypoint-settings.json, as saved: the changes to the brand accounts are not saved yet, and not in the file. Save that part and export again to include them. The saved SLA targets and checklist could not be read: the file holds the defaults instead.',
      );
      // Saved again, the targets are read from what is stored: the export is whole.
      await options.click('#brand-save');
      await options.locator('#brand-status[data-ok="true"]').waitFor();
      await options.fill('#sla-x-post-first', '30');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="true"]').waitFor();
      await options.click('#check-save');
      await options.locator('#check-status[data-ok="true"]').waitFor();
      file = await exported();
      assert.equal(file.sla.targets.x.post.first_response_minutes, 30);
      await options.locator('#share-status[data-ok="true"]').waitFor();
      assert.equal(await options.locator('#share-status').innerText(), 'Exported to waypoint-settings.json.');
      assert.equal(JSON.parse(await stored('waypoint.sla.policy')).targets.x.post.first_response_minutes, 30);

      // What is stored decides, not what this page said when it opened: broken targets
      // shown here, saved whole from another tab since, are exported as saved, unflagged.
      await options.evaluate(() => chrome.storage.local.set({ 'waypoint.sla.policy': '{"targets": ' }));
      await options.reload();
      await options.locator('#app[data-ready="true"]').waitFor();
      await options.locator('#sla-status[data-unreadable]').waitFor();
      const other = await openOptions(browser);
      await other.fill('#sla-x-post-first', '33');
      await other.click('#sla-save');
      await other.locator('#sla-status[data-ok="true"]').waitFor();
      await other.close();
      file = await exported();
      assert.equal(file.sla.targets.x.post.first_response_minutes, 33);
      await options.locator('#share-status[data-ok="true"]').waitFor();
      assert.equal(await options.locator('#share-status').innerText(), 'Exported to waypoint-settings.json.');
      // A brand list that cannot be read (the page shows it empty) is said too, and targets
      // stored as something other than their text.
      await options.evaluate(() => chrome.storage.local.set({ 'waypoint.brands': '["@Acme', 'waypoint.sla.policy': { targets: 1 } }));
      file = await exported();
      assert.deepEqual(file.brand_accounts, []);
      await options.waitForFunction(() => document.getElementById('share-status').textContent.includes('brand accounts'));
      assert.equal(
        await options.locator('#share-status').innerText(),
        'Exported to waypoint-settings.json. The saved SLA targets and brand accounts could not be read: the file holds the defaults instead.',
      );
    } finally {
      await options.evaluate((k) => chrome.storage.local.remove(k), [...keys, 'waypoint.brands']);
      await options.close();
    }
  });

  test('a save says why and keeps what was typed; an import changes nothing; a good import is one write', async () => {
    const options = await openOptions(browser);
    const stored = (key) => options.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
    const keys = ['waypoint.sla.policy', 'waypoint.brands', 'waypoint.automatic'];
    // Nothing saved by an earlier test: what is stored below is this test's.
    await options.evaluate((k) => chrome.storage.local.remove(k), keys);
    // The browser's storage refuses every write, as a full one does (Chromium's words).
    await options.evaluate(() => {
      globalThis.__set = chrome.storage.local.set;
      chrome.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    });
    const notStored = 'Not saved: the browser could not store it (QUOTA_BYTES quota exceeded). What you typed is still here.';
    try {
      await options.fill('#sla-x-post-first', '45');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="false"]').waitFor();
      assert.equal(await options.locator('#sla-status').innerText(), notStored);
      await options.fill('#brand-accounts', '@AcmeHelp');
      await options.click('#brand-save');
      await options.locator('#brand-status[data-ok="false"]').waitFor();
      assert.equal(await options.locator('#brand-status').innerText(), notStored);
      assert.equal(await options.inputValue('#sla-x-post-first'), '45');
      assert.equal(await options.inputValue('#brand-accounts'), '@AcmeHelp');
      // An import: refused whole, and the forms keep what was typed, not the file's.
      // (The file names one account twice, as a link and as a handle: kept once, as a save keeps it.)
      const team = JSON.stringify({ waypoint_settings: 1, brand_accounts: ['@TeamAcme', 'x.com/teamacme'], automatic_messages: ['Thanks for your message! We reply within the hour.'] });
      const pick = (name) => options.setInputFiles('#share-import', { name, mimeType: 'application/json', buffer: Buffer.from(team) });
      // The brand accounts typed and not saved are among what the file replaces: asked
      // first, and here accepted.
      let asked = '';
      const accept = (d) => { asked = d.message(); d.accept(); };
      options.once('dialog', accept);
      await pick('team.json');
      await options.waitForFunction(() => document.getElementById('share-status').textContent.includes('team.json'));
      assert.equal(await options.locator('#share-status').getAttribute('data-ok'), 'false');
      assert.equal(await options.locator('#share-status').innerText(), 'Not imported, nothing changed: the browser could not store the settings of team.json (QUOTA_BYTES quota exceeded).');
      assert.equal(asked, 'The file replaces your changes to the brand accounts that are not saved. Import it anyway?');
      assert.equal(await options.inputValue('#brand-accounts'), '@AcmeHelp');
      assert.equal(await options.inputValue('#automatic'), '');
      for (const key of keys) assert.equal(await stored(key), undefined, key);

      // The storage back: the same save stores it, and an import is one write of all it holds
      // (all or nothing), not one per part.
      await options.evaluate(() => {
        globalThis.__writes = [];
        chrome.storage.local.set = function (items) {
          globalThis.__writes.push(Object.keys(items).sort());
          return globalThis.__set.call(this, items);
        };
      });
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="true"]').waitFor();
      assert.equal(JSON.parse(await stored('waypoint.sla.policy')).targets.x.post.first_response_minutes, 45);
      await options.evaluate(() => { globalThis.__writes = []; });
      options.once('dialog', accept);
      await pick('team2.json');
      await options.locator('#share-status[data-ok="true"]').waitFor();
      assert.deepEqual(await options.evaluate(() => globalThis.__writes), [['waypoint.automatic', 'waypoint.brands']]);
      assert.equal(await options.inputValue('#brand-accounts'), '@TeamAcme');
      assert.deepEqual(JSON.parse(await stored('waypoint.brands')), ['@TeamAcme']);
    } finally {
      await options.evaluate(async (k) => {
        if (globalThis.__set) chrome.storage.local.set = globalThis.__set;
        await chrome.storage.local.remove(k);
      }, keys);
      await options.close();
    }
  });
});

describe('SLA settings', () => {
  test('the team changes a target on the settings page and the badge follows; bad input is refused, naming the setting', async () => {
    const options = await openOptions(browser);
    // Business hours without a time zone: refused, nothing saved.
    await options.selectOption('#sla-basis', 'business');
    await options.fill('#sla-zone', '');
    await options.click('#sla-save');
    await options.locator('#sla-status[data-ok="false"]').waitFor();
    assert.match(await options.locator('#sla-status').innerText(), /^Time zone: /);
    await options.selectOption('#sla-basis', 'calendar');
    await options.fill('#sla-x-post-first', '');
    await options.click('#sla-save');
    assert.match(await options.locator('#sla-status').innerText(), /^X public: the first-response target must be a number/);
    // Out of range: the message shows the numbers as they were typed.
    await options.fill('#sla-x-post-first', '0.1');
    await options.click('#sla-save');
    assert.match(await options.locator('#sla-status').innerText(), /0\.1 minutes is not a target between 0\.25 \(15 seconds\) and 43200 \(30 days\)/);
    // Beyond what a number is written with here, it is not shown as another number.
    await options.fill('#sla-x-post-first', '1e20');
    await options.click('#sla-save');
    assert.match(await options.locator('#sla-status').innerText(), /more than 9000000000000 minutes is not a target between/);
    // The fields' own range is the policy's: half a minute is a valid value for the field
    // too (it was not, with a field minimum of 1), and the percentage may be 0.
    await options.fill('#sla-x-post-first', '0.5');
    assert.equal(await options.locator('#sla-x-post-first').evaluate((i) => i.validity.valid), true);
    assert.deepEqual(await options.locator('#sla-x-post-first').evaluate((i) => [i.min, i.max]), ['0.25', '43200']);
    await options.fill('#sla-due-soon', '0');
    assert.equal(await options.locator('#sla-due-soon').evaluate((i) => i.validity.valid), true);
    await options.fill('#sla-due-soon', '25');
    // A 30-minute target for X public posts. A number field also takes an exponent.
    await options.fill('#sla-x-post-first', '30');
    await options.fill('#sla-x-dm-first', '1.5e1');
    await options.fill('#sla-x-dm-next', '7.25');
    await options.click('#sla-save');
    await options.locator('#sla-status[data-ok="true"]').waitFor();
    await options.reload();
    await options.locator('#app[data-ready="true"]').waitFor();
    await options.waitForFunction(() => document.getElementById('sla-x-post-first').value === '30');
    assert.equal(await options.locator('#sla-x-dm-first').inputValue(), '15');
    assert.equal(await options.locator('#sla-x-dm-next').inputValue(), '7.25');

    const { page } = await open(browser.context, URLS.slaX25);
    await waitForSla(page, 'due-soon');
    near(Number(await attr(page, 'data-sla-remaining-s')), 5 * 60, 90, 'remaining of 30 min');
    assert.match(await page.locator('waypoint-panel').locator('.sla').getAttribute('title'), /30 min target for X public posts/);
    await page.close();

    await options.click('#sla-reset');
    await options.click('#sla-save');
    await options.locator('#sla-status[data-ok="true"]').waitFor();
    await options.close();
  });
  test('a target saved while a conversation is open applies to it at once, and so do the defaults again', async () => {
    // The site's tab first, then the settings in another: the site's tab is neither
    // reloaded nor shown again (two windows side by side).
    const { page, pageErrors } = await open(browser.context, URLS.slaX25);
    await waitForSla(page, 'ok');
    near(Number(await attr(page, 'data-sla-remaining-s')), 35 * 60, 90, 'remaining of the default hour');
    const options = await openOptions(browser);
    try {
      await options.fill('#sla-x-post-first', '30');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="true"]').waitFor();
      await waitForSla(page, 'due-soon');
      near(Number(await attr(page, 'data-sla-remaining-s')), 5 * 60, 90, 'remaining of 30 min');
      assert.match(await page.locator('waypoint-panel').locator('.sla').getAttribute('title'), /30 min target for X public posts/);
      // Settings removed (an older version's reset, or by hand): the defaults again.
      await options.evaluate(() => chrome.storage.local.remove('waypoint.sla.policy'));
      await waitForSla(page, 'ok');
      near(Number(await attr(page, 'data-sla-remaining-s')), 35 * 60, 90, 'remaining of the default hour');
      assert.deepEqual(pageErrors, []);
    } finally {
      await options.evaluate(() => chrome.storage.local.remove('waypoint.sla.policy'));
      await options.close();
      await page.close();
    }
  });
  test('business hours and holidays typed with no time zone are not dropped; errors use the form\'s names', async () => {
    const options = await openOptions(browser);
    const saved = () => options.evaluate(async () => (await chrome.storage.local.get('waypoint.sla.policy'))['waypoint.sla.policy']);
    try {
      const before = await saved();
      // On calendar time, with no zone: saving would drop them, so it is refused and says why.
      await options.selectOption('#sla-basis', 'calendar');
      await options.fill('#sla-zone', '');
      await options.fill('#sla-hours', 'mon-fri 08:00-16:00');
      await options.fill('#sla-holidays', '2099-12-25');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="false"]').waitFor();
      assert.match(await options.locator('#sla-status').innerText(), /^Time zone: the business hours and holidays are kept with their time zone/);
      assert.equal(await saved(), before, 'nothing saved');
      assert.equal(await options.inputValue('#sla-holidays'), '2099-12-25', 'what was typed stays');
      // Nonsense hours say so, even on calendar time.
      await options.fill('#sla-hours', 'nonsense');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="false"]').waitFor();
      assert.match(await options.locator('#sla-status').innerText(), /^Business hours: /);
      // With a zone they are kept, and the targets stay counted in calendar time: saved, and
      // said in amber to be unused (an owner who typed her hours would believe them in force).
      await options.fill('#sla-hours', 'mon-fri 08:00-16:00');
      await options.fill('#sla-zone', 'Europe/Madrid');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="warn"]').waitFor({ timeout: 5000 });
      assert.match(await options.locator('#sla-status').innerText(), /^Saved, but your business hours and holidays are not used: the targets count calendar time\. To use them, choose “business hours only”/);
      await options.reload();
      await options.locator('#app[data-ready="true"]').waitFor();
      await options.waitForFunction(() => document.getElementById('sla-holidays').value === '2099-12-25');
      assert.equal(await options.locator('#sla-basis').inputValue(), 'calendar');
      assert.match(await options.inputValue('#sla-hours'), /08:00-16:00/);
      // Counted in them, they are used: saved, and said plainly.
      await options.selectOption('#sla-basis', 'business');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="true"]').waitFor({ timeout: 5000 });
      assert.equal(await options.locator('#sla-status').innerText(), 'Saved. Open conversations use the new targets at once.');
      // A target out of range is named as the form names it, not by its path in the policy.
      await options.fill('#sla-facebook-dm-next', '-5');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="false"]').waitFor();
      assert.match(await options.locator('#sla-status').innerText(), /^Facebook direct messages, next reply: -5 minutes is not a target/);
      // The box at fault is marked, described by the message, and has the focus (so it is in
      // view, and a screen reader reads the error there).
      const marks = () => options.evaluate(() => [...document.querySelectorAll('[aria-invalid="true"]')].map((e) => `${e.id}>${e.getAttribute('aria-describedby')}`));
      assert.deepEqual(await marks(), ['sla-facebook-dm-next>sla-status']);
      assert.equal(await options.evaluate(() => document.activeElement.id), 'sla-facebook-dm-next');
      // Two faults at once, one the form cannot read (the hours) and one out of range: both
      // said and marked in one save, the caret on the first in the form.
      await options.fill('#sla-hours', 'nonsense');
      await options.click('#sla-save');
      await options.waitForFunction(() => document.getElementById('sla-status').textContent.includes('Also: Business hours: '));
      assert.match(await options.locator('#sla-status').innerText(), /^Facebook direct messages, next reply: -5 minutes is not a target.*\. Also: Business hours: /);
      const both = await marks();
      assert.equal(both.length, 2, JSON.stringify(both));
      assert.equal(both[0], 'sla-facebook-dm-next>sla-status');
      assert.match(both[1], /^sla-hours>sla-status\b/);
      assert.equal(await options.evaluate(() => document.activeElement.id), 'sla-facebook-dm-next');
      assert.match(await options.evaluate(() => document.getElementById('sla-hours').validationMessage), /^Business hours: /);
      // The browser's bubble at the first box says that box's fault alone, not the list (it
      // would cover the Save button and the status line with every fault again).
      const bubble = await options.evaluate(() => document.getElementById('sla-facebook-dm-next').validationMessage);
      assert.match(bubble, /^Facebook direct messages, next reply: -5 minutes is not a target/);
      assert.doesNotMatch(bubble, /Also:|Business hours/);
      await options.fill('#sla-hours', 'mon-fri 08:00-16:00');
      // Another fault moves the mark; a good save takes it away.
      await options.fill('#sla-facebook-dm-next', '');
      await options.fill('#sla-due-soon', '150');
      await options.click('#sla-save');
      await options.waitForFunction(() => document.getElementById('sla-status').textContent.startsWith('Due soon'));
      assert.deepEqual(await marks(), ['sla-due-soon>sla-status']);
      await options.fill('#sla-due-soon', '25');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="true"]').waitFor();
      assert.deepEqual(await marks(), []);
    } finally {
      await options.evaluate(() => chrome.storage.local.remove('waypoint.sla.policy'));
      await options.close();
    }
  });
  test('hours, holidays and a time zone as an owner types them: read, or the fault said plainly', async () => {
    const options = await openOptions(browser);
    const status = () => options.locator('#sla-status').innerText();
    const save = async (ok) => {
      await options.click('#sla-save');
      await options.locator(`#sla-status[data-ok="${ok}"]`).waitFor({ timeout: 5000 });
      return status();
    };
    try {
      await options.selectOption('#sla-basis', 'business');
      // The computer's zone is offered where the box is empty, and named by the error.
      const here = await options.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      assert.equal(await options.getAttribute('#sla-zone', 'placeholder'), `This computer's: ${here}`);
      await options.fill('#sla-zone', '');
      await options.fill('#sla-hours', 'Tuesday to Saturday 7am-3pm');
      assert.equal(await save(false), `Time zone: business hours need a time zone, such as this computer's, ${here}`);
      // A slip in the zone's name: the error is the zone's, with the name meant (and the next
      // fault follows its question mark with no stray full stop).
      await options.fill('#sla-zone', 'Europe/Madird');
      await options.fill('#sla-holidays', 'Christmas');
      assert.equal(await save(false), 'Time zone: unknown time zone "Europe/Madird": did you mean "Europe/Madrid"? Also: Holidays, line 1: “Christmas” is not a date like 2026-12-25');
      await options.fill('#sla-holidays', '');
      assert.equal(await save(false), 'Time zone: unknown time zone "Europe/Madird": did you mean "Europe/Madrid"?');
      assert.equal(await options.evaluate(() => document.activeElement.id), 'sla-zone');
      // A day February has not, and a day and month that could be either.
      await options.fill('#sla-zone', 'Europe/Madrid');
      await options.fill('#sla-holidays', '2026-02-30');
      assert.equal(await save(false), 'Holidays, line 1: “2026-02-30”: February 2026 has 28 days');
      await options.fill('#sla-holidays', '25/12/2026\n05/06/2026');
      assert.equal(await save(false), 'Holidays, line 2: “05/06/2026” could be 5 June or 6 May: write it as 2026-06-05 or 2026-05-06');
      // Written as a Spanish owner writes a date, and hours as people write them: saved, and
      // shown back in the page's own form.
      await options.fill('#sla-holidays', '25/12/2099');
      assert.equal(await save('true'), 'Saved. Open conversations use the new targets at once.');
      await options.reload();
      await options.locator('#app[data-ready="true"]').waitFor();
      await options.waitForFunction(() => document.getElementById('sla-holidays').value === '2099-12-25');
      assert.equal(await options.inputValue('#sla-hours'), 'tue-sat 07:00-15:00');
      // A holiday already past changes nothing: saved, and said in amber (a hands-on review).
      await options.fill('#sla-holidays', '1999-01-01\n2099-12-25');
      assert.equal(await save('warn'), 'Saved. Open conversations use the new targets at once. The holiday 1999-01-01 is past: it changes nothing, and may go.');
      await options.fill('#sla-holidays', '1999-01-01\n2000-02-29');
      assert.equal(await save('warn'), 'Saved. Open conversations use the new targets at once. The holidays 1999-01-01, 2000-02-29 are past: they change nothing, and may go.');
    } finally {
      await options.evaluate(() => chrome.storage.local.remove('waypoint.sla.policy'));
      await options.close();
    }
  });
  test('a due-soon share with a fraction reads back as saved', async () => {
    const options = await openOptions(browser);
    await options.fill('#sla-due-soon', '12.5');
    assert.equal(await options.locator('#sla-due-soon').evaluate((i) => i.validity.valid), true);
    await options.click('#sla-save');
    await options.locator('#sla-status[data-ok="true"]').waitFor();
    await options.reload();
    await options.locator('#app[data-ready="true"]').waitFor();
    await options.waitForFunction(() => document.getElementById('sla-due-soon').value !== '');
    assert.equal(await options.locator('#sla-due-soon').inputValue(), '12.5');
    await options.click('#sla-reset');
    await options.click('#sla-save');
    await options.locator('#sla-status[data-ok="true"]').waitFor();
    await options.close();
  });
  test('business hours in a named time zone: the zone table is loaded on the settings page and in the page, and an unknown zone is refused', async () => {
    const options = await openOptions(browser);
    // The zone list offered comes from the zone table (a data file of the extension).
    assert.ok(await options.locator('#sla-zones option').count() > 400, 'the time zones are offered');
    await options.selectOption('#sla-basis', 'business');
    await options.fill('#sla-hours', 'mon-sun 00:00-24:00');
    await options.fill('#sla-zone', 'Mars/Olympus');
    await options.click('#sla-save');
    await options.locator('#sla-status[data-ok="false"]').waitFor();
    assert.match(await options.locator('#sla-status').innerText(), /unknown time zone "Mars\/Olympus"/);
    await options.fill('#sla-zone', 'Europe/Madrid');
    await options.click('#sla-save');
    await options.locator('#sla-status[data-ok="true"]').waitFor();

    // The content script reads the same zone: the badge counts in Madrid's business hours.
    const { page } = await open(browser.context, URLS.slaX25);
    await page.waitForFunction(() => /business hours \(.*Europe\/Madrid\)/.test(document.querySelector('waypoint-panel')?.shadowRoot?.querySelector('.sla')?.getAttribute('title') ?? ''), null, { timeout: 5000 });
    // The wait, and how much of it fell in business hours (a part of it, not a second count).
    assert.match(await page.locator('waypoint-panel .sla-detail').innerText(), /^Waiting .+ \(.+ of it in business hours\)\. /);
    await page.close();

    await options.click('#sla-reset');
    await options.click('#sla-save');
    await options.locator('#sla-status[data-ok="true"]').waitFor();
    await options.close();
  });
});

describe('saved SLA settings that are not valid now', () => {
  test('the panel says which setting and why, and that the default targets apply; mended, the word goes', async () => {
    const options = await openOptions(browser);
    const stored = () => options.evaluate(async () => JSON.parse((await chrome.storage.local.get('waypoint.sla.policy'))['waypoint.sla.policy']));
    const store = (policy) => options.evaluate((p) => chrome.storage.local.set({ 'waypoint.sla.policy': JSON.stringify(p) }), policy);
    try {
      await options.fill('#sla-x-dm-first', '20');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="true"]').waitFor();
      const policy = await stored();
      // Edited by hand (or saved by a Waypoint that allowed it): no target at all.
      policy.targets.x.dm.first_response_minutes = 0;
      await store(policy);
      const { page, pageErrors } = await open(browser.context, URLS.xChat);
      await waitForState(page, 'ready');
      const notice = page.locator('waypoint-panel').locator('p.notice[data-notice="settings"]');
      await notice.waitFor({ state: 'visible' });
      assert.equal(
        await notice.innerText(),
        "Your SLA settings are not used (X direct messages, first response: 0 minutes is not a target between 0.25 (15 seconds) and 43200 (30 days)): the default targets apply. Mend them in Waypoint's settings (its Options page).",
      );
      policy.targets.x.dm.first_response_minutes = 20;
      await store(policy);
      await notice.waitFor({ state: 'hidden' });
      assert.deepEqual(pageErrors, []);
      await page.close();
    } finally {
      await options.evaluate(() => chrome.storage.local.remove('waypoint.sla.policy'));
      await options.close();
    }
  });
});

describe('a reply the site could not send', () => {
  test('X Chat: our message marked "Failed, Try Again" does not stop the clock; sent on retry, it does', async () => {
    const { page } = await open(browser.context, URLS.xChat);
    await waitForState(page, 'ready');
    await waitForSla(page, 'ok');
    // Our reply goes in, and X marks it failed (research/sites.md §3.2).
    await page.evaluate(() => {
      document.querySelector('[data-testid="dm-message-list"] ul').insertAdjacentHTML('beforeend', `<li><div data-testid="message-7c1e0d52-1f0b-4c55-9d2a-0b6b7c0a0077" class="flex justify-end">
        <div class="bubble" data-testid="message-text-7c1e0d52-1f0b-4c55-9d2a-0b6b7c0a0077"><span dir="auto">Done: one refunded.</span></div>
        <div data-testid="dm-message-failed">Failed, Try Again</div></div></li>`);
    });
    await page.waitForFunction(() => document.querySelector('waypoint-panel')?.getAttribute('data-messages') === '4');
    await page.waitForTimeout(300);
    assert.equal(await attr(page, 'data-sla'), 'ok', 'a message the customer never got is no reply');
    assert.match(await page.locator('waypoint-panel').locator('.sla-detail').innerText(), /Our message the site shows as not sent is not counted as a reply\.$/);
    // "Try again" works: the mark goes, and the reply answers.
    await page.evaluate(() => document.querySelector('[data-testid="dm-message-failed"]').remove());
    await waitForSla(page, 'answered');
    await page.close();
  });
});

describe('outside business hours', () => {
  test('the clock stands still, and the badge says so and until when', async () => {
    const options = await openOptions(browser);
    // Open only on the day after tomorrow (UTC): closed now, whatever the hour.
    const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const open2 = (new Date().getUTCDay() + 2) % 7;
    await options.selectOption('#sla-basis', 'business');
    await options.fill('#sla-hours', `${days[open2]} 09:00-17:00`);
    await options.fill('#sla-zone', 'UTC');
    await options.click('#sla-save');
    await options.locator('#sla-status[data-ok="true"]').waitFor();
    try {
      const { page } = await open(browser.context, URLS.slaX25);
      await waitForSla(page, 'ok');
      const panel = page.locator('waypoint-panel');
      const until = `until ${names[open2]} 09:00`;
      await page.waitForFunction((u) => document.querySelector('waypoint-panel')?.shadowRoot?.querySelector('.sla-detail')?.textContent.includes(u), until, { timeout: 5000 });
      assert.match(await panel.locator('.sla-detail').innerText(), new RegExp(`Outside business hours: the clock stands still ${until}\\.`));
      // The badge itself says it is stopped, to the eye and to a screen reader.
      assert.equal(await panel.locator('.sla-label').innerText(), 'Stopped');
      assert.equal(await panel.locator('.sla-time').innerText(), '1:00:00 left');
      assert.match(await panel.locator('.sla').getAttribute('aria-label'), new RegExp(`stopped outside business hours ${until}$`));
      const first = await attr(page, 'data-sla-remaining-s');
      assert.equal(first, '3600', 'none of the hour counted');
      await page.waitForTimeout(2200);
      assert.equal(await attr(page, 'data-sla-remaining-s'), first, 'standing still');
      await page.screenshot({ path: 'target/screenshots/sla-closed.png' });
      await page.close();
    } finally {
      await options.click('#sla-reset');
      await options.click('#sla-save');
      await options.locator('#sla-status[data-ok="true"]').waitFor();
      await options.close();
    }
  });
});

describe('messages without a time on the page', () => {
  test('the clock starts when Waypoint first saw the message, and a reload remembers it', async () => {
    const { page } = await open(browser.context, URLS.igDirect); // no times shown at all
    await waitForState(page, 'ready');
    await waitForSla(page, 'ok');
    const first = Number(await attr(page, 'data-sla-remaining-s'));
    near(first, 15 * 60, 5, 'a fresh 15-minute clock');
    // Said, since the customer may have waited longer than the panel can know.
    assert.match(
      await page.locator('waypoint-panel').locator('.sla-detail').innerText(),
      /The page shows no time for the message that started it: counted from when Waypoint first saw it\.$/,
    );
    // So is Meta's reply window: the message may be older, and the window shorter.
    assert.match(
      await page.locator('waypoint-panel').locator('.sla-window').innerText(),
      /^Messaging window: at most 2[34] h( \d\d min)? left to reply here \(the page shows no time for the customer's last message: counted from when Waypoint first saw it\)$/,
    );
    await page.waitForTimeout(3000);
    await page.reload();
    await waitForState(page, 'ready');
    await page.waitForFunction(
      (limit) => Number(document.querySelector('waypoint-panel')?.getAttribute('data-sla-remaining-s')) <= limit,
      first - 3,
      { timeout: 5000 },
    );
    const after = Number(await attr(page, 'data-sla-remaining-s'));
    assert.ok(after <= first - 3, `the clock did not restart on reload: ${first} → ${after}`);
    await page.close();
  });
});

describe('an imported file and the replies the team saved', () => {
  test('a file with other replies asks before replacing the saved ones; declined, nothing changes', async () => {
    const options = await openOptions(browser);
    const stored = () => options.evaluate(async () => (await chrome.storage.local.get('waypoint.replies'))['waypoint.replies']);
    const mine = '# Opening hours\nOpen 9 to 5 on weekdays.';
    const theirs = '# Returns\nSend it back to us.\n# Sizes\nS, M and L.';
    const file = JSON.stringify({ waypoint_settings: 1, replies: theirs });
    const pick = () => options.setInputFiles('#share-import', { name: 'from-sam.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    try {
      await options.fill('#replies', mine);
      await options.click('#replies-save');
      await options.locator('#replies-status[data-ok="true"]').waitFor();
      let asked = '';
      options.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
      await pick();
      await options.waitForFunction(() => document.getElementById('share-status').textContent.includes('was left'));
      assert.equal(asked, 'The file replaces the 1 reply you saved with its 2 replies. Import it anyway?');
      assert.equal(await options.innerText('#share-status'), 'Not imported, nothing changed: from-sam.json was left, to keep your replies. Export yours first to keep a copy, then import.');
      assert.deepEqual(JSON.parse(await stored()), [mine], 'declined: the saved replies stay');
      assert.equal(await options.inputValue('#replies'), mine);
      // A file that also holds a part changed here and not saved: declined, both are named
      // as kept, as the question named them.
      const withName = JSON.stringify({ waypoint_settings: 1, replies: theirs, brand_name: 'Acme Sam' });
      const brandBefore = await options.inputValue('#brand-name');
      await options.fill('#brand-name', 'Acme Typed');
      await options.locator('#brand-name-status[data-ok="changed"]').waitFor();
      await options.evaluate(() => { document.getElementById('share-status').textContent = ''; });
      options.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
      await options.setInputFiles('#share-import', { name: 'from-sam.json', mimeType: 'application/json', buffer: Buffer.from(withName) });
      await options.waitForFunction(() => document.getElementById('share-status').textContent.includes('was left'));
      assert.equal(asked, 'The file replaces the 1 reply you saved with its 2 replies, and your changes to the brand name that are not saved. Import it anyway?');
      assert.equal(await options.innerText('#share-status'), 'Not imported, nothing changed: from-sam.json was left, to keep your replies and your changes to the brand name. Export yours first to keep a copy, save the changes, then import.');
      assert.equal(await options.inputValue('#brand-name'), 'Acme Typed');
      await options.fill('#brand-name', brandBefore);
      // The same replies as saved: nothing to ask.
      await options.fill('#replies', theirs);
      await options.click('#replies-save');
      await options.locator('#replies-status[data-ok="true"]').waitFor();
      asked = '';
      options.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
      await pick();
      await options.locator('#share-status[data-ok="true"]').waitFor();
      assert.equal(asked, '', 'no question');
      options.removeAllListeners('dialog');
      // Accepted, the file's replace them.
      await options.fill('#replies', mine);
      await options.click('#replies-save');
      await options.locator('#replies-status[data-ok="true"]').waitFor();
      options.once('dialog', (d) => d.accept());
      await pick();
      await options.waitForFunction(() => document.getElementById('share-status').textContent.startsWith('Imported from from-sam.json'));
      assert.deepEqual(JSON.parse(await stored()), [theirs]);
    } finally {
      await options.evaluate(() => chrome.storage.local.remove('waypoint.replies'));
      await options.close();
    }
  });
});

describe('a settings file with nothing in it, and how an export reads', () => {
  test('importing a file of no settings says nothing was imported; an export is indented for hand editing', async () => {
    const options = await openOptions(browser);
    try {
      await options.setInputFiles('#share-import', { name: 'only-version.json', mimeType: 'application/json', buffer: Buffer.from('{"waypoint_settings":1}') });
      await options.locator('#share-status[data-ok="warn"]').waitFor();
      assert.equal(
        await options.innerText('#share-status'),
        'Nothing imported: only-version.json holds no settings (each was at its default when it was exported), so nothing changed.',
      );
      await options.fill('#brand-name', 'Acme Coffee');
      await options.click('#brand-name-save');
      await options.locator('#brand-name-status[data-ok="true"]').waitFor();
      const [download] = await Promise.all([options.waitForEvent('download'), options.click('#share-export')]);
      const text = await readFile(await download.path(), 'utf8');
      assert.match(text, /^\{\n  "waypoint_settings": 1,\n/);
      assert.match(text, /\n  "brand_name": "Acme Coffee",\n/);
    } finally {
      await options.evaluate(() => chrome.storage.local.remove('waypoint.brand-name'));
      await options.close();
    }
  });
});
