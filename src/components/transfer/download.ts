/** Saves text the server produced as a file on the user's machine. */
export function downloadFile({ filename, mimeType, content }: { filename: string; mimeType: string; content: string }) {
  // A byte-order mark so spreadsheet apps read names in a CSV as UTF-8.
  const parts = mimeType === "text/csv" ? ["\uFEFF", content] : [content];
  const url = URL.createObjectURL(new Blob(parts, { type: `${mimeType};charset=utf-8` }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
