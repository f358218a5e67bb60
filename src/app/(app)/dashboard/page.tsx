import type { Metadata } from "next";
import { Suspense } from "react";
import { Dashboard } from "~/components/dashboard/Dashboard";
import { DashboardSkeleton } from "~/components/dashboard/DashboardSkeleton";
import { PageContainer } from "~/components/shell/PageContainer";
import { requireSessionUser } from "~/trpc/server";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const { org } = await searchParams;
  const user = await requireSessionUser(typeof org === "string" ? `/dashboard?org=${encodeURIComponent(org)}` : "/dashboard");
  return (
    <PageContainer>
      <Suspense fallback={<DashboardSkeleton />}>
        <Dashboard userName={user.name ?? ""} />
      </Suspense>
    </PageContainer>
  );
}
