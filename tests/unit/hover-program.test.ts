/** The hover layer's 2D program: what it draws of the nodes sigma hands it, and where. */
import { describe, expect, it } from 'vitest';
import type Sigma from 'sigma';
import type { NodeDisplayData, RenderParams } from 'sigma/types';
import {
  canvasHoverPrograms,
  drawlessContext,
  drawlessLayer,
  hideUndrawnLayers,
  hoversDrawnOn2d,
} from '../../src/render/hover-program';
import { OUTSIDE_RING, outsideRing } from '../../src/export/scene';

/** A 2D context that records the paths filled and stroked (only what paintNode2d uses). */
function recordingContext() {
  const calls: {
    op: 'fill' | 'stroke';
    x: number;
    y: number;
    r: number;
    style: string;
    alpha: number;
    width: number;
  }[] = [];
  let arc = { x: 0, y: 0, r: 0 };
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    clips: [] as { rects: number[][]; rule: string }[],
    rects: [] as number[][],
    saved: 0,
    beginPath() {
      ctx.rects = [];
    },
    rect(x: number, y: number, w: number, h: number) {
      ctx.rects.push([x, y, w, h]);
    },
    clip(rule: string) {
      ctx.clips.push({ rects: ctx.rects, rule });
    },
    save() {
      ctx.saved++;
    },
    restore() {
      ctx.saved--;
    },
    arc(x: number, y: number, r: number) {
      arc = { x, y, r };
    },
    fill() {
      calls.push({ op: 'fill', ...arc, style: ctx.fillStyle, alpha: ctx.globalAlpha, width: 0 });
    },
    stroke() {
      calls.push({
        op: 'stroke',
        ...arc,
        style: ctx.strokeStyle,
        alpha: ctx.globalAlpha,
        width: ctx.lineWidth,
      });
    },
  };
  return { ctx, calls };
}

/** The parts of sigma the program uses: its hovers canvas, positions (doubled) and sizes (halved). */
function fakeRenderer(ctx: unknown): Sigma {
  return {
    getCanvases: () => ({ hovers: { getContext: () => ctx } }),
    framedGraphToViewport: (d: { x: number; y: number }) => ({ x: d.x * 2, y: d.y * 2 }),
    scaleSize: (size: number) => size / 2,
  } as unknown as Sigma;
}

const node = (x: number, y: number, size: number, color: string, hidden = false) =>
  ({ x, y, size, color, hidden, type: 'circle' }) as unknown as NodeDisplayData;
const params = {} as RenderParams;

describe('canvasHoverPrograms', () => {
  it('gives every node program type a hover program, the ring type its own', () => {
    const programs = canvasHoverPrograms(['circle', 'ring'], 'ring');
    expect(Object.keys(programs)).toEqual(['circle', 'ring']);
    expect(programs.circle).not.toBe(programs.ring);
  });

  it('draws each visible node as a disc at its viewport position, half a pixel inside its radius', () => {
    const { ctx, calls } = recordingContext();
    const Program = canvasHoverPrograms(['circle'], 'ring').circle!;
    const program = new Program(null as never, null, fakeRenderer(ctx));
    program.reallocate(3);
    program.process(0, 0, node(10, 20, 8, '#0072b2'));
    program.process(0, 1, node(1, 1, 8, '#e69f00', true));
    program.process(0, 2, node(5, 5, 0.8, '#000000'));
    program.render(params);
    // the hidden node is left out; the last one is too small to draw
    expect(calls).toEqual([{ op: 'fill', x: 20, y: 40, r: 3.5, style: '#0072b2', alpha: 1, width: 0 }]);
  });

  it('draws a work outside the list as the ring program does: a faint centre, a rim', () => {
    const { ctx, calls } = recordingContext();
    const Program = canvasHoverPrograms(['circle', 'ring'], 'ring').ring!;
    const program = new Program(null as never, null, fakeRenderer(ctx));
    program.reallocate(1);
    program.process(0, 0, node(10, 10, 21, '#009e73'));
    program.render(params);
    const { width, radius } = outsideRing(10);
    expect(calls).toEqual([
      { op: 'fill', x: 20, y: 20, r: radius, style: '#009e73', alpha: OUTSIDE_RING.centreAlpha, width: 0 },
      { op: 'stroke', x: 20, y: 20, r: radius, style: '#009e73', alpha: 1, width },
    ]);
  });

  it('draws only what the last process round handed it', () => {
    const { ctx, calls } = recordingContext();
    const Program = canvasHoverPrograms(['circle'], 'ring').circle!;
    const program = new Program(null as never, null, fakeRenderer(ctx));
    program.reallocate(2);
    program.process(0, 0, node(1, 1, 4, '#111111'));
    program.process(0, 1, node(2, 2, 4, '#222222'));
    program.render(params);
    program.reallocate(0);
    program.render(params);
    expect(calls.map((c) => c.style)).toEqual(['#111111', '#222222']);
  });
});

