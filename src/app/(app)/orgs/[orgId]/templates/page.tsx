import type { Metadata } from "next";
import { PageContainer } from "~/components/shell/PageContainer";
import { TemplateGallery } from "~/components/templates/TemplateGallery";
import { requireSessionUser } from "~/trpc/server";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  await requireSessionUser(`/orgs/${orgId}/templates`);
  return (
    <PageContainer>
      <TemplateGallery key={orgId} organizationId={orgId} />
    </PageContainer>
  );
}
