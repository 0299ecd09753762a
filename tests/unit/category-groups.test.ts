import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  categoryParent,
  groupByParent,
  parentDimension,
  qualifiedCategoryLabel,
} from '../../src/graph/category-groups';
import { parseTaxonomyFile } from '../../src/data/taxonomy-file';
import { dimension, type Taxonomy } from '../../src/model';

const load = (file: string): Taxonomy => parseTaxonomyFile(readFileSync(file, 'utf8'), file).value;
const small = load('tests/fixtures/graph-data/small/taxonomy.yaml');
const real = load('graph-data/taxonomy.yaml');

const ids = (...list: string[]) => list.map((id) => ({ id }));
const shape = (groups: ReturnType<typeof groupByParent<{ id: string }>>) =>
  groups.map((g) => [g.parent?.label ?? null, g.items.map((i) => i.id)]);

describe('categories grouped by their parent (small fixture taxonomy)', () => {
  it('finds the parent dimension of per-family dimensions only', () => {
    expect(parentDimension(small, 'space')).toBe('family');
    expect(parentDimension(small, 'method')).toBe('family');
    expect(parentDimension(small, 'family')).toBeNull();
    expect(parentDimension(small, 'task')).toBeNull();
    expect(parentDimension(small, 'year')).toBeNull();
  });

  it("groups in the family dimension's order under its labels, unparented items last", () => {
    const groups = groupByParent(small, 'space', ids('gan.style', 'dm.textual', 'unknown', 'dm.parameter'));
    expect(shape(groups)).toEqual([
      ['Diffusion', ['dm.textual', 'dm.parameter']],
      ['GAN', ['gan.style']],
      [null, ['unknown']],
    ]);
    expect(groups[1]!.parent).toEqual({ dimension: 'family', id: 'gan', label: 'GAN' });
  });

  it('leaves dimensions without parents flat', () => {
    expect(shape(groupByParent(small, 'task', ids('face', 'subject')))).toEqual([
      [null, ['face', 'subject']],
    ]);
    expect(shape(groupByParent(small, 'year', ids('2022', '2019')))).toEqual([[null, ['2022', '2019']]]);
    expect(groupByParent(small, 'task', [])).toEqual([]);
  });

  it('names a category after its parent; plain labels without one; ids when unknown', () => {
    expect(qualifiedCategoryLabel(small, 'method', 'dm.optimization')).toBe('Diffusion · Optimization-based');
    expect(qualifiedCategoryLabel(small, 'space', 'gan.style')).toBe('GAN · Style space');
    expect(qualifiedCategoryLabel(small, 'family', 'gan')).toBe('GAN');
    expect(qualifiedCategoryLabel(small, 'task', 'face')).toBe('Face');
    expect(qualifiedCategoryLabel(small, 'space', 'nowhere')).toBe('nowhere');
    expect(categoryParent(small, 'scheme', 'dm.subject')?.label).toBe('Diffusion');
    expect(categoryParent(small, 'task', 'face')).toBeNull();
  });

  it("uses a parent's id when the parent dimension does not define it, after the known parents", () => {
    const tax: Taxonomy = structuredClone(small);
    dimension(tax, 'method')!.categories.push({
      id: 'x.opt',
      label: 'Optimization-based',
      color: '#000000',
      family: 'flow',
    });
    const groups = groupByParent(tax, 'method', ids('x.opt', 'dm.optimization'));
    expect(shape(groups)).toEqual([
      ['Diffusion', ['dm.optimization']],
      ['flow', ['x.opt']],
    ]);
    expect(qualifiedCategoryLabel(tax, 'method', 'x.opt')).toBe('flow · Optimization-based');
  });
});

describe('categories grouped by a parent dimension the taxonomy declares', () => {
  const cat = (id: string, label: string, extra: Record<string, string> = {}) => ({
    id,
    label,
    color: '#000000',
    ...extra,
  });
  const tax: Taxonomy = {
    unknownColor: '#bbbbbb',
    dimensions: [
      {
        id: 'venue-type',
        label: 'Venue type',
        categories: [cat('journal', 'Journal'), cat('conference', 'Conference')],
      },
      {
        id: 'venue',
        label: 'Venue',
        parent: 'venue-type',
        categories: [
          cat('cvpr', 'CVPR', { parent: 'conference' }),
          cat('tpami', 'TPAMI', { parent: 'journal' }),
          cat('misc', 'Other'),
        ],
      },
      // the older spelling: categories name a `family`, the dimension declares nothing
      { id: 'family', label: 'Family', categories: [cat('gan', 'GAN')] },
      { id: 'method', label: 'Method', categories: [cat('gan.opt', 'Optimization', { family: 'gan' })] },
    ],
  };

  it('groups by any dimension, in its order, and names categories with their parent', () => {
    expect(parentDimension(tax, 'venue')).toBe('venue-type');
    expect(parentDimension(tax, 'venue-type')).toBeNull();
    expect(shape(groupByParent(tax, 'venue', ids('cvpr', 'misc', 'tpami')))).toEqual([
      ['Journal', ['tpami']],
      ['Conference', ['cvpr']],
      [null, ['misc']],
    ]);
    expect(qualifiedCategoryLabel(tax, 'venue', 'tpami')).toBe('Journal · TPAMI');
    expect(categoryParent(tax, 'venue', 'cvpr')).toEqual({
      dimension: 'venue-type',
      id: 'conference',
      label: 'Conference',
    });
  });

  it('still reads the older `family` field of a category as its parent in the family dimension', () => {
    expect(parentDimension(tax, 'method')).toBe('family');
    expect(qualifiedCategoryLabel(tax, 'method', 'gan.opt')).toBe('GAN · Optimization');
  });
});

describe('categories grouped by their parent (graph-data taxonomy)', () => {
  const familyLabels = new Map(dimension(real, 'family')!.categories.map((c) => [c.id, c.label]));

  it('makes every per-family label unambiguous', () => {
    const grouped = real.dimensions.map((d) => d.id).filter((d) => parentDimension(real, d) !== null);
    expect(grouped).toEqual(['space', 'method', 'scheme']);
    for (const dim of grouped) {
      const cats = dimension(real, dim)!.categories;
      const qualified = cats.map((c) => qualifiedCategoryLabel(real, dim, c.id));
      expect(new Set(qualified).size, dim).toBe(cats.length);
    }
    // the plain labels repeat across families: that is what needed fixing
    const methods = dimension(real, 'method')!.categories.map((c) => c.label);
    expect(methods.filter((l) => l === 'Optimization-based').length).toBeGreaterThan(1);
  });

  it('puts each method under its own family, in family order, losing none', () => {
    const cats = dimension(real, 'method')!.categories;
    const groups = groupByParent(real, 'method', [...cats].reverse());
    const families = [...familyLabels.keys()];
    expect(groups.map((g) => g.parent!.id)).toEqual(families.filter((f) => cats.some((c) => c.parent === f)));
    for (const g of groups) {
      expect(g.parent!.label).toBe(familyLabels.get(g.parent!.id));
      for (const item of g.items) expect(cats.find((c) => c.id === item.id)!.parent).toBe(g.parent!.id);
    }
    expect(groups.flatMap((g) => g.items.map((i) => i.id)).sort()).toEqual(cats.map((c) => c.id).sort());
    const gan = groups.find((g) => g.parent!.id === 'gan')!;
    expect(gan.items.map((i) => qualifiedCategoryLabel(real, 'method', i.id))).toContain(
      'GAN · Optimization-based',
    );
  });
});
