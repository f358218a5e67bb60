"use client";

import { Dialog } from "../ui/Dialog";
import { CreateOrgForm } from "./CreateOrgForm";

export function CreateOrgDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New organization" description="Projects and members live inside an organization.">
      <CreateOrgForm onCreated={onClose} onCancel={onClose} autoFocus />
    </Dialog>
  );
}
