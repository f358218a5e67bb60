import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workMinutes } from "~/domain/calendar";
import { calendarArb } from "~/domain/calendar-fixtures";
import type { Database } from "~/server/db";
import { departments, edges, nodes, organizations } from "~/server/db/schema";
import { createOrg } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { planSchedule } from "./schedule";
import { planScheduleSql } from "./schedule-sql";

const DURATIONS = [null, "45m", "2h", "1.5h", "1d", "3d", "1w", "2h / 1d / 3d", "1w 2d", "0m"];
/** Waits as typed and their elapsed minutes. */
const WAITS: [string | null, number][] = [
  [null, 0],
  [null, 0],
  ["15m", 15],
  ["1h", 60],
  ["1d", 1440],
  ["2h / 1d / 2d", 1440],
];

const projectArb = fc.integer({ min: 1, max: 14 }).chain((size) =>
  fc.record({
    organization: fc.option(calendarArb, { nil: null }),
    departments: fc.array(fc.option(calendarArb, { nil: null }), { maxLength: 3 }),
    steps: fc.array(fc.record({ duration: fc.constantFrom(...DURATIONS), department: fc.nat(3) }), { minLength: size, maxLength: size }),
    deps: fc
      .uniqueArray(
        fc
          .tuple(fc.nat(size - 1), fc.nat(size - 1), fc.constantFrom(...WAITS), fc.boolean())
          .map(([a, b, [text, lag], working]) => ({ s: Math.min(a, b), t: Math.max(a, b), text, lag, working })),
        { maxLength: size * 2, selector: (e) => `${e.s}-${e.t}` },
      )
      .map((deps) => deps.filter((e) => e.s !== e.t)),
    // Any minute from December 2026 to February 2027.
    start: fc.integer({ min: 0, max: 90 * 24 * 60 }).map((m) => Date.UTC(2026, 11, 1) + m * 60_000),
  }),
);

type Project = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;

async function insertProject(db: Database, ids: { organizationId: string; projectId: string }, p: Project) {
  await db
    .update(organizations)
    .set({ settings: sql`jsonb_set(settings, '{calendar}', ${JSON.stringify(p.organization)}::jsonb)` })
    .where(eq(organizations.id, ids.organizationId));
  const departmentIds = p.departments.map(() => randomUUID());
  if (p.departments.length)
    await db.insert(departments).values(
      p.departments.map((calendar, i) => ({
        ...ids,
        id: departmentIds[i]!,
        name: `D${i}`,
        color: "#0ea5e9",
        position: 100 + i,
        calendar,
      })),
    );
  const nodeIds = p.steps.map(() => randomUUID());
  await db.insert(nodes).values(
    p.steps.map((s, i) => ({
      ...ids,
      id: nodeIds[i]!,
      label: `n${i}`,
      type: "ACTION" as const,
      departmentId: departmentIds[s.department] ?? null,
      attributes: { avg_time: s.duration, tool: [], is_repetitive: false, brain_usage: "MEDIUM" as const, assignee: null },
    })),
  );
  if (p.deps.length)
    await db.insert(edges).values(
      p.deps.map((e) => ({
        ...ids,
        sourceId: nodeIds[e.s]!,
        targetId: nodeIds[e.t]!,
        relationType: "REQUIRES" as const,
        properties: { lag_time: e.text, ...(e.working && { lag_working: true }) },
        lagMinutes: e.lag,
      })),
    );
  return { nodeIds, departmentIds };
}

function twin(p: Project, nodeIds: string[]) {
  const calendarOf = (i: number) => p.departments[p.steps[i]!.department] ?? p.organization;
  return planSchedule(
    p.steps.map((s, i) => ({ id: nodeIds[i]!, duration: workMinutes(s.duration, calendarOf(i)), calendar: calendarOf(i) })),
    p.deps.map((e) => ({
      source: nodeIds[e.s]!,
      target: nodeIds[e.t]!,
      ...(e.working ? { lag: workMinutes(e.text, calendarOf(e.t)), working: true } : { lag: e.lag }),
    })),
    p.start,
  );
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
const dates = (list: { id: string; earliest: number; start: number; finish: number }[]) =>
  byId(list).map((s) => ({
    id: s.id,
    earliest: new Date(s.earliest).toISOString(),
    start: new Date(s.start).toISOString(),
    finish: new Date(s.finish).toISOString(),
  }));

describe.each(testDatabaseKinds())("SQL planned dates on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("equal the TypeScript twin's on random calendars, time zones, holidays, graphs and elapsed or working waits", async () => {
    const { caller, org } = await createOrg(db());
    await fc.assert(
      fc.asyncProperty(projectArb, async (p) => {
        const project = await caller.project.create({ organizationId: org.id, name: "Random" });
        const { nodeIds } = await insertProject(db(), { organizationId: org.id, projectId: project.id }, p);
        // The organization's default departments hold no steps; the random ones do.
        expect(dates(await planScheduleSql(db(), project.id, p.start))).toEqual(dates(twin(p, nodeIds)));
      }),
      { numRuns: 60 },
    );
  });
});
