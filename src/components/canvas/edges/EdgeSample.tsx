import { CRITICAL_HALO, type EdgeStroke } from "./edge-style";

/** A short arrow drawn with a connection's stroke, for the relation picker and the legend. */
export function EdgeSample({ stroke, halo = false, width = 28 }: { stroke: EdgeStroke; halo?: boolean; width?: number }) {
  const end = width - 7;
  return (
    <svg width={width} height="12" className="shrink-0 overflow-visible" aria-hidden="true">
      {halo && (
        <line
          x1="2"
          y1="6"
          x2={end}
          y2="6"
          stroke={stroke.color}
          strokeOpacity={CRITICAL_HALO.opacity}
          strokeWidth={CRITICAL_HALO.width}
          strokeLinecap="round"
        />
      )}
      <line
        x1="2"
        y1="6"
        x2={end}
        y2="6"
        stroke={stroke.color}
        strokeWidth={stroke.width}
        strokeDasharray={stroke.dash}
        strokeLinecap={stroke.dash ? "round" : undefined}
      />
      <path d={`M${end - 1} 2 L${width} 6 L${end - 1} 10 Z`} fill={stroke.color} />
    </svg>
  );
}
