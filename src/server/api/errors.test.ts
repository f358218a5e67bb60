import { randomUUID } from "node:crypto";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { Database } from "~/server/db";
import { addProjectMember, createOrg, createUser } from "~/server/test/factories";
import { useTestDatabase } from "~/server/test/db";
import { batch, nodeOp } from "~/server/test/graph";
import { appRouter } from "./root";
import { createInnerContext } from "./trpc";

type ErrorBody = {
  message: string;
  data: { code: string; httpStatus: number; domainCode: string | null; details: Record<string, unknown> | null };
};

/** A mutation over HTTP, as the browser sends it: what the client receives when it fails. */
async function post(db: Database, userId: string | null, path: string, input: unknown) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(input)),
    }),
    router: appRouter,
    createContext: () => createInnerContext({ db, session: userId ? { userId } : null }),
  });
  const body = (await response.json()) as { error?: { json: ErrorBody } };
  return { status: response.status, error: body.error?.json };
}

describe("service refusals over HTTP", () => {
  const db = useTestDatabase("pglite");

  it("leave with their status, message, domain code and details", async () => {
    const { caller, org, owner } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Edge" });
    const a = nodeOp("Check credit");
    await caller.graph.applyOps({ projectId: project.id, ...batch([a]) });
    await caller.graph.applyOps({
      projectId: project.id,
      ...batch([{ op: "updateNode", id: a.node.id, set: { label: "Check credit score" }, expect: { label: "Check credit" } }]),
    });

    const stale = await post(db(), owner.id, "graph.applyOps", {
      projectId: project.id,
      ...batch([{ op: "updateNode", id: a.node.id, set: { label: "Credit check" }, expect: { label: "Check credit" } }]),
    });
    expect(stale.status).toBe(409);
    expect(stale.error?.data).toMatchObject({
      code: "CONFLICT",
      httpStatus: 409,
      domainCode: "STALE_WRITE",
      details: { index: 0, current: { label: "Check credit score" } },
    });
    expect(stale.error?.message).toContain("label");

    const { email } = await createUser(db());
    const taken = await post(db(), null, "auth.signUp", { name: "Again", email, password: "long-enough-pw" });
    expect(taken).toMatchObject({
      status: 409,
      error: { message: "An account with this email already exists", data: { domainCode: "EMAIL_TAKEN", details: null } },
    });
  });

  it("an input the schema refuses says in words where and why, and the field errors stay", async () => {
    const { caller, org, owner } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Words" });
    const bad = await post(db(), owner.id, "graph.applyOps", {
      projectId: project.id,
      ...batch([{ ...nodeOp("x"), node: { ...nodeOp("x").node, label: "" } }]),
    });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/^ops\[0\]\.node\.label: \S/);
    expect(bad.error?.message).not.toContain("[{");
    const unnamed = await post(db(), null, "auth.signUp", { name: "", email: "not-an-email", password: "x" });
    expect(unnamed.status).toBe(400);
    expect(unnamed.error?.message).toMatch(/^name: .+; email: .+; password: .+$/);
    expect((unnamed.error?.data as { zodError?: { fieldErrors: Record<string, string[]> } }).zodError?.fieldErrors.email).toHaveLength(1);
  });

  it("a plain NOT_FOUND or FORBIDDEN carries no domain code", async () => {
    const { caller, org, owner } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Plain" });
    const viewer = await addProjectMember(db(), org.id, project.id, "VIEWER");

    const missing = await post(db(), owner.id, "project.update", { projectId: randomUUID(), name: "Nope" });
    expect(missing).toMatchObject({
      status: 404,
      error: { message: "Project not found", data: { code: "NOT_FOUND", domainCode: null, details: null } },
    });

    const refused = await post(db(), viewer.id, "project.update", { projectId: project.id, name: "Nope" });
    expect(refused).toMatchObject({
      status: 403,
      error: { message: "This needs the project role EDITOR or higher", data: { code: "FORBIDDEN", domainCode: null, details: null } },
    });

    const signedOut = await post(db(), null, "project.update", { projectId: project.id, name: "Nope" });
    expect(signedOut).toMatchObject({ status: 401, error: { data: { code: "UNAUTHORIZED", domainCode: null } } });
  });
});
