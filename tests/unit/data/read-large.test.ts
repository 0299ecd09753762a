import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGraphData } from '../../../scripts/lib/graph-data-fs';

describe('readGraphData on a large edge file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-large-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads 200k edge rows of one file (no argument-spreading stack overflow)', () => {
    cpSync('tests/fixtures/graph-data/small', dir, { recursive: true });
    const rows = ['source\ttarget\tkind\tmatch'];
    for (let i = 0; i < 200_000; i++) rows.push(`2102.00003\t2101.00002\tcites\tarxiv-id`);
    writeFileSync(join(dir, 'edges', 'fulltext-references.tsv'), rows.join('\n') + '\n');
    const dataset = readGraphData(dir);
    const fulltext = dataset.edges.filter((e) => e.value.provenance.source === 'fulltext-references');
    expect(fulltext).toHaveLength(200_000);
    expect(fulltext[199_999]!.line).toBe(200_001);
  });
});
