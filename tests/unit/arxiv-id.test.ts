/** The one rule for arXiv identifiers (src/model/arxiv-id.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isArxivId, isNewStyleArxivId, isOldStyleArxivId } from '../../src/model/arxiv-id';

afterEach(() => {
  vi.useRealTimers();
});

describe('isNewStyleArxivId', () => {
  it('accepts ids as arXiv issues them', () => {
    for (const id of ['0704.0001', '1412.7878', '1501.00001', '2208.12242', '2301.01234'])
      expect(isNewStyleArxivId(id), id).toBe(true);
  });
  it('refuses ids arXiv never issued', () => {
    // before the scheme, no such month, four digits after 1501, five before, number zero
    for (const id of ['0612.1234', '2313.12345', '2300.12345', '2301.1234', '1412.12345', '2301.00000'])
      expect(isNewStyleArxivId(id), id).toBe(false);
    // a month to come: January 2095
    expect(isNewStyleArxivId('9501.00004')).toBe(false);
    // not the bare id
    for (const id of ['2208.12242v2', 'arXiv:2208.12242', ' 2208.12242', '2208.122420', ''])
      expect(isNewStyleArxivId(id), id).toBe(false);
  });
  it('takes ids up to the current month in UTC', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2023-01-31T23:59:00Z'));
    expect(isNewStyleArxivId('2301.00001')).toBe(true);
    expect(isNewStyleArxivId('2302.00001')).toBe(false);
    vi.setSystemTime(new Date('2023-02-01T00:00:00Z'));
    expect(isNewStyleArxivId('2302.00001')).toBe(true);
    // the clock set back
    vi.setSystemTime(new Date('2022-12-15T00:00:00Z'));
    expect(isNewStyleArxivId('2301.00001')).toBe(false);
    expect(isNewStyleArxivId('2212.00001')).toBe(true);
  });
});

describe('isOldStyleArxivId', () => {
  it('accepts archive(.XX)/YYMMNNN from August 1991 to March 2007', () => {
    for (const id of [
      'hep-th/9108001',
      'hep-th/9901001',
      'math.GT/0309136',
      'cond-mat/0703999',
      'cs/0112017',
    ])
      expect(isOldStyleArxivId(id), id).toBe(true);
  });
  it('refuses what arXiv never issued', () => {
    for (const id of [
      'hep-th/9107001', // before arXiv
      'hep-th/0704001', // after the old scheme
      'hep-th/9913001', // no such month
      'hep-th/9901000', // number zero
      'hep-th/990100', // six digits
      'math.gt/0309136', // subject class in lower case
      'HEP-TH/9901001',
      '-th/9901001',
      'hep-th/9901001v1',
    ])
      expect(isOldStyleArxivId(id), id).toBe(false);
  });
});

describe('isArxivId', () => {
  it('takes either scheme', () => {
    expect(isArxivId('2208.12242')).toBe(true);
    expect(isArxivId('hep-th/9901001')).toBe(true);
    for (const id of ['9501.00004', '2313.12345', '2301.1234', '0612.1234', 'hep-th/9913001'])
      expect(isArxivId(id), id).toBe(false);
  });
});
