// Every page of the dashboard. Pages are loaded on demand (each is its own chunk), so the first
// download is only the frame; the overview's chart library comes with the overview.
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { LoginPage } from '../auth/LoginPage';
import { SESSION_ENDED_KEY, SessionProvider, useSession, useSessionQuery } from '../auth/session';
import { SignupPage } from '../auth/SignupPage';
import { EmptyState, ErrorNote, Loading } from '../ui/components';
import { Shell } from './Shell';

const OverviewPage = lazy(() => import('../overview/OverviewPage'));
const ChatsPage = lazy(() => import('../chats/ChatsPage'));
const ChatDetailPage = lazy(() => import('../chats/ChatDetailPage'));
const ExportsPage = lazy(() => import('../exports/ExportsPage'));
const ApiKeysPage = lazy(() => import('../api-keys/ApiKeysPage'));
const MembersPage = lazy(() => import('../members/MembersPage'));
const ProfilePage = lazy(() => import('../profile/ProfilePage'));
const PrivacyPage = lazy(() => import('../privacy/PrivacyPage'));
const PrivacySummaryPage = lazy(() => import('../privacy/PrivacySummaryPage'));
const AuditPage = lazy(() => import('../audit/AuditPage'));
const WebhooksPage = lazy(() => import('../webhooks/WebhooksPage'));
const AlertsPage = lazy(() => import('../alerts/AlertsPage'));
const AccessRequestsPage = lazy(() => import('../transcript-access/AccessRequestsPage'));

/** The signed-in part: without a session, go to the login page and come back afterwards. */
function SignedIn() {
  const session = useSessionQuery();
  const location = useLocation();
  const queryClient = useQueryClient();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorNote error={session.error} />;
  if (!session.data) {
    const expired = queryClient.getQueryData(SESSION_ENDED_KEY) ? 'expired=1&' : '';
    return <Navigate to={`/login?${expired}next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return (
    <SessionProvider session={session.data}>
      <Shell />
    </SessionProvider>
  );
}

/** Login and sign-up: a signed-in visitor goes straight to the dashboard. */
function SignedOut() {
  const session = useSessionQuery();
  if (session.isPending) return <Loading />;
  if (session.data) return <Navigate to="/" replace />;
  return <Outlet />;
}

/** Admin pages: hidden from the navigation for others; opened by URL, they say why not. */
function AdminOnly({ children }: { children: ReactNode }) {
  const { isAdmin } = useSession();
  if (!isAdmin) {
    return (
      <EmptyState title="Only admins can open this page">
        <p>Ask an admin of your organization if you need access.</p>
      </EmptyState>
    );
  }
  return <>{children}</>;
}

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

function NotFound() {
  return (
    <EmptyState title="Page not found">
      <p>
        <a href="/">Go to the overview</a>
      </p>
    </EmptyState>
  );
}

export const router = createBrowserRouter([
  {
    element: <SignedOut />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/signup', element: <SignupPage /> },
    ],
  },
  {
    element: <SignedIn />,
    children: [
      { path: '/', element: page(<OverviewPage />) },
      { path: '/chats', element: page(<ChatsPage />) },
      { path: '/chats/:id', element: page(<ChatDetailPage />) },
      { path: '/exports', element: page(<ExportsPage />) },
      { path: '/alerts', element: page(<AlertsPage />) },
      { path: '/api-keys', element: page(<AdminOnly>{<ApiKeysPage />}</AdminOnly>) },
      { path: '/members', element: page(<AdminOnly>{<MembersPage />}</AdminOnly>) },
      { path: '/privacy', element: page(<AdminOnly>{<PrivacyPage />}</AdminOnly>) },
      { path: '/privacy/summary', element: page(<PrivacySummaryPage />) },
      { path: '/audit', element: page(<AdminOnly>{<AuditPage />}</AdminOnly>) },
      { path: '/access-requests', element: page(<AdminOnly>{<AccessRequestsPage />}</AdminOnly>) },
      { path: '/webhooks', element: page(<AdminOnly>{<WebhooksPage />}</AdminOnly>) },
      { path: '/profile', element: page(<ProfilePage />) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
