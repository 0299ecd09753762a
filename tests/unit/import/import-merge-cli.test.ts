import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePapersFile } from '../../../src/data/index';
import { readGraphData } from '../../../scripts/lib/graph-data-fs';
import { FIXTURES, REPO_ROOT } from './shared-data';

const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const run = (script: string, args: string[]) => {
  const r = spawnSync(TSX, [join(REPO_ROOT, 'scripts', script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
function withDir(f: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'import-merge-'));
  try {
    cpSync(join(REPO_ROOT, 'tests/fixtures/graph-data/small'), dir, { recursive: true });
    f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('import:bibtex and import:csv', () => {
  it('merge a library into a directory, keeping a hand edit, and leave a valid directory', () => {
    withDir((dir) => {
      const papers = join(dir, 'papers.yaml');
      // a curator's hand edit on a paper the library also lists
      writeFileSync(
        papers,
        readFileSync(papers, 'utf8').replace('  venue: CVPR\n', '  venue: CVPR (curated)\n'),
      );
      const lib = join(dir, 'lib.bib');
      writeFileSync(
        lib,
        `${readFileSync(join(FIXTURES, 'library.bib'), 'utf8')}\n@inproceedings{alpha, title={AlphaGAN: Inverting generators by optimisation}, author={Example, Ada}, booktitle={ICCV}, year={2020}, url={https://github.com/example/alpha}}\n`,
      );
      const r = run('import-bibtex.ts', [
        '--in',
        lib,
        '--data',
        dir,
        '--family',
        'diffusion',
        '--task',
        'subject',
      ]);
      expect(r.err).toContain('field "venue" keeps "CVPR (curated)" (the import has "ICCV")');
      expect(r.code).toBe(0);
      expect(r.out).toContain('4 paper(s) added, 1 filled in, 0 edge(s) added');
      const after = parsePapersFile(readFileSync(papers, 'utf8'), papers).map((p) => p.value);
      const alpha = after.find((p) => p.id === '2001.00001');
      expect([alpha?.venue, alpha?.links.code]).toEqual([
        'CVPR (curated)',
        'https://github.com/example/alpha',
      ]);
      expect(after.find((p) => p.id === '2208.12242')?.venueYear).toBe(2023);
      expect(readGraphData(dir).papers).toHaveLength(10);
    });
  });

  it('on bad input: names file, line and field, exits non-zero, writes nothing', () => {
    withDir((dir) => {
      const before = readFileSync(join(dir, 'papers.yaml'));
      const bad = run('import-bibtex.ts', [
        '--in',
        join(FIXTURES, 'malformed.bib'),
        '--data',
        dir,
        '--family',
        'diffusion',
        '--task',
        'subject',
      ]);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('malformed.bib:12: error: entry "noyear": field "year": missing');
      expect(bad.err).toContain(`nothing written to ${dir}`);
      const badFamily = run('import-bibtex.ts', [
        '--in',
        join(FIXTURES, 'library.bib'),
        '--data',
        dir,
        '--family',
        'vae',
        '--task',
        'subject',
      ]);
      expect(badFamily.code).toBe(1);
      expect(badFamily.err).toMatch(
        /library\.bib:5: error: entry "ruiz2023dreambooth": field "family": unknown family "vae"/,
      );
      const noFamily = run('import-csv.ts', ['--papers', join(FIXTURES, 'papers.csv'), '--data', dir]);
      expect(noFamily.code).toBe(1);
      expect(noFamily.err).toMatch(/papers\.csv:2: error: row 2: field "family": required for a new paper/);
      expect(readFileSync(join(dir, 'papers.yaml'))).toEqual(before);
    });
  });

  it('adds curated edges from a CSV, once', () => {
    withDir((dir) => {
      const curated = join(dir, 'edges/curated.tsv');
      const first = run('import-csv.ts', ['--edges', join(FIXTURES, 'edges.csv'), '--data', dir]);
      expect(first.code).toBe(0);
      expect(first.out).toContain('2 edge(s) added');
      const text = readFileSync(curated, 'utf8');
      expect(text).toContain('2102.00003\t2001.00001\tbuilds-on\ta curator\tsays so in section 3');
      const again = run('import-csv.ts', ['--edges', join(FIXTURES, 'edges.csv'), '--data', dir]);
      expect(again.out).toContain('0 edge(s) added');
      expect(readFileSync(curated, 'utf8')).toBe(text);
    });
  });
});
