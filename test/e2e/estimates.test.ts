// The overview of a large organization in a real browser: figures the server estimated from its
// per-day sketches (end users, percentiles) are marked "≈" with what the estimate's bound is;
// exact figures are not. The server's thresholds are lowered so that a few hundred chats count
// as large (SKETCH_MIN_DAY_CHATS, ANALYTICS_EXACT_MAX_CHATS), and it builds every 200 ms.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signUpThroughApi, startDashboardServer, type DashboardServer } from '../helpers/browser.js';
import { createApiKey, sendChats, variedChats } from './seed.js';

let server: DashboardServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startDashboardServer({ SKETCH_MIN_DAY_CHATS: '1', ANALYTICS_EXACT_MAX_CHATS: '50', SKETCH_BUILD_INTERVAL_MS: '200' }),
    launchBrowser(),
  ]);
  ({ page } = await newPage(browser, server.url));
  await signUpThroughApi(page, { email: 'big@example.com', password: 'correct horse battery', organization_name: 'Big Org', first_name: 'Bo' });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('estimated figures on the overview', () => {
  it('marks end users and the p90 response time as estimates once the days are sketched, and shows the API value', async () => {
    const key = await createApiKey(page.request);
    await sendChats(page.request, key, variedChats(300));
    // The builder sketches the ended days within moments; until then the summary counts exactly.
    await expect
      .poll(async () => (await (await page.request.get('/api/v1/analytics/summary')).json()).metrics.end_users.estimated, { timeout: 30_000 })
      .toBe(true);
    const summary = (await (await page.request.get('/api/v1/analytics/summary')).json()).metrics;
    expect(summary.chats.estimated).toBe(false);

    await page.goto('/?range=30d&tz=UTC');
    const chatsCard = page.locator('.kpi[data-metric="chats"]');
    await chatsCard.locator('.kpi-value').waitFor();
    expect(await chatsCard.locator('.kpi-value').textContent()).toBe('300');
    expect(await chatsCard.locator('.kpi-value abbr').count()).toBe(0);
    const users = chatsCard.locator('.kpi-sub').first();
    expect(await users.textContent()).toBe(`End users: ≈ ${summary.end_users.value}`);
    expect(await users.locator('abbr.kpi-estimated').getAttribute('title')).toContain('An estimate');
    expect(await page.locator('.kpi[data-metric="avg_response_time"] .kpi-sub abbr.kpi-estimated').count()).toBe(1);
  });
});
