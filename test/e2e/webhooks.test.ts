// The webhooks page in a real browser against the real server: an admin adds an endpoint (the
// secret is shown once), sends a test event, and sees its delivery in the log; the receiver (in
// this process) got it signed with that secret (checked with standardwebhooks).
import { Webhook } from 'standardwebhooks';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signUpThroughApi, startDashboardServer, type DashboardServer } from '../helpers/browser.js';
import { startReceiver, type Receiver } from '../helpers/webhook-receiver.js';

let server: DashboardServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  [server, browser] = await Promise.all([startDashboardServer({ WEBHOOK_ALLOW_PRIVATE: 'true' }), launchBrowser()]);
  ({ context, page } = await newPage(browser, server.url));
  await signUpThroughApi(page, { email: 'wendy@example.com', password: 'correct horse battery', organization_name: 'Hooks Org' });
}, 90_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await server?.stop();
  await receiver?.close();
});

describe('webhooks page', () => {
  it('creates an endpoint, sends a test event and shows its delivery', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Webhooks', level: 1 }).isVisible()).toBe(true);
    await page.getByText('No endpoints yet').waitFor();
    await page.getByLabel('URL').fill(receiver.url);
    await page.getByLabel(/A chat is logged/).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByText('Endpoint added').waitFor();
    const secret = (await page.locator('.new-key-value code').first().textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    const card = page.getByRole('article', { name: `Endpoint ${receiver.url}` });
    await card.getByText('enabled', { exact: true }).waitFor();

    await card.getByRole('button', { name: 'Send test event' }).click();
    // The log polls: the delivery appears by itself.
    await card.locator('.delivery-log').getByText('webhook.test').waitFor({ timeout: 15_000 });
    await card.locator('.delivery-log .badge-good').getByText('200').waitFor();
    await screenshot(page, 'webhooks');

    expect(receiver.received).toHaveLength(1);
    const { body, headers } = receiver.received[0];
    expect(new Webhook(secret).verify(body, headers as Record<string, string>)).toMatchObject({ type: 'webhook.test' });
  }, 60_000);
});

describe('alerts', () => {
  it('an alert rule fires, shows on the overview under "needs attention" and is sent to the webhook', async () => {
    const hook = await page.request.post('/api/v1/webhooks', { data: { url: receiver.url, events: ['alert.fired'] } });
    expect(hook.status()).toBe(201);
    const key = (await (await page.request.post('/api/v1/orgs/me/apikeys', { data: { label: 'bot' } })).json()).key;
    // 30 chats in the last day's window (before the last whole hour), 20 of them escalated.
    const at = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
    const chats = Array.from({ length: 30 }, (_, i) => ({ title: `c${i}`, created_at: new Date(at + i * 1000).toISOString(), metadata: { is_escalated: i < 20, question_category: 'payroll' } }));
    expect((await page.request.post('/api/v1/chats/batch', { headers: { 'x-organization-api-key': key }, data: { chats } })).status()).toBe(207);

    await page.goto('/alerts');
    await page.getByLabel('Name').fill('Escalations up');
    await page.getByLabel('Threshold (rates as 0–1)').fill('0.5');
    await page.getByRole('button', { name: 'Add rule' }).click();
    const card = page.getByRole('article', { name: 'Alert rule Escalations up' });
    await card.getByText('ok', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Evaluate now' }).click();
    await card.getByText('firing', { exact: true }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    const attention = page.getByRole('region', { name: 'Needs attention' });
    await attention.getByRole('link', { name: 'Escalations up' }).waitFor();
    expect(await attention.textContent()).toContain('escalation_rate');
    await screenshot(page, 'overview-needs-attention');

    // (The first endpoint also gets the chats' events.)
    const alertFired = () => receiver.received.map((r) => JSON.parse(r.body)).find((b) => b.type === 'alert.fired');
    await expect.poll(alertFired, { timeout: 15_000 }).toBeTruthy();
    expect(alertFired()).toMatchObject({ type: 'alert.fired', data: { rule: { name: 'Escalations up' }, alert: { state: 'firing' } } });
  }, 60_000);
});
