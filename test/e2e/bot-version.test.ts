// The bot_version field in a real browser, against the real server: chats sent by a bot with an API
// key (three versions, and some chats without one), the overview's "By bot version" card with its
// counts, a bar of it opening the explorer filtered on that version (URL, list, chip), the "Bot
// version" field of the explorer's filter form, the "Bot version" row of the chat page, and a CSV
// export filtered by bot_version with its column.
// The tests share one server, one signed-in admin and the chats seeded in beforeAll; none of them
// changes data, and each opens the page it needs by URL, so they do not depend on each other's order.
import { parse as parseCsv } from 'csv-parse/sync';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signUpThroughApi, startDashboardServer, type DashboardServer } from '../helpers/browser.js';
import { createApiKey } from './seed.js';

let server: DashboardServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const ids: Record<string, number> = {};

const HOUR = 3_600_000;
const POLL = { timeout: 15_000, interval: 100 };

// Versions as a bot reports them: a pre-release suffix must read as sent, not "humanized".
const BETA = '2.4.0-beta_1';
interface SeedChat {
  key: string;
  title: string;
  bot_version?: string;
}
// 4 × 2.3.1, 3 × 2.3.0, 2 × the beta, 2 without a version: all within the last day, so inside the
// overview's default range (the last 30 days) and distinct counts, so the bars have a known order.
const CHATS: SeedChat[] = [
  ...[1, 2, 3, 4].map((n) => ({ key: `new-${n}`, title: `Asked release 2.3.1, #${n}`, bot_version: '2.3.1' })),
  ...[1, 2, 3].map((n) => ({ key: `old-${n}`, title: `Asked release 2.3.0, #${n}`, bot_version: '2.3.0' })),
  ...[1, 2].map((n) => ({ key: `beta-${n}`, title: `Asked the beta, #${n}`, bot_version: BETA })),
  ...[1, 2].map((n) => ({ key: `none-${n}`, title: `Asked an unversioned bot, #${n}` })),
];
const now = Date.now();

const titlesOf = (version: string | undefined) => CHATS.filter((c) => c.bot_version === version).map((c) => c.title);
/** The titles in the table, sorted. */
const titles = async () => (await page.locator('.chats-table tbody .col-title').allTextContents()).sort();
const param = (name: string) => new URL(page.url()).searchParams.get(name);

async function seed(request: APIRequestContext) {
  const key = await createApiKey(request, 'versioned bot');
  for (const [i, { key: name, title, bot_version }] of CHATS.entries()) {
    const res = await request.post('/api/v1/chats', {
      headers: { 'x-organization-api-key': key },
      data: {
        title,
        created_at: new Date(now - (i + 1) * HOUR).toISOString(),
        metadata: { sentiment: 'neutral', ...(bot_version ? { bot_version } : {}) },
      },
    });
    if (res.status() !== 201) throw new Error(`chat ${name}: ${res.status()} ${await res.text()}`);
    ids[name] = (await res.json()).chat_id;
  }
}

async function openExplorer(query = '') {
  await page.goto(`/chats${query}`);
  await page.locator('.chats-table, .empty-state, .note-error').first().waitFor();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
  ({ context, page } = await newPage(browser, server.url));
  await signUpThroughApi(page, { email: 'releases@example.com', password: 'correct horse battery', organization_name: 'Versions Org', first_name: 'Vera' });
  await seed(page.request);
}, 90_000);

