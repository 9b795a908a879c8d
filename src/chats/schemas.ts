import { Type, type Static, type TOptional, type TUnsafe } from 'typebox';
import { CHAT_FIELDS, FIELD_NAMES, type ChatFieldName } from '../fields/chat-fields.js';
import { IdParams, Id, Nullable, Timestamp } from '../http/schemas.js';
import { Message } from '../messages/schemas.js';
import { PSEUDONYM_EXAMPLE } from './end-users.js';
import { filterParams } from './filters.js';
import type { SortOrder } from './repository.js';

// Every field is optional: a bot often opens a chat before it knows the rating or the sentiment.
// null means the same as leaving the field out ("not known"), and reads back as null.
const opt = <T extends Parameters<typeof Nullable>[0]>(schema: T) => Type.Optional(Nullable(schema));

type FieldInput<F extends ChatFieldName> = (typeof CHAT_FIELDS)[F]['input'];
type MetadataInputProps = { [F in ChatFieldName]: TOptional<TUnsafe<Static<FieldInput<F>> | null>> };

/** The structured metadata of a request body: every field of the registry (src/fields/chat-fields.ts), each optional and nullable. */
export const ChatMetadataInput = Type.Object(
  Object.fromEntries(FIELD_NAMES.map((f) => [f, opt(CHAT_FIELDS[f].input as Parameters<typeof Nullable>[0])])) as MetadataInputProps,
  { additionalProperties: false, description: `The structured chat metadata: only these ${FIELD_NAMES.length} fields` },
);
export type ChatMetadataInput = Static<typeof ChatMetadataInput>;

export const CreateChatBody = Type.Object(
  {
    title: opt(Type.String({ maxLength: 255 })),
    tags: opt(
      Type.Array(Type.String({ format: 'tag' }), {
        maxItems: 50,
        description: 'Up to 50 tags of 1–64 characters; stored trimmed, lowercased and de-duplicated',
      }),
    ),
    user_id: opt(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: "The end user's id in the bot's own system; null for anonymous chats" })),
    metadata: opt(ChatMetadataInput),
    created_at: opt(
      Type.String({
        format: 'date-time',
        description: 'When the chat happened, to import history: ISO 8601 with a zone, at most 5 minutes in the future. Default (or null): now',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateChatBody = Static<typeof CreateChatBody>;

export const CreateChatResponse = Type.Object({
  message: Type.String({ examples: ['Chat created successfully'] }),
  chat_id: Id,
});

// A stored value reads back as its column's type (the input's bounds are not repeated).
const OUTPUT_OF_SQL = { text: Type.String(), float8: Type.Number(), bool: Type.Boolean(), int8: Type.Integer(), int2: Type.Integer() };
type OutputOfSql = typeof OUTPUT_OF_SQL;
type MetadataProps = { [F in ChatFieldName]: TUnsafe<Static<OutputOfSql[(typeof CHAT_FIELDS)[F]['sql']]> | null> };

export const ChatMetadata = Type.Object(Object.fromEntries(FIELD_NAMES.map((f) => [f, Nullable(OUTPUT_OF_SQL[CHAT_FIELDS[f].sql])])) as MetadataProps);

export const Chat = Type.Object({
  id: Id,
  organization_id: Id,
  user_id: Type.Unsafe<number | string | null>({
    type: ['integer', 'string', 'null'],
    description: `The end user's id as the bot sent it (an integer; null: anonymous); in works-council mode a pseudonym string instead, such as ${PSEUDONYM_EXAMPLE} (stable, different in each organization)`,
  }),
  title: Nullable(Type.String()),
  title_hidden_reason: Type.Optional(Type.String({ description: 'Present when works-council mode hides the title (null): why' })),
  tags: Type.Array(Type.String()),
  metadata: ChatMetadata,
  content_purged_at: Nullable(Type.String({ format: 'date-time', description: "When the organization's retention policy removed the title and the messages' text (null: kept)" })),
  metadata_purged_at: Nullable(Type.String({ format: 'date-time', description: 'When the retention policy removed the IP, session_id and transcript_link (null: kept)' })),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const ListChatsQuery = Type.Object(
  {
    ...filterParams,
    sort: Type.Optional(Type.Unsafe<SortOrder>({ type: 'string', enum: ['-created_at', 'created_at'], description: '-created_at (default): newest first; created_at: oldest first' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size, 1–100' })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'next_cursor of the previous page (same filters and sort)' })),
    include_total: Type.Optional(Type.Boolean({ description: 'Also count every chat matching the filters' })),
  },
  { additionalProperties: false },
);

export const ChatList = Type.Object({
  chats: Type.Array(Chat),
  next_cursor: Nullable(Type.String({ description: 'Pass as cursor for the next page; null on the last page' })),
  total: Type.Optional(Type.Integer({ description: 'With include_total=true: chats matching the filters' })),
});

const tagList = (description: string) => Type.Array(Type.String({ format: 'tag' }), { maxItems: 50, description });

export const UpdateChatBody = Type.Object(
  {
    title: opt(Type.String({ maxLength: 255 })),
    tags: opt(tagList('Replaces every tag (null or [] removes them all)')),
    add_tags: Type.Optional(tagList('Tags to add (kept in order, no duplicates)')),
    remove_tags: Type.Optional(tagList('Tags to remove')),
    user_id: opt(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
    metadata: opt({
      ...ChatMetadataInput,
      description: 'Merged field by field: fields not sent keep their value, null clears a field; metadata: null clears them all',
    } as typeof ChatMetadataInput),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateChatBody = Static<typeof UpdateChatBody>;

export const GetChatQuery = Type.Object(
  { include_messages: Type.Optional(Type.Boolean({ description: 'Add the transcript (up to 1,000 messages; page the rest with GET /api/v1/chats/{id}/messages)' })) },
  { additionalProperties: false },
);

export const ChatWithMessages = Type.Object({
  ...Chat.properties,
  messages: Type.Optional(Type.Array(Message)),
  messages_next_cursor: Type.Optional(Nullable(Type.String({ description: 'Cursor for GET /api/v1/chats/{id}/messages when the transcript goes on' }))),
});

export const ChatIdParams = Type.Object({ id: IdParams.properties.id });
export const SlugChatParams = Type.Object({ slug: Type.String({ maxLength: 200 }), id: IdParams.properties.id });

export const TagCounts = Type.Array(Type.Object({ tag: Type.String(), chat_count: Type.Integer() }));

export const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) });
