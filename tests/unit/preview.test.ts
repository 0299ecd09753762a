/**
 * The preview's papers (src/render/preview.ts) are the first full frame's: for every colour
 * dimension and size measure of the graph, the colours and sizes the renderer's caches give the
 * graph built from the same binary, and sigma's normalisation of the positions and framing.
 */
import { createNormalizationFunction, getMatrixImpact, graphExtent, matrixFromCamera } from 'sigma/utils';
import { describe, expect, it } from 'vitest';
import { checkMetaShape, decodeGraphBinary } from '../../src/graph/binary/decode';
import { visualGraph } from '../../src/graph/binary/visual';
import { buildColors, buildSizes } from '../../src/render/caches';
import { previewCamera, previewNodes, STAGE_PADDING } from '../../src/render/preview-scene';
import { initialViewState } from '../../src/state/view';
import { bundled, encoded, synthetic } from './binary/support';

describe('previewNodes', () => {
  for (const [name, make] of [
    ['the bundled graph', bundled],
    ['a synthetic graph', () => synthetic(500, 4)],
  ] as const) {
    it(`gives ${name}'s papers the colours, sizes and positions the renderer gives them`, () => {
      const loaded = make();
      const bin = decodeGraphBinary(encoded(loaded).buffer, 'g.bin', checkMetaShape);
      const graph = visualGraph(bin, 'g.bin');
      const unknown = loaded.meta.taxonomy.unknownColor;
      const keys = graph.nodes();
      // sigma's own normalisation over the graph's extent
      const extent = graphExtent(graph);
      const normalise = createNormalizationFunction(extent);
      const dims = [...bin.colorDimensions, 'no such dimension'];
      const measures = [...bin.measures, 'uniform-missing'];
      expect(dims.length).toBeGreaterThan(2);
      expect(measures.length).toBeGreaterThan(1);
      for (const colorBy of dims) {
        for (const sizeBy of measures) {
          const p = previewNodes(bin, colorBy, sizeBy, unknown);
          const colors = buildColors(graph, colorBy, unknown);
          const sizes = buildSizes(graph, sizeBy);
          expect(p.color).toEqual(keys.map((k) => colors.get(k)));
          expect([...p.size]).toEqual(keys.map((k) => Math.fround(sizes.get(k)!)));
          expect(p.extent).toEqual(extent);
          keys.forEach((k, i) => {
            const a = graph.getNodeAttributes(k);
            const n = normalise({ x: a.x, y: a.y });
            expect(p.x[i]).toBeCloseTo(n.x, 6);
            expect(p.y[i]).toBeCloseTo(n.y, 6);
          });
        }
      }
      // the default view, which is what the boot path previews
      const state = initialViewState(loaded.meta);
      expect(new Set(previewNodes(bin, state.colorBy, state.sizeBy, unknown).color).size).toBeGreaterThan(2);
    });
  }

  it('frames a graph of one paper, or of papers on a line, as sigma does', () => {
    const loaded = synthetic(20, 2);
    const bin = decodeGraphBinary(encoded(loaded).buffer, 'g.bin', checkMetaShape);
    bin.x.fill(3);
    bin.y.fill(-1);
    const p = previewNodes(bin, bin.colorDimensions[0]!, 'citations', '#999999');
    expect([...p.x].every((x) => x === 0.5)).toBe(true);
    expect([...p.y].every((y) => y === 0.5)).toBe(true);
    const cam = previewCamera(p.extent, 800, 600);
    expect([...cam.matrix].every(Number.isFinite)).toBe(true);
  });
});

describe('previewCamera', () => {
  it("is sigma's matrix and correction ratio at the default camera, with the renderer's padding", () => {
    const extent = { x: [-120, 340] as [number, number], y: [-80, 95] as [number, number] };
    const camera = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    const viewport = { width: 990, height: 752 };
    const matrix = matrixFromCamera(camera, viewport, { width: 460, height: 175 }, STAGE_PADDING);
    const cam = previewCamera(extent, viewport.width, viewport.height);
    expect([...cam.matrix]).toEqual([...matrix]);
    const inverse = matrixFromCamera(camera, viewport, { width: 460, height: 175 }, STAGE_PADDING, true);
    expect([...cam.invMatrix]).toEqual([...inverse]);
    expect(cam.correctionRatio).toBe(getMatrixImpact(matrix, camera, viewport));
    expect(cam.sizeRatio).toBe(1);
  });
});
