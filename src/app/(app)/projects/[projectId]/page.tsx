import type { Metadata } from "next";
import { ProjectView } from "~/components/project/ProjectView";
import { getQueryClient, HydrateClient, serverTrpc } from "~/trpc/prefetch";
import { requireSessionUser } from "~/trpc/server";

export const metadata: Metadata = { title: "Project" };

/** Up to this many steps the graph comes with the page; a larger one loads in the browser, behind the skeleton. */
const PREFETCH_MAX_STEPS = 1000;

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireSessionUser(`/projects/${projectId}`);
  // The project and (when small) its graph are read here, so the editor opens without waiting
  // for them. A project the person cannot open is left to the browser, which says so.
  const queryClient = getQueryClient();
  const project = await queryClient.fetchQuery(serverTrpc.project.get.queryOptions({ projectId })).catch(() => null);
  if (project && project.nodes.length <= PREFETCH_MAX_STEPS)
    await queryClient.prefetchQuery(serverTrpc.graph.get.queryOptions({ projectId }));
  return (
    // The editor gets the window below the app bar; only the canvas and side panel scroll.
    <main className="flex h-[calc(100dvh-3.5rem-1px)] flex-col px-2 pb-2 sm:px-4 sm:pb-3">
      <HydrateClient>
        <ProjectView key={projectId} projectId={projectId} />
      </HydrateClient>
    </main>
  );
}
