import { useRun, useRuns } from './use-monitoring.ts';

/** The newest run of a framework (the pages show the latest unless one is chosen). */
export function useLatestRun(framework: string, chosen?: string) {
  const runs = useRuns(framework);
  const id = chosen ?? runs.data?.items[0]?.id;
  const run = useRun(id);
  return { runs, run, id };
}
