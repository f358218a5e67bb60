"use client";

import { ReceivedInvitations } from "../invitations/ReceivedInvitations";
import { ErrorAlert } from "../ui/ErrorAlert";
import { useCurrentOrg } from "../shell/useCurrentOrg";
import { DashboardSkeleton } from "./DashboardSkeleton";
import { OrgDashboard } from "./OrgDashboard";
import { WelcomeState } from "./WelcomeState";

export function Dashboard({ userName }: { userName: string }) {
  const { orgs, current } = useCurrentOrg();
  if (orgs.isPending) return <DashboardSkeleton />;
  if (orgs.error) return <ErrorAlert error={orgs.error} />;
  return (
    <>
      <ReceivedInvitations />
      {current ? <OrgDashboard key={current.id} org={current} /> : <WelcomeState userName={userName} />}
    </>
  );
}
