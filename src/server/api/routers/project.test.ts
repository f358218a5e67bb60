import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { activityLogs, edges, nodes, projects } from "~/server/db/schema";
import { addOrgMember, addProjectMember, callerFor, createOrg, createUser, invitationOf, setOrgLimits } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { batch, edgeOp, nodeOp } from "~/server/test/graph";

async function analysisOf(caller: ReturnType<typeof callerFor>, projectId: string) {
  return caller.analysis.leadTime({ projectId });
}

describe.each(testDatabaseKinds())("projects on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("creates a project with a per-organization slug and the organization's default axes", async () => {
    const { caller, org } = await createOrg(db());
    await caller.org.update({
      organizationId: org.id,
      stages: [
        { name: "Plan", color: "#111111" },
        { name: "Do", color: "#222222" },
      ],
    });
    const project = await caller.project.create({ organizationId: org.id, name: "Order to cash", description: "From PO to payment" });
    const again = await caller.project.create({ organizationId: org.id, name: "Order to Cash" });
    expect([project.slug, again.slug]).toEqual(["order-to-cash", "order-to-cash-2"]);
    const other = await createOrg(db());
    expect((await other.caller.project.create({ organizationId: other.org.id, name: "Order to cash" })).slug).toBe("order-to-cash");

    const got = await caller.project.get({ projectId: project.id });
    expect(got.stages.map((s) => [s.name, s.position])).toEqual([
      ["Plan", 0],
      ["Do", 1],
    ]);
    expect(got.departments.map((d) => d.name)).toEqual(org.settings.departments.map((d) => d.name));
    expect(got).toMatchObject({ myRole: "OWNER", status: "ACTIVE", revision: 0, description: "From PO to payment" });
    const [log] = await db().select().from(activityLogs).where(eq(activityLogs.projectId, project.id));
    expect(log).toMatchObject({ action: "CREATE", entityType: "PROJECT", ipAddress: "203.0.113.7", userAgent: "vitest" });
  });

  it("keeps node and edge counts in step through inserts, soft deletes and deletes", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Counted" });
    const base = { organizationId: org.id, projectId: project.id, type: "ACTION" as const };
    const [a, b, c] = await db()
      .insert(nodes)
      .values([
        { ...base, label: "A", status: "COMPLETED" },
        { ...base, label: "B" },
        { ...base, label: "C" },
      ])
      .returning();
    await db()
      .insert(edges)
      .values([
        { organizationId: org.id, projectId: project.id, sourceId: a!.id, targetId: b!.id, relationType: "REQUIRES" },
        { organizationId: org.id, projectId: project.id, sourceId: b!.id, targetId: c!.id, relationType: "REQUIRES" },
      ]);
    const counts = async () => {
      const [row] = await db().select().from(projects).where(eq(projects.id, project.id));
      return [row!.nodesCount, row!.edgesCount];
    };
    expect(await counts()).toEqual([3, 2]);
    await db().update(nodes).set({ deletedAt: new Date() }).where(eq(nodes.id, c!.id));
    expect(await counts()).toEqual([2, 2]);
    await db().update(nodes).set({ deletedAt: null }).where(eq(nodes.id, c!.id));
    await db().update(nodes).set({ label: "C2" }).where(eq(nodes.id, c!.id));
    expect(await counts()).toEqual([3, 2]);
    await db().delete(nodes).where(eq(nodes.id, b!.id));
    expect(await counts()).toEqual([2, 0]);

    const listed = await caller.project.list({ organizationId: org.id });
    expect(listed.items[0]).toMatchObject({ name: "Counted", nodesCount: 2, edgesCount: 0, completedPercent: 50 });
  });

  it("rejects a self-loop and an edge to another project's node at the database", async () => {
    const { caller, org } = await createOrg(db());
    const p1 = await caller.project.create({ organizationId: org.id, name: "One" });
    const p2 = await caller.project.create({ organizationId: org.id, name: "Two" });
    const [n1] = await db().insert(nodes).values({ organizationId: org.id, projectId: p1.id, type: "ACTION", label: "n1" }).returning();
    const [n2] = await db().insert(nodes).values({ organizationId: org.id, projectId: p2.id, type: "ACTION", label: "n2" }).returning();
    const edge = (sourceId: string, targetId: string) =>
      db().insert(edges).values({ organizationId: org.id, projectId: p1.id, sourceId, targetId, relationType: "REQUIRES" });
    await expect(edge(n1!.id, n1!.id)).rejects.toThrow();
    await expect(edge(n1!.id, n2!.id)).rejects.toThrow();
    await expect(
      db().insert(nodes).values({ organizationId: org.id, projectId: p1.id, type: "ACTION", label: "x", progress: 101 }),
    ).rejects.toThrow();
  });

  it("lists only the projects a member may open, sorted and cursor-paginated", async () => {
    const { caller, org } = await createOrg(db());
    const names = ["Delta", "alpha", "Charlie", "Bravo", "Echo"];
    const created = [];
    for (const name of names) created.push(await caller.project.create({ organizationId: org.id, name }));

    const byName: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.project.list>> = await caller.project.list({
        organizationId: org.id,
        sort: "name",
        limit: 2,
        cursor,
      });
      byName.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(byName).toEqual(["alpha", "Bravo", "Charlie", "Delta", "Echo"]);

    const byCreated: string[] = [];
    cursor = null;
    do {
      const page: Awaited<ReturnType<typeof caller.project.list>> = await caller.project.list({
        organizationId: org.id,
        sort: "created",
        limit: 3,
        cursor,
      });
      byCreated.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(byCreated).toEqual([...names].reverse());

    const member = await addOrgMember(db(), org.id, "MEMBER");
    const memberCaller = callerFor(db(), member.id);
    expect((await memberCaller.project.list({ organizationId: org.id })).items).toEqual([]);
    // A member of the organization is added to the project at once.
    const added = await caller.project.members.add({ projectId: created[2]!.id, email: member.email, role: "VIEWER" });
    expect(added).toMatchObject({ status: "ADDED", member: { userId: member.id, role: "VIEWER" } });
    const visible = await memberCaller.project.list({ organizationId: org.id });
    expect(visible.items.map((p) => [p.name, p.myRole])).toEqual([["Charlie", "VIEWER"]]);
    expect((await caller.project.list({ organizationId: org.id, search: "rav" })).items.map((p) => p.name)).toEqual(["Bravo"]);
  });

  it("refuses crafted list cursors with a clear 400 and takes % and _ in a search literally", async () => {
    const { caller, org } = await createOrg(db());
    await caller.project.create({ organizationId: org.id, name: "Margin 100%" });
    await caller.project.create({ organizationId: org.id, name: "Margin 1000" });
    await caller.project.create({ organizationId: org.id, name: "snake_case" });
    const forged = (cursor: unknown) => Buffer.from(JSON.stringify(cursor)).toString("base64url");
    const crafted = [
      "not base64 json",
      forged({ v: "x", id: "not-a-uuid" }),
      forged({ v: "2026-02-30T00:00:00.000Z", id: "7f1c6f8e-3b5a-4c1e-9a77-0d5a3c2b1e40" }),
      forged({ v: "tomorrow", id: "7f1c6f8e-3b5a-4c1e-9a77-0d5a3c2b1e40" }),
      forged(null),
      forged([1, 2]),
    ];
    for (const cursor of crafted) {
      const refused = await failure(caller.project.list({ organizationId: org.id, sort: "updated", cursor }));
      expect(refused, cursor).toMatchObject({ code: "BAD_REQUEST", domainCode: "STALE_CURSOR" });
    }
    const names = async (search: string) => (await caller.project.list({ organizationId: org.id, search })).items.map((p) => p.name);
    expect(await names("100%")).toEqual(["Margin 100%"]);
    expect(await names("%")).toEqual(["Margin 100%"]);
    expect(await names("e_c")).toEqual(["snake_case"]);
    expect(await names("_")).toEqual(["snake_case"]);
  });

  it("renames, archives and unarchives", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Draft" });
    await caller.project.update({ projectId: project.id, name: "Final", description: "Now with a description" });
    await caller.project.archive({ projectId: project.id });
    expect(await caller.project.get({ projectId: project.id })).toMatchObject({ name: "Final", status: "ARCHIVED" });
    expect((await caller.project.list({ organizationId: org.id })).items).toHaveLength(0);
    expect((await caller.project.list({ organizationId: org.id, status: "ARCHIVED" })).items).toHaveLength(1);
    await caller.project.unarchive({ projectId: project.id });
    expect((await caller.project.get({ projectId: project.id })).status).toBe("ACTIVE");
    expect((await failure(caller.project.update({ projectId: project.id, name: "" }))).code).toBe("BAD_REQUEST");
  });

  it("soft-deletes to the trash and restores", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Doomed" });
    const editor = await addProjectMember(db(), org.id, project.id, "EDITOR");
    await caller.project.delete({ projectId: project.id });
    expect((await failure(caller.project.get({ projectId: project.id }))).code).toBe("NOT_FOUND");
    expect((await caller.project.list({ organizationId: org.id, status: "ALL" })).items).toHaveLength(0);
    const trash = await caller.project.trash({ organizationId: org.id });
    expect(trash).toEqual([expect.objectContaining({ id: project.id, name: "Doomed", deletedByName: "Owner" })]);
    expect(await callerFor(db(), editor.id).project.trash({ organizationId: org.id })).toEqual([]);
    await caller.project.restore({ projectId: project.id });
    expect((await caller.project.get({ projectId: project.id })).deletedAt).toBeNull();
    expect(await caller.project.trash({ organizationId: org.id })).toEqual([]);
  });

  it("enforces max_projects on create and on restore", async () => {
    const { caller, org } = await createOrg(db());
    await setOrgLimits(db(), org.id, { maxProjects: 1 });
    const first = await caller.project.create({ organizationId: org.id, name: "Only" });
    expect((await failure(caller.project.create({ organizationId: org.id, name: "Too many" }))).domainCode).toBe("LIMIT_REACHED");
    await caller.project.delete({ projectId: first.id });
    const second = await caller.project.create({ organizationId: org.id, name: "Replacement" });
    expect((await failure(caller.project.restore({ projectId: first.id }))).domainCode).toBe("LIMIT_REACHED");
    expect((await caller.project.list({ organizationId: org.id })).items.map((p) => p.id)).toEqual([second.id]);
  });

  it("manages project members with the last-owner rule", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Shared" });
    const outsider = await createUser(db(), { name: "Outsider" });
    // Someone outside the organization is invited to both; they are in once they accept.
    const invitation = invitationOf(await caller.project.members.add({ projectId: project.id, email: outsider.email, role: "VIEWER" }));
    expect(invitation).toMatchObject({ email: outsider.email, orgRole: "MEMBER", projectRole: "VIEWER" });
    expect((await failure(callerFor(db(), outsider.id).project.get({ projectId: project.id }))).code).toBe("NOT_FOUND");
    expect(await caller.project.members.invitations({ projectId: project.id })).toMatchObject([{ id: invitation.id }]);
    await callerFor(db(), outsider.id).invitation.accept({ invitationId: invitation.id });
    expect((await caller.org.members.list({ organizationId: org.id })).find((m) => m.userId === outsider.id)?.role).toBe("MEMBER");
    expect((await callerFor(db(), outsider.id).project.get({ projectId: project.id })).myRole).toBe("VIEWER");
    expect(await caller.project.members.invitations({ projectId: project.id })).toEqual([]);
    expect((await failure(caller.project.members.add({ projectId: project.id, email: outsider.email, role: "EDITOR" }))).domainCode).toBe(
      "ALREADY_MEMBER",
    );

    const members = await caller.project.members.list({ projectId: project.id });
    const owner = members.find((m) => m.role === "OWNER")!;
    expect(
      (await failure(caller.project.members.changeRole({ projectId: project.id, userId: owner.userId, role: "EDITOR" }))).domainCode,
    ).toBe("LAST_OWNER");
    expect((await failure(caller.project.members.remove({ projectId: project.id, userId: owner.userId }))).domainCode).toBe("LAST_OWNER");

    await caller.project.members.changeRole({ projectId: project.id, userId: outsider.id, role: "OWNER" });
    await caller.project.members.changeRole({ projectId: project.id, userId: owner.userId, role: "EDITOR" });
    const lastOwner = await failure(caller.project.members.remove({ projectId: project.id, userId: outsider.id }));
    expect(lastOwner.domainCode).toBe("LAST_OWNER");
    await caller.project.members.changeRole({ projectId: project.id, userId: owner.userId, role: "OWNER" });
    await caller.project.members.remove({ projectId: project.id, userId: outsider.id });
    expect((await failure(callerFor(db(), outsider.id).project.get({ projectId: project.id }))).code).toBe("NOT_FOUND");
  });

  it("enforces max_members when sharing a project with someone outside the organization", async () => {
    const { caller, org } = await createOrg(db());
    await setOrgLimits(db(), org.id, { maxMembers: 1 });
    const project = await caller.project.create({ organizationId: org.id, name: "Full" });
    const outsider = await createUser(db());
    const result = await failure(caller.project.members.add({ projectId: project.id, email: outsider.email, role: "VIEWER" }));
    expect(result.domainCode).toBe("LIMIT_REACHED");
    expect(await caller.project.members.list({ projectId: project.id })).toHaveLength(1);
  });

  it("duplicates a project's graph as a new project the caller owns, under fresh ids", async () => {
    const { caller, org } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Hiring", description: "How we hire" });
    const before = await caller.graph.get({ projectId: project.id });
    const sales = before.departments[0]!;
    const [first, second] = before.stages;
    const a = nodeOp("Screen CV", { departmentId: sales.id, stageId: first!.id, avgTime: "2h", status: "COMPLETED", progress: 100 });
    const b = nodeOp("Interview", { departmentId: sales.id, stageId: second!.id, avgTime: "1d" });
    await caller.graph.applyOps({
      projectId: project.id,
      ...batch([
        a,
        b,
        edgeOp(a.node.id, b.node.id, "REQUIRES", { lagTime: "3d" }),
        edgeOp(b.node.id, a.node.id, "FEEDBACK_TO", { frequency: 0.2 }),
      ]),
    });
    const editor = await addProjectMember(db(), org.id, project.id, "EDITOR", "Eda");
    const copy = await callerFor(db(), editor.id).project.duplicate({ projectId: project.id });
    expect(copy).toMatchObject({ name: "Hiring (copy)", description: "How we hire", organizationId: org.id });
    const copied = await callerFor(db(), editor.id).graph.get({ projectId: copy.id });
    const original = await caller.graph.get({ projectId: project.id });
    const shape = (g: typeof copied) => ({
      departments: g.departments.map((d) => [d.name, d.color, d.position]),
      stages: g.stages.map((st) => [st.name, st.color, st.position]),
      nodes: g.nodes.map((n) => [n.label, n.avgTime, n.status, n.progress]).sort(),
      edges: g.edges.map((e) => [e.relationType, e.lagTime, e.frequency]).sort(),
    });
    expect(shape(copied)).toEqual(shape(original));
    expect(copied.nodes.map((n) => n.id).some((id) => original.nodes.some((n) => n.id === id))).toBe(false);
    expect((await callerFor(db(), editor.id).project.get({ projectId: copy.id })).myRole).toBe("OWNER");
    expect((await analysisOf(caller, project.id)).totalMinutes).toBe((await analysisOf(callerFor(db(), editor.id), copy.id)).totalMinutes);
    // A viewer may not copy the project out.
    const viewer = await addProjectMember(db(), org.id, project.id, "VIEWER");
    expect((await failure(callerFor(db(), viewer.id).project.duplicate({ projectId: project.id }))).code).toBe("FORBIDDEN");
  });

  it("counts archived projects apart, and lets only an owner empty the trash, for good", async () => {
    const { caller, org } = await createOrg(db());
    const kept = await caller.project.create({ organizationId: org.id, name: "Kept" });
    const old = await caller.project.create({ organizationId: org.id, name: "Old" });
    const gone = await caller.project.create({ organizationId: org.id, name: "Gone" });
    await caller.project.archive({ projectId: old.id });
    await caller.project.delete({ projectId: gone.id });
    expect((await caller.org.list()).find((o) => o.id === org.id)).toMatchObject({ projectCount: 2, archivedCount: 1 });

    const admin = await addOrgMember(db(), org.id, "ADMIN");
    expect((await failure(callerFor(db(), admin.id).project.emptyTrash({ organizationId: org.id }))).code).toBe("FORBIDDEN");
    expect(await caller.project.trash({ organizationId: org.id })).toHaveLength(1);
    expect(await caller.project.emptyTrash({ organizationId: org.id })).toEqual({ deleted: 1 });
    expect(await caller.project.trash({ organizationId: org.id })).toEqual([]);
    expect(await db().select().from(projects).where(eq(projects.id, gone.id))).toEqual([]);
    expect((await caller.project.get({ projectId: kept.id })).name).toBe("Kept");
    expect((await caller.project.get({ projectId: old.id })).status).toBe("ARCHIVED");
  });
});
