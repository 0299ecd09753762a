/**
 * The build CLI end to end, in a child process as a person runs it: options, progress, output,
 * determinism, errors and the atomic write.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GraphFile } from '../../../src/model';
import { copySmallDir, removeTempDirs, SMALL_DIR, tempDir } from './support';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-graph.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const outDir = tempDir('atlas-build-out-');
afterAll(() => {
  // leave nothing behind but the files the tests wrote on purpose
  const leftovers = readdirSync(outDir).filter((f) => f.endsWith('.tmp'));
  removeTempDirs();
  expect(leftovers).toEqual([]);
});

describe('build-graph CLI', () => {
  it('prints usage for --help', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: npm run build:graph');
    for (const opt of ['--data DIR', '--out FILE', '--seed N', '--help']) expect(r.stdout).toContain(opt);
  });

  it('refuses unknown options and bad values with the usage and exit code 2', () => {
    const unknown = cli('--frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--frobnicate'/);
    expect(unknown.stderr).toContain('Usage: npm run build:graph');
    const seed = cli('--seed', 'abc');
    expect(seed.status).toBe(2);
    expect(seed.stderr).toContain('--seed must be an integer');
    const positional = cli('graph-data');
    expect(positional.status).toBe(2);
  });

  it('builds a fixture with progress lines, the same bytes twice, another layout for another seed', () => {
    const a = join(outDir, 'a.json');
    const b = join(outDir, 'b.json');
    const c = join(outDir, 'c.json');
    const first = cli('--data', SMALL_DIR, '--out', a);
    expect(first.status).toBe(0);
    for (const step of ['read', 'validate', 'metrics', 'layout', 'write']) {
      expect(first.stderr).toMatch(new RegExp(`build-graph: ${step}\\b.* done in \\d+\\.\\d\\d s`));
    }
    expect(first.stderr).toContain('6 papers, 8 edges');
    expect(cli('--data', SMALL_DIR, '--out', b).status).toBe(0);
    expect(readFileSync(b)).toEqual(readFileSync(a));
    expect(cli('--data', SMALL_DIR, '--out', c, '--seed', '7').status).toBe(0);
    const fa = JSON.parse(readFileSync(a, 'utf8')) as GraphFile;
    const fc = JSON.parse(readFileSync(c, 'utf8')) as GraphFile;
    expect(fa.meta.build.seed).toBe(42);
    expect(fc.meta.build.seed).toBe(7);
    expect(fa.meta.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(fc.meta.inputsHash).toBe(fa.meta.inputsHash);
    expect(fc.graph.nodes.map((n) => [n.attributes.x, n.attributes.y])).not.toEqual(
      fa.graph.nodes.map((n) => [n.attributes.x, n.attributes.y]),
    );
  });

  it('changes the inputs hash when an input file changes', () => {
    const dir = copySmallDir();
    const out1 = join(outDir, 'h1.json');
    const out2 = join(outDir, 'h2.json');
    expect(cli('--data', dir, '--out', out1).status).toBe(0);
    appendFileSync(join(dir, 'edges/curated.tsv'), '2204.00005\t2101.00002\tcites\tme\t\n');
    expect(cli('--data', dir, '--out', out2).status).toBe(0);
    const h1 = (JSON.parse(readFileSync(out1, 'utf8')) as GraphFile).meta.inputsHash;
    const h2 = (JSON.parse(readFileSync(out2, 'utf8')) as GraphFile).meta.inputsHash;
    expect(h2).not.toBe(h1);
  });

  it('on bad data: names file:line, record and field, exits 1 and leaves the previous output byte-identical', () => {
    const out = join(outDir, 'kept.json');
    expect(cli('--data', SMALL_DIR, '--out', out).status).toBe(0);
    const before = readFileSync(out);

    // a dangling endpoint: caught by the build's validation
    const dangling = copySmallDir();
    const tsv = join(dangling, 'edges/fulltext-references.tsv');
    writeFileSync(tsv, readFileSync(tsv, 'utf8').replace('2203.00004\t2102.00003', '2203.00004\t2999.00001'));
    const d = cli('--data', dangling, '--out', out);
    expect(d.status).toBe(1);
    expect(d.stderr).toContain(
      `${dangling}/edges/fulltext-references.tsv:4: edge 2203.00004 -> 2999.00001: field "target": dangling endpoint: no paper "2999.00001"`,
    );
    expect(d.stderr).toContain(`nothing written; ${out} is unchanged`);
    expect(readFileSync(out)).toEqual(before);

    // a duplicate paper id: caught by the papers.yaml reader already
    const dir = copySmallDir();
    const papers = join(dir, 'papers.yaml');
    writeFileSync(papers, readFileSync(papers, 'utf8').replace('- id: "2204.00005"', '- id: "2203.00004"'));
    const r = cli('--data', dir, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`${dir}/papers\\.yaml:57: paper 2203\\.00004: field "id": duplicate`),
    );
    expect(r.stderr).toContain(`nothing written; ${out} is unchanged`);
    expect(readFileSync(out)).toEqual(before);
  });

  it('on a malformed file: reports the parser error with its line and keeps the output', () => {
    const out = join(outDir, 'kept2.json');
    expect(cli('--data', SMALL_DIR, '--out', out).status).toBe(0);
    const before = readFileSync(out);
    const dir = copySmallDir();
    writeFileSync(join(dir, 'labels.yaml'), '- id: "2001.00001"\n  taxonomy: [unclosed\n');
    appendFileSync(
      join(dir, 'edges/code-readme.tsv'),
      '2204.00005\t2001.00001\tmentions\tonly-three-cells\n',
    );
    const r = cli('--data', dir, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${dir}/labels\\.yaml:\\d+: .+`));
    expect(r.stderr).toMatch(
      new RegExp(`${dir}/edges/code-readme\\.tsv:6: .*expected 7 tab-separated cells`),
    );
    expect(readFileSync(out)).toEqual(before);
  });

  it('reports a failed write without a stack trace and leaves no temporary file', () => {
    const target = join(outDir, 'a-directory.json');
    mkdirSync(target);
    const r = cli('--data', SMALL_DIR, '--out', target);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/build-graph: failed: E[A-Z]+: .*a-directory\.json/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(outDir).filter((f) => f.includes('a-directory') && f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a missing data directory', () => {
    const r = cli('--data', join(outDir, 'no-such-dir'), '--out', join(outDir, 'never.json'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('graph-data directory not found');
    expect(readdirSync(outDir)).not.toContain('never.json');
  });
});
