/**
 * The current view as a standalone SVG 1.1 document: the frame (title, legend, caption) and the
 * scene (links with arrow heads, papers, the labels drawn on screen, the focused neighbourhood).
 * Pure: scene and layout in, text out. Every piece of text is XML-escaped; no foreignObject, no CSS,
 * colours as `#rrggbb` plus an opacity, so browsers and vector editors read it alike.
 */
import {
  arrowGeometry,
  LIBRARY_RING,
  OUTSIDE_RING,
  outsideRing,
  ringRadius,
  type ArrowShape,
  type Scene,
  type SceneEdge,
  type SceneLabel,
  type SceneNode,
} from './scene';
import type { FrameLayout, TextBox } from './frame';

/** Escapes text for XML character data and attribute values. */
export function xmlEscape(text: string): string {
  // characters XML 1.0 forbids are dropped; the rest escaped
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function n(v: number): string {
  const r = Math.round(v * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A CSS colour as an SVG 1.1 paint and an opacity (`rgba()` is not SVG 1.1). */
export function paint(color: string): { color: string; opacity: number } {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(color.trim());
  if (hex) {
    let h = hex[1]!.toLowerCase();
    if (h.length === 3) h = [...h].map((c) => c + c).join('');
    const opacity = h.length === 8 ? Number.parseInt(h.slice(6), 16) / 255 : 1;
    return { color: `#${h.slice(0, 6)}`, opacity };
  }
  const rgb = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+%?)\s*)?\)$/i.exec(
    color.trim(),
  );
  if (rgb) {
    const to2 = (s: string) =>
      Math.max(0, Math.min(255, Math.round(Number(s))))
        .toString(16)
        .padStart(2, '0');
    const a =
      rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? Number(rgb[4].slice(0, -1)) / 100 : Number(rgb[4]);
    return { color: `#${to2(rgb[1]!)}${to2(rgb[2]!)}${to2(rgb[3]!)}`, opacity: Math.max(0, Math.min(1, a)) };
  }
  return { color: '#000000', opacity: 1 };
}

function attr(name: string, value: string | number): string {
  return ` ${name}="${typeof value === 'number' ? n(value) : xmlEscape(value)}"`;
}

/** `fill="…"` (plus `fill-opacity` when translucent) or the same for stroke. */
function paintAttr(kind: 'fill' | 'stroke', color: string): string {
  const p = paint(color);
  return (
    attr(kind, p.color) + (p.opacity < 1 ? attr(`${kind}-opacity`, Math.round(p.opacity * 1000) / 1000) : '')
  );
}

function inView(scene: Scene, x0: number, y0: number, x1: number, y1: number): boolean {
  return x1 >= 0 && y1 >= 0 && x0 <= scene.width && y0 <= scene.height;
}

