// The request and answer types of the endpoints the SDK calls, taken from the types that
// openapi-typescript generates from the server's OpenAPI document (src/generated/openapi.ts).
import type { paths } from './generated/openapi.js';

type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

type CreateChatOp = paths['/api/v1/chats']['post'];
type BatchOp = paths['/api/v1/chats/batch']['post'];
type UpdateChatOp = paths['/api/v1/chats/{id}']['patch'];
type AddMessageOp = paths['/api/v1/chats/{id}/messages']['post'];

/** A Create Chat body: every field optional; `null` means "not known". */
export type CreateChatInput = JsonOf<CreateChatOp['requestBody']>;
/** The chat's structured metadata (the twelve fields of the Create Chat contract). */
export type ChatMetadataInput = NonNullable<CreateChatInput['metadata']>;
export type CreateChatResult = JsonOf<CreateChatOp['responses'][201]>;

/** The end-of-chat outcome: metadata merged field by field, tags replaced, added or removed. */
export type UpdateChatInput = JsonOf<UpdateChatOp['requestBody']>;
/** A stored chat, as the server answers it. */
export type Chat = JsonOf<UpdateChatOp['responses'][200]>;

export type AddMessageInput = JsonOf<AddMessageOp['requestBody']>;
export type AddMessageResult = JsonOf<AddMessageOp['responses'][201]>;

/** One item's outcome in a batch: `status` 201 with `chat_id`, or an error with `code` and `field`. */
export type BatchItemResult = JsonOf<BatchOp['responses'][207]>['results'][number];

/** Every error the server answers: a JSON object of strings. */
export type ErrorBody = JsonOf<CreateChatOp['responses'][400]>;
