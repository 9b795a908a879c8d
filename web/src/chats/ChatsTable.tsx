// The explorer's table. Each title is a link to the chat (Tab + Enter); a click anywhere on the row
// does the same for the mouse. The link carries the explorer's address in its history state, so
// the detail page's "Back" returns to the same filters.
import type { MouseEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Chat } from '../api/types';
import { formatDateTime, humanize, NONE } from '../ui/format';
import { chatTitle, Country, Language, Rating, Sentiment, Tags, YesNoCell } from './cells';

interface Props {
  chats: Chat[];
  tz: string;
  sort: 'created_at' | '-created_at';
  onSort: (sort: 'created_at' | '-created_at') => void;
}

export function ChatsTable({ chats, tz, sort, onSort }: Props) {
  const location = useLocation();
  const navigate = useNavigate();
  const state = { from: location.search };
  const open = (event: MouseEvent<HTMLTableRowElement>, id: number) => {
    // Links, buttons and selected text keep their own behaviour.
    if ((event.target as HTMLElement).closest('a, button') || window.getSelection()?.toString()) return;
    navigate(`/chats/${id}`, { state });
  };
  const newestFirst = sort === '-created_at';
  return (
    <div className="table-wrap chats-table-wrap">
      <table className="chats-table">
        <caption className="sr-only">Chats, {newestFirst ? 'newest' : 'oldest'} first</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col" aria-sort={newestFirst ? 'descending' : 'ascending'}>
              <button type="button" className="sort-button" onClick={() => onSort(newestFirst ? 'created_at' : '-created_at')}>
                Time <span aria-hidden="true">{newestFirst ? '↓' : '↑'}</span>
                <span className="sr-only">{newestFirst ? ', newest first: show oldest first' : ', oldest first: show newest first'}</span>
              </button>
            </th>
            <th scope="col">Category</th>
            <th scope="col">Sentiment</th>
            <th scope="col">Rating</th>
            <th scope="col">Escalated</th>
            <th scope="col">HR</th>
            <th scope="col">Tags</th>
            <th scope="col">Language</th>
            <th scope="col">Country</th>
          </tr>
        </thead>
        <tbody>
          {chats.map((chat) => (
            <tr key={chat.id} onClick={(event) => open(event, chat.id)} data-chat-id={chat.id}>
              <td className="col-title">
                <Link to={`/chats/${chat.id}`} state={state}>
                  {chatTitle(chat)}
                </Link>
              </td>
              <td className="col-time">
                <time dateTime={chat.created_at}>{formatDateTime(chat.created_at, tz)}</time>
              </td>
              <td>{chat.metadata.question_category ? humanize(chat.metadata.question_category) : <span className="muted">{NONE}</span>}</td>
              <td>
                <Sentiment value={chat.metadata.sentiment} />
              </td>
              <td>
                <Rating value={chat.metadata.user_rating} />
              </td>
              <td>
                <YesNoCell value={chat.metadata.is_escalated} warn />
              </td>
              <td>
                <YesNoCell value={chat.metadata.is_forwarded_to_hr} />
              </td>
              <td className="col-tags">
                <Tags tags={chat.tags} />
              </td>
              <td>
                <Language code={chat.metadata.language_code} />
              </td>
              <td>
                <Country code={chat.metadata.country_code} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
