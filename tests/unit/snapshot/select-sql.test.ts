/**
 * The selection SQL (scripts/sql/select/) run by embedded DuckDB on the hand-made snapshot fixture,
 * against the known answers and against the plain TypeScript selection (src/snapshot/select.ts)
 * on the same works.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { selectNeighbourhood, selectTopics, selectedEdges } from '../../../src/snapshot/select';
import { parseSeedsText } from '../../../src/snapshot/seeds';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureIndex, removeTempDirs, runImport, SEEDS, tempDir } from './snapshot-fixture';

afterAll(removeTempDirs);

const seeds = parseSeedsText(readFileSync(SEEDS, 'utf8')).seeds;
const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);

describe('the neighbourhood selection', () => {
  it.each([
    { hops: 1, cap: 50 },
    { hops: 2, cap: 50 },
    { hops: 1, cap: 1 },
    { hops: 1, cap: 2 },
    { hops: 2, cap: 2 },
    { hops: 2, cap: 1 },
  ])('SQL and the TypeScript reference agree at $hops hops, cap $cap', async ({ hops, cap }) => {
    const r = await runImport({ seeds: SEEDS, hops, cap });
    expect(r.code).toBe(0);
    const js = selectNeighbourhood(fixtureIndex(), seeds, { hops, cap });
    expect(r.summary?.selected).toEqual(sorted(js.selected.keys()));
    const byHop: number[] = [];
    for (const h of js.selected.values()) byHop[h] = (byHop[h] ?? 0) + 1;
    expect(r.summary?.selectedByHop).toEqual(byHop);
    expect(r.summary?.capHits.map((c) => `${c.hop}:${c.via}:${c.candidates}`).sort()).toEqual(
      js.capHits.map((c) => `${c.hop}:${c.via}:${c.candidates}`).sort(),
    );
    expect(r.summary?.unmatchedSeeds).toEqual(js.unmatched);
    expect(r.summary?.edges).toBe(selectedEdges(fixtureIndex(), js.selected).length);
  });

  it('gives the known answers: hops, the merged and the deleted reference, caps ranked by links then citations', async () => {
    const one = selectNeighbourhood(fixtureIndex(), seeds, { hops: 1, cap: 50 });
    // W100's references (W113 deleted, W199 merged into W114) and citers, W101's references and citer
    expect(sorted(one.selected.keys())).toEqual([100, 101, 110, 111, 112, 114, 115, 120, 121, 122]);
    expect(one.unmatched).toEqual(['10.9999/not-there']);
    const two = selectNeighbourhood(fixtureIndex(), seeds, { hops: 2, cap: 50 });
    expect(sorted([...two.selected].filter(([, h]) => h === 2).map(([id]) => id))).toEqual([
      130, 131, 132, 133, 134,
    ]);
    // cap 1: W110 is linked to both seeds, so each seed keeps it
    const c1 = selectNeighbourhood(fixtureIndex(), seeds, { hops: 1, cap: 1 });
    expect(sorted(c1.selected.keys())).toEqual([100, 101, 110]);
    expect(c1.capHits).toEqual([
      { hop: 1, via: 100, candidates: 6 },
      { hop: 1, via: 101, candidates: 3 },
    ]);
    // cap 2: then the most cited of the once-linked: W114 (90) for W100, W115 (10) for W101
    const r = await runImport({ seeds: SEEDS, hops: 1, cap: 2 });
    expect(r.summary?.selected).toEqual([100, 101, 110, 114, 115]);
    expect(r.log.join('\n')).toMatch(/cap of 2 hit by 2 works/);
  });

  it('follows a seed given by a merged id to the work it was merged into', async () => {
    const r = await runImport({ seeds: writeSeeds('W199\n'), hops: 1, cap: 50 });
    expect(r.summary?.selectedByHop[0]).toBe(1);
    expect(r.summary?.selected).toContain(114);
    expect(r.summary?.selected).toContain(133);
  });
});

describe('the topic selection', () => {
  it.each([[['T10003']], [['T10002']], [['T10001', 'T10003']]])(
    'SQL and the reference agree for %j',
    async (topics) => {
      const r = await runImport({ topics });
      const js = selectTopics(
        fixtureIndex(),
        topics.map((t) => Number(t.slice(1))),
      );
      expect(r.summary?.selected).toEqual(sorted(js.selected.keys()));
    },
  );

  it('gives the known answer for T10003 (cell signalling)', async () => {
    const r = await runImport({ topics: ['https://openalex.org/T10003'] });
    expect(r.summary?.selected).toEqual([131, 134, 140, 141]);
    expect(r.summary?.edges).toBe(1); // W140 → W141
  });
});

function writeSeeds(text: string): string {
  const f = join(tempDir(), 'seeds.txt');
  writeFileSync(f, text);
  return f;
}
