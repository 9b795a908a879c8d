// The key that was just created: the only time it is ever shown, so it stands out.
import { useEffect, useRef } from 'react';
import { CopyButton } from '../ui/components';
import { SendChatSnippet } from '../ui/SendChatSnippet';
import type { CreatedApiKey } from './queries';

export function NewKeyBox({ created, slug, onDone }: { created: CreatedApiKey; slug: string; onDone: () => void }) {
  // The form that was focused is gone: keyboard and screen-reader users land on the key.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="new-key" aria-labelledby="new-key-title" tabIndex={-1} ref={ref}>
      <h2 id="new-key-title">Your new API key “{created.label}”</h2>
      <p className="new-key-warning">
        <strong>Store it now</strong>: it won’t be shown again. If you lose it, revoke it and create a new one.
      </p>
      <div className="new-key-value">
        <code aria-label="API key" data-testid="new-api-key">
          {created.key}
        </code>
        <CopyButton text={created.key} label="Copy key" />
      </div>
      <SendChatSnippet slug={slug} apiKey={created.key} />
      <div className="new-key-actions">
        <button type="button" className="btn" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </section>
  );
}
