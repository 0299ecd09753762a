/** Lineage walks, transitive reduction, lineage paths and lowest common ancestors on hand-built graphs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineage, lineageAsNeighbourhood } from '../../src/graph/lineage/lineage';
import { lineageIndex } from '../../src/graph/lineage/adjacency';
import { lineagePath, lowestCommonAncestors } from '../../src/graph/lineage/compare';
import { transitiveReduction } from '../../src/graph/lineage/reduction';
import { neighbourhood } from '../../src/graph/neighbourhood';
import type { EdgeKind } from '../../src/model';
import { makeGraph } from './support/paper-graph';

/** Papers p1..pn; `spec` like "a>b:cites" (a cites b). */
function graphOf(ids: string[], spec: string[]) {
  return makeGraph(
    ids.map((id) => ({ id, title: id })),
    spec.map((s) => {
      const [pair, kind] = s.split(':');
      const [source, target] = pair!.split('>');
      return { source: source!, target: target!, kind: (kind ?? 'cites') as EdgeKind };
    }),
  );
}
const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => a.localeCompare(b));
const key = (s: string, t: string) => `${s}->${t}`;

// A chain with a shortcut and a side branch:
//   e > d > c > b > a,   e > c (shortcut),   f > c,   g > e,  and a compares-only edge d > x
const CHAIN = graphOf(
  ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'x'],
  ['b>a', 'c>b', 'd>c', 'e>d', 'e>c', 'f>c', 'g>e', 'd>x:compares'],
);

