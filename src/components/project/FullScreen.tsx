"use client";

import { createContext, useCallback, useContext, useMemo, useState } from "react";
import { ToolButton } from "../canvas/toolbar/ToolButton";

type FullScreen = { on: boolean; toggle: () => void };

const FullScreenContext = createContext<FullScreen>({ on: false, toggle: () => {} });

/** Whether the editor covers the whole window (app bar and project header hidden). */
export function useFullScreen() {
  return useContext(FullScreenContext);
}

export function FullScreenProvider({ children }: { children: React.ReactNode }) {
  const [on, setOn] = useState(false);
  const toggle = useCallback(() => setOn((v) => !v), []);
  const value = useMemo(() => ({ on, toggle }), [on, toggle]);
  return <FullScreenContext.Provider value={value}>{children}</FullScreenContext.Provider>;
}

export function FullScreenButton() {
  const { on, toggle } = useFullScreen();
  const label = on ? "Exit full screen" : "Full screen";
  return (
    <ToolButton label={label} shortcut="F" iconOnly aria-pressed={on} onClick={toggle} data-testid="full-screen-toggle">
      <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" className="size-4" aria-hidden>
        {on ? <path d="M8 3v5H3M12 3v5h5M8 17v-5H3M12 17v-5h5" /> : <path d="M3 8V3h5M17 8V3h-5M3 12v5h5M17 12v5h-5" />}
      </svg>
    </ToolButton>
  );
}
