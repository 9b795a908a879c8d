// Invite someone by e-mail with a role; the answer's token becomes a sign-up link, shown once.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { CopyButton, ErrorNote, Field } from '../ui/components';
import { formatDateTime } from '../ui/format';
import { invitationLink, ROLE_HINTS, ROLES, useInvite, type AssignableRole, type CreatedInvitation } from './queries';

export function InviteForm() {
  const invite = useInvite();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AssignableRole>('user');
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (answer) => {
          setCreated(answer);
          setEmail('');
        },
      },
    );
  };

  const error = invite.error;
  const emailError = error instanceof ApiError && error.field === 'email' ? error.message : null;
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a member</h2>
      <form onSubmit={submit}>
        {error && !emailError && <ErrorNote error={error} />}
        <div className="inline-fields">
          <Field
            label="E-mail"
            name="email"
            type="email"
            autoComplete="off"
            required
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={emailError}
          />
          <div className="field">
            <label htmlFor="invite-role">Role</label>
            <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as AssignableRole)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r} — {ROLE_HINTS[r]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-primary" disabled={invite.isPending}>
            {invite.isPending ? 'Inviting…' : 'Invite'}
          </button>
        </div>
      </form>
      {created && <InvitationLink invitation={created} onDone={() => setCreated(null)} />}
    </section>
  );
}

function InvitationLink({ invitation, onDone }: { invitation: CreatedInvitation; onDone: () => void }) {
  const link = invitationLink(invitation.invite_token);
  return (
    <div className="invite-link" role="status">
      <p>
        <strong>Send this link to {invitation.email}</strong> ({invitation.role}). It is shown only now, works once and
        until {formatDateTime(invitation.expires_at)}.
      </p>
      <div className="invite-link-value">
        <label className="sr-only" htmlFor="invite-link">
          Invitation link
        </label>
        <input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={link} label="Copy link" />
      </div>
      <button type="button" className="btn btn-small" onClick={onDone}>
        Done
      </button>
    </div>
  );
}
