"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { Card } from "../ui/Card";
import { Icon } from "../ui/Icon";
import { InvitationActions, InvitationSummary } from "./InvitationCard";

/** On the dashboard: the invitations the signed-in person can still answer (nothing when there are none). */
export function ReceivedInvitations() {
  const trpc = useTRPC();
  const invitations = useQuery(trpc.invitation.mine.queryOptions());
  if (!invitations.data?.length) return null;
  return (
    <section aria-labelledby="received-invitations" className="mb-6">
      <h2 id="received-invitations" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        <Icon name="users" className="size-4 text-brand-600" />
        {invitations.data.length === 1 ? "You have an invitation" : `You have ${invitations.data.length} invitations`}
      </h2>
      <ul className="mt-2 space-y-2">
        {invitations.data.map((invitation) => (
          <li key={invitation.id}>
            <Card
              data-testid="received-invitation"
              className="flex flex-wrap items-center justify-between gap-3 border-brand-100 bg-brand-50/40 px-4 py-3"
            >
              <InvitationSummary invitation={invitation} />
              <InvitationActions invitation={invitation} />
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
