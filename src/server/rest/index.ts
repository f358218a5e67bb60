/**
 * The REST API for the systems that record the work (/api/v1, documented in openapi.ts):
 * list projects, read a project's graph and analysis, start runs and post their step events.
 * A bearer token (services/tokens) stands for its person in its organization; each request
 * then calls the same tRPC procedures as the app, as that person, so roles, Row-Level
 * Security and the write limit apply unchanged. A token reaches only its own organization's
 * projects (others are 404, as if they did not exist) and a READ token cannot write (403).
 */
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { serviceErrorOf } from "~/server/api/errors";
import { createCaller } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";
import type { Database } from "~/server/db";
import { clientAddress } from "~/server/http/address";
import { countUse, type Limit } from "~/server/services/limits";
import { tokenOwner, type TokenOwner } from "~/server/services/tokens";
import { OPENAPI } from "./openapi";

/** Requests per token and minute, reads included; API_REQUESTS_PER_MINUTE overrides it. */
export function apiRequestLimit(): Limit {
  const configured = Number(process.env.API_REQUESTS_PER_MINUTE);
  return { name: "api-token", max: Number.isInteger(configured) && configured > 0 ? configured : 300, windowSeconds: 60 };
}

const problem = (status: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error: message }, { status, headers });

type Caller = ReturnType<typeof createCaller>;
type Call = { caller: Caller; owner: TokenOwner; body: unknown; params: Record<string, string> };
type Route = {
  method: "GET" | "POST";
  pattern: RegExp;
  keys: string[];
  write: boolean;
  status?: number;
  run: (call: Call) => Promise<unknown>;
};

const route = (method: Route["method"], path: string, write: boolean, run: Route["run"], status?: number): Route => {
  const keys: string[] = [];
  const pattern = new RegExp(`^${path.replace(/\{(\w+)\}/g, (_, key: string) => (keys.push(key), "([^/]+)"))}$`);
  return { method, pattern, keys, write, run, status };
};

/** A project of the token's organization, or the same 404 as a project that does not exist. */
async function ownProject(caller: Caller, owner: TokenOwner, projectId: string) {
  if (!z.uuid().safeParse(projectId).success) throw new TRPCError({ code: "NOT_FOUND", message: "Project not found" });
  const project = await caller.project.get({ projectId });
  if (project.organizationId !== owner.organizationId) throw new TRPCError({ code: "NOT_FOUND", message: "Project not found" });
  return project;
}

const runInput = z.object({
  name: z.string(),
  externalRef: z.string().nullish(),
  startedAt: z.string().optional(),
});
const eventInput = z.object({
  stepId: z.string(),
  kind: z.string(),
  at: z.string().optional(),
  eventId: z.string().nullish(),
});

const ROUTES: Route[] = [
  route("GET", "/projects", false, async ({ caller, owner }) => {
    const page = await caller.project.list({ organizationId: owner.organizationId, limit: 100 });
    return { projects: page.items.map((p) => ({ id: p.id, name: p.name, slug: p.slug, status: p.status, updatedAt: p.updatedAt })) };
  }),
  route("GET", "/projects/{projectId}/graph", false, async ({ caller, owner, params }) => {
    const project = await ownProject(caller, owner, params.projectId!);
    const graph = await caller.graph.get({ projectId: project.id });
    return { project: { id: project.id, name: project.name }, revision: graph.revision, ...pick(graph) };
  }),
  route("GET", "/projects/{projectId}/analysis", false, async ({ caller, owner, params }) => {
    const project = await ownProject(caller, owner, params.projectId!);
    return caller.analysis.leadTime({ projectId: project.id });
  }),
  route("GET", "/projects/{projectId}/runs", false, async ({ caller, owner, params }) => {
    const project = await ownProject(caller, owner, params.projectId!);
    return { runs: await caller.run.list({ projectId: project.id }) };
  }),
  route(
    "POST",
    "/projects/{projectId}/runs",
    true,
    async ({ caller, owner, params, body }) => {
      const project = await ownProject(caller, owner, params.projectId!);
      const input = runInput.parse(body);
      return caller.run.start({ projectId: project.id, ...input });
    },
    201,
  ),
  route("GET", "/projects/{projectId}/runs/{runId}", false, async ({ caller, owner, params }) => {
    const project = await ownProject(caller, owner, params.projectId!);
    return caller.run.get({ projectId: project.id, runId: params.runId! });
  }),
  route(
    "POST",
    "/projects/{projectId}/runs/{runId}/events",
    true,
    async ({ caller, owner, params, body }) => {
      const project = await ownProject(caller, owner, params.projectId!);
      const { stepId, ...input } = eventInput.parse(body);
      return caller.run.record({
        projectId: project.id,
        runId: params.runId!,
        nodeId: stepId,
        kind: input.kind as "START",
        at: input.at,
        eventId: input.eventId,
      });
    },
    201,
  ),
];

