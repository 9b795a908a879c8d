// Four-eyes access requests (works-council mode): an admin asks to read one chat's transcript,
// another admin approves or denies (within 72 hours, or it lapses); the requester may withdraw it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../api/client';
import type { Answer } from '../api/types';

// From the server's OpenAPI document (web/src/api/generated/openapi.ts).
export type AccessRequest = Answer<'/api/v1/transcript-access-requests/{id}', 'get'>;
export type AccessStatus = AccessRequest['status'];

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
