// Invitations not yet accepted nor expired; revoking one (asked first, by the page) voids its link.
import type { Invitation, Member } from '../api/types';
import { formatDateTime, formatRelative } from '../ui/format';
import { memberName } from './queries';

export function InvitationsList({ invitations, members, onRevoke }: { invitations: Invitation[]; members: Member[]; onRevoke: (invitation: Invitation) => void }) {
  if (invitations.length === 0) return <p className="muted">No pending invitations.</p>;
  const inviter = (id: number | null) => {
    const member = members.find((m) => m.id === id);
    return member ? memberName(member) : '—';
  };
  return (
    <div className="table-wrap">
      <table className="stack-table">
        <caption className="sr-only">Pending invitations</caption>
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Invited</th>
            <th scope="col">By</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id} data-invitation={invitation.email}>
              <td data-label="E-mail" className="email-cell">{invitation.email}</td>
              <td data-label="Role">{invitation.role}</td>
              <td data-label="Invited" title={formatDateTime(invitation.created_at)}>{formatRelative(invitation.created_at)}</td>
              <td data-label="By">{inviter(invitation.invited_by)}</td>
              <td data-label="Expires">{formatDateTime(invitation.expires_at)}</td>
              <td data-label="" className="actions-cell">
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  onClick={() => onRevoke(invitation)}
                  aria-label={`Revoke the invitation of ${invitation.email}`}
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
