import { describe, expect, it } from "vitest";
import { exportLegacy, parseLegacyJson, readLegacy } from "./legacy";

const settings = {
  departments: [
    { id: "dept_2", name: "Marketing", color: "#FF00FF", order: 2 },
    { id: "dept_1", name: "Engineering", color: "#00D4FF", order: 1 },
  ],
  stages: [{ id: "stage_1", name: "Planning", color: "#00FF88", order: 1 }],
};

const node = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  label: `Step ${id}`,
  type: "ACTION",
  position: { x: 400, y: 120 },
  stage: "stage_1",
  department: "Engineering",
  attributes: { tool: ["Jira"], avg_time: "2h", is_repetitive: true, brain_usage: "LOW", assignee: null },
  ...extra,
});

const project = (extra: Record<string, unknown> = {}) => ({
  id: "p1",
  name: "Onboarding",
  description: "Old app",
  createdAt: "2024-01-01T00:00:00Z",
  updatedAt: "2024-01-02T00:00:00Z",
  nodes: [node("a"), node("b"), node("c", { department: "dept_2", stage: null })],
  edges: [
    { id: "e1", source: "a", target: "b", relation_type: "REQUIRES", properties: { lag_time: "1d" } },
    { id: "e2", source: "b", target: "a", relation_type: "FEEDBACK_TO", properties: { frequency: 2 } },
  ],
  ...extra,
});

let counter = 0;
const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;

describe("readLegacy", () => {
  it("reads an envelope: axes in order, references by id or name, fields converted", () => {
    const result = readLegacy({ settings, projects: [project()] }, { newId });
    expect(result.problems).toEqual([]);
    const [p] = result.projects;
    expect(p!.name).toBe("Onboarding");
    expect(p!.graph.departments.map((d) => [d.name, d.position])).toEqual([
      ["Engineering", 0],
      ["Marketing", 1],
    ]);
    const [a, , c] = p!.graph.nodes;
    const engineering = p!.graph.departments[0]!.id;
    expect(a).toMatchObject({
      label: "Step a",
      departmentId: engineering,
      stageId: p!.graph.stages[0]!.id,
      avgTime: "2h",
      tools: ["Jira"],
      brainUsage: "LOW",
    });
    expect(c).toMatchObject({ departmentId: p!.graph.departments[1]!.id, stageId: null });
    expect(p!.graph.edges).toHaveLength(2);
    expect(p!.graph.edges[0]).toMatchObject({ sourceId: a!.id, lagTime: "1d", relationType: "REQUIRES" });
    expect(p!.graph.edges[1]).toMatchObject({ relationType: "FEEDBACK_TO", frequency: 2 });
  });

  it("accepts a bare project and an array, creating axes from the names nodes use", () => {
    const bare = readLegacy(project(), { newId });
    expect(bare.problems).toEqual([]);
    expect(bare.projects[0]!.graph.departments.map((d) => d.name)).toEqual(["Engineering", "dept_2"]);
    const array = readLegacy([project(), project({ name: "Second" })], { newId });
    expect(array.projects.map((p) => p.name)).toEqual(["Onboarding", "Second"]);
  });

  it("turns absolute positions into clamped offsets inside the node's cell", () => {
    const result = readLegacy(
      { settings, projects: [project({ nodes: [node("a", { position: { x: -50, y: 100000 } })], edges: [] })] },
      { newId },
    );
    const [a] = result.projects[0]!.graph.nodes;
    expect(a!.x).toBe(24);
    expect(a!.y).toBe(4000);
  });

  it("lists every problem by path and stops nothing at the first", () => {
    const bad = project({
      nodes: [
        node("a"),
        node("a", { type: "TASK" }),
        node("c", { attributes: { avg_time: "2hrs", brain_usage: "NONE" }, stage: "Nowhere" }),
        node("d", { label: "" }),
      ],
      edges: [
        { id: "e1", source: "a", target: "ghost", relation_type: "REQUIRES" },
        { id: "e1", source: "a", target: "c", relation_type: "LINKS" },
      ],
    });
    const result = readLegacy({ settings, projects: [project(), project(), bad] }, { newId });
    expect(result.problems).toEqual([
      'projects[2].nodes[1].type: "TASK" is not one of TRIGGER, ACTION, DECISION, ARTIFACT',
      'projects[2].nodes[1].id: duplicate id "a" (also projects[2].nodes[0])',
      'projects[2].nodes[2].attributes.avg_time: "2hrs" is not a duration like 45m, 2h30m, 1.5h, 3d or 1w 2d (units m, h, d, w)',
      'projects[2].nodes[2].attributes.brain_usage: "NONE" is not one of LOW, MEDIUM, HIGH',
      'projects[2].nodes[2].stage: "Nowhere" is not the id or name of a stage in settings.stages',
      "projects[2].nodes[3].label: Label is required",
      'projects[2].edges[0].target: "ghost" is not the id of a node in this project',
      'projects[2].edges[1].relation_type: "LINKS" is not one of REQUIRES, BLOCKS, FEEDBACK_TO',
      'projects[2].edges[1].id: duplicate id "e1" (also projects[2].edges[0])',
    ]);
  });

  it("reports dependency cycles and self-loops with the steps' labels", () => {
    const result = readLegacy(
      project({
        nodes: [node("a"), node("b"), node("c")],
        edges: [
          { id: "e1", source: "a", target: "b", relation_type: "REQUIRES" },
          { id: "e2", source: "b", target: "c", relation_type: "BLOCKS" },
          { id: "e3", source: "c", target: "a", relation_type: "REQUIRES" },
          { id: "e4", source: "c", target: "c", relation_type: "REQUIRES" },
        ],
      }),
      { newId },
    );
    expect(result.problems).toEqual([
      'project.edges[3]: a step cannot depend on itself (source and target are "c")',
      'project.edges[2]: closes a dependency cycle "Step a" -> "Step b" -> "Step c" -> "Step a"',
    ]);
  });

  it("explains files that are not exports at all", () => {
    expect(parseLegacyJson("{nope").problems[0]).toMatch(/^The file is not valid JSON/);
    expect(parseLegacyJson('{"hello": 1}').problems).toEqual([
      "The file is not a FlowMatrix export: expected a project, an array of projects or { settings, projects }",
    ]);
    expect(parseLegacyJson('{"projects": []}').problems).toEqual(["The file holds no projects"]);
  });
});

