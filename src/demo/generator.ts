// The demo organization's data: an HR help-desk bot's chats over the last 90 days, as Create Chat
// and Add Message request bodies (plus the time each message was written), so that they can be
// validated and stored exactly as the API would. Pure: no I/O, and the same seed and `now` give the
// same data.
//
// What makes it look real: a few hundred employees in several countries who come back with new
// questions (some much more often than others); office-hour and weekday rhythm in each employee's
// time zone, slowly growing use; question categories that follow the month (payslips at its end,
// new hires at its start); an outcome per chat (resolved, partly, not at all) that drives the
// transcript, the sentiment, the rating, escalation and hand-over to HR; log-normal response times;
// tokens that add up; and some chats that lack optional fields, as real bots send them.
import type { CreateChatBody } from '../chats/schemas.js';
import type { CreateMessageBody } from '../messages/schemas.js';
import { GREETINGS, LOCALES, NAMES, type Locale } from './locales.js';
import { Random } from './random.js';
import { fill, timeTurns, transcript, withoutUndefined, type Outcome } from './transcript.js';
import { CATEGORIES, MONTHS, TEXTS, type Category } from './texts/index.js';

export const DEMO_DAYS = 90;
export const DEFAULT_SEED = 20261125;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoMessage extends CreateMessageBody {
  created_at: string;
}

export interface DemoChat {
  body: CreateChatBody & { created_at: string };
  messages: DemoMessage[];
}

export interface DemoData {
  /** The chats in time order, made as they are read (a million chats need not fit in memory at once). */
  chats: Iterable<DemoChat>;
  /** How many `chats` yields. */
  count: number;
  /** Start of the first day (UTC midnight) and the end (now). */
  from: Date;
  to: Date;
  employees: number;
}

export interface DemoOptions {
  chats: number;
  seed?: number;
  now?: Date;
}

const CATEGORY_WEIGHTS: Record<Category, number> = {
  leave: 24, payroll: 14, benefits: 12, onboarding: 9, offboarding: 5, expenses: 12, 'it-access': 11, policy: 10,
};
// How often the bot cannot settle a question of this category.
const FAILURE_RATE: Record<Category, number> = {
  leave: 0.08, payroll: 0.15, benefits: 0.09, onboarding: 0.07, offboarding: 0.14, expenses: 0.1, 'it-access': 0.16, policy: 0.08,
};
// Sensitive categories go to HR even when the employee is not unhappy.
const SENSITIVE: ReadonlySet<Category> = new Set(['payroll', 'offboarding', 'leave']);

// Relative chance of a chat starting in each local hour of the day.
const HOUR_WEIGHTS = [0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.25, 0.7, 1, 1, 0.9, 0.6, 0.85, 0.95, 0.9, 0.75, 0.45, 0.2, 0.12, 0.1, 0.08, 0.05, 0.03];
// Sunday .. Saturday.
const WEEKDAY_WEIGHTS = [0.1, 1, 1.05, 1, 0.95, 0.8, 0.14];

interface Employee {
  id: number;
  locale: Locale;
  ip: string;
  activity: number;
}

function makeEmployees(random: Random, count: number): Employee[] {
  const locales = LOCALES.map((l) => [l, l.weight] as const);
  const ids = new Set<number>();
  return Array.from({ length: count }, () => {
    let id: number;
    do id = random.int(10_000, 99_999);
    while (ids.has(id));
    ids.add(id);
    const locale = random.weighted(locales);
    // Most people ask now and then; a few ask all the time.
    return { id, locale, ip: `${locale.ipPrefix}${random.int(1, 254)}`, activity: random.lognormal(1, 0.9) };
  });
}

/** How many chats each of the 90 days gets: weekday rhythm, growing use; at least one a day when there are enough. */
function chatsPerDay(random: Random, total: number, days: { start: number; end: number }[]): number[] {
  const weights = days.map(({ start, end }, i) => {
    const weekday = WEEKDAY_WEIGHTS[new Date(start).getUTCDay()];
    const growth = 0.85 + (0.3 * i) / (days.length - 1);
    return weekday * growth * (0.85 + 0.3 * random.next()) * Math.max(0.05, (end - start) / DAY);
  });
  const floor = total >= days.length ? 1 : 0;
  const rest = total - floor * days.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / sum);
  const counts = exact.map((x) => floor + Math.floor(x));
  // Largest remainders get the chats that rounding down left over.
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return counts;
}

