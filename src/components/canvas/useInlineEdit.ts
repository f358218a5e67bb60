"use client";

import { useEffect, useRef, useState } from "react";

/**
 * An input that edits one name in place: focused and selected on mount; Enter or leaving the
 * field finishes with the value, Esc with null; finishes once. Keys never reach the canvas.
 */
export function useInlineEdit(initial: string, onFinish: (value: string | null) => void) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (next: string | null) => {
    if (done.current) return;
    done.current = true;
    onFinish(next);
  };
  return {
    ref,
    value,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setValue(e.target.value),
    onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => {
      e.stopPropagation();
      if (e.key === "Enter") finish(value);
      else if (e.key === "Escape") finish(null);
    },
    onBlur: () => finish(value),
  };
}
