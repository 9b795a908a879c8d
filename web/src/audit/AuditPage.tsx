// Audit log (admin): who did what, when, from where; filter by action, page with "Load more",
// download as CSV, and check the hash chain.
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, withQuery } from '../api/client';
import type { Answer } from '../api/types';
import { EmptyState, ErrorNote, Field, Loading, PageHeader } from '../ui/components';
import { formatDateTime } from '../ui/format';
import '../privacy/privacy.css';

// From the server's OpenAPI document (web/src/api/generated/openapi.ts).
type AuditPage = Answer<'/api/v1/audit', 'get'>;
type ChainReport = Answer<'/api/v1/audit/verify', 'get'>;

export default function AuditPage() {
  const [action, setAction] = useState('');
  const [applied, setApplied] = useState('');
  const filters = { action: applied || undefined };
  const entries = useInfiniteQuery({
    queryKey: ['audit', applied],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => get<AuditPage>('/api/v1/audit', { ...filters, limit: 50, cursor: pageParam }),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const verify = useMutation({ mutationFn: () => get<ChainReport>('/api/v1/audit/verify') });
  const rows = entries.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <div className="audit-page">
      <PageHeader
        title="Audit log"
        description="Every admin action, export, transcript opened and sign-in of your organization. Entries cannot be changed: each carries the hash of the one before."
        actions={
          <>
            <a className="btn" href={withQuery('/api/v1/audit/export', filters)} download>Download CSV</a>
            <button type="button" className="btn" onClick={() => verify.mutate()} disabled={verify.isPending}>
              {verify.isPending ? 'Checking…' : 'Check integrity'}
            </button>
          </>
        }
      />
      {verify.data && (
        <div className={`note ${verify.data.ok ? '' : 'note-error'}`} role="status">
          {verify.data.ok ? `The chain is intact: ${verify.data.entries} entries checked.` : `The log was altered: ${verify.data.reason}`}
        </div>
      )}
      <ErrorNote error={verify.error} />
      <form className="audit-filters" onSubmit={(e: FormEvent) => (e.preventDefault(), setApplied(action.trim()))}>
        <Field label="Action" value={action} onChange={(e) => setAction(e.target.value)} placeholder="e.g. member. or transcript.opened" hint='A prefix ending in "." matches a group.' />
        <button type="submit" className="btn">Filter</button>
      </form>
      {entries.isPending ? (
        <Loading />
      ) : entries.isError ? (
        <ErrorNote error={entries.error} />
      ) : rows.length === 0 ? (
        <EmptyState title="No entries" />
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Audit entries, newest first</caption>
            <thead>
              <tr><th>#</th><th>When</th><th>Who</th><th>Action</th><th>Target</th><th>IP</th><th>Details</th></tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.seq}>
                  <td>{e.seq}</td>
                  <td>{formatDateTime(e.created_at)}</td>
                  <td>{e.actor.label ?? `${e.actor.type} ${e.actor.id ?? ''}`}</td>
                  <td><code>{e.action}</code></td>
                  <td>{e.pseudonymized ? <span className="muted">erased</span> : e.target.type ? `${e.target.type} ${e.target.id ?? ''}` : '—'}</td>
                  <td>{e.ip ?? '—'}</td>
                  <td>{e.details ? <pre className="audit-details">{JSON.stringify(e.details, null, 1)}</pre> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.hasNextPage && (
        <button type="button" className="btn" onClick={() => entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
          {entries.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
