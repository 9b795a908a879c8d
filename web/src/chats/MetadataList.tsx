// Every field of a chat as a labelled definition list. A field the bot did not send reads "—"
// ("not sent" to screen readers), never "No" or 0.
import type { ReactNode } from 'react';
import type { Chat } from '../api/types';
import { countryName, formatDateTime, formatInteger, formatSeconds, humanize, languageName, NONE } from '../ui/format';
import { Rating, Sentiment, YesNoCell } from './cells';

const notSent = (
  <span className="muted" title="Not sent">
    {NONE}
    <span className="sr-only">not sent</span>
  </span>
);

function withName(code: string | null, name: (code: string) => string): ReactNode {
  if (!code) return notSent;
  const full = name(code);
  return full && full !== code ? (
    <>
      {full} <span className="muted">({code})</span>
    </>
  ) : (
    code
  );
}

export function MetadataList({ chat, tz }: { chat: Chat; tz?: string }) {
  const m = chat.metadata;
  const rows: Array<[string, ReactNode]> = [
    ['Category', m.question_category ? humanize(m.question_category) : notSent],
    ['Sentiment', m.sentiment ? <Sentiment value={m.sentiment} /> : notSent],
    ['Rating', m.user_rating != null ? <><Rating value={m.user_rating} /> <span className="muted">{m.user_rating} / 5</span></> : notSent],
    ['Escalated', m.is_escalated != null ? <YesNoCell value={m.is_escalated} warn /> : notSent],
    ['HR hand-over', m.is_forwarded_to_hr != null ? <YesNoCell value={m.is_forwarded_to_hr} /> : notSent],
    ['Language', withName(m.language_code, languageName)],
    ['Country', withName(m.country_code, countryName)],
    ['Tokens', m.token_count != null ? formatInteger(m.token_count) : notSent],
    ['Avg. response time', m.avg_response_time != null ? formatSeconds(m.avg_response_time) : notSent],
    ['Session', m.session_id ? <code>{m.session_id}</code> : notSent],
    // A string is a pseudonym (works-council mode): the raw id never reaches the dashboard then.
    [typeof chat.user_id === 'string' ? 'End user (pseudonym)' : 'End user id', chat.user_id != null ? <code>{chat.user_id}</code> : notSent],
    ['IP address', m.ip_address ? <code>{m.ip_address}</code> : notSent],
    ['Created', <time dateTime={chat.created_at}>{formatDateTime(chat.created_at, tz)}</time>],
    ['Updated', <time dateTime={chat.updated_at}>{formatDateTime(chat.updated_at, tz)}</time>],
  ];
  return (
    <dl className="metadata">
      {rows.map(([label, value]) => (
        <div key={label} className="metadata-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
