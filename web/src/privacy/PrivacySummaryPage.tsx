// The privacy summary: the organization's privacy settings in plain sentences, for every member,
// and printable (the print stylesheet in privacy.css leaves out the navigation and the buttons),
// so that it can be handed to a works council as it is.
import { useSession } from '../auth/session';
import { ErrorNote, Loading, PageHeader } from '../ui/components';
import { formatDateTime } from '../ui/format';
import { REDACTION_TYPES, usePrivacySummary, type PrivacySettings, type RedactionAction, type RedactionType } from './queries';
import './privacy.css';

const days = (n: number) => (n === 1 ? '1 day' : `${n.toLocaleString('en')} days`);

function ipSentence(mode: PrivacySettings['ip_mode']): string {
  if (mode === 'none') return 'IP addresses are not stored: the one a bot sends with a chat is dropped before anything is written.';
  if (mode === 'truncated') {
    return 'IP addresses are stored shortened before anything is written (an IPv4 address to its first three parts, an IPv6 address to its first 48 bits), so that they name a network, not a device.';
  }
  return 'IP addresses that the bot sends with a chat are stored in full.';
}

function retentionSentences(s: PrivacySettings): string[] {
  return [
    s.content_retention_days === null
      ? 'Message text and chat titles are kept until the chat is deleted.'
      : `Message text and chat titles are removed ${days(s.content_retention_days)} after the chat; counts and ratings stay for the statistics.`,
    s.metadata_retention_days === null
      ? 'The IP address, session id and transcript link of a chat are kept until the chat is deleted.'
      : `The IP address, session id and transcript link of a chat are removed ${days(s.metadata_retention_days)} after the chat.`,
    s.chat_retention_days === null
      ? 'Chats are kept until someone deletes them or an end user asks for their data to be erased.'
      : `Whole chats are deleted ${days(s.chat_retention_days)} after they happened.`,
    s.audit_retention_days === null
      ? 'The audit log (who changed a setting, opened a chat, exported or erased data) is kept without a time limit.'
      : `Audit log entries (who changed a setting, opened a chat, exported or erased data) are deleted after ${days(s.audit_retention_days)}.`,
  ];
}

const TYPE_NAMES: Record<RedactionType, string> = {
  email: 'E-mail addresses',
  phone: 'Phone numbers',
  iban: 'Bank account numbers (IBAN)',
  payment_card: 'Payment card numbers',
  national_id: 'National identification numbers (such as the BSN, the German tax id, the NINO or the SSN)',
  ip_address: 'IP addresses written in a message',
};

const actionText = (action: RedactionAction, type: RedactionType): string => {
  if (action === 'mask') return `are replaced by a placeholder (“[${type}]”) before anything is written; the original is not stored anywhere.`;
  if (action === 'pseudonymize') {
    return `are replaced by a pseudonym (such as “[${type}:1f0c9a2b]”) before anything is written: the same value gives the same pseudonym, so readers can tell that two messages name the same one, but the original is not stored anywhere.`;
  }
  return 'are kept as written.';
};

function worksCouncilSentences(s: PrivacySettings): string[] {
  if (!s.works_council) {
    return [
      'Works-council mode is off.',
      'End users appear in the dashboard, in exports and in webhooks with the id the bot sends for them.',
    ];
  }
  return [
    'Works-council mode is on.',
    `No figure is shown that describes fewer than ${s.works_council_k} different people: such figures, and any figure from which one could be worked out, are hidden and marked “fewer than ${s.works_council_k} people”.`,
    'End users appear only as pseudonyms (such as “p_1f0c9a2b7d3e4f56”): the same person always has the same pseudonym here, a different one in any other organization, and the pseudonym cannot be turned back into their id.',
  ];
}

function transcriptSentences(s: PrivacySettings): string[] {
  if (s.works_council) {
    return [
      'Transcripts (the messages and titles of chats) can be read only after a request with a reason has been approved by a second admin, and only for a limited time. Viewers never read them.',
      'Every request, approval and reading is recorded in the audit log.',
    ];
  }
  return [
    'Every member of the organization (admins, users and viewers) can read chat transcripts in the dashboard.',
    'Every time someone opens a chat or its transcript, it is recorded in the audit log.',
  ];
}

export function PrivacySummary({ settings, organization }: { settings: PrivacySettings; organization: string }) {
  return (
    <article className="privacy-summary" aria-labelledby="summary-title">
      <p className="muted">
        {organization} · {settings.updated_at ? `settings last changed ${formatDateTime(settings.updated_at)}` : 'default settings, never changed'} · printed from ChatLogger
      </p>
      <section aria-labelledby="ip-title">
        <h2 id="ip-title">IP addresses</h2>
        <p>{ipSentence(settings.ip_mode)}</p>
      </section>
      <section aria-labelledby="retention-title">
        <h2 id="retention-title">How long data is kept</h2>
        <ul>
          {retentionSentences(settings).map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="hold-title">
        <h2 id="hold-title">Legal hold</h2>
        <p>
          {settings.legal_hold
            ? 'A legal hold is in place: nothing is deleted, and retention and erasure requests wait until it is lifted.'
            : 'No legal hold is in place: data is deleted as described above.'}
        </p>
      </section>
      <section aria-labelledby="redaction-title">
        <h2 id="redaction-title">Personal data typed into chats</h2>
        <p>In chat titles, messages and free-text fields received from now on:</p>
        <ul>
          {REDACTION_TYPES.map((type) => (
            <li key={type} data-type={type}>
              {TYPE_NAMES[type]} {actionText(settings.redaction[type] ?? 'keep', type)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="council-title">
        <h2 id="council-title">Works-council mode</h2>
        {worksCouncilSentences(settings).map((text) => (
          <p key={text}>{text}</p>
        ))}
      </section>
      <section aria-labelledby="transcripts-title">
        <h2 id="transcripts-title">Who may read transcripts</h2>
        {transcriptSentences(settings).map((text) => (
          <p key={text}>{text}</p>
        ))}
      </section>
    </article>
  );
}

export default function PrivacySummaryPage() {
  const { organization } = useSession();
  const summary = usePrivacySummary();
  return (
    <div className="privacy-page">
      <PageHeader
        title="Privacy summary"
        description="What ChatLogger does with the data of the people who talk to your bot, in plain words. Print it for your works council or data protection officer."
        actions={
          <button type="button" className="btn no-print" onClick={() => window.print()}>
            Print
          </button>
        }
      />
      {summary.isPending ? <Loading /> : summary.isError ? <ErrorNote error={summary.error} /> : <PrivacySummary settings={summary.data} organization={organization.name} />}
    </div>
  );
}
