"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { can, ORG_ROLES, type OrgRole } from "~/domain/roles";
import { useTRPC } from "~/trpc/react";
import { AddMemberForm } from "../members/AddMemberForm";
import { MembersTable, type Member } from "../members/MembersTable";
import { PendingInvitations } from "../members/PendingInvitations";
import { RemoveMemberDialog } from "../members/RemoveMemberDialog";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Skeleton } from "../ui/Skeleton";
import { refreshQueries } from "../lib/refresh";

type OrgMembersProps = { organizationId: string; myRole: OrgRole; currentUserId: string };

export function OrgMembers({ organizationId, myRole, currentUserId }: OrgMembersProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [justSent, setJustSent] = useState<{ id: string; email: string } | null>(null);
  const isAdmin = can.manageOrganization(myRole);
  const members = useQuery(trpc.org.members.list.queryOptions({ organizationId }));
  const invitations = useQuery({ ...trpc.org.members.invitations.queryOptions({ organizationId }), enabled: isAdmin });
  const refresh = () =>
    refreshQueries(queryClient, trpc.org.members.list.pathFilter(), trpc.org.members.invitations.pathFilter(), trpc.org.list.pathFilter());
  const add = useMutation(trpc.org.members.add.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.org.members.revokeInvitation.mutationOptions({ onSuccess: refresh }));
  const changeRole = useMutation(trpc.org.members.changeRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.org.members.remove.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setRemoving(null);
      },
    }),
  );

  // Only owners may grant, change or take away the OWNER role.
  const isRoleAllowed = (role: string) => role !== "OWNER" || myRole === "OWNER";

  if (members.isPending) return <Skeleton className="h-40 w-full" />;
  if (members.error) return <ErrorAlert error={members.error} />;

  return (
    <>
      <MembersTable
        members={members.data}
        roles={ORG_ROLES}
        currentUserId={currentUserId}
        canManage={(m) => isAdmin && isRoleAllowed(m.role)}
        isRoleAllowed={isRoleAllowed}
        onChangeRole={(m, role) => {
          add.reset();
          changeRole.mutate({ organizationId, userId: m.userId, role: role as OrgRole });
        }}
        onRemove={(m) => {
          remove.reset();
          setRemoving(m);
        }}
        busyUserId={changeRole.isPending ? changeRole.variables.userId : null}
      />
      <ErrorAlert error={changeRole.error} className="mt-4" />
      {isAdmin && (
        <>
          <AddMemberForm
            title="Invite someone"
            submitLabel="Invite"
            pendingLabel="Inviting…"
            roles={ORG_ROLES}
            defaultRole="MEMBER"
            isRoleAllowed={isRoleAllowed}
            hint="They join once they accept. No account yet? They can create one from the link."
            pending={add.isPending}
            error={add.error}
            notice={justSent && `Invitation ready for ${justSent.email}: send them the link below.`}
            onAdd={async (email, role) => {
              changeRole.reset();
              setJustSent(null);
              const result = await add.mutateAsync({ organizationId, email, role: role as OrgRole }).catch(() => null);
              if (result?.status === "INVITED") setJustSent({ id: result.invitation.id, email });
              return result !== null;
            }}
          />
          {invitations.error && <ErrorAlert error={invitations.error} className="mt-4" />}
          <PendingInvitations
            invitations={(invitations.data ?? []).map((i) => ({ ...i, role: i.orgRole }))}
            justSent={justSent?.id ?? null}
            revokingId={revoke.isPending ? revoke.variables.invitationId : null}
            onRevoke={(i) => {
              setJustSent(null);
              revoke.mutate({ organizationId, invitationId: i.id });
            }}
          />
          <ErrorAlert error={revoke.error} className="mt-2" />
        </>
      )}
      <RemoveMemberDialog
        member={removing}
        scope="organization"
        onClose={() => setRemoving(null)}
        onConfirm={(m) => remove.mutate({ organizationId, userId: m.userId })}
        pending={remove.isPending}
        error={remove.error}
      />
    </>
  );
}