const pick = ({ nodes, edges, departments, stages }: { nodes: unknown; edges: unknown; departments: unknown; stages: unknown }) => ({
  steps: nodes,
  connections: edges,
  departments,
  stages,
});

/** The status and message a refused call answers with. */
function refusal(error: unknown): Response {
  if (error instanceof z.ZodError) return problem(400, error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  if (error instanceof TRPCError) {
    const status = getHTTPStatusCodeFromError(error);
    if (status >= 500) {
      console.error(`REST call failed: ${error.message}`);
      return problem(500, "Something went wrong on our side; try again");
    }
    const seconds = serviceErrorOf(error)?.details?.retryAfterSeconds;
    return problem(status, error.message, typeof seconds === "number" ? { "Retry-After": String(seconds) } : {});
  }
  console.error("REST call failed", error);
  return problem(500, "Something went wrong on our side; try again");
}

/** Answers one request to /api/v1/<path>. */
export async function handleRest(db: Database, request: Request, path: string): Promise<Response> {
  const method = request.method.toUpperCase();
  if (path === "/openapi.json" && method === "GET") return Response.json(OPENAPI);
  const matching = ROUTES.filter((r) => r.pattern.test(path));
  if (matching.length === 0) return problem(404, `No such endpoint: ${path}. The API is described at /api/v1/openapi.json`);
  const match = matching.find((r) => r.method === method);
  if (!match)
    return problem(405, `${method} is not allowed here; use ${matching.map((r) => r.method).join(" or ")}`, {
      Allow: matching.map((r) => r.method).join(", "),
    });

  const header = request.headers.get("authorization") ?? "";
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const challenge = { "WWW-Authenticate": 'Bearer realm="FlowMatrix"' };
  if (!token)
    return problem(401, "Send an API token as Authorization: Bearer <token> (make one in your profile, under API tokens)", challenge);
  const owner = await tokenOwner(db, token);
  if (!owner) return problem(401, "The token is unknown or revoked, or its owner left the organization", challenge);
  if (match.write && owner.scope !== "WRITE")
    return problem(403, "This token can only read; make a token with write access to change anything");
  const use = await countUse(db, apiRequestLimit(), owner.tokenId);
  if (use.count > apiRequestLimit().max)
    return problem(429, `Too many requests with this token; try again in ${use.retryAfterSeconds} s`, {
      "Retry-After": String(use.retryAfterSeconds),
    });

  let body: unknown = undefined;
  if (method === "POST") {
    try {
      body = await request.json();
    } catch {
      return problem(400, "The body must be JSON");
    }
  }
  const values = match.pattern.exec(path)!.slice(1).map(decodeURIComponent);
  const params = Object.fromEntries(match.keys.map((key, i) => [key, values[i]!]));
  const caller = createCaller(
    createInnerContext({
      db,
      session: { userId: owner.userId, sessionId: null },
      ip: clientAddress((name) => request.headers.get(name)),
      userAgent: request.headers.get("user-agent"),
    }),
  );
  try {
    const result = await match.run({ caller, owner, body, params });
    const repeated = typeof result === "object" && result !== null && (result as { repeated?: boolean }).repeated === true;
    return Response.json(result, { status: repeated ? 200 : (match.status ?? 200) });
  } catch (error) {
    return refusal(error);
  }
}
