// Chats for the end-to-end tests, sent through the public API as a bot would (batch endpoint).
import type { APIRequestContext } from 'playwright-core';

export interface SeedChat {
  title: string;
  tags?: string[];
  user_id?: number;
  created_at?: string;
  metadata?: Record<string, unknown>;
}

export async function createApiKey(request: APIRequestContext, label = 'e2e bot'): Promise<string> {
  const res = await request.post('/api/v1/orgs/me/apikeys', { data: { label } });
  if (res.status() !== 201) throw new Error(`api key: ${res.status()} ${await res.text()}`);
  return (await res.json()).key;
}

export async function sendChats(request: APIRequestContext, apiKey: string, chats: SeedChat[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < chats.length; i += 1000) {
    const res = await request.post('/api/v1/chats/batch', {
      headers: { 'x-organization-api-key': apiKey },
      data: { chats: chats.slice(i, i + 1000) },
    });
    if (res.status() !== 207) throw new Error(`batch: ${res.status()} ${await res.text()}`);
    const { results } = await res.json();
    for (const result of results) {
      if (result.status !== 201) throw new Error(`chat ${result.index}: ${JSON.stringify(result.error)}`);
      ids.push(result.chat_id);
    }
  }
  return ids;
}

const CATEGORIES = ['leave', 'payroll', 'benefits', 'onboarding'];
const SENTIMENTS = ['positive', 'neutral', 'negative'];
const COUNTRIES: Array<[string, string]> = [['NL', 'nl'], ['DE', 'de'], ['US', 'en'], ['FR', 'fr']];

/** `count` varied chats spread over the last `days` days (deterministic). */
export function variedChats(count: number, days = 25, now = Date.now()): SeedChat[] {
  return Array.from({ length: count }, (_, i) => {
    const [country_code, language_code] = COUNTRIES[i % COUNTRIES.length];
    return {
      title: `Question ${i + 1} about ${CATEGORIES[i % CATEGORIES.length]}`,
      tags: i % 3 === 0 ? ['urgent'] : ['routine'],
      user_id: 1000 + (i % 17),
      created_at: new Date(now - ((i * 7919) % (days * 24)) * 3_600_000 - 60_000).toISOString(),
      metadata: {
        question_category: CATEGORIES[i % CATEGORIES.length],
        sentiment: SENTIMENTS[i % SENTIMENTS.length],
        is_escalated: i % 5 === 0,
        is_forwarded_to_hr: i % 10 === 0,
        country_code,
        language_code,
        user_rating: (i % 5) + 1,
        token_count: 100 + i,
        avg_response_time: 1 + (i % 4) * 0.5,
      },
    };
  });
}
