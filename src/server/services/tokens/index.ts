/**
 * Personal API tokens for the REST API: made by a member for one organization, read or write,
 * shown once and stored as a SHA-256, revocable, with the time of their last use.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { rows, type DbOrTx } from "~/server/db";
import { apiTokens, organizations } from "~/server/db/schema";
import type { OrgContext, ServiceContext } from "../context";
import { notFound, ServiceError } from "../errors";

export const TOKEN_SCOPES = ["READ", "WRITE"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** A person's live tokens, all organizations together. */
export const MAX_TOKENS = 25;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type TokenSummary = {
  id: string;
  name: string;
  scope: TokenScope;
  prefix: string;
  organizationId: string;
  organizationName: string;
  lastUsedAt: Date | null;
  createdAt: Date;
};

export async function listTokens({ db }: ServiceContext): Promise<TokenSummary[]> {
  const list = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      prefix: apiTokens.prefix,
      organizationId: apiTokens.organizationId,
      organizationName: organizations.name,
      lastUsedAt: apiTokens.lastUsedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .innerJoin(organizations, eq(organizations.id, apiTokens.organizationId))
    .where(isNull(apiTokens.revokedAt))
    .orderBy(desc(apiTokens.createdAt));
  return list.map((t) => ({ ...t, scope: t.scope as TokenScope }));
}

/** Makes a token; the answer holds it in full, the only time it is ever shown. */
export async function createToken({ db, actor, access }: OrgContext, input: { name: string; scope: TokenScope }) {
  const [live] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)));
  if ((live?.n ?? 0) >= MAX_TOKENS)
    throw new ServiceError("LIMIT_REACHED", `You have ${MAX_TOKENS} tokens, the most one person may have: revoke one you no longer use`);
  const token = `fm_${randomBytes(24).toString("base64url")}`;
  const [row] = await db
    .insert(apiTokens)
    .values({
      organizationId: access.organizationId,
      userId: actor.userId,
      name: input.name,
      scope: input.scope,
      prefix: token.slice(0, 10),
      tokenHash: hashToken(token),
    })
    .returning({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
    });
  return { ...row!, token };
}

export async function revokeToken({ db }: ServiceContext, { tokenId }: { tokenId: string }) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!row) throw notFound("Token");
  return row;
}

export type TokenOwner = { tokenId: string; userId: string; organizationId: string; scope: TokenScope };

/** Who a bearer token stands for, or null: unknown, revoked, or its person no longer in the organization. */
export async function tokenOwner(db: DbOrTx, token: string): Promise<TokenOwner | null> {
  if (!/^fm_[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [row] = rows<{ token_id: string; user_id: string; organization_id: string; scope: TokenScope }>(
    await db.execute(sql`SELECT token_id, user_id, organization_id, scope FROM app_token_owner(${hashToken(token)})`),
  );
  return row ? { tokenId: row.token_id, userId: row.user_id, organizationId: row.organization_id, scope: row.scope } : null;
}
