// One endpoint: its state (a disabled one says why), actions, and its delivery log.
import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { CopyButton, ErrorNote } from '../ui/components';
import { formatDateTime, formatRelative } from '../ui/format';
import { DeliveryLog } from './DeliveryLog';
import { useDeleteEndpoint, useRotateSecret, useTestEvent, useUpdateEndpoint, type Endpoint } from './queries';

export function EndpointCard({ endpoint }: { endpoint: Endpoint }) {
  const test = useTestEvent();
  const rotate = useRotateSecret();
  const update = useUpdateEndpoint();
  const remove = useDeleteEndpoint();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const error = test.error ?? rotate.error ?? update.error;
  return (
    <article className="card endpoint-card" aria-label={`Endpoint ${endpoint.url}`}>
      <header className="endpoint-head">
        <div>
          <h3><code>{endpoint.url}</code></h3>
          {endpoint.description && <p className="muted">{endpoint.description}</p>}
          <p className="muted">{endpoint.events.join(', ')}{endpoint.include_content ? ' · with content' : ''}</p>
        </div>
        {endpoint.enabled ? <span className="badge badge-good">enabled</span> : <span className="badge badge-bad">disabled</span>}
      </header>
      {endpoint.disabled_reason && (
        <div className="note note-error" role="alert">
          Disabled {formatDateTime(endpoint.disabled_at)}: {endpoint.disabled_reason}. Fix the receiver, then enable it again.
        </div>
      )}
      {endpoint.enabled && endpoint.failing_since && <p className="note">Failing since {formatRelative(endpoint.failing_since)}; retries continue with backoff.</p>}
      {endpoint.previous_secret_expires_at && <p className="muted">The previous secret also signs until {formatDateTime(endpoint.previous_secret_expires_at)}.</p>}
      {secret && (
        <div className="new-key" role="status">
          <p>New signing secret (shown once; the old one keeps signing for a day):</p>
          <div className="new-key-value"><code>{secret}</code> <CopyButton text={secret} /></div>
        </div>
      )}
      <ErrorNote error={error} />
      <div className="endpoint-actions">
        <button type="button" className="btn" disabled={!endpoint.enabled || test.isPending} onClick={() => test.mutate(endpoint.id)}>
          Send test event
        </button>
        <button type="button" className="btn" disabled={rotate.isPending} onClick={() => rotate.mutate(endpoint.id, { onSuccess: (r) => setSecret(r.secret) })}>
          Rotate secret
        </button>
        <button type="button" className="btn" disabled={update.isPending} onClick={() => update.mutate({ id: endpoint.id, enabled: !endpoint.enabled })}>
          {endpoint.enabled ? 'Disable' : 'Enable'}
        </button>
        <button type="button" className="btn btn-danger" onClick={() => setConfirmDelete(true)}>
          Delete
        </button>
      </div>
      <h4>Deliveries</h4>
      <DeliveryLog endpointId={endpoint.id} />
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete the endpoint ${endpoint.url}?`}
        confirmLabel="Delete endpoint"
        busy={remove.isPending}
        onConfirm={() => remove.mutate(endpoint.id, { onSuccess: () => setConfirmDelete(false) })}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>Its queued events and delivery log are deleted with it.</p>
      </ConfirmDialog>
    </article>
  );
}
