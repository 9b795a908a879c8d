// Members and invitations of the organization (admin only).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from '../api/client';
import type { Answer, Invitation, Member, Role } from '../api/types';
import { SESSION_KEY } from '../auth/session';

export const MEMBERS_KEY = ['members'] as const;
export const INVITATIONS_KEY = ['invitations'] as const;

/** The roles an admin can give (superadmin is not one of them). */
export const ROLES = ['admin', 'user', 'viewer'] as const satisfies readonly Role[];
export type AssignableRole = (typeof ROLES)[number];

export const ROLE_HINTS: Record<AssignableRole, string> = {
  admin: 'API keys, members, settings and deletes',
  user: 'reads, creates and edits chats',
  viewer: 'reads only',
};

/** POST /api/v1/orgs/me/invitations answers the one-time token, once. */
export type CreatedInvitation = Answer<'/api/v1/orgs/me/invitations', 'post', 201>;

export function useMembers() {
  return useQuery({ queryKey: MEMBERS_KEY, queryFn: () => get<Member[]>('/api/v1/orgs/me/users') });
}

export function useInvitations() {
  return useQuery({ queryKey: INVITATIONS_KEY, queryFn: () => get<Invitation[]>('/api/v1/orgs/me/invitations') });
}

export function useChangeRole(selfId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: number; role: AssignableRole }) => patch<Member>(`/api/v1/orgs/me/users/${id}`, { role }),
    onSuccess: async (_member, { id }) => {
      await queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
      // Your own role changed: the navigation and the admin pages follow.
      if (id === selfId) await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => del(`/api/v1/orgs/me/users/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MEMBERS_KEY }),
  });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: AssignableRole }) => post<CreatedInvitation>('/api/v1/orgs/me/invitations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => del(`/api/v1/orgs/me/invitations/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY }),
  });
}

export const memberName = (member: Pick<Member, 'first_name' | 'last_name' | 'email'>) =>
  [member.first_name, member.last_name].filter(Boolean).join(' ') || member.email;

/** The link the invitee opens: the sign-up page with the token, which joins this organization. */
export const invitationLink = (token: string) => `${window.location.origin}/signup?invite=${encodeURIComponent(token)}`;
