export type HighlightPart = { text: string; match: boolean };

const WORD = /([\p{L}\p{N}]+)/u;

export function queryTerms(q: string): string[] {
  return q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Splits `text` into matched and unmatched runs. A word matches when it starts with a query
 * term or, so typos light up what they found, when a term of 4+ letters shares its first
 * three letters and about its length.
 */
export function highlightParts(text: string, terms: string[]): HighlightPart[] {
  const parts: HighlightPart[] = [];
  for (const piece of text.split(WORD)) {
    if (!piece) continue;
    const word = piece.toLowerCase();
    const match = WORD.test(piece) && terms.some((t) => word.startsWith(t) || isNearMiss(word, t));
    const last = parts.at(-1);
    if (last && last.match === match) last.text += piece;
    else parts.push({ text: piece, match });
  }
  return parts;
}

function isNearMiss(word: string, term: string) {
  return term.length >= 4 && word.slice(0, 3) === term.slice(0, 3) && Math.abs(word.length - term.length) <= 2;
}
