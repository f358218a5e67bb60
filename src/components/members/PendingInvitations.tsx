"use client";

import { INVITATION_DAYS } from "~/domain/invitations";
import { relativeTime, roleLabel } from "../lib/format";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { absoluteLink, CopyLinkButton } from "./CopyLinkButton";

export type PendingInvitation = {
  id: string;
  email: string;
  role: string;
  invitedByName: string | null;
  expiresAt: Date;
  expired: boolean;
  path: string;
};

type PendingInvitationsProps = {
  invitations: PendingInvitation[];
  /** The invitation just sent: its link is shown in full, ready to copy. */
  justSent: string | null;
  onRevoke: (invitation: PendingInvitation) => void;
  revokingId: string | null;
};

/** Invitations nobody has answered yet, each with its link to send and a way to withdraw it. */
export function PendingInvitations({ invitations, justSent, onRevoke, revokingId }: PendingInvitationsProps) {
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="pending-invitations" className="mt-6">
      <h3 id="pending-invitations" className="text-sm font-semibold text-slate-900">
        Waiting for an answer
      </h3>
      <p className="mt-0.5 text-sm text-slate-500">
        FlowMatrix sends no email: copy each link and send it to the person yourself. A link works for {INVITATION_DAYS} days.
      </p>
      <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200">
        {invitations.map((invitation) => (
          <li key={invitation.id} data-testid="invitation-row" className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 text-sm">
            <div className="min-w-48 flex-1">
              <p className="truncate font-medium text-slate-900">{invitation.email}</p>
              <p className="text-slate-500">
                {roleLabel(invitation.role)}
                {invitation.invitedByName && ` · invited by ${invitation.invitedByName}`}
                {" · "}
                {invitation.expired ? (
                  <Badge tone="amber">Expired</Badge>
                ) : (
                  <span title={invitation.expiresAt.toLocaleString()}>expires {relativeTime(invitation.expiresAt)}</span>
                )}
              </p>
            </div>
            <div className="flex shrink-0 gap-2">
              <CopyLinkButton path={invitation.path} />
              <Button
                size="sm"
                variant="dangerGhost"
                pending={revokingId === invitation.id}
                onClick={() => onRevoke(invitation)}
                aria-label={`Withdraw the invitation for ${invitation.email}`}
              >
                Withdraw
              </Button>
            </div>
            {invitation.id === justSent && (
              <label className="block w-full text-slate-600">
                <span className="sr-only">Invitation link for {invitation.email}</span>
                <input
                  readOnly
                  data-testid="invitation-link"
                  value={absoluteLink(invitation.path)}
                  onFocus={(e) => e.currentTarget.select()}
                  className="w-full rounded-md border border-emerald-200 bg-emerald-50 px-2 py-1 font-mono text-xs text-emerald-900"
                />
              </label>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
