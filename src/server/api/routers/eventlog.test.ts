import { describe, expect, it } from "vitest";
import { createOrgWithProject } from "~/server/test/actors";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { batch, edgeOp, nodeOp } from "~/server/test/graph";
import { readStream, streamResult } from "~/server/test/stream";

const MAPPING = { caseId: "case", activity: "activity", start: "start", complete: "complete", resource: "resource" };

/** Cases whose "Check credit" takes 30, 60, ... minutes and "Ship order" 2h, with a 15-minute wait between. */
function csvLog(cases: number) {
  const lines = ["case,activity,start,complete,resource"];
  for (let i = 0; i < cases; i++) {
    const base = Date.UTC(2026, 11, 1, 9) + i * 86_400_000;
    const check = 30 * (1 + (i % 5));
    const t = (m: number) => new Date(base + m * 60_000).toISOString();
    lines.push(`C${i},check credit,${t(0)},${t(check)},Ann`, `C${i},Ship ordr,${t(check + 15)},${t(check + 135)},Bo`);
  }
  return lines.join("\n");
}

function xesLog(cases: number) {
  const ev = (name: string, transition: string, at: number) =>
    `<event><string key="concept:name" value="${name}"/><string key="lifecycle:transition" value="${transition}"/><date key="time:timestamp" value="${new Date(at).toISOString()}"/></event>`;
  const traces = Array.from({ length: cases }, (_, i) => {
    const base = Date.UTC(2026, 11, 1, 9) + i * 86_400_000;
    const check = 30 * (1 + (i % 5));
    return `<trace><string key="concept:name" value="X${i}"/>${ev("Check credit", "start", base)}${ev("Check credit", "complete", base + check * 60_000)}${ev(
      "Ship order",
      "start",
      base + (check + 15) * 60_000,
    )}${ev("Ship order", "complete", base + (check + 135) * 60_000)}</trace>`;
  });
  return `<?xml version="1.0"?><log xes.version="1.0">${traces.join("")}</log>`;
}

