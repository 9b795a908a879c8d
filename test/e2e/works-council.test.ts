// Its tests build on each other and run in order (Vitest runs a file's tests one after another): the mode
// is turned on in the second test and off in the last; the ones between read it on. Run the file whole: one
// test alone (-t) fails.
// Works-council mode and the privacy summary in a real browser: the summary states the settings as
// changed through the API, in sentences, for a viewer too (who cannot open the admin settings),
// and prints without the navigation; the header badge appears for every member while the mode is
// on; the explorer shows and filters end users by pseudonym, never by the raw id.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signUpThroughApi, startDashboardServer, type DashboardServer } from '../helpers/browser.js';
import { createApiKey, sendChats } from './seed.js';

// Raw ids whose digits cannot turn up by chance on a page.
const ALICE = 730_194_582_611;
const BOB = 730_194_582_622;
const POLL = { timeout: 15_000, interval: 100 };

let server: DashboardServer;
let browser: Browser;
let admin: Page;
let viewer: Page;
let chatIds: number[];

async function ok(res: { status(): number; text(): Promise<string>; json(): Promise<any> }, status: number, what: string) {
  if (res.status() !== status) throw new Error(`${what}: ${res.status()} ${await res.text()}`);
  return res.json();
}

const setPrivacy = async (change: Record<string, unknown>) => {
  // A retention that would remove stored data needs confirm (after its dry run); none here would.
  await ok(await admin.request.patch('/api/v1/orgs/me/privacy', { data: { ...change, confirm: true } }), 200, 'privacy settings');
};

const summaryText = async (p: Page) => {
  await p.goto('/privacy/summary');
  await p.locator('.privacy-summary').waitFor();
  return (await p.locator('.privacy-summary').textContent()) ?? '';
};

