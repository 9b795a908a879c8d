// The organization's members: role (changed in place) and removal (asked first, by the page).
import type { Member } from '../api/types';
import { ErrorNote } from '../ui/components';
import { formatDateTime, formatRelative } from '../ui/format';
import { memberName, ROLES, useChangeRole, type AssignableRole } from './queries';

interface Props {
  members: Member[];
  selfId: number;
  /** Removing anyone, and changing your own role, go through the page's confirmation. */
  onRemove: (member: Member) => void;
  onChangeOwnRole: (member: Member, role: AssignableRole) => void;
}

export function MembersTable({ members, selfId, onRemove, onChangeOwnRole }: Props) {
  const changeRole = useChangeRole(selfId);
  const shownRole = (member: Member) =>
    changeRole.isPending && changeRole.variables.id === member.id ? changeRole.variables.role : member.role;

  const choose = (member: Member, role: AssignableRole) => {
    if (role === member.role) return;
    if (member.id === selfId) onChangeOwnRole(member, role);
    else changeRole.mutate({ id: member.id, role });
  };

  return (
    <>
      <ErrorNote error={changeRole.error} />
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="sr-only">Members</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const name = memberName(member);
              const self = member.id === selfId;
              return (
                <tr key={member.id} data-member={member.email}>
                  <td data-label="Name">
                    <span>
                      {member.first_name || member.last_name ? name : <span className="muted">—</span>}
                      {self && <span className="badge you-badge">you</span>}
                    </span>
                  </td>
                  <td data-label="E-mail" className="email-cell">{member.email}</td>
                  <td data-label="Role">
                    {member.role === 'superadmin' ? (
                      <span className="badge">superadmin</span>
                    ) : (
                      <select
                        aria-label={`Role of ${name}`}
                        value={shownRole(member)}
                        disabled={changeRole.isPending}
                        onChange={(e) => choose(member, e.target.value as AssignableRole)}
                      >
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {role}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td data-label="Last sign-in" title={formatDateTime(member.last_login_at)}>{formatRelative(member.last_login_at)}</td>
                  <td data-label="" className="actions-cell">
                    <button type="button" className="btn btn-small btn-danger" onClick={() => onRemove(member)} aria-label={`Remove ${name}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
