// The chats explorer: every filter of GET /api/v1/chats, held in the URL under the API's names (so
// a view can be shared, and the overview's charts link straight into it), the matching chats in a
// table, 50 at a time ("Load more" follows next_cursor; the cursor stays out of the URL, which
// always names the view from its first chat), and an export of exactly this view.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../auth/session';
import { apiQuery } from '../filters/url-filters';
import { EmptyState, ErrorNote, Loading, PageHeader } from '../ui/components';
import { formatInteger } from '../ui/format';
import { SendChatSnippet } from '../ui/SendChatSnippet';
import { ChatsTable } from './ChatsTable';
import { ExportControl } from './ExportControl';
import { activeChips, cleared, EXPLORER_DEFAULT_RANGE, without, type Chip } from './filter-model';
import { FiltersPanel } from './FiltersPanel';
import { useChatList } from './useChats';
import './chats.css';

export default function ChatsPage() {
  const [params, setParams] = useSearchParams();
  const { organization, isAdmin } = useSession();
  const { range, query } = apiQuery(params, EXPLORER_DEFAULT_RANGE);
  const sort = params.get('sort') === 'created_at' ? 'created_at' : '-created_at';
  const list = useChatList(sort === 'created_at' ? { ...query, sort } : query);
  const chips = activeChips(params, range);
  const filtered = chips.length > 0;
  const clear = () => setParams(cleared(params));

  const pages = list.data?.pages ?? [];
  const chats = pages.flatMap((page) => page.chats);

  // Keyboard users continue at the first chat just loaded (the button may be gone afterwards). The
  // focus moves once that row is in the DOM: an effect runs after React committed the new rows,
  // which an animation frame after the fetch resolved did not always see.
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    if (focusRow === null || chats.length <= focusRow) return;
    document.querySelector<HTMLElement>(`.chats-table tbody tr:nth-child(${focusRow + 1}) a`)?.focus();
    setFocusRow(null);
  }, [focusRow, chats.length]);
  const loadMore = async (shown: number) => {
    const result = await list.fetchNextPage();
    if (!result.isError) setFocusRow(shown);
  };
  const total = pages[0]?.total;

  // A new organization (no chats, nothing filtered): say how to send the first one.
  if (!filtered && list.isSuccess && !list.isPlaceholderData && chats.length === 0) {
    return (
      <>
        <PageHeader title="Chats" />
        <EmptyState title="No chats yet">
          <p>Your assistant has not sent any chat yet. Send one with the organization's API key and it shows up here at once.</p>
          {isAdmin ? (
            <p>
              <Link to="/api-keys">Create an API key</Link>, then run:
            </p>
          ) : (
            <p>Ask an admin of your organization for an API key, then run:</p>
          )}
          <SendChatSnippet slug={organization.slug} />
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Chats"
        description="Search and filter every chat; the address holds the filters, so share it to share this view."
        actions={<ExportControl filters={query} />}
      />
      <FiltersPanel range={range} activeCount={chips.length} />
      {filtered && <ActiveFilters chips={chips} onRemove={(chip) => setParams(without(params, chip.remove))} onClear={clear} />}
      {list.isPending ? (
        <Loading label="Loading chats…" />
      ) : !list.data ? (
        <>
          <ErrorNote error={list.error} />
          {filtered && (
            <p className="muted">
              Change or remove the filter named above, or{' '}
              <button type="button" className="link-button" onClick={clear}>
                clear all filters
              </button>
              .
            </p>
          )}
        </>
      ) : chats.length === 0 ? (
        <EmptyState
          title="No chats match these filters"
          action={
            <button type="button" className="btn" onClick={clear}>
              Clear filters
            </button>
          }
        >
          <p className="muted">Try a longer period or fewer filters.</p>
        </EmptyState>
      ) : (
        <>
          <div className={list.isPlaceholderData ? 'results results-stale' : 'results'} aria-busy={list.isPlaceholderData}>
            <p className="results-count" aria-live="polite">
              {total != null ? `${formatInteger(total)} ${total === 1 ? 'chat' : 'chats'}` : `${formatInteger(chats.length)} chats`}
              {total != null && total > chats.length && <span className="muted"> · showing {formatInteger(chats.length)}</span>}
            </p>
            <ChatsTable
              chats={chats}
              tz={range.tz}
              sort={sort}
              onSort={(next) => {
                const nextParams = new URLSearchParams(params);
                if (next === 'created_at') nextParams.set('sort', 'created_at');
                else nextParams.delete('sort');
                setParams(nextParams);
              }}
            />
          </div>
          {list.isFetchNextPageError && <ErrorNote error={list.error} />}
          {list.hasNextPage && !list.isPlaceholderData && (
            <div className="load-more">
              <button type="button" className="btn" onClick={() => loadMore(chats.length)} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}

function ActiveFilters({ chips, onRemove, onClear }: { chips: Chip[]; onRemove: (chip: Chip) => void; onClear: () => void }) {
  return (
    <div className="active-filters" role="group" aria-label="Active filters">
      <ul className="chips">
        {chips.map((chip) => (
          <li key={chip.key} className="chip">
            <span>{chip.label}</span>
            <button type="button" className="chip-remove" aria-label={`Remove filter ${chip.label}`} title="Remove this filter" onClick={() => onRemove(chip)}>
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-small" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
