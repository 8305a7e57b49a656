// Listing import over HTTP: start a job with the file, poll it while it runs.
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client.ts';
import { postFile } from './post-file.ts';

export type MarketImportJob = {
  id: string; status: 'running' | 'finished' | 'failed'; fileName: string; publish: 'draft' | 'published'; totalBytes: number; readBytes: number;
  rowsRead: number; rowsImported: number; rowsFailed: number; error: { code: string; message: string; message_en: string } | null;
};

export function useMarketImportJob(id: string | null) {
  return useQuery({
    queryKey: ['market', 'import', id],
    enabled: id !== null,
    queryFn: () => api<MarketImportJob>('GET', `/market/imports/${id}`),
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
  });
}

export function useStartMarketImport() {
  return useMutation({
    mutationFn: ({ file, publish }: { file: File; publish: boolean }) =>
      postFile<MarketImportJob>(`/market/imports?fileName=${encodeURIComponent(file.name)}${publish ? '&publish=true' : ''}`, file),
  });
}
