// The transcript as message bubbles: the end user on the right, the assistant on the left, system
// messages centred; each with its time, tokens and response time (milliseconds in the API).
import type { Message } from '../api/types';
import { formatDateTime, formatInteger, formatMilliseconds } from '../ui/format';

const ROLE_LABEL: Record<Message['role'], string> = { user: 'User', assistant: 'Assistant', system: 'System' };

export function Transcript({ messages, tz }: { messages: Message[]; tz?: string }) {
  if (messages.length === 0) return <p className="muted">This chat has no messages yet.</p>;
  return (
    <ol className="transcript" aria-label="Transcript">
      {messages.map((message) => (
        <li key={message.id} className={`bubble bubble-${message.role}`} data-role={message.role}>
          <div className="bubble-role">{ROLE_LABEL[message.role] ?? message.role}</div>
          <div className="bubble-content">{message.content}</div>
          <div className="bubble-meta">
            <time dateTime={message.created_at}>{formatDateTime(message.created_at, tz)}</time>
            {message.metadata.token_count != null && <span>{formatInteger(message.metadata.token_count)} tokens</span>}
            {message.metadata.response_time != null && <span>response time {formatMilliseconds(message.metadata.response_time)}</span>}
          </div>
        </li>
      ))}
    </ol>
  );
}
