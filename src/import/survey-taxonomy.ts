/**
 * survey-taxonomy.json → the Taxonomy (taxonomy.yaml) and per-paper labels (labels.yaml).
 * Category ids, labels and sections are facts of the survey; definitions and colours are ours
 * (taxonomy-text.ts). The JSON's notes are not carried over. Pure: JSON value and papers in.
 */
import { z } from 'zod';
import { CONFIDENCE, FAMILIES, TASKS } from '../model/paper';
import type { PaperLabels, PaperRecord, TaxonomyField } from '../model/paper';
import type { Category, CategoryStatus, Dimension, Taxonomy } from '../model/taxonomy';
import { DataError, DataErrors } from '../model/errors';
import type { Diagnostic } from './diagnostics';
import { normaliseTitle } from './text';
import {
  CATEGORY_DEFINITIONS,
  FAMILY_CATEGORIES,
  PALETTES,
  PALETTE_COLORS,
  TASK_CATEGORIES,
  UNKNOWN_COLOR,
} from './taxonomy-text';

const RawCategory = z.looseObject({
  id: z.string().min(1),
  label: z.string().min(1),
  survey_section: z.string().optional(),
  status: z.string().optional(),
  children: z.array(z.looseObject({ id: z.string().min(1), label: z.string().min(1) })).optional(),
});
const RawFamily = z.looseObject({
  inversion_spaces: z.array(RawCategory),
  inversion_methods: z.array(RawCategory),
  personalization_schemes: z.array(RawCategory),
});
const nullableId = z.string().min(1).nullable().optional();
const RawMethod = z.looseObject({
  name: z.string().min(1),
  arxiv: z.string().nullable(),
  family: z.string(),
  inversion_space: nullableId,
  inversion_subspace: nullableId,
  inversion_method: nullableId,
  scheme: nullableId,
  secondary_spaces: z.array(z.string().min(1)).optional(),
  secondary_schemes: z.array(z.string().min(1)).optional(),
  confirmed_fields: z.array(z.string()),
  scheme_source: z.string().optional(),
  confidence_unconfirmed_fields: z.enum(CONFIDENCE),
  awesome_list: z.looseObject({ title: z.string() }).nullable(),
});
export const SurveyTaxonomySchema = z.looseObject({
  source: z.string().optional(),
  families: z.record(z.string(), RawFamily),
  methods: z.array(RawMethod),
});
type RawMethod = z.infer<typeof RawMethod>;
type RawCategory = z.infer<typeof RawCategory>;

export interface SurveyTaxonomyImport {
  taxonomy: Taxonomy;
  labels: PaperLabels[];
  /** Methods placed on a paper of the list. */
  matched: number;
  /** Methods that match no paper (by arXiv id or title): reported, not an error. */
  unmatched: { name: string; arxiv: string | null }[];
  diagnostics: Diagnostic[];
}

const STATUS: Record<string, CategoryStatus> = {
  confirmed: 'confirmed',
  'partly-confirmed': 'partly-confirmed',
  'awesome-list-only': 'list-only',
  reconstructed: 'reconstructed',
};

/** Validate the JSON's shape; errors name the file and the field path. */
export function parseSurveyTaxonomyJson(json: unknown, file: string): z.infer<typeof SurveyTaxonomySchema> {
  const res = SurveyTaxonomySchema.safeParse(json);
  if (res.success) return res.data;
  throw new DataErrors(
    res.error.issues.map(
      (i) => new DataError({ file, field: i.path.map(String).join('.') || undefined }, i.message),
    ),
  );
}

export function importSurveyTaxonomy(
  json: unknown,
  papers: readonly PaperRecord[],
  file = 'survey-taxonomy.json',
): SurveyTaxonomyImport {
  const raw = parseSurveyTaxonomyJson(json, file);
  const diagnostics: Diagnostic[] = [];
  const taxonomy = buildTaxonomy(raw, diagnostics);
  const { labels, matched, unmatched } = buildLabels(raw.methods, papers, taxonomy, diagnostics);
  return { taxonomy, labels, matched, unmatched, diagnostics };
}

