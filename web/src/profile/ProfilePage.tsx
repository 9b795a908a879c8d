// Profile (any role): your account, name and password; your organization (an admin renames it).
import { useSession } from '../auth/session';
import { PageHeader } from '../ui/components';
import { formatDateTime } from '../ui/format';
import { NameForm } from './NameForm';
import { OrganizationCard } from './OrganizationCard';
import { PasswordForm } from './PasswordForm';
import './profile.css';

const ROLE_TEXT: Record<string, string> = {
  superadmin: 'everything, in every organization',
  admin: 'API keys, members, settings and deletes',
  user: 'reads, creates and edits chats',
  viewer: 'reads only',
};

export default function ProfilePage() {
  const { user, organization, isAdmin } = useSession();
  return (
    <div className="profile-page">
      <PageHeader title="Profile" description="Your account and your organization." />
      <div className="profile-grid">
        <section className="card" aria-labelledby="account-title">
          <h2 id="account-title">Account</h2>
          <dl className="facts">
            <dt>E-mail</dt>
            <dd>{user.email}</dd>
            <dt>Role</dt>
            <dd>
              <span className="badge">{user.role}</span> <span className="muted small">{ROLE_TEXT[user.role]}</span>
            </dd>
            <dt>Member since</dt>
            <dd>{formatDateTime(user.created_at)}</dd>
          </dl>
        </section>
        <OrganizationCard organization={organization} canRename={isAdmin} />
        <NameForm user={user} />
        <PasswordForm email={user.email} />
      </div>
    </div>
  );
}
