import { BpmnModdle, type ModdleNode } from "bpmn-moddle";
import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { GraphSnapshot } from "~/domain/graph";
import type { Database } from "~/server/db";
import { activityLogs, aiAnalysisCache, projects, users } from "~/server/db/schema";
import { DEMO_LOGINS, seedDemo } from "~/server/db/seed";
import { createOrgWithProject } from "~/server/test/actors";
import { callerFor, setOrgLimits } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { batch, edgeOp, nodeOp } from "~/server/test/graph";

const legacyFile = {
  settings: {
    departments: [
      { id: "dept_1", name: "Sales", color: "#00D4FF", order: 1 },
      { id: "dept_2", name: "Finance", color: "#FF00FF", order: 2 },
    ],
    stages: [{ id: "stage_1", name: "Intake", color: "#00FF88", order: 1 }],
  },
  projects: [
    {
      id: "p1",
      name: "Order to cash",
      nodes: [
        {
          id: "n1",
          label: "Order in",
          type: "TRIGGER",
          position: { x: 220, y: 90 },
          stage: "stage_1",
          department: "dept_1",
          attributes: { avg_time: "5m" },
        },
        {
          id: "n2",
          label: "Invoice",
          type: "ACTION",
          position: { x: 480, y: 300 },
          stage: "Intake",
          department: "Finance",
          attributes: { avg_time: "2h", tool: ["SAP"], brain_usage: "LOW", is_repetitive: true },
        },
        { id: "n3", label: "Paid?", type: "DECISION", position: { x: 700, y: 300 }, attributes: { avg_time: "1d" } },
      ],
      edges: [
        { id: "e1", source: "n1", target: "n2", relation_type: "REQUIRES", properties: { lag_time: "1h" } },
        { id: "e2", source: "n2", target: "n3", relation_type: "BLOCKS", properties: {} },
      ],
    },
    { id: "p2", name: "Empty one", nodes: [], edges: [] },
  ],
};

