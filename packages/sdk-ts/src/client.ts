// The client: one call per endpoint a bot needs. Creates carry an Idempotency-Key (generated per
// call unless given), so that a retry after a lost answer replays the first answer instead of
// storing the chat twice.
import { BufferedLogger, type BufferedLoggerOptions } from './buffered-logger.js';
import { ChatLoggerError } from './errors.js';
import { newIdempotencyKey, Transport, type RetryPolicy } from './transport.js';
import type { AddMessageInput, AddMessageResult, BatchItemResult, Chat, CreateChatInput, CreateChatResult, UpdateChatInput } from './types.js';

export interface ChatLoggerOptions {
  /** An organization API key (clk_...), sent in x-organization-api-key. */
  apiKey: string;
  /** The server, e.g. "https://chatlogger.example.com" (default http://127.0.0.1:8080). */
  baseUrl?: string;
  /** The fetch to use (default globalThis.fetch). */
  fetch?: typeof fetch;
  /** Per attempt, in milliseconds (default 30,000). */
  timeoutMs?: number;
  /** Retries after the first attempt for 429, 502–504, network errors and timeouts (default 5). */
  maxRetries?: number;
  /** First backoff in ms (default 250), doubled per retry up to maxRetryDelayMs (default 30,000); Retry-After wins when the server sends it. */
  minRetryDelayMs?: number;
  maxRetryDelayMs?: number;
}

export interface CreateOptions {
  /** Your own key (1–255 printable ASCII characters) instead of a generated one, e.g. to retry across restarts. */
  idempotencyKey?: string;
}

export class ChatLogger {
  /** @internal */
  readonly transport: Transport;

  constructor(options: ChatLoggerOptions) {
    if (!options || typeof options.apiKey !== 'string' || options.apiKey === '') {
      throw new ChatLoggerError('apiKey is required (an organization API key, clk_...)', { code: 'invalid_options', field: 'apiKey' });
    }
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') {
      throw new ChatLoggerError('No fetch in this runtime: pass options.fetch', { code: 'invalid_options', field: 'fetch' });
    }
    const retry: RetryPolicy = {
      maxRetries: options.maxRetries ?? 5,
      minDelayMs: options.minRetryDelayMs ?? 250,
      maxDelayMs: options.maxRetryDelayMs ?? 30_000,
    };
    this.transport = new Transport({
      baseUrl: (options.baseUrl ?? 'http://127.0.0.1:8080').replace(/\/+$/, ''),
      apiKey: options.apiKey,
      // Called unbound: some runtimes' fetch throws when `this` is not the global object.
      fetch: (input, init) => fetchImpl(input, init),
      timeoutMs: options.timeoutMs ?? 30_000,
      retry,
    });
  }

  /** POST /api/v1/chats → {message, chat_id}. */
  async createChat(chat: CreateChatInput = {}, options: CreateOptions = {}): Promise<CreateChatResult> {
    return (await this.transport.send('POST', '/api/v1/chats', JSON.stringify(chat), options.idempotencyKey ?? newIdempotencyKey())) as CreateChatResult;
  }

  /** POST /api/v1/chats/batch with up to 1,000 chats → one result per chat, in order (207). */
  async createChats(chats: CreateChatInput[], options: CreateOptions = {}): Promise<BatchItemResult[]> {
    const body = (await this.transport.send('POST', '/api/v1/chats/batch', JSON.stringify({ chats }), options.idempotencyKey ?? newIdempotencyKey())) as {
      results: BatchItemResult[];
    };
    return body.results;
  }

  /** PATCH /api/v1/chats/{id}: the end-of-chat outcome (rating, sentiment, escalation, tags...) → the chat. */
  async updateChat(chatId: number, update: UpdateChatInput): Promise<Chat> {
    // A PATCH sets values (metadata merged field by field, tags added or removed as sets): sending
    // it twice leaves the chat as sending it once, so it is retried like the creates.
    return (await this.transport.send('PATCH', `/api/v1/chats/${chatPath(chatId)}`, JSON.stringify(update))) as Chat;
  }

  /** POST /api/v1/chats/{id}/messages → {message, message_id}. */
  async addMessage(chatId: number, message: AddMessageInput, options: CreateOptions = {}): Promise<AddMessageResult> {
    return (await this.transport.send('POST', `/api/v1/chats/${chatPath(chatId)}/messages`, JSON.stringify(message), options.idempotencyKey ?? newIdempotencyKey())) as AddMessageResult;
  }

  /** A logger that batches chats in the background (see BufferedLogger). */
  bufferedLogger(options: BufferedLoggerOptions = {}): BufferedLogger {
    return new BufferedLogger(this.transport, options);
  }
}

function chatPath(chatId: number): string {
  if (!Number.isSafeInteger(chatId) || chatId < 1) {
    throw new ChatLoggerError(`chatId must be a positive integer, got ${String(chatId)}`, { code: 'invalid_request', field: 'chatId' });
  }
  return String(chatId);
}
