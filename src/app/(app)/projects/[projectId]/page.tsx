import type { Metadata } from "next";
import { ProjectView } from "~/components/project/ProjectView";
import { PageContainer } from "~/components/shell/PageContainer";
import { requireSessionUser } from "~/trpc/server";

export const metadata: Metadata = { title: "Project" };

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireSessionUser(`/projects/${projectId}`);
  return (
    <PageContainer width="full">
      <ProjectView key={projectId} projectId={projectId} />
    </PageContainer>
  );
}
