"use client";

import { useCallback, useSyncExternalStore } from "react";

/** Same-tab writers tell their readers directly; other tabs hear about it through "storage". */
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/**
 * An on/off preference remembered in localStorage. The server (and the first client render,
 * so hydration matches) sees `fallback`; where storage is blocked it lasts for the page only.
 */
export function useStoredFlag(key: string, fallback = false): [boolean, (on: boolean) => void] {
  const read = () => {
    const stored = readStorage(key);
    return stored === null ? fallback : stored === "1";
  };
  const on = useSyncExternalStore(subscribe, read, () => fallback);
  const set = useCallback(
    (next: boolean) => {
      writeStorage(key, next ? "1" : "0");
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [on, set];
}

/** Values kept here when localStorage throws (private modes, storage disabled). */
const memory = new Map<string, string>();

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function writeStorage(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    memory.set(key, value);
  }
}
