/** Small stroke icons used on the canvas (the app's Icon set has no process glyphs). */
const GLYPHS = {
  bolt: "M13 2 4 14h7l-1 8 9-12h-7l1-8Z",
  play: "M7 4.5v15l12-7.5-12-7.5Z",
  diamond: "M12 2.5 21.5 12 12 21.5 2.5 12 12 2.5Z",
  document: "M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5Zm0 0v5h5M9 13h6M9 17h4",
  clock: "M12 7v5l3 2m6-2a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z",
  comment: "M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.4A8 8 0 1 1 21 12Z",
  flame:
    "M12 22c4 0 7-2.7 7-6.8 0-4-2.7-6.2-4-8.7-.6 2.1-1.6 3.2-3 3.5.6-3-.6-5.9-3-8-.2 3.2-1.8 5-3.3 6.9C4.5 10.5 5 12.5 5 15.2 5 19.3 8 22 12 22Z",
  gauge: "M12 14l4-4M4.9 19a9 9 0 1 1 14.2 0",
  grip: "M9 5h.01M15 5h.01M9 12h.01M15 12h.01M9 19h.01M15 19h.01",
  dots: "M5 12h.01M12 12h.01M19 12h.01",
} as const;

export type GlyphName = keyof typeof GLYPHS;

export function Glyph({ name, className = "size-4", strokeWidth = 2 }: { name: GlyphName; className?: string; strokeWidth?: number }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden="true"
    >
      <path d={GLYPHS[name]} />
    </svg>
  );
}
