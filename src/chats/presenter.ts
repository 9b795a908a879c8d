import type { ShowUserId } from './end-users.js';
import { camel, FIELD_NAMES, type ChatFieldValues, type ChatMetadataValues } from '../fields/chat-fields.js';
import type { ChatRow } from './repository.js';

/**
 * A chat as the API shows it; fields the bot never sent are null. `showUserId` is the
 * organization's EndUserView.show: in works-council mode the user id leaves only as a pseudonym.
 */
export function presentChat(row: ChatRow, showUserId: ShowUserId) {
  return {
    id: row.id,
    organization_id: row.organizationId,
    user_id: showUserId(row.userId),
    title: row.title,
    tags: row.tags,
    metadata: presentMetadata(row),
    // Set when the retention policy removed the text (title, messages) or the free-text metadata.
    content_purged_at: row.contentPurgedAt?.toISOString() ?? null,
    metadata_purged_at: row.metadataPurgedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The metadata object: every registry field under its API name, null where the bot sent none. */
export function presentMetadata(row: ChatFieldValues): ChatMetadataValues {
  return Object.fromEntries(FIELD_NAMES.map((f) => [f, row[camel(f)]])) as ChatMetadataValues;
}
