"use client";

import { Button } from "../ui/Button";
import { useVersionView } from "./VersionViewContext";

/** The strip above a look-back or compare canvas; it always offers the way back. */
export function VersionBanner({ children }: { children: React.ReactNode }) {
  const { setView } = useVersionView();
  return (
    <div
      role="status"
      data-testid="version-banner"
      className="flex min-h-11 shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-sm text-amber-950"
    >
      <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-1">{children}</div>
      <Button size="sm" variant="secondary" onClick={() => setView(null)}>
        Back to editing
      </Button>
    </div>
  );
}
