/**
 * The preview's papers (src/render/preview.ts) are the first full frame's: for every colour
 * dimension and size measure of the graph, the colours and sizes the renderer's caches give the
 * graph built from the same binary, and sigma's normalisation of the positions and framing.
 */
import { createNormalizationFunction, graphExtent, matrixFromCamera } from 'sigma/utils';
import { describe, expect, it } from 'vitest';
import { checkMetaShape, decodeGraphBinary } from '../../src/graph/binary/decode';
import { visualGraph } from '../../src/graph/binary/visual';
import { buildColors, buildSizes } from '../../src/render/caches';
import { previewMatrix, previewNodes, STAGE_PADDING } from '../../src/render/preview-scene';
import { parseNormalised } from '../../src/render/preview';
import { discBuffer, DISC_FLOATS } from '../../src/render/preview-program';
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
    expect([...previewMatrix(p.extent, 800, 600)].every(Number.isFinite)).toBe(true);
  });
});

describe('previewMatrix', () => {
  it("is sigma's matrix at the default camera, with the renderer's padding", () => {
    const extent = { x: [-120, 340] as [number, number], y: [-80, 95] as [number, number] };
    const camera = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    const viewport = { width: 990, height: 752 };
    const matrix = matrixFromCamera(camera, viewport, { width: 460, height: 175 }, STAGE_PADDING);
    expect([...previewMatrix(extent, viewport.width, viewport.height)]).toEqual([...matrix]);
  });
});

describe("the preview's colours and vertex buffer", () => {
  it('reads the colours a 2D context gives back, and nothing else', () => {
    expect(parseNormalised('#1f6fd1')).toEqual([0x1f, 0x6f, 0xd1, 255]);
    expect(parseNormalised('#FFFFFF')).toEqual([255, 255, 255, 255]);
    expect(parseNormalised('rgba(10, 20, 30, 0.5)')).toEqual([10, 20, 30, 128]);
    expect(parseNormalised('rgb(1, 2, 3)')).toEqual([1, 2, 3, 255]);
    // what a 2D context never returns reads as transparent, not as a wrong colour
    expect(parseNormalised('#fff')).toEqual([0, 0, 0, 0]);
    expect(parseNormalised('tomato')).toEqual([0, 0, 0, 0]);
  });

  it('lays each disc out as position, radius and four colour bytes', () => {
    const buffer = discBuffer([
      { x: 0.25, y: 0.75, radius: 3, rgba: [1, 2, 3, 255] },
      { x: 1, y: 0, radius: 12.5, rgba: [200, 100, 50, 128] },
    ]);
    expect(buffer.byteLength).toBe(2 * DISC_FLOATS * 4);
    const floats = new Float32Array(buffer);
    const bytes = new Uint8Array(buffer);
    expect([floats[0], floats[1], floats[2]]).toEqual([0.25, 0.75, 3]);
    expect([...bytes.subarray(12, 16)]).toEqual([1, 2, 3, 255]);
    expect([floats[4], floats[5], floats[6]]).toEqual([1, 0, 12.5]);
    expect([...bytes.subarray(28, 32)]).toEqual([200, 100, 50, 128]);
  });
});
