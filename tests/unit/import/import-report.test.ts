/**
 * An import that keeps going (issue 14): a list in the style of lists of video papers (dates after
 * titles, badges, toolbox and product sections) imports with skips, not errors; skipped headings give
 * only their count; the summary and the report file tell what was skipped; --strict and the exit codes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listDataset } from '../../../src/import/list-dataset';
import { strictly } from '../../../src/import/diagnostics';
import type { Diagnostic } from '../../../src/import/diagnostics';
import {
  IMPORT_REPORT_FILE,
  formatSummary,
  importReport,
  importSummary,
  skipRows,
} from '../../../src/import/import-report';
import { parseSectionHints } from '../../../src/import/section-map';
import { isVenueText } from '../../../src/import/awesome-date';
import { removeTempDirs, tempDir } from '../build/support';

const LIST = 'tests/fixtures/import/styles-dated.md';
const text = readFileSync(LIST, 'utf8');
/** The fixture's bad section: a bold title never closed (an error) and a link that is no paper. */
const DEPRECATED_LINE = 67;

afterAll(() => removeTempDirs());

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-list.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a list with dates, badges and sections that are not papers', () => {
  const ds = listDataset(text, { file: 'styles-dated.md' });
  const byName = (name: string) => ds.papers.find((p) => p.name === name);

  it('names the dataset without the heading badge', () => {
    expect(ds.info.name).toBe('Awesome Fruit Video');
    // an HTML <h1> before the first heading is the title; a "# Contents" heading is not
    const entry = '## Papers\n\n- [A Paper Title Here](https://arxiv.org/abs/2401.00001)\n';
    const html =
      '<p align="center">\n  <h1 align="center">A <b>Collection</b> of Fruit</h1>\n</p>\n\n# Contents\n\n';
    expect(listDataset(html + entry, { file: 'f.md' }).info.name).toBe('A Collection of Fruit');
    expect(listDataset(`# Contents\n\n# Fruit Papers\n\n${entry}`, { file: 'f.md' }).info.name).toBe(
      'Fruit Papers',
    );
  });

  it('reads a date after a title as month and year, never as a venue', () => {
    expect(byName('AppleVid')).toMatchObject({ year: 2024, month: 10, venue: null, venueYear: null });
    expect(byName('BananaFlow')).toMatchObject({ arxiv: null, year: 2023, month: 6, venue: null });
    expect(byName('CherryCam')).toMatchObject({ arxiv: null, year: 2022, month: 3, venue: null });
    // the address names the venue (OpenReview), the date gives the year and month
    expect(byName('ElderEdit')).toMatchObject({
      arxiv: null,
      year: 2023,
      month: 12,
      venue: 'OpenReview',
      venueYear: null,
    });
    for (const p of ds.papers) if (p.venue !== null) expect(isVenueText(p.venue)).toBe(true);
  });

  it('takes a venue the list marks: a bracket tag, a venue after a bold title, list-item labels', () => {
    expect(byName('FigFill')).toMatchObject({ venue: 'CVPR', venueYear: 2023, year: 2023, arxiv: null });
    expect(byName('GuavaGen')).toMatchObject({ venue: 'arXiv', arxiv: '2309.00007' });
    expect(byName('KiwiSplat')).toMatchObject({ venue: 'CVPR', venueYear: 2022, arxiv: null });
    expect(byName('HoneydewNet')).toMatchObject({ venue: 'arxiv', arxiv: '2402.00008' });
    expect(byName('HoneydewNet')?.links.project).toBe('https://honeydew.example.org/');
    expect(ds.papers.find((p) => p.arxiv === '2401.00009')).toMatchObject({ venue: 'ICLR', venueYear: 2024 });
  });

  it('reads a table date as month and year, and titles alone in paragraphs, links on the next line', () => {
    expect(byName('MangoMix')).toMatchObject({ year: 2024, month: 3, venue: 'AAAI', venueYear: 2024 });
    expect(ds.papers.find((p) => p.arxiv === '2311.00010')).toMatchObject({
      venue: 'arXiv',
      venueYear: 2023,
    });
    // a title link over two lines, alone in its paragraph
    expect(ds.papers.find((p) => p.arxiv === '2105.00011')?.title).toBe(
      'OliveOpt: Optimising Olives Over Many Groves',
    );
    expect(byName('PapayaPose')).toMatchObject({ arxiv: '2307.00012', venue: 'arxiv', year: 2023, month: 7 });
    expect(byName('PapayaPose')?.links.project).toBe('https://papaya.example.org/');
  });

  it('skips tools and products with a warning and a reason; only the unreadable title is an error', () => {
    const errors = ds.diagnostics.filter((d) => d.level === 'error');
    expect(errors.map((d) => d.line)).toEqual([DEPRECATED_LINE]);
    const rows = skipRows(ds.diagnostics);
    expect(rows.map((r) => [r.line, r.reason])).toEqual([
      [14, 'not-a-paper'],
      [17, 'not-a-paper'],
      [22, 'not-a-paper'],
      [23, 'not-a-paper'],
      [60, 'no-paper-link'],
      [70, 'not-a-paper'],
    ]);
    expect(rows[0]?.message).toContain('"PeachKit: a toolbox for peach videos" skipped: not a paper');
  });

  it('sums up entries, papers, arXiv ids, skips by reason and duplicates', () => {
    const s = importSummary(ds);
    expect(s).toEqual({
      entries: 21,
      papers: 14,
      withArxiv: 8,
      skipped: 6,
      skips: { 'not-a-paper': 5, 'no-paper-link': 1 },
      duplicates: 1,
      errors: 1,
      warnings: ds.diagnostics.length - 1,
    });
    expect(s.entries).toBe(s.papers + s.skipped + s.duplicates);
    expect(formatSummary(s)).toEqual([
      'entries seen: 21',
      'papers written: 14 (8 with an arXiv id)',
      'skipped: 6 (5 not-a-paper, 1 no-paper-link)',
      'duplicates merged: 1',
    ]);
    const report = JSON.parse(importReport('styles-dated.md', s, skipRows(ds.diagnostics))) as {
      input: string;
      summary: unknown;
      skipped: { line: number; reason: string }[];
    };
    expect(report.input).toBe('styles-dated.md');
    expect(report.summary).toEqual(s);
    expect(report.skipped).toHaveLength(6);
  });

  it('gives entries under skipped headings nothing but their count, errors there included', () => {
    const hints = parseSectionHints(
      'Deprecated: { skip: true }\n"Open-source Toolboxes": { skip: true }\n',
      'm.yaml',
    );
    const skipped = listDataset(text, { file: 'styles-dated.md', sections: hints });
    expect(skipped.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    const under = skipped.diagnostics.filter(
      (d) => d.line !== undefined && ((d.line >= 65 && d.line <= 71) || (d.line >= 12 && d.line < 20)),
    );
    expect(under).toEqual([
      {
        level: 'warning',
        line: 14,
        message: '4 entries under headings the section map skips left out',
        skip: { reason: 'skipped-heading', lines: [14, 17, DEPRECATED_LINE, 70] },
      },
    ]);
    expect(skipped.papers).toEqual(ds.papers);
    expect(importSummary(skipped)).toMatchObject({
      entries: 22,
      skipped: 7,
      skips: { 'skipped-heading': 4 },
    });
  });

  it('--strict: every skip the input caused becomes an error, a skipped heading stays a warning', () => {
    const diags: Diagnostic[] = [
      { level: 'warning', line: 3, message: 'a', skip: { reason: 'not-a-paper' } },
      { level: 'warning', line: 4, message: 'b', skip: { reason: 'skipped-heading', lines: [4, 5] } },
      { level: 'warning', line: 6, message: 'c' },
    ];
    expect(strictly(diags).map((d) => d.level)).toEqual(['error', 'warning', 'warning']);
  });
});

