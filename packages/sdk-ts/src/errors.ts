// Typed errors: what the server said (status, code, field) or why no answer came back.

export interface ChatLoggerErrorDetails {
  /** The server's `code` (e.g. "invalid_request", "rate_limited"), or "network_error" / "timeout". */
  code: string;
  /** The field the server named (e.g. "metadata.user_rating"), if any. */
  field?: string;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** The server's `x-request-id`, to find the request in its log. */
  requestId?: string;
  cause?: unknown;
}

export class ChatLoggerError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly status?: number;
  readonly requestId?: string;

  constructor(message: string, details: ChatLoggerErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = details.code;
    this.field = details.field;
    this.status = details.status;
    this.requestId = details.requestId;
  }
}

/** The server answered with an error status (4xx, 5xx); `message` is its `error` sentence. */
export class ApiError extends ChatLoggerError {
  declare readonly status: number;
}

/** No answer: the connection failed or was cut, or the request timed out (`code` "timeout"). */
export class NetworkError extends ChatLoggerError {}

/** An ApiError for a body of the error model (a JSON object of strings), whatever its shape. */
export function apiErrorOf(status: number, body: unknown, requestId?: string): ApiError {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : undefined);
  return new ApiError(text('error') ?? `The server answered ${status}`, {
    status,
    code: text('code') ?? `http_${status}`,
    field: text('field'),
    requestId,
  });
}
