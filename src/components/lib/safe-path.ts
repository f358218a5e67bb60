/** Only same-site paths are followed after sign-in, so `?from=` cannot send people elsewhere. */
export function safeFromPath(from: string | string[] | undefined, fallback = "/dashboard"): string {
  const path = Array.isArray(from) ? from[0] : from;
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
