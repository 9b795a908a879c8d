// The organization's keys with prefix and last use; revoking asks first and names the key.
import { useState } from 'react';
import type { ApiKey } from '../api/types';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNote } from '../ui/components';
import { formatDateTime, formatRelative } from '../ui/format';
import { useRevokeApiKey } from './queries';

export function KeysTable({ keys }: { keys: ApiKey[] }) {
  const revoke = useRevokeApiKey();
  const [pending, setPending] = useState<ApiKey | null>(null);

  const confirm = () => {
    if (!pending) return;
    revoke.mutate(pending.id, { onSuccess: () => setPending(null) });
  };
  const cancel = () => {
    setPending(null);
    revoke.reset();
  };

  return (
    <>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="sr-only">API keys</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Prefix</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id} className={key.revoked_at ? 'key-revoked' : undefined}>
                <td data-label="Label">{key.label}</td>
                <td data-label="Prefix">
                  <code>{key.prefix}…</code>
                </td>
                <td data-label="Created" title={key.created_at}>{formatDateTime(key.created_at)}</td>
                <td data-label="Last used" title={key.last_used_at ?? undefined}>{formatRelative(key.last_used_at)}</td>
                <td data-label="Status">
                  {key.revoked_at ? (
                    <span className="badge badge-bad" title={`Revoked ${formatDateTime(key.revoked_at)}`}>
                      revoked
                    </span>
                  ) : (
                    <span className="badge badge-good">active</span>
                  )}
                </td>
                <td data-label="" className="actions-cell">
                  {!key.revoked_at && (
                    <button type="button" className="btn btn-small btn-danger" onClick={() => setPending(key)} aria-label={`Revoke ${key.label}`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={pending !== null}
        title={`Revoke the API key “${pending?.label ?? ''}”?`}
        confirmLabel="Revoke key"
        busy={revoke.isPending}
        onConfirm={confirm}
        onCancel={cancel}
      >
        <p>
          Bots using the key <code>{pending?.prefix}…</code> get <strong>401</strong> from now on. This cannot be undone.
        </p>
        <ErrorNote error={revoke.error} />
      </ConfirmDialog>
    </>
  );
}
