// The chats explorer and the chat detail in a real browser, against the real server: the table and
// its columns, every kind of filter (set through the form, reflected in the URL, and read back from
// a shared URL), chips and "Clear filters", cursor paging, the API's message for a bad filter, the
// new-organization snippet, the export of the view, and the detail page (metadata, transcript in
// order, tag editing for an admin and none for a viewer, another organization's chat, delete).
import fs from 'node:fs';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signUpThroughApi, startDashboardServer, type DashboardServer } from '../helpers/browser.js';

let server: DashboardServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let apiKey: string;
const ids: Record<string, number> = {};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const POLL = { timeout: 15_000, interval: 100 };

interface SeedChat {
  title: string;
  tags?: string[];
  user_id?: number;
  created_at: string;
  metadata?: Record<string, unknown>;
}

// Five distinct chats in the last few hours; every filter below selects a known subset of them.
const now = Date.now();
const DISTINCT: Array<SeedChat & { key: string; messages?: Array<{ role: string; content: string; metadata?: Record<string, number> }> }> = [
  {
    key: 'parental',
    title: 'Parental leave request',
    tags: ['leave', 'urgent'],
    user_id: 7,
    created_at: new Date(now - 1 * HOUR).toISOString(),
    metadata: {
      question_category: 'leave',
      sentiment: 'negative',
      is_escalated: true,
      is_forwarded_to_hr: true,
      user_rating: 2,
      country_code: 'NL',
      language_code: 'nl',
      session_id: 'sess-parental',
      token_count: 420,
      avg_response_time: 1.8,
      ip_address: '203.0.113.9',
      transcript_link: 'https://bot.example.com/transcripts/parental',
    },
    messages: [
      { role: 'user', content: 'How many weeks of parental leave do I get?', metadata: { token_count: 12 } },
      { role: 'assistant', content: 'You get 16 weeks of paid parental leave.', metadata: { token_count: 35, response_time: 1200 } },
      { role: 'system', content: 'Handed over to HR', metadata: {} },
    ],
  },
  {
    key: 'payslip',
    title: 'Payslip missing',
    tags: ['payroll'],
    user_id: 8,
    created_at: new Date(now - 2 * HOUR).toISOString(),
    metadata: { question_category: 'payroll', sentiment: 'negative', is_escalated: false, user_rating: 1, country_code: 'DE', language_code: 'de' },
  },
  {
    key: 'benefits',
    title: 'Benefits overview',
    tags: ['benefits'],
    created_at: new Date(now - 3 * HOUR).toISOString(),
    metadata: { question_category: 'benefits', sentiment: 'positive', is_escalated: false, user_rating: 5, country_code: 'US', language_code: 'en' },
  },
  {
    key: 'laptop',
    title: 'Onboarding laptop',
    tags: ['onboarding', 'urgent'],
    created_at: new Date(now - 4 * HOUR).toISOString(),
    metadata: { question_category: 'onboarding', sentiment: 'neutral', is_escalated: true, user_rating: 4, country_code: 'FR', language_code: 'fr' },
  },
  {
    key: 'holiday',
    title: 'Holiday carry-over',
    tags: ['leave'],
    created_at: new Date(now - 5 * HOUR).toISOString(),
    metadata: { question_category: 'leave', sentiment: 'positive', user_rating: 3, country_code: 'NL', language_code: 'en' },
  },
];

// 55 older, alike chats (30–57 days ago): with the distinct five, 60 chats, more than a page (50).
const ROUTINE: SeedChat[] = Array.from({ length: 55 }, (_, i) => ({
  title: `Routine question ${i + 1}`,
  tags: ['routine'],
  created_at: new Date(now - 30 * DAY - i * 12 * HOUR).toISOString(),
  metadata: { question_category: 'other', sentiment: 'neutral', is_escalated: false, country_code: 'GB', language_code: 'en' },
}));

const TOTAL = DISTINCT.length + ROUTINE.length;

/** The JSON body of a response that must have `status` (its shape is checked by the assertions that read it). */
async function expectOk(response: Awaited<ReturnType<APIRequestContext['post']>>, status: number, what: string): Promise<any> {
  if (response.status() !== status) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return response.json();
}

