import { round2 } from "~/domain/numbers";
/** The CPM times flowOf reads (the engine gives more). */
type CpmTimes = { id: string; es: number; ef: number };

/**
 * Where the lead time goes: work versus waiting along the critical path (docs/ARCHITECTURE.md,
 * "6. Lead time"). Pure: it reads one CPM result and the rows it came from.
 *
 * Walking the critical path from its first step to its last:
 *   - a worked step's duration is process time;
 *   - an external step (the customer's, a supplier's, an authority's) is waited for: its
 *     duration is waiting time;
 *   - the gap between one step's finish and the next step's start is waiting time: the wait
 *     on the connection, plus any idle time while the next step waits for its last predecessor
 *     (on the critical path that predecessor is the previous step, so the gap is the wait).
 * The steps and gaps add up to the critical path exactly. Expected rework (the rework loops)
 * is neither: it is reported on its own and counts in the lead time, so flow efficiency =
 * process time / lead time is lowered by rework too.
 *
 * Per stage and per department, a step's time and the wait before it count where the step
 * sits, so the lanes' lead times add up to the critical path.
 */
export type FlowStep = {
  id: string;
  duration: number;
  stageId: string | null;
  departmentId: string | null;
  external: boolean;
  pca: number;
};
export type FlowLink = { id: string; source: string; target: string; lag: number };
export type Lane = { id: string; name: string };

export type Segment =
  | { kind: "step"; nodeId: string; minutes: number; external: boolean }
  | { kind: "wait"; edgeId: string | null; fromId: string; toId: string; minutes: number };

export type LaneFlow = {
  id: string | null;
  name: string;
  processMinutes: number;
  waitingMinutes: number;
  leadMinutes: number;
  /** process / lead, 0..1; null when the lane holds no time. */
  flowEfficiency: number | null;
};

export type RankedWait = Segment & { share: number };

export type Flow = {
  processMinutes: number;
  waitingMinutes: number;
  reworkMinutes: number;
  leadMinutes: number;
  flowEfficiency: number | null;
  /** The critical path as alternating steps and waits (waits of 0 left out), in order. */
  ladder: Segment[];
  /** The waits and external steps on the critical path, longest first, with their share of the lead time. */
  waits: RankedWait[];
  stages: LaneFlow[];
  departments: LaneFlow[];
  /** Rolled %C&A: the product of the steps' %C&A, 0-100. */
  rolledPca: { criticalPath: number; process: number };
  /** The share of cases that go through without rework, 0-100, from the rework loops (see firstPassYield). */
  firstPassYield: number;
};

/**
 * A rework loop of frequency f sends a case back f times on average. The Monte Carlo engine
 * draws the number of loops of a case as Poisson(f), so a case passes a loop first time with
 * probability e^-f, and all of them with e^-(sum of f): the loops are independent.
 */
export function firstPassYield(frequencies: readonly number[]): number {
  return round2(100 * Math.exp(-frequencies.reduce((sum, f) => sum + Math.max(0, f), 0)));
}

const UNASSIGNED = "Unassigned";

export function flowOf(input: {
  steps: FlowStep[];
  links: FlowLink[];
  loops: readonly number[];
  stages: Lane[];
  departments: Lane[];
  times: CpmTimes[];
  criticalPath: string[];
  reworkMinutes: number;
}): Flow {
  const step = new Map(input.steps.map((s) => [s.id, s]));
  const time = new Map(input.times.map((t) => [t.id, t]));
  const ladder: Segment[] = [];
  input.criticalPath.forEach((id, i) => {
    const previous = input.criticalPath[i - 1];
    const t = time.get(id);
    const s = step.get(id);
    if (!t || !s) return;
    if (previous !== undefined) {
      const gap = t.es - (time.get(previous)?.ef ?? t.es);
      if (gap > 1e-9)
        ladder.push({ kind: "wait", edgeId: tightLink(input.links, previous, id, gap), fromId: previous, toId: id, minutes: gap });
    }
    ladder.push({ kind: "step", nodeId: id, minutes: s.duration, external: s.external });
  });

  const isWaiting = (g: Segment) => g.kind === "wait" || g.external;
  const processMinutes = sum(ladder.filter((g) => !isWaiting(g)));
  const waitingMinutes = sum(ladder.filter(isWaiting));
  const leadMinutes = processMinutes + waitingMinutes + input.reworkMinutes;

  const laneFlows = (lanes: Lane[], laneOf: (s: FlowStep) => string | null): LaneFlow[] => {
    const totals = new Map<string | null, { process: number; waiting: number }>();
    for (const g of ladder) {
      const owner = step.get(g.kind === "step" ? g.nodeId : g.toId);
      if (!owner) continue;
      const key = laneOf(owner);
      const entry = totals.get(key) ?? { process: 0, waiting: 0 };
      if (isWaiting(g)) entry.waiting += g.minutes;
      else entry.process += g.minutes;
      totals.set(key, entry);
    }
    const ordered: { id: string | null; name: string }[] = [...lanes, { id: null, name: UNASSIGNED }];
    return ordered.flatMap(({ id, name }) => {
      const entry = totals.get(id);
      if (!entry) return [];
      const lead = entry.process + entry.waiting;
      return [
        {
          id,
          name,
          processMinutes: round2(entry.process),
          waitingMinutes: round2(entry.waiting),
          leadMinutes: round2(lead),
          flowEfficiency: lead > 0 ? round4(entry.process / lead) : null,
        },
      ];
    });
  };

  const product = (ids: Iterable<string>) => {
    let p = 1;
    for (const id of ids) p *= (step.get(id)?.pca ?? 100) / 100;
    return round2(100 * p);
  };

  return {
    processMinutes: round2(processMinutes),
    waitingMinutes: round2(waitingMinutes),
    reworkMinutes: round2(input.reworkMinutes),
    leadMinutes: round2(leadMinutes),
    flowEfficiency: leadMinutes > 0 ? round4(processMinutes / leadMinutes) : null,
    ladder: ladder.map((g) => ({ ...g, minutes: round2(g.minutes) })),
    waits: ladder
      .filter(isWaiting)
      .filter((g) => g.minutes > 0)
      .sort((a, b) => b.minutes - a.minutes)
      .map((g) => ({ ...g, minutes: round2(g.minutes), share: leadMinutes > 0 ? round4(g.minutes / leadMinutes) : 0 })),
    stages: laneFlows(input.stages, (s) => s.stageId),
    departments: laneFlows(input.departments, (s) => s.departmentId),
    rolledPca: { criticalPath: product(input.criticalPath), process: product(step.keys()) },
    firstPassYield: firstPassYield(input.loops),
  };
}

/** The connection the gap runs along: the dependency from `from` to `to` whose wait fills it best. */
function tightLink(links: FlowLink[], from: string, to: string, gap: number): string | null {
  let best: FlowLink | null = null;
  for (const link of links) {
    if (link.source !== from || link.target !== to) continue;
    if (!best || Math.abs(link.lag - gap) < Math.abs(best.lag - gap)) best = link;
  }
  return best?.id ?? null;
}

function sum(segments: Segment[]): number {
  return segments.reduce((total, g) => total + g.minutes, 0);
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}
