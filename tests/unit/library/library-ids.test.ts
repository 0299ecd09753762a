/** arXiv ids in a library's fields (src/library/ids.ts), by the one rule of src/model/arxiv-id.ts. */
import { describe, expect, it } from 'vitest';
import { arxivInText, entryArxiv } from '../../../src/library/ids';

const BOGUS = ['9501.00004', '2313.12345', '2301.1234', '0612.1234'];

describe('arxivInText', () => {
  it('finds real ids, new- and old-style, in notes, journal lines and URLs', () => {
    expect(arxivInText('arXiv preprint arXiv:2301.01234')).toBe('2301.01234');
    expect(arxivInText('https://arxiv.org/abs/2208.12242v2')).toBe('2208.12242');
    expect(arxivInText('arXiv:hep-th/9901001v1')).toBe('hep-th/9901001');
    expect(arxivInText('https://arxiv.org/abs/math.GT/0309136')).toBe('math.GT/0309136');
  });
  it('passes over what only looks like an id', () => {
    for (const bogus of BOGUS) {
      expect(arxivInText(`arXiv:${bogus}`), bogus).toBeNull();
      expect(arxivInText(`https://arxiv.org/abs/${bogus}`), bogus).toBeNull();
    }
    expect(arxivInText('arXiv:hep-th/9913001')).toBeNull();
    // more digits than an id has: no shorter id inside it
    expect(arxivInText('arXiv:2301.123456')).toBeNull();
    // a bogus one does not hide a real one after it
    expect(arxivInText('arXiv:9501.00004, see arxiv.org/abs/2208.12242')).toBe('2208.12242');
  });
});

describe('entryArxiv', () => {
  it('takes an eprint by the one rule, else the DOI or the texts', () => {
    expect(entryArxiv('2301.01234v2', 'arXiv', null)).toBe('2301.01234');
    expect(entryArxiv('hep-th/9901001', null, null)).toBe('hep-th/9901001');
    for (const bogus of BOGUS) {
      expect(entryArxiv(bogus, 'arXiv', null), bogus).toBeNull();
      expect(entryArxiv(null, null, `10.48550/arxiv.${bogus}`), bogus).toBeNull();
    }
    expect(entryArxiv('9501.00004', 'arXiv', null, 'https://arxiv.org/abs/2208.12242')).toBe('2208.12242');
  });
});
