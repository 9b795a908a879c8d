// "Needs attention": alert rules firing now, and (admins) webhook endpoints the server disabled.
// Nothing is shown when all is well. Asked again every minute.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get } from '../api/client';
import type { Answer } from '../api/types';
import type { AlertRule } from '../alerts/queries';

// From the server's OpenAPI document, except firing_alerts, which its schema leaves open (objects of
// any properties): typed here as the alert rules they are (src/webhooks/routes.ts could name them).
type Attention = Omit<Answer<'/api/v1/attention', 'get'>, 'firing_alerts'> & { firing_alerts: Pick<AlertRule, 'id' | 'name' | 'last_message'>[] };

export function NeedsAttention() {
  const attention = useQuery({ queryKey: ['attention'], queryFn: () => get<Attention>('/api/v1/attention'), refetchInterval: 60_000 });
  const data = attention.data;
  if (!data || (data.firing_alerts.length === 0 && data.disabled_webhooks.length === 0)) return null;
  return (
    <section className="card needs-attention" aria-labelledby="needs-attention-title">
      <h2 id="needs-attention-title">Needs attention</h2>
      <ul>
        {data.firing_alerts.map((a) => (
          <li key={`a${a.id}`}>
            <span className="badge badge-bad">firing</span> <Link to="/alerts">{a.name}</Link>
            {a.last_message && <p className="muted">{a.last_message}</p>}
          </li>
        ))}
        {data.disabled_webhooks.map((w) => (
          <li key={`w${w.id}`}>
            <span className="badge badge-bad">webhook disabled</span> <Link to="/webhooks">{w.url}</Link>
            {w.disabled_reason && <p className="muted">{w.disabled_reason}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
