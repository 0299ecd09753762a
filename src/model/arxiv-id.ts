/**
 * The one rule for "an arXiv identifier as arXiv issues it"
 * (https://info.arxiv.org/help/arxiv_identifier.html). Pure but for the clock (an id of a month to
 * come is not issued yet); the rest of src imports it from here (src/model imports nothing else in
 * src).
 */

/** The current month as YYMM in UTC, cached until the month ends (or the clock goes back). */
let month = { yymm: 0, from: 0, until: 0 };

/**
 * The latest month arXiv can have issued ids in. arXiv numbers by its own (US Eastern) month, which
 * is never ahead of UTC's.
 */
function latestIssuedYymm(): number {
  const now = Date.now();
  if (now < month.from || now >= month.until) {
    const d = new Date(now);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    month = { yymm: (y % 100) * 100 + m + 1, from: Date.UTC(y, m, 1), until: Date.UTC(y, m + 1, 1) };
  }
  return month.yymm;
}

/**
 * Whether `id` is an identifier of arXiv's scheme since April 2007: YYMM.NNNN from 0704 to 1412,
 * YYMM.NNNNN from 1501 to the current month, MM a month, the number from 1. "0612.1234" (before the
 * scheme), "2213.12345" (no such month) or "9501.00004" (January 2095) are not.
 */
export function isNewStyleArxivId(id: string): boolean {
  const m = /^(\d{2})(\d{2})\.(\d{4,5})$/.exec(id);
  if (!m) return false;
  const mm = Number(m[2]);
  const yymm = Number(m[1]) * 100 + mm;
  if (mm < 1 || mm > 12 || yymm < 704 || yymm > latestIssuedYymm()) return false;
  return m[3]!.length === (yymm >= 1501 ? 5 : 4) && Number(m[3]) > 0;
}

/**
 * Whether `id` is an identifier of arXiv's scheme before April 2007: archive(.XX)/YYMMNNN, e.g.
 * "hep-th/9901001" or "math.GT/0309136", from arXiv's start (9108) to 0703, MM a month, the number
 * from 1.
 */
export function isOldStyleArxivId(id: string): boolean {
  const m = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/(\d{2})(\d{2})(\d{3})$/.exec(id);
  if (!m) return false;
  const yy = Number(m[1]);
  const mm = Number(m[2]);
  const yyyymm = (yy >= 91 ? 1900 + yy : 2000 + yy) * 100 + mm;
  return mm >= 1 && mm <= 12 && yyyymm >= 199108 && yyyymm <= 200703 && Number(m[3]) > 0;
}

/** Whether `id` (without version) is an arXiv identifier of either scheme. */
export function isArxivId(id: string): boolean {
  return isNewStyleArxivId(id) || isOldStyleArxivId(id);
}