/** The graph without ids, ends named by label and lanes by name: what "the same project" means. */
function comparable(g: GraphSnapshot) {
  const label = new Map(g.nodes.map((n) => [n.id, n.label]));
  const lane = new Map([...g.departments, ...g.stages].map((a) => [a.id, a.name]));
  const nodes = g.nodes
    .map(({ id: _id, departmentId, stageId, ...n }) => ({
      ...n,
      department: departmentId && lane.get(departmentId),
      stage: stageId && lane.get(stageId),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const edges = g.edges
    .map(({ id: _id, sourceId, targetId, ...e }) => ({ ...e, source: label.get(sourceId), target: label.get(targetId) }))
    .sort((a, b) => `${a.source}>${a.target}`.localeCompare(`${b.source}>${b.target}`));
  const axis = (list: GraphSnapshot["departments"]) => list.map(({ id: _id, ...a }) => a);
  return { nodes, edges, departments: axis(g.departments), stages: axis(g.stages) };
}

async function projectCount(database: Database, organizationId: string) {
  const [row] = await database
    .select({ n: sql<number>`count(*)::int` })
    .from(projects)
    .where(and(eq(projects.organizationId, organizationId), isNull(projects.deletedAt)));
  return row!.n;
}

describe.each(testDatabaseKinds())("transfer router (%s)", (kind) => {
  const db = useTestDatabase(kind);

  async function setup(database: Database = db()) {
    return createOrgWithProject(database, `Transfer ${kind}`);
  }

  it("lists every problem by path and creates nothing", async () => {
    const { ownerCaller: caller, orgId } = await setup();
    const broken = structuredClone(legacyFile);
    const [p] = broken.projects;
    p!.nodes[1]!.attributes.avg_time = "2hrs";
    p!.edges.push({ id: "e3", source: "n3", target: "ghost", relation_type: "REQUIRES", properties: {} });
    p!.edges.push({ id: "e4", source: "n3", target: "n1", relation_type: "REQUIRES", properties: {} });
    const text = JSON.stringify(broken);
    const before = await projectCount(db(), orgId);

    const preview = await caller.transfer.previewImport({ organizationId: orgId, text });
    expect(preview.problems).toEqual([
      'projects[0].nodes[1].attributes.avg_time: "2hrs" is not a duration like 45m, 2h30m, 1.5h, 3d or 1w 2d (units m, h, d, w)',
      'projects[0].edges[2].target: "ghost" is not the id of a node in this project',
      'projects[0].edges[3]: closes a dependency cycle "Order in" -> "Invoice" -> "Paid?" -> "Order in"',
    ]);
    const error = await failure(caller.transfer.importProjects({ organizationId: orgId, text }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "The file has 3 problems; nothing was imported" });
    expect(await projectCount(db(), orgId)).toBe(before);
  });

  it("previews, imports and verifies the stored counts", async () => {
    const { ownerCaller: caller, orgId } = await setup();
    const text = JSON.stringify(legacyFile);
    const preview = await caller.transfer.previewImport({ organizationId: orgId, text });
    expect(preview).toEqual({
      format: "json",
      problems: [],
      notes: [],
      subProcesses: 0,
      projects: [
        { name: "Order to cash", nodes: 3, edges: 2, reworks: 0, departments: ["Sales", "Finance"], stages: ["Intake"] },
        { name: "Empty one", nodes: 0, edges: 0, reworks: 0, departments: ["Sales", "Finance"], stages: ["Intake"] },
      ],
    });

    const report = await caller.transfer.importProjects({ organizationId: orgId, text });
    expect(report).toMatchObject({ total: 2, successful: 2, failed: 0, errors: [] });
    expect(report.projects.map((p) => [p.name, p.expected, p.stored])).toEqual([
      ["Order to cash", { nodes: 3, edges: 2 }, { nodes: 3, edges: 2 }],
      ["Empty one", { nodes: 0, edges: 0 }, { nodes: 0, edges: 0 }],
    ]);
    const graph = await caller.graph.get({ projectId: report.projects[0]!.id });
    expect(graph.departments.map((d) => [d.name, d.color])).toEqual([
      ["Sales", "#00D4FF"],
      ["Finance", "#FF00FF"],
    ]);
    const invoice = graph.nodes.find((n) => n.label === "Invoice")!;
    expect(invoice).toMatchObject({ avgTime: "2h", tools: ["SAP"], brainUsage: "LOW", departmentId: graph.departments[1]!.id });
    expect(graph.facts[invoice.id]!.durationMinutes).toBe(120);
    expect(graph.facts[invoice.id]!.aiScore).toBeGreaterThan(0);
    const explained = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(aiAnalysisCache)
      .where(eq(aiAnalysisCache.projectId, report.projects[0]!.id));
    expect(explained[0]!.n).toBe(3);
    const lead = await caller.analysis.leadTime({ projectId: report.projects[0]!.id });
    expect(lead.criticalPathMinutes).toBe(5 + 60 + 120 + 1440);
  });

  it("reports a project the organization's limit refuses, keeping the others", async () => {
    const { ownerCaller: caller, orgId } = await setup();
    await setOrgLimits(db(), orgId, { maxProjects: (await projectCount(db(), orgId)) + 1 });
    const report = await caller.transfer.importProjects({ organizationId: orgId, text: JSON.stringify(legacyFile) });
    expect(report).toMatchObject({ total: 2, successful: 1, failed: 1 });
    expect(report.errors).toEqual([{ index: 1, name: "Empty one", error: expect.stringMatching(/limit of \d+ projects/) }]);
  });

  it("exports JSON that imports back to the same project", async () => {
    const { ownerCaller: caller, orgId, projectId } = await setup();
    const before = await caller.graph.get({ projectId });
    const [sales] = before.departments;
    const quote = nodeOp("Quote <b>", { avgTime: "2h", departmentId: sales!.id, x: 40, y: 60, tools: ["Excel"], tags: ["sales"] });
    const approve = nodeOp("Approve", {
      avgTime: "4h / 1d / 1w",
      type: "DECISION",
      description: "Boss",
      assignee: "ana@example.test",
      pca: 70,
      external: true,
    });
    const links = [
      edgeOp(quote.node.id, approve.node.id, "REQUIRES", { lagTime: "10m / 30m / 2h", condition: "if big" }),
      edgeOp(approve.node.id, quote.node.id, "FEEDBACK_TO", { frequency: 0.5 }),
    ];
    await caller.graph.applyOps({ projectId, ...batch([quote, approve, ...links]) });
    const original = await caller.graph.get({ projectId });

    const file = await caller.transfer.exportJson({ projectId });
    expect(file.filename).toMatch(/\.flowmatrix\.json$/);
    const audit = await db().select({ action: activityLogs.action }).from(activityLogs).where(eq(activityLogs.projectId, projectId));
    expect(audit.filter((r) => r.action === "EXPORT")).toHaveLength(1);
    const report = await caller.transfer.importProjects({ organizationId: orgId, text: file.content });
    expect(report.successful).toBe(1);
    const copy = await caller.graph.get({ projectId: report.projects[0]!.id });
    expect(comparable(copy)).toEqual(comparable(original));
  });

  it("exports CSV with the analysis columns, guarded against formulas", async () => {
    const { ownerCaller: caller, projectId } = await setup();
    const a = nodeOp('=HYPERLINK("x")', { avgTime: "1h" });
    const b = nodeOp("Ship, fast", { avgTime: "1h / 2h / 1d", pca: 90, external: true });
    await caller.graph.applyOps({ projectId, ...batch([a, b, edgeOp(a.node.id, b.node.id)]) });
    const { content } = await caller.transfer.exportCsv({ projectId });
    const lines = content.trim().split("\r\n");
    expect(lines[0]).toBe(
      "id,label,type,status,department,stage,avg_time,duration_minutes,optimistic_minutes,pessimistic_minutes,pca,external,tools,assignee,es_minutes,ef_minutes,ls_minutes,lf_minutes,slack_minutes,slack,critical,bottleneck,automation_score",
    );
    const row = lines.find((l) => l.startsWith(b.node.id))!;
    expect(row).toContain('"Ship, fast"');
    expect(row).toContain(",1h / 2h / 1d,120,60,1440,90,yes,");
    expect(row).toMatch(/,60,180,60,180,0,0m,yes,/);
    expect(lines.find((l) => l.startsWith(a.node.id))).toContain(`'=HYPERLINK(""x"")"`);
  });

  it("exports BPMN that bpmn-moddle reads and that imports back, rework loops included", async () => {
    const { ownerCaller: caller, orgId, projectId } = await setup();
    const a = nodeOp("Start", { type: "TRIGGER" });
    const b = nodeOp("Work", { avgTime: "1h" });
    const c = nodeOp("Check", { type: "DECISION" });
    await caller.graph.applyOps({
      projectId,
      ...batch([a, b, c, edgeOp(a.node.id, b.node.id), edgeOp(b.node.id, c.node.id), edgeOp(c.node.id, b.node.id, "FEEDBACK_TO")]),
    });
    const { content } = await caller.transfer.exportBpmn({ projectId });
    const { rootElement, warnings } = await new BpmnModdle().fromXML(content);
    expect(warnings).toEqual([]);
    const process = (rootElement.get("rootElements") as ModdleNode[]).find((r) => r.$type === "bpmn:Process")!;
    const flowTypes = (process.get("flowElements") as ModdleNode[]).map((e) => e.$type).sort();
    expect(flowTypes).toEqual([
      "bpmn:ExclusiveGateway",
      "bpmn:SequenceFlow",
      "bpmn:SequenceFlow",
      "bpmn:SequenceFlow",
      "bpmn:StartEvent",
      "bpmn:Task",
    ]);

    const preview = await caller.transfer.previewImport({ organizationId: orgId, text: content });
    expect(preview).toMatchObject({ format: "bpmn", problems: [], notes: [], subProcesses: 0 });
    expect(preview.projects[0]).toMatchObject({ nodes: 3, edges: 3, reworks: 1 });
    const report = await caller.transfer.importProjects({ organizationId: orgId, text: content });
    expect(report.projects[0]).toMatchObject({ expected: { nodes: 3, edges: 3 }, stored: { nodes: 3, edges: 3 } });
  });

  it("round-trips the seeded Customer onboarding through BPMN: same project, same lead time, a name of its own", async () => {
    await seedDemo(db());
    const [owner] = await db().select().from(users).where(eq(users.email, DEMO_LOGINS[0].email));
    const caller = callerFor(db(), owner!.id);
    const [seeded] = await db().select().from(projects).where(eq(projects.slug, "customer-onboarding"));
    const projectId = seeded!.id;
    const original = await caller.graph.get({ projectId });
    expect(original.edges.some((e) => e.relationType === "FEEDBACK_TO")).toBe(true);

    const { content } = await caller.transfer.exportBpmn({ projectId });
    const report = await caller.transfer.importProjects({ organizationId: seeded!.organizationId, text: content });
    expect(report.failed).toBe(0);
    const [first] = report.projects;
    expect(first).toMatchObject({ name: "Customer onboarding (imported)", fileName: "Customer onboarding" });
    const copy = await caller.graph.get({ projectId: first!.id });
    expect(comparable(copy)).toEqual(comparable(original));
    const [copied] = await db().select().from(projects).where(eq(projects.id, first!.id));
    expect(copied!.description).toBe(seeded!.description);

    const [before, after] = await Promise.all([
      caller.analysis.leadTime({ projectId }),
      caller.analysis.leadTime({ projectId: first!.id }),
    ]);
    expect(after.totalMinutes).toBe(before.totalMinutes);
    const figures = (f: typeof before.flow) => ({
      ...f,
      departments: f.departments.map(({ id: _, ...d }) => d),
      stages: f.stages.map(({ id: _, ...d }) => d),
    });
    expect(figures(after.flow)).toMatchObject({ processMinutes: before.flow.processMinutes, waitingMinutes: before.flow.waitingMinutes });
    expect(figures(after.flow).departments).toEqual(figures(before.flow).departments);
    expect(figures(after.flow).stages).toEqual(figures(before.flow).stages);

    const again = await caller.transfer.importProjects({ organizationId: seeded!.organizationId, text: content });
    expect(again.projects[0]!.name).toBe("Customer onboarding (imported 2)");
  });

  it("hides another organization's project from its exports", async () => {
    const { projectId } = await setup();
    const other = await createOrgWithProject(db(), "Other org");
    for (const call of [
      other.ownerCaller.transfer.exportJson,
      other.ownerCaller.transfer.exportCsv,
      other.ownerCaller.transfer.exportBpmn,
    ]) {
      expect(await failure(call({ projectId }))).toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
