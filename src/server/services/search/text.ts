/** Pure helpers for search input and output; no I/O, unit-tested in text.test.ts. */

/** Trigram matching needs a few characters: shorter queries would match nearly everything. */
export const MIN_FUZZY_LENGTH = 4;

/** Words as the 'simple' text-search parser sees them: runs of letters and digits, lower-cased. */
export function searchTerms(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/**
 * A to_tsquery() string that requires every word, the last one (still being typed) as a
 * prefix. Terms hold only letters and digits, so user input can never inject tsquery syntax.
 */
export function prefixTsQuery(terms: string[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((term, i) => (i === terms.length - 1 ? `${term}:*` : term)).join(" & ");
}

/** Words this short get no transposed spellings: too many short words are a swap apart. */
export const MIN_TRANSPOSED_LENGTH = 5;

/**
 * The spellings one swap of adjacent letters away ("onbaording" -> "onboarding", ...), the
 * typo trigram similarity forgives least (a swap breaks three trigrams).
 */
export function transpositions(term: string): string[] {
  if (term.length < MIN_TRANSPOSED_LENGTH) return [];
  const out = new Set<string>();
  for (let i = 0; i < term.length - 1; i++) {
    if (term[i] === term[i + 1]) continue;
    out.add(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  out.delete(term);
  return [...out];
}

/**
 * Like prefixTsQuery, with each word also allowed as any of its transpositions: null when no
 * word is long enough to have them (then it would only repeat the exact query).
 */
export function transposedTsQuery(terms: string[]): string | null {
  if (!terms.some((term) => transpositions(term).length > 0)) return null;
  return terms
    .map((term, i) => {
      const suffix = i === terms.length - 1 ? ":*" : "";
      const spellings = [term, ...transpositions(term)].map((spelling) => `${spelling}${suffix}`);
      return spellings.length > 1 ? `(${spellings.join(" | ")})` : spellings[0];
    })
    .join(" & ");
}

/** The query as the trigram indexes compare it (they index lower(title)). */
export function fuzzyText(q: string): string {
  return q.toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Up to `max` characters of `text` around the first word that starts with a query term, on
 * word boundaries, with ellipses where it was cut. Null when there is no text.
 */
export function snippetOf(text: string | null, terms: string[], max = 120): string | null {
  const clean = text?.replace(/\s+/g, " ").trim();
  if (!clean) return null;
  if (clean.length <= max) return clean;
  const lower = clean.toLowerCase();
  const hits = terms.map((t) => lower.search(new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(t)}`, "u"))).filter((i) => i >= 0);
  const hit = hits.length > 0 ? Math.min(...hits) : 0;
  let start = Math.max(0, hit - Math.floor(max / 3));
  if (start > 0) start = clean.indexOf(" ", start) + 1 || start;
  let end = Math.min(clean.length, start + max);
  if (end < clean.length) end = clean.lastIndexOf(" ", end) > start ? clean.lastIndexOf(" ", end) : end;
  return `${start > 0 ? "…" : ""}${clean.slice(start, end)}${end < clean.length ? "…" : ""}`;
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
