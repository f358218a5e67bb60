import { describe, expect, it } from "vitest";
import { casesFromLog, csvColumns, csvRecords, matchActivities, parseCsvLog, parseTimestamp, parseXesLog } from "./eventlog";

const at = (iso: string) => Date.parse(iso);

describe("event logs", () => {
  it("reads CSV records with quotes, separators and line breaks inside fields, and any of , ; or tab", () => {
    expect(csvRecords('a,b\n1,"x, ""y""\nz"\r\n2,w\n')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", 'x, "y"\nz'] },
      { line: 4, fields: ["2", "w"] },
    ]);
    expect(csvColumns("case;activity;done\n1;A;2026")).toEqual(["case", "activity", "done"]);
    expect(csvRecords("a\tb\n1\t2")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
    ]);
  });

  it("reads times as ISO 8601, zone-less ones as UTC, and nothing else", () => {
    expect(parseTimestamp("2026-12-07 09:30")).toBe(at("2026-12-07T09:30:00Z"));
    expect(parseTimestamp("2026-12-07T09:30:00+01:00")).toBe(at("2026-12-07T08:30:00Z"));
    expect(parseTimestamp("07/12/2026")).toBeNull();
    expect(parseTimestamp("")).toBeNull();
  });

  it("lists every bad row by line and keeps the good ones", () => {
    const text =
      "case,activity,start,done\n1,Check,2026-12-07 09:00,2026-12-07 10:00\n2,,2026-12-07 09:00,yesterday\n3,Ship,2026-12-07 11:00,2026-12-07 10:00\n";
    const parsed = parseCsvLog(text, { caseId: "case", activity: "activity", start: "start", complete: "done" });
    expect(parsed.events).toEqual([
      { line: 2, caseId: "1", activity: "Check", start: at("2026-12-07T09:00:00Z"), end: at("2026-12-07T10:00:00Z"), resource: null },
    ]);
    expect(parsed.problems).toEqual([
      { line: 3, message: "no activity; “yesterday” is not a time like 2026-12-07T09:30:00Z" },
      { line: 4, message: "it completes before it starts" },
    ]);
    expect(parseCsvLog(text, { caseId: "id", activity: "activity", complete: "done" }).problems[0]!.message).toBe(
      "There is no column “id” for the case id (the columns are case, activity, start, done)",
    );
  });

  it("reads XES traces, pairing a start with the next complete of the same activity", () => {
    const xes = `<?xml version="1.0"?><log xes.version="1.0">
      <trace><string key="concept:name" value="c1"/>
        <event><string key="concept:name" value="Check"/><string key="lifecycle:transition" value="start"/><date key="time:timestamp" value="2026-12-07T09:00:00.000+00:00"/></event>
        <event><string key="concept:name" value="Check"/><string key="lifecycle:transition" value="complete"/><date key="time:timestamp" value="2026-12-07T10:00:00.000+00:00"/><string key="org:resource" value="Ann"/></event>
        <event><string key="concept:name" value="Ship"/><date key="time:timestamp" value="2026-12-07T12:00:00.000+00:00"/></event>
      </trace></log>`;
    expect(parseXesLog(xes)).toEqual({
      events: [
        { line: 2, caseId: "c1", activity: "Check", start: at("2026-12-07T09:00:00Z"), end: at("2026-12-07T10:00:00Z"), resource: "Ann" },
        { line: 3, caseId: "c1", activity: "Ship", start: null, end: at("2026-12-07T12:00:00Z"), resource: null },
      ],
      problems: [],
    });
    expect(parseXesLog("<html/>").problems[0]!.message).toBe("The file is not XES: it has no <log> element");
  });

  it("matches activities to steps by name, then by a clearly closest name, and leaves the rest to the person", () => {
    const steps = [
      { id: "s1", label: "Check credit" },
      { id: "s2", label: "Ship order" },
      { id: "s3", label: "Review A" },
      { id: "s4", label: "Review B" },
    ];
    const events = ["check credit", "Chekc credit", "Ship ordr", "Review C", "Invoice"].map((activity, i) => ({
      line: i + 2,
      caseId: "1",
      activity,
      start: null,
      end: i,
    }));
    expect(matchActivities(events as never, steps).map((m) => [m.activity, m.stepId, m.how])).toEqual([
      ["check credit", "s1", "exact"],
      ["Chekc credit", "s1", "fuzzy"],
      ["Ship ordr", "s2", "fuzzy"],
      // Equally close to two steps: the person chooses.
      ["Review C", null, "none"],
      ["Invoice", null, "none"],
    ]);
  });

  it("turns a case into a run: with completion times only, an instance starts when the one before it completed", () => {
    const events = [
      { line: 2, caseId: "1", activity: "A", start: at("2026-12-07T09:00:00Z"), end: at("2026-12-07T10:00:00Z"), resource: null },
      { line: 3, caseId: "1", activity: "B", start: null, end: at("2026-12-07T12:00:00Z"), resource: null },
      { line: 4, caseId: "1", activity: "Noise", start: null, end: at("2026-12-07T12:30:00Z"), resource: null },
    ];
    const { cases, ignored } = casesFromLog(
      events,
      new Map([
        ["A", "a"],
        ["B", "b"],
        ["Noise", null],
      ]),
    );
    expect(ignored).toBe(1);
    expect(cases).toEqual([
      {
        caseId: "1",
        startedAt: at("2026-12-07T09:00:00Z"),
        events: [
          { stepId: "a", kind: "START", at: at("2026-12-07T09:00:00Z") },
          { stepId: "a", kind: "FINISH", at: at("2026-12-07T10:00:00Z") },
          { stepId: "b", kind: "START", at: at("2026-12-07T10:00:00Z") },
          { stepId: "b", kind: "FINISH", at: at("2026-12-07T12:00:00Z") },
        ],
      },
    ]);
  });
});
