/** The size limit's words: file sizes written short, and a refusal whose two figures always differ. */
import { describe, expect, it } from 'vitest';
import { formatBytes, sizeProblem } from '../../src/ui/open-file';

describe('opening a file: the size limit', () => {
  it('writes sizes in bytes, kB and MB', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(120)).toBe('120 bytes');
    expect(formatBytes(850 * 1024)).toBe('850 kB');
    expect(formatBytes(72.1 * 1024 * 1024)).toBe('72.1 MB');
  });

  it('accepts a file up to the limit and refuses one over it, naming it', () => {
    const max = 50 * 1024 * 1024;
    expect(sizeProblem('a.gexf', max, max)).toBeNull();
    expect(sizeProblem('a.gexf', max + 1, max)).toBe(
      'a.gexf is 52,428,801 bytes: the explorer opens graph files of up to 50.0 MB.',
    );
    expect(sizeProblem('big.graphml', 72.1 * 1024 * 1024, max)).toBe(
      'big.graphml is 72.1 MB: the explorer opens graph files of up to 50.0 MB.',
    );
  });
});
