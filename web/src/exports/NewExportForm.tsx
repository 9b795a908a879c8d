// Start an export of all chats; filtered exports start from the chats explorer's current view.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ExportFormat, ExportType } from '../api/types';
import { ErrorNote } from '../ui/components';
import { useCreateExport } from './queries';

const FORMATS: Array<{ value: ExportFormat; label: string }> = [
  { value: 'csv', label: 'CSV (spreadsheets)' },
  { value: 'json', label: 'JSON (one array)' },
  { value: 'ndjson', label: 'NDJSON (one object per line)' },
];
const TYPES: Array<{ value: ExportType; label: string }> = [
  { value: 'chats', label: 'Chats' },
  { value: 'messages', label: 'Messages' },
  { value: 'all', label: 'Chats with their messages' },
];

export function NewExportForm() {
  const create = useCreateExport();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [type, setType] = useState<ExportType>('chats');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ format, type });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-export-title">
      <h2 id="new-export-title">New export</h2>
      <p className="muted small">
        Exports all chats of the organization. To export a filtered view, filter in the <Link to="/chats">chats explorer</Link> and
        export from there.
      </p>
      <ErrorNote error={create.error} />
      {create.isSuccess && !create.isPending && (
        <div className="note note-success" role="status">
          Export #{create.data.export_id} started; it appears below and is ready in a moment.
        </div>
      )}
      <div className="inline-fields">
        <div className="field">
          <label htmlFor="export-format">Format</label>
          <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="export-type">Content</label>
          <select id="export-type" value={type} onChange={(e) => setType(e.target.value as ExportType)}>
            {TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? 'Starting…' : 'Start export'}
        </button>
      </div>
    </form>
  );
}
