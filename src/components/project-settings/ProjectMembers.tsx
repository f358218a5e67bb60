"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PROJECT_ROLES, type ProjectRole } from "~/domain/roles";
import { useTRPC } from "~/trpc/react";
import { AddMemberForm } from "../members/AddMemberForm";
import { MembersTable, type Member } from "../members/MembersTable";
import { RemoveMemberDialog } from "../members/RemoveMemberDialog";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Skeleton } from "../ui/Skeleton";
import { refreshQueries } from "../lib/refresh";

export function ProjectMembers({ projectId, currentUserId }: { projectId: string; currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<Member | null>(null);
  const members = useQuery(trpc.project.members.list.queryOptions({ projectId }));
  const refresh = () => refreshQueries(queryClient, trpc.project.members.list.pathFilter());
  const add = useMutation(trpc.project.members.add.mutationOptions({ onSuccess: refresh }));
  const changeRole = useMutation(trpc.project.members.changeRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.project.members.remove.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setRemoving(null);
      },
    }),
  );

  if (members.isPending) return <Skeleton className="h-40 w-full" />;
  if (members.error) return <ErrorAlert error={members.error} />;

  return (
    <>
      {members.data.length === 0 ? (
        <p className="text-sm text-slate-500">Nobody has been added to this project yet.</p>
      ) : (
        <MembersTable
          members={members.data}
          roles={PROJECT_ROLES}
          currentUserId={currentUserId}
          canManage={() => true}
          onChangeRole={(m, role) => {
            add.reset();
            changeRole.mutate({ projectId, userId: m.userId, role: role as ProjectRole });
          }}
          onRemove={(m) => {
            remove.reset();
            setRemoving(m);
          }}
          busyUserId={changeRole.isPending ? changeRole.variables.userId : null}
        />
      )}
      <ErrorAlert error={changeRole.error} className="mt-4" />
      <AddMemberForm
        roles={PROJECT_ROLES}
        defaultRole="EDITOR"
        hint="People outside the organization join it as members."
        pending={add.isPending}
        error={add.error}
        onAdd={async (email, role) => {
          changeRole.reset();
          const added = await add.mutateAsync({ projectId, email, role: role as ProjectRole }).catch(() => null);
          return added !== null;
        }}
      />
      <RemoveMemberDialog
        member={removing}
        scope="project"
        onClose={() => setRemoving(null)}
        onConfirm={(m) => remove.mutate({ projectId, userId: m.userId })}
        pending={remove.isPending}
        error={remove.error}
      />
    </>
  );
}
