/**
 * Sigma's programs without instancing (src/render/flat-program.ts): the definition, the layout and
 * the writing out of one item to every vertex, on the shape of sigma's own circle program (its
 * definition is copied here as data: sigma's modules need WebGL to load). That the flat programs
 * draw the same picture is checked in the browser (highlight, export and picture-moves e2e tests).
 */
import { describe, expect, it } from 'vitest';
import {
  flatDefinition,
  flatLayout,
  flatProgram,
  itemsCount,
  spreadItem,
} from '../../src/render/flat-program';

const FLOAT = 5126;
const UNSIGNED_BYTE = 5121;
// the shape of sigma 3.0's NodeCircleProgram definition
const circle = () => ({
  VERTICES: 3,
  METHOD: 4,
  VERTEX_SHADER_SOURCE: 'vs',
  FRAGMENT_SHADER_SOURCE: 'fs',
  UNIFORMS: ['u_matrix'],
  ATTRIBUTES: [
    { name: 'a_position', size: 2, type: FLOAT },
    { name: 'a_size', size: 1, type: FLOAT },
    { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
    { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
  ],
  CONSTANT_ATTRIBUTES: [{ name: 'a_angle', size: 1, type: FLOAT }],
  CONSTANT_DATA: [[0], [(2 * Math.PI) / 3], [(4 * Math.PI) / 3]],
});

describe('itemsCount', () => {
  it("counts floats per vertex as sigma does: a normalized colour's four bytes are one float", () => {
    expect(itemsCount(circle().ATTRIBUTES)).toBe(5);
    expect(itemsCount([])).toBe(0);
    expect(itemsCount([{ name: 'a', size: 3, type: FLOAT }])).toBe(3);
  });
});

describe('flatDefinition and flatLayout', () => {
  it('turns the constant attributes into per-vertex ones, after the others', () => {
    const flat = flatDefinition(circle()) as ReturnType<typeof circle>;
    expect('CONSTANT_ATTRIBUTES' in flat).toBe(false);
    expect('CONSTANT_DATA' in flat).toBe(false);
    expect(flat.ATTRIBUTES.map((a) => a.name)).toEqual([
      'a_position',
      'a_size',
      'a_color',
      'a_id',
      'a_angle',
    ]);
    expect(flat).toMatchObject({
      VERTICES: 3,
      METHOD: 4,
      VERTEX_SHADER_SOURCE: 'vs',
      UNIFORMS: ['u_matrix'],
    });
    expect(flatLayout(circle())).toEqual({ items: 5, constants: circle().CONSTANT_DATA });
  });

  it('leaves a program without instancing as it is', () => {
    const { CONSTANT_ATTRIBUTES: _a, CONSTANT_DATA: _d, ...plain } = circle();
    expect(flatDefinition(plain)).toBe(plain);
    expect(flatLayout(plain)).toBeNull();
  });

  it('refuses constant data that do not match the vertices', () => {
    const short = { ...circle(), CONSTANT_DATA: [[0], [1]] };
    const wide = { ...circle(), CONSTANT_DATA: [[0], [1, 2], [3]] };
    expect(() => flatLayout(short)).toThrow(/3 vertices of 1 items/);
    expect(() => flatLayout(wide)).toThrow(/constant data/);
  });
});

describe('spreadItem', () => {
  it('copies the item to every vertex bit for bit and appends each vertex its constants', () => {
    const layout = flatLayout(circle())!;
    const array = new Float32Array(2 * 3 * 6).fill(-1);
    const bits = new Uint32Array(array.buffer);
    const start = 3 * 6; // the second item
    array.set([10, 20, 4], start);
    // packed colours and ids are arbitrary bit patterns, NaNs among them: they must survive the copy
    bits[start + 3] = 0x7fc12345;
    bits[start + 4] = 0xff800001;
    spreadItem(array, start, layout);
    for (let k = 0; k < 3; k++) {
      const v = start + k * 6;
      expect([array[v], array[v + 1], array[v + 2]]).toEqual([10, 20, 4]);
      expect(bits[v + 3]).toBe(0x7fc12345);
      expect(bits[v + 4]).toBe(0xff800001);
      expect(array[v + 5]).toBeCloseTo(circle().CONSTANT_DATA[k]![0]!, 6);
    }
    // the first item is untouched
    expect([...array.subarray(0, start)].every((x) => x === -1)).toBe(true);
  });
});

describe('flatProgram', () => {
  class Instanced {
    array = new Float32Array(18);
    getDefinition() {
      return circle();
    }
    processVisibleItem(_id: number, start: number, data: { x: number; y: number; size: number }) {
      this.array[start] = data.x;
      this.array[start + 1] = data.y;
      this.array[start + 2] = data.size;
      this.array[start + 3] = 7;
      this.array[start + 4] = 8;
    }
  }

  it("is the program with a flat definition, whose items are written out by the program's own writer", () => {
    const Flat = flatProgram(Instanced);
    const p = new Flat();
    expect(p).toBeInstanceOf(Instanced);
    expect('CONSTANT_ATTRIBUTES' in p.getDefinition()).toBe(false);
    p.processVisibleItem(0, 0, { x: 1, y: 2, size: 3 });
    expect([...p.array.subarray(12, 17)]).toEqual([1, 2, 3, 7, 8]);
    expect(p.array[17]).toBeCloseTo((4 * Math.PI) / 3, 6);
  });
});
