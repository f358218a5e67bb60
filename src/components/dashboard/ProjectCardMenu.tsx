"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { can, type ProjectRole } from "~/domain/roles";
import { useTRPC } from "~/trpc/react";
import { refreshQueries } from "../lib/refresh";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Icon } from "../ui/Icon";
import { Menu } from "../ui/Menu";
import { MenuItem } from "../ui/MenuItem";
import { MenuSeparator } from "../ui/MenuSeparator";
import { Spinner } from "../ui/Spinner";

type CardProject = { id: string; name: string; status: "ACTIVE" | "ARCHIVED"; myRole: ProjectRole };

/** The card's "..." menu: open, duplicate (editors), archive or unarchive and delete (owners). */
export function ProjectCardMenu({ project }: { project: CardProject }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const refresh = () =>
    refreshQueries(queryClient, trpc.project.list.pathFilter(), trpc.org.list.pathFilter(), trpc.project.trash.pathFilter());
  const duplicate = useMutation(
    trpc.project.duplicate.mutationOptions({
      onSuccess: async (copy) => {
        await refresh();
        router.push(`/projects/${copy.id}`);
      },
    }),
  );
  const archive = useMutation(trpc.project.archive.mutationOptions({ onSuccess: refresh }));
  const unarchive = useMutation(trpc.project.unarchive.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.project.delete.mutationOptions({
      onSuccess: async () => {
        setDeleting(false);
        await refresh();
      },
    }),
  );
  const input = { projectId: project.id };
  const owner = can.manageProject(project.myRole);
  const busy = duplicate.isPending || archive.isPending || unarchive.isPending;

  return (
    <div className="relative z-10">
      <Menu
        label={`Actions for ${project.name}`}
        align="right"
        triggerTestId="project-card-menu"
        triggerClassName="inline-flex size-7 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800"
        trigger={
          <>
            <span className="sr-only">Actions for {project.name}</span>
            {busy ? <Spinner /> : <Icon name="dots" className="size-5" />}
          </>
        }
      >
        {(close) => (
          <>
            <MenuItem href={`/projects/${project.id}`} onSelect={close}>
              Open
            </MenuItem>
            {can.editGraph(project.myRole) && (
              <MenuItem
                onSelect={() => {
                  close();
                  duplicate.mutate(input);
                }}
              >
                Duplicate
              </MenuItem>
            )}
            {owner && (
              <>
                <MenuItem
                  onSelect={() => {
                    close();
                    if (project.status === "ARCHIVED") unarchive.mutate(input);
                    else archive.mutate(input);
                  }}
                >
                  {project.status === "ARCHIVED" ? "Unarchive" : "Archive"}
                </MenuItem>
                <MenuSeparator />
                <MenuItem
                  onSelect={() => {
                    close();
                    remove.reset();
                    setDeleting(true);
                  }}
                >
                  <span className="text-red-700">Move to trash…</span>
                </MenuItem>
              </>
            )}
          </>
        )}
      </Menu>
      <ErrorAlert error={duplicate.error ?? archive.error ?? unarchive.error} className="absolute top-8 right-0 w-64" />
      <ConfirmDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate(input)}
        title={`Move ${project.name} to the trash?`}
        confirmLabel="Move to trash"
        pendingLabel="Moving…"
        pending={remove.isPending}
        error={remove.error}
      >
        {"Its owners can restore it from the trash until the organization's retention period ends."}
      </ConfirmDialog>
    </div>
  );
}
