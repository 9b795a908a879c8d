// A chat's transcript: the turns of the conversation (in the employee's language), then when each
// message was written, its tokens and the bot's response time.
import type { Random } from './random.js';
import type { Conversation, LanguageTexts } from './texts/index.js';

export type Outcome = 'resolved' | 'partial' | 'failed';

/** The object without its undefined fields (a field left out, as a bot leaves it out of its JSON). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);

/** Tokens of a text, roughly (a token is about four characters). */
const tokensOf = (text: string) => Math.max(1, Math.round(text.length / 4));

export interface Turn {
  role: 'user' | 'assistant' | 'system';
  content: string;
}

export function transcript(random: Random, texts: LanguageTexts, greeting: string | undefined, c: Conversation, outcome: Outcome, escalated: boolean, hr: boolean, values: Record<string, string>): Turn[] {
  const turns: Turn[] = [];
  const user = (content: string) => turns.push({ role: 'user', content: fill(content, values) });
  const bot = (content: string) => turns.push({ role: 'assistant', content: fill(content, values) });
  if (greeting) bot(greeting);
  user(c.question);
  bot(c.answer);
  if (outcome === 'resolved') {
    if (random.chance(0.55)) {
      user(c.followUp);
      bot(c.followAnswer);
    }
    if (random.chance(0.7)) {
      user(random.pick(texts.thanks));
      bot(random.pick(texts.closings));
    }
  } else {
    if (outcome === 'partial' || random.chance(0.4)) {
      user(c.followUp);
      bot(c.followAnswer);
    }
    user(random.pick(texts.complaints));
    bot(random.pick(texts.apologies));
    if (outcome === 'failed' && random.chance(0.4)) user(random.pick(texts.complaints));
  }
  if (escalated) bot(random.pick(texts.escalations));
  if (hr) turns.push({ role: 'system', content: fill(texts.hrHandover, values) });
  return turns;
}

/** Timestamps, tokens and response times for the turns of a chat that starts at `start`. */
export function timeTurns(random: Random, turns: Turn[], start: number, latencyMs: number) {
  let t = start;
  let context = 250 + random.int(300, 900); // system prompt + retrieved HR documents
  return turns.map((turn, i) => {
    let tokenCount: number | null = null;
    let responseTime: number | null = null;
    if (turn.role === 'user') {
      t += i === 0 ? 0 : random.int(8, 90) * 1000; // reading and typing
      tokenCount = tokensOf(turn.content);
      context += tokenCount;
    } else if (turn.role === 'assistant' && i === 0) {
      tokenCount = tokensOf(turn.content); // the opening line is canned: no model call
      responseTime = null;
    } else if (turn.role === 'assistant') {
      const completion = tokensOf(turn.content);
      responseTime = Math.round(random.lognormal(latencyMs, 0.25) * (1 + completion / 200));
      t += responseTime;
      tokenCount = context + completion;
      context += completion;
    } else {
      t += 1000;
    }
    return { ...turn, tokenCount, responseTime, at: t };
  });
}

