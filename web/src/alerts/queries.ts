// Alert rules: list (everyone), create, evaluate now, delete (admins); a rule's history.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post } from '../api/client';

export interface AlertRule {
  id: number;
  name: string;
  metric: string;
  window: 'hour' | 'day' | 'week';
  condition: 'above' | 'below' | 'unusual';
  threshold: number | null;
  min_volume: number;
  enabled: boolean;
  state: 'ok' | 'firing' | 'resolved';
  last_value: number | null;
  last_message: string | null;
  last_evaluated_at: string | null;
}

export interface NewRule {
  name: string;
  metric: string;
  window: AlertRule['window'];
  condition: AlertRule['condition'];
  threshold?: number;
  min_volume?: number;
}

const KEY = ['alert-rules'] as const;

export const useRules = () => useQuery({ queryKey: KEY, queryFn: () => get<{ rules: AlertRule[] }>('/api/v1/alerts/rules'), refetchInterval: 60_000 });
export const useHistory = (id: number) =>
  useQuery({ queryKey: [...KEY, id, 'history'], queryFn: () => get<{ history: { id: number; state: string; message: string; created_at: string }[] }>(`/api/v1/alerts/rules/${id}/history`) });

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
