import { exportLegacy, toBpmnXml } from "~/domain/interchange";
import { estimateMinutes, formatMinutes } from "~/domain/duration";
import { logActivity } from "../activity";
import { toCsv } from "../activity/csv";
import { leadTime } from "../analysis";
import type { ProjectContext } from "../context";
import { loadGraph } from "../graph";
import { withSnapshot } from "../graph/snapshot";

export type ExportFile = { filename: string; mimeType: string; content: string };

async function load({ db, access }: ProjectContext) {
  return withSnapshot(db, access.project.id, (tx, revision) => loadGraph(tx, access.project.id, revision));
}

/** Who took a copy of the project's data out, and in which format: an audit entry in the feed. */
export async function logExport({ db, access, actor }: ProjectContext, format: string) {
  await logActivity(db, actor, {
    organizationId: access.organizationId,
    projectId: access.project.id,
    action: "EXPORT",
    entityType: "PROJECT",
    entityId: access.project.id,
    details: { new_value: { format } },
  });
}

export async function exportJson(ctx: ProjectContext): Promise<ExportFile> {
  const { project } = ctx.access;
  const graph = await load(ctx);
  await logExport(ctx, "json");
  const meta = {
    id: project.id,
    name: project.name,
    description: project.description,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
  return {
    filename: `${project.slug}.flowmatrix.json`,
    mimeType: "application/json",
    content: JSON.stringify(exportLegacy(meta, graph), null, 2),
  };
}

export async function exportBpmn(ctx: ProjectContext): Promise<ExportFile> {
  const { access } = ctx;
  const graph = await load(ctx);
  await logExport(ctx, "bpmn");
  const { name, description } = access.project;
  return { filename: `${access.project.slug}.bpmn`, mimeType: "application/xml", content: toBpmnXml({ name, description }, graph) };
}

const CSV_HEADER = [
  "id",
  "label",
  "type",
  "status",
  "department",
  "stage",
  "avg_time",
  "duration_minutes",
  "optimistic_minutes",
  "pessimistic_minutes",
  "pca",
  "external",
  "tools",
  "assignee",
  "es_minutes",
  "ef_minutes",
  "ls_minutes",
  "lf_minutes",
  "slack_minutes",
  "slack",
  "critical",
  "bottleneck",
  "automation_score",
] as const;

/** One row per step with its critical-path times (minutes from the start) and analysis flags. */
export async function exportCsv(ctx: ProjectContext): Promise<ExportFile> {
  const { access } = ctx;
  const [graph, analysis] = await Promise.all([load(ctx), leadTime(ctx)]);
  await logExport(ctx, "csv");
  const times = new Map(analysis.nodes.map((t) => [t.id, t]));
  const bottleneck = new Map(analysis.bottlenecks.map((b) => [b.nodeId, b.severity]));
  const departmentName = new Map(graph.departments.map((d) => [d.id, d.name]));
  const stageName = new Map(graph.stages.map((s) => [s.id, s.name]));
  const rows = graph.nodes.map((n) => {
    const t = times.get(n.id);
    return [
      n.id,
      n.label,
      n.type,
      n.status,
      n.departmentId ? departmentName.get(n.departmentId) : "",
      n.stageId ? stageName.get(n.stageId) : "",
      n.avgTime,
      graph.facts[n.id]?.durationMinutes ?? 0,
      estimateMinutes(n.avgTime).low,
      estimateMinutes(n.avgTime).high,
      n.pca,
      n.external ? "yes" : "no",
      n.tools.join("; "),
      n.assignee,
      t?.es,
      t?.ef,
      t?.ls,
      t?.lf,
      t?.slack,
      t ? formatMinutes(t.slack) : "",
      t ? (t.critical ? "yes" : "no") : "",
      bottleneck.get(n.id) ?? "",
      graph.facts[n.id]?.aiScore ?? 0,
    ];
  });
  return { filename: `${access.project.slug}-steps.csv`, mimeType: "text/csv", content: toCsv(CSV_HEADER, rows) };
}
