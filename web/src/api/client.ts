// The dashboard's only way to the server: same-origin fetch with the HttpOnly session cookie that
// POST /auth/login sets. Every error answer of the API is {error, code, field?}; ApiError keeps it
// so that forms can show the server's own sentence next to the field it names.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** 401 answers that do not end the session. */
const STILL_SIGNED_IN_CODES = new Set(['invalid_current_password']);

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Called when the session has ended (401 on an authenticated call): the app goes to the login page. */
let onSessionEnded: () => void = () => {};
export function setSessionEndedHandler(handler: () => void): void {
  onSessionEnded = handler;
}

export async function api<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: options.body !== undefined ? { 'content-type': 'application/json' } : undefined,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.', 'network_error');
  }
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body && typeof body.error === 'string' ? body : { error: `The server answered ${response.status}`, code: 'http_error' };
    // A 401 means the session has ended, except where the API uses it for a wrong password
    // while you are signed in (changing your password with the wrong current one).
    if (response.status === 401 && !path.startsWith('/auth/') && !STILL_SIGNED_IN_CODES.has(error.code)) onSessionEnded();
    throw new ApiError(response.status, error.error, error.code, error.field);
  }
  return body as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', path, { query });
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, { body: body ?? {} });
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, { body });
export const del = <T>(path: string) => api<T>('DELETE', path);
