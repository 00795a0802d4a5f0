// The terminal's PIN keypad in headless Debian Chromium, as the counter's kiosk browser shows it: waits for the
// open PIN request, types the new PIN twice (as the clerk from the sealed form when asked), sends the form and
// saves a screenshot. Usage: node keypad.test.mjs <keypadUrl> <pin> <resident|clerk-sealed-form> <screenshot.png>
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [keypadUrl, pin, typist, screenshot] = process.argv.slice(2);
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "jpki-chromium-")), {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
  viewport: { width: 900, height: 700 },
});
try {
  const page = await browser.newPage();
  await page.goto(keypadUrl);
  await page.waitForSelector('input[name="pin"]', { timeout: 30000 });
  await page.fill('input[name="pin"]', pin);
  if (await page.locator('input[name="confirm"]').count()) {
    await page.fill('input[name="confirm"]', pin);
  }
  await page.check(`input[name="typist"][value="${typist}"]`);
  await page.screenshot({ path: screenshot });
  const answer = page.waitForResponse((response) => response.url().endsWith("/pin"));
  await page.click('button[value="submit"]');
  console.log(`keypad: ${(await answer).status()} ${(await page.textContent("body")).trim()}`);
} finally {
  await browser.close();
}
