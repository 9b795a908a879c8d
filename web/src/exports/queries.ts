// Export jobs: the list (cursor-paged, polled while a job is unfinished) and starting one.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../api/client';
import type { ExportFormat, ExportJob, ExportType } from '../api/types';

export const EXPORTS_KEY = ['exports'] as const;
const PAGE_SIZE = 20;
/** How often the list is asked again while a job is pending or processing. */
export const POLL_MS = 1000;

interface ExportPage {
  exports: ExportJob[];
  next_cursor: string | null;
}

export const isUnfinished = (job: ExportJob) => job.status === 'pending' || job.status === 'processing';

export function useExports() {
  return useInfiniteQuery({
    queryKey: EXPORTS_KEY,
    queryFn: ({ pageParam }) => get<ExportPage>('/api/v1/exports', { limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.exports.some(isUnfinished)) ? POLL_MS : false),
  });
}

export function useCreateExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { format: ExportFormat; type: ExportType }) => post<{ export_id: number; status: 'pending' }>('/api/v1/exports', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: EXPORTS_KEY }),
  });
}
