import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_SECTIONS,
  headingText,
  nameFromTitle,
  parseAwesomeList,
} from '../../../src/import/awesome-list';
import { parseVenue, splitAuthors } from '../../../src/import/awesome-entry';
import { slugId } from '../../../src/import/text';
import { parseSectionMap } from '../../../src/import/section-map';
import { PaperRecordSchema } from '../../../src/model/paper';
import { AWESOME_MD, FIXTURES, hasShared, whenShared } from './shared-data';

const mini = readFileSync(join(FIXTURES, 'mini-awesome.md'), 'utf8');

describe('parseAwesomeList and arXiv ids arXiv never issued', () => {
  const entry = (title: string, id: string) =>
    `**${title}**<br>\n*Ann Author*<br>\nCVPR 2023. / [PDF](https://arxiv.org/abs/${id}v2) / [Code](https://github.com/a/b)\n`;
  const bogus = ['9501.00004', '2313.12345', '2301.1234', '0612.1234'];
  const list = [
    '# List\n\n## Personalization with Diffusion Models\n\n### Subject-Driven Generation\n',
    entry('A Real Paper', '2301.01234'),
    ...bogus.map((id, i) => entry(`Bogus Paper ${i}`, id)),
  ].join('\n');
  const result = parseAwesomeList(list);

  it('takes a real one as the paper id', () => {
    expect(result.papers[0]).toMatchObject({ id: '2301.01234', arxiv: '2301.01234', year: 2023, month: 1 });
  });

  it('keeps a bogus one as a plain PDF link, invents no id, and says so at the link', () => {
    const rest = result.papers.slice(1);
    expect(rest.map((p) => [p.id, p.arxiv, p.links.pdf])).toEqual(
      bogus.map((id, i) => [`bogus-paper-${i}`, null, `https://arxiv.org/abs/${id}v2`]),
    );
    for (const p of result.papers) expect(PaperRecordSchema.safeParse(p).success).toBe(true);
    const warned = result.diagnostics.filter((d) => /names no id arXiv issued/.test(d.message));
    expect(warned.map((d) => [d.level, d.line])).toEqual(bogus.map((_, i) => ['warning', 13 + 4 * i]));
    expect(warned[0]?.message).toBe(
      'arXiv address https://arxiv.org/abs/9501.00004v2 of "Bogus Paper 0" names no id arXiv issued ("9501.00004"); kept as a plain link, no arXiv id',
    );
  });
});

describe('parseAwesomeList on a hand-written list', () => {
  const result = parseAwesomeList(mini);

  it('files entries under headings of any depth, with emoji and links in headings', () => {
    expect(result.entries.map((e) => [e.line, e.task, e.family])).toEqual([
      [12, 'subject', 'diffusion'],
      [16, 'subject', 'diffusion'],
      [20, 'subject', 'diffusion'],
      [33, 'face', 'diffusion'],
      [37, 'face', 'diffusion'],
      [43, 'ar-personalization', 'ar'],
      [51, 'gan-inversion', 'gan'],
    ]);
    expect(result.entries[0]?.section).toBe('Subject-Driven Generation');
  });

  it('merges a paper listed under two sections into one paper with both tasks and all links', () => {
    expect(result.papers).toHaveLength(6);
    const db = result.papers.find((p) => p.id === '2208.12242');
    expect(db).toEqual({
      id: '2208.12242',
      title: 'DreamBooth: Fine tuning text-to-image diffusion models for subject-driven generation',
      name: 'DreamBooth',
      authors: ['Nataniel Ruiz', 'Yuanzhen Li', 'Kfir Aberman'],
      year: 2022,
      month: 8,
      venue: 'CVPR',
      venueYear: 2023,
      arxiv: '2208.12242',
      links: {
        pdf: 'https://arxiv.org/abs/2208.12242v2',
        project: 'https://dreambooth.github.io',
        code: 'https://github.com/google/dreambooth',
        demo: 'https://huggingface.co/spaces/x/y',
      },
      family: 'diffusion',
      tasks: ['subject', 'face'],
    });
    for (const p of result.papers) expect(PaperRecordSchema.safeParse(p).success).toBe(true);
  });

  it('reads decorated links, arXiv address variants and plain author lists', () => {
    const ti = result.papers.find((p) => p.id === '2208.01618');
    expect(ti?.arxiv).toBe('2208.01618');
    expect(ti?.links).toEqual({
      pdf: 'https://www.arxiv.org/pdf/2208.01618v3.pdf',
      code: 'https://github.com/rinongal/textual_inversion',
    });
    expect(ti?.authors).toEqual(['Rinon Gal', 'Yuval Alaluf', 'Gal Chechik', 'Daniel Cohen-Or']);
    expect(ti?.venue).toBe('ICLR (Spotlight)');
    expect(ti?.name).toBeNull();
    const pm = result.papers.find((p) => p.id === '2312.04461');
    expect(pm?.links.dataset).toBe('https://example.org/data');
    expect(result.papers.find((p) => p.id === '1904.03189')?.family).toBe('gan');
  });

  it('gives an entry without an arXiv id a stable slug id and its venue year', () => {
    const jedi = result.papers.find((p) => p.arxiv === null);
    expect(jedi?.id).toBe('jedi-joint-image-diffusion-models-for-finetuning-free');
    expect(jedi?.id).toBe(slugId(jedi?.title ?? ''));
    expect([jedi?.year, jedi?.month, jedi?.venue, jedi?.venueYear, jedi?.name]).toEqual([
      2024,
      null,
      'CVPR',
      2024,
      'JeDi',
    ]);
  });

  it('reports malformed entries, unknown sections and ignored links with their lines', () => {
    expect(result.diagnostics.map((d) => [d.line, d.level, d.message.split(':')[0]])).toEqual([
      [24, 'error', 'entry title is not a bold line "**Title**"'],
      // not a paper by the issue-14 rule (no year, arXiv id, DOI or known venue): skipped, not an error
      [28, 'warning', '"A paper with no venue line" skipped'],
      [39, 'warning', 'link "Slides" (https'],
      [55, 'error', 'section "Odd Section" maps to no task (known'],
    ]);
    expect(result.diagnostics[3]?.message).toMatch(/its 1 entry was not imported$/);
  });

  it('reads a CRLF copy identically and a custom section map', () => {
    const crlf = parseAwesomeList(mini.replace(/\n/g, '\r\n'));
    expect(crlf.papers).toEqual(result.papers);
    expect(crlf.diagnostics).toEqual(result.diagnostics);
    const custom = parseAwesomeList(mini, {
      sections: { ...DEFAULT_SECTIONS, oddsection: { task: 'style', family: 'diffusion' } },
    });
    expect(custom.papers.find((p) => p.id === '2201.00002')?.tasks).toEqual(['style']);
    expect(custom.diagnostics.filter((d) => d.level === 'error')).toHaveLength(1);
    expect(custom.diagnostics.find((d) => d.line === 28)?.skip).toEqual({ reason: 'not-a-paper' });
  });
});

