// Webhook endpoints (admin only): list, create, change, delete, rotate the secret, send a test
// event; each endpoint's delivery log and redelivery.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from '../api/client';

export const EVENT_TYPES = [
  ['chat.created', 'A chat is logged'],
  ['chat.escalated', 'A chat is escalated'],
  ['chat.forwarded_to_hr', 'A chat is handed over to HR'],
  ['chat.rated_low', 'A chat is rated 2 or less'],
  ['chat.updated', 'A chat is changed'],
  ['export.completed', 'An export is ready'],
  ['alert.fired', 'An alert fires'],
  ['alert.resolved', 'An alert is resolved'],
] as const;
export type EventType = (typeof EVENT_TYPES)[number][0];

export interface Endpoint {
  id: number;
  url: string;
  description: string;
  events: EventType[];
  include_content: boolean;
  enabled: boolean;
  disabled_reason: string | null;
  disabled_at: string | null;
  failing_since: string | null;
  previous_secret_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface Delivery {
  id: number;
  event_id: number;
  event_type: string;
  event_status: string;
  attempt: number;
  url: string;
  requested_at: string;
  duration_ms: number;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
  success: boolean;
}

export const WEBHOOKS_KEY = ['webhooks'] as const;

export const useEndpoints = () => useQuery({ queryKey: WEBHOOKS_KEY, queryFn: () => get<{ endpoints: Endpoint[] }>('/api/v1/webhooks') });

export function useDeliveries(id: number) {
  // Polled: a test event or a retry shows up by itself.
  return useQuery({
    queryKey: [...WEBHOOKS_KEY, id, 'deliveries'],
    queryFn: () => get<{ deliveries: Delivery[] }>(`/api/v1/webhooks/${id}/deliveries`, { limit: 50 }),
    refetchInterval: 2000,
  });
}

function useWebhookMutation<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY }) });
}

export interface NewEndpoint {
  url: string;
  events: EventType[];
  description?: string;
  include_content?: boolean;
}

export const useCreateEndpoint = () => useWebhookMutation((body: NewEndpoint) => post<Endpoint & { secret: string }>('/api/v1/webhooks', body));
export const useUpdateEndpoint = () =>
  useWebhookMutation(({ id, ...body }: { id: number } & Partial<NewEndpoint> & { enabled?: boolean }) => patch<Endpoint>(`/api/v1/webhooks/${id}`, body));
export const useDeleteEndpoint = () => useWebhookMutation((id: number) => del(`/api/v1/webhooks/${id}`));
export const useRotateSecret = () =>
  useWebhookMutation((id: number) => post<{ secret: string; previous_secret_expires_at: string | null }>(`/api/v1/webhooks/${id}/rotate-secret`, {}));
export const useTestEvent = () => useWebhookMutation((id: number) => post<{ event_id: number }>(`/api/v1/webhooks/${id}/test`));
export const useRedeliver = () =>
  useWebhookMutation(({ id, deliveryId }: { id: number; deliveryId: number }) => post(`/api/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver`));
