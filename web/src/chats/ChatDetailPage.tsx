// One chat: its metadata, tags (editable by admins and users) and the transcript as bubbles, with
// "Load more messages" past the first 1,000. "Back to chats" returns to the explorer with the
// filters it was opened from (carried in the history state by the explorer's links). Another
// organization's chat, an unknown id and a malformed one all read "Chat not found".
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import type { Message } from '../api/types';
import { useSession } from '../auth/session';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EmptyState, ErrorNote, Loading, PageHeader } from '../ui/components';
import { isValidZone } from '../filters/zoned-time';
import { formatDateTime, formatInteger } from '../ui/format';
import { chatTitle } from './cells';
import { MetadataList } from './MetadataList';
import { TagEditor } from './TagEditor';
import { Transcript } from './Transcript';
import { fetchMessages, useChat, useDeleteChat } from './useChats';
import { AccessExpiry, ClosedTranscript } from '../transcript-access/TranscriptAccess';
import './chats.css';

/**
 * The explorer address to go back to (the one the chat was opened from, else the plain explorer),
 * and that view's time zone, in which this page shows its times too.
 */
function useOrigin(): { back: string; tz: string | undefined } {
  const state = useLocation().state as { from?: unknown } | null;
  const from = typeof state?.from === 'string' && state.from.startsWith('?') ? state.from : '';
  const tz = new URLSearchParams(from).get('tz');
  return { back: `/chats${from}`, tz: tz && isValidZone(tz) ? tz : undefined };
}

export default function ChatDetailPage() {
  const { id = '' } = useParams();
  // A new id is a new page: its extra messages and dialogs start over.
  return <ChatDetail key={id} id={id} />;
}

function ChatDetail({ id }: { id: string }) {
  const { back, tz } = useOrigin();
  const navigate = useNavigate();
  const { canEdit, isAdmin } = useSession();
  const chat = useChat(id);
  const remove = useDeleteChat(id);
  const [confirming, setConfirming] = useState(false);
  const [more, setMore] = useState<{ messages: Message[]; cursor: string | null | undefined }>({ messages: [], cursor: undefined });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  const backLink = (
    <Link to={back} className="back-link">
      <span aria-hidden="true">←</span> Back to chats
    </Link>
  );

  if (chat.isPending) return <Loading label="Loading the chat…" />;
  if (chat.isError) {
    const error = chat.error;
    // 404: unknown or another organization's chat; 400 on the id: not a chat id at all.
    if (error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.field === 'id'))) {
      return (
        <>
          {backLink}
          <EmptyState title="Chat not found">
            <p className="muted">There is no chat #{id} in your organization. It may have been deleted, or the link belongs to another organization.</p>
          </EmptyState>
        </>
      );
    }
    return (
      <>
        {backLink}
        <ErrorNote error={error} />
      </>
    );
  }

  const data = chat.data;
  const cursor = more.cursor === undefined ? (data.messages_next_cursor ?? null) : more.cursor;
  const messages = [...(data.messages ?? []), ...more.messages];

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchMessages(id, cursor);
      setMore((prev) => ({ messages: [...prev.messages, ...page.messages], cursor: page.next_cursor }));
    } catch (err) {
      setMoreError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  const deleteChat = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        navigate(back, { replace: true });
      },
    });

  const transcriptLink = data.metadata.transcript_link;
  return (
    <>
      {backLink}
      <PageHeader
        title={chatTitle(data)}
        description={
          <>
            Chat #{data.id} · <time dateTime={data.created_at}>{formatDateTime(data.created_at, tz)}</time>
            {tz && <> · times in {tz.replace(/_/g, ' ')}</>}
          </>
        }
        actions={
          <>
            {transcriptLink && (
              <a className="btn" href={transcriptLink} target="_blank" rel="noopener noreferrer">
                Open transcript link<span className="sr-only"> (opens in a new tab)</span> <span aria-hidden="true">↗</span>
              </a>
            )}
            {isAdmin && (
              <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
                Delete chat
              </button>
            )}
          </>
        }
      />
      <div className="chat-detail">
        <section className="card chat-transcript" aria-labelledby="transcript-title">
          <h2 id="transcript-title">
            Transcript{' '}
            {!data.transcript_closed && (
              <span className="muted small">
                ({formatInteger(messages.length)}
                {cursor ? '+' : ''} messages)
              </span>
            )}
          </h2>
          {data.content_purged_at && (
            <p className="note" role="note">
              The text of this chat was removed on {formatDateTime(data.content_purged_at, tz)} under your organization's retention policy.
              Its counts, ratings and metadata still count in the analytics.
            </p>
          )}
          {data.transcript_closed ? (
            <ClosedTranscript chatId={data.id} sentence={data.transcript_closed} />
          ) : (
            <>
              <AccessExpiry chatId={data.id} pageId={id} />
              <Transcript messages={messages} tz={tz} />
            </>
          )}
          <ErrorNote error={moreError} />
          {cursor && (
            <div className="load-more">
              <button type="button" className="btn" onClick={loadMore} disabled={loadingMore}>
                {loadingMore ? 'Loading…' : 'Load more messages'}
              </button>
            </div>
          )}
        </section>
        <aside className="chat-side">
          <section className="card" aria-labelledby="tags-title">
            <h2 id="tags-title">Tags</h2>
            <TagEditor chatId={id} tags={data.tags} canEdit={canEdit} />
          </section>
          <section className="card" aria-labelledby="details-title">
            <h2 id="details-title">Details</h2>
            <MetadataList chat={data} tz={tz} />
          </section>
        </aside>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Delete this chat?"
        confirmLabel={remove.isPending ? 'Deleting…' : 'Delete chat'}
        busy={remove.isPending}
        onConfirm={deleteChat}
        onCancel={() => {
          setConfirming(false);
          remove.reset();
        }}
      >
        <p>
          “{chatTitle(data)}” and its {formatInteger(messages.length)}
          {cursor ? '+' : ''} messages are removed for good. Exports made earlier keep their copy.
        </p>
        <ErrorNote error={remove.error} />
      </ConfirmDialog>
    </>
  );
}
