// The overview's headline numbers, each with its change against the previous period of equal length.
import type { MetricName, Summary } from '../api/types';
import { formatPercent } from '../ui/format';
import { METRIC_VIEWS } from './metrics';
import { hiddenText } from './suppression';

interface Card {
  metric: MetricName;
  /** A second line: another metric for context. */
  sub?: MetricName;
}

const CARDS: Card[] = [
  { metric: 'chats', sub: 'end_users' },
  { metric: 'escalation_rate' },
  { metric: 'hr_forwarding_rate' },
  { metric: 'avg_rating', sub: 'csat' },
  { metric: 'avg_response_time', sub: 'p90_response_time' },
  { metric: 'total_tokens', sub: 'avg_tokens' },
];

function Change({ metric, summary }: { metric: MetricName; summary: Summary }) {
  const { change, previous } = summary.metrics[metric];
  const previousHidden = hiddenText(summary.previous_suppressed, summary.works_council);
  if (previousHidden && !summary.suppressed) return <span className="kpi-sub">previous period: {previousHidden}</span>;
  if (change === null) {
    return <span className="kpi-sub">{previous === null || previous === 0 ? 'no data in the previous period' : 'no change'}</span>;
  }
  const direction = METRIC_VIEWS[metric].direction;
  const tone = change === 0 || direction === 0 ? '' : change * direction > 0 ? 'change-good' : 'change-bad';
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '■';
  return (
    <span className={`kpi-sub ${tone}`}>
      <span aria-hidden="true">{arrow}</span> {change > 0 ? '+' : ''}
      {formatPercent(change)} vs previous period ({METRIC_VIEWS[metric].format(previous)})
    </span>
  );
}

/** "≈" before a figure the server estimated from its sketches (large ranges: end users, percentiles). */
function Estimated({ metric, summary }: { metric: MetricName; summary: Summary }) {
  if (!summary.metrics[metric].estimated) return null;
  return (
    <abbr className="kpi-estimated" title="An estimate: end users within about 1% (HyperLogLog), percentiles within 1%">
      ≈{' '}
    </abbr>
  );
}

export function KpiCards({ summary }: { summary: Summary }) {
  // Works-council mode: a withheld period shows why in place of every figure.
  const hidden = hiddenText(summary.suppressed, summary.works_council);
  return (
    <section className="kpis" aria-label="Key figures">
      {CARDS.map(({ metric, sub }) => (
        <article key={metric} className="card kpi" data-metric={metric}>
          <h2 className="kpi-label">{METRIC_VIEWS[metric].label}</h2>
          {hidden ? (
            <span className="kpi-value kpi-suppressed" data-suppressed={summary.suppressed ?? undefined}>
              {hidden}
            </span>
          ) : (
            <span className="kpi-value">
              <Estimated metric={metric} summary={summary} />
              {METRIC_VIEWS[metric].format(summary.metrics[metric].value)}
            </span>
          )}
          {sub && !hidden && (
            <span className="kpi-sub">
              {METRIC_VIEWS[sub].label}: <Estimated metric={sub} summary={summary} />
              {METRIC_VIEWS[sub].format(summary.metrics[sub].value)}
            </span>
          )}
          {!hidden && <Change metric={metric} summary={summary} />}
        </article>
      ))}
    </section>
  );
}
