/**
 * Event logs from the systems that record the work, as CSV (with a column mapping) or XES
 * (IEEE 1849): case id, activity, when it started and completed (or one timestamp), resource.
 * Pure: parsing, matching activities to the map's steps, and turning cases into run events.
 * Every bad row is a problem naming its line; a log with problems is refused whole.
 */
import { XMLParser } from "fast-xml-parser";

export type LogEvent = { line: number; caseId: string; activity: string; start: number | null; end: number; resource: string | null };
export type LogProblem = { line: number; message: string };
export type LogParse = { events: LogEvent[]; problems: LogProblem[] };

export type CsvMapping = { caseId: string; activity: string; complete: string; start?: string | null; resource?: string | null };

/** Problems beyond this many are counted, not listed. */
export const MAX_LISTED_PROBLEMS = 100;

/** A timestamp: ISO 8601; without a zone it is read as UTC ("2026-12-07 09:30" is 09:30 UTC). */
export function parseTimestamp(text: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  const local = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t);
  const iso = local ? `${t.replace(" ", "T")}Z` : t;
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : at;
}

/** RFC 4180 records with the line each starts on; quoted fields may hold separators, quotes ("") and line breaks. */
export function csvRecords(text: string): { line: number; fields: string[] }[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = [",", ";", "\t"].reduce((best, s) => (firstLine.split(s).length > firstLine.split(best).length ? s : best), ",");
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field === "") quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== "") records.push({ line: recordLine, fields });
      fields = [];
      field = "";
      line++;
      recordLine = line;
    } else field += c;
  }
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}

/** The header of a CSV log, for the mapping dialog. */
export function csvColumns(text: string): string[] {
  return (csvRecords(text.slice(0, 64_000))[0]?.fields ?? []).map((f) => f.trim());
}

export function parseCsvLog(text: string, mapping: CsvMapping): LogParse {
  const [header, ...rows] = csvRecords(text);
  const problems: LogProblem[] = [];
  if (!header) return { events: [], problems: [{ line: 1, message: "The file is empty" }] };
  const columns = header.fields.map((f) => f.trim());
  const index = (name: string | null | undefined, what: string) => {
    if (!name) return -1;
    const at = columns.indexOf(name);
    if (at < 0) problems.push({ line: 1, message: `There is no column “${name}” for the ${what} (the columns are ${columns.join(", ")})` });
    return at;
  };
  const caseAt = index(mapping.caseId, "case id");
  const activityAt = index(mapping.activity, "activity");
  const completeAt = index(mapping.complete, "completion time");
  const startAt = index(mapping.start, "start time");
  const resourceAt = index(mapping.resource, "resource");
  if (problems.length) return { events: [], problems };
  const events: LogEvent[] = [];
  for (const { line, fields } of rows) {
    const value = (at: number) => (at >= 0 ? (fields[at] ?? "").trim() : "");
    const caseId = value(caseAt);
    const activity = value(activityAt);
    const end = parseTimestamp(value(completeAt));
    const start = startAt >= 0 && value(startAt) !== "" ? parseTimestamp(value(startAt)) : null;
    const wrong = [
      !caseId && "no case id",
      !activity && "no activity",
      end === null && `“${value(completeAt)}” is not a time like 2026-12-07T09:30:00Z`,
      startAt >= 0 && value(startAt) !== "" && start === null && `the start “${value(startAt)}” is not a time like 2026-12-07T09:30:00Z`,
      start !== null && end !== null && start > end && "it completes before it starts",
    ].filter(Boolean);
    if (wrong.length) {
      problems.push({ line, message: wrong.join("; ") });
      continue;
    }
    events.push({ line, caseId, activity, start, end: end!, resource: value(resourceAt) || null });
  }
  return { events, problems };
}

type XesAttribute = { key?: string; value?: string };
type XesNode = { string?: XesAttribute[]; date?: XesAttribute[]; event?: XesNode[] };

const attribute = (node: XesNode, kind: "string" | "date", key: string) => node[kind]?.find((a) => a.key === key)?.value;

/**
 * XES: a trace per case (`concept:name`), its events with `concept:name`, `time:timestamp`,
 * `lifecycle:transition` (start / complete; other transitions are skipped) and `org:resource`.
 * A start and the next complete of the same activity in a case make one instance.
 */
