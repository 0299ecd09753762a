import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGraphFile } from '../../src/graph/load';
import { lineage } from '../../src/graph/lineage/lineage';
import { lineageViewModel } from '../../src/graph/lineage/view-model';

const { graph } = parseGraphFile(
  JSON.parse(readFileSync('tests/fixtures/graphs/small.json', 'utf8')),
  'small.json',
);
const IPA = '2308.06721';

describe('lineageViewModel', () => {
  it('has the selection, its ancestors and descendants with roles, and the reduced edges', () => {
    const l = lineage(graph, IPA, { depth: 2 });
    const m = lineageViewModel(graph, l);
    expect(m.nodes.find((n) => n.id === IPA)?.role).toBe('selected');
    expect(m.nodes.find((n) => n.id === '2208.01618')?.role).toBe('ancestor');
    expect(m.nodes.find((n) => n.id === '2401.07519')?.role).toBe('descendant');
    expect(m.nodes).toHaveLength(1 + l.ancestors.size + l.descendants.size);
    // IP-Adapter cites DreamBooth directly and through ELITE: the direct link is implied
    expect(m.allEdges).toBe(7);
    expect(m.edges.map((e) => e.id)).not.toContain(`${IPA}->2208.12242`);
    const all = lineageViewModel(graph, l, { showAll: true });
    expect(all.edges).toHaveLength(7);
    expect(all.edges.find((e) => e.id === `${IPA}->2208.12242`)).toMatchObject({
      source: IPA,
      target: '2208.12242',
      kind: 'cites',
    });
  });

  it('keeps the selection and the most cited when there are too many', () => {
    const l = lineage(graph, IPA, { depth: 2 });
    const m = lineageViewModel(graph, l, { maxNodes: 3 });
    expect(m.nodes.map((n) => n.id)[0]).toBe(IPA);
    expect(m.nodes).toHaveLength(3);
    expect(m.omitted).toBe(l.ancestors.size + l.descendants.size - 2);
    const cited = (id: string) => graph.getNodeAttribute(id, 'citations');
    const kept = m.nodes.slice(1).map((n) => cited(n.id));
    const left = [...l.ancestors.keys(), ...l.descendants.keys()]
      .filter((id) => !m.nodes.some((n) => n.id === id))
      .map(cited);
    expect(Math.min(...kept)).toBeGreaterThanOrEqual(Math.max(...left));
    expect(() => lineageViewModel(graph, l, { maxNodes: 0 })).toThrow(/maxNodes/);
  });
});
