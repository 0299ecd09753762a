/** The similarity graph and its Louvain communities on a hand-made graph of two separate fields. */
import { describe, expect, it } from 'vitest';
import { similarityEdges } from '../../../src/graph/similar';
import { similarityCommunities, similarityGraph } from '../../../src/graph/similar/graph';
import { makeGraph } from '../support/paper-graph';

// Field one: a1..a4 all cite r1 and r2; field two: b1..b4 all cite s1 and s2; lone cites nothing.
const ids = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4', 'r1', 'r2', 's1', 's2', 'lone'];
const edges = [
  ...['a1', 'a2', 'a3', 'a4'].flatMap((a) => ['r1', 'r2'].map((r) => ({ source: a, target: r }))),
  ...['b1', 'b2', 'b3', 'b4'].flatMap((b) => ['s1', 's2'].map((s) => ({ source: b, target: s }))),
];
const graph = makeGraph(
  ids.map((id) => ({ id, title: id, x: ids.indexOf(id), y: 0 })),
  edges,
);

describe('similarity graph', () => {
  it('keeps every paper at its position and the top-k edges with their weights', () => {
    const sim = similarityGraph(graph, similarityEdges(graph, { limit: 3 }));
    expect(sim.order).toBe(ids.length);
    expect(sim.getNodeAttributes('a3')).toMatchObject({ x: 2, y: 0 });
    // the a's share both references: coupling cosine 1, no citers: similarity 0.5
    expect(sim.getEdgeAttribute(sim.edge('a1', 'a2')!, 'weight')).toBe(0.5);
    expect(sim.degree('lone')).toBe(0);
    expect(
      sim
        .edges()
        .every(
          (e) =>
            sim.extremities(e).every((n) => n.startsWith('a') || n.startsWith('r')) ||
            sim.extremities(e).every((n) => n.startsWith('b') || n.startsWith('s')),
        ),
    ).toBe(true);
  });

  it('finds the two fields as communities, seeded, papers without a similar paper left out', () => {
    const sim = similarityGraph(graph, similarityEdges(graph, { limit: 3 }));
    const communities = similarityCommunities(graph, sim);
    const groups = communities.map((c) => [...c.nodes].sort().join(' ')).sort();
    expect(groups).toEqual(['a1 a2 a3 a4', 'b1 b2 b3 b4', 'r1 r2', 's1 s2']);
    expect(communities.map((c) => c.id)).toEqual([0, 1, 2, 3]);
    expect(similarityCommunities(graph, sim)).toEqual(communities);
  });
});
