"use client";

import { signedMinutes, type Figures } from "~/domain/delta";
import { formatMinutes } from "~/domain/duration";
import { percent } from "./format";

/** "6h 35m → 4h 35m (−2h)", the change coloured: less time is better. */
function FigureRow({ term, from, to, testId }: { term: string; from: number; to: number; testId?: string }) {
  const change = to - from;
  return (
    <>
      <dt className="text-slate-500">{term}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {formatMinutes(from)} → {formatMinutes(to)}
        {Math.round(change) !== 0 && (
          <span className={`ml-1 text-xs ${change < 0 ? "text-emerald-700" : "text-red-700"}`}>({signedMinutes(change)})</span>
        )}
      </dd>
    </>
  );
}

type DeltaRowsProps = {
  before: Figures;
  after: Figures;
  sentence: string;
  /** Prefixes the rows' test ids: `${testIdPrefix}-lead-time`, `-work`, `-waiting`, `-flow-efficiency`, `-p80`, `-explanation`. */
  testIdPrefix: string;
  /** The lead times to show when they are not the figures' own (a version keeps the one it was saved with). */
  lead?: { from: number; to: number };
};

/**
 * The rows of a comparison inside a two-column `<dl>`: lead time, work, waiting, flow
 * efficiency and P80 before and after, then the sentence that says why.
 */
export function DeltaRows({ before, after, sentence, testIdPrefix, lead }: DeltaRowsProps) {
  return (
    <>
      <FigureRow
        term="Lead time"
        from={lead?.from ?? before.totalMinutes}
        to={lead?.to ?? after.totalMinutes}
        testId={`${testIdPrefix}-lead-time`}
      />
      <FigureRow term="Work" from={before.processMinutes} to={after.processMinutes} testId={`${testIdPrefix}-work`} />
      <FigureRow term="Waiting" from={before.waitingMinutes} to={after.waitingMinutes} testId={`${testIdPrefix}-waiting`} />
      <dt className="text-slate-500">Flow efficiency</dt>
      <dd className="tabular-nums" data-testid={`${testIdPrefix}-flow-efficiency`}>
        {percent(before.flowEfficiency)} → {percent(after.flowEfficiency)}
      </dd>
      {before.p80Minutes !== null && after.p80Minutes !== null && (
        <FigureRow term="P80" from={before.p80Minutes} to={after.p80Minutes} testId={`${testIdPrefix}-p80`} />
      )}
      <dd className="col-span-2 rounded-md bg-slate-50 px-2 py-1.5 text-xs text-slate-700" data-testid={`${testIdPrefix}-explanation`}>
        {sentence}
      </dd>
    </>
  );
}