describe('entry helpers', () => {
  it('split BibTeX-style and plain author lines', () => {
    expect(splitAuthors('Radford, Alec.')).toEqual(['Alec Radford']);
    expect(splitAuthors('Zhang, Yabo and Wei, Yuxiang and {others}.')).toEqual(['Yabo Zhang', 'Yuxiang Wei']);
    expect(splitAuthors('Wang, Binxu and Ponce, Carlos R.')).toEqual(['Binxu Wang', 'Carlos R Ponce']);
    expect(splitAuthors('A One, B Two and C Three')).toEqual(['A One', 'B Two', 'C Three']);
  });

  it('parse venue lines and decorated or nested links', () => {
    expect(parseVenue('CVPR 2024 AI4CC Workshop. / [PDF](x)')).toEqual({
      venue: 'CVPR AI4CC Workshop',
      venueYear: 2024,
    });
    expect(parseVenue('Information Fusion.  / [PDF](x)')).toEqual({
      venue: 'Information Fusion',
      venueYear: null,
    });
    const r = parseAwesomeList(
      [
        '## Subject-Driven Generation',
        '**T: a title**<br>',
        '*A B*<br>',
        'CVPR 2023. / [Code]([https://a.org/x](https://b.org/y)) / [[PDF]](https://arxiv.org/abs/2101.00001)',
      ].join('\n'),
    );
    expect(r.papers[0]?.links).toEqual({ pdf: 'https://arxiv.org/abs/2101.00001', code: 'https://b.org/y' });
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [4, 'link "Code" wraps another link; using https://b.org/y'],
    ]);
  });

  it('clean headings and names', () => {
    expect(headingText('🎨 [Style-Driven Generation](#style) 🎨')).toBe('Style-Driven Generation');
    expect(nameFromTitle('IP-Adapter: Text compatible image prompt adapter')).toBe('IP-Adapter');
    expect(nameFromTitle('Flux Already Knows - Activating Subject-Driven Image Generation')).toBeNull();
    expect(nameFromTitle('An image is worth one word and more: whatever')).toBeNull();
  });
});

