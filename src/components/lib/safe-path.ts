const BASE = "http://flowmatrix.invalid";

/**
 * Only same-site paths are followed after sign-in, so `?from=` cannot send people elsewhere.
 * Browsers drop tabs and newlines from a URL and read `\` as `/`, so `/\t/evil.example` and
 * `/\evil.example` would become `//evil.example`: anything with a control character, a space
 * or a backslash is refused, and what is left must resolve to this site.
 */
export function safeFromPath(from: string | string[] | undefined, fallback = "/dashboard"): string {
  const path = Array.isArray(from) ? from[0] : from;
  if (!path || !path.startsWith("/") || /[\u0000-\u0020\u007f\\]/.test(path)) return fallback;
  let url: URL;
  try {
    url = new URL(path, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || path.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
