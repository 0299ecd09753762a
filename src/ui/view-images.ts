/**
 * Images of the view inside their frame (title, legend, caption), PNG and SVG, for the Export menu.
 * A chunk of its own: the app loads it when the menu is first used (see app.ts).
 */
import { frameLayout, type FrameContent } from '../export/frame';
import { sceneToSvg } from '../export/svg';
import { canvasMeasure, composeFramed, composeFramedPng } from '../render/frame-canvas';
import type { RendererHandle } from '../render/renderer';
import { LABEL_FONT } from '../render/sigma-settings';
import type { RenderTheme } from '../render/theme';

/** The frame's colours for the view's theme. */
function frameTheme(t: RenderTheme) {
  return {
    background: t.background,
    text: t.label,
    muted: t.dark ? '#9aa3ad' : '#5c6470',
    border: t.dark ? '#343a42' : '#d8dce1',
    fontFamily: LABEL_FONT,
  };
}

export function framedPng(
  renderer: RendererHandle,
  doc: Document,
  scale: number,
  content: FrameContent,
): Promise<Blob> {
  const snap = renderer.snapshot(scale, true, !!content.library);
  const frame = frameLayout(
    content,
    snap.scene,
    frameTheme(renderer.theme()),
    canvasMeasure(doc, LABEL_FONT),
  );
  return composeFramedPng(snap.canvas!, frame, scale);
}

export function framedSvg(
  renderer: RendererHandle,
  doc: Document,
  content: FrameContent,
  description: string,
): string {
  const snap = renderer.snapshot(1, false, !!content.library);
  const frame = frameLayout(
    content,
    snap.scene,
    frameTheme(renderer.theme()),
    canvasMeasure(doc, LABEL_FONT),
  );
  return sceneToSvg(snap.scene, frame, { title: content.title, description });
}

/** Framed views drawn one after another with one off-screen renderer (a video's frames). */
export function framedCanvases(
  renderer: RendererHandle,
  doc: Document,
  scale: number,
  rings = false,
): { draw(content: FrameContent): HTMLCanvasElement; close(): void } {
  const session = renderer.snapshots(scale, true, rings);
  const measure = canvasMeasure(doc, LABEL_FONT);
  return {
    draw(content) {
      const snap = session.take();
      return composeFramed(
        snap.canvas!,
        frameLayout(content, snap.scene, frameTheme(renderer.theme()), measure),
        scale,
      );
    },
    close: () => session.close(),
  };
}
