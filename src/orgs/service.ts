import type { organizations } from '../db/schema.js';
import type { AppDeps } from '../http/context.js';
import { badRequest, notFound } from '../http/errors.js';
import { findSettings } from '../privacy/repository.js';
import * as repo from './repository.js';

function present(org: typeof organizations.$inferSelect, worksCouncil: boolean) {
  return {
    id: org.id,
    name: org.name,
    slug: org.slug,
    works_council: worksCouncil,
    created_at: org.createdAt.toISOString(),
    updated_at: org.updatedAt.toISOString(),
  };
}

export async function getOrganization(deps: AppDeps, organizationId: number) {
  const org = await repo.findOrganization(deps.db, organizationId);
  if (!org) throw notFound('Organization not found');
  return present(org, (await findSettings(deps.db, organizationId)).worksCouncil);
}

/** Renames the organization. The slug stays: bots and bookmarks use it in URLs. */
export async function renameOrganization(deps: AppDeps, organizationId: number, name: string) {
  const trimmed = name.trim();
  if (!trimmed) throw badRequest('name must not be blank', 'name');
  const org = await repo.renameOrganization(deps.db, organizationId, trimmed);
  if (!org) throw notFound('Organization not found');
  return present(org, (await findSettings(deps.db, organizationId)).worksCouncil);
}
