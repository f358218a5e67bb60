import { sql } from "drizzle-orm";
import { automationScore } from "~/domain/automation";
import { estimateMinutes } from "~/domain/duration";
import { CELL_PADDING, NODE_HEIGHT } from "~/domain/matrix";
import { hashPassword } from "~/server/auth/password";
import { DEFAULT_ORGANIZATION_SETTINGS } from "~/server/services/organizations/defaults";
import type { Database } from "./index";
import { departments, edges, nodes, organizationMembers, organizations, projectMembers, projects, stages, users } from "./schema";
import { demoProjects, type SeedProject } from "./seed-data";
import { estimateColumns } from "./time-columns";
import { withTransaction } from "./transaction";

export const DEMO_LOGINS = [
  { email: "demo@flowmatrix.dev", password: "flowmatrix-demo", name: "Dana Demo", role: "organization owner" },
  { email: "sam@flowmatrix.dev", password: "flowmatrix-demo", name: "Sam Member", role: "member, editor of Customer onboarding" },
] as const;

/** Matrix geometry for seeded nodes: one cell per (department, stage), nodes stacked in it. */

export async function seedDemoIfEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(db);
  return true;
}

export function demoLoginBanner(heading: string): string {
  return [heading, ...DEMO_LOGINS.map((l) => `  ${l.email} / ${l.password}  (${l.role})`)].join("\n");
}

export async function seedDemo(db: Database) {
  const [ownerHash, memberHash] = await Promise.all(DEMO_LOGINS.map((l) => hashPassword(l.password)));
  await withTransaction(db, async (tx) => {
    const [owner, member] = await tx
      .insert(users)
      .values([
        { email: DEMO_LOGINS[0].email, name: DEMO_LOGINS[0].name, passwordHash: ownerHash! },
        { email: DEMO_LOGINS[1].email, name: DEMO_LOGINS[1].name, passwordHash: memberHash! },
      ])
      .returning();
    const [org] = await tx
      .insert(organizations)
      .values({ name: "Acme Corp", slug: "acme-corp", settings: DEFAULT_ORGANIZATION_SETTINGS, createdBy: owner!.id })
      .returning();
    const organizationId = org!.id;
    await tx.insert(organizationMembers).values([
      { organizationId, userId: owner!.id, role: "OWNER" },
      { organizationId, userId: member!.id, role: "MEMBER", invitedBy: owner!.id },
    ]);
    for (const seed of demoProjects) {
      const projectId = await insertProject(tx, organizationId, owner!.id, seed);
      if (seed.slug === "customer-onboarding") {
        await tx.insert(projectMembers).values({ organizationId, projectId, userId: member!.id, role: "EDITOR", invitedBy: owner!.id });
      }
    }
  });
}

async function insertProject(
  tx: Parameters<Parameters<typeof withTransaction>[1]>[0],
  organizationId: string,
  ownerId: string,
  seed: SeedProject,
) {
  const [project] = await tx
    .insert(projects)
    .values({ organizationId, name: seed.name, slug: seed.slug, description: seed.description, createdBy: ownerId, revision: 1 })
    .returning();
  const projectId = project!.id;
  await tx.insert(projectMembers).values({ organizationId, projectId, userId: ownerId, role: "OWNER" });
  const axis = (list: SeedProject["departments"]) => list.map((a, position) => ({ organizationId, projectId, ...a, position }));
  const deptRows = await tx.insert(departments).values(axis(seed.departments)).returning();
  const stageRows = await tx.insert(stages).values(axis(seed.stages)).returning();
  const deptIndex = new Map(seed.departments.map((d, i) => [d.name, i]));
  const stageIndex = new Map(seed.stages.map((s, i) => [s.name, i]));
  const slots = new Map<string, number>();

  const nodeRows = await tx
    .insert(nodes)
    .values(
      seed.nodes.map((n) => {
        const row = deptIndex.get(n.department)!;
        const col = stageIndex.get(n.stage)!;
        const slot = slots.get(`${row}:${col}`) ?? 0;
        slots.set(`${row}:${col}`, slot + 1);
        return {
          organizationId,
          projectId,
          label: n.label,
          description: n.description ?? null,
          type: n.type,
          status: n.status,
          progress: n.progress,
          departmentId: deptRows[row]!.id,
          stageId: stageRows[col]!.id,
          // Offsets inside the cell: steps sharing a cell stack downwards.
          positionX: CELL_PADDING,
          positionY: CELL_PADDING + slot * (NODE_HEIGHT + CELL_PADDING),
          attributes: {
            tool: n.tools,
            avg_time: n.avgTime,
            is_repetitive: n.isRepetitive,
            brain_usage: n.brainUsage,
            assignee: n.assignee,
            pca: n.pca ?? 100,
            external: n.external ?? false,
          },
          ...estimateColumns(estimateMinutes(n.avgTime), "duration"),
          aiScore: automationScore({
            type: n.type,
            isRepetitive: n.isRepetitive,
            brainUsage: n.brainUsage,
            tools: n.tools,
            external: n.external ?? false,
          }).final_score,
          ontologyTags: n.tags,
          startedAt: n.status === "PENDING" || n.status === "READY" ? null : new Date(Date.now() - 7 * 86_400_000),
          completedAt: n.status === "COMPLETED" ? new Date(Date.now() - 86_400_000) : null,
        };
      }),
    )
    .returning({ id: nodes.id });
  const nodeId = new Map(seed.nodes.map((n, i) => [n.key, nodeRows[i]!.id]));

  await tx.insert(edges).values(
    seed.edges.map((e) => ({
      organizationId,
      projectId,
      sourceId: nodeId.get(e.from)!,
      targetId: nodeId.get(e.to)!,
      relationType: e.type,
      properties: {
        ...(e.lag && { lag_time: e.lag }),
        ...(e.frequency !== undefined && { frequency: e.frequency }),
        ...(e.condition && { condition: e.condition }),
      },
      ...estimateColumns(estimateMinutes(e.lag), "lag"),
    })),
  );
  return projectId;
}
