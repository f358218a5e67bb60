import type { InvalidateQueryFilters, QueryClient } from "@tanstack/react-query";

/**
 * Marks the matching queries stale and fetches them again, also when a first load is still in
 * flight: `invalidateQueries` alone joins a fetch that started before the change (a query
 * with no data yet is not cancelled), so a list opened just before a save would show the
 * answer from before it. Cancelling first makes the refetch start after the change.
 */
export async function refreshQueries(queryClient: QueryClient, ...filters: InvalidateQueryFilters[]): Promise<void> {
  await Promise.all(
    filters.map(async (filter) => {
      await queryClient.cancelQueries(filter);
      await queryClient.invalidateQueries(filter);
    }),
  );
}
