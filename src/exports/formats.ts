// Turns the rows of an export into the bytes of its file, as an async generator of text chunks:
// the same generator feeds a job's file and a synchronous download. It pulls the next batch from
// the database only when the consumer asks for more (backpressure), and a consumer that stops
// (client gone, job aborted) stops the reading.
import { stringify } from 'csv-stringify/sync';
import { textCell } from '../http/csv-cell.js';
import { camel, FIELD_NAMES, fieldSpec } from '../fields/chat-fields.js';
import { presentChat } from '../chats/presenter.js';
import type { ShowUserId } from '../chats/end-users.js';
import type { ChatRow } from '../chats/repository.js';
import type { MessageRow } from '../messages/repository.js';
import { presentMessage } from '../messages/service.js';
import type { ExportFormat, ExportType } from './schemas.js';
import { chatBatches, messagesOf, type SourceOptions } from './source.js';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** Chunks are flushed to the consumer once they reach this many characters (and at each batch end). */
const CHUNK_CHARS = 64 * 1024;

// ---- CSV ---------------------------------------------------------------------------------------

const valueCell = (value: number | boolean | null): string => (value === null ? '' : String(value));
const timeCell = (value: Date | null): string => (value === null ? '' : value.toISOString());

// One column per metadata field of the registry (src/fields/chat-fields.ts), in its order.
const METADATA_COLUMNS: string[] = FIELD_NAMES;

/** user_id, title, tags (joined with "|"), then one column per metadata field. */
function chatDataCells(c: ChatRow, showUserId: ShowUserId): string[] {
  const userId = showUserId(c.userId);
  return [
    typeof userId === 'string' ? textCell(userId) : valueCell(userId),
    textCell(c.title),
    textCell(c.tags.join('|')),
    // Text is guarded against formulas; numbers and booleans come from typed columns.
    ...FIELD_NAMES.map((f) => {
      const value = c[camel(f)];
      return fieldSpec(f).sql === 'text' ? textCell(value as string | null) : valueCell(value as number | boolean | null);
    }),
  ];
}

function messageDataCells(m: MessageRow): string[] {
  return [textCell(m.role), textCell(m.content), valueCell(m.tokenCount), valueCell(m.responseTime), timeCell(m.createdAt)];
}

export const CSV_HEADERS: Record<ExportType, string[]> = {
  chats: ['id', 'user_id', 'title', 'tags', ...METADATA_COLUMNS, 'created_at', 'updated_at'],
  messages: ['id', 'chat_id', 'role', 'content', 'token_count', 'response_time', 'created_at'],
  all: [
    'chat_id', 'user_id', 'title', 'tags', ...METADATA_COLUMNS, 'chat_created_at', 'chat_updated_at',
    'message_id', 'message_role', 'message_content', 'message_token_count', 'message_response_time', 'message_created_at',
  ],
};

const chatCsvRow = (c: ChatRow, show: ShowUserId) => [String(c.id), ...chatDataCells(c, show), timeCell(c.createdAt), timeCell(c.updatedAt)];
const messageCsvRow = (m: MessageRow) => [String(m.id), String(m.chatId), ...messageDataCells(m)];
const EMPTY_MESSAGE_CELLS = ['', '', '', '', '', ''];
const allCsvRow = (c: ChatRow, show: ShowUserId, m: MessageRow | undefined) => [
  ...chatCsvRow(c, show),
  ...(m ? [String(m.id), ...messageDataCells(m)] : EMPTY_MESSAGE_CELLS),
];

/** RFC 4180: CRLF line ends; fields with a comma, quote or line break are quoted, quotes doubled. */
const csvLines = (records: string[][]) => stringify(records, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });

// ---- the writer --------------------------------------------------------------------------------

export interface ExportStats {
  /** Records written: CSV data rows, JSON array items, NDJSON lines. */
  rows: number;
}

/** Collects output and hands it over in chunks of about CHUNK_CHARS. */
class Output {
  private parts: string[] = [];
  size = 0;
  push(text: string) {
    this.parts.push(text);
    this.size += text.length;
  }
  get full() {
    return this.size >= CHUNK_CHARS;
  }
  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return text;
  }
}