beforeEach(({ onTestFailed }) => {
  onTestFailed(() => console.error(`server output (last 4,000 characters):\n${server.process.output().slice(-4000)}`));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('bot version', () => {
  it('the overview has a "By bot version" card with each version and its count', async () => {
    await page.goto('/?tz=UTC');
    const card = page.locator('[data-breakdown="bot_version"]');
    await card.locator('canvas').waitFor();
    expect(await card.locator('h2').textContent()).toBe('By bot version');
    const table = card.locator('details');
    await table.locator('summary').click();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 2).map((td) => td.textContent)));
    // Largest first; the chats without a version are "Not sent" (and not a link).
    expect(rows).toEqual([
      ['2.3.1', '4'],
      ['2.3.0', '3'],
      [BETA, '2'],
      ['Not sent', '2'],
    ]);
    expect(await table.getByRole('link').allTextContents()).toEqual(['2.3.1', '2.3.0', BETA]);
    await screenshot(page, 'overview-bot-version');
  });

  it("a bar of the card opens the explorer filtered on that version, with the version's chats and a chip", async () => {
    await page.goto('/?tz=UTC');
    const canvas = page.locator('[data-breakdown="bot_version"] canvas');
    await canvas.waitFor();
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    // The first (largest) bar, 2.3.1, starts at the left axis: click a little right of it, in the first row.
    await page.mouse.click(box.x + box.width * 0.35, box.y + 22);
    await page.waitForURL(/\/chats\?.*bot_version=/);
    expect(param('bot_version')).toBe('2.3.1');
    expect(param('range')).toBe('30d');
    await expect.poll(titles, POLL).toEqual(titlesOf('2.3.1').sort());
    expect(await page.locator('.results-count').textContent()).toMatch(/^4 chats/);
    const chips = page.getByRole('group', { name: 'Active filters' });
    expect(await chips.locator('.chip').allTextContents()).toEqual(['Period: Last 30 days×', 'Bot version: 2.3.1×']);
  });

  it('the data table links a version (the beta, as sent) to its chats', async () => {
    await page.goto('/?tz=UTC');
    const table = page.locator('[data-breakdown="bot_version"] details');
    await table.locator('summary').click();
    await table.getByRole('link', { name: BETA, exact: true }).click();
    await page.waitForURL(/\/chats\?/);
    expect(param('bot_version')).toBe(BETA);
    await expect.poll(titles, POLL).toEqual(titlesOf(BETA).sort());
    expect(await page.getByRole('group', { name: 'Active filters' }).locator('.chip').allTextContents()).toContain(`Bot version: ${BETA}×`);
  });

  it('the "Bot version" field of the filter form lists the chats of the versions typed', async () => {
    await openExplorer('?tz=UTC');
    await expect.poll(() => page.locator('.results-count').textContent(), POLL).toMatch(new RegExp(`^${CHATS.length} chats`));
    const field = page.getByLabel('Bot version', { exact: true });
    expect(await field.getAttribute('placeholder')).toBe('2.3.0, 2.3.1');
    await field.fill(` 2.3.0 ,${BETA}`);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(titles, POLL).toEqual([...titlesOf('2.3.0'), ...titlesOf(BETA)].sort());
    expect(param('bot_version')).toBe(`2.3.0,${BETA}`);
    const chips = page.getByRole('group', { name: 'Active filters' });
    expect(await chips.locator('.chip').allTextContents()).toEqual([`Bot version: 2.3.0, ${BETA}×`]);
    await screenshot(page, 'explorer-bot-version');

    // A version no chat has: nothing matches. Removing the chip lists every chat again.
    await field.fill('9.9.9');
    await field.press('Enter');
    await page.getByRole('heading', { name: 'No chats match these filters' }).waitFor();
    expect(param('bot_version')).toBe('9.9.9');
    await page.getByRole('button', { name: 'Remove filter Bot version: 9.9.9' }).click();
    await expect.poll(() => page.locator('.results-count').textContent(), POLL).toMatch(new RegExp(`^${CHATS.length} chats`));
    expect(param('bot_version')).toBeNull();
    // The form follows the URL in a render of its own (the count can come first).
    await expect.poll(() => page.getByLabel('Bot version', { exact: true }).inputValue(), POLL).toBe('');
  });

  it('the chat page has a "Bot version" row with the value sent, and "—" when none was', async () => {
    await openExplorer(`?bot_version=${encodeURIComponent(BETA)}&tz=UTC`);
    await page.getByRole('link', { name: 'Asked the beta, #1' }).click();
    await page.waitForURL(new RegExp(`/chats/${ids['beta-1']}$`));
    await page.getByRole('heading', { name: 'Asked the beta, #1' }).waitFor();
    const row = page.locator('dl.metadata .metadata-row').filter({ has: page.locator('dt', { hasText: /^Bot version$/ }) });
    await row.waitFor();
    expect(await row.locator('dd').innerText()).toBe(BETA);

    await page.goto(`/chats/${ids['none-1']}`);
    await page.getByRole('heading', { name: 'Asked an unversioned bot, #1' }).waitFor();
    expect(await row.locator('dd').textContent()).toBe('—not sent');
  });

  it('a CSV export filtered by bot_version has the column and only those chats', async () => {
    const res = await page.request.post('/api/v1/exports/sync', { data: { format: 'csv', type: 'chats', filters: { bot_version: `2.3.0,${BETA}` } } });
    expect(res.status()).toBe(200);
    const rows: Array<Record<string, string>> = parseCsv(await res.text(), { columns: true, bom: true });
    expect(Object.keys(rows[0])).toContain('bot_version');
    expect(rows.map((r) => [r.title, r.bot_version]).sort()).toEqual(
      CHATS.filter((c) => c.bot_version === '2.3.0' || c.bot_version === BETA)
        .map((c) => [c.title, c.bot_version])
        .sort(),
    );
  });
});
