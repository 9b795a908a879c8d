// Every filter of GET /api/v1/chats as one form. Text fields apply on Enter or "Apply filters";
// choices (selects) apply as soon as they change. What is applied is written to the URL under the
// API's parameter names, so the address is the view (and can be shared).
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session';
import { BOOLEAN_FILTER_FIELDS, EXACT_FILTER_FIELDS, LIST_FILTER_FIELDS } from '../fields/fields';
import { FILTER_NAMES, RANGE_PRESETS, type DateRange } from '../filters/url-filters';
import { addDays, browserZone, todayIn } from '../filters/zoned-time';
import { normalizeList } from './filter-model';

const LIST_FILTERS = new Set<string>(['tags', ...LIST_FILTER_FIELDS.map((f) => f.name)]);
/** A field's form control id: "f-country-code". */
const fieldId = (name: string) => `f-${name.replace(/_/g, '-')}`;
const COMMON_ZONES = ['UTC', 'Europe/London', 'Europe/Amsterdam', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney'];

function allZones(current: string): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...new Set([current, browserZone(), ...COMMON_ZONES, ...supported])];
}

const wideScreen = () => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 761px)').matches;

interface Props {
  range: DateRange;
  /** Active filters (chips): shown on the toggle so a collapsed panel still says something is set. */
  activeCount: number;
}

export function FiltersPanel({ range, activeCount }: Props) {
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState(wideScreen);
  // The fields are the form's own (uncontrolled) state. They start from the URL, and start again
  // when the URL changes by other means than this form (a chip removed, "Clear filters", Back).
  const current = params.toString();
  const submitted = useRef(current);
  const [formKey, setFormKey] = useState(0);
  useEffect(() => {
    if (current !== submitted.current) {
      submitted.current = current;
      setFormKey((key) => key + 1);
    }
  }, [current]);

  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const next = new URLSearchParams(params);
    next.delete('cursor');
    const preset = value('range');
    if (preset === 'all' || !preset) ['range', 'from', 'to'].forEach((name) => next.delete(name));
    else if (preset === 'custom') {
      next.set('range', 'custom');
      next.set('from', value('from'));
      next.set('to', value('to'));
    } else {
      next.set('range', preset);
      next.delete('from');
      next.delete('to');
    }
    const tz = value('tz');
    if (tz && (tz !== browserZone() || params.has('tz'))) next.set('tz', tz);
    for (const name of FILTER_NAMES) {
      if (name === 'tags_mode') continue;
      const raw = value(name);
      const normalized = LIST_FILTERS.has(name) ? normalizeList(raw) : raw;
      if (normalized) next.set(name, normalized);
      else next.delete(name);
    }
    if (next.get('tags') && value('tags_mode') === 'any') next.set('tags_mode', 'any');
    else next.delete('tags_mode');
    submitted.current = next.toString();
    setParams(next);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };

  return (
    <form className="card filters" onSubmit={onSubmit} aria-label="Chat filters" key={formKey}>
      <Fields params={params} range={range} open={open} onToggle={() => setOpen(!open)} activeCount={activeCount} />
    </form>
  );
}

