/**
 * Conferences, journals and preprint servers an awesome list may name, as data: one row per venue,
 * its usual name first, then other spellings. Matching ignores case, spaces and punctuation, so
 * "NeurIPS", "Neur IPS" and "neurips" are one venue. To recognise another venue, add a row.
 */
export const KNOWN_VENUES: readonly (readonly [name: string, ...aliases: string[]])[] = [
  // computer vision
  ['CVPR', 'Computer Vision and Pattern Recognition', 'CVPRW'],
  ['ICCV', 'International Conference on Computer Vision', 'ICCVW'],
  ['ECCV', 'European Conference on Computer Vision', 'ECCVW'],
  ['WACV'],
  ['BMVC', 'British Machine Vision Conference'],
  ['ACCV'],
  ['3DV'],
  ['IJCV', 'International Journal of Computer Vision'],
  ['TPAMI', 'PAMI', 'IEEE TPAMI', 'T-PAMI'],
  ['TIP', 'IEEE TIP', 'Transactions on Image Processing'],
  ['TCSVT', 'IEEE TCSVT'],
  ['TMM', 'IEEE TMM', 'Transactions on Multimedia'],
  ['TVCG', 'IEEE TVCG'],
  ['CVIU'],
  ['Pattern Recognition'],
  // machine learning
  ['NeurIPS', 'NIPS', 'Neural Information Processing Systems'],
  ['ICLR', 'International Conference on Learning Representations'],
  ['ICML', 'International Conference on Machine Learning'],
  ['AAAI'],
  ['IJCAI'],
  ['AISTATS'],
  ['UAI'],
  ['COLT'],
  ['TMLR', 'Transactions on Machine Learning Research'],
  ['JMLR', 'Journal of Machine Learning Research'],
  ['TNNLS', 'IEEE TNNLS'],
  ['KDD', 'SIGKDD'],
  ['WWW', 'The Web Conference'],
  // graphics and multimedia
  ['SIGGRAPH Asia', 'SIGGRAPH-Asia', 'SIGGRAPHAsia', 'SIGGRAPH ASIA'],
  ['SIGGRAPH', 'SIGGRPAH'],
  ['TOG', 'ACM TOG', 'Transactions on Graphics', 'ACM Transactions on Graphics'],
  ['Eurographics'],
  ['CGF', 'Computer Graphics Forum'],
  ['Pacific Graphics'],
  ['ACM MM', 'ACMMM', 'ACM Multimedia'],
  ['ICME', 'IEEE ICME'],
  ['ICIP', 'IEEE ICIP'],
  ['ICASSP', 'IEEE ICASSP'],
  ['Interspeech', 'INTERSPEECH'],
  // language
  ['ACL'],
  ['EMNLP'],
  ['NAACL'],
  ['COLING'],
  ['EACL'],
  // robotics
  ['ICRA'],
  ['IROS'],
  ['CoRL'],
  ['RSS'],
  // medicine and science
  ['MICCAI'],
  ['TMI', 'IEEE TMI', 'Transactions on Medical Imaging'],
  ['MedIA', 'Medical Image Analysis'],
  ['Nature'],
  ['Science'],
  ['ACM Computing Surveys', 'CSUR'],
  // preprints and review
  ['arXiv', 'Arxiv', 'arXiv preprint'],
  ['OpenReview'],
];

/** Letters and digits only, lowercase: how venue spellings are compared. */
function venueKey(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * Recognises venue names. `match` finds a known venue at the start of a text ("CVPR Oral", "ACM MM
 * 2024", "Proc. NeurIPS") and returns its usual name, or null. Built from KNOWN_VENUES or any other
 * table of the same shape.
 */
export class VenueIndex {
  /** alias words (lowercase) → usual name, longest alias first. */
  private readonly aliases: { words: string[]; name: string }[];

  constructor(table: readonly (readonly [string, ...string[]])[] = KNOWN_VENUES) {
    this.aliases = table
      .flatMap(([name, ...more]) => [name, ...more].map((a) => ({ words: words(a), name })))
      .filter((a) => a.words.length > 0)
      .sort((a, b) => b.words.join('').length - a.words.join('').length);
  }

  /** The usual name of the venue the text opens with (after "Proc." / "In" / "IEEE"), else null. */
  match(text: string): string | null {
    const w = words(text);
    for (let skip = 0; skip <= Math.min(2, w.length - 1); skip++) {
      const rest = w.slice(skip);
      for (const a of this.aliases) {
        if (a.words.length > rest.length) continue;
        if (a.words.every((x, i) => x === rest[i])) return a.name;
        // "ACMMM", "SIGGRAPHAsia": the alias written without spaces
        if (a.words.length > 1 && rest[0] === a.words.join('')) return a.name;
      }
      if (!/^(proc|proceedings|in|ieee|acm|the)$/.test(w[skip] ?? '')) break;
    }
    return null;
  }
}

function words(s: string): string[] {
  return s
    .split(/[\s.,;:/()[\]{}'’_-]+/)
    .map(venueKey)
    .filter((x) => x !== '');
}

/** ICML's volumes of the Proceedings of Machine Learning Research, by year. */
const ICML_VOLUMES: Readonly<Record<string, number>> = {
  '37': 2015,
  '48': 2016,
  '70': 2017,
  '80': 2018,
  '97': 2019,
  '119': 2020,
  '139': 2021,
  '162': 2022,
  '202': 2023,
  '235': 2024,
  '267': 2025,
};

/**
 * Publishers' addresses that name the venue (and often the year) of the paper they serve, as data:
 * pattern, venue (a group number when the address spells it), year group (0: none).
 */
export const VENUE_ADDRESSES: readonly (readonly [pattern: RegExp, venue: string | number, year: number])[] =
  [
    [/^https?:\/\/openaccess\.thecvf\.com\/content[/_]?(cvpr|iccv|wacv|accv|eccv)_?(\d{4})/i, 1, 2],
    [/^https?:\/\/(?:www\.)?ecva\.net\/papers\/eccv_(\d{4})\//i, 'ECCV', 1],
    [
      /^https?:\/\/(?:proceedings|papers)\.(?:neurips|nips)\.cc\/paper(?:_files\/paper)?\/(\d{4})\//i,
      'NeurIPS',
      1,
    ],
    [/^https?:\/\/(?:www\.)?aclanthology\.org\/(\d{4})\.(acl|emnlp|naacl|eacl|coling)-/i, 2, 1],
    [/^https?:\/\/(?:www\.)?openreview\.net\//i, 'OpenReview', 0],
    [/^https?:\/\/ojs\.aaai\.org\//i, 'AAAI', 0],
    [/^https?:\/\/(?:www\.)?ijcai\.org\/proceedings\/(\d{4})\//i, 'IJCAI', 1],
  ];

/** The venue (and year) a paper's address names: CVF open access, NeurIPS proceedings, PMLR's ICML volumes, … */
export function venueFromAddress(url: string): { venue: string; year: number | null } | null {
  const pmlr = /^https?:\/\/proceedings\.mlr\.press\/v(\d+)\//i.exec(url)?.[1];
  if (pmlr && ICML_VOLUMES[pmlr] !== undefined) return { venue: 'ICML', year: ICML_VOLUMES[pmlr] ?? null };
  for (const [re, venue, year] of VENUE_ADDRESSES) {
    const m = re.exec(url);
    if (!m) continue;
    const name = typeof venue === 'number' ? (m[venue] ?? '').toUpperCase() : venue;
    return { venue: name, year: year > 0 ? Number(m[year]) : null };
  }
  return null;
}
