"use client";

import { createContext, useContext, useMemo, useState } from "react";

/** What the canvas area shows instead of the editable graph: one version, or two compared. */
export type VersionView = { kind: "view"; versionId: string } | { kind: "compare"; from: string; to: string | "current" };

type VersionViewApi = { view: VersionView | null; setView(view: VersionView | null): void };

const VersionViewContext = createContext<VersionViewApi | null>(null);

export function VersionViewProvider({ children }: { children: React.ReactNode }) {
  const [view, setView] = useState<VersionView | null>(null);
  const api = useMemo(() => ({ view, setView }), [view]);
  return <VersionViewContext.Provider value={api}>{children}</VersionViewContext.Provider>;
}

export function useVersionView(): VersionViewApi {
  const api = useContext(VersionViewContext);
  if (!api) throw new Error("useVersionView must be used inside <VersionViewProvider>");
  return api;
}
