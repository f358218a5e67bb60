import type { Metadata } from "next";
import { ActivityPage } from "~/components/activity/ActivityPage";
import { PageContainer } from "~/components/shell/PageContainer";
import { requireSessionUser } from "~/trpc/server";

export const metadata: Metadata = { title: "Activity" };

export default async function ProjectActivityPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireSessionUser(`/projects/${projectId}/activity`);
  return (
    <PageContainer width="narrow">
      <ActivityPage key={projectId} projectId={projectId} />
    </PageContainer>
  );
}
