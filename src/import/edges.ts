/**
 * Edge sources → edge records with provenance:
 * - fulltext-references.json: a list paper's reference list cites another list paper (kind `cites`);
 * - code-readme-mentions.json: a paper's code README builds on / compares with / mentions another.
 * A README edge is marked `surveyRepo` when the README belongs to a survey's repository (its paper
 * is filed as a survey or titled as one), so the app can hide those mentions by default.
 * Pure: JSON values and papers in, records and diagnostics out.
 */
import { z } from 'zod';
import type { EdgeRecord, RecordEdgeKind } from '../model/edge';
import type { PaperRecord } from '../model/paper';
import { DataError, DataErrors } from '../model/errors';
import type { Diagnostic } from './diagnostics';

const FulltextJson = z.looseObject({
  edges: z.array(
    z.looseObject({ from: z.string().min(1), to: z.string().min(1), match: z.enum(['arxiv-id', 'title']) }),
  ),
});
const CodeReadmeJson = z.looseObject({
  edges: z.array(
    z.looseObject({
      from: z.string().min(1),
      to: z.string().min(1),
      relation: z.string().min(1),
      evidence: z.string().min(1),
      repo: z.string().min(1),
      section: z.string().nullable(),
    }),
  ),
});

/** code-readme relation → edge kind. */
export const README_RELATION_KINDS: Readonly<Record<string, RecordEdgeKind>> = {
  'builds-on': 'builds-on',
  compares: 'compares',
  mentions: 'mentions',
};

export interface EdgeImport {
  records: EdgeRecord[];
  diagnostics: Diagnostic[];
}

function validated<T>(schema: z.ZodType<T>, json: unknown, file: string): T {
  const res = schema.safeParse(json);
  if (res.success) return res.data;
  throw new DataErrors(
    res.error.issues.map(
      (i) => new DataError({ file, field: i.path.map(String).join('.') || undefined }, i.message),
    ),
  );
}

/** True when a paper is a survey: filed under the surveys section or titled as a survey. */
export function isSurveyPaper(p: PaperRecord): boolean {
  return p.family === 'survey' || (p.tasks ?? []).includes('survey') || /\bsurvey\b/i.test(p.title);
}

/** Check both endpoints are papers of the set; report and skip the edge otherwise. */
function endpointsKnown(
  from: string,
  to: string,
  index: number,
  ids: ReadonlySet<string>,
  diags: Diagnostic[],
): boolean {
  const unknown = [from, to].filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    diags.push({
      level: 'warning',
      message: `edge #${index + 1} ${from} → ${to}: unknown paper id(s) ${unknown.join(', ')}; skipped`,
    });
    return false;
  }
  if (from === to) {
    diags.push({ level: 'warning', message: `edge #${index + 1} ${from} → ${to} points to itself; skipped` });
    return false;
  }
  return true;
}

export function importFulltextEdges(
  json: unknown,
  papers: readonly PaperRecord[],
  file = 'fulltext-references.json',
): EdgeImport {
  const data = validated(FulltextJson, json, file);
  const ids = new Set(papers.map((p) => p.id));
  const diagnostics: Diagnostic[] = [];
  const records: EdgeRecord[] = [];
  data.edges.forEach((e, i) => {
    if (!endpointsKnown(e.from, e.to, i, ids, diagnostics)) return;
    records.push({
      source: e.from,
      target: e.to,
      kind: 'cites',
      provenance: { source: 'fulltext-references', match: e.match },
    });
  });
  return { records: dedupe(records, diagnostics), diagnostics };
}

export function importCodeReadmeEdges(
  json: unknown,
  papers: readonly PaperRecord[],
  file = 'code-readme-mentions.json',
): EdgeImport {
  const data = validated(CodeReadmeJson, json, file);
  const byId = new Map(papers.map((p) => [p.id, p]));
  const ids = new Set(byId.keys());
  const diagnostics: Diagnostic[] = [];
  const records: EdgeRecord[] = [];
  data.edges.forEach((e, i) => {
    if (!endpointsKnown(e.from, e.to, i, ids, diagnostics)) return;
    const kind = README_RELATION_KINDS[e.relation];
    if (!kind) {
      diagnostics.push({
        level: 'error',
        message: `edge #${i + 1} ${e.from} → ${e.to}: unknown relation "${e.relation}" (expected ${Object.keys(README_RELATION_KINDS).join(', ')})`,
      });
      return;
    }
    const citing = byId.get(e.from);
    records.push({
      source: e.from,
      target: e.to,
      kind,
      provenance: {
        source: 'code-readme',
        repo: e.repo,
        section: e.section === '' ? null : e.section,
        evidence: e.evidence,
        surveyRepo: citing !== undefined && isSurveyPaper(citing),
      },
    });
  });
  return { records: dedupe(records, diagnostics), diagnostics };
}

/** Drop records identical to an earlier one, saying so. */
function dedupe(records: EdgeRecord[], diags: Diagnostic[]): EdgeRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) {
      diags.push({
        level: 'warning',
        message: `duplicate edge ${r.source} → ${r.target} (${r.provenance.source}); kept once`,
      });
      return false;
    }
    seen.add(key);
    return true;
  });
}
