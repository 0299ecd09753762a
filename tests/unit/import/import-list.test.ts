/**
 * import:list: an awesome list becomes a new graph-data directory that build:graph builds, with the
 * list's headings (nesting kept) as the taxonomy. Both CLIs run in child processes as a person runs
 * them; the error cases call the importer in-process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { GraphFile } from '../../../src/model';
import { listDataset } from '../../../src/import/list-dataset';
import { parseSectionHints } from '../../../src/import/section-map';
import { importList } from '../../../scripts/import-list';
import { removeTempDirs, tempDir } from '../build/support';

const LIST = 'tests/fixtures/import/nested-list.md';
const listText = readFileSync(LIST, 'utf8');

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run `importList` with console output captured. */
function quietly(f: () => number): { code: number; errors: string } {
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const code = f();
    return { code, errors: err.mock.calls.map((c) => String(c[0])).join('\n') };
  } finally {
    err.mockRestore();
    log.mockRestore();
    warn.mockRestore();
  }
}

afterAll(() => removeTempDirs());

describe('import:list then build:graph', () => {
  it('makes a directory the build turns into a graph whose taxonomy is the list headings', () => {
    const work = tempDir('atlas-import-list-');
    const data = join(work, 'tiny');
    const imported = run('scripts/import-list.ts', '--in', LIST, '--data', data);
    expect(imported.stderr).toContain('table of contents');
    expect(imported.status).toBe(0);
    expect(readdirSync(data).sort()).toEqual([
      'dataset.yaml',
      'edges',
      'import-report.json',
      'labels.yaml',
      'papers.yaml',
      'taxonomy.yaml',
    ]);
    expect(readFileSync(join(data, 'edges', 'curated.tsv'), 'utf8').split('\n')[0]).toBe(
      'source\ttarget\tkind\tby\tnote',
    );
    // the files name the command that wrote them
    for (const f of ['taxonomy.yaml', 'labels.yaml'])
      expect(readFileSync(join(data, f), 'utf8')).toContain('Written by `npm run import:list`');
    const info = readFileSync(join(data, 'dataset.yaml'), 'utf8');
    expect(info).toContain('name: Awesome Tiny Generators');
    expect(info).toContain('nested-list.md');

    const out = join(work, 'tiny.json');
    const built = run('scripts/build-graph.ts', '--data', data, '--out', out);
    expect(built.stderr).not.toMatch(/error/i);
    expect(built.status).toBe(0);
    const graph = JSON.parse(readFileSync(out, 'utf8')) as GraphFile;
    const dims = graph.meta.taxonomy.dimensions;
    expect(dims.map((d) => [d.id, d.parent])).toEqual([
      ['task', undefined],
      ['section', 'task'],
      ['family', undefined],
    ]);
    const cats = (id: string) => dims.find((d) => d.id === id)?.categories ?? [];
    // the list's title (shared by every entry) is left out; emoji are dropped from the labels
    expect(cats('task').map((c) => c.label)).toEqual(['Image Synthesis', 'Video Synthesis']);
    // a sub-heading names its heading as parent; the same text under two headings is two categories
    expect(cats('section').map((c) => [c.label, c.parent])).toEqual([
      ['Diffusion Models', 'image-synthesis'],
      ['GAN Models', 'image-synthesis'],
      ['Diffusion Models', 'video-synthesis'],
    ]);
    expect(cats('family').map((c) => c.id)).toEqual(['papers']);
    const colours = [...cats('task'), ...cats('section')].map((c) => c.color);
    expect(new Set(colours.slice(0, 2)).size).toBe(2);
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);

    const node = (title: string) => {
      const n = graph.graph.nodes.find((x) => x.attributes.title.startsWith(title));
      if (!n) throw new Error(`no node ${title}`);
      const sectionId = n.attributes.dimensions?.section ?? [];
      return {
        tasks: (n.attributes.tasks ?? []).map((t) => cats('task').find((c) => c.id === t)?.label),
        sections: sectionId.map((s) => {
          const c = cats('section').find((x) => x.id === s);
          return `${cats('task').find((t) => t.id === c?.parent)?.label} / ${c?.label}`;
        }),
      };
    };
    expect(graph.graph.nodes).toHaveLength(5);
    expect(node('CherryGAN')).toEqual({
      tasks: ['Image Synthesis'],
      sections: ['Image Synthesis / GAN Models'],
    });
    expect(node('DateDance')).toEqual({ tasks: ['Video Synthesis'], sections: [] });
    // listed twice: one paper in both headings
    expect(node('AppleDiff')).toEqual({
      tasks: ['Image Synthesis', 'Video Synthesis'],
      sections: ['Image Synthesis / Diffusion Models', 'Video Synthesis / Diffusion Models'],
    });
  }, 120_000);
});

