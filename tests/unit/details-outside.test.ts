/** The details drawer's words for a work outside the list: why it is there, and its pages at the services. */
import { describe, expect, it } from 'vitest';
import { outsideReason, paperLinks } from '../../src/ui/details-text';

describe('details of a work outside the list', () => {
  it('says why it was added', () => {
    expect(outsideReason({ outside: true, expandedBecause: { citedBy: 37 } })).toBe(
      'Outside the list · cited by 37 papers of the list',
    );
    expect(outsideReason({ outside: true, expandedBecause: { citedBy: 1 } })).toBe(
      'Outside the list · cited by 1 paper of the list',
    );
    expect(outsideReason({ outside: true, expandedBecause: { citedBy: 1204 } })).toBe(
      'Outside the list · cited by 1,204 papers of the list',
    );
    expect(outsideReason({ outside: true })).toBe('Outside the list');
    expect(outsideReason({})).toBeNull();
  });

  it('links its ids, escaped, after its arXiv page', () => {
    const links = paperLinks({
      arxiv: '1512.03385',
      links: {},
      externalIds: { doi: '10.1109/cvpr.2016.90', openalex: 'W2194775991', s2: 'abc123' },
    });
    expect(links).toEqual([
      { label: 'arXiv', url: 'https://arxiv.org/abs/1512.03385' },
      { label: 'DOI', url: 'https://doi.org/10.1109/cvpr.2016.90' },
      { label: 'OpenAlex', url: 'https://openalex.org/W2194775991' },
      { label: 'Semantic Scholar', url: 'https://www.semanticscholar.org/paper/abc123' },
    ]);
    const odd = paperLinks({
      arxiv: null,
      links: {},
      externalIds: { doi: '10.1002/(sici)1097<x>"y', arxiv: 'hep-th/9901001' },
    });
    expect(odd.map((l) => l.url)).toEqual([
      'https://arxiv.org/abs/hep-th/9901001',
      'https://doi.org/10.1002/(sici)1097%3Cx%3E%22y',
    ]);
    expect(paperLinks({ arxiv: null, links: {} })).toEqual([]);
  });

  it('links no arXiv page for an id arXiv never issued', () => {
    for (const bogus of ['9501.00004', '2313.12345', '2301.1234', '0612.1234', 'hep-th/9913001'])
      expect(paperLinks({ arxiv: null, links: {}, externalIds: { arxiv: bogus } }), bogus).toEqual([]);
  });
});
