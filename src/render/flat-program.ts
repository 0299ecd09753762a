/**
 * Sigma's programs without instancing. Sigma 3 draws a node or a link as one instance of a few
 * constant vertices (`drawArraysInstanced`). In a software rasteriser (SwiftShader, what Chromium
 * uses without a GPU) that costs about 15 µs an instance on the development machine, whatever its
 * size: 10⁴ nodes took 150 ms to draw at any zoom, and as long again for the picking layer.
 * `flatProgram(P)` is P with its constant attributes written out per vertex, drawn by one
 * `drawArrays`: the same shaders and the same picture, three to six vertices per item in the buffer.
 */
/** A program attribute as sigma declares it. */
interface ProgramAttribute {
  name: string;
  size: number;
  type: number;
  normalized?: boolean;
}
type AttributeList = ProgramAttribute[];

/**
 * Float items an attribute list takes per vertex in sigma's buffers: a normalized attribute
 * (a colour's four bytes) is packed in one float, any other takes `size` floats.
 */
export function itemsCount(attributes: AttributeList): number {
  return attributes.reduce((n, a) => n + (a.normalized ? 1 : a.size), 0);
}

/** The part of sigma's program definition read here (sigma's own type is generic over uniforms). */
interface ProgramDefinition {
  VERTICES: number;
  ATTRIBUTES: AttributeList;
}
interface InstancedDefinition extends ProgramDefinition {
  CONSTANT_ATTRIBUTES: AttributeList;
  CONSTANT_DATA: number[][];
}

interface FlatLayout {
  /** Float items written by the instanced program per item (its ATTRIBUTES). */
  items: number;
  /** Constant data per vertex, appended after those items. */
  constants: number[][];
}

/** What a flat program uses of sigma's Program instances. */
interface ProgramLike {
  array: Float32Array;
  getDefinition(): ProgramDefinition;
  processVisibleItem(...args: unknown[]): void;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- sigma's program constructors take (gl, pickingBuffer, renderer)
type ProgramLikeClass = new (...args: any[]) => ProgramLike;

/** The layout of an instanced definition written out per vertex; null when it is not instanced. */
export function flatLayout(def: ProgramDefinition): FlatLayout | null {
  if (!('CONSTANT_ATTRIBUTES' in def)) return null;
  const d = def as InstancedDefinition;
  const perVertex = itemsCount(d.CONSTANT_ATTRIBUTES);
  if (d.CONSTANT_DATA.length !== d.VERTICES || d.CONSTANT_DATA.some((v) => v.length !== perVertex))
    throw new Error(`flatProgram: constant data do not match ${d.VERTICES} vertices of ${perVertex} items`);
  return { items: itemsCount(d.ATTRIBUTES), constants: d.CONSTANT_DATA };
}

/** The definition without instancing: the constant attributes become per-vertex attributes. */
export function flatDefinition(def: ProgramDefinition): ProgramDefinition {
  if (!('CONSTANT_ATTRIBUTES' in def)) return def;
  const { CONSTANT_ATTRIBUTES, CONSTANT_DATA: _data, ...rest } = def as InstancedDefinition;
  return { ...rest, ATTRIBUTES: [...def.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] } as ProgramDefinition;
}

/**
 * Writes one item out to every vertex, in place: the instanced program wrote `layout.items` floats
 * at `start`; each vertex gets a copy (bit for bit: colours are packed in floats) and its constants.
 */
export function spreadItem(array: Float32Array, start: number, layout: FlatLayout): void {
  const { items, constants } = layout;
  const stride = items + (constants[0]?.length ?? 0);
  for (let k = constants.length - 1; k >= 1; k--) array.copyWithin(start + k * stride, start, start + items);
  for (let k = 0; k < constants.length; k++) {
    const c = constants[k]!;
    for (let j = 0; j < c.length; j++) array[start + k * stride + items + j] = c[j]!;
  }
}

const layouts = new WeakMap<object, FlatLayout | null>();

/** P drawn without instancing (see above); P itself when it is not instanced. */
export function flatProgram<C>(Base: C): C {
  // the subclass keeps Base's constructor and every method but these two
  class Flat extends (Base as unknown as ProgramLikeClass) {
    override getDefinition(): ProgramDefinition {
      const def = super.getDefinition();
      if (!layouts.has(this)) layouts.set(this, flatLayout(def));
      return flatDefinition(def);
    }

    override processVisibleItem(...args: unknown[]): void {
      super.processVisibleItem(...args);
      const layout = layouts.get(this);
      if (layout) spreadItem(this.array, args[1] as number, layout);
    }
  }
  return Flat as unknown as C;
}
