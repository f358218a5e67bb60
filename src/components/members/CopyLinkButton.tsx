"use client";

import { useState } from "react";
import { Button } from "../ui/Button";

/** Copies an app link (a path on this site) as a full address; says "Copied" for a moment. */
export function CopyLinkButton({ path, label = "Copy link", className = "" }: { path: string; label?: string; className?: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  async function copy() {
    const url = new URL(path, window.location.origin).toString();
    const ok = await navigator.clipboard?.writeText(url).then(
      () => true,
      () => false,
    );
    setCopied(ok ? "yes" : "no");
    window.setTimeout(() => setCopied(null), 2500);
  }
  return (
    <Button size="sm" variant="secondary" onClick={copy} className={className} aria-live="polite">
      {copied === "yes" ? "Copied" : copied === "no" ? "Copy failed: select the link" : label}
    </Button>
  );
}

/** The full address of an app path, for showing beside a copy button (empty until the page runs in a browser). */
export function absoluteLink(path: string) {
  return typeof window === "undefined" ? path : new URL(path, window.location.origin).toString();
}
