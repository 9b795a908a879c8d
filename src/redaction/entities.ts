// The kinds of personal data that redaction at ingest finds in free text, and what an organization
// may choose to do with each: keep it, mask it ("[email]"), or replace it by a stable pseudonym
// ("[email:1f0c9a2b]", the same value giving the same pseudonym within one organization, so that a
// reader can still tell that two messages name the same address without learning it).
export const ENTITY_TYPES = ['email', 'phone', 'iban', 'payment_card', 'national_id', 'ip_address'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const REDACTION_ACTIONS = ['keep', 'mask', 'pseudonymize'] as const;
export type RedactionAction = (typeof REDACTION_ACTIONS)[number];

/** What to do with each entity type; a type left out is kept. */
export type RedactionPolicy = Partial<Record<EntityType, RedactionAction>>;

/** One value found in a text: where it is, and its normalized form (what a pseudonym is made of). */
export interface Finding {
  type: EntityType;
  /** UTF-16 offsets into the text: [start, end). */
  start: number;
  end: number;
  /** The value in one canonical spelling (lowercased e-mail, E.164 phone, IBAN without spaces...). */
  normalized: string;
}

/** Hints that help a detector: the chat's country decides how a phone number without +prefix reads. */
export interface DetectionContext {
  country?: string | null;
  /** Without a country, the language suggests where a national-format phone number is from. */
  language?: string | null;
}
