import { Skeleton } from "../ui/Skeleton";
import { ProjectCardSkeleton } from "./ProjectCardSkeleton";

export function DashboardSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading dashboard">
      <Skeleton className="h-4 w-28" />
      <Skeleton className="mt-3 h-7 w-64" />
      <Skeleton className="mt-8 h-10 w-full max-w-2xl" />
      <div className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <ProjectCardSkeleton key={i} />
        ))}
      </div>
    </div>
  );
}