describe('listDataset', () => {
  it('takes families and category ids from a section map, the name from --name', () => {
    const hints = parseSectionHints(
      '"🦾 GAN Models": { family: gan }\n"🎬 Video Synthesis": { task: video }\n"*": { family: diffusion }\n',
      'map.yaml',
    );
    const ds = listDataset(listText, { file: 'nested-list.md', name: 'Fruit', sections: hints });
    expect(ds.info.name).toBe('Fruit');
    const family = ds.taxonomy.dimensions.find((d) => d.id === 'family');
    expect(family?.categories.map((c) => c.id)).toEqual(['diffusion', 'gan']);
    expect(ds.papers.find((p) => p.name === 'CherryGAN')?.family).toBe('gan');
    expect(ds.papers.find((p) => p.name === 'ElderMotion')).toMatchObject({
      family: 'diffusion',
      tasks: ['video'],
      dimensions: { section: ['diffusion-models-2'] },
    });
  });

  it('leaves out the entries under a heading the map skips, and its sub-headings', () => {
    const hints = parseSectionHints('"🎬 Video Synthesis": { skip: true }\n', 'map.yaml');
    const ds = listDataset(listText, { file: 'nested-list.md', sections: hints });
    // AppleDiff is listed under Image Synthesis too: it stays, filed there only
    expect(ds.papers.map((p) => p.name).sort()).toEqual(['AppleDiff', 'BananaNet', 'CherryGAN']);
    expect(ds.papers.find((p) => p.name === 'AppleDiff')?.tasks).toEqual(['image-synthesis']);
    expect(ds.taxonomy.dimensions.find((d) => d.id === 'task')?.categories.map((c) => c.label)).toEqual([
      'Image Synthesis',
    ]);
    expect(ds.diagnostics.map((d) => d.message)).toContain(
      '3 entries under headings the section map skips left out',
    );
    expect(() => parseSectionHints('"GAN": { skip: true, task: gan }\n', 'map.yaml')).toThrow(
      'map.yaml:1: section "GAN": a skipped heading takes no task or family',
    );
  });

  it('is deterministic: the same list gives the same colours', () => {
    const a = listDataset(listText, { file: 'x.md' });
    const b = listDataset(listText, { file: 'x.md' });
    expect(b.taxonomy).toEqual(a.taxonomy);
  });

  it('names the file and line of a bad section map', () => {
    expect(() => parseSectionHints('Image: { family: Not A Slug }\n', 'map.yaml')).toThrow(/map\.yaml:1/);
    expect(() => parseSectionHints('Image: {}\n', 'map.yaml')).toThrow(
      /map\.yaml:1.*give a task, a family, or skip: true/s,
    );
  });
});

describe('importList refuses and writes nothing', () => {
  it('when the directory is not empty, unless --force', () => {
    const data = tempDir('atlas-import-list-full-');
    writeFileSync(join(data, 'notes.txt'), 'mine\n');
    const refused = quietly(() => importList({ in: LIST, data }));
    expect(refused.code).toBe(1);
    expect(refused.errors).toContain('not empty');
    expect(readdirSync(data)).toEqual(['notes.txt']);
    expect(quietly(() => importList({ in: LIST, data, force: true })).code).toBe(0);
    expect(readdirSync(data).sort()).toEqual([
      'dataset.yaml',
      'edges',
      'import-report.json',
      'labels.yaml',
      'notes.txt',
      'papers.yaml',
      'taxonomy.yaml',
    ]);
  });

  it('when the list has an error, naming its file and line', () => {
    const work = tempDir('atlas-import-list-bad-');
    const list = join(work, 'bad.md');
    writeFileSync(
      list,
      '# Bad\n\n## Things\n\n**A Paper With No Date**\n*Ada Lovelace*\n\n**Broken title<br>\n*Nobody*<br>\nArxiv 2024. / [PDF](https://arxiv.org/abs/2401.00001)\n',
    );
    const data = join(work, 'out');
    const r = quietly(() => importList({ in: list, data }));
    expect(r.code).toBe(1);
    expect(r.errors).toMatch(/bad\.md:8: error: entry title is not a bold line/);
    expect(existsSync(data)).toBe(false);
    expect(readdirSync(work)).toEqual(['bad.md']);
  });

  it('when the list has no entries', () => {
    const work = tempDir('atlas-import-list-none-');
    const list = join(work, 'empty.md');
    writeFileSync(list, '# Nothing\n\nJust words.\n');
    mkdirSync(join(work, 'out'));
    const r = quietly(() => importList({ in: list, data: join(work, 'out') }));
    expect(r.code).toBe(1);
    expect(r.errors).toContain('no paper entries');
    expect(readdirSync(join(work, 'out'))).toEqual([]);
  });
});
