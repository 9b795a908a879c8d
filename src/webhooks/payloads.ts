// The body of a delivery, made when it is sent: { type, timestamp, data }. Chat events carry the
// chat as the API shows it, without its IP address, and without its title, transcript link and
// messages unless the endpoint asked for content (include_content). A chat deleted meanwhile is
// sent as { id, deleted: true }. The queue holds only ids, so nothing is copied out of `chats`.
import type { AppDeps } from '../http/context.js';
import { endUserView } from '../chats/end-users.js';
import { presentChat } from '../chats/presenter.js';
import * as chats from '../chats/repository.js';
import { presentExport } from '../exports/service.js';
import * as exportsRepo from '../exports/repository.js';
import { listMessages } from '../messages/repository.js';
import { presentMessage } from '../messages/service.js';
import { worksCouncilOn } from '../transcript-access/service.js';

/** Messages a content-carrying chat event holds at most (the first ones). */
const MESSAGES_IN_PAYLOAD = 100;

export interface EventToSend {
  organizationId: number;
  type: string;
  subjectId: number | null;
  data: Record<string, unknown> | null;
  createdAt: Date;
}

async function chatData(deps: AppDeps, event: EventToSend, includeContent: boolean) {
  const row = event.subjectId === null ? undefined : await chats.findChat(deps.db, event.organizationId, event.subjectId);
  if (!row) return { chat: { id: event.subjectId, deleted: true } };
  // The organization's mode when the event is sent: a pseudonym in works-council mode, like every answer.
  const { title, metadata, ...rest } = presentChat(row, (await endUserView(deps.db, event.organizationId)).show);
  const { ip_address: _ip, transcript_link, ...shown } = metadata;
  // Works-council mode (checked when the delivery is made): no title, link or messages, whatever include_content says.
  if (!includeContent || (await worksCouncilOn(deps.db, event.organizationId))) return { chat: { ...rest, metadata: shown } };
  const messages = await listMessages(deps.db, event.organizationId, row.id, MESSAGES_IN_PAYLOAD);
  return { chat: { ...rest, title, metadata: { ...shown, transcript_link } }, messages: messages.slice(0, MESSAGES_IN_PAYLOAD).map(presentMessage) };
}

async function exportData(deps: AppDeps, event: EventToSend) {
  const row = event.subjectId === null ? undefined : await exportsRepo.findJob(deps.db, event.organizationId, event.subjectId);
  if (!row) return { export: { id: event.subjectId, deleted: true } };
  const { filters: _filters, ...shown } = presentExport(row);
  return { export: shown };
}

export async function payloadOf(deps: AppDeps, event: EventToSend, includeContent: boolean): Promise<string> {
  let data: unknown;
  if (event.type.startsWith('chat.')) data = await chatData(deps, event, includeContent);
  else if (event.type === 'export.completed') data = await exportData(deps, event);
  else data = event.data ?? {};
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data });
}
