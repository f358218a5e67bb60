/**
 * The HTTP-level rules that need code: which scripts a page may run (src/proxy.ts) and which
 * requests may reach a procedure (the tRPC route). Fixed headers are in ./headers.js.
 */

/**
 * Request bodies above this are refused before they are read. The largest legitimate body is
 * an import file (at most MAX_IMPORT_CHARS in domain/interchange/limits.ts, 20 MB) sent as a JSON string, where escaping can
 * grow it; the dialog refuses larger files before sending.
 */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

/**
 * The policy for pages: scripts only with this response's nonce (Next.js puts it on its own
 * scripts) or loaded by them; no eval outside development (React uses it there for error
 * stacks); styles from the app and inline (React Flow and the charts position by style
 * attributes); nothing may frame the app.
 */
export function pagePolicy({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a request that could change data is refused, or null to let it through: a browser
 * sends Origin with every cross-origin POST, so one naming another site is a forged request
 * (the session cookie would ride along). Requests without Origin (curl, server to server)
 * carry no ambient browser credentials of another site and pass.
 */
export function forgedOrigin(method: string, origin: string | null, host: string | null): string | null {
  if (SAFE_METHODS.has(method.toUpperCase()) || origin === null) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "The request's Origin header is not a URL";
  }
  if (host === null || originHost.toLowerCase() !== host.toLowerCase()) return "Requests from other sites may not change data here";
  return null;
}

/** Why a body is refused by its declared length, or null. */
export function oversizeBody(contentLength: string | null): string | null {
  if (contentLength === null) return null;
  const bytes = Number(contentLength);
  if (!Number.isFinite(bytes) || bytes < 0) return "The request's Content-Length is not a size";
  return bytes > MAX_BODY_BYTES ? `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB` : null;
}
