// Webhook endpoints (admin only): list, create, change, delete, rotate the secret, send a test
// event; each endpoint's delivery log and redelivery.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from '../api/client';
import type { Answer, RequestBody } from '../api/types';

export const EVENT_TYPES = [
  ['chat.created', 'A chat is logged'],
  ['chat.escalated', 'A chat is escalated'],
  ['chat.forwarded_to_hr', 'A chat is handed over to HR'],
  ['chat.rated_low', 'A chat is rated 2 or less'],
  ['chat.updated', 'A chat is changed'],
  ['export.completed', 'An export is ready'],
  ['alert.fired', 'An alert fires'],
  ['alert.resolved', 'An alert is resolved'],
] as const satisfies readonly (readonly [Endpoint['events'][number], string])[];
export type EventType = (typeof EVENT_TYPES)[number][0];

// From the server's OpenAPI document (web/src/api/generated/openapi.ts).
export type Endpoint = Answer<'/api/v1/webhooks', 'get'>['endpoints'][number];
export type Delivery = Answer<'/api/v1/webhooks/{id}/deliveries', 'get'>['deliveries'][number];

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

export type NewEndpoint = RequestBody<'/api/v1/webhooks', 'post'>;

export const useCreateEndpoint = () => useWebhookMutation((body: NewEndpoint) => post<Endpoint & { secret: string }>('/api/v1/webhooks', body));
export const useUpdateEndpoint = () =>
  useWebhookMutation(({ id, ...body }: { id: number } & Partial<NewEndpoint> & { enabled?: boolean }) => patch<Endpoint>(`/api/v1/webhooks/${id}`, body));
export const useDeleteEndpoint = () => useWebhookMutation((id: number) => del(`/api/v1/webhooks/${id}`));
export const useRotateSecret = () =>
  useWebhookMutation((id: number) => post<{ secret: string; previous_secret_expires_at: string | null }>(`/api/v1/webhooks/${id}/rotate-secret`, {}));
export const useTestEvent = () => useWebhookMutation((id: number) => post<{ event_id: number }>(`/api/v1/webhooks/${id}/test`));
export const useRedeliver = () =>
  useWebhookMutation(({ id, deliveryId }: { id: number; deliveryId: number }) => post(`/api/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver`));
