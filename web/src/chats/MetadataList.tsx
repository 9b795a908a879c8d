// Every field of a chat as a labelled definition list. A field the bot did not send reads "—"
// ("not sent" to screen readers), never "No" or 0. The metadata fields come from the field
// registry (../fields/fields.ts), in its order; how some of them read is keyed by name below, the
// others read by their kind (yes/no, a number, the text).
import type { ReactNode } from 'react';
import type { Chat, ChatMetadata } from '../api/types';
import { CHAT_FIELDS, CODE_NAMES, type ChatField, type FieldName } from '../fields/fields';
import { formatDateTime, formatInteger, formatSeconds, humanize, NONE } from '../ui/format';
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

/** How a sent value reads, where not as its kind says (typed by the API's metadata object). */
const VIEWS: { [F in FieldName & keyof ChatMetadata]?: (value: NonNullable<ChatMetadata[F]>) => ReactNode } = {
  question_category: humanize,
  sentiment: (value) => <Sentiment value={value} />,
  user_rating: (value) => (
    <>
      <Rating value={value} /> <span className="muted">{value} / 5</span>
    </>
  ),
  is_escalated: (value) => <YesNoCell value={value} warn />,
  avg_response_time: formatSeconds,
  session_id: (value) => <code>{value}</code>,
  ip_address: (value) => <code>{value}</code>,
};

function fieldValue(field: ChatField, metadata: ChatMetadata): ReactNode {
  const value = (metadata as Record<string, unknown>)[field.name];
  const codeName = CODE_NAMES[field.name];
  if (codeName) return withName(typeof value === 'string' ? value : null, codeName);
  if (value === null || value === undefined || value === '') return notSent;
  const view = (VIEWS as Partial<Record<string, (value: unknown) => ReactNode>>)[field.name];
  if (view) return view(value);
  if (field.kind === 'boolean') return <YesNoCell value={value === true} />;
  if (field.kind === 'number' && typeof value === 'number') return formatInteger(value);
  return String(value);
}

export function MetadataList({ chat, tz }: { chat: Chat; tz?: string }) {
  const rows: Array<[string, ReactNode]> = [
    ...CHAT_FIELDS.filter((f) => f.inDetail).map((f): [string, ReactNode] => [f.detailLabel, fieldValue(f, chat.metadata)]),
    // A string is a pseudonym (works-council mode): the raw id never reaches the dashboard then.
    [typeof chat.user_id === 'string' ? 'End user (pseudonym)' : 'End user id', chat.user_id != null ? <code>{chat.user_id}</code> : notSent],
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
