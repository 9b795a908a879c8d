// Who is signed in. The session itself is the HttpOnly cookie set by POST /auth/login (the
// dashboard never sees the token); GET /api/v1/users/me tells whether it is still valid.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { get, post, setSessionEndedHandler } from '../api/client';
import type { Organization, User } from '../api/types';

export interface Session {
  user: User;
  organization: Organization;
  isAdmin: boolean;
  /** May create, edit and tag chats (admin and user; a viewer only reads). */
  canEdit: boolean;
}

const SessionContext = createContext<Session | null>(null);

export const SESSION_KEY = ['session'] as const;

async function loadSession(): Promise<Session | null> {
  try {
    const [user, organization] = await Promise.all([get<User>('/api/v1/users/me'), get<Organization>('/api/v1/orgs/me')]);
    const isAdmin = user.role === 'admin' || user.role === 'superadmin';
    return { user, organization, isAdmin, canEdit: isAdmin || user.role === 'user' };
  } catch (err) {
    if ((err as { status?: number }).status === 401) return null;
    throw err;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: 60_000, retry: false });
}

/** The signed-in session; only under <SessionProvider> inside the signed-in part of the app. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

/** Set when the server ended the session (401): the sign-in page then says so. */
export const SESSION_ENDED_KEY = ['session-ended'] as const;

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    // A 401 anywhere (expired or revoked session, removed member) ends the session in the UI too:
    // <SignedIn> then sends the visitor to the sign-in page, and back here afterwards.
    setSessionEndedHandler(() => {
      queryClient.setQueryData(SESSION_ENDED_KEY, true);
      queryClient.setQueryData(SESSION_KEY, null);
    });
    return () => {
      setSessionEndedHandler(() => {});
    };
  }, [queryClient]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    await post('/auth/logout').catch(() => {});
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
    navigate('/login', { replace: true });
  };
}
