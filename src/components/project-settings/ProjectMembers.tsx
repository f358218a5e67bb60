"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PROJECT_ROLES, type ProjectRole } from "~/domain/roles";
import { useTRPC } from "~/trpc/react";
import { roleLabel } from "../lib/format";
import { AddMemberForm } from "../members/AddMemberForm";
import { MembersTable, type Member } from "../members/MembersTable";
import { PendingInvitations } from "../members/PendingInvitations";
import { RemoveMemberDialog } from "../members/RemoveMemberDialog";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Skeleton } from "../ui/Skeleton";
import { refreshQueries } from "../lib/refresh";

export function ProjectMembers({ projectId, currentUserId }: { projectId: string; currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [notice, setNotice] = useState<{ text: string; invitationId: string | null } | null>(null);
  const members = useQuery(trpc.project.members.list.queryOptions({ projectId }));
  const invitations = useQuery(trpc.project.members.invitations.queryOptions({ projectId }));
  const refresh = () => refreshQueries(queryClient, trpc.project.members.list.pathFilter(), trpc.project.members.invitations.pathFilter());
  const add = useMutation(trpc.project.members.add.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.project.members.revokeInvitation.mutationOptions({ onSuccess: refresh }));
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
        hint="Members of the organization are added at once. Anyone else gets an invitation to join it and this project."
        pending={add.isPending}
        error={add.error}
        notice={notice?.text}
        onAdd={async (email, role) => {
          changeRole.reset();
          setNotice(null);
          const result = await add.mutateAsync({ projectId, email, role: role as ProjectRole }).catch(() => null);
          if (!result) return false;
          setNotice(
            result.status === "ADDED"
              ? { text: `${result.member.name} was added as ${roleLabel(result.member.role).toLowerCase()}.`, invitationId: null }
              : { text: `Invitation ready for ${email}: send them the link below.`, invitationId: result.invitation.id },
          );
          return true;
        }}
      />
      {invitations.error && <ErrorAlert error={invitations.error} className="mt-4" />}
      <PendingInvitations
        invitations={(invitations.data ?? []).map((i) => ({ ...i, role: i.projectRole ?? i.orgRole }))}
        justSent={notice?.invitationId ?? null}
        revokingId={revoke.isPending ? revoke.variables.invitationId : null}
        onRevoke={(i) => {
          setNotice(null);
          revoke.mutate({ projectId, invitationId: i.id });
        }}
      />
      <ErrorAlert error={revoke.error} className="mt-2" />
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
