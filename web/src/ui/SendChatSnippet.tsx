// "How to send chats": the Create Chat request, with this organization's slug and this server's
// address filled in. Shown on the API keys page and wherever there are no chats yet.
import { CopyButton } from './components';

export function sendChatCommand(slug: string, apiKey = '$API_KEY'): string {
  const origin = window.location.origin;
  const body = {
    title: 'Parental leave question',
    user_id: 42,
    tags: ['leave'],
    metadata: {
      question_category: 'leave',
      sentiment: 'neutral',
      is_escalated: false,
      is_forwarded_to_hr: false,
      language_code: 'en',
      country_code: 'NL',
      user_rating: 4,
      token_count: 420,
      avg_response_time: 1.8,
      session_id: 'session-1',
    },
  };
  return `curl \\
  --request POST '${origin}/api/v1/orgs/${slug}/chats' \\
  --header "x-organization-api-key: ${apiKey}" \\
  --header "Authorization: ${apiKey}" \\
  --header "Content-Type: application/json" \\
  --data '${JSON.stringify(body)}'`;
}

export function SendChatSnippet({ slug, apiKey }: { slug: string; apiKey?: string }) {
  const command = sendChatCommand(slug, apiKey);
  return (
    <div className="snippet">
      <div className="snippet-head">
        <span>How to send chats{apiKey ? '' : ' (put your API key in $API_KEY)'}</span>
        <CopyButton text={command} label="Copy command" />
      </div>
      <pre tabIndex={0}>
        <code>{command}</code>
      </pre>
      <p className="muted small">
        Answer: <code>201 {'{"message":"Chat created successfully","chat_id":…}'}</code>. Every field is described in the{' '}
        <a href="/docs">API reference</a>.
      </p>
    </div>
  );
}
