// IP handling, retention per data class and the legal hold. Saving first asks the server what the
// change would remove (dry run); if anything, the admin confirms it before it is applied.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNote, Field } from '../ui/components';
import { formatDateTime, formatInteger } from '../ui/format';
import { useUpdatePrivacy, type IpMode, type PrivacySettings, type SettingsChange, type WouldDelete } from './queries';

const DAY_FIELDS = [
  ['content_retention_days', 'Message text and titles', 'Removed after this many days; counts, ratings and analytics stay.'],
  ['metadata_retention_days', 'IP address, session id, transcript link', 'Removed after this many days.'],
  ['chat_retention_days', 'Whole chats', 'Deleted after this many days, and they leave the analytics.'],
  ['audit_retention_days', 'Audit log entries', 'Deleted after this many days.'],
] as const;

type DayField = (typeof DAY_FIELDS)[number][0];

export function describeRemoval(w: WouldDelete): string[] {
  return [
    [w.chats, 'chats deleted'],
    [w.chats_content, 'chats with their text removed'],
    [w.chats_metadata, 'chats with their IP, session id and transcript link removed'],
    [w.ip_addresses, 'stored IP addresses truncated or removed'],
    [w.audit_entries, 'audit entries deleted'],
    [w.export_files, 'export files deleted'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${formatInteger(n as number)} ${what}`);
}

export function SettingsForm({ settings }: { settings: PrivacySettings }) {
  const update = useUpdatePrivacy();
  const [ipMode, setIpMode] = useState<IpMode>(settings.ip_mode);
  const [days, setDays] = useState<Record<DayField, string>>(() => Object.fromEntries(DAY_FIELDS.map(([f]) => [f, settings[f]?.toString() ?? ''])) as Record<DayField, string>);
  const [legalHold, setLegalHold] = useState(settings.legal_hold);
  const [pending, setPending] = useState<{ change: SettingsChange; removal: string[] } | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [ipMode, days, legalHold]);

  const change = (): SettingsChange => ({
    ip_mode: ipMode,
    legal_hold: legalHold,
    ...Object.fromEntries(DAY_FIELDS.map(([f]) => [f, days[f].trim() === '' ? null : Number(days[f])])),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = change();
    const dry = await update.mutateAsync({ ...body, dry_run: true }).catch(() => null);
    if (!dry) return;
    const removal = describeRemoval(dry.would_delete);
    if (removal.length > 0) setPending({ change: body, removal });
    else update.mutate(body, { onSuccess: () => setSaved(true) });
  };

  const fieldError = (f: string) => (update.error instanceof ApiError && update.error.field === f ? update.error.message : null);
  return (
    <form className="card privacy-form" onSubmit={submit} aria-labelledby="privacy-settings-title">
      <h2 id="privacy-settings-title">Settings</h2>
      {update.error && !(update.error instanceof ApiError && update.error.field && update.error.field !== 'confirm') && <ErrorNote error={update.error} />}
      <div className="field">
        <label htmlFor="ip-mode">IP addresses of end users</label>
        <select id="ip-mode" value={ipMode} onChange={(e) => setIpMode(e.target.value as IpMode)}>
          <option value="full">Keep as sent</option>
          <option value="truncated">Truncate (IPv4 to /24, IPv6 to /48)</option>
          <option value="none">Do not store</option>
        </select>
        <small className="muted">Applied when chats are written; stored addresses follow at the next retention run.</small>
        {fieldError('ip_mode') && <small className="field-error">{fieldError('ip_mode')}</small>}
      </div>
      <fieldset className="retention-fields">
        <legend>Retention (days after a chat was created; empty keeps it)</legend>
        {DAY_FIELDS.map(([f, label, hint]) => (
          <Field key={f} label={label} hint={hint} type="number" min={1} max={36500} step={1} inputMode="numeric" value={days[f]} placeholder="keep"
            onChange={(e) => setDays({ ...days, [f]: e.target.value })} error={fieldError(f)} />
        ))}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={legalHold} onChange={(e) => setLegalHold(e.target.checked)} /> Legal hold: delete nothing (retention and erasure wait)
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {update.isPending ? 'Checking…' : 'Save settings'}
        </button>
        {saved && <span role="status">Saved.</span>}
        {settings.updated_at && <span className="muted small">Last changed {formatDateTime(settings.updated_at)}</span>}
      </div>
      <ConfirmDialog
        open={pending !== null}
        title="This change removes stored data"
        confirmLabel="Apply and remove"
        busy={update.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => update.mutate({ ...pending!.change, confirm: true }, { onSuccess: () => (setPending(null), setSaved(true)) })}
      >
        <p>At its next run the retention job will remove:</p>
        <ul>{pending?.removal.map((line) => <li key={line}>{line}</li>)}</ul>
        <p className="muted">This cannot be undone.</p>
      </ConfirmDialog>
    </form>
  );
}
