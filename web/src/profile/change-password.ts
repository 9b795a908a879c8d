// POST /api/v1/users/me/password outside api/client.ts's api(): its wrong-current-password answer is
// a 401 (code invalid_current_password) while the session is still valid, and api() treats every
// 401 as "the session has ended" and leaves for the login page. Here a 401 is only a field error.
import { ApiError } from '../api/client';

export async function changePassword(body: { current_password: string; new_password: string }): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/api/v1/users/me/password', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.', 'network_error');
  }
  if (response.ok) return;
  const answer = await response.json().catch(() => null);
  if (answer && typeof answer.error === 'string') throw new ApiError(response.status, answer.error, answer.code, answer.field);
  throw new ApiError(response.status, `The server answered ${response.status}`, 'http_error');
}
