// The overview in a real browser: KPIs equal to the API's summary, charts drawn, a bar opens the
// explorer with the bar's filter, the range and zone live in the URL, a new organization is told
// how to send its first chat.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signUpThroughApi, startDashboardServer, type DashboardServer } from '../helpers/browser.js';
import { createApiKey, sendChats, variedChats } from './seed.js';

let server: DashboardServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
  ({ page } = await newPage(browser, server.url));
  await signUpThroughApi(page, { email: 'lead@example.com', password: 'correct horse battery', organization_name: 'Overview Org', first_name: 'Lea' });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('overview', () => {
  it('tells a new organization how to send its first chat, with its slug', async () => {
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { name: 'No chats yet' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.snippet pre').textContent()).toContain('/api/v1/orgs/overview-org/chats');
    await screenshot(page, 'overview-empty-light');
  });

  it('shows the KPIs of the last 30 days as the API computes them, with charts', async () => {
    const key = await createApiKey(page.request);
    await sendChats(page.request, key, variedChats(120));
    await page.goto('/?range=30d&tz=UTC');
    const chatsCard = page.locator('.kpi[data-metric="chats"] .kpi-value');
    await chatsCard.waitFor();
    expect(await chatsCard.textContent()).toBe('120');
    // Escalated: every 5th chat → 20 %; HR: every 10th → 10 %.
    expect(await page.locator('.kpi[data-metric="escalation_rate"] .kpi-value').textContent()).toBe('20%');
    expect(await page.locator('.kpi[data-metric="hr_forwarding_rate"] .kpi-value').textContent()).toBe('10%');
    expect(await page.locator('.kpi[data-metric="avg_rating"] .kpi-value').textContent()).toMatch(/^3[.,]00 \/ 5$/);
    // Every chart has drawn its canvas.
    await page.locator('[data-breakdown="question_category"] canvas').waitFor();
    expect(await page.locator('canvas').count()).toBe(8);
    const table = page.locator('[data-breakdown="question_category"] details');
    await table.locator('summary').click();
    expect(await table.locator('tbody tr').count()).toBe(4);
    expect(await table.locator('tbody tr').first().textContent()).toMatch(/(Leave|Payroll|Benefits|Onboarding)30/);
    await screenshot(page, 'overview-light');
  });

  it('opens the explorer with the filter of a group (from the data table, keyboard-reachable)', async () => {
    await page.goto('/?range=30d&tz=UTC');
    const table = page.locator('[data-breakdown="sentiment"] details');
    await table.locator('summary').click();
    await table.getByRole('link', { name: 'Negative' }).click();
    await page.waitForURL(/\/chats\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('sentiment')).toBe('negative');
    expect(url.searchParams.get('range')).toBe('30d');
    expect(url.searchParams.get('tz')).toBe('UTC');
  });

  it('opens the explorer when a bar is clicked', async () => {
    await page.goto('/?range=30d&tz=UTC');
    const canvas = page.locator('[data-breakdown="country_code"] canvas');
    await canvas.waitFor();
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    // The first (largest) bar starts at the left axis: click a little right of it, in the first row.
    await page.mouse.click(box.x + box.width * 0.35, box.y + 22);
    await page.waitForURL(/country_code=/);
    expect(new URL(page.url()).searchParams.get('country_code')).toMatch(/^(NL|DE|US|FR)$/);
  });

  it('keeps the range and zone in the URL, and a shared URL shows the same view', async () => {
    await page.goto('/?range=30d&tz=UTC');
    await page.locator('.kpi[data-metric="chats"] .kpi-value').waitFor();
    await page.getByLabel('Period').selectOption('7d');
    await page.waitForURL(/range=7d/);
    await page.getByLabel('Time zone').selectOption('Asia/Tokyo');
    await page.waitForURL(/tz=Asia%2FTokyo/);
    const api = await page.request.get(`/api/v1/analytics/summary?tz=Asia/Tokyo&from=${encodeURIComponent(await sevenDaysFrom('Asia/Tokyo'))}`);
    const expected = (await api.json()).metrics.chats.value;
    await expect.poll(() => page.locator('.kpi[data-metric="chats"] .kpi-value').textContent()).toBe(String(expected));

    const shared = page.url();
    const other = await newPage(browser, server.url);
    await other.context.addCookies(await page.context().cookies());
    await other.page.goto(shared);
    await expect.poll(() => other.page.locator('.kpi[data-metric="chats"] .kpi-value').textContent()).toBe(String(expected));
    expect(await other.page.getByLabel('Period').inputValue()).toBe('7d');
    await other.context.close();
  });

  it('reads well in dark mode and on a phone', async () => {
    const dark = await newPage(browser, server.url, { colorScheme: 'dark' });
    await dark.context.addCookies(await page.context().cookies());
    await dark.page.goto('/?range=30d&tz=UTC');
    await dark.page.locator('[data-breakdown="tag"] canvas').waitFor();
    expect(await dark.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(dark.page, 'overview-dark');
    await dark.context.close();

    const phone = await newPage(browser, server.url, { viewport: { width: 390, height: 844 } });
    await phone.context.addCookies(await page.context().cookies());
    await phone.page.goto('/?range=30d&tz=UTC');
    await phone.page.locator('[data-breakdown="tag"] canvas').waitFor();
    // The page does not scroll sideways.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone.page, 'overview-phone');
    // The navigation folds into a menu, which leads to the other pages.
    await phone.page.getByRole('button', { name: 'Menu' }).click();
    await phone.page.getByRole('link', { name: 'Chats' }).click();
    await phone.page.waitForURL(/\/chats/);
    await phone.page.locator('.chats-table tbody tr').first().waitFor();
    await phone.context.close();
  });

  it('in works-council mode shows "fewer than k people" with the k in place of withheld figures', async () => {
    const set = (on: boolean, k = 5) => page.request.patch('/api/v1/orgs/me/privacy', { data: { works_council: on, works_council_k: k } });
    expect((await set(true, 100)).status()).toBe(200);
    try {
      await page.goto('/?range=30d&tz=UTC');
      const chatsCard = page.locator('.kpi[data-metric="chats"] .kpi-value');
      await expect.poll(() => chatsCard.textContent()).toBe('fewer than 100 people');
      expect(await chatsCard.getAttribute('data-suppressed')).toBe('fewer_than_k');
      // The charts say how many of their figures are hidden.
      await expect.poll(() => page.locator('[data-breakdown="sentiment"] .suppression-note').textContent()).toMatch(/works-council mode: each figure describes at least 100 people/);
      await screenshot(page, 'overview-works-council');
    } finally {
      expect((await set(false)).status()).toBe(200);
    }
    await page.goto('/?range=30d&tz=UTC');
    await expect.poll(() => page.locator('.kpi[data-metric="chats"] .kpi-value').textContent()).toBe('120');
  });
});

/** Midnight six days before today in `tz`, as the "Last 7 days" preset computes it. */
async function sevenDaysFrom(tz: string): Promise<string> {
  return page.evaluate((zone) => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    const [y, m, d] = today.split('-').map(Number);
    const wall = Date.UTC(y, m - 1, d - 6);
    const offset = (t: number) => {
      const p = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(t));
      const n = (type: string) => Number(p.find((x) => x.type === type)!.value);
      return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute')) - t;
    };
    return new Date(wall - offset(wall)).toISOString();
  }, tz);
}
