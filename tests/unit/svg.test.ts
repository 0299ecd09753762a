import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameLayout, wrapText, type FrameContent, type MeasureText } from '../../src/export/frame';
import { arrowGeometry, type Scene, type SceneNode } from '../../src/export/scene';
import { paint, sceneToSvg, xmlEscape } from '../../src/export/svg';

/** A monospace-ish measure: 0.6 em per character (bold 0.65). */
const measure: MeasureText = (text, size, weight) => text.length * size * (weight >= 600 ? 0.65 : 0.6);

const node = (x: number, y: number, r = 5, color = '#0072b2'): SceneNode => ({ x, y, r, color });

function scene(overrides: Partial<Scene> = {}): Scene {
  const a = node(100, 100, 8);
  const b = node(300, 100, 5, '#e69f00');
  const c = node(200, 250, 4, '#009e73');
  return {
    width: 400,
    height: 300,
    background: '#ffffff',
    font: { family: 'system-ui, "Segoe UI", sans-serif', size: 13, weight: '500' },
    labelColor: '#1f2328',
    haloColor: 'rgba(255,255,255,0.85)',
    haloWidth: 3,
    edges: [
      { source: a, target: b, width: 1, headBase: 2, color: '#7a818b' },
      { source: c, target: a, width: 0.7, headBase: 1.7, color: '#b9bec5' },
    ],
    edgeArrow: { lengthRatio: 4, minLength: 0, halfWidthRatio: 0.4375 },
    nodes: [a, b, c],
    labels: [{ text: 'DreamBooth <v2> & "co"', x: 111, y: 104 }],
    veil: null,
    focusEdges: [],
    focusArrow: { lengthRatio: 4, minLength: 7, halfWidthRatio: 0.45 },
    focusLabels: [],
    card: null,
    focusNodes: [],
    ...overrides,
  };
}

const content: FrameContent = {
  title: 'Personalized Image Generation',
  subtitle: 'Colour: Model family · Size: In-set citations · 3 papers of 3',
  legendHeading: 'Model family',
  legend: [
    { label: 'Diffusion', color: '#0072b2', count: 1 },
    { label: 'GAN', color: '#e69f00', count: 1 },
    { label: 'Autoregressive', color: '#009e73', count: 1 },
  ],
  selection: null,
  links: [{ label: 'builds on', color: '#7a818b', width: 2 }],
  caption:
    'Personalized Image Generation · build 0123abcd · 2026-11-29 · filters: no filters · Lineage Atlas',
};
const theme = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#5c6470',
  border: '#d8dce1',
  fontFamily: 'system-ui',
};