beforeAll(async () => {
  [server, browser] = await Promise.all([startDashboardServer({ RETENTION_INTERVAL_SECONDS: '0' }), launchBrowser()]);
  ({ page: admin } = await newPage(browser, server.url));
  await signUpThroughApi(admin, { email: 'hr-admin@example.com', password: 'correct horse battery', organization_name: 'Council Org' });
  const key = await createApiKey(admin.request);
  chatIds = await sendChats(admin.request, key, [
    { title: 'Alice asks about leave', user_id: ALICE },
    { title: 'Alice asks about payroll', user_id: ALICE },
    { title: 'Bob asks about pensions', user_id: BOB },
  ]);
  const invitation = await ok(await admin.request.post('/api/v1/orgs/me/invitations', { data: { email: 'council@example.com', role: 'viewer' } }), 201, 'invitation');
  ({ page: viewer } = await newPage(browser, server.url));
  await ok(await viewer.request.post('/auth/register', { data: { invite_token: invitation.invite_token, email: 'council@example.com', password: 'viewer password 1' } }), 201, 'register');
  await ok(await viewer.request.post('/auth/login', { data: { email: 'council@example.com', password: 'viewer password 1' } }), 200, 'login');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('privacy summary', () => {
  it('states the default settings in sentences, for a viewer too; no badge while the mode is off', async () => {
    const text = await summaryText(viewer);
    expect(text).toContain('IP addresses that the bot sends with a chat are stored in full.');
    expect(text).toContain('Message text and chat titles are kept until the chat is deleted.');
    expect(text).toContain('No legal hold is in place');
    expect(text).toContain('E-mail addresses are kept as written.');
    expect(text).toContain('Works-council mode is off.');
    expect(text).toContain('Every member of the organization (admins, users and viewers) can read chat transcripts');
    expect(await viewer.locator('.mode-badge').count()).toBe(0);
    // The admin settings stay closed to a viewer.
    await viewer.goto('/privacy');
    await viewer.getByText('Only admins can open this page').waitFor();
  });

  it('states the settings as changed through the API, and the header shows the mode to every member', async () => {
    await setPrivacy({
      ip_mode: 'truncated',
      content_retention_days: 90,
      metadata_retention_days: 30,
      chat_retention_days: 365,
      audit_retention_days: 730,
      legal_hold: true,
      redaction: { email: 'mask', iban: 'pseudonymize' },
      works_council: true,
      works_council_k: 7,
    });
    for (const p of [viewer, admin]) {
      const text = await summaryText(p);
      expect(text).toContain('IP addresses are stored shortened');
      expect(text).toContain('Message text and chat titles are removed 90 days after the chat');
      expect(text).toContain('session id and transcript link of a chat are removed 30 days after the chat');
      expect(text).toContain('Whole chats are deleted 365 days after they happened.');
      expect(text).toContain('Audit log entries (who changed a setting, opened a chat, exported or erased data) are deleted after 730 days.');
      expect(text).toContain('A legal hold is in place');
      expect(await p.locator('[data-type="email"]').textContent()).toContain('replaced by a placeholder');
      expect(await p.locator('[data-type="iban"]').textContent()).toContain('replaced by a pseudonym');
      expect(await p.locator('[data-type="phone"]').textContent()).toContain('kept as written');
      expect(text).toContain('Works-council mode is on.');
      expect(text).toContain('No figure is shown that describes fewer than 7 different people');
      expect(text).toContain('Viewers never read them.');
      await p.locator('.topbar .mode-badge', { hasText: 'Works-council mode' }).waitFor();
    }
    await screenshot(viewer, 'privacy-summary');
  });

  it('prints without the navigation, the header and the print button', async () => {
    await viewer.goto('/privacy/summary');
    await viewer.locator('.privacy-summary').waitFor();
    await viewer.emulateMedia({ media: 'print' });
    try {
      expect(await viewer.locator('.topbar').isVisible()).toBe(false);
      expect(await viewer.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      expect(await viewer.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      expect(await viewer.locator('.privacy-summary').isVisible()).toBe(true);
      const pdf = await viewer.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await viewer.emulateMedia({ media: 'screen' });
    }
    expect(await viewer.locator('.topbar').isVisible()).toBe(true);
  });
});

describe('explorer in works-council mode', () => {
  it('shows pseudonyms instead of ids and filters by the pseudonym', async () => {
    await viewer.goto(`/chats/${chatIds[0]}`);
    const pseudonym = viewer.locator('dl.metadata dt', { hasText: 'End user (pseudonym)' }).locator('xpath=following-sibling::dd[1]');
    await pseudonym.waitFor();
    const alice = (await pseudonym.textContent())!.trim();
    expect(alice).toMatch(/^p_[0-9a-f]{16}$/);
    expect(await viewer.content()).not.toContain(String(ALICE));

    await viewer.goto(`/chats?user_id=${alice}`);
    const titles = async () => (await viewer.locator('.chats-table tbody .col-title').allTextContents()).sort();
    // Titles are part of the transcript in the mode (four-eyes): the rows are named by their ids.
    await expect.poll(titles, POLL).toEqual([chatIds[0], chatIds[1]].map((id) => `Chat #${id} (title hidden in works-council mode)`).sort());
    expect(await viewer.content()).not.toContain('Alice asks about');
    expect(await viewer.locator('#f-user').inputValue()).toBe(alice);
    expect(await viewer.content()).not.toContain(String(ALICE));
    expect(await viewer.content()).not.toContain(String(BOB));
    await screenshot(viewer, 'explorer-pseudonym');
  });

  it('turned off, the badge goes and ids are shown again', async () => {
    await setPrivacy({ works_council: false, legal_hold: false });
    await viewer.goto(`/chats/${chatIds[2]}`);
    await viewer.locator('dl.metadata dt', { hasText: 'End user id' }).waitFor();
    await expect.poll(async () => (await viewer.locator('dl.metadata').textContent()) ?? '', POLL).toContain(String(BOB));
    expect(await viewer.locator('.mode-badge').count()).toBe(0);
  });
});
