/**
 * The one rule for "an arXiv identifier as arXiv issues it"
 * (https://info.arxiv.org/help/arxiv_identifier.html). Pure; the rest of src imports it from here
 * (src/model imports nothing else in src).
 */

/**
 * Whether `id` is an identifier of arXiv's scheme since April 2007: YYMM.NNNN from 0704 to 1412,
 * YYMM.NNNNN from 1501, MM a month. "0612.1234" (before the scheme) or "2213.12345" (no such
 * month) are not.
 */
export function isNewStyleArxivId(id: string): boolean {
  const m = /^(\d{2})(\d{2})\.(\d{4,5})$/.exec(id);
  if (!m) return false;
  const month = Number(m[2]);
  const yymm = Number(m[1]) * 100 + month;
  if (month < 1 || month > 12 || yymm < 704) return false;
  return m[3]!.length === (yymm >= 1501 ? 5 : 4);
}
