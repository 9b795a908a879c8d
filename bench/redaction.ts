// npm run bench:redaction — precision and recall of redaction at ingest on a planted corpus
// (BENCH_MESSAGES messages, default 3,000, five languages, every entity type, near-misses), and how
// fast the engine goes. A finding counts as right when its type is the planted one and it covers
// exactly the planted characters. Targets: recall ≥ 0.98 and precision ≥ 0.95 per type.
import { buildCorpus } from './redaction/corpus.js';
import { ENTITY_TYPES, type EntityType } from '../src/redaction/entities.js';
import { findEntities } from '../src/redaction/redact.js';

const seed = Number(process.env.BENCH_SEED ?? 20261202);
const size = Number(process.env.BENCH_MESSAGES ?? 3000);
const corpus = buildCorpus(seed, size);

const stats = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { planted: 0, found: 0, right: 0 }])) as Record<EntityType, { planted: number; found: number; right: number }>;
const misses: string[] = [];
const started = performance.now();
const results = corpus.map((m) => findEntities(m.text, ENTITY_TYPES, { country: m.country, language: m.language }));
const ms = performance.now() - started;

corpus.forEach((message, i) => {
  const findings = results[i];
  for (const p of message.planted) {
    stats[p.type].planted++;
    const hit = findings.some((f) => f.type === p.type && f.start === p.start && f.end === p.end);
    if (hit) stats[p.type].right++;
    else if (misses.length < 15) misses.push(`missed ${p.type} ${JSON.stringify(message.text.slice(p.start, p.end))} in ${JSON.stringify(message.text)} (${message.country ?? message.language})`);
  }
  for (const f of findings) {
    stats[f.type].found++;
    const planted = message.planted.some((p) => p.type === f.type && p.start === f.start && p.end === f.end);
    if (!planted && misses.length < 30) misses.push(`wrong ${f.type} ${JSON.stringify(message.text.slice(f.start, f.end))} in ${JSON.stringify(message.text)}`);
  }
});

const nearMisses = corpus.reduce((n, m) => n + m.nearMisses, 0);
console.log(`corpus: ${corpus.length} messages (seed ${seed}), ${corpus.reduce((n, m) => n + m.planted.length, 0)} planted values, ${nearMisses} near-misses`);
console.log('| type | planted | found | right | recall | precision | met |');
console.log('|---|---|---|---|---|---|---|');
for (const type of ENTITY_TYPES) {
  const s = stats[type];
  const recall = s.right / s.planted;
  const precision = s.found ? s.right / s.found : 1;
  console.log(`| ${type} | ${s.planted} | ${s.found} | ${s.right} | ${recall.toFixed(3)} | ${precision.toFixed(3)} | ${recall >= 0.98 && precision >= 0.95 ? 'yes' : 'NO'} |`);
}
console.log(`engine: ${(corpus.length / (ms / 1000)).toFixed(0)} messages/s (${(ms / corpus.length).toFixed(3)} ms a message, one core)`);
if (misses.length) console.log(`first errors:\n  ${misses.join('\n  ')}`);
