import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { organizationMembers } from "~/server/db/schema";
import { createOrgWithProject } from "~/server/test/actors";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { addOrgMember, callerFor } from "~/server/test/factories";
import { batch, edgeOp, nodeOp } from "~/server/test/graph";
import { handleRest } from "./index";

type Json = Record<string, unknown> & { error?: string };

describe.each(testDatabaseKinds())("REST API /api/v1 (%s)", (kind) => {
  const db = useTestDatabase(kind);
  afterEach(() => {
    delete process.env.API_REQUESTS_PER_MINUTE;
  });

  async function call(path: string, options: { token?: string; method?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const request = new Request(`http://localhost/api/v1${path}`, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const response = await handleRest(db(), request, path);
    return { status: response.status, headers: response.headers, json: (await response.json()) as Json };
  }

  async function setup() {
    const fx = await createOrgWithProject(db(), `Rest ${kind}`);
    const a = nodeOp("Receive order", { avgTime: "1h" });
    const b = nodeOp("Ship", { avgTime: "2h" });
    await fx.ownerCaller.graph.applyOps({ projectId: fx.projectId, ...batch([a, b, edgeOp(a.node.id, b.node.id)]) });
    const write = await fx.ownerCaller.token.create({ organizationId: fx.orgId, name: "ERP", scope: "WRITE" });
    const read = await fx.ownerCaller.token.create({ organizationId: fx.orgId, name: "Dashboard", scope: "READ" });
    return { ...fx, a: a.node.id, b: b.node.id, write: write.token, read: read.token, writeId: write.id };
  }

  it("reads projects, a graph and its analysis with a token, and says why without one", async () => {
    const { projectId, read, ownerCaller } = await setup();
    expect(await call("/projects")).toMatchObject({
      status: 401,
      json: { error: "Send an API token as Authorization: Bearer <token> (make one in your profile, under API tokens)" },
    });
    expect((await call("/projects", { token: "fm_not-a-real-token-at-all-000000" })).status).toBe(401);

    const list = await call("/projects", { token: read });
    expect(list.status).toBe(200);
    expect(list.json.projects).toEqual([expect.objectContaining({ id: projectId, status: "ACTIVE" })]);
    const graph = await call(`/projects/${projectId}/graph`, { token: read });
    expect(graph.status).toBe(200);
    expect((graph.json.steps as { label: string }[]).map((s) => s.label).sort()).toEqual(["Receive order", "Ship"]);
    expect(graph.json.connections).toHaveLength(1);
    const analysis = await call(`/projects/${projectId}/analysis`, { token: read });
    expect(analysis.json).toMatchObject({ totalMinutes: 180, formatted: "3h" });

    const [listed] = (await ownerCaller.token.list()).filter((t) => t.name === "Dashboard");
    expect(listed!.lastUsedAt).not.toBeNull();
    expect(listed).not.toHaveProperty("tokenHash");
    expect(listed!.prefix).toBe(read.slice(0, 10));
  });

  it("starts a run and posts step events with a write token, once per event id; a read token may not", async () => {
    const { projectId, read, write, a } = await setup();
    expect(await call(`/projects/${projectId}/runs`, { token: read, method: "POST", body: { name: "SO-1" } })).toMatchObject({
      status: 403,
      json: { error: "This token can only read; make a token with write access to change anything" },
    });
    const run = await call(`/projects/${projectId}/runs`, {
      token: write,
      method: "POST",
      body: { name: "Order 1001", externalRef: "SO-1001", startedAt: "2026-12-07T09:00:00Z" },
    });
    expect(run).toMatchObject({ status: 201, json: { name: "Order 1001", externalRef: "SO-1001", stepCount: 2 } });
    const runId = run.json.id as string;
    const event = { stepId: a, kind: "FINISH", at: "2026-12-07T10:30:00Z", eventId: "erp-77" };
    const first = await call(`/projects/${projectId}/runs/${runId}/events`, { token: write, method: "POST", body: event });
    expect(first).toMatchObject({ status: 201, json: { repeated: false } });
    const again = await call(`/projects/${projectId}/runs/${runId}/events`, { token: write, method: "POST", body: event });
    expect(again).toMatchObject({ status: 200, json: { id: first.json.id, repeated: true } });
    const detail = await call(`/projects/${projectId}/runs/${runId}`, { token: read });
    expect((detail.json.steps as { id: string; state: string; lateMinutes: number }[]).find((s) => s.id === a)).toMatchObject({
      state: "DONE",
      lateMinutes: 30,
    });

    const wrong = await call(`/projects/${projectId}/runs/${runId}/events`, {
      token: write,
      method: "POST",
      body: { ...event, kind: "DONE", eventId: "x" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toContain("The kind is START or FINISH");
    expect((await call(`/projects/${projectId}/runs`, { token: write, method: "POST", body: "not json" })).status).toBe(400);
  });

  it("keeps each token to its organization: other projects are 404, a revoked token or a departed owner 401", async () => {
    const { projectId, read, write, writeId, ownerCaller, orgId, owner } = await setup();
    const other = await createOrgWithProject(db(), "Other company");
    expect((await call(`/projects/${other.projectId}/graph`, { token: read })).status).toBe(404);
    expect((await call(`/projects/not-a-uuid/graph`, { token: read })).status).toBe(404);
    expect((await call("/nowhere", { token: read })).status).toBe(404);
    expect((await call("/projects", { token: read, method: "POST", body: {} })).status).toBe(405);

    // A member's token reaches only the projects they may open.
    const member = await addOrgMember(db(), orgId, "MEMBER", "Mo");
    const mine = await callerFor(db(), member.id).token.create({ organizationId: orgId, name: "Mine", scope: "READ" });
    expect((await call("/projects", { token: mine.token })).json.projects).toEqual([]);
    expect((await call(`/projects/${projectId}/graph`, { token: mine.token })).status).toBe(404);
    await db()
      .delete(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, orgId), eq(organizationMembers.userId, member.id)));
    expect((await call("/projects", { token: mine.token })).status).toBe(401);

    await ownerCaller.token.revoke({ tokenId: writeId });
    expect((await call("/projects", { token: write })).status).toBe(401);
    expect((await ownerCaller.token.list()).map((t) => t.name)).toEqual(["Dashboard"]);
    expect(owner.id).toBeTruthy();
  });

  it("limits requests per token with 429 and Retry-After, and serves its OpenAPI document", async () => {
    const { read } = await setup();
    process.env.API_REQUESTS_PER_MINUTE = "2";
    expect((await call("/projects", { token: read })).status).toBe(200);
    expect((await call("/projects", { token: read })).status).toBe(200);
    const third = await call("/projects", { token: read });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);

    const doc = await call("/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.json).toMatchObject({
      openapi: "3.0.3",
      components: { securitySchemes: { bearerToken: { type: "http", scheme: "bearer" } } },
    });
    expect(Object.keys(doc.json.paths as object)).toContain("/projects/{projectId}/runs/{runId}/events");
  });
});
