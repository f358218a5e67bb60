import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname);
const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs"];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, out);
    else if (EXTENSIONS.some((x) => path.endsWith(x))) out.push(path);
  }
  return out;
}

/** The file an import names, for `~/` and relative imports (packages are not ours). */
function target(from: string, spec: string): string | null {
  const base = spec.startsWith("~/") ? join(SRC, spec.slice(2)) : spec.startsWith(".") ? resolve(dirname(from), spec) : null;
  if (base === null) return null;
  const candidates = [base, ...EXTENSIONS.map((x) => base + x), ...EXTENSIONS.map((x) => join(base, `index${x}`))];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Groups of files that import each other, directly or around a loop (Tarjan's strongly connected components). */
function importCircles(files: string[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    // Every kind of import counts: static, `import type`, re-exports and dynamic import().
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    graph.set(file, [...new Set(info.importedFiles.flatMap((i) => target(file, i.fileName) ?? []))]);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(group.map((f) => relative(SRC, f)).sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return circles;
}

describe("imports", () => {
  it("form no circle anywhere under src/", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    expect(importCircles(files)).toEqual([]);
  });

  it("the check finds a circle when there is one, type-only imports included", () => {
    const dir = mkdtempSync(join(tmpdir(), "import-circle-"));
    try {
      writeFileSync(join(dir, "a.ts"), 'import type { B } from "./b";\nexport type A = B;\n');
      writeFileSync(join(dir, "b.ts"), 'import { c } from "./c";\nexport type B = string;\nexport const d = c;\n');
      writeFileSync(join(dir, "c.ts"), 'export const c = () => import("./a");\n');
      expect(importCircles([join(dir, "a.ts"), join(dir, "b.ts"), join(dir, "c.ts")])).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