async function seed(request: APIRequestContext) {
  apiKey = (await expectOk(await request.post('/api/v1/orgs/me/apikeys', { data: { label: 'bot' } }), 201, 'api key')).key;
  const headers = { 'x-organization-api-key': apiKey };
  for (const { key, messages = [], ...chat } of DISTINCT) {
    const created = await expectOk(await request.post('/api/v1/chats', { headers, data: chat }), 201, `chat ${key}`);
    ids[key] = created.chat_id;
    for (const message of messages) {
      await expectOk(await request.post(`/api/v1/chats/${created.chat_id}/messages`, { headers, data: message }), 201, `message of ${key}`);
    }
  }
  const batch = await expectOk(await request.post('/api/v1/chats/batch', { headers, data: { chats: ROUTINE } }), 207, 'batch');
  expect(batch.results.every((r: { status: number }) => r.status === 201)).toBe(true);
}

/** The titles in the table, sorted (waits through the loading state by polling). */
const titles = async (p: Page = page) => (await p.locator('.chats-table tbody .col-title').allTextContents()).sort();
const titlesOf = (...keys: string[]) => keys.map((key) => DISTINCT.find((c) => c.key === key)!.title).sort();
const param = (p: Page, name: string) => new URL(p.url()).searchParams.get(name);

async function openExplorer(p: Page, query = '') {
  await p.goto(`/chats${query}`);
  await p.locator('.chats-table, .empty-state, .note-error').first().waitFor();
}

async function signInAs(p: Page, email: string, password: string) {
  await expectOk(await p.request.post('/auth/login', { data: { email, password } }), 200, 'login');
}

beforeAll(async () => {
  // The long-transcript test posts 1,005 messages as the signed-in admin within seconds: more than a
  // dashboard user's default bucket (50/s, bursts of 100), which test/rate-limit.test.ts covers.
  [server, browser] = await Promise.all([startDashboardServer({ RATE_LIMIT_USER_RPS: '2000', RATE_LIMIT_USER_BURST: '2000' }), launchBrowser()]);
  ({ context, page } = await openPage());
  await signUpThroughApi(page, { email: 'hr-lead@example.com', password: 'correct horse battery', organization_name: 'Explorer Org', first_name: 'Hana' });
  await seed(page.request);
}, 120_000);

// What the pages failed to load and logged as errors, printed with the server's log when a test fails
// (to tell a slow server, a missing asset and a bug apart).
let browserLog: string[] = [];
async function openPage(options?: Parameters<typeof newPage>[2]) {
  const opened = await newPage(browser, server.url, options);
  opened.page.on('response', (response) => {
    if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/api/')) browserLog.push(`${response.status()} ${response.url()}`);
  });
  opened.page.on('console', (message) => {
    if (message.type() === 'error') browserLog.push(`console: ${message.text()}`);
  });
  return opened;
}