/** A time in [start, end) that follows the office hours of the employee's time zone. */
function startTime(random: Random, start: number, end: number, locale: Locale): number {
  let t = start;
  for (let tries = 0; tries < 50; tries++) {
    t = start + random.next() * (end - start);
    const localHour = Math.floor((((t + locale.utcOffsetHours * HOUR) % DAY) + DAY) % DAY / HOUR);
    if (random.next() < HOUR_WEIGHTS[localHour]) break;
  }
  return Math.floor(t);
}

function pickCategory(random: Random, dayOfMonth: number): Category {
  return random.weighted(
    CATEGORIES.map((c) => {
      let w = CATEGORY_WEIGHTS[c];
      if (c === 'payroll' && (dayOfMonth >= 24 || dayOfMonth <= 2)) w *= 1.7;
      if (c === 'onboarding' && dayOfMonth <= 5) w *= 2;
      if (c === 'offboarding' && dayOfMonth >= 25) w *= 1.6;
      if (c === 'expenses' && dayOfMonth >= 26) w *= 1.4;
      return [c, w] as const;
    }),
  );
}

function sentimentOf(random: Random, outcome: Outcome, escalated: boolean): 'positive' | 'neutral' | 'negative' {
  if (outcome === 'resolved') return random.weighted([['positive', 0.62], ['neutral', 0.33], ['negative', 0.05]]);
  if (outcome === 'partial') return random.weighted([['positive', 0.12], ['neutral', 0.55], ['negative', escalated ? 0.5 : 0.3]]);
  return random.weighted([['positive', 0.02], ['neutral', 0.26], ['negative', 0.72]]);
}

function ratingOf(random: Random, sentiment: string | undefined): number | undefined {
  const rates = sentiment === 'positive' ? 0.58 : sentiment === 'negative' ? 0.48 : 0.4;
  if (!random.chance(rates)) return undefined;
  if (sentiment === 'positive') return random.weighted([[5, 0.6], [4, 0.33], [3, 0.06], [2, 0.01]]);
  if (sentiment === 'negative') return random.weighted([[1, 0.4], [2, 0.3], [3, 0.2], [4, 0.08], [5, 0.02]]);
  return random.weighted([[5, 0.15], [4, 0.4], [3, 0.33], [2, 0.09], [1, 0.03]]);
}

/** The bot's releases: 2.2.0 until six weeks ago, then 2.3.0, and 2.4.0 rolled out to half the chats in the last two weeks. */
function botVersion(random: Random, daysAgo: number): string {
  if (daysAgo > 42) return '2.2.0';
  if (daysAgo > 14) return '2.3.0';
  return random.chance(0.5) ? '2.4.0' : '2.3.0';
}

