// Exports (any role): start an export of all chats, follow the jobs, download the files.
import { EmptyState, ErrorNote, Loading, PageHeader } from '../ui/components';
import { ExportsTable } from './ExportsTable';
import { NewExportForm } from './NewExportForm';
import { isUnfinished, useExports } from './queries';
import './exports.css';

export default function ExportsPage() {
  const exports = useExports();
  const jobs = exports.data?.pages.flatMap((page) => page.exports) ?? [];
  const running = jobs.filter(isUnfinished).length;

  return (
    <div className="exports-page">
      <PageHeader title="Exports" description="Files of your chats and messages (CSV, JSON, NDJSON), kept 7 days." />
      <NewExportForm />
      <section aria-labelledby="exports-title">
        <h2 id="exports-title">
          Your organization’s exports
          {running > 0 && (
            <span className="muted small exports-running" role="status">
              {' '}
              · {running} running, updating…
            </span>
          )}
        </h2>
        {exports.isPending ? (
          <Loading />
        ) : !exports.data ? (
          <ErrorNote error={exports.error} />
        ) : jobs.length === 0 ? (
          <EmptyState title="No exports yet">
            <p className="muted">Start one above, or export a filtered view from the chats explorer.</p>
          </EmptyState>
        ) : (
          <>
            <ExportsTable jobs={jobs} />
            {exports.hasNextPage && (
              <div className="load-more">
                <button type="button" className="btn" onClick={() => exports.fetchNextPage()} disabled={exports.isFetchingNextPage}>
                  {exports.isFetchingNextPage ? 'Loading…' : 'Load more'}
                </button>
              </div>
            )}
            {exports.error && <ErrorNote error={exports.error} />}
          </>
        )}
      </section>
    </div>
  );
}