describe('the boxes kept clear', () => {
  it('clips the discs out of the cards’ text, then gives the context back', () => {
    const { ctx, calls } = recordingContext();
    const Program = canvasHoverPrograms(['circle'], 'ring', () => [10, 20, 110, 40]).circle!;
    const program = new Program(null as never, null, fakeRenderer(ctx));
    program.reallocate(1);
    program.process(0, 0, node(30, 15, 8, '#0072b2'));
    program.render(params);
    expect(ctx.clips).toHaveLength(1);
    const { rects, rule } = ctx.clips[0]!;
    expect(rule).toBe('evenodd');
    // everything, less the box
    expect(rects[0]![0]).toBeLessThan(-1e5);
    expect(rects[1]).toEqual([10, 20, 100, 20]);
    expect(calls).toHaveLength(1);
    expect(ctx.saved).toBe(0);
  });

  it('draws unclipped when there is nothing to keep clear', () => {
    const { ctx } = recordingContext();
    const Program = canvasHoverPrograms(['circle'], 'ring', () => []).circle!;
    const program = new Program(null as never, null, fakeRenderer(ctx));
    program.reallocate(1);
    program.process(0, 0, node(30, 15, 8, '#0072b2'));
    program.render(params);
    expect(ctx.clips).toEqual([]);
  });
});

describe('hideUndrawnLayers', () => {
  const canvases = () => {
    const c = () => ({ style: {} as Record<string, string> });
    return { hoverNodes: c(), edgeLabels: c(), mouse: c(), nodes: c() };
  };

  it('hides the WebGL hover layer and the unused edge labels, and keeps the pointer layer transparent', () => {
    const layers = canvases();
    hideUndrawnLayers(layers as unknown as Record<string, HTMLCanvasElement>, false);
    expect(layers.hoverNodes.style.display).toBe('none');
    expect(layers.edgeLabels.style.display).toBe('none');
    // still there for the pointer's events
    expect(layers.mouse.style).toEqual({ opacity: '0' });
    expect(layers.nodes.style).toEqual({});
  });

  it('keeps the edge labels where sigma draws them', () => {
    const layers = canvases();
    hideUndrawnLayers(layers as unknown as Record<string, HTMLCanvasElement>, true);
    expect(layers.edgeLabels.style).toEqual({});
  });
});

describe('the hover layer without a WebGL context', () => {
  class SigmasOwnProgram {}
  const programs = { circle: SigmasOwnProgram, ring: SigmasOwnProgram };

  it('needs none when every node type has a 2D hover program', () => {
    const hovers = canvasHoverPrograms(['circle', 'ring'], 'ring');
    expect(hoversDrawnOn2d({ nodeProgramClasses: programs, nodeHoverProgramClasses: hovers })).toBe(true);
  });

  it('needs one when a node type would be hovered by a WebGL program', () => {
    const hovers = canvasHoverPrograms(['circle'], 'ring');
    // sigma falls back to the type's own program for its hovers
    expect(hoversDrawnOn2d({ nodeProgramClasses: programs, nodeHoverProgramClasses: hovers })).toBe(false);
    expect(
      hoversDrawnOn2d({
        nodeProgramClasses: programs,
        nodeHoverProgramClasses: { ...hovers, ring: SigmasOwnProgram },
      }),
    ).toBe(false);
    expect(hoversDrawnOn2d({ nodeProgramClasses: programs, nodeHoverProgramClasses: {} })).toBe(false);
  });

  it('answers the calls sigma makes on that layer, doing nothing', () => {
    const canvas = { width: 300, height: 150 } as HTMLCanvasElement;
    const gl = drawlessContext(canvas);
    expect(gl.canvas).toBe(canvas);
    // renderHighlightedNodes and clear(); resize(); killLayer()
    expect(() => gl.clear(gl.COLOR_BUFFER_BIT)).not.toThrow();
    expect(() => gl.viewport(0, 0, 990, 752)).not.toThrow();
    expect(() => gl.blendFunc(1, 0x303)).not.toThrow();
    expect(gl.getExtension('WEBGL_lose_context')).toBeNull();
    expect(gl.isContextLost()).toBe(false);
    expect(gl.COLOR_BUFFER_BIT).toBe(0x4000);
    expect(canvas).toEqual({ width: 300, height: 150 });
  });

  it('lends it to sigma through the canvas, once', () => {
    class Canvas {
      getContext(type: string): string {
        return `the canvas's own ${type} context`;
      }
    }
    const canvas = drawlessLayer(new Canvas() as unknown as HTMLCanvasElement);
    const lent = canvas.getContext('webgl2') as unknown as WebGLRenderingContext;
    expect(lent.canvas).toBe(canvas);
    expect(lent.getExtension('WEBGL_lose_context')).toBeNull();
    // then the canvas answers as before
    expect(canvas.getContext('2d')).toBe("the canvas's own 2d context");
    expect(Object.keys(canvas)).toEqual([]);
  });
});
