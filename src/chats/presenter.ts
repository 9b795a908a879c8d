import type { ShowUserId } from './end-users.js';
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
    metadata: {
      avg_response_time: row.avgResponseTime,
      country_code: row.countryCode,
      ip_address: row.ipAddress,
      is_escalated: row.isEscalated,
      is_forwarded_to_hr: row.isForwardedToHr,
      language_code: row.languageCode,
      question_category: row.questionCategory,
      sentiment: row.sentiment,
      session_id: row.sessionId,
      token_count: row.tokenCount,
      transcript_link: row.transcriptLink,
      user_rating: row.userRating,
    },
    // Set when the retention policy removed the text (title, messages) or the free-text metadata.
    content_purged_at: row.contentPurgedAt?.toISOString() ?? null,
    metadata_purged_at: row.metadataPurgedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
