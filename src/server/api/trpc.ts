import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { OrgRole, ProjectRole } from "~/domain/roles";
import { describeUnsafeText, findUnsafeText } from "~/domain/unsafe-text";
import { getDb, type Database, type DbOrTx } from "~/server/db";
import { actAs } from "~/server/db/acting";
import { clientAddress } from "~/server/http/address";
import { requireOrgAccess, requireProjectAccess } from "~/server/services/access";
import { mutationLimit, requireUnderLimit } from "~/server/services/limits";
import type { Actor, Keep, KeptWrite } from "~/server/services/context";
import { readableInputError, serviceErrorOf, toTRPCError } from "./errors";

/** A signed-in request: who, and which sign-in (null for callers built in tests and scripts). */
export type AppSession = { userId: string; sessionId?: string | null };

export type InnerContext = {
  db: DbOrTx;
  /** The process's database outside any transaction, for work that outlives the request's (live sync). */
  database: Database;
  /** Set per procedure by actAsCaller: writes that must stand even if the procedure is refused. */
  keep?: Keep;
  session: AppSession | null;
  ip: string | null;
  userAgent: string | null;
};

/** Everything a procedure needs; tests and benchmarks build it directly (callerFor), the route from the request. */
export function createInnerContext(opts: {
  db: Database;
  session: AppSession | null;
  ip?: string | null;
  userAgent?: string | null;
}): InnerContext {
  return { db: opts.db, database: opts.db, session: opts.session, ip: opts.ip ?? null, userAgent: opts.userAgent ?? null };
}

export async function createTRPCContext({ headers }: { headers: Headers }): Promise<InnerContext> {
  // Loaded here, not at the top: callers built from the inner context (tests, benchmarks)
  // never need next-auth.
  const { getServerAuthSession } = await import("~/server/auth");
  const [db, session] = await Promise.all([getDb(), getServerAuthSession()]);
  return createInnerContext({
    db,
    session: session ? { userId: session.user.id, sessionId: session.sessionId } : null,
    ip: clientAddress((name) => headers.get(name)),
    userAgent: headers.get("user-agent"),
  });
}

const t = initTRPC.context<InnerContext>().create({
  transformer: superjson,
  // Live sync streams over SSE: pings keep proxies from closing a quiet stream, the client
  // reconnects (resuming from its last event id) when pings stop, and streams end after a
  // while so serverless functions are never held open past their limit.
  sse: {
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
    maxDurationMs: 4 * 60_000,
  },
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const refusal = serviceErrorOf(error);
    const unexpected = error.code === "INTERNAL_SERVER_ERROR" && !refusal;
    return {
      ...shape,
      message: unexpected ? "Something went wrong on our side. Please try again." : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        domainCode: refusal?.domainCode ?? null,
        details: refusal?.details ?? null,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Services refuse with a ServiceError, which knows nothing of HTTP; here, once for every
 * procedure, it becomes the TRPCError its code maps to, with the ServiceError on `cause`
 * (errorFormatter reads domainCode and details from it). An input the schema refused gets
 * its issues in words as the message.
 */
const mapServiceErrors = t.middleware(async function mapServiceErrors({ next }) {
  const result = await next();
  if (result.ok) return result;
  const refusal = serviceErrorOf(result.error);
  if (refusal) throw toTRPCError(refusal);
  const cause = result.error.cause;
  if (cause instanceof ZodError && result.error.code === "BAD_REQUEST")
    throw new TRPCError({ code: "BAD_REQUEST", message: readableInputError(cause), cause });
  return result;
});

/**
 * Text the database cannot store (a NUL character, half of a surrogate pair) is refused for
 * every procedure before its input is parsed, saying where it is: a 400, never a failing
 * statement.
 */
const refuseUnsafeText = t.middleware(async function refuseUnsafeText({ getRawInput, next }) {
  const unsafe = findUnsafeText(await getRawInput());
  if (unsafe) throw new TRPCError({ code: "BAD_REQUEST", message: describeUnsafeText(unsafe) });
  return next();
});

/** A refused procedure, carried out of its transaction so that it rolls back. */
class Refused {
  constructor(readonly result: unknown) {}
}

/**
 * Every procedure runs in one transaction as the app role, with the signed-in user acting
 * (Row-Level Security then admits only their tenants' rows: the database's wall behind the
 * services' own checks). A refused procedure rolls back everything it wrote, except what it
 * handed to `ctx.keep`, which runs afterwards in a transaction of its own.
 *
 * A live-sync stream outlives any transaction: its access check runs in one, and the stream
 * reads through `ctx.database`, acting as the user statement by statement (services/graph/live).
 */
const actAsCaller = t.middleware(async function actAsCaller({ ctx, type, next }) {
  const userId = ctx.session?.userId ?? null;
  const database = ctx.database;
  // Counted in a transaction of its own before the write: the counter row's lock is then
  // held for a moment, not for the whole write, so one user's writes do not queue on it.
  if (type === "mutation" && userId)
    await actAs(database, userId, (tx) => requireUnderLimit(tx, mutationLimit(), userId), { tenants: false });
  const kept: KeptWrite[] = [];
  const keep: Keep = (write) => void kept.push(write);
  try {
    return await actAs(database, userId, async (tx) => {
      const result = await next({ ctx: { db: tx, database, keep } });
      if (!result.ok) throw new Refused(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result as Awaited<ReturnType<typeof next>>;
    throw error;
  } finally {
    // Subscriptions keep nothing: the stream's own writes (presence) act as they go.
    if (kept.length && type !== "subscription") await actAs(database, userId, (tx) => runAll(tx, kept), { tenants: false });
  }
});

async function runAll(tx: DbOrTx, writes: KeptWrite[]) {
  for (const write of writes) await write(tx);
}

export const publicProcedure = t.procedure.use(mapServiceErrors).use(refuseUnsafeText).use(actAsCaller);

/** Signed-in procedures get `ctx.actor`, which with `ctx.db` is the services' ServiceContext. */
const requireUser = t.middleware(function requireUser({ ctx, next }) {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in" });
  const actor: Actor = { userId: ctx.session.userId, sessionId: ctx.session.sessionId ?? null, ip: ctx.ip, userAgent: ctx.userAgent };
  return next({ ctx: { actor } });
});

export const authedProcedure = publicProcedure.use(requireUser);

const orgInput = z.object({ organizationId: z.uuid("organizationId must be a UUID") });
const projectInput = z.object({ projectId: z.uuid("projectId must be a UUID") });

function requireOrgRole(min: OrgRole) {
  return authedProcedure.input(orgInput).use(async function requireOrgRole({ ctx, input, next }) {
    return next({ ctx: { access: await requireOrgAccess(ctx, { organizationId: input.organizationId, min }) } });
  });
}

function requireProjectRole(min: ProjectRole, opts: { allowDeleted?: boolean } = {}) {
  return authedProcedure.input(projectInput).use(async function requireProjectRole({ ctx, input, next }) {
    return next({ ctx: { access: await requireProjectAccess(ctx, { projectId: input.projectId, min, ...opts }) } });
  });
}

/** Procedures on one organization (the input carries organizationId): `ctx` is an OrgContext. */
export const orgProcedure = requireOrgRole;
/** Procedures on one project (the input carries projectId): `ctx` is a ProjectContext. */
export const projectProcedure = requireProjectRole;
