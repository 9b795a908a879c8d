// Privacy settings and erasure requests (admin only), and the read-only summary for every member.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from '../api/client';

export type IpMode = 'full' | 'truncated' | 'none';

export interface PrivacySettings {
  ip_mode: IpMode;
  content_retention_days: number | null;
  metadata_retention_days: number | null;
  chat_retention_days: number | null;
  audit_retention_days: number | null;
  legal_hold: boolean;
  redaction: Record<RedactionType, RedactionAction>;
  works_council: boolean;
  works_council_k: number;
  updated_at: string | null;
}

export const REDACTION_TYPES = ['email', 'phone', 'iban', 'payment_card', 'national_id', 'ip_address'] as const;
export type RedactionType = (typeof REDACTION_TYPES)[number];
export type RedactionAction = 'keep' | 'mask' | 'pseudonymize';

export type SettingsChange = Partial<Omit<PrivacySettings, 'updated_at'>>;

export interface WouldDelete {
  chats_content: number;
  chats_metadata: number;
  chats: number;
  ip_addresses: number;
  audit_entries: number;
  export_files: number;
}

export interface ErasureCounts {
  chats: number;
  messages: number;
  idempotency_answers: number;
  export_files: number;
  audit_entries_pseudonymized: number;
}

export interface ErasureRequest {
  id: number;
  status: string;
  dry_run: boolean;
  subject: { type: string; digest: string };
  created_at: string;
  receipt: { counts: ErasureCounts; requested_by: { email: string | null } } & Record<string, unknown>;
  signature: string;
}

const SETTINGS_KEY = ['privacy-settings'] as const;
const ERASURES_KEY = ['erasure-requests'] as const;

export const usePrivacySettings = () => useQuery({ queryKey: SETTINGS_KEY, queryFn: () => get<PrivacySettings>('/api/v1/orgs/me/privacy') });

/** The same settings, read-only, for every member (the privacy summary). */
export const usePrivacySummary = () =>
  useQuery({ queryKey: [...SETTINGS_KEY, 'summary'], queryFn: () => get<PrivacySettings>('/api/v1/orgs/me/privacy/summary') });

export function useUpdatePrivacy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsChange & { dry_run?: boolean; confirm?: boolean }) =>
      patch<{ settings: PrivacySettings; dry_run: boolean; would_delete: WouldDelete }>('/api/v1/orgs/me/privacy', body),
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
