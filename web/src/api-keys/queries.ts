// The organization's API keys (admin only): list, create, revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post } from '../api/client';
import type { Answer, ApiKey } from '../api/types';

export const API_KEYS_KEY = ['api-keys'] as const;

/** POST /api/v1/orgs/me/apikeys answers the key itself, once. */
export type CreatedApiKey = Answer<'/api/v1/orgs/me/apikeys', 'post', 201>;

export function useApiKeys() {
  return useQuery({ queryKey: API_KEYS_KEY, queryFn: () => get<ApiKey[]>('/api/v1/orgs/me/apikeys') });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => post<CreatedApiKey>('/api/v1/orgs/me/apikeys', { label }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_KEYS_KEY }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => del(`/api/v1/orgs/me/apikeys/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_KEYS_KEY }),
  });
}
