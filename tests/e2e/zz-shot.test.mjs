import { test } from 'node:test';
import { launch, open, waitForState } from './lib.mjs';
import { URLS, PAGES } from './pages.mjs';
test('shot', async () => {
  const b = await launch({ pages: PAGES });
  const { page } = await open(b.context, URLS.fbPost ?? Object.values(URLS).find((u) => u.includes('facebook.com') && u.includes('posts')));
  await waitForState(page, 'ready');
  await page.waitForTimeout(1500);
  console.log(await page.locator('waypoint-panel').evaluate((el) => [el.shadowRoot.querySelector('.pin').textContent, el.shadowRoot.querySelector('.pin').hidden]));
  await page.screenshot({ path: '/tmp/pin-fb.png' });
  await b.close();
});
