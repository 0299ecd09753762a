/** The one rule for arXiv identifiers (src/model/arxiv-id.ts). */
import { describe, expect, it } from 'vitest';
import { isNewStyleArxivId } from '../../src/model/arxiv-id';

describe('isNewStyleArxivId', () => {
  it('accepts ids as arXiv issues them', () => {
    for (const id of ['0704.0001', '1412.7878', '1501.00001', '2208.12242', '2301.01234'])
      expect(isNewStyleArxivId(id), id).toBe(true);
  });
  it('refuses ids arXiv never issued', () => {
    // before the scheme, no such month, four digits after 1501, five before
    for (const id of ['0612.1234', '2313.12345', '2300.12345', '2301.1234', '1412.12345'])
      expect(isNewStyleArxivId(id), id).toBe(false);
    // not the bare id
    for (const id of ['2208.12242v2', 'arXiv:2208.12242', ' 2208.12242', '2208.122420', ''])
      expect(isNewStyleArxivId(id), id).toBe(false);
  });
});
