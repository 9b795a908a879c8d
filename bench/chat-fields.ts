// The values the benchmarks give a chat's rolled-up fields, with how often each occurs in
// bench:analytics' generated year (bench:ingest's varied chats draw them uniformly).
export const CATEGORIES: [string, number][] = [['leave', 30], ['payroll', 22], ['benefits', 15], ['onboarding', 10], ['expenses', 9], ['it-access', 8], ['other', 6]];
export const LOCALES: [[string, string], number][] = [[['NL', 'nl'], 35], [['NL', 'en'], 10], [['GB', 'en'], 15], [['DE', 'de'], 12], [['TR', 'tr'], 10], [['AE', 'ar'], 6], [['US', 'en'], 8], [['BE', 'nl'], 4]];
export const SENTIMENTS: [string, number][] = [['positive', 45], ['neutral', 35], ['negative', 20]];
export const TAGS = ['leave', 'pto', 'sick', 'payroll', 'tax', 'benefits', 'pension', 'onboarding', 'laptop', 'urgent', 'vip', 'policy'];
export const RATINGS: [number, number][] = [[5, 45], [4, 25], [3, 12], [2, 8], [1, 10]];

/** The values of a weighted list. */
export const values = <T>(weighted: [T, number][]): T[] => weighted.map(([v]) => v);
