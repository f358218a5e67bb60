import { Icon } from "./Icon";

type AlertProps = { tone?: "error" | "success" | "info"; className?: string; children: React.ReactNode };

const TONES = {
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
  info: "border-slate-200 bg-slate-50 text-slate-700",
};

/** Errors interrupt (role="alert"); confirmations and notes are polite (role="status"). */
export function Alert({ tone = "error", className = "", children }: AlertProps) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`flex items-start gap-2 rounded-lg border px-3 py-2 text-sm ${TONES[tone]} ${className}`}
    >
      <Icon name={tone === "error" ? "alert" : tone === "success" ? "check" : "info"} className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
