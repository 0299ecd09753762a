import { parse, type Entry } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../../src/export/bibtex';
import { baseCitationKey, bibEscape, citationKeys, foldAscii } from '../../../src/export/bibtex-text';
import type { ExportInput } from '../../../src/export/types';
import { allInput, HOSTILE, load, REAL, SMALL, visibleInput } from './support';

/** An independent BibTeX reader, keeping case and text exactly as written. */
function read(bib: string): Entry[] {
  const lib = parse(bib, { english: false, caseProtection: 'strict', sentenceCase: false });
  expect(lib.errors).toEqual([]);
  return lib.entries;
}

const field = (e: Entry | undefined, name: string): unknown => e?.fields[name];

describe('BibTeX export', () => {
  it('gives one valid entry per paper of the real graph, with unique keys and the data as fields', () => {
    const loaded = load(REAL);
    const input = allInput(loaded);
    const entries = read(toBibtex(input));
    expect(entries).toHaveLength(loaded.graph.order);
    const keys = entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    const byId = citationKeys(loaded.graph.mapNodes((_n, a) => a));
    const ids = loaded.graph.nodes();
    entries.forEach((e, i) => {
      const a = loaded.graph.getNodeAttributes(ids[i] as string);
      expect(e.key).toBe(byId.get(a.id));
      expect(field(e, 'title')).toBe(a.title.replace(/\s+/g, ' ').trim());
      expect(field(e, 'year')).toBe(String(a.year));
      expect((field(e, 'author') as unknown[] | undefined)?.length ?? 0).toBe(a.authors.length);
      if (a.arxiv !== null) {
        expect(field(e, 'eprint')).toBe(a.arxiv);
        expect(field(e, 'archiveprefix')).toBe('arXiv');
      } else {
        expect(field(e, 'eprint')).toBeUndefined();
      }
      expect(field(e, 'primaryclass')).toBeUndefined();
      const venue = a.venue ?? '';
      if (venue === '' || /^arxiv$/i.test(venue)) expect(e.type).toBe('misc');
      else if (e.type === 'inproceedings') expect(field(e, 'booktitle')).toBe(venue);
      else if (e.type === 'article') expect(field(e, 'journal')).toBe(venue);
      else expect(field(e, 'howpublished')).toBe(venue);
    });
    const dreambooth = entries.find((e) => e.key === 'ruiz2022dreambooth');
    expect(field(dreambooth, 'booktitle')).toBe('CVPR');
    expect(entries.filter((e) => e.type === 'article').length).toBeGreaterThan(0);
    expect(
      entries.filter(
        (e) => e.type === 'misc' && String(field(e, 'howpublished')).startsWith('arXiv preprint'),
      ).length,
    ).toBeGreaterThan(100);
  });

  it('names the dataset and its build hash in a leading comment BibTeX skips', () => {
    const loaded = load(SMALL);
    const bib = toBibtex(visibleInput(loaded, { categories: { family: ['gan'] } }, 'families GAN'));
    const head = bib.slice(0, bib.indexOf('\n@'));
    expect(head).toContain(loaded.meta.dataset.name);
    expect(head).toContain(loaded.meta.inputsHash);
    expect(head).toContain('families GAN');
    expect(head).not.toContain('@');
    const sneaky = allInput(loaded, {
      meta: { ...loaded.meta, dataset: { name: 'x @misc{evil, title={pwned}}' } },
    });
    expect(read(toBibtex(sneaky))).toHaveLength(loaded.graph.order);
  });

  it('escapes TeX specials so a reader gets the original text back', () => {
    const specials = 'Braces {a} }b{ & 100% $5 #1 snake_case ~home ^up back\\slash <tag> "quoted" DreamBooth';
    const loaded = load(SMALL);
    const graph = loaded.graph.copy();
    const key = graph.nodes()[0] as string;
    graph.mergeNodeAttributes(key, {
      title: specials,
      authors: ['Zoë Ñandú', 'Anders and Co'],
      venue: 'CVPR & Co_2',
    });
    const bib = toBibtex(allInput({ graph, meta: loaded.meta }));
    expect(bib).toContain(
      '\\& 100\\% \\$5 \\#1 snake\\_case \\textasciitilde{}home \\textasciicircum{}up back\\textbackslash{}slash',
    );
    expect(bib).toContain('{DreamBooth}');
    expect(bib).toContain('Zoë Ñandú'); // UTF-8 kept
    const e = read(bib).find((x) => x.key === citationKeys(graph.mapNodes((_n, a) => a)).get(key));
    expect(field(e, 'title')).toBe(specials);
    expect(field(e, 'booktitle')).toBe('CVPR & Co_2');
    expect(field(e, 'author')).toHaveLength(2);
  });

  it('reads back the hostile fixture, markup as plain text', () => {
    const hostile = load(HOSTILE);
    const bib = toBibtex(allInput(hostile));
    // the entries (the leading % comment quotes the dataset name as is: BibTeX skips it)
    expect(bib.slice(bib.indexOf('\n@'))).not.toMatch(/<script|<img|<svg/);
    expect(bib).toContain('\\textless{}script\\textgreater{}');
    const entries = read(bib);
    expect(entries).toHaveLength(hostile.graph.order);
    const keys = citationKeys(hostile.graph.mapNodes((_n, a) => a));
    hostile.graph.forEachNode((_n, a) => {
      const e = entries.find((x) => x.key === keys.get(a.id));
      expect(field(e, 'title')).toBe(a.title);
      if (a.venue !== null && a.venue !== 'Arxiv')
        expect(field(e, 'booktitle') ?? field(e, 'journal')).toBe(a.venue);
    });
  });

  it('makes keys from surname, year and first title word, ASCII-folded', () => {
    expect(
      baseCitationKey({ authors: ['Nataniel Ruiz'], year: 2022, title: 'DreamBooth: Fine Tuning' }),
    ).toBe('ruiz2022dreambooth');
    expect(baseCitationKey({ authors: ['Philipp Krähenbühl'], year: 2016, title: 'The Über-Net' })).toBe(
      'krahenbuhl2016ubernet',
    );
    expect(
      baseCitationKey({ authors: ['Gal, Rinon'], year: 2022, title: 'An Image is Worth One Word' }),
    ).toBe('gal2022image');
    expect(baseCitationKey({ authors: [], year: 2020, title: '3D-GAN' })).toBe('anon20203dgan');
    expect(foldAscii('Łukasz Straße Øre')).toBe('lukaszstrasseore');
    expect(bibEscape('a\u0000b\n c')).toBe('a b c');
  });

  it('deduplicates colliding keys with a, b, … in id order, skipping keys already taken', () => {
    const papers = [
      { id: 'p3', authors: ['A Smith'], year: 2020, title: 'Gan things' },
      { id: 'p1', authors: ['B Smith'], year: 2020, title: 'GAN other' },
      { id: 'p2', authors: ['C Smith'], year: 2020, title: 'Gan again' },
      { id: 'p4', authors: ['D Smith'], year: 2020, title: 'Gana' },
    ];
    const keys = citationKeys(papers);
    // p4's own key is smith2020gana, so the colliding three skip it
    expect(Object.fromEntries(keys)).toEqual({
      p1: 'smith2020ganb',
      p2: 'smith2020ganc',
      p3: 'smith2020gand',
      p4: 'smith2020gana',
    });
    const without4 = citationKeys(papers.slice(0, 3).reverse());
    expect(Object.fromEntries(without4)).toEqual({
      p1: 'smith2020gana',
      p2: 'smith2020ganb',
      p3: 'smith2020ganc',
    });
  });

  it("keeps a paper's key when the filters change", () => {
    const loaded = load(REAL);
    const all = read(toBibtex(allInput(loaded)));
    const gan = read(toBibtex(visibleInput(loaded, { categories: { family: ['gan'] } }, 'GAN')));
    expect(gan.length).toBe(loaded.graph.filterNodes((_n, a) => a.family === 'gan').length);
    for (const e of gan) expect(all.find((x) => x.key === e.key)?.fields).toEqual(e.fields);
  });

  it('exports the selected paper alone when asked, and refuses without a selection', () => {
    const loaded = load(SMALL);
    const input: ExportInput = { ...allInput(loaded), selected: '2208.12242', bibtexOnlySelected: true };
    const entries = read(toBibtex(input));
    expect(entries).toHaveLength(1);
    expect(field(entries[0], 'eprint')).toBe('2208.12242');
    expect(() => toBibtex({ ...input, selected: null })).toThrow(/no paper is selected/);
  });
});
