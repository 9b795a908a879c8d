import { Type, type Static } from 'typebox';
import { Nullable, Timestamp } from '../http/schemas.js';

export const MAX_RETENTION_DAYS = 36_500;

const days = (what: string) =>
  Type.Integer({ minimum: 1, maximum: MAX_RETENTION_DAYS, description: `${what}; days after the chat was created (1–${MAX_RETENTION_DAYS}); null = keep` });

export const IpModeSchema = Type.Union([Type.Literal('full'), Type.Literal('truncated'), Type.Literal('none')], {
  description: 'full: as sent; truncated: IPv4 to its /24, IPv6 to its /48; none: not stored. Applied where chats are written.',
});

export const MIN_GROUP_SIZE = { minimum: 2, maximum: 100, default: 5 } as const;

const REDACTION_ACTION_HELP =
  'keep: stored as sent; mask: replaced by "[type]"; pseudonymize: replaced by "[type:8 hex digits]", the same value giving the same pseudonym in this organization';

const action = (what: string) =>
  Type.Union([Type.Literal('keep'), Type.Literal('mask'), Type.Literal('pseudonymize')], { description: `${what}. ${REDACTION_ACTION_HELP}` });

/** Every entity type (src/redaction/entities.ts) with its action, as answered. */
export const RedactionSettings = Type.Object(
  {
    email: action('E-mail addresses'),
    phone: action('Phone numbers (checked per country with libphonenumber-js)'),
    iban: action('IBANs (checksum verified)'),
    payment_card: action('Payment card numbers (Luhn verified)'),
    national_id: action('National ids with a checksum: NL BSN, DE tax id, UK NINO, US SSN'),
    ip_address: action('IPv4 and IPv6 addresses written in text'),
  },
  {
    additionalProperties: false,
    description:
      'Redaction at ingest: what is done with each kind of personal data found in chat titles, message text and free-text ' +
      'metadata before anything is written. Applies to chats and messages received after the change; stored text is not rewritten.',
  },
);

/** The types to change (as sent): the others stay as they are. */
export const RedactionChanges = Type.Partial(RedactionSettings, { additionalProperties: false });

export const PrivacySettings = Type.Object({
  ip_mode: IpModeSchema,
  content_retention_days: Nullable(days('Message text and chat titles are removed after this (counts and ratings stay)')),
  metadata_retention_days: Nullable(days('IP address, session_id and transcript_link are removed after this')),
  chat_retention_days: Nullable(days('Whole chats are deleted after this (they leave the analytics like a DELETE)')),
  audit_retention_days: Nullable(Type.Integer({ minimum: 1, maximum: MAX_RETENTION_DAYS, description: 'Audit entries older than this are deleted; null = keep' })),
  legal_hold: Type.Boolean({ description: 'While true, nothing is deleted: retention and erasure wait' }),
  redaction: RedactionSettings,
  works_council: Type.Boolean({
    description:
      'Works-council mode: aggregates that describe fewer than works_council_k distinct end users are suppressed, end users ' +
      'appear only as pseudonyms, and transcripts are readable only after a second admin approves a request with a reason',
  }),
  works_council_k: Type.Integer({ ...MIN_GROUP_SIZE, description: 'The fewest distinct end users an aggregate may describe in works-council mode' }),
  updated_at: Nullable(Timestamp),
});
export type PrivacySettings = Static<typeof PrivacySettings>;

export const UpdatePrivacyBody = Type.Object(
  {
    ip_mode: Type.Optional(IpModeSchema),
    content_retention_days: Type.Optional(Nullable(days('Message text and titles'))),
    metadata_retention_days: Type.Optional(Nullable(days('IP, session_id, transcript_link'))),
    chat_retention_days: Type.Optional(Nullable(days('Whole chats'))),
    audit_retention_days: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: MAX_RETENTION_DAYS }))),
    legal_hold: Type.Optional(Type.Boolean()),
    redaction: Type.Optional(RedactionChanges),
    works_council: Type.Optional(Type.Boolean()),
    works_council_k: Type.Optional(Type.Integer(MIN_GROUP_SIZE)),
    dry_run: Type.Optional(Type.Boolean({ description: 'Answer what the change would delete, change nothing' })),
    confirm: Type.Optional(Type.Boolean({ description: 'Required (true) when the change would delete or rewrite stored data' })),
  },
  { additionalProperties: false },
);
export type UpdatePrivacyBody = Static<typeof UpdatePrivacyBody>;

export const WouldDelete = Type.Object(
  {
    chats_content: Type.Integer({ description: 'Chats whose title and message text would be removed' }),
    chats_metadata: Type.Integer({ description: 'Chats whose IP, session_id and transcript_link would be removed' }),
    chats: Type.Integer({ description: 'Chats that would be deleted' }),
    ip_addresses: Type.Integer({ description: 'Stored IP addresses that the new IP mode would truncate or remove' }),
    audit_entries: Type.Integer(),
    export_files: Type.Integer(),
  },
  { description: 'What the retention job would delete at its next run under these settings' },
);
export type WouldDelete = Static<typeof WouldDelete>;

export const PrivacyUpdateResult = Type.Object({
  settings: PrivacySettings,
  dry_run: Type.Boolean(),
  would_delete: WouldDelete,
});
