"use client";

import { useCallback, useLayoutEffect, useRef } from "react";

/** A ref that holds the value of the last render, set before any event handler can read it. */
export function useLatest<T>(value: T): { readonly current: T } {
  const latest = useRef(value);
  useLayoutEffect(() => {
    latest.current = value;
  });
  return latest;
}

/**
 * A function of stable identity that runs the latest `fn`. For handlers something holds on to
 * (React Flow's props, window listeners, memoised nodes): a new identity would re-render or
 * re-subscribe them, and a stale one would act on an old graph.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useLatest(fn);
  return useCallback((...args: A) => latest.current(...args), [latest]);
}
