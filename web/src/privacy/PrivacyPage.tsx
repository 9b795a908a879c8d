// Privacy (admin): the organization's IP handling, retention and legal hold; erasure of one end
// user's data with a signed receipt; the erasures made so far.
import { EmptyState, ErrorNote, Loading, PageHeader } from '../ui/components';
import { formatDateTime } from '../ui/format';
import { countsText, ErasureForm } from './ErasureForm';
import { usePrivacySettings, useErasures } from './queries';
import { SettingsForm } from './SettingsForm';
import './privacy.css';

export default function PrivacyPage() {
  const settings = usePrivacySettings();
  const erasures = useErasures();
  return (
    <div className="privacy-page">
      <PageHeader title="Privacy" description="What ChatLogger keeps about the people who talk to your bot, and for how long. Every change is in the audit log." />
      {settings.isPending ? <Loading /> : settings.isError ? <ErrorNote error={settings.error} /> : <SettingsForm settings={settings.data} />}
      <ErasureForm />
      <section aria-labelledby="erasures-title">
        <h2 id="erasures-title">Erasure requests</h2>
        {erasures.isPending ? (
          <Loading />
        ) : erasures.isError ? (
          <ErrorNote error={erasures.error} />
        ) : erasures.data.requests.length === 0 ? (
          <EmptyState title="No erasure requests yet" />
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr><th>When</th><th>By</th><th>Subject</th><th>Erased</th></tr>
              </thead>
              <tbody>
                {erasures.data.requests.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDateTime(r.created_at)}</td>
                    <td>{r.receipt.requested_by.email ?? '—'}</td>
                    <td>{r.subject.type === 'user_id' ? 'End user' : 'Session'} <code title={r.subject.digest}>{r.subject.digest.slice(0, 10)}…</code></td>
                    <td>{r.dry_run ? <span className="muted">Preview: {countsText(r.receipt.counts)}</span> : countsText(r.receipt.counts)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
