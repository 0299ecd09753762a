/**
 * A one-line, human-readable summary of the active filters, for captions and file metadata:
 * "years 2022–2024; families GAN, Diffusion; minimum degree 2", or "no filters".
 */
import { EDGE_KINDS, dimension, type GraphMeta } from '../model';
import type { Filters } from '../state/types';

function labelOf(meta: GraphMeta, dim: 'family' | 'task', id: string): string {
  return dimension(meta.taxonomy, dim)?.categories.find((c) => c.id === id)?.label ?? id;
}

export function filtersSummary(filters: Filters, meta: GraphMeta): string {
  const parts: string[] = [];
  if (filters.years) {
    const [a, b] = filters.years;
    parts.push(a === b ? `year ${a}` : `years ${a}–${b}`);
  }
  if (filters.families) {
    parts.push(filters.families.length === 0 ? 'no families' : `${filters.families.length === 1 ? 'family' : 'families'} ${filters.families.map((f) => labelOf(meta, 'family', f)).join(', ')}`);
  }
  if (filters.tasks) {
    parts.push(filters.tasks.length === 0 ? 'no tasks' : `${filters.tasks.length === 1 ? 'task' : 'tasks'} ${filters.tasks.map((t) => labelOf(meta, 'task', t)).join(', ')}`);
  }
  if (filters.edgeKinds.length < EDGE_KINDS.length) {
    parts.push(filters.edgeKinds.length === 0 ? 'no links' : `links ${filters.edgeKinds.join(', ')}`);
  }
  if (filters.showSurveyMentions) parts.push("mentions from other surveys' lists shown");
  if (filters.minDegree > 0) parts.push(`minimum degree ${filters.minDegree}`);
  return parts.length === 0 ? 'no filters' : parts.join('; ');
}
