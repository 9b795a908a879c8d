// Where the demo's employees work: country, the language they write to the bot in, their time
// zone (a fixed UTC offset: close enough for office-hour patterns), how amounts and dates read in
// their language, and the documentation address range their office's traffic comes from.
import { MONTHS, type Language } from './texts/index.js';

export interface Locale {
  country: string;
  language: Language;
  utcOffsetHours: number;
  /** Share of the employees (relative). */
  weight: number;
  currency: (amount: number) => string;
  date: (day: number, month: number) => string;
  /** The office's public addresses (RFC 5737 documentation ranges: realistic, never real). */
  ipPrefix: string;
}

const eur = (amount: number) => `€${amount}`;
const eurAfter = (amount: number) => `${amount} €`;
const monthName = (language: Language, month: number) => MONTHS[language][month];

export const LOCALES: Locale[] = [
  { country: 'US', language: 'en', utcOffsetHours: -5, weight: 20, currency: (a) => `$${a}`, date: (d, m) => `${monthName('en', m)} ${d}`, ipPrefix: '198.51.100.' },
  { country: 'GB', language: 'en', utcOffsetHours: 0, weight: 11, currency: (a) => `£${a}`, date: (d, m) => `${d} ${monthName('en', m)}`, ipPrefix: '203.0.113.' },
  { country: 'NL', language: 'nl', utcOffsetHours: 1, weight: 17, currency: (a) => `€ ${a}`, date: (d, m) => `${d} ${monthName('nl', m)}`, ipPrefix: '192.0.2.' },
  { country: 'NL', language: 'en', utcOffsetHours: 1, weight: 4, currency: eur, date: (d, m) => `${d} ${monthName('en', m)}`, ipPrefix: '192.0.2.' },
  { country: 'BE', language: 'nl', utcOffsetHours: 1, weight: 5, currency: (a) => `€ ${a}`, date: (d, m) => `${d} ${monthName('nl', m)}`, ipPrefix: '192.0.2.' },
  { country: 'BE', language: 'fr', utcOffsetHours: 1, weight: 2, currency: eurAfter, date: (d, m) => `${d} ${monthName('fr', m)}`, ipPrefix: '192.0.2.' },
  { country: 'DE', language: 'de', utcOffsetHours: 1, weight: 12, currency: eurAfter, date: (d, m) => `${d}. ${monthName('de', m)}`, ipPrefix: '203.0.113.' },
  { country: 'DE', language: 'en', utcOffsetHours: 1, weight: 2, currency: eur, date: (d, m) => `${d} ${monthName('en', m)}`, ipPrefix: '203.0.113.' },
  { country: 'FR', language: 'fr', utcOffsetHours: 1, weight: 10, currency: eurAfter, date: (d, m) => `${d} ${monthName('fr', m)}`, ipPrefix: '198.51.100.' },
  { country: 'ES', language: 'es', utcOffsetHours: 1, weight: 7, currency: eurAfter, date: (d, m) => `${d} de ${monthName('es', m)}`, ipPrefix: '198.51.100.' },
  { country: 'BR', language: 'pt', utcOffsetHours: -3, weight: 10, currency: (a) => `R$ ${a}`, date: (d, m) => `${d} de ${monthName('pt', m)}`, ipPrefix: '192.0.2.' },
];

/** First names for {name} (a colleague, e.g. the new hire's buddy). */
export const NAMES: Record<Language, string[]> = {
  en: ['Emma', 'James', 'Olivia', 'Noah', 'Priya', 'Daniel'],
  nl: ['Sanne', 'Daan', 'Fleur', 'Joris', 'Lotte', 'Bram'],
  de: ['Lena', 'Jonas', 'Anna', 'Felix', 'Miriam', 'Lukas'],
  fr: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Manon', 'Théo'],
  es: ['Lucía', 'Pablo', 'Marta', 'Javier', 'Carmen', 'Diego'],
  pt: ['Ana', 'João', 'Beatriz', 'Lucas', 'Mariana', 'Rafael'],
};

/** The bot's opening line ({name}: the employee's first name is not known here, so none). */
export const GREETINGS: Record<Language, string[]> = {
  en: ['Hi! I am the HR assistant. How can I help you today?', 'Hello! Ask me anything about leave, pay, benefits or policies.'],
  nl: ['Hoi! Ik ben de HR-assistent. Waarmee kan ik je helpen?', 'Hallo! Stel je vraag over verlof, salaris, regelingen of beleid.'],
  de: ['Hallo! Ich bin der HR-Assistent. Wie kann ich helfen?', 'Hi! Frag mich alles zu Urlaub, Gehalt, Benefits und Richtlinien.'],
  fr: ['Bonjour ! Je suis l’assistant RH. Comment puis-je vous aider ?', 'Bonjour ! Posez-moi vos questions sur les congés, la paie ou les avantages.'],
  es: ['¡Hola! Soy el asistente de RR. HH. ¿En qué te puedo ayudar?', '¡Hola! Pregúntame sobre vacaciones, nómina, beneficios o políticas.'],
  pt: ['Olá! Sou o assistente de RH. Como posso ajudar?', 'Oi! Pergunte sobre férias, salário, benefícios ou políticas.'],
};
