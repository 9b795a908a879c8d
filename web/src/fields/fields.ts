// The chat's metadata fields as the dashboard uses them, from ./../api/generated/fields.ts (generated
// from the server's field registry, src/fields/chat-fields.ts, by `npm run sdk:types`). A field added to
// the registry shows up in the filter form, the chips, the URL filters, an export's description,
// the chat page and (with an overview title) as an overview card, with no edit here.
// What is keyed by field name below is only how some values read (country and language names,
// values that are words).
import { CHAT_FIELDS } from '../api/generated/fields';
import { countryName, languageName } from '../ui/format';

export { CHAT_FIELDS };
export type ChatField = (typeof CHAT_FIELDS)[number];
export type FieldName = ChatField['name'];
type FilterKind = NonNullable<ChatField['filter']>;
export type FieldWithFilter<K extends FilterKind> = Extract<ChatField, { filter: K }>;

const withFilter = <K extends FilterKind>(kind: K) => CHAT_FIELDS.filter((f): f is FieldWithFilter<K> => f.filter === kind);

/** Filtered by a comma list (`name=a,b`), by yes/no, by one exact value. (The rating's filters are the page's own.) */
export const LIST_FILTER_FIELDS = withFilter('list');
export const BOOLEAN_FILTER_FIELDS = withFilter('boolean');
export const EXACT_FILTER_FIELDS = withFilter('exact');
export type FilterFieldName = FieldWithFilter<'list' | 'boolean' | 'exact'>['name'];

export const fieldNamed = (name: string): ChatField | undefined => CHAT_FIELDS.find((f) => f.name === name);

/** Fields whose values are codes with a name: "NL" reads "Netherlands". */
export const CODE_NAMES: { [F in FieldName]?: (code: string) => string } = { country_code: countryName, language_code: languageName };

/** Fields whose values are words, read capitalized and spaced ("follow_up" reads "Follow up"). Others
 * (a bot version such as "2.4.0-beta_1", ids) read exactly as sent. */
export const WORD_VALUES: ReadonlySet<FieldName> = new Set<FieldName>(['question_category', 'sentiment']);
