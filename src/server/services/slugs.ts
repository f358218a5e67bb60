import { slugify } from "~/domain/schemas";

/**
 * First free slug among base, base-2, base-3, ... given the taken ones that share the
 * prefix. Callers still insert under a unique constraint, which settles any race.
 */
export function firstFreeSlug(name: string, taken: Iterable<string>): string {
  const base = slugify(name);
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

export function slugPrefixPattern(name: string): string {
  return `${slugify(name)}%`;
}