function Fields({ params, range, open, onToggle, activeCount }: { params: URLSearchParams; range: DateRange; open: boolean; onToggle: () => void; activeCount: number }) {
  const [preset, setPreset] = useState<string>(range.preset);
  const zones = useMemo(() => allZones(range.tz), [range.tz]);
  const today = todayIn(range.tz);
  const get = (name: string) => params.get(name) ?? '';
  // In works-council mode end users are found by the pseudonym the dashboard shows.
  const pseudonyms = useSession().organization.works_council;
  const submitNow = (element: HTMLElement) => (element as HTMLSelectElement).form?.requestSubmit();
  const auto = { onChange: (event: { currentTarget: HTMLElement }) => submitNow(event.currentTarget) };

  return (
    <>
      <div className="filters-top">
        <div className="field filters-search">
          <label htmlFor="f-q">Search titles and messages</label>
          <input id="f-q" name="q" type="search" defaultValue={get('q')} maxLength={200} placeholder="e.g. parental leave" />
        </div>
        <button type="submit" className="btn btn-primary">
          Apply filters
        </button>
        <button type="button" className="btn filters-toggle" aria-expanded={open} aria-controls="filters-more" onClick={onToggle}>
          {open ? 'Hide filters' : 'More filters'}
          {activeCount > 0 && (
            <>
              <span className="count-badge" aria-hidden="true">
                {activeCount}
              </span>
              <span className="sr-only">, {activeCount} active</span>
            </>
          )}
        </button>
      </div>
      <div id="filters-more" className="filters-grid" hidden={!open}>
        <div className="field">
          <label htmlFor="f-range">Period</label>
          <select
            id="f-range"
            name="range"
            value={preset}
            onChange={(event) => {
              setPreset(event.target.value);
              // A custom period needs its days first; the others apply at once.
              if (event.target.value !== 'custom') submitNow(event.currentTarget);
            }}
          >
            <option value="all">All time</option>
            {RANGE_PRESETS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
            <option value="custom">Custom…</option>
          </select>
        </div>
        {preset === 'custom' && (
          <>
            <div className="field">
              <label htmlFor="f-from">From</label>
              <input id="f-from" name="from" type="date" required defaultValue={range.fromDate ?? addDays(today, -29)} />
            </div>
            <div className="field">
              <label htmlFor="f-to">To (included)</label>
              <input id="f-to" name="to" type="date" required defaultValue={range.toDate ?? today} />
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="f-tz">Time zone</label>
          <select id="f-tz" name="tz" defaultValue={range.tz} {...auto}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-tags">Tags</label>
          <input id="f-tags" name="tags" defaultValue={get('tags')} placeholder="leave, payroll" aria-describedby="f-tags-hint" />
          <small id="f-tags-hint" className="muted">
            Comma-separated
          </small>
        </div>
        <div className="field">
          <label htmlFor="f-tags-mode">Chats with</label>
          <select id="f-tags-mode" name="tags_mode" defaultValue={get('tags_mode') === 'any' ? 'any' : 'all'} {...auto}>
            <option value="all">All of the tags</option>
            <option value="any">Any of the tags</option>
          </select>
        </div>
        {LIST_FILTER_FIELDS.map((f) => (
          <ListField key={f.name} id={fieldId(f.name)} name={f.name} label={f.filterLabel} value={get(f.name)} placeholder={f.placeholder ?? undefined} />
        ))}
        {BOOLEAN_FILTER_FIELDS.map((f) => (
          <YesNo key={f.name} id={fieldId(f.name)} name={f.name} label={f.filterLabel} value={get(f.name)} auto={auto} />
        ))}
        <div className="field">
          <label htmlFor="f-rating-min">Rating from</label>
          <RatingSelect id="f-rating-min" name="rating_min" value={get('rating_min')} auto={auto} />
        </div>
        <div className="field">
          <label htmlFor="f-rating-max">Rating to</label>
          <RatingSelect id="f-rating-max" name="rating_max" value={get('rating_max')} auto={auto} />
        </div>
        <div className="field">
          <label htmlFor="f-has-rating">Rated</label>
          <select id="f-has-rating" name="has_rating" defaultValue={get('has_rating')} {...auto}>
            <option value="">Any</option>
            <option value="true">Rated chats</option>
            <option value="false">Unrated chats</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-user">{pseudonyms ? 'End user (pseudonym)' : 'End user id'}</label>
          <input id="f-user" name="user_id" inputMode={pseudonyms ? undefined : 'numeric'} defaultValue={get('user_id')} placeholder={pseudonyms ? 'p_1f0c9a2b7d3e4f56' : '42'} />
        </div>
        {EXACT_FILTER_FIELDS.map((f) => (
          <div key={f.name} className="field">
            <label htmlFor={fieldId(f.name)}>{f.filterLabel}</label>
            <input id={fieldId(f.name)} name={f.name} defaultValue={get(f.name)} placeholder={f.placeholder ?? undefined} />
          </div>
        ))}
      </div>
    </>
  );
}

function ListField({ id, name, label, value, placeholder }: { id: string; name: string; label: string; value: string; placeholder?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} defaultValue={value} placeholder={placeholder} aria-describedby={`${id}-hint`} />
      <small id={`${id}-hint`} className="muted">
        Comma-separated
      </small>
    </div>
  );
}

type Auto = { onChange: (event: { currentTarget: HTMLElement }) => void };

function YesNo({ id, name, label, value, auto }: { id: string; name: string; label: string; value: string; auto: Auto }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} {...auto}>
        <option value="">Any</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
        {value && value !== 'true' && value !== 'false' && <option value={value}>{value}</option>}
      </select>
    </div>
  );
}

function RatingSelect({ id, name, value, auto }: { id: string; name: string; value: string; auto: Auto }) {
  const known = ['1', '2', '3', '4', '5'];
  return (
    <select id={id} name={name} defaultValue={value} {...auto}>
      <option value="">Any</option>
      {known.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
      {value && !known.includes(value) && <option value={value}>{value}</option>}
    </select>
  );
}