function buildTaxonomy(raw: z.infer<typeof SurveyTaxonomySchema>, diags: Diagnostic[]): Taxonomy {
  const families = FAMILIES.filter((f) => raw.families[f] !== undefined);
  for (const f of Object.keys(raw.families)) {
    if (!(FAMILIES as readonly string[]).includes(f))
      diags.push({
        level: 'warning',
        message: `family "${f}" is not a model family we know; its categories are skipped`,
      });
  }
  const pick = (key: 'inversion_spaces' | 'inversion_methods' | 'personalization_schemes') =>
    families.flatMap((f) => (raw.families[f]?.[key] ?? []).map((c) => ({ c, family: f })));
  const dim = (
    id: 'space' | 'method' | 'scheme',
    label: string,
    items: { c: RawCategory; family: string }[],
  ): Dimension => {
    const colors = PALETTE_COLORS[id];
    if (items.length > colors.length)
      diags.push({
        level: 'warning',
        message: `${id}: ${items.length} categories but ${colors.length} palette colours; colours repeat`,
      });
    return {
      id,
      label,
      // the survey defines these categories per model family
      parent: 'family',
      palette: PALETTES[id],
      categories: items.map(({ c, family }, i) =>
        category(c, family, colors[i % colors.length] ?? UNKNOWN_COLOR, diags),
      ),
    };
  };
  return {
    source:
      'Wei et al., "Personalized Image Generation with Deep Generative Models: A Decade Survey" (arXiv 2502.13081): category tree from its outline figure; AR categories reconstructed.',
    unknownColor: UNKNOWN_COLOR,
    dimensions: [
      {
        id: 'family',
        label: 'Model family',
        palette: PALETTES.okabeIto,
        categories: FAMILIES.map((f) => ({ id: f, ...FAMILY_CATEGORIES[f] })).map(
          ({ id, label, definition, color }) => ({ id, label, definition, color }),
        ),
      },
      {
        id: 'task',
        label: 'Task (list section)',
        palette: PALETTES.task,
        categories: TASKS.map((t, i) => ({
          id: t,
          label: TASK_CATEGORIES[t].label,
          definition: TASK_CATEGORIES[t].definition,
          color: PALETTE_COLORS.task[i] ?? UNKNOWN_COLOR,
        })),
      },
      dim('space', 'Inversion space', pick('inversion_spaces')),
      dim('method', 'Inversion method', pick('inversion_methods')),
      dim('scheme', 'Personalization scheme', pick('personalization_schemes')),
    ],
  };
}

function category(c: RawCategory, family: string, color: string, diags: Diagnostic[]): Category {
  const definition = CATEGORY_DEFINITIONS[c.id];
  if (!definition)
    diags.push({
      level: 'warning',
      message: `category ${c.id} has no definition of ours yet (add it to taxonomy-text.ts)`,
    });
  const status = c.status !== undefined ? STATUS[c.status] : undefined;
  if (c.status !== undefined && !status)
    diags.push({ level: 'warning', message: `category ${c.id}: unknown status "${c.status}" left out` });
  const children = c.children?.map((ch) => ({
    id: ch.id,
    label: ch.label,
    definition: CATEGORY_DEFINITIONS[`${c.id}/${ch.id}`],
  }));
  return {
    id: c.id,
    label: c.label,
    definition,
    color,
    parent: family,
    section: c.survey_section,
    status,
    children: children?.length ? children : undefined,
  };
}

/** The survey's name for a method, unless it is an author reference ("Ma et al. (…)") rather than a name. */
export function surveyName(name: string): string | undefined {
  if (/et al\.|&/.test(name)) return undefined;
  return name.replace(/\s*\([^)]*\)\s*$/, '').trim() || undefined;
}

