/**
 * Stable codes for the rules a request can break, sent to the browser as `data.domainCode`
 * beside the message for people. Services throw them (ServiceError); the UI branches on them
 * to put a refusal where it belongs: on the field it is about, or with what to do next.
 */
export const DOMAIN_CODES = [
  "EMAIL_TAKEN",
  "INVALID_CREDENTIALS",
  "WRONG_PASSWORD",
  "SLUG_TAKEN",
  "LAST_OWNER",
  "LIMIT_REACHED",
  "ALREADY_MEMBER",
  "INVITATION_CLOSED",
  "WRONG_ACCOUNT",
  "NOT_A_MEMBER",
  "PROJECT_ARCHIVED",
  "OWNER_ONLY",
  "STALE_WRITE",
  "CYCLE_DETECTED",
  "DUPLICATE_ID",
  "ENTITY_NOT_FOUND",
  "INVALID_OPERATION",
  "HISTORY_GONE",
  "STALE_CURSOR",
  "VERSION_MISMATCH",
  "RATE_LIMITED",
] as const;

export type DomainCode = (typeof DOMAIN_CODES)[number];

const KNOWN = new Set<string>(DOMAIN_CODES);

export function isDomainCode(value: unknown): value is DomainCode {
  return typeof value === "string" && KNOWN.has(value);
}
