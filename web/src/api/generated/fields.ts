// GENERATED from the chat field registry (src/fields/chat-fields.ts) by `npm run sdk:types`.
// Do not edit: change the registry and regenerate; CI fails when this file is stale.
// The fields in the dashboard's order (the registry's dashboard.order, then the registry's order).

export interface ChatFieldView {
  name: string;
  /** The dashboard's name of the field (filter chips, chart labels). */
  label: string;
  /** What its value is: the column's SQL type as the dashboard shows it. */
  kind: 'text' | 'number' | 'boolean';
  /** How it is filtered (GET /api/v1/chats), or null when it is not. */
  filter: 'list' | 'boolean' | 'exact' | 'rating' | null;
  /** An analytics dimension (breakdowns). */
  rollup: boolean;
  /** The title of its overview breakdown card, or null for no card. */
  overview: string | null;
  filterLabel: string;
  placeholder: string | null;
  /** On the chat page: its label, and whether the list of fields shows it. */
  detailLabel: string;
  inDetail: boolean;
  /** Its name in an export's filter line. */
  exportLabel: string;
}

export const CHAT_FIELDS = [
  {"name":"question_category","label":"Category","kind":"text","filter":"list","rollup":true,"overview":"What people ask about","filterLabel":"Category","placeholder":"leave, payroll","detailLabel":"Category","inDetail":true,"exportLabel":"category"},
  {"name":"sentiment","label":"Sentiment","kind":"text","filter":"list","rollup":true,"overview":"Sentiment","filterLabel":"Sentiment","placeholder":"negative, neutral","detailLabel":"Sentiment","inDetail":true,"exportLabel":"sentiment"},
  {"name":"user_rating","label":"Rating","kind":"number","filter":"rating","rollup":true,"overview":"Ratings","filterLabel":"Rating","placeholder":null,"detailLabel":"Rating","inDetail":true,"exportLabel":"rating"},
  {"name":"is_escalated","label":"Escalated","kind":"boolean","filter":"boolean","rollup":true,"overview":null,"filterLabel":"Escalated","placeholder":null,"detailLabel":"Escalated","inDetail":true,"exportLabel":"escalated"},
  {"name":"is_forwarded_to_hr","label":"Forwarded to HR","kind":"boolean","filter":"boolean","rollup":true,"overview":null,"filterLabel":"Forwarded to HR","placeholder":null,"detailLabel":"HR hand-over","inDetail":true,"exportLabel":"forwarded to HR"},
  {"name":"language_code","label":"Language","kind":"text","filter":"list","rollup":true,"overview":"Languages","filterLabel":"Language codes","placeholder":"en, nl","detailLabel":"Language","inDetail":true,"exportLabel":"language"},
  {"name":"country_code","label":"Country","kind":"text","filter":"list","rollup":true,"overview":"Countries","filterLabel":"Country codes","placeholder":"NL, DE","detailLabel":"Country","inDetail":true,"exportLabel":"country"},
  {"name":"token_count","label":"Tokens","kind":"number","filter":null,"rollup":false,"overview":null,"filterLabel":"Tokens","placeholder":null,"detailLabel":"Tokens","inDetail":true,"exportLabel":"tokens"},
  {"name":"avg_response_time","label":"Average response time","kind":"number","filter":null,"rollup":false,"overview":null,"filterLabel":"Average response time","placeholder":null,"detailLabel":"Avg. response time","inDetail":true,"exportLabel":"average response time"},
  {"name":"session_id","label":"Session","kind":"text","filter":"exact","rollup":false,"overview":null,"filterLabel":"Session id","placeholder":null,"detailLabel":"Session","inDetail":true,"exportLabel":"session"},
  {"name":"ip_address","label":"IP address","kind":"text","filter":null,"rollup":false,"overview":null,"filterLabel":"IP address","placeholder":null,"detailLabel":"IP address","inDetail":true,"exportLabel":"IP address"},
  {"name":"bot_version","label":"Bot version","kind":"text","filter":"list","rollup":true,"overview":"By bot version","filterLabel":"Bot version","placeholder":"2.3.0, 2.3.1","detailLabel":"Bot version","inDetail":true,"exportLabel":"bot version"},
  {"name":"transcript_link","label":"Transcript link","kind":"text","filter":null,"rollup":false,"overview":null,"filterLabel":"Transcript link","placeholder":null,"detailLabel":"Transcript link","inDetail":false,"exportLabel":"transcript link"},
] as const satisfies readonly ChatFieldView[];