export function parseXesLog(text: string): LogParse {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name) => ["trace", "event", "string", "date", "int", "float", "boolean"].includes(name),
  });
  let doc: { log?: { trace?: XesNode[] } };
  try {
    doc = parser.parse(text) as typeof doc;
  } catch (error) {
    return { events: [], problems: [{ line: 1, message: `The file is not XES: ${(error as Error).message}` }] };
  }
  if (!doc.log) return { events: [], problems: [{ line: 1, message: "The file is not XES: it has no <log> element" }] };
  const events: LogEvent[] = [];
  const problems: LogProblem[] = [];
  let count = 0;
  for (const [t, trace] of (doc.log.trace ?? []).entries()) {
    const caseId = attribute(trace, "string", "concept:name") ?? `trace ${t + 1}`;
    const open = new Map<string, number>();
    for (const event of trace.event ?? []) {
      count++;
      const activity = attribute(event, "string", "concept:name");
      const at = parseTimestamp(attribute(event, "date", "time:timestamp") ?? "");
      const transition = (attribute(event, "string", "lifecycle:transition") ?? "complete").toLowerCase();
      if (!activity || at === null) {
        problems.push({
          line: count,
          message: `Event ${count} (case ${caseId}) has no ${!activity ? "concept:name" : "valid time:timestamp"}`,
        });
        continue;
      }
      if (transition === "start") open.set(activity, at);
      else if (transition === "complete") {
        const start = open.get(activity) ?? null;
        open.delete(activity);
        events.push({ line: count, caseId, activity, start, end: at, resource: attribute(event, "string", "org:resource") ?? null });
      }
    }
  }
  return { events, problems };
}

/** Edit distance over the Damerau rule (an adjacent swap is one edit), for matching names. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

const normal = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

export type ActivityMatch = { activity: string; events: number; stepId: string | null; how: "exact" | "fuzzy" | "none" };

/** Each activity's step: the same name (case and punctuation aside), else the one clearly closest name (80% alike), else none. */
export function matchActivities(events: LogEvent[], steps: { id: string; label: string }[]): ActivityMatch[] {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.activity, (counts.get(e.activity) ?? 0) + 1);
  const byName = new Map(steps.map((s) => [normal(s.label), s.id]));
  return [...counts].map(([activity, n]) => {
    const name = normal(activity);
    const exact = byName.get(name);
    if (exact) return { activity, events: n, stepId: exact, how: "exact" as const };
    const scored = steps
      .map((s) => {
        const label = normal(s.label);
        return { id: s.id, score: 1 - distance(name, label) / Math.max(name.length, label.length, 1) };
      })
      .sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (best && best.score >= 0.8 && (!second || best.score - second.score >= 0.05))
      return { activity, events: n, stepId: best.id, how: "fuzzy" as const };
    return { activity, events: n, stepId: null, how: "none" as const };
  });
}

export type LogCase = { caseId: string; startedAt: number; events: { stepId: string; kind: "START" | "FINISH"; at: number }[] };

/**
 * One run per case: it starts at its first event, and each instance of a mapped activity is a
 * START and a FINISH. With completion times only, an instance starts when the case's previous
 * instance completed (the first one when the case starts).
 */
export function casesFromLog(events: LogEvent[], stepOf: ReadonlyMap<string, string | null>): { cases: LogCase[]; ignored: number } {
  const byCase = new Map<string, LogEvent[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  let ignored = 0;
  const cases = [...byCase].map(([caseId, list]) => {
    const sorted = [...list].sort((a, b) => (a.start ?? a.end) - (b.start ?? b.end) || a.end - b.end || a.line - b.line);
    const startedAt = Math.min(...sorted.map((e) => e.start ?? e.end));
    let previous = startedAt;
    const out: LogCase["events"] = [];
    for (const e of [...sorted].sort((a, b) => a.end - b.end || a.line - b.line)) {
      const stepId = stepOf.get(e.activity) ?? null;
      const start = e.start ?? previous;
      previous = e.end;
      if (!stepId) {
        ignored++;
        continue;
      }
      out.push({ stepId, kind: "START", at: start }, { stepId, kind: "FINISH", at: e.end });
    }
    return { caseId, startedAt, events: out };
  });
  return { cases, ignored };
}

/** How far an import has got: the log read and checked, then step times written out of `total`. */
export type ImportProgress = { phase: "checking" | "writing"; written: number; total: number };
