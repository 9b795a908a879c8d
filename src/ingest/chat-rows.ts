// The hot-path INSERT of chats: any number of rows (of any organizations) in one statement,
// INSERT ... SELECT FROM unnest(...) with one array parameter per column. The statement-level
// triggers (chat_rollups) fire once for the whole statement.
import type pg from 'pg';
import type { NewChat } from '../chats/repository.js';

export interface ChatRow {
  organizationId: number;
  chat: NewChat;
}

/** A PostgreSQL array literal for one row's tags (each element quoted). */
function tagsLiteral(tags: readonly string[] | undefined): string {
  if (!tags || tags.length === 0) return '{}';
  return `{${tags.map((t) => `"${t.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

const INSERT_CHATS = `
  INSERT INTO chats (organization_id, user_id, title, tags, avg_response_time, country_code, ip_address, is_escalated,
    is_forwarded_to_hr, language_code, question_category, sentiment, session_id, token_count, transcript_link, user_rating, created_at)
  SELECT o, u, ti, tg::text[], a, co, ip, e, h, la, qc, se, ss, tk, tl, r, coalesce(cr, now())
  FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::bool[], $9::bool[],
              $10::text[], $11::text[], $12::text[], $13::text[], $14::bigint[], $15::text[], $16::smallint[], $17::timestamptz[])
    WITH ORDINALITY AS x(o, u, ti, tg, a, co, ip, e, h, la, qc, se, ss, tk, tl, r, cr, n)
  ORDER BY n
  RETURNING id`;

/**
 * Inserts the rows; their ids in the order of `rows`. The rows are inserted in that order (ORDER BY
 * the ordinality) and take ids from one sequence, which only grows, so sorting the returned ids
 * gives them in row order whatever order RETURNING uses.
 */
export async function insertChatRows(client: pg.ClientBase, rows: readonly ChatRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const col = <T>(pick: (c: NewChat) => T) => rows.map((r) => pick(r.chat) ?? null);
  const result = await client.query<{ id: number }>({
    name: 'ingest_insert_chats',
    text: INSERT_CHATS,
    values: [
      rows.map((r) => r.organizationId),
      col((c) => c.userId),
      col((c) => c.title),
      rows.map((r) => tagsLiteral(r.chat.tags)),
      col((c) => c.avgResponseTime),
      col((c) => c.countryCode),
      col((c) => c.ipAddress),
      col((c) => c.isEscalated),
      col((c) => c.isForwardedToHr),
      col((c) => c.languageCode),
      col((c) => c.questionCategory),
      col((c) => c.sentiment),
      col((c) => c.sessionId),
      col((c) => c.tokenCount),
      col((c) => c.transcriptLink),
      col((c) => c.userRating),
      col((c) => (c.createdAt instanceof Date ? c.createdAt.toISOString() : c.createdAt)),
    ],
  });
  if (result.rows.length !== rows.length) throw new Error(`inserted ${result.rows.length} chats for ${rows.length} rows`);
  return result.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}
