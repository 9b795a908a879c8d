// Four-eyes access requests (works-council mode): an admin asks to read one chat's transcript,
// another admin approves or denies (within 72 hours, or it lapses); the requester may withdraw it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../api/client';

export type AccessStatus = 'pending' | 'approved' | 'denied' | 'expired' | 'withdrawn';

export interface AccessRequest {
  id: number;
  chat_id: number;
  requested_by: number;
  reason: string;
  duration_minutes: number;
  status: AccessStatus;
  decided_by: number | null;
  decided_at: string | null;
  expires_at: string | null;
  /** While pending: until when it can be decided (it lapses 72 hours after it was made). */
  pending_until: string | null;
  created_at: string;
}

const KEY = ['transcript-access'] as const;

export function useAccessRequests(query: { chat_id?: number; status?: AccessStatus } = {}, enabled = true) {
  return useQuery({
    queryKey: [...KEY, query],
    queryFn: () => get<{ requests: AccessRequest[]; next_cursor: string | null }>('/api/v1/transcript-access-requests', { ...query, limit: 100 }),
    enabled,
  });
}

export function useRequestAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { chat_id: number; reason: string; duration_minutes: number }) => post<AccessRequest>('/api/v1/transcript-access-requests', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** The requester takes back their own pending request. */
export function useWithdraw() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => post<AccessRequest>(`/api/v1/transcript-access-requests/${id}/withdraw`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve }: { id: number; approve: boolean }) =>
      post<AccessRequest>(`/api/v1/transcript-access-requests/${id}/${approve ? 'approve' : 'deny'}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
