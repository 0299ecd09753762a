/**
 * Label and hover drawing for sigma's 2D label layers, in the theme's colours: text with a halo so
 * it stays readable over edges, and a rounded card behind the hovered / selected paper.
 * Labels that would overlap one already drawn in the same frame are skipped unless forced
 * (highlighted neighbourhood); call `resetFrame` before each render.
 */
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { RenderTheme } from './theme';

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>;
interface LabelSettings {
  labelSize: number;
  labelFont: string;
  labelWeight: string;
}

/** What a drawer put on a label layer (told to the optional recorder, for image exports). */
export type DrawnLabel =
  | { kind: 'label'; layer: 'labels' | 'hovers'; text: string; x: number; y: number }
  | {
      kind: 'card';
      x: number;
      y: number;
      width: number;
      height: number;
      radius: number;
      fill: string;
      stroke: string;
      strokeWidth: number;
      label: { text: string; x: number; y: number } | null;
    };

/**
 * `focusNode` is the hovered / selected paper: sigma's hover layer draws it as a card; the other
 * highlighted nodes (its neighbours) get a plain label there, above the veil. `record`, when given,
 * is told of every label and card drawn.
 */
export function createLabelDrawers(
  theme: () => RenderTheme,
  focusNode: () => string | null,
  record?: (drawn: DrawnLabel) => void,
) {
  // boxes of the labels drawn this frame: [x0, y0, x1, y1, ...]
  let boxes: number[] = [];
  // the same for the neighbours' labels on the hover layer, which sigma draws in one synchronous
  // pass: the list is emptied in a microtask after the pass
  let hoverBoxes: number[] = [];
  // the text parts of the cards drawn in the pass, which the hover layer's discs leave clear
  let cardTexts: number[] = [];
  let hoverResetQueued = false;

  function overlaps(list: number[], x0: number, y0: number, x1: number, y1: number): boolean {
    for (let i = 0; i < list.length; i += 4) {
      if (x0 < list[i + 2]! && x1 > list[i]! && y0 < list[i + 3]! && y1 > list[i + 1]!) return true;
    }
    return false;
  }

  /** A box drawn on the hover layer in this pass. */
  function noteHoverBox(box: readonly [number, number, number, number]): void {
    if (!hoverResetQueued) {
      hoverResetQueued = true;
      queueMicrotask(() => {
        hoverBoxes = [];
        cardTexts = [];
        hoverResetQueued = false;
      });
    }
    hoverBoxes.push(...box);
  }

  function drawLabel(ctx: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): void {
    // highlighted nodes (a focused neighbourhood, brushed papers) get their label on the hover layer,
    // where crowded ones skip overlaps; drawn here too, forced labels would pile up
    if (!data.label || data.highlighted) return;
    const t = theme();
    ctx.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const x = data.x + data.size + 3;
    const y = data.y + settings.labelSize / 3;
    const w = ctx.measureText(data.label).width;
    const box = [x - 2, y - settings.labelSize, x + w + 2, y + 4] as const;
    if (!data.forceLabel && overlaps(boxes, ...box)) return;
    boxes.push(...box);
    drawText(ctx, data, settings, t, 'labels');
  }

  function drawText(
    ctx: CanvasRenderingContext2D,
    data: LabelData,
    settings: LabelSettings,
    t: RenderTheme,
    layer: 'labels' | 'hovers',
  ): void {
    if (!data.label) return;
    ctx.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const x = data.x + data.size + 3;
    const y = data.y + settings.labelSize / 3;
    record?.({ kind: 'label', layer, text: data.label, x, y });
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = t.labelHalo;
    ctx.strokeText(data.label, x, y);
    ctx.fillStyle = t.label;
    ctx.fillText(data.label, x, y);
  }

  function drawHover(
    ctx: CanvasRenderingContext2D,
    data: LabelData & { key?: string },
    settings: LabelSettings,
  ): void {
    const t = theme();
    if (data.key !== undefined && data.key !== focusNode() && data.highlighted) {
      if (!data.label) return;
      ctx.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
      const x = data.x + data.size + 3;
      const y = data.y + settings.labelSize / 3;
      const box = [x - 2, y - settings.labelSize, x + ctx.measureText(data.label).width + 2, y + 4] as const;
      // in a crowded neighbourhood, labels that would overlap are left out (the discs stay)
      if (overlaps(hoverBoxes, ...box)) return;
      noteHoverBox(box);
      drawText(ctx, data, settings, t, 'hovers');
      return;
    }
    const size = settings.labelSize;
    ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const pad = 3;
    const r = data.size + pad;
    ctx.fillStyle = t.dark ? '#23282e' : '#ffffff';
    ctx.strokeStyle = t.dark ? '#aab1ba' : '#3d4450';
    ctx.lineWidth = 1.5;
    ctx.shadowColor = t.dark ? 'rgba(0,0,0,0.6)' : 'rgba(0,0,0,0.25)';
    ctx.shadowBlur = 6;
    ctx.beginPath();
    if (data.label) {
      const w = ctx.measureText(data.label).width;
      const h = Math.max(size + 2 * pad, 2 * r);
      const box = {
        x: data.x - r,
        y: data.y - h / 2,
        width: r * 2 + w + 3 + 2 * pad,
        height: h,
        radius: Math.min(r, h / 2),
      };
      ctx.roundRect(box.x, box.y, box.width, box.height, box.radius);
      // the neighbours' labels drawn after the card leave it readable (those drawn before are under
      // it), and so do the discs drawn above the labels, beside the paper's own disc
      noteHoverBox([box.x, box.y, box.x + box.width, box.y + box.height]);
      cardTexts.push(data.x + r, box.y, box.x + box.width, box.y + box.height);
      const label = { text: data.label, x: data.x + data.size + 3, y: data.y + size / 3 };
      record?.({
        kind: 'card',
        ...box,
        fill: String(ctx.fillStyle),
        stroke: String(ctx.strokeStyle),
        strokeWidth: ctx.lineWidth,
        label,
      });
    } else {
      ctx.arc(data.x, data.y, r, 0, Math.PI * 2);
      record?.({
        kind: 'card',
        x: data.x - r,
        y: data.y - r,
        width: 2 * r,
        height: 2 * r,
        radius: r,
        fill: String(ctx.fillStyle),
        stroke: String(ctx.strokeStyle),
        strokeWidth: ctx.lineWidth,
        label: null,
      });
    }
    ctx.fill();
    ctx.shadowBlur = 0;
    ctx.stroke();
    if (data.label) {
      ctx.fillStyle = t.label;
      ctx.fillText(data.label, data.x + data.size + 3, data.y + size / 3);
    }
  }

  return {
    drawLabel,
    drawHover,
    /** The text parts of the cards drawn in this hover pass, [x0, y0, x1, y1, ...] (CSS px). */
    cardTexts: (): readonly number[] => cardTexts,
    /** Call before each full render (sigma's label pass, then its hover pass). */
    resetFrame: () => {
      boxes = [];
      hoverBoxes = [];
      cardTexts = [];
    },
  };
}
