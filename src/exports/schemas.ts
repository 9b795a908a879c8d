import { Type, type Static } from 'typebox';
import { ChatFiltersBody } from '../chats/filters.js';
import { EXPORT_FORMATS, EXPORT_STATUSES, EXPORT_TYPES } from '../db/schema.js';
import { IdParams, Nullable, Timestamp } from '../http/schemas.js';

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportType = (typeof EXPORT_TYPES)[number];
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

const Format = Type.Unsafe<ExportFormat>({
  type: 'string',
  enum: [...EXPORT_FORMATS],
  description: 'csv (RFC 4180, UTF-8, header row), json (one array) or ndjson (one object per line)',
});
const ExportTypeSchema = Type.Unsafe<ExportType>({
  type: 'string',
  enum: [...EXPORT_TYPES],
  description: 'chats, messages (of the matching chats), or all (chats with their messages)',
});

export const CreateExportBody = Type.Object(
  {
    format: Format,
    type: ExportTypeSchema,
    filters: Type.Optional(ChatFiltersBody),
  },
  { additionalProperties: false },
);
export type CreateExportBody = Static<typeof CreateExportBody>;

export const CreateExportResponse = Type.Object({
  export_id: Type.Integer(),
  status: Type.Unsafe<'pending'>({ type: 'string', enum: ['pending'] }),
});

export const ExportJob = Type.Object({
  id: Type.Integer(),
  format: Format,
  type: ExportTypeSchema,
  filters: Type.Unsafe<Record<string, unknown>>({
    type: 'object',
    additionalProperties: true,
    description: 'The filters as they were sent (the names of GET /api/v1/chats)',
  }),
  status: Type.Unsafe<ExportStatus>({ type: 'string', enum: [...EXPORT_STATUSES] }),
  row_count: Nullable(Type.Integer({ description: 'Records in the file (CSV data rows, JSON array items, NDJSON lines)' })),
  size_bytes: Nullable(Type.Integer()),
  error: Nullable(Type.String({ description: 'Why the export failed (or why its last attempt failed)' })),
  created_at: Timestamp,
  started_at: Nullable(Timestamp),
  completed_at: Nullable(Timestamp),
  expires_at: Nullable(Type.String({ format: 'date-time', description: 'When the file is deleted; after it, download is 410' })),
  download_url: Nullable(Type.String({ description: 'Set while the file can be downloaded' })),
});

export const ExportList = Type.Object({
  exports: Type.Array(ExportJob),
  next_cursor: Nullable(Type.String({ description: 'Pass as cursor for the next page; null on the last page' })),
});

export const ListExportsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size, 1–100' })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'next_cursor of the previous page' })),
  },
  { additionalProperties: false },
);

export const ExportIdParams = IdParams;