describe('import:list on it (CLI)', () => {
  it('exits 0, prints the summary and writes the report beside the data', () => {
    const work = tempDir('atlas-import-report-');
    const list = join(work, 'list.md');
    // without its broken section, the list has no error
    writeFileSync(list, text.split('\n').slice(0, 64).join('\n'));
    const data = join(work, 'data');
    const r = run('--in', list, '--data', data);
    expect(r.stderr).toMatch(
      /list\.md:14: warning: "PeachKit: a toolbox for peach videos" skipped: not a paper/,
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('list.md: entries seen: 16');
    expect(r.stdout).toContain('list.md: papers written: 10 (5 with an arXiv id)');
    expect(r.stdout).toContain('list.md: skipped: 5 (4 not-a-paper, 1 no-paper-link)');
    expect(r.stdout).toContain('list.md: duplicates merged: 1');
    const report = JSON.parse(readFileSync(join(data, IMPORT_REPORT_FILE), 'utf8')) as {
      skipped: { line: number; reason: string }[];
    };
    expect(report.skipped.map((s) => s.line)).toEqual([14, 17, 22, 23, 60]);
    const papers = readFileSync(join(data, 'papers.yaml'), 'utf8');
    expect(papers).toContain('month: 10');
    expect(papers).not.toMatch(/venue: "?\(/);
  });

  it('--strict exits 1 and writes nothing; with the non-paper headings skipped it passes', () => {
    const work = tempDir('atlas-import-strict-');
    const list = join(work, 'list.md');
    writeFileSync(list, text.split('\n').slice(0, 64).join('\n'));
    const data = join(work, 'data');
    const strict = run('--in', list, '--data', data, '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/list\.md:14: error: "PeachKit/);
    expect(strict.stderr).toContain('(--strict: skips are errors)');
    expect(existsSync(data)).toBe(false);

    const map = join(work, 'map.yaml');
    writeFileSync(
      map,
      '"Open-source Toolboxes": { skip: true }\n"Commercial Products": { skip: true }\n"Reading Notes": { skip: true }\n',
    );
    const mapped = run('--in', list, '--data', data, '--strict', '--sections', map);
    expect(mapped.stderr).not.toMatch(/error/);
    expect(mapped.status).toBe(0);
    expect(readdirSync(data)).toContain(IMPORT_REPORT_FILE);
  });

  it('exits 1 on an entry it cannot read, writing nothing', () => {
    const work = tempDir('atlas-import-broken-');
    const list = join(work, 'list.md');
    writeFileSync(list, text);
    const r = run('--in', list, '--data', join(work, 'data'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`list\\.md:${DEPRECATED_LINE}: error: entry title is not a bold line`),
    );
    expect(r.stderr).toContain('nothing written');
    expect(readdirSync(work)).toEqual(['list.md']);
  });
});
