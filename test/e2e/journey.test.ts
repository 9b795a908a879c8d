// Its tests build on each other and run in order (Vitest runs a file's tests one after another): the first
// test signs up and creates the API key that the bot uses in the next ones. Run the file whole: one test
// alone (-t) fails.
// The first hour of a new customer, as the dashboard issue tells it: sign up, create an API key,
// the bot sends chats through the public API, they show up in the explorer and in the overview's
// KPIs, a filter narrows them, the detail shows one, and revoking the key stops the bot.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, startDashboardServer, type DashboardServer } from '../helpers/browser.js';

let server: DashboardServer;
let browser: Browser;
let page: Page;
let apiKey: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
  ({ page } = await newPage(browser, server.url));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** What the bot does: the Create Chat request with both headers, from outside the browser. */
async function botSendsChat(body: Record<string, unknown>) {
  return fetch(`${server.url}/api/v1/chats`, {
    method: 'POST',
    headers: { 'x-organization-api-key': apiKey, Authorization: apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('from sign-up to the first chats', () => {
  it('signs up and creates an API key, shown once', async () => {
    await page.goto('/signup');
    await page.getByLabel('Organization name').fill('Journey HR');
    await page.getByLabel('E-mail').fill('jo@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: 'No chats yet' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Label').fill('HR bot production');
    await page.getByRole('button', { name: 'Create key' }).click();
    apiKey = (await page.getByTestId('new-api-key').textContent())!.trim();
    expect(apiKey).toMatch(/^clk_[A-Za-z0-9]+$/);
    // The snippet next to it is ready to paste: the key and the slug are filled in.
    expect(await page.locator('.new-key .snippet pre').textContent()).toContain(`x-organization-api-key: ${apiKey}`);
  });

  it('shows the chats the bot sends in the explorer and in the overview', async () => {
    const first = await botSendsChat({
      title: 'Parental leave question',
      user_id: 42,
      tags: ['leave'],
      metadata: { question_category: 'leave', sentiment: 'neutral', is_escalated: true, is_forwarded_to_hr: true, language_code: 'nl', country_code: 'NL', user_rating: 4, token_count: 42, avg_response_time: 2 },
    });
    expect(first.status).toBe(201);
    const firstId = (await first.json()).chat_id;
    const second = await botSendsChat({ title: 'Payslip missing', user_id: 43, metadata: { question_category: 'payroll', sentiment: 'negative', is_escalated: false, user_rating: 2 } });
    expect(second.status).toBe(201);
    const message = await fetch(`${server.url}/api/v1/chats/${firstId}/messages`, {
      method: 'POST',
      headers: { 'x-organization-api-key': apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'user', content: 'Hoeveel verlofdagen heb ik nog?' }),
    });
    expect(message.status).toBe(201);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chats' }).click();
    await page.getByRole('link', { name: 'Parental leave question' }).waitFor();
    await page.getByRole('link', { name: 'Payslip missing' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    const chats = page.locator('.kpi[data-metric="chats"] .kpi-value');
    await expect.poll(() => chats.textContent()).toBe('2');
    expect(await page.locator('.kpi[data-metric="escalation_rate"] .kpi-value').textContent()).toBe('50%');
    expect(await page.locator('.kpi[data-metric="avg_rating"] .kpi-value').textContent()).toMatch(/^3[.,]00 \/ 5$/);
  });

  it('filters the explorer and opens a chat', async () => {
    await page.goto('/chats');
    await page.getByLabel('Search titles and messages').fill('verlof');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/q=verlof/);
    await expect.poll(() => page.getByRole('link', { name: 'Payslip missing' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Parental leave question' }).click();
    await page.waitForURL(/\/chats\/\d+/);
    await page.getByText('Hoeveel verlofdagen heb ik nog?').waitFor();
    const details = await page.locator('dl.metadata').innerText();
    expect(details).toContain('Netherlands');
    expect(details).toContain('Dutch');
    await screenshot(page, 'journey-chat-detail');
  });

  it('revokes the key: the bot is refused at once', async () => {
    await page.goto('/api-keys');
    await page.getByRole('button', { name: 'Revoke HR bot production' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.locator('.badge-bad').first().waitFor();
    expect((await botSendsChat({ title: 'After revoking' })).status).toBe(401);
  });
});
