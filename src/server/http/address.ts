import { isIP } from "node:net";

/**
 * The caller's address, for per-address limits and the activity log. X-Forwarded-For is a
 * list each proxy appends to, so only its right-hand end is trustworthy: with TRUSTED_PROXIES
 * proxies in front (default 1: the platform's, or Next.js itself, which fills the header in
 * when none came), the client is that many entries from the end. Entries to the left of it
 * are whatever the client claimed. Anything that is not an IP address counts as unknown.
 */
export function clientAddress(header: (name: string) => string | null | undefined): string | null {
  const entries = (header("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = trustedProxies();
  const forwarded = entries.length ? entries[Math.max(0, entries.length - hops)] : undefined;
  const candidate = forwarded ?? header("x-real-ip")?.trim();
  return candidate && isIP(candidate) ? candidate : null;
}

function trustedProxies(): number {
  const configured = Number(process.env.TRUSTED_PROXIES);
  return Number.isInteger(configured) && configured > 0 ? configured : 1;
}
