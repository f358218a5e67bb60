/**
 * The walk over a BPMN process that bpmn-read.ts turns into a project: the moddle helpers,
 * the steps, flows and left-out elements gathered from processes and sub-processes
 * (Assembly), the flows that close loops, and unique department names.
 */
import type { ModdleNode } from "bpmn-moddle";

export type SubProcessMode = "flatten" | "keep";
export type BpmnOptions = { newId?: () => string; subProcesses?: SubProcessMode };

export const LABEL_MAX = 255;
export const AXIS_MAX = 100;
/** How many element ids one note lists before it says "and N more". */
export const LIST_MAX = 12;

export const list = (node: ModdleNode | undefined, key: string) => (node?.get(key) as ModdleNode[] | undefined) ?? [];
export const one = (node: ModdleNode | undefined, key: string) => node?.get(key) as ModdleNode | undefined;
export const quote = (s: string) => `"${s}"`;
export const ids = (items: string[]) =>
  items.length > LIST_MAX ? `${items.slice(0, LIST_MAX).join(", ")} and ${items.length - LIST_MAX} more` : items.join(", ");
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const isSubProcess = (el: ModdleNode) => /SubProcess$|:Transaction$/.test(el.$type);
export const isStep = (el: ModdleNode) => /(Task|Event|Gateway|CallActivity)$/.test(el.$type) && el.$type !== "bpmn:BoundaryEvent";
/** "bpmn:ExclusiveGateway" -> "exclusive gateway". */
export const kindOf = (el: ModdleNode) =>
  el.$type
    .replace(/^.*:/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
/** Names from other tools often carry the line breaks of a wrapped label; ours are kept as written. */
export const collapse = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
export const trim = (s: string | undefined) => (s ?? "").trim();
export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export type Json = Record<string, unknown>;
export type Flow = { id: string; source: string; target: string; el?: ModdleNode; what: string };

/** One project being assembled from one or more processes. */
export class Assembly {
  readonly steps = new Map<string, { el: ModdleNode; lane: string | null; stage: string | undefined }>();
  readonly entries = new Map<string, string[]>();
  readonly exits = new Map<string, string[]>();
  readonly flows: Flow[] = [];
  /** Elements left out, by what they are (singular and plural), for one note each. */
  readonly left = new Map<string, { plural: string; ids: string[] }>();
  readonly departments: Json[] = [];
  readonly notes: string[] = [];
  subProcesses = 0;

  constructor(
    readonly fm: (el: ModdleNode | undefined, key: string) => string | undefined,
    readonly fmChildren: (el: ModdleNode | undefined, local: string) => Json[],
    readonly mode: SubProcessMode,
    readonly clean: (s: string | undefined) => string,
  ) {}

  leaveOut(what: string, id: string, plural = `${what}s`) {
    const entry = this.left.get(what) ?? { plural, ids: [] };
    entry.ids.push(id);
    this.left.set(what, entry);
  }

  /** Steps and flows of a process or sub-process, recursively; lane and stage are inherited. */
  walk(elements: ModdleNode[], laneOf: (id: string) => string | null, inherited: { lane: string | null; stage: string | undefined }) {
    for (const el of elements) {
      const id = el.id!;
      const lane = laneOf(id) ?? inherited.lane;
      const stage = this.fm(el, "stage") ?? inherited.stage;
      if (el.$type === "bpmn:SequenceFlow") {
        const source = one(el, "sourceRef")?.id;
        const target = one(el, "targetRef")?.id;
        if (source && target) this.flows.push({ id, source, target, el, what: "sequence flow" });
        else this.leaveOut("sequence flow without both ends", id, "sequence flows without both ends");
      } else if (isSubProcess(el)) {
        this.subProcesses++;
        const inner = list(el, "flowElements");
        const innerSteps = inner.filter((e) => isStep(e) || isSubProcess(e));
        const name = el.name ? ` ${quote(this.clean(el.name))}` : "";
        if (this.mode === "flatten" && innerSteps.length > 0) {
          this.walk(inner, laneOf, { lane, stage });
          this.ends(id, inner, innerSteps);
          this.notes.push(`${id}${name}: sub-process flattened into its ${plural(innerSteps.length, "step")}`);
        } else {
          this.steps.set(id, { el, lane, stage });
          const dropped = inner.filter((e) => e.$type !== "bpmn:DataObject").map((e) => e.id!);
          if (dropped.length)
            this.notes.push(`${id}${name}: kept as one step; left out its ${plural(dropped.length, "element")} (${ids(dropped)})`);
        }
      } else if (el.$type === "bpmn:BoundaryEvent") {
        const host = one(el, "attachedToRef");
        this.steps.set(id, { el, lane: laneOf(id) ?? (host?.id ? laneOf(host.id) : null) ?? inherited.lane, stage });
        if (host?.id) {
          this.flows.push({ id: `${id}:attached`, source: host.id, target: id, what: "attachment" });
          this.notes.push(
            `${id}${el.name ? ` ${quote(this.clean(el.name))}` : ""}: boundary event on ${host.id}, imported as a step after it`,
          );
        }
      } else if (isStep(el)) {
        this.steps.set(id, { el, lane, stage });
      } else if (el.$type !== "bpmn:DataObject") {
        this.leaveOut(kindOf(el), id);
      }
    }
  }

  /** A flattened sub-process is entered at its steps without incoming flows and left from those without outgoing ones. */
  ends(id: string, inner: ModdleNode[], innerSteps: ModdleNode[]) {
    const flows = inner.filter((e) => e.$type === "bpmn:SequenceFlow");
    const into = new Set(flows.map((f) => one(f, "targetRef")?.id));
    const from = new Set(flows.map((f) => one(f, "sourceRef")?.id));
    const eventTriggered = (e: ModdleNode) => isSubProcess(e) && e.get("triggeredByEvent") === true;
    const candidates = innerSteps.filter((e) => !eventTriggered(e));
    const pick = (set: Set<string | undefined>) => {
      const found = candidates.filter((e) => !set.has(e.id)).map((e) => e.id!);
      return found.length ? found : [candidates[0]?.id ?? innerSteps[0]!.id!];
    };
    this.entries.set(id, pick(into));
    this.exits.set(id, pick(from));
  }

  /** The imported steps an element stands for: itself, or a flattened sub-process's first or last steps. */
  resolve(id: string, side: "entries" | "exits", depth = 0): string[] {
    if (this.steps.has(id)) return [id];
    const inner = this[side].get(id);
    if (!inner || depth > 50) return [];
    return inner.flatMap((i) => this.resolve(i, side, depth + 1));
  }
}

/** The dependency flows that close a loop, found depth-first from the steps nothing leads to. */
export function loopClosers(order: string[], edges: { key: string; source: string; target: string }[]): Set<string> {
  const out = new Map<string, { key: string; target: string }[]>();
  const indegree = new Map<string, number>();
  for (const e of edges) {
    out.set(e.source, [...(out.get(e.source) ?? []), e]);
    indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
  }
  const state = new Map<string, "open" | "done">();
  const closers = new Set<string>();
  const roots = [...order.filter((id) => !indegree.get(id)), ...order];
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, "open");
    while (stack.length) {
      const top = stack.at(-1)!;
      const edge = out.get(top.id)?.[top.next++];
      if (!edge) {
        state.set(top.id, "done");
        stack.pop();
      } else if (state.get(edge.target) === "open") closers.add(edge.key);
      else if (!state.has(edge.target)) {
        state.set(edge.target, "open");
        stack.push({ id: edge.target, next: 0 });
      }
    }
  }
  return closers;
}

export function uniqueName(base: string, taken: Set<string>, qualifier?: string): string {
  let name = base.slice(0, AXIS_MAX).trim();
  if (taken.has(name.toLowerCase()) && qualifier) name = `${qualifier} / ${base}`.slice(0, AXIS_MAX).trim();
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, AXIS_MAX - 4).trim()} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}