beforeEach(({ onTestFailed }) => {
  browserLog = [];
  onTestFailed(() =>
    console.error(`browser: ${browserLog.slice(-20).join('\n') || '(nothing)'}\nserver output (last 4,000 characters):\n${server.process.output().slice(-4000)}`),
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('chats explorer', () => {
  it('lists the chats, newest first, with every column', async () => {
    await openExplorer(page, '?tz=UTC');
    expect(await page.locator('.chats-table thead th').allTextContents()).toEqual([
      'Title',
      expect.stringMatching(/^Time/),
      'Category',
      'Sentiment',
      'Rating',
      'Escalated',
      'HR',
      'Tags',
      'Language',
      'Country',
    ]);
    expect(await page.locator('.results-count').textContent()).toMatch(new RegExp(`^${TOTAL} chats`));
    // Newest first: the five distinct chats lead, in the order they were created.
    const first = await page.locator('.chats-table tbody .col-title').evaluateAll((cells) => cells.slice(0, 5).map((c) => c.textContent));
    expect(first).toEqual(DISTINCT.map((c) => c.title));
    const cells = await page.locator(`tr[data-chat-id="${ids.parental}"] td`).allInnerTexts();
    expect(cells[0]).toBe('Parental leave request');
    expect(cells.slice(2)).toEqual(['Leave', 'Negative', expect.any(String), 'Yes', 'Yes', expect.stringMatching(/leave\s*urgent/), 'Dutch', 'Netherlands']);
    expect(await page.locator(`tr[data-chat-id="${ids.parental}"] .rating`).getAttribute('aria-label')).toBe('2 of 5');
    // A chat that did not send is_escalated shows "—", not "No".
    expect((await page.locator(`tr[data-chat-id="${ids.holiday}"] td`).allInnerTexts())[5]).toBe('—');
    await screenshot(page, 'explorer-light');
  });

  it('pages past the first 50 chats with Load more', async () => {
    await openExplorer(page);
    expect(await page.locator('.chats-table tbody tr').count()).toBe(50);
    expect(await page.locator('.results-count').textContent()).toBe(`${TOTAL} chats · showing 50`);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => page.locator('.chats-table tbody tr').count(), POLL).toBe(TOTAL);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    // Oldest of all is last; nothing shown twice.
    const all = await page.locator('.chats-table tbody .col-title').allTextContents();
    // The focus moves to the first chat loaded (the button is gone).
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe(all[50]);
    expect(new Set(all).size).toBe(TOTAL);
    expect(all.at(-1)).toBe('Routine question 55');
    // The cursor stays out of the shareable URL.
    expect(param(page, 'cursor')).toBeNull();
  });

  it('sorts oldest first from the Time column header', async () => {
    await openExplorer(page);
    await page.getByRole('button', { name: /^Time/ }).click();
    await expect.poll(() => page.locator('.chats-table tbody .col-title').first().textContent(), POLL).toBe('Routine question 55');
    expect(param(page, 'sort')).toBe('created_at');
    expect(await page.locator('.chats-table th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: /^Time/ }).click();
    await expect.poll(() => page.locator('.chats-table tbody .col-title').first().textContent(), POLL).toBe('Parental leave request');
    expect(param(page, 'sort')).toBeNull();
  });

  it('full-text search (q) finds words of the title and of the messages', async () => {
    await openExplorer(page);
    await page.getByLabel('Search titles and messages', { exact: true }).fill('laptop');
    await page.getByLabel('Search titles and messages', { exact: true }).press('Enter');
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('laptop'));
    expect(param(page, 'q')).toBe('laptop');
    await page.getByLabel('Search titles and messages', { exact: true }).fill('16 weeks');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('parental'));
    expect(param(page, 'q')).toBe('16 weeks');
    expect(await page.locator('.results-count').textContent()).toBe('1 chat');
  });

  it('sentiment, escalation, rating range and country narrow the table and go into the URL', async () => {
    await openExplorer(page);
    await page.getByLabel('Sentiment', { exact: true }).fill('negative');
    await page.getByLabel('Sentiment', { exact: true }).press('Enter');
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('parental', 'payslip'));
    expect(param(page, 'sentiment')).toBe('negative');

    await page.goto('/chats');
    await page.getByLabel('Escalated', { exact: true }).selectOption('true'); // a choice applies at once
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('parental', 'laptop'));
    expect(param(page, 'is_escalated')).toBe('true');
    await page.getByLabel('Escalated', { exact: true }).selectOption('false');
    // Payslip, benefits and the routine chats said "no"; the holiday chat did not say.
    await expect.poll(() => page.locator('.results-count').textContent(), POLL).toMatch(new RegExp(`^${2 + ROUTINE.length} chats`));
    expect(await page.locator(`tr[data-chat-id="${ids.holiday}"]`).count()).toBe(0);

    await page.goto('/chats');
    await page.getByLabel('Rating from', { exact: true }).selectOption('4');
    await expect.poll(() => param(page, 'rating_min'), POLL).toBe('4');
    await page.getByLabel('Rating to', { exact: true }).selectOption('5');
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('benefits', 'laptop'));
    expect(param(page, 'rating_max')).toBe('5');
    await page.getByLabel('Rating to', { exact: true }).selectOption('4');
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('laptop'));

    await page.goto('/chats');
    await page.getByLabel('Country codes', { exact: true }).fill('nl');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('parental', 'holiday'));
    expect(param(page, 'country_code')).toBe('nl');
    await page.getByLabel('Country codes', { exact: true }).fill('NL, fr');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('parental', 'holiday', 'laptop'));
    expect(param(page, 'country_code')).toBe('NL,fr');
    expect(await page.getByRole('group', { name: 'Active filters' }).textContent()).toContain('Country: Netherlands (NL), France (fr)');
  });

  it('category, language, HR hand-over, end user, session and rated/unrated narrow the table too', async () => {
    // Through the form...
    await openExplorer(page);
    await page.getByLabel('End user id', { exact: true }).fill('7');
    await page.getByLabel('End user id', { exact: true }).press('Enter');
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('parental'));
    expect(param(page, 'user_id')).toBe('7');
    await page.goto('/chats');
    await page.getByLabel('Session id', { exact: true }).fill('sess-parental');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('parental'));
    expect(param(page, 'session_id')).toBe('sess-parental');
    await page.goto('/chats');
    await page.getByLabel('Rated', { exact: true }).selectOption('false');
    await expect.poll(() => page.locator('.results-count').textContent(), POLL).toMatch(new RegExp(`^${ROUTINE.length} chats`));
    expect(param(page, 'has_rating')).toBe('false');
    await page.goto('/chats');
    await page.getByLabel('Forwarded to HR', { exact: true }).selectOption('true');
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('parental'));
    expect(param(page, 'is_forwarded_to_hr')).toBe('true');
    await page.goto('/chats');
    await page.getByLabel('Category', { exact: true }).fill('payroll, benefits');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('payslip', 'benefits'));
    expect(param(page, 'question_category')).toBe('payroll,benefits');
    await page.goto('/chats');
    await page.getByLabel('Language codes', { exact: true }).fill('de,FR');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('payslip', 'laptop'));
    expect(param(page, 'language_code')).toBe('de,FR');
    expect(await page.getByRole('group', { name: 'Active filters' }).textContent()).toContain('Language: German (de), French (FR)');
    // ...and combined in one URL (AND).
    await openExplorer(page, '?language_code=en&question_category=leave&has_rating=true');
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('holiday'));
  });

  it('tags match all of them by default, or any of them', async () => {
    await openExplorer(page);
    await page.getByLabel('Tags', { exact: true }).fill('leave, urgent');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('parental'));
    expect(param(page, 'tags')).toBe('leave,urgent');
    expect(param(page, 'tags_mode')).toBeNull();
    await page.getByLabel('Chats with', { exact: true }).selectOption('any');
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('parental', 'laptop', 'holiday'));
    expect(param(page, 'tags_mode')).toBe('any');
  });

  it('the period: presets and custom days in the chosen time zone', async () => {
    await openExplorer(page, '?tz=UTC');
    await page.getByLabel('Period', { exact: true }).selectOption('7d');
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('parental', 'payslip', 'benefits', 'laptop', 'holiday'));
    expect(param(page, 'range')).toBe('7d');
    expect(param(page, 'tz')).toBe('UTC');
    // Custom: the days of the routine chats only (30–58 days ago, in UTC).
    const day = (msAgo: number) => new Date(now - msAgo).toISOString().slice(0, 10);
    await page.getByLabel('Period', { exact: true }).selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill(day(70 * DAY));
    await page.getByLabel('To (included)', { exact: true }).fill(day(20 * DAY));
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.locator('.results-count').textContent(), POLL).toMatch(new RegExp(`^${ROUTINE.length} chats`));
    expect(param(page, 'range')).toBe('custom');
    expect(param(page, 'from')).toBe(day(70 * DAY));
    expect(param(page, 'to')).toBe(day(20 * DAY));
  });

  it('a shared URL opens the filtered view; chips remove one filter, "Clear filters" all', async () => {
    const { context: other, page: shared } = await openPage();
    await shared.context().addCookies(await context.cookies());
    await openExplorer(shared, '?sentiment=negative&is_escalated=true&tz=UTC');
    await expect.poll(() => titles(shared), POLL).toEqual(titlesOf('parental'));
    // The form shows the filters of the URL, and so do the chips.
    expect(await shared.getByLabel('Sentiment', { exact: true }).inputValue()).toBe('negative');
    expect(await shared.getByLabel('Escalated', { exact: true }).inputValue()).toBe('true');
    const chips = shared.getByRole('group', { name: 'Active filters' });
    expect(await chips.locator('.chip').allTextContents()).toEqual(['Sentiment: negative×', 'Escalated: yes×']);

    await shared.getByRole('button', { name: 'Remove filter Escalated: yes' }).click();
    await expect.poll(() => titles(shared), POLL).toEqual(titlesOf('parental', 'payslip'));
    expect(param(shared, 'is_escalated')).toBeNull();
    expect(param(shared, 'sentiment')).toBe('negative');
    expect(await shared.getByLabel('Escalated', { exact: true }).inputValue()).toBe('');

    await shared.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => shared.locator('.results-count').textContent(), POLL).toMatch(new RegExp(`^${TOTAL} chats`));
    expect([...new URL(shared.url()).searchParams.keys()]).toEqual(['tz']); // the zone is a preference, not a filter
    expect(await shared.getByLabel('Sentiment', { exact: true }).inputValue()).toBe('');
    expect(await shared.getByRole('group', { name: 'Active filters' }).count()).toBe(0);
    await other.close();
  });

  it('filters that match nothing say so, with Clear filters', async () => {
    await openExplorer(page, '?q=no-such-words-anywhere');
    await page.getByRole('heading', { name: 'No chats match these filters' }).waitFor();
    await page.locator('.empty-state').getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('.results-count').textContent(), POLL).toMatch(new RegExp(`^${TOTAL} chats`));
  });

  it("shows the API's message for an invalid filter in the URL", async () => {
    await openExplorer(page, '?country_code=XX');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('country_code contains "XX"');
    expect(await alert.textContent()).toContain('ISO 3166-1');
    // The page still works: the filter can be removed.
    await page.getByRole('button', { name: /Remove filter Country/ }).click();
    await expect.poll(() => page.locator('.results-count').textContent(), POLL).toMatch(new RegExp(`^${TOTAL} chats`));

    await openExplorer(page, '?rating_min=abc');
    expect(await page.getByRole('alert').textContent()).toBe('query parameter rating_min must be an integer');
  });

  it("opens a chat from the keyboard; times read in the view's time zone there too", async () => {
    await openExplorer(page, '?sentiment=negative&tz=Asia/Tokyo');
    const created = DISTINCT.find((c) => c.key === 'payslip')!.created_at;
    const inTokyo = await page.evaluate(
      (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }),
      created,
    );
    expect(await page.locator(`tr[data-chat-id="${ids.payslip}"] .col-time`).textContent()).toBe(inTokyo);
    await page.locator(`tr[data-chat-id="${ids.payslip}"] a`).focus();
    await screenshot(page, 'explorer-focus-light');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/chats/${ids.payslip}$`));
    await page.getByRole('heading', { name: 'Payslip missing' }).waitFor();
    expect(await page.locator('.metadata-row', { hasText: 'Created' }).locator('dd').textContent()).toBe(inTokyo);
    expect(await page.locator('.page-header').textContent()).toContain('times in Asia/Tokyo');
  });

  it('downloads a CSV of the current view whose rows match the filter', async () => {
    await openExplorer(page, '?sentiment=negative&tz=UTC');
    await page.getByText('Export this view').click();
    await page.getByLabel('Format', { exact: true }).selectOption('csv');
    await page.getByLabel('Contents', { exact: true }).selectOption('chats');
    await screenshot(page, 'explorer-export-light');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^chatlogger-chats-.*\.csv$/);
    const file = await download.path();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\r\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 3)).toEqual(['id', 'user_id', 'title']);
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((r) => r[header.indexOf('title')]).sort()).toEqual(titlesOf('parental', 'payslip'));
    expect(rows.every((r) => r[header.indexOf('sentiment')] === 'negative')).toBe(true);
    await page.getByText(/^Downloaded chatlogger-chats-/).waitFor();

    // NDJSON of messages within a period: only the parental chat's three messages (others have none).
    await openExplorer(page, '?sentiment=negative&range=7d&tz=UTC');
    await page.getByText('Export this view').click();
    await page.getByLabel('Format', { exact: true }).selectOption('ndjson');
    await page.getByLabel('Contents', { exact: true }).selectOption('messages');
    const [ndjson] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    expect(ndjson.suggestedFilename()).toMatch(/\.ndjson$/);
    const messages = fs.readFileSync(await ndjson.path(), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(messages.map((m) => m.content)).toEqual(DISTINCT[0].messages!.map((m) => m.content));
  });

  it('queues a background export of the view and links to the Exports page', async () => {
    await openExplorer(page, '?tags=urgent');
    await page.getByText('Export this view').click();
    await page.getByRole('button', { name: 'Export in background' }).click();
    await page.getByText(/^Export #\d+ is queued/).waitFor();
    const id = Number((await page.getByText(/^Export #\d+ is queued/).textContent())!.match(/#(\d+)/)![1]);
    const job = await (await page.request.get(`/api/v1/exports/${id}`)).json();
    expect(job.filters).toMatchObject({ tags: 'urgent' });
    expect(await page.getByRole('link', { name: 'Follow it on the Exports page' }).getAttribute('href')).toBe('/exports');
    // Escape folds the pop-over.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('button', { name: 'Export in background' }).isVisible(), POLL).toBe(false);
  });

  it('dark mode and a phone-sized screen', async () => {
    const dark = await openPage({ colorScheme: 'dark' });
    await dark.context.addCookies(await context.cookies());
    await openExplorer(dark.page, '?tz=UTC&range=7d');
    expect(await dark.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(dark.page, 'explorer-dark');
    await dark.context.close();

    const phone = await openPage({ viewport: { width: 390, height: 844 } });
    await phone.context.addCookies(await context.cookies());
    await openExplorer(phone.page, '?tz=UTC&sentiment=negative');
    // The filters start folded away; the chips still say what is filtered.
    const toggle = phone.page.getByRole('button', { name: /More filters/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await phone.page.getByLabel('Sentiment', { exact: true }).isVisible()).toBe(false);
    expect(await phone.page.getByRole('group', { name: 'Active filters' }).textContent()).toContain('Sentiment: negative');
    // The table scrolls inside its frame; the page itself does not scroll sideways.
    const wrap = phone.page.locator('.chats-table-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone.page, 'explorer-phone');
    await toggle.click();
    expect(await phone.page.getByLabel('Sentiment', { exact: true }).isVisible()).toBe(true);
    await screenshot(phone.page, 'explorer-phone-filters');
    await phone.context.close();
  });
});

describe('chat detail', () => {
  it('shows the metadata, the transcript in order and the transcript link; Back keeps the filters', async () => {
    await openExplorer(page, '?sentiment=negative&tz=UTC');
    await page.getByRole('link', { name: 'Parental leave request' }).click();
    await page.waitForURL(new RegExp(`/chats/${ids.parental}$`));
    await page.getByRole('heading', { name: 'Parental leave request' }).waitFor();

    const details = page.locator('dl.metadata');
    await details.waitFor();
    const pairs = await details.locator('.metadata-row').evaluateAll((rows) =>
      Object.fromEntries(rows.map((row) => [row.querySelector('dt')!.textContent, (row.querySelector('dd') as HTMLElement).innerText])),
    );
    expect(pairs).toMatchObject({
      Category: 'Leave',
      Sentiment: 'Negative',
      Escalated: 'Yes',
      'HR hand-over': 'Yes',
      Language: 'Dutch (nl)',
      Country: 'Netherlands (NL)',
      Tokens: '420',
      'Avg. response time': '1.8 s',
      Session: 'sess-parental',
      'End user id': '7',
      'IP address': '203.0.113.9',
    });
    expect(pairs.Rating).toContain('2 / 5');
    expect(Object.keys(pairs)).toEqual(expect.arrayContaining(['Created', 'Updated']));

    const bubbles = page.locator('.transcript .bubble');
    expect(await bubbles.evaluateAll((els) => els.map((el) => el.getAttribute('data-role')))).toEqual(['user', 'assistant', 'system']);
    expect(await bubbles.locator('.bubble-content').allTextContents()).toEqual(DISTINCT[0].messages!.map((m) => m.content));
    expect(await bubbles.nth(1).locator('.bubble-meta').textContent()).toMatch(/35 tokens.*response time 1\.2 s/);
    expect(await bubbles.nth(0).locator('.bubble-meta').textContent()).toContain('12 tokens');
    // User on the right, assistant on the left, system in the middle.
    const boxes = await Promise.all([0, 1, 2].map((i) => bubbles.nth(i).boundingBox()));
    const transcriptBox = (await page.locator('.transcript').boundingBox())!;
    expect(boxes[0]!.x + boxes[0]!.width).toBeCloseTo(transcriptBox.x + transcriptBox.width, 0);
    expect(boxes[1]!.x).toBeCloseTo(transcriptBox.x, 0);
    expect(boxes[2]!.x + boxes[2]!.width / 2).toBeCloseTo(transcriptBox.x + transcriptBox.width / 2, 0);

    const link = page.getByRole('link', { name: /Open transcript link/ });
    expect(await link.getAttribute('href')).toBe('https://bot.example.com/transcripts/parental');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await screenshot(page, 'chat-detail-light');

    await page.getByRole('link', { name: /Back to chats/ }).click();
    await page.waitForURL(/\/chats\?/);
    expect(param(page, 'sentiment')).toBe('negative');
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('parental', 'payslip'));
  });

  it('a long transcript loads past its first 1,000 messages', async () => {
    const headers = { 'x-organization-api-key': apiKey };
    const created = await expectOk(await page.request.post('/api/v1/chats', { headers, data: { title: 'Very long chat' } }), 201, 'long chat');
    const COUNT = 1005;
    for (let start = 0; start < COUNT; start += 50) {
      // Batches of 50 in parallel; each batch after the previous one, so message order is known per batch.
      await Promise.all(
        Array.from({ length: Math.min(50, COUNT - start) }, (_, i) =>
          page.request
            // As the signed-in admin (this server's per-user limit is raised above).
            .post(`/api/v1/chats/${created.chat_id}/messages`, { data: { role: (start + i) % 2 ? 'assistant' : 'user', content: `Message ${start + i + 1}` } })
            .then((res) => expect(res.status()).toBe(201)),
        ),
      );
    }
    await page.goto(`/chats/${created.chat_id}`);
    await page.getByRole('heading', { name: /Transcript \(1,000\+ messages\)/ }).waitFor();
    expect(await page.locator('.transcript .bubble').count()).toBe(1000);
    await page.getByRole('button', { name: 'Load more messages' }).click();
    await expect.poll(() => page.locator('.transcript .bubble').count(), POLL).toBe(COUNT);
    expect(await page.getByRole('button', { name: 'Load more messages' }).count()).toBe(0);
    await page.getByRole('heading', { name: /Transcript \(1,005 messages\)/ }).waitFor();
    // The last batch comes last.
    const last = (await page.locator('.transcript .bubble-content').evaluateAll((els) => els.slice(-5).map((el) => el.textContent))).sort();
    expect(last).toEqual(['Message 1001', 'Message 1002', 'Message 1003', 'Message 1004', 'Message 1005']);
    expect((await page.request.delete(`/api/v1/chats/${created.chat_id}`)).ok()).toBe(true);
  }, 90_000);

  it('in dark mode', async () => {
    const dark = await openPage({ colorScheme: 'dark' });
    await dark.context.addCookies(await context.cookies());
    await dark.page.goto(`/chats/${ids.parental}`);
    await dark.page.locator('.transcript .bubble').first().waitFor();
    await screenshot(dark.page, 'chat-detail-dark');
    const phone = await openPage({ viewport: { width: 390, height: 844 } });
    await phone.context.addCookies(await context.cookies());
    await phone.page.goto(`/chats/${ids.parental}`);
    await phone.page.locator('.transcript .bubble').first().waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone.page, 'chat-detail-phone');
    await Promise.all([dark.context.close(), phone.context.close()]);
  });

  it('an admin adds and removes tags, and the change is stored', async () => {
    await page.goto(`/chats/${ids.holiday}`);
    const input = page.getByLabel('Add tags', { exact: true });
    await input.fill('Follow-up, payroll');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Remove tag follow-up' }).waitFor();
    expect(await input.inputValue()).toBe('');
    expect(await page.locator('.tag-editor .chip > span').allTextContents()).toEqual(['leave', 'follow-up', 'payroll']);
    let stored = await (await page.request.get(`/api/v1/chats/${ids.holiday}`)).json();
    expect(stored.tags).toEqual(['leave', 'follow-up', 'payroll']);

    await page.getByRole('button', { name: 'Remove tag leave' }).click();
    await expect.poll(() => page.locator('.tag-editor .chip > span').allTextContents(), POLL).toEqual(['follow-up', 'payroll']);
    stored = await (await page.request.get(`/api/v1/chats/${ids.holiday}`)).json();
    expect(stored.tags).toEqual(['follow-up', 'payroll']);

    // The explorer shows the new tags too.
    await openExplorer(page, '?tags=follow-up');
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('holiday'));
  });

  it('a viewer reads the chat but sees no edit or delete controls', async () => {
    const invitation = await expectOk(
      await page.request.post('/api/v1/orgs/me/invitations', { data: { email: 'viewer@example.com', role: 'viewer' } }),
      201,
      'invitation',
    );
    const viewer = await openPage();
    await expectOk(
      await viewer.page.request.post('/auth/register', {
        data: { invite_token: invitation.invite_token, email: 'viewer@example.com', password: 'viewer password 1' },
      }),
      201,
      'register viewer',
    );
    await signInAs(viewer.page, 'viewer@example.com', 'viewer password 1');
    await viewer.page.goto(`/chats/${ids.parental}`);
    await viewer.page.getByRole('heading', { name: 'Parental leave request' }).waitFor();
    await viewer.page.locator('dl.metadata').waitFor();
    expect(await viewer.page.locator('.chat-side .tag').allTextContents()).toEqual(['leave', 'urgent']);
    expect(await viewer.page.getByLabel('Add tags', { exact: true }).count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: /Remove tag/ }).count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: 'Delete chat' }).count()).toBe(0);
    // A viewer may export the view all the same.
    await openExplorer(viewer.page, '?tags=urgent');
    await viewer.page.getByText('Export this view').click();
    const [download] = await Promise.all([viewer.page.waitForEvent('download'), viewer.page.getByRole('button', { name: 'Download' }).click()]);
    expect(fs.readFileSync(await download.path(), 'utf8').trim().split('\r\n')).toHaveLength(3);
    await viewer.context.close();
  });

  it('another organization sees "Chat not found", and a new organization is shown how to send chats', async () => {
    const other = await openPage();
    const { organization } = await signUpThroughApi(other.page, {
      email: 'someone@elsewhere.example',
      password: 'another password',
      organization_name: 'Elsewhere Inc',
    });
    await other.page.goto(`/chats/${ids.parental}`);
    await other.page.getByRole('heading', { name: 'Chat not found' }).waitFor();
    expect(await other.page.getByText('Parental leave request').count()).toBe(0);
    await other.page.goto('/chats/not-a-number');
    await other.page.getByRole('heading', { name: 'Chat not found' }).waitFor();

    await openExplorer(other.page);
    await other.page.getByRole('heading', { name: 'No chats yet' }).waitFor();
    expect(await other.page.locator('.snippet pre').textContent()).toContain(`/api/v1/orgs/${organization.slug}/chats`);
    expect(await other.page.getByRole('link', { name: 'Create an API key' }).getAttribute('href')).toBe('/api-keys');
    await other.context.close();
  });

  it('an admin deletes a chat after confirming, and returns to the explorer', async () => {
    const created = await expectOk(
      await page.request.post('/api/v1/chats', {
        headers: { 'x-organization-api-key': apiKey },
        data: { title: 'Chat to delete', metadata: { sentiment: 'negative' } },
      }),
      201,
      'chat to delete',
    );
    await openExplorer(page, '?sentiment=negative');
    await expect.poll(() => titles(), POLL).toEqual([...titlesOf('parental', 'payslip'), 'Chat to delete'].sort());
    await page.getByRole('link', { name: 'Chat to delete' }).click();
    await page.getByRole('button', { name: 'Delete chat' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this chat?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Delete chat' }).click();
    await dialog.getByRole('button', { name: 'Delete chat' }).click();
    await page.waitForURL(/\/chats\?sentiment=negative$/);
    await expect.poll(() => titles(), POLL).toEqual(titlesOf('parental', 'payslip'));
    expect((await page.request.get(`/api/v1/chats/${created.chat_id}`)).status()).toBe(404);
  });
});
