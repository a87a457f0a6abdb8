// `cargo xtask run`: Chromium with the built extension, opened on its practice page.
// --headed: a normal window (close it to finish). --headless: no display here, so take a
// screenshot of the practice page and print its path.
import { launch } from '../tests/e2e/lib.mjs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const headless = process.argv.includes('--headless');
// In a window, the real sites are reachable (an agent's own accounts); headless, nothing is.
const browser = await launch({ headless, viewport: headless ? { width: 1280, height: 860 } : null, pages: headless ? {} : null });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(browser.extensionUrl('practice.html'));
await page.locator('#app[data-ready="true"], #app[data-error="true"]').first().waitFor({ timeout: 15000 });
const failed = (await page.locator('#app').getAttribute('data-error')) === 'true';
// The practice conversation read, as the agent will first see it.
if (!failed) await page.locator('waypoint-panel[data-state="ready"]').waitFor({ timeout: 15000 }).catch(() => {});
if (headless) {
  const dir = resolve('target');
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'practice.png');
  await page.screenshot({ path, fullPage: true });
  console.log(`Waypoint ${failed ? 'FAILED to start' : 'is running'} on its practice page.`);
  console.log(`screenshot: ${path}`);
  await browser.close();
  process.exit(failed ? 1 : 0);
} else {
  console.log(`Waypoint is loaded (extension id ${browser.id}); close the browser window to finish.`);
  await new Promise((done) => browser.context.on('close', done));
}
