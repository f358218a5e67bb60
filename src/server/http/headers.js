/**
 * Response headers every page and API route carries, set by next.config.mjs (static, no
 * per-request work). The page Content-Security-Policy needs a fresh nonce per response and
 * comes from src/proxy.ts instead.
 */

/** @type {{ key: string; value: string }[]} */
export const COMMON_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** API responses are data, never documents: they load nothing and may not be framed. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Sent only when a proxy in front says the request came over https. */
export const HSTS = "max-age=31536000; includeSubDomains";
