// Alert rule rules: checking a rule (a threshold exactly when the condition needs one; filters
// that parse; no time range in them: the window is the time), listing, history. Every function
// takes the caller's organization id; another organization's rule is 404.
import { parseChatFilters, type ChatFilterInput } from '../chats/filters.js';
import { conditionsOf } from '../analytics/works-council/council.js';
import { endUserView, type ShowUserId } from '../chats/end-users.js';
import type { AppDeps } from '../http/context.js';
import { badRequest, conflict, HttpError, notFound } from '../http/errors.js';
import { evaluateRule } from './evaluate.js';
import * as repo from './repository.js';
import type { CreateRuleBody, UpdateRuleBody } from './schemas.js';

export const MAX_RULES = 50;

/** A rule as answered; in works-council mode a stored integer user_id filter shows as its pseudonym. */
export function presentRule(row: repo.RuleRow, showUserId?: ShowUserId) {
  const userId = (row.filters as ChatFilterInput).user_id;
  const filters = showUserId && typeof userId === 'number' ? { ...row.filters, user_id: showUserId(userId) } : row.filters;
  return {
    id: row.id,
    name: row.name,
    metric: row.metric,
    filters,
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

/**
 * In works-council mode a rule is judged like any analytics figure: filters the mode refuses there
 * (one person's chats, free text, lists, more than 3) are refused when the rule is saved, not at
 * its first evaluation.
 */
async function checkWorksCouncil(deps: AppDeps, organizationId: number, filters: ChatFilterInput) {
  if (!(await endUserView(deps.db, organizationId)).worksCouncil) return;
  // (A user_id, integer or pseudonym, is refused before parsing: the parser would ask for a pseudonym.)
  if (filters.user_id !== undefined) {
    throw new HttpError(400, 'works_council', "filters.user_id cannot be used in an alert rule in works-council mode: it selects one person's chats", 'filters.user_id');
  }
  try {
    conditionsOf(parseChatFilters(filters, 'filters.'));
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    throw new HttpError(err.statusCode, err.code, `filters.${err.message.replace(' in analytics ', ' in an alert rule ')}`, `filters.${err.field}`);
  }
}

/** The presenter of user ids in the organization's current mode. */
const userIdsShown = async (deps: AppDeps, organizationId: number) => (await endUserView(deps.db, organizationId)).show;

async function ruleOf(deps: AppDeps, organizationId: number, id: number) {
  const row = await repo.findRule(deps.db, organizationId, id);
  if (!row) throw notFound('Alert rule not found');
  return row;
}

export async function createRule(deps: AppDeps, organizationId: number, body: CreateRuleBody) {
  check(body);
  await checkWorksCouncil(deps, organizationId, body.filters ?? {});
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
  return presentRule(row, await userIdsShown(deps, organizationId));
}

export async function listRules(deps: AppDeps, organizationId: number) {
  const show = await userIdsShown(deps, organizationId);
  return { rules: (await repo.listRules(deps.db, organizationId)).map((row) => presentRule(row, show)) };
}
export const getRule = async (deps: AppDeps, organizationId: number, id: number) =>
  presentRule(await ruleOf(deps, organizationId, id), await userIdsShown(deps, organizationId));

export async function updateRule(deps: AppDeps, organizationId: number, id: number, body: UpdateRuleBody) {
  const current = await ruleOf(deps, organizationId, id);
  const condition = body.condition ?? current.condition;
  const threshold = body.threshold !== undefined ? body.threshold : condition === 'unusual' && body.condition !== undefined ? null : current.threshold;
  check({ condition, threshold, filters: (body.filters ?? current.filters) as ChatFilterInput });
  if (body.filters !== undefined) await checkWorksCouncil(deps, organizationId, body.filters);
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
  return presentRule(row!, await userIdsShown(deps, organizationId));
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
  return presentRule(await evaluateRule(deps, await ruleOf(deps, organizationId, id), now, true), await userIdsShown(deps, organizationId));
}

export async function firingAlerts(deps: AppDeps, organizationId: number) {
  const show = await userIdsShown(deps, organizationId);
  return (await repo.firingRules(deps.db, organizationId)).map((row) => presentRule(row, show));
}
