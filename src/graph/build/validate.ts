/**
 * Cross-record validation of a dataset: what a per-record schema cannot see.
 * Every problem is collected (a curator sees all of them in one run), each naming file:line,
 * record and field. Per-record shape (types, enums, id syntax) is the readers' job.
 */
import { DataError, DataErrors } from '../../model/errors';
import type { Dataset, Located } from '../../model/dataset';
import type { PaperTaxonomy } from '../../model/paper';
import { COMPUTED_COLOR_BY } from '../../model/graph-file';
import { OWN_FIELD_DIMENSIONS, UNKNOWN_CATEGORY } from '../categories';
import {
  parentCategoryId,
  parentDimensionId,
  type Category,
  type Taxonomy,
  type TaxonomyDimension,
} from '../../model/taxonomy';

export interface ValidateOptions {
  /** Stop collecting after this many problems (the rest would only repeat the same mistake). */
  maxErrors?: number;
}

const DEFAULTS: Required<ValidateOptions> = { maxErrors: 1000 };

function resolveOptions(options: ValidateOptions | undefined): Required<ValidateOptions> {
  const o = { ...DEFAULTS, ...options };
  if (!Number.isInteger(o.maxErrors) || o.maxErrors < 1) {
    throw new Error(`validateDataset: maxErrors must be a positive integer, got ${o.maxErrors}`);
  }
  return o;
}

/** Category ids per dimension, and each category for sub-space lookups. */
export interface TaxonomyIndex {
  categories: Map<TaxonomyDimension, Map<string, Category>>;
}

export function indexTaxonomy(taxonomy: Taxonomy): TaxonomyIndex {
  const categories = new Map<TaxonomyDimension, Map<string, Category>>();
  for (const dim of taxonomy.dimensions) {
    const byId = categories.get(dim.id) ?? new Map<string, Category>();
    for (const c of dim.categories) byId.set(c.id, c);
    categories.set(dim.id, byId);
  }
  return { categories };
}

class Collector {
  readonly errors: DataError[] = [];
  /** Problems beyond `max`, counted but not kept. */
  dropped = 0;
  constructor(private readonly max: number) {}
  add<T>(rec: Located<T>, record: string, field: string | undefined, problem: string): void {
    if (this.errors.length >= this.max) {
      this.dropped++;
      return;
    }
    this.errors.push(new DataError({ file: rec.file, line: rec.line, record, field }, problem));
  }
}

function where(rec: Located<unknown>): string {
  return `${rec.file}:${rec.line}`;
}

function validateTaxonomy(tax: Dataset['taxonomy'], out: Collector): void {
  // each problem at the line of its dimension or category (line 1 without the reader's lines)
  const dimAt = (i: number): Located<null> => ({
    value: null,
    file: tax.file,
    line: tax.lines?.dimensions[i] ?? tax.line,
  });
  const catAt = (i: number, j: number): Located<null> => ({
    value: null,
    file: tax.file,
    line: tax.lines?.categories[i]?.[j] ?? tax.line,
  });
  const seenDims = new Set<string>();
  const dims = new Map(tax.value.dimensions.map((d) => [d.id, d]));
  tax.value.dimensions.forEach((dim, i) => {
    if (seenDims.has(dim.id)) {
      out.add(dimAt(i), `dimension ${dim.id}`, `dimensions[${i}].id`, `duplicate dimension "${dim.id}"`);
    }
    seenDims.add(dim.id);
    if ((COMPUTED_COLOR_BY as readonly string[]).includes(dim.id)) {
      out.add(
        dimAt(i),
        `dimension ${dim.id}`,
        `dimensions[${i}].id`,
        `"${dim.id}" is a colouring the build computes; name the dimension otherwise`,
      );
    }
    const parentId = parentDimensionId(dim);
    const parent = parentId === undefined ? undefined : dims.get(parentId);
    if (dim.parent !== undefined && (dim.parent === dim.id || !parent)) {
      out.add(
        dimAt(i),
        `dimension ${dim.id}`,
        `dimensions[${i}].parent`,
        dim.parent === dim.id
          ? 'a dimension cannot be its own parent'
          : `parent "${dim.parent}" is not a dimension of the taxonomy`,
      );
    }
    dim.categories.forEach((c, j) => {
      const p = parentCategoryId(c);
      const field = `dimensions[${i}].categories[${j}].${c.parent !== undefined ? 'parent' : 'family'}`;
      if (p === undefined) return;
      if (parentId === undefined || parentId === dim.id) {
        out.add(
          catAt(i, j),
          `category ${c.id}`,
          field,
          `"${p}" is given but dimension "${dim.id}" declares no parent dimension`,
        );
      } else if (parent && !parent.categories.some((x) => x.id === p)) {
        out.add(
          catAt(i, j),
          `category ${c.id}`,
          field,
          `unknown ${parentId} "${p}" (not a category of the parent dimension)`,
        );
      }
    });
    const seen = new Set<string>();
    dim.categories.forEach((c, j) => {
      if (seen.has(c.id)) {
        out.add(catAt(i, j), `dimension ${dim.id}`, `categories[${j}].id`, `duplicate category id "${c.id}"`);
      }
      seen.add(c.id);
      if (c.id === UNKNOWN_CATEGORY) {
        out.add(
          catAt(i, j),
          `dimension ${dim.id}`,
          `categories[${j}].id`,
          `"${UNKNOWN_CATEGORY}" stands for the papers without a label; name the category otherwise`,
        );
      }
      const children = new Set<string>();
      for (const child of c.children ?? []) {
        if (children.has(child.id)) {
          out.add(catAt(i, j), `category ${c.id}`, 'children.id', `duplicate sub-category id "${child.id}"`);
        }
        children.add(child.id);
      }
    });
  });
}

