// The one confirmation of the members page: removing a member (yourself included, said plainly),
// changing your own role, revoking an invitation. The API's refusal (409 for the last admin) shows
// inside the dialog, next to the action that caused it.
import type { Invitation, Member } from '../api/types';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNote } from '../ui/components';
import { memberName, useChangeRole, useRemoveMember, useRevokeInvitation, type AssignableRole } from './queries';

export type MemberAction =
  | { kind: 'remove'; member: Member }
  | { kind: 'own-role'; member: Member; role: AssignableRole }
  | { kind: 'revoke-invitation'; invitation: Invitation };

export function ConfirmMemberAction({ action, selfId, onClose }: { action: MemberAction | null; selfId: number; onClose: () => void }) {
  const remove = useRemoveMember();
  const changeRole = useChangeRole(selfId);
  const revoke = useRevokeInvitation();
  const mutation = action?.kind === 'remove' ? remove : action?.kind === 'own-role' ? changeRole : revoke;

  const close = () => {
    remove.reset();
    changeRole.reset();
    revoke.reset();
    onClose();
  };
  const confirm = () => {
    if (!action) return;
    const done = { onSuccess: close };
    if (action.kind === 'remove') remove.mutate(action.member.id, done);
    else if (action.kind === 'own-role') changeRole.mutate({ id: action.member.id, role: action.role }, done);
    else revoke.mutate(action.invitation.id, done);
  };

  let title = '';
  let confirmLabel = '';
  let body = null;
  if (action?.kind === 'remove' && action.member.id === selfId) {
    title = 'Remove yourself from the organization?';
    confirmLabel = 'Remove myself';
    body = (
      <p>
        <strong>This is your own account ({action.member.email}).</strong> You will be signed out at once and lose access to this
        organization; only another admin can invite you back.
      </p>
    );
  } else if (action?.kind === 'remove') {
    title = `Remove ${memberName(action.member)}?`;
    confirmLabel = 'Remove member';
    body = (
      <p>
        {action.member.email} loses access to the organization and is signed out at once. Their chats and exports stay.
      </p>
    );
  } else if (action?.kind === 'own-role') {
    title = `Change your own role to ${action.role}?`;
    confirmLabel = `Become ${action.role}`;
    body = <p>You will no longer be an admin: this page and the API keys page close to you until another admin makes you admin again.</p>;
  } else if (action?.kind === 'revoke-invitation') {
    title = `Revoke the invitation of ${action.invitation.email}?`;
    confirmLabel = 'Revoke invitation';
    body = <p>The invitation link stops working. You can invite the same e-mail again later.</p>;
  }

  return (
    <ConfirmDialog open={action !== null} title={title} confirmLabel={confirmLabel} busy={mutation.isPending} onConfirm={confirm} onCancel={close}>
      {body}
      <ErrorNote error={mutation.error} />
    </ConfirmDialog>
  );
}
