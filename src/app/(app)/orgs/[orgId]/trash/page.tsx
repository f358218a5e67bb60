import type { Metadata } from "next";
import { PageContainer } from "~/components/shell/PageContainer";
import { TrashList } from "~/components/trash/TrashList";
import { requireSessionUser } from "~/trpc/server";

export const metadata: Metadata = { title: "Trash" };

export default async function TrashPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  await requireSessionUser(`/orgs/${orgId}/trash`);
  return (
    <PageContainer width="narrow">
      <TrashList key={orgId} organizationId={orgId} />
    </PageContainer>
  );
}
