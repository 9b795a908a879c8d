// Erase one end user's data (by user id or session id): preview the counts, confirm, get the
// signed receipt to keep (chatlogger verify-receipt checks it).
import { useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { CopyButton, ErrorNote, Field } from '../ui/components';
import { formatInteger } from '../ui/format';
import { useErase, type ErasureCounts, type ErasureRequest } from './queries';

export function countsText(c: ErasureCounts): string {
  return `${formatInteger(c.chats)} chats, ${formatInteger(c.messages)} messages, ${formatInteger(c.idempotency_answers)} stored answers, ` +
    `${formatInteger(c.export_files)} export files, ${formatInteger(c.audit_entries_pseudonymized)} audit entries pseudonymized`;
}

export function ErasureForm() {
  const erase = useErase();
  const [kind, setKind] = useState<'user_id' | 'session_id'>('user_id');
  const [value, setValue] = useState('');
  const [preview, setPreview] = useState<ErasureRequest | null>(null);
  const [done, setDone] = useState<ErasureRequest | null>(null);
  const subject = () => (kind === 'user_id' ? { user_id: Number(value.trim()) } : { session_id: value.trim() });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    erase.mutate({ ...subject(), dry_run: true }, { onSuccess: setPreview });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="erasure-title">
      <h2 id="erasure-title">Erase an end user's data</h2>
      <p className="muted">
        Deletes every chat of the person with its messages, the export files that may contain them, and removes them from audit entries.
        The answer is a signed receipt; the id itself is not kept.
      </p>
      <ErrorNote error={erase.error} />
      <div className="inline-fields">
        <div className="field">
          <label htmlFor="erasure-kind">By</label>
          <select id="erasure-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="user_id">End user id</option>
            <option value="session_id">Session id</option>
          </select>
        </div>
        <Field label={kind === 'user_id' ? 'End user id' : 'Session id'} value={value} onChange={(e) => setValue(e.target.value)} required
          inputMode={kind === 'user_id' ? 'numeric' : undefined} pattern={kind === 'user_id' ? '[1-9][0-9]*' : undefined} />
        <button type="submit" className="btn" disabled={erase.isPending || !value.trim()}>Preview erasure</button>
      </div>
      {done && (
        <div className="note" role="status">
          <p>Erased: {countsText(done.receipt.counts)}.</p>
          <p>
            Keep the receipt: <CopyButton text={JSON.stringify(done, null, 2)} label="Copy receipt" />{' '}
            <a className="btn" download={`erasure-receipt-${done.id}.json`} href={`data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(done, null, 2))}`}>Download receipt</a>
          </p>
        </div>
      )}
      <ConfirmDialog
        open={preview !== null}
        title="Erase this person's data?"
        confirmLabel="Erase"
        busy={erase.isPending}
        onCancel={() => setPreview(null)}
        onConfirm={() => erase.mutate(subject(), { onSuccess: (r) => (setPreview(null), setDone(r), setValue('')) })}
      >
        <p>{preview && countsText(preview.receipt.counts)} will be erased. This cannot be undone.</p>
      </ConfirmDialog>
    </form>
  );
}
