// Members (admin): who is in the organization and with which role; invite, change role, remove.
import { useState } from 'react';
import { useSession } from '../auth/session';
import { ErrorNote, Loading, PageHeader } from '../ui/components';
import { ConfirmMemberAction, type MemberAction } from './ConfirmMemberAction';
import { InvitationsList } from './InvitationsList';
import { InviteForm } from './InviteForm';
import { MembersTable } from './MembersTable';
import { useInvitations, useMembers } from './queries';
import './members.css';

export default function MembersPage() {
  const { user, organization } = useSession();
  const members = useMembers();
  const invitations = useInvitations();
  const [action, setAction] = useState<MemberAction | null>(null);

  return (
    <div className="members-page">
      <PageHeader
        title="Members"
        description={
          <>
            Who can sign in to {organization.name}. Admins manage keys and members, users also edit chats, viewers only read.
          </>
        }
      />
      <section aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        {members.isPending ? (
          <Loading />
        ) : members.isError ? (
          <ErrorNote error={members.error} />
        ) : (
          <MembersTable
            members={members.data}
            selfId={user.id}
            onRemove={(member) => setAction({ kind: 'remove', member })}
            onChangeOwnRole={(member, role) => setAction({ kind: 'own-role', member, role })}
          />
        )}
      </section>
      <InviteForm />
      <section aria-labelledby="invitations-title">
        <h2 id="invitations-title">Pending invitations</h2>
        {invitations.isPending ? (
          <Loading />
        ) : invitations.isError ? (
          <ErrorNote error={invitations.error} />
        ) : (
          <InvitationsList
            invitations={invitations.data}
            members={members.data ?? []}
            onRevoke={(invitation) => setAction({ kind: 'revoke-invitation', invitation })}
          />
        )}
      </section>
      <ConfirmMemberAction action={action} selfId={user.id} onClose={() => setAction(null)} />
    </div>
  );
}
