import type { Metadata } from "next";
import { ProjectSettings } from "~/components/project-settings/ProjectSettings";
import { PageContainer } from "~/components/shell/PageContainer";
import { requireSessionUser } from "~/trpc/server";

export const metadata: Metadata = { title: "Project settings" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const user = await requireSessionUser(`/projects/${projectId}/settings`);
  return (
    <PageContainer width="narrow">
      <ProjectSettings key={projectId} projectId={projectId} currentUserId={user.id} />
    </PageContainer>
  );
}
