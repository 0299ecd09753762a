/**
 * The identifiers a reference manager writes for a work, wherever it puts them: arXiv ids in an
 * eprint field, a URL (arxiv.org/abs/…, /pdf/…), the DOI arXiv registers (10.48550/arXiv.…), a
 * journal line "arXiv preprint arXiv:…" (Google Scholar's BibTeX), a note or "extra" field
 * ("arXiv: 2208.12242"); DOIs as bare DOIs, doi: or https://doi.org/ forms.
 */
import { arxivFromDoi, normalizeArxiv, normalizeDoi } from '../online/ids';

/**
 * What looks like an arXiv id in free text: "arXiv:2208.12242v2", "arXiv preprint arXiv:2208.12242",
 * "arxiv.org/abs/2208.12242", "arXiv:hep-th/9901001"; normalizeArxiv (the one rule) then decides.
 */
const ARXIV_IN_TEXT =
  /(?:arxiv\s*(?:preprint)?\s*:?\s*(?:arxiv\s*:\s*)?|arxiv\.org\/(?:abs|pdf)\/)(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)(?!\d)/gi;

/**
 * The first arXiv id as arXiv issues it named in any of `texts` (URLs, notes, journal lines), else
 * null; what only looks like one ("arXiv:9501.00004") is passed over.
 */
export function arxivInText(...texts: Array<string | null | undefined>): string | null {
  for (const t of texts) {
    if (!t) continue;
    for (const m of t.matchAll(ARXIV_IN_TEXT)) {
      const id = normalizeArxiv(m[1]);
      if (id) return id;
    }
  }
  return null;
}

/** A DOI in a field or a URL ("https://doi.org/10.1/x", "doi:10.1/x", "10.1/x"), else null. */
export function doiIn(...texts: Array<string | null | undefined>): string | null {
  for (const t of texts) {
    if (!t) continue;
    const direct = normalizeDoi(t);
    if (direct) return direct;
    const m = /(?:doi\.org\/|doi:\s*)(10\.\d{4,9}\/\S+)/i.exec(t);
    if (m) return normalizeDoi(m[1]!.replace(/[.,;]$/, ''));
  }
  return null;
}

/**
 * An entry's arXiv id: an explicit eprint (when its archive is arXiv or unnamed), else the arXiv DOI,
 * else one named in the other texts.
 */
export function entryArxiv(
  eprint: string | null | undefined,
  archive: string | null | undefined,
  doi: string | null,
  ...texts: Array<string | null | undefined>
): string | null {
  if (eprint && (!archive || /^arxiv$/i.test(archive.trim()))) {
    const id = normalizeArxiv(eprint) ?? arxivInText(eprint);
    if (id) return id;
  }
  return arxivFromDoi(doi) ?? arxivInText(...texts);
}

/** A four-digit year at the start of a date ("2022", "2022-08-25", "2022/08//"), else null. */
export function yearOf(text: string | number | null | undefined): number | null {
  if (typeof text === 'number') return Number.isInteger(text) ? text : null;
  const m = text ? /(?:^|\D)(\d{4})(?:\D|$)/.exec(text) : null;
  return m ? Number(m[1]) : null;
}
