// Signing up, in and out of the dashboard in a real browser, and what it says when that fails.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, startDashboardServer, type DashboardServer } from '../helpers/browser.js';

let server: DashboardServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PASSWORD = 'correct horse battery';

describe('sign up, sign in, sign out', () => {
  it('signs up a new organization and lands on its empty overview', async () => {
    const { page, context } = await newPage(browser, server.url);
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await screenshot(page, 'login-light');
    await page.getByRole('link', { name: 'Create an organization' }).click();
    await page.getByLabel('Organization name').fill('Acme HR');
    await page.getByLabel('First name').fill('Ann');
    await page.getByLabel('E-mail').fill('ann@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await screenshot(page, 'signup-light');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: 'No chats yet' }).waitFor();
    expect(await page.locator('.org-name').textContent()).toBe('Acme HR');
    expect(await page.locator('.user-badge').textContent()).toBe('Ann · admin');
    expect(await page.locator('.snippet pre').textContent()).toContain('/api/v1/orgs/acme-hr/chats');
    await context.close();
  });

  it('says when the slug is taken, and keeps the form; a taken e-mail is not told apart but does not sign in', async () => {
    const { page, context } = await newPage(browser, server.url);
    await page.goto('/signup');
    await page.getByLabel('Organization name').fill('Another name');
    await page.getByLabel('Organization slug (optional)').fill('acme-hr');
    await page.getByLabel('E-mail').fill('bob@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create organization' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/slug.*(taken|exists|use)/i);
    expect(await page.getByLabel('E-mail').inputValue()).toBe('bob@example.com');

    // Ann's address with another password: the registration answers as for a free address, creates
    // nothing, and signing in with the new password fails: the page says what that can mean.
    await page.getByLabel('Organization slug (optional)').fill('');
    await page.getByLabel('E-mail').fill('ANN@example.com');
    await page.getByLabel('Password').fill('a different passphrase');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect.poll(() => alert.textContent()).toMatch(/If the address already has an account, nothing new was created/);
    expect(page.url()).toMatch(/\/signup$/);
    await screenshot(page, 'signup-existing-light');

    // A weak password is refused with the reason, next to the field.
    await page.getByLabel('E-mail').fill('carl@example.com');
    await page.getByLabel('Password').fill('password1234');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect.poll(() => alert.textContent()).toMatch(/password is too easy to guess/);
    await context.close();
  });

  it('shows an error for a wrong password and signs in with the right one', async () => {
    const { page, context } = await newPage(browser, server.url);
    await page.goto('/chats?sentiment=negative');
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('E-mail').fill('ann@example.com');
    await page.getByLabel('Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Invalid email or password');
    await screenshot(page, 'login-error-light');

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back where the visitor wanted to go.
    await page.waitForURL(/\/chats\?sentiment=negative$/);
    await context.close();
  });

  it('signs out: the session ends on the server too', async () => {
    const { page, context } = await newPage(browser, server.url);
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('ann@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    expect((await page.request.get('/api/v1/users/me')).status()).toBe(401);
    await page.goto('/members');
    await page.waitForURL(/\/login\?next=%2Fmembers/);
    await context.close();
  });

  it('goes to the sign-in page when the session is revoked elsewhere', async () => {
    const { page, context } = await newPage(browser, server.url);
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('ann@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'No chats yet' }).waitFor();
    await page.request.post('/api/v1/orgs/me/apikeys', { data: { label: 'bot' } }).then(async (res) => {
      const key = (await res.json()).key;
      await page.request.post('/api/v1/chats', { headers: { 'x-organization-api-key': key }, data: { title: 'One chat' } });
    });
    await page.reload();
    await page.getByLabel('Period').waitFor();
    // A password change elsewhere signs out every other session.
    const other = await newPage(browser, server.url);
    await other.page.request.post('/auth/login', { data: { email: 'ann@example.com', password: PASSWORD } });
    const changed = await other.page.request.post('/api/v1/users/me/password', { data: { current_password: PASSWORD, new_password: `${PASSWORD} 2` } });
    expect(changed.status()).toBe(200);
    // The next request of the page (a new period) is refused: the dashboard goes to the sign-in page.
    await page.getByLabel('Period').selectOption('7d');
    await page.waitForURL(/\/login\?expired=1&next=%2F%3Frange%3D7d/);
    await page.getByText('Your session has ended. Sign in again.').waitFor();
    await other.context.close();
    await context.close();
  });
});
