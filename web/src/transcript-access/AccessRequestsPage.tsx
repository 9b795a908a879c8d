// Admins: the organization's transcript access requests (works-council mode). Pending ones can be
// approved or denied by any admin other than the one who asked (within 72 hours, or they lapse as
// expired), or withdrawn by the one who asked; the rest are the record.
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { EmptyState, ErrorNote, Loading, PageHeader } from '../ui/components';
import { formatDateTime } from '../ui/format';
import { useAccessRequests, useDecide, useWithdraw, type AccessRequest } from './queries';

const STATUS_LABEL: Record<AccessRequest['status'], string> = { pending: 'Pending', approved: 'Approved', denied: 'Denied', expired: 'Expired', withdrawn: 'Withdrawn' };

export default function AccessRequestsPage() {
  const { user } = useSession();
  const requests = useAccessRequests();
  const decide = useDecide();
  const withdraw = useWithdraw();
  return (
    <>
      <PageHeader
        title="Transcript access"
        description="In works-council mode a transcript opens only for the admin who asked, with a reason, after another admin approved, until the access expires."
      />
      <ErrorNote error={decide.error ?? withdraw.error} />
      {requests.isPending ? (
        <Loading label="Loading the requests…" />
      ) : requests.isError ? (
        <ErrorNote error={requests.error} />
      ) : requests.data.requests.length === 0 ? (
        <EmptyState title="No access requests">
          <p className="muted">Requests are made on a chat's page while works-council mode is on.</p>
        </EmptyState>
      ) : (
        <div className="card">
          <table className="table" aria-label="Access requests">
            <thead>
              <tr>
                <th scope="col">Chat</th>
                <th scope="col">Reason</th>
                <th scope="col">Asked by</th>
                <th scope="col">For</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Decision</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.data.requests.map((r) => (
                <tr key={r.id} data-request-id={r.id}>
                  <td>
                    <Link to={`/chats/${r.chat_id}`}>Chat #{r.chat_id}</Link>
                  </td>
                  <td>{r.reason}</td>
                  <td>
                    {r.requested_by === user.id ? 'you' : `member #${r.requested_by}`}, {formatDateTime(r.created_at)}
                  </td>
                  <td>{r.duration_minutes} min</td>
                  <td>
                    {STATUS_LABEL[r.status]}
                    {r.status === 'approved' && r.expires_at && <> until {formatDateTime(r.expires_at)}</>}
                    {r.status === 'pending' && r.pending_until && <> until {formatDateTime(r.pending_until)}</>}
                  </td>
                  <td>
                    {r.status === 'pending' &&
                      (r.requested_by === user.id ? (
                        <span className="row-actions">
                          <span className="muted small">Another admin decides</span>{' '}
                          <button type="button" className="btn btn-small" disabled={withdraw.isPending} onClick={() => withdraw.mutate(r.id)}>
                            Withdraw<span className="sr-only"> request {r.id}</span>
                          </button>
                        </span>
                      ) : (
                        <span className="row-actions">
                          <button type="button" className="btn btn-small btn-primary" disabled={decide.isPending} onClick={() => decide.mutate({ id: r.id, approve: true })}>
                            Approve<span className="sr-only"> request {r.id}</span>
                          </button>{' '}
                          <button type="button" className="btn btn-small" disabled={decide.isPending} onClick={() => decide.mutate({ id: r.id, approve: false })}>
                            Deny<span className="sr-only"> request {r.id}</span>
                          </button>
                        </span>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
