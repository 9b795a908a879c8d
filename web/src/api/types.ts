// The shapes the dashboard reads, as documented in /openapi.json.
export type Role = 'superadmin' | 'admin' | 'user' | 'viewer';

export interface User {
  id: number;
  organization_id: number;
  email: string;
  first_name: string | null;
  last_name: string | null;
  role: Role;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface Organization {
  id: number;
  name: string;
  slug: string;
  /** Works-council mode: end users appear only as pseudonyms, small groups are suppressed. */
  works_council: boolean;
  created_at: string;
  updated_at: string;
}

export interface ChatMetadata {
  avg_response_time: number | null;
  country_code: string | null;
  ip_address: string | null;
  is_escalated: boolean | null;
  is_forwarded_to_hr: boolean | null;
  language_code: string | null;
  question_category: string | null;
  sentiment: string | null;
  session_id: string | null;
  token_count: number | null;
  transcript_link: string | null;
  user_rating: number | null;
}

export interface Chat {
  id: number;
  organization_id: number;
  /** An integer as the bot sent it; in works-council mode a pseudonym such as "p_1f0c9a2b7d3e4f56". */
  user_id: number | string | null;
  title: string | null;
  /** Works-council mode: the title is hidden (null) without an approved access request; why. */
  title_hidden_reason?: string;
  tags: string[];
  metadata: ChatMetadata;
  /** Set when the organization's retention policy removed the title and the messages' text. */
  content_purged_at?: string | null;
  /** Set when the retention policy removed the IP, session_id and transcript_link. */
  metadata_purged_at?: string | null;
  created_at: string;
  updated_at: string;
}

export interface Message {
  id: number;
  chat_id: number;
  role: 'user' | 'assistant' | 'system';
  content: string;
  metadata: { token_count: number | null; response_time: number | null };
  created_at: string;
}

export interface ChatList {
  chats: Chat[];
  next_cursor: string | null;
  total?: number;
}

export interface ChatWithMessages extends Chat {
  messages?: Message[];
  messages_next_cursor?: string | null;
  /** Set by the dashboard (not the API) when works-council mode closed the transcript: the server's sentence. */
  transcript_closed?: string;
}

export interface ApiKey {
  id: number;
  label: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A member of the organization: GET /api/v1/orgs/me/users answers users. */
export type Member = User;

export interface Invitation {
  id: number;
  email: string;
  role: Role;
  invited_by: number | null;
  created_at: string;
  expires_at: string;
}

export type ExportFormat = 'csv' | 'json' | 'ndjson';
export type ExportType = 'chats' | 'messages' | 'all';

export interface ExportJob {
  id: number;
  format: ExportFormat;
  type: ExportType;
  filters: Record<string, unknown>;
  status: 'pending' | 'processing' | 'completed' | 'failed' | 'expired';
  row_count: number | null;
  size_bytes: number | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  expires_at: string | null;
  download_url: string | null;
}

export const METRICS = [
  'chats',
  'end_users',
  'messages',
  'escalation_rate',
  'hr_forwarding_rate',
  'avg_response_time',
  'p50_response_time',
  'p90_response_time',
  'avg_rating',
  'rated_chats',
  'csat',
  'total_tokens',
  'avg_tokens',
] as const;
export type MetricName = (typeof METRICS)[number];

/** Works-council mode: why a figure is null (null: shown). */
export type Suppression = 'fewer_than_k' | 'difference' | 'complement' | 'total_suppressed' | 'outside_window';
/** Works-council mode: its k, or null when the mode is off. */
export type WorksCouncil = { k: number } | null;

export interface Summary {
  from: string;
  to: string;
  previous_from: string;
  previous_to: string;
  metrics: Record<MetricName, { value: number | null; previous: number | null; change: number | null }>;
  suppressed?: Suppression | null;
  previous_suppressed?: Suppression | null;
  works_council?: WorksCouncil;
}

export type Interval = 'hour' | 'day' | 'week' | 'month';

export interface Timeseries {
  interval: Interval;
  tz: string;
  buckets: Array<{ start: string; suppressed?: Suppression | null } & Partial<Record<MetricName, number | null>>>;
  works_council?: WorksCouncil;
}

export type BreakdownField =
  | 'question_category'
  | 'sentiment'
  | 'country_code'
  | 'language_code'
  | 'tag'
  | 'user_rating'
  | 'is_escalated'
  | 'is_forwarded_to_hr';

export type MetricValues = Partial<Record<MetricName, number | null>> & { suppressed?: Suppression | null };

export interface Breakdown {
  by: BreakdownField;
  groups: Array<{ key: string } & MetricValues>;
  other: MetricValues | null;
  unknown: MetricValues | null;
  works_council?: WorksCouncil;
}
