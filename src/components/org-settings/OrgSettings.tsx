"use client";

import { useQuery } from "@tanstack/react-query";
import { can } from "~/domain/roles";
import { useTRPC } from "~/trpc/react";
import { isNotFound } from "../lib/trpc-errors";
import { PageHeader } from "../shell/PageHeader";
import { Alert } from "../ui/Alert";
import { ButtonLink } from "../ui/ButtonLink";
import { EmptyState } from "../ui/EmptyState";
import { ErrorAlert } from "../ui/ErrorAlert";
import { RoleBadge } from "../ui/RoleBadge";
import { Section } from "../ui/Section";
import { Skeleton } from "../ui/Skeleton";
import { OrgCalendarSection } from "../calendars/OrgCalendarSection";
import { AxesForm } from "./AxesForm";
import { LeaveOrgSection } from "./LeaveOrgSection";
import { OrgGeneralForm } from "./OrgGeneralForm";
import { OrgMembers } from "./OrgMembers";

export function OrgSettings({ organizationId, currentUserId }: { organizationId: string; currentUserId: string }) {
  const trpc = useTRPC();
  const org = useQuery(trpc.org.get.queryOptions({ organizationId }));
  if (org.isPending) return <Skeleton className="h-96 w-full" />;
  if (org.error) {
    if (!isNotFound(org.error)) return <ErrorAlert error={org.error} />;
    return (
      <EmptyState icon="building" title="Organization not found" action={<ButtonLink href="/dashboard">Back to dashboard</ButtonLink>}>
        It may have been deleted, or you are not a member.
      </EmptyState>
    );
  }

  const { id, name, settings, myRole } = org.data;
  const readOnly = !can.manageOrganization(myRole);
  return (
    <>
      <PageHeader
        eyebrow="Organization settings"
        title={
          <span className="flex flex-wrap items-center gap-2">
            {name} <RoleBadge role={myRole} />
          </span>
        }
      />
      {readOnly && (
        <Alert tone="info" className="mb-6">
          Only organization owners and admins can change these settings. You can view them, and leave the organization.
        </Alert>
      )}
      <div className="space-y-6">
        <Section id="general" title="General">
          <OrgGeneralForm
            organizationId={id}
            name={name}
            themeColor={settings.theme_color}
            trashRetentionDays={settings.trash_retention_days ?? 30}
            readOnly={readOnly}
          />
        </Section>
        <Section
          id="axes"
          title="Default matrix axes"
          description="These departments and stages are copied into new projects. Existing projects keep their own."
        >
          <AxesForm organizationId={id} departments={settings.departments} stages={settings.stages} readOnly={readOnly} />
        </Section>
        <Section
          id="calendar"
          title="Working calendar"
          description="Step durations count in working time: 3d is three working days. Departments can have their own calendar (in a project, the department's menu). Waits are elapsed time."
        >
          <OrgCalendarSection organizationId={id} calendar={settings.calendar ?? null} readOnly={readOnly} />
        </Section>
        <Section id="members" title="Members" description="Members see the projects shared with them; owners and admins see all of them.">
          <OrgMembers organizationId={id} myRole={myRole} currentUserId={currentUserId} />
        </Section>
        <LeaveOrgSection organizationId={id} orgName={name} />
      </div>
    </>
  );
}
