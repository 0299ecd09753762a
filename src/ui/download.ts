/**
 * Saving a file from the page: a Blob behind an object URL, clicked through a temporary
 * `<a download>` (the CSP allows blob: URLs), the URL revoked once the browser has it.
 */
export function downloadBlob(doc: Document, blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // the download has started by the next tasks; a minute is plenty even for large files
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(doc: Document, text: string | Uint8Array, filename: string, mime: string): void {
  const part: BlobPart = typeof text === 'string' ? text : new Uint8Array(text);
  downloadBlob(doc, new Blob([part], { type: mime }), filename);
}
