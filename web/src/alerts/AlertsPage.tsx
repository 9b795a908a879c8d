// Alert rules: a metric over a window, above/below a threshold or unusual against its usual level
// for that weekday and hour; their states and history. Admins create, evaluate and delete them.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { EmptyState, ErrorNote, Field, Loading, PageHeader } from '../ui/components';
import { formatDateTime } from '../ui/format';
import { useCreateRule, useDeleteRule, useEvaluateRule, useHistory, useRules, type AlertRule, type NewRule } from './queries';
import './alerts.css';

const METRICS = ['escalation_rate', 'hr_forwarding_rate', 'csat', 'avg_rating', 'chats', 'avg_response_time', 'p90_response_time', 'avg_tokens', 'total_tokens', 'messages', 'end_users', 'rated_chats', 'p50_response_time'] as const satisfies readonly NewRule['metric'][];

function CreateRuleForm() {
  const create = useCreateRule();
  const [rule, setRule] = useState<NewRule>({ name: '', metric: 'escalation_rate', window: 'day', condition: 'above', threshold: 0.2, min_volume: 20 });
  const set = (changes: Partial<NewRule>) => setRule((r) => ({ ...r, ...changes }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { threshold, ...rest } = rule;
    create.mutate(rule.condition === 'unusual' ? rest : { ...rest, threshold }, { onSuccess: () => set({ name: '' }) });
  };
  const fieldError = (name: string) => (create.error instanceof ApiError && create.error.field === name ? create.error.message : null);
  return (
    <form className="card alert-form" onSubmit={submit} aria-labelledby="create-rule-title">
      <h2 id="create-rule-title">Add an alert rule</h2>
      {create.error && !fieldError('name') && !fieldError('threshold') && <ErrorNote error={create.error} />}
      <Field label="Name" value={rule.name} onChange={(e) => set({ name: e.target.value })} required maxLength={200} error={fieldError('name')} placeholder="Escalations up" />
      <div className="inline-fields">
        <label>
          Metric{' '}
          <select value={rule.metric} onChange={(e) => set({ metric: e.target.value as NewRule['metric'] })}>
            {METRICS.map((m) => <option key={m}>{m}</option>)}
          </select>
        </label>
        <label>
          Window{' '}
          <select value={rule.window} onChange={(e) => set({ window: e.target.value as NewRule['window'] })}>
            <option value="hour">last hour</option>
            <option value="day">last day</option>
            <option value="week">last 7 days</option>
          </select>
        </label>
        <label>
          Condition{' '}
          <select value={rule.condition} onChange={(e) => set({ condition: e.target.value as NewRule['condition'] })}>
            <option value="above">above</option>
            <option value="below">below</option>
            <option value="unusual">unusual for that weekday and hour</option>
          </select>
        </label>
      </div>
      <div className="inline-fields">
        {rule.condition !== 'unusual' && (
          <Field label="Threshold (rates as 0–1)" type="number" step="any" value={rule.threshold ?? ''} onChange={(e) => set({ threshold: Number(e.target.value) })} required error={fieldError('threshold')} />
        )}
        <Field label="Minimum chats in the window" type="number" min={1} value={rule.min_volume ?? 20} onChange={(e) => set({ min_volume: Number(e.target.value) })} />
      </div>
      <div>
        <button type="submit" className="btn btn-primary" disabled={create.isPending || !rule.name.trim()}>
          {create.isPending ? 'Adding…' : 'Add rule'}
        </button>
      </div>
    </form>
  );
}

function History({ id }: { id: number }) {
  const history = useHistory(id);
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorNote error={history.error} />;
  if (history.data.history.length === 0) return <p className="muted">Never fired.</p>;
  return (
    <ul className="alert-history">
      {history.data.history.slice(0, 10).map((h) => (
        <li key={h.id}>
          <span className={h.state === 'firing' ? 'badge badge-bad' : 'badge badge-good'}>{h.state}</span> {formatDateTime(h.created_at)} — {h.message}
        </li>
      ))}
    </ul>
  );
}

function RuleCard({ rule, admin }: { rule: AlertRule; admin: boolean }) {
  const evaluate = useEvaluateRule();
  const remove = useDeleteRule();
  const [open, setOpen] = useState(false);
  const condition = rule.condition === 'unusual' ? 'is unusual' : `is ${rule.condition} ${rule.threshold}`;
  return (
    <article className="card alert-rule" aria-label={`Alert rule ${rule.name}`}>
      <header className="alert-rule-head">
        <h3>{rule.name}</h3>
        <span className={rule.state === 'firing' ? 'badge badge-bad' : 'badge badge-good'}>{rule.state}</span>
      </header>
      <p className="muted">
        When <code>{rule.metric}</code> over the last {rule.window === 'week' ? '7 days' : rule.window} {condition} (at least {rule.min_volume} chats)
      </p>
      {rule.last_message && <p>{rule.last_message}</p>}
      <ErrorNote error={evaluate.error ?? remove.error} />
      <div className="endpoint-actions">
        <button type="button" className="btn btn-small" onClick={() => setOpen(!open)} aria-expanded={open}>History</button>
        {admin && <button type="button" className="btn btn-small" disabled={evaluate.isPending} onClick={() => evaluate.mutate(rule.id)}>Evaluate now</button>}
        {admin && <button type="button" className="btn btn-small btn-danger" disabled={remove.isPending} onClick={() => remove.mutate(rule.id)}>Delete</button>}
      </div>
      {open && <History id={rule.id} />}
    </article>
  );
}

export default function AlertsPage() {
  const { isAdmin } = useSession();
  const rules = useRules();
  return (
    <div className="alerts-page">
      <PageHeader
        title="Alerts"
        description="Rules are evaluated every hour, on the last whole hour, day or 7 days. A firing rule shows on the overview and is sent to webhooks subscribed to alert.fired and alert.resolved."
      />
      {isAdmin && <CreateRuleForm />}
      <section aria-labelledby="rules-title">
        <h2 id="rules-title">Rules</h2>
        {rules.isPending ? (
          <Loading />
        ) : rules.isError ? (
          <ErrorNote error={rules.error} />
        ) : rules.data.rules.length === 0 ? (
          <EmptyState title="No alert rules yet" />
        ) : (
          rules.data.rules.map((r) => <RuleCard key={r.id} rule={r} admin={isAdmin} />)
        )}
      </section>
    </div>
  );
}
