// The overview's charts (Chart.js, loaded with the overview only). Colours come from the CSS
// variables so that light and dark mode both read well. Every chart has its numbers as a table
// under it too (screen readers and keyboard users; canvases are neither).
import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
} from 'chart.js';
import { useMemo } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { Link } from 'react-router';
import type { Breakdown, BreakdownField, Interval, MetricName, Timeseries } from '../api/types';
import { useIsDark } from '../app/theme';
import { CODE_NAMES, fieldNamed, WORD_VALUES } from '../fields/fields';
import { formatPercent, humanize } from '../ui/format';
import { METRIC_VIEWS } from './metrics';
import { hiddenNote, hiddenText } from './suppression';

ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend, Filler);

function useChartColors() {
  const dark = useIsDark();
  return useMemo(() => {
    const style = getComputedStyle(document.documentElement);
    const v = (name: string) => style.getPropertyValue(name).trim();
    return {
      series: [v('--chart-1'), v('--chart-2'), v('--chart-3'), v('--chart-4'), v('--chart-5')],
      grid: v('--chart-grid'),
      text: v('--muted'),
    };
    // Recomputed when the theme flips.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dark]);
}

const bucketFormats: Record<Interval, Intl.DateTimeFormatOptions> = {
  hour: { hour: '2-digit', minute: '2-digit' },
  day: { day: 'numeric', month: 'short' },
  week: { day: 'numeric', month: 'short' },
  month: { month: 'short', year: 'numeric' },
};

export const bucketLabel = (start: string, interval: Interval, tz: string) =>
  new Date(start).toLocaleString(undefined, { ...bucketFormats[interval], timeZone: tz });

/** How a breakdown key reads: country and language names, "Yes"/"No", "4 ★", words humanized, else as sent. */
/** A group's key as the API answers it: a number for user_rating, a boolean for the yes/no fields. */
type GroupKey = Breakdown['groups'][number]['key'];

export function keyLabel(field: BreakdownField, groupKey: GroupKey): string {
  const key = String(groupKey);
  if (field === 'tag') return key;
  const spec = fieldNamed(field);
  const codeName = spec && CODE_NAMES[spec.name];
  if (codeName) return codeName(key);
  if (spec?.kind === 'boolean') return key === 'true' ? 'Yes' : 'No';
  if (spec?.filter === 'rating') return `${key} ★`;
  return spec && WORD_VALUES.has(spec.name) ? humanize(key) : key;
}

interface Series {
  metric: MetricName;
  kind?: 'bar' | 'line';
}

export function TimeChart({ data, series, title }: { data: Timeseries; series: Series[]; title: string }) {
  const colors = useChartColors();
  const labels = data.buckets.map((b) => bucketLabel(b.start, data.interval, data.tz));
  const percent = series.every((s) => METRIC_VIEWS[s.metric].format === formatPercent);
  const datasets = series.map((s, i) => ({
    label: METRIC_VIEWS[s.metric].label,
    data: data.buckets.map((b) => b[s.metric] ?? null),
    borderColor: colors.series[i],
    backgroundColor: s.kind === 'bar' ? colors.series[i] : `${colors.series[i]}33`,
    borderWidth: 2,
    pointRadius: data.buckets.length > 60 ? 0 : 2,
    spanGaps: false,
    tension: 0.25,
    fill: false,
  }));
  const options: ChartOptions<'line' | 'bar'> = {
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { display: series.length > 1, labels: { color: colors.text } },
      tooltip: {
        callbacks: {
          label: (ctx) => `${ctx.dataset.label}: ${METRIC_VIEWS[series[ctx.datasetIndex].metric].format(ctx.parsed.y as number | null)}`,
        },
      },
    },
    scales: {
      x: { ticks: { color: colors.text, maxRotation: 0, autoSkip: true, maxTicksLimit: 10 }, grid: { display: false } },
      y: {
        beginAtZero: true,
        ticks: { color: colors.text, precision: percent ? undefined : 0, callback: (value) => (percent ? formatPercent(Number(value)) : Number(value).toLocaleString()) },
        grid: { color: colors.grid },
        ...(percent ? { suggestedMax: 0.2 } : {}),
      },
    },
  };
  const bar = series.every((s) => s.kind === 'bar');
  const note = hiddenNote(data.buckets.map((b) => b.suppressed), data.works_council, 'periods');
  return (
    <>
      {note && <p className="muted suppression-note">{note}</p>}
      <div className="chart-box">
        {bar ? (
          <Bar data={{ labels, datasets }} options={options as ChartOptions<'bar'>} aria-label={title} role="img" />
        ) : (
          <Line data={{ labels, datasets }} options={options as ChartOptions<'line'>} aria-label={title} role="img" />
        )}
      </div>
      <details className="chart-table">
        <summary>Data table</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Period starting</th>
                {series.map((s) => (
                  <th key={s.metric} className="num">
                    {METRIC_VIEWS[s.metric].label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.buckets.map((b, i) => (
                <tr key={b.start}>
                  <td>{labels[i]}</td>
                  {series.map((s) => (
                    <td key={s.metric} className="num">
                      {hiddenText(b.suppressed, data.works_council) ?? METRIC_VIEWS[s.metric].format(b[s.metric] ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

interface BreakdownChartProps {
  data: Breakdown;
  title: string;
  /** The explorer link for a group (null: not a filterable group). */
  linkFor: (key: string) => string | null;
  onSelect: (key: string) => void;
}

/** Groups as horizontal bars of chats; a click on a bar opens the explorer filtered on it. */
export function BreakdownChart({ data, title, linkFor, onSelect }: BreakdownChartProps) {
  const colors = useChartColors();
  // Works-council mode lists every group (limit is not used): the chart keeps the ten largest.
  const groups = data.works_council ? data.groups.slice(0, 10) : data.groups;
  const labels = groups.map((g) => keyLabel(data.by, g.key));
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    maintainAspectRatio: false,
    animation: false,
    onClick: (_event, elements) => {
      if (elements.length > 0) onSelect(String(groups[elements[0].index].key));
    },
    onHover: (event, elements) => {
      const target = event.native?.target as HTMLElement | undefined;
      if (target) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
    },
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          label: (ctx) => {
            const group = groups[ctx.dataIndex];
            const hidden = hiddenText(group.suppressed, data.works_council);
            if (hidden) return hidden;
            const parts = [`${group.chats?.toLocaleString()} chats`];
            if (group.escalation_rate != null) parts.push(`escalated ${formatPercent(group.escalation_rate)}`);
            if (group.avg_rating != null) parts.push(`rating ${group.avg_rating.toFixed(2)}`);
            return parts.join(' · ');
          },
          footer: () => 'Click to open these chats',
        },
      },
    },
    scales: {
      x: { beginAtZero: true, ticks: { color: colors.text, precision: 0 }, grid: { color: colors.grid } },
      y: { ticks: { color: colors.text }, grid: { display: false } },
    },
  };
  const note = hiddenNote([...data.groups, ...(data.other ? [data.other] : []), ...(data.unknown ? [data.unknown] : [])].map((g) => g.suppressed), data.works_council, 'groups');
  return (
    <>
      {note && <p className="muted suppression-note">{note}</p>}
      <div className="chart-box" style={{ height: Math.max(140, 34 * groups.length + 40) }}>
        <Bar
          data={{ labels, datasets: [{ label: 'Chats', data: groups.map((g) => g.chats ?? 0), backgroundColor: colors.series[0], borderRadius: 4 }] }}
          options={options}
          aria-label={title}
          role="img"
        />
      </div>
      <BreakdownTable data={data} linkFor={linkFor} />
    </>
  );
}

function BreakdownTable({ data, linkFor }: { data: Breakdown; linkFor: (key: string) => string | null }) {
  const rows = [
    ...data.groups.map((g) => ({ key: String(g.key), label: keyLabel(data.by, g.key), values: g, link: linkFor(String(g.key)) })),
    ...(data.other ? [{ key: '__other', label: 'Other', values: data.other, link: null }] : []),
    ...(data.unknown ? [{ key: '__unknown', label: 'Not sent', values: data.unknown, link: null }] : []),
  ];
  return (
    <details className="chart-table">
      <summary>Data table</summary>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Group</th>
              <th className="num">Chats</th>
              <th className="num">Escalated</th>
              <th className="num">HR</th>
              <th className="num">Rating</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const hidden = hiddenText(row.values.suppressed, data.works_council);
              return hidden ? (
                <tr key={row.key} data-suppressed={row.values.suppressed ?? undefined}>
                  <td>{row.label}</td>
                  <td className="num" colSpan={4}>
                    {hidden}
                  </td>
                </tr>
              ) : (
              <tr key={row.key}>
                <td>{row.link ? <Link to={row.link}>{row.label}</Link> : row.label}</td>
                <td className="num">{METRIC_VIEWS.chats.format(row.values.chats ?? null)}</td>
                <td className="num">{formatPercent(row.values.escalation_rate)}</td>
                <td className="num">{formatPercent(row.values.hr_forwarding_rate)}</td>
                <td className="num">{METRIC_VIEWS.avg_rating.format(row.values.avg_rating ?? null)}</td>
              </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
