import { describe, expect, it } from "vitest";
import { applyOperations } from "~/domain/apply";
import { restoreOps } from "~/domain/diff";
import { parseDuration } from "~/domain/duration";
import { toState, type GraphSnapshot } from "~/domain/graph";
import { operationSchema } from "~/domain/operations";
import type { Database } from "~/server/db";
import { builtinGraph, builtinTemplates } from "~/server/db/templates";
import { ensureBuiltinTemplates } from "~/server/services/templates";
import { leadTimeOf } from "~/server/services/versions/snapshot";
import { createOrgWithProject } from "~/server/test/actors";
import { addOrgMember, callerFor, setOrgLimits } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { batch, edgeOp, nodeOp } from "~/server/test/graph";

/** The graph with ids replaced by names and labels, so graphs under different ids compare equal. */
function shapeOf(g: GraphSnapshot) {
  const label = new Map(g.nodes.map((n) => [n.id, n.label]));
  const lane = new Map([...g.departments, ...g.stages].map((a) => [a.id, a.name]));
  const axes = (list: GraphSnapshot["departments"]) => list.map(({ name, color, position }) => ({ name, color, position }));
  return {
    departments: axes(g.departments),
    stages: axes(g.stages),
    nodes: g.nodes
      .map(({ id: _id, departmentId, stageId, ...n }) => ({
        ...n,
        department: lane.get(departmentId ?? ""),
        stage: lane.get(stageId ?? ""),
      }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    edges: g.edges
      .map(({ id: _id, sourceId, targetId, ...e }) => ({ ...e, from: label.get(sourceId), to: label.get(targetId) }))
      .sort((a, b) => `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`)),
  };
}

const idsOf = (g: GraphSnapshot) => new Set([...g.nodes, ...g.edges, ...g.departments, ...g.stages].map((x) => x.id));

/** A project with three steps in two lanes, a lag and a rework loop. */
async function setup(db: Database) {
  const fx = await createOrgWithProject(db, "Templates");
  const graph = await fx.ownerCaller.graph.get({ projectId: fx.projectId });
  const [sales, ops] = graph.departments;
  const quote = nodeOp("Quote", {
    avgTime: "2h",
    departmentId: sales!.id,
    stageId: graph.stages[0]!.id,
    status: "COMPLETED",
    progress: 100,
  });
  const approve = nodeOp("Approve", { avgTime: "1d", departmentId: ops!.id, type: "DECISION" });
  const invoice = nodeOp("Invoice", { avgTime: "30m", tools: ["Xero"] });
  await fx.ownerCaller.graph.applyOps({
    projectId: fx.projectId,
    ...batch([
      quote,
      approve,
      invoice,
      edgeOp(quote.node.id, approve.node.id, "REQUIRES", { lagTime: "1h" }),
      edgeOp(approve.node.id, invoice.node.id),
      edgeOp(approve.node.id, quote.node.id, "FEEDBACK_TO", { frequency: 0.5 }),
    ]),
  });
  const saved = await fx.ownerCaller.template.saveFromProject({
    projectId: fx.projectId,
    name: "Quote to cash",
    description: "Sales flow",
    category: "OPERATIONS",
    tags: ["Sales", "quoting", "sales"],
  });
  return { ...fx, saved };
}

describe.each(testDatabaseKinds())("templates on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("saves a project as a template and uses it: the same graph under new ids, usage counted", async () => {
    const fx = await setup(db());
    expect(fx.saved).toMatchObject({
      name: "Quote to cash",
      category: "OPERATIONS",
      tags: ["sales", "quoting"],
      usageCount: 0,
      builtin: false,
    });
    const source = await fx.ownerCaller.graph.get({ projectId: fx.projectId });
    const template = await fx.ownerCaller.template.get({ organizationId: fx.orgId, templateId: fx.saved.id });
    // Progress is reset in the template; everything else is kept.
    const reset = { ...source, nodes: source.nodes.map((n) => ({ ...n, status: "PENDING" as const, progress: 0 })) };
    expect(shapeOf(template.graph)).toEqual(shapeOf(reset));
    // The organization sees the template; the project's own ids stay the project's.
    expect([...idsOf(template.graph)].filter((id) => idsOf(source).has(id))).toEqual([]);

    const project = await fx.ownerCaller.template.use({ organizationId: fx.orgId, templateId: fx.saved.id, name: "Q3 quotes" });
    expect(project).toMatchObject({ name: "Q3 quotes", organizationId: fx.orgId, description: "Sales flow" });
    const created = await fx.ownerCaller.graph.get({ projectId: project.id });
    expect(shapeOf(created)).toEqual(shapeOf(template.graph));
    const shared = [...idsOf(created)].filter((id) => idsOf(template.graph).has(id) || idsOf(source).has(id));
    expect(shared).toEqual([]);
    const analysis = await fx.ownerCaller.analysis.leadTime({ projectId: project.id });
    expect(analysis.totalMinutes).toBe(leadTimeOf(template.graph).minutes);

    await fx.ownerCaller.template.use({ organizationId: fx.orgId, templateId: fx.saved.id, name: "Q4 quotes" });
    const [listed] = (await fx.ownerCaller.template.list({ organizationId: fx.orgId })).filter((t) => !t.builtin);
    expect(listed).toMatchObject({ id: fx.saved.id, usageCount: 2, stepCount: 3 });
    expect(listed!.preview.edges).toHaveLength(3);
  });

  it("respects the organization's project limit", async () => {
    const fx = await setup(db());
    await setOrgLimits(db(), fx.orgId, { maxProjects: 1 });
    const error = await failure(fx.ownerCaller.template.use({ organizationId: fx.orgId, templateId: fx.saved.id, name: "Too many" }));
    expect(error.domainCode).toBe("LIMIT_REACHED");
    const [listed] = (await fx.ownerCaller.template.list({ organizationId: fx.orgId })).filter((t) => !t.builtin);
    expect(listed!.usageCount).toBe(0);
  });

  it("filters by category, tag and name", async () => {
    const fx = await setup(db());
    await ensureBuiltinTemplates(db());
    const list = (input: object) => fx.ownerCaller.template.list({ organizationId: fx.orgId, ...input }).then((r) => r.map((t) => t.name));
    expect((await list({ category: "OPERATIONS" })).sort()).toEqual(["Change request", "Incident management", "Quote to cash"]);
    expect(await list({ tag: "quoting" })).toEqual(["Quote to cash"]);
    expect((await list({ category: "FINANCE" })).sort()).toEqual(["Month-end close", "Order-to-cash", "Procure-to-pay"]);
    expect(await list({ search: "QUOTE" })).toEqual(["Quote to cash"]);
    expect(await list({ search: "100%" })).toEqual([]);
    expect(await list({ category: "DESIGN" })).toHaveLength(2);
  });

  it("lets only admins change the organization's templates, and never the built-ins", async () => {
    const fx = await setup(db());
    await ensureBuiltinTemplates(db());
    const member = callerFor(db(), (await addOrgMember(db(), fx.orgId, "MEMBER")).id);
    const admin = callerFor(db(), (await addOrgMember(db(), fx.orgId, "ADMIN")).id);
    const ref = { organizationId: fx.orgId, templateId: fx.saved.id };
    expect((await failure(member.template.update({ ...ref, name: "Mine now" }))).code).toBe("FORBIDDEN");
    expect((await failure(member.template.delete(ref))).code).toBe("FORBIDDEN");
    await member.template.use({ ...ref, name: "Member project" });

    const updated = await admin.template.update({ ...ref, name: "Quote to cash v2", tags: ["billing"], category: "CUSTOM" });
    expect(updated).toMatchObject({ name: "Quote to cash v2", tags: ["billing"], category: "CUSTOM" });
    const builtin = (await admin.template.list({ organizationId: fx.orgId })).find((t) => t.builtin)!;
    expect((await failure(admin.template.update({ organizationId: fx.orgId, templateId: builtin.id, name: "Hijacked" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failure(admin.template.delete({ organizationId: fx.orgId, templateId: builtin.id }))).code).toBe("FORBIDDEN");

    await admin.template.delete(ref);
    expect((await failure(fx.ownerCaller.template.get(ref))).code).toBe("NOT_FOUND");
    expect((await fx.ownerCaller.template.list({ organizationId: fx.orgId })).every((t) => t.builtin)).toBe(true);
  });

  it("hides an organization's templates from other organizations", async () => {
    const fx = await setup(db());
    const other = await createOrgWithProject(db(), "Other");
    const theirs = { organizationId: other.orgId, templateId: fx.saved.id };
    expect((await other.ownerCaller.template.list({ organizationId: other.orgId })).map((t) => t.id)).not.toContain(fx.saved.id);
    expect((await failure(other.ownerCaller.template.get(theirs))).code).toBe("NOT_FOUND");
    expect((await failure(other.ownerCaller.template.use({ ...theirs, name: "Stolen" }))).code).toBe("NOT_FOUND");
    const ours = { organizationId: fx.orgId, templateId: fx.saved.id };
    expect((await failure(other.ownerCaller.template.use({ ...ours, name: "Stolen" }))).code).toBe("NOT_FOUND");
    expect((await failure(other.ownerCaller.template.update({ ...ours, name: "Stolen" }))).code).toBe("NOT_FOUND");
  });

  it("adds the built-in templates once, and any organization can use them", async () => {
    expect(await ensureBuiltinTemplates(db())).toBeGreaterThanOrEqual(0);
    expect(await ensureBuiltinTemplates(db())).toBe(0);
    const fx = await createOrgWithProject(db(), "Builtins");
    const list = await fx.ownerCaller.template.list({ organizationId: fx.orgId });
    expect(
      list
        .filter((t) => t.builtin)
        .map((t) => t.name)
        .sort(),
    ).toEqual(builtinTemplates.map((t) => t.name).sort());
    for (const category of ["SW_DEVELOPMENT", "HW_DEVELOPMENT", "MARKETING", "DESIGN", "HR", "FINANCE", "CUSTOMER", "OPERATIONS"]) {
      expect(list.filter((t) => t.category === category).length).toBeGreaterThanOrEqual(2);
    }
    const npi = list.find((t) => t.name === "Electronics new product introduction")!;
    const project = await fx.ownerCaller.template.use({ organizationId: fx.orgId, templateId: npi.id, name: "Doorbell v2" });
    const graph = await fx.ownerCaller.graph.get({ projectId: project.id });
    expect(graph.nodes).toHaveLength(npi.stepCount);
    expect(graph.stages.map((s) => s.name)).toEqual(["Concept", "EVT", "DVT", "PVT", "Production"]);
  });
});

describe("built-in templates", () => {
  it.each(builtinTemplates.map((t) => [t.name, t] as const))("%s is a valid process", (_name, template) => {
    const graph = builtinGraph(template);
    expect(graph.nodes.length).toBeGreaterThanOrEqual(12);
    expect(graph.nodes.length).toBeLessThanOrEqual(40);
    // The business processes: 15-30 steps over departments and stages, with waits between steps.
    if (["HR", "FINANCE", "CUSTOMER", "OPERATIONS"].includes(template.category)) {
      expect(graph.nodes.length).toBeGreaterThanOrEqual(15);
      expect(graph.nodes.length).toBeLessThanOrEqual(30);
      expect(graph.departments.length).toBeGreaterThanOrEqual(4);
      expect(graph.stages.length).toBeGreaterThanOrEqual(4);
      expect(graph.edges.some((e) => e.lagTime)).toBe(true);
    }
    expect(template.description.length).toBeGreaterThan(20);
    expect(template.tags.length).toBeGreaterThan(0);
    for (const node of graph.nodes) expect(parseDuration(node.avgTime ?? ""), node.label).toMatchObject({ ok: true });
    for (const edge of graph.edges) if (edge.lagTime) expect(parseDuration(edge.lagTime)).toMatchObject({ ok: true });
    // Written as operations on an empty graph, exactly as "Use template" does: the schema
    // validates every field and applyOperations rejects a dependency cycle.
    const ops = restoreOps({ nodes: [], edges: [], departments: [], stages: [] }, graph).map((op) => operationSchema.parse(op));
    const { state } = applyOperations(toState({ nodes: [], edges: [], departments: [], stages: [] }), ops);
    expect(state.nodes.size).toBe(template.nodes.length);
    expect(graph.edges.some((e) => e.relationType === "FEEDBACK_TO")).toBe(true);
    expect(leadTimeOf(graph).minutes).toBeGreaterThan(0);
  });
});
