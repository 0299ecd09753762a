/** The hover layer's labels: the hovered or selected paper's card stays readable. */
import { describe, expect, it } from 'vitest';
import { createLabelDrawers, type DrawnLabel } from '../../src/render/labels';
import type { RenderTheme } from '../../src/render/theme';

/** A 2D context where every character is 7 px wide; drawing does nothing. */
function fakeContext(): CanvasRenderingContext2D {
  const noop = () => {};
  return new Proxy(
    { measureText: (text: string) => ({ width: text.length * 7 }) },
    { get: (target, key) => (key in target ? target[key as keyof typeof target] : noop), set: () => true },
  ) as unknown as CanvasRenderingContext2D;
}

const theme = { dark: false, label: '#222', labelHalo: '#fff' } as unknown as RenderTheme;
const settings = { labelSize: 12, labelFont: 'sans-serif', labelWeight: '500' };
const paper = (key: string, x: number, y: number, label: string) => ({
  key,
  x,
  y,
  size: 6,
  label,
  color: '#0072b2',
  highlighted: true,
});

function pass(order: string[]) {
  const drawn: DrawnLabel[] = [];
  const drawers = createLabelDrawers(
    () => theme,
    () => 'focus',
    (d) => drawn.push(d),
  );
  const ctx = fakeContext();
  const papers = {
    focus: paper('focus', 100, 100, 'IP-Adapter'),
    // its label would start inside the card's text
    inside: paper('inside', 130, 102, 'Imagine Yourself'),
    apart: paper('apart', 100, 300, 'DreamBooth'),
  } as const;
  for (const k of order) drawers.drawHover(ctx, papers[k as keyof typeof papers], settings);
  return { drawn, drawers };
}

describe('the hover pass', () => {
  it('leaves out a neighbour’s label drawn after the card over its text', () => {
    const { drawn } = pass(['focus', 'inside', 'apart']);
    expect(drawn.map((d) => (d.kind === 'card' ? `card ${d.label?.text}` : d.text))).toEqual([
      'card IP-Adapter',
      'DreamBooth',
    ]);
  });

  it('says where the card’s text is, for the discs drawn above it, until the pass is over', async () => {
    const { drawn, drawers } = pass(['inside', 'focus']);
    // drawn before the card, the neighbour's label is under it
    expect(drawn.map((d) => d.kind)).toEqual(['label', 'card']);
    const card = drawn[1]!;
    if (card.kind !== 'card') throw new Error('no card');
    const [x0, y0, x1, y1] = drawers.cardTexts();
    // right of the paper's disc (radius 6 and the card's padding of 3), to the card's end
    expect([x0, y0, x1, y1]).toEqual([109, card.y, card.x + card.width, card.y + card.height]);
    await Promise.resolve();
    expect(drawers.cardTexts()).toEqual([]);
  });
});
