// An organization's privacy settings: IP handling at ingest, retention per data class, legal hold.
// A change that would make the retention job delete or rewrite stored data must be confirmed
// (`confirm: true`) after its dry run has said what it would remove; every change is audited with
// the settings before and after.
import type { FastifyRequest } from 'fastify';
import { audited } from '../audit/service.js';
import type { AppDeps } from '../http/context.js';
import { HttpError } from '../http/errors.js';
import { ENTITY_TYPES } from '../redaction/entities.js';
import { forgetRedactor } from '../redaction/policy-cache.js';
import * as repo from './repository.js';
import type { PrivacySettings, UpdatePrivacyBody, WouldDelete } from './schemas.js';

export function present(s: repo.Settings): PrivacySettings {
  return {
    ip_mode: s.ipMode,
    content_retention_days: s.contentDays,
    metadata_retention_days: s.metadataDays,
    chat_retention_days: s.chatDays,
    audit_retention_days: s.auditDays,
    legal_hold: s.legalHold,
    redaction: Object.fromEntries(ENTITY_TYPES.map((type) => [type, s.redaction[type] ?? 'keep'])) as PrivacySettings['redaction'],
    works_council: s.worksCouncil,
    works_council_k: s.worksCouncilK,
    updated_at: s.updatedAt?.toISOString() ?? null,
  };
}

export async function getSettings(deps: AppDeps, organizationId: number) {
  return present(await repo.findSettings(deps.db, organizationId));
}

const IP_STRICTNESS = { full: 0, truncated: 1, none: 2 } as const;

function merged(current: repo.Settings, body: UpdatePrivacyBody): repo.Settings {
  const pick = <T>(sent: T | undefined, kept: T) => (sent === undefined ? kept : sent);
  return {
    ipMode: pick(body.ip_mode, current.ipMode),
    contentDays: pick(body.content_retention_days, current.contentDays),
    metadataDays: pick(body.metadata_retention_days, current.metadataDays),
    chatDays: pick(body.chat_retention_days, current.chatDays),
    auditDays: pick(body.audit_retention_days, current.auditDays),
    legalHold: pick(body.legal_hold, current.legalHold),
    redaction: { ...current.redaction, ...body.redaction },
    worksCouncil: pick(body.works_council, current.worksCouncil),
    worksCouncilK: pick(body.works_council_k, current.worksCouncilK),
    updatedAt: current.updatedAt,
  };
}

function describe(w: WouldDelete): string {
  const parts = [
    [w.chats, 'chats deleted'],
    [w.chats_content, 'chats with their text removed'],
    [w.chats_metadata, 'chats with their IP, session_id and transcript_link removed'],
    [w.ip_addresses, 'IP addresses truncated or removed'],
    [w.audit_entries, 'audit entries deleted'],
    [w.export_files, 'export files deleted'],
  ] as const;
  return parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join(', ');
}

const zero: WouldDelete = { chats_content: 0, chats_metadata: 0, chats: 0, ip_addresses: 0, audit_entries: 0, export_files: 0 };

export async function updateSettings(request: FastifyRequest, organizationId: number, body: UpdatePrivacyBody) {
  const deps = request.server.deps;
  const current = await repo.findSettings(deps.db, organizationId);
  const next = merged(current, body);
  const ipStricter = IP_STRICTNESS[next.ipMode] > IP_STRICTNESS[current.ipMode];
  // Under a legal hold nothing is deleted, so nothing needs confirming until the hold is lifted.
  const wouldDelete = next.legalHold ? zero : await repo.countWouldDelete(deps.db, organizationId, next, ipStricter);
  if (body.dry_run) return { settings: present(next), dry_run: true, would_delete: wouldDelete };
  const summary = describe(wouldDelete);
  if (summary && body.confirm !== true) {
    throw new HttpError(
      409,
      'confirmation_required',
      `This change would make the retention job remove stored data (${summary}). Review it with dry_run: true, then send the change again with confirm: true`,
      'confirm',
    );
  }
  const { dry_run: _d, confirm: _c, ...changes } = body;
  const saved = await audited(
    request,
    (after: repo.Settings) => ({
      action: 'settings.privacy_updated',
      targetType: 'organization',
      targetId: organizationId,
      details: { before: present(current), after: present(after), changes, would_delete: wouldDelete },
    }),
    async (txDeps) => {
      await repo.findSettings(txDeps.db, organizationId, true);
      const { updatedAt: _, ...values } = next;
      return repo.saveSettings(txDeps.db, organizationId, values);
    },
  );
  // Committed: the next chat on this instance is redacted under the new policy (other instances: within POLICY_TTL_MS).
  forgetRedactor(deps.pool, organizationId);
  // The mode's figures are checked against the window's cells: read them now, not in the first request.
  if (saved.worksCouncil && !current.worksCouncil) void deps.councilCells.warmUp(deps.db, organizationId, request.log);
  return { settings: present(saved), dry_run: false, would_delete: wouldDelete };
}
