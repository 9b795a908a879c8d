// One endpoint's delivery attempts, newest first: event, attempt, answer, time; redeliver any.
import { ErrorNote, Loading } from '../ui/components';
import { formatDateTime } from '../ui/format';
import { useDeliveries, useRedeliver } from './queries';

export function DeliveryLog({ endpointId }: { endpointId: number }) {
  const deliveries = useDeliveries(endpointId);
  const redeliver = useRedeliver();
  if (deliveries.isPending) return <Loading />;
  if (deliveries.isError) return <ErrorNote error={deliveries.error} />;
  const rows = deliveries.data.deliveries;
  if (rows.length === 0) return <p className="muted">No deliveries yet. Send a test event to see one here.</p>;
  return (
    <>
      <ErrorNote error={redeliver.error} />
      <div className="table-wrap">
        <table className="stack-table delivery-log">
          <caption className="sr-only">Deliveries</caption>
          <thead>
            <tr>
              <th scope="col">Sent</th>
              <th scope="col">Event</th>
              <th scope="col">Attempt</th>
              <th scope="col">Answer</th>
              <th scope="col">Time</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td data-label="Sent" title={d.requested_at}>{formatDateTime(d.requested_at)}</td>
                <td data-label="Event">
                  <code>{d.event_type}</code> <span className="muted">#{d.event_id} · {d.event_status}</span>
                </td>
                <td data-label="Attempt">{d.attempt}</td>
                <td data-label="Answer">
                  <span className={d.success ? 'badge badge-good' : 'badge badge-bad'}>{d.response_status ?? 'no answer'}</span>{' '}
                  {d.error && <span className="muted">{d.error}</span>}
                </td>
                <td data-label="Time">{d.duration_ms} ms</td>
                <td data-label="" className="actions-cell">
                  <button type="button" className="btn btn-small" disabled={redeliver.isPending || d.event_status === 'sending'} onClick={() => redeliver.mutate({ id: endpointId, deliveryId: d.id })}>
                    Redeliver
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
