import { Skeleton } from "../ui/Skeleton";

export function ProjectSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading project">
      <Skeleton className="h-4 w-48" />
      <Skeleton className="mt-3 h-8 w-72" />
      <Skeleton className="mt-3 h-4 w-96 max-w-full" />
      <Skeleton className="mt-8 h-96 w-full rounded-lg" />
    </div>
  );
}