describe('lineage', () => {
  it('finds ancestors (out-edges) and descendants (in-edges) with breadth-first depths', () => {
    const l = lineage(CHAIN, 'c');
    expect(sorted(l.ancestors)).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(sorted(l.descendants)).toEqual([
      ['d', 1],
      ['e', 1],
      ['f', 1],
      ['g', 2],
    ]);
    // e reaches c directly and through d: the shortcut wins, depth 1
    expect(new Set(l.descendantEdges)).toEqual(
      new Set([key('d', 'c'), key('e', 'c'), key('f', 'c'), key('e', 'd'), key('g', 'e')]),
    );
    expect(new Set(l.ancestorEdges)).toEqual(new Set([key('c', 'b'), key('b', 'a')]));
  });

  it('stops at the depth and follows only the chosen kinds', () => {
    const l1 = lineage(CHAIN, 'e', { depth: 1 });
    expect(sorted(l1.ancestors)).toEqual([
      ['c', 1],
      ['d', 1],
    ]);
    expect(new Set(l1.ancestorEdges)).toEqual(new Set([key('e', 'd'), key('e', 'c')]));
    expect(sorted(lineage(CHAIN, 'e', { depth: 2 }).ancestors)).toEqual([
      ['b', 2],
      ['c', 1],
      ['d', 1],
    ]);
    expect(lineage(CHAIN, 'e').ancestors.has('x')).toBe(false);
    expect(lineage(CHAIN, 'e', { kinds: ['cites', 'compares'] }).ancestors.get('x')).toBe(2);
    expect(lineage(CHAIN, 'e', { kinds: ['builds-on'] }).ancestors.size).toBe(0);
    const noShortcut = lineage(CHAIN, 'e', { edgeFilter: (edge) => edge !== key('e', 'c') });
    expect(noShortcut.ancestors.get('c')).toBe(2);
    const visible = new Set(CHAIN.edges().filter((edge) => edge !== key('e', 'c')));
    expect(lineage(CHAIN, 'e', { edgeSet: visible })).toEqual(noShortcut);
    expect(lineage(CHAIN, 'e', { edgeSet: new Set() }).ancestors.size).toBe(0);
  });

  it('follows an edge when any of its kinds is chosen', () => {
    const g = graphOf(['a', 'b'], ['a>b:builds-on']);
    g.setEdgeAttribute(key('a', 'b'), 'kinds', ['builds-on', 'mentions']);
    g.setEdgeAttribute(key('a', 'b'), 'kind', 'builds-on');
    expect(lineage(g, 'a', { kinds: ['mentions'] }).ancestors.has('b')).toBe(true);
    expect(lineage(g, 'a', { kinds: ['cites'] }).ancestors.has('b')).toBe(false);
  });

  it('handles cycles: never its own ancestor, counts what a breadth-first walk finds', () => {
    // a > b > c > a (a revised preprint cites later work), c > d
    const g = graphOf(['a', 'b', 'c', 'd'], ['a>b', 'b>c', 'c>a', 'c>d']);
    const l = lineage(g, 'a');
    expect(sorted(l.ancestors)).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ]);
    expect(sorted(l.descendants)).toEqual([
      ['b', 2],
      ['c', 1],
    ]);
    expect(l.ancestors.has('a') || l.descendants.has('a')).toBe(false);
    // the edge back into the paper is not part of its ancestry walk
    expect(l.ancestorEdges.includes(key('c', 'a'))).toBe(false);
  });

  it('at depth 1 is exactly the one-hop neighbourhood', () => {
    for (const n of CHAIN.nodes()) {
      const hood = lineageAsNeighbourhood(
        lineage(CHAIN, n, { depth: 1, kinds: ['builds-on', 'cites', 'compares', 'mentions'] }),
      );
      expect(hood).toEqual(neighbourhood(CHAIN, n));
    }
  });

  it('agrees with a plain breadth-first search on random graphs, with or without a shared index', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 11 })), {
          selector: ([a, b]) => `${a}>${b}`,
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 4 }),
        (pairs, depth) => {
          const ids = Array.from({ length: 12 }, (_, i) => `n${i}`);
          const g = graphOf(
            ids,
            pairs.filter(([a, b]) => a !== b).map(([a, b]) => `n${a}>n${b}`),
          );
          const index = lineageIndex(g);
          for (const root of ids) {
            // reference: distances by repeated relaxation over graphology's own neighbour lists
            const bfs = (next: (n: string) => string[]) => {
              const d = new Map<string, number>();
              let frontier = [root];
              for (let k = 1; k <= depth; k++) {
                frontier = frontier
                  .flatMap(next)
                  .filter((n) => n !== root && !d.has(n) && (d.set(n, k), true));
              }
              return d;
            };
            const l = lineage(g, root, { depth, index });
            expect(l.ancestors).toEqual(bfs((n) => g.outNeighbors(n)));
            expect(l.descendants).toEqual(bfs((n) => g.inNeighbors(n)));
            expect(lineage(g, root, { depth })).toEqual(l);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects bad arguments with clear errors', () => {
    expect(() => lineage(CHAIN, 'a', { index: lineageIndex(graphOf(['a'], [])) })).toThrow(
      /index was built for another graph/,
    );
    expect(() => lineage(CHAIN, 'nope')).toThrow('lineage: no node "nope" in the graph');
    expect(() => lineage(CHAIN, 'a', { depth: 0 })).toThrow(
      /depth must be a positive integer or Infinity, got 0/,
    );
    expect(() => lineage(CHAIN, 'a', { depth: 1.5 })).toThrow(/depth/);
    expect(() => lineage(CHAIN, 'a', { kinds: ['cite' as EdgeKind] })).toThrow(
      'lineage: unknown edge kind "cite"',
    );
    expect(() => lineage(CHAIN, 'a', { edgeFilter: 3 as unknown as () => boolean })).toThrow(
      /edgeFilter must be a function/,
    );
  });
});

