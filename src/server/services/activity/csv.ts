/**
 * RFC 4180 CSV for spreadsheets. Cells a spreadsheet would run as a formula (leading = + - @,
 * or a tab/carriage return that some apps strip before looking) get a leading apostrophe:
 * a step named "=HYPERLINK(...)" must arrive as text, not as a live link.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