function buildLabels(
  methods: RawMethod[],
  papers: readonly PaperRecord[],
  tax: Taxonomy,
  diags: Diagnostic[],
) {
  const byArxiv = new Map(papers.filter((p) => p.arxiv).map((p) => [p.arxiv as string, p]));
  const byTitle = new Map(papers.map((p) => [normaliseTitle(p.title), p]));
  const cats = (id: string) =>
    new Map((tax.dimensions.find((d) => d.id === id)?.categories ?? []).map((c) => [c.id, c]));
  const spaces = cats('space');
  const known = { space: spaces, method: cats('method'), scheme: cats('scheme') };
  const labels = new Map<string, PaperLabels>();
  const owner = new Map<string, string>();
  const unmatched: { name: string; arxiv: string | null }[] = [];
  for (const m of methods) {
    const paper =
      (m.arxiv ? byArxiv.get(m.arxiv) : undefined) ??
      (m.awesome_list ? byTitle.get(normaliseTitle(m.awesome_list.title)) : undefined);
    if (!paper) {
      unmatched.push({ name: m.name, arxiv: m.arxiv });
      diags.push({
        level: 'warning',
        message: `method "${m.name}"${m.arxiv ? ` (arXiv ${m.arxiv})` : ''} matches no paper of the list; not labelled`,
      });
      continue;
    }
    if (owner.has(paper.id)) {
      diags.push({
        level: 'warning',
        message: `methods "${owner.get(paper.id)}" and "${m.name}" both match paper ${paper.id}; keeping the first`,
      });
      continue;
    }
    owner.set(paper.id, m.name);
    if (m.family !== paper.family) {
      diags.push({
        level: 'warning',
        message: `method "${m.name}" is a ${m.family} method in the survey but paper ${paper.id} is filed as ${paper.family} in the list`,
      });
    }
    const field = (
      value: string | null | undefined,
      confirmedBy: string,
      basis: 'paper-reading' | 'awesome-list' = 'paper-reading',
    ): TaxonomyField | undefined => {
      if (!value) return undefined;
      return m.confirmed_fields.includes(confirmedBy)
        ? { value, evidence: 'survey-figure' }
        : { value, evidence: 'inferred', confidence: m.confidence_unconfirmed_fields, basis };
    };
    const check = (dimId: keyof typeof known, value: string | null | undefined) => {
      if (value && !known[dimId].has(value))
        diags.push({
          level: 'error',
          message: `method "${m.name}": ${dimId} "${value}" is not a category of the taxonomy`,
        });
    };
    check('space', m.inversion_space);
    check('method', m.inversion_method);
    check('scheme', m.scheme);
    m.secondary_spaces?.forEach((s) => check('space', s));
    m.secondary_schemes?.forEach((s) => check('scheme', s));
    const sub = m.inversion_subspace;
    if (sub && !spaces.get(m.inversion_space ?? '')?.children?.some((c) => c.id === sub)) {
      diags.push({
        level: 'error',
        message: `method "${m.name}": sub-space "${sub}" is not a child of space "${m.inversion_space}"`,
      });
    }
    const name = surveyName(m.name);
    labels.set(paper.id, {
      id: paper.id,
      ...(name ? { name } : {}),
      taxonomy: {
        space: field(m.inversion_space, 'inversion_space'),
        subspace: field(sub, 'inversion_space'),
        method: field(m.inversion_method, 'inversion_method'),
        scheme: field(
          m.scheme,
          'scheme',
          m.scheme_source === 'awesome-list' ? 'awesome-list' : 'paper-reading',
        ),
        secondarySpaces: m.secondary_spaces?.length ? m.secondary_spaces : undefined,
        secondarySchemes: m.secondary_schemes?.length ? m.secondary_schemes : undefined,
      },
    });
  }
  return { labels: [...labels.values()], matched: labels.size, unmatched };
}
