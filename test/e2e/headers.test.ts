/// <reference lib="dom" />
// The security headers (src/app.ts, SECURITY_HEADERS) in a real browser: every dashboard page and
// /docs (Swagger UI) work under the Content-Security-Policy with no violation reported, neither as a
// securitypolicyviolation event nor in the console; and the pages refuse to be framed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signUpThroughApi, startDashboardServer, type DashboardServer } from '../helpers/browser.js';

let server: DashboardServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Records CSP violations (events and console lines) of every document the page loads. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleLines: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(message.text())) consoleLines.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...consoleLines, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

describe('Content-Security-Policy in the browser', () => {
  it('every dashboard page renders with no CSP violation', async () => {
    const { page, context } = await newPage(browser, server.url);
    const violations = await watchViolations(page);
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await violations()).toEqual([]);
    await page.goto('/signup');
    await page.getByRole('button', { name: 'Create organization' }).waitFor();
    expect(await violations()).toEqual([]);

    await signUpThroughApi(page, { email: 'csp@example.com', password: 'correct horse battery', organization_name: 'CSP Org' });
    const key = (await (await page.request.post('/api/v1/orgs/me/apikeys', { data: { label: 'bot' } })).json()).key as string;
    const chat = await page.request.post('/api/v1/chats', {
      headers: { 'x-organization-api-key': key },
      data: { title: 'Where is my payslip?', tags: ['payroll'], metadata: { sentiment: 'neutral', user_rating: 4 } },
    });
    const chatId = (await chat.json()).chat_id as number;

    const pages: [string, () => Promise<unknown>][] = [
      ['/', () => page.getByLabel('Period').waitFor()],
      ['/chats', () => page.getByText('Where is my payslip?').first().waitFor()],
      [`/chats/${chatId}`, () => page.getByRole('heading', { name: 'Where is my payslip?' }).waitFor()],
      ['/exports', () => page.getByRole('heading', { name: /Exports/ }).first().waitFor()],
      ['/api-keys', () => page.getByRole('heading', { name: /API keys/i }).first().waitFor()],
      ['/members', () => page.getByRole('heading', { name: /Members/ }).first().waitFor()],
      ['/profile', () => page.getByLabel('Current password').waitFor()],
      ['/no-such-page', () => page.getByText(/not found/i).first().waitFor()],
    ];
    for (const [url, ready] of pages) {
      await page.goto(url);
      await ready();
      // Charts draw after their data arrives: give the page a moment's work to report anything.
      await page.waitForLoadState('networkidle');
      expect(await violations(), url).toEqual([]);
    }
    await context.close();
  });

  it('/docs (Swagger UI) renders the operations with no CSP violation', async () => {
    const { page, context } = await newPage(browser, server.url);
    const violations = await watchViolations(page);
    const response = await page.goto('/docs');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.opblock').first().waitFor();
    await page.locator('.opblock-summary').first().click();
    await page.locator('.opblock-body').first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'docs-under-csp');
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('the dashboard cannot be framed by another page', async () => {
    const { page, context } = await newPage(browser, server.url);
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    // about:blank is another origin than the server: the frame must stay empty.
    await page.setContent(`<iframe id="f" src="${server.url}/login"></iframe>`);
    await expect.poll(() => consoleLines.join('\n'), { timeout: 10_000 }).toMatch(/frame-ancestors|X-Frame-Options|Refused to (display|frame)/);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const text = frame ? await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
    expect(text).not.toContain('Sign in');
    await context.close();
  });
});
