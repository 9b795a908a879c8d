export { ChatLogger, type ChatLoggerOptions, type CreateOptions } from './client.js';
export { BufferedLogger, type BufferedLoggerOptions, type BufferedLoggerStats } from './buffered-logger.js';
export { ApiError, ChatLoggerError, NetworkError, type ChatLoggerErrorDetails } from './errors.js';
export type {
  AddMessageInput,
  AddMessageResult,
  BatchItemResult,
  Chat,
  ChatMetadataInput,
  CreateChatInput,
  CreateChatResult,
  ErrorBody,
  UpdateChatInput,
} from './types.js';
export type { paths, components } from './generated/openapi.js';
