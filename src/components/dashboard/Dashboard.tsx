"use client";

import { ErrorAlert } from "../ui/ErrorAlert";
import { useCurrentOrg } from "../shell/useCurrentOrg";
import { DashboardSkeleton } from "./DashboardSkeleton";
import { OrgDashboard } from "./OrgDashboard";
import { WelcomeState } from "./WelcomeState";

export function Dashboard({ userName }: { userName: string }) {
  const { orgs, current } = useCurrentOrg();
  if (orgs.isPending) return <DashboardSkeleton />;
  if (orgs.error) return <ErrorAlert error={orgs.error} />;
  if (!current) return <WelcomeState userName={userName} />;
  return <OrgDashboard key={current.id} org={current} />;
}
