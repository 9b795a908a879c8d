// The dashboard's metadata fields come from the field registry (src/fields/chat-fields.ts) through the
// generated web/src/api/generated/fields.ts: the URL filters, the chips, an export's filter line
// and the overview cards keep today's names and labels, and a field added to the registry shows up
// in all of them with no edit in web/ (checked with a registry that has one field more).
import { Type } from 'typebox';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { webFieldViews } from '../scripts/sdk-types-generate.js';
import { CHAT_FIELDS as REGISTRY, type ChatFieldSpec } from '../src/fields/chat-fields.js';

const GENERATED = '../web/src/api/generated/fields';
// The dashboard's modules are type-checked with web/ (tsc -p web, bundler resolution); here they are
// loaded by a path that the server's tsc does not follow, and described as far as this test uses them.
const WEB_MODULES = ['filters/url-filters', 'chats/filter-model', 'exports/describe', 'overview/breakdowns', 'fields/fields'];
interface FieldView {
  name: string;
  kind: string;
  filterLabel: string;
  placeholder: string | null;
  detailLabel: string;
  inDetail: boolean;
}
interface Dashboard {
  FILTER_NAMES: string[];
  CHAT_FIELDS: FieldView[];
  LIST_FILTER_FIELDS: FieldView[];
  BOOLEAN_FILTER_FIELDS: FieldView[];
  EXACT_FILTER_FIELDS: FieldView[];
  BREAKDOWNS: Array<{ by: string; title: string }>;
  readFilters(params: URLSearchParams): Record<string, string>;
  activeChips(params: URLSearchParams, range: unknown): Array<{ key: string; label: string; remove: string[] }>;
  cleared(params: URLSearchParams): URLSearchParams;
  explorerLink(params: URLSearchParams, extra: Record<string, string>): string;
  filtersSummary(filters: Record<string, unknown>): string;
  filterFor(by: string, key: string): Record<string, string>;
}

/** The dashboard's modules, loaded afresh (on the generated list as it is, or as mocked). */
async function dashboard(): Promise<Dashboard> {
  vi.resetModules();
  const modules = await Promise.all(WEB_MODULES.map((module) => import(`../web/src/${module}`) as Promise<object>));
  return Object.assign({}, ...modules) as Dashboard;
}

const ALL_TIME = { preset: 'all', fromDate: null, toDate: null, tz: 'UTC', from: null, to: null } as const;

afterEach(() => {
  vi.doUnmock(GENERATED);
  vi.resetModules();
});

describe("the dashboard's fields", () => {
  it('keep the filters, labels and cards they had', async () => {
    const d = await dashboard();
    expect(d.FILTER_NAMES).toEqual([
      'q', 'tags', 'tags_mode', 'question_category', 'sentiment', 'language_code', 'country_code', 'bot_version',
      'is_escalated', 'is_forwarded_to_hr', 'user_id', 'session_id', 'rating_min', 'rating_max', 'has_rating',
    ]);
    expect(d.LIST_FILTER_FIELDS.map((f) => [f.filterLabel, f.placeholder])).toEqual([
      ['Category', 'leave, payroll'], ['Sentiment', 'negative, neutral'], ['Language codes', 'en, nl'], ['Country codes', 'NL, DE'], ['Bot version', '2.3.0, 2.3.1'],
    ]);
    expect(d.BOOLEAN_FILTER_FIELDS.map((f) => f.filterLabel)).toEqual(['Escalated', 'Forwarded to HR']);
    expect(d.EXACT_FILTER_FIELDS.map((f) => f.filterLabel)).toEqual(['Session id']);
    const params = new URLSearchParams({ question_category: 'leave, payroll', country_code: 'NL,fr', is_forwarded_to_hr: 'true', session_id: 's-1', has_rating: 'false' });
    expect(d.activeChips(params, ALL_TIME).map((c) => c.label)).toEqual([
      'Category: leave, payroll', 'Country: Netherlands (NL), France (fr)', 'Forwarded to HR: yes', 'Session: s-1', 'Rating: unrated',
    ]);
    expect(d.filtersSummary({ from: '2026-01-01', sentiment: 'negative,neutral', is_forwarded_to_hr: 'true', language_code: 'nl', rating_min: 4 })).toBe(
      'from 2026-01-01 · sentiment negative, neutral · forwarded to HR true · language nl · rating ≥ 4',
    );
    expect(d.BREAKDOWNS.map((b) => [b.by, b.title])).toEqual([
      ['question_category', 'What people ask about'], ['sentiment', 'Sentiment'], ['language_code', 'Languages'],
      ['country_code', 'Countries'], ['bot_version', 'By bot version'], ['tag', 'Tags'], ['user_rating', 'Ratings'],
    ]);
    expect(d.filterFor('user_rating', '4')).toEqual({ rating_min: '4', rating_max: '4' });
    expect(d.filterFor('language_code', 'nl')).toEqual({ language_code: 'nl' });
    expect(d.CHAT_FIELDS.filter((f) => f.inDetail).map((f) => f.detailLabel)).toEqual([
      'Category', 'Sentiment', 'Rating', 'Escalated', 'HR hand-over', 'Language', 'Country', 'Tokens', 'Avg. response time', 'Session', 'IP address', 'Bot version',
    ]);
  });

  it('take a field added to the registry everywhere, with no edit in web/', async () => {
    const resolution: ChatFieldSpec = { sql: 'text', input: Type.String({ maxLength: 100 }), filter: { kind: 'list', description: 'Resolution' },
      rollup: true, freeText: 'text', label: 'Resolution', overview: 'By resolution' };
    const views = webFieldViews({ ...REGISTRY, resolution });
    vi.doMock(GENERATED, () => ({ CHAT_FIELDS: views }));
    const d = await dashboard();
    expect(d.FILTER_NAMES).toContain('resolution');
    expect(d.LIST_FILTER_FIELDS.at(-1)).toMatchObject({ name: 'resolution', filterLabel: 'Resolution' });
    const params = new URLSearchParams({ resolution: 'v2, v3' });
    expect(d.readFilters(params)).toEqual({ resolution: 'v2, v3' });
    expect(d.activeChips(params, ALL_TIME)).toEqual([{ key: 'resolution', label: 'Resolution: v2, v3', remove: ['resolution'] }]);
    expect(d.cleared(params).has('resolution')).toBe(false);
    expect(d.explorerLink(new URLSearchParams(), { resolution: 'v2' })).toBe('/chats?resolution=v2');
    expect(d.filtersSummary({ resolution: 'v2,v3' })).toBe('resolution v2, v3');
    expect(d.BREAKDOWNS.map((b) => b.title)).toEqual(['What people ask about', 'Sentiment', 'Languages', 'Countries', 'By bot version', 'By resolution', 'Tags', 'Ratings']);
    expect(d.filterFor('resolution', 'v2')).toEqual({ resolution: 'v2' });
    expect(d.CHAT_FIELDS.find((f) => f.name === 'resolution')).toMatchObject({ inDetail: true, detailLabel: 'Resolution', kind: 'text' });
  });
});
