// Its tests build on each other and run in order (Vitest runs a file's tests one after another): one
// organization and page; a key created by one test is revoked by a later one, the invitation link of one is
// used by the next, members added are later demoted and removed. Run the file whole: one test alone (-t)
// fails.
// The admin and account pages in a real browser: API keys (shown once, work, revoked → 401),
// members (invite link → the invitee signs up as a viewer and sees no admin pages; role change,
// removal, the last admin's 409), exports (started, polled to completed, downloaded, paged),
// profile (name, organization, password), and another organization's data never showing up.
// Screenshots of every page, light and dark, and one phone-sized.
import fs from 'node:fs';
import { request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signUpThroughApi, startDashboardServer, type DashboardServer } from '../helpers/browser.js';

const ADMIN = { email: 'ann@example.com', password: 'correct horse battery', organization_name: 'Admin Org', first_name: 'Ann' };
const NEW_PASSWORD = 'a brand new staple';
const OTHER = { email: 'olga@other.example', password: 'other org password', organization_name: 'Other Org', first_name: 'Olga' };

let server: DashboardServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** A client without cookies: what a bot is, so only its API key authenticates it. */
let bot: APIRequestContext;
const contexts: BrowserContext[] = [];

async function signedInPage(options: Parameters<typeof newPage>[2] = {}, account = { email: ADMIN.email, password: ADMIN.password }) {
  const opened = await newPage(browser, server.url, options);
  contexts.push(opened.context);
  const login = await opened.page.request.post('/auth/login', { data: account });
  expect(login.status()).toBe(200);
  return opened.page;
}

const sendChat = (key: string, title = 'Sent with the key from the dashboard') =>
  bot.post('/api/v1/chats', { headers: { 'x-organization-api-key': key }, data: { title } });

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
  ({ context, page } = await newPage(browser, server.url));
  await signUpThroughApi(page, ADMIN);
  bot = await playwrightRequest.newContext({ baseURL: server.url });

  // Another organization with a key, a pending invitation and an export: none of it may show up.
  const other = await newPage(browser, server.url);
  contexts.push(other.context);
  await signUpThroughApi(other.page, OTHER);
  expect((await other.page.request.post('/api/v1/orgs/me/apikeys', { data: { label: 'Other org secret key' } })).status()).toBe(201);
  expect((await other.page.request.post('/api/v1/orgs/me/invitations', { data: { email: 'outsider@other.example', role: 'user' } })).status()).toBe(201);
  expect((await other.page.request.post('/api/v1/exports', { data: { format: 'json', type: 'messages' } })).status()).toBe(202);
}, 90_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await bot?.dispose();
  await browser?.close();
  await server?.stop();
});

