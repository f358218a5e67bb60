"use client";

import { useQuery } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTRPC } from "~/trpc/react";
import { domainCodeOf, isNotFound } from "../lib/trpc-errors";
import { absoluteTime } from "../lib/format";
import { Button } from "../ui/Button";
import { ButtonLink } from "../ui/ButtonLink";
import { Card } from "../ui/Card";
import { ErrorAlert } from "../ui/ErrorAlert";
import { Icon } from "../ui/Icon";
import { Skeleton } from "../ui/Skeleton";
import { InvitationActions, InvitationSummary, type ReceivedInvitation } from "./InvitationCard";

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card className="mt-10 p-6" data-testid="invitation-answer">
      <div className="flex items-start gap-3">
        <span className="inline-flex size-10 shrink-0 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
          <Icon name="users" className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
          <div className="mt-2 space-y-4">{children}</div>
        </div>
      </div>
    </Card>
  );
}

function askAgain(invitation: ReceivedInvitation) {
  return invitation.invitedByName ? `ask ${invitation.invitedByName} for a new one` : "ask for a new one";
}

function Answered({ invitation }: { invitation: ReceivedInvitation }) {
  const where = invitation.project ? `/projects/${invitation.project.id}` : `/dashboard?org=${invitation.organization.id}`;
  switch (invitation.state) {
    case "ACCEPTED":
      return (
        <Frame title="You have joined">
          <InvitationSummary invitation={invitation} />
          <ButtonLink href={where} variant="primary">
            Open {invitation.project?.name ?? invitation.organization.name}
          </ButtonLink>
        </Frame>
      );
    case "DECLINED":
      return (
        <Frame title="You declined this invitation">
          <InvitationSummary invitation={invitation} />
          <p className="text-sm text-slate-600">If you change your mind, {askAgain(invitation)}.</p>
          <ButtonLink href="/dashboard">Go to the dashboard</ButtonLink>
        </Frame>
      );
    case "REVOKED":
      return (
        <Frame title="This invitation was withdrawn">
          <p className="text-sm text-slate-600">It can no longer be accepted. If you still need access, {askAgain(invitation)}.</p>
          <ButtonLink href="/dashboard">Go to the dashboard</ButtonLink>
        </Frame>
      );
    case "EXPIRED":
      return (
        <Frame title="This invitation has expired">
          <InvitationSummary invitation={invitation} />
          <p className="text-sm text-slate-600">
            It could be accepted until {absoluteTime(invitation.expiresAt)}; {askAgain(invitation)}.
          </p>
          <ButtonLink href="/dashboard">Go to the dashboard</ButtonLink>
        </Frame>
      );
    case "GONE":
      return (
        <Frame title="This invitation is for something that was deleted">
          <p className="text-sm text-slate-600">The organization or project it was for no longer exists.</p>
          <ButtonLink href="/dashboard">Go to the dashboard</ButtonLink>
        </Frame>
      );
    default:
      return (
        <Frame title="You are invited">
          <InvitationSummary invitation={invitation} />
          <p className="text-sm text-slate-600">Accept to join; nothing changes until you do.</p>
          <InvitationActions invitation={invitation} />
        </Frame>
      );
  }
}

/** The invitation link's page: who invited you to what, and Accept / Decline (or why it can no longer be answered). */
export function InvitationAnswer({ invitationId, signedInAs }: { invitationId: string; signedInAs: string }) {
  const trpc = useTRPC();
  const invitation = useQuery({ ...trpc.invitation.get.queryOptions({ invitationId }), retry: false });
  if (invitation.isPending) return <Skeleton className="mt-10 h-40 w-full" />;
  if (invitation.error) {
    if (domainCodeOf(invitation.error) === "WRONG_ACCOUNT") {
      return (
        <Frame title="This invitation is for someone else">
          <p className="text-sm text-slate-600">
            It was sent to a different email address than the one you are signed in with ({signedInAs}). Sign in with the address it was
            sent to, or create an account with it, to answer it.
          </p>
          <Button onClick={() => void signOut({ callbackUrl: `/login?from=${encodeURIComponent(`/invitations/${invitationId}`)}` })}>
            Sign in with another account
          </Button>
        </Frame>
      );
    }
    if (isNotFound(invitation.error)) {
      return (
        <Frame title="Invitation not found">
          <p className="text-sm text-slate-600">Check that the link was copied in full, or ask for a new invitation.</p>
          <ButtonLink href="/dashboard">Go to the dashboard</ButtonLink>
        </Frame>
      );
    }
    return <ErrorAlert error={invitation.error} className="mt-10" />;
  }
  return <Answered invitation={invitation.data} />;
}
