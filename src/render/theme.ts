/**
 * Colours the renderer draws with, per colour scheme. Opaque on purpose: sigma blends with
 * premultiplied alpha, so translucent colours would wash out; these are pre-mixed with the background.
 * The page's CSS follows `prefers-color-scheme`;
 * the renderer reads the same media query so canvas and panels agree.
 */
import type { EdgeKind } from '../model';

export interface EdgeStyle {
  color: string;
  size: number;
}

export interface RenderTheme {
  dark: boolean;
  background: string;
  label: string;
  labelHalo: string;
  /** Nodes outside the isolated legend category. */
  fadedNode: string;
  /** Drawn over the graph, under the highlighted neighbourhood, to fade the rest. */
  veil: string;
  fadedEdge: string;
  /** The selected paper itself (neutral; outlined by sigma's highlight). */
  selected: string;
  /** What the selection cites / builds on. */
  references: string;
  /** What cites / builds on the selection. */
  citations: string;
  /** Where two compared papers diverged: their lowest common ancestors. */
  commonAncestor: string;
  edges: Record<EdgeKind, EdgeStyle>;
  /** Edge colour while it is part of a hovered neighbourhood. */
  highlightEdge: string;
  /** The ring around the papers of the reader's library. */
  library: string;
}

const LIGHT: RenderTheme = {
  dark: false,
  background: '#ffffff',
  label: '#1f2328',
  labelHalo: 'rgba(255,255,255,0.85)',
  fadedNode: '#e3e5e8',
  veil: 'rgba(255,255,255,0.82)',
  fadedEdge: '#f0f1f3',
  selected: '#3d4450',
  references: '#1f6fd1',
  citations: '#1a9a4a',
  commonAncestor: '#b23a9c',
  edges: {
    'builds-on': { color: '#7a818b', size: 2 },
    cites: { color: '#b9bec5', size: 1.2 },
    compares: { color: '#d2d5da', size: 1 },
    mentions: { color: '#d9dce0', size: 1 },
    links: { color: '#b9bec5', size: 1.2 },
  },
  highlightEdge: '#4a515b',
  library: '#d6336c',
};

const DARK: RenderTheme = {
  dark: true,
  background: '#15181c',
  label: '#e6e8eb',
  labelHalo: 'rgba(21,24,28,0.85)',
  fadedNode: '#2c3137',
  veil: 'rgba(21,24,28,0.82)',
  fadedEdge: '#22262b',
  selected: '#d6d9de',
  references: '#5aa2ff',
  citations: '#4cc776',
  commonAncestor: '#e683d4',
  edges: {
    'builds-on': { color: '#9ba3ad', size: 2 },
    cites: { color: '#5d646e', size: 1.2 },
    compares: { color: '#454b53', size: 1 },
    mentions: { color: '#3e444b', size: 1 },
    links: { color: '#5d646e', size: 1.2 },
  },
  highlightEdge: '#d0d4da',
  library: '#f783ac',
};

export function themeFor(dark: boolean): RenderTheme {
  return dark ? DARK : LIGHT;
}

/** The theme of the current `prefers-color-scheme`. */
export function currentTheme(win: Window): RenderTheme {
  return themeFor(win.matchMedia('(prefers-color-scheme: dark)').matches);
}
