// "How is the bot doing this month, and what needs attention?": KPIs against the previous period,
// volume and escalation over time, and what people ask about, in which languages and countries.
// The range, zone and filters are in the URL; every bar opens the explorer on the chats it counts.
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { get } from '../api/client';
import type { Breakdown, BreakdownField, ChatList, Interval, Summary, Timeseries } from '../api/types';
import { useSession } from '../auth/session';
import { RangeControls } from '../filters/RangeControls';
import { apiQuery, explorerLink, readFilters, type DateRange } from '../filters/url-filters';
import { EmptyState, ErrorNote, Loading, PageHeader } from '../ui/components';
import { SendChatSnippet } from '../ui/SendChatSnippet';
import { BREAKDOWNS, filterFor } from './breakdowns';
import { BreakdownChart, TimeChart } from './charts';
import { KpiCards } from './KpiCards';
import { NeedsAttention } from './NeedsAttention';
import { WhatChanged } from './WhatChanged';
import './overview.css';

const DAY_MS = 86_400_000;

function intervalFor(range: DateRange): Interval {
  if (!range.from || !range.to) return 'week';
  const days = (Date.parse(range.to) - Date.parse(range.from)) / DAY_MS;
  if (days <= 2) return 'hour';
  if (days <= 92) return 'day';
  if (days <= 731) return 'week';
  return 'month';
}

export default function OverviewPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { organization, isAdmin } = useSession();
  const { range, query } = apiQuery(params, '30d');
  const analyticsQuery = { ...query, tz: range.tz };
  const key = JSON.stringify(analyticsQuery);
  const interval = intervalFor(range);
  const filtered = Object.keys(readFilters(params)).length > 0;

  // Whether the organization has any chat at all: a new one gets the "send your first chat" page.
  // Asked again every 5 s while there is none: the first chat shows up by itself.
  const anyChat = useQuery({
    queryKey: ['any-chat'],
    queryFn: () => get<ChatList>('/api/v1/chats', { limit: 1 }),
    refetchInterval: (query) => (query.state.data?.chats.length === 0 ? 5000 : false),
  });
  const summary = useQuery({ queryKey: ['summary', key], queryFn: () => get<Summary>('/api/v1/analytics/summary', analyticsQuery) });
  const timeseries = useQuery({
    queryKey: ['timeseries', key, interval],
    queryFn: () =>
      get<Timeseries>('/api/v1/analytics/timeseries', { ...analyticsQuery, interval, metrics: 'chats,escalation_rate,hr_forwarding_rate' }),
  });
  const breakdowns = BREAKDOWNS.map(({ by, rating }) =>
    // eslint-disable-next-line react-hooks/rules-of-hooks -- a fixed list: the same hooks on every render
    useQuery({
      queryKey: ['breakdown', by, key],
      queryFn: () =>
        get<Breakdown>('/api/v1/analytics/breakdown', {
          ...analyticsQuery,
          by,
          limit: rating ? 5 : 10,
          metrics: 'chats,escalation_rate,hr_forwarding_rate,avg_rating',
        }),
    }),
  );

  const linkFor = (by: BreakdownField) => (groupKey: string) => explorerLink(params, { range: range.preset, tz: range.tz, ...filterFor(by, groupKey) });

  if (anyChat.data && anyChat.data.chats.length === 0) {
    return (
      <>
        <PageHeader title="Overview" />
        <EmptyState title="No chats yet">
          <p>Your assistant has not sent any chat. Send one with the organization's API key and it shows up here at once.</p>
          {isAdmin ? (
            <p>
              <a href="/api-keys">Create an API key</a>, then run:
            </p>
          ) : (
            <p>Ask an admin for an API key, then run:</p>
          )}
          <SendChatSnippet slug={organization.slug} />
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Overview"
        description={filtered ? 'Filtered view: only chats matching the filters in the address are counted.' : undefined}
        actions={<RangeControls defaultPreset="30d" />}
      />
      <NeedsAttention />
      <ErrorNote error={summary.error} />
      {summary.isPending ? <Loading label="Loading key figures…" /> : summary.data && <KpiCards summary={summary.data} />}
      <WhatChanged query={analyticsQuery} />
      <div className="charts">
        <section className="card chart-card wide" aria-labelledby="chart-volume">
          <h2 id="chart-volume">Chats over time</h2>
          <ErrorNote error={timeseries.error} />
          {timeseries.data ? <TimeChart data={timeseries.data} title="Chats over time" series={[{ metric: 'chats', kind: 'bar' }]} /> : <Loading />}
        </section>
        <section className="card chart-card wide" aria-labelledby="chart-rates">
          <h2 id="chart-rates">Escalation and HR hand-over rates</h2>
          {timeseries.data ? (
            <TimeChart data={timeseries.data} title="Escalation and HR hand-over rates over time" series={[{ metric: 'escalation_rate' }, { metric: 'hr_forwarding_rate' }]} />
          ) : (
            <Loading />
          )}
        </section>
        {BREAKDOWNS.map(({ by, title, rating }, i) => {
          const result = breakdowns[i];
          const data = result.data && rating ? { ...result.data, groups: [...result.data.groups].sort((a, b) => Number(b.key) - Number(a.key)) } : result.data;
          return (
            <section key={by} className="card chart-card" aria-labelledby={`chart-${by}`} data-breakdown={by}>
              <h2 id={`chart-${by}`}>{title}</h2>
              <ErrorNote error={result.error} />
              {!data ? (
                <Loading />
              ) : data.groups.length === 0 && data.works_council ? (
                <p className="muted suppression-note">
                  No group to show in works-council mode: each figure describes at least {data.works_council.k} people.
                </p>
              ) : data.groups.length === 0 ? (
                <p className="muted">No chats in this period sent this field.</p>
              ) : (
                <BreakdownChart data={data} title={title} linkFor={linkFor(by)} onSelect={(groupKey) => navigate(linkFor(by)(groupKey))} />
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
