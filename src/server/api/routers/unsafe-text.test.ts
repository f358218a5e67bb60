import { describe, expect, it } from "vitest";
import { createOrg } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { batch, nodeOp } from "~/server/test/graph";

describe.each(testDatabaseKinds())("text the database cannot store, on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("is a 400 that says where it is, for any procedure, and changes nothing", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Clean" });

    const named = await failure(caller.project.create({ organizationId: org.id, name: "Evil\u0000name" }));
    expect(named).toMatchObject({ code: "BAD_REQUEST", message: "name contains a NUL character" });

    const step = nodeOp("Half a character \uD800");
    const ops = await failure(caller.graph.applyOps({ projectId: project.id, ...batch([step]) }));
    expect(ops).toMatchObject({ code: "BAD_REQUEST", message: "ops[0].node.label contains half of a character (a lone UTF-16 surrogate)" });

    const searched = await failure(caller.search.query({ q: "on\u0000boarding" }));
    expect(searched).toMatchObject({ code: "BAD_REQUEST", message: "q contains a NUL character" });

    // Nothing was written: one project, no steps.
    const list = await caller.project.list({ organizationId: org.id });
    expect(list.items.map((p) => p.name)).toEqual(["Clean"]);
    expect((await caller.graph.get({ projectId: project.id })).nodes).toHaveLength(0);

    // Real pairs (emoji) are ordinary text.
    const emoji = nodeOp("Ship it 🚀");
    await caller.graph.applyOps({ projectId: project.id, ...batch([emoji]) });
    expect((await caller.graph.get({ projectId: project.id })).nodes.map((n) => n.label)).toEqual(["Ship it 🚀"]);
  });
});
