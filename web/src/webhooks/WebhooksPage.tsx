// Webhooks (admin): endpoints that ChatLogger POSTs events to, signed per Standard Webhooks.
import { useState } from 'react';
import { CopyButton, EmptyState, ErrorNote, Loading, PageHeader } from '../ui/components';
import { CreateEndpointForm } from './CreateEndpointForm';
import { EndpointCard } from './EndpointCard';
import { useEndpoints, type Endpoint } from './queries';
import './webhooks.css';

export default function WebhooksPage() {
  const endpoints = useEndpoints();
  const [created, setCreated] = useState<(Endpoint & { secret: string }) | null>(null);
  return (
    <div className="webhooks-page">
      <PageHeader
        title="Webhooks"
        description={
          <>
            ChatLogger POSTs each event to your endpoints, signed per Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>,{' '}
            <code>webhook-signature</code>), and retries for a day when they fail.
          </>
        }
      />
      {created && (
        <div className="new-key" role="status">
          <h2>Endpoint added</h2>
          <p>Its signing secret, shown only now: verify each request with it (for example with the standardwebhooks package).</p>
          <div className="new-key-value">
            <code>{created.secret}</code> <CopyButton text={created.secret} />
          </div>
          <div className="new-key-actions">
            <button type="button" className="btn" onClick={() => setCreated(null)}>Done</button>
          </div>
        </div>
      )}
      <CreateEndpointForm onCreated={setCreated} />
      <section aria-labelledby="endpoints-title">
        <h2 id="endpoints-title">Endpoints</h2>
        {endpoints.isPending ? (
          <Loading />
        ) : endpoints.isError ? (
          <ErrorNote error={endpoints.error} />
        ) : endpoints.data.endpoints.length === 0 ? (
          <EmptyState title="No endpoints yet">
            <p className="muted">Add one above to be told when a chat is escalated or handed over to HR.</p>
          </EmptyState>
        ) : (
          endpoints.data.endpoints.map((e) => <EndpointCard key={e.id} endpoint={e} />)
        )}
      </section>
    </div>
  );
}
