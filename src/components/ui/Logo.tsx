const LIT = new Set(["0-0", "1-0", "1-1", "1-2", "2-2"]);

type LogoProps = { className?: string; showText?: boolean };

/** The FlowMatrix mark: a 3×3 matrix with one lit path through it. */
export function Logo({ className = "", showText = true }: LogoProps) {
  return (
    <span className={`inline-flex items-center gap-2 ${className}`}>
      <svg viewBox="0 0 32 32" className="size-7 shrink-0" aria-hidden="true">
        <rect width="32" height="32" rx="7" className="fill-brand-600" />
        {[0, 1, 2].flatMap((row) =>
          [0, 1, 2].map((col) => {
            const lit = LIT.has(`${row}-${col}`);
            return (
              <rect
                key={`${row}-${col}`}
                x={6 + col * 7.5}
                y={6 + row * 7.5}
                width="5"
                height="5"
                rx="1.2"
                className={lit ? "fill-white" : "fill-white/35"}
              />
            );
          }),
        )}
      </svg>
      {showText && <span className="text-lg font-semibold tracking-tight text-slate-900">FlowMatrix</span>}
    </span>
  );
}
