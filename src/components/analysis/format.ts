/** 0.0273 -> "2.7%", 0.52 -> "52%", null -> "–". Small shares keep a decimal so they do not read as 0%. */
export function percent(share: number | null): string {
  if (share === null) return "–";
  const value = share * 100;
  if (value > 0 && value < 10) return `${value.toFixed(1)}%`;
  return `${Math.round(value)}%`;
}

/** "Tue, 8 Dec 2026, 16:00" in the browser's time zone. */
export const when = (iso: string) =>
  new Date(iso).toLocaleString("en", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