/** Links grouped by colour and width into one stroked path and one filled path of heads each. */
function edgesSvg(scene: Scene, edges: SceneEdge[], shape: ArrowShape): string {
  const groups = new Map<string, { color: string; width: number; lines: string[]; heads: string[] }>();
  for (const e of edges) {
    const g = arrowGeometry(e, shape);
    if (!g) continue;
    const xs = [e.source.x, e.target.x];
    const ys = [e.source.y, e.target.y];
    if (!inView(scene, Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys))) continue;
    const key = `${e.color}|${e.width}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { color: e.color, width: e.width, lines: [], heads: [] }));
    if (e.undirected) {
      group.lines.push(`M${n(g.from.x)} ${n(g.from.y)}L${n(g.tip.x)} ${n(g.tip.y)}`);
      continue;
    }
    const bodyLength = Math.hypot(g.base.x - g.from.x, g.base.y - g.from.y);
    const along = (g.base.x - g.from.x) * (g.tip.x - g.base.x) + (g.base.y - g.from.y) * (g.tip.y - g.base.y);
    if (bodyLength > 0 && along > 0)
      group.lines.push(`M${n(g.from.x)} ${n(g.from.y)}L${n(g.base.x)} ${n(g.base.y)}`);
    group.heads.push(
      `M${n(g.tip.x)} ${n(g.tip.y)}L${n(g.left.x)} ${n(g.left.y)}L${n(g.right.x)} ${n(g.right.y)}Z`,
    );
  }
  let out = '';
  for (const g of groups.values()) {
    if (g.lines.length > 0)
      out += `<path${attr('d', g.lines.join(''))} fill="none"${paintAttr('stroke', g.color)}${attr('stroke-width', g.width)}/>\n`;
    if (g.heads.length > 0) out += `<path${attr('d', g.heads.join(''))}${paintAttr('fill', g.color)}/>\n`;
  }
  return out;
}

function nodesSvg(scene: Scene, nodes: SceneNode[]): string {
  let out = '';
  for (const d of nodes) {
    if (!inView(scene, d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r)) continue;
    if (d.outside) out += outsideSvg(d);
    else
      out += `<circle${attr('cx', d.x)}${attr('cy', d.y)}${attr('r', d.r)}${paintAttr('fill', d.color)}/>\n`;
  }
  return out;
}

/** A work outside the list as the ring program draws it: a stroke on the rim, a faint centre. */
function outsideSvg(d: SceneNode): string {
  const { width, radius } = outsideRing(d.r);
  const { color, opacity } = paint(d.color);
  return `<circle${attr('cx', d.x)}${attr('cy', d.y)}${attr('r', radius)}${attr('fill', color)}${attr('fill-opacity', opacity * OUTSIDE_RING.centreAlpha)}${paintAttr('stroke', d.color)}${attr('stroke-width', width)}/>\n`;
}

/** The library's rings: an unfilled circle around each disc. */
function ringsSvg(scene: Scene, rings: SceneNode[]): string {
  let out = '';
  for (const d of rings) {
    const r = ringRadius(d.r);
    if (!inView(scene, d.x - r, d.y - r, d.x + r, d.y + r)) continue;
    out += `<circle${attr('cx', d.x)}${attr('cy', d.y)}${attr('r', r)}${paintAttr('stroke', d.color)}/>\n`;
  }
  return out;
}

/** Labels with a halo: a stroked copy under each text (SVG 1.1 has no paint-order). */
function labelsSvg(scene: Scene, labels: SceneLabel[]): string {
  if (labels.length === 0) return '';
  const f = scene.font;
  const fontAttrs = `${attr('font-family', f.family)}${attr('font-size', f.size)}${attr('font-weight', f.weight)}`;
  let halo = '';
  let text = '';
  for (const l of labels) {
    const pos = `${attr('x', l.x)}${attr('y', l.y)}`;
    halo += `<text${pos}>${xmlEscape(l.text)}</text>\n`;
    text += `<text${pos}>${xmlEscape(l.text)}</text>\n`;
  }
  return (
    `<g${fontAttrs} fill="none"${paintAttr('stroke', scene.haloColor)}${attr('stroke-width', scene.haloWidth)} stroke-linejoin="round">\n${halo}</g>\n` +
    `<g${fontAttrs}${paintAttr('fill', scene.labelColor)}>\n${text}</g>\n`
  );
}

function frameText(t: TextBox, family: string): string {
  return `<text${attr('x', t.x)}${attr('y', t.y)}${attr('font-family', family)}${attr('font-size', t.size)}${attr('font-weight', t.weight)}${paintAttr('fill', t.color)}${t.anchor === 'end' ? ' text-anchor="end"' : ''}>${xmlEscape(t.text)}</text>\n`;
}

/** The SVG document of a framed scene. */
export function sceneToSvg(
  scene: Scene,
  frame: FrameLayout,
  meta: { title: string; description: string },
): string {
  const { view, theme } = frame;
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<svg xmlns="http://www.w3.org/2000/svg" version="1.1"${attr('width', frame.width)}${attr('height', frame.height)}${attr('viewBox', `0 0 ${frame.width} ${frame.height}`)}>\n`;
  out += `<title>${xmlEscape(meta.title)}</title>\n<desc>${xmlEscape(meta.description)}</desc>\n`;
  out += `<defs><clipPath id="view-clip"><rect${attr('x', 0)}${attr('y', 0)}${attr('width', view.width)}${attr('height', view.height)}/></clipPath></defs>\n`;
  out += `<rect${attr('width', frame.width)}${attr('height', frame.height)}${paintAttr('fill', theme.background)}/>\n`;

  // the view
  out += `<g id="view"${attr('transform', `translate(${n(view.x)} ${n(view.y)})`)}>\n`;
  out += `<rect${attr('width', view.width)}${attr('height', view.height)}${paintAttr('fill', scene.background)}/>\n`;
  out += '<g clip-path="url(#view-clip)">\n';
  out += `<g id="edges">\n${edgesSvg(scene, scene.edges, scene.edgeArrow)}</g>\n`;
  out += `<g id="nodes">\n${nodesSvg(scene, scene.nodes)}</g>\n`;
  if (scene.rings && scene.rings.length > 0)
    out += `<g id="library" fill="none"${attr('stroke-width', LIBRARY_RING.width)}>\n${ringsSvg(scene, scene.rings)}</g>\n`;
  out += `<g id="labels">\n${labelsSvg(scene, scene.labels)}</g>\n`;
  if (scene.veil) {
    out += `<rect id="veil"${attr('width', view.width)}${attr('height', view.height)}${paintAttr('fill', scene.veil)}/>\n`;
    out += `<g id="focus">\n${edgesSvg(scene, scene.focusEdges, scene.focusArrow)}${labelsSvg(scene, scene.focusLabels)}`;
    const c = scene.card;
    if (c) {
      out += `<rect${attr('x', c.x)}${attr('y', c.y)}${attr('width', c.width)}${attr('height', c.height)}${attr('rx', c.radius)}${attr('ry', c.radius)}${paintAttr('fill', c.fill)}${paintAttr('stroke', c.stroke)}${attr('stroke-width', c.strokeWidth)}/>\n`;
      if (c.label) {
        const f = scene.font;
        out += `<text${attr('x', c.label.x)}${attr('y', c.label.y)}${attr('font-family', f.family)}${attr('font-size', f.size)}${attr('font-weight', f.weight)}${paintAttr('fill', scene.labelColor)}>${xmlEscape(c.label.text)}</text>\n`;
      }
    }
    out += `${nodesSvg(scene, scene.focusNodes)}</g>\n`;
  }
  out += '</g>\n';
  out += `<rect${attr('x', 0.5)}${attr('y', 0.5)}${attr('width', view.width - 1)}${attr('height', view.height - 1)} fill="none"${paintAttr('stroke', theme.border)}/>\n`;
  out += '</g>\n';

  // the frame: title, legend, caption
  out += '<g id="frame">\n';
  for (const l of frame.lines) {
    const dx = l.x2 - l.x1;
    const dy = l.y2 - l.y1;
    const len = Math.hypot(dx, dy) || 1;
    const head = Math.max(6, l.width * 3.5);
    const [ux, uy] = [dx / len, dy / len];
    const bx = l.x2 - ux * head;
    const by = l.y2 - uy * head;
    const half = head * 0.45;
    out += `<path${attr('d', `M${n(l.x1)} ${n(l.y1)}L${n(bx)} ${n(by)}`)}${paintAttr('stroke', l.color)}${attr('stroke-width', l.width)}/>\n`;
    if (l.arrow)
      out += `<path${attr('d', `M${n(l.x2)} ${n(l.y2)}L${n(bx - uy * half)} ${n(by + ux * half)}L${n(bx + uy * half)} ${n(by - ux * half)}Z`)}${paintAttr('fill', l.color)}/>\n`;
  }
  for (const s of frame.swatches) {
    if (s.outside) out += outsideSvg({ x: s.cx, y: s.cy, r: s.r, color: s.color, outside: true });
    else if (s.ring)
      out += `<circle${attr('cx', s.cx)}${attr('cy', s.cy)}${attr('r', s.r)} fill="none"${paintAttr('stroke', s.color)}${attr('stroke-width', LIBRARY_RING.width)}/>\n`;
    else
      out += `<circle${attr('cx', s.cx)}${attr('cy', s.cy)}${attr('r', s.r)}${paintAttr('fill', s.color)} stroke="#000000" stroke-opacity="0.15"/>\n`;
  }
  for (const t of frame.texts) out += frameText(t, theme.fontFamily);
  out += '</g>\n</svg>\n';
  return out;
}
