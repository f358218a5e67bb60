/** Two decimals, as minutes, hours and days are reported (e.g. 1.3333 -> 1.33). */
export const round2 = (n: number) => Math.round(n * 100) / 100;