describe.skipIf(!hasShared('awesome-personalized-image-generation.md'))('the bundled list', () => {
  const result = whenShared(['awesome-personalized-image-generation.md'], () =>
    parseAwesomeList(readFileSync(AWESOME_MD, 'utf8')),
  );

  it('parses all 420 entries into 416 distinct papers with no errors', () => {
    expect(result.entries).toHaveLength(420);
    expect(result.papers).toHaveLength(416);
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(result.papers.filter((p) => p.tasks!.length > 1).map((p) => p.id)).toEqual([
      '2212.04488',
      '2411.17440',
      '2411.18068',
      '2504.06256',
    ]);
    expect(result.papers.filter((p) => p.arxiv === null)).toHaveLength(14);
  });

  it('gets real facts right', () => {
    const db = result.papers.find((p) => p.title.startsWith('Dreambooth: Fine tuning'));
    // first appeared on arXiv in August 2022, published at CVPR 2023: both facts kept
    expect([db?.id, db?.year, db?.month, db?.venue, db?.venueYear, db?.tasks]).toEqual([
      '2208.12242',
      2022,
      8,
      'CVPR',
      2023,
      ['subject'],
    ]);
    const facts = (id: string): unknown[] => {
      const p = result.papers.find((x) => x.id === id);
      return [p?.year, p?.month, p?.venue, p?.venueYear];
    };
    expect(facts('2208.01618')).toEqual([2022, 8, 'ICLR', 2023]); // Textual Inversion
    expect(facts('2312.04461')).toEqual([2023, 12, 'CVPR', 2024]); // PhotoMaker
    expect(facts('1911.11544')).toEqual([2019, 11, 'CVPR', 2020]); // Image2StyleGAN++
    expect(facts('2101.05278')).toEqual([2021, 1, 'TPAMI', 2022]); // GAN Inversion: A Survey
    expect(facts('2401.07519')).toEqual([2024, 1, 'Arxiv', 2024]); // InstantID, a preprint
    // every paper keeps its venue's year except the one whose list entry prints none
    expect(result.papers.filter((p) => p.venueYear === null).map((p) => p.venue)).toEqual([
      'Information Fusion',
    ]);
    const ip = result.papers.find((p) => p.id === '2308.06721');
    expect(ip?.name).toBe('Ip-adapter');
    expect(result.papers.find((p) => p.id === '2101.05278')?.family).toBe('survey');
    const count = (f: string): number => result.papers.filter((p) => p.family === f).length;
    // entries under the AR, GAN and Related Surveys headings (MetaQueries is also under Subject, so it stays diffusion)
    expect([count('ar'), count('gan'), count('survey')]).toEqual([24 - 1, 63, 8]);
  });

  it('reports the list oddities it works around, with their lines', () => {
    const warned = result.diagnostics.map((d) => d.line);
    expect(warned).toEqual([582, 760, 1240, 1378]);
  });
});

describe('section map files', () => {
  it('map headings as written (emoji and case ignored) to tasks and families', () => {
    const map = parseSectionMap(
      readFileSync(join(FIXTURES, 'odd-sections.yaml'), 'utf8'),
      'odd-sections.yaml',
    );
    expect(map).toEqual({
      subjectdrivengeneration: { task: 'subject', family: 'diffusion' },
      facedrivengeneration: { task: 'face', family: 'diffusion' },
      oddsection: { task: 'style', family: 'diffusion' },
    });
    const r = parseAwesomeList(mini, { sections: map });
    expect(r.papers.find((p) => p.id === '2201.00002')?.tasks).toEqual(['style']);
    // AR and GAN headings are not in this map: their entries are reported, not dropped
    expect(r.diagnostics.filter((d) => d.level === 'error').map((d) => d.line)).toEqual([24, 41, 49]);
  });

  it('name the line and heading of a bad mapping', () => {
    expect(() => parseSectionMap('Subject: { task: subjekt, family: diffusion }\n', 's.yaml')).toThrow(
      /^s\.yaml:1: section "Subject": field "task": /,
    );
  });
});

describe('names from titles', () => {
  it('take a short Title Case or one-word prefix, not a phrase', () => {
    expect(nameFromTitle('Dreambooth: Fine tuning text-to-image diffusion models')).toBe('Dreambooth');
    expect(nameFromTitle('Blended Diffusion: Text-driven editing of natural images')).toBe(
      'Blended Diffusion',
    );
    expect(nameFromTitle('The Chosen One: Consistent characters in text-to-image diffusion models')).toBe(
      'The Chosen One',
    );
    expect(nameFromTitle('Mind the gap: Domain gap control for single shot domain adaptation')).toBeNull();
    expect(
      nameFromTitle('Predict, prevent, and evaluate: Disentangled text-driven image manipulation'),
    ).toBeNull();
    expect(
      nameFromTitle('$\\lambda$-ECLIPSE: Multi-Concept Personalized Text-to-Image Diffusion Models'),
    ).toBe('$\\lambda$-ECLIPSE');
  });
});

describe('titles with inline TeX', () => {
  it('turn $\\lambda$ into λ', () => {
    const r = parseAwesomeList(
      [
        '# Subject-Driven Generation',
        '**$\\lambda$-ECLIPSE: Multi-concept personalization**<br>',
        '*A B*<br>',
        'Arxiv 2024. / [PDF](https://arxiv.org/abs/2402.05195)',
      ].join('\n'),
    );
    expect(r.papers[0]?.title).toBe('λ-ECLIPSE: Multi-concept personalization');
    expect(r.diagnostics).toEqual([]);
  });
});
