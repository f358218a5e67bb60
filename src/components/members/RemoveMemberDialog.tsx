"use client";

import { ConfirmDialog } from "../ui/ConfirmDialog";
import type { Member } from "./MembersTable";

type RemoveMemberDialogProps = {
  member: Member | null;
  scope: "organization" | "project";
  onClose: () => void;
  onConfirm: (member: Member) => void;
  pending: boolean;
  error: unknown;
};

export function RemoveMemberDialog({ member, scope, onClose, onConfirm, pending, error }: RemoveMemberDialogProps) {
  return (
    <ConfirmDialog
      open={member !== null}
      onClose={onClose}
      onConfirm={() => member && onConfirm(member)}
      title={`Remove ${member?.name ?? "member"}?`}
      confirmLabel="Remove"
      pendingLabel="Removing…"
      pending={pending}
      error={error}
    >
      {scope === "organization"
        ? `${member?.email} will lose access to this organization and all of its projects.`
        : `${member?.email} will lose access to this project. They stay a member of the organization.`}
    </ConfirmDialog>
  );
}
