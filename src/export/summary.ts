/**
 * A one-line, human-readable summary of the active filters, for captions and file metadata:
 * "years 2022–2024; Model family: GAN, Diffusion; minimum degree 2", or "no filters".
 */
import { dimension, type GraphMeta } from '../model';
import { shownEdgeKinds } from '../graph/facets';
import type { Filters } from '../state/types';
import { playheadKey } from '../state/playback';

export function filtersSummary(filters: Filters, meta: GraphMeta): string {
  const parts: string[] = [];
  if (filters.years) {
    const [a, b] = filters.years;
    parts.push(a === b ? `year ${a}` : `years ${a}–${b}`);
  }
  for (const [dimId, ids] of Object.entries(filters.categories)) {
    const dim = dimension(meta.taxonomy, dimId);
    const labels = ids.map((id) => dim?.categories.find((c) => c.id === id)?.label ?? id);
    parts.push(`${dim?.label ?? dimId}: ${labels.length === 0 ? 'none' : labels.join(', ')}`);
  }
  for (const dimId of filters.unlabelled) {
    parts.push(`${dimension(meta.taxonomy, dimId)?.label ?? dimId}: unlabelled hidden`);
  }
  // the kinds the filters panel offers for this graph
  const offered = shownEdgeKinds(meta.counts.byKind, meta.file !== undefined);
  const shown = filters.edgeKinds.filter((k) => offered.includes(k));
  if (shown.length < offered.length) {
    parts.push(shown.length === 0 ? 'no links' : `links ${shown.join(', ')}`);
  }
  if (filters.showSurveyMentions) parts.push("mentions from other surveys' lists shown");
  if (filters.minDegree > 0) parts.push(`minimum degree ${filters.minDegree}`);
  if (filters.playhead) parts.push(`playback up to ${playheadKey(filters.playhead)}`);
  return parts.length === 0 ? 'no filters' : parts.join('; ');
}
