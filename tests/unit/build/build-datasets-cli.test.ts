/**
 * The build CLI records what it built in datasets.json next to the graph file: a second --out adds an
 * entry, a rebuild gives the same bytes, a removed graph file's entry goes, a malformed list stops
 * the build before anything is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDatasetsFile } from '../../../src/data/datasets-list';
import type { GraphFile } from '../../../src/model';
import { copySmallDir, removeTempDirs, SMALL_DIR, tempDir } from './support';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-graph.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(removeTempDirs);

/** A second dataset: the small fixture under another name (so another inputs hash). */
function otherDataset(): string {
  const dir = copySmallDir();
  writeFileSync(join(dir, 'dataset.yaml'), 'name: Other dataset\n');
  return dir;
}
const OTHER_DIR = otherDataset();

const meta = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as GraphFile).meta;

describe('build-graph CLI: datasets.json', () => {
  it('lists one graph, then a second one built into the same directory; the same inputs give the same bytes', () => {
    const dir = tempDir('atlas-datasets-');
    const list = join(dir, 'datasets.json');
    const small = cli('--data', SMALL_DIR, '--out', join(dir, 'small.json'));
    expect(small.status).toBe(0);
    expect(small.stderr).toContain(`build-graph: recorded it in ${list}\n`);
    const first = parseDatasetsFile(readFileSync(list, 'utf8'), list);
    const smallMeta = meta(join(dir, 'small.json'));
    expect(first.datasets).toEqual({
      'small.json': {
        name: 'Small build fixture',
        description: 'Six hand-written papers whose metrics can be checked by hand.',
        papers: 6,
        edges: 8,
        inputsHash: smallMeta.inputsHash,
        binary: { file: 'small.bin', side: 'small.side.json' },
      },
    });

    const other = cli('--data', OTHER_DIR, '--out', join(dir, 'other.json'));
    expect(other.status).toBe(0);
    expect(other.stderr).toContain(`recorded it in ${list}, which lists 1 other graph file too`);
    const bytes = readFileSync(list);
    const second = parseDatasetsFile(bytes.toString('utf8'), list);
    expect(Object.keys(second.datasets)).toEqual(['other.json', 'small.json']);
    expect(second.datasets['small.json']).toEqual(first.datasets['small.json']);
    const otherMeta = meta(join(dir, 'other.json'));
    expect(second.datasets['other.json']).toEqual({
      name: 'Other dataset',
      papers: 6,
      edges: 8,
      inputsHash: otherMeta.inputsHash,
      binary: { file: 'other.bin', side: 'other.side.json' },
    });
    expect(otherMeta.inputsHash).not.toBe(smallMeta.inputsHash);

    // building both again, in the other order: byte-identical graph files, compact forms and list
    const files = [
      'small.json',
      'small.bin',
      'small.side.json',
      'other.json',
      'other.bin',
      'other.side.json',
    ];
    const graphs = files.map((f) => readFileSync(join(dir, f)));
    expect(cli('--data', OTHER_DIR, '--out', join(dir, 'other.json')).status).toBe(0);
    expect(cli('--data', SMALL_DIR, '--out', join(dir, 'small.json')).status).toBe(0);
    expect(readFileSync(list)).toEqual(bytes);
    expect(files.map((f) => readFileSync(join(dir, f)))).toEqual(graphs);
  });

  it('replaces the entry of a graph built again from other data, and drops the entry of a deleted graph', () => {
    const dir = tempDir('atlas-datasets-');
    const list = join(dir, 'datasets.json');
    expect(cli('--data', SMALL_DIR, '--out', join(dir, 'a.json')).status).toBe(0);
    expect(cli('--data', SMALL_DIR, '--out', join(dir, 'b.json')).status).toBe(0);
    expect(cli('--data', OTHER_DIR, '--out', join(dir, 'a.json')).status).toBe(0);
    let l = parseDatasetsFile(readFileSync(list, 'utf8'), list);
    expect(Object.entries(l.datasets).map(([f, e]) => [f, e.name])).toEqual([
      ['a.json', 'Other dataset'],
      ['b.json', 'Small build fixture'],
    ]);
    rmSync(join(dir, 'a.json'));
    expect(cli('--data', SMALL_DIR, '--out', join(dir, 'c.json')).status).toBe(0);
    l = parseDatasetsFile(readFileSync(list, 'utf8'), list);
    expect(Object.keys(l.datasets)).toEqual(['b.json', 'c.json']);
  });

  it('stops on a malformed datasets.json before building: names the file, entry and field; writes nothing', () => {
    const dir = tempDir('atlas-datasets-');
    const list = join(dir, 'datasets.json');
    expect(cli('--data', SMALL_DIR, '--out', join(dir, 'a.json')).status).toBe(0);
    const broken = readFileSync(list, 'utf8').replace('"papers": 6', '"papers": "six"');
    writeFileSync(list, broken);
    const before = readFileSync(join(dir, 'a.json'));
    const r = cli('--data', OTHER_DIR, '--out', join(dir, 'a.json'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`build-graph: ${list}: entry "a.json": field "papers": `);
    expect(r.stderr).toContain(`fix ${list} or delete it`);
    expect(r.stderr).toContain(`nothing written; ${join(dir, 'a.json')} is unchanged`);
    expect(r.stderr).not.toMatch(/build-graph: read /); // the build did not start
    expect(readFileSync(join(dir, 'a.json'))).toEqual(before);
    expect(readFileSync(list, 'utf8')).toBe(broken);

    writeFileSync(list, '{ "format": "lineage-atlas/datasets", ');
    const t = cli('--data', SMALL_DIR, '--out', join(dir, 'new.json'));
    expect(t.status).toBe(1);
    expect(t.stderr).toContain(`build-graph: ${list}: is not valid JSON`);
    expect(existsSync(join(dir, 'new.json'))).toBe(false);

    // deleting it, as the message says, lets the next build start a new list (of the graph it built)
    rmSync(list);
    expect(cli('--data', SMALL_DIR, '--out', join(dir, 'new.json')).status).toBe(0);
    expect(Object.keys(parseDatasetsFile(readFileSync(list, 'utf8'), list).datasets)).toEqual(['new.json']);
  });

  it('refuses an --out named datasets.json or hidden, with the usage and exit code 2', () => {
    const dir = tempDir('atlas-datasets-');
    for (const name of ['datasets.json', '.hidden.json']) {
      const r = cli('--data', SMALL_DIR, '--out', join(dir, name));
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`--out "${join(dir, name)}": the graph file's name must not`);
      expect(r.stderr).toContain('Usage: npm run build:graph');
    }
    expect(existsSync(join(dir, 'datasets.json'))).toBe(false);
  });
});
