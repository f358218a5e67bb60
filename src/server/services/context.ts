import type { OrgRole, ProjectRole } from "~/domain/roles";
import type { DbOrTx } from "~/server/db";
import type { Project } from "~/server/db/schema";

/** Who is asking, as the activity log records it. */
export type Actor = {
  userId: string;
  /** The sign-in this request came with (null for callers built in tests and scripts). */
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
};

/**
 * What every service verb takes first: `verb(ctx, input)`. The tRPC middlewares build it
 * once per request (src/server/api/trpc.ts); inside a transaction a verb passes
 * `{ ...ctx, db: tx }` on to the verbs it calls, so their writes join it.
 */
export type ServiceContext = { db: DbOrTx; actor: Actor; keep?: Keep };

/** A write that must stand whatever becomes of the request's transaction (a failed attempt counted against a limit). */
export type KeptWrite = (db: DbOrTx) => Promise<unknown>;

/** Hands a write to the request, which runs it once its own transaction has ended, committed or not. */
export type Keep = (write: KeptWrite) => void;

/** Keeps `write` past a rollback where the caller offers that (every procedure does), else runs it now. */
export async function keepWrite(ctx: { db: DbOrTx; keep?: Keep }, write: KeptWrite): Promise<void> {
  if (ctx.keep) ctx.keep(write);
  else await write(ctx.db);
}

/**
 * Before sign-in (sign-up, the credentials check) there is the database and the caller's
 * address when known (http/address.ts: the X-Forwarded-For entry our nearest proxy wrote): per-address
 * limits apply only where it is.
 */
export type PublicContext = { db: DbOrTx; ip?: string | null; keep?: Keep };

/** The one access type per level (resolved in services/access): services read these from `ctx.access`. */
export type OrgAccess = { organizationId: string; orgRole: OrgRole };
export type ProjectAccess = OrgAccess & { project: Project; projectRole: ProjectRole };

/** The caller's role in the organization named by the input, resolved by orgProcedure. */
export type OrgContext = ServiceContext & { access: OrgAccess };

/** The caller's project (its row as of the access check) and role, resolved by projectProcedure. */
export type ProjectContext = ServiceContext & { access: ProjectAccess };
