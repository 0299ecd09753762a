/** The library in the exported images: rings in the SVG's view, a ring key in the frame's legend, only when given. */
import { describe, expect, it } from 'vitest';
import { frameLayout, type FrameContent, type MeasureText } from '../../../src/export/frame';
import { LIBRARY_RING, ringRadius, type Scene, type SceneNode } from '../../../src/export/scene';
import { sceneToSvg } from '../../../src/export/svg';

const measure: MeasureText = (text, size) => text.length * size * 0.6;
const theme = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#5c6470',
  border: '#d8dce1',
  fontFamily: 'system-ui',
};
const node = (x: number, y: number, r: number): SceneNode => ({ x, y, r, color: '#0072b2' });

function scene(rings?: SceneNode[]): Scene {
  return {
    width: 400,
    height: 300,
    background: '#ffffff',
    font: { family: 'system-ui', size: 13, weight: '500' },
    labelColor: '#1f2328',
    haloColor: '#ffffff',
    haloWidth: 3,
    edges: [],
    edgeArrow: { lengthRatio: 4, minLength: 0, halfWidthRatio: 0.4375 },
    nodes: [node(100, 100, 8), node(300, 100, 5), node(200, 250, 4)],
    labels: [],
    veil: null,
    focusEdges: [],
    focusArrow: { lengthRatio: 4, minLength: 7, halfWidthRatio: 0.45 },
    focusLabels: [],
    card: null,
    focusNodes: [],
    ...(rings ? { rings } : {}),
  };
}

const content: FrameContent = {
  title: 'T',
  subtitle: 'S',
  legendHeading: 'Model family',
  legend: [{ label: 'Diffusion', color: '#0072b2', count: 3 }],
  selection: null,
  links: [],
  caption: 'C',
};

describe('library in exports', () => {
  it('rings the library papers around their discs, off-view ones left out', () => {
    const rings = [
      { ...node(100, 100, 8), color: '#d6336c' },
      { ...node(900, 900, 5), color: '#d6336c' },
    ];
    const svg = sceneToSvg(scene(rings), frameLayout(content, { width: 400, height: 300 }, theme, measure), {
      title: 'T',
      description: 'D',
    });
    const group = /<g id="library" fill="none" stroke-width="([\d.]+)">\n([\s\S]*?)<\/g>/.exec(svg);
    expect(group?.[1]).toBe(String(LIBRARY_RING.width));
    expect(group?.[2]).toBe(`<circle cx="100" cy="100" r="${ringRadius(8)}" stroke="#d6336c"/>\n`);
    // drawn over the discs, under the labels
    expect(svg.indexOf('<g id="library"')).toBeGreaterThan(svg.indexOf('<g id="nodes"'));
    expect(svg.indexOf('<g id="library"')).toBeLessThan(svg.indexOf('<g id="labels"'));
  });

  it('has no rings and no key when not asked', () => {
    const frame = frameLayout(content, { width: 400, height: 300 }, theme, measure);
    expect(frame.swatches.some((s) => s.ring)).toBe(false);
    expect(sceneToSvg(scene(), frame, { title: 'T', description: 'D' })).not.toContain('id="library"');
  });

  it('keys "In my library" under the legend with its count, as a ring', () => {
    const frame = frameLayout(
      { ...content, library: { label: 'In my library', color: '#d6336c', count: 10 } },
      { width: 400, height: 300 },
      theme,
      measure,
    );
    const ring = frame.swatches.find((s) => s.ring);
    expect(ring?.color).toBe('#d6336c');
    const label = frame.texts.find((t) => t.text === 'In my library');
    const count = frame.texts.find((t) => t.text === '10');
    expect(label && count && count.y === label.y).toBe(true);
    const diffusion = frame.texts.find((t) => t.text === 'Diffusion')!;
    expect(label!.y).toBeGreaterThan(diffusion.y);
    const svg = sceneToSvg(scene(), frame, { title: 'T', description: 'D' });
    expect(svg).toContain(`fill="none" stroke="#d6336c" stroke-width="${LIBRARY_RING.width}"/>`);
  });
});