/** A JSON array or NDJSON lines, one record at a time. */
class RecordWriter {
  private first = true;
  constructor(
    private readonly out: Output,
    private readonly format: 'json' | 'ndjson',
    private readonly stats: ExportStats,
  ) {}
  open() {
    if (this.format === 'json') this.out.push('[');
  }
  /** Starts a record; for JSON, separates it from the previous one. */
  begin(text: string) {
    if (this.format === 'json') this.out.push(this.first ? '\n' : ',\n');
    this.first = false;
    this.out.push(text);
    this.stats.rows++;
  }
  end() {
    if (this.format === 'ndjson') this.out.push('\n');
  }
  close() {
    if (this.format === 'json') this.out.push(this.first ? ']\n' : '\n]\n');
  }
}

/**
 * The whole export file, in chunks. `stats.rows` counts the records written so far. Chats come
 * oldest first; the messages of a chat follow it (or, for type messages, each other) by id.
 */
export async function* exportChunks(
  source: SourceOptions,
  format: ExportFormat,
  type: ExportType,
  stats: ExportStats,
): AsyncGenerator<string> {
  const out = new Output();
  const show = source.showUserId;
  if (format === 'csv') {
    out.push(csvLines([CSV_HEADERS[type]]));
    for await (const batch of chatBatches(source)) {
      if (type === 'chats') {
        out.push(csvLines(batch.map((c) => chatCsvRow(c, show))));
        stats.rows += batch.length;
      } else {
        let records: string[][] = [];
        const flush = () => {
          if (records.length === 0) return;
          out.push(csvLines(records));
          stats.rows += records.length;
          records = [];
        };
        let next = 0; // the next chat of the batch that has not been written yet
        for await (const [index, message] of messagesOf(source, batch.map((c) => c.id))) {
          if (type === 'all') {
            // Chats without messages before this one: one row each with empty message cells.
            for (; next < index; next++) records.push(allCsvRow(batch[next], show, undefined));
            next = index + 1;
            records.push(allCsvRow(batch[index], show, message));
          } else {
            records.push(messageCsvRow(message));
          }
          if (records.length >= 200) {
            flush();
            if (out.full) yield out.take();
          }
        }
        if (type === 'all') for (; next < batch.length; next++) records.push(allCsvRow(batch[next], show, undefined));
        flush();
      }
      if (out.size > 0) yield out.take();
    }
    const rest = out.take(); // the header alone when nothing matched
    if (rest) yield rest;
    return;
  }

  const writer = new RecordWriter(out, format, stats);
  writer.open();
  for await (const batch of chatBatches(source)) {
    if (type === 'chats') {
      for (const chat of batch) {
        writer.begin(JSON.stringify(presentChat(chat, show)));
        writer.end();
      }
    } else if (type === 'messages') {
      for await (const [, message] of messagesOf(source, batch.map((c) => c.id))) {
        writer.begin(JSON.stringify(presentMessage(message)));
        writer.end();
        if (out.full) yield out.take();
      }
    } else {
      // Each chat with a "messages" array, written message by message so that a long transcript
      // is never held whole.
      let open = -1; // the chat whose messages array is open
      let next = 0;
      let firstMessage = true;
      const beginChat = (index: number) => {
        const chat = JSON.stringify(presentChat(batch[index], show));
        writer.begin(`${chat.slice(0, -1)},"messages":[`);
        open = index;
        firstMessage = true;
      };
      const endChat = () => {
        out.push(']}');
        writer.end();
        open = -1;
      };
      for await (const [index, message] of messagesOf(source, batch.map((c) => c.id))) {
        if (index !== open) {
          if (open !== -1) endChat();
          for (; next < index; next++) {
            beginChat(next);
            endChat();
          }
          beginChat(index);
          next = index + 1;
        }
        out.push((firstMessage ? '' : ',') + JSON.stringify(presentMessage(message)));
        firstMessage = false;
        if (out.full) yield out.take();
      }
      if (open !== -1) endChat();
      for (; next < batch.length; next++) {
        beginChat(next);
        endChat();
      }
    }
    if (out.size > 0) yield out.take();
  }
  writer.close();
  yield out.take();
}
