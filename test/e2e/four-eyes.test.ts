// Its tests build on each other and run in order (Vitest runs a file's tests one after another): the
// request of the first test is approved in the second and read in the third. Run the file whole: one test
// alone (-t) fails.
// Four-eyes access to a transcript in works-council mode, in a real browser with two admins in two
// browser contexts: the first asks for access with a reason, the second approves it on the
// Transcript access page, the first reads the transcript with its expiry shown, and at the expiry
// the page closes the transcript again (a one-minute grant; the test polls for the closed state).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signUpThroughApi, startDashboardServer, type DashboardServer } from '../helpers/browser.js';
import { createApiKey, sendChats } from './seed.js';
import { violations } from '../helpers/axe.js';

let server: DashboardServer;
let browser: Browser;
let anna: Page; // asks
let bert: Page; // approves
let chatId: number;

const TEXT = 'Please change my bank account before the next payroll';
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
  ({ page: anna } = await newPage(browser, server.url));
  ({ page: bert } = await newPage(browser, server.url));
  await signUpThroughApi(anna, { email: 'anna@example.com', password: PASSWORD, organization_name: 'Works Council Org' });
  // The second admin joins by invitation and signs in in their own browser context.
  const invitation = await (await anna.request.post('/api/v1/orgs/me/invitations', { data: { email: 'bert@example.com', role: 'admin' } })).json();
  const joined = await bert.request.post('/auth/register', { data: { invite_token: invitation.invite_token, email: 'bert@example.com', password: PASSWORD } });
  expect(joined.status()).toBe(201);
  expect((await bert.request.post('/auth/login', { data: { email: 'bert@example.com', password: PASSWORD } })).status()).toBe(200);
  const key = await createApiKey(anna.request);
  [chatId] = await sendChats(anna.request, key, [{ title: 'Bank account change', user_id: 5 }]);
  expect((await anna.request.post(`/api/v1/chats/${chatId}/messages`, { headers: { 'x-organization-api-key': key }, data: { role: 'user', content: TEXT } })).status()).toBe(201);
  expect((await anna.request.patch('/api/v1/orgs/me/privacy', { data: { works_council: true } })).status()).toBe(200);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('four eyes', () => {
  it('the transcript is closed and the title hidden; an admin requests access with a reason', async () => {
    await anna.goto(`/chats/${chatId}`);
    await anna.getByText('Works-council mode: this transcript is closed.').waitFor();
    expect(await anna.getByRole('heading', { level: 1 }).textContent()).toContain('title hidden');
    expect(await anna.getByText(TEXT).count()).toBe(0);
    await anna.getByRole('button', { name: 'Request access' }).waitFor();
    expect(await violations(anna)).toEqual([]);
    await anna.getByLabel('Reason').fill('Complaint 2026-17: check what the bot told the employee');
    // One minute, the shortest grant, so that the test sees it expire (by polling, not sleeping).
    await anna.getByLabel('Minutes of access').fill('1');
    await anna.getByRole('button', { name: 'Request access' }).click();
    await anna.getByText('waits for another admin’s approval').waitFor();
    // The requester cannot approve their own request.
    await anna.goto('/access-requests');
    await anna.getByText('Another admin decides').waitFor();
    expect(await anna.getByRole('button', { name: /Approve/ }).count()).toBe(0);
  });

  it('the second admin approves it on the Transcript access page', async () => {
    await bert.goto('/access-requests');
    const row = bert.locator('tbody tr', { hasText: 'Complaint 2026-17' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Pending');
    expect(await violations(bert)).toEqual([]);
    await row.getByRole('button', { name: /Approve/ }).click();
    await expect.poll(() => row.textContent()).toContain('Approved until');
    await screenshot(bert, 'four-eyes-approved');
  });

  it('the requester reads the transcript with its expiry shown, the approver does not, and at the expiry it closes again', async () => {
    await anna.goto(`/chats/${chatId}`);
    await anna.getByText(TEXT).waitFor();
    expect(await anna.getByRole('heading', { level: 1 }).textContent()).toContain('Bank account change');
    expect(await anna.getByTestId('access-expiry').textContent()).toContain('until');
    await screenshot(anna, 'four-eyes-open');
    await bert.goto(`/chats/${chatId}`);
    await bert.getByText('Works-council mode: this transcript is closed.').waitFor();
    expect(await bert.getByText(TEXT).count()).toBe(0);
    // The open page reloads the chat at the expiry by itself and closes the transcript.
    await anna.getByText('Works-council mode: this transcript is closed.').waitFor({ timeout: 90_000 });
    expect(await anna.getByText(TEXT).count()).toBe(0);
    const requests = (await (await anna.request.get('/api/v1/transcript-access-requests')).json()).requests;
    expect(requests.map((r: { status: string }) => r.status)).toEqual(['expired']);
  }, 120_000);
});
