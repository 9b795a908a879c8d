// On a chat's page in works-council mode: the transcript is closed until a second admin approves a
// request. Admins see their own pending request, or a form to ask (reason and duration); other
// roles are told that only admins may ask. Once approved, the page shows until when access runs.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSession } from '../auth/session';
import { ErrorNote, Field } from '../ui/components';
import { formatDateTime } from '../ui/format';
import { chatKey } from '../chats/useChats';
import { useAccessRequests, useRequestAccess } from './queries';

/** Shown in place of the transcript when it is closed. */
export function ClosedTranscript({ chatId, sentence }: { chatId: number; sentence: string }) {
  const { isAdmin, user } = useSession();
  const requests = useAccessRequests({ chat_id: chatId, status: 'pending' }, isAdmin);
  const mine = requests.data?.requests.find((r) => r.requested_by === user.id);
  return (
    <div className="transcript-closed">
      <p className="note" role="note">
        Works-council mode: this transcript is closed. {sentence}
      </p>
      {isAdmin && mine && (
        <p className="note" role="status">
          Your request (“{mine.reason}”) waits for another admin’s approval, asked {formatDateTime(mine.created_at)}.
        </p>
      )}
      {isAdmin && requests.isSuccess && !mine && <RequestAccessForm chatId={chatId} />}
    </div>
  );
}

function RequestAccessForm({ chatId }: { chatId: number }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState('60');
  const ask = useRequestAccess();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate({ chat_id: chatId, reason: reason.trim(), duration_minutes: Number(minutes) });
  };
  const fieldError = ask.error && 'field' in (ask.error as object) ? (ask.error as { field?: string }).field : undefined;
  return (
    <form className="access-request-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Request access</h3>
      <p className="muted small">Another admin must approve. The reason is shown to them and kept in the audit log.</p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={1000}
          rows={3}
          required
          aria-invalid={fieldError === 'reason' ? true : undefined}
        />
      </div>
      <Field
        label="Minutes of access"
        type="number"
        min={1}
        max={1440}
        step={1}
        required
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        hint="From the approval; at most 1,440 (24 hours)."
        error={fieldError === 'duration_minutes' ? (ask.error as Error).message : null}
      />
      {fieldError !== 'duration_minutes' && <ErrorNote error={ask.error} />}
      <button type="submit" className="btn btn-primary" disabled={ask.isPending || reason.trim() === ''}>
        {ask.isPending ? 'Sending…' : 'Request access'}
      </button>
    </form>
  );
}

/**
 * Above an open transcript: until when the caller's approved access runs (nothing with the mode off,
 * where there are no grants). At the expiry the chat is loaded again, and so closes.
 */
export function AccessExpiry({ chatId, pageId }: { chatId: number; pageId: string }) {
  const { isAdmin, user } = useSession();
  const queryClient = useQueryClient();
  const grants = useAccessRequests({ chat_id: chatId, status: 'approved' }, isAdmin);
  const grant = grants.data?.requests.find((r) => r.requested_by === user.id && r.expires_at);
  useEffect(() => {
    if (!grant?.expires_at) return;
    const ms = Date.parse(grant.expires_at) - Date.now();
    // setTimeout holds at most ~24.8 days; grants last at most 24 hours.
    const timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: chatKey(pageId) }), Math.max(0, ms) + 500);
    return () => clearTimeout(timer);
  }, [grant?.expires_at, queryClient, pageId]);
  if (!grant?.expires_at) return null;
  return (
    <p className="note" role="note" data-testid="access-expiry">
      Opened under your approved access request (“{grant.reason}”) until{' '}
      <time dateTime={grant.expires_at}>{formatDateTime(grant.expires_at)}</time>. Reading it is recorded in the audit log.
    </p>
  );
}