describe('API keys', () => {
  let key = '';

  it('starts empty, with the send-chats snippet for this organization', async () => {
    await page.goto('/api-keys');
    await page.getByRole('heading', { name: 'No API keys yet: create one for your bot' }).waitFor();
    const snippet = page.locator('.snippet pre');
    expect(await snippet.textContent()).toContain(`${server.url}/api/v1/orgs/admin-org/chats`);
    expect(await snippet.textContent()).toContain('x-organization-api-key: $API_KEY');
    await screenshot(page, 'api-keys-empty-light');
  });

  it('creates a key, shows it once with a copy button, and the key works', async () => {
    // By keyboard: Enter in the label submits; focus then lands on the box with the key.
    await page.getByLabel('Label').fill('HR bot production');
    await page.getByLabel('Label').press('Enter');
    const shown = page.getByTestId('new-api-key');
    await shown.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('new-key');
    key = (await shown.textContent())!.trim();
    expect(key.length).toBeGreaterThan(20);
    expect(await page.getByText('it won’t be shown again').isVisible()).toBe(true);
    // The snippet of the new key has the key filled in.
    expect(await page.locator('.new-key .snippet pre').textContent()).toContain(`x-organization-api-key: ${key}`);

    await page.getByRole('button', { name: 'Copy key' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    // It is in the list, active, never used yet.
    const row = page.locator('tbody tr', { hasText: 'HR bot production' });
    await row.waitFor();
    expect(await row.textContent()).toContain('never');
    expect(await row.locator('.badge').textContent()).toBe('active');
    expect(key.startsWith((await row.locator('code').textContent())!.replace('…', ''))).toBe(true);
    await screenshot(page, 'api-keys-created-light');

    const sent = await sendChat(key);
    expect(sent.status()).toBe(201);
  });

  it('never shows the key again; the list says when it was last used', async () => {
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('heading', { name: 'Create an API key' }).waitFor();
    expect(await page.getByTestId('new-api-key').count()).toBe(0);
    await page.reload();
    const row = page.locator('tbody tr', { hasText: 'HR bot production' });
    await row.waitFor();
    expect(await page.content()).not.toContain(key);
    // Last use is written after the chat: "now" / "N seconds ago", no longer "never".
    await expect.poll(async () => (await page.reload(), await row.locator('td').nth(3).textContent()), { timeout: 10_000 }).not.toBe('never');
    // The placeholder snippet is always there.
    expect(await page.locator('.snippet pre').textContent()).toContain('$API_KEY');
    await screenshot(page, 'api-keys-light');
  });

  it('lists no key of another organization', async () => {
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.getByText('Other org secret key').count()).toBe(0);
  });

  it('revokes a key after a confirmation naming it; the key then gets 401', async () => {
    await page.getByRole('button', { name: 'Revoke HR bot production' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Revoke the API key “HR bot production”?');
    await screenshot(page, 'api-keys-revoke-dialog-light');
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    const row = page.locator('tbody tr', { hasText: 'HR bot production' });
    await row.locator('.badge', { hasText: 'revoked' }).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    await expect.poll(async () => (await sendChat(key)).status(), { timeout: 5_000 }).toBe(401);
  });
});

describe('members', () => {
  let inviteLink = '';
  let viewer: Page;

  it('lists the members of this organization only', async () => {
    await page.goto('/members');
    const row = page.locator('tr[data-member="ann@example.com"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('you');
    expect(await row.getByLabel('Role of Ann').inputValue()).toBe('admin');
    expect(await page.locator('tr[data-member]').count()).toBe(1);
    expect(await page.getByText('olga@other.example').count()).toBe(0);
    expect(await page.getByText('outsider@other.example').count()).toBe(0);
    expect(await page.getByText('No pending invitations.').isVisible()).toBe(true);
  });

  it('invites a viewer and shows the link to send, once, with a copy button', async () => {
    await page.getByLabel('E-mail').fill('vera@example.com');
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Invite' }).click();
    const link = page.getByLabel('Invitation link');
    await link.waitFor();
    inviteLink = await link.inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${server.url}/signup\\?invite=[^&]+$`));
    expect(await page.getByText('Send this link to vera@example.com').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Copy link' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(inviteLink);
    const pending = page.locator('tr[data-invitation="vera@example.com"]');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('viewer');
    expect(await pending.textContent()).toContain('Ann');
    await screenshot(page, 'members-invited-light');
    await page.reload();
    await pending.waitFor();
    expect(await page.getByLabel('Invitation link').count()).toBe(0);
  });

  it('an invitation to a member of the organization is refused next to the e-mail', async () => {
    await page.getByLabel('E-mail').fill('ann@example.com');
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.locator('.field-error', { hasText: 'This e-mail address is already a member of this organization' }).waitFor();
  });

  it('the invitee registers through the link and, as a viewer, sees no admin pages', async () => {
    const opened = await newPage(browser, server.url);
    contexts.push(opened.context);
    viewer = opened.page;
    await viewer.goto(inviteLink);
    await viewer.getByRole('heading', { name: 'Join your organization' }).waitFor();
    expect(await viewer.getByLabel('Organization name').count()).toBe(0);
    await viewer.getByLabel('First name').fill('Vera');
    await viewer.getByLabel('E-mail').fill('vera@example.com');
    await viewer.getByLabel('Password').fill('viewer password 1');
    await viewer.getByRole('button', { name: 'Join' }).click();
    const nav = viewer.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Exports' }).waitFor();
    expect(await viewer.locator('.user-badge').textContent()).toBe('Vera · viewer');
    expect(await nav.getByRole('link', { name: 'API keys' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Members' }).count()).toBe(0);
    for (const path of ['/api-keys', '/members']) {
      await viewer.goto(path);
      await viewer.getByRole('heading', { name: 'Only admins can open this page' }).waitFor();
      expect(await viewer.getByRole('button', { name: /Create key|Invite/ }).count()).toBe(0);
    }
    await screenshot(viewer, 'viewer-admin-page-light');
    await viewer.goto('/profile');
    await viewer.getByRole('heading', { name: 'Profile' }).waitFor();
    expect(await viewer.getByTestId('org-name').textContent()).toBe('Admin Org');
    expect(await viewer.getByRole('button', { name: 'Rename' }).count()).toBe(0);
  });

  it('the accepted invitation leaves the pending list; the new member is listed', async () => {
    await page.goto('/members');
    const row = page.locator('tr[data-member="vera@example.com"]');
    await row.waitFor();
    expect(await row.getByLabel('Role of Vera').inputValue()).toBe('viewer');
    expect(await page.locator('tr[data-invitation="vera@example.com"]').count()).toBe(0);
    await screenshot(page, 'members-light');
  });

  it("changes a member's role", async () => {
    const select = page.getByLabel('Role of Vera');
    await select.selectOption('user');
    await expect
      .poll(async () => {
        const users = await (await page.request.get('/api/v1/orgs/me/users')).json();
        return users.find((u: { email: string }) => u.email === 'vera@example.com').role;
      })
      .toBe('user');
    await page.reload();
    await expect.poll(() => page.getByLabel('Role of Vera').inputValue()).toBe('user');
    // Vera's next page load follows her new role.
    await viewer.goto('/profile');
    await viewer.locator('.user-badge', { hasText: 'Vera · user' }).waitFor();
  });

  it('demoting the last admin shows the API’s 409', async () => {
    await page.getByLabel('Role of Ann').selectOption('viewer');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Change your own role to viewer?' }).waitFor();
    await dialog.getByRole('button', { name: 'Become viewer' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'This user is the last admin of the organization: make another member admin first' }).waitFor();
    await screenshot(page, 'members-last-admin-light');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect(await page.getByLabel('Role of Ann').inputValue()).toBe('admin');
  });

  it('removing yourself says so, and the last admin cannot be removed', async () => {
    await page.getByRole('button', { name: 'Remove Ann' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Remove yourself from the organization?' }).waitFor();
    expect(await dialog.textContent()).toContain('This is your own account (ann@example.com)');
    await dialog.getByRole('button', { name: 'Remove myself' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'last admin of the organization and cannot be removed' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('tr[data-member="ann@example.com"]').count()).toBe(1);
  });

  it('removes a member after confirmation; their session ends', async () => {
    await page.getByRole('button', { name: 'Remove Vera' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Remove Vera?' }).waitFor();
    await dialog.getByRole('button', { name: 'Remove member' }).click();
    await expect.poll(() => page.locator('tr[data-member="vera@example.com"]').count()).toBe(0);
    expect(await page.locator('tr[data-member]').count()).toBe(1);
    expect((await viewer.request.get('/api/v1/users/me')).status()).toBe(401);
    await viewer.goto('/exports');
    await viewer.getByRole('heading', { name: 'Sign in to ChatLogger' }).waitFor();
  });

  it('revokes a pending invitation after confirmation', async () => {
    await page.getByLabel('E-mail').fill('tom@example.com');
    await page.getByLabel('Role', { exact: true }).selectOption('user');
    await page.getByRole('button', { name: 'Invite' }).click();
    const link = await page.getByLabel('Invitation link').inputValue();
    const pending = page.locator('tr[data-invitation="tom@example.com"]');
    await pending.waitFor();
    await pending.getByRole('button', { name: 'Revoke the invitation of tom@example.com' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Revoke the invitation of tom@example.com?' }).waitFor();
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    await expect.poll(() => pending.count()).toBe(0);
    const token = new URL(link).searchParams.get('invite');
    const register = await bot.post('/auth/register', { data: { invite_token: token, email: 'tom@example.com', password: 'tom password 1' } });
    expect(register.status()).toBe(400);
  });
});

describe('exports', () => {
  it('starts empty, with a form for all chats', async () => {
    await page.goto('/exports');
    await page.getByRole('heading', { name: 'No exports yet' }).waitFor();
    // The other organization's export is not ours.
    expect(await page.locator('tr[data-export-id]').count()).toBe(0);
  });

  it('creates an export that the list follows until it is completed, then downloads it', async () => {
    await page.getByLabel('Format').selectOption('csv');
    await page.getByLabel('Content').selectOption('chats');
    await page.getByRole('button', { name: 'Start export' }).click();
    await page.getByRole('status').filter({ hasText: /Export #\d+ started/ }).waitFor();
    const row = page.locator('tr[data-export-id]').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('CSV · chats');
    expect(await row.textContent()).toContain('All chats');
    // No reload: the list polls while the job is pending or processing.
    await row.locator('.badge', { hasText: 'completed' }).waitFor({ timeout: 15_000 });
    // One chat was sent with the key (the only one in this organization).
    expect(await row.locator('td.num').first().textContent()).toBe('1');
    expect(await row.locator('td.num').nth(1).textContent()).toMatch(/\d+ B$/);
    await screenshot(page, 'exports-light');

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /Download export #\d+/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^chatlogger-chats-\d+\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/^id,user_id,title,tags,/);
    expect(text).toContain('Sent with the key from the dashboard');
  });

  it('pages with "Load more"', async () => {
    // 21 more jobs through the API (at most 3 unfinished at once: wait on 429).
    for (let i = 0; i < 21; i++) {
      for (;;) {
        const res = await page.request.post('/api/v1/exports', { data: { format: 'ndjson', type: 'all' } });
        if (res.status() === 202) break;
        expect(res.status()).toBe(429);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await page.reload();
    await expect.poll(() => page.locator('tr[data-export-id]').count()).toBe(20);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => page.locator('tr[data-export-id]').count()).toBe(22);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    // Newest first, no duplicates across the pages.
    const ids = await page.locator('tr[data-export-id]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-export-id'))));
    expect(new Set(ids).size).toBe(22);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    await page.locator('tr[data-export-id] .badge', { hasText: /pending|processing/ }).first().waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('polls while a job is unfinished and stops once none is', async () => {
    // The server finishes these jobs within milliseconds; to watch the polling, the first two list
    // answers show the newest job as processing (the rest of the answer is the server's own).
    let held = 0;
    let listCalls = 0;
    await page.route(/\/api\/v1\/exports(\?.*)?$/, async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      listCalls++;
      const response = await route.fetch();
      const body = await response.json();
      if (held < 2) {
        held++;
        Object.assign(body.exports[0], { status: 'processing', row_count: null, size_bytes: null, completed_at: null, expires_at: null, download_url: null });
      }
      await route.fulfill({ response, json: body });
    });
    await page.reload();
    const newest = page.locator('tr[data-export-id]').first();
    await newest.locator('.badge', { hasText: 'processing' }).waitFor();
    expect(await newest.getByRole('link', { name: /Download/ }).count()).toBe(0);
    await page.getByText('1 running, updating…').waitFor();
    // No reload: the next polls bring the real, completed state.
    await newest.locator('.badge', { hasText: 'completed' }).waitFor({ timeout: 10_000 });
    await newest.getByRole('link', { name: /Download/ }).waitFor();
    expect(await page.getByText(/running, updating/).count()).toBe(0);
    const callsWhenDone = listCalls;
    await page.waitForTimeout(2500); // the one wait that is the point: nothing more is asked
    expect(listCalls).toBe(callsWhenDone);
    await page.unroute(/\/api\/v1\/exports(\?.*)?$/);
  });

  it('a failed job shows its error and no download; an expired one has no download', async () => {
    // Failures (3 attempts on a dying server) and the 7-day sweep cannot be staged from the browser:
    // the list answer is replaced by two jobs shaped as GET /api/v1/exports answers them.
    const job = { format: 'csv', type: 'chats', filters: { sentiment: 'negative' }, row_count: null, size_bytes: null, started_at: null, download_url: null };
    await page.route(/\/api\/v1\/exports(\?.*)?$/, (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({
            json: {
              exports: [
                { ...job, id: 901, status: 'failed', error: 'The export failed 3 times; start a new one', created_at: new Date().toISOString(), completed_at: null, expires_at: null },
                { ...job, id: 900, status: 'completed', error: null, row_count: 5, size_bytes: 2048, created_at: '2026-01-01T10:00:00Z', completed_at: '2026-01-01T10:00:01Z', expires_at: '2026-01-08T10:00:01Z' },
              ],
              next_cursor: null,
            },
          })
        : route.fallback(),
    );
    await page.reload();
    const failed = page.locator('tr[data-export-id="901"]');
    await failed.waitFor();
    expect(await failed.locator('.badge').textContent()).toBe('failed');
    expect(await failed.textContent()).toContain('The export failed 3 times; start a new one');
    expect(await failed.textContent()).toContain('sentiment negative');
    expect(await failed.getByRole('link').count()).toBe(0);
    const expired = page.locator('tr[data-export-id="900"]');
    expect(await expired.locator('.badge').textContent()).toBe('expired');
    expect(await expired.getByRole('link').count()).toBe(0);
    await screenshot(page, 'exports-failed-light');
    await page.unroute(/\/api\/v1\/exports(\?.*)?$/);
  });

  it("shows the API's 429 when too many exports are running", async () => {
    // Jobs of an empty organization finish within milliseconds, so three running at once cannot be
    // arranged reliably: the server's answer is replayed word for word (src/exports/service.ts).
    await page.route('**/api/v1/exports', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 429,
            headers: { 'content-type': 'application/json', 'retry-after': '10' },
            body: JSON.stringify({
              error: 'Your organization already has 3 exports pending or in progress; wait for one to finish, or use POST /api/v1/exports/sync',
              code: 'too_many_exports',
            }),
          })
        : route.fallback(),
    );
    await page.getByRole('button', { name: 'Start export' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your organization already has 3 exports pending or in progress' }).waitFor();
    await page.unroute('**/api/v1/exports');
  });
});

describe('profile', () => {
  it('shows the account and organization, and saves the name', async () => {
    await page.goto('/profile');
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    const account = page.locator('section', { has: page.getByRole('heading', { name: 'Account' }) });
    expect(await account.textContent()).toContain('ann@example.com');
    expect(await account.textContent()).toContain('admin');
    expect(await page.getByTestId('org-name').textContent()).toBe('Admin Org');
    expect(await page.getByText('admin-org', { exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'profile-light');

    await page.getByLabel('First name').fill('Annie');
    await page.getByLabel('Last name').fill('Admin');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('status').filter({ hasText: 'Name saved.' }).waitFor();
    await page.locator('.user-badge', { hasText: 'Annie · admin' }).waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Last name').inputValue()).toBe('Admin');
  });

  it('an admin renames the organization; the slug stays', async () => {
    await page.getByLabel('Organization name').fill('Admin Org Renamed');
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('status').filter({ hasText: 'Organization renamed.' }).waitFor();
    await page.locator('.org-name', { hasText: 'Admin Org Renamed' }).waitFor();
    expect(await page.getByTestId('org-name').textContent()).toBe('Admin Org Renamed');
    expect((await (await page.request.get('/api/v1/orgs/me')).json()).slug).toBe('admin-org');
  });

  it('a wrong current password is shown next to the field', async () => {
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    const field = page.locator('.field', { has: page.getByLabel('Current password') });
    await field.locator('.field-error', { hasText: 'current_password is incorrect' }).waitFor();
    expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'profile-wrong-password-light');
  });

  it('the right one changes it: other sessions are signed out, the new password signs in', async () => {
    const otherSession = await signedInPage();
    expect((await otherSession.request.get('/api/v1/users/me')).status()).toBe(200);

    await page.getByLabel('Current password').fill(ADMIN.password);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your other sessions were signed out' }).waitFor();
    expect(await page.locator('.field-error').count()).toBe(0);

    expect((await otherSession.request.get('/api/v1/users/me')).status()).toBe(401);
    expect((await page.request.get('/api/v1/users/me')).status()).toBe(200);

    const fresh = await newPage(browser, server.url);
    contexts.push(fresh.context);
    await fresh.page.goto('/login');
    await fresh.page.getByLabel('E-mail').fill(ADMIN.email);
    await fresh.page.getByLabel('Password').fill(ADMIN.password);
    await fresh.page.getByRole('button', { name: 'Sign in' }).click();
    await fresh.page.getByRole('alert').filter({ hasText: 'Invalid email or password' }).waitFor();
    await fresh.page.getByLabel('Password').fill(NEW_PASSWORD);
    await fresh.page.getByRole('button', { name: 'Sign in' }).click();
    await fresh.page.locator('.user-badge', { hasText: 'Annie · admin' }).waitFor();
  });
});

describe('screenshots', () => {
  const pages = [
    { path: '/api-keys', name: 'api-keys', heading: 'API keys' },
    { path: '/members', name: 'members', heading: 'Members' },
    { path: '/exports', name: 'exports', heading: 'Exports' },
    { path: '/profile', name: 'profile', heading: 'Profile' },
  ];

  it('every page in dark mode', async () => {
    const dark = await signedInPage({ colorScheme: 'dark' }, { email: ADMIN.email, password: NEW_PASSWORD });
    for (const { path, name, heading } of pages) {
      await dark.goto(path);
      await dark.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await dark.locator('.loading').first().waitFor({ state: 'detached' });
      expect(await dark.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await screenshot(dark, `${name}-dark`);
    }
  });

  it('phone-sized: the members page fits the width', async () => {
    const phone = await signedInPage({ viewport: { width: 390, height: 844 } }, { email: ADMIN.email, password: NEW_PASSWORD });
    for (const { path, name, heading } of pages) {
      await phone.goto(path);
      await phone.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await phone.locator('.loading').first().waitFor({ state: 'detached' });
      // Tables scroll inside their frame; the page itself never scrolls sideways.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(phone, `${name}-phone`);
    }
  });
});
