// The date range (presets or custom days) and time zone of a view, read from and written to the URL.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { RANGE_PRESETS, readRange, type RangePreset } from './url-filters';
import { browserZone } from './zoned-time';

const COMMON_ZONES = ['UTC', 'Europe/London', 'Europe/Amsterdam', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney'];

function allZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...new Set([browserZone(), ...COMMON_ZONES, ...supported])];
}

export function RangeControls({ defaultPreset = '30d' }: { defaultPreset?: RangePreset }) {
  const [params, setParams] = useSearchParams();
  const range = readRange(params, defaultPreset);
  const zones = useMemo(allZones, []);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    setParams(next, { replace: false });
  };

  const choosePreset = (preset: string) => {
    if (preset === 'custom') update({ range: 'custom', from: range.fromDate ?? range.toDate, to: range.toDate });
    else update({ range: preset, from: null, to: null });
  };

  return (
    <div className="inline-fields range-controls">
      <div className="field">
        <label htmlFor="range-preset">Period</label>
        <select id="range-preset" value={range.preset} onChange={(e) => choosePreset(e.target.value)}>
          {RANGE_PRESETS.map((preset) => (
            <option key={preset.value} value={preset.value}>
              {preset.label}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </div>
      {range.preset === 'custom' && (
        <>
          <div className="field">
            <label htmlFor="range-from">From</label>
            <input id="range-from" type="date" value={range.fromDate ?? ''} max={range.toDate ?? undefined} onChange={(e) => e.target.value && update({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="range-to">To (included)</label>
            <input id="range-to" type="date" value={range.toDate ?? ''} min={range.fromDate ?? undefined} onChange={(e) => e.target.value && update({ to: e.target.value })} />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="range-tz">Time zone</label>
        <select id="range-tz" value={range.tz} onChange={(e) => update({ tz: e.target.value })}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
