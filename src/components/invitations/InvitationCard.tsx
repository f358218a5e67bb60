"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { refreshQueries } from "../lib/refresh";
import { relativeTime, roleLabel } from "../lib/format";
import { Button } from "../ui/Button";
import { ErrorAlert } from "../ui/ErrorAlert";

export type ReceivedInvitation = inferRouterOutputs<AppRouter>["invitation"]["get"];

/** "Dana invited you to the project Hiring in Acme as editor." */
export function InvitationSummary({ invitation }: { invitation: ReceivedInvitation }) {
  const who = invitation.invitedByName ?? "Someone";
  const role = roleLabel(invitation.projectRole ?? invitation.orgRole).toLowerCase();
  return (
    <p className="text-sm text-slate-700">
      <span className="font-medium text-slate-900">{who}</span> invited you to{" "}
      {invitation.project ? (
        <>
          the project <span className="font-medium text-slate-900">{invitation.project.name}</span> in{" "}
          <span className="font-medium text-slate-900">{invitation.organization.name}</span>
        </>
      ) : (
        <>
          join <span className="font-medium text-slate-900">{invitation.organization.name}</span>
        </>
      )}{" "}
      as {role}.
    </p>
  );
}

/** Accept and Decline for one pending invitation; accepting opens what it was for. */
export function InvitationActions({ invitation, onDeclined }: { invitation: ReceivedInvitation; onDeclined?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const refresh = () =>
    refreshQueries(queryClient, trpc.invitation.mine.pathFilter(), trpc.invitation.get.pathFilter(), trpc.org.list.pathFilter());
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: async (joined) => {
        await refresh();
        router.push(joined.project ? `/projects/${joined.project.id}` : `/dashboard?org=${joined.organization.id}`);
      },
    }),
  );
  const decline = useMutation(
    trpc.invitation.decline.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDeclined?.();
      },
    }),
  );
  const busy = accept.isPending || decline.isPending || accept.isSuccess;
  const target = invitation.project?.name ?? invitation.organization.name;
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          pending={accept.isPending || accept.isSuccess}
          disabled={busy}
          onClick={() => accept.mutate({ invitationId: invitation.id })}
          aria-label={`Accept the invitation to ${target}`}
        >
          {accept.isPending || accept.isSuccess ? "Joining…" : "Accept"}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          pending={decline.isPending}
          disabled={busy}
          onClick={() => decline.mutate({ invitationId: invitation.id })}
          aria-label={`Decline the invitation to ${target}`}
        >
          Decline
        </Button>
        <span className="text-xs text-slate-500" title={invitation.expiresAt.toLocaleString()}>
          Expires {relativeTime(invitation.expiresAt)}
        </span>
      </div>
      <ErrorAlert error={accept.error ?? decline.error} className="mt-2" />
    </div>
  );
}
