// Alert rule rules: checking a rule (a threshold exactly when the condition needs one; filters
// that parse; no time range in them: the window is the time), listing, history. Every function
// takes the caller's organization id; another organization's rule is 404.
import { parseChatFilters, type ChatFilterInput } from '../chats/filters.js';
import type { AppDeps } from '../http/context.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import { evaluateRule } from './evaluate.js';
import * as repo from './repository.js';
import type { CreateRuleBody, UpdateRuleBody } from './schemas.js';

export const MAX_RULES = 50;

export function presentRule(row: repo.RuleRow) {
  return {
    id: row.id,
    name: row.name,
    metric: row.metric,
    filters: row.filters,
    window: row.window,
    condition: row.condition,
    threshold: row.threshold,
    min_volume: row.minVolume,
    enabled: row.enabled,
    state: row.state,
    last_value: row.lastValue,
    last_message: row.lastMessage,
    last_evaluated_at: row.lastEvaluatedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

function check(rule: { condition: string; threshold?: number | null; filters?: ChatFilterInput }) {
  if (rule.condition !== 'unusual' && (rule.threshold === undefined || rule.threshold === null)) {
    throw badRequest(`threshold is required when condition is ${rule.condition}`, 'threshold');
  }
  if (rule.condition === 'unusual' && rule.threshold !== undefined && rule.threshold !== null) {
    throw badRequest('threshold must be left out when condition is unusual (the baseline is the threshold)', 'threshold');
  }
  const filters = rule.filters ?? {};
  for (const field of ['from', 'to'] as const) {
    if (filters[field] !== undefined) throw badRequest(`filters.${field} cannot be set: the rule's window is its time range`, `filters.${field}`);
  }
  parseChatFilters(filters, 'filters.');
}

async function ruleOf(deps: AppDeps, organizationId: number, id: number) {
  const row = await repo.findRule(deps.db, organizationId, id);
  if (!row) throw notFound('Alert rule not found');
  return row;
}

export async function createRule(deps: AppDeps, organizationId: number, body: CreateRuleBody) {
  check(body);
  if ((await repo.countRules(deps.db, organizationId)) >= MAX_RULES) throw conflict(`An organization can have at most ${MAX_RULES} alert rules`);
  const row = await repo.insertRule(deps.db, organizationId, {
    name: body.name,
    metric: body.metric,
    filters: body.filters ?? {},
    window: body.window,
    condition: body.condition,
    threshold: body.threshold ?? null,
    minVolume: body.min_volume ?? 20,
    enabled: body.enabled ?? true,
  });
  return presentRule(row);
}

export const listRules = async (deps: AppDeps, organizationId: number) => ({ rules: (await repo.listRules(deps.db, organizationId)).map(presentRule) });
export const getRule = async (deps: AppDeps, organizationId: number, id: number) => presentRule(await ruleOf(deps, organizationId, id));

export async function updateRule(deps: AppDeps, organizationId: number, id: number, body: UpdateRuleBody) {
  const current = await ruleOf(deps, organizationId, id);
  const condition = body.condition ?? current.condition;
  const threshold = body.threshold !== undefined ? body.threshold : condition === 'unusual' && body.condition !== undefined ? null : current.threshold;
  check({ condition, threshold, filters: (body.filters ?? current.filters) as ChatFilterInput });
  // A changed rule starts afresh: evaluated at the next pass, from ok.
  const redefined = ['metric', 'filters', 'window', 'condition', 'threshold', 'min_volume'].some((k) => k in body);
  const row = await repo.updateRule(deps.db, organizationId, id, {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.metric !== undefined ? { metric: body.metric } : {}),
    ...(body.filters !== undefined ? { filters: body.filters } : {}),
    ...(body.window !== undefined ? { window: body.window } : {}),
    condition,
    threshold,
    ...(body.min_volume !== undefined ? { minVolume: body.min_volume } : {}),
    ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
    ...(redefined ? { state: 'ok' as const, lastEvaluatedAt: null, lastBreachAt: null, lastValue: null, lastMessage: null } : {}),
  });
  return presentRule(row!);
}

export async function deleteRule(deps: AppDeps, organizationId: number, id: number) {
  if (!(await repo.deleteRule(deps.db, organizationId, id))) throw notFound('Alert rule not found');
}

export async function ruleHistory(deps: AppDeps, organizationId: number, id: number) {
  await ruleOf(deps, organizationId, id);
  const rows = await repo.history(deps.db, organizationId, id);
  return { history: rows.map((r) => ({ id: r.id, state: r.state, value: r.value, message: r.message, created_at: r.createdAt.toISOString() })) };
}

/** Evaluates the rule's last whole window now (also when it was evaluated already). */
export async function evaluateNow(deps: AppDeps, organizationId: number, id: number, now: Date) {
  return presentRule(await evaluateRule(deps, await ruleOf(deps, organizationId, id), now, true));
}

export async function firingAlerts(deps: AppDeps, organizationId: number) {
  return (await repo.firingRules(deps.db, organizationId)).map(presentRule);
}