/** One chat of `employee`, started in [start, end) and over before `now`. */
function makeChat(random: Random, employee: Employee, start: number, end: number, now: number): DemoChat {
  const { locale } = employee;
  const texts = TEXTS[locale.language];
  let at = startTime(random, start, end, locale);
  const localDate = new Date(at + locale.utcOffsetHours * HOUR);
  const category = pickCategory(random, localDate.getUTCDate());
  const conversation = random.pick(texts.conversations[category]);

  const failRate = FAILURE_RATE[category];
  const outcome: Outcome = random.weighted([['resolved', 1 - failRate - 0.17], ['partial', 0.17], ['failed', failRate]]);
  const escalated = random.chance(outcome === 'failed' ? 0.62 : outcome === 'partial' ? 0.12 : 0.01);
  const hr = escalated ? random.chance(0.5) : random.chance(SENSITIVE.has(category) ? 0.03 : 0.01);
  const sentiment = sentimentOf(random, outcome, escalated);
  const rating = ratingOf(random, sentiment);

  const soon = new Date(at + random.int(3, 60) * DAY);
  const values = {
    days: String(random.int(2, 24)),
    hours: String(random.int(3, 16)),
    amount: locale.currency(random.pick([45, 80, 120, 150, 250, 300, 400, 600])),
    date: locale.date(soon.getUTCDate(), soon.getUTCMonth()),
    month: MONTHS[locale.language][new Date(at + random.int(1, 5) * 30 * DAY).getUTCMonth()],
    ticket: `HR-${random.int(10_000, 99_999)}`,
    name: random.pick(NAMES[locale.language]),
  };
  const turns = transcript(random, texts, random.chance(0.6) ? random.pick(GREETINGS[locale.language]) : undefined, conversation, outcome, escalated, hr, values);
  const latencyMs = random.lognormal(1300, 0.35);
  let timed = timeTurns(random, turns, at, latencyMs);
  // A chat near now must not end in the future: start it earlier.
  const overrun = timed[timed.length - 1].at - (now - 1000);
  if (overrun > 0) {
    at -= overrun;
    timed = timed.map((m) => ({ ...m, at: m.at - overrun }));
  }

  const responseTimes = timed.filter((m) => m.responseTime !== null).map((m) => m.responseTime!);
  const tokens = timed.reduce((sum, m) => sum + (m.tokenCount ?? 0), 0);
  const session = `hr-${random.hex(16)}`;
  const tags: string[] = [category];
  if (random.chance(0.6)) tags.push(conversation.tag);
  if (escalated) tags.push('escalated');
  if (hr) tags.push('hr-handover');
  if (outcome === 'partial' && random.chance(0.5)) tags.push('follow-up');
  if (sentiment === 'negative' && random.chance(0.15)) tags.push('urgent');

  // Some bots leave fields out: missing values are part of real data.
  const some = <T>(p: number, value: T): T | undefined => (random.chance(p) ? value : undefined);
  const metadata: NonNullable<CreateChatBody['metadata']> = {
    bot_version: some(0.98, botVersion(random, (now - at) / DAY)),
    session_id: session,
    country_code: some(0.98, locale.country),
    language_code: some(0.99, locale.language),
    question_category: some(0.97, category),
    sentiment: some(0.95, sentiment),
    user_rating: rating,
    token_count: some(0.97, tokens),
    avg_response_time: responseTimes.length ? some(0.97, Math.round(responseTimes.reduce((a, b) => a + b, 0) / responseTimes.length) / 1000) : undefined,
    ip_address: some(0.85, employee.ip),
    transcript_link: some(0.9, `https://hr-assistant.example.com/transcripts/${session}`),
  };
  if (random.chance(0.97)) Object.assign(metadata, { is_escalated: escalated, is_forwarded_to_hr: hr });

  return {
    body: withoutUndefined({
      title: random.chance(0.98) ? fill(conversation.title, values) : undefined,
      tags: random.chance(0.96) ? tags : [],
      user_id: random.chance(0.96) ? employee.id : undefined,
      metadata: withoutUndefined(metadata),
      created_at: new Date(at).toISOString(),
    }),
    messages: timed.map((m) => ({
      role: m.role,
      content: m.content,
      metadata: { token_count: m.tokenCount, response_time: m.responseTime },
      created_at: new Date(m.at).toISOString(),
    })),
  };
}

export function generateDemo(options: DemoOptions): DemoData {
  const random = new Random(options.seed ?? DEFAULT_SEED);
  const now = (options.now ?? new Date()).getTime();
  const today = Math.floor(now / DAY) * DAY;
  const days = Array.from({ length: DEMO_DAYS }, (_, i) => {
    const start = today - (DEMO_DAYS - 1 - i) * DAY;
    return { start, end: Math.min(start + DAY, now) };
  });
  const employees = makeEmployees(random, Math.min(800, Math.max(20, Math.round(options.chats / 12))));
  const byActivity = employees.map((e) => [e, e.activity] as const);
  const counts = chatsPerDay(random, options.chats, days);

  function* chats(): Generator<DemoChat> {
    for (const [dayIndex, { start, end }] of days.entries()) {
      const day: DemoChat[] = [];
      for (let n = 0; n < counts[dayIndex]; n++) day.push(makeChat(random, random.weighted(byActivity), start, end, now));
      // In the order a bot would have sent them.
      yield* day.sort((a, b) => a.body.created_at.localeCompare(b.body.created_at));
    }
  }
  return { chats: chats(), count: options.chats, from: new Date(days[0].start), to: new Date(now), employees: employees.length };
}
