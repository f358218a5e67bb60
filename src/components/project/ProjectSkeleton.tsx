import { Skeleton } from "../ui/Skeleton";

export function ProjectSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading project" className="flex min-h-0 flex-1 flex-col">
      <Skeleton className="my-3 h-5 w-72 max-w-full" />
      <Skeleton className="min-h-0 w-full flex-1 rounded-xl" />
    </div>
  );
}
