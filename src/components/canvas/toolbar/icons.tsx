const PATHS = {
  undo: "M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11",
  redo: "m15 14 5-5-5-5m5 5H9.5a5.5 5.5 0 0 0 0 11H13",
  legend: "M4 6h.01M4 12h.01M4 18h.01M8 6h12M8 12h12M8 18h12",
  tidy: "M4 5h5v5H4zM15 5h5v5h-5zM15 14h5v5h-5zM9 7.5h6M17.5 10v4",
  cloudCheck: "M7 18a4.5 4.5 0 0 1-.5-8.97A6 6 0 0 1 18 9a4 4 0 0 1 0 9H7Zm2.5-4.5 2 2 3.5-3.5",
  cloudOff: "m3 3 18 18M8.5 8.6A4.5 4.5 0 0 0 7 18h11m2.6-1.9A4 4 0 0 0 18 9a6 6 0 0 0-8.2-3.6",
} as const;

export type ToolbarIconName = keyof typeof PATHS;

export function ToolbarIcon({ name, className = "size-4" }: { name: ToolbarIconName; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
