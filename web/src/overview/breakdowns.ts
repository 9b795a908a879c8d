// The overview's breakdown cards: one for each field with an overview title in the field registry
// (../fields/fields.ts), in the fields' order; then tags, then the rating (its groups 5 to 1).
import type { BreakdownField } from '../api/types';
import { CHAT_FIELDS, type ChatField } from '../fields/fields';

type OverviewField = Extract<ChatField, { overview: string }>;
const OVERVIEW_FIELDS = CHAT_FIELDS.filter((f): f is OverviewField => f.overview !== null);
// A field with a card is a dimension of GET /api/v1/analytics/breakdown (the type checks it).
const card = (f: OverviewField) => ({ by: f.name satisfies BreakdownField, title: f.overview, rating: f.filter === 'rating' });

export interface BreakdownCard {
  by: BreakdownField;
  title: string;
  /** The rating's card: its five groups, highest first, filtered by rating_min/rating_max. */
  rating: boolean;
}

export const BREAKDOWNS: BreakdownCard[] = [
  ...OVERVIEW_FIELDS.filter((f) => f.filter !== 'rating').map(card),
  { by: 'tag', title: 'Tags', rating: false },
  ...OVERVIEW_FIELDS.filter((f) => f.filter === 'rating').map(card),
];

/** The explorer filter that selects a breakdown group's chats. */
export function filterFor(by: BreakdownField, key: string): Record<string, string> {
  if (by === 'tag') return { tags: key };
  if (BREAKDOWNS.some((b) => b.by === by && b.rating)) return { rating_min: key, rating_max: key };
  return { [by]: key };
}
