/**
 * Merge imported papers and edges into an existing graph-data directory without losing hand edits:
 * an existing record wins field by field, unless the import brings a value where there was none;
 * a differing value is reported as a conflict (a warning), never written. Pure.
 */
import { PaperRecordSchema } from '../model/paper';
import type { PaperLinks, PaperRecord } from '../model/paper';
import type { EdgeRecord } from '../model/edge';
import type { Diagnostic } from './diagnostics';
import type { ImportedPaper } from './paper-input';
import type { ImportedEdge } from './csv';
import { normaliseTitle } from './text';

/** The taxonomy's families and tasks; a dimension the taxonomy lacks (undefined) restricts nothing. */
export interface Vocabulary {
  families?: ReadonlySet<string>;
  tasks?: ReadonlySet<string>;
}

export interface PaperMerge {
  papers: PaperRecord[];
  added: string[];
  updated: string[];
  diagnostics: Diagnostic[];
}

const FIELDS = [
  'title',
  'name',
  'authors',
  'year',
  'month',
  'venue',
  'venueYear',
  'arxiv',
  'family',
  'tasks',
] as const;

/** Structural equality of plain data (records, arrays, scalars), key order ignored. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

const empty = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
};

export function mergePapers(
  existing: readonly PaperRecord[],
  incoming: readonly ImportedPaper[],
  vocabulary: Vocabulary,
): PaperMerge {
  const diagnostics: Diagnostic[] = [];
  const out = new Map<string, PaperRecord>(existing.map((p) => [p.id, structuredClone(p)]));
  const byArxiv = new Map<string, string>();
  const byTitle = new Map<string, string>();
  for (const p of existing) {
    if (p.arxiv) byArxiv.set(p.arxiv, p.id);
    byTitle.set(normaliseTitle(p.title), p.id);
  }
  const added: string[] = [];
  const updated = new Set<string>();
  for (const imp of incoming) {
    const r = imp.record;
    const where = { line: imp.line };
    const error = (field: string, message: string): void => {
      diagnostics.push({ level: 'error', ...where, message: `${imp.label}: field "${field}": ${message}` });
    };
    const { families, tasks } = vocabulary;
    if (r.family !== undefined && families && !families.has(r.family)) {
      error('family', `unknown family "${r.family}" (taxonomy: ${[...families].join(', ')})`);
      continue;
    }
    const badTask = tasks ? r.tasks?.find((t) => !tasks.has(t)) : undefined;
    if (badTask !== undefined && tasks) {
      error('tasks', `unknown task "${badTask}" (taxonomy: ${[...tasks].join(', ')})`);
      continue;
    }
    const id =
      (out.has(r.id) ? r.id : undefined) ??
      (r.arxiv ? byArxiv.get(r.arxiv) : undefined) ??
      byTitle.get(normaliseTitle(r.title));
    const current = id ? out.get(id) : undefined;
    if (!current) {
      if (r.family === undefined) {
        error('family', 'required for a new paper (pass --family or fill the family column)');
        continue;
      }
      if (r.tasks === undefined) {
        error('tasks', 'required for a new paper (pass --task or fill the tasks column)');
        continue;
      }
      const record = { ...r, family: r.family, tasks: r.tasks } as PaperRecord;
      const check = PaperRecordSchema.safeParse(record);
      if (!check.success) {
        const issue = check.error.issues[0];
        error(issue?.path.join('.') || 'record', issue?.message ?? 'invalid');
        continue;
      }
      out.set(record.id, check.data);
      if (record.arxiv) byArxiv.set(record.arxiv, record.id);
      byTitle.set(normaliseTitle(record.title), record.id);
      added.push(record.id);
      continue;
    }
    const conflict = (field: string, kept: unknown, offered: unknown): void => {
      diagnostics.push({
        level: 'warning',
        ...where,
        message: `${imp.label}: paper ${current.id}: field "${field}" keeps ${show(kept)} (the import has ${show(offered)})`,
      });
    };
    const next = structuredClone(current) as Record<string, unknown>;
    for (const f of FIELDS) {
      const offered = (r as Record<string, unknown>)[f];
      if (empty(offered)) continue;
      if (empty(next[f])) next[f] = offered;
      else if (!sameData(next[f], offered) && f !== 'name') conflict(f, next[f], offered);
    }
    const links = { ...current.links };
    for (const [k, v] of Object.entries(r.links) as [keyof PaperLinks, string][]) {
      if (links[k] === undefined) links[k] = v;
      else if (links[k] !== v) conflict(`links.${k}`, links[k], v);
    }
    next.links = links;
    const check = PaperRecordSchema.safeParse(next);
    if (!check.success) {
      const issue = check.error.issues[0];
      error(issue?.path.join('.') || 'record', issue?.message ?? 'invalid');
      continue;
    }
    const merged = check.data;
    if (!sameData(merged, current)) {
      out.set(current.id, merged);
      if (!added.includes(current.id)) updated.add(current.id);
    }
  }
  return { papers: [...out.values()], added, updated: [...updated], diagnostics };
}

export interface EdgeMerge {
  edges: EdgeRecord[];
  added: number;
  diagnostics: Diagnostic[];
}

/** Add curated edges; an edge already there (same pair and kind) is kept as it is. */
export function mergeEdges(
  existing: readonly EdgeRecord[],
  incoming: readonly ImportedEdge[],
  paperIds: ReadonlySet<string>,
): EdgeMerge {
  const diagnostics: Diagnostic[] = [];
  const key = (e: EdgeRecord): string => `${e.source}\t${e.target}\t${e.kind}`;
  const have = new Map(existing.map((e) => [key(e), e]));
  const edges = [...existing];
  let added = 0;
  for (const { line, record } of incoming) {
    for (const end of ['source', 'target'] as const) {
      if (!paperIds.has(record[end]))
        diagnostics.push({
          level: 'error',
          line,
          message: `row ${line}: field "${end}": no paper "${record[end]}" in the directory`,
        });
    }
    if (!paperIds.has(record.source) || !paperIds.has(record.target)) continue;
    const prev = have.get(key(record));
    if (prev) {
      if (!sameData(prev, record))
        diagnostics.push({
          level: 'warning',
          line,
          message: `row ${line}: edge ${record.source} -> ${record.target} (${record.kind}) is already curated; keeping the existing one`,
        });
      continue;
    }
    have.set(key(record), record);
    edges.push(record);
    added++;
  }
  return { edges, added, diagnostics };
}
