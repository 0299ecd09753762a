/** Text helpers shared by the importers: title normalisation and slug ids. */

/** Lowercase, accents and punctuation removed, single spaces: for matching titles across sources. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A stable slug id from a title: its first words (at most 60 characters), lowercase ASCII
 * letters and digits joined by hyphens, e.g. "jedi-joint-image-diffusion-models-for-finetuning".
 */
export function slugId(title: string): string {
  const words = normaliseTitle(title)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > 60 && slug) break;
    slug = next.slice(0, 60);
  }
  return slug || 'untitled';
}

/** Heading or section text reduced to a matching key: lowercase letters and digits only. */
export function sectionKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