describe.each(testDatabaseKinds())("event-log import (%s)", (kind) => {
  const db = useTestDatabase(kind);

  async function setup() {
    const fx = await createOrgWithProject(db(), `Logs ${kind}`);
    const check = nodeOp("Check credit", { avgTime: "1h" });
    const ship = nodeOp("Ship order", { avgTime: "2h" });
    await fx.ownerCaller.graph.applyOps({ projectId: fx.projectId, ...batch([check, ship, edgeOp(check.node.id, ship.node.id)]) });
    return { ...fx, caller: fx.ownerCaller, check: check.node.id, ship: ship.node.id };
  }

  it("previews a CSV log, imports its cases as runs, and the planned-versus-actual view gives back its medians", async () => {
    const { caller, projectId, check, ship } = await setup();
    const text = csvLog(50);
    const preview = await caller.run.previewLog({ projectId, format: "csv", text, mapping: MAPPING });
    expect(preview).toMatchObject({ events: 100, cases: 50, problems: [], problemCount: 0 });
    expect(preview.activities.map((a) => [a.activity, a.stepId, a.how])).toEqual([
      ["check credit", check, "exact"],
      ["Ship ordr", ship, "fuzzy"],
    ]);
    // The import says how far it has got: checked, then the step times written, 100 of 100.
    const streamed = await readStream(caller.run.importLog({ projectId, format: "csv", text, mapping: MAPPING }));
    expect(streamed.result).toEqual({ cases: 50, events: 100, ignored: 0 });
    expect(streamed.progress[0]).toEqual({ phase: "checking", written: 0, total: 0 });
    expect(streamed.progress.at(-1)).toEqual({ phase: "writing", written: 100, total: 100 });
    const actual = await caller.run.actuals({ projectId, factor: 1.5 });
    const by = Object.fromEntries(actual.steps.map((s) => [s.id, s]));
    // Check credit: 30, 60, 90, 120, 150 minutes ten times each.
    expect(by[check]).toMatchObject({ samples: 50, median: 90, estimate: 60, flagged: false, waitMedian: 0 });
    expect(by[ship]).toMatchObject({ samples: 50, median: 120, p80: 120, waitMedian: 15 });
    expect(actual).toMatchObject({ runs: 50, finishedRuns: 50, skipped: { count: 0 }, outOfOrder: { count: 0 } });
    expect(actual.lead.median).toBe(225);
    expect((await caller.run.list({ projectId })).length).toBe(50);

    // The same cases again: refused, nothing added.
    expect((await failure(streamResult(caller.run.importLog({ projectId, format: "csv", text, mapping: MAPPING })))).message).toMatch(
      /^50 cases are already imported \(C\d+, C\d+, C\d+, C\d+, C\d+…\); nothing was imported$/,
    );
    expect((await caller.run.list({ projectId })).length).toBe(50);
  });

  it("counts each pass of a step a case ran twice, read back in the order of the log", async () => {
    const { caller, projectId, check } = await setup();
    const lines = ["case,activity,start,complete,resource"];
    for (let i = 0; i < 40; i++) {
      const t = (m: number) => new Date(Date.UTC(2026, 11, 1, 9) + i * 86_400_000 + m * 60_000).toISOString();
      lines.push(`C${i},check credit,${t(0)},${t(60)},Ann`);
      // Every other case checks again after a 10-minute pause: a second pass of 30 minutes.
      if (i % 2) lines.push(`C${i},check credit,${t(70)},${t(100)},Ann`);
    }
    await streamResult(caller.run.importLog({ projectId, format: "csv", text: lines.join("\n"), mapping: MAPPING }));
    const actual = await caller.run.actuals({ projectId, factor: 1.5 });
    expect(actual.steps.find((s) => s.id === check)).toMatchObject({ samples: 60, repeated: { cases: 20, passes: 40 }, p10: 30, p80: 60 });
  });

  it("imports XES with start and complete events the same way", async () => {
    const { caller, projectId, check } = await setup();
    expect(await streamResult(caller.run.importLog({ projectId, format: "xes", text: xesLog(10) }))).toMatchObject({
      cases: 10,
      events: 20,
    });
    const actual = await caller.run.actuals({ projectId, factor: 1.5 });
    expect(actual.steps.find((s) => s.id === check)).toMatchObject({ samples: 10, median: 90 });
  });

  it("refuses a log with bad rows, listing them by line, and imports nothing; unmatched activities can be left out or mapped", async () => {
    const { caller, projectId, ship } = await setup();
    const bad = `${csvLog(3)}\nC9,Ship order,2026-12-09T10:00:00Z,soon,Bo\nC10,,2026-12-09T10:00:00Z,2026-12-09T11:00:00Z,Bo`;
    const preview = await caller.run.previewLog({ projectId, format: "csv", text: bad, mapping: MAPPING });
    expect(preview.problems).toEqual([
      { line: 8, message: "“soon” is not a time like 2026-12-07T09:30:00Z" },
      { line: 9, message: "no activity" },
    ]);
    const refused = await failure(streamResult(caller.run.importLog({ projectId, format: "csv", text: bad, mapping: MAPPING })));
    expect(refused.message).toBe("The log has 2 bad rows; nothing was imported");
    expect(await caller.run.list({ projectId })).toEqual([]);

    const odd = "case,activity,complete\nA,Pack,2026-12-07T10:00:00Z\nA,Send,2026-12-07T11:00:00Z\n";
    const columns = { caseId: "case", activity: "activity", complete: "complete" };
    const unmatched = await caller.run.previewLog({ projectId, format: "csv", text: odd, mapping: columns });
    expect(unmatched.activities.map((a) => a.how)).toEqual(["none", "none"]);
    const done = await streamResult(
      caller.run.importLog({
        projectId,
        format: "csv",
        text: odd,
        mapping: columns,
        activities: { Send: ship, Pack: null },
      }),
    );
    expect(done).toEqual({ cases: 1, events: 1, ignored: 1 });
    expect((await caller.run.previewLog({ projectId, format: "csv", text: odd })).problems).toEqual([
      { line: 1, message: "Choose the columns for the case id, the activity and the completion time" },
    ]);
  });
});
