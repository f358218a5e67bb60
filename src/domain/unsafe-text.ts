/**
 * Text PostgreSQL cannot store: a NUL character (text columns refuse it) or half of a UTF-16
 * surrogate pair (JSON columns refuse it, and it is not a character anywhere). Every
 * procedure's input is checked for both before it is parsed, so such text is a clear 400
 * instead of a failing statement.
 */
export type UnsafeText = { path: string; problem: string };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | null {
  if (text.includes("\u0000")) return "contains a NUL character";
  if (LONE_SURROGATE.test(text)) return "contains half of a character (a lone UTF-16 surrogate)";
  return null;
}

/** The first string (a value or an object key) that cannot be stored, with where it is, or null. */
export function findUnsafeText(value: unknown, path = "", seen = new Set<object>()): UnsafeText | null {
  if (typeof value === "string") {
    const problem = problemOf(value);
    return problem ? { path: path || "input", problem } : null;
  }
  if (value === null || typeof value !== "object" || seen.has(value)) return null;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnsafeText(item, `${path}[${i}]`, seen);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const keyProblem = problemOf(key);
    if (keyProblem) return { path: at, problem: `has a name that ${keyProblem}` };
    const found = findUnsafeText(item, at, seen);
    if (found) return found;
  }
  return null;
}

/** "nodes[0].label contains a NUL character". */
export function describeUnsafeText({ path, problem }: UnsafeText): string {
  return `${path} ${problem}`;
}
