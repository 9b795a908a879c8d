// What the server's request log may hold. Never a body, a credential or a client address (an
// organization may keep no IPs, and a request is logged before anyone knows its organization),
// and no query value that may be personal data: `q` is text typed into a search box, `user_id`
// and `session_id` name an end user. Query values are kept only for parameters known to say
// nothing about a person (ranges, buckets, enumerations, paging); every other value, including
// those of parameters added later, is logged as "[redacted]".
import type { FastifyServerOptions } from 'fastify';

const LOGGED_QUERY_VALUES = new Set([
  'action', 'actor_id', 'actor_type', 'by', 'compare_from', 'compare_to', 'country_code', 'cursor', 'end', 'from',
  'has_rating', 'include_messages', 'include_total', 'interval', 'is_escalated', 'is_forwarded_to_hr', 'language_code',
  'limit', 'metric', 'metrics', 'question_category', 'rating_max', 'rating_min', 'sentiment', 'since', 'sort', 'start',
  'tags_mode', 'target_type', 'to', 'tz', 'until',
]);

/** The request's URL as the log shows it: the path, and query values only where they are not personal. */
export function loggedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = new URLSearchParams(url.slice(at + 1));
  const kept = new URLSearchParams();
  for (const [name, value] of query) kept.append(name, LOGGED_QUERY_VALUES.has(name) ? value : '[redacted]');
  return `${url.slice(0, at)}?${kept.toString()}`;
}

/** The server's logger options (`stream`: where lines go; standard output when not given). */
export function loggerOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: ['req.headers.authorization', 'req.headers["x-organization-api-key"]', 'req.headers.cookie'],
    serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: loggedUrl(req.url) }) },
  };
}
