const STATUS_DOT: Record<string, string> = {
  PENDING: "bg-slate-300",
  READY: "bg-sky-400",
  IN_PROGRESS: "bg-amber-400",
  COMPLETED: "bg-emerald-500",
  BLOCKED: "bg-red-500",
};

const STATUS_TEXT: Record<string, string> = {
  PENDING: "Pending",
  READY: "Ready",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  BLOCKED: "Blocked",
};

export function MatrixNodeChip({ label, status }: { label: string; status: string }) {
  return (
    <li
      data-testid="matrix-node"
      title={`${label} (${STATUS_TEXT[status] ?? status})`}
      className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-2 py-1 text-xs text-slate-700 shadow-xs"
    >
      <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${STATUS_DOT[status] ?? "bg-slate-300"}`} />
      <span className="line-clamp-2">{label}</span>
      <span className="sr-only">, {STATUS_TEXT[status] ?? status}</span>
    </li>
  );
}
