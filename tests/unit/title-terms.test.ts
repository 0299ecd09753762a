import { describe, expect, it } from 'vitest';
import { distinctiveTerms, logLikelihood, termIndex, tokenize } from '../../src/graph/clusters/title-terms';

describe('tokenize', () => {
  it('keeps hyphenated words whole, drops stopwords, numbers and short tokens, adds bigrams of neighbours', () => {
    expect(
      tokenize('DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation'),
    ).toEqual([
      'dreambooth',
      'fine',
      'dreambooth fine',
      'tuning',
      'fine tuning',
      'text-to-image',
      'tuning text-to-image',
      'diffusion',
      'text-to-image diffusion',
      'models',
      'diffusion models',
      // "for" breaks the bigram chain
      'subject-driven',
      'generation',
      'subject-driven generation',
    ]);
    expect(tokenize('An Image is Worth One Word: 3D in 2023', { bigrams: false })).toEqual(['image', 'word']);
    expect(tokenize('Ça va: Café’s crème brûlée', { bigrams: false })).toEqual(['cafe', 'creme', 'brulee']);
  });

  it('rejects a bad minimum length', () => {
    expect(() => tokenize('x', { minLength: 0 })).toThrow(/minLength must be an integer >= 1/);
  });
});

describe('log-likelihood G²', () => {
  it('matches a hand computation on a 2×2 table', () => {
    // a term in both papers of a 2-paper group and in none of the 2 others: every expected count is 1,
    // G² = 2 (2 ln 2 + 0 + 0 + 2 ln 2) = 8 ln 2
    expect(logLikelihood(2, 2, 0, 2)).toBeCloseTo(8 * Math.log(2), 12);
    // 1 of 3 in the group, 1 of 5 outside: expected 0.75 / 2.25 / 1.25 / 3.75
    const hand =
      2 * (1 * Math.log(1 / 0.75) + 2 * Math.log(2 / 2.25) + 1 * Math.log(1 / 1.25) + 4 * Math.log(4 / 3.75));
    expect(logLikelihood(1, 3, 1, 5)).toBeCloseTo(hand, 12);
    // no evidence: an empty side, or a term everyone (or no one) uses
    expect(logLikelihood(1, 1, 0, 0)).toBe(0);
    expect(logLikelihood(2, 2, 3, 3)).toBe(0);
    expect(logLikelihood(0, 2, 0, 3)).toBe(0);
  });
});

describe('distinctive terms', () => {
  const docs = new Map(
    Object.entries({
      p1: 'Textual inversion of faces',
      p2: 'Textual inversion for identity faces',
      p3: 'Encoder for faces',
      p4: 'StyleGAN encoder',
      p5: 'StyleGAN latent editing',
      p6: 'Latent editing with StyleGAN',
    }).map(([id, title]) => [id, new Set(tokenize(title))]),
  );
  const index = termIndex(docs);

  it('ranks the group’s over-represented terms by G², one term per word', () => {
    const terms = distinctiveTerms(index, ['p1', 'p2', 'p3']);
    // faces: 3 of 3 in, 0 of 3 out; "textual inversion" (2 of 3 in, 0 out) ties with "textual" and
    // "inversion" and wins as the bigram; "encoder" is used as often outside; the rest by one paper only
    expect(terms[0]).toMatchObject({ term: 'faces', count: 3 });
    expect(terms[0]!.score).toBeCloseTo(logLikelihood(3, 3, 0, 3), 12);
    expect(terms[1]).toMatchObject({ term: 'textual inversion', count: 2 });
    expect(terms[1]!.score).toBeCloseTo(logLikelihood(2, 3, 0, 3), 12);
    expect(terms.map((t) => t.term)).toEqual(['faces', 'textual inversion']);
    expect(distinctiveTerms(index, ['p4', 'p5', 'p6']).map((t) => t.term)).toEqual([
      'stylegan',
      'latent editing',
    ]);
  });

  it('takes single-paper terms when nothing is shared, and frequency when the group is everything', () => {
    // encoder: 1 other paper uses it, faces: 2 ("for" keeps "encoder faces" from being a bigram)
    const single = distinctiveTerms(index, ['p3']);
    expect(single.map((t) => t.term)).toEqual(['encoder', 'faces']);
    expect(single[0]!.score).toBeCloseTo(logLikelihood(1, 1, 1, 5), 12);
    const all = distinctiveTerms(index, [...docs.keys()], { limit: 2 });
    expect(all.map((t) => [t.term, t.score])).toEqual([
      ['faces', 0],
      ['stylegan', 0],
    ]);
  });

  it('rejects unknown papers and bad limits', () => {
    expect(() => distinctiveTerms(index, ['nope'])).toThrow(/paper "nope" is not in the term index/);
    expect(() => distinctiveTerms(index, ['p1'], { limit: -1 })).toThrow(/limit must be an integer >= 0/);
  });
});
