/**
 * The picture moves' geometry (src/render/picture-moves.ts): the affine map from the drawn picture
 * to the current view, found from three points, its inverse (pointer events mapped back into the
 * picture), and the CSS it is written as. The installation on a live sigma is in the e2e suite
 * (tests/e2e/picture-moves.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  applyAffine,
  cssMatrix,
  IDENTITY,
  invertAffine,
  pictureTransform,
  sameCamera,
  type Affine,
} from '../../src/render/picture-moves';

const close = (a: readonly number[], b: readonly number[]) =>
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 9));

describe('pictureTransform', () => {
  it('is the identity when the camera has not moved', () => {
    close(
      pictureTransform((p) => p),
      IDENTITY,
    );
  });

  it('is a translation for a pan', () => {
    close(
      pictureTransform((p) => ({ x: p.x + 40, y: p.y - 12 })),
      [1, 0, 0, 1, 40, -12],
    );
  });

  it('scales about the zoom anchor for a zoom', () => {
    // zooming in 2× about (300, 200): that point stays, others move away from it
    const m = pictureTransform((p) => ({ x: 300 + 2 * (p.x - 300), y: 200 + 2 * (p.y - 200) }));
    close(m, [2, 0, 0, 2, -300, -200]);
    close(Object.values(applyAffine(m, { x: 300, y: 200 })), [300, 200]);
  });

  it('recovers a rotation with a zoom and a pan', () => {
    const a = Math.PI / 6;
    const k = 1.5;
    const move = (p: { x: number; y: number }) => ({
      x: k * (Math.cos(a) * p.x - Math.sin(a) * p.y) + 7,
      y: k * (Math.sin(a) * p.x + Math.cos(a) * p.y) - 3,
    });
    const m = pictureTransform(move);
    for (const p of [
      { x: 0, y: 0 },
      { x: 640, y: 0 },
      { x: 123, y: 456 },
    ])
      close(Object.values(applyAffine(m, p)), Object.values(move(p)));
  });
});

describe('invertAffine', () => {
  it('maps a point of the view back to the drawn picture', () => {
    const m: Affine = [2, 0.5, -0.25, 1.5, 30, -40];
    const back = invertAffine(m)!;
    for (const p of [
      { x: 0, y: 0 },
      { x: 99, y: -7 },
      { x: 1280, y: 800 },
    ])
      close(Object.values(applyAffine(back, applyAffine(m, p))), [p.x, p.y]);
  });

  it('is null for a degenerate map (nothing to map back to)', () => {
    expect(invertAffine([0, 0, 0, 0, 10, 10])).toBeNull();
    expect(invertAffine([1, 2, 2, 4, 0, 0])).toBeNull();
    expect(invertAffine([Number.NaN, 0, 0, 1, 0, 0])).toBeNull();
  });
});

describe('cssMatrix and sameCamera', () => {
  it("writes CSS's matrix() in its a, b, c, d, e, f order, rounded", () => {
    expect(cssMatrix([1, 0, 0, 1, 40, -12])).toBe('matrix(1,0,0,1,40,-12)');
    expect(cssMatrix([1 / 3, 0, 0, 1 / 3, 0.1234567, 0])).toBe('matrix(0.333333,0,0,0.333333,0.123457,0)');
  });

  it('tells a moved camera from one at rest', () => {
    const at = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    expect(sameCamera(at, { ...at })).toBe(true);
    expect(sameCamera(at, { ...at, x: 0.51 })).toBe(false);
    expect(sameCamera(at, { ...at, ratio: 0.9 })).toBe(false);
    expect(sameCamera(at, { ...at, angle: 0.1 })).toBe(false);
  });
});
