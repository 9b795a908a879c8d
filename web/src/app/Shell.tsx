// The signed-in frame: navigation (admin pages only for admins), organization (with a badge while
// works-council mode is on, which every member sees), theme, sign out.
import { useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useSession, useSignOut } from '../auth/session';
import { useTheme, type ThemeChoice } from './theme';

export function Shell() {
  const { user, organization, isAdmin } = useSession();
  const signOut = useSignOut();
  const [theme, setTheme] = useTheme();
  const [menuOpen, setMenuOpen] = useState(false);
  const links = [
    { to: '/', label: 'Overview', end: true },
    { to: '/chats', label: 'Chats' },
    { to: '/exports', label: 'Exports' },
    { to: '/alerts', label: 'Alerts' },
    { to: '/privacy/summary', label: 'Privacy summary' },
    ...(isAdmin ? [{ to: '/api-keys', label: 'API keys' }, { to: '/members', label: 'Members' }, { to: '/webhooks', label: 'Webhooks' }, { to: '/privacy', label: 'Privacy', end: true }, { to: '/access-requests', label: 'Transcript access' }, { to: '/audit', label: 'Audit log' }] : []),
    { to: '/profile', label: 'Profile' },
  ];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand">
          <svg viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="var(--accent)" />
            <path d="M8 10h16v10H14l-5 4v-4H8z" fill="#fff" />
          </svg>
          <span>ChatLogger</span>
          <span className="org-name" title={`Organization slug: ${organization.slug}`}>
            {organization.name}
          </span>
          {organization.works_council && (
            <NavLink to="/privacy/summary" className="mode-badge" title="End users appear only as pseudonyms and figures about fewer than a handful of people are hidden">
              Works-council mode
            </NavLink>
          )}
        </div>
        <button
          type="button"
          className="btn btn-small menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          Menu
        </button>
        <nav id="main-nav" aria-label="Main" className={menuOpen ? 'nav open' : 'nav'}>
          {links.map((link) => (
            <NavLink key={link.to} to={link.to} end={link.end} onClick={() => setMenuOpen(false)}>
              {link.label}
            </NavLink>
          ))}
        </nav>
        <div className="topbar-end">
          <label className="sr-only" htmlFor="theme">
            Theme
          </label>
          <select id="theme" value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
            <option value="system">System theme</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
          <span className="user-badge" title={user.email}>
            {user.first_name ?? user.email} · {user.role}
          </span>
          <button type="button" className="btn btn-small" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
