// How a chat's fields read in the table and on the detail page.
import { countryName, humanize, languageName, NONE } from '../ui/format';

export function chatTitle(chat: { id: number; title: string | null; title_hidden_reason?: string }): string {
  if (chat.title_hidden_reason) return `Chat #${chat.id} (title hidden in works-council mode)`;
  return chat.title?.trim() ? chat.title : `Untitled chat #${chat.id}`;
}

export function Sentiment({ value }: { value: string | null }) {
  if (!value) return <span className="muted">{NONE}</span>;
  const tone = /neg|angry|frustrat/.test(value) ? 'badge-bad' : /pos|happy|satisf/.test(value) ? 'badge-good' : '';
  return <span className={`badge ${tone}`}>{humanize(value)}</span>;
}

/** true / false / not sent: a chat that never said is not a "no". */
export function YesNoCell({ value, warn = false }: { value: boolean | null; warn?: boolean }) {
  if (value == null) return <span className="muted" title="Not sent">{NONE}</span>;
  return value ? <span className={`badge ${warn ? 'badge-warn' : ''}`}>Yes</span> : <span>No</span>;
}

export function Rating({ value }: { value: number | null }) {
  if (value == null) return <span className="muted">{NONE}</span>;
  return (
    <span className="rating" role="img" aria-label={`${value} of 5`} title={`${value} of 5`}>
      <span aria-hidden="true">{'★'.repeat(value)}</span>
      <span aria-hidden="true" className="rating-rest">
        {'★'.repeat(5 - value)}
      </span>
    </span>
  );
}

export function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <span className="muted">{NONE}</span>;
  return (
    <span className="tag-list">
      {tags.map((tag) => (
        <span key={tag} className="tag">
          {tag}
        </span>
      ))}
    </span>
  );
}

export function Language({ code }: { code: string | null }) {
  if (!code) return <span className="muted">{NONE}</span>;
  const name = languageName(code);
  return <span title={code}>{name !== code ? name : code}</span>;
}

export function Country({ code }: { code: string | null }) {
  if (!code) return <span className="muted">{NONE}</span>;
  const name = countryName(code);
  return <span title={code}>{name !== code ? name : code}</span>;
}