describe('transitiveReduction', () => {
  it('drops an edge implied by a longer path and keeps the rest', () => {
    const kept = transitiveReduction(CHAIN, CHAIN.edges());
    expect([...CHAIN.edges()].filter((e) => !kept.has(e))).toEqual([key('e', 'c')]);
  });

  it('reduces only within the given edges', () => {
    const kept = transitiveReduction(CHAIN, [key('e', 'c'), key('c', 'b'), key('e', 'd')]);
    expect(kept.size).toBe(3);
  });

  it('on cycles reduces the condensation and keeps the edges within a cycle', () => {
    // cycle b <> c (one component {b,c}); a > b and a > c join the same two components: both kept,
    // and nothing is dropped. Adding a > d > b makes {b,c} reachable from a through d: a > b and
    // a > c are then implied and both go; the cycle's own edges stay
    const g = graphOf(['a', 'b', 'c', 'd', 'e'], ['b>c', 'c>b', 'a>b', 'a>c', 'c>e', 'b>e']);
    expect(transitiveReduction(g, g.edges())).toEqual(new Set(g.edges()));
    g.addEdgeWithKey(key('a', 'd'), 'a', 'd', {
      kind: 'cites',
      kinds: ['cites'],
      provenance: [{ source: 'curated' }],
      surveyOnly: false,
    });
    g.addEdgeWithKey(key('d', 'b'), 'd', 'b', {
      kind: 'cites',
      kinds: ['cites'],
      provenance: [{ source: 'curated' }],
      surveyOnly: false,
    });
    const kept = transitiveReduction(g, g.edges());
    expect([...g.edges()].filter((e) => !kept.has(e)).sort()).toEqual([key('a', 'b'), key('a', 'c')]);
    expect(kept.has(key('b', 'c')) && kept.has(key('c', 'b'))).toBe(true);
  });

  it('names an unknown edge', () => {
    expect(() => transitiveReduction(CHAIN, ['zz'])).toThrow(
      'transitiveReduction: no edge "zz" in the graph',
    );
  });
});

describe('lineagePath', () => {
  it('finds the shortest path in either direction', () => {
    expect(lineagePath(CHAIN, 'g', 'a')).toEqual({
      relation: 'ancestor',
      nodes: ['g', 'e', 'c', 'b', 'a'],
      edges: [key('g', 'e'), key('e', 'c'), key('c', 'b'), key('b', 'a')],
    });
    expect(lineagePath(CHAIN, 'a', 'g')).toEqual({
      relation: 'descendant',
      nodes: ['g', 'e', 'c', 'b', 'a'],
      edges: [key('g', 'e'), key('e', 'c'), key('c', 'b'), key('b', 'a')],
    });
  });

  it('is null between cousins, for a paper and itself, and respects kinds', () => {
    expect(lineagePath(CHAIN, 'd', 'f')).toBeNull();
    expect(lineagePath(CHAIN, 'c', 'c')).toBeNull();
    expect(lineagePath(CHAIN, 'e', 'x')).toBeNull();
    expect(lineagePath(CHAIN, 'e', 'x', { kinds: ['compares', 'cites'] })?.nodes).toEqual(['e', 'd', 'x']);
    expect(() => lineagePath(CHAIN, 'a', 'q')).toThrow('lineagePath: no paper b "q" in the graph');
  });
});

describe('lowestCommonAncestors', () => {
  it('returns the common ancestors with no common ancestor below them', () => {
    // d and f both descend from c (and from b, a above it): c is where they diverge
    expect(lowestCommonAncestors(CHAIN, 'd', 'f')).toEqual(['c']);
    // two roots: p and q are both cited by m and n, and q cites r
    const g = graphOf(['m', 'n', 'p', 'q', 'r'], ['m>p', 'm>q', 'n>p', 'n>q', 'q>r']);
    expect(lowestCommonAncestors(g, 'm', 'n')).toEqual(['p', 'q']);
    expect(lowestCommonAncestors(g, 'm', 'r')).toEqual([]);
  });

  it('returns a lowest cycle whole', () => {
    const g = graphOf(['a', 'b', 'c', 'd', 'z'], ['a>c', 'b>d', 'c>d', 'd>c', 'c>z']);
    expect(lowestCommonAncestors(g, 'a', 'b')).toEqual(['c', 'd']);
  });
});
