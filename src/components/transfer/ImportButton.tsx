"use client";

import { useState } from "react";
import { Button } from "../ui/Button";
import { Icon } from "../ui/Icon";
import { ImportDialog } from "./ImportDialog";

export function ImportButton({ organizationId }: { organizationId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="import-projects">
        <Icon name="restore" />
        Import
      </Button>
      <ImportDialog organizationId={organizationId} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
