// verify-receipt: checks an erasure receipt's signature with this installation's secret (no
// database needed, so it also runs beside an embedded server). audit verify: checks the audit
// log's hash chain of every organization (or one).
import fs from 'node:fs';
import path from 'node:path';
import { apiKeyHmacKey } from '../api-keys/key-format.js';
import { receiptSignatureValid, subjectDigest } from '../privacy/receipt.js';
import { CliError } from './args.js';
import type { OptionValues } from './commands.js';
import { readConfig, withDatabase } from './database.js';
import { out, printJson } from './output.js';

function installationSecret(): string {
  const config = readConfig();
  if (config.jwtSecret) return config.jwtSecret;
  const file = path.join(config.dataDir, 'jwt-secret');
  if (!fs.existsSync(file)) throw new CliError(`No JWT_SECRET and no ${file}: run this with the server's configuration`);
  return fs.readFileSync(file, 'utf8').trim();
}

export async function verifyReceipt(values: OptionValues): Promise<void> {
  const file = values.file as string;
  let parsed: { receipt?: Record<string, any>; signature?: unknown };
  try {
    parsed = JSON.parse(fs.readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (err) {
    throw new CliError(`Cannot read a receipt from ${file}: ${(err as Error).message}`);
  }
  const { receipt, signature } = parsed ?? {};
  if (!receipt || typeof receipt !== 'object') throw new CliError(`${file} holds no "receipt" object (save the answer of POST or GET /api/v1/erasure-requests)`);
  const key = apiKeyHmacKey(installationSecret());
  const valid = receiptSignatureValid(key, receipt, signature);
  const subject = values['user-id'] !== undefined ? ['user_id', values['user-id']] : values['session-id'] !== undefined ? ['session_id', values['session-id']] : undefined;
  const subjectMatches =
    subject === undefined ? undefined : receipt.subject?.type === subject[0] && receipt.subject?.digest === subjectDigest(key, Number(receipt.organization_id), subject[0] as string, subject[0] === 'user_id' ? Number(subject[1]) : String(subject[1]));
  if (values.json) printJson({ valid, subject_matches: subjectMatches ?? null, receipt });
  else if (valid) {
    out(`Valid receipt: erasure request ${receipt.request_id} of organization ${receipt.organization_id}${receipt.dry_run ? ' (dry run)' : ''},`);
    out(`completed ${receipt.completed_at} by ${receipt.requested_by?.email ?? 'unknown'}: ${Object.entries(receipt.counts ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    if (subjectMatches !== undefined) out(subjectMatches ? `It is the receipt of ${subject![0]} ${subject![1]}.` : `It is NOT the receipt of ${subject![0]} ${subject![1]}.`);
  }
  if (!valid) throw new CliError('Invalid receipt: its signature does not match (edited, or signed by another installation)');
  if (subjectMatches === false) throw new CliError(`The receipt is genuine but not for ${subject![0]} ${subject![1]}`);
}

export async function auditVerify(values: OptionValues): Promise<void> {
  const { verifyChain } = await import('../audit/verify.js');
  const reports = await withDatabase(async ({ deps }) => {
    const { rows } = await deps.pool.query<{ id: number; slug: string }>(
      values.org === undefined ? 'SELECT id, slug FROM organizations ORDER BY id' : 'SELECT id, slug FROM organizations WHERE slug = $1',
      values.org === undefined ? [] : [values.org],
    );
    if (rows.length === 0 && values.org !== undefined) throw new CliError(`No organization has the slug ${values.org}`);
    const result = [];
    for (const org of rows) result.push({ organization: org.slug, ...(await verifyChain(deps.db, Number(org.id))) });
    return result;
  });
  if (values.json) printJson(reports);
  else for (const r of reports) out(r.ok ? `${r.organization}: ok, ${r.entries} entries${r.pseudonymized ? ` (${r.pseudonymized} pseudonymized by erasures)` : ''}` : `${r.organization}: BROKEN at entry ${r.broken_at}: ${r.reason}`);
  const broken = reports.filter((r) => !r.ok);
  if (broken.length) throw new CliError(`The audit log of ${broken.map((r) => r.organization).join(', ')} fails its check`);
}