function checkCategory(
  index: TaxonomyIndex,
  dim: TaxonomyDimension,
  value: string,
  rec: Located<unknown>,
  record: string,
  field: string,
  out: Collector,
): void {
  const cats = index.categories.get(dim);
  if (!cats) {
    out.add(rec, record, field, `"${value}" is given but the taxonomy has no "${dim}" dimension`);
  } else if (!cats.has(value)) {
    out.add(rec, record, field, `unknown ${dim} "${value}" (not a category of the taxonomy)`);
  }
}

function validateLabelTaxonomy(
  t: PaperTaxonomy,
  index: TaxonomyIndex,
  rec: Located<unknown>,
  record: string,
  out: Collector,
): void {
  if (t.space) checkCategory(index, 'space', t.space.value, rec, record, 'taxonomy.space.value', out);
  if (t.method) checkCategory(index, 'method', t.method.value, rec, record, 'taxonomy.method.value', out);
  if (t.scheme) checkCategory(index, 'scheme', t.scheme.value, rec, record, 'taxonomy.scheme.value', out);
  (t.secondarySpaces ?? []).forEach((s, i) => {
    checkCategory(index, 'space', s, rec, record, `taxonomy.secondarySpaces[${i}]`, out);
  });
  if (t.subspace) {
    const field = 'taxonomy.subspace.value';
    const space = t.space ? index.categories.get('space')?.get(t.space.value) : undefined;
    if (!t.space) {
      out.add(rec, record, field, `sub-space "${t.subspace.value}" is given without a space`);
    } else if (space && !(space.children ?? []).some((c) => c.id === t.subspace?.value)) {
      out.add(rec, record, field, `"${t.subspace.value}" is not a sub-space of space "${t.space.value}"`);
    }
  }
}

/**
 * Returns every cross-record problem of the dataset (empty when it is consistent):
 * duplicate paper ids, duplicate or orphan labels, dangling edge endpoints, self-loops,
 * families/tasks/labels that are not categories of the taxonomy, sub-spaces outside their space.
 */
export function datasetProblems(dataset: Dataset, options?: ValidateOptions): DataError[] {
  const { maxErrors } = resolveOptions(options);
  const out = new Collector(maxErrors);
  validateTaxonomy(dataset.taxonomy, out);
  const index = indexTaxonomy(dataset.taxonomy.value);

  const papers = new Map<string, Located<unknown>>();
  for (const rec of dataset.papers) {
    const p = rec.value;
    const record = `paper ${p.id}`;
    const first = papers.get(p.id);
    if (first) out.add(rec, record, 'id', `duplicate paper id "${p.id}" (first defined at ${where(first)})`);
    else papers.set(p.id, rec);
    if (index.categories.has('family') && p.family !== undefined)
      checkCategory(index, 'family', p.family, rec, record, 'family', out);
    if (index.categories.has('task')) {
      (p.tasks ?? []).forEach((t, i) => checkCategory(index, 'task', t, rec, record, `tasks[${i}]`, out));
    }
    for (const [dim, values] of Object.entries(p.dimensions ?? {})) {
      if (OWN_FIELD_DIMENSIONS.includes(dim)) {
        out.add(
          rec,
          record,
          `dimensions.${dim}`,
          `"${dim}" categories go in the paper's own field (${dim === 'task' ? 'tasks' : dim === 'family' ? 'family' : `labels.yaml taxonomy.${dim}`}), not under dimensions`,
        );
        continue;
      }
      values.forEach((v, i) => checkCategory(index, dim, v, rec, record, `dimensions.${dim}[${i}]`, out));
    }
  }

  const labelled = new Map<string, Located<unknown>>();
  for (const rec of dataset.labels) {
    const l = rec.value;
    const record = `labels of ${l.id}`;
    const first = labelled.get(l.id);
    if (first)
      out.add(rec, record, 'id', `duplicate labels for paper "${l.id}" (first given at ${where(first)})`);
    else labelled.set(l.id, rec);
    if (!papers.has(l.id)) out.add(rec, record, 'id', `labels for unknown paper "${l.id}"`);
    validateLabelTaxonomy(l.taxonomy, index, rec, record, out);
  }

  for (const rec of dataset.edges) {
    const { source, target } = rec.value;
    const okSource = papers.has(source);
    const okTarget = papers.has(target);
    if (okSource && okTarget && source !== target) continue;
    const record = `edge ${source} -> ${target}`;
    if (!okSource) out.add(rec, record, 'source', `dangling endpoint: no paper "${source}"`);
    if (!okTarget) out.add(rec, record, 'target', `dangling endpoint: no paper "${target}"`);
    if (source === target) out.add(rec, record, 'target', 'self-loop: a paper cannot cite itself');
  }

  if (out.dropped > 0) {
    const last = out.errors[out.errors.length - 1];
    const file = last ? last.location.file : dataset.taxonomy.file;
    out.errors.push(new DataError({ file }, `${out.dropped} more problem(s) not listed`));
  }
  return out.errors;
}

/** Throws `DataErrors` listing every problem when the dataset is inconsistent. */
export function validateDataset(dataset: Dataset, options?: ValidateOptions): void {
  const problems = datasetProblems(dataset, options);
  if (problems.length > 0) throw new DataErrors(problems);
}
