import { Type, type Static } from 'typebox';
import { Id, IdParams, Nullable, Timestamp } from '../http/schemas.js';

export const MESSAGE_CONTENT_MAX = 100_000;
const Role = Type.Unsafe<'user' | 'assistant' | 'system'>({ type: 'string', enum: ['user', 'assistant', 'system'] });

export const CreateMessageBody = Type.Object(
  {
    role: Role,
    content: Type.String({ minLength: 1, maxLength: MESSAGE_CONTENT_MAX, description: 'The message text, 1–100,000 characters' }),
    metadata: Type.Optional(
      Nullable(
        Type.Object(
          {
            token_count: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Tokens of this message' }))),
            response_time: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e12, description: 'Time taken to answer, in milliseconds (at most 10^12)' }))),
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreateMessageBody = Static<typeof CreateMessageBody>;

export const CreateMessageResponse = Type.Object({ message: Type.String(), message_id: Id });

export const Message = Type.Object({
  id: Id,
  chat_id: Id,
  role: Role,
  content: Type.String(),
  metadata: Type.Object({ token_count: Nullable(Type.Integer()), response_time: Nullable(Type.Number()) }),
  created_at: Timestamp,
});

export const MessageList = Type.Object({
  messages: Type.Array(Message),
  next_cursor: Nullable(Type.String({ description: 'Pass as cursor for the next page; null on the last page' })),
});

export const ListMessagesQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'Page size, 1–1000' })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'next_cursor of the previous page' })),
  },
  { additionalProperties: false },
);

export const ChatMessagesParams = Type.Object({ id: IdParams.properties.id });
export const SlugChatMessagesParams = Type.Object({ slug: Type.String({ maxLength: 200 }), chatID: IdParams.properties.id });
