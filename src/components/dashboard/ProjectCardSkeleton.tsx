import { Card } from "../ui/Card";
import { Skeleton } from "../ui/Skeleton";

export function ProjectCardSkeleton() {
  return (
    <Card className="p-5" aria-hidden="true">
      <div className="flex justify-between gap-4">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-5 w-14 rounded-full" />
      </div>
      <Skeleton className="mt-4 h-3.5 w-full" />
      <Skeleton className="mt-2 h-3.5 w-2/3" />
      <Skeleton className="mt-6 h-2 w-full rounded-full" />
      <Skeleton className="mt-4 h-3 w-32" />
    </Card>
  );
}
