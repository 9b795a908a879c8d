// Alert rules: list (everyone), create, evaluate now, delete (admins); a rule's history.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post } from '../api/client';
import type { Answer, RequestBody } from '../api/types';

// From the server's OpenAPI document (web/src/api/generated/openapi.ts).
export type AlertRule = Answer<'/api/v1/alerts/rules', 'get'>['rules'][number];
export type NewRule = RequestBody<'/api/v1/alerts/rules', 'post'>;
type History = Answer<'/api/v1/alerts/rules/{id}/history', 'get'>;

const KEY = ['alert-rules'] as const;

export const useRules = () => useQuery({ queryKey: KEY, queryFn: () => get<Answer<'/api/v1/alerts/rules', 'get'>>('/api/v1/alerts/rules'), refetchInterval: 60_000 });
export const useHistory = (id: number) =>
  useQuery({ queryKey: [...KEY, id, 'history'], queryFn: () => get<History>(`/api/v1/alerts/rules/${id}/history`) });

function useRuleMutation<A>(fn: (args: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEY });
      void queryClient.invalidateQueries({ queryKey: ['attention'] });
    },
  });
}

export const useCreateRule = () => useRuleMutation((body: NewRule) => post<AlertRule>('/api/v1/alerts/rules', body));
export const useEvaluateRule = () => useRuleMutation((id: number) => post<AlertRule>(`/api/v1/alerts/rules/${id}/evaluate`));
export const useDeleteRule = () => useRuleMutation((id: number) => del(`/api/v1/alerts/rules/${id}`));