describe('xmlEscape and paint', () => {
  it('escapes markup characters and drops characters XML forbids', () => {
    expect(xmlEscape(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(xmlEscape('a\u0000b\u0008c\uFFFEd')).toBe('abcd');
    expect(xmlEscape('Straße ✓ 😀')).toBe('Straße ✓ 😀');
  });

  it('turns CSS colours into SVG 1.1 paint and opacity', () => {
    expect(paint('#ABC')).toEqual({ color: '#aabbcc', opacity: 1 });
    expect(paint('#0072b2')).toEqual({ color: '#0072b2', opacity: 1 });
    expect(paint('rgba(255,255,255,0.85)')).toEqual({ color: '#ffffff', opacity: 0.85 });
    expect(paint('rgb(21, 24, 28)')).toEqual({ color: '#15181c', opacity: 1 });
    expect(paint('#11223380').opacity).toBeCloseTo(128 / 255);
  });
});

describe('arrowGeometry', () => {
  it('puts the tip on the target rim and the base one head-length back', () => {
    const g = arrowGeometry(
      { source: node(0, 0), target: node(100, 0, 10), width: 1, headBase: 2, color: '#000' },
      { lengthRatio: 4, minLength: 0, halfWidthRatio: 0.5 },
    )!;
    expect(g.tip).toEqual({ x: 90, y: 0 });
    expect(g.base).toEqual({ x: 82, y: 0 });
    expect(g.left.y - g.right.y).toBeCloseTo(8);
  });

  it('gives up when the nodes overlap', () => {
    expect(
      arrowGeometry(
        { source: node(0, 0), target: node(3, 0, 5), width: 1, color: '#000' },
        { lengthRatio: 4, minLength: 0, halfWidthRatio: 0.5 },
      ),
    ).toBeNull();
  });
});

describe('frameLayout', () => {
  it('places the view under the title, the legend to its right and the caption below both', () => {
    const f = frameLayout(content, { width: 400, height: 300 }, theme, measure);
    expect(f.view).toEqual({ x: 24, y: expect.any(Number), width: 400, height: 300 });
    const title = f.texts.find((t) => t.text === content.title)!;
    expect(title.y).toBeLessThan(f.view.y);
    const legend = f.texts.filter((t) =>
      ['Model family', 'Diffusion', 'GAN', 'Autoregressive', 'Links', 'builds on'].includes(t.text),
    );
    expect(legend).toHaveLength(6);
    for (const t of legend) expect(t.x).toBeGreaterThanOrEqual(f.view.x + f.view.width + 20);
    const caption = f.texts.filter((t) => t.color === theme.muted && t.y > f.view.y + f.view.height);
    expect(caption.map((t) => t.text).join(' ')).toBe(content.caption);
    expect(f.height).toBeGreaterThan(Math.max(...caption.map((t) => t.y)));
    expect(f.width).toBe(
      Math.max(...f.texts.map((t) => (t.anchor === 'end' ? t.x : t.x + measure(t.text, t.size, t.weight)))) +
        24,
    );
    expect(f.swatches.map((s) => s.color)).toEqual(['#0072b2', '#e69f00', '#009e73']);
  });

  it('keys the works outside the list below the categories, as their ring, with how many are shown', () => {
    const f = frameLayout(
      { ...content, outside: { label: 'Outside the list', count: 7 } },
      { width: 400, height: 300 },
      theme,
      measure,
    );
    const label = f.texts.find((t) => t.text === 'Outside the list')!;
    const gan = f.texts.find((t) => t.text === 'Autoregressive')!;
    const links = f.texts.find((t) => t.text === 'Links')!;
    expect(label.y).toBeGreaterThan(gan.y);
    expect(label.y).toBeLessThan(links.y);
    expect(f.texts.find((t) => t.text === '7' && t.anchor === 'end')?.y).toBe(label.y);
    expect(f.swatches.at(-1)).toEqual({
      cx: expect.any(Number),
      cy: label.y - 4,
      r: 5.5,
      color: theme.muted,
      outside: true,
    });
    // and in the SVG, drawn as the graph draws those works
    const svg = sceneToSvg(scene(), f, { title: 'T', description: '' });
    expect(svg).toMatch(
      /<circle[^>]*fill="#5c6470" fill-opacity="0.22" stroke="#5c6470" stroke-width="1.87"\/>/,
    );
    expect(svg).toContain('>Outside the list</text>');
  });

  it('keeps every text inside the frame, however long (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.record({ label: fc.string({ maxLength: 80 }), count: fc.option(fc.nat(100000)) }), {
          maxLength: 30,
        }),
        fc.integer({ min: 200, max: 2000 }),
        (text, items, width) => {
          const c = {
            ...content,
            title: text,
            caption: `${text} ${text}`,
            legend: items.map((i) => ({ ...i, color: '#123456' })),
          };
          const f = frameLayout(c, { width, height: 300 }, theme, measure);
          for (const t of f.texts) {
            const w = measure(t.text, t.size, t.weight);
            const x0 = t.anchor === 'end' ? t.x - w : t.x;
            expect(x0).toBeGreaterThanOrEqual(24 - 1e-9);
            expect(x0 + w).toBeLessThanOrEqual(f.width - 24 + 1e-6);
            expect(t.y).toBeLessThanOrEqual(f.height);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('wraps text by words and cuts a word longer than a line', () => {
    expect(wrapText('aaa bbb ccc', 7 * 6, 10, 400, measure)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('abcdefghijkl', 6 * 6, 10, 400, measure)).toEqual(['abcde…']);
  });
});

describe('sceneToSvg', () => {
  const frame = frameLayout(content, { width: 400, height: 300 }, theme, measure);

  it('writes an SVG 1.1 document: discs, links with heads, escaped labels and the frame', () => {
    const svg = sceneToSvg(scene(), frame, { title: 'T <1>', description: 'a & b' });
    expect(
      svg.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" version="1.1"',
      ),
    ).toBe(true);
    expect(svg).toContain(`width="${frame.width}" height="${frame.height}"`);
    expect(svg).toContain('<title>T &lt;1&gt;</title>');
    expect(svg).toContain('<desc>a &amp; b</desc>');
    expect(svg.match(/<circle /g)).toHaveLength(3 + 3); // papers + legend swatches
    expect(svg).toContain('<circle cx="100" cy="100" r="8" fill="#0072b2"/>');
    // the label twice (halo, then text), escaped; the halo's rgba as colour + opacity
    expect(svg.match(/DreamBooth &lt;v2&gt; &amp; &quot;co&quot;/g)).toHaveLength(2);
    expect(svg).toContain('stroke="#ffffff" stroke-opacity="0.85"');
    expect(svg).toContain('font-family="system-ui, &quot;Segoe UI&quot;, sans-serif"');
    // a→b: line from the source centre to the head's base, head tip on b's rim (x = 300 − 5)
    expect(svg).toContain('d="M100 100L287 100"');
    expect(svg).toContain('M295 100L287 103.5L287 96.5Z');
    expect(svg).not.toMatch(/foreignObject|rgba\(|<style|style=/);
    expect(svg).not.toContain('id="veil"');
    for (const t of ['Model family', 'Diffusion', 'builds on', content.title])
      expect(svg).toContain(`>${t}</text>`);
  });

  it('draws an undirected link as a line to the rim, without a head', () => {
    const base = scene();
    const [ab, ca] = base.edges;
    const svg = sceneToSvg(scene({ edges: [{ ...ab!, undirected: true }, ca!] }), frame, {
      title: 'T',
      description: '',
    });
    // a–b: one line from a's centre to b's rim (x = 300 − 5), and no head at b
    expect(svg).toContain('d="M100 100L295 100"');
    expect(svg).not.toContain('M295 100L287 103.5L287 96.5Z');
    // c→a keeps its head
    expect(svg.match(/Z"/g)?.length).toBeGreaterThanOrEqual(1);
  });

  it('draws a work outside the list as the ring program does: a rim in its colour, a faint centre', () => {
    const outside: SceneNode = { x: 200, y: 150, r: 10, color: 'rgba(0, 114, 178, 0.5)', outside: true };
    const svg = sceneToSvg(scene({ nodes: [outside] }), frame, { title: 'T', description: '' });
    // the rim takes 0.34 of the radius: a stroke 3.4 wide centred 1.7 inside the edge; the centre
    // at 0.22 of the colour's opacity
    expect(svg).toContain(
      '<circle cx="200" cy="150" r="8.3" fill="#0072b2" fill-opacity="0.11" stroke="#0072b2" stroke-opacity="0.5" stroke-width="3.4"/>',
    );
    // a paper of the list stays a disc
    const disc = sceneToSvg(scene({ nodes: [{ ...outside, outside: undefined }] }), frame, {
      title: 'T',
      description: '',
    });
    expect(disc).toContain('<circle cx="200" cy="150" r="10" fill="#0072b2" fill-opacity="0.5"/>');
  });

  it('draws the focus layers above a veil: links, labels, the card, then the discs', () => {
    const a = node(100, 100, 8, '#3d4450');
    const b = node(300, 100, 5, '#1f6fd1');
    const svg = sceneToSvg(
      scene({
        veil: 'rgba(255,255,255,0.82)',
        focusEdges: [{ source: a, target: b, width: 2, color: '#1f6fd1' }],
        focusLabels: [{ text: 'Neighbour', x: 308, y: 104 }],
        card: {
          x: 89,
          y: 88,
          width: 120,
          height: 24,
          radius: 11,
          fill: '#ffffff',
          stroke: '#3d4450',
          strokeWidth: 1.5,
          label: { text: 'Seed', x: 111, y: 104 },
        },
        focusNodes: [a, b],
      }),
      frame,
      { title: 't', description: 'd' },
    );
    const order = [
      'id="veil"',
      'stroke="#1f6fd1"',
      '>Neighbour<',
      'rx="11"',
      '>Seed<',
      'fill="#3d4450"/>',
    ].map((s) => svg.lastIndexOf(s));
    expect(order.every((v) => v > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(svg).toContain('fill="#ffffff" fill-opacity="0.82"');
  });

  it('leaves out what lies outside the view', () => {
    const far = node(5000, 5000, 5);
    const svg = sceneToSvg(
      scene({
        nodes: [far],
        edges: [{ source: far, target: node(6000, 5000), width: 1, color: '#000000' }],
        labels: [],
      }),
      frame,
      { title: 't', description: 'd' },
    );
    expect(svg).not.toContain('cx="5000"');
    expect(svg).not.toContain('M5000');
  });

  it('stays well-formed for any label text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 10 }), (texts) => {
        const svg = sceneToSvg(
          scene({ labels: texts.map((text, i) => ({ text, x: 10, y: 20 + i * 14 })) }),
          frame,
          { title: texts[0] ?? '', description: '' },
        );
        // every text element's content is free of raw markup characters
        for (const m of svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g))
          expect(m[1]).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
        expect(svg.match(/<text[ >]/g)?.length).toBe(svg.match(/<\/text>/g)?.length);
      }),
      { numRuns: 200 },
    );
  });
});
