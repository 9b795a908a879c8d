// Its tests build on each other and run in order (Vitest runs a file's tests one after another): the audit
// log of the last test lists the changes and the erasure of the tests before it. Run the file whole: one
// test alone (-t) fails.
// The Privacy and Audit log pages in a real browser: a stricter IP mode and a retention that would
// remove stored data ask for confirmation with what they remove; an erasure is previewed,
// confirmed and answers a receipt; the audit log shows those actions and says the chain is intact.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signUpThroughApi, startDashboardServer, type DashboardServer } from '../helpers/browser.js';
import { createApiKey, sendChats } from './seed.js';

let server: DashboardServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer({ RETENTION_INTERVAL_SECONDS: '0' }), launchBrowser()]);
  ({ page } = await newPage(browser, server.url));
  await signUpThroughApi(page, { email: 'dpo@example.com', password: 'correct horse battery', organization_name: 'DPO Org' });
  const key = await createApiKey(page.request);
  await sendChats(page.request, key, [
    { title: 'old chat', user_id: 77, created_at: new Date(Date.now() - 40 * 86_400_000).toISOString(), metadata: { ip_address: '203.0.113.9' } },
    { title: 'new chat', user_id: 77, metadata: { ip_address: '203.0.113.10' } },
    { title: 'someone else', user_id: 78 },
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('privacy page', () => {
  it('confirms a change that removes stored data, listing what it removes', async () => {
    await page.goto('/privacy');
    await page.getByLabel('IP addresses of end users').selectOption('truncated');
    await page.getByLabel('Message text and titles').fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('1 chats with their text removed');
    expect(await dialog.textContent()).toContain('2 stored IP addresses truncated or removed');
    await dialog.getByRole('button', { name: 'Apply and remove' }).click();
    await page.getByText('Saved.').waitFor();
    const settings = await (await page.request.get('/api/v1/orgs/me/privacy')).json();
    expect(settings).toMatchObject({ ip_mode: 'truncated', content_retention_days: 30 });
  });

  it('a bad value gets the server sentence next to the field', async () => {
    await page.goto('/privacy');
    await page.getByLabel('Whole chats').fill('0');
    // The browser's own check would stop the form first: submit through the API's check instead.
    await page.getByLabel('Whole chats').evaluate((input: HTMLInputElement) => input.removeAttribute('min'));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('chat_retention_days must be at least 1').waitFor();
  });

  it('previews an erasure, erases on confirmation, and offers the receipt', async () => {
    await page.goto('/privacy');
    await page.getByRole('textbox', { name: 'End user id' }).fill('77');
    await page.getByRole('button', { name: 'Preview erasure' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('2 chats');
    await dialog.getByRole('button', { name: 'Erase' }).click();
    await page.getByText('Erased: 2 chats').waitFor();
    await page.getByRole('link', { name: 'Download receipt' }).waitFor();
    await screenshot(page, 'privacy');
    const chats = await (await page.request.get('/api/v1/chats')).json();
    expect(chats.chats.map((c: { title: string }) => c.title)).toEqual(['someone else']);
  });
});

describe('audit log page', () => {
  it('lists the actions with their actor and checks the chain', async () => {
    await page.goto('/audit');
    await page.getByRole('cell', { name: 'erasure.completed' }).waitFor();
    await page.getByRole('cell', { name: 'settings.privacy_updated' }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'dpo@example.com' }).count()).toBeGreaterThan(2);
    await page.getByRole('button', { name: 'Check integrity' }).click();
    await page.getByText(/The chain is intact: \d+ entries checked/).waitFor();
    await page.getByLabel('Action').fill('erasure.');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'audit');
  });
});
