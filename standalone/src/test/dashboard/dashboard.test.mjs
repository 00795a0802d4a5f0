// Loads /dashboard in headless Debian Chromium as the statistics user, waits for the charts, compares the numbers
// on the page with the JSON API, and saves a screenshot. Usage: node dashboard.test.mjs <baseUrl> <screenshot.png>
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [baseUrl, screenshot] = process.argv.slice(2);
const credentials = { username: "statistics", password: "statistics-demo" };
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "jpki-chromium-")), {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
  httpCredentials: credentials,
  viewport: { width: 1400, height: 1100 },
});
try {
  const page = await browser.newPage();
  const failures = [];
  page.on("pageerror", (error) => failures.push(error.message));
  await page.goto(`${baseUrl}/dashboard`);
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 30000 });
  for (const chart of ["per-day", "per-office", "by-reason", "by-kind"]) {
    await page.waitForSelector(`#${chart}[data-rendered="true"]`, { timeout: 10000 });
  }
  const from = await page.inputValue("#from");
  const to = await page.inputValue("#to");
  const auth = "Basic " + Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64");
  const api = await (await fetch(`${baseUrl}/api/statistics?from=${from}&to=${to}&groupBy=operation`,
    { headers: { Authorization: auth } })).json();
  const mismatches = [];
  for (const operation of ["ISSUED", "RENEWED", "REVOKED", "HELD", "PIN_LOCKED", "PIN_RESET", "EXPIRED"]) {
    const expected = api.filter((row) => row.operation === operation).reduce((sum, row) => sum + row.count, 0);
    const shown = Number((await page.textContent(`[data-testid="total-${operation}"]`)).replace(/,/g, ""));
    console.log(`${operation}: page ${shown}, api ${expected}`);
    if (shown !== expected) mismatches.push(`${operation}: page ${shown} but API ${expected}`);
  }
  // The per-office chart as drawn, against the API grouped by office: every counted operation has its office.
  const perOffice = await page.evaluate(() => {
    const chart = Chart.getChart("per-office");
    const totals = {};
    chart.data.labels.forEach((office, i) => chart.data.datasets.forEach((set) => {
      if (set.data[i] > 0) totals[`${office} ${set.label}`] = set.data[i];
    }));
    return totals;
  });
  const officeApi = await (await fetch(`${baseUrl}/api/statistics?from=${from}&to=${to}&groupBy=office,operation`,
    { headers: { Authorization: auth } })).json();
  for (const row of officeApi.filter((row) => row.operation !== "CARD_WORK_FAILED")) {
    const shown = perOffice[`${row.officeId} ${row.operation}`] ?? 0;
    console.log(`per-office ${row.officeId} ${row.operation}: chart ${shown}, api ${row.count}`);
    if (shown !== row.count) mismatches.push(`per-office ${row.officeId} ${row.operation}: chart ${shown} but API ${row.count}`);
  }
  const rows = await page.locator("#detail tbody tr").count();
  console.log(`detail rows: ${rows}`);
  if (rows === 0) mismatches.push("the detail table is empty");
  await page.screenshot({ path: screenshot, fullPage: true });
  if (failures.length > 0 || mismatches.length > 0) {
    console.error([...failures, ...mismatches].join("\n"));
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
