import type { Metadata } from "next";
import { OrgSettings } from "~/components/org-settings/OrgSettings";
import { PageContainer } from "~/components/shell/PageContainer";
import { requireSessionUser } from "~/trpc/server";

export const metadata: Metadata = { title: "Organization settings" };

export default async function OrgSettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requireSessionUser(`/orgs/${orgId}/settings`);
  return (
    <PageContainer width="narrow">
      <OrgSettings key={orgId} organizationId={orgId} currentUserId={user.id} />
    </PageContainer>
  );
}
