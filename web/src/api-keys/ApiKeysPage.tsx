// API keys (admin): create one (shown once), list them with their last use, revoke; and how a bot
// sends chats with one.
import { useState } from 'react';
import { useSession } from '../auth/session';
import { EmptyState, ErrorNote, Loading, PageHeader } from '../ui/components';
import { SendChatSnippet } from '../ui/SendChatSnippet';
import { CreateKeyForm } from './CreateKeyForm';
import { KeysTable } from './KeysTable';
import { NewKeyBox } from './NewKeyBox';
import { useApiKeys, type CreatedApiKey } from './queries';
import './api-keys.css';

export default function ApiKeysPage() {
  const { organization } = useSession();
  const keys = useApiKeys();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  return (
    <div className="api-keys-page">
      <PageHeader
        title="API keys"
        description={
          <>
            Your bot sends chats with an API key, to <code>/api/v1/orgs/{organization.slug}/…</code>.
          </>
        }
      />
      {created ? (
        <NewKeyBox created={created} slug={organization.slug} onDone={() => setCreated(null)} />
      ) : (
        <CreateKeyForm onCreated={setCreated} />
      )}
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">Keys</h2>
        {keys.isPending ? (
          <Loading />
        ) : keys.isError ? (
          <ErrorNote error={keys.error} />
        ) : keys.data.length === 0 ? (
          <EmptyState title="No API keys yet: create one for your bot">
            <p className="muted">Give it a label above; the key is shown once, with the command that sends a chat.</p>
          </EmptyState>
        ) : (
          <KeysTable keys={keys.data} />
        )}
      </section>
      {!created && (
        <section aria-label="How to send chats">
          <SendChatSnippet slug={organization.slug} />
        </section>
      )}
    </div>
  );
}
