// The words of the demo's HR assistant: per language, a few conversations per question category,
// and the phrases every conversation shares (thanks, closings, complaints, the hand-over).
// Placeholders in braces are filled by the generator: {days} {hours} {amount} {date} {ticket}
// {name} {month}.

export const CATEGORIES = ['leave', 'payroll', 'benefits', 'onboarding', 'offboarding', 'expenses', 'it-access', 'policy'] as const;
export type Category = (typeof CATEGORIES)[number];

/** One conversation: the chat's title, the employee's question and the bot's answer, and a follow-up exchange. */
export interface Conversation {
  title: string;
  question: string;
  answer: string;
  followUp: string;
  followAnswer: string;
  /** A tag that fits this conversation (besides the category's). */
  tag: string;
}

export interface LanguageTexts {
  /** The employee's last message when the answer helped. */
  thanks: string[];
  /** The bot's last message after thanks. */
  closings: string[];
  /** The employee's reply when the answer did not help. */
  complaints: string[];
  /** The bot's reply to a complaint that it cannot settle itself. */
  apologies: string[];
  /** The bot hands the employee over to a person (escalation). */
  escalations: string[];
  /** The system note when the chat is forwarded to HR ({ticket}). */
  hrHandover: string;
  conversations: Record<Category, Conversation[]>;
}
