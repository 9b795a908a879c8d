// Privacy settings and erasure requests (admin only), and the read-only summary for every member.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from '../api/client';
import type { Answer, RequestBody } from '../api/types';

// From the server's OpenAPI document (web/src/api/generated/openapi.ts).
export type PrivacySettings = Answer<'/api/v1/orgs/me/privacy', 'get'>;
export type IpMode = PrivacySettings['ip_mode'];
export type RedactionType = keyof PrivacySettings['redaction'];
export type RedactionAction = PrivacySettings['redaction'][RedactionType];
/** The detectors in the order the page lists them; the type says none is missing or unknown. */
export const REDACTION_TYPES = ['email', 'phone', 'iban', 'payment_card', 'national_id', 'ip_address'] as const satisfies readonly RedactionType[];
export const NO_REDACTION_TYPE_MISSING: [Exclude<RedactionType, (typeof REDACTION_TYPES)[number]>] extends [never] ? true : never = true;

export type SettingsChange = Omit<RequestBody<'/api/v1/orgs/me/privacy', 'patch'>, 'dry_run' | 'confirm'>;
type PrivacyChanged = Answer<'/api/v1/orgs/me/privacy', 'patch'>;
export type WouldDelete = PrivacyChanged['would_delete'];

export type ErasureRequest = Answer<'/api/v1/erasure-requests/{id}', 'get'>;
export type ErasureCounts = ErasureRequest['receipt']['counts'];

const SETTINGS_KEY = ['privacy-settings'] as const;
const ERASURES_KEY = ['erasure-requests'] as const;

export const usePrivacySettings = () => useQuery({ queryKey: SETTINGS_KEY, queryFn: () => get<PrivacySettings>('/api/v1/orgs/me/privacy') });

/** The same settings, read-only, for every member (the privacy summary). */
export const usePrivacySummary = () =>
  useQuery({ queryKey: [...SETTINGS_KEY, 'summary'], queryFn: () => get<PrivacySettings>('/api/v1/orgs/me/privacy/summary') });

export function useUpdatePrivacy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBody<'/api/v1/orgs/me/privacy', 'patch'>) => patch<PrivacyChanged>('/api/v1/orgs/me/privacy', body),
    onSuccess: (result) => {
      if (!result.dry_run) void queryClient.invalidateQueries({ queryKey: SETTINGS_KEY });
    },
  });
}

export const useErasures = () =>
  useQuery({ queryKey: ERASURES_KEY, queryFn: () => get<{ requests: ErasureRequest[] }>('/api/v1/erasure-requests', { limit: 20 }) });

export function useErase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { user_id?: number; session_id?: string; dry_run?: boolean }) => post<ErasureRequest>('/api/v1/erasure-requests', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ERASURES_KEY }),
  });
}
