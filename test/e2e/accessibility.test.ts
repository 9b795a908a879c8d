// Every page of the dashboard, light and dark, checked by axe-core (WCAG 2 A and AA: labels,
// names, roles, contrast, landmarks) in Chromium, with data in it.
import type { Browser, Cookie, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signUpThroughApi, startDashboardServer, type DashboardServer } from '../helpers/browser.js';
import { createApiKey, sendChats, variedChats } from './seed.js';
import { violations } from '../helpers/axe.js';

let server: DashboardServer;
let browser: Browser;
let chatId: number;
let cookies: Cookie[];

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer(), launchBrowser()]);
  const { page, context } = await newPage(browser, server.url);
  await signUpThroughApi(page, { email: 'a11y@example.com', password: 'correct horse battery', organization_name: 'A11y Org' });
  const key = await createApiKey(page.request);
  [chatId] = await sendChats(page.request, key, variedChats(40));
  await page.request.post(`/api/v1/chats/${chatId}/messages`, {
    headers: { 'x-organization-api-key': key },
    data: { role: 'user', content: 'How many leave days do I have left?' },
  });
  await page.request.post(`/api/v1/chats/${chatId}/messages`, {
    headers: { 'x-organization-api-key': key },
    data: { role: 'assistant', content: 'You have 12 days left this year.', metadata: { token_count: 30, response_time: 850 } },
  });
  await page.request.post('/api/v1/orgs/me/invitations', { data: { email: 'new@example.com', role: 'viewer' } });
  await page.request.post('/api/v1/exports', { data: { format: 'csv', type: 'chats' } });
  cookies = await context.cookies();
  await context.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signedInPages = () => [
  ['overview', '/?range=30d', '[data-breakdown="rating"] canvas, [data-breakdown="user_rating"] canvas'],
  ['chats', '/chats', 'table tbody tr'],
  ['chat detail', `/chats/${chatId}`, 'dl'],
  ['exports', '/exports', 'h1'],
  ['api keys', '/api-keys', 'table tbody tr'],
  ['members', '/members', 'table tbody tr'],
  ['privacy', '/privacy', 'form'],
  ['privacy summary', '/privacy/summary', '.privacy-summary'],
  ['audit log', '/audit', 'table tbody tr'],
  ['profile', '/profile', 'form'],
];

describe.each(['light', 'dark'] as const)('%s mode', (colorScheme) => {
  it.each([
    ['sign in', '/login', 'form'],
    ['sign up', '/signup', 'form'],
  ])('%s has no WCAG A/AA violations', async (_name, url, ready) => {
    const { page, context } = await newPage(browser, server.url, { colorScheme });
    await page.goto(url);
    await page.locator(ready).first().waitFor();
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('every signed-in page has no WCAG A/AA violations', async () => {
    const { page, context } = await newPage(browser, server.url, { colorScheme });
    await context.addCookies(cookies);
    const report: Record<string, string[]> = {};
    for (const [name, url, ready] of signedInPages()) {
      await page.goto(url);
      await page.locator(ready).first().waitFor();
      await page.locator('.loading').first().waitFor({ state: 'detached' });
      const found = await violations(page);
      if (found.length > 0) report[name] = found;
    }
    expect(report).toEqual({});
    await context.close();
  }, 90_000);
});
