// "What changed": the escalation rate of this period against the one before, split over question
// category × language into mix (more chats of a kind) and rate (that kind got worse); each row opens
// the explorer on its chats.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get } from '../api/client';
import type { Suppression, WorksCouncil } from '../api/types';
import { ErrorNote, Loading } from '../ui/components';
import { hiddenText } from './suppression';

interface Segment {
  key: Record<string, string | number | boolean>;
  mix_effect: number;
  rate_effect: number;
  total_effect: number;
  share_of_change: number | null;
  explorer_url: string;
}
interface Result {
  change: number | null;
  a: { value: number | null; suppressed?: Suppression | null };
  b: { value: number | null; suppressed?: Suppression | null };
  works_council?: WorksCouncil;
  segments: Segment[];
}

const pts = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)} pts`;

export function WhatChanged({ query }: { query: Record<string, string | undefined> }) {
  const result = useQuery({
    queryKey: ['what-changed', JSON.stringify(query)],
    queryFn: () => get<Result>('/api/v1/analytics/what-changed', { ...query, metric: 'escalation_rate', by: 'question_category,language_code', limit: 5 }),
  });
  return (
    <section className="card what-changed wide" aria-labelledby="what-changed-title">
      <h2 id="what-changed-title">What changed in the escalation rate</h2>
      <ErrorNote error={result.error} />
      {result.isPending ? (
        <Loading />
      ) : result.data && result.data.change !== null && result.data.segments.length > 0 ? (
        <>
          <p className="muted">
            {pts(result.data.change)} against the previous period ({((result.data.a.value ?? 0) * 100).toFixed(1)}% → {((result.data.b.value ?? 0) * 100).toFixed(1)}%).
          </p>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">Largest contributions to the change</caption>
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col">Mix effect</th>
                  <th scope="col">Rate effect</th>
                  <th scope="col">Total</th>
                  <th scope="col">Share of the change</th>
                </tr>
              </thead>
              <tbody>
                {result.data.segments.map((s) => (
                  <tr key={s.explorer_url}>
                    <td>
                      <Link to={s.explorer_url}>{Object.values(s.key).join(' × ')}</Link>
                    </td>
                    <td>{pts(s.mix_effect)}</td>
                    <td>{pts(s.rate_effect)}</td>
                    <td>{pts(s.total_effect)}</td>
                    <td>{s.share_of_change === null ? '—' : `${Math.round(s.share_of_change * 100)}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : result.data && (result.data.a.suppressed || result.data.b.suppressed) ? (
        <p className="muted kpi-suppressed">
          Works-council mode: {hiddenText(result.data.b.suppressed ?? result.data.a.suppressed, result.data.works_council)} ({result.data.b.suppressed ? 'this period' : 'the previous period'}).
        </p>
      ) : (
        <p className="muted">No change to explain in this period.</p>
      )}
    </section>
  );
}