describe("exportLegacy", () => {
  it("re-imports to the same graph, offsets and all", () => {
    const first = readLegacy({ settings, projects: [project()] }, { newId }).projects[0]!;
    const meta = { id: "x", name: first.name, description: first.description, createdAt: "", updatedAt: "" };
    const again = readLegacy(JSON.parse(JSON.stringify(exportLegacy(meta, first.graph))), { newId });
    expect(again.problems).toEqual([]);
    const second = again.projects[0]!;
    const strip = (g: typeof first.graph) => {
      const nodeIndex = new Map(g.nodes.map((n, i) => [n.id, i]));
      const dept = new Map(g.departments.map((d) => [d.id, d.name]));
      const stage = new Map(g.stages.map((s) => [s.id, s.name]));
      return {
        nodes: g.nodes.map(({ id: _id, departmentId, stageId, ...n }) => ({
          ...n,
          department: departmentId && dept.get(departmentId),
          stage: stageId && stage.get(stageId),
        })),
        edges: g.edges.map(({ id: _id, sourceId, targetId, ...e }) => ({
          ...e,
          source: nodeIndex.get(sourceId),
          target: nodeIndex.get(targetId),
        })),
        departments: g.departments.map(({ id: _id, ...d }) => d),
        stages: g.stages.map(({ id: _id, ...s }) => s),
      };
    };
    expect(strip(second.graph)).toEqual(strip(first.graph));
    expect(second.name).toBe(first.name);
  });
});
