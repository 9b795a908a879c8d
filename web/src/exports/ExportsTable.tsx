// The export jobs, newest first: what, status, size, and the download once the file is ready.
import type { ExportJob } from '../api/types';
import { formatBytes, formatDateTime, formatInteger, formatRelative, NONE } from '../ui/format';
import { filtersSummary, shownStatus, STATUS_BADGE, TYPE_LABELS } from './describe';

export function ExportsTable({ jobs }: { jobs: ExportJob[] }) {
  return (
    <div className="table-wrap">
      <table className="exports-table stack-table">
        <caption className="sr-only">Exports</caption>
        <thead>
          <tr>
            <th scope="col">Export</th>
            <th scope="col">Filters</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="sr-only">Download</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <ExportRow key={job.id} job={job} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ExportRow({ job }: { job: ExportJob }) {
  const status = shownStatus(job);
  return (
    <tr data-export-id={job.id}>
      <td data-label="Export">
        <span className="export-what">
          #{job.id} · {job.format.toUpperCase()} · {TYPE_LABELS[job.type]}
        </span>
      </td>
      <td data-label="Filters" className="export-filters">{filtersSummary(job.filters)}</td>
      <td data-label="Status">
        <div>
          <span className={STATUS_BADGE[status]}>{status}</span>
          {job.status === 'failed' && job.error && <div className="export-error">{job.error}</div>}
        </div>
      </td>
      <td data-label="Rows" className="num">{formatInteger(job.row_count)}</td>
      <td data-label="Size" className="num">{formatBytes(job.size_bytes)}</td>
      <td data-label="Created" title={formatDateTime(job.created_at)}>{formatRelative(job.created_at)}</td>
      <td data-label="Expires">{job.expires_at ? formatDateTime(job.expires_at) : NONE}</td>
      <td data-label="" className="actions-cell">
        {job.download_url && status === 'completed' && (
          <a className="btn btn-small" href={job.download_url} download aria-label={`Download export #${job.id}`}>
            Download
          </a>
        )}
      </td>
    </tr>
  );
}
