// Server state of the chats pages: the explorer's list (cursor pages, the total on the first), one
// chat with its transcript, and the mutations that change a chat.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, del, get, patch } from '../api/client';
import type { Chat, ChatList, ChatWithMessages, Message } from '../api/types';

export const PAGE_SIZE = 50;
export type ListQuery = Record<string, string>;

/** The explorer's chats: "Load more" asks for the next page with the previous page's next_cursor. */
export function useChatList(query: ListQuery) {
  return useInfiniteQuery({
    queryKey: ['chats', 'list', query],
    queryFn: ({ pageParam }) =>
      get<ChatList>('/api/v1/chats', { ...query, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : { include_total: true }) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    // While another view loads, the previous rows stay (dimmed) instead of the table jumping away.
    placeholderData: keepPreviousData,
  });
}

export const chatKey = (id: string) => ['chats', 'detail', id] as const;

export function useChat(id: string) {
  return useQuery({
    queryKey: chatKey(id),
    queryFn: async () => {
      const path = `/api/v1/chats/${encodeURIComponent(id)}`;
      try {
        return await get<ChatWithMessages>(path, { include_messages: true });
      } catch (err) {
        // Works-council mode without an approved access request: the chat without its transcript.
        if (!(err instanceof ApiError && err.code === 'transcript_access_required')) throw err;
        return { ...(await get<ChatWithMessages>(path)), transcript_closed: err.message };
      }
    },
  });
}

export function fetchMessages(id: string, cursor: string) {
  return get<{ messages: Message[]; next_cursor: string | null }>(`/api/v1/chats/${encodeURIComponent(id)}/messages`, { cursor, limit: 1000 });
}

/** Tag changes answer the chat (without messages); the transcript already loaded is kept. */
export function useTagChange(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { add_tags?: string[]; remove_tags?: string[] }) => patch<Chat>(`/api/v1/chats/${encodeURIComponent(id)}`, change),
    onSuccess: (chat) => {
      queryClient.setQueryData<ChatWithMessages>(chatKey(id), (old) => (old ? { ...old, ...chat } : chat));
      void queryClient.invalidateQueries({ queryKey: ['chats', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['tags'] });
    },
  });
}

export function useDeleteChat(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => del<void>(`/api/v1/chats/${encodeURIComponent(id)}`),
    onSuccess: () => {
      // Not refetched now (the page is leaving); opened again, it reads "Chat not found".
      void queryClient.invalidateQueries({ queryKey: chatKey(id), refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: ['chats', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['any-chat'] });
    },
  });
}

/** The organization's tags, most used first (suggestions for filters and tag editing). */
export function useTags(enabled = true) {
  return useQuery({
    queryKey: ['tags'],
    queryFn: () => get<Array<{ tag: string; chat_count: number }>>('/api/v1/tags'),
    staleTime: 60_000,
    enabled,
  });
}
