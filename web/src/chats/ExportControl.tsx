// Export the explorer's current view: the same filters (and period) as the table, as CSV, JSON or
// NDJSON; either streamed straight into a download (POST /api/v1/exports/sync) or as a background
// job listed on the Exports page (POST /api/v1/exports). Any signed-in role may export.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, post } from '../api/client';
import type { ExportFormat, ExportType } from '../api/types';
import { ErrorNote } from '../ui/components';

const FORMATS: Array<{ value: ExportFormat; label: string }> = [
  { value: 'csv', label: 'CSV' },
  { value: 'json', label: 'JSON' },
  { value: 'ndjson', label: 'NDJSON' },
];
const TYPES: Array<{ value: ExportType; label: string }> = [
  { value: 'chats', label: 'Chats' },
  { value: 'messages', label: 'Messages' },
  { value: 'all', label: 'Chats with messages' },
];

/** The file name of `Content-Disposition: attachment; filename="…"` (or filename*=UTF-8''…). */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/i.exec(header);
  return plain ? (plain[1] ?? plain[2]).trim() : null;
}

async function downloadExport(body: { format: ExportFormat; type: ExportType; filters: Record<string, string> }): Promise<string> {
  let response: Response;
  try {
    response = await fetch('/api/v1/exports/sync', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.', 'network_error');
  }
  if (!response.ok) {
    const error = await response.json().catch(() => null);
    throw new ApiError(response.status, error?.error ?? `The server answered ${response.status}`, error?.code ?? 'http_error', error?.field);
  }
  const blob = await response.blob();
  const name = dispositionFileName(response.headers.get('content-disposition')) ?? `chatlogger-${body.type}.${body.format}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

export function ExportControl({ filters }: { filters: Record<string, string> }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [type, setType] = useState<ExportType>('chats');
  const [busy, setBusy] = useState<'download' | 'background' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ kind: 'download'; name: string } | { kind: 'background'; id: number } | null>(null);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);

  // A pop-over: a click elsewhere or Escape folds it (Escape gives the focus back to its button).
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !ref.current) return;
      ref.current.open = false;
      ref.current.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  const run = async (kind: 'download' | 'background') => {
    setBusy(kind);
    setError(null);
    setDone(null);
    try {
      if (kind === 'download') {
        const name = await downloadExport({ format, type, filters });
        setDone({ kind, name });
      } else {
        const job = await post<{ export_id: number; status: string }>('/api/v1/exports', { format, type, filters });
        void queryClient.invalidateQueries({ queryKey: ['exports'] });
        setDone({ kind, id: job.export_id });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <details className="export-control" ref={ref} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="btn">Export this view</summary>
      <div className="export-panel card" role="group" aria-label="Export this view">
        <p className="muted small">The chats shown with the current filters and period, oldest first.</p>
        <div className="inline-fields">
          <div className="field">
            <label htmlFor={`${id}-format`}>Format</label>
            <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
              {FORMATS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-type`}>Contents</label>
            <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as ExportType)}>
              {TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="export-actions">
          <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => run('download')}>
            {busy === 'download' ? 'Preparing…' : 'Download'}
          </button>
          <button type="button" className="btn" disabled={busy !== null} onClick={() => run('background')}>
            {busy === 'background' ? 'Queuing…' : 'Export in background'}
          </button>
        </div>
        <div aria-live="polite">
          <ErrorNote error={error} />
          {done?.kind === 'download' && <p className="note note-success small">Downloaded {done.name}</p>}
          {done?.kind === 'background' && (
            <p className="note note-success small">
              Export #{done.id} is queued. <Link to="/exports">Follow it on the Exports page</Link>
            </p>
          )}
        </div>
      </div>
    </details>
  );
}
