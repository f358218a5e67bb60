import type { Metadata } from "next";
import { ProjectView } from "~/components/project/ProjectView";
import { requireSessionUser } from "~/trpc/server";

export const metadata: Metadata = { title: "Project" };

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireSessionUser(`/projects/${projectId}`);
  return (
    // The editor gets the window below the app bar; only the canvas and side panel scroll.
    <main className="flex h-[calc(100dvh-3.5rem-1px)] flex-col px-2 pb-2 sm:px-4 sm:pb-3">
      <ProjectView key={projectId} projectId={projectId} />
    </main>
  );
}
